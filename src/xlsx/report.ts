/**
 * The .xlsx writer of a Report (`balance evaluate --out report.xlsx`): the same cells, formulas, number
 * formats, styles, merges, frozen panes and print set-up as the Office.js writer puts into a workbook.
 * Formulas carry the engine's value as their cached result, so the file shows figures even before Excel
 * recalculates; Excel recalculates them on opening.
 */
import type ExcelJS from "exceljs";
import { STYLE_LOOK, columnWidthPoints } from "../excel/layout";
import type { Report, ReportCell, ReportSheet } from "../report/model";
import { addCharts } from "./charts";
import { excelWorkbook } from "./write";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function cellValue(cell: ReportCell): ExcelJS.CellValue {
  if (cell.formula) {
    const result =
      cell.value === null || cell.value === undefined || cell.value === "" ? undefined : cell.value;
    return { formula: cell.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}

/** Adds one report sheet to a workbook (a new one, or a workbook read from a file, as the web app does). */
export function addSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet): ExcelJS.Worksheet {
  const freeze = sheet.freeze ?? (sheet.headerRows ? { rows: sheet.headerRows, columns: 0 } : null);
  const ws = workbook.addWorksheet(sheet.name, {
    views: freeze ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }] : undefined,
    pageSetup: sheet.print
      ? {
          orientation: sheet.print.orientation,
          paperSize: 9, // A4
          fitToPage: Boolean(sheet.print.fitToWidth),
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: sheet.headerRows ? `1:${sheet.headerRows}` : undefined,
        }
      : sheet.headerRows
        ? { printTitlesRow: `1:${sheet.headerRows}` }
        : undefined,
  });
  (sheet.columnWidths ?? []).forEach((w, c) => {
    // the Office.js writer sets points; .xlsx widths are in characters (the same width, as Excel converts)
    ws.getColumn(c + 1).width = (columnWidthPoints(w) - 5) / 7.5;
  });
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const value = cellValue(cell);
      if (value !== null) target.value = value;
      if (cell.format) target.numFmt = cell.format;
      if (cell.style) {
        const look = STYLE_LOOK[cell.style];
        if (look.fill)
          target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
        if (look.bold || look.italic || look.fontColor || look.size) {
          target.font = {
            bold: look.bold,
            italic: look.italic,
            size: look.size,
            color: look.fontColor ? { argb: argb(look.fontColor) } : undefined,
          };
        }
        if (look.wrap) target.alignment = { wrapText: true, vertical: "middle" };
      }
    });
  });
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  return ws;
}

/** A workbook holding the report's sheets, in order. */
export function reportWorkbook(report: Report): ExcelJS.Workbook {
  const workbook = excelWorkbook();
  workbook.creator = "Balance 均衡";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of report.sheets) addSheet(workbook, sheet);
  return workbook;
}

/** The .xlsx bytes of a report, charts included. */
export async function reportBytes(report: Report): Promise<Buffer> {
  const workbook = reportWorkbook(report);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return addCharts(bytes, report);
}
