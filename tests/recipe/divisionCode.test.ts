/**
 * A county written with its division code (行政区划代码) in the export's 统计三级 column (docs/import.md#counties):
 * the county is known by its name, for --county, for the list of counties and for the plan's target year.
 */
import type { Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { withoutDivisionCode } from "../../src/sheet/recipe/statisticsCodes";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
} from "./exportFixture";
import { rounded, templateRecords, verdictOf, withColumnRewritten } from "./helpers";

const rows = leagueRows();
const base = exportSheet(rows);
const COUNTY = columnOf(base, "统计三级");
const CODES: Record<string, string> = { [COUNTY_LISTED]: "152221", [COUNTY_UNLISTED]: "150526" };

const coded = (write: (code: string, county: string) => string): Grid =>
  withColumnRewritten(base, COUNTY, (v) => write(CODES[v], v));

describe("a county given with its division code", () => {
  it.each([
    ["152221科右前旗", "科右前旗"],
    ["152221 科右前旗", "科右前旗"],
    ["152221-科右前旗", "科右前旗"],
    ["科右前旗（152221）", "科右前旗"],
    ["152221000000科右前旗", "科右前旗"],
    ["152221", "152221"],
    ["科右前旗", "科右前旗"],
  ])("reads %s as %s", (text, county) => {
    expect(withoutDivisionCode(text)).toBe(county);
  });

  it.each([
    ["before the name", (code: string, county: string) => `${code}${county}`],
    ["after it, bracketed", (code: string, county: string) => `${county}（${code}）`],
  ])("reads the counties named with the code %s as the template", (_where, write) => {
    const grid = coded(write);
    expect(readSchoolTable(grid).recipe?.counties).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });
});
