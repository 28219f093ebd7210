/**
 * A Compound File (MS-CFB, "OLE2"): the container of an old .xls, of WPS's .et, of a .doc or .ppt, and of a
 * password-protected .xlsx. Header (version 3, 512-byte sectors, or version 4, 4,096-byte sectors), the FAT found
 * through the DIFAT (the header's 109 entries and any further DIFAT sectors), the directory, and the mini FAT and
 * mini stream that hold streams under the cutoff. Only the streams at the top of the directory are named: what a
 * workbook's reader needs. A damaged or hostile file is a `damaged` failure, never a hang: every chain is walked
 * at most once per sector the file holds, and a sector met twice is a loop.
 */
import { damaged, type Bilingual } from "./problems";

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_DIFAT = 109;
/** sector numbers at and above this are markers (DIFSECT, FATSECT, ENDOFCHAIN, FREESECT), not sectors */
const MAX_SECTOR = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;
const ENTRY_SIZE = 128;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

function fail(zh: string, en: string): never {
  throw damaged({ zh: `复合文档${zh}`, en: `compound file: ${en}` });
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** Whether the bytes begin as a Compound File does. */
export function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= MAGIC.length && MAGIC.every((b, i) => data[i] === b);
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  /** how many whole or partial sectors the file holds after its header: the longest any chain can be */
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private readonly miniFatStart: number;
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;
  /** the streams at the top of the directory, by upper-case name */
  private readonly top = new Map<string, DirectoryEntry>();

  constructor(private readonly data: Uint8Array) {
    if (!isCompoundFile(data)) fail("的文件头无效", "not a compound file");
    if (data.length < 512) fail("被截断（不足 512 字节）", "cut off (less than 512 bytes)");
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const u16 = (at: number) => this.view.getUint16(at, true);
    const u32 = (at: number) => this.view.getUint32(at, true);
    const major = u16(0x1a);
    const shift = u16(0x1e);
    if (u16(0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)))
      fail(
        `的文件头无效（版本 ${major}，扇区 2^${shift}）`,
        `header not valid (version ${major}, sector 2^${shift})`,
      );
    this.sectorSize = 1 << shift;
    const miniShift = u16(0x20);
    if (miniShift !== 6) fail("的文件头无效（小扇区大小）", "header not valid (mini sector size)");
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = u32(0x38);
    this.sectorCount = Math.ceil(Math.max(0, data.length - this.sectorSize) / this.sectorSize);

    this.fat = this.readFat(u32(0x2c), u32(0x44), u32(0x48));
    const directory = this.chain(u32(0x30), "目录", "directory");
    this.entries = [];
    for (let at = 0; at + ENTRY_SIZE <= directory.length; at += ENTRY_SIZE) {
      this.entries.push(this.entryAt(directory, at, major));
    }
    const root = this.entries[0];
    if (root === undefined || root.type !== TYPE_ROOT) fail("没有根目录", "no root entry");
    this.miniFatStart = u32(0x3c);
    this.collectTop(root.child);
  }

  /** The FAT: the sectors the DIFAT names, the header's and those of the DIFAT's own chain, concatenated. */
  private readFat(fatSectors: number, difatStart: number, difatSectors: number): Uint32Array {
    if (fatSectors > this.sectorCount) fail("的分配表长度超出文件", "FAT longer than the file");
    const ids: number[] = [];
    for (let i = 0; i < Math.min(HEADER_DIFAT, fatSectors); i++)
      ids.push(this.view.getUint32(0x4c + i * 4, true));
    const perDifat = this.sectorSize / 4 - 1;
    let next = difatStart;
    const seen = new Set<number>();
    for (let n = 0; ids.length < fatSectors; n++) {
      if (next >= MAX_SECTOR || n >= difatSectors || n > this.sectorCount)
        fail("的分配表索引（DIFAT）不完整", "DIFAT ends before the FAT it lists");
      if (seen.has(next)) fail("的分配表索引（DIFAT）循环", "DIFAT chain loops");
      seen.add(next);
      const at = this.sectorOffset(next, "分配表索引（DIFAT）", "DIFAT");
      for (let i = 0; i < perDifat && ids.length < fatSectors; i++)
        ids.push(this.view.getUint32(at + i * 4, true));
      next = this.view.getUint32(at + perDifat * 4, true);
    }
    const fat = new Uint32Array(fatSectors * (this.sectorSize / 4));
    ids.forEach((id, k) => {
      const at = this.sectorOffset(id, "分配表（FAT）", "FAT");
      const end = Math.min(at + this.sectorSize, this.data.length);
      for (let p = at, i = k * (this.sectorSize / 4); p + 4 <= end; p += 4, i++)
        fat[i] = this.view.getUint32(p, true);
    });
    return fat;
  }

  /** Where sector `id` begins in the file, or a damaged failure when it lies past the file's end. */
  private sectorOffset(id: number, zh: string, en: string): number {
    const at = (id + 1) * this.sectorSize;
    if (id >= MAX_SECTOR || at >= this.data.length)
      fail(
        `的${zh}指向文件之外的扇区 ${id}（文件可能被截断）`,
        `${en} points to sector ${id}, past the file's end (cut off?)`,
      );
    return at;
  }

  /**
   * The bytes of a chain of sectors in the FAT (or the mini FAT, in the mini stream), from `start`, at most
   * `size` of them when given: each sector visited once, so a loop or a chain longer than the file is a failure.
   */
  private chain(start: number, zh: string, en: string, size?: number, mini = false): Uint8Array {
    const table = mini ? this.miniFat! : this.fat;
    const unit = mini ? this.miniSectorSize : this.sectorSize;
    const source = mini ? this.miniStream! : this.data;
    const limit = mini ? Math.ceil(source.length / unit) : this.sectorCount;
    if (size !== undefined && size > limit * unit)
      fail(`中“${zh}”的长度超出文件`, `"${en}" is longer than the file holds`);
    const parts: Uint8Array[] = [];
    let total = 0;
    const seen = new Uint8Array(limit + 1);
    let id = start;
    while (id !== ENDOFCHAIN && (size === undefined || total < size)) {
      if (id >= MAX_SECTOR || id >= limit) {
        if (size === undefined && parts.length > 0 && id === NOSTREAM) break;
        fail(
          `中“${zh}”指向不存在的扇区 ${id}（文件可能被截断）`,
          `"${en}" points to sector ${id}, which does not exist (cut off?)`,
        );
      }
      if (seen[id]) fail(`中“${zh}”的扇区链循环`, `the sector chain of "${en}" loops`);
      seen[id] = 1;
      const at = mini ? id * unit : (id + 1) * unit;
      const piece = source.subarray(at, Math.min(at + unit, source.length));
      parts.push(piece);
      total += piece.length;
      id = id < table.length ? table[id] : NOSTREAM;
    }
    const want = size ?? total;
    if (total < want) fail(`中“${zh}”不完整（文件可能被截断）`, `"${en}" ends early (cut off?)`);
    const out = new Uint8Array(want);
    let p = 0;
    for (const piece of parts) {
      const n = Math.min(piece.length, want - p);
      out.set(piece.subarray(0, n), p);
      p += n;
      if (p >= want) break;
    }
    return out;
  }

  private entryAt(directory: Uint8Array, at: number, major: number): DirectoryEntry {
    const view = new DataView(directory.buffer, directory.byteOffset + at, ENTRY_SIZE);
    const nameBytes = Math.min(view.getUint16(64, true), 64);
    let name = "";
    for (let i = 0; i + 1 < nameBytes; i += 2) {
      const c = view.getUint16(i, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    // version 3 files may leave garbage in the size's high half
    const high = major === 4 ? view.getUint32(124, true) : 0;
    return {
      name,
      type: view.getUint8(66),
      left: view.getUint32(68, true),
      right: view.getUint32(72, true),
      child: view.getUint32(76, true),
      start: view.getUint32(116, true),
      size: high * 0x100000000 + view.getUint32(120, true),
    };
  }

  /** The root's children: a tree by left and right siblings, each entry visited once. */
  private collectTop(first: number): void {
    const seen = new Set<number>();
    const pending = [first];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (id === NOSTREAM || id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries[id];
      if (!this.top.has(entry.name.toUpperCase())) this.top.set(entry.name.toUpperCase(), entry);
      pending.push(entry.left, entry.right);
    }
  }

  /** The names at the top of the directory (streams and storages), as the file spells them. */
  names(): string[] {
    return [...this.top.values()].map((e) => e.name);
  }

  /** Whether a stream or storage of this name (any case) is at the top of the directory. */
  has(name: string): boolean {
    return this.top.has(name.toUpperCase());
  }

  /** The bytes of the stream of this name (any case) at the top of the directory, or null when there is none. */
  stream(name: string): Uint8Array | null {
    const entry = this.top.get(name.toUpperCase());
    if (entry === undefined || entry.type !== TYPE_STREAM) return null;
    const label: Bilingual = { zh: `流“${entry.name}”`, en: `stream ${entry.name}` };
    if (entry.size === 0) return new Uint8Array(0);
    if (entry.size >= this.miniCutoff) return this.chain(entry.start, label.zh, label.en, entry.size);
    if (this.miniStream === null) {
      const root = this.entries[0];
      this.miniStream = this.chain(root.start, "小扇区流", "mini stream", root.size);
      this.miniFat = uint32s(this.chain(this.miniFatStart, "小扇区分配表", "mini FAT"));
    }
    return this.chain(entry.start, label.zh, label.en, entry.size, true);
  }
}

function uint32s(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
