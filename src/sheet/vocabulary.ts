import type { EnrolmentLevel, SchoolType } from "../engine/records";

export { foldText, parseLocale, parseSchoolType, LOCALE_WORDS } from "../engine/words";

export { ENROLMENT_LEVELS, type EnrolmentLevel } from "../engine/records";

/** Levels whose enrolment a school of the type must report: the sections it is evaluated by. */
export const REQUIRED_ENROLMENT: Record<SchoolType, readonly EnrolmentLevel[]> = {
  primary: ["primary"],
  junior: ["junior"],
  nineYear: ["primary", "junior"],
  twelveYear: ["primary", "junior"],
  complete: ["junior"],
  teachingPoint: ["primary"],
  special: [],
  vocational: [],
};

/** Combined schools (docs/standard.md#combined-schools): evaluated as one section per level, so each level's enrolment must be above 0. */
export function isCombinedSchool(type: SchoolType): boolean {
  return type === "nineYear" || type === "twelveYear" || type === "complete";
}
