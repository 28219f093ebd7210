import { EQUIPMENT_PER_STUDENT_ABOVE } from "../../standard/equipmentUnit";
import { equipmentUnitDoubt } from "../equipmentUnit";
import { emptyTeachers } from "../records";
import { editProblem } from "../edits";
import { lostLevel } from "./levels";
import { holdingsOf } from "./effects";
import type { EditOf, EditStep } from "./step";

/**
 * openSchool (新建): a new school at the end of the table. Refused where a school has its name, or where it is given
 * pupils or teachers of a level its type lacks; equipment per pupil far from the plausible warns of its unit.
 */
export function openSchool(edit: EditOf<"openSchool">, step: EditStep): boolean {
  const r = edit.record;
  if (step.schools.find(r.name) >= 0)
    return step.refuse(
      "edit-duplicate-school",
      "record.name",
      `已有名为“${r.name}”的学校`,
      `a school named "${r.name}" already exists`,
    );
  // pupils or teachers of a level the new school's type does not have would be left out of the evaluation
  const lost = lostLevel(r.type, r.students, r.teachers);
  if (lost) return step.noLevel(`record.${lost.field}`, r.name, lost.level, lost.what);
  equipmentDoubt(edit, step);
  const record = {
    name: r.name,
    type: r.type,
    locale: r.locale,
    parent: r.parent,
    students: { ...r.students },
    teachers: {
      primary: { ...emptyTeachers(), ...r.teachers.primary },
      junior: { ...emptyTeachers(), ...r.teachers.junior },
    },
    facilities: { ...r.facilities },
  };
  step.schools.add(record);
  step.effect({
    kind: "openSchool",
    school: r.name,
    into: null,
    moved: holdingsOf(record),
    holds: null,
    left: null,
    toLevel: null,
    type: null,
    teachingPoints: [],
    pooled: false,
    alreadyCounted: false,
  });
  return true;
}

/** The new school's equipment per pupil, below the profile's floor or above EQUIPMENT_PER_STUDENT_ABOVE: a warning. */
function equipmentDoubt(edit: EditOf<"openSchool">, step: EditStep): void {
  const r = edit.record;
  const { profile } = step;
  const pupils = r.students.primary + r.students.junior + r.students.senior;
  const doubt = equipmentUnitDoubt(r.facilities.equipmentValue, pupils, profile.equipmentImplausibleBelow);
  if (!doubt) return;
  const per = Math.round((r.facilities.equipmentValue / pupils) * 100) / 100;
  const below = profile.equipmentImplausibleBelow;
  step.report({
    ...editProblem(
      "edit-equipment-unit",
      step.place,
      "record.facilities.equipmentValue",
      doubt === "low"
        ? `仪器设备值以元计，折合生均仅 ${per} 元，低于 ${below} 元；是否按万元填写？请换算为元`
        : `仪器设备值以元计，折合生均达 ${per} 元；请核对数值`,
      doubt === "low"
        ? `equipment is in yuan, and this comes to only ${per} yuan per student, below ${below}: given in 万元 (10k yuan)? Write it in yuan`
        : `equipment is in yuan, and this comes to ${per} yuan per student; please check the figure`,
      "warning",
    ),
    equipment: {
      doubt,
      value: r.facilities.equipmentValue,
      perStudent: per,
      below,
      above: EQUIPMENT_PER_STUDENT_ABOVE,
    },
  });
}
