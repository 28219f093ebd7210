/**
 * The record's fields as the table names them (column ids of standard/columns), and its figures numbered: a row's
 * figures are read into arrays by number, in the order of FIGURE_IDS, not looked up by name.
 */
import type { FacilityIndicatorId, Level, TeacherIndicatorId } from "../../standard/indicators";
import type { EnrolmentLevel } from "../vocabulary";
import { LARGEST_CLASS_KEYS } from "../../engine/records";

export const TEACHER_COLUMNS: Record<Level, Record<TeacherIndicatorId, string>> = {
  primary: {
    qualifiedTeachers: "primaryQualifiedTeachers",
    keyTeachers: "primaryKeyTeachers",
    peArtTeachers: "primaryPeArtTeachers",
  },
  junior: {
    qualifiedTeachers: "juniorQualifiedTeachers",
    keyTeachers: "juniorKeyTeachers",
    peArtTeachers: "juniorPeArtTeachers",
  },
};
export const STUDENT_COLUMNS: Record<EnrolmentLevel, string> = {
  primary: "primaryStudents",
  junior: "juniorStudents",
  senior: "seniorStudents",
};
export const FACILITY_COLUMNS: Record<FacilityIndicatorId, string> = {
  teachingArea: "teachingArea",
  sportsArea: "sportsArea",
  equipmentValue: "equipmentValue",
  multimediaRooms: "multimediaRooms",
};
export const SECTION_FACILITY_COLUMNS: Record<Level, Record<FacilityIndicatorId, string>> = {
  primary: {
    teachingArea: "primaryTeachingArea",
    sportsArea: "primarySportsArea",
    equipmentValue: "primaryEquipmentValue",
    multimediaRooms: "primaryMultimediaRooms",
  },
  junior: {
    teachingArea: "juniorTeachingArea",
    sportsArea: "juniorSportsArea",
    equipmentValue: "juniorEquipmentValue",
    multimediaRooms: "juniorMultimediaRooms",
  },
};
export const EQUIPMENT_COLUMNS = ["equipmentValue", "primaryEquipmentValue", "juniorEquipmentValue"] as const;

/** The sections a record holds teachers and facilities for, in order. */
export const LEVELS_OF_SECTIONS: readonly Level[] = ["primary", "junior"];
export const ENROLMENT_ORDER = ["primary", "junior", "senior"] as const;
export const FACILITY_IDS: readonly FacilityIndicatorId[] = [
  "teachingArea",
  "sportsArea",
  "equipmentValue",
  "multimediaRooms",
];
export const TEACHER_IDS: readonly TeacherIndicatorId[] = [
  "qualifiedTeachers",
  "keyTeachers",
  "peArtTeachers",
];
export { LARGEST_CLASS_KEYS };

/** The columns where a number belongs, numbered. */
export const FIGURE_IDS: readonly string[] = [
  ...ENROLMENT_ORDER.map((level) => STUDENT_COLUMNS[level]),
  ...LEVELS_OF_SECTIONS.flatMap((level) => TEACHER_IDS.map((t) => TEACHER_COLUMNS[level][t])),
  ...FACILITY_IDS.map((f) => FACILITY_COLUMNS[f]),
  ...LEVELS_OF_SECTIONS.flatMap((level) => FACILITY_IDS.map((f) => SECTION_FACILITY_COLUMNS[level][f])),
  "primaryClasses",
  "juniorClasses",
  "musicRooms",
  "artRooms",
  "smallestMusicRoom",
  "smallestArtRoom",
  ...LARGEST_CLASS_KEYS.map((key) => `${key}LargestClass`),
  "indoorSportsArea",
];
/** The ids of FIGURE_IDS's figures by position, for lookups in loops: students by ENROLMENT_ORDER, teachers per
 * section by TEACHER_IDS, facilities by FACILITY_IDS. */
export const STUDENT_COLUMN_IDS: readonly string[] = ENROLMENT_ORDER.map((level) => STUDENT_COLUMNS[level]);
export const TEACHER_COLUMN_IDS: readonly (readonly string[])[] = LEVELS_OF_SECTIONS.map((level) =>
  TEACHER_IDS.map((t) => TEACHER_COLUMNS[level][t]),
);
export const FACILITY_COLUMN_IDS: readonly string[] = FACILITY_IDS.map((f) => FACILITY_COLUMNS[f]);

export const FIGURE: Readonly<Record<string, number>> = Object.fromEntries(
  FIGURE_IDS.map((id, i) => [id, i]),
);

/** by ENROLMENT_ORDER, whose first two are LEVELS_OF_SECTIONS */
export const STUDENT_FIGURES: readonly number[] = ENROLMENT_ORDER.map(
  (level) => FIGURE[STUDENT_COLUMNS[level]],
);
/** per section (LEVELS_OF_SECTIONS), per teacher indicator (TEACHER_IDS) */
export const TEACHER_FIGURES: readonly (readonly number[])[] = LEVELS_OF_SECTIONS.map((level) =>
  TEACHER_IDS.map((t) => FIGURE[TEACHER_COLUMNS[level][t]]),
);
/** per FACILITY_IDS */
export const FACILITY_FIGURES: readonly number[] = FACILITY_IDS.map((f) => FIGURE[FACILITY_COLUMNS[f]]);
/** per section (LEVELS_OF_SECTIONS), per FACILITY_IDS */
export const SECTION_FACILITY_FIGURES: readonly (readonly number[])[] = LEVELS_OF_SECTIONS.map((level) =>
  FACILITY_IDS.map((f) => FIGURE[SECTION_FACILITY_COLUMNS[level][f]]),
);
export const LARGEST_CLASS_FIGURES: readonly number[] = LARGEST_CLASS_KEYS.map(
  (key) => FIGURE[`${key}LargestClass`],
);
/** The guarantee items' figures (docs/standard.md#guarantee-3, docs/standard.md#guarantee-5): classes, rooms, then
 * the largest classes from LARGEST_CLASS_AT on. */
export const GUARANTEE_FIGURES: readonly number[] = [
  FIGURE.primaryClasses,
  FIGURE.juniorClasses,
  FIGURE.musicRooms,
  FIGURE.artRooms,
  FIGURE.smallestMusicRoom,
  FIGURE.smallestArtRoom,
  ...LARGEST_CLASS_FIGURES,
];
export const LARGEST_CLASS_AT = 6;
