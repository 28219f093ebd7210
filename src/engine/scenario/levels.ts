import { countOf } from "../../i18n/count";
import { LEVELS, TEACHER_INDICATORS, type Level } from "../../standard/indicators";
import {
  ENROLMENT_LEVELS,
  SECTIONS_OF_TYPE,
  type EnrolmentLevel,
  type SchoolRecord,
  type SchoolType,
  type SectionTeachers,
} from "../records";

export const ENROLMENT_ORDER = ["primary", "junior", "senior"] as const;

export const ENROLMENT_NAMES: Record<EnrolmentLevel, { zh: string; en: string }> = {
  primary: { zh: "小学", en: "primary" },
  junior: { zh: "初中", en: "junior" },
  senior: { zh: "高中", en: "senior" },
};

/** Whether a school has a section at level `l` (SECTIONS_OF_TYPE). */
export const hasLevel = (r: SchoolRecord, l: Level) => SECTIONS_OF_TYPE[r.type].includes(l);

/**
 * The first level at which a school of `type` would lose pupils or teachers given to it (a 小学 given junior pupils,
 * an 初中 taking in a 完全中学's senior pupils), with the field that holds them and what they are; null when it
 * has every level they need (ENROLMENT_LEVELS for pupils, SECTIONS_OF_TYPE for teachers).
 */
export function lostLevel(
  type: SchoolType,
  students: Record<EnrolmentLevel, number>,
  teachers: Partial<Record<Level, Partial<SectionTeachers> | undefined>>,
): { level: EnrolmentLevel; field: string; what: { zh: string; en: string } } | null {
  for (const l of ENROLMENT_ORDER) {
    if (students[l] > 0 && !ENROLMENT_LEVELS[type].includes(l)) {
      const what = {
        zh: `${ENROLMENT_NAMES[l].zh}在校生 ${students[l]} 人`,
        en: countOf(students[l], `${l} student`),
      };
      return { level: l, field: `students.${l}`, what };
    }
  }
  for (const l of LEVELS) {
    const given = TEACHER_INDICATORS.reduce((sum, k) => sum + (teachers[l]?.[k] ?? 0), 0);
    if (given > 0 && !SECTIONS_OF_TYPE[type].includes(l)) {
      const what = { zh: `${ENROLMENT_NAMES[l].zh}教师 ${given} 人`, en: countOf(given, `${l} teacher`) };
      return { level: l, field: `teachers.${l}`, what };
    }
  }
  return null;
}

/** The ordinary school types, from fewest levels to most: those a merger may widen (docs/plans.md#merge-type). */
const WIDENING = ["primary", "junior", "nineYear", "complete", "twelveYear"] as const;

/**
 * The type a school of `type` takes when pupils or teachers of another school merge into it: its own where it has
 * every level they need, else the first ordinary type that has the levels of both (a 小学 taking in an 初中 becomes
 * a 九年一贯制学校, an 初中 taking in a 完全中学's senior pupils a 完全中学). Teaching points, special-education and
 * vocational schools keep their type: `lostLevel` then refuses what they would lose.
 */
export function mergedType(
  type: SchoolType,
  students: Record<EnrolmentLevel, number>,
  teachers: Partial<Record<Level, Partial<SectionTeachers> | undefined>>,
): SchoolType {
  if (!(WIDENING as readonly SchoolType[]).includes(type)) return type;
  const needs = new Set<EnrolmentLevel>(ENROLMENT_LEVELS[type]);
  for (const l of ENROLMENT_ORDER) if (students[l] > 0) needs.add(l);
  for (const l of LEVELS) if (TEACHER_INDICATORS.some((k) => (teachers[l]?.[k] ?? 0) > 0)) needs.add(l);
  return WIDENING.find((t) => [...needs].every((l) => ENROLMENT_LEVELS[t].includes(l))) ?? type;
}
