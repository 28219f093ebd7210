/**
 * One worksheet part, streamed into a Grid holding only the cells that exist: rows as the file gives them
 * (a row without cells is absent from `values`, a row ends at its last cell), so a stray cell at XFD1048576 or a
 * `<dimension>` that lies costs one short row, never the rectangle. Values as Excel shows them: shared and
 * inline strings, booleans, errors, dates (t="d", or a number in a date format), a formula's cached result, and
 * `{ formula }` for a formula never calculated.
 */
import { cellAddress, columnIndex, type CellValue, type Grid, type MergedRange } from "../../sheet/grid";
import { isoDate, serialToDate } from "./numberFormats";
import { unescapeText } from "./parts";
import { GivenTwice, offRowNote } from "./cellNotes";
import { damaged } from "./problems";
import { moveFormula } from "./sharedFormula";
import { parsePart, wordAt, type Attributes, type XmlHandler } from "./xml";
import type { Zip, ZipEntry } from "./zip";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** by cell style index: whether the style's number format is a date or a time */
  dateStyles: readonly boolean[];
  date1904: boolean;
  /**
   * whether the workbook asks to be calculated when opened (parts.ts): a formula's cached 0 is then no result
   * (XlsxWriter stores 0 for every formula it cannot calculate), and the formula is read as never calculated —
   * unless another formula of the sheet has a result of its own (a workbook calculated before it was so marked)
   */
  fullCalcOnLoad?: boolean;
}

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;
/** Blank cells between two cells of a row are filled with null up to this many; a longer gap stays a hole. */
const LONGEST_FILLED_GAP = 1024;
/** A number as OOXML writes one; anything else in a numeric cell (1,500) is kept as its text, never cut to 1. */
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const REFERENCE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

const isTrue = (value: string | undefined) => value === "1" || value === "true";

const TEXT_NONE = 0;
const TEXT_VALUE = 1;
const TEXT_FORMULA = 2;
const TEXT_INLINE = 3;

interface SharedFormula {
  text: string;
  row: number;
  col: number;
}

/** "A1:C3" → 0-based inclusive range; null when not a range. */
function rangeOf(ref: string): MergedRange | null {
  const [from, to = from] = ref.split(":");
  const a = REFERENCE.exec(from.trim());
  const b = REFERENCE.exec(to.trim());
  if (!a || !b) return null;
  const top = Number(a[2]) - 1;
  const left = columnIndex(a[1]);
  const bottom = Number(b[2]) - 1;
  const right = columnIndex(b[1]);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** what cellReference is never: a cell without a reference */
const NO_REFERENCE = -2;

/**
 * A cell's reference (A1, $B$12, ab3), text[from, to), as row × 16,384 + column, both 0-based, or -1 when it is
 * no cell of a sheet. Read in place a character at a time: a sheet has a reference on every cell, and a regular
 * expression with its match and substrings for each was most of a cell's cost.
 */
export function cellReference(text: string, from = 0, to = text.length): number {
  let i = text.charCodeAt(from) === 36 /* $ */ ? from + 1 : from;
  let col = 0;
  const lettersFrom = i;
  for (; i < to && i - lettersFrom < 4; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return -1;
  if (i < to && text.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < to && isDigit(text.charCodeAt(i)); i++) row = row * 10 + (text.charCodeAt(i) - 48);
  if (i !== to || i === digitsFrom || row < 1 || row > LAST_ROW || col > LAST_COLUMN) return -1;
  return (row - 1) * LAST_COLUMN + (col - 1);
}

/** A style index, text[from, to): read in place when it is plain digits, as Number() reads it otherwise. */
function styleIndex(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return Number(text.slice(from, to));
    n = n * 10 + (c - 48);
  }
  return to > from ? n : 0;
}

/**
 * Whether a numeric cell's text is plain decimal digits with at most one point (what nearly every cell holds):
 * a number Number() reads exactly as NUMBER would admit it. Anything else is left to NUMBER.
 */
function plainDecimal(text: string): boolean {
  let point = false;
  const end = text.length;
  let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i === end) return false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c !== 46 /* . */ || point) return false;
    point = true;
  }
  return end > (point ? 1 : 0) + (text.charCodeAt(0) === 45 ? 1 : 0);
}

/** Sets a cell of a row; a short run of blanks before it is filled with null, a long one left as a hole. */
export function put(line: CellValue[], col: number, value: CellValue): CellValue[] {
  if (col > line.length && col - line.length <= LONGEST_FILLED_GAP) {
    while (line.length < col) line.push(null);
  }
  line[col] = value;
  return line;
}

class SheetReader implements XmlHandler {
  readonly values: CellValue[][] = [];
  private readonly hiddenRows: number[] = [];
  private readonly hiddenColumnRanges: [number, number][] = [];
  readonly merges: MergedRange[] = [];
  private readonly shared = new Map<string, SharedFormula>();
  /** formulas whose cached result is 0, in a workbook to be calculated on opening (`SheetContext.fullCalcOnLoad`) */
  private readonly zeroFormulas: { row: number; col: number; formula: string }[] = [];
  /** whether a formula of the sheet has a cached result other than 0: the sheet was calculated */
  private calculated = false;

  private row = -1;
  private nextRow = 0;
  /** the cells of the <row> being read, copied to an array of its exact length when the row ends */
  private line: CellValue[] = [];
  private inRow = false;
  private nextCol = 0;
  // the cell being read
  private col = 0;
  private type = "n";
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  /** whether the cell has an <f>, and its shared group's kind and number when it is shared */
  private hasFormula = false;
  private formulaKind: string | undefined;
  private formulaGroup: string | undefined;
  private inline: string | null = null;
  private phonetic = 0;
  private collecting = TEXT_NONE;
  /** the text of the element being collected */
  private collected = "";
  /** the last cell begun, as row × 16,384 + column (0-based), or -1 before the first */
  private lastCell = -1;
  /** cells the part gives twice with different values (damage: Excel repairs such a file) */
  private readonly givenTwice: GivenTwice;
  /** cells whose reference names another row than the <row> they are written in, and the first of them */
  private offRow = 0;
  private firstOffRow: { written: number; row: number; col: number } | null = null;

  constructor(
    private readonly sheet: string,
    private readonly context: SheetContext,
  ) {
    this.givenTwice = new GivenTwice(sheet);
  }

  /** The sheet, and the last cell begun in it: where a damaged part stopped being readable. */
  where(): { zh: string; en: string; cell: string | null } {
    const sheet = { zh: `工作表“${this.sheet}”`, en: `sheet "${this.sheet}"` };
    if (this.lastCell < 0) return { ...sheet, cell: null };
    const col = this.lastCell % LAST_COLUMN;
    const cell = cellAddress({ sheet: this.sheet, topLeft: "A1" }, (this.lastCell - col) / LAST_COLUMN, col);
    const local = cell.slice(cell.lastIndexOf("!") + 1);
    return { zh: `${sheet.zh}的 ${local} 附近`, en: `${sheet.en} near ${local}`, cell };
  }

  private damage(zh: string, en: string) {
    return damaged({ zh: `工作表“${this.sheet}”${zh}`, en: `sheet "${this.sheet}": ${en}` });
  }

  open(name: string, attributes: Attributes): void {
    switch (name) {
      case "c":
        this.openCell(attributes);
        return;
      case "v":
        this.collect(TEXT_VALUE);
        return;
      case "f":
        this.hasFormula = true;
        this.formulaKind = attributes.get("t");
        this.formulaGroup = attributes.get("si");
        this.collect(TEXT_FORMULA);
        return;
      case "row":
        this.openRow(attributes);
        return;
      case "is":
        this.inline = "";
        return;
      case "t":
        if (this.inline !== null && this.phonetic === 0) this.collect(TEXT_INLINE);
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "col":
        // a column dragged to no width is out of sight as a hidden one is
        if (isTrue(attributes.get("hidden")) || Number(attributes.get("width") ?? 1) === 0) {
          const min = Number(attributes.get("min"));
          const max = Number(attributes.get("max") ?? attributes.get("min"));
          if (min >= 1 && max >= min) this.hiddenColumnRanges.push([min - 1, Math.min(max, LAST_COLUMN) - 1]);
        }
        return;
      case "mergeCell": {
        const range = rangeOf(attributes.get("ref") ?? "");
        if (range && (range.bottom > range.top || range.right > range.left)) this.merges.push(range);
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case "c":
        this.closeCell();
        return;
      case "v":
        this.value = this.collected;
        this.collecting = TEXT_NONE;
        return;
      case "f":
        this.formula = this.collected;
        this.collecting = TEXT_NONE;
        return;
      case "t":
        if (this.collecting === TEXT_INLINE) {
          this.inline += this.collected;
          this.collecting = TEXT_NONE;
        }
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "row":
        this.closeRow();
        return;
    }
  }

  text(text: string): void {
    if (this.collecting !== TEXT_NONE) this.collected += text;
  }

  private collect(kind: number): void {
    this.collecting = kind;
    this.collected = "";
  }

  private openRow(attributes: Attributes): void {
    const r = attributes.get("r");
    const row = r === undefined ? this.nextRow : Number(r) - 1;
    if (r === undefined && row >= LAST_ROW) {
      // rows without numbers, counted past the last row a sheet has
      throw this.damage("的行数超过 1048576", "more than 1,048,576 rows");
    }
    if (!Number.isInteger(row) || row < 0 || row >= LAST_ROW) {
      throw this.damage(`的行号“${r}”无效`, `row number "${r}" is not valid`);
    }
    this.row = row;
    this.nextCol = 0;
    this.inRow = true;
    if (isTrue(attributes.get("hidden"))) this.hiddenRows.push(row);
  }

  private openCell(attributes: Attributes): void {
    const cell = attributes.read("r", cellReference, NO_REFERENCE);
    this.startCell(cell, cell === -1 ? attributes.get("r") : undefined);
    this.type = attributes.read("t", wordAt, "n");
    this.style = attributes.read("s", styleIndex, 0);
  }

  /**
   * A cell of the plain form (xml.ts PLAIN_CELL), by its parts: what opening it, its `<v>` and its text, and
   * closing it do, without its elements' round trip through open and close. A plain decimal is a shared string's
   * index or a number as it is; any other value is read as any cell's is (`cachedValue`).
   */
  plainCell(
    letters: string,
    digits: string,
    style: string | undefined,
    type: string | undefined,
    number: string | undefined,
    text: string | undefined,
  ): boolean {
    // inside another cell's <v> (a broken sheet), the cell's own <v> would end the collecting: told as elements
    if (this.collecting !== TEXT_NONE) return false;
    let col = 0;
    for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
    const row = Number(digits);
    // as cellReference reads a reference (the letters and at most 7 digits are the expression's)
    const cell = row < 1 || row > LAST_ROW || col > LAST_COLUMN ? -1 : (row - 1) * LAST_COLUMN + (col - 1);
    this.startCell(cell, cell < 0 ? letters + digits : undefined);
    this.type = type === undefined ? "n" : type === "s" ? "s" : type;
    this.style = style === undefined ? 0 : Number(style);
    this.nextCol = this.col + 1;
    let value: CellValue;
    if (number !== undefined) {
      const n = Number(number);
      if (this.type === "s") value = this.context.sharedStrings[n] ?? this.cachedValue(number);
      else if (this.type === "n" && !this.context.dateStyles[this.style]) value = n;
      else value = this.cachedValue(number);
    } else if (text !== undefined && text !== "") {
      value = this.cachedValue(text);
    } else {
      return true;
    }
    if (value !== null && value !== "") this.store(value);
    return true;
  }

  /** Places the cell being opened (its reference read as cellReference reads one) and forgets the last one's. */
  private startCell(cell: number, reference: string | undefined): void {
    if (cell === NO_REFERENCE) {
      this.col = this.nextCol;
      if (this.row < 0) this.row = this.nextRow;
    } else {
      if (cell < 0) {
        throw this.damage(`的单元格地址“${reference}”无效`, `cell reference "${reference}" is not valid`);
      }
      this.col = cell % LAST_COLUMN;
      const row = (cell - this.col) / LAST_COLUMN;
      // a cell outside any <row> is placed by its own reference; one inside a <row> whose reference names another
      // row is placed in the row it is written in, and told
      if (!this.inRow) this.row = row;
      else if (row !== this.row) {
        this.offRow++;
        this.firstOffRow ??= { written: row, row: this.row, col: this.col };
      }
    }
    if (this.col >= LAST_COLUMN) throw this.damage("的列数超过 16384", "more than 16,384 columns");
    this.lastCell = this.row * LAST_COLUMN + this.col;
    this.value = null;
    this.formula = null;
    this.hasFormula = false;
    this.inline = null;
    this.phonetic = 0;
  }

  private closeCell(): void {
    this.nextCol = this.col + 1;
    let value: CellValue = null;
    if (this.inline !== null && (this.type === "inlineStr" || this.value === null)) {
      value = unescapeText(this.inline);
    } else if (this.value !== null) {
      value = this.cachedValue(this.value);
    }
    const uncalculated = value === null && this.uncached();
    // a cached 0 in a workbook to be calculated on opening may be a writer's stand-in for the result it never had
    const zero = value === 0 && this.hasFormula && this.context.fullCalcOnLoad === true;
    // the formula's place in its shared group is needed even when its result is cached
    const formula = this.hasFormula ? this.formulaText(uncalculated || zero) : null;
    if (uncalculated && formula !== null) value = { formula };
    else if (zero && formula !== null) this.zeroFormulas.push({ row: this.row, col: this.col, formula });
    else if (this.hasFormula && value !== null) this.calculated = true;
    if (value === null || value === "") return;
    this.store(value);
  }

  /** The value of a `<v>` by the cell's type. */
  private cachedValue(text: string): CellValue {
    switch (this.type) {
      case "s": {
        if (text.trim() === "") return null;
        const index = Number(text);
        const shared = this.context.sharedStrings[index];
        if (shared === undefined || !Number.isInteger(index)) {
          const cell = cellAddress({ sheet: this.sheet, topLeft: "A1" }, this.row, this.col);
          throw damaged(
            {
              zh: `${cell} 指向不存在的共享文本 ${text}`,
              en: `${cell} points to shared string ${text}, which does not exist`,
            },
            cell,
          );
        }
        return shared;
      }
      case "str":
      case "inlineStr":
        return unescapeText(text);
      case "b":
        return text === "1" || text === "true" ? true : text === "0" || text === "false" ? false : text;
      case "e":
        return { error: text.trim() };
      case "d":
        return isoDate(text) ?? text;
      default: {
        if (text === "") return null;
        if (!plainDecimal(text) && !NUMBER.test(text)) return text.trim();
        const number = Number(text);
        // 1e400 is no double: kept as written, never read as Infinity
        if (!Number.isFinite(number)) return text.trim();
        if (this.context.dateStyles[this.style]) return serialToDate(number, this.context.date1904) ?? number;
        return number;
      }
    }
  }

  /**
   * Whether the cell has no cached value: no `<v>`, or an empty one where the type says a value belongs (some
   * writers, openpyxl among them, write `<v></v>` beside a formula they never calculated). An empty `<v>` of a
   * text result (t="str") is the empty text a formula such as IF(A2="","",…) gives.
   */
  private uncached(): boolean {
    if (this.value === null) return true;
    return this.value.trim() === "" && this.type !== "str" && this.type !== "s" && this.type !== "inlineStr";
  }

  /**
   * The formula of the cell: its own text, or — for a cell not calculated, whose formula is shown — its shared
   * group's text moved to this cell.
   */
  private formulaText(uncalculated: boolean): string | null {
    const own = this.formula ?? "";
    const group = this.formulaGroup;
    if (this.formulaKind !== "shared" || group === undefined) return own;
    if (own !== "") {
      this.shared.set(group, { text: own, row: this.row, col: this.col });
      return own;
    }
    const master = this.shared.get(group);
    if (!master) return "";
    return uncalculated ? moveFormula(master.text, this.row - master.row, this.col - master.col) : "";
  }

  private store(value: CellValue): void {
    if (this.inRow) {
      if (this.col < this.line.length)
        this.givenTwice.replacing(this.line[this.col], value, this.row, this.col);
      put(this.line, this.col, value);
      return;
    }
    // a cell outside any <row>
    const line = this.values[this.row];
    if (line === undefined) this.values[this.row] = put([], this.col, value);
    else {
      if (this.col < line.length) this.givenTwice.replacing(line[this.col], value, this.row, this.col);
      put(line, this.col, value);
    }
  }

  private closeRow(): void {
    const line = this.line;
    if (line.length > 0) {
      const existing = this.values[this.row];
      if (existing === undefined) {
        // a row held at its exact length: a million one-cell rows cost a million small arrays, no more
        this.values[this.row] = line.slice();
      } else {
        // the same row given twice: the later cells join the earlier ones
        line.forEach((value, col) => {
          if (value === null) return;
          if (col < existing.length) this.givenTwice.replacing(existing[col], value, this.row, col);
          put(existing, col, value);
        });
      }
      this.line = [];
    }
    this.nextRow = this.row + 1;
    this.row = -1;
    this.inRow = false;
  }

  /** The grid, once the part has been read: merged cells cleared but their first, hidden rows and columns. */
  grid(sheet: string): Grid {
    // every formula 0 in a sheet to be calculated on opening: never calculated (XlsxWriter, POI), not 0
    if (!this.calculated)
      for (const { row, col, formula } of this.zeroFormulas) put(this.values[row], col, { formula });
    const grid = finishGrid(sheet, this.values, this.hiddenRows, this.hiddenColumnRanges, this.merges);
    const twice = this.givenTwice.note();
    if (twice) grid.notes = [...(grid.notes ?? []), twice];
    if (this.firstOffRow)
      grid.notes = [...(grid.notes ?? []), offRowNote(this.sheet, this.firstOffRow, this.offRow)];
    return grid;
  }
}

/**
 * A sheet's grid from the cells read (rows as `put` builds them), by any reader of a sheet: merged cells cleared
 * but their first, trailing empty rows dropped, hidden rows and columns (ranges, 0-based inclusive) kept only
 * where they fall within the cells.
 */
export function finishGrid(
  sheet: string,
  values: CellValue[][],
  hiddenRowList: readonly number[],
  hiddenColumnRanges: readonly [number, number][],
  mergeList: readonly MergedRange[],
): Grid {
  clearMergedCells(sheet, values, mergeList);
  let height = values.length;
  while (height > 0 && !(values[height - 1]?.length > 0)) height--;
  values.length = height;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const line = values[r];
    if (line !== undefined && line.length > width) width = line.length;
  }
  const grid: Grid = { sheet, topLeft: "A1", values };
  const hiddenRows = [...new Set(hiddenRowList.filter((r) => r < height))].sort((a, b) => a - b);
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const hiddenColumns = new Set<number>();
  for (const [from, to] of hiddenColumnRanges) {
    for (let c = from; c <= to && c < width; c++) hiddenColumns.add(c);
  }
  if (hiddenColumns.size > 0) grid.hiddenColumns = [...hiddenColumns].sort((a, b) => a - b);
  const merges = mergeList.filter((m) => m.top < height && m.left < width);
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

/**
 * Steps clearing merged ranges may take past the rows' lengths (a step a cell, or a row a range passes beside
 * its cells) before ranges are said to overlap: more than any sheet of ranges that do not overlap takes.
 */
const MERGE_STEPS_FLOOR = 1_000_000;

/**
 * A merged range shows its first cell's value only: values a file keeps in the other cells are cleared, as
 * Excel shows them. Only rows that exist are visited, so a merge down a whole column costs nothing. Merged ranges
 * do not overlap (Excel repairs a file where they do), so the cells visited are about the rows' lengths: a file of
 * thousands of ranges over the same cells, which would cost ranges × cells, is damage, said so once the steps
 * counted run past MERGE_STEPS_FLOOR more than that.
 */
function clearMergedCells(sheet: string, values: CellValue[][], merges: readonly MergedRange[]): void {
  if (merges.length === 0) return;
  const rows: number[] = [];
  let steps = MERGE_STEPS_FLOOR;
  values.forEach((line, r) => {
    rows.push(r);
    steps += line.length;
  });
  for (const m of merges) {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < m.top) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < rows.length && rows[k] <= m.bottom; k++) {
      const r = rows[k];
      const line = values[r];
      const last = Math.min(m.right, line.length - 1);
      steps -= Math.max(1, last - m.left + 1);
      if (steps < 0)
        throw damaged({
          zh: `工作表“${sheet}”的合并单元格大量相互重叠`,
          en: `the merged cells of sheet "${sheet}" overlap one another many times over`,
        });
      for (let c = m.left; c <= last; c++) {
        if ((r !== m.top || c !== m.left) && line[c] !== undefined) line[c] = null;
      }
      while (line.length > 0 && (line[line.length - 1] === null || line[line.length - 1] === undefined))
        line.pop();
    }
  }
}

/** Reads one worksheet part into a grid. */
export async function readWorksheet(
  zip: Zip,
  entry: ZipEntry,
  sheet: string,
  context: SheetContext,
): Promise<Grid> {
  const reader = new SheetReader(sheet, context);
  await parsePart(zip, entry, reader);
  return reader.grid(sheet);
}
