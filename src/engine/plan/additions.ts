import { FACILITY_INDICATORS, TEACHER_INDICATORS, type IndicatorId } from "../../standard/indicators";
import { resourceCost } from "./costs";
import type { PlanModel } from "./model";

/** Additions of a plan: teachers per section, facilities per whole school, and each section's band choice. */
export interface PlanAdditions {
  /** [section index][teacher kind in TEACHER_INDICATORS order] */
  teachers: number[][];
  /** [school index][facility in FACILITY_INDICATORS order] */
  facilities: number[][];
  /** [section index]: the indicators left between 85 % and 100 % of the standard */
  bands: IndicatorId[][];
}

export function emptyAdditions(model: PlanModel): PlanAdditions {
  return {
    teachers: model.sections.map(() => TEACHER_INDICATORS.map(() => 0)),
    facilities: model.schools.map(() => FACILITY_INDICATORS.map(() => 0)),
    bands: model.sections.map(() => []),
  };
}

export function additionsCost(model: PlanModel, a: PlanAdditions): number {
  let cost = 0;
  for (const row of a.teachers)
    row.forEach((x, k) => (cost += resourceCost(model.costs, TEACHER_INDICATORS[k], x)));
  for (const row of a.facilities)
    row.forEach((x, m) => (cost += resourceCost(model.costs, FACILITY_INDICATORS[m], x)));
  return cost;
}

export function copyAdditions(a: PlanAdditions): PlanAdditions {
  return {
    teachers: a.teachers.map((row) => row.slice()),
    facilities: a.facilities.map((row) => row.slice()),
    bands: a.bands,
  };
}
