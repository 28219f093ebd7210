/**
 * The offline web app by keyboard and by screen reader, in Debian's headless Chromium (production build): government
 * software is held to GB/T 37668, which follows WCAG 2.0 AA. A clerk who uses no mouse opens the sample county's
 * workbook from the file chooser, reads and checks it, writes the report, merges a teaching point in 模拟, plans in
 * 规划 and switches to English, each with Tab, Enter and the arrow keys; every stop shows where the focus is.
 * axe-core (a devDependency, injected from node_modules: no network) scans each view a clerk uses, the league's
 * too, in the light theme and the dark one (?theme=dark, as a dark system asks), and finds nothing serious or
 * critical and nothing outside a landmark. The focus follows what an action opens (the workbook's bar, the league's,
 * the first screen's heading), and each tab's panel is named by it and is the Tab stop after the tabs.
 * Screenshots of focus states go to tests/artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { CHROMIUM, ROOT } from "./productionBuild";
import { servedWebApp, type ServedWebApp } from "./servedWebApp";

const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const SAMPLE = path.join(ROOT, "examples/sample-county.xlsx");
const EXPORT = path.join(ROOT, "tests/fixtures/xls/export.xlsx");
const FEATURES = path.join(ROOT, "tests/fixtures/xls/features.xlsx");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js", { paths: [ROOT] }), "utf8");
const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the accessibility browser test is skipped.`);

jest.setTimeout(300_000);

type Finding = { id: string; impact: string | null; targets: string[] };

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is, its serious and critical findings, and any content
 * outside every landmark (axe's "region", a best practice of moderate impact: a message bar there is missed by a
 * screen reader's list of regions). Tabster's focus guards (Fluent UI's <i data-tabster-dummy>) are left out:
 * aria-hidden and focusable by design, they hand the focus on the moment they get it, and no Tab in the walk below
 * ever stops on one.
 */
async function seriousFindings(page: Page): Promise<Finding[]> {
  // colours caught between two states (a button just enabled fades in) are not what the page shows
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // a spinner turns for ever
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts, as it should
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(...a: unknown[]): Promise<{ violations: never[] }> } })
      .axe;
    const context = { exclude: [["[data-tabster-dummy]"]] };
    const result = await axe.run(context, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    const regions = await axe.run(context, { runOnly: { type: "rule", values: ["region"] } });
    return (
      [...result.violations, ...regions.violations] as {
        id: string;
        impact: string | null;
        nodes: { target: string[] }[];
      }[]
    )
      .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "region")
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** The element that has the focus is `target`. */
const focusIs = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** What a screen reader says of the focused element: its role and name, as Chromium computes them. */
async function focusedName(page: Page): Promise<string> {
  const snapshot = await page.locator("*:focus").ariaSnapshot();
  return snapshot.split("\n")[0].replace(/^- /, "").replace(/:$/, "");
}

describeInBrowser("the web app by keyboard and screen reader (production build)", () => {
  let app: ServedWebApp;
  const pageErrors: string[] = [];
  /** each Tab stop's role and name, and whether it looked different with the focus than without */
  const unseenFocus: string[] = [];

  beforeAll(async () => {
    app = await servedWebApp();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function openApp(theme: "light" | "dark" = "light"): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await context.route("**/*", (route) =>
      route.request().url().startsWith(`${app.origin}/`) ? route.continue() : route.abort(),
    );
    await page.goto(`${app.origin}/index.html?theme=${theme}`);
    await page.locator("#workbook-file").waitFor({ state: "attached" });
    return page;
  }

  /**
   * Presses Tab until `target` has the focus (at most `max` times), as a clerk does; every stop passed is drawn
   * differently focused than not (a visible focus, WCAG 2.4.7). The stops' names, in order.
   */
  async function tabTo(page: Page, target: Locator, max = 40): Promise<string[]> {
    const stops: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      const focused = page.locator("*:focus");
      if ((await focused.count()) === 0) continue;
      const name = await focusedName(page);
      stops.push(name);
      // Fluent's underline grows in over 200 ms
      await page.waitForTimeout(300);
      const handle = await focused.elementHandle();
      const withFocus = await focused.screenshot();
      if (await focusIs(target)) return stops;
      await page.keyboard.press("Tab");
      await page.waitForTimeout(300);
      const without = await handle!.screenshot();
      if (withFocus.equals(without)) unseenFocus.push(name);
      await page.keyboard.press("Shift+Tab");
    }
    throw new Error(`Tab never reached ${target}: ${stops.join(" → ")}`);
  }

  it("a clerk's whole flow by keyboard, every control named in Chinese, with no serious finding on any view", async () => {
    const page = await openApp();
    const findings: Record<string, Finding[]> = {};
    findings["首页"] = await seriousFindings(page);

    // the first screen: the language switch, then the choices in the order they are read
    const chooser = page.getByRole("button", { name: "选择工作簿…" });
    // asked for before the first Tab, as in web.e2e.test.ts: Playwright catches file choosers only once the browser
    // has answered, and an Enter sent in the same breath opens one it does not see
    const choosing = page.waitForEvent("filechooser");
    expect(await tabTo(page, chooser)).toEqual([
      expect.stringMatching(/^button "界面语言：\s?English"$/),
      'button "选择工作簿…"',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-focus-start.png") });
    await page.keyboard.press("Enter");
    const files = await choosing;
    await files.setFiles(SAMPLE);
    const read = page.getByRole("button", { name: "读取并检查" });
    await read.waitFor();
    // the button that opened it is gone: the focus is on the bar that names the workbook opened, not on <body>
    await expect(focusIs(page.locator("[data-file-bar-title]"))).resolves.toBe(true);
    await expect(page.locator("[data-file-bar-title]").textContent()).resolves.toContain(
      "sample-county.xlsx",
    );
    findings["已打开"] = await seriousFindings(page);

    // 读取并检查: reached past the file bar's buttons and the tabs, its result said in a status
    const toRead = await tabTo(page, read);
    expect(toRead).toEqual(
      expect.arrayContaining([
        'button "下载工作簿"',
        'button "打开其他工作簿"',
        'tab "检查与报表" [selected]',
      ]),
    );
    await page.keyboard.press("Enter");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /^已读取 学校!/ })
        .count(),
    ).resolves.toBe(1);
    findings["检查与报表"] = await seriousFindings(page);

    // the column choices, then the report's title, then 生成报表工作表: each named in Chinese
    const write = page.getByRole("button", { name: "生成报表工作表" });
    const toWrite = await tabTo(page, write, 60);
    expect(toWrite).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^combobox "学校名称"/),
        expect.stringMatching(/^textbox "旗县市"/),
        expect.stringMatching(/^textbox "年份或学年"/),
      ]),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-focus-write.png") });
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /^已写入：/ })
      .waitFor();
    // pass and fail in words, not in colour alone
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /^资源配置：(达标|未达标)$/ })
        .count(),
    ).resolves.toBe(1);
    findings["报表"] = await seriousFindings(page);

    // the tabs: each controls its panel, named by it and the next Tab stop; the arrow keys move along them, Enter
    // opens one
    const tabs = page.getByRole("tab");
    await tabs.first().focus();
    await page.keyboard.press("Tab");
    await expect(focusedName(page)).resolves.toBe('tabpanel "检查与报表"');
    await expect(page.getByRole("tabpanel", { name: "检查与报表" }).getAttribute("id")).resolves.toBe(
      await tabs.first().getAttribute("aria-controls"),
    );
    await tabs.first().focus();
    await page.keyboard.press("ArrowRight");
    await expect(focusIs(page.getByRole("tab", { name: "模拟" }))).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("[data-indicators] table").first().waitFor();

    // 模拟: a teaching point merged into its township's central school, typed
    const kind = page.getByRole("combobox", { name: "调整方式" });
    await tabTo(page, kind);
    await kind.selectOption("mergeSchool");
    const form = page.locator('[data-structural-form="mergeSchool"]');
    await tabTo(page, form.getByRole("combobox", { name: "被撤并的学校" }));
    await page.keyboard.type("红石乡柳树屯教学点");
    await page.keyboard.press("Escape");
    await tabTo(page, form.getByRole("combobox", { name: "并入学校" }));
    await page.keyboard.type("红石乡中心小学");
    await page.keyboard.press("Escape");
    await tabTo(page, form.getByRole("button", { name: "加入修改清单" }));
    await page.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-focus-whatif.png") });
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: "已加入：红石乡柳树屯教学点 并入 红石乡中心小学" })
      .waitFor();
    findings["模拟"] = await seriousFindings(page);

    // 规划: the cheapest plan, its cost said in a status
    await page.getByRole("tab", { name: "模拟" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const plan = page.getByRole("button", { name: "计算最低成本方案" });
    await tabTo(page, plan, 60);
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /^经常性支出：.*一次性投入：/ })
      .waitFor({ timeout: 120_000 });
    findings["规划"] = await seriousFindings(page);

    for (const [name, ready] of [
      ["全部指标", "[data-county-verdict]"],
      ["对比", "[data-compare]"],
      ["工作簿", "table[data-sheet]"],
    ] as const) {
      await page.getByRole("tab", { name }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("tab", { name, selected: true }).count()).resolves.toBe(1);
      await expect(page.getByRole("tabpanel", { name }).count()).resolves.toBe(1);
      if (name !== "对比") await page.locator(ready).first().waitFor();
      findings[name] = await seriousFindings(page);
    }

    // every control of every view is named, and in Chinese: no English of Fluent's own
    const names = await page.locator("body").ariaSnapshot();
    expect(names).not.toMatch(/\b(Increment|Decrement|Close|Dismiss|Open|Clear)\b/);

    // English: the switch by keyboard, the page's language and the names with it
    await tabTo(page, page.getByRole("button", { name: /^界面语言：\s?English$/ }), 80);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /^Language:\s+中文$/ }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.getByRole("tab", { name: "Check" }).click();
    findings["English"] = await seriousFindings(page);
    await page.context().close();

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    expect(unseenFocus).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("a workbook with problems, and the league of several files: no serious finding", async () => {
    const findings: Record<string, Finding[]> = {};
    const page = await openApp();
    await page.locator("#workbook-file").setInputFiles(EXPORT);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByRole("heading", { name: "3. 数据检查" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /^已读取/ })
      .waitFor();
    findings["有问题的工作簿"] = await seriousFindings(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-problems.png"), fullPage: true });

    const league = await openApp();
    await league.locator("#county-files").setInputFiles([SAMPLE, EXPORT, FEATURES]);
    await league.locator("[data-league]").waitFor();
    findings["盟市汇总"] = await seriousFindings(league);
    // the screen replaced the first one: the focus is on its bar's title, where its buttons follow, by keyboard
    await expect(focusIs(league.locator("[data-league-bar-title]"))).resolves.toBe(true);
    const back = league.getByRole("button", { name: "返回" });
    const stops = await tabTo(league, back);
    expect(stops[0]).toBe('button "下载汇总工作簿"');
    expect(stops).toEqual(expect.arrayContaining(['button "下载汇总工作簿"', 'button "添加文件…"']));
    await league.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-focus-league.png") });
    // and back on the first screen, the focus at its heading
    await league.keyboard.press("Enter");
    const heading = league.getByRole("heading", { name: "打开学校数据工作簿" });
    await heading.waitFor();
    await expect(focusIs(heading)).resolves.toBe(true);
    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    expect(unseenFocus).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the dark theme (?theme=dark, or a dark system): every view and the league, no serious finding", async () => {
    const findings: Record<string, Finding[]> = {};
    const page = await openApp("dark");
    // the theme asked for is the theme drawn: light text on a dark page
    const colours = await page.evaluate(() => {
      // the page's frame, around its header and its main part
      const style = getComputedStyle(document.querySelector("main")!.parentElement!);
      return { text: style.color, back: style.backgroundColor };
    });
    const luminance = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((a, c) => a + Number(c), 0);
    expect(luminance(colours.text)).toBeGreaterThan(luminance(colours.back));
    findings["首页"] = await seriousFindings(page);

    await page.locator("#workbook-file").setInputFiles(EXPORT);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByRole("heading", { name: "3. 数据检查" }).waitFor();
    findings["有问题的工作簿"] = await seriousFindings(page);

    await page.getByRole("button", { name: "打开其他工作簿" }).click();
    // the first screen again, the focus at its heading
    await expect(focusIs(page.getByRole("heading", { name: "打开学校数据工作簿" }))).resolves.toBe(true);
    await page.locator("#workbook-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByRole("heading", { name: "3. 数据检查" }).waitFor();
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^已写入：/ })
      .waitFor();
    findings["报表"] = await seriousFindings(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-dark-report.png"), fullPage: true });

    for (const [name, ready] of [
      ["模拟", "[data-indicators] table"],
      ["规划", null],
      ["全部指标", "[data-county-verdict]"],
      ["对比", null],
      ["工作簿", "table[data-sheet]"],
    ] as const) {
      await page.getByRole("tab", { name }).click();
      const panel = page.getByRole("tabpanel", { name });
      await panel.waitFor();
      if (ready) await page.locator(ready).first().waitFor();
      if (name === "规划") {
        await panel.getByRole("button", { name: "计算最低成本方案" }).click();
        await page
          .getByRole("status")
          .filter({ hasText: /^经常性支出：.*一次性投入：/ })
          .waitFor({ timeout: 120_000 });
      }
      findings[name] = await seriousFindings(page);
    }
    await page.getByRole("button", { name: /^界面语言：\s?English$/ }).click();
    await page.getByRole("tab", { name: "Check" }).click();
    findings["English"] = await seriousFindings(page);
    await page.context().close();

    const league = await openApp("dark");
    await league.locator("#county-files").setInputFiles([SAMPLE, EXPORT, FEATURES]);
    await league.locator("[data-league]").waitFor();
    findings["盟市汇总"] = await seriousFindings(league);
    await league.screenshot({ path: path.join(ARTIFACTS, "a11y-zh-dark-league.png"), fullPage: true });
    await league.context().close();

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    expect(pageErrors).toEqual([]);
  });
});
