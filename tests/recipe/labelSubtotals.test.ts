/**
 * Subtotal rows of an export named in a label column right of the school's name (docs/import.md#campuses): a
 * county's 合计 written in the county column with the name blank, a combined school's 学段 row of 合计 above its
 * 小学 and 初中 rows. They are no schools and no counties: the schools read are those typed into the template.
 */
import type { Grid } from "../../src/sheet/grid";
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
const base = exportSheet(rows);
const width = base.values[base.dataRows[0]].length;
const NAME = columnOf(base, "学校名称");
const COUNTY = columnOf(base, "统计三级");
const LEVEL = columnOf(base, "学段");
const PRIMARY = columnOf(base, "在校生数›小学");

/** The export with `extra` rows inserted before the data rows they are keyed to (merges shifted below them). */
function withRows(extra: { before: number; row: (string | number | null)[] }[]): Grid {
  const values = base.values.map((r) => r.slice());
  const merges = base.merges.map((m) => ({ ...m }));
  for (const { before, row } of [...extra].sort((a, b) => b.before - a.before)) {
    values.splice(before, 0, row);
    for (const m of merges) {
      if (m.top >= before) m.top++;
      if (m.bottom >= before) m.bottom++;
    }
  }
  return { sheet: base.sheet, topLeft: "A1", values, merges };
}

const blankRow = () => new Array<string | number | null>(width).fill(null);
const lastRowOf = (sheet: ExportSheet, county: string) =>
  Math.max(...sheet.dataRows.filter((r) => sheet.values[r][COUNTY] === county));

describe("subtotals named in a label column right of the names", () => {
  it("skips a county's 合计 in the county column: not a county, no school", () => {
    const subtotal = blankRow();
    subtotal[COUNTY] = `${COUNTY_LISTED}合计`;
    subtotal[PRIMARY] = 99999;
    const grid = withRows([{ before: lastRowOf(base, COUNTY_LISTED) + 1, row: subtotal }]);
    const all = readSchoolTable(grid);
    expect(all.recipe?.counties).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.skippedRows?.subtotal).toBe(1);
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });

  it("skips a combined school's 学段 合计 row above its 学段 rows", () => {
    const firsts = base.dataRows.filter((r) => base.values[r][LEVEL] === "小学");
    expect(firsts.length).toBeGreaterThan(1);
    const grid = withRows(
      firsts.map((r) => {
        const total = base.values[r].slice();
        total[LEVEL] = "合计";
        total[PRIMARY] = Number(base.values[r][PRIMARY]) + 1;
        return { before: r, row: total };
      }),
    );
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.skippedRows?.subtotal).toBe(firsts.length);
      expect(read.records.filter((r) => r.name === base.values[firsts[0]][NAME])).toHaveLength(
        county === base.values[firsts[0]][COUNTY] ? 1 : 0,
      );
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });
});
