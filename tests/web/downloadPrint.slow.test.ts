/**
 * 下载工作簿 of a statistics export whose default font is 宋体 12, printed by LibreOffice: the report sheets print
 * on the pages of the report's own workbook (`balance evaluate --out`, default font 宋体 10) with the same rows on
 * each, and the export's own sheet prints as the export itself does. LibreOffice is given a face with 宋体's
 * digits for 宋体 (`simSunDigits`): column widths count the default font's digits, and the fallback it draws
 * 宋体 in otherwise has wider ones than 宋体, or Excel's reckoning of it, has.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report } from "../../src/report/model";
import { reportBytes } from "../../src/xlsx/report";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { hasPoppler, hasSoffice, pdfPages, printToPdf, simSunDigits } from "../report/libreoffice";
import { SONG_12, download, exportFile } from "./exportFonts";

const dir = mkdtempSync(join(tmpdir(), "balance-download-print-"));
const fontconfig = hasSoffice() && hasPoppler() ? simSunDigits(dir) : null;
const describePrint = fontconfig ? describe : describe.skip;

/** The table of a page, by the table name in its page header; null for a page of no report table. */
function tableOf(text: string, report: Report): string | null {
  const head = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return report.sheets.map((s) => s.print!.header!.right!).find((n) => head.includes(n)) ?? null;
}

const SCHOOLS = sampleCountyRecords().map((r) => r.name);

/**
 * What a page holds, whatever the wrapping of its cells: its table, the schools it begins and ends with and how
 * many it names, and whether the table's note and signature lines are on it.
 */
function contents(text: string, table: string): string {
  const flat = text.replace(/\s+/g, "");
  const named = SCHOOLS.filter((n) => flat.includes(n)).sort((a, b) => flat.indexOf(a) - flat.indexOf(b));
  const marks = [flat.includes("说明") && "说明", flat.includes("填报单位") && "签字"].filter(Boolean);
  const rows = named.length ? `${named[0]}…${named[named.length - 1]} (${named.length})` : "-";
  return [table, rows, ...marks].join(" ");
}

describePrint("下载工作簿 of an export whose default font is 宋体 12, printed", () => {
  let report: Report;
  let pages: { report: string[]; download: string[]; original: string[] };

  beforeAll(async () => {
    const original = await exportFile(SONG_12);
    const made = await download(original);
    report = made.report;
    const files = ["report.xlsx", "download.xlsx", "original.xlsx"].map((f) => join(dir, f));
    writeFileSync(files[0], await reportBytes(report));
    writeFileSync(files[1], made.bytes);
    writeFileSync(files[2], original);
    const [a, b, c] = printToPdf(files, dir, fontconfig!).map(pdfPages);
    pages = { report: a, download: b, original: c };
  }, 300_000);

  test("the report sheets take the report's pages, the same rows on each", () => {
    const ofReport = pages.download.filter((t) => tableOf(t, report) !== null);
    const expected = pages.report.map((t) => contents(t, tableOf(t, report)!));
    expect(ofReport.map((t) => contents(t, tableOf(t, report)!))).toEqual(expected);
    // 达标情况 two pages across: the schools' first pages, then the facilities' pages, 说明 whole on the last
    expect(expected.filter((p) => p.startsWith("学校资源配置达标情况")).length).toBe(6);
  });

  test("the export's own sheet prints as in the export", () => {
    const own = pages.download.filter((t) => tableOf(t, report) === null);
    expect(own.length).toBe(pages.original.length);
    expect(own.map((t) => t.replace(/\s+/g, " "))).toEqual(pages.original.map((t) => t.replace(/\s+/g, " ")));
  });
});
