import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  TEACHER_INDICATORS,
  type IndicatorId,
  type Level,
} from "../../standard/indicators";
import { leastAddition, isTeacher, type PlanModel, type PlanSection } from "./model";
import { emptyAdditions, type PlanAdditions } from "./perSchool";
import { solveLp } from "./highs";
import { hasSpread } from "./coefficients";

/*
 * The plan as a mixed-integer linear programme for HiGHS:
 *
 *   minimise   Σ cost·addition
 *   subject to for each failing section j and each indicator i it is short of
 *                base + reach·addition + (need_standard − need_floor)·band_ji ≥ need_standard
 *              Σ_i band_ji ≤ 7 − 6                      (docs/standard.md#pass-rule: one indicator may stay in the 85 % band)
 *              the cuts of the difference coefficients   (docs/standard.md#coefficient, see `cvCut`)
 *   teachers and rooms whole, band_ji binary.
 *
 * Equipment is modelled in 万元 so that the coefficients stay of similar size.
 */

const UNIT: Record<IndicatorId, number> = {
  qualifiedTeachers: 1,
  keyTeachers: 1,
  peArtTeachers: 1,
  teachingArea: 1,
  sportsArea: 1,
  equipmentValue: 10000,
  multimediaRooms: 1,
};

/** Whole-number resources keep their own unit, so that integrality means whole people and rooms. */
function unitOf(model: PlanModel, id: IndicatorId): number {
  return model.profile.indicators[id].integral ? 1 : UNIT[id];
}

const teacherVar = (j: number, k: number) => `t${j}_${k}`;
const facilityVar = (s: number, m: number) => `f${s}_${m}`;
const bandVar = (j: number, i: number) => `b${j}_${i}`;

/** A linear cut Σ coefficient·variable ≤ rhs over the plan's variables. */
export interface Cut {
  level: Level;
  indicator: IndicatorId;
  terms: Map<string, number>;
  rhs: number;
}

function num(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return x.toPrecision(16);
}

function linear(terms: [number, string][]): string {
  const parts: string[] = [];
  terms.forEach(([c, v], i) => {
    if (c === 0) return;
    const sign = c < 0 ? "-" : "+";
    parts.push(`${i === 0 && sign === "+" ? "" : sign + " "}${num(Math.abs(c))} ${v}`);
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(" " + parts.slice(i, i + 8).join(" "));
  return lines.join("\n");
}

/** The resource amount a section gets from its variable: which variable, and how much of it reaches the section. */
function variableOf(section: PlanSection, id: IndicatorId): { name: string; reach: number } {
  if (isTeacher(id)) return { name: teacherVar(section.index, TEACHER_INDICATORS.indexOf(id)), reach: 1 };
  const m = FACILITY_INDICATORS.indexOf(id as (typeof FACILITY_INDICATORS)[number]);
  return {
    name: facilityVar(section.school, m),
    reach: section.reach[id as (typeof FACILITY_INDICATORS)[number]],
  };
}

export function buildLp(model: PlanModel, cuts: readonly Cut[], integers = true): string {
  const objective: [number, string][] = [];
  const used = new Set<string>();
  const rows: string[] = [];
  const binaries: string[] = [];
  const generals = new Set<string>();
  const use = (name: string, id: IndicatorId) => {
    if (used.has(name)) return;
    used.add(name);
    objective.push([model.costs[id] * unitOf(model, id), name]);
    if (integers && model.profile.indicators[id].integral) generals.add(name);
  };
  let r = 0;
  for (const section of model.sections) {
    if (section.passes) continue;
    const bands: string[] = [];
    for (const id of section.short) {
      const i = INDICATOR_IDS.indexOf(id);
      const v = variableOf(section, id);
      if (!(v.reach > 0)) continue;
      use(v.name, id);
      const b = bandVar(section.index, i);
      bands.push(b);
      binaries.push(b);
      const gap = (section.needStandard[id] - section.needFloor[id]) / unitOf(model, id);
      const rhs = (section.needStandard[id] - section.base[id]) / unitOf(model, id);
      rows.push(
        ` r${r++}:${linear([
          [v.reach, v.name],
          [gap, b],
        ])} >= ${num(rhs)}`,
      );
    }
    if (bands.length > model.bandSize) {
      rows.push(` r${r++}:${linear(bands.map((b) => [1, b] as [number, string]))} <= ${model.bandSize}`);
    }
  }
  for (const cut of cuts) {
    const terms: [number, string][] = [];
    for (const [name, c] of cut.terms) {
      use(name, cut.indicator);
      terms.push([c, name]);
    }
    if (terms.length > 0) rows.push(` cv${r++}:${linear(terms)} <= ${num(cut.rhs)}`);
  }
  if (objective.length === 0) objective.push([0, "none"]);
  const lp = ["Minimize", " cost:" + linear(objective.length ? objective : [[0, "none"]]), "Subject To"];
  if (rows.length === 0) rows.push(` r0: ${objective[0][1]} >= 0`);
  lp.push(...rows, "Bounds");
  for (const name of used) lp.push(` ${name} >= 0`);
  if (generals.size > 0) lp.push("Generals", ...[...generals].map((g) => " " + g));
  if (binaries.length > 0) lp.push("Binary", ...binaries.map((b) => " " + b));
  lp.push("End");
  return lp.join("\n");
}

export interface MilpOutcome {
  /** HiGHS's status, "Optimal" when proven */
  status: string;
  /** the objective of the outer approximation */
  objective: number;
  /** a proven lower bound on the plan's least cost: the objective less HiGHS's optimality gap */
  lowerBound: number;
  /** the additions, repaired to pass by the engine's exact comparison */
  additions: PlanAdditions;
}

/** Values from HiGHS, which keeps whole numbers only to 1e-6: snap them, then round up what is left. */
function whole(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-6 ? r : Math.ceil(x);
}

/**
 * Counted budgets of one MILP, never a time: the same model stops at the same node on any machine at any load
 * (HiGHS's WebAssembly build is single-threaded), so a plan is the same wherever it is computed.
 */
export interface MilpBudget {
  /** branch-and-bound nodes */
  nodes?: number;
  /** simplex iterations, over all the LPs of the search */
  iterations?: number;
}

/** Enough to prove most plans of a 30-school county within 0.5 %, in about a second (bench/plan.bench.ts). */
export const DEFAULT_MILP_BUDGET: Required<MilpBudget> = { nodes: 500, iterations: 50000 };

export async function solveMilp(
  model: PlanModel,
  cuts: readonly Cut[],
  options: { budget?: MilpBudget; relativeGap?: number; integers?: boolean } = {},
): Promise<MilpOutcome> {
  // without whole people and rooms (band choices stay binary) the model solves in milliseconds and its optimum
  // is still a lower bound; the additions are then rounded up
  const lp = buildLp(model, cuts, options.integers ?? true);
  const solution = await solveLp(lp, {
    output_flag: false,
    mip_rel_gap: options.relativeGap ?? 1e-9,
    mip_abs_gap: 1e-6,
    mip_max_nodes: options.budget?.nodes ?? DEFAULT_MILP_BUDGET.nodes,
    simplex_iteration_limit: options.budget?.iterations ?? DEFAULT_MILP_BUDGET.iterations,
  });
  const columns = (solution as { Columns?: Record<string, { Primal?: number }> }).Columns ?? {};
  const value = (name: string) => columns[name]?.Primal ?? 0;
  const a = emptyAdditions(model);
  for (const section of model.sections) {
    a.bands[section.index] = section.passes
      ? []
      : section.short.filter((id) => value(bandVar(section.index, INDICATOR_IDS.indexOf(id))) > 0.5);
    TEACHER_INDICATORS.forEach((id, k) => {
      let x = Math.max(0, whole(value(teacherVar(section.index, k))));
      if (!section.passes && section.short.includes(id)) {
        x = Math.max(x, leastAddition(model, section, id, a.bands[section.index].includes(id)));
      }
      a.teachers[section.index][k] = x;
    });
  }
  for (const school of model.schools) {
    FACILITY_INDICATORS.forEach((id, m) => {
      const raw = Math.max(0, value(facilityVar(school.index, m)) * unitOf(model, id));
      let x = model.profile.indicators[id].integral ? whole(raw) : raw;
      for (const section of school.sections) {
        if (section.passes || !section.short.includes(id)) continue;
        const need = leastAddition(
          model,
          section,
          id,
          a.bands[section.index].includes(id),
          section.reach[id],
        );
        x = Math.max(x, need);
      }
      a.facilities[school.index][m] = x;
    });
  }
  // HiGHS stops once (incumbent − bound) ≤ gap × incumbent: the bound it proved is at least this
  const bound = solution.ObjectiveValue * (1 - (options.relativeGap ?? 1e-9));
  return { status: solution.Status, objective: solution.ObjectiveValue, lowerBound: bound, additions: a };
}

/** Indicator values of a level's sections after the additions, with their enrolments. */
export function levelValues(
  model: PlanModel,
  a: PlanAdditions,
  level: Level,
  id: IndicatorId,
): { section: PlanSection; value: number }[] {
  const scale = model.profile.indicators[id].scale === "per100" ? 100 : 1;
  const out: { section: PlanSection; value: number }[] = [];
  for (const s of model.sections) {
    if (s.level !== level) continue;
    const v = variableOf(s, id);
    const added = isTeacher(id)
      ? a.teachers[s.index][TEACHER_INDICATORS.indexOf(id)]
      : a.facilities[s.school][FACILITY_INDICATORS.indexOf(id as (typeof FACILITY_INDICATORS)[number])];
    out.push({ section: s, value: (scale * (s.base[id] + v.reach * added)) / s.students });
  }
  return out;
}

/**
 * A gradient cut of the difference-coefficient limit at the plan `a`.
 *
 * With Pₖ the enrolments, P = Σ Pₖ and X̄ = Σ Pₖ·Xₖ / P, the limit CV ≤ L is g(X) = S(X) − L·X̄(X) ≤ 0 with
 * S = ‖(√(Pₖ/P)·(Xₖ − X̄))ₖ‖, convex in the additions (a norm of an affine map minus a linear map). Its gradient
 * is ∂g/∂Xₖ = (Pₖ/P)·((Xₖ − X̄)/S − L); S and X̄ are homogeneous of degree 1, so the tangent plane passes through
 * the origin and the cut is simply Σₖ wₖ·Xₖ ≤ 0 with those weights: an outer approximation that removes `a`
 * whenever g(a) > 0 and never removes a plan that meets the limit. `limit` is used slightly tightened by the
 * caller so that the final plan passes the engine's comparison, not just HiGHS's tolerance.
 */
export function cvCut(
  model: PlanModel,
  a: PlanAdditions,
  level: Level,
  id: IndicatorId,
  limit: number,
): Cut | null {
  const values = levelValues(model, a, level, id);
  let total = 0;
  let weighted = 0;
  for (const { section, value } of values) {
    total += section.students;
    weighted += section.students * value;
  }
  if (total === 0) return null;
  const mean = weighted / total;
  let squares = 0;
  for (const { section, value } of values) squares += section.students * (value - mean) ** 2;
  const sd = Math.sqrt(squares / total);
  if (!hasSpread({ mean, sd })) return null;
  const scale = model.profile.indicators[id].scale === "per100" ? 100 : 1;
  const terms = new Map<string, number>();
  let rhs = 0;
  for (const { section, value } of values) {
    const w = (section.students / total) * ((value - mean) / sd - limit);
    const v = variableOf(section, id);
    // Xₖ = scale·(baseₖ + reachₖ·U·y)/Pₖ, y in the model's unit
    const c = (w * scale * v.reach * unitOf(model, id)) / section.students;
    terms.set(v.name, (terms.get(v.name) ?? 0) + c);
    rhs -= (w * scale * section.base[id]) / section.students;
  }
  let biggest = 0;
  for (const c of terms.values()) biggest = Math.max(biggest, Math.abs(c));
  if (biggest === 0) return null;
  for (const [k, c] of terms) terms.set(k, c / biggest);
  return { level, indicator: id, terms, rhs: rhs / biggest };
}
