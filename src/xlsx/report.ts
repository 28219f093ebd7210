/**
 * The .xlsx writer of report sheets (`balance evaluate|plan|whatif --out`): the same cells, formulas, number
 * formats, styles, borders, merges, frozen panes and page set-up as the Office.js writer puts into a workbook.
 * Formulas carry the engine's value as their cached result, so the file shows figures even before a
 * spreadsheet recalculates; Excel, WPS and LibreOffice recalculate them on opening.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { BORDER_COLOR, MARGINS, REPORT_FONT, STYLE_LOOK } from "../report/look";
import type { Report, ReportCell, ReportSheet } from "../report/model";
import { columnLetters } from "../sheet/grid";
import { addCharts } from "./charts";
import { FIXED_DATE, columnWidth, fixZipTimes, headerFooterCode, withReportFont } from "./write";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };

function cellValue(cell: ReportCell): ExcelJS.CellValue {
  if (cell.formula) {
    const result =
      cell.value === null || cell.value === undefined || cell.value === "" ? undefined : cell.value;
    return { formula: cell.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}

/** 1-based inclusive ranges "A1:C3" → every cell in them. */
function eachCell(range: string, f: (row: number, col: number) => void): void {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (let r = Number(m[2]); r <= Number(m[4]); r++) for (let c = col(m[1]); c <= col(m[3]); c++) f(r, c);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet): ExcelJS.Worksheet {
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
  (sheet.columnWidths ?? []).forEach((w, c) => (ws.getColumn(c + 1).width = columnWidth(w)));
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Balance 均衡";
  workbook.lastModifiedBy = "Balance 均衡";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of report.sheets) addSheet(workbook, sheet);
  return workbook;
}

/** What exceljs cannot write: the workbook's default font and column page breaks. */
async function finishParts(bytes: Buffer, report: Report): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await withReportFont(bytes));
  for (let i = 0; i < report.sheets.length; i++) {
    const breaks = report.sheets[i].print?.columnBreaks ?? [];
    if (breaks.length === 0) continue;
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async("string");
    // brk id is the 0-based column a page starts at; the element goes after rowBreaks, before the drawing
    const element =
      `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
      breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("") +
      `</colBreaks>`;
    const at = xml.search(/<drawing |<legacyDrawing |<picture |<tableParts|<extLst|<\/worksheet>/);
    zip.file(path, xml.slice(0, at) + element + xml.slice(at));
  }
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The .xlsx bytes of report sheets, charts included; the same sheets always give the same bytes. */
export async function reportBytes(report: Report): Promise<Buffer> {
  const workbook = reportWorkbook(report);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimes(await addCharts(await finishParts(bytes, report), report), FIXED_DATE);
}
