/**
 * The grid made total: any value a host hands over (a grid, a broken one, none) seen as a sheet of rows that may
 * be ragged or missing, with addresses in the sheet's own terms. Nothing here is proportional to the rectangle a
 * grid spans: rows and cells are visited where they exist, so a stray cell at XFD1048576 costs one row.
 */
import { readCell, readText } from "../cells";
import { columnLetters, parseAddress, sheetRef, type CellValue, type Grid, type MergedRange } from "../grid";
import type { Problem } from "../../problems/problem";
import { problem } from "./problems";

const NO_INDICES: ReadonlySet<number> = new Set();
const NO_ROW: readonly unknown[] = [];
/** Above this many slots, a row or the list of rows is walked by the indices it holds rather than one by one. */
const SPARSE_FROM = 4096;

/** Text of any value a host passes, without calling an object's own toString (which may be anything). */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" || typeof value === "function"
    ? Object.prototype.toString.call(value)
    : String(value);
}

/** The same as readCell(value).kind === "blank", without building a reading for the common kinds of cell. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case "number":
    case "boolean":
      return false;
    case "string":
      return value.trim() === "";
    default:
      return readCell(value).kind === "blank";
  }
}

/**
 * Whether any cell of a sheet holds something: a sheet left blank (the Sheet1 before the data) holds no table.
 * Holes of a sparse sheet are skipped; a grid that is not one (hostile input) holds nothing.
 */
export function holdsAnything(grid: Grid | null | undefined): boolean {
  const values: unknown = grid?.values;
  return (
    Array.isArray(values) && values.some((row) => Array.isArray(row) && row.some((value) => !isBlank(value)))
  );
}

/** The indices an array holds, in order: for a long sparse array, only those present. */
function presentIndices(array: readonly unknown[], from: number): number[] {
  const out: number[] = [];
  for (const key of Object.keys(array)) {
    const i = Number(key);
    if (Number.isInteger(i) && i >= from) out.push(i);
  }
  return out;
}

function indexSet(value: unknown): ReadonlySet<number> {
  return Array.isArray(value) ? new Set(value.filter((r) => Number.isInteger(r) && r >= 0)) : NO_INDICES;
}

function validMerges(value: unknown): MergedRange[] | null {
  if (!Array.isArray(value)) return null;
  const whole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;
  return value.filter(
    (m): m is MergedRange =>
      typeof m === "object" &&
      m !== null &&
      whole(m.top) &&
      whole(m.left) &&
      whole(m.bottom) &&
      whole(m.right) &&
      m.top <= m.bottom &&
      m.left <= m.right,
  );
}

export class GridView {
  readonly sheet: string;
  /** the A1 address of the grid's first cell in the sheet */
  readonly topLeft: string;
  /** the sheet's part of an address with its "!" (学校!, 'A1'!) */
  readonly prefix: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenColumns: ReadonlySet<number>;
  /** merged ranges as the host gives them; null when the host gives none (then a label spreads over blanks) */
  readonly merges: readonly MergedRange[] | null;
  private readonly rows: readonly unknown[];
  /** the indices of the rows present, for a long list of rows (made when first needed) */
  private rowIndex: number[] | null = null;
  /** the merges covering each row asked about */
  private mergesOfRow: Map<number, readonly MergedRange[]> | null = null;

  constructor(grid: Grid, problems: Problem[]) {
    const g: Partial<Grid> = grid && typeof grid === "object" ? grid : {};
    this.rows = Array.isArray(g.values) ? g.values : [];
    this.sheet = typeof g.sheet === "string" ? g.sheet : plainText(g.sheet);
    let topLeft = "A1";
    let originRow = 0;
    let originCol = 0;
    if (g.topLeft !== "A1" && typeof g.topLeft === "string") {
      if (/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/u.test(g.topLeft.trim())) {
        const { row, col } = parseAddress(g.topLeft);
        if (row >= 0 && col >= 0) {
          topLeft = `${columnLetters(col)}${row + 1}`;
          originRow = row;
          originCol = col;
        }
      }
    }
    if (g.topLeft !== undefined && topLeft === "A1" && !/^\$?A\$?1$/iu.test(plainText(g.topLeft).trim())) {
      problems.push(
        problem(
          "warning",
          "bad-top-left",
          null,
          `无法识别区域左上角地址“${plainText(g.topLeft)}”，按 A1 标注单元格。`,
          `The range's top-left address "${plainText(g.topLeft)}" is not an A1 address; cells are named from A1.`,
        ),
      );
    }
    this.topLeft = topLeft;
    this.originRow = originRow;
    this.originCol = originCol;
    this.prefix = `${sheetRef(this.sheet)}!`;
    this.hiddenRows = indexSet(g.hiddenRows);
    this.hiddenColumns = indexSet(g.hiddenColumns);
    this.merges = validMerges(g.merges);
  }

  get height(): number {
    return this.rows.length;
  }

  row(r: number): readonly unknown[] {
    const row = this.rows[r];
    return Array.isArray(row) ? row : NO_ROW;
  }

  value(r: number, c: number): CellValue {
    return this.row(r)[c] as CellValue;
  }

  /** Text of a cell where text belongs: "" when it holds none. */
  text(r: number, c: number): string {
    const t = readText(this.value(r, c));
    return t.kind === "text" ? t.text : "";
  }

  /** The same as cellAddress(grid, r, c). */
  address(r: number, c: number): string {
    return this.prefix + columnLetters(this.originCol + c) + (this.originRow + r + 1);
  }

  /** The part of an address before the row number: 学校!C. */
  columnPrefix(c: number): string {
    return this.prefix + columnLetters(this.originCol + c);
  }

  /** 1-based row number in the sheet */
  sheetRow(r: number): number {
    return this.originRow + r + 1;
  }

  /** Calls fn for each cell of row r that is not blank, left to right, visiting only the cells present. */
  forEachFilled(r: number, fn: (c: number, value: unknown) => boolean | void): void {
    const row = this.row(r);
    if (row.length <= SPARSE_FROM) {
      for (let c = 0; c < row.length; c++) if (!isBlank(row[c]) && fn(c, row[c]) === false) return;
      return;
    }
    for (const c of presentIndices(row, 0)) if (!isBlank(row[c]) && fn(c, row[c]) === false) return;
  }

  /** The first column of row r holding something, or −1. */
  firstFilled(r: number): number {
    let first = -1;
    this.forEachFilled(r, (c) => {
      first = c;
      return false;
    });
    return first;
  }

  isBlankRow(r: number): boolean {
    return this.firstFilled(r) < 0;
  }

  /** The first row at or after r that the grid holds (it may still be blank), or height when none. */
  nextPresentRow(r: number): number {
    if (this.rows.length <= SPARSE_FROM) {
      while (r < this.rows.length && this.row(r).length === 0) r++;
      return r;
    }
    this.rowIndex ??= presentIndices(this.rows, 0);
    const index = this.rowIndex;
    // the first present index ≥ r, by bisection
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < index.length; k++) if (this.row(index[k]).length > 0) return index[k];
    return this.rows.length;
  }

  /** The merged range covering cell (r, c), if the host gives one. */
  mergeAt(r: number, c: number): MergedRange | undefined {
    if (!this.merges) return undefined;
    this.mergesOfRow ??= new Map();
    let covering = this.mergesOfRow.get(r);
    if (!covering) {
      // the merges of a row are looked for once: only the header's few rows ask
      covering = this.merges.filter((m) => m.top <= r && r <= m.bottom);
      this.mergesOfRow.set(r, covering);
    }
    for (const m of covering) if (m.left <= c && c <= m.right) return m;
    return undefined;
  }
}
