/**
 * An export of several counties that heads each county's schools with a row holding the county's name alone in the
 * name column (科右前旗, or 一、科右前旗 after an ordinal), as a printed or grouped export does. The heading is no
 * school: it is skipped, counted with the subtotals, and every county's schools are read as the clerk typed them —
 * not an error of a school named 科右前旗 whose county is blank, and not the table's end after a county's total.
 */
import { readSchoolTable } from "../../src/sheet/read";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  templateRowsOf,
  type ExportSheet,
} from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The sheet with a row inserted above each county's first school, its name cell `heading(county, i)`. */
function withHeadings(
  sheet: ExportSheet,
  counties: readonly string[],
  heading: (county: string, i: number) => string,
) {
  const countyCol = sheet.columns.findIndex((c) => c.path[0] === "统计三级");
  const values: ExportSheet["values"] = [];
  const dataRows: number[] = [];
  const first = sheet.dataRows[0];
  values.push(...sheet.values.slice(0, first));
  let previous: unknown = null;
  for (const r of sheet.dataRows) {
    const county = sheet.values[r][countyCol];
    if (county !== previous) {
      const row: ExportSheet["values"][number] = new Array<null>(sheet.values[r].length).fill(null);
      row[0] = heading(String(county), counties.indexOf(String(county)));
      values.push(row);
      previous = county;
    }
    dataRows.push(values.length);
    values.push(sheet.values[r]);
  }
  return { ...sheet, values, dataRows };
}

describe("a county's name heading its schools in an export of several counties", () => {
  const rows = leagueRows();
  const counties = [COUNTY_LISTED, COUNTY_UNLISTED];
  const ordinals = ["一、", "二、"];

  it.each([
    ["the county's name", (county: string) => county],
    ["an ordinal and the county's name", (county: string, i: number) => `${ordinals[i]}${county}`],
  ])("%s: skipped, each county's schools read as typed", (_, heading) => {
    const sheet = withHeadings(exportSheet(rows), counties, heading);
    for (const county of counties) {
      const typed = templateRecords(templateRowsOf(rows, county));
      const read = readSchoolTable(gridOf(sheet), { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
      expect(read.skippedRows.subtotal).toBe(2);
    }
  });
});

describe("a row holding a school's name alone is still a school's row", () => {
  const rows = leagueRows();

  it.each(["科右前旗第一中学南校区", "归流河镇中心学校"])(
    "%s: an error at its row, not a heading",
    (name) => {
      const sheet = exportSheet(rows);
      const at = sheet.dataRows[0];
      const row: ExportSheet["values"][number] = new Array<null>(sheet.values[at].length).fill(null);
      row[0] = name;
      sheet.values.splice(at, 0, row);
      const read = readSchoolTable(gridOf({ ...sheet, dataRows: sheet.dataRows.map((r) => r + 1) }), {
        county: COUNTY_LISTED,
      });
      const errors = read.problems.filter((p) => p.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((p) => p.cell?.endsWith(`${at + 1}`))).toBe(true);
      expect(read.skippedRows.subtotal).toBe(0);
    },
  );
});
