/** @jest-environment jsdom */
/**
 * Step 4 asks for the county and the year the report's titles name (issue 15 item 1), keeps them with the
 * workbook per sheet like the column mapping, and passes them into the report builder; left empty, the titles
 * keep blanks to fill in by hand.
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/sheet/grid";
import type { Report } from "../../src/report/model";
import { Pane } from "../../src/taskpane/Pane";
import { RECIPE_SETTINGS_KEY } from "../../src/taskpane/recipeSettings";
import { TITLE_SETTINGS_KEY } from "../../src/taskpane/reportTitle";
import { COUNTY_LISTED, exportSheet, leagueRows } from "../recipe/exportFixture";
import { FakeHost } from "./fakeHost";
import { smallCounty, tableOf } from "./county";
import { withoutResizeObserver, readAndCheck } from "./paneDom";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(120000);

const countyField = () => screen.getByRole("textbox", { name: "旗县市" }) as HTMLInputElement;
const yearField = () => screen.getByRole("textbox", { name: "年份或学年" }) as HTMLInputElement;
const writeButton = () => screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement;

/** The titles of the report last written: the first cell of each sheet. */
function titlesWritten(host: FakeHost): string[] {
  const report = host.callsOf("writeReport").at(-1)![0] as Report;
  return report.sheets.map((s) => String(s.rows[0].find((c) => c?.value)?.value ?? ""));
}

async function writeReport(host: FakeHost) {
  const before = host.callsOf("writeReport").length;
  fireEvent.click(writeButton());
  const dialog = await waitFor(() => {
    if (host.callsOf("writeReport").length > before) return null;
    const found = document.querySelector('[role="dialog"]');
    expect(found).not.toBeNull();
    return found;
  });
  if (dialog) fireEvent.click(screen.getByRole("button", { name: "替换" }));
  await waitFor(() => expect(host.callsOf("writeReport").length).toBe(before + 1));
}

describe("task pane, step 4: the county and year of the titles", () => {
  it("puts the county and year typed into every title and keeps them with the workbook", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    const view = render(<Pane host={host} />);
    await readAndCheck();
    expect(countyField().value).toBe("");
    fireEvent.change(countyField(), { target: { value: "白狼县" } });
    fireEvent.change(yearField(), { target: { value: "2025-2026" } });
    fireEvent.blur(yearField());
    await waitFor(() =>
      expect(host.settings.get(TITLE_SETTINGS_KEY)).toEqual({
        学校: { county: "白狼县", year: "2025-2026" },
      }),
    );
    await writeReport(host);
    const titles = titlesWritten(host);
    expect(titles[0]).toBe("白狼县 2025—2026 学年义务教育优质均衡发展 资源配置评估汇总");
    expect(titles.every((t) => t.startsWith("白狼县 2025—2026 学年"))).toBe(true);

    // the next session reads them back with the table (writing the report went to its first sheet)
    view.unmount();
    host.active = "学校";
    render(<Pane host={host} />);
    await readAndCheck();
    expect(countyField().value).toBe("白狼县");
    expect(yearField().value).toBe("2025-2026");
  });

  it("a county typed with an override titles the report without it, and the field says what was removed", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.change(countyField(), { target: { value: "白狼\u202e县" } });
    fireEvent.change(yearField(), { target: { value: "2026" } });
    fireEvent.blur(yearField());
    await screen.findByText("名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“白狼县”");
    await writeReport(host);
    const titles = titlesWritten(host);
    expect(titles[0]).toBe("白狼县 2026 年义务教育优质均衡发展 资源配置评估汇总");
    expect(titles.some((t) => t.includes("\u202e"))).toBe(false);
    // a county typed without any says nothing
    fireEvent.change(countyField(), { target: { value: "白狼县" } });
    expect(screen.queryByText(/不可见的控制字符/)).toBeNull();
  });

  it("left empty, the titles keep blanks to fill in by hand", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    await writeReport(host);
    expect(titlesWritten(host)[0]).toBe("＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 资源配置评估汇总");
    expect(host.settings.has(TITLE_SETTINGS_KEY)).toBe(false);
  });

  it("a year that is no year is said so, and the report waits for it", async () => {
    const host = new FakeHost(tableOf(smallCounty()));
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.change(yearField(), { target: { value: "明年" } });
    await screen.findByText("应为年份或学年，如 2026 或 2025-2026");
    expect(writeButton().disabled).toBe(true);
    fireEvent.change(yearField(), { target: { value: "2026" } });
    await waitFor(() => expect(writeButton().disabled).toBe(false));
    await writeReport(host);
    expect(titlesWritten(host)[0]).toBe("＿＿＿＿县 2026 年义务教育优质均衡发展 资源配置评估汇总");
  });

  it("a statistics export's chosen county titles the report when none is typed; a typed one wins", async () => {
    const host = new FakeHost(exportSheet(leagueRows()).values as CellValue[][]);
    host.settings.set(RECIPE_SETTINGS_KEY, { 学校: { county: COUNTY_LISTED } });
    render(<Pane host={host} />);
    await readAndCheck();
    expect(countyField().placeholder).toBe(COUNTY_LISTED);
    await writeReport(host);
    expect(titlesWritten(host)[0]).toMatch(new RegExp(`^${COUNTY_LISTED} ＿＿＿＿ 年`));
    fireEvent.change(countyField(), { target: { value: "科尔沁右翼前旗" } });
    await writeReport(host);
    expect(titlesWritten(host)[0]).toMatch(/^科尔沁右翼前旗 ＿＿＿＿ 年/);
  });

  it("asks in English too", async () => {
    const host = new FakeHost(tableOf(smallCounty()), "en-US");
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "Read and check" }));
    await screen.findByRole("textbox", { name: "County" });
    expect(screen.getByRole("textbox", { name: "Year or school year" })).toBeTruthy();
  });
});
