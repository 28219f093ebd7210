import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../sheet/grid";
import type { Problem } from "../sheet/problems";

/** The sheets of a workbook as grids, or the one problem that kept it from being read. */
export type WorkbookResult = { ok: true; grids: Grid[] } | { ok: false; problem: Problem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: what Excel writes for a password-protected workbook, and for old .xls files
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

function fileProblem(code: string, zh: string, en: string): { ok: false; problem: Problem } {
  return { ok: false, problem: { severity: "error", code, cell: null, message: { zh, en } } };
}

/** Reads an .xlsx file from disk. A missing, unreadable or non-xlsx file is a problem, never an exception. */
export async function readWorkbookFile(path: string): Promise<WorkbookResult> {
  let data: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return fileProblem(
        "file-is-directory",
        `“${path}”是一个文件夹，不是工作簿`,
        `"${path}" is a folder, not a workbook`,
      );
    }
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return fileProblem("file-not-found", `找不到文件“${path}”`, `file not found: "${path}"`);
    }
    return fileProblem(
      "file-unreadable",
      `无法读取文件“${path}”（${code ?? "未知原因"}）`,
      `cannot read "${path}" (${code ?? "unknown reason"})`,
    );
  }
  return readWorkbook(data);
}

/** Reads the sheets of an .xlsx workbook held in memory. */
export async function readWorkbook(data: Uint8Array): Promise<WorkbookResult> {
  if (startsWith(data, CFB_MAGIC)) {
    return fileProblem(
      "xlsx-encrypted-or-xls",
      "该文件设有打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码并另存为 .xlsx 后再试",
      "the file is password-protected or in the old .xls format: remove the password and save it as .xlsx in Excel, then try again",
    );
  }
  if (!startsWith(data, ZIP_MAGIC)) {
    return fileProblem(
      "not-xlsx",
      "该文件不是 Excel 工作簿（.xlsx）",
      "the file is not an Excel workbook (.xlsx)",
    );
  }
  const workbook = new ExcelJS.Workbook();
  let grids: Grid[];
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    grids = workbook.worksheets.map(sheetToGrid);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fileProblem(
      "xlsx-corrupt",
      `工作簿已损坏，无法读取（${detail}）`,
      `the workbook is damaged and cannot be read (${detail})`,
    );
  }
  if (grids.length === 0) {
    // a zip archive that is not a workbook (a .docx, a folder zipped) reads as a workbook without sheets
    return fileProblem(
      "no-sheet",
      "该文件不是 Excel 工作簿，或工作簿中没有工作表",
      "the file is not an Excel workbook, or the workbook has no sheet",
    );
  }
  return { ok: true, grids };
}

/** A worksheet's used range from A1, as a grid. */
export function sheetToGrid(sheet: ExcelJS.Worksheet): Grid {
  // The used range ends at the last cell holding a value: rows and columns that only carry formatting (a style
  // applied to whole columns reaches row 1,048,576) are left out.
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
    // findRow/findCell do not create empty rows and cells as the get… accessors do
    const row = sheet.findRow(r);
    const line: CellValue[] = new Array(cols).fill(null);
    if (row?.hidden) hiddenRows.push(r - 1);
    if (row?.hasValues) {
      for (let c = 1; c <= cols; c++) {
        const cell = row.findCell(c);
        if (!cell) continue;
        // a merged range holds its value at the master cell only
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

/** exceljs's cell value as a grid value: formulas give their cached result, rich text is joined. */
export function cellValueOf(value: ExcelJS.CellValue | undefined): CellValue {
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
  if ("text" in value) {
    // hyperlink: its text may itself be rich text
    return cellValueOf((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

/**
 * The sheet to evaluate: the one named, or else the first whose top rows hold a recognisable header
 * (`hasHeader`), or else the first sheet.
 */
export function chooseSheet(
  grids: readonly Grid[],
  name: string | undefined,
  hasHeader: (grid: Grid) => boolean,
): { ok: true; grid: Grid } | { ok: false; problem: Problem } {
  if (name !== undefined) {
    const grid = grids.find((g) => g.sheet === name) ?? grids.find((g) => g.sheet.trim() === name.trim());
    if (grid) return { ok: true, grid };
    const names = grids.map((g) => g.sheet).join("、");
    return fileProblem(
      "sheet-not-found",
      `工作簿中没有名为“${name}”的工作表（现有：${names}）`,
      `the workbook has no sheet named "${name}" (sheets: ${grids.map((g) => g.sheet).join(", ")})`,
    );
  }
  return { ok: true, grid: grids.find(hasHeader) ?? grids[0] };
}
