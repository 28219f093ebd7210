/**
 * The offline web app in the browsers of domestic (信创) machines: their Chromium kernels are often years old, and
 * their "compatible mode" is Internet Explorer. Debian's Chromium stands in for them here: the production build
 * (dist/web) is opened with the browser APIs newer than Chrome 84 taken away before any script runs, and must
 * still check a county and write and download its report. Where the browser is older still (no WeakRef), in
 * Internet Explorer, or where the app fails while starting, the page must say what to do (src/web/web-start.js)
 * instead of "正在加载…" for ever. That the bundle holds no syntax newer than ES2020 is proven on the bundle
 * itself (tests/trust/webBundle.test.ts).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { CHROMIUM, ROOT } from "./productionBuild";
import { servedWebApp, type ServedWebApp } from "./servedWebApp";

const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the web app's old-browser test is skipped.`);

jest.setTimeout(300_000);

const SAMPLE = path.join(ROOT, "examples", "sample-county.xlsx");

/**
 * What Chrome 84 (the oldest kernel the app supports, webpack.config.js WEB_BROWSERS) has not, by the version that
 * brought it: removed from the page before its first script, so that a call of any of them fails as it would there.
 */
const NEWER_THAN_CHROME_84 = `(() => {
  const drop = (owner, names) => { for (const name of names) { try { delete owner[name]; } catch (e) {} } };
  const typed = Object.getPrototypeOf(Int8Array.prototype);
  drop(globalThis, ["structuredClone", "AggregateError", "showOpenFilePicker", "showSaveFilePicker",
    "showDirectoryPicker"]);                                                  // 98, 85, 86
  drop(Object, ["hasOwn", "groupBy"]);                                        // 93, 117
  drop(Map, ["groupBy"]);
  drop(Promise, ["any", "withResolvers"]);                                    // 85, 119
  drop(Array, ["fromAsync"]);                                                 // 121
  drop(Array.prototype, ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]);
  drop(typed, ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "with"]);
  drop(String.prototype, ["at", "replaceAll", "isWellFormed", "toWellFormed"]); // 92, 85, 111
  drop(Intl, ["Segmenter"]);                                                  // 87
  drop(Element.prototype, ["replaceChildren", "checkVisibility"]);            // 86, 105
  drop(AbortSignal, ["timeout", "any"]);                                      // 103, 116
  if (globalThis.crypto) drop(Object.getPrototypeOf(crypto), ["randomUUID"]); // 92
  drop(Set.prototype, ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf",
    "isSupersetOf", "isDisjointFrom"]);                                       // 122
})();`;

const WITHOUT_WEAKREF = "delete globalThis.WeakRef; delete globalThis.FinalizationRegistry;";

/** Internet Explorer 11's user agent, as 360's or QQ's "compatible mode" sends it. */
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";

describeInBrowser("the offline web app in older browsers (production build, Chromium standing in)", () => {
  let app: ServedWebApp;
  let browser: Browser;
  let origin: string;
  let appDir: string;
  const work = mkdtempSync(path.join(tmpdir(), "balance-old-browsers-"));

  beforeAll(async () => {
    app = await servedWebApp();
    ({ browser, origin, appDir } = app);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** The app's page, served or opened from disk, with `script` run before any of its own, and the errors its
   * scripts throw. */
  async function openWith(
    script: string,
    options: BrowserContextOptions = {},
    fromDisk = false,
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: "zh-CN", acceptDownloads: true, ...options });
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(fromDisk ? `file://${path.join(appDir, "index.html")}` : `${origin}/index.html`);
    return { page, errors };
  }

  it("without the APIs newer than Chrome 84: checks a county, writes its report, downloads it", async () => {
    const { page, errors } = await openWith(NEWER_THAN_CHROME_84);
    // the init script did take them away
    await expect(page.evaluate(() => typeof structuredClone + typeof "".replaceAll)).resolves.toBe(
      "undefinedundefined",
    );
    await page.getByRole("heading", { name: "打开学校数据工作簿" }).waitFor();
    await page.locator("#workbook-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.locator("[data-written]").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载工作簿" }).click(),
    ]);
    const saved = path.join(work, download.suggestedFilename());
    await download.saveAs(saved);
    await page.locator('[data-download-note="done"]').waitFor();
    expect(existsSync(saved)).toBe(true);
    await page.getByRole("tab", { name: "全部指标" }).click();
    await page.locator("[data-county-verdict]").waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("without CSS `inset` (before Chrome 87, as in 360 安全浏览器 13): the dialog is centred over a backdrop", async () => {
    const { page } = await openWith(NEWER_THAN_CHROME_84, { viewport: { width: 800, height: 600 } });
    await page.locator("#workbook-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.locator("[data-written]").waitFor();
    // writing again asks before replacing the report sheets
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // the page's style sheets as such a browser keeps them: every `inset` declaration dropped
    const dropped = await page.evaluate(() => {
      let count = 0;
      const strip = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSStyleRule && rule.style.getPropertyValue("inset") !== "") {
            rule.style.removeProperty("inset");
            count++;
          }
          if ("cssRules" in rule) strip((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) strip(sheet.cssRules);
      return count;
    });
    expect(dropped).toBeGreaterThan(0);
    // the surface's opening animation over, its box is where it stays
    let surface = await dialog.boundingBox();
    for (let last = null as typeof surface; JSON.stringify(last) !== JSON.stringify(surface);) {
      last = surface;
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
      surface = await dialog.boundingBox();
    }
    const backdrop = await page.locator(".fui-DialogSurface__backdrop").boundingBox();
    const view = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    // a backdrop over the window (less a scroll bar's room), the surface centred on it
    expect(backdrop).not.toBeNull();
    expect(surface).not.toBeNull();
    const [b, d] = [backdrop!, surface!];
    expect([b.x, b.y, b.height]).toEqual([0, 0, view.height]);
    expect(b.width).toBeGreaterThan(view.width - 20);
    expect(Math.abs(d.x + d.width / 2 - b.width / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(d.y + d.height / 2 - b.height / 2)).toBeLessThanOrEqual(2);
    await page.getByRole("button", { name: "取消" }).click();
    await page.context().close();
  });

  it("where WebAssembly may not run (Chrome 84 to 94 know no 'wasm-unsafe-eval'): 规划 plans, says what it needs", async () => {
    // the page's policy then refuses to compile the solver, as a browser throws it
    const refused = `for (const name of ["compile", "instantiate", "instantiateStreaming", "compileStreaming"])
      WebAssembly[name] = () => Promise.reject(new WebAssembly.CompileError("Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source"));`;
    const { page, errors } = await openWith(`${NEWER_THAN_CHROME_84}\n${refused}`);
    await page.getByRole("heading", { name: "打开学校数据工作簿" }).waitFor();
    await page.locator("#workbook-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("tab", { name: "规划" }).click();
    await page.getByRole("button", { name: "计算最低成本方案" }).click();
    await page.getByText(/^经常性支出：.*一次性投入：/).waitFor({ timeout: 120_000 });
    // the rotation needs the solver: the page says which browser to use
    await page.getByRole("button", { name: "计算交流轮岗方案" }).click();
    await page.getByText(/^求解器在此浏览器中无法运行，/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("in a browser older than Chrome 84 (no WeakRef): says so and what to use, instead of loading for ever", async () => {
    const { page } = await openWith(WITHOUT_WEAKREF);
    const advice = page.locator('[data-unsupported-browser="old"]');
    await advice.waitFor();
    const [zh, en] = await advice.locator("p").allTextContents();
    expect(zh).toMatch(/^此浏览器版本过旧（Chrome \d+），无法运行均衡离线网页版。/);
    expect(zh).toContain("Chrome 或 Edge 84 及以上、Firefox 80 及以上");
    expect(zh).toContain("“极速模式”");
    expect(en).toMatch(/^This browser is too old to run Balance's offline web app \(Chrome \d+\)\./);
    // the app itself did not start over the advice
    await expect(page.getByRole("heading", { name: "打开学校数据工作簿" }).count()).resolves.toBe(0);
    await expect(page.getByText("正在加载…").count()).resolves.toBe(0);
    await page.context().close();
  });

  it("in Internet Explorer (a browser's compatible mode): says to switch to its fast mode", async () => {
    const { page } = await openWith("", { userAgent: IE11 });
    const advice = page.locator('[data-unsupported-browser="ie"]');
    await advice.waitFor();
    const [zh, en] = await advice.locator("p").allTextContents();
    expect(zh).toMatch(
      /^本页正以 Internet Explorer 内核（浏览器的“兼容模式”）打开，无法运行均衡离线网页版。/,
    );
    expect(zh).toContain("请切换到“极速模式”");
    expect(en).toContain("Switch to the browser's 'fast mode'");
    await expect(page.getByRole("heading", { name: "打开学校数据工作簿" }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("when the app fails while starting: the advice and the browser's own error, not 正在加载… for ever", async () => {
    // a kernel lacking something the app calls as it starts
    const { page } = await openWith("delete globalThis.URLSearchParams;");
    const advice = page.locator('[data-unsupported-browser="failed"]');
    await advice.waitFor();
    const text = (await advice.locator("p").allTextContents()).join("\n");
    expect(text).toMatch(/^均衡离线网页版未能在此浏览器（Chrome \d+）中启动。请用 Chrome 或 Edge 84 及以上/);
    expect(text).toContain("浏览器报告 / The browser reported: ");
    expect(text).toContain("URLSearchParams");
    await page.context().close();
    // opened from disk the browser hides the error as "Script error.": the advice alone
    const fromDisk = (await openWith("delete globalThis.URLSearchParams;", {}, true)).page;
    await fromDisk.locator('[data-unsupported-browser="failed"]').waitFor();
    const paragraphs = await fromDisk.locator('[data-unsupported-browser="failed"] p').allTextContents();
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.join("\n")).not.toContain("Script error");
    await fromDisk.context().close();
  });
});
