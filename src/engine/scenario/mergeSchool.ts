import { FACILITY_INDICATORS, LEVELS, TEACHER_INDICATORS } from "../../standard/indicators";
import type { Facilities, SchoolRecord } from "../records";
import { cloneRecord } from "./schools";
import { ENROLMENT_ORDER, lostLevel } from "./levels";
import type { EditOf, EditStep } from "./step";

/**
 * mergeSchool (撤并): a school's pupils, teachers and facilities moved into another, and the school gone. Refused
 * into itself, and where the receiving school lacks a level the merged one has pupils or teachers in.
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
  // students or teachers of a level the receiving school does not have would vanish: refuse rather than lose them
  const lost = lostLevel(target.type, source.students, source.teachers);
  if (lost) return step.noLevel("into", edit.into, lost.level, lost.what);
  for (const l of ENROLMENT_ORDER) target.students[l] += source.students[l];
  for (const l of LEVELS) {
    for (const k of TEACHER_INDICATORS) target.teachers[l][k] += source.teachers[l][k];
  }
  // the merged school's facilities are one pool, apportioned afresh (docs/standard.md#apportioning)
  const sourceFacilities = wholeFacilitiesOf(source);
  const targetFacilities = wholeFacilitiesOf(target);
  for (const f of FACILITY_INDICATORS) target.facilities[f] = targetFacilities[f] + sourceFacilities[f];
  target.sectionFacilities = undefined;
  step.records[to] = target;
  step.schools.remove(from, { edit: step.place, into: target.name });
  return true;
}

/** A school's whole facilities: the per-section figures summed where the workbook gives them so. */
function wholeFacilitiesOf(r: SchoolRecord): Facilities {
  if (!r.sectionFacilities) return r.facilities;
  const sum: Facilities = { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 };
  let any = false;
  for (const l of LEVELS) {
    const given = r.sectionFacilities[l];
    if (!given) continue;
    any = true;
    for (const f of FACILITY_INDICATORS) sum[f] += given[f];
  }
  return any ? sum : r.facilities;
}
