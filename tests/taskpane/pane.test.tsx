/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { evaluateTable } from "../../src/pipeline";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { Pane } from "../../src/taskpane/Pane";
import type { WorkbookView } from "../../src/excel/memory/workbookView";
import { SETTINGS_KEY } from "../../src/taskpane/mapping";
import { evaluateCountyWorkbook } from "../../src/countyVerdict";
import { findCounty } from "../../src/engine/county/readiness";
import { SCHOOL_TABLE_LIMITS } from "../../src/standard/county";
import { countyItemsOf } from "../../src/report/allItems";
import { countyTemplateRows } from "../../src/sheet/countySheet";
import { FakeHost } from "./fakeHost";
import { smallCounty, tableOf } from "./county";
import { withoutResizeObserver, readAndCheck } from "./paneDom";

// Fluent's positioning observes sizes; jsdom has no ResizeObserver
withoutResizeObserver();

// Role queries skip the costly visibility check (computed styles of every ancestor) on Fluent's deep DOM;
// the pane hides nothing a test looks for.
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(120000);

const RENAMED = "骨干教师（小学，县级以上）";

/** The text of step 3, read directly: whole-document queries are slow on Fluent's DOM. */
function checkText(): string {
  return document.querySelector('section[aria-labelledby="step-check"]')?.textContent ?? "";
}

async function checkSays(text: string) {
  await waitFor(() => expect(checkText()).toContain(text));
}

async function choose(field: string, option: string) {
  fireEvent.click(screen.getByRole("combobox", { name: field }));
  const listbox = await waitFor(() => {
    const found = document.querySelector('[role="listbox"]');
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
  const match = [...listbox.querySelectorAll('[role="option"]')].find((o) => o.textContent === option);
  expect(match).toBeDefined();
  fireEvent.click(match!);
}

describe("task pane, step 1: start", () => {
  it("inserts the template, with or without the sample county, in the UI language", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "插入示例县数据" }));
    await screen.findByText(/已插入工作表“学校数据”/);
    fireEvent.click(screen.getByRole("button", { name: "插入空白模板" }));
    await screen.findByText(/已插入工作表“学校数据 \(2\)”/);
    expect(host.callsOf("insertTemplate")).toEqual([
      [{ withSample: true, lang: "zh" }],
      [{ withSample: false, lang: "zh" }],
    ]);
  });

  it("reads the school table from the source the user picks", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("radio", { name: "当前选定区域" }));
    await readAndCheck();
    fireEvent.click(screen.getByRole("radio", { name: "当前 Excel 表格" }));
    await readAndCheck();
    expect(host.callsOf("readTable")).toEqual([["selection"], ["table"]]);
  });

  it("shows a host failure instead of hanging", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    host.readTable = async () => {
      throw new Error("没有选中任何区域");
    };
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "读取并检查" }));
    await screen.findByText("Excel 操作失败：没有选中任何区域");
  });
});

describe("task pane, step 2: columns", () => {
  it("shows which header fed which field", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    const expected = evaluateTable(await host.readTable("usedRange"), NATIONAL_2017).read.columns.length;
    expect(screen.getByText(`已匹配 ${expected} 列`)).toBeTruthy();
    const field = screen.getByRole("combobox", { name: "学校名称" });
    expect(field.textContent).toBe("A · 学校名称");
  });

  it("lets the user correct a missing match, rechecks, and remembers it by sheet and header text", async () => {
    const table = tableOf(smallCounty(), { primaryKeyTeachers: RENAMED });
    const host = new FakeHost(table);
    const view = render(<Pane host={host} />);
    await readAndCheck();
    // the renamed column is not recognised: every primary school lacks its key teachers
    expect(checkText()).toContain("改正后才能生成报表");
    expect((screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement).disabled).toBe(true);

    const col = table[0].indexOf(RENAMED);
    const letter = String.fromCharCode(65 + col);
    await choose("小学县级以上骨干教师数", `${letter} · ${RENAMED}`);
    await checkSays("没有发现问题。");
    expect((screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect(host.settings.get(SETTINGS_KEY)).toEqual({ 学校: { primaryKeyTeachers: RENAMED } });

    // next run: the saved correction applies with no click
    view.unmount();
    render(<Pane host={host} />);
    await readAndCheck();
    expect(checkText()).toContain("没有发现问题。");
    expect(screen.getByRole("combobox", { name: "小学县级以上骨干教师数" }).textContent).toBe(
      `${letter} · ${RENAMED}`,
    );
  });

  it("unmaps a field with （不使用） and goes back to automatic matching", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    await choose("教学及辅助用房面积（㎡）", "（不使用）");
    await checkSays("改正后才能生成报表");
    expect(host.settings.get(SETTINGS_KEY)).toEqual({ 学校: { teachingArea: null } });
    fireEvent.click(screen.getByRole("button", { name: "恢复自动匹配" }));
    await checkSays("没有发现问题。");
    expect(host.settings.get(SETTINGS_KEY)).toEqual({});
  });
});

describe("task pane, step 3: check", () => {
  it("groups problems by severity with their cells; a click selects the cell", async () => {
    const rows = smallCounty();
    rows[1].teachingArea = "约2000";
    rows[2].type = "幼儿园";
    const host = new FakeHost(tableOf(rows));
    render(<Pane host={host} />);
    await readAndCheck();
    const result = evaluateTable(await host.readTable("usedRange"), NATIONAL_2017);
    const errors = result.problems.filter((p) => p.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const list = screen.getByRole("list", { name: `错误（${errors.length}）` });
    const items = within(list).getAllByRole("button");
    // each names its cell once, in front: a message that opens with its cell does not show it twice
    expect(items.map((b) => b.textContent)).toEqual(
      errors.map(
        (p) =>
          `${p.cell}${p.message.zh.startsWith(p.cell!) ? p.message.zh.slice(p.cell!.length) : p.message.zh}`,
      ),
    );
    expect(items.every((b, i) => b.textContent!.split(errors[i].cell!).length === 2)).toBe(true);
    fireEvent.click(items[0]);
    await waitFor(() => expect(host.callsOf("selectCell")).toEqual([[errors[0].cell]]));
    expect((screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("lets warnings through to the report", async () => {
    const rows = smallCounty();
    rows[0].equipmentValue = 0.001; // 万元: far too little per pupil, the unit is probably wrong
    const host = new FakeHost(tableOf(rows));
    render(<Pane host={host} />);
    await readAndCheck();
    const result = evaluateTable(await host.readTable("usedRange"), NATIONAL_2017);
    const warnings = result.problems.filter((p) => p.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(screen.getByRole("list", { name: `提示（${warnings.length}）` })).toBeTruthy();
    expect((screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe("task pane, step 4: report, and the results", () => {
  it("writes the report sheets, shows the verdict and links each sheet", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    const grid = await host.readTable("usedRange");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await screen.findByRole("button", { name: "打开“达标情况”" });
    const [report, options] = host.callsOf("writeReport")[0] as [{ sheets: { name: string }[] }, unknown];
    expect(report.sheets.map((s) => s.name)).toEqual([
      "汇总",
      "达标情况",
      "差异系数",
      "全部指标",
      "学校数据",
    ]);
    expect(options).toEqual({ replaceExisting: true });

    const evaluation = evaluateTable(grid, NATIONAL_2017).evaluation!;
    expect(evaluation.resourcesPass).toBe(false);
    expect(document.querySelector("[data-verdict]")?.textContent).toBe("资源配置：未达标");
    // the pane says what it read and which sheets it wrote
    expect(document.querySelector("[data-read-from]")?.textContent).toMatch(
      new RegExp(
        `^已读取 学校!A1:[A-Z]+\\d+：${evaluateTable(grid, NATIONAL_2017).read.records.length} 所学校$`,
      ),
    );
    expect(document.querySelector("[data-written]")?.textContent).toBe(
      `已写入：${report.sheets.map((s) => s.name).join("、")}`,
    );
    const failing = screen.getByRole("list", { name: "未达标的学校（校区）" });
    expect(
      within(failing)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^白狼县林场小学（小学）：/)]);
    const levels = evaluation.levels.primary;
    expect(
      screen.getByText(new RegExp(`小学：${levels.passingSections}/${levels.sections} 个学校（校区）达标`)),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "打开“差异系数”" }));
    await waitFor(() => expect(host.callsOf("activateSheet").at(-1)).toEqual(["差异系数"]));
  });

  it("asks before replacing report sheets it made earlier, and does nothing on cancel", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await screen.findByRole("button", { name: "打开“达标情况”" });
    expect(host.callsOf("writeReport")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/汇总、达标情况、差异系数、全部指标、学校数据/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.callsOf("writeReport")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "替换" }));
    await waitFor(() => expect(host.callsOf("writeReport")).toHaveLength(2));
  });

  it("reports a failed write and keeps the pane usable", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    host.failNextWrite = new Error("请求过大");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await screen.findByText("Excel 操作失败：请求过大");
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await screen.findByRole("button", { name: "打开“汇总”" });
  });
});

describe("task pane: language, theme, demo mode", () => {
  it("follows Office's display language and switches on request", async () => {
    const host = new FakeHost(tableOf(smallCounty()), "en-US");
    render(<Pane host={host} />);
    expect(screen.getByRole("button", { name: "Read and check" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^Language:\s+中文$/ }));
    expect(screen.getByRole("button", { name: "读取并检查" })).toBeTruthy();
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: /^界面语言：\s?English$/ }));
    expect(screen.getByRole("heading", { name: "3. Check" })).toBeTruthy();
  });

  it("follows Office's theme", () => {
    const dark = render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN", "dark")} />);
    expect(dark.container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });

  it("banners demo mode, and shows a selected problem's cell in the workbook view", async () => {
    const rows = smallCounty();
    rows[1].teachingArea = "约2000";
    const host = new FakeHost(tableOf(rows));
    const workbook: WorkbookView = {
      sheets: async () =>
        [...host.sheets.entries()].map(([name, values]) => ({
          name,
          rows: values.map((r) =>
            r.map((v) => ({
              text: v === null || v === undefined ? "" : String(v),
              numeric: typeof v === "number",
            })),
          ),
          rowCount: values.length,
          columnCount: Math.max(0, ...values.map((r) => r.length)),
        })),
    };
    render(<Pane host={host} workbook={workbook} />);
    expect(screen.getByText("演示模式 — 未连接 Excel")).toBeTruthy();
    await readAndCheck();
    const list = screen.getByRole("list", { name: /^错误/ });
    await act(async () => {
      fireEvent.click(within(list).getAllByRole("button")[0]);
    });
    const cell = await waitFor(() => {
      const selected = document.querySelector("td[aria-selected]");
      expect(selected).not.toBeNull();
      return selected;
    });
    expect(cell?.textContent).toBe("约2000");
    expect(screen.getByRole("tab", { name: "工作簿", selected: true })).toBeTruthy();
  });

  it("is not bannered inside Excel", () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()))} />);
    expect(screen.queryByText("演示模式 — 未连接 Excel")).toBeNull();
    expect(screen.queryByRole("tab", { name: "工作簿" })).toBeNull();
  });
});

describe("task pane: 全部指标 checklist", () => {
  it("lists every item as the engine decided it, filters the missing ones, and reads the county sheet", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    const grid = await host.readTable("usedRange");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    const table = evaluateTable(grid, NATIONAL_2017);
    const expected = countyItemsOf(evaluateCountyWorkbook(table, null).verdict, "zh");
    const list = screen.getByRole("list", { name: "全部指标" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(expected.items.length);
    expect(screen.getByText("全部指标：尚未全部达标")).toBeTruthy();

    const missing = expected.items.filter((i) => i.status === "missing").length;
    fireEvent.click(screen.getByRole("tab", { name: `缺数据（${missing}）` }));
    // the items the filter leaves out stay in the page for a printout, hidden on screen (data-printed-only)
    const listed = within(screen.getByRole("list", { name: "全部指标" })).getAllByRole("listitem");
    expect(listed).toHaveLength(expected.items.length);
    const shown = listed.filter((li) => !li.hasAttribute("data-printed-only"));
    expect(shown).toHaveLength(missing);
    expect(shown.every((li) => li.getAttribute("data-status") === "missing")).toBe(true);

    // the clerk opens the county sheet and reads it: an answered item is no longer missing
    const countyRows = countyTemplateRows("zh");
    const recognition = countyRows.findIndex((r) => r[1] === "社会认可度");
    countyRows[recognition][4] = "92%";
    host.sheets.set("县级指标", countyRows);
    host.active = "县级指标";
    fireEvent.click(screen.getByRole("button", { name: "读取当前工作表为县级指标表" }));
    await screen.findByText("县级指标取自工作表“县级指标”。");
    const withSheet = countyItemsOf(
      evaluateCountyWorkbook(table, { sheet: "县级指标", topLeft: "A1", values: countyRows }).verdict,
      "zh",
    );
    const stillMissing = withSheet.items.filter((i) => i.status === "missing").length;
    expect(stillMissing).toBeLessThan(missing);
    expect(screen.getByRole("tab", { name: `缺数据（${stillMissing}）` })).toBeTruthy();

    // an item still blank names each of its rows and goes to the cell to fill in
    const g15 = withSheet.items.find((i) => i.part === "guarantee" && i.item === 15)!;
    const e21 = `县级指标!E${countyRows.findIndex((r) => r[0] === "保障15-1") + 1}`;
    expect(g15.rows?.map((r) => r.cell)).toEqual([e21, expect.stringMatching(/^县级指标!E\d+$/)]);
    const entry = within(screen.getByRole("list", { name: "全部指标" }))
      .getAllByRole("listitem")
      .find((li) => li.textContent?.includes("随迁子女与留守儿童"))!;
    expect(entry.textContent).toContain(`保障15-1${e21}`);
    fireEvent.click(within(entry).getByRole("button", { name: e21 }));
    await waitFor(() => expect(host.callsOf("selectCell").at(-1)).toEqual([e21]));
  });

  it("shows the readiness for the target year of the county the table's title, then step 4, names", async () => {
    // the table titled as the League's template titles it: 阿尔山市, target 2026
    const rows = [["兴安盟阿尔山市义务教育学校办学条件统计表"], ...tableOf(smallCounty())];
    const host = new FakeHost(rows);
    const grid = await host.readTable("usedRange");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    // the engine's readiness of the same table, for the county the title names
    const table = evaluateTable(grid, NATIONAL_2017);
    const arxan = findCounty(NATIONAL_2017, "阿尔山市")!;
    const expected = evaluateCountyWorkbook(table, null, { county: arxan }).readiness!;
    const block = () => document.querySelector("[data-readiness]") as HTMLElement;
    await waitFor(() => expect(block()).toBeTruthy());
    expect(block().getAttribute("data-readiness")).toBe("阿尔山市");
    const left =
      expected.yearsRemaining > 0
        ? `还有 ${expected.yearsRemaining} 年`
        : expected.yearsRemaining === 0
          ? "即为今年"
          : `已过 ${-expected.yearsRemaining} 年`;
    expect(block().textContent).toContain(`目标年份：阿尔山市 2026 年创建达标（${left}）`);
    const resources = expected.parts.find((p) => p.part === "resources")!;
    const part = block().querySelector('[data-readiness-part="resources"]')!;
    expect(part.getAttribute("data-status")).toBe(resources.status);
    if (resources.failing.length > 0)
      expect(part.textContent).toContain(`未达标 ${resources.failing.length} 项`);
    expect(block().textContent).toContain(
      "旗县市取自学校表的标题；不对时请在“检查与报表”第 4 步填写旗县市。",
    );
    const grades = block().querySelector('[data-readiness-part="startingGrades"]')!;
    expect(grades.getAttribute("data-status")).toBe(expected.startingGrades.status);
    const { primary, junior } = SCHOOL_TABLE_LIMITS.classSize;
    expect(grades.textContent).toContain(
      `起始年级班额（2026 年 9 月起，一年级 ≤ ${primary}、七年级 ≤ ${junior}）`,
    );

    // the county typed in step 4 comes first: 科右前旗, target 2028, named by the clerk
    fireEvent.click(screen.getByRole("tab", { name: "检查与报表" }));
    fireEvent.change(screen.getByRole("textbox", { name: "旗县市" }), { target: { value: "科右前旗" } });
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    await waitFor(() => expect(block().getAttribute("data-readiness")).toBe("科右前旗"));
    expect(block().textContent).toContain("科右前旗 2028 年创建达标");
    expect(block().textContent).not.toContain("旗县市取自");
  });

  it("shows no readiness for a table that names no county of the plan", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    await screen.findByText("全部指标：尚未全部达标");
    expect(document.querySelector("[data-readiness]")).toBeNull();
  });

  it("says so when the active sheet is not a county sheet", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    fireEvent.click(screen.getByRole("button", { name: "读取当前工作表为县级指标表" }));
    await screen.findByText(/工作表“学校”不是县级指标表/);
  });

  it("inserts the county sheet to fill in, then reads it with the read button", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    fireEvent.click(screen.getByRole("button", { name: "插入县级指标表" }));
    await screen.findByText(/已插入工作表“县级指标”：请在“填报值”列填写各项/);
    expect(host.callsOf("insertCountySheet")).toEqual([[{ lang: "zh" }]]);
    expect(host.active).toBe("县级指标");
    // blank, the sheet is recognised and read: nothing the county reports is answered yet
    fireEvent.click(screen.getByRole("button", { name: "读取当前工作表为县级指标表" }));
    await screen.findByText("县级指标取自工作表“县级指标”。");
  });

  it("shows a failure to insert the county sheet", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    host.failNextCountySheet = new Error("工作簿受保护");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    fireEvent.click(screen.getByRole("button", { name: "插入县级指标表" }));
    await screen.findByText(/工作簿受保护/);
    expect(host.sheets.has("县级指标")).toBe(false);
    // the button works again afterwards
    fireEvent.click(screen.getByRole("button", { name: "插入县级指标表" }));
    await screen.findByText(/已插入工作表“县级指标”/);
  });
});
