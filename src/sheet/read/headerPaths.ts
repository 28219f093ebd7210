/**
 * The header read as paths (docs/school-table.md#headers): one to four rows of labels, group labels spread
 * over the columns they head (by the host's merged ranges, or over blank cells when the host gives none), each
 * column a path from the top level down — 专任教师›按学历分›本科 — with the cells its labels came from and the
 * unit its column is in. The header is the block of rows, within the first rows of the grid, whose paths name the
 * school column and the most others.
 */
import { readCell } from "../cells";
import type { MergedRange } from "../grid";
import type { GridView } from "./gridView";
import { isLegendRow, unitRowUnits } from "./rowKinds";
import { unitOfHeader, type UnitWord } from "./units";

/** docs/school-table.md#headers: the header's last row is within the first 10 rows. */
export const HEADER_SEARCH_ROWS = 10;
/**
 * A text longer than this is no label of a header: a column's header, even a flattened export's path
 * (专任教师›按学历分›本科) with its unit, is a few dozen characters. A longer text in the header rows (a note, or a
 * cell of 32,767 characters repeated across a sheet, as a damaged or hostile file may hold) names no column and
 * heads none, and is never scanned again for every block of rows the header is sought in.
 */
export const MAX_LABEL_LENGTH = 255;
/**
 * A header of more levels than this is read as its last four. Four: some exports put a 其中 row between a group and
 * its subgroups (专任教师›其中›按学历分›本科), and the top level is what tells the teachers' columns apart.
 */
const MAX_LEVELS = 4;
/** A header row names the school column and at least this many others. */
export const MIN_OTHER_HEADERS = 2;

/** The unit a column's figures are in, and where the table says so. */
export interface ColumnUnit {
  readonly unit: UnitWord;
  /** as written: "元", "（万元）", "单位：㎡" */
  readonly text: string;
  /** the cell saying it: in the unit row under the header, or the header's own */
  readonly cell: string;
  readonly source: "unitRow" | "header";
}

/** One column of the header. A field of the record is read from one of them (see columnPlan.ts). */
export interface HeaderColumn {
  /** 0-based index of the column in the grid's rows */
  readonly index: number;
  /** the labels over the column from the top level down, without blanks and without a merged label's repeats */
  readonly path: readonly string[];
  /** the address of the cell of each label of the path (the master cell of a merged range) */
  readonly cells: readonly string[];
  readonly unit: ColumnUnit | null;
  /** the column is hidden in the sheet (Grid.hiddenColumns) */
  readonly hidden: boolean;
}

/** The header of a table. Frozen: the reads of one header share it. */
export interface TableHeader {
  /** 0-based grid rows of the header's levels, top first; the last is the header row */
  readonly rows: readonly number[];
  /** 0-based grid row of the unit row under the header, or null */
  readonly unitRow: number | null;
  readonly columns: readonly HeaderColumn[];
}

/** A header column, frozen with its path: the reads of one header share it. */
export function headerColumn(column: HeaderColumn): HeaderColumn {
  Object.freeze(column.path);
  Object.freeze(column.cells);
  if (column.unit) Object.freeze(column.unit);
  return Object.freeze(column);
}

function tableHeader(
  rows: readonly number[],
  unitRow: number | null,
  columns: readonly HeaderColumn[],
): TableHeader {
  return Object.freeze({
    rows: Object.freeze(rows.slice()),
    unitRow,
    columns: Object.freeze(columns.slice()),
  });
}

/** A header column and the field its path names. */
export interface HeaderMatch {
  column: HeaderColumn;
  /** the column id (standard/columns) the path names, or null */
  id: string | null;
  /** the labels that name it as a person reads them ("小学 在校生数"); the whole path when none does */
  header: string;
  /** the cell of the last of those labels */
  cell: string;
}

export interface HeaderReading {
  readonly header: TableHeader;
  matches: HeaderMatch[];
  /** the column ids named, each once */
  ids: ReadonlySet<string>;
}

/** Header text → column id, as the caller's cache knows it (ReaderCache.matchHeader). */
export type MatchHeader = (text: string) => string | null;

/** A label in a header row: a cell that is not blank. */
interface Label {
  col: number;
  text: string;
  /** a number (a column number, a year): it names no column */
  numeric: boolean;
}

/** A label as it heads a column: its own, a merged cell's, or one spread from the left. */
interface Heading {
  text: string;
  cell: string;
  numeric: boolean;
  /** the merged range whose master cell holds it */
  merge: MergedRange | undefined;
}

function labelsOf(view: GridView, r: number): Label[] {
  const labels: Label[] = [];
  view.forEachFilled(r, (col, value) => {
    const reading = readCell(value);
    if (reading.kind === "text") {
      if (reading.text.length <= MAX_LABEL_LENGTH) labels.push({ col, text: reading.text, numeric: false });
    } else if (reading.kind === "number") labels.push({ col, text: String(reading.value), numeric: true });
  });
  return labels;
}

/** The rows of labels of the header region, each read once. */
class HeaderRegion {
  private readonly labels = new Map<number, Label[]>();
  private readonly unitRows = new Map<number, boolean>();
  constructor(private readonly view: GridView) {}

  labelsOf(r: number): Label[] {
    let labels = this.labels.get(r);
    if (!labels) {
      labels = labelsOf(this.view, r);
      this.labels.set(r, labels);
    }
    return labels;
  }

  /** a unit row is never a level of the header */
  isUnitRow(r: number): boolean {
    let unit = this.unitRows.get(r);
    if (unit === undefined) {
      unit = unitRowUnits(this.view, r) !== null;
      this.unitRows.set(r, unit);
    }
    return unit;
  }
}

/**
 * Reads rows top..bottom as a header. A group label spreads right over blank cells while the cells it spreads to
 * belong to the same group one level up; a label that names a column on its own is no group, and labels of the
 * last row do not spread (a merged range, where the host gives one, covers what it covers).
 */
function readBlock(view: GridView, region: HeaderRegion, rows: number[], match: MatchHeader): HeaderReading {
  const levels = rows.length;
  const own = rows.map((r) => new Map(region.labelsOf(r).map((l) => [l.col, l])));
  const cols = [...new Set(own.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const headings: (Heading | null)[][] = rows.map(() => new Array<Heading | null>(cols.length).fill(null));
  const spreads = (h: Heading) => h.merge === undefined && !h.numeric && match(h.text) === null;

  for (let i = 0; i < levels; i++) {
    const r = rows[i];
    let left = -1;
    for (let p = 0; p < cols.length; p++) {
      const c = cols[p];
      const label = own[i].get(c);
      let heading: Heading | null = null;
      if (label) {
        const merge = view.mergeAt(r, c);
        heading = {
          text: label.text,
          cell: view.address(r, c),
          numeric: label.numeric,
          merge: merge && merge.top === r && merge.left === c ? merge : undefined,
        };
      } else {
        const merge = view.mergeAt(r, c);
        if (merge) {
          const level = rows.indexOf(merge.top);
          const master = level >= 0 && level <= i ? own[level].get(merge.left) : undefined;
          if (master) {
            heading = {
              text: master.text,
              cell: view.address(merge.top, merge.left),
              numeric: master.numeric,
              merge,
            };
          }
        } else if (i < levels - 1 && left >= 0) {
          const from = headings[i][left];
          const sameGroup = i === 0 || headings[i - 1][p]?.cell === headings[i - 1][left]?.cell;
          if (from && sameGroup && spreads(from)) heading = from;
        }
      }
      headings[i][p] = heading;
      if (label) left = p;
    }
  }

  const matches: HeaderMatch[] = [];
  const ids = new Set<string>();
  for (let p = 0; p < cols.length; p++) {
    const path: Heading[] = [];
    for (let i = 0; i < levels; i++) {
      const h = headings[i][p];
      if (h && (path.length === 0 || path[path.length - 1].cell !== h.cell)) path.push(...levelsOf(h));
    }
    if (path.length === 0) continue;
    const index = cols[p];
    let unit: ColumnUnit | null = null;
    for (let k = path.length - 1; k >= 0 && unit === null; k--) {
      const u = unitOfHeader(path[k].text);
      if (u) unit = { unit: u, text: path[k].text, cell: path[k].cell, source: "header" };
    }
    const column = headerColumn({
      index,
      path: path.map((h) => h.text),
      cells: path.map((h) => h.cell),
      unit,
      hidden: view.hiddenColumns.has(index),
    });
    const named = namedBy(path, match);
    if (named) ids.add(named.id);
    const used = named ? path.slice(-named.used) : path;
    matches.push({
      column,
      id: named?.id ?? null,
      header: used.map((h) => h.text).join(" "),
      cell: path[path.length - 1].cell,
    });
  }
  return {
    header: tableHeader(
      rows,
      null,
      matches.map((m) => m.column),
    ),
    matches,
    ids,
  };
}

/** Between the levels of a path written in one cell: 在校生数›小学, 在校生数 > 小学. */
const PATH_SEPARATOR = /\s*[›>＞]\s*/u;
/** Brackets and comparisons, where > is no separator: 超大班额(>65人). */
const NOT_A_PATH = /[(（<＜=]/u;

/**
 * The levels of a heading: a flattened export writes a column's path in its one header cell (专任教师›按学历分›本科),
 * read as the levels it names, each labelled by that cell.
 */
function levelsOf(h: Heading): Heading[] {
  if (h.numeric || !PATH_SEPARATOR.test(h.text) || NOT_A_PATH.test(h.text)) return [h];
  const parts = h.text.split(PATH_SEPARATOR).filter((part) => part !== "");
  return parts.length < 2 ? [h] : parts.map((text) => ({ ...h, text }));
}

/**
 * The column a path names: its last label alone, then with the labels above it ("小学" over "在校生数"), a
 * two-label path also the other way round ("在校生数" over "小学", as the statistics export has it).
 */
function namedBy(path: Heading[], match: MatchHeader): { id: string; used: number } | null {
  for (let n = 1; n <= path.length; n++) {
    const suffix = path.slice(-n);
    if (suffix.some((h) => h.numeric)) return null;
    const id =
      match(suffix.map((h) => h.text).join("")) ?? (n === 2 ? match(suffix[1].text + suffix[0].text) : null);
    if (id) return { id, used: n };
  }
  return null;
}

/**
 * Whether row r heads the whole block alone, as a title does: its one label names no column, stands over the
 * first column and spreads (or is merged) over every other.
 */
function isTitleRow(
  view: GridView,
  region: HeaderRegion,
  r: number,
  below: number[],
  match: MatchHeader,
): boolean {
  const labels = region.labelsOf(r);
  if (labels.length !== 1 || match(labels[0].text) !== null) return false;
  const first = Math.min(...below.flatMap((b) => region.labelsOf(b).map((l) => l.col)));
  if (labels[0].col > first) return false;
  const merge = view.mergeAt(r, labels[0].col);
  const last = Math.max(...below.flatMap((b) => region.labelsOf(b).map((l) => l.col)));
  return view.merges === null || merge === undefined || merge.right >= last;
}

/**
 * The header: the block of one to four rows, ending within the first HEADER_SEARCH_ROWS rows (or at knownRow),
 * whose paths name the school column (unless the user mapped it) and the most others; ties go to the earlier row
 * and to fewer levels. Each row of the region is read once.
 */
export function findHeader(
  view: GridView,
  match: MatchHeader,
  nameMapped: boolean,
  knownRow?: number,
): HeaderReading | null {
  const known =
    knownRow !== undefined && Number.isInteger(knownRow) && knownRow >= 0 && knownRow < view.height;
  const lastBottom = known ? (knownRow as number) : Math.min(HEADER_SEARCH_ROWS, view.height) - 1;
  const region = new HeaderRegion(view);
  let best: HeaderReading | null = null;
  for (let bottom = known ? lastBottom : 0; bottom <= lastBottom; bottom++) {
    if (!known && region.isUnitRow(bottom)) continue;
    for (let levels = 1; levels <= MAX_LEVELS && bottom - levels + 1 >= 0; levels++) {
      const top = bottom - levels + 1;
      if (levels > 1) {
        if (region.isUnitRow(top) || region.labelsOf(top).length === 0) break;
        const below = Array.from({ length: levels - 1 }, (_, i) => top + 1 + i);
        if (isTitleRow(view, region, top, below, match)) break;
      }
      const rows = Array.from({ length: levels }, (_, i) => top + i);
      const reading = readBlock(view, region, rows, match);
      const hasName = reading.ids.has("name") || nameMapped;
      const others = reading.ids.size - (reading.ids.has("name") ? 1 : 0);
      if (!hasName || others < MIN_OTHER_HEADERS) continue;
      if (!best || reading.ids.size > best.ids.size) best = reading;
    }
  }
  return best && withMergedTail(view, best);
}

/**
 * The header with the rows under it that only its merged labels reach down into (a header whose every label is
 * merged down over a further row, as tall headers are drawn): blank of their own, every column of the header covered
 * by a label merged down from the header. They are the header's, not a blank row of the table above its schools.
 */
function withMergedTail(view: GridView, reading: HeaderReading): HeaderReading {
  const rows = [...reading.header.rows];
  const top = rows[0];
  const columns = reading.header.columns;
  if (view.merges === null || columns.length === 0) return reading;
  const covered = (r: number) =>
    columns.every((column) => {
      const merge = view.mergeAt(r, column.index);
      return merge !== undefined && merge.top >= top && merge.top < r;
    });
  let r = rows[rows.length - 1] + 1;
  while (r < view.height && rows.length < HEADER_SEARCH_ROWS && view.isBlankRow(r) && covered(r))
    rows.push(r++);
  if (rows.length === reading.header.rows.length) return reading;
  return { ...reading, header: tableHeader(rows, reading.header.unitRow, columns) };
}

/**
 * The header with the units of the unit row under it (docs/school-table.md#headers), if there is one: the first
 * row below the header that is not a legend of column numbers. A column's unit from the unit row stands before
 * the one in its header's brackets.
 */
export function withUnitRow(
  view: GridView,
  reading: HeaderReading,
  nameCol: number | undefined,
): HeaderReading {
  const bottom = reading.header.rows[reading.header.rows.length - 1];
  for (let r = bottom + 1; r <= bottom + 2 && r < view.height; r++) {
    const units = unitRowUnits(view, r);
    if (!units) {
      if (isLegendRow(view, r, nameCol)) continue;
      return reading;
    }
    const unitOf = (index: number, own: ColumnUnit | null): ColumnUnit | null => {
      const merge = view.mergeAt(r, index);
      const at = merge && merge.top === r ? merge.left : index;
      const u = units.get(at);
      return u ? { unit: u.unit, text: u.text, cell: view.address(r, at), source: "unitRow" } : own;
    };
    const matches = reading.matches.map((m) => ({
      ...m,
      column: headerColumn({ ...m.column, unit: unitOf(m.column.index, m.column.unit) }),
    }));
    return {
      header: tableHeader(
        reading.header.rows,
        r,
        matches.map((m) => m.column),
      ),
      matches,
      ids: reading.ids,
    };
  }
  return reading;
}
