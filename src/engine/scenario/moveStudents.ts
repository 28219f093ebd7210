import { countOf } from "../../i18n/count";
import { ENROLMENT_NAMES, hasLevel, lostLevel, mergedType } from "./levels";
import { holdingsOf, noHoldings, wholeFacilitiesOf } from "./effects";
import { crowded, oversized, unstaffed } from "./students";
import type { EditOf, EditStep } from "./step";

/**
 * moveStudents (调整学区): pupils of one level redrawn from one school's catchment to another's, as one act, so that
 * the county neither gains nor loses a pupil (docs/plans.md#move). Teachers and facilities stay where they are. The
 * receiving school widens its type to take a level it lacks, as a merger's does (`mergedType`,
 * docs/plans.md#merge-type); refused to the same school, beyond the pupils the source has, and where the receiving
 * school cannot take the level (a teaching point given junior pupils). Pupils that crowd the receiving school's
 * classes or take it over its size warn as added pupils do. What moved is said (`step.effect`).
 */
export function moveStudents(edit: EditOf<"moveStudents">, step: EditStep): boolean {
  const from = step.named("from", edit.from);
  const to = step.named("to", edit.to);
  if (from < 0) return step.notFound("from", edit.from);
  if (to < 0) return step.notFound("to", edit.to);
  const source = step.records[from];
  const target = step.records[to];
  if (from === to)
    return step.refuse(
      "edit-move-to-itself",
      "to",
      `调出和调入是同一所学校“${source.name}”，调整不改变任何数值，未应用`,
      `"${source.name}" is both the sending and the receiving school: the move changes nothing; not applied`,
    );
  const l = edit.level;
  if (!hasLevel(source, l)) return step.noLevel("level", edit.from, l);
  const has = source.students[l];
  if (has < edit.count) {
    const level = ENROLMENT_NAMES[l];
    return step.negative("count", {
      zh: `学校“${source.name}”${level.zh}在校生只有 ${has} 人，不能调出 ${edit.count} 人`,
      en: `"${source.name}" has ${countOf(has, `${level.en} student`)}: ${edit.count} cannot move out`,
    });
  }
  const moved = noHoldings();
  moved.students[l] = edit.count;
  const type = mergedType(target.type, moved.students, {});
  // pupils of a level the receiving school cannot take would vanish: refuse rather than lose them
  const lost = lostLevel(type, moved.students, {});
  if (lost) return step.noLevel("to", edit.to, lost.level, lost.what);
  const was = { ...target, students: { ...target.students } };
  // a school gaining a level: facilities given by section become one pool, apportioned afresh, as in a merger
  const pooled = type !== target.type && Boolean(target.sectionFacilities);
  if (pooled) {
    target.facilities = { ...wholeFacilitiesOf(target) };
    target.sectionFacilities = undefined;
  }
  target.type = type;
  source.students[l] = has - edit.count;
  target.students[l] += edit.count;
  step.schools.enrolmentChanged();
  step.effect({
    kind: "moveStudents",
    school: source.name,
    into: target.name,
    moved,
    holds: holdingsOf(target),
    left: holdingsOf(source),
    toLevel: null,
    type: type === was.type ? null : { before: was.type, after: type },
    teachingPoints: [],
    pooled,
    alreadyCounted: false,
  });
  crowded(step, target, l, "count");
  oversized(step, target, was, "count");
  unstaffed(step, target, l, "to");
  return true;
}
