/**
 * What BALANCE.CHECK, DETAIL and WHATIF keep between calls, in one object owned by the custom-functions runtime
 * (functions.ts makes one when Excel loads the functions; it lives as long as that runtime). Excel calls CHECK
 * again for every row on each full recalculation (opening the workbook, Ctrl+Alt+F9) although the rows have not
 * changed: an unchanged row gives the same answer, so the reader and the engine run once per distinct row and
 * profile. Nothing kept changes an answer, only how soon it comes.
 */
import {
  schoolSectionReader,
  standardsByLevel,
  type LevelStandards,
  type SchoolSectionReader,
  type SectionResult,
} from "../engine";
import type { Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { ReaderCache } from "../sheet/read";
import type { ArgumentCell, ArgumentMatrix } from "./args";
import type { FunctionError } from "./errors";

/** What the functions answer from: the school's name and its evaluated sections (no more is kept, so that the
 * rows held cost the collector little). */
export interface EvaluatedRow {
  name: string;
  sections: SectionResult[];
}

/** The rows kept per profile: the oldest go first. */
export const ROW_MEMO_SIZE = 2048;

function cellHash(v: ArgumentCell): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === "number") {
    // whole numbers (most figures) by integer multiplication; others through the double products
    return (v | 0) === v ? Math.imul(v, 0x9e3779b1) ^ (v >>> 15) : (v * 2654435761) ^ (v * 40503 * 65536);
  }
  if (typeof v === "string") {
    const n = v.length;
    return n === 0
      ? 1
      : n * 31 + v.charCodeAt(0) * 7 + v.charCodeAt(n >> 1) * 131 + v.charCodeAt(n - 1) * 8191;
  }
  return typeof v === "boolean" ? (v ? 3 : 5) : 7;
}

/** A cheap hash of a row and its headers: it picks a bucket, the cells are then compared exactly. */
export function argumentsHash(row: ArgumentMatrix, headers: ArgumentMatrix | null): number {
  const rangeHash = (range: ArgumentMatrix, seed: number): number => {
    let h = seed;
    for (const r of range) {
      for (const v of r) h = Math.imul(h ^ cellHash(v), 16777619);
      h = Math.imul(h ^ 0x9e3779b9, 16777619);
    }
    return h;
  };
  return rangeHash(row, headers ? rangeHash(headers, 0x811c9dc5) : 0x811c9dc5);
}

/**
 * Same content, cell by cell: what the reader would read the same. Error values are the same when their codes are
 * (the reader's message names the code: a row whose #N/A became #DIV/0! is told so).
 */
function sameCell(a: ArgumentCell, b: ArgumentCell): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (
    typeof a === "object" &&
    typeof b === "object" &&
    a !== null &&
    b !== null &&
    !(a instanceof Date) &&
    !(b instanceof Date) &&
    (a as { code?: unknown }).code === (b as { code?: unknown }).code
  );
}

function sameRange(a: ArgumentMatrix | null, b: ArgumentMatrix | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (!sameCell(x[c], y[c])) return false;
  }
  return true;
}

/**
 * The hashes of rows seen once, four to a slot (a fifth pushes the oldest out). A row is kept only when its hash
 * is seen a second time: a row read once is not worth keeping, and keeping every row for a while makes the
 * collector copy them all, which costs more than reading them on a sheet of distinct rows. Four to a slot, so
 * that two rows of a county whose hashes share a slot do not push each other out on every recalculation.
 */
class SeenOnce {
  private static readonly SLOTS = 2 * ROW_MEMO_SIZE;
  private static readonly WAYS = 4;
  private readonly hashes = new Int32Array(SeenOnce.SLOTS * SeenOnce.WAYS);

  /** True when the hash was seen before (and is still in its slot); notes it otherwise. */
  seenBefore(hash: number): boolean {
    const seen = this.hashes;
    const ways = SeenOnce.WAYS;
    const h = hash | 0;
    const base = ((h ^ (h >>> 13)) & (SeenOnce.SLOTS - 1)) * ways;
    for (let i = 0; i < ways; i++) if (seen[base + i] === h) return true;
    for (let i = ways - 1; i > 0; i--) seen[base + i] = seen[base + i - 1];
    seen[base] = h;
    return false;
  }
}

interface MemoEntry {
  row: ArgumentMatrix;
  headers: ArgumentMatrix | null;
  result: EvaluatedRow | FunctionError;
}

/** The rows evaluated under one profile, by the content of their arguments; bounded, the oldest out first. */
class EvaluatedRows {
  /** where each new row's school is read into for the engine (engine/columns.ts `sectionsOfSchool`) */
  readonly schools: SchoolSectionReader;
  /** what the rows' sections are judged against, per level (engine/sectionResult.ts `levelStandards`) */
  readonly standards: Record<Level, LevelStandards>;
  private readonly seen = new SeenOnce();
  private readonly buckets = new Map<number, MemoEntry[]>();
  /** the buckets' hashes, oldest first from `head`: a Map's first key is slow to find after many deletions */
  private order: number[] = [];
  private head = 0;
  private size = 0;

  constructor(profile: Profile) {
    this.schools = schoolSectionReader(profile);
    this.standards = standardsByLevel(profile);
  }

  find(hash: number, row: ArgumentMatrix, headers: ArgumentMatrix | null): MemoEntry["result"] | undefined {
    return this.buckets.get(hash)?.find((e) => sameRange(e.row, row) && sameRange(e.headers, headers))
      ?.result;
  }

  /** Keeps the answer of a row whose hash was seen before; notes the hash of a row seen the first time. */
  offer(
    hash: number,
    row: ArgumentMatrix,
    headers: ArgumentMatrix | null,
    result: MemoEntry["result"],
  ): void {
    if (!this.seen.seenBefore(hash)) return;
    if (this.size >= ROW_MEMO_SIZE && this.head < this.order.length) {
      const oldest = this.order[this.head++];
      this.size -= (this.buckets.get(oldest) as MemoEntry[]).length;
      this.buckets.delete(oldest);
      if (this.head >= ROW_MEMO_SIZE) {
        this.order = this.order.slice(this.head);
        this.head = 0;
      }
    }
    const copy = (range: ArgumentMatrix) => range.map((r) => r.slice());
    const entry: MemoEntry = { row: copy(row), headers: headers ? copy(headers) : null, result };
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push(entry);
    else {
      this.buckets.set(hash, [entry]);
      this.order.push(hash);
    }
    this.size++;
  }
}

export class SchoolRowCache {
  /** the reader's: the template's plan, header readings, school types and locales as written */
  readonly reader = new ReaderCache();
  private readonly evaluated = new WeakMap<Profile, EvaluatedRows>();

  /** The rows evaluated under a profile (a profile chosen in the pane is a new object: its rows start empty). */
  rowsOf(profile: Profile): EvaluatedRows {
    let rows = this.evaluated.get(profile);
    if (!rows) {
      rows = new EvaluatedRows(profile);
      this.evaluated.set(profile, rows);
    }
    return rows;
  }
}
