/** @jest-environment jsdom */
/**
 * The pane as a clerk found it (issue 12 item 6): numbers typed as the pane shows them, the chosen school's seven
 * indicators in 模拟, what was read and written, results cleared when the source changes, the failing sections in
 * full on request, a missing enrolment field shown at once, and a clear word when there is no Excel table.
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelDouble } from "../../src/excel/double/excel";
import { doubleHost } from "../../src/excel/double/host";
import type { ExcelHost } from "../../src/excel/host";
import { evaluate } from "../../src/engine/evaluate";
import { school } from "../whatif/schools";
import { parseNumberInput } from "../../src/i18n/format";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { Pane } from "../../src/taskpane/Pane";
import { PlanView } from "../../src/taskpane/plan/PlanView";
import { WhatIfView } from "../../src/taskpane/whatif/WhatIfView";
import { FakeHost } from "./fakeHost";
import { goodPrimary, smallCounty, tableOf } from "./county";
import { withoutResizeObserver, readAndCheck } from "./paneDom";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(120000);

describe("numbers as the pane shows them", () => {
  it.each([
    ["7399", 7399],
    ["7,399", 7399],
    ["７３９９", 7399],
    ["７，３９９", 7399],
    [" 7 399 ", 7399],
    ["1,234,567.5", 1234567.5],
    ["0.25", 0.25],
    ["-3", -3],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it.each(["", "abc", "7,39", "1.2.3", "12,3456", "七千"])("does not read %j", (text) => {
    expect(parseNumberInput(text)).toBeNull();
  });
});

function whatIf(lang: "zh" | "en" = "zh") {
  const records = [school("城关小学", 500), school("第二小学", 500)];
  render(
    <FluentProvider theme={webLightTheme}>
      <WhatIfView
        records={records}
        profile={NATIONAL_2017}
        lang={lang}
        host={{} as ExcelHost}
        onWriteSheets={async () => undefined}
      />
    </FluentProvider>,
  );
  return records;
}

const spin = (name: string) => screen.getByRole("spinbutton", { name }) as HTMLInputElement;
const edits = () =>
  [...document.querySelectorAll('ol[aria-label="修改清单"] li [data-edit-text]')].map((e) => e.textContent);

describe("模拟: typed numbers", () => {
  it("takes 1,200 and full-width ７００ as numbers", async () => {
    whatIf();
    fireEvent.change(spin("小学在校生"), { target: { value: "1,200" } });
    fireEvent.blur(spin("小学在校生"));
    await waitFor(() => expect(edits()).toEqual(["城关小学 小学在校生 +700"]));
    fireEvent.change(spin("小学在校生"), { target: { value: "７００" } });
    fireEvent.blur(spin("小学在校生"));
    await waitFor(() => expect(edits()).toEqual(["城关小学 小学在校生 +200"]));
  });

  it("says when it cannot read a number, and changes nothing", async () => {
    whatIf();
    fireEvent.change(spin("小学在校生"), { target: { value: "五百" } });
    fireEvent.blur(spin("小学在校生"));
    await screen.findByText("无法识别“五百”：请输入数字，如 7399 或 7,399。");
    expect(edits()).toEqual([]);
    fireEvent.change(spin("小学在校生"), { target: { value: "-5" } });
    fireEvent.blur(spin("小学在校生"));
    await screen.findByText("不能小于 0。");
    expect(edits()).toEqual([]);
  });
});

describe("模拟: the chosen school's seven indicators", () => {
  it("shows each value before and after the edits against its standard and the 85 % line", async () => {
    const records = whatIf();
    const table = () => document.querySelector('[data-indicators="城关小学:primary"] table') as HTMLElement;
    expect(table().querySelectorAll("tbody tr")).toHaveLength(INDICATOR_IDS.length);
    const before = evaluate(records, NATIONAL_2017).sections.find((s) => s.school === "城关小学")!;
    const row = (id: string) => table().querySelector(`tr[data-indicator="${id}"]`) as HTMLElement;
    // the standard of 高学历教师 for primary schools is 4.2 per 100 students, its 85 % line 3.57
    expect(row("qualifiedTeachers").textContent).toContain("4.20");
    expect(row("qualifiedTeachers").textContent).toContain("3.57");
    expect(row("qualifiedTeachers").getAttribute("data-status-after")).toBe(before.status.qualifiedTeachers);

    // 25 teachers for 700 pupils: 3.57 per 100 (at the line), then for 800: 3.13 (short)
    fireEvent.change(spin("小学在校生"), { target: { value: "800" } });
    fireEvent.blur(spin("小学在校生"));
    await waitFor(() => expect(row("qualifiedTeachers").getAttribute("data-status-after")).toBe("unmet"));
    const cells = row("qualifiedTeachers").querySelectorAll("td");
    expect(cells[1].textContent).toContain("5.00");
    expect(cells[2].textContent).toContain("3.13");
    expect(cells[2].textContent).toContain("未达标");
  });

  it("speaks English with English units", () => {
    whatIf("en");
    expect(screen.getByText(/Primary: Pass/)).toBeTruthy();
    expect(screen.getByRole("spinbutton", { name: "Equipment value (10,000 yuan)" })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[（）：]/);
  });
});

describe("规划: unit costs", () => {
  function plan(lang: "zh" | "en") {
    render(
      <FluentProvider theme={webLightTheme}>
        <PlanView
          records={[school("城关小学", 500)]}
          profile={NATIONAL_2017}
          lang={lang}
          host={{} as ExcelHost}
          onWriteSheets={async () => undefined}
        />
      </FluentProvider>,
    );
  }

  it("names each cost in English units, and takes a cost typed as the pane shows it", async () => {
    plan("en");
    const teachers = spin("Qualified teachers (yuan per teacher a year)");
    expect(spin("Teaching area (yuan per m²)")).toBeTruthy();
    expect(spin("Multimedia rooms (yuan per room)")).toBeTruthy();
    fireEvent.change(teachers, { target: { value: "135,000" } });
    fireEvent.blur(teachers);
    await waitFor(() => expect(teachers.value).toBe("135,000"));
    fireEvent.change(teachers, { target: { value: "lots" } });
    fireEvent.blur(teachers);
    await screen.findByText("“lots” is not a number: type for example 7399 or 7,399.");
    expect(teachers.value).toBe("135,000");
  });

  it("keeps the Chinese labels as the statistics write them", () => {
    plan("zh");
    expect(spin("高学历教师／人·年")).toBeTruthy();
    expect(spin("多媒体教室／间")).toBeTruthy();
  });
});

describe("check and report: what the pane says", () => {
  it("lists every failing section on request, counting sections", async () => {
    const rows = smallCounty();
    for (let i = 0; i < 6; i++) {
      rows.push({ ...goodPrimary(`短缺小学${i + 1}`, 400), teachingArea: 900 });
    }
    render(<Pane host={new FakeHost(tableOf(rows))} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    const list = await screen.findByRole("list", { name: "未达标的学校（校区）" });
    const onScreen = () => list.querySelectorAll("li:not([data-printed-only])");
    expect(onScreen()).toHaveLength(5);
    // paper has no button to click: the page holds all seven, the last two printed only
    expect(list.querySelectorAll("li")).toHaveLength(7);
    expect(list.textContent).toContain("短缺小学6");
    fireEvent.click(screen.getByRole("button", { name: "显示全部 7 个学校（校区）" }));
    await waitFor(() => expect(onScreen()).toHaveLength(7));
    fireEvent.click(screen.getByRole("button", { name: "收起" }));
    await waitFor(() => expect(onScreen()).toHaveLength(5));
  });

  it("titles the failing sections with the parentheses of the language shown", async () => {
    const rows = smallCounty();
    rows.push({ ...goodPrimary("短缺小学", 400), teachingArea: 900 });
    render(<Pane host={new FakeHost(tableOf(rows))} lang="en" />);
    fireEvent.click(screen.getByRole("button", { name: "Read and check" }));
    await screen.findByRole("heading", { name: "3. Check" });
    fireEvent.click(screen.getByRole("button", { name: "Write report sheets" }));
    const title = await screen.findByRole("heading", { name: /^Sections that do not pass/ });
    expect(title.textContent).toMatch(/^Sections that do not pass \(\d+\)$/);
  });

  it("shows an unrecognised enrolment header as a missing field without showing every field", async () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty(), { primaryStudents: "小学在读人数" }))} />);
    await readAndCheck();
    const columns = document.querySelector('section[aria-labelledby="step-columns"]') as HTMLElement;
    expect(columns.textContent).toMatch(/未找到的字段：[^·]*小学在校生数/);
    expect(screen.getByRole("combobox", { name: "小学在校生数" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^显示全部字段/ })).toBeTruthy();
  });

  it("clears the results when a template is inserted or another source chosen", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    expect(document.querySelector("[data-read-from]")).not.toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "当前选定区域" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "3. 数据检查" })).toBeNull());
    expect(document.querySelector("[data-read-from]")).toBeNull();
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "插入空白模板" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "2. 核对列" })).toBeNull());
  });

  it("says the active sheet has no Excel table, without calling it an Excel failure", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("学校", tableOf(smallCounty()) as (string | number | null)[][]);
    render(<Pane host={doubleHost(excel)} />);
    fireEvent.click(screen.getByRole("radio", { name: "当前 Excel 表格" }));
    fireEvent.click(screen.getByRole("button", { name: "读取并检查" }));
    const bar = await waitFor(() => {
      const found = document.querySelector("[data-failure]");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(bar.textContent).toContain("当前工作表中没有 Excel 表格，请改用选定区域或已用区域。");
    expect(bar.textContent).not.toContain("Excel 操作失败");
  });
});

describe("writing the report again", () => {
  // the double keeps the workbook's settings as copies, as Office does; jsdom lacks the structuredClone browsers have
  beforeAll(() => {
    const v8 = jest.requireActual<typeof import("node:v8")>("node:v8");
    (globalThis as { structuredClone?: (v: unknown) => unknown }).structuredClone ??= (v) =>
      v8.deserialize(v8.serialize(v));
  });

  // a whole check and two writes in jsdom: slow on a loaded machine, so each wait may take long (nothing is timed)
  const SLOW = { timeout: 100_000 };
  /** the sheets the pane says it wrote */
  const writtenSheets = () =>
    document.querySelector("[data-written]")?.getAttribute("data-written")?.split("|") ?? [];

  it("after switching language, the sheets the new report replaced are no longer listed as written", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("学校", tableOf(smallCounty()) as (string | number | null)[][]);
    render(<Pane host={doubleHost(excel)} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await waitFor(() => expect(writtenSheets()).toContain("汇总"), SLOW);
    fireEvent.click(screen.getByRole("button", { name: /^界面语言：\s?English$/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Write report sheets" }, SLOW));
    fireEvent.click(await screen.findByRole("button", { name: "Replace" }, SLOW));
    await waitFor(() => expect(writtenSheets()).toContain("Summary"), SLOW);
    const sheets = excel.model.sheets.map((s) => s.name);
    expect(sheets).not.toContain("汇总");
    expect(writtenSheets().filter((name) => !sheets.includes(name))).toEqual([]);
  });
});
