/** @jest-environment jsdom */
/**
 * 对比 Compare (issue 16 item 3) in jsdom: the earlier year read from a sheet of the workbook (inside Excel) or from a
 * file (the web app), two years with a known regression — a school falling below a standard, a coefficient
 * crossing its limit — both shown, regressions first; renames by pointing; years out of order refused; the
 * comparison sheets handed to the pane to write. Figures are the ones the records were built to give.
 */
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SchoolRecord } from "../../src/engine/records";
import type { Lang } from "../../src/i18n/format";
import { evaluateTable } from "../../src/pipeline";
import type { ReportSheet } from "../../src/report/model";
import type { CellValue } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { CompareView } from "../../src/taskpane/compare/CompareView";
import type { EarlierFile } from "../../src/taskpane/compare/useComparison";
import { SETTINGS_KEY } from "../../src/taskpane/mapping";
import { RECIPE_SETTINGS_KEY } from "../../src/taskpane/recipeSettings";
import { parseRecipe } from "../../src/sheet/recipe/load";
import { Pane } from "../../src/taskpane/Pane";
import { FakeHost } from "../taskpane/fakeHost";
import { primarySchool, twoYearsWithRegression, whole } from "./records";
import { withoutResizeObserver } from "../taskpane/paneDom";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  templateRowsOf,
  withFewerTeachers,
} from "../recipe/exportFixture";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(60000);

const year2025 = () => twoYearsWithRegression()[2025];
const year2026 = () => twoYearsWithRegression()[2026];

const sheetOf = (records: SchoolRecord[]): CellValue[][] => [templateHeaderRow(), ...recordsToRows(records)];

/** A workbook with this year's table (active) and last year's, and a report sheet the add-in wrote. */
function workbook(): FakeHost {
  const host = new FakeHost(sheetOf(year2026()));
  host.sheets.set("学校2025", sheetOf(year2025()));
  host.sheets.set("达标情况", [["报表"]]);
  host.reportSheets.add("达标情况");
  return host;
}

function current(host: FakeHost) {
  const result = evaluateTable(
    { sheet: "学校", topLeft: "A1", values: host.sheets.get("学校")! },
    NATIONAL_2017,
  );
  if (!result.evaluation) throw new Error("this year's table must evaluate");
  return { evaluation: result.evaluation, sheet: "学校", workbook: "科右中旗2026.xlsx" as string | null };
}

interface ViewOptions {
  lang?: Lang;
  openFile?: (file: File) => Promise<EarlierFile>;
  /** this year's table checked; by default the host's 学校, of a workbook named for its county */
  current?: ReturnType<typeof current>;
}

function renderView(host: FakeHost, options: ViewOptions = {}) {
  const written: ReportSheet[][] = [];
  const rendered = render(viewOf(host, options, written));
  return Object.assign(written, {
    rerender: (again: ViewOptions) => rendered.rerender(viewOf(host, again, written)),
  });
}

/** The view over `host`, the sheets it writes kept in `written`. */
function viewOf(host: FakeHost, options: ViewOptions, written: ReportSheet[][]) {
  return (
    <FluentProvider theme={webLightTheme}>
      <CompareView
        lang={options.lang ?? "zh"}
        profile={NATIONAL_2017}
        host={host}
        current={options.current ?? current(host)}
        openFile={options.openFile}
        onWriteSheets={async (sheets) => {
          written.push(sheets);
        }}
      />
    </FluentProvider>
  );
}

/** The earlier sheet 学校2025 with its second school's primary students in words: the cell of that error. */
function withStudentsInWords(host: FakeHost): string {
  const broken = sheetOf(year2025());
  const studentsCol = broken[0].indexOf("小学在校生数");
  broken[2][studentsCol] = "五百";
  host.sheets.set("学校2025", broken);
  return `学校2025!${String.fromCharCode(65 + studentsCol)}3`;
}

/** The bar of the earlier table's errors, once shown. */
const earlierErrors = () =>
  waitFor(() => {
    const found = document.querySelector("[data-earlier-errors]");
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });

const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
const trend = () => document.querySelector("[data-trend]") as HTMLElement;
const regressions = () =>
  [...document.querySelectorAll("[data-regression]")].map((li) => [
    li.getAttribute("data-regression"),
    li.textContent,
  ]);

/** The view in English over `host`, its first other sheet read and compared. */
async function compareInEnglish(host: FakeHost) {
  renderView(host, { lang: "en" });
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "The earlier year's sheet" })).toBeTruthy(),
  );
  fireEvent.click(screen.getByRole("button", { name: "Read and compare" }));
  await waitFor(() => expect(trend()).toBeTruthy());
}

async function compareWithSheet(name = "学校2025") {
  await waitFor(() => expect(screen.getByRole("combobox", { name: "较早一年的工作表" })).toBeTruthy());
  fireEvent.change(screen.getByRole("combobox", { name: "较早一年的工作表" }), { target: { value: name } });
  fireEvent.click(screen.getByRole("button", { name: "读取并对比" }));
}

describe("对比 inside Excel: the earlier year is a sheet of the workbook", () => {
  it("says why a sheet, lists the other sheets but not the table checked nor a report, and reads the one chosen", async () => {
    const host = workbook();
    renderView(host);
    expect(screen.getByText(/加载项无法可靠地从磁盘打开另一个文件/)).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
    const select = await screen.findByRole("combobox", { name: "较早一年的工作表" });
    await waitFor(() =>
      expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["学校2025"]),
    );
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(host.callsOf("readSheet")).toEqual([["学校2025"]]);
    expect(screen.getByRole("status").textContent).toBe("较早一年：工作表“学校2025”，5 所学校");
  });

  it("shows both regressions, regressions first: the coefficient over its limit and the school below a standard", async () => {
    renderView(workbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    // the years from the sheet's and the file's names; the county from the file's name, with its target year
    expect(within(trend()).getByRole("heading", { level: 2 }).textContent).toBe("科右中旗：2025 → 2026");
    expect(screen.getByText("目标年份：2028")).toBeTruthy();
    expect(document.querySelector("[data-regressions]")?.getAttribute("data-regressions")).toBe("3");
    expect(document.querySelector("[data-unchanged]")).toBeNull();
    expect(document.querySelector("[data-no-school-in-common]")).toBeNull();
    // sports area per student 9, 45, 9, 9, 9 in 2026: X̄ = 16.2, S = 14.4, CV = 0.8889 over the limit 0.50
    expect(regressions()).toEqual([
      ["coefficient", "✗ 小学运动场馆差异系数 0.0000 → 0.8889，超过限值 0.50（2025 → 2026）"],
      ["section", "✗ 甲小学（小学）由达标变为不达标（2025 → 2026）"],
      ["indicator", expect.stringMatching(/^△ 甲小学（小学）高学历教师 .+：达标 → 未达标（2025 → 2026）$/)],
    ]);
    const sports = document.querySelector('[data-coefficients="primary"] tr[data-indicator="sportsArea"]')!;
    expect(sports.getAttribute("data-crossed")).toBe("up");
    expect(sports.textContent).toBe("运动场馆0.00000.88890.50↑ 超出限值");
    // no junior school in either year: no table of empty coefficients
    expect(document.querySelector('[data-coefficients="junior"]')).toBeNull();
    expect(screen.getByText("初中：无参评学校（校区）")).toBeTruthy();
    expect(document.querySelector('[data-section="甲小学"]')?.textContent).toMatch(
      /^甲小学 · 小学：达标 → 不达标▼ 高学历教师/,
    );
    expect(screen.getByText("小学：2,500 → 2,500（0）")).toBeTruthy();
    expect(document.querySelector("[data-projection]")?.textContent).toContain(
      "2028 年预测（按各年差异系数的线性趋势外推，不是评估结果）",
    );
  });

  it("marks a fall ▼ in a section not judged, though it is no regression, and a rise ▲", async () => {
    // a special school (not judged, docs/standard.md#scope) whose qualified teachers fall below the standard, and
    // whose key teachers rise from below the floor to the standard
    const special = (qualified: number, key: number): SchoolRecord => ({
      ...whole([primarySchool("特殊教育学校", 1000, { qualifiedTeachers: qualified, keyTeachers: key })])[0],
      type: "special",
    });
    const host = new FakeHost(sheetOf([...year2026(), special(0.5, 1.2)]));
    host.sheets.set("学校2025", sheetOf([...year2025(), special(1.2, 0.5)]));
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const lines = [...document.querySelectorAll('[data-section="特殊教育学校"] li')].map(
      (li) => li.textContent,
    );
    expect(lines).toEqual([
      expect.stringMatching(/^▼ 高学历教师 .+（达标 → 未达标）$/),
      expect.stringMatching(/^▲ 骨干教师 .+（未达标 → 达标）$/),
    ]);
    expect(regressions().some(([, line]) => line!.includes("特殊教育学校"))).toBe(false);
  });

  it("warns when the earlier sheet holds the same table as this year's, and not otherwise", async () => {
    const host = workbook();
    host.sheets.set("学校2025", sheetOf(year2026()));
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const warnings = [...document.querySelectorAll("[data-unchanged]")].map((bar) => bar.textContent);
    expect(warnings).toEqual([
      "2025 与 2026 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新",
    ]);
    expect(document.querySelector("[data-regressions]")?.getAttribute("data-regressions")).toBe("0");
  });

  it("warns when the earlier sheet has no school in common with this year's, and not otherwise", async () => {
    const host = workbook();
    host.sheets.set("学校2025", sheetOf(year2026().map((s) => ({ ...s, name: `外县${s.name}` }))));
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const warnings = [...document.querySelectorAll("[data-no-school-in-common]")].map(
      (bar) => bar.textContent,
    );
    expect(warnings).toEqual([
      "2025 与 2026 两年没有一所学校相同：请确认两个文件是同一个旗县市的；学校只是改了名的，可把旧名对应到新名",
    ]);
    expect(document.querySelector("[data-unchanged]")).toBeNull();
  });

  it("compares a school the earlier sheet spells with a zero-width space as one school, and says so", async () => {
    const host = workbook();
    const spelt = (s: SchoolRecord) => (s.name === "甲小学" ? { ...s, name: "甲\u200b小学" } : s);
    host.sheets.set("学校2025", sheetOf(year2025().map(spelt)));
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const line = (kind: string) => document.querySelector(`[data-schools="${kind}"]`)?.textContent ?? null;
    expect(line("respelled")).toBe(
      "名称写法不同（空格、不可见字符或全角半角），已按同一学校对比：甲<U+200B>小学 → 甲小学",
    );
    expect(line("removed")).toBe("撤销：丁小学、戊小学");
    expect(line("added")).toBe("新增：丁镇中心小学、己小学");
  });

  it("matches a renamed school by pointing, as --rename does, and undoes it", async () => {
    renderView(workbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const line = (kind: string) => document.querySelector(`[data-schools="${kind}"]`)?.textContent ?? null;
    expect(line("removed")).toBe("撤销：丁小学、戊小学");
    expect(line("added")).toBe("新增：丁镇中心小学、己小学");
    fireEvent.change(screen.getByRole("combobox", { name: "旧名" }), { target: { value: "丁小学" } });
    fireEvent.change(screen.getByRole("combobox", { name: "新名" }), { target: { value: "丁镇中心小学" } });
    fireEvent.click(screen.getByRole("button", { name: "对应" }));
    await waitFor(() => expect(line("renamed")).toBe("更名：丁小学 → 丁镇中心小学"));
    expect(line("removed")).toBe("撤销：戊小学");
    expect(line("added")).toBe("新增：己小学");
    fireEvent.click(screen.getByRole("button", { name: "取消“丁小学 → 丁镇中心小学”" }));
    await waitFor(() => expect(line("renamed")).toBeNull());
    expect(line("removed")).toBe("撤销：丁小学、戊小学");
  });

  it("refuses years out of order, and without both years makes no projection", async () => {
    renderView(workbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.change(screen.getByRole("textbox", { name: "较早年份" }), { target: { value: "2027" } });
    await screen.findByText("较早年份应早于当前年份。");
    expect(trend()).toBeNull();
    fireEvent.change(screen.getByRole("textbox", { name: "较早年份" }), { target: { value: "" } });
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(within(trend()).getByRole("heading", { level: 2 }).textContent).toBe("科右中旗：较早 → 2026");
    expect(screen.getByText(/^未作预测/)).toBeTruthy();
  });

  it("blocks on errors in the earlier table and names their cells", async () => {
    const host = workbook();
    const cell = withStudentsInWords(host);
    renderView(host);
    await compareWithSheet();
    const bar = await earlierErrors();
    expect(bar.textContent).toContain("较早一年的学校表有 1 个错误，改正后才能对比：");
    expect(bar.textContent).toContain(cell);
    // a message that names its cell is not put after the cell a second time
    const problem = bar.querySelector("li")!.textContent!;
    expect(problem.split(cell)).toHaveLength(2);
    expect(trend()).toBeNull();
  });

  it("reads the earlier sheet with the column matches saved for it in step 2", async () => {
    const host = workbook();
    const renamed = sheetOf(year2025());
    const col = renamed[0].indexOf("小学县级以上骨干教师数");
    renamed[0][col] = "骨干教师（小学，县级以上）";
    host.sheets.set("学校2025", renamed);
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(document.querySelector("[data-earlier-errors]")).not.toBeNull());
    expect(text("[data-earlier-errors]")).toContain("再重新读取当前一年的表");
    host.settings.set(SETTINGS_KEY, { 学校2025: { primaryKeyTeachers: "骨干教师（小学，县级以上）" } });
    fireEvent.click(screen.getByRole("button", { name: "读取并对比" }));
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(document.querySelector("[data-earlier-errors]")).toBeNull();
    expect(regressions().map(([kind]) => kind)).toEqual(["coefficient", "section", "indicator"]);
  });

  it("hands the comparison sheets of `compare --out` to the pane to write", async () => {
    const written = renderView(workbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "写入对比工作表" }));
    await screen.findByText("已写入工作表：对比汇总、差异系数趋势、学校变化");
    expect(written).toHaveLength(1);
    expect(written[0].map((s) => s.key)).toEqual([
      "comparisonSummary",
      "comparisonCoefficients",
      "comparisonSections",
    ]);
    const summary = written[0][0].rows.map((row) => row.map((c) => c?.value ?? "").join("|"));
    expect(summary[0]).toBe("科右中旗 义务教育优质均衡发展 年度对比（2025 — 2026）");
    expect(summary.some((r) => r.startsWith("学校由达标变为不达标|甲小学|小学"))).toBe(true);
    expect(summary.some((r) => r.startsWith("差异系数超限|—|小学|运动场馆|2025 → 2026"))).toBe(true);
  });
});

describe("对比 of two counties' tables: warned of as balance compare warns", () => {
  const warnings = () =>
    [...document.querySelectorAll("[data-compare-warning]")].map((bar) => [
      bar.getAttribute("data-compare-warning"),
      bar.textContent,
    ]);
  /** The cells of the summary sheet written on 写入对比工作表, as the pane is handed them. */
  async function summaryWritten(written: ReportSheet[][]): Promise<string[]> {
    fireEvent.click(screen.getByRole("button", { name: "写入对比工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    return written[0][0].rows.flatMap((row) => row.map((c) => String(c?.value ?? "")));
  }
  /** this year's table of 科右中旗 (the workbook's name), last year's sheet titled for 突泉县 */
  function otherCountyWorkbook(): FakeHost {
    const host = workbook();
    const title = "突泉县 2025 年义务教育优质均衡发展 学校办学条件统计表";
    host.sheets.set("学校2025", [[title], ...sheetOf(year2025())]);
    return host;
  }

  it("an earlier sheet titled for another county: warned of, Chinese, both counties named; compared all the same", async () => {
    renderView(otherCountyWorkbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(warnings()).toEqual([
      [
        "compare-other-county",
        "“科右中旗2026.xlsx”（2026 年）是“科右中旗”的，而 2025 年的文件是“突泉县”的：年度对比应是同一个旗县市各年的数据，请核对是否选错了文件。",
      ],
    ]);
    expect(regressions().map(([kind]) => kind)).toEqual(["coefficient", "section", "indicator"]);
  });

  it("the comparison sheets written carry the warning, as balance compare --out prints it", async () => {
    const written = renderView(otherCountyWorkbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const cells = await summaryWritten(written);
    const said = cells.filter((c) => c.includes("年度对比应是同一个旗县市各年的数据"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("突泉县");
    expect(said[0]).toContain("科右中旗");
  });

  it("speaks English when the pane does", async () => {
    await compareInEnglish(otherCountyWorkbook());
    expect(warnings().map(([, line]) => line)).toEqual([
      '"科右中旗2026.xlsx" (2026) is of 科右中旗, but the file of 2025 is of 突泉县: a comparison is of one county\'s years; check that these are the right files.',
    ]);
  });

  it("no such warning for one county's years, both named for it", async () => {
    const host = workbook();
    host.sheets.set("学校2025", [["科右中旗 2025 年 学校办学条件统计表"], ...sheetOf(year2025())]);
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(warnings()).toEqual([]);
  });

  it("a county chosen, as --county: each year naming another is warned of instead, the sheets written too", async () => {
    const written = renderView(otherCountyWorkbook());
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.change(screen.getByRole("combobox", { name: /^旗县市/ }), { target: { value: "科右中旗" } });
    await waitFor(() => expect(warnings().map(([code]) => code)).toEqual(["county-named-otherwise"]));
    expect(warnings()[0][1]).toBe(
      "指定的旗县市是“科右中旗”，而学校表的标题写的是“突泉县”：按“科右中旗”评估，请核对是否选错了文件。",
    );
    const cells = await summaryWritten(written);
    expect(cells).toContain(warnings()[0][1]);
    // a third county chosen: both years' files name another
    fireEvent.change(screen.getByRole("combobox", { name: /^旗县市/ }), { target: { value: "阿尔山市" } });
    await waitFor(() => expect(warnings()).toHaveLength(2));
    expect(warnings().every(([code]) => code === "county-named-otherwise")).toBe(true);
  });

  it("the same table twice: warned of on screen and in the sheets written", async () => {
    const host = workbook();
    host.sheets.set("学校2025", sheetOf(year2026()));
    const written = renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const said = "2025 与 2026 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新";
    expect([...document.querySelectorAll("[data-unchanged]")].map((bar) => bar.textContent)).toEqual([said]);
    const cells = await summaryWritten(written);
    expect(cells).toContain(said);
  });
});

describe("对比 of a league's statistics export, one county chosen in step 2", () => {
  it("reads the earlier year's export for the same county, and takes that county's target year", async () => {
    // 2026: 科右前旗第一小学 keeps a fifth of its teachers, and falls below the qualified teachers' standard
    const rows2026 = withFewerTeachers(leagueRows(), "科右前旗第一小学");
    const host = new FakeHost(exportSheet(rows2026).values);
    host.sheets.set("导出2026", exportSheet(rows2026).values);
    host.sheets.set("导出2025", exportSheet(leagueRows()).values);
    const checked = evaluateTable(
      { sheet: "导出2026", topLeft: "A1", values: host.sheets.get("导出2026")! },
      NATIONAL_2017,
      { county: COUNTY_LISTED },
    );
    if (!checked.evaluation) throw new Error("this year's county must evaluate");
    render(
      <FluentProvider theme={webLightTheme}>
        <CompareView
          lang="zh"
          profile={NATIONAL_2017}
          host={host}
          current={{
            evaluation: checked.evaluation,
            sheet: "导出2026",
            workbook: null,
            county: COUNTY_LISTED,
          }}
          onWriteSheets={async () => {}}
        />
      </FluentProvider>,
    );
    await compareWithSheet("导出2025");
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(document.querySelector("[data-earlier-errors]")).toBeNull();
    const schools = checked.evaluation.sections.map((x) => x.school);
    expect(screen.getByRole("status").textContent).toBe(
      `较早一年：工作表“导出2025”，${new Set(schools).size} 所学校`,
    );
    expect(within(trend()).getByRole("heading", { level: 2 }).textContent).toBe(
      `${COUNTY_LISTED}：2025 → 2026`,
    );
    expect(screen.getByText("目标年份：2028")).toBeTruthy();
    // the other county's schools are in neither year: none opened or closed
    expect(document.querySelector("[data-no-school-in-common]")).toBeNull();
    const others = leagueRows().filter((r) => r.county === COUNTY_UNLISTED);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(document.body.textContent).not.toContain(other.name);
    expect(regressions().some(([, line]) => /科右前旗第一小学（小学）高学历教师/.test(line ?? ""))).toBe(
      true,
    );
  });
});

describe("对比 of an earlier export of several counties, this year's county not known", () => {
  it("asks for the county before it has been chosen, not 0 schools; chosen, says how many were read", async () => {
    const rows = templateRowsOf(leagueRows(), COUNTY_LISTED);
    const host = new FakeHost([templateHeaderRow(), ...rows]);
    host.sheets.set("导出2025", exportSheet(leagueRows()).values);
    // a workbook whose name gives no county: the earlier export is read for none until one is chosen
    renderView(host, { current: { ...current(host), workbook: null } });
    await compareWithSheet("导出2025");
    const status = () => document.querySelector("[data-earlier]")?.textContent ?? "";
    await waitFor(() => expect(status()).not.toBe(""));
    expect(status()).toBe("较早一年：工作表“导出2025”，含 2 个旗县市，请在下方选择旗县市");
    expect(document.body.textContent).not.toContain("0 所学校");
    fireEvent.change(screen.getByRole("combobox", { name: /^旗县市/ }), { target: { value: COUNTY_LISTED } });
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(status()).toMatch(/^较早一年：工作表“导出2025”，\d+ 所学校$/u);
    expect(status()).not.toContain("，0 所学校");
  });
});

describe("对比 in the web app: the earlier year may be another file", () => {
  const file = (name: string) => new File([new Uint8Array([1])], name);

  it("reads the file the user chooses and compares; an unreadable file is said so", async () => {
    const host = workbook();
    const opened: string[] = [];
    const openFile = async (f: File): Promise<EarlierFile> => {
      opened.push(f.name);
      if (f.name === "坏.xlsx") return { ok: false, message: { zh: "工作簿已损坏", en: "damaged" } };
      return { ok: true, grid: { sheet: "学校", topLeft: "A1", values: sheetOf(year2025()) }, problems: [] };
    };
    renderView(host, { openFile });
    expect(
      (
        screen.getByRole("radio", {
          name: "另一个工作簿文件（.xlsx、.xls，或装着它的 .zip）",
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    const input = document.getElementById("earlier-file") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file("坏.xlsx")] } });
    await screen.findByText("无法打开“坏.xlsx”：工作簿已损坏");
    fireEvent.change(input, { target: { files: [file("科右中旗2025.xlsx")] } });
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(opened).toEqual(["坏.xlsx", "科右中旗2025.xlsx"]);
    expect(screen.getByRole("status").textContent).toBe(
      "较早一年：“科右中旗2025.xlsx”的工作表“学校”，5 所学校",
    );
    expect(regressions().map(([kind]) => kind)).toEqual(["coefficient", "section", "indicator"]);
    // a sheet of the open workbook is still a choice
    fireEvent.click(screen.getByRole("radio", { name: "本工作簿中的工作表" }));
    await compareWithSheet();
    await waitFor(() => expect(host.callsOf("readSheet")).toEqual([["学校2025"]]));
  });

  it("speaks English", async () => {
    await compareInEnglish(workbook());
    expect(regressions()[0]).toEqual([
      "coefficient",
      "✗ Primary Sports area coefficient 0.0000 → 0.8889, over the limit 0.50 (2025 → 2026)",
    ]);
    expect(screen.getByText("3 regressions")).toBeTruthy();
  });
});

describe("对比 in the pane", () => {
  it("is a tab, usable once the table is checked, and writes through the pane", async () => {
    const host = workbook();
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    expect(screen.getByText(/请先在“检查与报表”中读取并检查学校数据表/)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "检查与报表" }));
    fireEvent.click(screen.getByRole("button", { name: "读取并检查" }));
    await screen.findByRole("heading", { name: "3. 数据检查" });
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    // inside Excel the file's name is unknown: the years come from the sheets' names, the county is not named
    expect(within(trend()).getByRole("heading", { level: 2 }).textContent).toBe("2025 → 当前");
    fireEvent.click(screen.getByRole("button", { name: "写入对比工作表" }));
    await waitFor(() => expect(host.written).toHaveLength(1));
    expect(host.written[0].sheets.map((s) => s.name)).toEqual(["对比汇总", "差异系数趋势", "学校变化"]);
  });
});

describe("对比 of an export whose derivations the clerk changed in step 2", () => {
  it("reads the earlier year through the same recipe: the same figures are no change", async () => {
    // one county's export, the same both years; this year's sheet read with teaching rooms counted whole
    const rows = leagueRows().filter((r) => r.county === COUNTY_LISTED);
    const host = new FakeHost(exportSheet(rows).values);
    host.active = "导出2026";
    host.sheets.set("导出2026", exportSheet(rows).values);
    host.sheets.set("导出2025", exportSheet(rows).values);
    const changed = {
      extends: "statistics-export",
      fields: { teachingArea: "校舍建筑面积›教学及辅助用房›计" },
    };
    host.settings.set(RECIPE_SETTINGS_KEY, { 导出2026: { recipe: changed } });
    render(<Pane host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "读取并检查" }));
    await screen.findByRole("heading", { name: "3. 数据检查" });
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    await compareWithSheet("导出2025");
    await waitFor(() => expect(trend()).toBeTruthy());
    // read alike, the two years are the same table: said so, and nothing changed
    expect([...document.querySelectorAll("[data-unchanged]")]).toHaveLength(1);
    expect(document.querySelector("[data-regressions]")?.getAttribute("data-regressions")).toBe("0");
    // the change matters: read with the built-in, this year's teaching rooms differ from the recipe's
    const builtIn = evaluateTable(
      { sheet: "导出2026", topLeft: "A1", values: exportSheet(rows).values },
      NATIONAL_2017,
    );
    const parsed = parseRecipe(changed);
    if (!parsed.ok || parsed.recipe.kind !== "table") throw new Error("the changed recipe is a table recipe");
    const withRecipe = evaluateTable(
      { sheet: "导出2026", topLeft: "A1", values: exportSheet(rows).values },
      NATIONAL_2017,
      { recipe: parsed.recipe },
    );
    const areas = (r: typeof builtIn) => r.read.records.map((x) => x.facilities.teachingArea);
    expect(areas(withRecipe)).not.toEqual(areas(builtIn));
  });
});

describe("对比: no old figures under a new choice", () => {
  const file = (name: string) => new File([new Uint8Array([1])], name);
  const openFile = async (f: File): Promise<EarlierFile> =>
    f.name === "坏.xlsx"
      ? { ok: false, message: { zh: "工作簿已损坏", en: "damaged" } }
      : { ok: true, grid: { sheet: "学校", topLeft: "A1", values: sheetOf(year2025()) }, problems: [] };
  const earlierStatus = () => document.querySelector("[data-earlier]");

  it("a file compared, then the source switched to a sheet: the file's comparison is gone until a sheet is read", async () => {
    const host = workbook();
    renderView(host, { openFile });
    const input = document.getElementById("earlier-file") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file("科右中旗2025.xlsx")] } });
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.click(screen.getByRole("radio", { name: "本工作簿中的工作表" }));
    expect(trend()).toBeNull();
    expect(earlierStatus()).toBeNull();
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    expect(earlierStatus()!.textContent).toBe("较早一年：工作表“学校2025”，5 所学校");
    // and back to a file: the sheet's comparison is gone too
    fireEvent.click(screen.getByRole("radio", { name: "另一个工作簿文件（.xlsx、.xls，或装着它的 .zip）" }));
    expect(trend()).toBeNull();
    expect(earlierStatus()).toBeNull();
  });

  it("another file chosen that cannot be read: the earlier file's comparison is not left under its failure", async () => {
    renderView(workbook(), { openFile });
    const input = document.getElementById("earlier-file") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file("科右中旗2025.xlsx")] } });
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.change(input, { target: { files: [file("坏.xlsx")] } });
    await screen.findByText("无法打开“坏.xlsx”：工作簿已损坏");
    expect(trend()).toBeNull();
    expect(earlierStatus()).toBeNull();
  });

  it("another sheet chosen: the comparison with the sheet read before is gone until it is read", async () => {
    const host = workbook();
    host.sheets.set("学校2024", sheetOf(year2025()));
    renderView(host);
    await compareWithSheet("学校2025");
    await waitFor(() => expect(trend()).toBeTruthy());
    fireEvent.change(screen.getByRole("combobox", { name: "较早一年的工作表" }), {
      target: { value: "学校2024" },
    });
    expect(trend()).toBeNull();
    expect(earlierStatus()).toBeNull();
  });

  it("this year's table changed to another sheet: the comparison read against the one before is gone", async () => {
    const host = workbook();
    host.sheets.set("学校2024", sheetOf(year2026()));
    const { rerender } = renderView(host);
    await compareWithSheet("学校2025");
    await waitFor(() => expect(trend()).toBeTruthy());
    rerender({ current: { ...current(host), sheet: "学校2024" } });
    await waitFor(() => expect(trend()).toBeNull());
    expect(earlierStatus()).toBeNull();
  });
});

describe("对比: the cells of the earlier table's problems", () => {
  const problem = (cell: string) => ({
    severity: "error" as const,
    code: "unreadable-cell",
    cell,
    message: { zh: "无法读取该单元格", en: "cannot read the cell" },
  });

  it("of a sheet of this workbook: a click on the cell selects it, as this year's problems do", async () => {
    const host = workbook();
    const cell = withStudentsInWords(host);
    renderView(host);
    await compareWithSheet();
    const bar = await earlierErrors();
    const button = within(bar).getByRole("button", { name: new RegExp(cell) });
    fireEvent.click(button);
    await waitFor(() => expect(host.callsOf("selectCell")).toEqual([[cell]]));
  });

  it("of another file, not open: the cell is plain text naming the file, no control that does nothing", async () => {
    const openFile = async (): Promise<EarlierFile> => ({
      ok: true,
      grid: { sheet: "学校", topLeft: "A1", values: sheetOf(year2025()) },
      problems: [problem("学校!E3")],
    });
    renderView(workbook(), { openFile });
    const input = document.getElementById("earlier-file") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], "科右中旗2025.xlsx")] } });
    const bar = await earlierErrors();
    expect(within(bar).queryAllByRole("button")).toEqual([]);
    const item = bar.querySelector("li")!;
    expect(item.textContent).toBe("“科右中旗2025.xlsx”的 学校!E3 无法读取该单元格");
  });
});

describe("对比: the 小学 and 初中 coefficient tables", () => {
  /** A junior school as `primarySchool` makes a primary one: its students and teachers at the junior level. */
  const juniorSchool = (name: string, students: number): SchoolRecord => {
    const r = primarySchool(name, students);
    return {
      ...r,
      type: "junior",
      students: { primary: 0, junior: students, senior: 0 },
      teachers: { primary: r.teachers.junior, junior: r.teachers.primary },
    };
  };
  const juniors = () =>
    whole([juniorSchool("一中", 800), juniorSchool("二中", 600), juniorSchool("三中", 500)]);

  it("share their columns' widths, so that the two line up", async () => {
    const host = workbook();
    host.sheets.set("学校", sheetOf([...year2026(), ...juniors()]));
    host.sheets.set("学校2025", sheetOf([...year2025(), ...juniors()]));
    renderView(host);
    await compareWithSheet();
    await waitFor(() => expect(trend()).toBeTruthy());
    const tables = [...document.querySelectorAll("[data-coefficients]")];
    expect(tables.map((t) => t.getAttribute("data-coefficients"))).toEqual(["primary", "junior"]);
    const widths = tables.map((t) =>
      [...t.querySelectorAll("colgroup > col")].map((c) => (c as HTMLElement).style.width),
    );
    const columns = tables.map((t) => t.querySelector("thead tr")!.children.length);
    expect(widths[0]).toHaveLength(columns[0]);
    expect(widths[0].every((w) => w !== "")).toBe(true);
    expect(widths[1]).toEqual(widths[0]);
    expect(tables.every((t) => t.getAttribute("data-fixed-columns") !== null)).toBe(true);
  });
});
