/**
 * The focus after an action, in Debian's headless Chromium (production build), where a focused button disabled
 * loses the focus to <body> and React hears no blur: 下载工作簿 pressed again and again by keyboard, 全部清除 of the
 * edit list, and the league's 求各旗县市最低成本方案 and 下载汇总工作簿 each keep the focus on the button pressed.
 * And a problem's cell left blank beside text (a teaching point's 所属学校) is outlined in the workbook view, not
 * hidden under the text running on from its left.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { CHROMIUM, ROOT } from "./productionBuild";
import { servedWebApp, type ServedWebApp } from "./servedWebApp";
import { randomCounty, writeCounty } from "../league/helpers";

const SAMPLE = path.join(ROOT, "examples/sample-county.xlsx");
const EXPORT = path.join(ROOT, "tests/fixtures/xls/export.xlsx");
const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the focus browser test is skipped.`);

jest.setTimeout(300_000);

/** The text of the element that has the focus, or "<body>". */
const focused = (page: Page) =>
  page.evaluate(() =>
    document.activeElement === document.body ? "<body>" : (document.activeElement?.textContent ?? ""),
  );

/** Waits until the button of these words is no longer disabled (its work is done). */
const enabled = (page: Page, words: string) =>
  page.waitForFunction(
    (w) => [...document.querySelectorAll("button")].some((b) => b.textContent === w && !b.disabled),
    words,
  );

describeInBrowser("the focus kept after an action (production build)", () => {
  let app: ServedWebApp;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await servedWebApp();
  });

  const work = mkdtempSync(path.join(tmpdir(), "balance-focus-e2e-"));

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function openApp(): Promise<Page> {
    const context = await app.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await context.route("**/*", (route) =>
      route.request().url().startsWith(`${app.origin}/`) ? route.continue() : route.abort(),
    );
    await page.goto(`${app.origin}/index.html`);
    await page.locator("#workbook-file").waitFor({ state: "attached" });
    return page;
  }

  it("下载工作簿 pressed three times and 全部清除 keep the focus", async () => {
    const page = await openApp();
    await page.locator("#workbook-file").setInputFiles(SAMPLE);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    const download = page.getByRole("button", { name: "下载工作簿" });
    await download.focus();
    for (let i = 1; i <= 3; i++) {
      const saved = page.waitForEvent("download");
      await page.keyboard.press("Enter");
      await saved;
      await enabled(page, "下载工作簿");
      expect([i, await focused(page)]).toEqual([i, "下载工作簿"]);
    }

    await page.getByRole("tab", { name: "模拟" }).click();
    const area = page.getByRole("spinbutton", { name: "教学用房（㎡）", exact: true });
    await area.fill("7550.7");
    await area.press("Tab");
    await page.getByText("白狼县第一小学 教学用房 +0.7 ㎡").waitFor();
    const clear = page.getByRole("button", { name: "全部清除" });
    await clear.focus();
    await page.keyboard.press("Enter");
    await page.getByText("尚无修改。").waitFor();
    expect(await focused(page)).toBe("全部清除");
    await page.context().close();
  });

  it("a problem's blank cell beside text (a teaching point's 所属学校) is outlined in the workbook view", async () => {
    // a county of teaching points whose 所属学校 is left blank: each a notice naming its cell
    const file = await writeCounty(work, "乌兰浩特市2025.xlsx", randomCounty(3005, 13, "乌兰"));
    const page = await openApp();
    await page.locator("#workbook-file").setInputFiles(file);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    const link = page.getByText(/^学校!D\d+$/).first();
    const cell = (await link.textContent())!.replace("学校!", "");
    await link.click();
    await page.locator("table[data-sheet]").waitFor();
    const outlined = await page
      .locator('td[aria-selected="true"]')
      .evaluateAll((tds) =>
        tds.map((td) => [(td as HTMLElement).dataset.cell, (td as HTMLTableCellElement).colSpan]),
      );
    expect(outlined).toEqual([[cell, 1]]);
    await page.context().close();
  });

  it("the league's plan and download keep the focus", async () => {
    const page = await openApp();
    await page.locator("#county-files").setInputFiles([SAMPLE, EXPORT]);
    await page.locator("[data-league]").waitFor();
    const plan = page.getByRole("button", { name: "求各旗县市最低成本方案" });
    await plan.focus();
    await page.keyboard.press("Enter");
    await page.locator("[data-plan]").first().waitFor({ timeout: 120_000 });
    await expect(plan.getAttribute("aria-disabled")).resolves.toBe("true");
    expect(await focused(page)).toBe("求各旗县市最低成本方案");
    const download = page.getByRole("button", { name: "下载汇总工作簿" });
    await download.focus();
    const saved = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    await saved;
    await page.locator('[data-download-note="done"]').waitFor();
    await enabled(page, "下载汇总工作簿");
    expect(await focused(page)).toBe("下载汇总工作簿");
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});
