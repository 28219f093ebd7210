import type { Profile } from "../../standard/profile";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVELS,
  TEACHER_INDICATORS,
  type IndicatorId,
  type Level,
} from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { evaluate, type Evaluation } from "../evaluate";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { evaluateScenario, type Edit } from "../scenario";
import { costParts, DEFAULT_UNIT_COSTS, resourceCost, type ProjectSizes, type UnitCosts } from "./costs";
import { asProject, buildPlanModel, type PlanModel } from "./model";
import { additionsCost, copyAdditions, type PlanAdditions } from "./additions";
import { cheaper, spareFree, spareSteps } from "./rounding";
import { planBaseline, planPerSchool } from "./perSchool";
import { DEFAULT_MILP_BUDGET, cvCut, solveMilp, type Cut, type MilpBudget } from "./milp";
import { coefficientsOf, coefficientState, type Coefficient, type CoefficientPrice } from "./coefficients";
import { meetCoefficients } from "./meet";
import { coefficientPrices } from "./prices";
import { lowerBound } from "./lowerBound";
import { SolverFailure } from "./highs";

/** One addition of a plan, in the resource's unit: people, m², 元 or rooms. `level` is null for facilities. */
export interface PlanAddition {
  school: string;
  level: Level | null;
  resource: IndicatorId;
  amount: number;
  cost: number;
}

export interface CvStatus {
  level: Level;
  indicator: IndicatorId;
  cv: number | null;
  limit: number;
}

export interface LeastCostPlan {
  additions: PlanAddition[];
  /** what the plan minimises: a year of the teachers' pay plus the one-off costs (元) */
  totalCost: number;
  /** teachers: a cost every year (元 per year) */
  recurringCost: number;
  /** buildings, equipment and rooms: a cost once (元) */
  oneOffCost: number;
  /** the county passes by the engine once the additions are applied as a scenario */
  passesAfter: boolean;
  costBySchool: { school: string; cost: number }[];
  costByResource: { resource: IndicatorId; amount: number; cost: number }[];
  /** cost of the simple baseline: each failing section topped up to the standard on its own */
  baselineCost: number;
  /** that baseline's teachers (元 per year) and its buildings, equipment and rooms (元) */
  baselineRecurringCost: number;
  baselineOneOffCost: number;
  /**
   * perSchool: no coefficient binds, and the exact per-school method is optimal; coefficients: coefficients bind,
   * and their prices decide the additions (`planWithCoefficients`), with a proven lower bound beside them;
   * budget: the most failing sections a budget short of the full plan brings to pass (`planWithinBudget`)
   */
  method: "perSchool" | "coefficients" | "budget";
  cv: {
    converged: boolean;
    /** rounds of prices, then of HiGHS with cuts where that ran */
    iterations: number;
    /** a proven lower bound on the least cost: the Lagrangian bound, or HiGHS's with the cuts where higher */
    lowerBound: number | null;
    /** (totalCost − lowerBound) / totalCost; null for a plan that does not pass */
    gap: number | null;
    /** coefficients still over their limit, if any */
    remaining: CvStatus[];
  };
  /** the plan as scenario edits (hireTeachers, addFacility) */
  edits: Edit[];
  /** the county after the plan, by the engine */
  evaluation: Evaluation;
  /** the bands chosen: for each section, the indicator left between 85 % and 100 % */
  bands: { school: string; level: Level; indicators: IndicatorId[] }[];
}

export interface PlanOptions {
  /** rounds of prices and band choices (default 12) */
  maxIterations?: number;
  /** stop once the plan is proven within this share of the least cost (default 1e-4) */
  relativeGap?: number;
  /**
   * tighten the bound (and perhaps the plan) with HiGHS and cuts of the coefficients; by default on small counties
   * (up to 150 included sections), where each MILP takes well under a second
   */
  refine?: boolean;
  /** rounds of HiGHS with cuts in that refinement (default 4): a count, never a time, so plans are the same anywhere */
  refineRounds?: number;
  /** nodes and simplex iterations of each of those MILPs (default DEFAULT_MILP_BUDGET) */
  milpBudget?: MilpBudget;
  /** HiGHS's relative optimality gap on each MILP (default 1e-6); the lower bound accounts for it */
  milpGap?: number;
  /** facility additions as projects of a least size in whole steps (DEFAULT_PROJECT_SIZES); none: exact amounts */
  projects?: ProjectSizes | null;
}

/** The additions as edits of a scenario, so that the engine, not the planner, says whether the county passes. */
export function additionsToEdits(model: PlanModel, a: PlanAdditions): Edit[] {
  const edits: Edit[] = [];
  for (const s of model.sections) {
    TEACHER_INDICATORS.forEach((id, k) => {
      const count = a.teachers[s.index][k];
      if (count > 0)
        edits.push({ kind: "hireTeachers", school: s.name, level: s.level, resource: id, count });
    });
  }
  for (const school of model.schools) {
    FACILITY_INDICATORS.forEach((id, m) => {
      const amount = a.facilities[school.index][m];
      if (amount > 0) edits.push({ kind: "addFacility", school: school.name, resource: id, amount });
    });
  }
  return edits;
}

/**
 * The plan's additions as an edits file's edits (docs/plans.md#edits-out): what a planner runs through
 * `balance whatif` to see the county pass, in the order the plan lists them.
 */
export function planEdits(additions: readonly PlanAddition[]): Edit[] {
  return additions.map((a) =>
    a.level === null
      ? { kind: "addFacility", school: a.school, resource: a.resource, amount: a.amount }
      : { kind: "hireTeachers", school: a.school, level: a.level, resource: a.resource, count: a.amount },
  ) as Edit[];
}

function failingCvs(evaluation: Evaluation): CvStatus[] {
  const out: CvStatus[] = [];
  for (const level of LEVELS) {
    for (const id of INDICATOR_IDS) {
      const b = evaluation.levels[level].balance[id];
      if (!b.pass) out.push({ level, indicator: id, cv: b.cv, limit: b.limit });
    }
  }
  return out;
}

/** Aims a hair inside each limit, so that rounding in sums cannot land a plan just outside it. */
const LIMIT_MARGIN = 1e-7;
/** Counties up to this many included sections are refined with HiGHS by default. */
const REFINE_SECTIONS = 150;

/** Additions made of projects, as a scenario, with the engine's verdict on it and their cost. */
export interface Checked {
  additions: PlanAdditions;
  edits: Edit[];
  evaluation: Evaluation;
  cost: number;
}

/**
 * Judges additions as the engine does: facilities rounded to projects a bureau can carry out (a no-op for exact
 * amounts), then applied to the records as a scenario.
 */
export function checker(
  model: PlanModel,
  records: readonly SchoolRecord[],
  baseline: Evaluation,
): (raw: PlanAdditions) => Checked {
  return (raw) => {
    const a = copyAdditions(raw);
    a.facilities = a.facilities.map((row, school) => row.map((x, m) => asProject(model, school, m, x)));
    const edits = additionsToEdits(model, a);
    return {
      additions: a,
      edits,
      evaluation: evaluateScenario(records, edits, model.profile, baseline).evaluation,
      cost: additionsCost(model, a),
    };
  };
}

/**
 * The least-cost additions that make every included section pass and every difference coefficient fall within
 * its limit (docs/standard.md#indicators, docs/standard.md#coefficient).
 *
 * First each school is planned on its own, exactly (`planSchool`). If the coefficients then all pass, that plan
 * is optimal for the whole county, because dropping the coefficient limits only widens the choice. Otherwise
 * the coefficients are met with the fewest units at prices (`meetCoefficients`), and the band choices are made
 * again with those prices, round after round, the best plan kept; a Lagrangian lower bound (`lowerBound`) says
 * how far from the optimum it can be. On small counties HiGHS then tightens the bound with cuts of the
 * coefficients at the boundary between its optimum and the plan, which usually proves the plan optimal.
 * Every plan is the engine's verdict on the scenario it describes.
 */
export async function planLeastCost(
  records: readonly SchoolRecord[],
  profile: Profile,
  costs: UnitCosts = DEFAULT_UNIT_COSTS,
  options: PlanOptions = {},
): Promise<LeastCostPlan> {
  const model = buildPlanModel(records, profile, costs, options.projects ?? null);
  const baseline = evaluate(records, profile);
  // every plan judged is made of projects a bureau can carry out
  const check = checker(model, records, baseline);
  const start = planPerSchool(model);
  const perSchool = check(start);
  const baselineCosts = baselineCostsOf(model);
  if (failingCvs(perSchool.evaluation).length === 0) {
    return describePlan(model, spareFree(model, perSchool, check), {
      method: "perSchool",
      iterations: 0,
      lowerBound: null,
      ...baselineCosts,
    });
  }
  const coefficients = coefficientsOf(model);
  const plan = planWithCoefficients(model, coefficients, start, check, options.maxIterations ?? 12);
  let best = plan.best;
  let iterations = plan.iterations;
  // without the limits the per-school plan is optimal: its cost is a lower bound from the start
  let bound = perSchool.cost;
  if (best) bound = Math.max(bound, lowerBound(model, coefficients, best.additions, best.cost, plan.prices));
  const tolerance = options.relativeGap ?? 1e-4;
  const proven = (b: Checked, lower: number) => b.cost - lower <= Math.abs(b.cost) * tolerance;
  if (best && !proven(best, bound) && (options.refine ?? model.sections.length <= REFINE_SECTIONS)) {
    const refined = await refineWithCuts(model, coefficients, best, check, {
      rounds: options.refineRounds ?? 4,
      budget: { ...DEFAULT_MILP_BUDGET, ...options.milpBudget },
      milpGap: options.milpGap ?? 1e-6,
      done: proven,
    });
    best = refined.best;
    bound = Math.max(bound, refined.lowerBound);
    iterations += refined.iterations;
  }
  if (best && model.projects && model.sections.length <= REFINE_SECTIONS)
    best = spareSteps(model, best, check);
  if (best) best = spareFree(model, best, check);
  return describePlan(model, best ?? plan.last, {
    method: "coefficients",
    iterations,
    lowerBound: bound,
    ...baselineCosts,
  });
}

/** The simple baseline's costs, as a plan reports them. */
export function baselineCostsOf(
  model: PlanModel,
  simple: PlanAdditions = planBaseline(model),
): Pick<LeastCostPlan, "baselineCost" | "baselineRecurringCost" | "baselineOneOffCost"> {
  const baselineCost = additionsCost(model, simple);
  const baselineRecurringCost = additionsCost(model, {
    ...simple,
    facilities: simple.facilities.map((r) => r.map(() => 0)),
  });
  return { baselineCost, baselineRecurringCost, baselineOneOffCost: baselineCost - baselineRecurringCost };
}

/** Rounds of meeting the coefficients again on additions rounded up to projects (`checkMet`): a count. */
const ROUNDED_ROUNDS = 4;

/**
 * Additions whose coefficients were met as amounts, judged as projects (`check`). Rounding a school's facility up
 * to whole steps raises the values of every section it serves, and a school above its level's mean raised a step
 * can carry a coefficient met to a hair back over its limit (a nine-year school raised for its primary section
 * lifts its junior one too). Where it does, the coefficients are met again on the rounded projects, which only
 * raises additions, and rounded again, for a few rounds: the plan that passes is then lowered by `spareSteps`.
 */
function checkMet(
  model: PlanModel,
  coefficients: readonly Coefficient[],
  a: PlanAdditions,
  check: (a: PlanAdditions) => Checked,
): Checked {
  let checked = check(a);
  for (let round = 0; round < ROUNDED_ROUNDS && failingCvs(checked.evaluation).length > 0; round++) {
    const raised = copyAdditions(checked.additions);
    meetCoefficients(model, coefficients, raised, LIMIT_MARGIN);
    const next = check(raised);
    // nothing more to raise: the engine's verdict stands
    if (next.cost <= checked.cost) break;
    checked = next;
  }
  return checked;
}

/**
 * Rounds of: the coefficients met from the pass needs of the band choices (`meetCoefficients`), then the band
 * choices made again with the coefficients' prices (`planPerSchool` with prices). The prices are averaged over
 * the rounds, so that a coefficient that binds in one round and not in the next does not swing the choices back
 * and forth. Returns the cheapest plan that passes by the engine, null when none did.
 */
function planWithCoefficients(
  model: PlanModel,
  coefficients: readonly Coefficient[],
  start: PlanAdditions,
  check: (a: PlanAdditions) => Checked,
  maxIterations: number,
): {
  best: Checked | null;
  last: Checked;
  prices: Map<Coefficient, CoefficientPrice>;
  iterations: number;
} {
  let choices = start;
  let best: Checked | null = null;
  let bestPrices = new Map<Coefficient, CoefficientPrice>();
  let last: Checked | null = null;
  const averaged = new Map<Coefficient, CoefficientPrice>();
  const seen = new Set<string>();
  let iterations = 0;
  let stale = 0;
  while (iterations < maxIterations) {
    iterations++;
    let a = copyAdditions(choices);
    let { prices } = meetCoefficients(model, coefficients, a, LIMIT_MARGIN);
    let checked = checkMet(model, coefficients, a, check);
    // sums of many sections can round a coefficient to a hair over; aim further inside and meet it again
    for (
      let margin = LIMIT_MARGIN * 100;
      failingCvs(checked.evaluation).length > 0 && margin < 1e-3;
      margin *= 100
    ) {
      a = copyAdditions(choices);
      ({ prices } = meetCoefficients(model, coefficients, a, margin));
      checked = checkMet(model, coefficients, a, check);
    }
    last = checked;
    if (cheaper(checked, best)) {
      best = checked;
      bestPrices = prices;
      stale = 0;
    } else stale++;
    if (stale >= 2) break;
    for (const c of coefficients) {
      const now = prices.get(c);
      const before = averaged.get(c);
      if (now) averaged.set(c, before ? { ...now, price: (before.price + now.price) / 2 } : now);
      else if (before) averaged.set(c, { ...before, price: before.price / 2 });
    }
    choices = planPerSchool(model, coefficientPrices(model, averaged.values()));
    const key = JSON.stringify(choices.bands);
    if (seen.has(key) && stale > 0) break;
    seen.add(key);
  }
  return { best, last: last as Checked, prices: bestPrices, iterations };
}

/**
 * HiGHS on the county as one MILP (`solveMilp`: band choices binary, people and rooms whole) with tangent cuts of
 * the coefficients, each MILP optimum a lower bound. The cuts are taken where the segment from the MILP's optimum
 * to the best plan reaches each limit it breaks, so they are tight near the plan; a MILP optimum whose additions,
 * once its coefficients are met, pass and cost less becomes the best plan.
 */
async function refineWithCuts(
  model: PlanModel,
  coefficients: readonly Coefficient[],
  start: Checked,
  check: (a: PlanAdditions) => Checked,
  options: {
    rounds: number;
    budget: MilpBudget;
    milpGap: number;
    done: (best: Checked, lower: number) => boolean;
  },
): Promise<{ best: Checked; lowerBound: number; iterations: number }> {
  let best = start;
  let lowerBound = -Infinity;
  let iterations = 0;
  const cuts: Cut[] = [];
  const addCut = (at: PlanAdditions, c: Coefficient) => {
    // the engine passes a coefficient up to its limit and a hair (standard/comparison.ts): cut at that, so no plan is lost
    const cut = cvCut(model, at, c.level, c.indicator, c.limit * (1 + RELATIVE_TOLERANCE));
    if (cut) cuts.push(cut);
    return cut !== null;
  };
  for (const c of coefficients) addCut(best.additions, c);
  while (iterations < options.rounds) {
    iterations++;
    let outcome: Awaited<ReturnType<typeof solveMilp>>;
    try {
      outcome = await solveMilp(model, cuts, { budget: options.budget, relativeGap: options.milpGap });
    } catch (error) {
      // the plan and the Lagrangian bound stand without HiGHS
      if (error instanceof SolverFailure) break;
      throw error;
    }
    if (outcome.status !== "Optimal") break;
    lowerBound = Math.max(lowerBound, outcome.lowerBound);
    const repaired = copyAdditions(outcome.additions);
    meetCoefficients(model, coefficients, repaired, LIMIT_MARGIN);
    const candidate = checkMet(model, coefficients, repaired, check);
    if (candidate.evaluation.resourcesPass && candidate.cost < best.cost) best = candidate;
    if (options.done(best, lowerBound)) break;
    let added = 0;
    for (const c of coefficients) {
      const cv = coefficientState(c, outcome.additions).cv;
      if (cv !== null && cv <= c.limit) continue;
      if (addCut(boundaryPoint(c, outcome.additions, best.additions), c)) added++;
    }
    if (added === 0) break;
  }
  return { best, lowerBound, iterations };
}

/** The point of the segment from `from` to `to` (which meets the limit) where coefficient `c` reaches its limit. */
function boundaryPoint(c: Coefficient, from: PlanAdditions, to: PlanAdditions): PlanAdditions {
  const at = (t: number): PlanAdditions => ({
    teachers: from.teachers.map((row, j) => row.map((x, k) => x + t * (to.teachers[j][k] - x))),
    facilities: from.facilities.map((row, s) => row.map((x, m) => x + t * (to.facilities[s][m] - x))),
    bands: from.bands,
  });
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    const cv = coefficientState(c, at(mid)).cv;
    if (cv !== null && cv <= c.limit) hi = mid;
    else lo = mid;
  }
  return at(hi);
}

export function describePlan(
  model: PlanModel,
  checked: Checked,
  info: {
    method: LeastCostPlan["method"];
    iterations: number;
    lowerBound: number | null;
    baselineCost: number;
    baselineRecurringCost: number;
    baselineOneOffCost: number;
  },
): LeastCostPlan {
  const a = checked.additions;
  const additions: PlanAddition[] = [];
  for (const s of model.sections) {
    TEACHER_INDICATORS.forEach((id, k) => {
      const amount = a.teachers[s.index][k];
      if (amount > 0)
        additions.push({
          school: s.name,
          level: s.level,
          resource: id,
          amount,
          cost: resourceCost(model.costs, id, amount),
        });
    });
  }
  for (const school of model.schools) {
    FACILITY_INDICATORS.forEach((id, m) => {
      const amount = a.facilities[school.index][m];
      if (amount > 0)
        additions.push({
          school: school.name,
          level: null,
          resource: id,
          amount,
          cost: resourceCost(model.costs, id, amount),
        });
    });
  }
  const bySchool = new Map<string, number>();
  for (const x of additions) bySchool.set(x.school, (bySchool.get(x.school) ?? 0) + x.cost);
  const costByResource = INDICATOR_IDS.map((resource) => {
    let amount = 0;
    let cost = 0;
    for (const x of additions) {
      if (x.resource !== resource) continue;
      amount += x.amount;
      cost += x.cost;
    }
    return { resource, amount, cost };
  });
  const { totalCost, recurringCost, oneOffCost } = costParts(additions);
  const remaining = failingCvs(checked.evaluation);
  const converged = remaining.length === 0;
  return {
    additions,
    totalCost,
    recurringCost,
    oneOffCost,
    passesAfter: checked.evaluation.resourcesPass,
    costBySchool: [...bySchool].map(([school, cost]) => ({ school, cost })),
    costByResource,
    baselineCost: info.baselineCost,
    baselineRecurringCost: info.baselineRecurringCost,
    baselineOneOffCost: info.baselineOneOffCost,
    method: info.method,
    cv: {
      converged,
      iterations: info.iterations,
      lowerBound: info.lowerBound,
      // a gap measures a plan that passes; one that does not is no upper end of it
      gap: !checked.evaluation.resourcesPass
        ? null
        : info.lowerBound === null
          ? info.method === "perSchool"
            ? 0
            : null
          : totalCost > 0
            ? Math.max(0, (totalCost - info.lowerBound) / totalCost)
            : 0,
      remaining,
    },
    edits: checked.edits,
    evaluation: checked.evaluation,
    bands: model.sections
      .filter((s) => !s.passes)
      .map((s) => ({ school: s.name, level: s.level, indicators: a.bands[s.index] })),
  };
}
