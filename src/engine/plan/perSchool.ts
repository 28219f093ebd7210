import { FACILITY_INDICATORS, TEACHER_INDICATORS, type IndicatorId } from "../../standard/indicators";
import {
  asProject,
  bandChoices,
  leastAddition,
  type PlanModel,
  type PlanSchool,
  type PlanSection,
} from "./model";
import { emptyAdditions, type PlanAdditions } from "./additions";
import type { Prices } from "./prices";

/** One band choice of a section and the least additions it needs to pass with it. */
export interface SectionOption {
  band: IndicatorId[];
  /** least teachers of each kind (TEACHER_INDICATORS order) */
  teachers: number[];
  /** least whole-school addition of each facility (FACILITY_INDICATORS order) */
  facilities: number[];
}

/** Every band choice of a section (docs/standard.md#pass-rule) with its least additions; one option, none, for a section
 * that is short of nothing. */
export function sectionOptions(model: PlanModel, section: PlanSection): SectionOption[] {
  return bandChoices(section, model.bandSize).map((band) => ({
    band,
    teachers: TEACHER_INDICATORS.map((id) =>
      section.short.includes(id) ? leastAddition(model, section, id, band.includes(id)) : 0,
    ),
    facilities: FACILITY_INDICATORS.map((id) =>
      section.short.includes(id)
        ? leastAddition(model, section, id, band.includes(id), section.reach[id])
        : 0,
    ),
  }));
}

/** No addition: a section left as it is. */
const NOTHING: SectionOption = {
  band: [],
  teachers: TEACHER_INDICATORS.map(() => 0),
  facilities: FACILITY_INDICATORS.map(() => 0),
};

/**
 * The least-cost additions that make every included section of one school pass (or those `wanted`), exactly.
 *
 * Why this is exact: teachers belong to one section, so given each section's band choice their least
 * amounts are independent closed forms (rounded up to whole people). A facility addition reaches every
 * section of the school in proportion to its share, so given the choices it is the largest of the sections'
 * needs. Enumerating the choices (1 + 7 per section under the 6-of-7 rule, 64 pairs for a combined school)
 * therefore covers every optimum.
 *
 * With `prices` (the difference coefficients' prices, `coefficientPrices`) each variable is first raised to what
 * the coefficients ask of it and costed net of what it is worth to them, so that the band choices are weighed
 * against the county's coefficients too; the additions returned are still the pass needs of the choices made.
 */
export function planSchool(
  model: PlanModel,
  school: PlanSchool,
  prices?: Prices,
  /** the sections that must pass (indices in PlanModel.sections); the others get nothing. Default: every one */
  wanted?: ReadonlySet<number>,
): { teachers: number[][]; facilities: number[]; bands: IndicatorId[][]; cost: number } {
  const options = school.sections.map((section) =>
    (wanted && !wanted.has(section.index) ? [NOTHING] : sectionOptions(model, section)).map((option) => ({
      ...option,
      teacherCost: option.teachers.reduce(
        (sum, x, k) =>
          sum +
          (prices
            ? prices.cost(true, section.index, k, Math.max(x, prices.floor(true, section.index, k)))
            : x * model.costs[TEACHER_INDICATORS[k]]),
        0,
      ),
    })),
  );
  const facilityFloors = FACILITY_INDICATORS.map((_, m) =>
    prices ? prices.floor(false, school.index, m) : 0,
  );
  type Priced = (typeof options)[number][number];
  let best: { picks: Priced[]; facilities: number[]; cost: number } | null = null;
  const picks: Priced[] = [];
  const walk = (j: number) => {
    if (j === options.length) {
      // the largest need of the school's sections, as a project: rounding up is monotone, so this is the least
      // project that meets every need
      const facilities = FACILITY_INDICATORS.map((_, m) =>
        asProject(model, school.index, m, Math.max(0, ...picks.map((p) => p.facilities[m]))),
      );
      let cost = picks.reduce((sum, p) => sum + p.teacherCost, 0);
      facilities.forEach(
        (x, m) =>
          (cost += prices
            ? prices.cost(false, school.index, m, Math.max(x, facilityFloors[m]))
            : x * model.costs[FACILITY_INDICATORS[m]]),
      );
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
    // a section no addition can reach (no share of the school's facilities): leave it to the verification, at a
    // cost no budget meets
    return {
      teachers: school.sections.map(() => TEACHER_INDICATORS.map(() => 0)),
      facilities: FACILITY_INDICATORS.map(() => 0),
      bands: school.sections.map(() => []),
      cost: Infinity,
    };
  }
  const found = best as { picks: Priced[]; facilities: number[]; cost: number };
  return {
    teachers: found.picks.map((p) => p.teachers),
    facilities: found.facilities,
    bands: found.picks.map((p) => p.band),
    cost: found.cost,
  };
}

/** Every school planned on its own: exact when no difference coefficient binds. */
export function planPerSchool(model: PlanModel, prices?: Prices): PlanAdditions {
  const a = emptyAdditions(model);
  for (const school of model.schools) {
    if (school.sections.every((s) => s.short.length === 0)) continue;
    const p = planSchool(model, school, prices);
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
        const x = asProject(
          model,
          section.school,
          m,
          leastAddition(model, section, id, false, section.reach[id]),
        );
        a.facilities[section.school][m] = Math.max(a.facilities[section.school][m], x);
      }
    });
  }
  return a;
}
