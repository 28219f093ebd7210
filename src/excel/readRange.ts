/**
 * Reading a range of a sheet through Office.js, for the pane's host (officeHost.ts `readRange`): its values in
 * blocks under Office's response limit (`readValues`), dates as dates; a range far larger than what it holds in the
 * parts that hold values (`usedParts`); which of its rows and columns are hidden (`hiddenLines`).
 */
import type { Grid } from "../sheet/grid";

/** Office's error code for a response over its 5 MB limit. */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

async function loadBlock(context: Excel.RequestContext, block: Excel.Range): Promise<Grid["values"]> {
  block.load("values,numberFormat");
  await context.sync();
  // Office gives a date as its serial number: without its format a date typed into a number column would read
  // as a plausible figure (2024-09-01 → 45536 students); as a Date the reader reports it
  const formats = block.numberFormat;
  return (block.values as Grid["values"]).map((row, r) =>
    row.map((v, c) => (typeof v === "number" && isDateFormat(formats?.[r]?.[c]) ? excelSerialDate(v) : v)),
  );
}

/** True for a number format that shows a date or time (yyyy-mm-dd, m/d/yy, h:mm, yyyy"年"m"月"d"日" …). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  // quoted text, escaped characters and bracketed colours or locales are not part of the pattern
  const pattern = format.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[ymdhs]/i.test(pattern);
}

/** An Excel serial date (1900 system) as a JavaScript Date in UTC. */
function excelSerialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/**
 * A range's values, a block of rows per request. Blocks are sized from an estimate of 40 bytes a cell;
 * cells fuller than that make Office refuse the response, and the blocks are halved until it fits.
 */
export async function readValues(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  shape: { row: number; column: number; rows: number; columns: number },
  limit: number,
): Promise<Grid["values"]> {
  let rowsPerBlock = Math.max(1, Math.floor(limit / (Math.max(1, shape.columns) * 40)));
  const values: Grid["values"] = [];
  let r = 0;
  while (r < shape.rows) {
    const count = Math.min(rowsPerBlock, shape.rows - r);
    const block = ws.getRangeByIndexes(shape.row + r, shape.column, count, shape.columns);
    try {
      for (const row of await loadBlock(context, block)) values.push(row);
      r += count;
    } catch (error) {
      if ((error as { code?: string }).code !== RESPONSE_TOO_LARGE || count === 1) throw error;
      rowsPerBlock = Math.ceil(count / 2);
    }
  }
  return values;
}

/**
 * A range of more cells than this is read by the parts of it that hold anything: a stray value at XFD1048576 makes
 * the used range the whole sheet, 17 billion cells around a table of a few thousand, more than any memory holds.
 * A table as dense as a province's 300,000 sections (8 million cells) is read in a few parts, as it would be whole.
 */
const WHOLE_UP_TO_CELLS = 1 << 22;

export type Shape = { row: number; column: number; rows: number; columns: number };

/**
 * The parts of `shape` that hold values, each of at most WHOLE_UP_TO_CELLS cells: a larger one is cut in two
 * across its longer side and each half narrowed to its own used range, one request for both, until each fits.
 */
export async function usedParts(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  shape: Shape,
): Promise<Shape[]> {
  if (shape.rows * shape.columns <= WHOLE_UP_TO_CELLS) return [shape];
  const halves: Shape[] =
    shape.rows >= shape.columns
      ? [
          { ...shape, rows: Math.ceil(shape.rows / 2) },
          { ...shape, row: shape.row + Math.ceil(shape.rows / 2), rows: Math.floor(shape.rows / 2) },
        ]
      : [
          { ...shape, columns: Math.ceil(shape.columns / 2) },
          {
            ...shape,
            column: shape.column + Math.ceil(shape.columns / 2),
            columns: Math.floor(shape.columns / 2),
          },
        ];
  const used = halves.map((h) => {
    const range = ws.getRangeByIndexes(h.row, h.column, h.rows, h.columns).getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  // two halves a request: a stray cell far from the table costs a request or two, not a read of the sheet
  try {
    await context.sync();
  } catch {
    // Range.getUsedRangeOrNullObject is ExcelApi 1.4, which every Excel running the pane has (it requires 1.9); a
    // request failing here all the same leaves the range to be read whole
    return [shape];
  }
  const parts: Shape[] = [];
  for (const range of used) {
    if (range.isNullObject) continue;
    const part = {
      row: range.rowIndex,
      column: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
    for (const inner of await usedParts(context, ws, part)) parts.push(inner);
  }
  return parts;
}

/** Rows looked up per request when only some of a range's rows are hidden (a few bytes each way per row). */
const LINES_PER_REQUEST = 10_000;

const indices = (count: number) => Array.from({ length: count }, (_, i) => i);

/**
 * The 0-based indices, into the range, of its hidden rows and columns, `range.rowHidden` and `columnHidden` being
 * loaded. Office says of a whole range only whether all, none or some (null) of its lines are hidden; where some
 * are, each line is asked: the columns and the first rows in one request, further rows LINES_PER_REQUEST a request.
 */
export async function hiddenLines(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  range: Excel.Range,
  shape: { row: number; column: number; rows: number; columns: number },
): Promise<{ rows: number[]; columns: number[] }> {
  const hidden = {
    rows: range.rowHidden === true ? indices(shape.rows) : [],
    columns: range.columnHidden === true ? indices(shape.columns) : [],
  };
  // each line by its indices, as readValues reads its blocks (not through the range, which Office would resolve
  // again for every line)
  const row = (i: number) => ws.getRangeByIndexes(shape.row + i, shape.column, 1, shape.columns);
  const column = (i: number) => ws.getRangeByIndexes(shape.row, shape.column + i, shape.rows, 1);
  let columns =
    range.columnHidden === null ? indices(shape.columns).map((i) => column(i).load("columnHidden")) : [];
  const rowsToAsk = range.rowHidden === null ? shape.rows : 0;
  for (let from = 0; from < rowsToAsk || columns.length > 0;) {
    const count = Math.min(LINES_PER_REQUEST, rowsToAsk - from);
    const rows = indices(count).map((i) => row(from + i).load("rowHidden"));
    // one request per LINES_PER_REQUEST rows, as readValues reads the values in blocks: a county's table is one
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    rows.forEach((r, i) => r.rowHidden && hidden.rows.push(from + i));
    columns.forEach((c, i) => c.columnHidden && hidden.columns.push(i));
    columns = [];
    from += count;
  }
  return hidden;
}

/** The part of `shape` inside the loaded range `within`; its top-left cell when they do not meet. */
export function clipped(shape: Shape, within: Excel.Range): Shape {
  const row = Math.max(shape.row, within.rowIndex);
  const column = Math.max(shape.column, within.columnIndex);
  const rows = Math.min(shape.row + shape.rows, within.rowIndex + within.rowCount) - row;
  const columns = Math.min(shape.column + shape.columns, within.columnIndex + within.columnCount) - column;
  return rows > 0 && columns > 0
    ? { row, column, rows, columns }
    : { row: shape.row, column: shape.column, rows: 1, columns: 1 };
}
