import { countOf, countShown } from "../../src/i18n/count";
import { formatNumber } from "../../src/i18n/format";
import { t } from "../../src/i18n/messages";

describe("countOf: an English count with its noun agreeing", () => {
  it("is singular for one and plural for any other count, zero among them", () => {
    expect(countOf(1, "school")).toBe("1 school");
    expect(countOf(2, "school")).toBe("2 schools");
    expect(countOf(0, "school")).toBe("0 schools");
    expect(countOf(-1, "year")).toBe("-1 year");
  });

  it("takes an irregular plural as given", () => {
    expect(countOf(1, "county", "counties")).toBe("1 county");
    expect(countOf(3, "county", "counties")).toBe("3 counties");
    expect(countOf(1, "class", "classes")).toBe("1 class");
    expect(countOf(2, "class", "classes")).toBe("2 classes");
    // words after the noun agree with it too
    expect(countOf(1, "teacher moves", "teachers move")).toBe("1 teacher moves");
    expect(countOf(4, "teacher moves", "teachers move")).toBe("4 teachers move");
  });

  it("writes the number as formatNumber writes a count", () => {
    expect(countOf(12345, "student")).toBe(`${formatNumber(12345, 0, "en")} students`);
    expect(countOf(12345, "student")).toBe("12,345 students");
  });

  it("follows the figure shown, for a count already written out", () => {
    expect(countShown("1", "item")).toBe("1 item");
    expect(countShown("1,000", "item")).toBe("1,000 items");
    expect(countShown("1.5", "item")).toBe("1.5 items");
  });
});

describe("t: a count placeholder {name|one|other}", () => {
  it("fills an English template with the noun agreeing, from a number or a figure written out", () => {
    expect(t("en", "readFrom", { sheet: "学校", range: "A1:AD2", schools: 1 })).toBe(
      "Read 学校!A1:AD2: 1 school",
    );
    expect(t("en", "readFrom", { sheet: "学校", range: "A1:AD9", schools: 8 })).toBe(
      "Read 学校!A1:AD9: 8 schools",
    );
    expect(t("en", "leagueBar", { files: "1", counties: "1" })).toBe(
      "League summary: 1 file, 1 county evaluated",
    );
    expect(t("en", "rotationSummary", { before: 3, after: 4, moved: 1 })).toBe(
      "Rotation: passing 3 → 4, 1 teacher moves",
    );
  });

  it("says the sections passing of a level as a count, its verb agreeing: 1 of 1 section passes", () => {
    const level = (passing: string, sections: string) =>
      t("en", "levelLine", { level: "Primary", passing, sections, cvPassing: "7" });
    expect(level("1", "1")).toBe("Primary: 1 of 1 section passes · 7 of 7 coefficients within limit");
    expect(level("3", "5")).toBe("Primary: 3 of 5 sections pass · 7 of 7 coefficients within limit");
    expect(level("1,180", "1,200")).toBe(
      "Primary: 1,180 of 1,200 sections pass · 7 of 7 coefficients within limit",
    );
    const league = (passing: string, sections: string) =>
      t("en", "leaguePassing", { level: "Junior", passing, sections });
    expect(league("0", "1")).toBe("Junior: 0 of 1 section passes");
    expect(league("3", "5")).toBe("Junior: 3 of 5 sections pass");
    // Chinese has no plural: the figures as they were
    expect(t("zh", "levelLine", { level: "小学", passing: "3", sections: "5", cvPassing: "6" })).toBe(
      "小学：3/5 个学校（校区）达标 · 6/7 项差异系数达标",
    );
    expect(t("zh", "leaguePassing", { level: "初中", passing: "1", sections: "1" })).toBe(
      "初中 1/1 个学校（校区）达标",
    );
  });

  it("leaves the Chinese unchanged, and an unfilled count placeholder visible", () => {
    expect(t("zh", "readFrom", { sheet: "学校", range: "A1:AD2", schools: 1 })).toBe(
      "已读取 学校!A1:AD2：1 所学校",
    );
    expect(t("en", "readFrom", { sheet: "学校" })).toContain("{range}");
    expect(t("en", "readFrom", { sheet: "学校", range: "A1:B2" })).toContain("{schools|school|schools}");
  });
});
