/*
 * docs/standard.md#equipment-unit: the figure beyond which a school's equipment per pupil doubts its unit, beside
 * the profile's `equipmentImplausibleBelow`. The judgement itself is the engine's (engine/equipmentUnit.ts,
 * `equipmentUnitDoubt`).
 */

/** Equipment per pupil above which a figure was almost always given in 元 and read as 万元 (docs/standard.md#equipment-unit). */
export const EQUIPMENT_PER_STUDENT_ABOVE = 1_000_000;
