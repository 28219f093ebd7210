/** The seven resource indicators of the standard (docs/standard.md#indicators), in the order the standard lists them. */
export const INDICATOR_IDS = [
  "qualifiedTeachers",
  "keyTeachers",
  "peArtTeachers",
  "teachingArea",
  "sportsArea",
  "equipmentValue",
  "multimediaRooms",
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The two levels of compulsory education that are evaluated. */
export const LEVELS = ["primary", "junior"] as const;
export type Level = (typeof LEVELS)[number];

/** Teacher indicators are taken per section; facility indicators belong to the whole school and are apportioned. */
export const TEACHER_INDICATORS = ["qualifiedTeachers", "keyTeachers", "peArtTeachers"] as const;
export type TeacherIndicatorId = (typeof TEACHER_INDICATORS)[number];
export const FACILITY_INDICATORS = [
  "teachingArea",
  "sportsArea",
  "equipmentValue",
  "multimediaRooms",
] as const;
export type FacilityIndicatorId = (typeof FACILITY_INDICATORS)[number];

export function isIndicatorId(value: unknown): value is IndicatorId {
  return typeof value === "string" && (INDICATOR_IDS as readonly string[]).includes(value);
}

export function isTeacherIndicator(id: IndicatorId): id is TeacherIndicatorId {
  return (TEACHER_INDICATORS as readonly string[]).includes(id);
}

export const LEVEL_NAMES: Record<Level, { zh: string; en: string }> = {
  primary: { zh: "小学", en: "Primary" },
  junior: { zh: "初中", en: "Junior" },
};
