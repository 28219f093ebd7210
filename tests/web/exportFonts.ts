/**
 * The web app's workbook in the tests of 下载工作簿: a file opened as the web app opens it, its report written as
 * the pane writes it, and downloaded; a statistics export with a default font of its own (the first font of
 * styles.xml), for the tests of the download's default font and column widths.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { readWorkbook } from "../../src/xlsx/reader";
import { gridRangeAddress } from "../../src/xlsx/reportFile";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { downloadBytes } from "../../src/web/download";
import { memoryWorkbook, type MemoryWorkbook } from "../../src/excel/memory/memoryHost";
import { doubleFromGrids, sheetsForExcel, startOn } from "../../src/web/workbook";

export const SONG_12 =
  '<font><sz val="12"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>';

/** A county's school table as a statistics export writes it, its default font `font` (exceljs's Calibri 11 if none). */
export async function exportFile(font?: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const schools = book.addWorksheet("学校");
  [templateHeaderRow(), ...recordsToRows(sampleCountyRecords())].forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") schools.getCell(r + 1, c + 1).value = v;
    }),
  );
  schools.getColumn(2).width = 20;
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  if (!font) return bytes;
  const files = unzipSync(bytes);
  files["xl/styles.xml"] = strToU8(
    strFromU8(files["xl/styles.xml"]).replace(/(<fonts[^>]*>)<font>[\s\S]*?<\/font>/, `$1${font}`),
  );
  return zipSync(files);
}

/** A workbook's bytes opened as the web app opens them, 学校 the active sheet. */
export async function openedWorkbook(bytes: Uint8Array): Promise<MemoryWorkbook> {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(read.problem.message.en);
  const excel = doubleFromGrids(sheetsForExcel(read.grids).grids);
  startOn(excel, "学校");
  return memoryWorkbook(excel, { displayLanguage: () => "zh-CN", theme: () => "light" });
}

/** The report of 学校 written into the workbook, as the pane writes it (its sheets hold charts of their own). */
export async function writeReport(workbook: MemoryWorkbook): Promise<Report> {
  const grid = await workbook.host.readTable("usedRange");
  const result = evaluateTable(grid);
  const report = buildReport(
    { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: result.problems },
    { lang: "zh", sourceRange: gridRangeAddress(grid), date: "2025-01-01" },
  );
  await workbook.host.writeReport(report, { replaceExisting: true });
  return report;
}

/** The file opened in the web app, its report written, and downloaded: the download and the report. */
export async function download(original: Uint8Array): Promise<{ bytes: Uint8Array; report: Report }> {
  const workbook = await openedWorkbook(original);
  const report = await writeReport(workbook);
  return { bytes: (await downloadBytes(original, workbook)).bytes, report };
}
