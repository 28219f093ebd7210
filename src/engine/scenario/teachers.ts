import { countOf } from "../../i18n/count";
import type { Level, TeacherIndicatorId } from "../../standard/indicators";
import { ENROLMENT_NAMES, hasLevel } from "./levels";
import type { EditOf, EditStep, Words } from "./step";
import { holdingsOf, noHoldings } from "./effects";

/** hireTeachers: teachers added to a section, or leaving it; refused below zero. */
export function hireTeachers(edit: EditOf<"hireTeachers">, step: EditStep): boolean {
  const i = step.named("school", edit.school);
  if (i < 0) return step.notFound("school", edit.school);
  if (!hasLevel(step.records[i], edit.level)) return step.noLevel("level", edit.school, edit.level);
  const value = step.records[i].teachers[edit.level][edit.resource] + edit.count;
  if (value < 0)
    return step.negative("count", teachersHas(step, i, edit.level, edit.resource, edit.count, false));
  step.records[i].teachers[edit.level][edit.resource] = value;
  unseenTeachers(step, i, edit.level, edit.count, "level");
  return true;
}

/**
 * transferTeachers: teachers moved from one section to another (交流轮岗), of the same school or another; refused
 * where the sending section has too few, or sends to itself.
 */
export function transferTeachers(edit: EditOf<"transferTeachers">, step: EditStep): boolean {
  const from = step.named("from", edit.from);
  const to = step.named("to", edit.to);
  if (from < 0) return step.notFound("from", edit.from);
  if (to < 0) return step.notFound("to", edit.to);
  const records = step.records;
  if (!hasLevel(records[from], edit.fromLevel)) return step.noLevel("fromLevel", edit.from, edit.fromLevel);
  if (!hasLevel(records[to], edit.toLevel)) return step.noLevel("toLevel", edit.to, edit.toLevel);
  if (from === to && edit.fromLevel === edit.toLevel)
    return step.refuse(
      "edit-transfer-to-itself",
      "to",
      "派出和接收是同一学校的同一学段，交流不改变任何数值",
      "the sending and receiving section are the same: the transfer changes nothing",
    );
  const left = records[from].teachers[edit.fromLevel][edit.resource] - edit.count;
  if (left < 0)
    return step.negative("count", teachersHas(step, from, edit.fromLevel, edit.resource, edit.count, true));
  records[from].teachers[edit.fromLevel][edit.resource] = left;
  records[to].teachers[edit.toLevel][edit.resource] += edit.count;
  const moved = noHoldings();
  moved.teachers[edit.fromLevel][edit.resource] = edit.count;
  step.effect({
    kind: "transferTeachers",
    school: records[from].name,
    into: records[to].name,
    moved,
    holds: holdingsOf(records[to]),
    left: holdingsOf(records[from]),
    toLevel: edit.toLevel,
    type: null,
    teachingPoints: [],
    pooled: false,
    alreadyCounted: false,
  });
  unseenTeachers(step, to, edit.toLevel, edit.count, "toLevel");
  if (edit.resource === "qualifiedTeachers" && edit.fromLevel === "primary" && edit.toLevel === "junior") {
    // docs/standard.md#indicators: above the required qualification is 专科 in a primary school, 本科 in a junior one
    step.warn(
      "edit-qualification-across-levels",
      "toLevel",
      "小学的高学历教师指专科及以上，初中指本科及以上：调入初中的教师只有本科及以上学历才计入，请核对",
      "above the required qualification means 专科 (college) in a primary school and 本科 (a degree) in a junior one: only teachers with a degree count in the junior section; please check",
    );
  }
  return true;
}

/** What a section has of teachers `k`, and that `change` of them cannot be sent from it or leave it. */
function teachersHas(
  step: EditStep,
  i: number,
  l: Level,
  k: TeacherIndicatorId,
  change: number,
  sent: boolean,
): Words {
  const school = step.records[i];
  const name = step.profile.indicators[k].shortName;
  const has = school.teachers[l][k];
  return {
    zh: `学校“${school.name}”${ENROLMENT_NAMES[l].zh}${name.zh}只有 ${has} 人，${sent ? "不能派出" : "不能减少"} ${Math.abs(change)} 人`,
    en: `"${school.name}" has ${has} ${ENROLMENT_NAMES[l].en} ${name.en.toLowerCase()}: ${Math.abs(change)} cannot ${sent ? "be sent" : "leave"}`,
  };
}

/** Teachers given to a section without pupils count in no section's evaluation (docs/plans.md#edits): a warning. */
function unseenTeachers(step: EditStep, i: number, l: Level, count: number, field: string): void {
  const school = step.records[i];
  const pupils = school.students[l] + (l === "primary" ? step.schools.absorbedBy(i) : 0);
  if (count <= 0 || pupils > 0) return;
  step.warn(
    "edit-teachers-no-students",
    field,
    `学校“${school.name}”${ENROLMENT_NAMES[l].zh}没有在校生，这 ${count} 名教师不计入任何学校（校区）的评估`,
    `"${school.name}" has no ${ENROLMENT_NAMES[l].en} students: ${countOf(count, "teacher given counts", "teachers given count")} in no section's evaluation`,
  );
}
