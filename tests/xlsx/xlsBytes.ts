/**
 * Old binary workbooks built byte by byte in the tests, from MS-CFB and MS-XLS as written, independent of the
 * reader: a Compound File of given streams (version 3 or 4, streams under the cutoff in the mini stream, as many
 * FAT sectors as asked so that the DIFAT runs on into sectors of its own) and BIFF records to put in it.
 */

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const NOSTREAM = 0xffffffff;

export interface CompoundOptions {
  version?: 3 | 4;
  /** at least this many FAT sectors (the rest free): past 109 the DIFAT needs sectors of its own */
  fatSectors?: number;
  /** free sectors before any stream's: so many that the streams' chains lie in FAT sectors the extra DIFAT lists */
  leadingFree?: number;
}

export interface Built {
  bytes: Uint8Array;
  /** the first sector of each stream by name (a mini sector for a stream in the mini stream) */
  start: Record<string, number>;
  /** where the FAT's sectors are in the file (byte offsets) */
  fatOffsets: number[];
  sectorSize: number;
}

/** A Compound File holding these streams at the top of its directory. */
export function compoundFile(streams: Record<string, Uint8Array>, options: CompoundOptions = {}): Built {
  const version = options.version ?? 3;
  const ss = version === 4 ? 4096 : 512;
  const perSector = ss / 4;
  const names = Object.keys(streams);
  const sectors: Uint8Array[] = [];
  const fatEntries: number[] = [];
  const start: Record<string, number> = {};
  /** places bytes in new sectors, chained; returns the first sector */
  const place = (data: Uint8Array): number => {
    const count = Math.ceil(data.length / ss);
    const first = sectors.length;
    for (let i = 0; i < count; i++) {
      const sector = new Uint8Array(ss);
      sector.set(data.subarray(i * ss, (i + 1) * ss));
      sectors.push(sector);
      fatEntries.push(i === count - 1 ? ENDOFCHAIN : first + i + 1);
    }
    return count === 0 ? ENDOFCHAIN : first;
  };

  for (let i = 0; i < (options.leadingFree ?? 0); i++) {
    sectors.push(new Uint8Array(ss));
    fatEntries.push(FREESECT);
  }
  // the mini stream: streams under 4,096 bytes, in 64-byte mini sectors
  const mini: number[] = [];
  const miniData: number[] = [];
  for (const name of names) {
    const data = streams[name];
    if (data.length >= 4096 || data.length === 0) continue;
    const count = Math.ceil(data.length / 64);
    const first = mini.length;
    for (let i = 0; i < count; i++) mini.push(i === count - 1 ? ENDOFCHAIN : first + i + 1);
    const padded = new Uint8Array(count * 64);
    padded.set(data);
    miniData.push(...padded);
    start[name] = first;
  }
  for (const name of names) {
    const data = streams[name];
    if (data.length >= 4096) start[name] = place(data);
    else if (data.length === 0) start[name] = ENDOFCHAIN;
  }
  const miniStreamStart = place(Uint8Array.from(miniData));
  const miniFatBytes = new Uint8Array(Math.ceil((mini.length * 4) / ss) * ss).fill(0xff);
  const miniView = new DataView(miniFatBytes.buffer);
  mini.forEach((v, i) => miniView.setUint32(i * 4, v, true));
  const miniFatStart = mini.length > 0 ? place(miniFatBytes) : ENDOFCHAIN;
  const miniFatCount = miniFatBytes.length / ss;

  // the directory: the root, then each stream, chained as right siblings
  const entries = names.length + 1;
  const directory = new Uint8Array(Math.ceil((entries * 128) / ss) * ss);
  const dir = new DataView(directory.buffer);
  const entry = (
    i: number,
    name: string,
    type: number,
    child: number,
    right: number,
    first: number,
    size: number,
  ) => {
    const at = i * 128;
    for (let k = 0; k < name.length; k++) dir.setUint16(at + k * 2, name.charCodeAt(k), true);
    dir.setUint16(at + 64, (name.length + 1) * 2, true);
    dir.setUint8(at + 66, type);
    dir.setUint8(at + 67, 1);
    dir.setUint32(at + 68, NOSTREAM, true);
    dir.setUint32(at + 72, right, true);
    dir.setUint32(at + 76, child, true);
    dir.setUint32(at + 116, first, true);
    dir.setUint32(at + 120, size, true);
  };
  for (let i = entries; i < directory.length / 128; i++) {
    dir.setUint32(i * 128 + 68, NOSTREAM, true);
    dir.setUint32(i * 128 + 72, NOSTREAM, true);
    dir.setUint32(i * 128 + 76, NOSTREAM, true);
  }
  entry(0, "Root Entry", 5, names.length > 0 ? 1 : NOSTREAM, NOSTREAM, miniStreamStart, miniData.length);
  names.forEach((name, i) =>
    entry(
      i + 1,
      name,
      2,
      NOSTREAM,
      i + 2 <= names.length ? i + 2 : NOSTREAM,
      start[name],
      streams[name].length,
    ),
  );
  const directoryStart = place(directory);

  // the FAT and DIFAT sectors, as many as all sectors (theirs included) need
  let fatCount = options.fatSectors ?? 1;
  let difatCount = 0;
  for (;;) {
    difatCount = fatCount > 109 ? Math.ceil((fatCount - 109) / (perSector - 1)) : 0;
    const total = sectors.length + fatCount + difatCount;
    if (fatCount * perSector >= total) break;
    fatCount++;
  }
  const fatFirst = sectors.length;
  const difatFirst = fatFirst + fatCount;
  for (let i = 0; i < fatCount; i++) fatEntries.push(FATSECT);
  for (let i = 0; i < difatCount; i++) fatEntries.push(DIFSECT);
  const fatBytes = new Uint8Array(fatCount * ss).fill(0xff);
  const fatView = new DataView(fatBytes.buffer);
  fatEntries.forEach((v, i) => fatView.setUint32(i * 4, v, true));
  for (let i = 0; i < fatCount; i++) sectors.push(fatBytes.subarray(i * ss, (i + 1) * ss));
  for (let d = 0; d < difatCount; d++) {
    const sector = new Uint8Array(ss).fill(0xff);
    const view = new DataView(sector.buffer);
    for (let k = 0; k < perSector - 1; k++) {
      const index = 109 + d * (perSector - 1) + k;
      if (index < fatCount) view.setUint32(k * 4, fatFirst + index, true);
    }
    view.setUint32((perSector - 1) * 4, d === difatCount - 1 ? ENDOFCHAIN : difatFirst + d + 1, true);
    sectors.push(sector);
  }

  const header = new Uint8Array(ss);
  const h = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  h.setUint16(24, 0x3e, true);
  h.setUint16(26, version, true);
  h.setUint16(28, 0xfffe, true);
  h.setUint16(30, version === 4 ? 12 : 9, true);
  h.setUint16(32, 6, true);
  h.setUint32(40, version === 4 ? directory.length / ss : 0, true);
  h.setUint32(44, fatCount, true);
  h.setUint32(48, directoryStart, true);
  h.setUint32(56, 4096, true);
  h.setUint32(60, miniFatStart, true);
  h.setUint32(64, mini.length > 0 ? miniFatCount : 0, true);
  h.setUint32(68, difatCount > 0 ? difatFirst : ENDOFCHAIN, true);
  h.setUint32(72, difatCount, true);
  for (let i = 0; i < 109; i++) h.setUint32(76 + i * 4, i < fatCount ? fatFirst + i : FREESECT, true);

  const bytes = new Uint8Array(ss * (sectors.length + 1));
  bytes.set(header);
  sectors.forEach((s, i) => bytes.set(s, (i + 1) * ss));
  const fatOffsets = Array.from({ length: fatCount }, (_, i) => (fatFirst + i + 1) * ss);
  return { bytes, start, fatOffsets, sectorSize: ss };
}

// ---- BIFF records ----

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const f64 = (n: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, n, true);
  return [...b];
};

/** A record: its type, its length, its bytes. */
export function record(type: number, body: number[]): number[] {
  return [...u16(type), ...u16(body.length), ...body];
}

/** UTF-16LE bytes of a text. */
export const utf16 = (text: string) => [...text].flatMap((ch) => u16(ch.charCodeAt(0)));
/** Latin-1 bytes of a text (each character below 256). */
export const latin1 = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** BIFF8's XLUnicodeString: a 16-bit count, a flag byte, the characters (16-bit when any is past Latin-1). */
export function xlString(text: string, countBytes: 1 | 2 = 2): number[] {
  const wide = [...text].some((ch) => ch.charCodeAt(0) > 0xff);
  const count = countBytes === 1 ? [text.length] : u16(text.length);
  return [...count, wide ? 1 : 0, ...(wide ? utf16(text) : latin1(text))];
}

export const BIFF = {
  bof: (substream: number, version = 0x0600) =>
    record(0x0809, [...u16(version), ...u16(substream), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  eof: () => record(0x000a, []),
  codepage: (cp: number) => record(0x0042, u16(cp)),
  datemode: (is1904: boolean) => record(0x0022, u16(is1904 ? 1 : 0)),
  format: (id: number, code: string) => record(0x041e, [...u16(id), ...xlString(code)]),
  /** an XF of this number format */
  xf: (format: number) => record(0x00e0, [...u16(0), ...u16(format), ...new Array<number>(16).fill(0)]),
  filepass: () => record(0x002f, [1, 0, 1, 0, ...new Array<number>(48).fill(0)]),
  number: (row: number, col: number, xf: number, n: number) =>
    record(0x0203, [...u16(row), ...u16(col), ...u16(xf), ...f64(n)]),
  rk: (row: number, col: number, xf: number, rk: number) =>
    record(0x027e, [...u16(row), ...u16(col), ...u16(xf), ...u32(rk)]),
  mulrk: (row: number, col: number, cells: [number, number][]) =>
    record(0x00bd, [
      ...u16(row),
      ...u16(col),
      ...cells.flatMap(([xf, rk]) => [...u16(xf), ...u32(rk)]),
      ...u16(col + cells.length - 1),
    ]),
  labelSst: (row: number, col: number, index: number) =>
    record(0x00fd, [...u16(row), ...u16(col), ...u16(0), ...u32(index)]),
  label: (row: number, col: number, text: string) =>
    record(0x0204, [...u16(row), ...u16(col), ...u16(0), ...xlString(text)]),
  boolErr: (row: number, col: number, value: number, isError: boolean) =>
    record(0x0205, [...u16(row), ...u16(col), ...u16(0), value, isError ? 1 : 0]),
  /** a FORMULA record with this cached result (8 bytes) and the formula 1+1 */
  formula: (row: number, col: number, xf: number, result: number[]) =>
    record(0x0006, [
      ...u16(row),
      ...u16(col),
      ...u16(xf),
      ...result,
      ...u16(0),
      ...u32(0),
      ...u16(7),
      0x1e,
      1,
      0,
      0x1e,
      1,
      0,
      0x03,
    ]),
  string: (text: string) => record(0x0207, xlString(text)),
  blank: (row: number, col: number) => record(0x0201, [...u16(row), ...u16(col), ...u16(0)]),
  row: (row: number, hidden: boolean) =>
    record(0x0208, [
      ...u16(row),
      ...u16(0),
      ...u16(1),
      ...u16(255),
      ...u16(0),
      ...u16(0),
      hidden ? 0x20 : 0,
      1,
      0x0f,
      0,
    ]),
  colinfo: (first: number, last: number, hidden: boolean, width = 2048) =>
    record(0x007d, [
      ...u16(first),
      ...u16(last),
      ...u16(width),
      ...u16(15),
      ...u16(hidden ? 1 : 0),
      ...u16(0),
    ]),
  merged: (ranges: [number, number, number, number][]) =>
    record(0x00e5, [
      ...u16(ranges.length),
      ...ranges.flatMap(([top, bottom, left, right]) => [
        ...u16(top),
        ...u16(bottom),
        ...u16(left),
        ...u16(right),
      ]),
    ]),
};

/** A formula's cached number, text (in a STRING record after it), boolean, error or empty text. */
export const RESULT = {
  number: (n: number) => f64(n),
  text: () => [0, 0, 0, 0, 0, 0, 0xff, 0xff],
  boolean: (b: boolean) => [1, 0, b ? 1 : 0, 0, 0, 0, 0xff, 0xff],
  error: (code: number) => [2, 0, code, 0, 0, 0, 0xff, 0xff],
  empty: () => [3, 0, 0, 0, 0, 0, 0xff, 0xff],
};

export interface BiffSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden */
  state?: number;
  /** BOUNDSHEET's type: 0 worksheet, 2 chart */
  type?: number;
  /** the records between the sheet's BOF and EOF */
  records: number[][];
  /** the sheet's BOF substream type (0x10 worksheet, 0x20 chart) */
  substream?: number;
}

/**
 * A workbook stream: the globals (BOF, these records, a BOUNDSHEET for each sheet pointing at its BOF, EOF),
 * then each sheet's substream. BIFF5 names its sheets in a byte string of the code page (`sheetName` bytes).
 */
export function workbookStream(
  globals: number[][],
  sheets: BiffSheet[],
  options: { version?: number; sheetName?: (name: string) => number[] } = {},
): Uint8Array {
  const version = options.version ?? 0x0600;
  const nameBytes = options.sheetName ?? ((name: string) => xlString(name, 1));
  const boundLength = (s: BiffSheet) => 4 + 6 + nameBytes(s.name).length;
  const head = [...BIFF.bof(0x0005, version), ...globals.flat()];
  let offset = head.length + sheets.reduce((n, s) => n + boundLength(s), 0) + 4;
  const bounds: number[] = [];
  const bodies: number[] = [];
  for (const s of sheets) {
    bounds.push(...record(0x0085, [...u32(offset), s.state ?? 0, s.type ?? 0, ...nameBytes(s.name)]));
    const body = [...BIFF.bof(s.substream ?? 0x0010, version), ...s.records.flat(), ...BIFF.eof()];
    bodies.push(...body);
    offset += body.length;
  }
  return Uint8Array.from([...head, ...bounds, ...BIFF.eof(), ...bodies]);
}

/** The RK of a 30-bit integer, possibly to be divided by 100. */
export const rkInteger = (n: number, times100 = false) => ((n << 2) | 2 | (times100 ? 1 : 0)) >>> 0;
/** The RK of a double whose low 34 bits are zero: its top 30 bits, possibly to be divided by 100. */
export function rkDouble(n: number, times100 = false): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n, true);
  if (view.getUint32(0, true) !== 0 || (view.getUint32(4, true) & 3) !== 0)
    throw new Error(`${n} is no RK double`);
  return (view.getUint32(4, true) | (times100 ? 1 : 0)) >>> 0;
}

export { u16, u32 };
