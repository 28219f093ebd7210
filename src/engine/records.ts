import type { Level, TeacherIndicatorId } from "../standard/indicators";

/** School types of docs/school-table.md#types (学校类型). */
export const SCHOOL_TYPES = [
  "primary",
  "junior",
  "nineYear",
  "twelveYear",
  "complete",
  "teachingPoint",
  "special",
  "vocational",
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SCHOOL_TYPE_NAMES: Record<SchoolType, { zh: string; en: string }> = {
  primary: { zh: "小学", en: "Primary school" },
  junior: { zh: "初中", en: "Junior secondary school" },
  nineYear: { zh: "九年一贯制学校", en: "Nine-year school" },
  twelveYear: { zh: "十二年一贯制学校", en: "Twelve-year school" },
  complete: { zh: "完全中学", en: "Complete secondary school" },
  teachingPoint: { zh: "教学点", en: "Teaching point" },
  special: { zh: "特殊教育学校", en: "Special-education school" },
  vocational: { zh: "职业学校", en: "Vocational school" },
};

/** The levels whose sections a school type has (docs/standard.md#scope). Senior parts are out of scope. */
export const SECTIONS_OF_TYPE: Record<SchoolType, readonly Level[]> = {
  primary: ["primary"],
  junior: ["junior"],
  nineYear: ["primary", "junior"],
  twelveYear: ["primary", "junior"],
  complete: ["junior"],
  teachingPoint: ["primary"],
  special: ["primary", "junior"],
  vocational: ["junior"],
};

export type EnrolmentLevel = "primary" | "junior" | "senior";

/**
 * The enrolment a school of each type may report. A number above 0 anywhere else contradicts the type
 * (a 小学 with junior students). Special-education schools teach every level; vocational schools report
 * vocational-junior and senior pupils.
 */
export const ENROLMENT_LEVELS: Record<SchoolType, readonly EnrolmentLevel[]> = {
  primary: ["primary"],
  junior: ["junior"],
  nineYear: ["primary", "junior"],
  twelveYear: ["primary", "junior", "senior"],
  complete: ["junior", "senior"],
  teachingPoint: ["primary"],
  special: ["primary", "junior", "senior"],
  vocational: ["junior", "senior"],
};

export type Locale = "urban" | "town" | "rural";

/** Whole-school (or per-section) facilities. Equipment value is always in 元 inside the engine. */
export interface Facilities {
  teachingArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
}

export type SectionTeachers = Record<TeacherIndicatorId, number>;

/** The keys of a school's largest classes (最大班额, `SchoolRecord.largestClass`): a section's, or its first grade's. */
export const LARGEST_CLASS_KEYS = ["primary", "junior", "grade1", "grade7"] as const;
export type LargestClassKey = (typeof LARGEST_CLASS_KEYS)[number];

/** One row of the school table, after reading. Missing enrolment is 0. */
export interface SchoolRecord {
  name: string;
  type: SchoolType;
  locale?: Locale;
  /** the school a teaching point belongs to (所属学校) */
  parent?: string;
  students: { primary: number; junior: number; senior: number };
  classes?: { primary?: number; junior?: number };
  /** teachers as the statistics report them, per section */
  teachers: Record<Level, SectionTeachers>;
  /** whole-school facilities, apportioned between sections by weighted enrolment */
  facilities: Facilities;
  /** facilities given per section in the workbook: used as given, not apportioned */
  sectionFacilities?: Partial<Record<Level, Facilities>>;
  /** indoor sports rooms included in the teaching area (profile option indoorSportsMovesToSportsArea) */
  indoorSportsArea?: number;
  /** guarantee items (docs/standard.md#guarantee-3, docs/standard.md#guarantee-5) */
  rooms?: { music?: number; art?: number; smallestMusic?: number; smallestArt?: number };
  largestClass?: Partial<Record<LargestClassKey, number>>;
  /** where the record came from, so that results can name a cell */
  source?: RecordSource;
}

export interface RecordSource {
  sheet: string;
  /** 1-based row number in the sheet */
  row: number;
  /** cell address of each field read, e.g. { teachingArea: "学校!P12" } */
  cells: Partial<Record<string, string>>;
  /** the address `cells` gives for one field, where a source can name it without making the others */
  address?(field: string): string | undefined;
}

/** The address of the cell a field of a record was read from (`RecordSource.cells`), if it was read. */
export function sourceCell(source: RecordSource | undefined, field: string): string | undefined {
  if (!source) return undefined;
  return source.address ? source.address(field) : source.cells[field];
}

export function emptyTeachers(): SectionTeachers {
  return { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };
}
