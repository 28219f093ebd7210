import { FACILITY_INDICATORS, LEVELS, TEACHER_INDICATORS } from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { nameKey } from "../names";
import { teachingPointParents } from "../sections";
import { cloneRecord } from "./schools";
import { ENROLMENT_ORDER, lostLevel, mergedType } from "./levels";
import { holdingsOf, wholeFacilitiesOf } from "./effects";
import type { EditOf, EditStep } from "./step";

/**
 * mergeSchool (撤并): a school's pupils, teachers and facilities moved into another, and the school gone. The
 * receiving school widens its type to take a level it lacks (`mergedType`, docs/plans.md#merge-type); refused into
 * itself, and where it cannot (a teaching point given junior pupils). What moved is said (`step.effect`).
 */
export function mergeSchool(edit: EditOf<"mergeSchool">, step: EditStep): boolean {
  const from = step.named("school", edit.school);
  const to = step.named("into", edit.into);
  if (from < 0) return step.notFound("school", edit.school);
  if (to < 0) return step.notFound("into", edit.into);
  if (from === to)
    return step.refuse(
      "edit-merge-into-itself",
      "into",
      `学校“${step.records[from].name}”不能并入自身`,
      `"${step.records[from].name}" cannot merge into itself`,
    );
  const source = step.records[from];
  const target = cloneRecord(step.records[to]);
  const type = mergedType(target.type, source.students, source.teachers);
  // students or teachers of a level the receiving school cannot take would vanish: refuse rather than lose them
  const lost = lostLevel(type, source.students, source.teachers);
  if (lost) return step.noLevel("into", edit.into, lost.level, lost.what);
  const alreadyCounted =
    step.profile.teachingPoints === "mergeIntoParent" && teachingPointParents(step.records)[from] === to;
  const pooled = Boolean(source.sectionFacilities ?? target.sectionFacilities);
  const typeBefore = target.type;
  target.type = type;
  for (const l of ENROLMENT_ORDER) target.students[l] += source.students[l];
  for (const l of LEVELS) {
    for (const k of TEACHER_INDICATORS) target.teachers[l][k] += source.teachers[l][k];
  }
  // the merged school's facilities are one pool, apportioned afresh (docs/standard.md#apportioning)
  const sourceFacilities = wholeFacilitiesOf(source);
  const targetFacilities = wholeFacilitiesOf(target);
  for (const f of FACILITY_INDICATORS) target.facilities[f] = targetFacilities[f] + sourceFacilities[f];
  target.sectionFacilities = undefined;
  mergeClassesAndRooms(target, step.records[to], source);
  step.records[to] = target;
  // the merged school's own teaching points now belong to the school it merged into
  const points: string[] = [];
  step.records.forEach((r, i) => {
    if (r.type !== "teachingPoint" || !r.parent || i === from || nameKey(r.parent) !== nameKey(source.name))
      return;
    step.records[i] = { ...cloneRecord(r), parent: target.name };
    points.push(r.name);
  });
  step.schools.remove(from, { edit: step.place, into: target.name });
  step.effect({
    kind: "mergeSchool",
    school: source.name,
    into: target.name,
    moved: holdingsOf(source),
    holds: holdingsOf(target),
    left: null,
    toLevel: null,
    type: type === typeBefore ? null : { before: typeBefore, after: type },
    teachingPoints: points,
    pooled,
    alreadyCounted,
  });
  return true;
}

/**
 * Classes move whole (docs/plans.md#merge-type): the classes of a level add up, the largest class is the larger of
 * the two, special rooms add up and the smallest is the smaller. Where a school with pupils at a level does not give
 * a figure, the merged one is not known and left out, rather than the other school's taken for both.
 */
function mergeClassesAndRooms(target: SchoolRecord, a: SchoolRecord, b: SchoolRecord): void {
  const pupils = (r: SchoolRecord, l: "primary" | "junior" | null) =>
    l === null ? r.students.primary + r.students.junior : r.students[l];
  const combine = (
    l: "primary" | "junior" | null,
    x: number | undefined,
    y: number | undefined,
    op: (x: number, y: number) => number,
  ): number | undefined => {
    if ((x === undefined && pupils(a, l) > 0) || (y === undefined && pupils(b, l) > 0)) return undefined;
    if (x === undefined) return y;
    if (y === undefined) return x;
    return op(x, y);
  };
  const sum = (x: number, y: number) => x + y;
  const classes = {
    primary: combine("primary", a.classes?.primary, b.classes?.primary, sum),
    junior: combine("junior", a.classes?.junior, b.classes?.junior, sum),
  };
  const largest = {
    primary: combine("primary", a.largestClass?.primary, b.largestClass?.primary, Math.max),
    junior: combine("junior", a.largestClass?.junior, b.largestClass?.junior, Math.max),
    grade1: combine("primary", a.largestClass?.grade1, b.largestClass?.grade1, Math.max),
    grade7: combine("junior", a.largestClass?.grade7, b.largestClass?.grade7, Math.max),
  };
  const rooms = {
    music: combine(null, a.rooms?.music, b.rooms?.music, sum),
    art: combine(null, a.rooms?.art, b.rooms?.art, sum),
    smallestMusic: combine(null, a.rooms?.smallestMusic, b.rooms?.smallestMusic, Math.min),
    smallestArt: combine(null, a.rooms?.smallestArt, b.rooms?.smallestArt, Math.min),
  };
  target.classes = given(classes);
  target.largestClass = given(largest);
  target.rooms = given(rooms);
  const indoor = (a.indoorSportsArea ?? 0) + (b.indoorSportsArea ?? 0);
  target.indoorSportsArea =
    a.indoorSportsArea === undefined && b.indoorSportsArea === undefined ? undefined : indoor;
}

/** The fields of `o` that are given, or undefined when none is. */
function given<T extends Record<string, number | undefined>>(o: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return Object.keys(kept).length > 0 ? kept : undefined;
}
