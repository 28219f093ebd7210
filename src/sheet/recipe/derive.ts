/**
 * Derivations (docs/import.md#recipe-format): a field of the school table computed from source cells — one cell, a
 * sum, a difference — with the cells it came from, so that every problem about a derived value names them
 * (`教学及辅助用房面积 = 教学及辅助用房›计 − 其中：室内体育用房（学校!K7 − 学校!L7）`). Pure functions: a derivation
 * bound to its sources, and a reader of one source cell, give the value; nothing here knows a sheet or a host.
 */
import { columnById, type ColumnKind } from "../../standard/columns";
import { readNumber } from "../cells";
import { tenThousand } from "../read/figures";
import type { Problem } from "../../problems/problem";
import type { Derivation } from "./schema";
import { recipeProblem } from "./problem";

/** A source a derivation reads: a column of a table, or a cell of a form. */
export interface BoundLeaf {
  /** the labels that name it as the table writes them, top level first (its header path) */
  labels: readonly string[];
  /** the money unit the table states for it (its header or the unit row), or null */
  unit: "万元" | "元" | null;
}

/** A derivation whose leaves are bound to their sources; `firstOf` is decided when binding. */
export type BoundNode<L extends BoundLeaf> =
  | { kind: "leaf"; leaf: L }
  | { kind: "sum"; parts: BoundNode<L>[] }
  | { kind: "difference"; parts: BoundNode<L>[] };

/** What a leaf of the recipe binds to, or why it does not. */
export type LeafBinding<L> = { ok: true; leaf: L } | { ok: false; missing: string };

/**
 * Binds a derivation: each leaf through `bindLeaf`; a `firstOf` takes its first alternative whose leaves all bind.
 * Returns the bound derivation, or the leaves that name nothing (of the first alternative, for a `firstOf`).
 */
export function bindDerivation<Leaf, L extends BoundLeaf>(
  derivation: Derivation<Leaf>,
  bindLeaf: (leaf: Leaf) => LeafBinding<L>,
): { ok: true; node: BoundNode<L> } | { ok: false; missing: string[] } {
  if (typeof derivation === "object" && derivation !== null) {
    if ("firstOf" in derivation) {
      let first: string[] | null = null;
      for (const alternative of derivation.firstOf) {
        const bound = bindDerivation(alternative, bindLeaf);
        if (bound.ok) return bound;
        first ??= bound.missing;
      }
      return { ok: false, missing: first ?? [] };
    }
    const kind = "sum" in derivation ? "sum" : "difference" in derivation ? "difference" : null;
    if (kind !== null) {
      const parts =
        kind === "sum"
          ? (derivation as { sum: Derivation<Leaf>[] }).sum
          : (derivation as { difference: Derivation<Leaf>[] }).difference;
      const bound: BoundNode<L>[] = [];
      const missing: string[] = [];
      for (const part of parts) {
        const b = bindDerivation(part, bindLeaf);
        if (b.ok) bound.push(b.node);
        else missing.push(...b.missing);
      }
      return missing.length > 0 ? { ok: false, missing } : { ok: true, node: { kind, parts: bound } };
    }
  }
  const leaf = bindLeaf(derivation as Leaf);
  return leaf.ok
    ? { ok: true, node: { kind: "leaf", leaf: leaf.leaf } }
    : { ok: false, missing: [leaf.missing] };
}

/** The leaves of a bound derivation, in order. */
export function leavesOf<L extends BoundLeaf>(node: BoundNode<L>): L[] {
  return node.kind === "leaf" ? [node.leaf] : node.parts.flatMap(leavesOf);
}

const OPERATOR = { sum: " + ", difference: " − " } as const;

/**
 * How a bound derivation reads to a person: `教学及辅助用房›计 − 其中：室内体育用房`. The labels its leaves share are
 * said once: the first leaf keeps the last shared label for context, the others start below it.
 */
export function derivationText<L extends BoundLeaf>(node: BoundNode<L>): string {
  const leaves = leavesOf(node);
  let shared = 0;
  if (leaves.length > 1) {
    const first = leaves[0].labels;
    const limit = Math.min(...leaves.map((l) => l.labels.length - 1));
    while (shared < limit && leaves.every((l) => l.labels[shared] === first[shared])) shared++;
  }
  let index = 0;
  const shown = (leaf: L) => {
    const from = index++ === 0 ? Math.max(0, shared - 1) : shared;
    return leaf.labels.slice(from).join("›");
  };
  return formula(node, shown);
}

/** A derivation written out with each leaf as `shown` gives it, brackets where an operator changes. */
export function formula<L extends BoundLeaf>(node: BoundNode<L>, shown: (leaf: L) => string): string {
  if (node.kind === "leaf") return shown(node.leaf);
  return node.parts
    .map((part) => {
      const text = formula(part, shown);
      const bracket = part.kind !== "leaf" && !(part.kind === "sum" && node.kind === "sum");
      return bracket ? `（${text}）` : text;
    })
    .join(OPERATOR[node.kind]);
}

/** A source cell as read: where it is, the value it gave (engine units), or null when blank or unreadable. */
export interface SourceCell {
  cell: string;
  labels: readonly string[];
  value: number | null;
}

/** A field's value derived from one row (or one form workbook). */
export interface DerivedValue {
  /** engine units (people, m², 元, rooms); null when every source is blank, or one could not be read */
  value: number | null;
  /** a source cell could not be read (reported) */
  invalid: boolean;
  /** the source cells, in the derivation's order */
  sources: SourceCell[];
  /** the derivation written with the source cells: `学校!K7 − 学校!L7` */
  cells: string;
}

/** What deriving needs besides the derivation: the field, the default money unit, where problems go. */
export interface DeriveContext {
  /** column id of the school table (standard/columns) */
  field: string;
  /** the derivation as text (derivationText), for messages */
  derivation: string;
  /** the unit of money the table does not state (the profile's equipmentDefaultUnit) */
  defaultUnit: "万元" | "元";
  report(problem: Problem): void;
  /**
   * The cells of one row already reported, by code and cell: a cell several fields read (本科, in both the primary
   * and the junior qualified teachers) is one problem naming every use, not one per field.
   */
  said?: Map<string, SaidCell>;
}

/** A source cell's problem and the fields it was read for, in the order they were derived. */
export interface SaidCell {
  problem: Problem;
  head: { zh: string; en: string };
  uses: { zh: string[]; en: string[] };
}

/** Reports a problem of a source cell, or adds this field's use to the one its cell already has. */
function reportLeaf(ctx: DeriveContext, code: string, cell: string, head: { zh: string; en: string }): void {
  const use = {
    zh: `${columnById(ctx.field)?.zh ?? ctx.field} = ${ctx.derivation}`,
    en: `${columnById(ctx.field)?.en ?? ctx.field} = ${ctx.derivation}`,
  };
  const key = `${code}\u0000${cell}`;
  const said = ctx.said?.get(key);
  const entry: SaidCell = said ?? {
    problem: recipeProblem("error", code, cell, "", ""),
    head,
    uses: { zh: [], en: [] },
  };
  entry.uses.zh.push(use.zh);
  entry.uses.en.push(use.en);
  entry.problem.message = {
    zh: `${entry.head.zh}（用于 ${entry.uses.zh.join("；")}）。`,
    en: `${entry.head.en} (used in ${entry.uses.en.join("; ")}).`,
  };
  if (said) return;
  ctx.said?.set(key, entry);
  ctx.report(entry.problem);
}

/** One source cell as the host holds it. */
export interface LeafReading {
  raw: unknown;
  cell: string;
}

function readLeaf<L extends BoundLeaf>(
  leaf: L,
  reading: LeafReading,
  kind: ColumnKind,
  ctx: DeriveContext,
): { value: number | null; invalid: boolean } {
  const { cell } = reading;
  const path = leaf.labels.join("›");
  const number = readNumber(reading.raw);
  if (number.kind === "blank") return { value: null, invalid: false };
  if (number.kind === "notNumber") {
    const c = number.cell;
    const text =
      c.kind === "blank" || c.kind === "number" ? "" : String(c.kind === "boolean" ? c.value : c.text);
    const code = c.kind === "error" ? "excel-error" : c.kind === "date" ? "date-not-number" : "not-a-number";
    reportLeaf(ctx, code, cell, {
      zh: `${cell}“${path}”应为数字，而填的是“${text}”`,
      en: `${cell} ("${path}") should be a number but holds "${text}"`,
    });
    return { value: null, invalid: true };
  }
  const value = number.value;
  if (value < 0) {
    reportLeaf(ctx, "negative-number", cell, {
      zh: `${cell}“${path}”为负数（${value}），应不小于 0`,
      en: `${cell} ("${path}") is negative (${value}); it must be 0 or more`,
    });
    return { value: null, invalid: true };
  }
  if ((kind === "count" || kind === "rooms") && !Number.isInteger(value)) {
    reportLeaf(ctx, "fractional-count", cell, {
      zh: `${cell}“${path}”为 ${value}，人数和间数应为整数`,
      en: `${cell} ("${path}") is ${value}; counts of people and rooms are whole numbers`,
    });
    return { value: null, invalid: true };
  }
  if (kind === "money" && (leaf.unit ?? ctx.defaultUnit) === "万元")
    return { value: tenThousand(value), invalid: false };
  return { value, invalid: false };
}

/**
 * Derives a field from one row: sums and differences over the leaves' cells, read by `read`. A sum of blanks is
 * blank and a blank in a sum counts 0; a difference is blank when its first term is, and one below 0 is taken as 0
 * with a warning naming its cells (indoor sports rooms larger than the teaching rooms that include them).
 */
export function deriveValue<L extends BoundLeaf>(
  node: BoundNode<L>,
  read: (leaf: L) => LeafReading,
  ctx: DeriveContext,
): DerivedValue {
  const kind = columnById(ctx.field)?.kind ?? "area";
  const sources: SourceCell[] = [];
  let invalid = false;
  const evaluate = (n: BoundNode<L>): number | null => {
    if (n.kind === "leaf") {
      const reading = read(n.leaf);
      const got = readLeaf(n.leaf, reading, kind, ctx);
      if (got.invalid) invalid = true;
      sources.push({ cell: reading.cell, labels: n.leaf.labels, value: got.value });
      return got.value;
    }
    const values = n.parts.map(evaluate);
    if (n.kind === "sum") {
      return values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
    }
    const [first, ...rest] = values;
    if (first === null) return null;
    return rest.reduce<number>((d, v) => d - (v ?? 0), first);
  };
  let value = evaluate(node);
  let at = 0;
  const cells = formula(node, () => sources[at++].cell);
  if (value !== null && value < 0) {
    const name = columnById(ctx.field) ?? { zh: ctx.field, en: ctx.field };
    const shown = Number(value.toPrecision(12));
    ctx.report(
      recipeProblem(
        "warning",
        "derived-negative",
        sources[0]?.cell ?? null,
        `${name.zh} = ${ctx.derivation}（${cells}）得 ${shown}，小于 0，按 0 计：减去的部分大于总数，请核对。`,
        `${name.en} = ${ctx.derivation} (${cells}) gives ${shown}, below 0; taken as 0: what is subtracted exceeds the total, please check.`,
      ),
    );
    value = 0;
  }
  if (invalid) value = null;
  return { value, invalid, sources, cells };
}
