import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVELS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type IndicatorId,
  type Level,
} from "../../standard/indicators";
import { isTeacher, type PlanModel, type PlanSection } from "./model";
import type { PlanAdditions } from "./additions";
import { differenceCoefficient } from "../coefficient";

/*
 * The difference coefficients of docs/standard.md#coefficient seen from the plan: for one level and indicator, how an addition
 * to each section's variable moves the section's value, and the least additions that bring the coefficient within
 * its limit.
 *
 * Within one coefficient every variable is the same resource, so every unit costs the same and "least cost" means
 * "fewest units". With Pⱼ the enrolments, Xⱼ the values, X̄ = Σ Pⱼ·Xⱼ / P and S² = Σ Pⱼ·Xⱼ² / P − X̄²:
 * - a unit added to a section whose variable is its own (teachers; facilities of a school with one section) adds
 *   the same amount to Σ Pⱼ·Xⱼ whichever section gets it, so X̄ depends only on how many units are added, and the
 *   coefficient is least when Σ Pⱼ·Xⱼ² is. That sum is separable and convex in each section's units, so adding
 *   units one at a time where they raise it least (the lowest midpoint Xⱼ + δⱼ/2 of the value's jump δⱼ) gives,
 *   at every count of units, the least coefficient any allocation of that many units can reach: the first count
 *   that meets the limit is the least (whole people and rooms). For amounts that need not be whole (areas,
 *   equipment) the same reasoning gives water-filling: every section below a level W is raised to W, the least W
 *   that meets the limit.
 * - a facility of a combined school reaches both of its sections (its share of the addition, docs/standard.md#apportioning), so
 *   the two levels' coefficients of that facility are met together, by prices (`meetByPrices`) where amounts need
 *   not be whole, in turn (`meetShared`) for whole rooms.
 */

/** One section in one coefficient, and the variable that raises its value. */
export interface Member {
  section: PlanSection;
  /** a teacher variable (per section) or a facility variable (per school) */
  teacher: boolean;
  /** section index for a teacher variable, school index for a facility */
  owner: number;
  /** teacher kind (TEACHER_INDICATORS order) or facility (FACILITY_INDICATORS order) */
  slot: number;
  /** part of one unit of the variable that reaches this section */
  reach: number;
  students: number;
  /** the section's value with nothing added */
  value0: number;
  /** value added by one unit of the variable */
  perUnit: number;
}

export interface Coefficient {
  level: Level;
  indicator: IndicatorId;
  limit: number;
  /** whole people or rooms */
  integral: boolean;
  members: Member[];
  /** every member's variable is its own (no facility shared by a combined school's two sections) */
  separate: boolean;
}

export function coefficientsOf(model: PlanModel): Coefficient[] {
  const out: Coefficient[] = [];
  for (const level of LEVELS) {
    const sections = model.sections.filter((s) => s.level === level);
    if (sections.length === 0) continue;
    for (const id of INDICATOR_IDS) {
      const scale = model.profile.indicators[id].scale === "per100" ? 100 : 1;
      const teacher = isTeacher(id);
      const members = sections.map((section): Member => {
        const reach = teacher ? 1 : section.reach[id as FacilityIndicatorId];
        return {
          section,
          teacher,
          owner: teacher ? section.index : section.school,
          slot: teacher
            ? TEACHER_INDICATORS.indexOf(id as (typeof TEACHER_INDICATORS)[number])
            : FACILITY_INDICATORS.indexOf(id as FacilityIndicatorId),
          reach,
          students: section.students,
          value0: (scale * section.base[id]) / section.students,
          perUnit: (scale * reach) / section.students,
        };
      });
      const shared = new Set<number>();
      if (!teacher) {
        for (const s of model.sections) {
          if (model.schools[s.school].sections.length > 1 && s.reach[id as FacilityIndicatorId] > 0)
            shared.add(s.school);
        }
      }
      out.push({
        level,
        indicator: id,
        limit: model.profile.cvLimit[level],
        integral: model.profile.indicators[id].integral,
        members,
        separate: members.every((m) => !shared.has(m.owner) || m.teacher),
      });
    }
  }
  return out;
}

export function unitsOf(a: PlanAdditions, m: Member): number {
  return m.teacher ? a.teachers[m.owner][m.slot] : a.facilities[m.owner][m.slot];
}

export function setUnits(a: PlanAdditions, m: Member, units: number): void {
  if (m.teacher) a.teachers[m.owner][m.slot] = units;
  else a.facilities[m.owner][m.slot] = units;
}

export interface CoefficientState {
  mean: number;
  sd: number;
  /** null when the mean is 0 */
  cv: number | null;
}

/**
 * Whether a coefficient's values spread at all. With one section, or all at one value, S is 0 and has no gradient;
 * computed, it is rounding noise of about 1e-16·X̄, whose "gradient" would be noise too and give cuts and prices
 * that hold nothing up. Below a spread of 1e-6·X̄ the coefficient counts as having none.
 */
export function hasSpread(state: { mean: number; sd: number }): boolean {
  return state.sd > 1e-6 * Math.abs(state.mean);
}

/**
 * X̄, S and CV from running sums, for the searches below, which move one unit at a time and cannot afford a pass
 * over the level for each; every plan they give is judged by the engine's `differenceCoefficient`.
 */
export function stateOf(total: number, weighted: number, squares: number): CoefficientState {
  const mean = weighted / total;
  const sd = Math.sqrt(Math.max(0, squares / total - mean * mean));
  return { mean, sd, cv: mean === 0 ? null : sd / Math.abs(mean) };
}

/** The coefficient after the additions `a`, by the engine's formula (docs/standard.md#coefficient). */
export function coefficientState(c: Coefficient, a: PlanAdditions): CoefficientState {
  const n = c.members.length;
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  c.members.forEach((m, j) => {
    values[j] = m.value0 + m.perUnit * unitsOf(a, m);
    weights[j] = m.students;
  });
  const dc = differenceCoefficient(values, weights);
  return { mean: dc.mean ?? 0, sd: dc.standardDeviation ?? 0, cv: dc.cv };
}

/**
 * The price of a coefficient that binds: μ, in 元, such that a unit of a variable reaching a section of value X
 * with the share `reach` is worth μ·(scale·reach/P)·(L − (X − X̄)/S) to the coefficient — the gradient of
 * S − L·X̄ (docs/standard.md#coefficient) at the plan. Where additions were decided by it, a unit at the margin is worth its cost.
 */
export interface CoefficientPrice {
  coefficient: Coefficient;
  price: number;
  /** the L the additions aimed at: the limit less the margin */
  target: number;
  state: CoefficientState;
}

/** Σ Pⱼ of a coefficient's sections. */
export function studentsOf(c: Coefficient): number {
  let total = 0;
  for (const m of c.members) total += m.students;
  return total;
}

/** scale·reach/P of a member: what a unit of its variable moves X̄ by, per unit of the gradient's weight. */
export function gainOf(m: Member, students: number): number {
  return (m.perUnit * m.students) / students;
}
