/**
 * 下载工作簿: the workbook the web app opened, as a new .xlsx — every sheet of the original file as exceljs reads
 * and writes it (values, formulas, number formats, styles, merges, widths), then the sheets the pane made: report
 * sheets by the renderer of `balance evaluate --out` (src/xlsx/report.ts, charts included), inserted templates
 * with their header, widths and drop-downs. The original file is never touched: the download is a new file.
 * What exceljs cannot write again (charts, pivot tables, macros…) is carried back or named (../xlsx/originalParts).
 */
import type ExcelJS from "exceljs";
import { strFromU8, unzipSync, zipSync } from "fflate";
import type { SheetModel } from "../excel/double/model";
import { STYLE_LOOK } from "../report/look";
import type { TemplateSheet } from "../report/templateSheets";
import type { Lang } from "../i18n/format";
import type { Report } from "../report/model";
import { addChartsToXlsx } from "../xlsx/charts";
import { addSheet, finishReportParts } from "../xlsx/report";
import { columnWidth, withDefaultFont } from "../xlsx/write";
import {
  EXCELJS_DEFAULT_FONT,
  REPORT_DIGIT_WIDTH,
  defaultFontElement,
  defaultFontOf,
  maxDigitWidth,
  type DefaultFont,
} from "../xlsx/digitWidth";
import type { MemoryWorkbook } from "../excel/memory/memoryHost";
import { isSpreadsheetName } from "../xlsx/spreadsheetFiles";
export { notCarriedText } from "../i18n/notCarried";
import { carryDrawings, keepDefinedNames, partsNotCarried, type NotCarried } from "../xlsx/originalParts";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** An inserted template (学校 or 县级指标) as the pane wrote it: rows, a bold header, widths, drop-downs. */
function addTemplateSheet(workbook: ExcelJS.Workbook, template: TemplateSheet): void {
  const ws = workbook.addWorksheet(template.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: template.headerRow + 1 }],
  });
  template.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== "") ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  const width = Math.max(1, ...template.rows.map((r) => r.length));
  for (let c = 1; c <= width; c++) {
    const cell = ws.getCell(template.headerRow + 1, c);
    cell.font = { bold: true };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(STYLE_LOOK.header.fill as string) },
    };
    cell.alignment = { wrapText: true, vertical: "middle" };
  }
  (template.columnWidths ?? []).forEach((w, c) => (ws.getColumn(c + 1).width = columnWidth(w)));
  for (const address of template.choices?.cells ?? []) {
    ws.getCell(address).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${template.choices!.values.join(",")}"`],
    };
  }
}

/** A sheet's visibility as exceljs names it. */
const STATE = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/**
 * A sheet of the in-memory workbook written as it holds it — for a workbook that came from no file (the demo's
 * sample county), or one exceljs could not copy: its values (error values too), formulas and visibility.
 */
function addModelSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const ws = workbook.addWorksheet(sheet.name, { state: STATE[sheet.visibility] });
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      if (cell.formula)
        target.value = { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && typeof cell.value === "object")
        target.value = { error: cell.value.error } as ExcelJS.CellErrorValue;
      else if (cell.value !== null) target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
    }),
  );
  for (const [c, w] of sheet.columnWidths) ws.getColumn(c + 1).width = columnWidth(w);
}

/** Cells holding something: a value other than empty text, or a formula. */
const holds = (value: unknown) => value !== null && value !== undefined && value !== "";

/**
 * Whether exceljs loaded the sheets the reader read, each holding at least as many cells as the reader found in
 * it (exceljs gives a merged range's value in each of its cells, the reader in the first only).
 */
function keepsWhatWasRead(book: ExcelJS.Workbook, read: readonly SheetModel[]): boolean {
  if (book.worksheets.length !== read.length) return false;
  return read.every((sheet, i) => {
    let cells = 0;
    for (const row of sheet.rows)
      for (const cell of row ?? []) if (cell && (holds(cell.value) || cell.formula)) cells++;
    let loaded = 0;
    book.worksheets[i].eachRow((row) =>
      row.eachCell((cell) => {
        if (holds(cell.value)) loaded++;
      }),
    );
    return loaded >= cells;
  });
}

/**
 * The workbook to download: `original` (the file opened) with the pane's sheets added, or — for a workbook that
 * came from no file — every sheet of the in-memory workbook. A file the reader read but exceljs cannot copy (the
 * prefixed XML some exporting programs write, sheets named alike but for case) is given as the sheets it was read
 * into, values and all, never refused: `copied` says whether the original itself was copied, formats and all.
 * What exceljs drops of the original its writing cannot hold, the sheets' charts and shapes are put back where
 * they can be (src/xlsx/originalParts.ts); `notCarried` names the rest, for the clerk to be told.
 */
export async function downloadBytes(
  original: Uint8Array | null,
  workbook: MemoryWorkbook,
): Promise<{ bytes: Uint8Array; copied: boolean; notCarried: NotCarried[] }> {
  const { default: Excel } = await import("exceljs");
  let book = new Excel.Workbook();
  let copied = original !== null;
  if (original) {
    try {
      await book.xlsx.load(original as unknown as ExcelJS.Buffer);
    } catch {
      copied = false;
    }
    // exceljs may also load a file without a word and lose its cells or sheets (a sheet its relationships name
    // from the package's root, inline rich text): such a copy is no copy
    const read = workbook.excel.model.sheets.filter((sheet) => !workbook.made.has(sheet.id));
    if (copied && !keepsWhatWasRead(book, read)) copied = false;
    if (!copied) book = new Excel.Workbook();
    // A workbook written without a theme (by LibreOffice, or by the Java libraries behind many statistics
    // exports) loads with no theme, yet exceljs links one from the workbook it writes: Excel then finds a part
    // missing and asks to repair the download. With none of its own, the download takes exceljs's default
    // theme, the one every workbook exceljs makes has.
    const themed = book as unknown as { _themes?: Record<string, string> };
    if (themed._themes && Object.keys(themed._themes).length === 0) themed._themes = undefined;
  }
  book.calcProperties.fullCalcOnLoad = true;
  const parts = originalParts(original);
  // The original's default font, which exceljs would write as Calibri 11: the original's sheets keep the look
  // and column widths it gives them, and the report's columns are widened or narrowed to print as in the report
  // (src/xlsx/digitWidth.ts). A download of no copied file takes the report's font as its default.
  const styles = parts["xl/styles.xml"];
  const kept = copied && styles ? keptDefaultFont(strFromU8(styles)) : null;
  const digitWidth = !copied ? REPORT_DIGIT_WIDTH : maxDigitWidth(kept ? kept.font : EXCELJS_DEFAULT_FONT);
  const report: Report = { sheets: [] };
  for (const sheet of workbook.excel.model.sheets) {
    const made = workbook.made.get(sheet.id);
    if (!made) {
      if (!copied) addModelSheet(book, sheet);
      continue;
    }
    if (made.kind === "report") {
      addSheet(book, made.sheet, digitWidth);
      report.sheets.push(made.sheet);
    } else addTemplateSheet(book, made.sheet);
  }
  const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  if (kept) withDefaultFont(files, kept.element);
  // before the report's charts, which are numbered after the parts carried
  const carried = copied ? carryDrawings(parts, files) : new Set<string>();
  if (copied) keepDefinedNames(parts, files);
  const notCarried = partsNotCarried(parts).filter(
    (p) => !(p.sheet !== null && carried.has(p.sheet) && (p.kind === "chart" || p.kind === "shape")),
  );
  // the report sheets' page breaks; a copied original's default font stays (above)
  finishReportParts(files, report, { defaultFont: !copied });
  return { bytes: await addChartsToXlsx(zipSync(files, { level: 6 }), report), copied, notCarried };
}

/** The first font of a styles.xml, as written and as read, where both can be. */
function keptDefaultFont(stylesXml: string): { element: string; font: DefaultFont } | null {
  const element = defaultFontElement(stylesXml);
  const font = defaultFontOf(stylesXml);
  return element && font ? { element, font } : null;
}

/** The parts of the original file by name; none for no file or one that is no zip archive (.xls, .csv). */
function originalParts(original: Uint8Array | null): Record<string, Uint8Array> {
  try {
    return original ? unzipSync(original) : {};
  } catch {
    return {};
  }
}

/**
 * 白狼县.xlsx → 白狼县-均衡评估.xlsx: the original's name with a suffix, never the original's own name; a workbook
 * with macros (.xlsm) gives its name too, the result being an .xlsx.
 */
export function downloadName(original: string, lang: Lang): string {
  const stem = (isSpreadsheetName(original) ? original.replace(/\.[^.]*$/u, "") : original).trim();
  return `${stem || (lang === "zh" ? "工作簿" : "workbook")}-${lang === "zh" ? "均衡评估" : "balance"}.xlsx`;
}
