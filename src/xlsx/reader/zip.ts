/**
 * The zip container of an .xlsx, read from its central directory, each part inflated as a stream (fflate) so
 * that no part is ever held whole in memory, and the bytes inflated are counted against a budget that grows
 * with the file's size: a zip bomb stops at the budget instead of filling memory.
 */
import type { Inflate as Inflater } from "fflate";
import { WorkbookFailure, damaged, tooLarge, type Bilingual } from "./problems";

export interface ZipEntry {
  /** the name as stored, with / separators */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** the inflated size the directory declares (a damaged or hostile file may lie) */
  size: number;
  localOffset: number;
}

/**
 * A platform's own inflater (Node's zlib), for parts small enough to hold whole: the bytes a raw deflate stream
 * inflates to, or null when they would be more than `limit`. Throws when the stream is damaged.
 */
export type InflateWhole = (raw: Uint8Array, limit: number) => Uint8Array | null;

/** Bytes a workbook may inflate to: at most this many times its file size… */
const INFLATE_RATIO = 50;
/** …or this many, whichever is more (a small file with a sparse million-row column stays readable). */
const INFLATE_FLOOR = 64 * 1024 * 1024;
/** Compressed bytes given to the inflater at a time: bounds what one step can produce (deflate: ≤ 1032×). */
const STEP = 16 * 1024;
/**
 * Parts this large (compressed) are inflated by the platform when it can; smaller ones by fflate, which needs no
 * set-up (the platform's streams cost a few milliseconds to start, a small county's whole reading time).
 */
const NATIVE_FROM = 32 * 1024;
/**
 * Parts that inflate to at most this many bytes are inflated whole by the host's inflater when it gives one:
 * Node's zlib needs neither fflate's warm-up nor the set-up of the platform's streams. A part that inflates to
 * more than it declared is streamed instead, its bytes counted against the budget as any part's are.
 */
const WHOLE_UP_TO = 16 * 1024 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const zipDamage = (en: string, zh: string) => damaged({ zh: `压缩包${zh}`, en: `zip: ${en}` });

const UTF8_NAMES = 0x800;

/** The decoders of one directory's entry names (`entryName`), made as the directory is read. */
interface NameDecoders {
  utf8: TextDecoder;
  /** UTF-8 that throws on bytes that are not */
  strictUtf8: TextDecoder;
}

function nameDecoders(): NameDecoders {
  return { utf8: new TextDecoder(), strictUtf8: new TextDecoder("utf-8", { fatal: true }) };
}

/**
 * An entry's name: UTF-8 when the entry says so (bit 11) or its bytes are valid UTF-8; else GBK (GB18030), as
 * Chinese Windows names the files it zips (a workbook zipped to be sent). A workbook's own parts are ASCII.
 */
function entryName(bytes: Uint8Array, flags: number, decoders: NameDecoders): string {
  if (flags & UTF8_NAMES) return decoders.utf8.decode(bytes);
  try {
    return decoders.strictUtf8.decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * A part name as the workbook's relationships spell it: parts are found case-insensitively, / separated, a
 * leading / or ./ (a zip made of a folder's "./xl/…") left out.
 */
export function partKey(name: string): string {
  return name
    .replace(/\\/g, "/")
    .replace(/^(?:\.?\/)+/, "")
    .toLowerCase();
}

export class Zip {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;
  /** bytes inflated so far, over every part */
  private inflated = 0;
  private readonly budget: number;
  /** whether DecompressionStream can inflate here, asked once per file and only when a large part needs it */
  private native: boolean | undefined;

  constructor(
    private readonly data: Uint8Array,
    private readonly inflateWhole?: InflateWhole,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.budget = Math.max(INFLATE_FLOOR, INFLATE_RATIO * data.length);
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(partKey(name));
  }

  get names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  private u16(at: number): number {
    if (at + 2 > this.data.length) throw zipDamage("truncated", "不完整");
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at + 4 > this.data.length) throw zipDamage("truncated", "不完整");
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }

  private findEndOfDirectory(): number {
    const last = this.data.length - 22;
    for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
      if (this.data[at] === 0x50 && this.u32(at) === EOCD) return at;
    }
    throw zipDamage("the end of the archive is missing (truncated?)", "的结尾缺失（文件不完整？）");
  }

  private readDirectory(): void {
    const end = this.findEndOfDirectory();
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && this.u32(end - 20) === ZIP64_LOCATOR) {
      const at = this.u64(end - 20 + 8);
      if (this.u32(at) !== ZIP64_EOCD) throw zipDamage("bad zip64 directory", "的 zip64 目录损坏");
      count = this.u64(at + 32);
      offset = this.u64(at + 48);
    }
    let at = offset;
    const decoders = nameDecoders();
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw zipDamage("bad central directory", "的目录损坏");
      const flags = this.u16(at + 8);
      const method = this.u16(at + 10);
      let compressedSize = this.u32(at + 20);
      let size = this.u32(at + 24);
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      const nameAt = at + 46;
      if (nameAt + nameLength + extraLength > this.data.length) throw zipDamage("truncated", "不完整");
      const name = entryName(this.data.subarray(nameAt, nameAt + nameLength), flags, decoders).replace(
        /\\/g,
        "/",
      );
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
        // zip64 extra field: the 64-bit sizes and offset, in this order, for the fields that overflowed
        const fields = this.zip64Fields(nameAt + nameLength, extraLength);
        let k = 0;
        if (size === 0xffffffff) size = fields[k++] ?? size;
        if (compressedSize === 0xffffffff) compressedSize = fields[k++] ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = fields[k++] ?? localOffset;
      }
      if (!name.endsWith("/")) {
        this.entries.set(partKey(name), { name, method, flags, compressedSize, size, localOffset });
      }
      at = nameAt + nameLength + extraLength + commentLength;
    }
  }

  private zip64Fields(at: number, length: number): number[] {
    const end = at + length;
    while (at + 4 <= end) {
      const id = this.u16(at);
      const size = this.u16(at + 2);
      if (id === 0x0001) {
        const fields: number[] = [];
        for (let f = at + 4; f + 8 <= at + 4 + size; f += 8) fields.push(this.u64(f));
        return fields;
      }
      at += 4 + size;
    }
    return [];
  }

  /** The stored bytes of an entry (still compressed). */
  private rawBytes(entry: ZipEntry): Uint8Array {
    const at = entry.localOffset;
    if (this.u32(at) !== LOCAL) throw zipDamage(`bad entry ${entry.name}`, `中的“${entry.name}”损坏`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.data.length) throw zipDamage(`${entry.name} is cut short`, `中的“${entry.name}”不完整`);
    return this.data.subarray(start, end);
  }

  /**
   * Inflates an entry, handing its bytes to `sink` a piece at a time. Stops with a problem when the workbook's
   * inflated bytes pass the budget, or when the entry is damaged.
   */
  async stream(
    entry: ZipEntry,
    sink: (bytes: Uint8Array) => void,
    /** what the part is, for a clerk (工作表“学校”（xl/worksheets/sheet1.xml）); its path by default */
    label: Bilingual = { zh: `“${entry.name}”`, en: `"${entry.name}"` },
  ): Promise<void> {
    if (entry.flags & 1) {
      throw zipDamage(`${entry.name} is encrypted`, `中的“${entry.name}”已加密`);
    }
    const raw = this.rawBytes(entry);
    const take = (bytes: Uint8Array) => {
      this.inflated += bytes.length;
      if (this.inflated > this.budget) throw tooLarge(label, Math.round(this.budget / 1048576));
      sink(bytes);
    };
    if (entry.method === 0) {
      for (let at = 0; at < raw.length; at += STEP) take(raw.subarray(at, Math.min(raw.length, at + STEP)));
      return;
    }
    if (entry.method !== 8) {
      throw zipDamage(
        `${entry.name} uses compression method ${entry.method}`,
        `中的“${entry.name}”使用了不支持的压缩方式 ${entry.method}`,
      );
    }
    // the inflater's own words (invalid distance too far back) say nothing to a clerk, and only in English
    const broken = () =>
      zipDamage(
        `${entry.name} cannot be unpacked: its compressed data is damaged`,
        `中的“${entry.name}”无法解压：压缩的数据已损坏`,
      );
    if (this.inflateWhole && entry.size <= WHOLE_UP_TO) {
      let whole: Uint8Array | null;
      try {
        whole = this.inflateWhole(raw, WHOLE_UP_TO);
      } catch {
        throw broken();
      }
      if (whole !== null) {
        for (let at = 0; at < whole.length; at += STEP)
          take(whole.subarray(at, Math.min(whole.length, at + STEP)));
        return;
      }
    }
    if (raw.length >= NATIVE_FROM && (this.native ??= hasNativeInflate())) {
      await inflateNatively(raw, take, broken);
      return;
    }
    // fflate is loaded only for a part no faster inflater took: in Node, zlib takes every part of an honest file
    // (and fflate's start-up builds its tables, some 10 ms)
    const { Inflate } = await import(/* webpackMode: "eager" */ "fflate");
    const inflater: Inflater = new Inflate((bytes) => {
      if (bytes.length > 0) take(bytes);
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let at = 0; at < raw.length; at += STEP) {
        const next = Math.min(raw.length, at + STEP);
        inflater.push(raw.subarray(at, next), next === raw.length);
      }
    } catch (error) {
      // fflate's errors carry a numeric code; ours are already problems
      if (error instanceof Error && "code" in error && typeof error.code === "number") throw broken();
      throw error;
    }
  }
}

/** Whether the platform inflates natively (DecompressionStream, in Node 20 and every current browser). */
function hasNativeInflate(): boolean {
  if (typeof DecompressionStream !== "function") return false;
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/**
 * Inflates with the platform's DecompressionStream: no warm-up, several times fflate's speed on a large sheet.
 * The compressed bytes go in a step at a time and each step's output is taken before the next goes in, so that
 * memory stays bounded by one step's output.
 */
async function inflateNatively(
  raw: Uint8Array,
  take: (bytes: Uint8Array) => void,
  broken: () => Error,
): Promise<void> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let at = 0; at < raw.length; at += STEP) {
      await writer.write(raw.subarray(at, Math.min(raw.length, at + STEP)) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  // a failure to feed shows as the reader's failure; this only keeps it from going unhandled
  feeding.catch(() => undefined);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      take(value);
    }
    await feeding;
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof WorkbookFailure) throw error;
    throw broken();
  }
}
