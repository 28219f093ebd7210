/**
 * An export as a clerk's colleague leaves it after tidying it in Excel: the county written once over its schools in
 * a merged cell, a combined school's 学段 rows under one merged name, a county cell left blank
 * (docs/import.md#counties, docs/import.md#campuses). No school may be lost without a word.
 */
import { columnLetters, type Grid, type MergedRange } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
  type ExportSheet,
} from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

const rows = leagueRows();

/** The sheet with cells blanked and ranges merged over them, as Excel keeps a merged range's value in its first cell. */
function tidied(sheet: ExportSheet, merges: MergedRange[], blanks: [number, number][] = []): Grid {
  const values = sheet.values.map((row) => [...row]);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) values[r][c] = null;
    }
  }
  for (const [r, c] of blanks) values[r][c] = null;
  return { sheet: sheet.sheet, topLeft: "A1", values, merges: [...sheet.merges, ...merges] };
}

/** The data rows of a county, in order. */
function rowsOfCounty(sheet: ExportSheet, county: string): number[] {
  const c = columnOf(sheet, "统计三级");
  return sheet.dataRows.filter((r) => sheet.values[r][c] === county);
}

const errors = (grid: Grid, county: string) =>
  readSchoolTable(grid, { county }).problems.filter((p) => p.severity === "error");

describe("merged cells among the rows of an export", () => {
  const sheet = exportSheet(rows);
  const county = columnOf(sheet, "统计三级");
  const name = columnOf(sheet, "学校名称");

  it("reads every school of a county written once over its rows in a merged cell", () => {
    const own = rowsOfCounty(sheet, COUNTY_LISTED);
    // the county's rows are one block in the export: a merged cell spans them
    expect(own[own.length - 1] - own[0] + 1).toBe(own.length);
    const grid = tidied(sheet, [{ top: own[0], bottom: own[own.length - 1], left: county, right: county }]);
    const read = readSchoolTable(grid, { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("reads a combined school whose 学段 rows stand under one merged name as one school", () => {
    const combined = rows.filter((r) => r.type === "九年一贯制学校" && r.county === COUNTY_LISTED)[0];
    const at = sheet.dataRows.filter((r) => sheet.values[r][name] === combined.name);
    expect(at).toHaveLength(2);
    const grid = tidied(sheet, [{ top: at[0], bottom: at[1], left: name, right: name }]);
    expect(errors(grid, COUNTY_LISTED)).toEqual([]);
    const read = readSchoolTable(grid, { county: COUNTY_LISTED });
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });
});

describe("a blank county cell in an export of several counties", () => {
  const sheet = exportSheet(rows);
  const county = columnOf(sheet, "统计三级");
  const name = columnOf(sheet, "学校名称");
  // a school counted in its own right (not a campus joined to another)
  const school = rows.filter((r) => r.county === COUNTY_LISTED && r.counted === "是" && r.parent === null)[1]
    .name;
  const blankRow = sheet.dataRows.find((r) => sheet.values[r][name] === school) as number;
  const grid = tidied(sheet, [], [[blankRow, county]]);

  it.each([COUNTY_LISTED, COUNTY_UNLISTED])(
    "is an error naming the cell and the school when %s is read",
    (asked) => {
      const read = readSchoolTable(grid, { county: asked });
      const blank = read.problems.filter((p) => p.code === "county-blank");
      expect(blank).toHaveLength(1);
      expect(blank[0].severity).toBe("error");
      expect(blank[0].cell).toBe(`${sheet.sheet}!${columnLetters(county)}${blankRow + 1}`);
      expect(blank[0].message.zh).toContain(blank[0].cell as string);
      expect(blank[0].message.zh).toContain(school);
      expect(blank[0].message.en).toContain(school);
      expect(read.records.map((r) => r.name)).not.toContain(school);
    },
  );

  it("is no problem in an export of one county: the blank row is that county's", () => {
    const oneCounty: ExportSheet = {
      ...sheet,
      values: sheet.values.filter((row, r) => !sheet.dataRows.includes(r) || row[county] === COUNTY_LISTED),
    };
    const kept = oneCounty.values.findIndex((row) => row[name] === school);
    const read = readSchoolTable(tidied(oneCounty, [], [[kept, county]]), { county: COUNTY_LISTED });
    expect(read.problems.map((p) => p.code)).not.toContain("county-blank");
    expect(read.records.map((r) => r.name)).toContain(school);
  });
});
