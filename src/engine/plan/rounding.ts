import { FACILITY_INDICATORS, TEACHER_INDICATORS } from "../../standard/indicators";
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

/** Evaluations the sparing of free additions may spend: a count, never a time. */
const FREE_EVALUATIONS = 400;
/** Halvings of a free facility's amount in that search. */
const FREE_HALVINGS = 12;

/**
 * A unit cost of 0 (a resource the county has to spare, docs/plans.md#costs) makes every amount of it cost the
 * same, so the searches above, which compare costs, may add any amount of it — to a school that needs none. Each
 * free addition of a plan that passes is brought down, in the order of the sections and schools, to the least
 * amount (nothing first, then by halving; people and projects whole, as `check` rounds them) that keeps the
 * county passing by the engine; the plan's cost is unchanged. At most FREE_EVALUATIONS evaluations; a plan with
 * no free addition is returned as it is.
 */
export function spareFree(model: PlanModel, start: Checked, check: (a: PlanAdditions) => Checked): Checked {
  if (!start.evaluation.resourcesPass) return start;
  let best = start;
  let left = FREE_EVALUATIONS;
  const trial = (set: (a: PlanAdditions) => void): Checked | null => {
    if (left-- <= 0) return null;
    const a = copyAdditions(best.additions);
    set(a);
    const checked = check(a);
    return checked.evaluation.resourcesPass && checked.cost <= best.cost ? checked : null;
  };
  /** the least amount of one addition, from `now` down, that passes: 0, else by halving the gap */
  const lower = (now: number, whole: boolean, set: (a: PlanAdditions, x: number) => void) => {
    const none = trial((a) => set(a, 0));
    if (none) return (best = none);
    let lo = 0;
    let hi = now;
    for (let i = 0; i < FREE_HALVINGS && hi - lo > (whole ? 1 : 0); i++) {
      const mid = whole ? Math.floor((lo + hi) / 2) : (lo + hi) / 2;
      if (mid <= lo) break;
      const found = trial((a) => set(a, mid));
      if (found) {
        best = found;
        hi = mid;
      } else lo = mid;
    }
    return best;
  };
  TEACHER_INDICATORS.forEach((id, k) => {
    if (model.costs[id] !== 0) return;
    for (let j = 0; j < model.sections.length; j++) {
      const now = best.additions.teachers[j][k];
      if (now > 0) lower(now, true, (a, x) => (a.teachers[j][k] = x));
    }
  });
  FACILITY_INDICATORS.forEach((id, m) => {
    if (model.costs[id] !== 0) return;
    for (let s = 0; s < model.schools.length; s++) {
      const now = best.additions.facilities[s][m];
      if (now > 0) lower(now, id === "multimediaRooms", (a, x) => (a.facilities[s][m] = x));
    }
  });
  return best;
}
