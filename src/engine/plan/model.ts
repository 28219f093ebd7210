import type { Profile } from "../../standard/profile";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type IndicatorId,
  type Level,
  type TeacherIndicatorId,
} from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { absorbedPupils, additionShares, amountForValue } from "../sections";
import { buildSections, evaluateSection, indicatorStatus, standardsByLevel } from "../evaluate";
import { ceilWhole } from "../../standard/comparison";
import { leastProject, wholeSteps, type ProjectSizes, type UnitCosts } from "./costs";

/**
 * The planning view of a county: each included section with what it has and what it needs of each resource,
 * in the resource's own unit (people, m², 元, rooms). Facilities are added to the whole school and reach a
 * section in proportion to `reach` (its apportioning share, docs/standard.md#apportioning), so one addition serves both
 * sections of a combined school.
 */
export interface PlanSection {
  /** index in PlanModel.sections */
  index: number;
  /** index in PlanModel.schools */
  school: number;
  name: string;
  level: Level;
  students: number;
  /** amount of each resource the section has now */
  base: Record<IndicatorId, number>;
  /** amount of each resource that gives the standard, and 85 % of it */
  needStandard: Record<IndicatorId, number>;
  needFloor: Record<IndicatorId, number>;
  /** part of a whole-school facility addition that reaches this section */
  reach: Record<FacilityIndicatorId, number>;
  /** indicators below their standard now */
  short: IndicatorId[];
  /** the section passes now (docs/standard.md#indicators), as the engine says */
  passes: boolean;
}

export interface PlanSchool {
  index: number;
  name: string;
  sections: PlanSection[];
  /**
   * of each facility (FACILITY_INDICATORS order), the whole-school amount that would give every section its
   * standard from nothing: no project for the school needs to be larger than that
   */
  standardAmount: number[];
}

export interface PlanModel {
  profile: Profile;
  costs: UnitCosts;
  schools: PlanSchool[];
  sections: PlanSection[];
  /** how many indicators a passing section may leave between 85 % and 100 % of the standard (7 − 6 = 1) */
  bandSize: number;
  /** facility additions as projects of a least size in whole steps; null for exact amounts */
  projects: ProjectSizes | null;
}

export function buildPlanModel(
  records: readonly SchoolRecord[],
  profile: Profile,
  costs: UnitCosts,
  projects: ProjectSizes | null = null,
): PlanModel {
  const schools: PlanSchool[] = [];
  const bySchool = new Map<number, PlanSchool>();
  const sections: PlanSection[] = [];
  let absorbed: Float64Array | null = null;
  const standards = standardsByLevel(profile);
  for (const s of buildSections(records, profile)) {
    if (!s.included) continue;
    let school = bySchool.get(s.recordIndex);
    if (!school) {
      school = {
        index: schools.length,
        name: s.school,
        sections: [],
        standardAmount: FACILITY_INDICATORS.map(() => 0),
      };
      schools.push(school);
      bySchool.set(s.recordIndex, school);
    }
    const result = evaluateSection(profile, s, standards[s.level]);
    const needStandard = {} as Record<IndicatorId, number>;
    const needFloor = {} as Record<IndicatorId, number>;
    for (const id of INDICATOR_IDS) {
      const standard = profile.indicators[id].standard[s.level];
      needStandard[id] = amountForValue(profile, id, standard, s.students);
      needFloor[id] = amountForValue(profile, id, standard * profile.passRule.floorRatio, s.students);
    }
    // facilities given per section take an addition by the shares the scenario gives it (`addFacilityTo`)
    const share =
      s.facilityShare ??
      additionShares(
        records[s.recordIndex],
        (absorbed ??= absorbedPupils(records, profile))[s.recordIndex],
        profile,
      )[s.level] ??
      0;
    const reach = Object.fromEntries(FACILITY_INDICATORS.map((id) => [id, share])) as Record<
      FacilityIndicatorId,
      number
    >;
    const section: PlanSection = {
      index: sections.length,
      school: school.index,
      name: s.school,
      level: s.level,
      students: s.students,
      base: { ...s.amounts },
      needStandard,
      needFloor,
      reach,
      short: INDICATOR_IDS.filter((id) => !result.met[id]),
      passes: result.pass,
    };
    sections.push(section);
    school.sections.push(section);
    FACILITY_INDICATORS.forEach((id, m) => {
      if (share > 0)
        school!.standardAmount[m] = Math.max(school!.standardAmount[m], needStandard[id] / share);
    });
  }
  return {
    profile,
    costs,
    schools,
    sections,
    bandSize: INDICATOR_IDS.length - profile.passRule.minMet,
    projects,
  };
}

/**
 * An addition of the m-th facility (FACILITY_INDICATORS order) to a school as a project: nothing when nothing is
 * needed, else the least size a project may have that is at least the amount. Every size is a whole number of
 * steps and at least the least project (docs/plans.md#project-sizes): a minimum of 25 m² in 10 m² steps is a
 * project of 30 m², 40 m²… (the engine's tolerance keeps 50.0000001 m² at 50). A very small school's least
 * project is what gives all its sections their standard, in whole steps (a school of 4 pupils gets 30 m² of
 * sports ground, not 200). Additions only grow, so every section that passed with the amount still passes; and
 * since this is the least size allowed, a plan made of these roundings is the least-cost plan of the rounded
 * problem wherever the amounts were least.
 */
export function asProject(model: PlanModel, school: number, m: number, amount: number): number {
  const projects = model.projects;
  if (!projects || !(amount > 0)) return Math.max(0, amount);
  const id = FACILITY_INDICATORS[m];
  const step = projects.step[id];
  const whole = (x: number) => wholeSteps(x, step);
  const cap = model.schools[school]?.standardAmount[m] ?? Infinity;
  const minimum = Math.min(leastProject(projects, id), whole(cap));
  // below a millionth of a project, an amount is rounding noise of the searches
  if (amount <= 1e-6 * Math.max(1, projects.minimum[id], step)) return 0;
  return Math.max(minimum, whole(amount));
}

/** Whether a section reaches `target` (standard or floor) of an indicator with this much of the resource. */
export function reaches(
  model: PlanModel,
  section: PlanSection,
  id: IndicatorId,
  amount: number,
  floor: boolean,
): boolean {
  const value =
    model.profile.indicators[id].scale === "per100"
      ? (amount * 100) / section.students
      : amount / section.students;
  const status = indicatorStatus(model.profile, id, section.level, value);
  return status === "met" || (floor && status === "floor");
}

/**
 * The least addition `x` (whole for people and rooms) with base + reach·x reaching the target, checked with
 * the engine's own comparison so that the plan and the verdict agree to the last bit.
 */
export function leastAddition(
  model: PlanModel,
  section: PlanSection,
  id: IndicatorId,
  floor: boolean,
  reach = 1,
): number {
  const base = section.base[id];
  if (reaches(model, section, id, base, floor)) return 0;
  if (!(reach > 0)) return Infinity;
  const need = floor ? section.needFloor[id] : section.needStandard[id];
  const integral = model.profile.indicators[id].integral;
  let x = (need - base) / reach;
  x = integral ? Math.max(0, ceilWhole(x)) : Math.max(0, x);
  for (let guard = 0; guard < 60 && !reaches(model, section, id, base + reach * x, floor); guard++) {
    x = integral ? x + 1 : x + Math.max(Math.abs(x), 1) * 2 ** (guard - 52);
  }
  return x;
}

export function isTeacher(id: IndicatorId): id is TeacherIndicatorId {
  return (TEACHER_INDICATORS as readonly string[]).includes(id);
}

/** Every way a section may leave up to `bandSize` of its short indicators in the 85 % band. */
export function bandChoices(section: PlanSection, bandSize: number): IndicatorId[][] {
  const out: IndicatorId[][] = [[]];
  const grow = (start: number, chosen: IndicatorId[]) => {
    if (chosen.length === bandSize) return;
    for (let i = start; i < section.short.length; i++) {
      const next = [...chosen, section.short[i]];
      out.push(next);
      grow(i + 1, next);
    }
  };
  grow(0, []);
  return out;
}
