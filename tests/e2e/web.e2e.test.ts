/**
 * The offline web app end to end, in Debian's headless Chromium: the production build (dist/web), served by
 * `balance web`'s own server and opened straight from disk (file://). A county workbook the app has never seen
 * (made here from a seed) is opened, checked, its report written and the workbook downloaded; the download is
 * read back: its original sheets are unchanged and its report numbers equal `balance evaluate --json` on the same
 * file. No request leaves the page's origin. Unreadable files get the command line's messages. Screenshots at
 * 350 px, Chinese and English, go to tests/artifacts/.
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
import type { SchoolRecord } from "../../src/engine/records";
import { seededRandom } from "../../src/sample/random";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { BALANCE_LAYOUT } from "../../src/report/build";
import { COMPLIANCE_COLUMNS } from "../../src/report/compliance";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { DEMO_RENAMED_HEADER } from "../../src/excel/memory/demo";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { schoolTableWorkbook } from "../../src/xlsx/template";
import { run } from "../cli/helpers";
import { countyRows, rawBook, rawSheet } from "../trust/hostileBooks";
import { CHROMIUM, ROOT } from "./productionBuild";
import { servedWebApp, type ServedWebApp } from "./servedWebApp";
import { expectSignablePage, printPdf } from "./printedPdf";

const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const WIDTH = 350;
const haveChromium = existsSync(CHROMIUM);
const describeInBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the web app's browser test is skipped.`);

jest.setTimeout(300_000);

/** A county of the sample's shape with every figure moved by up to ±25 %, seeded: a table no test has seen. */
function unseenCounty(seed: number): SchoolRecord[] {
  const random = seededRandom(seed);
  const move = (n: number, whole: boolean) => {
    const v = n * (0.75 + random() * 0.5);
    return whole ? Math.round(v) : Math.round(v * 100) / 100;
  };
  return sampleCountyRecords().map((r) => ({
    ...r,
    name: r.name.replace("白狼县", "青石县"),
    students: { primary: move(r.students.primary, true), junior: move(r.students.junior, true), senior: 0 },
    teachers: {
      primary: {
        qualifiedTeachers: move(r.teachers.primary.qualifiedTeachers, true),
        keyTeachers: move(r.teachers.primary.keyTeachers, true),
        peArtTeachers: move(r.teachers.primary.peArtTeachers, true),
      },
      junior: {
        qualifiedTeachers: move(r.teachers.junior.qualifiedTeachers, true),
        keyTeachers: move(r.teachers.junior.keyTeachers, true),
        peArtTeachers: move(r.teachers.junior.peArtTeachers, true),
      },
    },
    facilities: {
      teachingArea: move(r.facilities.teachingArea, false),
      sportsArea: move(r.facilities.sportsArea, false),
      equipmentValue: move(r.facilities.equipmentValue, true),
      multimediaRooms: move(r.facilities.multimediaRooms, true),
    },
  }));
}

/** The county's workbook as a bureau keeps it: a cover, the school table under a title (one header in a county's
 * own words), and an appendix with formulas. */
async function countyWorkbook(file: string, seed: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  const cover = book.addWorksheet("封面");
  cover.getCell("A1").value = "青石县义务教育学校基本情况（2024 年）";
  cover.mergeCells("A1:F1");
  cover.getCell("A1").font = { bold: true, size: 16 };
  cover.getCell("A3").value = "填报单位";
  cover.getCell("B3").value = "青石县教育局";
  cover.getCell("A4").value = "填报日期";
  cover.getCell("B4").value = new Date(Date.UTC(2024, 8, 30));
  cover.getCell("B4").numFmt = 'yyyy"年"m"月"d"日"';
  cover.getColumn(1).width = 14;
  const schools = book.addWorksheet("学校统计");
  const header = templateHeaderRow().map((h) => (h === "小学在校生数" ? "小学在校学生数" : h));
  const rows = [["青石县义务教育学校办学条件统计表"], header, ...recordsToRows(unseenCounty(seed))];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") schools.getCell(r + 1, c + 1).value = v;
    }),
  );
  schools.getRow(2).font = { bold: true };
  const appendix = book.addWorksheet("附表");
  appendix.getCell("A1").value = "学校数";
  appendix.getCell("B1").value = { formula: "COUNTA(学校统计!A3:A200)", result: rows.length - 2 };
  appendix.getCell("A2").value = "经费（万元）";
  appendix.getCell("B2").value = 1234.5;
  appendix.getCell("B2").numFmt = "#,##0.00";
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
}

/** Every cell of every sheet of a workbook file: value (formulas with their results) and number format. */
async function cellsOf(file: string | Uint8Array): Promise<Map<string, Map<string, string>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((typeof file === "string" ? readFileSync(file) : file) as unknown as ArrayBuffer);
  const sheets = new Map<string, Map<string, string>>();
  for (const ws of book.worksheets) {
    const cells = new Map<string, string>();
    ws.eachRow((row) =>
      row.eachCell((cell) => cells.set(cell.address, JSON.stringify([cell.value, cell.numFmt ?? null]))),
    );
    sheets.set(ws.name, cells);
  }
  return sheets;
}

type CliJson = {
  ok: boolean;
  sections: { school: string; level: string; included: boolean; values: Record<string, number | null> }[];
  levels: Record<string, { cv: Record<string, number | null>; countyRatio: Record<string, number | null> }>;
  resourcesPass: boolean;
};

const near = (a: unknown, b: number | null) =>
  b === null
    ? a === null || a === "" || a === undefined
    : typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The text boxes whose example (placeholder) runs past their width, as the page draws them: none should. */
async function placeholdersCut(page: Page): Promise<string[]> {
  return page.locator("input[placeholder]").evaluateAll((inputs) => {
    const context = document.createElement("canvas").getContext("2d")!;
    return (inputs as HTMLInputElement[])
      .filter((input) => {
        const style = getComputedStyle(input);
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return input.getClientRects().length > 0 && context.measureText(input.placeholder).width > room;
      })
      .map((input) => input.placeholder);
  });
}

/** The report of the downloaded workbook compared with `balance evaluate --json` of the same file. */
async function expectReportAsCli(downloaded: string, cli: CliJson): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(downloaded) as unknown as ArrayBuffer);
  const result = (v: ExcelJS.CellValue) =>
    v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
  const compliance = book.getWorksheet("达标情况")!;
  const mismatches: string[] = [];
  // the sheet lists the included sections level by level (a block per level, in input order within it)
  const rowsOf = new Map<string, number[]>();
  compliance.eachRow((row, r) => {
    const school = row.getCell(COMPLIANCE_COLUMNS.school + 1).value;
    if (
      typeof school === "string" &&
      typeof result(row.getCell(COMPLIANCE_COLUMNS.number + 1).value) === "number"
    )
      rowsOf.set(school, [...(rowsOf.get(school) ?? []), r]);
  });
  const included = cli.sections.filter((s) => s.included);
  for (const level of LEVELS) {
    for (const section of included.filter((s) => s.level === level)) {
      const r = rowsOf.get(section.school)?.shift();
      if (r === undefined) {
        mismatches.push(`${section.school} ${section.level}: no row`);
        continue;
      }
      const row = compliance.getRow(r);
      INDICATOR_IDS.forEach((id, k) => {
        const v = result(row.getCell(COMPLIANCE_COLUMNS.value(k) + 1).value);
        if (!near(v, section.values[id])) mismatches.push(`${section.school} ${section.level} ${id}: ${v}`);
      });
    }
  }
  const balance = book.getWorksheet("差异系数")!;
  const C = BALANCE_LAYOUT.columns;
  let compared = 0;
  for (const level of LEVELS) {
    for (const id of INDICATOR_IDS) {
      const row = balance.getRow(BALANCE_LAYOUT.rowOf(level, id));
      const expected = cli.levels[level];
      if (!expected) continue;
      compared++;
      if (!near(result(row.getCell(C.cv + 1).value), expected.cv[id])) mismatches.push(`${level} ${id} cv`);
      if (!near(result(row.getCell(C.countyRatio + 1).value), expected.countyRatio[id]))
        mismatches.push(`${level} ${id} X̄`);
    }
  }
  expect(mismatches).toEqual([]);
  expect(compared).toBe(LEVELS.length * INDICATOR_IDS.length);
}

describeInBrowser("the offline web app in headless Chromium (production build)", () => {
  let app: ServedWebApp;
  let browser: Browser;
  let origin: string;
  let appDir: string;
  const work = mkdtempSync(path.join(tmpdir(), "balance-web-e2e-"));
  const county = path.join(work, "青石县.xlsx");
  let cli: CliJson;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await servedWebApp();
    ({ browser, origin, appDir } = app);
    mkdirSync(ARTIFACTS, { recursive: true });
    await countyWorkbook(county, 20240930);
    const evaluated = await run("evaluate", county, "--json");
    expect(evaluated.code).toBe(0);
    cli = JSON.parse(evaluated.stdout) as CliJson;
    expect(cli.ok).toBe(true);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A page at 350 px that records every request and refuses any outside `allowed`. */
  async function openApp(url: string, allowed: (u: string) => boolean, locale = "zh-CN") {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: 900 },
      locale,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (allowed(u)) return route.continue();
      outside.push(u);
      return route.abort();
    });
    page.on("request", (request) => {
      const u = request.url();
      if (!allowed(u) && !outside.includes(u)) outside.push(u);
    });
    await page.goto(url);
    await page
      .getByRole("heading", { name: "打开学校数据工作簿" })
      .or(page.getByRole("heading", { name: "Open the school workbook" }))
      .waitFor();
    return { page, outside };
  }

  /** Open → read and check → write the report → download; the downloaded file's path. */
  async function checkAndDownload(page: Page, shots: string | null): Promise<string> {
    await page.locator("#workbook-file").setInputFiles(county);
    await page.getByText("已打开“青石县.xlsx”，共 3 个工作表").waitFor();
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.getByRole("heading", { name: "3. 数据检查" }).waitFor();
    await page.locator("[data-read-from]").waitFor();
    expect(await page.locator("[data-read-from]").textContent()).toMatch(
      new RegExp(
        `^已读取 学校统计!A1:[A-Z]+\\d+：${new Set(cli.sections.map((s) => s.school)).size} 所学校$`,
      ),
    );
    if (shots) await page.screenshot({ path: path.join(ARTIFACTS, `${shots}-checked.png`), fullPage: true });
    // at 350 px the report's title fields show their examples whole (2025-2026, not 2025-202)
    await expect(placeholdersCut(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.locator("[data-written]").waitFor();
    const verdict = await page.locator("[data-verdict]").getAttribute("data-verdict");
    expect(verdict).toBe(cli.resourcesPass ? "pass" : "fail");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("青石县-均衡评估.xlsx");
    const saved = path.join(work, `${shots ?? "file"}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    await page.locator('[data-download-note="done"]').waitFor();
    if (shots)
      await page.screenshot({ path: path.join(ARTIFACTS, `${shots}-downloaded.png`), fullPage: true });
    return saved;
  }

  async function expectOriginalSheetsUnchanged(downloaded: string): Promise<void> {
    const before = await cellsOf(county);
    const after = await cellsOf(downloaded);
    expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
    for (const [name, cells] of before) expect([name, after.get(name)]).toEqual([name, cells]);
  }

  /** A teaching point merged into its township's central school with the 模拟 view's form, as a planner does. */
  async function mergeInWhatIf(page: Page): Promise<void> {
    await page.getByRole("combobox", { name: "调整方式" }).selectOption("mergeSchool");
    const form = page.locator('[data-structural-form="mergeSchool"]');
    await form.getByRole("combobox", { name: "被撤并的学校" }).fill("红石乡柳树屯教学点");
    await page.keyboard.press("Escape");
    await form.getByRole("combobox", { name: "并入学校" }).fill("红石乡中心小学");
    await page.keyboard.press("Escape");
    await form.getByRole("button", { name: "加入修改清单" }).click();
    await page.getByText("已加入：红石乡柳树屯教学点 并入 红石乡中心小学").waitFor();
    const listed = page.getByRole("list", { name: "修改清单" }).locator("li [data-edit-text]");
    await expect(listed.allTextContents()).resolves.toEqual(["红石乡柳树屯教学点 并入 红石乡中心小学"]);
    // the merged teaching point is no longer a school of the county
    const schools = await page
      .getByRole("combobox", { name: "学校", exact: true })
      .locator("option")
      .allTextContents();
    expect(schools).toContain("红石乡中心小学");
    expect(schools).not.toContain("红石乡柳树屯教学点");
  }

  async function planRuns(page: Page): Promise<void> {
    await page.getByRole("tab", { name: "规划" }).click();
    await page.getByRole("button", { name: "计算最低成本方案" }).click();
    await page.getByText(/^经常性支出：.*一次性投入：/).waitFor({ timeout: 120_000 });
  }

  it("served over http: check, download; the download keeps the workbook and matches the command line", async () => {
    const { page, outside } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-open.png") });
    const downloaded = await checkAndDownload(page, "web-zh");
    await expectOriginalSheetsUnchanged(downloaded);
    await expectReportAsCli(downloaded, cli);

    await page.getByRole("tab", { name: "模拟" }).click();
    await page.locator("[data-indicators] table").first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-whatif.png"), fullPage: true });
    await mergeInWhatIf(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-whatif-merge.png"), fullPage: true });
    await planRuns(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-plan.png"), fullPage: true });
    await page.getByRole("tab", { name: "全部指标" }).click();
    await page.locator("[data-county-verdict]").waitFor();
    await page.getByRole("tab", { name: "工作簿" }).click();
    // the view opens on the sheet the report made active; any sheet is a choice away
    await page.locator("table[data-sheet]").waitFor();
    await page.getByRole("combobox", { name: "工作表" }).selectOption("达标情况");
    await page.locator('table[data-sheet="达标情况"]').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-workbook.png") });
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it("opened from disk (file://): the same, the solver included, with no request at all", async () => {
    const url = `file://${path.join(appDir, "index.html")}`;
    const { page, outside } = await openApp(url, (u) => /^(?:file|data|blob):/.test(u));
    const downloaded = await checkAndDownload(page, null);
    await expectOriginalSheetsUnchanged(downloaded);
    await expectReportAsCli(downloaded, cli);
    await planRuns(page);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it("says why a file cannot be opened, in the command line's words", async () => {
    const fixtures = path.join(ROOT, "tests/trust/fixtures/xlsx");
    const xls = path.join(work, "旧表.xls");
    // a Compound File of nothing but its first bytes: an .xls cut off
    writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const files = [
      ...["bad-corrupt-zip.xlsx", "bad-encrypted.xlsx", "bad-zip-not-workbook.xlsx"].map((f) =>
        path.join(fixtures, f),
      ),
      xls,
    ];
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    for (const file of files) {
      const read = await readWorkbookFile(file);
      if (read.ok) throw new Error(`${file} should not be readable`);
      const cliRun = await run("evaluate", file);
      expect(cliRun.code).toBe(1);
      expect(cliRun.stderr).toContain(read.problem.message.zh);
      await page.locator("#workbook-file").setInputFiles(file);
      const bar = page.locator("[data-open-error]");
      await bar.waitFor();
      await expect(bar.textContent()).resolves.toBe(
        `无法打开“${path.basename(file)}”：${read.problem.message.zh}`,
      );
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-unreadable.png") });
    await page.context().close();
  });

  it("a hidden sheet holding last year's table is passed over, and the page says so", async () => {
    const stale = countyRows().map((row, r) =>
      r === 0 ? row : row.map((v) => (typeof v === "number" ? v * 2 : v)),
    );
    const file = path.join(work, "隐藏旧表.xlsx");
    writeFileSync(
      file,
      rawBook([rawSheet(stale, { name: "2023年", state: "hidden" }), rawSheet(countyRows())]),
    );
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.locator("#workbook-file").setInputFiles(file);
    const notices = page.locator("[data-sheet-notices]");
    await notices.waitFor();
    expect(await notices.textContent()).toContain("“2023年”");
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    expect(await page.locator("[data-read-from]").textContent()).toMatch(/^已读取 学校!A1:/);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-hidden-sheet.png"), fullPage: true });
    await page.context().close();
  });

  it("opens an old .xls as the .xlsx it was saved from", async () => {
    const file = path.join(ROOT, "tests/fixtures/xls/sample-county.xls");
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.locator("#workbook-file").setInputFiles(file);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    expect(await page.locator("[data-read-from]").textContent()).toMatch(/^已读取 学校!A1:/);
    await page.context().close();
  });

  it("opens a county's table as a system exports it: a GBK .csv, a web page saved as .xls", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    for (const [name, fixture] of [
      ["白狼县.csv", "sample-gbk.csv"],
      ["白狼县.xls", "sample-web.xls"],
    ]) {
      const file = path.join(work, name);
      copyFileSync(path.join(ROOT, "tests/xlsx/fixtures/text", fixture), file);
      await page.locator("#workbook-file").setInputFiles(file);
      await page.getByRole("button", { name: "读取并检查" }).click();
      await page.locator("[data-read-from]").waitFor();
      // the browser's own decoders: the sample county's 31 schools, from the sheet named for the file
      expect(await page.locator("[data-read-from]").textContent()).toBe("已读取 白狼县!A1:AA33：31 所学校");
      await page.getByRole("button", { name: "打开其他工作簿" }).click();
    }
    await page.context().close();
  });

  it("speaks English on request, its tab bar on one line at 350 px", async () => {
    const { page } = await openApp(
      `${origin}/index.html?lang=en`,
      (u) => u.startsWith(`${origin}/`),
      "en-US",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "web-en-open.png") });
    await page.getByRole("button", { name: "Try it on the sample county" }).click();
    await page.getByRole("button", { name: "Read and check" }).click();
    await page.getByRole("heading", { name: "3. Check" }).waitFor();
    const tabs = await page
      .getByRole("tab")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(tabs.length).toBe(6);
    expect(new Set(tabs).size).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-en-checked.png"), fullPage: true });
    // the sample's one header in a county's own words, pointed at its field
    await page.getByRole("combobox", { name: "Primary key teachers" }).click();
    await page
      .getByRole("option", { name: new RegExp(DEMO_RENAMED_HEADER.header.replace(/[()（）]/g, ".")) })
      .click();
    await page.getByText(/Errors to fix before the report/).waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "What-if" }).click();
    await page.locator("[data-indicators] table").first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "web-en-whatif.png"), fullPage: true });
    // the What-if tab's forms fit the width too, in the longer language
    const whatifOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(whatifOverflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it("prints a report sheet across an A4 page, every column on the paper and no text cut", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.locator("#workbook-file").setInputFiles(county);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.locator("[data-written]").waitFor();
    await page.getByRole("tab", { name: "工作簿" }).click();
    await page.getByRole("combobox", { name: "工作表" }).selectOption("达标情况");
    const table = page.locator('table[data-sheet="达标情况"]');
    await table.waitFor();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // the sheet view asks for a landscape page: A4 across, 842 × 595 points
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    // on that page (277 mm between 10 mm margins, 96 px to the inch), in print media
    await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: 700 });
    await page.emulateMedia({ media: "print" });
    const fit = await table.evaluate((t) => {
      const page = document.documentElement.clientWidth;
      const cells = [...t.querySelectorAll("td, th")] as HTMLElement[];
      return {
        columns: t.querySelectorAll("thead th").length,
        beyondPage: cells.filter((c) => c.getBoundingClientRect().right > page + 0.5).length,
        cut: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
      };
    });
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-print-sheet.png"), fullPage: true });
    expect(fit.columns).toBeGreaterThan(20);
    expect(fit).toEqual({ columns: fit.columns, beyondPage: 0, cut: [] });
    await page.context().close();
  });

  it("is used from the keyboard alone: open, check, report, download; focus never on something unseen", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.setViewportSize({ width: 1024, height: 768 });
    /** Tabs to the control named `name`; every stop on the way must be something a clerk can see. */
    const tabTo = async (name: string) => {
      const unseen: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const stop = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (!e || e === document.body) return null;
          // Fluent UI draws a radio button or a checkbox beside its transparent input, which holds the focus
          const drawn = e.matches("input[type=radio], input[type=checkbox]") ? e.parentElement! : e;
          const r = drawn.getBoundingClientRect();
          const seen = r.width > 4 && r.height > 4 && Number(getComputedStyle(drawn).opacity) > 0.1;
          const label = (e.getAttribute("aria-label") ?? e.textContent ?? "").trim();
          return { label, seen, tag: e.tagName };
        });
        if (stop && !stop.seen) unseen.push(`${stop.tag} ${stop.label}`);
        if (stop?.label === name) return unseen;
      }
      throw new Error(`${name} is not reached by Tab`);
    };
    // asked for before the first Tab: Playwright starts catching file choosers only once the browser has
    // answered, and an Enter sent in the same breath would open one it does not see
    const choosing = page.waitForEvent("filechooser");
    expect(await tabTo("选择工作簿…")).toEqual([]);
    await page.keyboard.press("Enter");
    const chooser = await choosing;
    await chooser.setFiles(county);
    await page.getByRole("button", { name: "读取并检查" }).waitFor();
    expect(await tabTo("读取并检查")).toEqual([]);
    await page.keyboard.press("Enter");
    await page.locator("[data-read-from]").waitFor();
    expect(await tabTo("生成报表工作表")).toEqual([]);
    await page.keyboard.press("Enter");
    await page.locator("[data-written]").waitFor();
    expect(await tabTo("下载工作簿")).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("青石县-均衡评估.xlsx");
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-keyboard.png") });
    await page.context().close();
  });

  it("in an office's 1366 × 768 window, each field sits beside the column it is matched to", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator("#workbook-file").setInputFiles(county);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    const rows = page.getByRole("list", { name: "2. 核对列" }).locator("li");
    expect(await rows.count()).toBeGreaterThan(10);
    // from the end of a field's name to its column's drop-down: a glance, not the width of the screen
    const gaps = await rows.evaluateAll((items) =>
      items.map((li) => {
        const name = li.firstElementChild!.getBoundingClientRect();
        const chosen = li.querySelector('[role="combobox"]')!.getBoundingClientRect();
        return Math.round(chosen.left - name.left);
      }),
    );
    expect(Math.max(...gaps)).toBeLessThanOrEqual(400);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-1366-checked.png") });
    await page.context().close();
  });

  it("prints every failing section of the results; says what a download lacks of the sheets written since", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole("button", { name: "用示例县数据试用" }).click();
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    // the sample's one header in a county's own words, pointed at its field
    await page.getByRole("combobox", { name: "小学县级以上骨干教师数" }).click();
    await page
      .getByRole("option", { name: new RegExp(DEMO_RENAMED_HEADER.header.replace(/[()（）]/g, ".")) })
      .click();
    await page.getByRole("button", { name: "生成报表工作表" }).click();
    await page.locator("[data-written]").waitFor();
    const failing = page.getByRole("list", { name: "未达标的学校（校区）" }).locator("li");
    const seen = () =>
      failing.evaluateAll((items) => items.filter((li) => li.getClientRects().length > 0).length);
    const all = await failing.count();
    expect(all).toBeGreaterThan(5);
    expect(await seen()).toBe(5);
    await page.emulateMedia({ media: "print" });
    // on paper there is no button to show the rest: all of them, and not the button
    expect(await seen()).toBe(all);
    await expect(
      page.getByRole("button", { name: `显示全部 ${all} 个学校（校区）` }).isVisible(),
    ).resolves.toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-print-results.png"), fullPage: true });
    // on an A4 page (180 mm between 15 mm margins): the results and the problems found, under a title with
    // blanks to fill and a line to sign; none of the form that made them, and nothing beyond the paper's edge
    await page.setViewportSize({ width: Math.floor((180 / 25.4) * 96), height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // the page asks for A4 upright with 15 mm margins (@page): Chromium prints at that size
    const results = await printPdf(
      page,
      path.join(work, "results.pdf"),
      path.join(ARTIFACTS, "web-zh-print-results-pdf"),
    );
    const printed = results.text;
    expect(printed).toContain("资源配置：未达标");
    expect(printed).toContain(`未达标的学校（校区）（${all}）`);
    expectSignablePage(results, "＿＿＿＿县＿＿＿＿年义务教育优质均衡发展评估结果", [
      "读取并检查",
      "核对列",
      "生成报表工作表",
      "下载工作簿",
      "检查与报表",
      "English",
      "3.数据检查",
    ]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ media: "screen" });

    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载工作簿" }).click(),
      ]);
      await file.path();
    };
    await download();
    await page.locator('[data-download-note="done"]').waitFor();
    await planRuns(page);
    await page.getByRole("button", { name: "写入工作表" }).click();
    const stale = page.locator("[data-download-stale]");
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toMatch(
      /^下载之后又写入了 .*补充方案.*，已下载的文件中没有：请再点“下载工作簿”。$/,
    );
    // said beside the button it asks for, not across the window from it
    const button = (await page.getByRole("button", { name: "下载工作簿" }).boundingBox())!;
    const note = (await stale.boundingBox())!;
    expect(note.y - (button.y + button.height)).toBeLessThanOrEqual(40);
    expect(Math.abs(note.x - button.x)).toBeLessThanOrEqual(40);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-zh-download-stale.png") });
    await download();
    await stale.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("prints 模拟 and 规划 as A4 pages to sign: title, file read, results as tables, no control", async () => {
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator("#workbook-file").setInputFiles(county);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    const read = (await page.locator("[data-read-from]").textContent())!.replace(/\s+/g, "");
    // the form of each view, and the pane around it: none of it on paper
    const pane = ["下载工作簿", "打开其他工作簿", "检查与报表", "English"];

    await page.getByRole("tab", { name: "模拟" }).click();
    await mergeInWhatIf(page);
    const whatif = await printPdf(
      page,
      path.join(work, "whatif.pdf"),
      path.join(ARTIFACTS, "web-zh-print-whatif"),
    );
    expect(whatif.text).toContain(`青石县.xlsx；${read}`);
    // the county's verdict, the school's seven indicators before and after the edit, and the edit itself
    expect(whatif.text).toMatch(/全县资源配置(未)?达标/);
    expect(whatif.text).toContain("指标标准修改前修改后");
    expect(whatif.text).toContain("修改清单（1）");
    expect(whatif.text).toContain("红石乡柳树屯教学点并入红石乡中心小学");
    expectSignablePage(whatif, "＿＿＿＿县＿＿＿＿年义务教育优质均衡发展模拟结果", [
      ...pane,
      "调整方式",
      "加入修改清单",
      "全部清除",
      "将模拟方案保存为工作表",
      "✕",
    ]);

    await planRuns(page);
    const plan = await printPdf(page, path.join(work, "plan.pdf"), path.join(ARTIFACTS, "web-zh-print-plan"));
    expect(plan.text).toContain(`青石县.xlsx；${read}`);
    // the prices typed in the boxes, as a table: the boxes are not printed
    expect(plan.text).toContain("单位成本（元）高学历教师／人·年120,000");
    expect(plan.text).toMatch(/经常性支出：.*一次性投入：/);
    // the additions as a table, its header row over them
    expect(plan.text).toContain("学校学段指标补充费用");
    expectSignablePage(plan, "＿＿＿＿县＿＿＿＿年义务教育优质均衡发展规划方案", [
      ...pane,
      "计算最低成本方案",
      "计算交流轮岗方案",
      "写入工作表",
      "项目规模",
    ]);
    await page.context().close();
  });

  it("prints the problems found, as text, and 全部指标 item by item, as A4 pages to sign", async () => {
    // a teaching point whose parent school is not given: a warning the clerk is to see on paper with its cell
    let unparented = "";
    const records = unseenCounty(23).map((r) => {
      if (unparented || r.type !== "teachingPoint") return r;
      unparented = r.name;
      return { ...r, parent: undefined };
    });
    expect(unparented).not.toBe("");
    const file = path.join(work, "白石县.xlsx");
    writeFileSync(file, await schoolTableWorkbook({ records, title: "白石县学校统计表" }));
    const { page } = await openApp(`${origin}/index.html`, (u) => u.startsWith(`${origin}/`));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator("#workbook-file").setInputFiles(file);
    await page.getByRole("button", { name: "读取并检查" }).click();
    await page.locator("[data-read-from]").waitFor();
    const warning = (await page
      .locator("[data-problem]", { hasText: "未填写所属学校" })
      .textContent())!.replace(/\s+/g, "");
    expect(warning).toContain(`教学点“${unparented}”未填写所属学校`);
    const pane = ["下载工作簿", "打开其他工作簿", "检查与报表", "English"];

    const check = await printPdf(
      page,
      path.join(work, "problems.pdf"),
      path.join(ARTIFACTS, "web-zh-print-problems"),
    );
    // the problem, its cell before its message, is the content: printed as text where the form's buttons are not
    expect(check.text).toContain(warning);
    expectSignablePage(check, "＿＿＿＿县＿＿＿＿年义务教育优质均衡发展评估结果", [
      ...pane,
      "读取并检查",
      "生成报表工作表",
    ]);

    await page.getByRole("tab", { name: "全部指标" }).click();
    await page.getByRole("tab", { name: /^缺数据（\d+）$/ }).click();
    const allItems = await printPdf(
      page,
      path.join(work, "all-items.pdf"),
      path.join(ARTIFACTS, "web-zh-print-all-items"),
    );
    // every item, whatever the filter on screen: those that fail and those that pass as well as the missing ones
    expect(allItems.text).toContain("7项资源配置指标（校校达标、项项达标）");
    expect(allItems.text).toContain("规划布局合理");
    expect(allItems.text).toContain("全部指标：尚未全部达标");
    expectSignablePage(allItems, "＿＿＿＿县＿＿＿＿年义务教育优质均衡发展全部指标达标情况", [
      ...pane,
      "读取当前工作表为县级指标表",
      "插入县级指标表",
      "缺数据（",
      "另有",
    ]);
    await page.context().close();
  });

  it("raised no script error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
