import { countOf } from "../../i18n/count";
import { nameKey } from "../names";
import { holdingsOf } from "./effects";
import type { EditOf, EditStep } from "./step";

/**
 * closeSchool (撤销): a school gone, its pupils with it (a warning: mergeSchool moves them to another school, and
 * addStudents edits after it spread them over several, docs/plans.md#close). What it drops is said (`step.effect`).
 */
export function closeSchool(edit: EditOf<"closeSchool">, step: EditStep): boolean {
  const i = step.named("school", edit.school);
  if (i < 0) return step.notFound("school", edit.school);
  const school = step.records[i];
  const pupils = school.students.primary + school.students.junior + school.students.senior;
  if (pupils > 0) {
    step.warn(
      "edit-close-drops-students",
      "school",
      `撤销后，“${school.name}”的 ${pupils} 名学生不再计入任何学校；要把学生和教师转入另一所学校，请改用“撤并学校”`,
      `once closed, "${school.name}" leaves ${countOf(pupils, "student")} counted in no school; to move its students and teachers to another school, use mergeSchool`,
    );
  }
  const points = step.records
    .filter((r) => r.type === "teachingPoint" && r.parent && nameKey(r.parent) === nameKey(school.name))
    .map((r) => r.name);
  step.schools.remove(i, { edit: step.place });
  step.effect({
    kind: "closeSchool",
    school: school.name,
    into: null,
    moved: holdingsOf(school),
    holds: null,
    left: null,
    toLevel: null,
    type: null,
    teachingPoints: points,
    pooled: false,
    alreadyCounted: false,
  });
  return true;
}
