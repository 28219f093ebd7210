/** @jest-environment jsdom */
/**
 * The web app's league summary (issue 16 item 3) in jsdom: each county's card shows what the pipeline gives its
 * table (verdicts, sections passing, each coefficient against its limit), a file that cannot be evaluated is listed
 * with its problem while the others go on, the weakest indicators and the counties at risk are the league view's,
 * and the school year moves the years left. Reading the files is the command line's reader, tested in Node
 * (readFiles.test.ts); here it is replaced by the grids themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  evaluateCountyGrids,
  leagueCountyInput,
  unreadCounty,
  type CountyFileResult,
} from "../../src/countyWorkbook";
import { leagueSummary } from "../../src/engine/league";
import { countiesByYear } from "../../src/engine/monitor";
import { leagueText } from "../../src/cli/leagueText";
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS, isRecurring } from "../../src/engine/plan/costs";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { formatYuan, type Lang } from "../../src/i18n/format";
import { evaluateTable } from "../../src/pipeline";
import type { Grid } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { LeagueScreen } from "../../src/web/league/LeagueScreen";
import { LeagueView } from "../../src/web/league/LeagueView";
import { OpenCounties } from "../../src/web/league/OpenCounties";
import { OpenWorkbook } from "../../src/web/OpenWorkbook";
import { parseRecipe } from "../../src/sheet/recipe/load";
import { atPath } from "../../src/web/folderFiles";
import { readCountyFiles } from "../../src/web/readFiles";
import { randomCounty } from "../league/helpers";
import { primarySchool } from "../league/records";
import { withoutResizeObserver } from "../taskpane/paneDom";
import { printedPage } from "../taskpane/printedPage";
import { chromiumDropsFocus } from "../taskpane/chromiumFocus";

jest.mock("../../src/web/readFiles", () => ({ readCountyFiles: jest.fn() }));
// the league workbook is made, and not handed to a browser's download
jest.mock("../../src/web/saveFile", () => ({ saveFile: jest.fn() }));

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
// a costs file is decoded as the browser does (UTF-8, UTF-16 or GBK); jsdom has no TextDecoder
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
jest.setTimeout(60000);

const grid = (sheet: string, records = randomCounty(1601, 14, "前旗")): Grid => ({
  sheet,
  topLeft: "A1",
  values: [templateHeaderRow(), ...recordsToRows(records)],
});

/** Four files: two counties the plan knows, one whose table has an error, one that could not be read. */
const GRIDS: Record<string, Grid | null> = {
  "科右前旗.xlsx": grid("学校", randomCounty(1601, 14, "前旗")),
  "2025_乌兰浩特市_学校统计表.xlsx": grid("学校", randomCounty(1602, 18, "乌市")),
  "扎赉特旗.xlsx": (() => {
    const g = grid("学校", [primarySchool("甲小学", 500), primarySchool("乙小学", 500)]);
    g.values[1][0] = null; // a school without its name: an error that blocks the verdict
    return g;
  })(),
  "突泉县.xlsx": null,
};

function resultOf(file: string): CountyFileResult {
  const g = GRIDS[file];
  if (g) return evaluateCountyGrids({ file }, [g], NATIONAL_2017);
  return unreadCounty({ file }, NATIONAL_2017, [
    {
      severity: "error",
      code: "xlsx-corrupt",
      cell: null,
      message: { zh: "工作簿已损坏，无法读取", en: "the workbook is damaged" },
    },
  ]);
}

/** The league view of `results` in the school year `year`; the league's summary it shows. */
function renderResults(results: CountyFileResult[], year: number, lang: Lang = "zh") {
  const inputs = results.map((r) => leagueCountyInput(r));
  const summary = leagueSummary(inputs, year);
  const byYear = countiesByYear(inputs, summary.counties);
  render(
    <FluentProvider theme={webLightTheme}>
      <LeagueView lang={lang} profile={NATIONAL_2017} summary={summary} results={results} byYear={byYear} />
    </FluentProvider>,
  );
  return summary;
}

function renderView(year: number, lang: Lang = "zh") {
  return renderResults(Object.keys(GRIDS).map(resultOf), year, lang);
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
const attributes = (selector: string, name: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.getAttribute(name));

describe("the league view", () => {
  it("shows each county's coefficients and sections as the pipeline evaluates its table alone", () => {
    renderView(2026);
    expect(attributes("[data-county]", "data-county")).toEqual([
      "科右前旗",
      "乌兰浩特市",
      "扎赉特旗",
      "突泉县",
    ]);
    for (const [file, county] of [
      ["科右前旗.xlsx", "科右前旗"],
      ["2025_乌兰浩特市_学校统计表.xlsx", "乌兰浩特市"],
    ]) {
      const alone = evaluateTable(GRIDS[file]!, NATIONAL_2017).evaluation!;
      const card = document.querySelector(`[data-county="${county}"]`)!;
      expect(card.querySelector("[data-items]")?.textContent).toMatch(
        new RegExp(`^${GRIDS[file]!.values.length - 1} 所学校，不达标 \\d+ 项，缺数据 \\d+ 项$`),
      );
      expect(card.querySelector('[data-verdict^="resources:"]')?.getAttribute("data-verdict")).toBe(
        `resources:${alone.resourcesPass ? "pass" : "fail"}`,
      );
      for (const level of LEVELS) {
        const l = alone.levels[level];
        expect(card.querySelector(`[data-passing="${level}"]`)?.textContent).toBe(
          `${level === "primary" ? "小学" : "初中"} ${l.passingSections}/${l.sections} 个学校（校区）达标`,
        );
        for (const id of INDICATOR_IDS) {
          const cell = card.querySelector(`[data-cv="${level}:${id}"]`)!;
          expect([id, cell.textContent, cell.getAttribute("data-pass")]).toEqual([
            id,
            l.balance[id].cv!.toFixed(4),
            l.balance[id].pass ? "pass" : "fail",
          ]);
        }
      }
    }
  });

  it("lists the files that could not be evaluated with their problems; their cards say so", () => {
    renderView(2026);
    expect(text("[data-failed-files]")).toMatch(/^未能评估的文件（2）/);
    expect(text('[data-failed-file="突泉县.xlsx"]')).toBe("突泉县.xlsx：工作簿已损坏，无法读取");
    // the cell once: the message that names it leads with it
    const failed = text('[data-failed-file="扎赉特旗.xlsx"]') ?? "";
    expect(failed).toMatch(/^扎赉特旗\.xlsx：学校!A2“/);
    expect(failed.split("学校!A2")).toHaveLength(2);
    // one stop between two problems
    expect(failed).toContain("每行须填写学校名称；学校!J2“");
    expect(text('[data-county="突泉县"]')).toBe("突泉县文件：突泉县.xlsx未能评估，见上方问题。");
  });

  it("ranks the weakest indicators and names the counties at risk, as the league view does", () => {
    const summary = renderView(2026);
    const weak = summary.indicators.filter((r) => r.countiesFailing > 0).slice(0, 10);
    expect(weak.length).toBeGreaterThan(0);
    expect(attributes("[data-weak]", "data-weak")).toEqual(weak.map((r) => `${r.level}:${r.indicator}`));
    expect(text("[data-weak]")).toMatch(
      /^(小学|初中)[^：]+：\d+ 个旗县市未达标（差异系数超限 \d+ 个），\d+ 个学校（校区）低于标准$/,
    );
    // in the command's words: each weakest indicator's line of `balance batch` is the card's
    const command = leagueText(summary, NATIONAL_2017, "zh");
    for (const e of document.querySelectorAll("[data-weak]"))
      expect(command).toContain(`. ${e.textContent}\n`);
    // two years before the plan's 2028: nobody is due yet
    expect(summary.atRisk).toEqual([]);
    expect(document.querySelector("[data-risks]")).toBeNull();
  });

  it("in the target year, every county not known to pass is due, read or not", () => {
    renderView(2028);
    expect(attributes("[data-risk]", "data-risk")).toEqual(["科右前旗", "乌兰浩特市", "扎赉特旗", "突泉县"]);
    expect(text('[data-risk="科右前旗"]')).toBe(
      "科右前旗（目标 2028 年，剩余 0 年）：目标年份已到，尚未达标",
    );
    expect(text('[data-county="科右前旗"] [data-at-risk]')).toBe("⚠ 有按期达标风险：目标年份已到，尚未达标");
  });

  it("warns of a county given in several files and counts it once, from the latest year in the files' names", () => {
    const results = ["科右前旗2026.xlsx", "科右前旗2025.xlsx", "扎赉特旗.xlsx"].map((file) =>
      evaluateCountyGrids(
        { file },
        [GRIDS[file.startsWith("科右前旗") ? "科右前旗.xlsx" : file]!],
        NATIONAL_2017,
      ),
    );
    renderResults(results, 2028);
    // two years of one county are no problem: no warning of them, one line after the cards
    expect(document.querySelector("[data-repeated]")).toBeNull();
    expect(text("[data-years-files]")).toBe(
      "历年文件：科右前旗（2025、2026 年），每个旗县市只计最新一年，其余列在“历年及未计入的文件”下，逐年变化见“逐年情况”",
    );
    // but the same table given for both years is warned of, as balance compare and batch warn of it
    expect(text('[data-unchanged="科右前旗:2025-2026"]')).toBe(
      "科右前旗：2025 与 2026 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新（“科右前旗2025.xlsx”与“科右前旗2026.xlsx”）",
    );
    // the counted cards first, the earlier year under a heading after them
    expect(attributes("[data-counted-cards] [data-county]", "data-county")).toEqual(["科右前旗", "扎赉特旗"]);
    expect(attributes("[data-not-counted-cards] [data-county]", "data-county")).toEqual(["科右前旗"]);
    expect(text("[data-not-counted-heading]")).toBe("历年及未计入的文件");
    expect(attributes("[data-risk]", "data-risk")).toEqual(["科右前旗", "扎赉特旗"]);
    // the 2025 file's card is not judged for risk: it says the counted file stands for the county
    const cards = document.querySelectorAll("[data-county]");
    expect([...cards].map((c) => c.querySelector("[data-at-risk]")?.textContent ?? null)).toEqual([
      "⚠ 有按期达标风险：目标年份已到，尚未达标",
      null, // 扎赉特旗's table has an error: its card says it was not evaluated
      null,
    ]);
    expect([...cards].map((c) => c.querySelector("[data-not-counted]")?.textContent ?? null)).toEqual([
      null,
      null,
      "未计入汇总：按期达标风险以所计文件为准",
    ]);
  });

  it("with no county evaluated, does not claim that every indicator passes", () => {
    renderResults(["扎赉特旗.xlsx", "突泉县.xlsx"].map(resultOf), 2026);
    expect(text("[data-failed-files]")).toMatch(/^未能评估的文件（2）/);
    expect(document.querySelector("[data-weakest]")).toBeNull();
    expect(text("[data-no-weak]")).toBe("没有一个旗县市得到评估，无从比较指标：请按上方所列问题改正文件。");
    expect(document.body.textContent).not.toContain("都达标");
  });

  it("speaks English", () => {
    renderView(2029, "en");
    expect(text('[data-county="科右前旗"] [data-target]')).toBe("target 2028, 1 year past");
    expect(screen.getByText("Weakest indicators")).toBeTruthy();
    expect(text("[data-failed-files]")).toMatch(/^Files not evaluated \(2\)/);
  });
});

describe("the league screen", () => {
  const read = readCountyFiles as jest.MockedFunction<typeof readCountyFiles>;
  const file = (name: string) => new File([new Uint8Array([1])], name);
  /** Each file read at once as its grid (or its failure) in GRIDS. */
  const readAsGiven = () =>
    read.mockImplementation(async (files, _profile, onFile) =>
      files.map(atPath).map(({ file: f }, i) => {
        onFile?.(i, f);
        return resultOf(f.name);
      }),
    );
  /** Chooses a JSON file by the file input labelled `label`. */
  const uploadTo = (label: string) => (name: string, text: BlobPart) =>
    fireEvent.change(screen.getByLabelText(label, { selector: "input" }), {
      target: { files: [new File([text], name, { type: "application/json" })] },
    });
  /** The screen over the files it is given, in Chinese, with what it calls back. */
  const screenFor = (onAddFiles: (files: File[]) => void = () => undefined, onBack = () => undefined) =>
    function Screen({ files }: { files: File[] }) {
      return (
        <FluentProvider theme={webLightTheme}>
          <LeagueScreen
            lang="zh"
            onLang={() => undefined}
            profile={NATIONAL_2017}
            files={files}
            onAddFiles={onAddFiles}
            onBack={onBack}
          />
        </FluentProvider>
      );
    };

  it("reads the files given and those added later, in order, and the school year moves the years left", async () => {
    // the first batch is slow: the second must still come after it
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    read.mockImplementation(async (files, _profile, onFile) => {
      if (atPath(files[0]).file.name === "科右前旗.xlsx") await gate;
      return files.map(atPath).map(({ file: f }, i) => {
        onFile?.(i, f);
        return resultOf(f.name);
      });
    });
    const added: File[][] = [];
    const back = jest.fn();
    const Screen = screenFor((more) => added.push(more), back);
    const first = [file("科右前旗.xlsx"), file("突泉县.xlsx")];
    const view = render(<Screen files={first} />);
    const more = [...first, file("2025_乌兰浩特市_学校统计表.xlsx")];
    view.rerender(<Screen files={more} />);
    await act(async () => release());
    await screen.findByText("盟市汇总：3 个文件，2 个旗县市已评估");
    expect(attributes("[data-county]", "data-county")).toEqual(["科右前旗", "突泉县", "乌兰浩特市"]);
    expect(read.mock.calls.map(([files]) => files.map(atPath).map(({ file: f }) => f.name))).toEqual([
      ["科右前旗.xlsx", "突泉县.xlsx"],
      ["2025_乌兰浩特市_学校统计表.xlsx"],
    ]);

    const spin = screen.getByRole("spinbutton", { name: "年份（计算剩余年数）" });
    // its arrows are named in the page's language, not Fluent UI's English
    const arrows = [...spin.parentElement!.querySelectorAll("button")].map((b) =>
      b.getAttribute("aria-label"),
    );
    expect(arrows).toEqual(["增加", "减少"]);
    fireEvent.change(spin, { target: { value: "2027" } });
    fireEvent.blur(spin);
    await waitFor(() =>
      expect(text('[data-county="科右前旗"] [data-target]')).toBe("目标 2028 年，剩余 1 年"),
    );
    fireEvent.change(spin, { target: { value: "2030" } });
    fireEvent.blur(spin);
    await waitFor(() =>
      expect(text('[data-county="科右前旗"] [data-target]')).toBe("目标 2028 年，已过 2 年"),
    );

    fireEvent.click(screen.getByRole("button", { name: "返回" }));
    expect(back).toHaveBeenCalledTimes(1);
    const input = document.getElementById("more-county-files") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file("a.xlsx"), file("b.xlsx")] } });
    expect(added.map((fs) => fs.map((f) => f.name))).toEqual([["a.xlsx", "b.xlsx"]]);
  });

  it("reads a file chosen again (the same path, size and time) once, and says so; another of its name is read", async () => {
    read.mockClear();
    readAsGiven();
    const Screen = screenFor();
    const when = Date.UTC(2025, 8, 30);
    const chosen = (name: string) => new File([new Uint8Array([1])], name, { lastModified: when });
    const first = [chosen("科右前旗.xlsx"), chosen("2025_乌兰浩特市_学校统计表.xlsx")];
    const view = render(<Screen files={first} />);
    await screen.findByText("盟市汇总：2 个文件，2 个旗县市已评估");
    // 添加文件… with the first file once more: the browser gives a new File of the same file
    view.rerender(<Screen files={[...first, chosen("科右前旗.xlsx")]} />);
    const said = await screen.findByText(/选了不止一次/);
    expect(said.closest("[data-league-repeated]")).not.toBeNull();
    expect(said.textContent).toBe("“科右前旗.xlsx”选了不止一次（同一个文件），只读取一次，不重复计入汇总。");
    expect(screen.getByText("盟市汇总：2 个文件，2 个旗县市已评估")).toBeTruthy();
    expect(attributes("[data-county]", "data-county")).toEqual(["科右前旗", "乌兰浩特市"]);
    expect(screen.queryByText(/有 2 个文件/)).toBeNull();
    expect(read.mock.calls.flatMap(([files]) => files.map(atPath).map(({ file: f }) => f.name))).toEqual([
      "科右前旗.xlsx",
      "2025_乌兰浩特市_学校统计表.xlsx",
    ]);
    // a file of that name changed since (another time) is another file: read, as the command line reads it
    const changed = new File([new Uint8Array([1])], "科右前旗.xlsx", { lastModified: when + 60_000 });
    view.rerender(<Screen files={[...first, chosen("科右前旗.xlsx"), changed]} />);
    await screen.findByText("盟市汇总：3 个文件，2 个旗县市已评估");
    expect(read.mock.calls).toHaveLength(2);
  });

  it("counts a file holding several counties once among the files, each of its counties among the counties", async () => {
    read.mockImplementation(async (files, _profile, onFile) =>
      files.map(atPath).flatMap(({ file: f }, i) => {
        onFile?.(i, f);
        // one statistics export of two counties
        return [resultOf("科右前旗.xlsx"), resultOf("2025_乌兰浩特市_学校统计表.xlsx")].map((r) => ({
          ...r,
          source: { file: f.name, county: r.county },
        }));
      }),
    );
    const Screen = screenFor();
    render(<Screen files={[file("兴安盟教育事业统计.xlsx")]} />);
    await screen.findByText("盟市汇总：1 个文件，2 个旗县市已评估");
    expect(attributes("[data-county]", "data-county")).toEqual(["科右前旗", "乌兰浩特市"]);
  });

  it("plans each evaluated county at the add-in's default costs, as the plan view would, and the added ones on asking again", async () => {
    readAsGiven();
    const Screen = screenFor();
    const first = [file("科右前旗.xlsx"), file("扎赉特旗.xlsx"), file("突泉县.xlsx")];
    const view = render(<Screen files={first} />);
    await screen.findByText("盟市汇总：3 个文件，1 个旗县市已评估");
    expect(document.querySelector("[data-plan]")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "求各旗县市最低成本方案" }));
    await waitFor(() => expect(document.querySelectorAll("[data-plan]")).toHaveLength(1));

    const expected = async (file: string) => {
      const records = evaluateTable(GRIDS[file]!, NATIONAL_2017).read.records;
      return planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, { projects: DEFAULT_PROJECT_SIZES });
    };
    const front = await expected("科右前旗.xlsx");
    expect(front.totalCost).toBeGreaterThan(0);
    const teachers = front.additions
      .filter((a) => isRecurring(a.resource))
      .reduce((sum, a) => sum + a.cost, 0);
    expect(text('[data-county="科右前旗"] [data-plan]')).toBe(
      `最低成本方案：合计 ${formatYuan(front.totalCost, "zh")}（教师每年 ${formatYuan(teachers, "zh")}，` +
        `一次性 ${formatYuan(front.totalCost - teachers, "zh")}）` +
        (front.passesAfter ? "" : " 方案实施后资源配置仍未全部达标（受项目规模或无法增加的资源所限）。"),
    );
    // a county whose table has errors, or a file not read, has no plan
    expect(document.querySelector('[data-county="扎赉特旗"] [data-plan]')).toBeNull();
    expect(document.querySelector('[data-county="突泉县"] [data-plan]')).toBeNull();
    expect(screen.getByRole("button", { name: "求各旗县市最低成本方案" }).getAttribute("aria-disabled")).toBe(
      "true",
    );

    // a county added later is planned when asked again; the first keeps its plan
    view.rerender(<Screen files={[...first, file("2025_乌兰浩特市_学校统计表.xlsx")]} />);
    await screen.findByText("盟市汇总：4 个文件，2 个旗县市已评估");
    fireEvent.click(screen.getByRole("button", { name: "为新加入的旗县市求方案" }));
    await waitFor(() => expect(document.querySelectorAll("[data-plan]")).toHaveLength(2));
    const city = await expected("2025_乌兰浩特市_学校统计表.xlsx");
    expect(document.querySelector('[data-county="乌兰浩特市"] [data-plan]')?.getAttribute("data-plan")).toBe(
      String(city.totalCost),
    );
    expect(document.querySelector('[data-county="科右前旗"] [data-plan]')?.getAttribute("data-plan")).toBe(
      String(front.totalCost),
    );
    // the league's plans added up, each county once (src/engine/league.ts planTotal), as balance batch --plan
    expect(document.querySelector("[data-plan-total]")?.getAttribute("data-plan-total")).toBe(
      String(front.totalCost + city.totalCost),
    );
    expect(text("[data-plan-total]")).toMatch(/^全盟方案合计（2 个旗县市，/);
  });

  it("keeps the focus on the bar's buttons as they work: a plan, a download, files added", async () => {
    readAsGiven();
    const drops = chromiumDropsFocus();
    try {
      const Screen = screenFor();
      const first = [file("科右前旗.xlsx"), file("突泉县.xlsx")];
      const view = render(<Screen files={first} />);
      await screen.findByText("盟市汇总：2 个文件，1 个旗县市已评估");
      // every county planned, the button can do no more: it keeps the focus, unusable
      const plan = screen.getByRole("button", { name: "求各旗县市最低成本方案" });
      plan.focus();
      fireEvent.click(plan);
      await waitFor(() => expect(document.querySelectorAll("[data-plan]")).toHaveLength(1));
      expect(document.activeElement).toBe(plan);
      expect(plan.getAttribute("aria-disabled")).toBe("true");

      const download = screen.getByRole("button", { name: "下载汇总工作簿" });
      download.focus();
      fireEvent.click(download);
      await waitFor(() => expect(document.querySelector("[data-download-note]")).not.toBeNull());
      expect(document.activeElement).toBe(download);

      // 添加文件…: disabled while the files chosen are read, and the focus back on it after
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      read.mockImplementation(async (files, _profile, onFile) => {
        const given = files.map(atPath).map(({ file: f }) => f);
        given.forEach((f, i) => onFile?.(i, f));
        await gate;
        return given.map((f) => resultOf(f.name));
      });
      const add = screen.getByRole("button", { name: "添加文件…" });
      add.focus();
      view.rerender(<Screen files={[...first, file("2025_乌兰浩特市_学校统计表.xlsx")]} />);
      await waitFor(() => expect(add).toHaveProperty("disabled", true));
      expect(document.activeElement).toBe(document.body);
      await act(async () => release());
      await screen.findByText("盟市汇总：3 个文件，2 个旗县市已评估");
      await waitFor(() => expect(document.activeElement).toBe(add));
    } finally {
      drops.mockRestore();
    }
  });

  it("plans at a unit costs file's prices and project sizes; a file it cannot use is named with why", async () => {
    readAsGiven();
    const Screen = screenFor();
    render(<Screen files={[file("科右前旗.xlsx")]} />);
    await screen.findByText("盟市汇总：1 个文件，1 个旗县市已评估");
    const upload = uploadTo("单位成本文件…");

    upload("坏.json", "{ 不是 JSON");
    await screen.findByText(/^单位成本文件“坏\.json”不能使用：文件内容无法解析/);
    // a colon typed by a Chinese input method is named at its line and column, as the command names it
    upload("冒号.json", '{\n  "keyTeachers"：150000\n}');
    await screen.findByText(/^单位成本文件“冒号\.json”不能使用：文件内容无法解析（第 2 行第 16 列.*中文冒号/);
    // Notepad's "ANSI" on a Chinese Windows: GBK, read as the command reads it
    // {"keyTeachers": 150000, "本地": 1}, 本地 in GBK's bytes
    const gbk = Uint8Array.from([
      ...Buffer.from('{"keyTeachers": 150000, "'),
      ...[0xb1, 0xbe, 0xb5, 0xd8],
      ...Buffer.from('": 1}'),
    ]);
    upload("本地价格.json", gbk);
    // its key read as typed, not as mojibake
    await screen.findByText(/^单位成本文件“本地价格\.json”不能使用：本地：单位成本无效（未知字段/);
    upload("负数.json", JSON.stringify({ keyTeachers: -5 }));
    await screen.findByText(/^单位成本文件“负数\.json”不能使用：keyTeachers：单位成本无效/);

    upload("本地.json", JSON.stringify({ multimediaRooms: 1_000_000, minimum: { teachingArea: 300 } }));
    await screen.findByText("已读取单位成本文件“本地.json”：方案按其中的单位成本和项目规模求解。");
    fireEvent.click(screen.getByRole("button", { name: "求各旗县市最低成本方案" }));
    await waitFor(() => expect(document.querySelectorAll("[data-plan]")).toHaveLength(1));
    // the file's prices, worked out here from the defaults and the file's two changes
    const costs = { ...DEFAULT_UNIT_COSTS, multimediaRooms: 1_000_000 };
    const projects = {
      minimum: { ...DEFAULT_PROJECT_SIZES.minimum, teachingArea: 300 },
      step: DEFAULT_PROJECT_SIZES.step,
    };
    const records = evaluateTable(GRIDS["科右前旗.xlsx"]!, NATIONAL_2017).read.records;
    const local = await planLeastCost(records, NATIONAL_2017, costs, { projects });
    const standard = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: DEFAULT_PROJECT_SIZES,
    });
    expect(local.totalCost).not.toBe(standard.totalCost);
    expect(document.querySelector("[data-plan]")?.getAttribute("data-plan")).toBe(String(local.totalCost));
  });

  it("leaves out a workbook Balance wrote among the files, and says so", async () => {
    read.mockImplementation(async (files) =>
      files
        .map(atPath)
        .map(({ file: f }) =>
          f.name === "评估报告.xlsx"
            ? unreadCounty({ file: f.name }, NATIONAL_2017, [], true)
            : resultOf(f.name),
        ),
    );
    const Screen = screenFor();
    render(<Screen files={[file("科右前旗.xlsx"), file("评估报告.xlsx")]} />);
    await screen.findByText("盟市汇总：2 个文件，1 个旗县市已评估");
    expect(text("[data-skipped-files]")).toBe("已跳过本工具写出的工作簿（不是旗县市的数据）：评估报告.xlsx");
    expect(attributes("[data-county]", "data-county")).toEqual(["科右前旗"]);
  });

  it("the year box counts calendar years, as balance batch --year: so it starts, and so its help says", async () => {
    readAsGiven();
    const Screen = screenFor();
    render(<Screen files={[file("科右前旗.xlsx")]} />);
    await screen.findByText("盟市汇总：1 个文件，1 个旗县市已评估");
    const spin = screen.getByRole<HTMLInputElement>("spinbutton", { name: "年份（计算剩余年数）" });
    // the calendar year of today: 1 January already counts in the new year (docs/standard.md#league-plan)
    expect(Number(spin.value)).toBe(new Date().getFullYear());
    const help = document.getElementById(spin.getAttribute("aria-describedby")!.split(" ")[0])!.textContent!;
    expect(help).toMatch(/^按公历年计，与命令行相同/);
    // no school year counted from the autumn: it would give a county one year more from January to August
    expect(help).not.toMatch(/学年|秋季/);
    expect(printedPage("league").title).not.toMatch(/学年/);
  });

  it("prints as a page to sign: the league's view under a title with the year and the files read", async () => {
    readAsGiven();
    const Screen = screenFor();
    render(<Screen files={[file("科右前旗.xlsx"), file("突泉县.xlsx")]} />);
    await screen.findByText("盟市汇总：2 个文件，1 个旗县市已评估");
    const spin = screen.getByRole("spinbutton", { name: "年份（计算剩余年数）" });
    fireEvent.change(spin, { target: { value: "2027" } });
    fireEvent.blur(spin);
    await waitFor(() => expect(printedPage("league").title).toContain("2027"));
    const league = printedPage("league");
    expect(league.title).toBe("＿＿＿＿盟市 2027 年义务教育优质均衡发展 盟市汇总");
    expect(league.read).toBe("已读取 2 个文件：科右前旗.xlsx、突泉县.xlsx");
    expect(league.signature).toBe("核对人（签字）：＿＿＿＿日期：＿＿＿＿");
    // the counties, the files that failed: not the year's box nor the bar's buttons
    expect(league.printed.querySelectorAll("[data-county]")).toHaveLength(2);
    expect(league.printed.querySelector('[data-failed-file="突泉县.xlsx"]')).toBeTruthy();
    expect(league.printed.querySelectorAll("label, button, input")).toHaveLength(0);
    expect(league.unprintedText).toContain("年份（计算剩余年数）");
  });

  it("reads every file again through a recipe file; a file it cannot use leaves the reading as it was", async () => {
    read.mockClear();
    readAsGiven();
    const Screen = screenFor();
    const files = [file("科右前旗.xlsx"), file("突泉县.xlsx")];
    render(<Screen files={files} />);
    await screen.findByText("盟市汇总：2 个文件，1 个旗县市已评估");
    const upload = uploadTo("配方文件…");

    upload("坏.json", "{ 不是 JSON");
    await screen.findByText(
      /^配方文件“坏\.json”不能使用，各文件仍按原来的方式读取：文件内容无法解析（第 1 行第 3 列/,
    );
    upload("字段.json", JSON.stringify({ extends: "statistics-export", fields: { teachingArea: 5 } }));
    await screen.findByText(/^配方文件“字段\.json”不能使用.*fields\.teachingArea/);
    upload("教基.json", JSON.stringify({ extends: "jiaoji-forms" }));
    await screen.findByText(/教基报表配方/);
    expect(read).toHaveBeenCalledTimes(1);

    // the second reading's results replace the first's: here the files are read as the other's
    read.mockImplementation(async (given, _profile, onFile) =>
      given.map(atPath).map(({ file: f }, i) => {
        onFile?.(i, f);
        return resultOf(f.name === "突泉县.xlsx" ? "2025_乌兰浩特市_学校统计表.xlsx" : f.name);
      }),
    );
    const recipe = readFileSync(join(__dirname, "../recipe/fixtures/province-recipe.json"), "utf8");
    upload("某省.json", recipe);
    await screen.findByText(
      "已按配方文件“某省.json”重新读取全部文件：列名不同的统计导出表按其中的写法读取。",
    );
    await screen.findByText("盟市汇总：2 个文件，2 个旗县市已评估");
    expect(read).toHaveBeenCalledTimes(2);
    const [again, , , given] = read.mock.calls[1];
    expect(again.map((f) => atPath(f).path)).toEqual(["科右前旗.xlsx", "突泉县.xlsx"]);
    const parsed = parseRecipe(JSON.parse(recipe));
    if (!parsed.ok) throw new Error("the fixture's recipe must be one");
    expect(given).toEqual(parsed.recipe);
    expect(attributes("[data-county]", "data-county")).toEqual(["科右前旗", "乌兰浩特市"]);
  });

  /** The screen on one county file, a recipe file to give it, and the recipe of the fixture. */
  const recipeScreen = async () => {
    read.mockClear();
    readAsGiven();
    const Screen = screenFor();
    render(<Screen files={[file("科右前旗.xlsx")]} />);
    await screen.findByText("盟市汇总：1 个文件，1 个旗县市已评估");
    return {
      upload: uploadTo("配方文件…"),
      recipe: readFileSync(join(__dirname, "../recipe/fixtures/province-recipe.json"), "utf8"),
    };
  };

  it("refuses a key written twice, Chinese punctuation, a trailing comma and 1e400 at their line and column", async () => {
    const { upload } = await recipeScreen();
    /** The note of a file refused: its name, then the fault as the command says it after the file's name. */
    const refused = async (name: string, fault: string) =>
      screen.findByText(`配方文件“${name}”不能使用，各文件仍按原来的方式读取：文件内容无法解析（${fault}）`);
    upload("两次.json", '{\n  "extends": "statistics-export",\n  "extends": "jiaoji-forms"\n}');
    await refused(
      "两次.json",
      "第 3 行第 3 列（extends）：“extends”在同一处写了两次（第 2 行第 3 列已有）；请只留一个",
    );
    upload("引号.json", '{\n  “extends”: "statistics-export"\n}');
    await refused(
      "引号.json",
      '第 2 行第 3 列：“ 是中文引号（中文输入法所打），JSON 不认；请改为英文（半角）的“"”',
    );
    upload("逗号.json", '{ "extends": "statistics-export"， "id": "某省" }');
    await refused(
      "逗号.json",
      "第 1 行第 33 列（extends）：“，”是中文逗号（中文输入法所打），JSON 不认；请改为英文（半角）的“,”",
    );
    upload("末尾.json", '{ "extends": "statistics-export", }');
    await refused("末尾.json", "第 1 行第 33 列（extends）：最后一项之后多了一个逗号；请删去这个逗号");
    upload("大数.json", '{ "extends": "statistics-export", "headerRows": 1e400 }');
    await refused("大数.json", "第 1 行第 49 列（headerRows）：数字 1e400 太大，超出可以计算的范围");
    // none was used: the files were read once, as they were
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("reads one saved with a byte-order mark, as UTF-16 with or without one, and as GBK", async () => {
    const { upload, recipe } = await recipeScreen();
    const readThrough = (name: string) =>
      screen.findByText(`已按配方文件“${name}”重新读取全部文件：列名不同的统计导出表按其中的写法读取。`);
    upload("记事本.json", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(recipe, "utf8")]));
    await readThrough("记事本.json");
    upload("Unicode.json", new Uint8Array([0xff, 0xfe, ...Buffer.from(recipe, "utf16le")]));
    await readThrough("Unicode.json");
    upload("无标记.json", new Uint8Array(Buffer.from(recipe, "utf16le")));
    await readThrough("无标记.json");
    // Notepad's "ANSI" on a Chinese Windows: { …, "name": { "zh": "本地", "en": "Local" } }, 本地 in GBK's bytes
    const gbk = Uint8Array.from([
      ...Buffer.from('{ "extends": "statistics-export", "name": { "zh": "'),
      ...[0xb1, 0xbe, 0xb5, 0xd8],
      ...Buffer.from('", "en": "Local" } }'),
    ]);
    upload("本地.json", gbk);
    await readThrough("本地.json");
    const fixture = parseRecipe(JSON.parse(recipe));
    const local = parseRecipe({ extends: "statistics-export", name: { zh: "本地", en: "Local" } });
    if (!fixture.ok || !local.ok) throw new Error("the recipes must be ones");
    // each reading through the recipe as the file says it, its Chinese read as typed
    expect(read.mock.calls.map((call) => call[3])).toEqual([
      undefined,
      fixture.recipe,
      fixture.recipe,
      fixture.recipe,
      local.recipe,
    ]);
  });
});

describe("the first screen's drop zones", () => {
  const file = (name: string) => new File([new Uint8Array([1])], name);
  const drop = (zone: string, files: File[]) =>
    fireEvent.drop(document.querySelector(`[data-drop-zone="${zone}"]`)!, { dataTransfer: { files } });

  /** The web app's two openers: the workbook's (one file, or several for the league) and the counties'. */
  function renderOpeners(onFile: (file: File) => void, onFiles: (files: File[]) => void) {
    render(
      <FluentProvider theme={webLightTheme}>
        <OpenWorkbook
          lang="zh"
          reading={null}
          error={null}
          onFile={onFile}
          onFiles={onFiles}
          onSample={() => undefined}
        />
        <OpenCounties lang="zh" disabled={false} onFiles={onFiles} />
      </FluentProvider>,
    );
  }

  it("one file on the workbook's zone opens it, several are the league's; the page's own handler is not told", async () => {
    const opened: string[] = [];
    const league: string[][] = [];
    const page = jest.fn();
    window.addEventListener("drop", page);
    renderOpeners(
      (f) => opened.push(f.name),
      (fs) => league.push(fs.map((f) => f.name)),
    );
    drop("workbook", [file("白狼县.xlsx")]);
    drop("workbook", [file("甲.xlsx"), file("乙.xlsx")]);
    drop("counties", [file("丙.xlsx")]);
    expect(opened).toEqual(["白狼县.xlsx"]);
    // the league's zone reads the drop's folders, if any, before it is told
    await waitFor(() => expect(league).toEqual([["甲.xlsx", "乙.xlsx"], ["丙.xlsx"]]));
    expect(page).not.toHaveBeenCalled();
    window.removeEventListener("drop", page);
  });

  it("the file choosers show old .xls and WPS .et files too, for the reader to say to save them as .xlsx", () => {
    renderOpeners(
      () => undefined,
      () => undefined,
    );
    const choosers = [...document.querySelectorAll('input[type="file"]')] as HTMLInputElement[];
    // the workbook's, the counties' and the counties' folder's
    expect(choosers).toHaveLength(3);
    for (const chooser of choosers) {
      const accepted = chooser.accept.split(",");
      for (const extension of [".xlsx", ".xlsm", ".xls", ".et", ".csv"])
        expect(accepted).toContain(extension);
    }
  });
});
