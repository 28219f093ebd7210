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

/**
 * A record of the seven indicators from their values in INDICATOR_IDS order, as one object literal: every record
 * of a result has the same shape, which keeps reading them fast. With `inIndicatorOrder`, the one place that
 * names the seven indicators one by one.
 */
export function indicatorRecord<T>(inOrder: ArrayLike<T>): Record<IndicatorId, T> {
  return {
    qualifiedTeachers: inOrder[0],
    keyTeachers: inOrder[1],
    peArtTeachers: inOrder[2],
    teachingArea: inOrder[3],
    sportsArea: inOrder[4],
    equipmentValue: inOrder[5],
    multimediaRooms: inOrder[6],
  };
}

/** The values of a record of the seven indicators in INDICATOR_IDS order, read by name (the inverse of indicatorRecord). */
export function inIndicatorOrder<T>(byId: Readonly<Record<IndicatorId, T>>): T[] {
  return [
    byId.qualifiedTeachers,
    byId.keyTeachers,
    byId.peArtTeachers,
    byId.teachingArea,
    byId.sportsArea,
    byId.equipmentValue,
    byId.multimediaRooms,
  ];
}

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
