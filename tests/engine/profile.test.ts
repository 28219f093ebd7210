import { evaluate } from "../../src/engine";
import { BUILT_IN_PROFILES, parseProfile, parseProfileText } from "../../src/standard/load";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { goodPrimary } from "./helpers";

describe("the national-2017 profile holds docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope", () => {
  test("thresholds of the seven indicators (§2 table)", () => {
    const expected = {
      qualifiedTeachers: [4.2, 5.3],
      keyTeachers: [1.0, 1.0],
      peArtTeachers: [0.9, 0.9],
      teachingArea: [4.5, 5.8],
      sportsArea: [7.5, 10.2],
      equipmentValue: [2000, 2500],
      multimediaRooms: [2.3, 2.4],
    };
    for (const id of INDICATOR_IDS) {
      const { primary, junior } = NATIONAL_2017.indicators[id].standard;
      expect([primary, junior]).toEqual(expected[id]);
      expect(NATIONAL_2017.indicators[id].name.zh).toMatch(/生/);
      expect(NATIONAL_2017.indicators[id].name.en.length).toBeGreaterThan(0);
    }
  });

  test("pass rule 6 of 7 with the 85 % floor, CV limits 0.50 / 0.45, exclusions and weights (§2, §4)", () => {
    expect(NATIONAL_2017.passRule).toEqual({ minMet: 6, floorRatio: 0.85 });
    expect(NATIONAL_2017.cvLimit).toEqual({ primary: 0.5, junior: 0.45 });
    expect(NATIONAL_2017.exclusions).toEqual({
      specialEducation: true,
      vocational: true,
      teachingPointMinStudents: 50,
    });
    expect(NATIONAL_2017.teachingPoints).toBe("ownSchool");
    expect(NATIONAL_2017.apportioning).toEqual({
      nineYear: { primary: 1, junior: 1.1 },
      twelveYear: { primary: 1, junior: 1.1, senior: 1.32 },
      complete: { junior: 1, senior: 1.2 },
    });
    expect(NATIONAL_2017.indoorSportsMovesToSportsArea).toBe(false);
  });

  test("the built-in profile validates against its own schema", () => {
    const result = parseProfile(JSON.parse(JSON.stringify(NATIONAL_2017)));
    expect(result).toEqual({ ok: true, profile: NATIONAL_2017 });
    expect(BUILT_IN_PROFILES["national-2017"]).toBe(NATIONAL_2017);
  });
});

describe("custom profiles from JSON (parseProfile / parseProfileText)", () => {
  test("extends national-2017 and changes only what it gives", () => {
    const result = parseProfile({
      extends: "national-2017",
      id: "hebei-2018",
      name: { zh: "河北省实施细则", en: "Hebei rules" },
      cvLimit: { junior: 0.4 },
      indoorSportsMovesToSportsArea: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.profile.id).toBe("hebei-2018");
    expect(result.profile.cvLimit).toEqual({ primary: 0.5, junior: 0.4 });
    expect(result.profile.indoorSportsMovesToSportsArea).toBe(true);
    expect(result.profile.indicators.sportsArea.standard).toEqual({ primary: 7.5, junior: 10.2 });
    // the base is not modified
    expect(NATIONAL_2017.cvLimit.junior).toBe(0.45);
    // and the engine follows it
    expect(evaluate([goodPrimary("甲校")], result.profile).profile).toBe("hebei-2018");
  });

  test("a threshold changed deep inside an indicator", () => {
    const result = parseProfileText(
      JSON.stringify({
        extends: "national-2017",
        indicators: { teachingArea: { standard: { primary: 5 } } },
      }),
    );
    expect(result.ok && result.profile.indicators.teachingArea.standard).toEqual({ primary: 5, junior: 5.8 });
  });

  test("an invalid field is refused, naming the field", () => {
    const result = parseProfile({
      extends: "national-2017",
      indicators: { teachingArea: { standard: { primary: -1 } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toContain("indicators.teachingArea.standard.primary");
    expect(result.errors[0].message.zh).toContain("indicators.teachingArea.standard.primary");
    expect(result.errors[0].message.en).toContain("indicators.teachingArea.standard.primary");
  });

  test("wrong types and unknown fields are refused by name", () => {
    const wrongType = parseProfile({ extends: "national-2017", passRule: { minMet: "six" } });
    expect(!wrongType.ok && wrongType.errors.map((e) => e.field)).toEqual(["passRule.minMet"]);
    const unknown = parseProfile({ extends: "national-2017", cvLimits: { primary: 0.5 } });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.errors.map((e) => e.message.en).join(" ")).toMatch(/cvLimits/);
    const enumValue = parseProfile({ extends: "national-2017", teachingPoints: "merge" });
    expect(!enumValue.ok && enumValue.errors[0].field).toBe("teachingPoints");
  });

  test("the League plan's starting-grade date is profile data (docs/standard.md#starting-grades)", () => {
    expect(NATIONAL_2017.startingGradesFrom).toEqual({ year: 2026, month: 9 });
    const later = parseProfile({ extends: "national-2017", startingGradesFrom: { year: 2027 } });
    if (!later.ok) throw new Error(JSON.stringify(later.errors));
    expect(later.profile.startingGradesFrom).toEqual({ year: 2027, month: 9 });
    const bad = parseProfile({ extends: "national-2017", startingGradesFrom: { year: 2027, month: 13 } });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(["startingGradesFrom.month"]);
  });

  test("a profile without extends must give every field", () => {
    const result = parseProfile({ id: "x", name: { zh: "x", en: "x" } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["indicators", "passRule", "cvLimit"]),
    );
  });

  test("an unknown base profile is refused on the field extends", () => {
    const result = parseProfile({ extends: "national-2012" });
    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({
        field: "extends",
        message: expect.objectContaining({ zh: expect.stringContaining("national-2012") }),
      }),
    ]);
  });

  test("text that is not JSON is refused", () => {
    const result = parseProfileText("{ id: ");
    expect(!result.ok && result.errors[0].field).toBe("(json)");
  });
});
