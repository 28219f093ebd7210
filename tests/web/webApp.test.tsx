/** @jest-environment jsdom */
/**
 * The web app's whole page in jsdom, a workbook opened through its file chooser: what a clerk is told when the
 * check finds errors in cells, which the web app cannot edit.
 */
import { File as NodeFile } from "node:buffer";
import { readFileSync } from "node:fs";
import path from "node:path";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { cellOf, countyRows, rawBook, rawSheet, withCells } from "../trust/hostileBooks";
import { WebApp } from "../../src/web/WebApp";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { exportSheet, leagueRows } from "../recipe/exportFixture";
import { openWorkbook } from "./openWorkbook";

withoutResizeObserver();
// the reader decodes the workbook's XML as the browser does; jsdom has no TextDecoder
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
// writing the report clones its sheets as the browser does; jsdom has no structuredClone
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const open = openWorkbook;

describe("the web app's check of a workbook with errors in cells", () => {
  it("says to correct the cells in Excel or WPS and open the file again", async () => {
    const bytes = rawBook([rawSheet(withCells({ 3: { primaryStudents: "八百九十三" } }))]);
    render(<WebApp lang="zh" theme="light" />);
    await open("坏单元格.xlsx", bytes);
    await readAndCheck();
    const hint = await screen.findByText(/网页版不能修改单元格/);
    expect(hint.textContent).toBe(
      "网页版不能修改单元格：请在 Excel 或 WPS 中改正原文件的这些单元格并保存，再点“打开其他工作簿”重新打开它。列的错配可在上方“核对列”中直接改正。",
    );
    expect(screen.getByRole("button", { name: "打开其他工作簿" })).toBeTruthy();
    // the error itself names its cell, once: the button a click on which shows it, before the message
    const cell = cellOf("primaryStudents", 3);
    expect(screen.getAllByText(cell).length).toBeGreaterThan(0);
    const problem = document.querySelector<HTMLButtonElement>("button[data-problem]")!;
    expect(problem.textContent!.split(cell)).toHaveLength(2);
    expect(problem.textContent!.startsWith(cell)).toBe(true);
    expect(problem.textContent).toContain("“小学在校生数”的内容“八百九十三”不是数字");
    // no tooltip in the code's English words
    expect(problem.title).toBe("");
  });

  it("prints every problem: those past the page shown are in it, hidden on screen until asked for", async () => {
    // more errors than a page of the list: four figures of words in each school's row
    const bad = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [
        i + 2,
        { teachingArea: "多", sportsArea: "多", equipmentValue: "多", multimediaRooms: "多" },
      ]),
    );
    render(<WebApp lang="zh" theme="light" />);
    await open("坏单元格.xlsx", rawBook([rawSheet(withCells(bad))]));
    await readAndCheck();
    const list = await screen.findByRole("list", { name: /^错误（/ });
    const all = list.querySelectorAll("li").length;
    expect(all).toBeGreaterThanOrEqual(24);
    const onScreen = () => list.querySelectorAll("li:not([data-printed-only])").length;
    expect(onScreen()).toBe(20);
    fireEvent.click(screen.getByRole("button", { name: `再显示 ${all - 20} 条` }));
    await waitFor(() => expect(onScreen()).toBe(all));
  });

  it("for a column the table lacks, says where to match it, not to correct cells or click one", async () => {
    const rows = countyRows();
    const lacking = rows[0].findIndex((h) => String(h).startsWith("教学及辅助用房面积"));
    render(<WebApp lang="zh" theme="light" />);
    await open("缺列.xlsx", rawBook([rawSheet(rows.map((r) => r.filter((_, c) => c !== lacking)))]));
    await readAndCheck();
    const hint = await waitFor(() => document.querySelector("[data-fix-hint]")!);
    expect(hint.textContent).toBe("列的错配可在上方“核对列”中直接改正。");
    expect(hint.parentElement!.textContent).not.toContain("点击问题可跳到对应单元格");
    expect(document.querySelector("button[data-problem]")!.textContent).toMatch(/^（整表）/);
  });

  it("for a table of several counties, says to choose one in step 2, and nothing of cells or --county", async () => {
    render(<WebApp lang="zh" theme="light" />);
    await open("盟市导出.xlsx", rawBook([rawSheet(exportSheet(leagueRows()).values)]));
    await readAndCheck();
    const problem = await waitFor(() => {
      const found = document.querySelector('button[data-problem="several-counties"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(problem.textContent).toMatch(/请在第 2 步“核对列”中选择要评估的一个。$/);
    expect(document.body.textContent).not.toContain("--county");
    expect(document.querySelector("[data-fix-hint]")).toBeNull();
  });

  it("says nothing of the kind when the check finds no error", async () => {
    render(<WebApp lang="zh" theme="light" />);
    await open("白狼县.xlsx", rawBook([rawSheet(countyRows())]));
    await readAndCheck();
    await screen.findByText("没有发现问题。");
    expect(document.querySelector("[data-fix-hint]")).toBeNull();
  });
});

describe("where the web app reads the school table from", () => {
  it("offers no selection and no Excel table, which a workbook opened here cannot have, and says so", async () => {
    render(<WebApp lang="zh" theme="light" />);
    await open("白狼县.xlsx", rawBook([rawSheet(countyRows())]));
    expect(screen.queryByRole("radio", { name: "当前选定区域" })).toBeNull();
    expect(screen.queryByRole("radio", { name: "当前 Excel 表格" })).toBeNull();
    expect(document.querySelector("[data-source-note]")!.textContent).toBe(
      "读取当前工作表的已用区域；要读另一个工作表，先在“工作簿”中选中它。",
    );
    await readAndCheck();
    await screen.findByText("没有发现问题。");
  });
});

describe("opening another workbook over sheets not downloaded", () => {
  /** 白狼县.xlsx open, its report written and not downloaded */
  async function reportWritten(): Promise<void> {
    render(<WebApp lang="zh" theme="light" />);
    await open("白狼县.xlsx", rawBook([rawSheet(countyRows())]));
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await waitFor(() => expect(document.querySelector("[data-written]")).not.toBeNull());
  }

  it("says which would be lost and lets the clerk go back to download them", async () => {
    await reportWritten();
    fireEvent.click(screen.getByRole("button", { name: "打开其他工作簿" }));
    const warning = document.querySelector("[data-leave-unsaved]")!;
    expect(warning.textContent).toMatch(/^汇总、达标情况、.* 还没有下载：打开其他工作簿后它们就没有了。/);
    expect(screen.queryByRole("heading", { name: "打开学校数据工作簿" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "取消" }));
    expect(document.querySelector("[data-leave-unsaved]")).toBeNull();
    expect(screen.getByRole("button", { name: "下载工作簿" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "打开其他工作簿" }));
    fireEvent.click(screen.getByRole("button", { name: "不保留，打开其他工作簿" }));
    await screen.findByRole("heading", { name: "打开学校数据工作簿" });
  });

  it("asks the same when a file is dropped on the page, then opens it", async () => {
    await reportWritten();
    const drop = new Event("drop", { cancelable: true });
    const next = new NodeFile([rawBook([rawSheet(countyRows())])], "明年.xlsx");
    Object.defineProperty(drop, "dataTransfer", { value: { files: [next] } });
    fireEvent(window, drop);
    // what a drop brings is known once its folders, if any, are walked
    await waitFor(() =>
      expect(document.querySelector("[data-leave-unsaved]")?.textContent).toMatch(/^汇总、/),
    );
    expect(document.querySelector("[data-file-bar]")!.textContent).toContain("已打开“白狼县.xlsx”");
    fireEvent.click(screen.getByRole("button", { name: "不保留，打开其他工作簿" }));
    await waitFor(() =>
      expect(document.querySelector("[data-file-bar]")?.textContent).toContain("已打开“明年.xlsx”"),
    );
    expect(document.querySelector("[data-leave-unsaved]")).toBeNull();
  });
});

describe("the file bar in English", () => {
  it("counts one sheet as one sheet, and more as sheets", async () => {
    render(<WebApp lang="en" theme="light" />);
    await open("one.xlsx", rawBook([rawSheet(countyRows())]), "Read and check");
    expect(document.querySelector("[data-file-bar]")!.textContent).toContain("Opened “one.xlsx”: 1 sheet");
    expect(document.querySelector("[data-file-bar]")!.textContent).not.toContain("1 sheets");
    fireEvent.click(screen.getByRole("button", { name: "Open another workbook" }));
    await open(
      "two.xlsx",
      rawBook([rawSheet(countyRows()), rawSheet([["备注"]], { name: "说明" })]),
      "Read and check",
    );
    expect(document.querySelector("[data-file-bar]")!.textContent).toContain("Opened “two.xlsx”: 2 sheets");
  });
});

describe("what the web app says of a column's correction", () => {
  it("says it lasts while the workbook is open, not that the workbook keeps it", async () => {
    render(<WebApp lang="zh" theme="light" />);
    await open("白狼县.xlsx", rawBook([rawSheet(countyRows())]));
    await readAndCheck();
    const columns = document.querySelector('section[aria-labelledby="step-columns"]')!.textContent;
    // the downloaded workbook is written by exceljs, which keeps no add-in settings (docs/deploy.md)
    expect(columns).toContain("改正只在本次打开期间有效，不会写进下载的工作簿；下次打开时需重新选择。");
    expect(columns).not.toContain("保存在工作簿中");
  });
});

describe("a workbook whose sheet names Excel would refuse", () => {
  it("opens, each such sheet under a free name, and says which and why", async () => {
    // written by another program: two names alike but for case, one with a colon, one too long
    const long = "二〇二四年度义务教育学校办学条件统计表（全县汇总，含教学点和特殊教育学校）";
    const bytes = rawBook([
      rawSheet(countyRows(), { name: "School" }),
      rawSheet([["去年"]], { name: "SCHOOL" }),
      rawSheet([["备注"]], { name: "说明:2024" }),
      rawSheet([["长"]], { name: long }),
    ]);
    render(<WebApp lang="zh" theme="light" />);
    await open("别的程序写的.xlsx", bytes);
    const notices = document.querySelector("[data-sheet-notices]")!;
    expect(notices.textContent).toContain(
      "工作表“SCHOOL”的名称与工作表“School”重名（只差大小写），Excel 不接受：网页版中称为“SCHOOL (2)”（文件本身未改动）",
    );
    expect(notices.textContent).toContain("工作表“说明:2024”的名称含有");
    expect(notices.textContent).toContain(`工作表“${long}”的名称超过 31 个字符`);
    // the school table is read from the sheet it is on
    await readAndCheck();
    await screen.findByText("没有发现问题。");
  });
});

describe("a county's table as a system exports it", () => {
  it.each([
    ["白狼县.csv", "sample-gbk.csv"],
    ["白狼县.xls", "sample-web.xls"],
  ])("opens %s (a GBK .csv, a web page saved as .xls) and checks it", async (name, fixture) => {
    const bytes = readFileSync(path.join(__dirname, "../xlsx/fixtures/text", fixture));
    render(<WebApp lang="zh" theme="light" />);
    await open(name, new Uint8Array(bytes));
    expect(document.querySelector("[data-file-bar]")!.textContent).toContain(`已打开“${name}”`);
    await readAndCheck();
    // the sample county's 31 schools, read from the sheet named for the file, as the command line reads them
    expect(document.body.textContent).toContain("已读取 白狼县!A1:AA33：31 所学校");
    expect(document.body.textContent!.includes("该文件是文本格式的表格")).toBe(name.endsWith(".csv"));
  });
});
