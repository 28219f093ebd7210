/**
 * Many cells of a column with the same problem are one line (docs/school-table.md#problems): a generator that
 * writes formulas without calculating them leaves a whole column uncalculated, and 31 lines of the same message
 * bury the one thing to do. The line names the range and the count, and still every cell.
 */
import { formatProblems } from "../../src/cli/verdict";
import { GROUPED_FROM, groupProblems, type Problem } from "../../src/problems/problem";

const many = {
  zh: "“面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。",
  en: " (Area): formulas not calculated.",
};
const uncalculated = (cell: string, code = "formula-not-calculated"): Problem => ({
  severity: "error",
  code,
  cell,
  message: {
    zh: `${cell}“面积”的公式尚未计算（1*1）：请在 Excel 或 WPS 中打开并保存后再试。`,
    en: `${cell} (Area)`,
  },
  many,
});
const column = (letter: string, rows: readonly number[]) =>
  rows.map((r) => uncalculated(`学校!${letter}${r}`));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test("31 cells of a column: one line naming the range and the count, what to do said once", () => {
  const lines = formatProblems(column("F", range(3, 33)), "zh");
  expect(lines.slice(1)).toEqual([
    "  ✗ 错误 学校!F3:F33：共 31 个单元格“面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。",
  ]);
  expect(formatProblems(column("F", range(3, 33)), "en").slice(1)).toEqual([
    "  ✗ error 学校!F3:F33: 31 cells (Area): formulas not calculated.",
  ]);
});

test("cells with gaps between them: the runs are named, no cell lost", () => {
  const [line] = groupProblems(column("F", [3, 4, 5, 9, 12, 13]));
  expect(line.cell).toBe("学校!F3:F13");
  expect(line.message.zh).toBe(`共 6 个单元格（F3:F5、F9、F12:F13）${many.zh}`);
  expect(line.message.en).toBe(`6 cells (F3:F5, F9, F12:F13)${many.en}`);
});

test("in the place of the first; other columns, codes and problems without shared words stay as they are", () => {
  const other: Problem = {
    severity: "error",
    code: "not-a-number",
    cell: "学校!G4",
    message: { zh: "x", en: "x" },
  };
  const few = column("H", range(3, 2 + GROUPED_FROM - 1));
  const plain = range(3, 8).map((r): Problem => ({ ...other, cell: `学校!G${r}` }));
  const problems = [other, ...column("F", range(3, 10)), ...few, ...plain, ...column("K", range(3, 5))];
  const shown = groupProblems(problems);
  expect(shown.map((p) => p.cell)).toEqual([
    "学校!G4",
    "学校!F3:F10",
    ...few.map((p) => p.cell),
    ...plain.map((p) => p.cell),
    "学校!K3:K5",
  ]);
  // the same column on another sheet, or another code, is another line
  const sheets = groupProblems([
    ...column("F", range(3, 6)),
    ...range(3, 6).map((r) => uncalculated(`乙!F${r}`)),
  ]);
  expect(sheets.map((p) => p.cell)).toEqual(["学校!F3:F6", "乙!F3:F6"]);
  const codes = groupProblems([
    ...column("F", range(3, 6)),
    ...range(7, 9).map((r) => uncalculated(`学校!F${r}`, "x")),
  ]);
  expect(codes.map((p) => p.cell)).toEqual(["学校!F3:F6", "学校!F7:F9"]);
});
