/*
 * docs/standard.md#equipment-unit: the doubt a school's equipment value raises about its unit, in a module of its
 * own without zod, so that the reader and the engine ask it without loading the schemas a command reading a school
 * table never needs (tests/cli/startup.test.ts).
 */

/** Equipment per pupil above which a figure was almost always given in 元 and read as 万元 (docs/standard.md#equipment-unit). */
export const EQUIPMENT_PER_STUDENT_ABOVE = 1_000_000;

/**
 * docs/standard.md#equipment-unit: whether a school's equipment value (元) for its pupils doubts its unit — "low"
 * below the profile's `equipmentImplausibleBelow` per pupil (万元 read as 元), "high" above
 * EQUIPMENT_PER_STUDENT_ABOVE (元 read as 万元), else null. A school without pupils raises no doubt.
 */
export function equipmentUnitDoubt(
  equipment: number,
  students: number,
  implausibleBelow: number,
): "low" | "high" | null {
  if (!(students > 0)) return null;
  const perStudent = equipment / students;
  if (equipment > 0 && perStudent < implausibleBelow) return "low";
  return perStudent > EQUIPMENT_PER_STUDENT_ABOVE ? "high" : null;
}
