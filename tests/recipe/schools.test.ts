import type { Problem } from "../../src/problems/problem";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  templateRowsOf,
  type ExportRow,
} from "./exportFixture";
import { readExportSheet, rounded, templateRecords, verdictOf } from "./helpers";

const SHEET = "学校基本情况";
const rowsOf = (edit: (rows: ExportRow[]) => void) => {
  const rows = leagueRows();
  edit(rows);
  return rows;
};
const found = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);
/** The sheet row of an export row (titles, three header rows and the unit row above the data). */
const sheetRow = (index: number) => index + 7;

describe("campuses, teaching points and combined schools (docs/import.md#campuses)", () => {
  it("joins an uncounted campus to its school: pupils, teachers and facilities added", () => {
    const rows = leagueRows();
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED });
    const school = reading.read.records.find((r) => r.name === "科右前旗第一小学");
    const own = rows.find((r) => r.name === "科右前旗第一小学");
    const campus = rows.find((r) => r.name === "科右前旗第一小学南校区");
    expect(school?.students.primary).toBe((own?.students.primary ?? 0) + (campus?.students.primary ?? 0));
    expect(school?.facilities.multimediaRooms).toBe((own?.rooms ?? 0) + (campus?.rooms ?? 0));
    expect(reading.read.records.some((r) => r.name === "科右前旗第一小学南校区")).toBe(false);
  });

  it("keeps a teaching point a school of its own under its parent, whether or not it counts", () => {
    const reading = readExportSheet(exportSheet(leagueRows()), { county: COUNTY_LISTED });
    const points = reading.read.records.filter((r) => r.type === "teachingPoint");
    expect(points.map((p) => [p.name, p.parent, p.students.primary])).toEqual([
      ["索伦镇大石寨教学点", "索伦镇中心小学", 64],
      ["索伦镇白音教学点", "索伦镇中心小学", 23],
    ]);
  });

  it("follows the profile's option to merge teaching points into their parents", () => {
    const rows = leagueRows();
    const profile = {
      ...(
        jest.requireActual(
          "../../src/standard/national2017",
        ) as typeof import("../../src/standard/national2017")
      ).NATIONAL_2017,
      teachingPoints: "mergeIntoParent" as const,
    };
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED, profile });
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED), profile);
    expect(rounded(verdictOf(reading.read.records, profile))).toEqual(rounded(verdictOf(typed, profile)));
  });

  it("reports a campus whose parent is not in the county, naming its 隶属学校 cell", () => {
    const rows = rowsOf((rs) => {
      const campus = rs.find((r) => r.name === "鲁北第一中学东校区") as ExportRow;
      campus.parent = "鲁北第三中学";
    });
    const index = rows.findIndex((r) => r.name === "鲁北第一中学东校区");
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_UNLISTED });
    const [problem] = found(reading.read.problems, "campus-parent-missing");
    expect(problem.severity).toBe("error");
    expect(problem.cell).toBe(`${SHEET}!G${sheetRow(index)}`);
    expect(problem.message.zh).toContain("鲁北第三中学");
  });

  it("reports a campus without a parent", () => {
    const rows = rowsOf((rs) => {
      (rs.find((r) => r.name === "鲁北第一中学东校区") as ExportRow).parent = null;
    });
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_UNLISTED });
    expect(found(reading.read.problems, "campus-parent-missing")).toHaveLength(1);
  });

  it("counts a combined school's facilities once and says where its 学段 rows disagree", () => {
    const rows = rowsOf((rs) => {
      const junior = rs.find((r) => r.name === "科右前旗民族学校" && r.level === "初中") as ExportRow;
      junior.rooms += 3;
    });
    const index = rows.findIndex((r) => r.name === "科右前旗民族学校" && r.level === "初中");
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED });
    const school = reading.read.records.find((r) => r.name === "科右前旗民族学校");
    const first = rows.find((r) => r.name === "科右前旗民族学校") as ExportRow;
    expect(school?.facilities.multimediaRooms).toBe(first.rooms);
    const [problem] = found(reading.read.problems, "combined-rows-differ");
    expect(problem.cell).toBe(`${SHEET}!AC${sheetRow(index)}`);
  });

  it("refuses a nine-year school on one row: its teachers cannot be split", () => {
    const rows = rowsOf((rs) => {
      const i = rs.findIndex((r) => r.name === "科右前旗民族学校");
      const [primary, junior] = rs.slice(i, i + 2);
      primary.level = null;
      primary.students.junior = junior.students.junior;
      rs.splice(i + 1, 1);
    });
    const index = rows.findIndex((r) => r.name === "科右前旗民族学校");
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED });
    const [problem] = found(reading.read.problems, "combined-school-one-row");
    expect(problem.severity).toBe("error");
    expect(problem.cell).toBe(`${SHEET}!A${sheetRow(index)}`);
  });

  it("leaves out rows outside compulsory education, once said", () => {
    const reading = readExportSheet(exportSheet(leagueRows()), { county: COUNTY_LISTED });
    const [problem] = found(reading.read.problems, "rows-out-of-scope");
    expect(problem.severity).toBe("warning");
    expect(problem.message.zh).toContain("高级中学");
    expect(reading.read.records.some((r) => r.name === "科右前旗第一高级中学")).toBe(false);
  });

  it("takes a county named without its 旗 or 市, as the profile's counties may be", () => {
    const whole = readExportSheet(exportSheet(leagueRows()), { county: COUNTY_LISTED });
    const short = readExportSheet(exportSheet(leagueRows()), { county: COUNTY_LISTED.replace(/旗$/, "") });
    expect(found(short.read.problems, "county-not-found")).toEqual([]);
    expect(short.read.records.map((r) => r.name)).toEqual(whole.read.records.map((r) => r.name));
    expect(whole.read.records.length).toBeGreaterThan(0);
  });

  it("takes a short name only when one county of the table goes by it", () => {
    // 科右前旗 and a 科右前区 beside it: “科右前” names neither
    const rows = rowsOf((rs) => {
      for (const r of rs) if (r.county === COUNTY_UNLISTED) r.county = "科右前区";
    });
    const reading = readExportSheet(exportSheet(rows), { county: "科右前" });
    expect(found(reading.read.problems, "county-not-found")).toHaveLength(1);
    expect(reading.read.records).toEqual([]);
    const exact = readExportSheet(exportSheet(rows), { county: "科右前区" });
    expect(exact.read.records.length).toBeGreaterThan(0);
    expect(exact.read.records.every((r) => r.name !== "科右前旗第一小学")).toBe(true);
  });

  it("says which counties a table holds when the one asked for is not among them", () => {
    const reading = readExportSheet(exportSheet(leagueRows()), { county: "阿尔山市" });
    const [problem] = found(reading.read.problems, "county-not-found");
    expect(problem.message.zh).toContain(COUNTY_LISTED);
    expect(reading.read.records).toEqual([]);
  });
});

describe("problems of derived values name their source cells", () => {
  it("warns where the indoor sports rooms exceed the teaching rooms that include them", () => {
    // a school without a campus: its row is the school
    const rows = rowsOf((rs) => {
      rs[2].indoor = rs[2].teaching + 100;
    });
    const reading = readExportSheet(exportSheet(rows), { county: COUNTY_LISTED });
    const [problem] = found(reading.read.problems, "derived-negative");
    expect(problem.severity).toBe("warning");
    expect(problem.cell).toBe(`${SHEET}!Y9`);
    expect(problem.message.zh).toContain(
      `教学及辅助用房面积 = 教学及辅助用房›计 − 其中：室内体育用房（${SHEET}!Y9 − ${SHEET}!Z9）`,
    );
    expect(reading.read.records.find((r) => r.name === rows[2].name)?.facilities.teachingArea).toBe(0);
  });

  it("reports text in a source cell there, once", () => {
    const sheet = exportSheet(leagueRows());
    sheet.values[6][15] = "三十";
    const reading = readExportSheet(sheet, { county: COUNTY_LISTED });
    const [problem] = found(reading.read.problems, "not-a-number");
    expect(problem.cell).toBe(`${SHEET}!P7`);
    expect(problem.message.zh).toContain("专任教师›按学历分›本科");
    expect(problem.message.zh).toContain(
      "小学高于规定学历教师数 = 按学历分›博士研究生 + 硕士研究生 + 本科 + 专科",
    );
    // the derived value is not read again as a blank cell
    expect(found(reading.read.problems, "section-teachers-blank")).toEqual([]);
  });

  it("says a blank derived value with its derivation and every source cell", () => {
    const sheet = exportSheet(leagueRows());
    for (const c of [13, 14, 15, 16]) sheet.values[8][c] = null;
    const reading = readExportSheet(sheet, { county: COUNTY_LISTED });
    const [problem] = found(reading.read.problems, "section-teachers-blank");
    expect(problem.cell).toBe(`${SHEET}!N9`);
    expect(problem.message.zh).toContain(
      `小学高于规定学历教师数 = 按学历分›博士研究生 + 硕士研究生 + 本科 + 专科（${SHEET}!N9 + ${SHEET}!O9 + ${SHEET}!P9 + ${SHEET}!Q9）`,
    );
    expect(problem.message.zh).not.toContain("__import__");
    expect(problem.message.en).toContain(`${SHEET}!N9 + ${SHEET}!O9`);
  });
});
