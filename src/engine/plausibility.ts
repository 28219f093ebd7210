/*
 * docs/school-table.md#plausible: values no school reports, judged once for the reader (a school table's figures,
 * sheet/read/plausibility.ts, which words and places the warnings) and the what-if edits (a school an edit makes
 * implausible, scenario/plausible.ts). Warnings, never errors: they block nothing and change no record. Each
 * judgement is strict ("above"), as the table says it; the figures are the standard's (standard/plausibility.ts).
 * In a module of its own, without zod, so that the reader asks it without loading the schemas (as equipmentUnit.ts).
 */
import { LEVELS, TEACHER_INDICATORS } from "../standard/indicators";
import type { Level, TeacherIndicatorId } from "../standard/indicators";
import {
  AREA_PER_STUDENT_ABOVE,
  type AreaFacility,
  LARGEST_CLASS_ABOVE,
  SECTION_STUDENTS_ABOVE,
} from "../standard/plausibility";
import { LARGEST_CLASS_KEYS, type EnrolmentLevel, type LargestClassKey, type SchoolRecord } from "./records";

/** Whether one section's pupils are more than any school has: above SECTION_STUDENTS_ABOVE. */
export function sectionStudentsImplausible(students: number): boolean {
  return students > SECTION_STUDENTS_ABOVE;
}

/** Whether a largest class is larger than any class: above LARGEST_CLASS_ABOVE. */
export function largestClassImplausible(size: number): boolean {
  return size > LARGEST_CLASS_ABOVE;
}

/**
 * A facility's area per pupil of the whole school where it is more than any school has (above
 * AREA_PER_STUDENT_ABOVE: TEACHING_AREA_PER_STUDENT_ABOVE, SPORTS_AREA_PER_STUDENT_ABOVE), else null. A school
 * without pupils gives null.
 */
export function areaPerStudentImplausible(
  facility: AreaFacility,
  area: number,
  students: number,
): number | null {
  const above = AREA_PER_STUDENT_ABOVE[facility];
  if (!(students > 0)) return null;
  const perStudent = area / students;
  return perStudent > above ? perStudent : null;
}

/** The facilities judged per pupil, in the order they are told. */
export const AREA_PER_STUDENT_FACILITIES: readonly AreaFacility[] = ["teachingArea", "sportsArea"];

/** Whether a section has more teachers of one kind than pupils (a section with pupils: without, none is judged). */
export function teachersImplausible(teachers: number, students: number): boolean {
  return students > 0 && teachers > students;
}

/** One value of a school no school reports. */
export type Implausibility =
  | { kind: "sectionStudents"; level: EnrolmentLevel; value: number }
  | { kind: "areaPerStudent"; facility: AreaFacility; value: number; perStudent: number }
  | { kind: "teachers"; level: Level; resource: TeacherIndicatorId; value: number; students: number }
  | { kind: "largestClass"; key: LargestClassKey; value: number };

const ENROLMENT_LEVELS: readonly EnrolmentLevel[] = ["primary", "junior", "senior"];

/**
 * Each value of a school record no school reports (docs/school-table.md#plausible), by the predicates above: its
 * sections' pupils, its teaching rooms and grounds per pupil, its teachers of each kind against each section's
 * pupils, its largest classes. Equipment per pupil is equipmentUnitDoubt's (engine/equipmentUnit.ts).
 */
export function implausibilitiesOf(record: SchoolRecord): Implausibility[] {
  const found: Implausibility[] = [];
  const s = record.students;
  for (const level of ENROLMENT_LEVELS)
    if (sectionStudentsImplausible(s[level])) found.push({ kind: "sectionStudents", level, value: s[level] });
  const pupils = s.primary + s.junior + s.senior;
  for (const facility of AREA_PER_STUDENT_FACILITIES) {
    const value = record.facilities[facility];
    const perStudent = areaPerStudentImplausible(facility, value, pupils);
    if (perStudent !== null) found.push({ kind: "areaPerStudent", facility, value, perStudent });
  }
  for (const level of LEVELS)
    for (const resource of TEACHER_INDICATORS) {
      const value = record.teachers[level]?.[resource] ?? 0;
      if (teachersImplausible(value, s[level]))
        found.push({ kind: "teachers", level, resource, value, students: s[level] });
    }
  for (const key of LARGEST_CLASS_KEYS) {
    const value = record.largestClass?.[key];
    if (value !== undefined && largestClassImplausible(value))
      found.push({ kind: "largestClass", key, value });
  }
  return found;
}

/** What an implausibility is about, the same before and after an edit changes its value. */
export function implausibilityKey(i: Implausibility): string {
  switch (i.kind) {
    case "sectionStudents":
      return `${i.kind}:${i.level}`;
    case "areaPerStudent":
      return `${i.kind}:${i.facility}`;
    case "teachers":
      return `${i.kind}:${i.level}:${i.resource}`;
    case "largestClass":
      return `${i.kind}:${i.key}`;
  }
}
