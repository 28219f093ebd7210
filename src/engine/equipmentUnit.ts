/*
 * docs/standard.md#equipment-unit: the doubt a school's equipment value raises about its unit, judged once for the
 * reader (a school table's figure, sheet/read/plausibility.ts) and the edits (a new school, scenario/openSchool.ts).
 * In a module of its own, without zod, so that the reader asks it without loading the schemas a command reading a
 * school table never needs (tests/cli/startup.test.ts). Its figures are the standard's: the profile's
 * `equipmentImplausibleBelow` and EQUIPMENT_PER_STUDENT_ABOVE (standard/equipmentUnit.ts).
 */
import { EQUIPMENT_PER_STUDENT_ABOVE } from "../standard/equipmentUnit";

/** "low": 万元 read as 元; "high": 元 read as 万元. */
export type EquipmentUnitDoubt = "low" | "high";

/**
 * docs/standard.md#equipment-unit: whether a school's equipment value (元) for its pupils doubts its unit — "low"
 * below the profile's `equipmentImplausibleBelow` per pupil (万元 read as 元), "high" above
 * EQUIPMENT_PER_STUDENT_ABOVE (元 read as 万元), else null. A school without pupils raises no doubt.
 */
export function equipmentUnitDoubt(
  equipment: number,
  students: number,
  implausibleBelow: number,
): EquipmentUnitDoubt | null {
  if (!(students > 0)) return null;
  const perStudent = equipment / students;
  if (equipment > 0 && perStudent < implausibleBelow) return "low";
  return perStudent > EQUIPMENT_PER_STUDENT_ABOVE ? "high" : null;
}
