import type { Problem } from "../problems/problem";

/**
 * A cell as any host gives it: Excel's values, an .xlsx file's, or a test's. `{ error }` is an error value
 * (#N/A, #DIV/0!); `{ formula }` is a formula whose result was never calculated (a file written by a program that
 * does not calculate, never opened and saved in Excel): its value is unknown, not blank.
 */
export type CellValue =
  string | number | boolean | Date | null | undefined | { error: string } | { formula: string };

/** The error value a cell holds (#N/A, #DIV/0!), or null. */
export function cellError(value: CellValue): string | null {
  return typeof value === "object" && value !== null && "error" in value ? value.error : null;
}

/** A merged range, as 0-based inclusive indices into a grid's values. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangle of cells read from a sheet: values row by row, the sheet's name and the top-left address.
 * Rows may be of different lengths and may be empty: a cell past the end of its row is blank. Hosts that read
 * files give only the cells that exist, so a stray cell far away costs one short row, not a rectangle: a row
 * without cells may then be absent (a hole in values, read it as `values[r] ?? []`), and a blank cell inside a
 * row is null, or absent when it lies far from the row's other cells.
 */
export interface Grid {
  sheet: string;
  /** A1-style address of values[0][0], e.g. "A1" or "B3" */
  topLeft: string;
  values: CellValue[][];
  /** rows hidden in the sheet, as 0-based indices into values (optional; hosts that know give it) */
  hiddenRows?: number[];
  /** columns hidden in the sheet, as 0-based indices into a row of values (optional, as hiddenRows) */
  hiddenColumns?: number[];
  /** merged ranges whose master cell (top-left) holds the value (optional; hosts that know give them) */
  merges?: MergedRange[];
  /** whether the sheet is shown; "hidden" and "veryHidden" sheets are never chosen unless named (default visible) */
  visibility?: "visible" | "hidden" | "veryHidden";
  /**
   * warnings about what the file the sheet was read from could not hold (a text table has no cell types), told
   * once with the problems of choosing the sheet (src/xlsx/reader/chooseSheet.ts)
   */
  notes?: Problem[];
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B3" into 0-based { row, col }. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

/**
 * Whether a sheet name reads as something else in a formula: a cell in A1 style (A1, AB12, XFD1048576), a cell or
 * row or column in R1C1 style (R1C1, R2C3, RC, R, C5), or a logical value (TRUE, FALSE).
 */
function readsAsReference(sheet: string): boolean {
  return (
    /^[A-Za-z]{1,3}\d+$/u.test(sheet) ||
    /^(?:R\d*)?(?:C\d*)?$/iu.test(sheet) ||
    /^(?:TRUE|FALSE)$/iu.test(sheet)
  );
}

/**
 * Quotes a sheet name for a reference when Excel would: 'My sheet'!A1, 'A1'!D4, 'TRUE'!B2. Chinese names need no
 * quotes.
 */
export function sheetRef(sheet: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) && !readsAsReference(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Address of a cell of the grid, e.g. 学校!F12, from 0-based indices into values. */
export function cellAddress(grid: Pick<Grid, "sheet" | "topLeft">, row: number, col: number): string {
  const origin = parseAddress(grid.topLeft);
  return `${sheetRef(grid.sheet)}!${columnLetters(origin.col + col)}${origin.row + row + 1}`;
}
