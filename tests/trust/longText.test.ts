/**
 * Cell texts of Excel's most, 32,767 characters, as a damaged or hostile workbook repeats them across a sheet at a
 * few bytes a cell: read as a short text of the same kind is read. The expressions that take them apart start a
 * match only where a run of marks, separators or brackets begins; tried from every character of such a run, each
 * cell cost seconds (measured by hand: 3 s a cell before, under 10 ms after) and a sheet of them hours.
 */
import {
  COUNTY_SHEET_ROWS,
  countyTemplateRows,
  isCountySheet,
  readCountySheet,
} from "../../src/sheet/countySheet";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { withoutDivisionCode } from "../../src/sheet/recipe/statisticsCodes";

const MOST = 32767;

describe("cells of 32,767 characters", () => {
  it("an answer of a run of full stops and a word reads as that text does when short: unreadable, said", () => {
    const rows: CellValue[][] = countyTemplateRows().map((r) => [...r]);
    const at = rows.findIndex((r) => COUNTY_SHEET_ROWS.some((c) => c.code === r[0] && c.yesNo));
    const read = (answer: string) => {
      const values = rows.map((r) => [...r]);
      values[at][4] = answer;
      return readCountySheet({ sheet: "县级指标", topLeft: "A1", values });
    };
    const long = read(`${"。".repeat(MOST - 1)}是`);
    const short = read("。。是");
    const values = (r: typeof long) => Object.entries(r.answers).map(([id, a]) => [id, a?.value, a?.cell]);
    expect(values(long)).toEqual(values(short));
    expect(long.problems.map((p) => [p.code, p.cell])).toEqual(short.problems.map((p) => [p.code, p.cell]));
    expect(short.problems.length).toBeGreaterThan(0);
  });

  it("a sheet whose first rows are brackets opened and never closed is no county sheet", () => {
    const grid: Grid = {
      sheet: "说明",
      topLeft: "A1",
      values: Array.from({ length: 10 }, () => Array<CellValue>(8).fill("(".repeat(MOST))),
    };
    expect(isCountySheet(grid)).toBe(false);
  });

  it.each([
    [`科右前旗${" ".repeat(MOST - 10)}152221`, "科右前旗"],
    [`科右前旗${"-".repeat(MOST - 10)}`, `科右前旗${"-".repeat(MOST - 10)}`],
    [`1${" ".repeat(MOST - 8)}152221`, "1"],
    // the separators after a digit: the code still comes off, from the first separator on
    ["2：1 828325", "2：1"],
    ["科右前旗 - 152221", "科右前旗"],
    ["152221", "152221"],
  ])("a county's division code comes off however long the separators before it (%#)", (text, county) => {
    expect(withoutDivisionCode(text)).toBe(county);
  });
});
