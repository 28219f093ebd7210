/**
 * What a what-if's edits cost (docs/plans.md#whatif-cost), at the plan's unit costs and by its one price rule
 * (./plan/costs.ts): the cost model and its prices live there once; this only says which edits it prices and how.
 * It takes the edits and the scenario's result (which edits applied) and never applies an edit itself.
 */
import { FACILITY_INDICATORS, LEVELS, TEACHER_INDICATORS, type IndicatorId } from "../standard/indicators";
import { formatWan, type Lang } from "../i18n/format";
import { countOf } from "../i18n/count";
import type { Edit } from "./edits";
import { costParts, resourceCost, type CostParts, type UnitCosts } from "./plan/costs";

export interface Words {
  zh: string;
  en: string;
}

/** One resource an edit adds (or, for teachers, takes away), priced: `amount` in people, m², 元 or rooms. */
export interface PricedItem {
  resource: IndicatorId;
  amount: number;
  /** 元 (元 a year for teachers) */
  cost: number;
}

/** An applied edit's cost: `edit` is its index in the edits given. */
export type EditCost =
  | ({ edit: number; priced: true; items: PricedItem[]; note: Words | null } & CostParts)
  | { edit: number; priced: false; reason: Words };

export interface WhatIfCost extends CostParts {
  /** the applied edits in order, each priced or said not to be */
  edits: EditCost[];
  /** how many applied edits the cost model does not price */
  unpriced: number;
}

/** Why the cost model prices no edit of a kind (or no amount of one), said beside it: never a silent zero. */
const NOT_PRICED = {
  students: {
    zh: "在校生变化不是成本模型计价的投入",
    en: "enrolment is not something the cost model prices",
  },
  facilityRemoved: {
    zh: "减少设施收不回建设投入，成本模型不计",
    en: "removing a facility recovers no cost the model prices",
  },
  merge: {
    zh: "撤并的交通、寄宿、改造等费用不在成本模型中",
    en: "a merge's transport, boarding and refitting are not in the cost model",
  },
  close: {
    zh: "撤销学校的费用和节余不在成本模型中",
    en: "what closing a school costs or saves is not in the cost model",
  },
  move: {
    zh: "学生调整不是成本模型计价的投入",
    en: "moving students is not something the cost model prices",
  },
} as const satisfies Record<string, Words>;

const NOTES = {
  transfer: {
    zh: "交流不增加教师，工资总额不变",
    en: "a transfer adds no teacher: the pay bill is unchanged",
  },
  leave: { zh: "减员，每年少支出", en: "fewer teachers: a year's pay saved" },
  newSchool: {
    zh: "教师和校舍、场地、设备、多媒体教室按单位成本计，不含征地等",
    en: "teachers, buildings, grounds, equipment and rooms at the unit costs; land and the like not included",
  },
} as const satisfies Record<string, Words>;

function priced(edit: number, items: PricedItem[], note: Words | null): EditCost {
  return { edit, priced: true, items, note, ...costParts(items) };
}

/** One edit's cost at the unit costs, or why it has none the model can say. */
export function editCost(edit: Edit, index: number, costs: Readonly<UnitCosts>): EditCost {
  const item = (resource: IndicatorId, amount: number): PricedItem => ({
    resource,
    amount,
    cost: resourceCost(costs, resource, amount),
  });
  const not = (reason: Words): EditCost => ({ edit: index, priced: false, reason });
  switch (edit.kind) {
    case "setStudents":
    case "addStudents":
      return not(NOT_PRICED.students);
    case "addFacility":
      return edit.amount < 0
        ? not(NOT_PRICED.facilityRemoved)
        : priced(index, [item(edit.resource, edit.amount)], null);
    case "hireTeachers":
      // a teacher fewer is a year of pay saved: the cost is recurring, not sunk as a building's is
      return priced(index, [item(edit.resource, edit.count)], edit.count < 0 ? NOTES.leave : null);
    case "transferTeachers":
      return priced(index, [], NOTES.transfer);
    case "mergeSchool":
      return not(NOT_PRICED.merge);
    case "closeSchool":
      return not(NOT_PRICED.close);
    case "moveStudents":
      return not(NOT_PRICED.move);
    case "openSchool": {
      const { teachers, facilities } = edit.record;
      const items: PricedItem[] = [];
      for (const id of TEACHER_INDICATORS) {
        const count = LEVELS.reduce((n, l) => n + (teachers[l]?.[id] ?? 0), 0);
        if (count > 0) items.push(item(id, count));
      }
      for (const id of FACILITY_INDICATORS) if (facilities[id] > 0) items.push(item(id, facilities[id]));
      return priced(index, items, NOTES.newSchool);
    }
  }
}

/**
 * The cost of the edits a scenario applied (`result.applied`, indexes into `edits`): each edit's, and the total of
 * those priced in the plan's two parts. Edits not applied change nothing and cost nothing; they are not listed.
 */
export function whatIfCost(
  edits: readonly Edit[],
  result: { applied: readonly number[] },
  costs: Readonly<UnitCosts>,
): WhatIfCost {
  const list = result.applied.map((i) => editCost(edits[i], i, costs));
  const items = list.flatMap((c) => (c.priced ? c.items : []));
  return {
    edits: list,
    unpriced: list.filter((c) => !c.priced).length,
    ...costParts(items),
  };
}

/** The two parts of a cost in words: 一次性投入 420.00 万元，每年 24.00 万元; nothing at all: 0.00 万元. */
function partsWords(c: CostParts, lang: Lang): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  if (c.oneOffCost !== 0)
    parts.push(zh ? `一次性投入 ${formatWan(c.oneOffCost, lang)}` : `${formatWan(c.oneOffCost, lang)} once`);
  if (c.recurringCost !== 0)
    parts.push(
      zh ? `每年 ${formatWan(c.recurringCost, lang)}` : `${formatWan(c.recurringCost, lang)} a year`,
    );
  return parts.length > 0 ? parts.join(zh ? "，" : ", ") : formatWan(0, lang);
}

/** One edit's cost in words, for the CLI's list and the pane's: 一次性投入 420.00 万元, 不计费用（…）. */
export function editCostWords(c: EditCost, lang: Lang): string {
  const zh = lang === "zh";
  if (!c.priced) return zh ? `不计费用（${c.reason.zh}）` : `not priced (${c.reason.en})`;
  const note = c.note ? (zh ? `（${c.note.zh}）` : ` (${c.note.en})`) : "";
  return `${partsWords(c, lang)}${note}`;
}

/** The what-if's total in words, with the edits the model does not price counted beside it. */
export function whatIfCostWords(c: WhatIfCost, lang: Lang): string {
  const zh = lang === "zh";
  const unpriced =
    c.unpriced > 0
      ? zh
        ? `；另有 ${c.unpriced} 项不计费用`
        : `; ${countOf(c.unpriced, "edit")} not priced`
      : "";
  return zh
    ? `费用合计（按规划的单位成本）：${partsWords(c, lang)}${unpriced}`
    : `Cost in all (at the plan's unit costs): ${partsWords(c, lang)}${unpriced}`;
}

/**
 * A plan made after a what-if's edits (docs/plans.md#plan-edits) and the edits' own cost, added up part by part:
 * what the county spends in all to pass that way. The edits the model does not price stay out, as in their sum.
 */
export function withEditsCost(plan: CostParts, edits: CostParts): CostParts {
  return {
    recurringCost: plan.recurringCost + edits.recurringCost,
    oneOffCost: plan.oneOffCost + edits.oneOffCost,
    totalCost: plan.totalCost + edits.totalCost,
  };
}

/** The line under a plan made after edits: 连同修改清单的费用：一次性投入 …，每年 … */
export function withEditsCostWords(c: CostParts, edits: WhatIfCost, lang: Lang): string {
  const zh = lang === "zh";
  const unpriced =
    edits.unpriced > 0
      ? zh
        ? `（修改清单中不计费用的 ${edits.unpriced} 项未计入）`
        : ` (${countOf(edits.unpriced, "edit")} not priced left out)`
      : "";
  return zh
    ? `连同修改清单本身的费用，合计：${partsWords(c, lang)}${unpriced}`
    : `With the edits' own cost, in all: ${partsWords(c, lang)}${unpriced}`;
}
