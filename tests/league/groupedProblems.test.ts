/**
 * Many cells of a column with the same problem (formulas never calculated, a required figure left blank) are one
 * line wherever a clerk reads the problems, as `balance evaluate` and the pane's check list them
 * (docs/school-table.md#problems): each county's sheet of the league workbook, the report's tables of problems,
 * and the county sheet's own uncalculated values. The JSON keeps them cell by cell.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { countyTemplateRows } from "../../src/sheet/countySheet";
import type { CellValue } from "../../src/sheet/grid";
import { run, tempDir } from "../cli/helpers";
import { cellOf, countyRows, rawBook, rawSheet, withCells, type RawCell } from "../trust/hostileBooks";

const dir = tempDir();
const UNCALCULATED = { xml: '<c r="$REF"><f>1*1</f></c>' };
const lastRow = countyRows().length;
/** A cell's address without its sheet: 学校!P7 → P7. */
const withoutSheet = (cell: string) => cell.replace(/^.*!/u, "");

/** The rows of a workbook's sheet `sheet` that say `words`. */
async function rowsSaying(file: string, sheet: string, words: string): Promise<CellValue[][]> {
  const book = await readWorkbookFile(file);
  if (!book.ok) throw new Error(book.problem.message.en);
  const grid = book.grids.find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`no sheet ${sheet}: ${book.grids.map((g) => g.sheet).join(", ")}`);
  return grid.values.filter((row) => row?.some((v) => typeof v === "string" && v.includes(words)));
}

test("the league workbook lists a column of uncalculated formulas as one row; the JSON cell by cell", async () => {
  // every school's 教学及辅助用房面积 a formula never calculated
  const changes: Record<number, Record<string, RawCell>> = {};
  for (let row = 2; row <= lastRow; row++) changes[row] = { teachingArea: UNCALCULATED };
  const file = join(dir, "突泉县.xlsx");
  writeFileSync(file, rawBook([rawSheet(withCells(changes))]));
  const out = join(dir, "盟市汇总.xlsx");
  const batch = await run("batch", file, "--out", out, "--year", "2026");
  expect(batch.code).toBe(1);
  const first = cellOf("teachingArea", 2);
  const range = `${first}:${withoutSheet(first).replace(/\d+$/u, String(lastRow))}`;
  const rows = await rowsSaying(out, "突泉县", "公式尚未计算");
  expect(rows).toHaveLength(1);
  expect(rows[0][0]).toBe(range);
  expect(rows[0]).toContain(
    `共 ${lastRow - 1} 个单元格“教学及辅助用房面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。`,
  );
  // the text, as evaluate's, one line too
  expect(batch.stderr.split("\n").filter((line) => line.includes("公式尚未计算"))).toEqual([
    `  ✗ 错误 ${range}：共 ${lastRow - 1} 个单元格“教学及辅助用房面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。`,
  ]);
  const json = JSON.parse((await run("batch", file, "--json", "--year", "2026")).stdout);
  const problems = json.counties[0].problems as { code: string; cell: string }[];
  expect(problems.filter((p) => p.code === "formula-not-calculated")).toHaveLength(lastRow - 1);
});

test("the county sheet's uncalculated values are one row of the report's 全部指标; the JSON cell by cell", async () => {
  // a county sheet whose every figure is a formula never calculated (a sheet a tool wrote)
  const template = countyTemplateRows();
  const header = template.findIndex((row) => row.includes("填报值"));
  const value = template[header].indexOf("填报值");
  const county = template.map((row, i): RawCell[] =>
    i > header && typeof row[0] === "string" && row[0] !== ""
      ? row.map((v, c) => (c === value ? UNCALCULATED : v))
      : row,
  );
  const file = join(dir, "科右前旗.xlsx");
  writeFileSync(file, rawBook([rawSheet(countyRows()), rawSheet(county, { name: "县级指标" })]));
  const json = JSON.parse((await run("evaluate", file, "--json")).stdout);
  const uncalculated = (json.countyProblems as { code: string; cell: string }[]).filter(
    (p) => p.code === "formula-not-calculated",
  );
  expect(uncalculated.length).toBeGreaterThanOrEqual(3);
  const out = join(dir, "科右前旗-报告.xlsx");
  expect((await run("evaluate", file, "--out", out)).code).toBe(0);
  const rows = await rowsSaying(out, "全部指标", "公式尚未计算");
  expect(rows).toHaveLength(1);
  const said = rows[0].find((v) => typeof v === "string" && v.includes("公式尚未计算")) as string;
  expect(said).toMatch(
    new RegExp(
      `^共 ${uncalculated.length} 个单元格.*的公式尚未计算：请在 Excel 中打开并保存后再试（这些项按“未提供”处理）$`,
      "u",
    ),
  );
  // the row's cell is their range, from the first to the last
  const last = uncalculated[uncalculated.length - 1].cell;
  expect(rows[0][0]).toBe(`${uncalculated[0].cell}:${withoutSheet(last)}`);
});
