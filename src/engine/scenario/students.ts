import type { EnrolmentLevel, SchoolRecord } from "../records";
import { countOf } from "../../i18n/count";
import { SCHOOL_TABLE_LIMITS } from "../../standard/county";
import { schoolSize } from "../county/schoolItems";
import { ENROLMENT_NAMES, hasLevel } from "./levels";
import type { EditOf, EditStep } from "./step";

/** setStudents: a section's enrolment set to a figure. */
export function setStudents(edit: EditOf<"setStudents">, step: EditStep): boolean {
  return changeStudents(edit, step);
}

/** addStudents: pupils added to a section's enrolment, or taken from it. */
export function addStudents(edit: EditOf<"addStudents">, step: EditStep): boolean {
  return changeStudents(edit, step);
}

/**
 * A section's enrolment changed; refused below zero. Pupils added warn where they crowd the section's classes or
 * take the school over its size.
 */
function changeStudents(edit: EditOf<"setStudents" | "addStudents">, step: EditStep): boolean {
  const i = step.named("school", edit.school);
  if (i < 0) return step.notFound("school", edit.school);
  const school = step.records[i];
  if (!hasLevel(school, edit.level)) return step.noLevel("level", edit.school, edit.level);
  const before = school.students[edit.level];
  const value = edit.kind === "setStudents" ? edit.value : before + edit.value;
  if (value < 0) {
    const level = ENROLMENT_NAMES[edit.level];
    return step.negative("value", {
      zh: `学校“${school.name}”${level.zh}在校生只有 ${before} 人，不能减少 ${-edit.value} 人`,
      en: `"${school.name}" has ${countOf(before, `${level.en} student`)}: ${-edit.value} cannot leave`,
    });
  }
  school.students[edit.level] = value;
  step.schools.enrolmentChanged();
  if (value > before) {
    crowded(step, school, edit.level, "value");
    oversized(step, school, { ...school, students: { ...school.students, [edit.level]: before } }, "value");
  }
  return true;
}

/**
 * Pupils added to a section whose classes the edit leaves as they were: more than the limit per class on average
 * means some class is over it (docs/standard.md#guarantee, item 5).
 */
export function crowded(step: EditStep, school: SchoolRecord, l: EnrolmentLevel, field: string): void {
  if (l === "senior") return;
  const classes = school.classes?.[l] ?? 0;
  const limit = SCHOOL_TABLE_LIMITS.classSize[l];
  const pupils = school.students[l];
  if (classes <= 0 || pupils <= classes * limit) return;
  const mean = Math.round((pupils / classes) * 10) / 10;
  step.warn(
    "edit-class-size",
    field,
    `学校“${school.name}”${ENROLMENT_NAMES[l].zh} ${classes} 个班、在校生 ${pupils} 人，平均每班 ${mean} 人，至少有一个班超过 ${limit} 人；修改不改变班级数，请同时规划增加班级`,
    `"${school.name}" has ${countOf(classes, `${ENROLMENT_NAMES[l].en} class`, `${ENROLMENT_NAMES[l].en} classes`)} for ${countOf(pupils, "student")}, ${mean} a class on average: some class is over ${limit}; the edit does not change the classes, so plan new ones too`,
  );
}

/**
 * A section the edit leaves with pupils and not one teacher (pupils moved into a level the school lacked, where
 * teachers do not follow them): its teacher indicators are 0 and it cannot pass, which the planner is told.
 */
export function unstaffed(step: EditStep, school: SchoolRecord, l: EnrolmentLevel, field: string): void {
  if (l === "senior" || school.students[l] <= 0) return;
  const t = school.teachers[l];
  if (t && (t.qualifiedTeachers > 0 || t.keyTeachers > 0 || t.peArtTeachers > 0)) return;
  step.warn(
    "edit-section-without-teachers",
    field,
    `学校“${school.name}”${ENROLMENT_NAMES[l].zh}有在校生 ${school.students[l]} 人，却没有${ENROLMENT_NAMES[l].zh}教师（教师不随学生调动）：该学段的 3 项教师指标为 0，不能达标；请同时为其增加教师（增减教师，或交流教师）`,
    `"${school.name}" has ${countOf(school.students[l], `${ENROLMENT_NAMES[l].en} student`)} and no ${ENROLMENT_NAMES[l].en} teacher (teachers do not move with pupils): the section's 3 teacher indicators are 0 and it cannot pass; add teachers too (hireTeachers or transferTeachers)`,
  );
}

/** A school the edit takes over its size limit (docs/standard.md#guarantee-4), judged by the engine's own item. */
export function oversized(step: EditStep, school: SchoolRecord, was: SchoolRecord, field: string): void {
  const now = schoolSize([school]).findings[0];
  if (!now || schoolSize([was]).findings.length > 0) return;
  step.warn(
    "edit-school-size",
    field,
    `学校“${school.name}”修改后${now.message.zh}`,
    `"${school.name}" after the edit: ${now.message.en}`,
  );
}
