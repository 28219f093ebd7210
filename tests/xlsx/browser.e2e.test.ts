/**
 * The reader the web app calls runs in the browser as it runs in Node: src/xlsx/reader bundled for the browser
 * (no Node API may creep in), loaded into headless Chromium, reads the sample county and a large sheet (which
 * the platform's DecompressionStream inflates) into the same grids as Node does; and an old .xls, its shared
 * strings run over CONTINUE records, and an Excel 95 workbook whose text the browser's TextDecoder reads as GBK.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { readWorkbook } from "../../src/xlsx/reader";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/productionBuild";
import { rawWorkbook, sheetData } from "./rawWorkbook";
import { BIFF, compoundFile, record, u16, workbookStream } from "./xlsBytes";

const ROOT = path.resolve(__dirname, "../..");

let browser: Browser;
let script: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(ROOT, "src", "xlsx", "reader", "index.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "balanceReader",
    write: false,
    logLevel: "warning",
  });
  script = bundle.outputFiles[0].text;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The workbook read in the page, its dates as ISO text so that they cross into Node. */
async function readInBrowser(bytes: Uint8Array): Promise<unknown> {
  const page = await browser.newPage();
  try {
    await page.setContent("<!doctype html><title>reader</title>");
    await page.addScriptTag({ content: script });
    return await page.evaluate(async (base64: string) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const reader = (globalThis as unknown as { balanceReader: { readWorkbook: typeof readWorkbook } })
        .balanceReader;
      const result = await reader.readWorkbook(data);
      return JSON.parse(JSON.stringify(result));
    }, Buffer.from(bytes).toString("base64"));
  } finally {
    await page.close();
  }
}

async function readInNode(bytes: Uint8Array): Promise<unknown> {
  return JSON.parse(JSON.stringify(await readWorkbook(bytes)));
}

describe("the reader in Chromium", () => {
  test("the sample county: the same grids as in Node", async () => {
    const bytes = readFileSync(path.join(ROOT, "examples", "sample-county.xlsx"));
    const inBrowser = await readInBrowser(bytes);
    expect(inBrowser).toMatchObject({ ok: true });
    expect(inBrowser).toEqual(await readInNode(bytes));
  }, 60_000);

  test("a large sheet, inflated by the browser's DecompressionStream, and a date: the same as in Node", async () => {
    const rows = ['<row r="1"><c r="A1" t="d"><v>2024-09-01</v></c></row>'];
    for (let r = 2; r <= 5000; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 1000003}</v></c></row>`);
    const bytes = rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(rows) }] });
    const inBrowser = (await readInBrowser(bytes)) as { ok: boolean; grids: { values: unknown[][] }[] };
    expect(inBrowser.ok).toBe(true);
    expect(inBrowser.grids[0].values[0]).toEqual(["2024-09-01T00:00:00.000Z"]);
    expect(inBrowser.grids[0].values).toHaveLength(5000);
    expect(inBrowser).toEqual(await readInNode(bytes));
  }, 60_000);

  test("a damaged file is the same problem in the browser", async () => {
    const bytes = readFileSync(path.join(ROOT, "examples", "sample-county.xlsx"));
    const cut = bytes.subarray(0, bytes.length >> 1);
    const inBrowser = await readInBrowser(cut);
    expect(inBrowser).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
  }, 60_000);

  test("old .xls workbooks (BIFF8, and BIFF5 in GBK): the same grids as in Node", async () => {
    for (const name of ["sample-county.xls", "features.xls"]) {
      const bytes = readFileSync(path.join(ROOT, "tests", "fixtures", "xls", name));
      const inBrowser = await readInBrowser(bytes);
      expect(inBrowser).toMatchObject({ ok: true });
      expect(inBrowser).toEqual(await readInNode(bytes));
    }
    const gbk = [0xd1, 0xa7, 0xd0, 0xa3]; // 学校
    const stream = workbookStream(
      [BIFF.codepage(936)],
      [{ name: "学校", records: [record(0x0204, [...u16(0), ...u16(0), ...u16(0), ...u16(4), ...gbk])] }],
      { version: 0x0500, sheetName: () => [gbk.length, ...gbk] },
    );
    const inBrowser = await readInBrowser(compoundFile({ Book: stream }).bytes);
    expect(inBrowser).toEqual({ ok: true, grids: [{ sheet: "学校", topLeft: "A1", values: [["学校"]] }] });
  }, 60_000);
});
