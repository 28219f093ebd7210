/** @jest-environment jsdom */
/**
 * Many cells of a column with the same problem are one line on the screens a clerk reads them on, as in the
 * check (docs/school-table.md#problems): the league view's files not evaluated (a county's workbook whose formulas
 * were never calculated), and the pane's 全部指标 list of the county sheet's problems (a county sheet a tool wrote,
 * its figures formulas never calculated). Every cell is still said, by the range and the count.
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { evaluateCountyGrids, leagueCountyInput } from "../../src/countyWorkbook";
import { leagueSummary } from "../../src/engine/league";
import { COUNTY_SHEET_NAME, countyTemplateRows } from "../../src/sheet/countySheet";
import type { CellValue } from "../../src/sheet/grid";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { Pane } from "../../src/taskpane/Pane";
import { LeagueView } from "../../src/web/league/LeagueView";
import { FakeHost } from "../taskpane/fakeHost";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { cellOf, countyRows } from "../trust/hostileBooks";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const UNCALCULATED: CellValue = { formula: "1*1" };

test("the league view names a column of uncalculated formulas of a file not evaluated as one", () => {
  const column = TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea");
  const rows = countyRows().map((row, i) =>
    i === 0 ? row : row.map((v, c) => (c === column ? UNCALCULATED : v)),
  );
  const result = evaluateCountyGrids(
    { file: "突泉县.xlsx" },
    [{ sheet: "学校", topLeft: "A1", values: rows }],
    NATIONAL_2017,
  );
  expect(result.ok).toBe(false);
  const cells = result.problems.filter((p) => p.code === "formula-not-calculated");
  expect(cells).toHaveLength(rows.length - 1);
  render(
    <FluentProvider theme={webLightTheme}>
      <LeagueView
        lang="zh"
        profile={NATIONAL_2017}
        summary={leagueSummary([leagueCountyInput(result)], 2026)}
        results={[result]}
      />
    </FluentProvider>,
  );
  const first = cellOf("teachingArea", 2);
  const last = cellOf("teachingArea", rows.length).replace(/^.*!/u, "");
  expect(document.querySelector('[data-failed-file="突泉县.xlsx"]')!.textContent).toBe(
    `突泉县.xlsx：${first}:${last} 共 ${cells.length} 个单元格“教学及辅助用房面积”的公式尚未计算：请在 Excel 或 WPS 中打开并保存后再试`,
  );
});

test("the pane's 全部指标 lists the county sheet's uncalculated figures as one line, its range to select", async () => {
  const host = new FakeHost(countyRows());
  const template = countyTemplateRows();
  const header = template.findIndex((row) => row.includes("填报值"));
  const value = template[header].indexOf("填报值");
  host.sheets.set(
    COUNTY_SHEET_NAME,
    template.map((row, i) =>
      i > header && typeof row[0] === "string" && row[0] !== ""
        ? row.map((v, c) => (c === value ? UNCALCULATED : v))
        : row,
    ),
  );
  render(<Pane host={host} workbookName="科右前旗2026.xlsx" />);
  await readAndCheck();
  fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
  host.active = COUNTY_SHEET_NAME;
  fireEvent.click(screen.getByRole("button", { name: "读取当前工作表为县级指标表" }));
  const lines = await waitFor(() => {
    const found = [...document.querySelectorAll("li")].filter((li) =>
      li.textContent?.includes("公式尚未计算"),
    );
    expect(found.length).toBeGreaterThan(0);
    return found;
  });
  expect(lines).toHaveLength(1);
  // a click selects the range the line names
  const range = /^县级指标!E\d+:E\d+/u.exec(lines[0].textContent ?? "")![0];
  fireEvent.click(lines[0].querySelector("button")!);
  await waitFor(() => expect(host.callsOf("selectCell")).toContainEqual([range]));
  expect(lines[0].textContent).toMatch(
    /^县级指标!E\d+:E\d+.*共 \d+ 个单元格（.+）的公式尚未计算：请在 Excel 中打开并保存后再试（这些项按“未提供”处理）$/u,
  );
});
