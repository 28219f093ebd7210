/**
 * The reader this project used before its own: exceljs loads the whole workbook, and each sheet's used range
 * from A1 becomes a grid. Kept for the tests only, as the reference the new reader must agree with on every
 * workbook the project has.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/sheet/grid";

/** exceljs's cell value as a grid value: formulas give their cached result, rich text is joined. */
function cellValueOf(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return null;
  if ("error" in value && typeof value.error === "string") return { error: value.error };
  if ("richText" in value && Array.isArray(value.richText))
    return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return cellValueOf(result as ExcelJS.CellValue | undefined);
  }
  if ("text" in value) return cellValueOf((value as { text: ExcelJS.CellValue }).text);
  return null;
}

function sheetToGrid(sheet: ExcelJS.Worksheet): Grid {
  let rows = 0;
  let cols = 0;
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  for (let r = 1; r <= rows; r++) {
    const row = sheet.findRow(r);
    const line: CellValue[] = new Array(cols).fill(null);
    if (row?.hidden) hiddenRows.push(r - 1);
    if (row?.hasValues) {
      for (let c = 1; c <= cols; c++) {
        const cell = row.findCell(c);
        if (!cell) continue;
        if (cell.isMerged && cell.master !== cell) continue;
        line[c - 1] = cellValueOf(cell.value);
      }
    }
    values.push(line);
  }
  const grid: Grid = { sheet: sheet.name, topLeft: "A1", values };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}

/** The sheets of a workbook as exceljs reads them. */
export async function exceljsGrids(data: Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(sheetToGrid);
}
