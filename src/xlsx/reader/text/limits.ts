/**
 * How much a table read from text may hold: Excel's own limits, so that what cannot be a sheet in Excel is said to
 * be so, by the line or row where it goes past, rather than read until memory runs out. Counted in rows,
 * columns and characters, never in time.
 */
import type { Problem } from "../../../problems/problem";
import { WorkbookFailure, fileProblem } from "../problems";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** the most characters a cell holds in Excel */
export const MAX_CELL = 32_767;

/** A problem of a file that is read as a table of text (a .csv, a web page's, an Excel 2003 XML table). */
export function textTableFailure(code: string, zh: string, en: string): WorkbookFailure {
  return new WorkbookFailure(fileProblem(code, zh, en));
}

export const tooManyRows = (where: { zh: string; en: string }): WorkbookFailure =>
  textTableFailure(
    "table-too-large",
    `${where.zh}超过 ${MAX_ROWS.toLocaleString("en-US")} 行（Excel 一张工作表的上限），未读取`,
    `${where.en} has more than ${MAX_ROWS.toLocaleString("en-US")} rows (the most an Excel sheet holds); it was not read`,
  );

export const tooManyColumns = (where: { zh: string; en: string }): WorkbookFailure =>
  textTableFailure(
    "table-too-large",
    `${where.zh}超过 ${MAX_COLUMNS.toLocaleString("en-US")} 列（Excel 一张工作表的上限），未读取`,
    `${where.en} has more than ${MAX_COLUMNS.toLocaleString("en-US")} columns (the most an Excel sheet holds); it was not read`,
  );

/** What a table read from text lost that the clerk should know, said once per file. */
export function textTableNote(code: string, zh: string, en: string): Problem {
  return { severity: "warning", code, cell: null, message: { zh, en } };
}
