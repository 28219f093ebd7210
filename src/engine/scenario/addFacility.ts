import type { Profile } from "../../standard/profile";
import { LEVELS, type FacilityIndicatorId } from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { additionShares } from "../sections";
import { editProblem } from "../edits";
import { cloneRecord } from "./schools";
import type { EditOf, EditStep } from "./step";

/**
 * An addition of equipment below this many 元 to a whole school is most likely a figure in 万元, the unit of the
 * statistics and of the school table (docs/standard.md#equipment-unit), written where edits take 元: a warning.
 */
export const EQUIPMENT_EDIT_BELOW = 1000;

/**
 * addFacility: a facility added to a whole school, or taken from it (`addFacilityTo`); refused where the school, or
 * one of its sections, would be left with less than none. Equipment under EQUIPMENT_EDIT_BELOW 元 warns.
 */
export function addFacility(edit: EditOf<"addFacility">, step: EditStep): boolean {
  const i = step.named("school", edit.school);
  if (i < 0) return step.notFound("school", edit.school);
  const copy = cloneRecord(step.records[i]);
  addFacilityTo(copy, edit.resource, edit.amount, step.profile, step.schools.absorbedBy(i));
  if (sectionFacilitiesNegative(copy, edit.resource)) return step.negative("amount");
  step.records[i] = copy;
  if (
    edit.resource === "equipmentValue" &&
    edit.amount !== 0 &&
    Math.abs(edit.amount) < EQUIPMENT_EDIT_BELOW
  ) {
    const wan = edit.amount * 10000;
    step.report({
      ...editProblem(
        "edit-equipment-unit",
        step.place,
        "amount",
        `仪器设备值以元计，这里是 ${edit.amount} 元；若指 ${edit.amount} 万元，请写 ${wan}`,
        `equipment is in yuan, and this is ${edit.amount} yuan; for ${edit.amount} 万元 (10k yuan) write ${wan}`,
        "warning",
      ),
      equipment: { doubt: "small", amount: edit.amount },
    });
  }
  return true;
}

/**
 * Adds `amount` of a facility to a whole school. Where the workbook gives facilities per section, the addition
 * is apportioned to the sections like shared facilities (docs/standard.md#apportioning), so that the two readings agree.
 */
export function addFacilityTo(
  record: SchoolRecord,
  resource: FacilityIndicatorId,
  amount: number,
  profile: Profile,
  /** primary pupils the school takes in from merged teaching points (`absorbedPupils`) */
  absorbed = 0,
): void {
  record.facilities[resource] = cleanSum(record.facilities[resource], amount);
  if (record.sectionFacilities) {
    const shares = additionShares(record, absorbed, profile);
    for (const l of LEVELS) {
      const given = record.sectionFacilities[l];
      if (given) given[resource] = cleanSum(given[resource], amount * (shares[l] ?? 0));
    }
  }
}

/** Small sums like 0.1 + 0.2 − 0.3 should not leave a "negative" residue behind. */
function cleanSum(a: number, b: number): number {
  const s = a + b;
  return Math.abs(s) <= (Math.abs(a) + Math.abs(b)) * 1e-12 ? 0 : s;
}

function sectionFacilitiesNegative(record: SchoolRecord, resource: FacilityIndicatorId): boolean {
  if (record.facilities[resource] < 0) return true;
  return LEVELS.some((l) => (record.sectionFacilities?.[l]?.[resource] ?? 0) < 0);
}
