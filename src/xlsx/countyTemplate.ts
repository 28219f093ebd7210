import type ExcelJS from "exceljs";
import type { Lang } from "../i18n/format";
import {
  COUNTY_SHEET_NAME,
  COUNTY_COLUMN_WIDTHS,
  COUNTY_SHEET_NAME_EN,
  COUNTY_SHEET_ROWS,
  COUNTY_TEMPLATE_HEADER_ROW,
  YES_NO_CHOICES,
  countyTemplateRows,
} from "../sheet/countySheet";
import { newWorkbook, workbookBytes } from "./write";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const DERIVED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const VALUE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E5" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9C1" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const WIDTHS = COUNTY_COLUMN_WIDTHS;

interface Validations {
  add(address: string, validation: object): void;
}

/**
 * Adds the county sheet (县级指标) to a workbook: title and hint, header frozen, one row per measure with its
 * requirement; value cells shaded for input, a 是/否 drop-down where the answer is yes or no, derived rows greyed.
 */
export function addCountySheet(workbook: ExcelJS.Workbook, lang: Lang = "zh"): ExcelJS.Worksheet {
  const rows = countyTemplateRows(lang);
  const headerRow = COUNTY_TEMPLATE_HEADER_ROW + 1;
  const sheet = workbook.addWorksheet(lang === "zh" ? COUNTY_SHEET_NAME : COUNTY_SHEET_NAME_EN, {
    views: [{ state: "frozen", xSplit: 1, ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, WIDTHS.length);
  sheet.mergeCells(2, 1, 2, WIDTHS.length);
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 32;
  const header = sheet.getRow(headerRow);
  for (let c = 1; c <= WIDTHS.length; c++) {
    const cell = header.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center" };
    cell.border = BORDER;
  }
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  COUNTY_SHEET_ROWS.forEach((def, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    for (let c = 1; c <= WIDTHS.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: c === 3 || c === 4 || c === 6 || c === 7 };
    }
    const valueCell = row.getCell(5);
    if (def.measureId === null) {
      for (let c = 1; c <= WIDTHS.length; c++) row.getCell(c).fill = DERIVED_FILL;
      valueCell.font = { italic: true, color: { argb: "FF666666" } };
      return;
    }
    valueCell.fill = VALUE_FILL;
    valueCell.alignment = { vertical: "middle", horizontal: "center" };
    if (def.kind === "percent") valueCell.numFmt = "0.0%";
    if (def.yesNo) {
      const choices = lang === "zh" ? YES_NO_CHOICES : ["是", "否", "yes", "no"];
      validations.add(`E${headerRow + 1 + i}`, {
        type: "list",
        // item 6 also takes a share, so only the pure 是/否 questions refuse anything else
        allowBlank: true,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: def.kind === "attested",
        errorStyle: "warning",
        errorTitle: "请选择“是”或“否” / Choose yes or no",
        error: "是、否",
      });
    }
  });
  return sheet;
}

/** The county sheet as a workbook of its own; the same input always gives the same bytes. */
export async function countySheetWorkbook(lang: Lang = "zh"): Promise<Buffer> {
  const workbook = newWorkbook();
  addCountySheet(workbook, lang);
  return workbookBytes(workbook);
}
