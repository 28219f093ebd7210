import { FACILITY_INDICATORS, TEACHER_INDICATORS, type IndicatorId } from "../../standard/indicators";
import { bandChoices, leastAddition, type PlanModel, type PlanSchool } from "./model";

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
  for (const row of a.teachers) row.forEach((x, k) => (cost += x * model.costs[TEACHER_INDICATORS[k]]));
  for (const row of a.facilities) row.forEach((x, m) => (cost += x * model.costs[FACILITY_INDICATORS[m]]));
  return cost;
}

interface SectionOption {
  band: IndicatorId[];
  teachers: number[];
  teacherCost: number;
  /** least whole-school addition of each facility this option needs */
  facilities: number[];
}

/**
 * The least-cost additions that make every included section of one school pass, exactly.
 *
 * Why this is exact: teachers belong to one section, so given each section's band choice their least
 * amounts are independent closed forms (rounded up to whole people). A facility addition reaches every
 * section of the school in proportion to its share, so given the choices it is the largest of the sections'
 * needs. Enumerating the choices (1 + 7 per section under the 6-of-7 rule, 64 pairs for a combined school)
 * therefore covers every optimum.
 */
export function planSchool(
  model: PlanModel,
  school: PlanSchool,
): { teachers: number[][]; facilities: number[]; bands: IndicatorId[][]; cost: number } {
  const options: SectionOption[][] = school.sections.map((section) =>
    bandChoices(section, model.bandSize).map((band) => {
      const teachers = TEACHER_INDICATORS.map((id) =>
        section.short.includes(id) ? leastAddition(model, section, id, band.includes(id)) : 0,
      );
      const teacherCost = teachers.reduce((sum, x, k) => sum + x * model.costs[TEACHER_INDICATORS[k]], 0);
      const facilities = FACILITY_INDICATORS.map((id) =>
        section.short.includes(id)
          ? leastAddition(model, section, id, band.includes(id), section.reach[id])
          : 0,
      );
      return { band, teachers, teacherCost, facilities };
    }),
  );
  let best: { picks: SectionOption[]; facilities: number[]; cost: number } | null = null;
  const picks: SectionOption[] = [];
  const walk = (j: number) => {
    if (j === options.length) {
      const facilities = FACILITY_INDICATORS.map((_, m) => Math.max(0, ...picks.map((p) => p.facilities[m])));
      let cost = picks.reduce((sum, p) => sum + p.teacherCost, 0);
      facilities.forEach((x, m) => (cost += x * model.costs[FACILITY_INDICATORS[m]]));
      if (Number.isFinite(cost) && (!best || cost < best.cost))
        best = { picks: [...picks], facilities, cost };
      return;
    }
    for (const option of options[j]) {
      picks.push(option);
      walk(j + 1);
      picks.pop();
    }
  };
  walk(0);
  if (!best) {
    // a section no addition can reach (no share of the school's facilities): leave it to the verification
    return {
      teachers: school.sections.map(() => TEACHER_INDICATORS.map(() => 0)),
      facilities: FACILITY_INDICATORS.map(() => 0),
      bands: school.sections.map(() => []),
      cost: 0,
    };
  }
  const found = best as { picks: SectionOption[]; facilities: number[]; cost: number };
  return {
    teachers: found.picks.map((p) => p.teachers),
    facilities: found.facilities,
    bands: found.picks.map((p) => p.band),
    cost: found.cost,
  };
}

/** Every school planned on its own: exact when no difference coefficient binds. */
export function planPerSchool(model: PlanModel): PlanAdditions {
  const a = emptyAdditions(model);
  for (const school of model.schools) {
    if (school.sections.every((s) => s.short.length === 0)) continue;
    const p = planSchool(model, school);
    a.facilities[school.index] = p.facilities;
    school.sections.forEach((s, j) => {
      a.teachers[s.index] = p.teachers[j];
      a.bands[s.index] = p.bands[j];
    });
  }
  return a;
}

/**
 * The simple baseline a plan must never cost more than: each failing section topped up to the standard on
 * every short indicator, on its own (no band choice, no shared facility addition).
 */
export function planBaseline(model: PlanModel): PlanAdditions {
  const a = emptyAdditions(model);
  for (const section of model.sections) {
    if (section.passes) continue;
    TEACHER_INDICATORS.forEach((id, k) => {
      if (section.short.includes(id)) a.teachers[section.index][k] = leastAddition(model, section, id, false);
    });
    FACILITY_INDICATORS.forEach((id, m) => {
      if (section.short.includes(id)) {
        const x = leastAddition(model, section, id, false, section.reach[id]);
        a.facilities[section.school][m] = Math.max(a.facilities[section.school][m], x);
      }
    });
  }
  return a;
}
