import type { Profile } from "../../standard/profile";
import type { Level } from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { evaluate, type Evaluation } from "../evaluate";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { DEFAULT_UNIT_COSTS, type UnitCosts } from "./costs";
import { buildPlanModel, type PlanModel } from "./model";
import { emptyAdditions, type PlanAdditions } from "./additions";
import { planSchool } from "./perSchool";
import {
  baselineCostsOf,
  checker,
  describePlan,
  planLeastCost,
  type LeastCostPlan,
  type PlanOptions,
} from "./leastCost";

/** A section by its school and level. */
export interface SectionName {
  school: string;
  level: Level;
}

/**
 * What a budget buys (docs/plans.md#budget). The budget counts as the plan's cost does: one year of the teachers'
 * pay plus the one-off costs, in 元.
 */
export interface BudgetPlan {
  /** 元 */
  budget: number;
  /** the least-cost plan that makes the county pass (`planLeastCost`), whatever it costs */
  full: LeastCostPlan;
  /** the full plan passes and costs no more than the budget: `plan` is the full plan */
  fits: boolean;
  /**
   * no plan that passes costs as little as the budget: the full plan's proven lower bound (its exact cost when no
   * coefficient binds) is above it. False where the budget lies between that bound and the full plan's cost.
   */
  provenShort: boolean;
  /**
   * the plan within the budget: the full plan when it fits, else the additions that bring the most failing
   * sections to pass, and of those the cheapest (`method` "budget")
   */
  plan: LeastCostPlan;
  /** included sections, and those passing before and after `plan`, by the engine */
  included: number;
  passingBefore: number;
  passingAfter: number;
  /** included sections that still fail after `plan` */
  remainingSections: SectionName[];
}

/**
 * The plan a budget buys. When the least-cost plan to pass (`planLeastCost`) fits, that plan. Otherwise the
 * additions that make the most failing sections pass within the budget, and among those the cheapest; the
 * difference coefficients are not pursued, and those still over their limit are reported (`plan.cv.remaining`).
 *
 * Exact, by a multiple-choice knapsack: a section passes by additions to its own school only (its teachers and
 * the school's facilities), so for each school and each set of its failing sections (one or two) the least cost of
 * making that set pass is the per-school optimum restricted to it (`planSchool`, exact, projects included); the
 * least cost of bringing v sections to pass across the county is then a dynamic programme over the schools and
 * v, and the answer is the largest v whose least cost is within the budget. Additions only add, so no passing
 * section fails. Counted in schools and sections, never in time.
 */
export async function planWithinBudget(
  records: readonly SchoolRecord[],
  profile: Profile,
  budget: number,
  costs: UnitCosts = DEFAULT_UNIT_COSTS,
  options: PlanOptions & {
    /** the least-cost plan of these records, costs and options, when it is at hand already */
    full?: LeastCostPlan;
  } = {},
): Promise<BudgetPlan> {
  const full = options.full ?? (await planLeastCost(records, profile, costs, options));
  const model = buildPlanModel(records, profile, costs, options.projects ?? null);
  const baseline = evaluate(records, profile);
  const within = (cost: number) => cost <= budget * (1 + RELATIVE_TOLERANCE);
  const fits = full.passesAfter && within(full.totalCost);
  const exactCost = full.method === "perSchool" && full.passesAfter ? full.totalCost : full.cv.lowerBound;
  const provenShort = !fits && exactCost !== null && !within(exactCost);
  const plan = fits
    ? full
    : describePlan(model, checker(model, records, baseline)(mostSectionsWithin(model, budget)), {
        method: "budget",
        iterations: 0,
        lowerBound: null,
        ...baselineCostsOf(model),
      });
  const before = tally(baseline);
  const after = tally(plan.evaluation);
  return {
    budget,
    full,
    fits,
    provenShort,
    plan,
    included: after.included,
    passingBefore: before.passing,
    passingAfter: after.passing,
    remainingSections: after.failing,
  };
}

function tally(evaluation: Evaluation): { included: number; passing: number; failing: SectionName[] } {
  let included = 0;
  let passing = 0;
  const failing: SectionName[] = [];
  for (const s of evaluation.sections) {
    if (!s.included) continue;
    included++;
    if (s.pass) passing++;
    else failing.push({ school: s.school, level: s.level });
  }
  return { included, passing, failing };
}

/** One way to spend on a school: the sections it brings to pass and the additions, at their cost. */
interface Choice {
  school: number;
  count: number;
  cost: number;
  teachers: number[][];
  facilities: number[];
  bands: PlanAdditions["bands"];
}

/**
 * The additions that bring the most failing sections to pass within the budget, and of those the cheapest: the
 * dynamic programme of `planWithinBudget`. Ties go to the earlier school's cheaper choice, so the plan is the same
 * on every run.
 */
export function mostSectionsWithin(model: PlanModel, budget: number): PlanAdditions {
  const choicesBySchool: Choice[][] = [];
  for (const school of model.schools) {
    const failing = school.sections.filter((s) => !s.passes).map((s) => s.index);
    const choices: Choice[] = [];
    // every non-empty set of the school's failing sections (bit i: the i-th failing section)
    for (let set = 1; set < 1 << failing.length; set++) {
      const wanted = new Set(failing.filter((_, i) => set & (1 << i)));
      const p = planSchool(model, school, undefined, wanted);
      // a section no addition can reach is no choice
      if (!Number.isFinite(p.cost)) continue;
      choices.push({ school: school.index, count: wanted.size, ...p });
    }
    if (choices.length > 0) choicesBySchool.push(choices);
  }
  const sections = choicesBySchool.reduce((n, c) => n + Math.max(...c.map((x) => x.count)), 0);
  // least[v]: the least cost of bringing v sections to pass with the schools seen so far; picks[i][v]: the
  // choice of the i-th school on the way there (−1: none), so that the plan is traced back once
  let least = new Float64Array(sections + 1).fill(Infinity);
  least[0] = 0;
  const picks = choicesBySchool.map((choices) => {
    const next = least.slice();
    const pick = new Int32Array(sections + 1).fill(-1);
    for (let v = 0; v <= sections; v++) {
      if (!Number.isFinite(least[v])) continue;
      choices.forEach((c, k) => {
        const cost = least[v] + c.cost;
        if (cost < next[v + c.count]) {
          next[v + c.count] = cost;
          pick[v + c.count] = k;
        }
      });
    }
    least = next;
    return pick;
  });
  let v = 0;
  for (let count = sections; count > 0; count--) {
    if (least[count] <= budget * (1 + RELATIVE_TOLERANCE)) {
      v = count;
      break;
    }
  }
  const chosen: Choice[] = [];
  for (let i = choicesBySchool.length - 1; i >= 0; i--) {
    const k = picks[i][v];
    if (k < 0) continue;
    chosen.push(choicesBySchool[i][k]);
    v -= choicesBySchool[i][k].count;
  }
  const a = emptyAdditions(model);
  for (const c of chosen) {
    const school = model.schools[c.school];
    a.facilities[c.school] = c.facilities;
    school.sections.forEach((s, j) => {
      a.teachers[s.index] = c.teachers[j];
      a.bands[s.index] = c.bands[j];
    });
  }
  return a;
}
