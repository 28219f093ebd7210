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
import { TABLE_BORDER, columnWidth, newWorkbook, tableFont, tablePageSetup, workbookBytes } from "./write";
import { wrappedHeight } from "../report/print";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const DERIVED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const VALUE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E5" } };
const BORDER = TABLE_BORDER;

const WIDTHS = COUNTY_COLUMN_WIDTHS;
/** 指标, 要求, 佐证材料, 备注 wrap; 10-point text, so that the sheet prints at 100 % on one landscape page wide. */
const WRAPPED = new Set([2, 3, 5, 6]);
const SIZE = 10;

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
  });
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = columnWidth(w)));
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    let height = 0;
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.font = tableFont(SIZE);
      if (value === null) return;
      cell.value = value;
      // a row as tall as its longest wrapped text (the title and the hint span the whole width)
      if (r > 1 && WRAPPED.has(c)) height = Math.max(height, wrappedHeight(value, WIDTHS[c], SIZE));
    });
    if (height > 0) row.height = height;
  });
  const total = WIDTHS.reduce((a, b) => a + b, 0);
  sheet.getCell(1, 1).font = tableFont(14, true);
  sheet.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 26;
  sheet.mergeCells(1, 1, 1, WIDTHS.length);
  sheet.mergeCells(2, 1, 2, WIDTHS.length);
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = wrappedHeight(String(rows[1][0]), total, SIZE);
  const header = sheet.getRow(headerRow);
  header.height = Math.max(
    ...rows[COUNTY_TEMPLATE_HEADER_ROW].map((h, c) => wrappedHeight(h ?? "", WIDTHS[c], SIZE)),
  );
  for (let c = 1; c <= WIDTHS.length; c++) {
    const cell = header.getCell(c);
    cell.font = tableFont(SIZE, true);
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = BORDER;
  }
  tablePageSetup(sheet, { headerRow, name: rows[0][0] ?? COUNTY_SHEET_NAME, lang });
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
      valueCell.font = { ...tableFont(SIZE), color: { argb: "FF595959" } };
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
