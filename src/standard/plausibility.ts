/*
 * docs/school-table.md#plausible: the figures beyond which a school's value is one no school reports (a figure
 * typed in the wrong unit or column). They raise warnings, never errors. The judgements are the engine's
 * (engine/plausibility.ts); the equipment's figure is EQUIPMENT_PER_STUDENT_ABOVE (standard/equipmentUnit.ts).
 */
/** Pupils of one section (小学, 初中, 高中) above which no school has them (docs/school-table.md#plausible). */
export const SECTION_STUDENTS_ABOVE = 20_000;

/** m² of teaching rooms per pupil above which no school has them (docs/school-table.md#plausible). */
export const TEACHING_AREA_PER_STUDENT_ABOVE = 100;

/**
 * m² of sports grounds per pupil above which no school has them (docs/school-table.md#plausible): higher than
 * the teaching rooms', as a rural school of few pupils does have large grounds.
 */
export const SPORTS_AREA_PER_STUDENT_ABOVE = 500;

/** Pupils of one class above which no class has them (docs/school-table.md#plausible). */
export const LARGEST_CLASS_ABOVE = 150;

/** The area facilities judged per pupil, and the figure of each. */
export const AREA_PER_STUDENT_ABOVE = {
  teachingArea: TEACHING_AREA_PER_STUDENT_ABOVE,
  sportsArea: SPORTS_AREA_PER_STUDENT_ABOVE,
} as const;

/** A facility judged per pupil: teaching rooms, sports grounds. */
export type AreaFacility = keyof typeof AREA_PER_STUDENT_ABOVE;
