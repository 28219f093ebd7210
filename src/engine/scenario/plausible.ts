import { countOf } from "../../i18n/count";
import {
  LARGEST_CLASS_ABOVE,
  SECTION_STUDENTS_ABOVE,
  AREA_PER_STUDENT_ABOVE,
} from "../../standard/plausibility";
import { nameKey } from "../names";
import type { Edit } from "../edits";
import { implausibilitiesOf, implausibilityKey, type Implausibility } from "../plausibility";
import { ENROLMENT_NAMES } from "./levels";
import type { EditedSchools } from "./schools";
import type { EditStep } from "./step";

/*
 * docs/school-table.md#plausible: an edit that gives a school a value no school reports (500 teachers hired into a
 * school of 40 pupils, a section set to 200,000 pupils, a new school of 50,000 m² for 10 pupils) applies, with a
 * warning, judged by the reader's own predicates (engine/plausibility.ts). Only what the edit made implausible is
 * told, of the schools the edit names (the only ones it changes): a value the table already had is the reader's
 * warning.
 */

/** The schools an edit names: the only ones it changes. */
function namedBy(edit: Edit): string[] {
  switch (edit.kind) {
    case "openSchool":
      return [edit.record.name];
    case "mergeSchool":
      return [edit.school, edit.into];
    case "transferTeachers":
    case "moveStudents":
      return [edit.from, edit.to];
    default:
      return [edit.school];
  }
}

/** What of the schools `edit` names is implausible before it applies, as "school key|implausibility key". */
export function implausibleBefore(schools: EditedSchools, edit: Edit): Set<string> {
  return implausibleKeys(schools, namedBy(edit));
}

function implausibleKeys(schools: EditedSchools, names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const i = schools.find(name);
    if (i < 0) continue;
    const r = schools.records[i];
    for (const f of implausibilitiesOf(r)) keys.add(`${nameKey(r.name)}|${implausibilityKey(f)}`);
  }
  return keys;
}

/**
 * Warns (`edit-implausible-value`) of each value the edit just applied made implausible in a school it names, that
 * `before` (implausibleBefore) did not hold.
 */
export function warnImplausible(step: EditStep, edit: Edit, before: ReadonlySet<string>): void {
  const seen = new Set<number>();
  for (const name of namedBy(edit)) {
    const at = step.schools.find(name);
    if (at < 0 || seen.has(at)) continue;
    seen.add(at);
    const r = step.records[at];
    for (const i of implausibilitiesOf(r)) {
      if (before.has(`${nameKey(r.name)}|${implausibilityKey(i)}`)) continue;
      const words = wordsOf(step, r.name, i);
      step.warn("edit-implausible-value", fieldOf(edit, i), words.zh, words.en);
    }
  }
}

/** The edit's field the warning is placed at: a new school's figure, else the edit's amount. */
function fieldOf(edit: Edit, i: Implausibility): string {
  switch (edit.kind) {
    case "openSchool":
      return i.kind === "sectionStudents"
        ? `record.students.${i.level}`
        : i.kind === "teachers"
          ? `record.teachers.${i.level}.${i.resource}`
          : i.kind === "areaPerStudent"
            ? `record.facilities.${i.facility}`
            : "record";
    case "setStudents":
    case "addStudents":
      return "value";
    case "addFacility":
      return "amount";
    case "hireTeachers":
    case "transferTeachers":
    case "moveStudents":
      return "count";
    case "mergeSchool":
      return "into";
    case "closeSchool":
      return "school";
  }
}

function wordsOf(step: EditStep, school: string, i: Implausibility): { zh: string; en: string } {
  const names = step.profile.indicators;
  switch (i.kind) {
    case "sectionStudents":
      return {
        zh: `学校“${school}”修改后${ENROLMENT_NAMES[i.level].zh}在校生 ${i.value} 人，超过 ${SECTION_STUDENTS_ABOVE} 人，没有学校有这么多，请核对`,
        en: `"${school}" after the edit: ${countOf(i.value, `${ENROLMENT_NAMES[i.level].en} student`)}, above ${SECTION_STUDENTS_ABOVE}, more than any school has; please check`,
      };
    case "areaPerStudent": {
      const per = Math.round(i.perStudent * 100) / 100;
      const above = AREA_PER_STUDENT_ABOVE[i.facility];
      return {
        zh: `学校“${school}”修改后${names[i.facility].shortName.zh}折合生均 ${per} ㎡，超过 ${above} ㎡，请核对`,
        en: `"${school}" after the edit: ${names[i.facility].shortName.en.toLowerCase()} comes to ${per} m² per student, above ${above} m²; please check`,
      };
    }
    case "teachers":
      return {
        zh: `学校“${school}”修改后${ENROLMENT_NAMES[i.level].zh}${names[i.resource].shortName.zh}为 ${i.value} 人，多于该学段在校生 ${i.students} 人，请核对`,
        en: `"${school}" after the edit: ${i.value} ${ENROLMENT_NAMES[i.level].en} ${names[i.resource].shortName.en.toLowerCase()}, more than the section's ${countOf(i.students, "student")}; please check`,
      };
    case "largestClass":
      return {
        zh: `学校“${school}”修改后最大班额为 ${i.value} 人，超过 ${LARGEST_CLASS_ABOVE} 人，请核对`,
        en: `"${school}" after the edit: a largest class of ${i.value}, above ${LARGEST_CLASS_ABOVE}; please check`,
      };
  }
}
