/**
 * A workbook opened from disk as the pane's in-memory workbook: the sheets the .xlsx reader gives (src/xlsx/reader,
 * the reader `balance evaluate` uses) put into the Excel double, cell by cell, as Excel holds them — numbers, text,
 * booleans, error values, dates as serial numbers under a date format — so that the pane reads them back through
 * the same Office.js code as inside Excel.
 */
import { ExcelDouble, selectInDouble } from "../excel/double/excel";
import { FORBIDDEN_IN_SHEET_NAME, LONGEST_SHEET_NAME, type SheetModel } from "../excel/double/model";
import type { Problem } from "../problems/problem";
import { columnLetters, sheetRef, type CellValue, type Grid } from "../sheet/grid";

/** Days from Excel's epoch (1899-12-30, the 1900 date system) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86400000;

/** A cell of a grid written into the double as Excel would hold it. */
function putCell(excel: ExcelDouble, sheet: SheetModel, row: number, col: number, value: CellValue): void {
  if (value === null || value === undefined || value === "") return;
  const cell = excel.model.ensureCell(sheet, row, col);
  if (value instanceof Date) {
    cell.value = value.getTime() / DAY_MS + EXCEL_EPOCH_DAYS;
    cell.numberFormat = "yyyy-mm-dd";
  } else if (typeof value === "object") {
    if ("error" in value) cell.value = { error: value.error };
    // a formula the file holds without a result: Excel calculates it on opening, so does the double
    else cell.formula = `=${value.formula.replace(/^=/, "")}`;
  } else {
    // text stays text, even text that starts with "="
    cell.value = value;
  }
}

/** Why Excel would not take a sheet's name, in both languages; null when it would. */
function refusal(name: string, taken: Map<string, string>): { zh: string; en: string } | null {
  if (name.trim() === "") return { zh: "是空的", en: "is empty" };
  if (name.length > LONGEST_SHEET_NAME)
    return { zh: `超过 ${LONGEST_SHEET_NAME} 个字符`, en: `is longer than ${LONGEST_SHEET_NAME} characters` };
  if (FORBIDDEN_IN_SHEET_NAME.test(name))
    return { zh: "含有 \\ / ? * [ ] : 中的字符", en: "holds one of \\ / ? * [ ] :" };
  const same = taken.get(name.toLowerCase());
  if (same !== undefined)
    return {
      zh: `与工作表“${same}”重名（只差大小写）`,
      en: `is the name of the sheet "${same}" but for case`,
    };
  return null;
}

/**
 * The sheets of a workbook under names Excel takes, for the in-memory workbook: a file written by another program
 * may name two sheets alike but for case, or name one with a character Excel refuses, which Excel (and the double)
 * would not open. Such a sheet is given a free name near its own, and a warning says so; the file is not changed.
 */
export function sheetsForExcel(grids: readonly Grid[]): { grids: Grid[]; problems: Problem[] } {
  const taken = new Map<string, string>();
  const problems: Problem[] = [];
  const named = grids.map((grid) => {
    const why = refusal(grid.sheet, taken);
    let name = grid.sheet;
    if (why !== null) {
      const base = grid.sheet.replace(new RegExp(FORBIDDEN_IN_SHEET_NAME, "g"), "_").trim() || "Sheet";
      for (let i = 2; ; i++) {
        const suffix = ` (${i})`;
        name = base.slice(0, LONGEST_SHEET_NAME - suffix.length) + suffix;
        if (!taken.has(name.toLowerCase())) break;
      }
      problems.push({
        severity: "warning",
        code: "sheet-renamed",
        cell: null,
        message: {
          zh: `工作表“${grid.sheet}”的名称${why.zh}，Excel 不接受：网页版中称为“${name}”（文件本身未改动）`,
          en: `the sheet name "${grid.sheet}" ${why.en}, which Excel does not accept: it is called "${name}" here (the file is unchanged)`,
        },
      });
    }
    taken.set(name.toLowerCase(), name);
    return name === grid.sheet ? grid : { ...grid, sheet: name };
  });
  return { grids: named, problems };
}

/** A sheet's visibility as the file gives it, as Office names it. */
const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** The sheets of a workbook in a new Excel double, in their order, every value where the file has it. */
export function doubleFromGrids(grids: readonly Grid[]): ExcelDouble {
  const excel = new ExcelDouble();
  // hidden and very hidden sheets stay out of sight, as in Excel: not listed by the pane, not shown by the viewer
  // (a workbook that hides every sheet, which Excel does not open as it is, is shown whole)
  const anyShown = grids.some((g) => (g.visibility ?? "visible") === "visible");
  for (const grid of grids) {
    const sheet = excel.model.addSheet(grid.sheet);
    if (anyShown) sheet.visibility = VISIBILITY[grid.visibility ?? "visible"];
    // the .xlsx reader gives each sheet from A1
    grid.values.forEach((row, r) => row.forEach((value, c) => putCell(excel, sheet, r, c, value)));
    // hidden as in the file: the pane's reader warns of a hidden row and reads the visible copy of a column
    for (const r of grid.hiddenRows ?? []) sheet.hiddenRows.add(r);
    for (const c of grid.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
  }
  excel.model.changed();
  return excel;
}

/** Makes the sheet active with its used range selected, as a clerk would before reading. */
export function startOn(excel: ExcelDouble, sheetName: string): void {
  const sheet = excel.model.requireSheet(sheetName);
  excel.model.activeSheet = sheet.name;
  const used = excel.model.usedRect(sheet, true);
  if (used) {
    const range = `${columnLetters(used.c0)}${used.r0 + 1}:${columnLetters(used.c1)}${used.r1 + 1}`;
    selectInDouble(excel, `${sheetRef(sheet.name)}!${range}`);
  }
}
