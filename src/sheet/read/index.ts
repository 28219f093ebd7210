/**
 * The reader of the school table (docs/school-table.md): a grid of cells → school records + problems.
 *
 *   gridView     the grid made total: ragged, sparse or broken grids seen as rows of cells with addresses
 *   headerPaths  the header as paths of one to four rows of labels, merged cells spread, the unit row under it
 *   columnPlan   which header column each field is read from, in which unit; the header's own problems
 *   tableRows    where the table's rows are: legends, subtotals, totals, notes, blank rows, counted by reason
 *   row          one row → its record: name, type, locale, parent, then
 *     figures      the row's figures (numbers, blanks, what is reported)
 *     facilities   whole-school and per-section facilities, indoor sports
 *     typeChecks   the row against its school type (combined schools)
 *     plausibility values no school reports (warnings)
 *   parents      teaching points and their parent schools
 *   table        the table read in one pass
 *   templateRow  one template row for the functions, through the same row reading
 *   cache        what a caller keeps from one read to the next
 */
import type { Grid } from "../grid";
import { ReaderCache } from "./cache";
import { GridView } from "./gridView";
import { findHeader } from "./headerPaths";
import { readTable, type ReadOptions, type ReadResult } from "./table";

export { matchHeader } from "../headers";
export { parseSchoolType } from "../vocabulary";
export { ReaderCache };
export type { ColumnMatch, ColumnSource, FieldBinding, FieldSource } from "./columnPlan";
export { LARGEST_FIGURE } from "./figures";
export { HEADER_SEARCH_ROWS, type ColumnUnit, type HeaderColumn, type TableHeader } from "./headerPaths";
export { READER_PROBLEM_CODES, type ReaderProblemCode } from "./problems";
export type { ReadOptions, ReadResult } from "./table";
export type { SkippedRows } from "./tableRows";
export { readTemplateRow } from "./templateRow";
export type { UnitWord } from "./units";

/** Reads a school table from a grid (docs/school-table.md#columns). Never throws. */
export function readSchoolTable(grid: Grid, options: ReadOptions = {}): ReadResult {
  return readTable(grid, options, true);
}

/**
 * The records and problems of a school table, and the unit of its equipment value, exactly as readSchoolTable gives
 * them, without the list of matched and unmatched headers: the custom functions read one row per call and never show
 * which header matched what.
 */
export function readSchoolRecords(
  grid: Grid,
  options: ReadOptions = {},
): Pick<ReadResult, "records" | "problems" | "equipmentUnit"> {
  return readTable(grid, options, false);
}

/**
 * The 0-based row of a grid's header (its last row), or null when the grid has none: the header is looked for in
 * its first rows only, no school row is read. For a host choosing which sheet holds the table before reading it.
 */
/**
 * Whether a sheet holds a school table, for choosing the sheet to read: its header is looked for in the top rows
 * only (docs/school-table.md#headers), so choosing never reads a large table that reading reads again.
 */
export function holdsSchoolTable(grid: Grid): boolean {
  return findHeaderRow(grid) !== null;
}

export function findHeaderRow(grid: Grid, options: Pick<ReadOptions, "cache"> = {}): number | null {
  const view = new GridView(grid, []);
  const cache = options.cache instanceof ReaderCache ? options.cache : new ReaderCache();
  const reading = findHeader(view, cache.matchHeader, false);
  return reading === null ? null : reading.header.rows[reading.header.rows.length - 1];
}
