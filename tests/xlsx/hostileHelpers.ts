/**
 * What the reader's contract promises for any bytes at all, as assertions shared by the property tests of hostile
 * files (hostile.test.ts, hostile.slow.test.ts), and the mutations those tests make of real files: bytes flipped,
 * overwritten, cut off, ranges duplicated or deleted, and length fields spliced in with huge values.
 */
import fc from "fast-check";
import type { Grid } from "../../src/sheet/grid";
import type { WorkbookResult } from "../../src/xlsx/reader";

/** Excel's limits: no grid read from any file is larger than a sheet of Excel. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** What a JavaScript engine says of its own failures: never shown to a clerk. */
const ENGINE_WORDS =
  /\bat [\w.<>]+ \(|\n\s+at |TypeError|RangeError|SyntaxError|ReferenceError|Cannot read propert|is not a function|is not defined|Invalid array length|Maximum call stack|out of memory|Offset is outside|Invalid typed array|undefined|NaN|\[object /u;
const CHINESE = /[\u4e00-\u9fff]/u;
/** two English words in a row, outside what the message quotes of the file (a tag, a sheet's name) */
const ENGLISH_PHRASE = /[a-z]{3,} [a-z]{3,}/u;
const QUOTED = /<[^>]*>|“[^”]*”|"[^"]*"/gu;

/** The cells, hidden rows and columns and merges a grid holds: what reading it cost in memory, counted. */
export function gridSize(grid: Grid): number {
  let n = 0;
  grid.values.forEach((row) => {
    n++;
    // forEach passes over holes: only the cells the reader put there
    row.forEach(() => n++);
  });
  return n + (grid.hiddenRows?.length ?? 0) + (grid.hiddenColumns?.length ?? 0) + (grid.merges?.length ?? 0);
}

/** Entries the grids of a file may hold per byte of the file, and over that: generous, and still linear. */
export const ENTRIES_PER_BYTE = 64;
export const ENTRIES_FLOOR = 200_000;

/**
 * Asserts the contract for one result of `bytes`: read, each grid within Excel's limits and the grids' entries
 * bounded by the file's size; or a problem with a code and both messages, Chinese first, without an engine's words.
 */
export function expectContract(result: WorkbookResult, bytes: number): void {
  if (result.ok) {
    expect(Array.isArray(result.grids)).toBe(true);
    let total = 0;
    for (const grid of result.grids) {
      expect(typeof grid.sheet).toBe("string");
      expect(grid.values.length).toBeLessThanOrEqual(MAX_ROWS);
      grid.values.forEach((row) => expect(row.length).toBeLessThanOrEqual(MAX_COLUMNS));
      total += gridSize(grid);
    }
    expect(total).toBeLessThanOrEqual(ENTRIES_PER_BYTE * bytes + ENTRIES_FLOOR);
    return;
  }
  const { problem } = result;
  expect(typeof problem.code).toBe("string");
  expect(problem.code).not.toBe("");
  expect(problem.severity).toBe("error");
  expect(problem.message.zh).toMatch(CHINESE);
  expect(problem.message.en.trim()).not.toBe("");
  expect(problem.message.zh).not.toMatch(ENGINE_WORDS);
  expect(problem.message.en).not.toMatch(ENGINE_WORDS);
  // an English phrase inside the Chinese message is a library's words passed on, which a clerk cannot read
  expect(problem.message.zh.replace(QUOTED, "")).not.toMatch(ENGLISH_PHRASE);
}

/** Huge values a length, count, index or sector field may be made to hold. */
export const HUGE_U32 = [0xffffffff, 0xfffffffe, 0xfffffffa, 0x7fffffff, 0x80000000, 1e9, 0x10000, 0xffff];

export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "overwrite"; at: number; bytes: Uint8Array }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate"; from: number; length: number; to: number }
  | { kind: "delete"; from: number; length: number }
  | { kind: "u32"; at: number; value: number }
  | { kind: "u16"; at: number; value: number };

/** Positions are drawn as fractions of the input's length, so that one mutation fits any input. */
const place = fc.double({ min: 0, max: 1, noNaN: true });

/** A mutation of bytes of any length (positions scaled when applied). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: place, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant("overwrite" as const),
    at: place,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: place }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    from: place,
    length: fc.integer({ min: 1, max: 4096 }),
    to: place,
  }),
  fc.record({ kind: fc.constant("delete" as const), from: place, length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant("u32" as const), at: place, value: fc.constantFrom(...HUGE_U32) }),
  fc.record({
    kind: fc.constant("u16" as const),
    at: place,
    value: fc.constantFrom(0xffff, 0xfffe, 0x8000, 0),
  }),
);

const scaled = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * length));

/** The bytes with one mutation made. */
export function mutate(data: Uint8Array, m: Mutation): Uint8Array {
  const n = data.length;
  switch (m.kind) {
    case "flip": {
      const out = data.slice();
      const at = scaled(m.at, n - 1);
      if (n > 0) out[at] ^= 1 << m.bit;
      return out;
    }
    case "overwrite": {
      const out = data.slice();
      out.set(m.bytes.subarray(0, Math.max(0, n - scaled(m.at, n))), scaled(m.at, n));
      return out;
    }
    case "truncate":
      return data.slice(0, scaled(m.at, n));
    case "duplicate": {
      const from = scaled(m.from, n);
      const piece = data.subarray(from, Math.min(n, from + m.length));
      const to = scaled(m.to, n);
      return concat(data.subarray(0, to), piece, data.subarray(to));
    }
    case "delete": {
      const from = scaled(m.from, n);
      return concat(data.subarray(0, from), data.subarray(Math.min(n, from + m.length)));
    }
    case "u32":
    case "u16": {
      const size = m.kind === "u32" ? 4 : 2;
      if (n < size) return data;
      const out = data.slice();
      writeLE(out, scaled(m.at, n - size), m.value, size);
      return out;
    }
  }
}

export function writeLE(out: Uint8Array, at: number, value: number, size: 2 | 4): void {
  for (let i = 0; i < size; i++) out[at + i] = Math.floor(value / 2 ** (8 * i)) & 0xff;
}

/** The bytes of the parts, one after another. */
export const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** A text mutation: a piece of hostile markup or text put in at a place, or a range cut or repeated. */
export type TextMutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "cut"; from: number; length: number }
  | { kind: "repeat"; from: number; length: number; times: number };

export const textMutation = (pieces: string[]): fc.Arbitrary<TextMutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), at: place, text: fc.constantFrom(...pieces) }),
    fc.record({ kind: fc.constant("insert" as const), at: place, text: fc.string({ maxLength: 8 }) }),
    fc.record({ kind: fc.constant("cut" as const), from: place, length: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({
      kind: fc.constant("repeat" as const),
      from: place,
      length: fc.integer({ min: 1, max: 400 }),
      times: fc.integer({ min: 2, max: 200 }),
    }),
  );

export function mutateText(text: string, m: TextMutation): string {
  const n = text.length;
  switch (m.kind) {
    case "insert": {
      const at = scaled(m.at, n);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "cut": {
      const from = scaled(m.from, n);
      return text.slice(0, from) + text.slice(from + m.length);
    }
    case "repeat": {
      const from = scaled(m.from, n);
      const piece = text.slice(from, from + m.length);
      return text.slice(0, from) + piece.repeat(m.times) + text.slice(from);
    }
  }
}
