import { evaluate } from "../../src/engine";
import type { SchoolRecord } from "../../src/engine/records";
import { columnLetters, type Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { readExport, type ExportReading } from "../../src/sheet/recipe/readExport";
import { planTable } from "../../src/sheet/recipe/table";
import type { TableRecipe } from "../../src/sheet/recipe/schema";
import { STATISTICS_EXPORT } from "../../src/sheet/recipe/load";
import { templateHeaderRow, type TemplateCell } from "../../src/sheet/template";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import type { ExportSheet } from "./exportFixture";

/** Reads an export sheet through a recipe, its header columns as the generator laid them out. */
export function readExportSheet(
  sheet: ExportSheet,
  options: { county?: string; recipe?: TableRecipe; profile?: Profile } = {},
): ExportReading {
  const plan = planTable(options.recipe ?? STATISTICS_EXPORT, sheet.columns);
  if (!plan) throw new Error("the recipe does not fit the export");
  const profile = options.profile ?? NATIONAL_2017;
  return readExport(
    {
      sheet: sheet.sheet,
      row: (r) => sheet.values[r] ?? [],
      dataRows: sheet.dataRows,
      address: (row, col) => `${sheet.sheet}!${columnLetters(col)}${row + 1}`,
      sheetRow: (row) => row + 1,
    },
    plan,
    { county: options.county, defaultUnit: profile.equipmentDefaultUnit },
    (grid: Grid) => readSchoolTable(grid, { profile }),
  );
}

/** The records of template rows, read as the reader reads a clerk's workbook. */
export function templateRecords(rows: TemplateCell[][], profile: Profile = NATIONAL_2017): SchoolRecord[] {
  const read = readSchoolTable(
    { sheet: "学校", topLeft: "A1", values: [templateHeaderRow(), ...rows] },
    { profile },
  );
  const errors = read.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors, null, 1));
  return read.records;
}

/** What an evaluation says of each section and level, for comparing two readings of the same schools. */
export function verdictOf(records: readonly SchoolRecord[], profile: Profile = NATIONAL_2017) {
  const evaluation = evaluate(records, profile);
  return {
    sections: evaluation.sections
      .map((s) => ({
        school: s.school,
        level: s.level,
        students: s.students,
        included: s.included,
        exclusion: s.exclusion ?? null,
        values: s.values,
        pass: s.pass,
      }))
      .sort((a, b) => (a.school + a.level < b.school + b.level ? -1 : 1)),
    levels: Object.fromEntries(
      Object.entries(evaluation.levels).map(([level, l]) => [
        level,
        {
          sections: l.sections,
          students: l.students,
          pass: l.pass,
          cv: Object.fromEntries(Object.entries(l.balance).map(([id, b]) => [id, b.cv])),
          countyRatio: Object.fromEntries(Object.entries(l.balance).map(([id, b]) => [id, b.countyRatio])),
        },
      ]),
    ),
    resourcesPass: evaluation.resourcesPass,
  };
}

/** Numbers compared to 12 significant digits: sums in another order differ in the last bit. */
export function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)),
  ) as T;
}

/** The export as a grid, each data cell of column `col` rewritten by `write` (its value as text). */
export function withColumnRewritten(
  sheet: ExportSheet,
  col: number,
  write: (value: string) => string | number | null,
): Grid {
  const values = sheet.values.map((row, r) =>
    sheet.dataRows.includes(r) ? row.map((v, c) => (c === col ? write(String(v)) : v)) : row,
  );
  return { sheet: sheet.sheet, topLeft: "A1", values, merges: sheet.merges };
}

/** The export as the grid a host hands the reader, with its merged ranges or without (labels spread over blanks). */
export const gridOf = (sheet: ExportSheet, merges = true): Grid => ({
  sheet: sheet.sheet,
  topLeft: "A1",
  values: sheet.values,
  ...(merges ? { merges: sheet.merges } : {}),
});

/** A grid read with its merged ranges and without them, for it.each. */
export const WITH_AND_WITHOUT_MERGES: [string, boolean][] = [
  ["with merged ranges", true],
  ["without them (labels spread over blanks)", false],
];
