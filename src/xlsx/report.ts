/**
 * The .xlsx writer of report sheets (`balance evaluate|plan|whatif --out`): the same cells, formulas, number
 * formats, styles, borders, merges, frozen panes and page set-up as the Office.js writer puts into a workbook.
 * Formulas carry the engine's value as their cached result, so the file shows figures even before a
 * spreadsheet recalculates; Excel, WPS and LibreOffice recalculate them on opening.
 */
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { printable } from "../engine/names";
import { BORDER_COLOR, MARGINS, REPORT_FONT, STYLE_LOOK } from "../report/look";
import type { Report, ReportCell, ReportSheet } from "../report/model";
import { columnLetters } from "../sheet/grid";
import { addChartsToXlsx, sheetParts } from "./charts";
import { REPORT_DIGIT_WIDTH, widthUnderFont } from "./digitWidth";
import { FIXED_DATE, columnWidth, fixZipTimes, headerFooterCode, newWorkbook, withReportFont } from "./write";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };

/** A cell's value as written: text with its controls shown (`printable`: a name's U+202E never turns it round). */
function cellValue(cell: ReportCell): ExcelJS.CellValue {
  const value = typeof cell.value === "string" ? printable(cell.value) : cell.value;
  if (cell.formula) {
    const result = value === null || value === undefined || value === "" ? undefined : value;
    return { formula: cell.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  return value ?? null;
}

/** 1-based inclusive ranges "A1:C3" → every cell in them. */
function eachCell(range: string, f: (row: number, col: number) => void): void {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (let r = Number(m[2]); r <= Number(m[4]); r++) for (let c = col(m[1]); c <= col(m[3]); c++) f(r, c);
}

/**
 * Adds one report sheet to a workbook (a new one, or a workbook read from a file, as the web app does).
 * `digitWidth` is the widest digit in pixels of the default font the workbook is written with (src/xlsx/digitWidth):
 * the columns are given the widths that draw them as wide as under the report's own font, so the sheet prints
 * on the pages it does in the report's workbook.
 */
export function addSheet(
  workbook: ExcelJS.Workbook,
  sheet: ReportSheet,
  digitWidth = REPORT_DIGIT_WIDTH,
): ExcelJS.Worksheet {
  const freeze = sheet.freeze;
  const print = sheet.print;
  const ws = workbook.addWorksheet(sheet.name, {
    views: freeze ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }] : undefined,
    pageSetup: print
      ? {
          orientation: print.orientation,
          paperSize: 9, // A4
          fitToPage: Boolean(print.fitToWidth),
          fitToWidth: 1,
          fitToHeight: 0,
          scale: 100,
          pageOrder: print.overThenDown ? "overThenDown" : "downThenOver",
          horizontalCentered: true,
          margins: { ...MARGINS },
          printTitlesRow: print.titleRows ? `${print.titleRows[0]}:${print.titleRows[1]}` : undefined,
          printTitlesColumn: print.titleColumns
            ? `${columnLetters(print.titleColumns[0])}:${columnLetters(print.titleColumns[1])}`
            : undefined,
        }
      : undefined,
    headerFooter: print
      ? {
          oddHeader: headerFooterCode(print.header),
          oddFooter: headerFooterCode(print.footer),
        }
      : undefined,
  });
  (sheet.columnWidths ?? []).forEach(
    (w, c) =>
      (ws.getColumn(c + 1).width = columnWidth(
        widthUnderFont(columnWidth(w), REPORT_DIGIT_WIDTH, digitWidth),
      )),
  );
  const font = (cell: ReportCell): Partial<ExcelJS.Font> => {
    const look = cell.style ? STYLE_LOOK[cell.style] : {};
    return {
      name: REPORT_FONT.name,
      charset: REPORT_FONT.charset,
      family: REPORT_FONT.family,
      size: look.size ?? REPORT_FONT.size,
      bold: look.bold || undefined,
      color: look.fontColor ? { argb: argb(look.fontColor) } : undefined,
    };
  };
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const value = cellValue(cell);
      if (value !== null) target.value = value;
      if (cell.format) target.numFmt = cell.format;
      target.font = font(cell);
      const look = cell.style ? STYLE_LOOK[cell.style] : {};
      if (look.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
      const horizontal = cell.align ?? look.align;
      target.alignment = { vertical: "middle", wrapText: look.wrap || cell.wrap || undefined, horizontal };
    });
  });
  if (sheet.defaultRowHeight) {
    for (let r = 0; r < sheet.rows.length; r++) ws.getRow(r + 1).height = sheet.defaultRowHeight;
  }
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const range of sheet.borders ?? []) {
    // a cell with nothing but its border takes the workbook's default font, the report's (finishParts)
    eachCell(
      range,
      (r, c) => (ws.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN }),
    );
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  // a row break goes after the row before the one that starts the page
  for (const r of print?.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  return ws;
}

/** A workbook holding the sheets, in order. */
export function reportWorkbook(report: Report): ExcelJS.Workbook {
  const workbook = newWorkbook();
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of report.sheets) addSheet(workbook, sheet);
  return workbook;
}

/**
 * What exceljs cannot write, added to the archive it wrote: the report sheets' column page breaks, and — for a
 * workbook of report sheets only — the report's face as the workbook's default font (a workbook read from a file
 * keeps its own). Sheets are found by name, so the report's sheets may sit among others.
 */
export function finishReportParts(files: Zippable, report: Report, options: { defaultFont: boolean }): void {
  if (options.defaultFont) withReportFont(files);
  const text = (name: string) => {
    const bytes = files[name];
    return bytes instanceof Uint8Array ? strFromU8(bytes) : undefined;
  };
  const parts = sheetParts(text);
  for (const sheet of report.sheets) {
    const breaks = sheet.print?.columnBreaks ?? [];
    const path = parts.get(sheet.name);
    const xml = path === undefined ? undefined : text(path);
    if (breaks.length === 0 || path === undefined || xml === undefined) continue;
    // brk id is the 0-based column a page starts at; the element goes after rowBreaks, before the drawing
    const element =
      `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
      breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("") +
      `</colBreaks>`;
    const at = xml.search(/<drawing |<legacyDrawing |<picture |<tableParts|<extLst|<\/worksheet>/);
    files[path] = strToU8(xml.slice(0, at) + element + xml.slice(at));
  }
}

/** The .xlsx bytes of report sheets, charts included; the same sheets always give the same bytes. */
export async function reportBytes(report: Report): Promise<Buffer> {
  const workbook = reportWorkbook(report);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  finishReportParts(files, report, { defaultFont: true });
  const finished = zipSync(files, { level: 6, mtime: FIXED_DATE });
  return fixZipTimes(Buffer.from(await addChartsToXlsx(finished, report)), FIXED_DATE);
}
