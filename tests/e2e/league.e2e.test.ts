/**
 * The league's and the years' views in the offline web app (issue 16 item 3), end to end in Debian's headless
 * Chromium on the production build. Two years of a county with a known regression (a school falling below a
 * standard, a coefficient crossing its limit) are compared in 对比: both regressions are shown, as `balance
 * compare --json` gives them, and the comparison sheets written and downloaded equal `compare --out`'s. Three county
 * files and an unreadable one are opened at once: the league view shows what `balance batch --json` gives for
 * them, the unreadable file is listed with its message, and the league workbook downloaded equals `batch --out`'s.
 * Screenshots at 350 px and in a full window, Chinese and English, go to tests/artifacts/.
 */
import ExcelJS from "exceljs";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type Page } from "playwright-core";
import { countedFirst } from "../../src/engine/league";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { run } from "../cli/helpers";
import { writeCounty, writeThreeCounties } from "../league/helpers";
import { twoYearsWithRegression } from "../league/records";
import { CHROMIUM, ROOT } from "./productionBuild";
import { servedWebApp, type ServedWebApp } from "./servedWebApp";
import { expectSignablePage, printPdf } from "./printedPdf";

const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the league views' browser test is skipped.`);

jest.setTimeout(300_000);

const year2025 = () => twoYearsWithRegression()[2025];
const year2026 = () => twoYearsWithRegression()[2026];

/** Every row of every sheet of a workbook as text, formulas by their cached results. */
async function sheetRows(file: string): Promise<Map<string, string[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheets = new Map<string, string[]>();
  for (const ws of book.worksheets) {
    const rows: string[] = [];
    ws.eachRow((row) =>
      rows.push(
        (row.values as ExcelJS.CellValue[])
          .slice(1)
          .map((v) => (v !== null && typeof v === "object" && "result" in v ? v.result : v))
          .map((v) => (v === undefined || v === null ? "" : String(v)))
          .join("|"),
      ),
    );
    sheets.set(ws.name, rows);
  }
  return sheets;
}

interface BatchLevel {
  sections: number;
  passingSections: number;
  cv: Record<string, number | null>;
  cvPass: Record<string, boolean>;
}
interface BatchCounty {
  file: string;
  county: string;
  ok: boolean;
  counted: boolean;
  schools: number;
  levels: Record<string, BatchLevel> | null;
  resourcesPass: boolean | null;
  countyPass: boolean | null;
  failingItems: number | null;
  missingItems: number | null;
  targetYear: number | null;
  yearsLeft: number | null;
  atRisk: boolean | null;
  problems: { severity: string; message: string }[];
}
interface BatchJson {
  year: number;
  counties: BatchCounty[];
  indicators: { level: string; indicator: string; countiesFailing: number; sectionsFailing: number }[];
  atRisk: { county: string }[];
}

describeInBrowser("the league's and the years' views in the web app (production build)", () => {
  let app: ServedWebApp;
  let browser: Browser;
  let origin: string;
  const work = mkdtempSync(path.join(tmpdir(), "balance-league-e2e-"));
  const earlier = path.join(work, "科右中旗2025.xlsx");
  const later = path.join(work, "科右中旗2026.xlsx");
  let counties: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await servedWebApp();
    ({ browser, origin } = app);
    mkdirSync(ARTIFACTS, { recursive: true });
    await writeCounty(work, path.basename(earlier), year2025());
    await writeCounty(work, path.basename(later), year2026());
    const dir = path.join(work, "counties");
    mkdirSync(dir);
    counties = await writeThreeCounties(dir);
    const broken = path.join(dir, "突泉县.xlsx");
    copyFileSync(path.join(ROOT, "tests/trust/fixtures/xlsx/bad-corrupt-zip.xlsx"), broken);
    counties.push(broken);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function openApp(width: number, lang: "zh" | "en" = "zh"): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: lang === "zh" ? "zh-CN" : "en-US",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await context.route("**/*", (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
    );
    await page.goto(`${origin}/index.html${lang === "en" ? "?lang=en" : ""}`);
    await page.locator("#workbook-file").waitFor({ state: "attached" });
    return page;
  }

  async function download(page: Page, button: string, into: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    const saved = path.join(work, `${into}-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    return saved;
  }

  it("对比: both regressions of the later year, as balance compare gives them; the sheets as compare --out writes them", async () => {
    const renames = path.join(work, "renames.json");
    writeFileSync(renames, JSON.stringify({ 丁小学: "丁镇中心小学" }));
    const cli = JSON.parse((await run("compare", earlier, later, "--json", "--rename", renames)).stdout);
    const kinds = cli.regressions.map((r: { kind: string; school?: string; indicator?: string }) =>
      [r.kind, r.school ?? r.indicator].join(":"),
    );
    expect(kinds).toEqual(
      expect.arrayContaining(["section:甲小学", "indicator:甲小学", "coefficient:sportsArea"]),
    );

    const page = await openApp(350);
    await page.locator("#workbook-file").setInputFiles(later);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("tab", { name: "对比" }).click();
    await page.locator("#earlier-file").setInputFiles(earlier);
    await page.locator("[data-trend]").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "compare-zh-350.png"), fullPage: true });

    // without the rename: 丁 closed and 丁镇中心小学 opened; matched, as --rename matches them
    expect(await page.locator('[data-schools="removed"]').textContent()).toContain("丁小学");
    await page.getByRole("combobox", { name: "旧名" }).selectOption("丁小学");
    await page.getByRole("combobox", { name: "新名" }).selectOption("丁镇中心小学");
    await page.getByRole("button", { name: "对应" }).click();
    await page.locator('[data-schools="renamed"]').waitFor();
    expect(await page.locator('[data-schools="renamed"]').textContent()).toBe("更名：丁小学 → 丁镇中心小学");
    expect(await page.locator('[data-schools="removed"]').textContent()).toBe("撤销：戊小学");
    expect(await page.locator('[data-schools="added"]').textContent()).toBe("新增：己小学");

    const shown = await page
      .locator("[data-regression]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-regression"), e.textContent ?? ""]));
    expect(shown.map(([kind]) => kind)).toEqual(cli.regressions.map((r: { kind: string }) => r.kind));
    const text = shown.map(([, t]) => t).join("\n");
    expect(text).toContain("甲小学（小学）由达标变为不达标");
    const sports = cli.coefficients.find(
      (c: { level: string; indicator: string }) => c.level === "primary" && c.indicator === "sportsArea",
    );
    expect(text).toContain(
      `小学运动场馆差异系数 ${sports.values[0].toFixed(4)} → ${sports.values[1].toFixed(4)}，超过限值 0.50`,
    );
    expect(
      await page
        .locator('[data-coefficients="primary"] tr[data-indicator="sportsArea"]')
        .getAttribute("data-crossed"),
    ).toBe("up");
    expect(await page.locator("[data-projection]").textContent()).toContain("2028 年预测");

    // printed: an A4 page to sign, named after the county and the later year, both files read; the comparison
    // whole, none of the form that chose the earlier year nor the renaming's boxes
    const printed = await printPdf(
      page,
      path.join(work, "compare.pdf"),
      path.join(ARTIFACTS, "compare-zh-print"),
    );
    expect(printed.text).toMatch(/科右中旗2026\.xlsx；已读取学校!A1:[A-Z]+\d+：\d+所学校；较早一年：/);
    expect(printed.text).toContain("甲小学（小学）由达标变为不达标");
    expect(printed.text).toContain("更名：丁小学→丁镇中心小学");
    expectSignablePage(printed, "科右中旗2026年义务教育优质均衡发展年度对比", [
      "选择较早一年的工作簿…",
      "较早一年的数据来自",
      "旧名",
      "写入对比工作表",
      "下载工作簿",
      "检查与报表",
    ]);

    await page.getByRole("button", { name: "写入对比工作表" }).click();
    await page.getByText(/^已写入工作表：对比汇总、差异系数趋势、学校变化$/).waitFor();
    const downloaded = await download(page, "下载工作簿", "compare");
    const cliOut = path.join(work, "对比.xlsx");
    expect((await run("compare", earlier, later, "--rename", renames, "--out", cliOut)).code).toBe(0);
    const fromCli = await sheetRows(cliOut);
    const fromWeb = await sheetRows(downloaded);
    for (const [name, rows] of fromCli) expect([name, fromWeb.get(name)]).toEqual([name, rows]);
    await page.screenshot({ path: path.join(ARTIFACTS, "compare-zh-350-written.png"), fullPage: true });
    await page.context().close();
  });

  it("对比 from another sheet of the workbook, in English", async () => {
    // both years in one workbook, this year's sheet first: the earlier year is a sheet, as inside Excel
    const both = path.join(work, "科右中旗.xlsx");
    const book = new ExcelJS.Workbook();
    for (const [name, records] of [
      ["2026年", year2026()],
      ["2025年", year2025()],
    ] as const) {
      const ws = book.addWorksheet(name);
      [templateHeaderRow(), ...recordsToRows(records)].forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) ws.getCell(r + 1, c + 1).value = v;
        }),
      );
    }
    writeFileSync(both, Buffer.from(await book.xlsx.writeBuffer()));
    const cli = JSON.parse((await run("compare", earlier, later, "--json")).stdout);

    const page = await openApp(350, "en");
    await page.locator("#workbook-file").setInputFiles(both);
    await page.getByRole("button", { name: "Read and check" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("tab", { name: "Years" }).click();
    await page.getByRole("radio", { name: "a sheet of this workbook" }).check();
    await page.getByRole("combobox", { name: "The earlier year's sheet" }).selectOption("2025年");
    await page.getByRole("button", { name: "Read and compare" }).click();
    await page.locator("[data-trend]").waitFor();
    expect(await page.locator("#trend-heading").textContent()).toBe("科右中旗: 2025 → 2026");
    expect(await page.locator("[data-regressions]").getAttribute("data-regressions")).toBe(
      String(cli.regressions.length),
    );
    expect(
      await page
        .locator("[data-regression]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-regression"))),
    ).toEqual(cli.regressions.map((r: { kind: string }) => r.kind));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "compare-en-350.png"), fullPage: true });
    await page.context().close();
  });

  async function expectLeagueAsBatch(page: Page, batch: BatchJson): Promise<void> {
    const cards = page.locator("[data-county]");
    const evaluated = batch.counties.filter((c) => c.ok);
    // the counted card of each county first, then the earlier years and copies (engine/league.ts countedFirst)
    const order = countedFirst(batch.counties);
    const shown = [...order.counted, ...order.others].map((i) => batch.counties[i]);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-county")))).toEqual(
      shown.map((c) => c.county),
    );
    for (const c of evaluated) {
      // a county given in several files has a card for each
      const card = cards.nth(shown.indexOf(c));
      const verdict = (pass: boolean | null) => (pass ? "pass" : "fail");
      expect(
        await card
          .locator("[data-verdict]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-verdict"))),
      ).toEqual([`resources:${verdict(c.resourcesPass)}`, `county:${verdict(c.countyPass)}`]);
      expect(await card.locator("[data-items]").textContent()).toBe(
        `${c.schools} 所学校，不达标 ${c.failingItems} 项，缺数据 ${c.missingItems} 项`,
      );
      expect(await card.locator("[data-target]").textContent()).toBe(
        `目标 ${c.targetYear} 年，${c.yearsLeft! >= 0 ? "剩余" : "已过"} ${Math.abs(c.yearsLeft!)} 年`,
      );
      expect(await card.locator("[data-at-risk]").count()).toBe(c.atRisk ? 1 : 0);
      for (const level of LEVELS) {
        const l = c.levels![level];
        expect(await card.locator(`[data-passing="${level}"]`).textContent()).toBe(
          `${LEVEL_NAMES[level].zh} ${l.passingSections}/${l.sections} 个学校（校区）达标`,
        );
        for (const id of INDICATOR_IDS) {
          const cell = card.locator(`[data-cv="${level}:${id}"]`);
          expect([id, await cell.textContent(), await cell.getAttribute("data-pass")]).toEqual([
            id,
            l.cv[id] === null ? "—" : l.cv[id]!.toFixed(4),
            l.cvPass[id] ? "pass" : "fail",
          ]);
        }
      }
    }
    const failed = batch.counties.filter((c) => !c.ok);
    for (const c of failed) {
      const line = page.locator(`[data-failed-file="${path.basename(c.file)}"]`);
      expect(await line.textContent()).toBe(`${path.basename(c.file)}：${c.problems[0].message}`);
    }
    const weak = batch.indicators.filter((r) => r.countiesFailing > 0).slice(0, 10);
    expect(
      await page.locator("[data-weak]").evaluateAll((els) => els.map((e) => e.getAttribute("data-weak"))),
    ).toEqual(weak.map((r) => `${r.level}:${r.indicator}`));
    for (const r of weak) {
      const name = NATIONAL_2017.indicators[r.indicator as (typeof INDICATOR_IDS)[number]].shortName.zh;
      expect(await page.locator(`[data-weak="${r.level}:${r.indicator}"]`).textContent()).toMatch(
        new RegExp(
          `^${LEVEL_NAMES[r.level as "primary"].zh}${name}：${r.countiesFailing} 个旗县市未达标.*，${r.sectionsFailing} 个学校（校区）低于标准$`,
        ),
      );
    }
    expect(
      await page.locator("[data-risk]").evaluateAll((els) => els.map((e) => e.getAttribute("data-risk"))),
    ).toEqual(batch.atRisk.map((r) => r.county));
  }

  it("盟市汇总: three counties and an unreadable file, as balance batch --json gives them; the league workbook as batch --out", async () => {
    const page = await openApp(1280);
    await page.locator("#county-files").setInputFiles(counties);
    await page.locator("[data-league]").waitFor();
    await page
      .getByText(`盟市汇总：${counties.length} 个文件，${counties.length - 1} 个旗县市已评估`)
      .waitFor();
    const year = Number(await page.getByRole("spinbutton", { name: "年份（计算剩余年数）" }).inputValue());
    const batchRun = await run("batch", ...counties, "--json", "--year", String(year));
    expect(batchRun.code).toBe(1); // the unreadable file
    const batch = JSON.parse(batchRun.stdout) as BatchJson;
    expect(batch.counties.map((c) => c.ok)).toEqual([true, true, true, false]);
    await expectLeagueAsBatch(page, batch);
    await page.screenshot({ path: path.join(ARTIFACTS, "league-zh-full.png"), fullPage: true });

    // printed: A4 pages to sign, the league's name left blank, the school year and the files read; every county's
    // card and the unreadable file, none of the bar's buttons nor the year's box
    const printed = await printPdf(
      page,
      path.join(work, "league.pdf"),
      path.join(ARTIFACTS, "league-zh-print"),
    );
    expect(printed.text).toContain(`已读取${counties.length}个文件：`);
    for (const c of batch.counties.filter((c) => c.ok)) expect(printed.text).toContain(c.county);
    expect(printed.text).toContain("突泉县.xlsx");
    expectSignablePage(printed, `＿＿＿＿盟市${year}年义务教育优质均衡发展盟市汇总`, [
      "下载汇总工作簿",
      "求各旗县市最低成本方案",
      "单位成本文件…",
      "添加文件…",
      "返回",
      "年份（计算剩余年数）",
      "English",
    ]);

    // the year moves the years left and the risk, as --year does
    const spin = page.getByRole("spinbutton", { name: "年份（计算剩余年数）" });
    await spin.fill(String(year + 2));
    await spin.press("Enter");
    const later = JSON.parse(
      (await run("batch", ...counties, "--json", "--year", String(year + 2))).stdout,
    ) as BatchJson;
    await page.locator("[data-risk]").first().waitFor();
    await expectLeagueAsBatch(page, later);
    await spin.fill(String(year));
    await spin.press("Enter");

    const downloaded = await download(page, "下载汇总工作簿", "league");
    expect(path.basename(downloaded)).toBe(`league-旗县市汇总-${year}年.xlsx`);
    const cliOut = path.join(work, "汇总.xlsx");
    await run("batch", ...counties, "--year", String(year), "--out", cliOut);
    const fromCli = await sheetRows(cliOut);
    const fromWeb = await sheetRows(downloaded);
    expect([...fromWeb.keys()]).toEqual([...fromCli.keys()]);
    // the file column: the command line names a file by its path, the browser by its name
    const names = (rows: string[] | undefined) =>
      rows?.map((r) => r.replaceAll(`${path.dirname(counties[0])}/`, ""));
    for (const [name, rows] of fromCli) expect([name, names(fromWeb.get(name))]).toEqual([name, names(rows)]);

    // the least-cost plans, solved in the browser by the web app's own solver chunk, as batch --plan gives them
    await page.getByRole("button", { name: "求各旗县市最低成本方案" }).click();
    await page
      .locator("[data-plan]")
      .nth(counties.length - 2)
      .waitFor({ timeout: 120_000 });
    expect(await page.locator("[data-plan]").count()).toBe(counties.length - 1);
    const planned = JSON.parse(
      (await run("batch", ...counties, "--json", "--plan", "--year", String(year))).stdout,
    ) as { counties: { county: string; ok: boolean; plan?: { total: number } }[] };
    for (const c of planned.counties.filter((c) => c.ok)) {
      expect([
        c.county,
        await page.locator(`[data-county="${c.county}"] [data-plan]`).getAttribute("data-plan"),
      ]).toEqual([c.county, String(c.plan!.total)]);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "league-zh-plans.png"), fullPage: true });
    const withPlans = await download(page, "下载汇总工作簿", "league-plans");
    const cliPlans = path.join(work, "汇总-方案.xlsx");
    await run("batch", ...counties, "--plan", "--year", String(year), "--out", cliPlans);
    const plansFromCli = await sheetRows(cliPlans);
    const plansFromWeb = await sheetRows(withPlans);
    expect([...plansFromWeb.keys()]).toEqual([...plansFromCli.keys()]);
    for (const [name, rows] of plansFromCli)
      expect([name, names(plansFromWeb.get(name))]).toEqual([name, names(rows)]);
    await page.context().close();
  });

  it("盟市汇总 at 350 px and in English; files dropped together open it", async () => {
    const page = await openApp(350);
    await page.screenshot({ path: path.join(ARTIFACTS, "league-zh-open-350.png"), fullPage: true });
    // several files dropped on the page: a DataTransfer made in the page, as a drop from the file manager gives it
    const handles = await Promise.all(
      counties
        .slice(0, 3)
        .map(async (file) => ({ name: path.basename(file), bytes: [...readFileSync(file)] })),
    );
    await page.evaluate((files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, handles);
    await page.getByText("盟市汇总：3 个文件，3 个旗县市已评估").waitFor();
    await expect(page.getByRole("button", { name: "下载汇总工作簿" }).isEnabled()).resolves.toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "league-zh-350.png"), fullPage: true });
    await page.getByRole("button", { name: "界面语言" }).click();
    await page.getByText("League summary: 3 files, 3 counties evaluated").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "league-en-350.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, "league-en-full.png"), fullPage: true });
    await page.context().close();
  });

  it("盟市汇总 with a county given twice, at 350 px: warned of and counted once, as batch --json counts it", async () => {
    const twice = path.join(work, "twice");
    mkdirSync(twice);
    const county = counties.find((f) => f.includes("科右前旗"))!;
    const files = ["科右前旗2026.xlsx", "科右前旗2025.xlsx"].map((name) => path.join(twice, name));
    for (const file of files) copyFileSync(county, file);
    files.push(counties.find((f) => f.includes("乌兰浩特市"))!);
    const page = await openApp(350);
    await page.locator("#county-files").setInputFiles(files);
    await page.locator("[data-league]").waitFor();
    await page.getByText("盟市汇总：3 个文件，2 个旗县市已评估").waitFor();
    const year = Number(await page.getByRole("spinbutton", { name: "年份（计算剩余年数）" }).inputValue());
    const batch = JSON.parse(
      (await run("batch", ...files, "--json", "--year", String(year))).stdout,
    ) as BatchJson & {
      repeated: { county: string; counted: string }[];
    };
    expect(batch.repeated).toEqual([expect.objectContaining({ county: "科右前旗", counted: files[0] })]);
    // two years of one county: one short line, no warning; the one table given for both years is warned of
    expect(await page.locator("[data-repeated]").count()).toBe(0);
    expect(await page.locator("[data-years-files]").textContent()).toBe(
      "历年文件：科右前旗（2025、2026 年），每个旗县市只计最新一年，其余列在“历年及未计入的文件”下，逐年变化见“逐年情况”",
    );
    const warning = page.locator('[data-unchanged="科右前旗:2025-2026"]');
    await expect(warning.isVisible()).resolves.toBe(true);
    expect(await warning.textContent()).toBe(
      (batch as unknown as { warnings: { message: string }[] }).warnings[0].message,
    );
    await expectLeagueAsBatch(page, batch);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "league-zh-repeated-350.png"), fullPage: true });
    await page.context().close();
  });

  it("raised no script error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
