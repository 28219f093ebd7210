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
import { evaluateScenario, type Edit } from "../scenario";
import { DEFAULT_UNIT_COSTS, type UnitCosts } from "./costs";
import { buildPlanModel, type PlanModel } from "./model";
import { additionsCost, planBaseline, planPerSchool, type PlanAdditions } from "./perSchool";
import { cvCut, pushInside, solveMilp, waterFill, type Cut } from "./milp";

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
  totalCost: number;
  /** the county passes by the engine once the additions are applied as a scenario */
  passesAfter: boolean;
  costBySchool: { school: string; cost: number }[];
  costByResource: { resource: IndicatorId; amount: number; cost: number }[];
  /** cost of the simple baseline: each failing section topped up to the standard on its own */
  baselineCost: number;
  /** perSchool: no coefficient bound, the exact per-school method is optimal; cuts: HiGHS with coefficient cuts */
  method: "perSchool" | "cuts";
  cv: {
    converged: boolean;
    iterations: number;
    /** a proven lower bound on the least cost (the outer approximation's optimum), when HiGHS ran */
    lowerBound: number | null;
    /** (totalCost − lowerBound) / totalCost */
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
  /** outer iterations of the coefficient cuts */
  maxIterations?: number;
  /** per HiGHS solve */
  timeLimitSeconds?: number;
  /** for the whole coefficient loop */
  timeBudgetSeconds?: number;
  /** stop once the plan is within this share of the lower bound (default 1e-4) */
  relativeGap?: number;
  /** HiGHS's relative optimality gap on each MILP (default 1e-4); the lower bound accounts for it */
  milpGap?: number;
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

/** Aims the cuts a hair inside the limit, so that HiGHS's tolerances cannot land a plan just outside it. */
const LIMIT_MARGIN = 1e-7;

/**
 * The least-cost additions that make every included section pass and every difference coefficient fall within
 * its limit (STANDARD.md §2–3).
 *
 * First each school is planned on its own, exactly (`planSchool`). If the coefficients then all pass, that plan
 * is optimal for the whole county, because dropping the coefficient limits only widens the choice. Otherwise
 * HiGHS solves the county as one MILP (band choices as binaries) with gradient cuts of each coefficient that
 * is over its limit, re-solving until the engine finds every coefficient within it; each MILP optimum is a lower
 * bound, so the gap is known at every step.
 */
export async function planLeastCost(
  records: readonly SchoolRecord[],
  profile: Profile,
  costs: UnitCosts = DEFAULT_UNIT_COSTS,
  options: PlanOptions = {},
): Promise<LeastCostPlan> {
  const model = buildPlanModel(records, profile, costs);
  const baseline = evaluate(records, profile);
  const verify = (a: PlanAdditions) => {
    const edits = additionsToEdits(model, a);
    return { edits, evaluation: evaluateScenario(records, edits, profile, baseline).evaluation };
  };
  const start = planPerSchool(model);
  let additions = start;
  let checked = verify(additions);
  let method: LeastCostPlan["method"] = "perSchool";
  let iterations = 0;
  let lowerBound: number | null = null;
  let failing = failingCvs(checked.evaluation);
  if (failing.length > 0) {
    method = "cuts";
    const deadline = Date.now() + (options.timeBudgetSeconds ?? 60) * 1000;
    const cuts: Cut[] = [];
    const maxIterations = options.maxIterations ?? 40;
    let best: { additions: PlanAdditions; checked: ReturnType<typeof verify>; cost: number } | null = null;
    // without the limits the per-school plan is optimal: its cost is a lower bound from the start
    lowerBound = additionsCost(model, start);
    const filled = waterFill(model, start, failing, LIMIT_MARGIN);
    const filledCheck = verify(filled);
    if (filledCheck.evaluation.resourcesPass)
      best = { additions: filled, checked: filledCheck, cost: additionsCost(model, filled) };
    for (const f of failing) {
      for (const at of [start, filled]) {
        const cut = cvCut(model, at, f.level, f.indicator, f.limit * (1 - LIMIT_MARGIN));
        if (cut) cuts.push(cut);
      }
    }
    let point: PlanAdditions | null = null;
    let pointFailing = failing;
    const tolerance = options.relativeGap ?? 1e-4;
    // first with people and rooms relaxed to fractions (fast, a weaker bound), then whole
    let relaxed = true;
    let newCuts = false;
    const close = () => best !== null && best.cost - (lowerBound ?? 0) <= Math.abs(best.cost) * tolerance;
    while (iterations < maxIterations) {
      if (point && newCuts) {
        // the MILP point with its lowest sections raised to a common level: a plan that passes, near the optimum
        const filledPoint = waterFill(model, point, pointFailing, LIMIT_MARGIN);
        const fc = verify(filledPoint);
        const fcost = additionsCost(model, filledPoint);
        const filledPasses = fc.evaluation.resourcesPass;
        if (filledPasses && (!best || fcost < best.cost))
          best = { additions: filledPoint, checked: fc, cost: fcost };
        // the point where the segment from the MILP point to a plan that passes crosses the limit: supporting
        // cuts there are tight; the first rounded point beyond it is another plan that passes
        const pushed = pushInside(
          model,
          point,
          pointFailing,
          LIMIT_MARGIN,
          filledPasses ? filledPoint : undefined,
        );
        if (pushed) {
          const c = verify(pushed.additions);
          const cost = additionsCost(model, pushed.additions);
          if (c.evaluation.resourcesPass && (!best || cost < best.cost))
            best = { additions: pushed.additions, checked: c, cost };
        }
        if (close()) break;
        let added = 0;
        for (const f of pointFailing) {
          const at = pushed ? pushed.boundary : point;
          const cut = cvCut(model, at, f.level, f.indicator, f.limit * (1 - LIMIT_MARGIN));
          if (cut) {
            cuts.push(cut);
            added++;
          }
        }
        if (added === 0) {
          if (!relaxed) break;
          relaxed = false;
        }
      }
      newCuts = true;
      const remaining = (deadline - Date.now()) / 1000;
      if (remaining <= 0) break;
      iterations++;
      const outcome = await solveMilp(model, cuts, {
        timeLimitSeconds: Math.min(options.timeLimitSeconds ?? 60, remaining),
        relativeGap: options.milpGap ?? 1e-4,
        integers: !relaxed,
      });
      if (outcome.status !== "Optimal") break;
      lowerBound = Math.max(lowerBound, outcome.lowerBound);
      point = outcome.additions;
      const c = verify(point);
      pointFailing = failingCvs(c.evaluation);
      const cost = additionsCost(model, point);
      const passes = pointFailing.length === 0 && c.evaluation.resourcesPass;
      if (passes && (!best || cost <= best.cost)) best = { additions: point, checked: c, cost };
      if (close()) break;
      if (passes) {
        // the relaxed optimum, rounded up, passes: only whole numbers can still lower the cost
        if (!relaxed) break;
        relaxed = false;
        newCuts = false;
      } else if (relaxed && iterations >= maxIterations / 2) {
        relaxed = false;
      }
    }
    if (best) {
      additions = best.additions;
      checked = best.checked;
    } else if (point) {
      additions = point;
      checked = verify(point);
    }
    failing = failingCvs(checked.evaluation);
  }
  return describePlan(model, additions, checked, {
    method,
    iterations,
    lowerBound,
    baselineCost: additionsCost(model, planBaseline(model)),
  });
}

function describePlan(
  model: PlanModel,
  a: PlanAdditions,
  checked: { edits: Edit[]; evaluation: Evaluation },
  info: {
    method: LeastCostPlan["method"];
    iterations: number;
    lowerBound: number | null;
    baselineCost: number;
  },
): LeastCostPlan {
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
          cost: amount * model.costs[id],
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
          cost: amount * model.costs[id],
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
  const totalCost = additions.reduce((sum, x) => sum + x.cost, 0);
  const remaining = failingCvs(checked.evaluation);
  const converged = remaining.length === 0;
  return {
    additions,
    totalCost,
    passesAfter: checked.evaluation.resourcesPass,
    costBySchool: [...bySchool].map(([school, cost]) => ({ school, cost })),
    costByResource,
    baselineCost: info.baselineCost,
    method: info.method,
    cv: {
      converged,
      iterations: info.iterations,
      lowerBound: info.lowerBound,
      gap:
        info.lowerBound === null
          ? converged && info.method === "perSchool"
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
