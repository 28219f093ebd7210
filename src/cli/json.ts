/**
 * The JSON documents of `--json`, written piece by piece. A county of 300,000 schools makes a document longer
 * than the longest string JavaScript can hold, so the document is never one string: its big arrays are walked
 * element by element, every small part is JSON.stringify's own text, and stdout is given one chunk at a time,
 * waiting while a slow reader catches up. The bytes are exactly those of `JSON.stringify(document, null, 2)`.
 */
import { writePieces, type CliIO } from "./io";

const INDENT = "  ";
/** A part of the document this small (in values) is written by JSON.stringify in one go. */
const SMALL = 512;

/**
 * An array whose elements are made as the writer reaches them (the sections of a county), so that they are never
 * all held at once. It is written as a JSON array; it can be written once.
 */
export class LazyJsonArray<T> {
  constructor(readonly items: Iterable<T>) {}
}

export function lazyJsonArray<T>(items: Iterable<T>): LazyJsonArray<T> {
  return new LazyJsonArray(items);
}

/** What JSON.stringify serializes in place of a value: toJSON's result, a boxed primitive unboxed. */
function resolve(value: unknown, key: string): unknown {
  if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") value = (toJSON as (key: string) => unknown).call(value, key);
  }
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean) return value.valueOf();
  return value;
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

/** How many values a value holds, counted up to `limit` + 1 (then it stops). */
function countUpTo(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count++;
    if (typeof v !== "object" || v === null) continue;
    if (v instanceof LazyJsonArray) return limit + 1;
    if (Array.isArray(v)) {
      if (v.length > limit) return limit + 1;
      for (const item of v) stack.push(item);
    } else {
      const keys = Object.keys(v);
      if (keys.length > limit) return limit + 1;
      for (const key of keys) stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return count;
}

/** Whether a value holds at most `budget` values. */
function isSmall(value: unknown, budget: number): boolean {
  return countUpTo(value, budget) <= budget;
}

/** JSON.stringify's text of a value standing at `indent`: its inner lines shifted right by the indent. */
function stringifyAt(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // a JSON string never holds a raw newline, so every newline is a line break of the layout
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}

/**
 * JSON.stringify's text of consecutive array items standing at `level` indents, each with its indent and
 * separated by ",\n": the items are wrapped in arrays to that depth and the wrapping cut off again, so that
 * JSON.stringify lays them out at their depth itself (shifting a text's lines afterwards costs as much again).
 */
function stringifyItemsAt(items: unknown[], level: number): string {
  let wrapped: unknown = items;
  for (let j = 1; j < level; j++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let prefix = 0;
  let suffix = 0;
  for (let j = 0; j < level; j++) {
    prefix += INDENT.length * j + 2; // the indent, "[" and a newline
    suffix += INDENT.length * j + 2; // a newline, the indent and "]"
  }
  return text.slice(prefix, text.length - suffix);
}

/** What a walk of the document carries: the size of a small part, the containers it is inside of. */
interface Walk {
  small: number;
  ancestors: object[];
}

function* arrayPieces(items: Iterable<unknown>, indent: string, walk: Walk): Generator<string> {
  const inner = indent + INDENT;
  const level = inner.length / INDENT.length;
  let first = true;
  let batch: unknown[] = [];
  let budget = walk.small;
  function* flush(): Generator<string> {
    if (batch.length === 0) return;
    yield `${first ? "[" : ","}\n${stringifyItemsAt(batch, level)}`;
    first = false;
    batch = [];
    budget = walk.small;
  }
  let index = 0;
  for (const raw of items) {
    const item = resolve(raw, String(index++));
    if (omitted(item)) {
      batch.push(null);
      continue;
    }
    // toJSON has been called with the item's index: JSON.stringify must not call it again
    const plain = typeof item !== "object" || item === null || !hasToJSON(item);
    const size = plain ? countUpTo(item, walk.small) : walk.small + 1;
    if (size <= walk.small) {
      if (size > budget) yield* flush();
      batch.push(item);
      budget -= size;
      continue;
    }
    yield* flush();
    yield `${first ? "[" : ","}\n${inner}`;
    first = false;
    yield* valuePieces(item, inner, walk);
  }
  yield* flush();
  yield first ? "[]" : `\n${indent}]`;
}

function* objectPieces(value: Record<string, unknown>, indent: string, walk: Walk): Generator<string> {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(value)) {
    const item = resolve(value[key], key);
    if (omitted(item)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* valuePieces(item, inner, walk);
  }
  yield first ? "{}" : `\n${indent}}`;
}

function* valuePieces(value: unknown, indent: string, walk: Walk): Generator<string> {
  const { ancestors } = walk;
  if (typeof value !== "object" || value === null || (!hasToJSON(value) && isSmall(value, walk.small))) {
    yield stringifyAt(value, indent);
    return;
  }
  if (ancestors.includes(value)) throw new TypeError("Converting circular structure to JSON");
  ancestors.push(value);
  if (value instanceof LazyJsonArray) yield* arrayPieces(value.items, indent, walk);
  else if (Array.isArray(value)) yield* arrayPieces(value, indent, walk);
  else yield* objectPieces(value as Record<string, unknown>, indent, walk);
  ancestors.pop();
}

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces; nothing for a value JSON.stringify leaves undefined.
 * `small`: how many values a part may hold to be written in one go (small in tests, to walk every path).
 */
export function* jsonPieces(value: unknown, small = SMALL): Generator<string> {
  const resolved = resolve(value, "");
  if (omitted(resolved)) return;
  yield* valuePieces(resolved, "", { small, ancestors: [] });
}

/** Writes one JSON document and a newline to stdout, a chunk at a time, waiting while stdout is full. */
export async function writeJsonDocument(io: CliIO, document: unknown): Promise<void> {
  function* document_(): Generator<string> {
    yield* jsonPieces(document);
    yield "\n";
  }
  await writePieces(io, document_());
}
