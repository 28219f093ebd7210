import { z } from "zod";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  type FacilityIndicatorId,
  type IndicatorId,
} from "../../standard/indicators";
import { oneOf, schemaIssueText, WITH_INPUT, type Glossary } from "../../problems/schemaIssue";
import { NATIONAL_2017 } from "../../standard/national2017";
import type { Problem } from "../../problems/problem";
import { ceilWhole } from "../../standard/comparison";

/**
 * Unit cost of one more unit of each resource, in 元: a teacher of each kind (per year), a m² of teaching
 * area, a m² of sports area, a 元 of equipment, a multimedia room. The plan minimises Σ cost × amount.
 */
export type UnitCosts = Record<IndicatorId, number>;

/**
 * Editable defaults. They are round figures for ranking choices, not prices; a bureau puts its own in a costs
 * file. Where they come from (docs/plans.md#costs):
 * - teachers: one year of pay and charges, of the order of the national average wage of the education sector
 *   (国家统计局, 城镇非私营单位教育行业平均工资, about 12 万元 a year in recent years); a key teacher (骨干教师) is
 *   costed higher for the recruitment or training premium;
 * - teaching area: building cost of school buildings, about 3,500 元/㎡ (provincial construction cost
 *   indices for 中小学校舍);
 * - sports area: an outdoor ground with a synthetic track, about 400 元/㎡ (a gymnasium costs far more);
 * - equipment: 1 元 per 元 by definition;
 * - a networked multimedia room: interactive display, computer, network and fit-out, about 5 万元.
 */
export const DEFAULT_UNIT_COSTS: Readonly<UnitCosts> = {
  qualifiedTeachers: 120000,
  keyTeachers: 150000,
  peArtTeachers: 120000,
  teachingArea: 3500,
  sportsArea: 400,
  equipmentValue: 1,
  multimediaRooms: 50000,
};

/**
 * How a bureau adds a facility: as a project of at least `minimum` (m², 元 of equipment, rooms), its size in
 * whole `step`s — never a few square metres. A facility a plan does not need gets nothing.
 */
export interface ProjectSizes {
  minimum: Record<FacilityIndicatorId, number>;
  step: Record<FacilityIndicatorId, number>;
}

/**
 * Editable defaults: a building project of at least 50 m² of teaching and auxiliary rooms (in 10 m²), a sports
 * ground of at least 200 m² (in 10 m²), at least 1 万元 of equipment (in 1,000 元), whole multimedia rooms.
 * Teachers are whole people anyway.
 */
export const DEFAULT_PROJECT_SIZES: Readonly<ProjectSizes> = {
  minimum: { teachingArea: 50, sportsArea: 200, equipmentValue: 10000, multimediaRooms: 1 },
  step: { teachingArea: 10, sportsArea: 10, equipmentValue: 1000, multimediaRooms: 1 },
};

/** An amount rounded up to whole steps (the engine's tolerance keeps 50.0000001 at 50); a step of 0: as it is. */
export function wholeSteps(amount: number, step: number): number {
  return step > 0 ? ceilWhole(amount / step) * step : amount;
}

/**
 * The least size of a project of a facility: every size is a whole number of steps and at least the minimum, so a
 * minimum that is not a whole number of steps is raised to the next step (25 m² in 10 m² steps: 30 m²).
 */
export function leastProject(projects: ProjectSizes, id: FacilityIndicatorId): number {
  return wholeSteps(projects.minimum[id], projects.step[id]);
}

/** The project sizes a plan uses: each minimum a whole number of steps (`leastProject`). */
export function projectSizesUsed(projects: ProjectSizes): ProjectSizes {
  return {
    minimum: Object.fromEntries(FACILITY_INDICATORS.map((id) => [id, leastProject(projects, id)])) as Record<
      FacilityIndicatorId,
      number
    >,
    step: { ...projects.step },
  };
}

/** The recurring costs of a plan (a year of teachers' pay) and its one-off costs (buildings, equipment, rooms). */
export function isRecurring(id: IndicatorId): boolean {
  return id === "qualifiedTeachers" || id === "keyTeachers" || id === "peArtTeachers";
}

/**
 * What `amount` of a resource costs at the unit costs, in 元 (元 a year for teachers): the one price rule, for the
 * plan's additions and the what-if's edits alike (docs/plans.md#costs).
 */
export function resourceCost(costs: Readonly<UnitCosts>, id: IndicatorId, amount: number): number {
  return amount * costs[id];
}

/** The two parts a cost is reported in (docs/plans.md#recurring), 元, and their sum. */
export interface CostParts {
  /** teachers: 元 a year */
  recurringCost: number;
  /** buildings, grounds, equipment and rooms: 元 once */
  oneOffCost: number;
  /** a year of the recurring costs plus the one-off costs: what the plan minimises */
  totalCost: number;
}

/** Priced amounts summed into their recurring and one-off parts (`isRecurring`). */
export function costParts(items: Iterable<{ resource: IndicatorId; cost: number }>): CostParts {
  let recurringCost = 0;
  let oneOffCost = 0;
  // the sum in the items' order, as the plan has always added its costs
  let totalCost = 0;
  for (const x of items) {
    totalCost += x.cost;
    if (isRecurring(x.resource)) recurringCost += x.cost;
    else oneOffCost += x.cost;
  }
  return { recurringCost, oneOffCost, totalCost };
}

const cost = z.number().refine(Number.isFinite, "must be a finite number").min(0);
const size = z.number().refine(Number.isFinite, "must be a finite number").min(0);
const facilitySizes = z
  .object(
    Object.fromEntries(FACILITY_INDICATORS.map((id) => [id, size.optional()])) as Record<
      FacilityIndicatorId,
      z.ZodOptional<typeof size>
    >,
  )
  .strict();

/**
 * A costs file: any of the seven ids with a unit cost in 元, and optionally `minimum` and `step`, the project
 * sizes of the four facilities (m², 元, rooms); whatever is missing keeps its default.
 */
export const costsFileSchema = z
  .object({
    ...(Object.fromEntries(INDICATOR_IDS.map((id) => [id, cost.optional()])) as Record<
      IndicatorId,
      z.ZodOptional<typeof cost>
    >),
    minimum: facilitySizes.optional(),
    step: facilitySizes.optional(),
  })
  .strict();

/** What a costs file may name: the seven ids at the top, the four facilities under `minimum` and `step`. */
const COST_FIELDS = [...INDICATOR_IDS, "minimum", "step"];
const COST_GLOSSARY: Glossary = {
  ...Object.fromEntries(INDICATOR_IDS.map((id) => [id, NATIONAL_2017.indicators[id].shortName.zh])),
  minimum: "项目最小规模",
  step: "项目步长",
};

function costProblem(field: string, text: { zh: string; en: string }): Problem {
  // a field under minimum or step is a project size, not a unit cost (docs/plans.md#project-sizes)
  const size = /^(minimum|step)(\.|$)/.test(field);
  const what = size
    ? { zh: "项目规模无效", en: "invalid project size" }
    : { zh: "单位成本无效", en: "invalid unit cost" };
  return {
    severity: "error",
    code: "costs-invalid",
    cell: null,
    message: { zh: `${field}：${what.zh}（${text.zh}）`, en: `${field}: ${what.en} (${text.en})` },
  };
}

export function parseCosts(json: unknown): {
  costs: UnitCosts;
  projects: ProjectSizes;
  problems: Problem[];
  /** unit costs that look like another unit (costWarnings); they are used as given */
  warnings: Problem[];
} {
  const parsed = costsFileSchema.safeParse(json, WITH_INPUT);
  const projects: ProjectSizes = {
    minimum: { ...DEFAULT_PROJECT_SIZES.minimum },
    step: { ...DEFAULT_PROJECT_SIZES.step },
  };
  if (!parsed.success) {
    return {
      costs: { ...DEFAULT_UNIT_COSTS },
      projects,
      warnings: [],
      problems: parsed.error.issues.flatMap((issue) => {
        if (issue.code === "unrecognized_keys") {
          // each unknown field by its own name (a Chinese name, 高学历教师, is the usual one), with the fields there are
          const fields = issue.path.length === 0 ? COST_FIELDS : FACILITY_INDICATORS;
          const choices = oneOf(fields, COST_GLOSSARY);
          return issue.keys.map((key) =>
            costProblem([...issue.path, key].join("."), {
              zh: `未知字段，${choices.zh}`,
              en: `unknown field, ${choices.en}`,
            }),
          );
        }
        const field = issue.path.length > 0 ? issue.path.join(".") : "costs";
        return [costProblem(field, schemaIssueText(issue))];
      }),
    };
  }
  const costs = { ...DEFAULT_UNIT_COSTS };
  for (const id of INDICATOR_IDS) {
    const v = parsed.data[id];
    if (v !== undefined) costs[id] = v;
  }
  for (const id of FACILITY_INDICATORS) {
    const minimum = parsed.data.minimum?.[id];
    const step = parsed.data.step?.[id];
    if (minimum !== undefined) projects.minimum[id] = minimum;
    // a step of 0 means any amount
    if (step !== undefined) projects.step[id] = step;
  }
  return { costs, projects, problems: [], warnings: [...costWarnings(costs), ...projectWarnings(projects)] };
}

/**
 * A unit cost this many times below or above its default is most likely in another unit: 12 for a teacher is 12
 * 万元 written where 元 is asked (the plan's totals are shown in 万元), 10,000 for a 元 of equipment is a price per
 * 万元. Local prices differ from the defaults, but not a hundredfold.
 */
export const COST_DOUBT_FACTOR = 100;

/**
 * docs/plans.md#costs: the unit costs that look like another unit, as warnings — the plan uses them as given. A
 * cost of 0 (a resource the county has to spare) raises none.
 */
export function costWarnings(costs: UnitCosts): Problem[] {
  const out: Problem[] = [];
  for (const id of INDICATOR_IDS) {
    const v = costs[id];
    const standard = DEFAULT_UNIT_COSTS[id];
    if (!(v > 0) || (v * COST_DOUBT_FACTOR >= standard && v <= standard * COST_DOUBT_FACTOR)) continue;
    const name = NATIONAL_2017.indicators[id].shortName;
    const low = v < standard;
    out.push({
      severity: "warning",
      code: "cost-implausible",
      cell: null,
      message: low
        ? {
            zh: `${id}（${name.zh}）：单位成本 ${v} 元，不到默认值 ${standard} 元的百分之一；单位成本以元计，是否按万元填写？`,
            en: `${id} (${name.en}): a unit cost of ${v} yuan is under a hundredth of the default ${standard}; unit costs are in yuan: given in 万元 (10k yuan)?`,
          }
        : {
            zh: `${id}（${name.zh}）：单位成本 ${v} 元，超过默认值 ${standard} 元的 100 倍，请核对单位`,
            en: `${id} (${name.en}): a unit cost of ${v} yuan is over a hundred times the default ${standard}; please check its unit`,
          },
    });
  }
  return out;
}

/**
 * docs/plans.md#project-sizes: a minimum that is not a whole number of steps, as a warning saying the size used
 * (every project size is a whole number of steps, `leastProject`).
 */
export function projectWarnings(projects: ProjectSizes): Problem[] {
  return FACILITY_INDICATORS.flatMap((id) => {
    const given = projects.minimum[id];
    const used = leastProject(projects, id);
    if (used === given) return [];
    const step = projects.step[id];
    const name = NATIONAL_2017.indicators[id].shortName;
    const unit = NATIONAL_2017.indicators[id].resourceUnit;
    return [
      {
        severity: "warning" as const,
        code: "project-minimum-steps",
        cell: null,
        message: {
          zh: `minimum.${id}（${name.zh}）：最小规模 ${given} ${unit.zh}不是步长 ${step} ${unit.zh}的整数倍，按 ${used} ${unit.zh}计（项目规模都是步长的整数倍）`,
          en: `minimum.${id} (${name.en}): a minimum of ${given} ${unit.en} is not a whole number of ${step} ${unit.en} steps; ${used} ${unit.en} is used (every project is a whole number of steps)`,
        },
      },
    ];
  });
}
