/** @jest-environment jsdom */
/**
 * Each view a clerk prints, as 检查与报表 prints (docs: the web app's printing): a title naming what it is with
 * the county and year or blanks, the file and table read, the results marked to print and not the form that made
 * them, and a line to sign and date. jsdom has no print media: what the marks hide on paper is seen in Chromium
 * (tests/e2e/web.e2e.test.ts, league.e2e.test.ts); here, which parts are marked and what the title says.
 */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { SchoolRecord } from "../../src/engine/records";
import type { CellValue } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { PRINT_PAGE } from "../../src/taskpane/components/PrintedPage";
import { Pane } from "../../src/taskpane/Pane";
import { ProblemButton } from "../../src/taskpane/components/ProblemsStep";
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

  it("全部指标: every item whatever the filter, the problems and the cells named as text, a line to sign", async () => {
    await checked();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    const items = screen.getByRole("list", { name: "全部指标" });
    const all = within(items).getAllByRole("listitem").length;
    const missing = within(items)
      .getAllByRole("listitem")
      .filter((li) => li.getAttribute("data-status") === "missing").length;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(all);
    fireEvent.click(screen.getByRole("tab", { name: `缺数据（${missing}）` }));
    const page = printedPage("allItems");
    expect(page.title).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 全部指标达标情况");
    expect(page.read).toBe(`${FILE}；${READ}`);
    expect(page.signature).toBe("核对人（签字）：＿＿＿＿日期：＿＿＿＿");
    // on screen the missing ones; on paper all of them
    const printedItems = page.printed.querySelectorAll("[aria-label='全部指标'] > li");
    expect(printedItems).toHaveLength(all);
    expect([...printedItems].filter((li) => !li.hasAttribute("data-printed-only"))).toHaveLength(missing);
    expect(page.printedText).toContain("全部指标：尚未全部达标");
    // no county sheet read: paper says so, without the screen's advice to press a button it does not print
    expect(page.paperText).toContain("尚未读取县级指标表（县级指标）：由县级填报的指标显示为“缺数据”。");
    expect(page.paperText).not.toContain("按钮");
    expect(page.printedText).toContain("打开该工作表后点下面的按钮。");
    // an item naming more schools' cells than the screen shows: "N more" on screen, every one on paper
    const rooms = [...printedItems].find((li) => li.textContent?.includes("音乐美术专用教室"))!;
    const named = [...rooms.querySelectorAll("[data-print-as-text]")];
    expect(named.length).toBeGreaterThan(8);
    const onScreen = named.filter((b) => !b.closest("[data-printed-only]"));
    expect(onScreen).toHaveLength(8);
    expect(rooms.querySelector("[data-screen-only]")?.textContent).toBe(`；另有 ${named.length - 8} 处`);
    // what reads or inserts the county sheet is a button, which paper has not (the print style hides it)
    const controls = [...page.printed.querySelectorAll("button")].filter(
      (b) => !b.hasAttribute("data-print-as-text"),
    );
    expect(controls.map((b) => b.textContent)).toEqual(
      expect.arrayContaining(["读取当前工作表为县级指标表", "插入县级指标表"]),
    );
  });

  it("a problem and its cell print as text: the print style spares the buttons that are the content", () => {
    // jsdom has no print media: the rule itself, as the style sheet holds it (Chromium prints it: web.e2e.test.ts)
    render(
      <ProblemButton
        lang="zh"
        problem={{ code: "x", severity: "warning", cell: "学校!F3", message: { zh: "某提示", en: "a note" } }}
        onSelectCell={() => undefined}
      />,
    );
    expect(screen.getByRole("button").hasAttribute("data-print-as-text")).toBe(true);
    const rules = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join("\n");
    expect(rules).toMatch(/button:not\(\[data-print-as-text\]\)/);
  });
});
