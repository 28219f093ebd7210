/**
 * End to end, in Debian's headless Chromium: the production build of the pane, opened in a plain browser,
 * starts in demo mode on the in-memory workbook holding the sample county; a clerk reads and checks the
 * table, corrects a column match, writes the report, and the report's cells are read back from the
 * workbook and compared with the engine. Screenshots at 350 px, light and dark, go to tests/artifacts/.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { evaluateTable } from "../../src/pipeline";
import { BALANCE_LAYOUT, COMPLIANCE_COLUMNS } from "../../src/report/build";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { DEMO_RENAMED_HEADER, demoSheet } from "../../src/excel/memory/demo";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  officeFileFor,
  OFFICE_CDN,
  ROOT,
  productionBuild,
  serve,
} from "./productionBuild";

const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const WIDTH = 350;
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `${CHROMIUM} is missing: the browser end-to-end test of the task pane is skipped (apt-get install chromium).`,
  );
}
const describeInBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(240_000);

type DemoWindow = Window & {
  balanceDemo: { values(sheet: string): (number | string | boolean)[][]; sheets(): string[] };
};

/** The demo table as the engine evaluates it once the user has pointed the renamed header at its field. */
function expectedEvaluation() {
  const sheet = demoSheet();
  const grid = { sheet: sheet.name, topLeft: "A1", values: sheet.rows };
  const headerRow = sheet.rows.findIndex((r) => r.includes(DEMO_RENAMED_HEADER.header));
  const col = sheet.rows[headerRow].indexOf(DEMO_RENAMED_HEADER.header);
  const result = evaluateTable(grid, NATIONAL_2017, { mapping: { [DEMO_RENAMED_HEADER.columnId]: col } });
  if (!result.evaluation) throw new Error("the corrected demo table must evaluate");
  return { evaluation: result.evaluation, col };
}

describeInBrowser("task pane in headless Chromium (production build, demo mode)", () => {
  let browser: Browser;
  let server: { origin: string; close(): Promise<void> };
  const pageErrors: string[] = [];
  /** a temporary build made by this test, removed afterwards */
  let builtDir: string | null = null;

  beforeAll(async () => {
    const build = productionBuild("addin");
    if (build.built) builtDir = build.dir;
    server = await serve(build.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (builtDir) rmSync(builtDir, { recursive: true, force: true });
  });

  /** Opens the pane at 350 px; office.js is Microsoft's own file, or absent when `officeJs` is false. */
  async function openPane(query: string, officeJs: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    // no network here: Office's CDN answers with the office.js of @microsoft/office-js, or not at all
    await page.route(OFFICE_CDN, (route) => {
      const file = officeJs ? officeFileFor(route.request().url()) : null;
      return file ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.abort();
    });
    await page.goto(`${server.origin}/taskpane.html${query}`);
    return page;
  }

  async function checkAndCorrect(page: Page, letter: string) {
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByText(/改正后才能生成报表/).waitFor();
    await page.getByRole("combobox", { name: "小学县级以上骨干教师数" }).click();
    await page.getByRole("option", { name: `${letter} · ${DEMO_RENAMED_HEADER.header}` }).click();
    await page.getByText(/改正后才能生成报表/).waitFor({ state: "detached" });
  }

  it("walks from check through a corrected column match to the report, whose cells equal the engine's", async () => {
    const { evaluation, col } = expectedEvaluation();
    const letter = String.fromCharCode(65 + col);
    const started = Date.now();
    const page = await openPane("", true);

    // in a plain browser, office.js loads but reports no host: demo mode, bannered, without hanging
    await page.getByText("演示模式 — 未连接 Excel").waitFor({ timeout: 15_000 });
    const firstRender = Date.now() - started;

    await checkAndCorrect(page, letter);
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.getByRole("button", { name: "打开“达标情况”" }).waitFor();

    const verdict = await page.locator("[data-verdict]").getAttribute("data-verdict");
    expect(verdict).toBe(evaluation.resourcesPass ? "pass" : "fail");

    const read = (sheet: string) =>
      page.evaluate((name) => (window as unknown as DemoWindow).balanceDemo.values(name), sheet);
    const sheets = await page.evaluate(() => (window as unknown as DemoWindow).balanceDemo.sheets());
    expect(sheets).toEqual(expect.arrayContaining(["学校", "汇总", "达标情况", "差异系数", "学校数据"]));

    // compliance: the included sections, a block per level, each in input order
    const compliance = await read("达标情况");
    const pass = (row: unknown[]) => row[COMPLIANCE_COLUMNS.pass];
    const schools = compliance
      .filter((row) => pass(row) === "达标" || pass(row) === "不达标")
      .map((row) => row[COMPLIANCE_COLUMNS.school]);
    const included = LEVELS.flatMap((level) =>
      evaluation.sections.filter((s) => s.included && s.level === level),
    );
    expect(schools).toEqual(included.map((s) => s.school));

    // balance: every X̄ and CV, computed by the workbook's own formulas, equals the engine's value
    const balance = await read("差异系数");
    const C = BALANCE_LAYOUT.columns;
    for (const level of LEVELS) {
      for (const id of INDICATOR_IDS) {
        const row = balance[BALANCE_LAYOUT.rowOf(level, id) - 1];
        const engine = evaluation.levels[level].balance[id];
        if (engine.cv === null || engine.countyRatio === null) continue;
        expect([level, id, Math.abs((row[C.cv] as number) - engine.cv) <= 1e-9]).toEqual([level, id, true]);
        expect(Math.abs((row[C.countyRatio] as number) - engine.countyRatio)).toBeLessThanOrEqual(1e-9);
      }
    }

    // the sheet link shows the balance sheet as a table in the pane
    await page.getByRole("button", { name: "打开“差异系数”" }).click();
    const table = page.locator('table[data-sheet="差异系数"]');
    await table.waitFor();
    const id = INDICATOR_IDS[0];
    const cvCell = `${String.fromCharCode(65 + C.cv)}${BALANCE_LAYOUT.rowOf("primary", id)}`;
    const shown = await table.locator(`td[data-cell="${cvCell}"]`).textContent();
    expect(Number(shown)).toBeCloseTo(evaluation.levels.primary.balance[id].cv as number, 3);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-light-workbook.png"), fullPage: false });

    await page.getByRole("tab", { name: "检查与报表" }).click();
    await page.getByRole("heading", { name: "评估结果" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-light.png"), fullPage: true });
    console.log(`pane: demo mode ready ${firstRender} ms after navigation (production build, 350 px)`);
    await page.context().close();
  });

  it("runs without office.js at all, in the dark theme, and remembers the column match in the workbook", async () => {
    const { col } = expectedEvaluation();
    const page = await openPane("?theme=dark", false);
    await page.getByText("演示模式 — 未连接 Excel").waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    await checkAndCorrect(page, String.fromCharCode(65 + col));
    // a second read of the same sheet needs no click: the correction is in the workbook's settings
    await page
      .getByRole("button", { name: "重新读取并检查" })
      .or(page.getByRole("button", { name: "读取并检查" }))
      .first()
      .click();
    await page.getByRole("button", { name: "生成报表工作表" }).waitFor();
    expect(await page.getByText(/改正后才能生成报表/).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-dark.png"), fullPage: true });
    await page.getByRole("tab", { name: "全部指标" }).click();
    await page.locator("[data-county-verdict]").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-dark-all-items.png"), fullPage: true });
    await page.context().close();
  });

  it("paints its loading state at once and starts in demo mode after 4 s when office.js hangs", async () => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    let asked = 0;
    // the CDN takes the request and never answers
    await page.route(OFFICE_CDN, () => {
      asked++;
    });
    const started = Date.now();
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "domcontentloaded" });
    await page.getByText("正在连接 Excel… Connecting to Excel…").waitFor();
    expect(await page.getByText("演示模式 — 未连接 Excel").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-loading.png") });
    await page.getByText("演示模式 — 未连接 Excel").waitFor({ timeout: 30_000 });
    // it waited the stated time for Office, and no longer than it takes to notice
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect(asked).toBe(1);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByRole("heading", { name: "3. 数据检查" }).waitFor();
    await context.close();
  });

  it("shows Internet Explorer and old Edge why the pane cannot run there, and where to go", async () => {
    const ie = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 600 }, userAgent: ie });
    const page = await context.newPage();
    await page.route(OFFICE_CDN, (route) => route.abort());
    await page.goto(`${server.origin}/taskpane.html`);
    const message = page.locator('[data-unsupported-webview="Trident"]');
    await message.waitFor();
    expect(await message.textContent()).toContain(`${server.origin}/web/index.html`);
    expect(await message.textContent()).toContain("WebView2");
    // the pane's bundles ran (the page has loaded) and left the message alone
    expect(await page.evaluate(() => document.readyState)).toBe("complete");
    expect(await page.evaluate(() => "balanceDemo" in window)).toBe(false);
    expect(await page.getByText("演示模式 — 未连接 Excel").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-unsupported-webview.png") });
    await context.close();
  });

  it("speaks English on request, its tabs on one line at 350 px, and fits 320 px", async () => {
    const page = await openPane("?lang=en", false);
    await page.getByText("Demo mode — not connected to Excel").waitFor({ timeout: 15_000 });
    const tops = await page
      .getByRole("tab")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(tops).toHaveLength(6);
    expect(new Set(tops).size).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-en-350.png") });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: "Read and check" }).click();
    await page.getByRole("heading", { name: "3. Check" }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-en.png"), fullPage: true });
    await page.context().close();
  });

  it("loads the solver only when a plan asks for it, and 规划 then computes the rotation plan", async () => {
    const page = await openPane("", false);
    const solver: string[] = [];
    page.on("request", (request) => {
      if (/highs|\.wasm$/.test(request.url())) solver.push(request.url());
    });
    await page.getByText("演示模式 — 未连接 Excel").waitFor({ timeout: 15_000 });
    await checkAndCorrect(page, String.fromCharCode(65 + expectedEvaluation().col));
    // the first screens fetched none of the solver
    expect(solver).toEqual([]);
    await page.getByRole("tab", { name: "规划" }).click();
    await page.getByRole("button", { name: "计算交流轮岗方案" }).click();
    await page.getByText(/^交流轮岗：达标 \d+ → \d+，交流 \d+ 人$/).waitFor({ timeout: 120_000 });
    // its script, in a chunk of its own, and its WebAssembly, a file beside it
    expect(solver.some((url) => /highs[^/]*\.js$/.test(url))).toBe(true);
    expect(solver.some((url) => url.endsWith(".wasm"))).toBe(true);
    await page.context().close();
  });

  it("raised no script error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
