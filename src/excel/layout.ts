/**
 * How a report sheet becomes few, large Office.js writes: cell blocks chunked under the request limit, and
 * styled cells grouped into rectangles per style so that the number of calls per style stays small.
 * Pure functions: the Office.js writer only queues what these return.
 */
import { printable } from "../engine/names";
import { columnLetters } from "../sheet/grid";
import { STYLE_LOOK } from "../report/look";
import type { CellStyle, ReportCell, ReportSheet } from "../report/model";

/** Office rejects requests over 5 MB; keep each well under it (the payload estimate is approximate). */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Payload bytes of one cell as Office serialises it in a 2-D array (JSON, UTF-8) plus a separator. */
export function cellBytes(v: string | number | boolean): number {
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  let n = 3;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

/**
 * Text as Office's `formulas` and `values` setters take it to keep it as it is: behind an apostrophe, which Excel
 * reads as "what follows is text" and does not keep. Without one Excel reads the text as if typed: a school named
 * =HYPERLINK(…), +cmd|… or @SUM(…) would become a formula, 001 a number, 1/2 a date, and a leading apostrophe of
 * the name itself would be lost.
 */
export function textInput(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/**
 * What Office's `formulas` setter takes for a report cell: the formula (the one string starting with "="), else the
 * value, text behind an apostrophe (`textInput`) with its controls shown (`printable`, as the .xlsx writer shows
 * them: a name's U+202E never turns it round), "" for blank.
 */
export function cellInput(cell: ReportCell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? textInput(printable(v)) : v;
}

export interface CellBlock {
  /** 0-based first row */
  row: number;
  rowCount: number;
  columnCount: number;
  formulas: (string | number | boolean)[][];
  /** null when no cell of the block has a number format */
  numberFormat: string[][] | null;
  bytes: number;
}

export function sheetWidth(sheet: ReportSheet): number {
  // a loop, not Math.max(...rows): a sheet of a county's 300,000 sections is more than one call takes
  let width = Math.max(1, sheet.columnWidths?.length ?? 0);
  for (const row of sheet.rows) if (row !== undefined && row.length > width) width = row.length;
  return width;
}

/**
 * The sheet's cells as row blocks, each small enough for one request (so the number of blocks, and of syncs,
 * grows with the data only past the request limit, never with a fixed count of schools).
 */
export function cellBlocks(sheet: ReportSheet, budget = REQUEST_BUDGET_BYTES): CellBlock[] {
  const width = sheetWidth(sheet);
  const blocks: CellBlock[] = [];
  let current: CellBlock | null = null;
  sheet.rows.forEach((cells, r) => {
    const formulas: (string | number | boolean)[] = new Array(width);
    const formats: string[] = new Array(width);
    let bytes = 4;
    let formatted = false;
    for (let c = 0; c < width; c++) {
      const input = cellInput(cells[c]);
      formulas[c] = input;
      bytes += cellBytes(input);
      const f = cells[c]?.format;
      formats[c] = f ?? "General";
      if (f) formatted = true;
      bytes += cellBytes(formats[c]);
    }
    if (!current || current.bytes + bytes > budget) {
      current = { row: r, rowCount: 0, columnCount: width, formulas: [], numberFormat: null, bytes: 64 };
      blocks.push(current);
    }
    if (formatted && !current.numberFormat) {
      current.numberFormat = current.formulas.map(() => new Array(width).fill("General"));
    }
    current.formulas.push(formulas);
    if (current.numberFormat) current.numberFormat.push(formats);
    current.rowCount++;
    current.bytes += bytes;
  });
  return blocks;
}

/** A1 rectangles covering every cell of each style: vertical runs per column, joined across equal columns. */
export function styleAreas(sheet: ReportSheet): Map<CellStyle, string[]> {
  return areasBy(sheet, (cell) => cell.style);
}

/** A1 rectangles of the cells aligned left, centred or right (by the cell, else by its style). */
export function alignmentAreas(sheet: ReportSheet): Map<"left" | "center" | "right", string[]> {
  return areasBy(sheet, (cell) => cell.align ?? (cell.style ? STYLE_LOOK[cell.style].align : undefined));
}

/** A1 rectangles of the cells whose text wraps by themselves (not by their style). */
export function wrapAreas(sheet: ReportSheet): string[] {
  return areasBy(sheet, (cell) => (cell.wrap ? true : undefined)).get(true) ?? [];
}

function areasBy<K>(sheet: ReportSheet, keyOf: (cell: ReportCell) => K | undefined): Map<K, string[]> {
  const byStyle = new Map<K, Map<number, number[]>>();
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const key = cell ? keyOf(cell) : undefined;
      if (key === undefined) return;
      let columns = byStyle.get(key);
      if (!columns) byStyle.set(key, (columns = new Map()));
      let rows = columns.get(c);
      if (!rows) columns.set(c, (rows = []));
      rows.push(r);
    }),
  );
  const out = new Map<K, string[]>();
  for (const [style, columns] of byStyle) {
    // runs of consecutive rows per column, then runs with the same rows in adjacent columns merged
    const runs = new Map<string, number[]>();
    for (const [c, rows] of columns) {
      let start = rows[0];
      let prev = rows[0];
      const flush = () => {
        const key = `${start}:${prev}`;
        const list = runs.get(key) ?? [];
        list.push(c);
        runs.set(key, list);
      };
      for (const r of rows.slice(1)) {
        if (r === prev + 1) prev = r;
        else {
          flush();
          start = prev = r;
        }
      }
      flush();
    }
    const areas: string[] = [];
    for (const [key, cols] of runs) {
      const [r0, r1] = key.split(":").map(Number);
      cols.sort((a, b) => a - b);
      let c0 = cols[0];
      let prev = cols[0];
      const push = () =>
        areas.push(
          r0 === r1 && c0 === prev
            ? `${columnLetters(c0)}${r0 + 1}`
            : `${columnLetters(c0)}${r0 + 1}:${columnLetters(prev)}${r1 + 1}`,
        );
      for (const c of cols.slice(1)) {
        if (c === prev + 1) prev = c;
        else {
          push();
          c0 = prev = c;
        }
      }
      push();
    }
    out.set(style, areas);
  }
  return out;
}

/** Splits a list of areas into comma-joined address strings of bounded length (one getRanges call each). */
export function areaGroups(areas: readonly string[], maxLength = 2000): string[] {
  const groups: string[] = [];
  let current = "";
  for (const a of areas) {
    if (current && current.length + a.length + 1 > maxLength) {
      groups.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) groups.push(current);
  return groups;
}
