/**
 * The what-if's edits as rows of a sheet, as the screen lists them (模拟方案's list of edits, the plan's 模拟修改):
 * each edit in words, under it what the engine said it moved or dropped (docs/plans.md#effects) and its cost at the
 * plan's unit costs or why it has none (docs/plans.md#whatif-cost), then the edits' cost in all. Every figure and
 * every word is the engine's (src/engine/whatifCost.ts, src/engine/scenario/effects.ts): nothing is worked out here.
 */
import type { Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import type { EditEffect } from "../engine/scenario";
import { editCostWords, whatIfCostWords, type EditCost, type WhatIfCost } from "../engine/whatifCost";
import type { ReportCell } from "./model";
import type { SheetBuilder } from "./print";

/** One edit as a sheet lists it: its words, what it moved or dropped, its cost (null: not applied, no cost). */
export interface EditRow {
  text: string;
  effects: readonly EditEffect[];
  cost: EditCost | null;
}

/**
 * The edits a plan was made after (docs/plans.md#plan-edits), for its sheet: the edits applied in words, the place
 * of each as the engine's effects name it, the effects and the edits' cost; `notApplied`, edits the pane could not
 * apply and left out of the plan.
 */
export interface PlannedEdits {
  described: readonly string[];
  applied: readonly number[];
  effects: readonly EditEffect[];
  cost: WhatIfCost;
  notApplied?: number;
}

/** The applied edits of a plan made after them, each with its effects and its cost, in the order applied. */
export function plannedEditRows(edits: PlannedEdits): EditRow[] {
  return edits.described.map((text, i) => ({
    text,
    effects: edits.effects.filter((e) => e.edit === edits.applied[i]),
    cost: edits.cost.edits[i] ?? null,
  }));
}

/**
 * The edits' table over columns 0..c1 (number in column 0, the words in 1..c1): one edit's rows kept on one page,
 * its number beside all of them, then the edits' cost in all. Returns the header's row.
 */
export function pushEditRows(
  b: SheetBuilder,
  rows: readonly EditRow[],
  cost: WhatIfCost,
  lang: Lang,
  c1: number,
): number {
  const header = (value: string): ReportCell => ({ value, style: "header" });
  const top = b.push([header(lang === "zh" ? "序号" : "No."), header(lang === "zh" ? "修改" : "Edit")]);
  b.merge(top, 1, top, c1);
  const line = (cell: ReportCell) => {
    const r = b.push([{}, { ...cell, wrap: true }]);
    b.merge(r, 1, r, c1);
  };
  rows.forEach((row, i) => {
    const first = b.push([
      { value: i + 1, format: "0", align: "center" },
      { value: row.text, wrap: true },
    ]);
    b.merge(first, 1, first, c1);
    for (const e of row.effects) line({ value: e.words[lang] });
    if (row.cost) line({ value: t(lang, "whatifCostOf", { cost: editCostWords(row.cost, lang) }) });
    const end = b.next - 1;
    if (end > first) b.merge(first, 0, end, 0);
    b.keep(first, end, end - first + 1);
  });
  if (rows.length === 0)
    b.pushSpan({ value: lang === "zh" ? "（无修改）" : "(no edits)", style: "note" }, 0, c1);
  else if (cost.edits.length > 0)
    b.pushSpan({ value: whatIfCostWords(cost, lang), style: "bold", wrap: true }, 0, c1);
  b.border(top, 0, b.next - 1, c1);
  // a long list runs on to another page under its header again
  b.repeatHeader(top, top, b.next - 1);
  return top;
}
