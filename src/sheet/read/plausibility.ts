/**
 * Values no school reports (docs/school-table.md#plausible): warnings, not errors, so that a clerk looks again at a
 * figure typed in the wrong unit or column. They block nothing and change no record. Whether a value is one is the
 * engine's judgement (engine/plausibility.ts, engine/equipmentUnit.ts); here are the warnings' words and cells.
 */
import type { Facilities } from "../../engine/records";
import { countOf } from "../../i18n/count";
import type { FacilityIndicatorId, Level } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { equipmentUnitDoubt } from "../../engine/equipmentUnit";
import {
  AREA_PER_STUDENT_FACILITIES as AREA_FACILITIES,
  areaPerStudentImplausible,
  largestClassImplausible,
  sectionStudentsImplausible,
  teachersImplausible,
} from "../../engine/plausibility";
import {
  AREA_PER_STUDENT_ABOVE,
  LARGEST_CLASS_ABOVE,
  SECTION_STUDENTS_ABOVE,
} from "../../standard/plausibility";
import type { ColumnPlan } from "./columnPlan";
import {
  ENROLMENT_ORDER,
  FACILITY_COLUMNS,
  FIGURE,
  LARGEST_CLASS_FIGURES,
  LARGEST_CLASS_KEYS,
  LEVELS_OF_SECTIONS,
  SECTION_FACILITY_COLUMNS,
  STUDENT_COLUMNS,
  STUDENT_FIGURES,
  TEACHER_COLUMNS,
  TEACHER_FIGURES,
  TEACHER_IDS,
} from "./fields";
import { OK, figureCell, type ProblemSink, type RowFigures } from "./figures";
import { columnName, implausible, problem, round } from "./problems";

export interface PlausibilityCheck {
  plan: ColumnPlan;
  profile: Profile;
  sink: ProblemSink;
}

/** The cell a facility of the school was read from: the whole school's, else the primary section's. */
function facilityCell(plan: ColumnPlan, rowNumber: number, figures: RowFigures, f: FacilityIndicatorId) {
  const whole = FIGURE[FACILITY_COLUMNS[f]];
  const figure = figures.states[whole] === OK ? whole : FIGURE[SECTION_FACILITY_COLUMNS.primary[f]];
  return plan.figures[figure] ? figureCell(plan, figure, rowNumber) : null;
}

/** Enrolment and largest classes beyond any school. */
export function warnImplausibleFigures(
  check: PlausibilityCheck,
  rowNumber: number,
  figures: RowFigures,
): void {
  const { sink, plan } = check;
  const { values, states } = figures;
  for (let e = 0; e < ENROLMENT_ORDER.length; e++) {
    const f = STUDENT_FIGURES[e];
    if (states[f] !== OK || !sectionStudentsImplausible(values[f])) continue;
    const cell = figureCell(plan, f, rowNumber);
    const col = columnName(STUDENT_COLUMNS[ENROLMENT_ORDER[e]]);
    const limit = SECTION_STUDENTS_ABOVE;
    sink.report(implausible(cell, col, values[f], `超过 ${limit} 人`, `above ${limit}`));
  }
  for (let i = 0; i < LARGEST_CLASS_KEYS.length; i++) {
    const f = LARGEST_CLASS_FIGURES[i];
    if (states[f] !== OK || !largestClassImplausible(values[f])) continue;
    const cell = figureCell(plan, f, rowNumber);
    const col = columnName(`${LARGEST_CLASS_KEYS[i]}LargestClass`);
    const limit = LARGEST_CLASS_ABOVE;
    sink.report(implausible(cell, col, values[f], `超过 ${limit} 人`, `above ${limit}`));
  }
}

/** Facilities per student, and teachers above the section's students. */
export function warnImplausibleSchool(
  check: PlausibilityCheck,
  rowNumber: number,
  name: string,
  figures: RowFigures,
  students: Record<Level | "senior", number>,
  facilities: Facilities,
): void {
  const { sink, profile, plan } = check;
  const totalStudents = students.primary + students.junior + students.senior;
  if (totalStudents > 0) {
    for (const f of AREA_FACILITIES) {
      const perStudent = areaPerStudentImplausible(f, facilities[f], totalStudents);
      if (perStudent === null) continue;
      const limit = AREA_PER_STUDENT_ABOVE[f];
      const cell = facilityCell(plan, rowNumber, figures, f);
      const col = columnName(FACILITY_COLUMNS[f]);
      sink.report(
        problem(
          "warning",
          "implausible-value",
          cell,
          `${cell ?? name}：“${col.zh}”折合生均 ${round(perStudent)} ㎡，超过 ${limit} ㎡，请核对。`,
          `${cell ?? name}: ${col.en} comes to ${round(perStudent)} m² per student, above ${limit} m²; please check.`,
        ),
      );
    }
    const equipment = facilities.equipmentValue;
    const doubt = equipmentUnitDoubt(equipment, totalStudents, profile.equipmentImplausibleBelow);
    if (doubt) {
      const cell =
        facilityCell(plan, rowNumber, figures, "equipmentValue") ?? sectionEquipmentCell(plan, rowNumber);
      sink.report(equipmentWarning(check, cell ?? name, cell, equipment / totalStudents, doubt === "low"));
    }
  }
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    for (let t = 0; t < TEACHER_IDS.length; t++) {
      const f = TEACHER_FIGURES[l][t];
      const value = figures.values[f];
      if (figures.states[f] !== OK || !teachersImplausible(value, students[level])) continue;
      const cell = figureCell(plan, f, rowNumber);
      const col = columnName(TEACHER_COLUMNS[level][TEACHER_IDS[t]]);
      sink.report(
        problem(
          "warning",
          "implausible-value",
          cell,
          `${cell}“${col.zh}”为 ${value}，多于该学段在校生 ${students[level]} 人，请核对。`,
          `${cell}: ${col.en} is ${value}, more than the section's ${countOf(students[level], "student")}; please check.`,
        ),
      );
    }
  }
}

function sectionEquipmentCell(plan: ColumnPlan, rowNumber: number): string | null {
  const junior = FIGURE.juniorEquipmentValue;
  return plan.figures[junior] ? figureCell(plan, junior, rowNumber) : null;
}

function equipmentWarning(
  check: PlausibilityCheck,
  where: string,
  cell: string | null,
  perStudent: number,
  low: boolean,
) {
  const unit = check.plan.equipmentUnit;
  const below = check.profile.equipmentImplausibleBelow;
  const per = round(perStudent);
  const read = unit === "元" ? "yuan" : "10k yuan";
  return low
    ? problem(
        "warning",
        "equipment-implausible",
        cell,
        `${where}：按单位“${unit}”读取，生均教学仪器设备值仅 ${per} 元，低于 ${below} 元；${unit === "元" ? "该列可能以万元填报，请在表头注明（万元）" : "请核对数值和单位"}。`,
        `${where}: read in ${read}, the equipment value is only ${per} yuan per student, below ${below}; ${unit === "元" ? "the column is probably in 万元 (10k yuan): say so in its header" : "please check the figure and its unit"}.`,
      )
    : problem(
        "warning",
        "equipment-implausible",
        cell,
        `${where}：按单位“${unit}”读取，生均教学仪器设备值达 ${per} 元；${unit === "万元" ? "该列可能以元填报，请在表头注明（元）" : "请核对数值"}。`,
        `${where}: read in ${read}, the equipment value comes to ${per} yuan per student; ${unit === "万元" ? "the column is probably in 元 (yuan): say so in its header" : "please check the figure"}.`,
      );
}
