/** @jest-environment jsdom */
/**
 * The pane's and web app's list of problems says many cells of a column with the same problem as one entry: its
 * range, which a click selects, and their count, not a page of the same message (docs/school-table.md#problems).
 */
import { fireEvent, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Problem } from "../../src/problems/problem";
import { ProblemGroup } from "../../src/taskpane/components/ProblemsStep";

const many = {
  zh: "“面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。",
  en: " (Area): formulas not calculated.",
};
const problems = Array.from({ length: 31 }, (_, i): Problem => ({
  severity: "error",
  code: "formula-not-calculated",
  cell: `学校!F${i + 3}`,
  message: { zh: `学校!F${i + 3}“面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试。`, en: "x" },
  many,
}));

test("31 uncalculated cells of a column are one entry, a click selecting their range", () => {
  const selected: string[] = [];
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <ProblemGroup lang="zh" title="错误" problems={problems} onSelectCell={(cell) => selected.push(cell)} />
    </FluentProvider>,
  );
  const entries = container.querySelectorAll("[data-problem=formula-not-calculated]");
  expect(entries).toHaveLength(1);
  expect(entries[0].textContent).toBe(`学校!F3:F33共 31 个单元格${many.zh}`);
  fireEvent.click(entries[0]);
  expect(selected).toEqual(["学校!F3:F33"]);
});
