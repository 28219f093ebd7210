/**
 * Warnings about cells a damaged sheet puts out of place, for the .xlsx and .xls readers alike: a cell given twice
 * with different values (the later is read, as Excel's repair reads it) and a cell whose reference names another
 * row than the one it is written in (read in its row). Each names the first such cell; nothing is lost unsaid.
 */
import type { Problem } from "../../problems/problem";
import { cellAddress, type CellValue } from "../../sheet/grid";

/**
 * Cells a sheet gives twice with different values (two <c> of one reference, a row given twice, an .xls record
 * repeated): the later value is kept, as Excel's repair keeps it, and the first such cell named with both values.
 */
export class GivenTwice {
  private count = 0;
  private first: { row: number; col: number; before: CellValue; after: CellValue } | null = null;

  constructor(private readonly sheet: string) {}

  /** A cell given again: counted when it gives another value than it held. */
  replacing(before: CellValue, after: CellValue, row: number, col: number): void {
    if (before === null || before === undefined || sameValue(before, after)) return;
    this.count++;
    this.first ??= { row, col, before, after };
  }

  /** The warning that cells were given twice, naming the first, with both its values; null when none was. */
  note(): Problem | null {
    const first = this.first;
    if (first === null) return null;
    const cell = cellAddress({ sheet: this.sheet, topLeft: "A1" }, first.row, first.col);
    const n = this.count;
    const [before, after] = [shownValue(first.before), shownValue(first.after)];
    return {
      severity: "warning",
      code: "cell-given-twice",
      cell,
      message: {
        zh:
          `${cell} 在文件中出现了两次，先为 ${before}，后为 ${after}，已按后者读取` +
          (n > 1 ? `（工作表“${this.sheet}”共有 ${n} 个这样的单元格）` : "") +
          "。文件可能已损坏：请在 Excel 或 WPS 中打开，核对后另存",
        en:
          `${cell} is given twice in the file, first as ${before}, then as ${after}; the latter was read` +
          (n > 1 ? ` (${n} such cells on sheet "${this.sheet}")` : "") +
          ". The file may be damaged: open it in Excel or WPS, check, and save it again",
      },
    };
  }
}

/** Whether two values a cell was given are the same: the same number, text, date, error or formula. */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value as a warning shows it: a text in quotes (cut at 20 characters), a formula with its =, an error. */
function shownValue(value: CellValue): string {
  if (typeof value === "string") return `“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && value !== null)
    return "formula" in value ? `“=${value.formula}”` : value.error;
  return String(value);
}

/** The warning that `count` cells name another row than the one they are written in, naming the first. */
export function offRowNote(
  sheet: string,
  first: { written: number; row: number; col: number },
  count: number,
): Problem {
  const at = (row: number) => cellAddress({ sheet, topLeft: "A1" }, row, first.col);
  const [written, read] = [at(first.written), at(first.row)];
  const local = (address: string) => address.slice(address.lastIndexOf("!") + 1);

  return {
    severity: "warning",
    code: "cell-off-its-row",
    cell: read,
    message: {
      zh:
        `单元格 ${local(written)} 写在工作表“${sheet}”第 ${first.row + 1} 行之内，已按所在的行读作 ${read}` +
        (count > 1 ? `（共有 ${count} 个这样的单元格）` : "") +
        "。文件可能已损坏：请在 Excel 或 WPS 中打开，核对后另存",
      en:
        `cell ${local(written)} is written inside row ${first.row + 1} of sheet "${sheet}" and was read in that row, as ${read}` +
        (count > 1 ? ` (${count} such cells)` : "") +
        ". The file may be damaged: open it in Excel or WPS, check, and save it again",
    },
  };
}
