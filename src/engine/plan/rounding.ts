import { FACILITY_INDICATORS } from "../../standard/indicators";
import { asProject, type PlanModel } from "./model";
import { copyAdditions, type PlanAdditions } from "./additions";
import type { Checked } from "./leastCost";

/** Rounds of lowering: each lowers every project it can by a step. */
const SPARE_ROUNDS = 2;
/** Evaluations of the county the exchanges of steps between schools may spend: a count, never a time. */
const EXCHANGE_EVALUATIONS = 400;

/** A project of a plan: the m-th facility (FACILITY_INDICATORS order) of a school. */
interface Project {
  school: number;
  m: number;
  /** what one step of it costs */
  saving: number;
}

/** The plan's projects that come in steps, dearest step first (then in the order of the schools and facilities). */
function projectsOf(model: PlanModel, a: PlanAdditions): Project[] {
  const projects = model.projects;
  const out: Project[] = [];
  if (!projects) return out;
  a.facilities.forEach((row, school) =>
    row.forEach((amount, m) => {
      const step = projects.step[FACILITY_INDICATORS[m]];
      if (amount > 0 && step > 0) out.push({ school, m, saving: step * model.costs[FACILITY_INDICATORS[m]] });
    }),
  );
  return out.sort((x, y) => y.saving - x.saving || x.school - y.school || x.m - y.m);
}

/** The additions with one project a step smaller: below the least project, no project at all. */
function lowered(model: PlanModel, a: PlanAdditions, { school, m }: Project): PlanAdditions {
  const amount = a.facilities[school][m];
  const step = model.projects!.step[FACILITY_INDICATORS[m]];
  const trial = copyAdditions(a);
  trial.facilities[school][m] = asProject(model, school, m, amount - step) < amount ? amount - step : 0;
  return trial;
}

/**
 * `x` passes and costs less than `than` (or there is no plan yet), by more than the rounding of sums of costs: the
 * one test of a better plan while plans are searched.
 */
export function cheaper(x: Checked, than: Checked | null): boolean {
  return x.evaluation.resourcesPass && (than === null || x.cost < than.cost * (1 - 1e-12));
}

/**
 * Facilities are met as amounts and then rounded up to whole projects school by school; together the roundings can
 * leave a step more than the county needs. Each project of the plan is lowered a step (below its least size, to
 * nothing), the dearest step first, and kept lower while the county still passes by the engine, for a few rounds.
 * Then a step is moved from one school's project to another's of the same facility where that lets some project
 * be a step smaller (docs/plans.md#method), and the lowering runs again: the roundings of two schools can each be
 * needed on their own and not together. A search the size of the plan, each trial evaluated again, the exchanges
 * at most EXCHANGE_EVALUATIONS evaluations: run where HiGHS refines too (REFINE_SECTIONS).
 */
export function spareSteps(model: PlanModel, start: Checked, check: (a: PlanAdditions) => Checked): Checked {
  if (!model.projects) return start;
  let best = lowerEach(model, start, check);
  const budget = { left: EXCHANGE_EVALUATIONS };
  for (let found = exchange(model, best, check, budget); found; found = exchange(model, best, check, budget))
    best = lowerEach(model, found, check);
  return best;
}

function lowerEach(model: PlanModel, start: Checked, check: (a: PlanAdditions) => Checked): Checked {
  let best = start;
  for (let round = 0; round < SPARE_ROUNDS; round++) {
    let any = false;
    for (const project of projectsOf(model, best.additions)) {
      const checked = check(lowered(model, best.additions, project));
      if (cheaper(checked, best)) {
        best = checked;
        any = true;
      }
    }
    if (!any) break;
  }
  return best;
}

/**
 * The first move of a step from one project to another of the same facility (in the order of `projectsOf`) after
 * which the plan, or the plan with some project a step smaller, passes and costs less; null when none does within
 * the evaluations left.
 */
function exchange(
  model: PlanModel,
  best: Checked,
  check: (a: PlanAdditions) => Checked,
  budget: { left: number },
): Checked | null {
  const projects = projectsOf(model, best.additions);
  for (const from of projects) {
    for (const to of projects) {
      if (to.m !== from.m || to.school === from.school) continue;
      if (budget.left-- <= 0) return null;
      const moved = lowered(model, best.additions, from);
      moved.facilities[to.school][to.m] += model.projects!.step[FACILITY_INDICATORS[to.m]];
      const checked = check(moved);
      if (!checked.evaluation.resourcesPass) continue;
      if (cheaper(checked, best)) return checked;
      for (const spare of projectsOf(model, checked.additions)) {
        if (budget.left-- <= 0) return null;
        const smaller = check(lowered(model, checked.additions, spare));
        if (cheaper(smaller, best)) return smaller;
      }
    }
  }
  return null;
}
