/**
 * The records of an old binary workbook's stream (MS-XLS): BIFF8, what Excel 97–2003 and WPS write in the
 * `Workbook` stream of an .xls, and BIFF5 (Excel 5.0/95, the `Book` stream, its text in the file's code page,
 * GBK on a Chinese system). Read into the grids the .xlsx reader gives (worksheet.ts builds them): only the cells
 * that exist, values as Excel shows them — shared and inline strings, numbers (a number in a date format is a
 * Date, decided by numberFormats.ts as for .xlsx), booleans, errors, a formula's cached result — with the merged
 * ranges, hidden rows and columns and the sheets' visibility. Chart, macro and dialog sheets hold no cells and
 * are left out, as the .xlsx reader leaves them out.
 */
import { cellAddress, type CellValue, type Grid, type MergedRange } from "../../sheet/grid";
import { isBuiltInDateFormat, isDateFormatCode, serialToDate } from "./numberFormats";
import { OLD_BIFF, WorkbookFailure, XLS_ENCRYPTED, damaged } from "./problems";
import { GivenTwice } from "./cellNotes";
import { finishGrid, put } from "./worksheet";

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const FORMAT = 0x041e;
const XF = 0x00e0;
const WSBOOL = 0x0081;
const ROW = 0x0208;
const COLINFO = 0x007d;
const MERGEDCELLS = 0x00e5;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
/** the sheet's formulas are not calculated (Apache POI's forced recalculation on opening) */
const UNCALCED = 0x005e;

const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
/** the substream type of a worksheet (or a dialog sheet, told apart by WSBOOL) in its BOF */
const WORKSHEET_SUBSTREAM = 0x0010;
const LAST_COLUMN = 16384;

/** Excel's error values by their code in BOOLERR and FORMULA records. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** The code page's decoder for BIFF5's byte strings; windows-1252 (Excel's Western default) when unknown. */
function decoderFor(codepage: number): TextDecoder {
  const labels: Record<number, string> = {
    936: "gbk",
    950: "big5",
    932: "shift_jis",
    949: "euc-kr",
    1200: "utf-16le",
    65001: "utf-8",
    874: "windows-874",
    10000: "macintosh",
  };
  const label =
    labels[codepage] ?? (codepage >= 1250 && codepage <= 1258 ? `windows-${codepage}` : "windows-1252");
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("windows-1252");
  }
}

/** Latin-1: BIFF8's compressed strings are UTF-16 with the high bytes left out (never the code page). */
function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  return s;
}

let utf16Decoder: TextDecoder | null = null;
/** UTF-16LE text: made on first use (a test environment may lack TextDecoder until a workbook is read) */
function utf16(bytes: Uint8Array): string {
  utf16Decoder ??= new TextDecoder("utf-16le");
  return utf16Decoder.decode(bytes);
}

/** The SST's bytes: the record and its CONTINUE records, read across their boundaries. */
class Segments {
  private seg = 0;
  private pos = 0;

  constructor(private readonly parts: Uint8Array[]) {}

  /** Whether every byte has been read; moves past the records read to their end. */
  atEnd(): boolean {
    while (this.seg < this.parts.length && this.pos >= this.parts[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    return this.seg >= this.parts.length;
  }

  private current(): Uint8Array {
    if (this.atEnd()) throw new RangeError("past the end of the shared strings");
    return this.parts[this.seg];
  }

  byte(): number {
    return this.current()[this.pos++];
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const part = this.current();
      const take = Math.min(left, part.length - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  /**
   * `count` characters, 16-bit when `high`: where the characters run on into a CONTINUE record (or begin in one,
   * after a header at the end of the record before), that record begins with a byte of its own saying whether
   * the rest is 16-bit or 8-bit.
   */
  chars(count: number, high: boolean): string {
    let s = "";
    let left = count;
    let wide = high;
    while (left > 0) {
      if (this.seg >= this.parts.length) throw new RangeError("past the end of the shared strings");
      if (this.pos >= this.parts[this.seg].length) {
        this.seg++;
        this.pos = 0;
        if (this.seg >= this.parts.length) throw new RangeError("past the end of the shared strings");
        wide = (this.parts[this.seg][this.pos++] & 1) === 1;
        continue;
      }
      const part = this.parts[this.seg];
      const size = wide ? 2 : 1;
      const take = Math.min(left, Math.floor((part.length - this.pos) / size));
      if (take === 0) {
        // half a character at a record's end: no writer splits one; skip the stray byte
        this.pos = part.length;
        continue;
      }
      const bytes = part.subarray(this.pos, this.pos + take * size);
      s += wide ? utf16(bytes) : latin1(bytes);
      this.pos += take * size;
      left -= take;
    }
    return s;
  }
}

/** The value of an RK number: a 30-bit integer or a double's top 30 bits, either of them possibly × 100. */
export function rkNumber(rk: number): number {
  let n: number;
  if (rk & 2) {
    n = rk >> 2;
  } else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = view.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

interface SheetEntry {
  name: string;
  offset: number;
  visibility: "visible" | "hidden" | "veryHidden";
  /** BOUNDSHEET's sheet type: 0 worksheet (or dialog), 1 macro, 2 chart, 6 VB module */
  type: number;
}

/** What the workbook's globals say: the sheets, the shared strings, which cell formats are dates, the date system. */
interface Globals {
  biff8: boolean;
  decoder: TextDecoder;
  sheets: SheetEntry[];
  strings: string[];
  dateXfs: boolean[];
  date1904: boolean;
}

class Stream {
  readonly view: DataView;

  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  /** The record at `at`: its type and its data, or null at the stream's end; a record cut off is damage. */
  record(at: number): { type: number; data: DataView; bytes: Uint8Array; next: number } | null {
    if (at + 4 > this.data.length) return null;
    const type = this.view.getUint16(at, true);
    const length = this.view.getUint16(at + 2, true);
    const end = at + 4 + length;
    if (end > this.data.length)
      throw damaged({
        zh: `工作簿流在第 ${at} 字节处的记录不完整（文件可能被截断）`,
        en: `the record at byte ${at} of the workbook stream is cut off`,
      });
    const bytes = this.data.subarray(at + 4, end);
    return { type, bytes, data: new DataView(bytes.buffer, bytes.byteOffset, length), next: end };
  }
}

/** A string of a record: BIFF8's (a count, a flag byte, 8- or 16-bit characters) or BIFF5's (a count, bytes). */
function recordString(
  bytes: Uint8Array,
  at: number,
  countSize: 1 | 2,
  globals: Pick<Globals, "biff8" | "decoder">,
) {
  const count = countSize === 1 ? bytes[at] : bytes[at] | (bytes[at + 1] << 8);
  let p = at + countSize;
  if (!globals.biff8) return globals.decoder.decode(bytes.subarray(p, Math.min(p + count, bytes.length)));
  const flags = bytes[p++];
  if (flags & 0x08) p += 2; // rich-text runs count (RSTRING-style strings); the runs follow the characters
  if (flags & 0x04) p += 4; // extended (phonetic) data size
  if (flags & 1) return utf16(bytes.subarray(p, Math.min(p + count * 2, bytes.length)));
  return latin1(bytes.subarray(p, Math.min(p + count, bytes.length)));
}

/** The shared strings: each XLUnicodeRichExtendedString, its rich-text runs and phonetic data skipped. */
function sharedStrings(parts: Uint8Array[]): string[] {
  const s = new Segments(parts);
  s.skip(4); // total count
  const unique = s.u32();
  const strings: string[] = [];
  while (strings.length < unique && !s.atEnd()) {
    const count = s.u16();
    const flags = s.byte();
    const runs = flags & 0x08 ? s.u16() : 0;
    const ext = flags & 0x04 ? s.u32() : 0;
    strings.push(s.chars(count, (flags & 1) === 1));
    s.skip(runs * 4 + ext);
  }
  return strings;
}

/** A formula's text result (BIFF8's STRING record and the CONTINUE records after it): its characters, whole. */
function formulaText(parts: Uint8Array[]): string {
  const s = new Segments(parts);
  const count = s.u16();
  const flags = s.byte();
  return s.chars(count, (flags & 1) === 1);
}

function readGlobals(stream: Stream): Globals {
  const first = stream.record(0);
  if (first === null || first.type !== BOF || first.bytes.length < 4)
    throw damaged({
      zh: "工作簿流不以 BOF 记录开始",
      en: "the workbook stream does not begin with a BOF record",
    });
  const version = first.data.getUint16(0, true);
  if (version !== BIFF8 && version !== BIFF5) throw new WorkbookFailure(OLD_BIFF(version));
  const globals: Globals = {
    biff8: version === BIFF8,
    decoder: decoderFor(1252),
    sheets: [],
    strings: [],
    dateXfs: [],
    date1904: false,
  };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheetRecords: Uint8Array[] = [];
  let at = first.next;
  for (let r = stream.record(at); r !== null && r.type !== EOF; r = stream.record(at)) {
    at = r.next;
    switch (r.type) {
      case FILEPASS:
        throw new WorkbookFailure(XLS_ENCRYPTED());
      case CODEPAGE:
        globals.decoder = decoderFor(r.data.getUint16(0, true));
        break;
      case DATEMODE:
        globals.date1904 = r.data.getUint16(0, true) === 1;
        break;
      case BOUNDSHEET:
        sheetRecords.push(r.bytes);
        break;
      case FORMAT: {
        const id = r.data.getUint16(0, true);
        formats.set(id, recordString(r.bytes, 2, globals.biff8 ? 2 : 1, globals));
        break;
      }
      case XF:
        xfFormats.push(r.data.getUint16(2, true));
        break;
      case SST: {
        const parts = [r.bytes];
        for (let c = stream.record(at); c !== null && c.type === CONTINUE; c = stream.record(at)) {
          parts.push(c.bytes);
          at = c.next;
        }
        globals.strings = sharedStrings(parts);
        break;
      }
    }
  }
  // BOUNDSHEET names are read once CODEPAGE, which may follow them, is known
  for (const bytes of sheetRecords) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const state = bytes[4] & 3;
    globals.sheets.push({
      offset: view.getUint32(0, true),
      visibility: state === 1 ? "hidden" : state === 2 ? "veryHidden" : "visible",
      type: bytes[5],
      name: recordString(bytes, 6, 1, globals),
    });
  }
  globals.dateXfs = xfFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
  });
  return globals;
}

/** One worksheet's substream, from its BOF, into a grid; null for a dialog sheet or a substream of no cells. */
function readSheet(stream: Stream, sheet: SheetEntry, globals: Globals): Grid | null {
  const bof = stream.record(sheet.offset);
  if (bof === null || bof.type !== BOF)
    throw damaged({
      zh: `工作表“${sheet.name}”的位置无效`,
      en: `the position of sheet "${sheet.name}" is not valid`,
    });
  if (bof.data.getUint16(2, true) !== WORKSHEET_SUBSTREAM) return null;
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: [number, number][] = [];
  const merges: MergedRange[] = [];
  /** the cell of a FORMULA whose text result is in the STRING record that follows */
  let pendingText: { row: number; col: number } | null = null;
  let depth = 1;
  /**
   * whether the sheet says its formulas are not calculated (UNCALCED), the formulas whose result is 0, and whether
   * any has a result of its own (the sheet was calculated)
   */
  let uncalced = false;
  const zeroFormulas: [row: number, col: number][] = [];
  let calculated = false;
  /** cells the sheet's records give twice with different values */
  const givenTwice = new GivenTwice(sheet.name);

  const store = (row: number, col: number, xf: number, value: CellValue) => {
    // a column number is 16 bits in a record, a multiple-cell record runs on past it: no sheet is that wide
    if (col >= LAST_COLUMN)
      throw damaged({
        zh: `工作表“${sheet.name}”第 ${row + 1} 行有一个单元格在第 ${col + 1} 列，超出工作表的 16384 列`,
        en: `sheet "${sheet.name}" has a cell in row ${row + 1} at column ${col + 1}, past a sheet's 16,384 columns`,
      });
    let v = value;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) v = String(v);
      else if (globals.dateXfs[xf]) v = serialToDate(v, globals.date1904) ?? v;
    }
    if (v === null || v === "") return;
    const line = values[row];
    if (line === undefined) values[row] = put([], col, v);
    else {
      if (col < line.length) givenTwice.replacing(line[col], v, row, col);
      put(line, col, v);
    }
  };

  let at = bof.next;
  for (let r = stream.record(at); r !== null; r = stream.record(at)) {
    at = r.next;
    const { type, data, bytes } = r;
    if (type === BOF) {
      // a chart embedded in the sheet: its own substream, to its own EOF
      depth++;
      continue;
    }
    if (type === EOF) {
      if (--depth === 0) break;
      continue;
    }
    if (depth > 1) continue;
    if (type !== STRING && type !== CONTINUE) pendingText = null;
    switch (type) {
      case UNCALCED:
        uncalced = true;
        break;
      case WSBOOL:
        // a dialog sheet holds no cells, as the .xlsx reader leaves dialogsheets out
        if (bytes[0] & 0x10) return null;
        break;
      case ROW:
        if (bytes[12] & 0x20) hiddenRows.push(data.getUint16(0, true));
        break;
      case COLINFO: {
        const hidden = (data.getUint16(8, true) & 1) === 1 || data.getUint16(4, true) === 0;
        const from = data.getUint16(0, true);
        const to = Math.min(data.getUint16(2, true), LAST_COLUMN - 1);
        if (hidden && to >= from) hiddenColumns.push([from, to]);
        break;
      }
      case MERGEDCELLS: {
        const count = data.getUint16(0, true);
        for (let i = 0, p = 2; i < count && p + 8 <= bytes.length; i++, p += 8) {
          const m = {
            top: data.getUint16(p, true),
            left: data.getUint16(p + 4, true),
            bottom: data.getUint16(p + 2, true),
            right: data.getUint16(p + 6, true),
          };
          if (m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left))
            merges.push(m);
        }
        break;
      }
      case LABELSST: {
        const index = data.getUint32(6, true);
        const text = globals.strings[index];
        const row = data.getUint16(0, true);
        const col = data.getUint16(2, true);
        if (text === undefined) {
          // named as the .xlsx reader names such a cell (worksheet.ts cachedValue)
          const cell = cellAddress({ sheet: sheet.name, topLeft: "A1" }, row, col);
          throw damaged(
            {
              zh: `${cell} 指向不存在的共享文本 ${index}`,
              en: `${cell} points to shared string ${index}, which does not exist`,
            },
            cell,
          );
        }
        store(row, col, data.getUint16(4, true), text);
        break;
      }
      case LABEL:
      case RSTRING:
        store(
          data.getUint16(0, true),
          data.getUint16(2, true),
          data.getUint16(4, true),
          recordString(bytes, 6, 2, globals),
        );
        break;
      case NUMBER:
        store(
          data.getUint16(0, true),
          data.getUint16(2, true),
          data.getUint16(4, true),
          data.getFloat64(6, true),
        );
        break;
      case RK:
        store(
          data.getUint16(0, true),
          data.getUint16(2, true),
          data.getUint16(4, true),
          rkNumber(data.getUint32(6, true)),
        );
        break;
      case MULRK: {
        const row = data.getUint16(0, true);
        const firstCol = data.getUint16(2, true);
        const count = Math.floor((bytes.length - 6) / 6);
        for (let i = 0; i < count; i++)
          store(
            row,
            firstCol + i,
            data.getUint16(4 + i * 6, true),
            rkNumber(data.getUint32(6 + i * 6, true)),
          );
        break;
      }
      case BOOLERR: {
        const value = bytes[6];
        const cell: CellValue = bytes[7] ? { error: ERRORS[value] ?? "#N/A" } : value !== 0;
        store(data.getUint16(0, true), data.getUint16(2, true), data.getUint16(4, true), cell);
        break;
      }
      case FORMULA: {
        const row = data.getUint16(0, true);
        const col = data.getUint16(2, true);
        const xf = data.getUint16(4, true);
        if (data.getUint16(12, true) !== 0xffff) {
          const result = data.getFloat64(6, true);
          if (result === 0) zeroFormulas.push([row, col]);
          else calculated = true;
          store(row, col, xf, result);
          break;
        }
        // a text, boolean or error result is one calculated (an empty text proves nothing)
        if (bytes[6] !== 3) calculated = true;
        switch (bytes[6]) {
          case 0: // text, in the STRING record that follows
            pendingText = { row, col };
            break;
          case 1:
            store(row, col, xf, bytes[8] !== 0);
            break;
          case 2:
            store(row, col, xf, { error: ERRORS[bytes[8]] ?? "#N/A" });
            break;
          // 3: the empty text, a blank as the .xlsx reader gives it
        }
        break;
      }
      case STRING: {
        // a text longer than a record holds (about 8,000 characters) runs on into CONTINUE records
        const parts = [bytes];
        for (let c = stream.record(at); c !== null && c.type === CONTINUE; c = stream.record(at)) {
          parts.push(c.bytes);
          at = c.next;
        }
        if (pendingText !== null) {
          // no date format applies to text: the style index is of no use here
          const text = globals.biff8 ? formulaText(parts) : recordString(bytes, 0, 2, globals);
          store(pendingText.row, pendingText.col, -1, text);
          pendingText = null;
        }
        break;
      }
    }
  }
  // as the .xlsx reader reads a workbook to calculate on opening: where no formula has a result but 0, the 0 is a
  // writer's stand-in (POI stores 0 for each formula it never evaluated); the formula's text is not kept here
  if (uncalced && !calculated) for (const [row, col] of zeroFormulas) put(values[row], col, { formula: "" });
  const grid = finishGrid(sheet.name, values, hiddenRows, hiddenColumns, merges);
  const twice = givenTwice.note();
  if (twice) grid.notes = [...(grid.notes ?? []), twice];
  if (sheet.visibility !== "visible") grid.visibility = sheet.visibility;
  return grid;
}

/**
 * The worksheets of a workbook stream, in the workbook's order, as grids. A record cut short inside a sheet is
 * damage named by its sheet, never an exception of the bytes' own.
 */
export function readBiffWorkbook(data: Uint8Array): Grid[] {
  const stream = new Stream(data);
  const globals = withinRecords(() => readGlobals(stream), {
    zh: "工作簿的全局记录",
    en: "the workbook's globals",
  });
  const grids: Grid[] = [];
  /** each sheet's substream by where it begins: two sheets never share one, and a file that says so is damaged */
  const read = new Map<number, string>();
  for (const sheet of globals.sheets) {
    if (sheet.type !== 0) continue;
    const earlier = read.get(sheet.offset);
    if (earlier !== undefined)
      throw damaged({
        zh: `工作表“${sheet.name}”与工作表“${earlier}”指向工作簿流中的同一位置`,
        en: `sheets "${earlier}" and "${sheet.name}" point to the same place in the workbook stream`,
      });
    read.set(sheet.offset, sheet.name);
    const grid = withinRecords(() => readSheet(stream, sheet, globals), {
      zh: `工作表“${sheet.name}”`,
      en: `sheet "${sheet.name}"`,
    });
    if (grid !== null) grids.push(grid);
  }
  return grids;
}

/** Runs a reading step; a record shorter than its type needs (a RangeError from the bytes) is damage of `where`. */
function withinRecords<T>(step: () => T, where: { zh: string; en: string }): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError)
      throw damaged({ zh: `${where.zh}中有不完整的记录`, en: `${where.en} holds a record cut short` });
    throw error;
  }
}
