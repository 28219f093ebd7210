import { z } from "zod";
import { computableNumber } from "./figureSchema";
import { INDICATOR_IDS, type IndicatorId, type Level } from "./indicators";

/*
 * Every object is strict: a field the schema does not know (`cvLimit.juniour`) is refused with its path, never
 * ignored, so a misspelt threshold cannot leave the national one silently in force.
 */

/** A positive figure the evaluation can compute with (docs/standard.md#indicators). */
const positive = computableNumber().positive();
const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const perLevel = z.object({ primary: positive, junior: positive }).strict();

/**
 * How the amount of a resource becomes the indicator value:
 * per100 = amount × 100 / students (teachers, rooms); perStudent = amount / students (m², 元).
 */
const indicatorSchema = z
  .object({
    name: bilingual,
    shortName: bilingual,
    unit: bilingual,
    /** unit of the resource itself, as a person counts it: 人, ㎡, 元, 间 */
    resourceUnit: bilingual,
    scale: z.enum(["per100", "perStudent"]),
    /** whole numbers only (people and rooms) */
    integral: z.boolean(),
    standard: perLevel,
  })
  .strict();

const indicatorsSchema = z
  .object(
    Object.fromEntries(INDICATOR_IDS.map((id) => [id, indicatorSchema])) as Record<
      IndicatorId,
      typeof indicatorSchema
    >,
  )
  .strict();

export const profileSchema = z
  .object({
    id: z.string().min(1),
    name: bilingual,
    source: z.string().optional(),
    indicators: indicatorsSchema,
    /** docs/standard.md#pass-rule: ≥ minMet of 7 met, the rest ≥ floorRatio × standard */
    passRule: z
      .object({
        minMet: z.number().int().min(0).max(7),
        floorRatio: z.number().gt(0).max(1),
      })
      .strict(),
    /** docs/standard.md#balance per-indicator balance: CV ≤ limit for each level and indicator */
    cvLimit: perLevel,
    /** docs/standard.md#scope exclusions */
    exclusions: z
      .object({
        specialEducation: z.boolean(),
        vocational: z.boolean(),
        teachingPointMinStudents: computableNumber().int().min(0),
      })
      .strict(),
    /** docs/standard.md#teaching-points: teaching points of ≥ min students count as schools of their own, or merge into their parent */
    teachingPoints: z.enum(["ownSchool", "mergeIntoParent"]),
    /** docs/standard.md#apportioning apportioning weights for shared facilities */
    apportioning: z
      .object({
        nineYear: z.object({ primary: positive, junior: positive }).strict(),
        twelveYear: z.object({ primary: positive, junior: positive, senior: positive }).strict(),
        complete: z.object({ junior: positive, senior: positive }).strict(),
      })
      .strict(),
    /** docs/standard.md#indoor-sports profile option: teaching area = 教学及辅助用房 − 室内体育用房, indoor sports added to sports area */
    indoorSportsMovesToSportsArea: z.boolean(),
    /** equipment value unit when the header does not say (docs/standard.md#equipment-unit: the statistics record 万元) */
    equipmentDefaultUnit: z.enum(["万元", "元"]),
    /** per-student equipment value (元) below which the unit is probably wrong */
    equipmentImplausibleBelow: computableNumber().min(0),
    /** docs/standard.md#league-plan: counties and the year each is to be recognised (readiness for the target year) */
    counties: z
      .array(
        z
          .object({
            name: z.string().min(1),
            targetYear: z.number().int().min(1000).max(9999),
            /** the county's other names in tables: its full official name (科尔沁右翼前旗 for 科右前旗) */
            aliases: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .optional(),
    /** docs/standard.md#starting-grades: the month from which grade 1 and grade 7 classes must be within the
     * plan's limits (the League plan: the autumn term of 2026) */
    startingGradesFrom: z
      .object({ year: z.number().int().min(1000).max(9999), month: z.number().int().min(1).max(12) })
      .strict()
      .optional(),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type IndicatorDefinition = Profile["indicators"][IndicatorId];

/** Threshold of one indicator at one level. */
export function standardOf(profile: Profile, indicator: IndicatorId, level: Level): number {
  return profile.indicators[indicator].standard[level];
}
