/** Test helpers: counties as the double's workbooks, read and evaluated along the one data path. */
import { evaluateTable } from "../../src/pipeline";
import { emptyTeachers, type SchoolRecord, type SchoolType } from "../../src/engine";
import { ExcelDouble } from "../../src/excel/double/excel";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import type { Grid } from "../../src/sheet/grid";
import type { Lang } from "../../src/i18n/format";
import { seededRandom } from "../../src/sample/random";

export const prng = seededRandom;

const TYPES: SchoolType[] = [
  "primary",
  "primary",
  "primary",
  "junior",
  "junior",
  "nineYear",
  "teachingPoint",
  "complete",
  "special",
];

/** A random county of `n` schools with plausible enrolments and resources (some sections failing). */
export function randomCounty(n: number, seed: number): SchoolRecord[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const records: SchoolRecord[] = [];
  for (let i = 0; i < n; i++) {
    const type = TYPES[int(0, TYPES.length - 1)];
    const students = { primary: 0, junior: 0, senior: 0 };
    if (type === "primary" || type === "nineYear") students.primary = int(60, 1800);
    if (type === "teachingPoint") students.primary = int(10, 90);
    if (type === "junior" || type === "nineYear" || type === "complete") students.junior = int(80, 1500);
    if (type === "complete") students.senior = int(100, 900);
    if (type === "special") students.primary = int(20, 120);
    const teachers = { primary: emptyTeachers(), junior: emptyTeachers() };
    for (const level of ["primary", "junior"] as const) {
      const s = students[level];
      if (s > 0) {
        teachers[level] = {
          qualifiedTeachers: Math.round((s * (3 + rnd() * 4)) / 100),
          keyTeachers: Math.round((s * (0.6 + rnd() * 1.2)) / 100),
          peArtTeachers: Math.round((s * (0.6 + rnd() * 0.9)) / 100),
        };
      }
    }
    const all = students.primary + students.junior + students.senior;
    records.push({
      name: `测试学校${i + 1}`,
      type,
      parent: type === "teachingPoint" ? "测试学校1" : undefined,
      students,
      teachers,
      facilities: {
        teachingArea: Math.round(all * (3.5 + rnd() * 4) * 10) / 10,
        sportsArea: Math.round(all * (6 + rnd() * 8) * 10) / 10,
        // whole 元 in 万元 with 4 decimals, as the template writes it
        equipmentValue: Math.round(all * (1500 + rnd() * 2000)),
        multimediaRooms: Math.max(1, Math.round((all * (1.8 + rnd() * 1.5)) / 100)),
      },
    });
  }
  return records;
}

/** A workbook holding the school table on sheet 学校 (a title row above the header). */
export function countyWorkbook(records: readonly SchoolRecord[]): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheetWithValues("学校", [["测试县学校统计表"], templateHeaderRow(), ...recordsToRows(records)]);
  return excel;
}

export function gridOf(records: readonly SchoolRecord[]): Grid {
  return {
    sheet: "学校",
    topLeft: "A1",
    values: [["测试县学校统计表"], templateHeaderRow(), ...recordsToRows(records)],
  };
}

/** The report of a grid, through the one data path. */
export function reportOf(grid: Grid, lang: Lang = "zh") {
  const result = evaluateTable(grid);
  if (!result.evaluation)
    throw new Error(`the table has errors: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const report: Report = buildReport(
    { evaluation: result.evaluation, read: result.read, profile: result.profile, problems: result.problems },
    { lang, sourceRange: "学校!A1:AA40", date: "2026-11-28" },
  );
  return { result, evaluation: result.evaluation, report };
}
