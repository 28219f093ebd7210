/** @jest-environment jsdom */
/**
 * Each view a clerk prints, as 检查与报表 prints (docs: the web app's printing): a title naming what it is with
 * the county and year or blanks, the file and table read, the results marked to print and not the form that made
 * them, and a line to sign and date. jsdom has no print media: what the marks hide on paper is seen in Chromium
 * (tests/e2e/web.e2e.test.ts, league.e2e.test.ts); here, which parts are marked and what the title says.
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { SchoolRecord } from "../../src/engine/records";
import type { CellValue } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { PRINT_PAGE } from "../../src/taskpane/components/PrintedPage";
import { Pane } from "../../src/taskpane/Pane";
import { twoYearsWithRegression } from "../league/records";
import { FakeHost } from "./fakeHost";
import { readAndCheck, withoutResizeObserver } from "./paneDom";
import { printedPage } from "./printedPage";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const sheetOf = (records: SchoolRecord[]): CellValue[][] => [templateHeaderRow(), ...recordsToRows(records)];
const FILE = "科右中旗2026.xlsx";
const READ = "已读取 学校!A1:AA6：5 所学校";

async function checked(): Promise<FakeHost> {
  const host = new FakeHost(sheetOf(twoYearsWithRegression()[2026]));
  host.sheets.set("学校2025", sheetOf(twoYearsWithRegression()[2025]));
  render(<Pane host={host} workbookName={FILE} />);
  await readAndCheck();
  return host;
}

describe("the views printed as pages to sign", () => {
  it("检查与报表 and 模拟: a title with blanks, the file read, the results and the edits, a line to sign", async () => {
    await checked();
    const check = printedPage("check");
    expect(check.title).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 评估结果");
    expect(check.read).toBe(`${FILE}；${READ}`);

    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    const whatif = printedPage("whatif");
    expect(whatif.title).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 模拟结果");
    expect(whatif.read).toBe(`${FILE}；${READ}`);
    expect(whatif.signature).toBe("核对人（签字）：＿＿＿＿日期：＿＿＿＿");
    // the verdicts, the chosen school's seven indicators before and after, the edits: not the boxes nor the form
    expect(whatif.printed.querySelectorAll("[data-indicators] tbody tr")).toHaveLength(7);
    expect(whatif.printedText).toContain("全县资源配置");
    expect(whatif.printedText).toContain("修改清单（0）");
    expect(whatif.unprintedText).toContain("加入修改清单");
    expect(whatif.printed.querySelectorAll("label")).toHaveLength(0);
    // the page's settings apply to the view shown only: the check's hidden page asks for nothing
    expect(whatif.page.querySelector("style")?.textContent).toBe(PRINT_PAGE);
    expect(check.page.querySelector("style")).toBeNull();
    expect(PRINT_PAGE).toMatch(/@page \{ size: A4 portrait; margin: 15mm; \}/);
  });

  it("规划: the prices the plan was made at as a table, the plan, and a line to sign once there is one", async () => {
    await checked();
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    expect(printedPage("plan").signature).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/^经常性支出：/);
    const plan = printedPage("plan");
    expect(plan.title).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 规划方案");
    expect(plan.read).toBe(`${FILE}；${READ}`);
    expect(plan.signature).toBe("核对人（签字）：＿＿＿＿日期：＿＿＿＿");
    // each unit cost typed in a box, printed as a row of a table: the box is not printed
    const costs = [...plan.printed.querySelectorAll("[data-plan-costs] tbody tr")].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    const boxes = [...plan.page.querySelectorAll<HTMLInputElement>("input[role=spinbutton]")].slice(0, 7);
    expect(costs).toEqual(boxes.map((box) => [box.labels![0].textContent, box.value]));
    expect(plan.printedText).toMatch(/经常性支出：/);
    // the additions a row each, as many as the bullets on screen
    const additions = plan.printed.querySelectorAll("[data-plan-additions] tbody tr");
    expect(additions.length).toBeGreaterThan(0);
    expect(additions).toHaveLength(plan.page.querySelectorAll("section ul li").length);
    expect(plan.printed.querySelectorAll("label")).toHaveLength(0);
    expect(plan.unprintedText).toContain("项目规模");
  });

  it("对比: named after the county and the later year, both tables read, every section changed", async () => {
    await checked();
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    fireEvent.click(await screen.findByRole("button", { name: "读取并对比" }));
    await waitFor(() => expect(document.querySelector("[data-trend]")).toBeTruthy());
    const compare = printedPage("compare");
    expect(compare.title).toBe("科右中旗 2026 年义务教育优质均衡发展 年度对比");
    expect(compare.read).toBe(`${FILE}；${READ}；较早一年：工作表“学校2025”，5 所学校`);
    expect(compare.signature).toBe("核对人（签字）：＿＿＿＿日期：＿＿＿＿");
    expect(compare.printed.querySelector("[data-trend]")).toBeTruthy();
    expect(compare.printed.querySelectorAll("label")).toHaveLength(0);
    expect(compare.unprintedText).toContain("较早一年");
  });
});
