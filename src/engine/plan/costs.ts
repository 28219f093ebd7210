import { z } from "zod";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  type FacilityIndicatorId,
  type IndicatorId,
} from "../../standard/indicators";
import { schemaIssueText, WITH_INPUT } from "../../problems/schemaIssue";
import type { Problem } from "../../problems/problem";

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

/** The recurring costs of a plan (a year of teachers' pay) and its one-off costs (buildings, equipment, rooms). */
export function isRecurring(id: IndicatorId): boolean {
  return id === "qualifiedTeachers" || id === "keyTeachers" || id === "peArtTeachers";
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

export function parseCosts(json: unknown): { costs: UnitCosts; projects: ProjectSizes; problems: Problem[] } {
  const parsed = costsFileSchema.safeParse(json, WITH_INPUT);
  const projects: ProjectSizes = {
    minimum: { ...DEFAULT_PROJECT_SIZES.minimum },
    step: { ...DEFAULT_PROJECT_SIZES.step },
  };
  if (!parsed.success) {
    return {
      costs: { ...DEFAULT_UNIT_COSTS },
      projects,
      problems: parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join(".") : "costs";
        const text = schemaIssueText(issue);
        return {
          severity: "error" as const,
          code: "costs-invalid",
          cell: null,
          message: {
            zh: `${field}：单位成本无效（${text.zh}）`,
            en: `${field}: invalid unit cost (${text.en})`,
          },
        };
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
  return { costs, projects, problems: [] };
}
