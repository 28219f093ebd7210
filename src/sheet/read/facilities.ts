/**
 * A row's facilities (docs/school-table.md#columns): for the whole school, or per section where the workbook gives
 * them (then used as given, not apportioned). Per-section figures come four together; given beside the whole
 * school's figure of the same facility they must add up to it, or the reader cannot tell which to use. With the
 * profile option that moves indoor sports rooms to the sports area, those rooms cannot exceed the teaching area
 * they are part of.
 */
import type { Facilities } from "../../engine/records";
import { atLeast, atMost } from "../../standard/comparison";
import type { Level } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import type { ColumnPlan } from "./columnPlan";
import {
  FACILITY_COLUMNS,
  FACILITY_FIGURES,
  FACILITY_IDS,
  FIGURE,
  LEVELS_OF_SECTIONS,
  SECTION_FACILITY_COLUMNS,
  SECTION_FACILITY_FIGURES,
} from "./fields";
import { ABSENT, BLANK, INVALID, OK, figureCell, type ProblemSink, type RowFigures } from "./figures";
import { columnName, problem, round } from "./problems";

export interface RowFacilities {
  /** per section (LEVELS_OF_SECTIONS): whether any of its facilities is given */
  sectionGiven: readonly boolean[];
  /** the sections given in full */
  sections: Partial<Record<Level, Facilities>>;
}

/** A row of a table without facilities per section (the template's): one answer for all. */
const NONE_GIVEN: RowFacilities = Object.freeze({
  sectionGiven: Object.freeze([false, false]),
  sections: Object.freeze({}),
});

const given = (state: number) => state === OK || state === INVALID;

/** The whole school's figure of facility i (FACILITY_IDS), undefined where not given. */
function wholeFigure(figures: RowFigures, i: number): number | undefined {
  const f = FACILITY_FIGURES[i];
  return figures.states[f] === OK ? figures.values[f] : undefined;
}

/** The facilities each section of a row gives; incomplete sections are reported. */
export function readFacilities(
  plan: ColumnPlan,
  figures: RowFigures,
  rowNumber: number,
  sink: ProblemSink,
): RowFacilities {
  if (!plan.sectionFacilities) return NONE_GIVEN;
  const { values, states } = figures;
  const sectionGiven: boolean[] = [];
  const sections: Partial<Record<Level, Facilities>> = {};
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    const list = SECTION_FACILITY_FIGURES[l];
    const any = list.find((f) => given(states[f])) ?? -1;
    sectionGiven.push(any >= 0);
    if (any < 0) continue;
    const facilities = {} as Facilities;
    let complete = true;
    for (let i = 0; i < FACILITY_IDS.length; i++) {
      const f = list[i];
      if (states[f] === OK) {
        facilities[FACILITY_IDS[i]] = values[f];
        continue;
      }
      complete = false;
      if (states[f] !== ABSENT && states[f] !== BLANK) continue;
      const absent = states[f] === ABSENT;
      const col = columnName(SECTION_FACILITY_COLUMNS[level][FACILITY_IDS[i]]);
      // a missing column is named at the cell where this section's facilities were given
      const cell = figureCell(plan, absent ? any : f, rowNumber);
      sink.report(
        problem(
          "error",
          "section-facilities-incomplete",
          cell,
          `${cell}：按学段填报设施时四项须齐全，缺少“${col.zh}”${absent ? "列" : ""}。`,
          `${cell}: facilities given per section need all four figures; ${col.en} is ${absent ? "not a column of the table" : "blank"}.`,
        ),
      );
    }
    if (complete) sections[level] = facilities;
  }
  return { sectionGiven, sections };
}

/**
 * A facility given both for the whole school and per section is one figure given twice: unless every section of
 * the school gives it and they add up to the whole school's, it is an error naming both cells.
 */
export function checkGivenTwice(
  plan: ColumnPlan,
  figures: RowFigures,
  /** the school's sections, as bits by LEVELS_OF_SECTIONS (typeChecks.ts sectionsOfSchool) */
  sectionsOfSchool: number,
  rowNumber: number,
  sink: ProblemSink,
): void {
  if (!plan.sectionFacilities) return;
  const { values, states } = figures;
  for (let i = 0; i < FACILITY_IDS.length; i++) {
    const whole = wholeFigure(figures, i);
    if (whole === undefined) continue;
    let first = -1;
    let sum = 0;
    let everySection = sectionsOfSchool !== 0;
    for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
      const f = SECTION_FACILITY_FIGURES[l][i];
      if (states[f] === OK) {
        if (first < 0) first = f;
        sum += values[f];
      } else if (sectionsOfSchool & (1 << l)) everySection = false;
    }
    if (first < 0 || (everySection && atLeast(sum, whole) && atMost(sum, whole))) continue;
    const wholeCell = figureCell(plan, FACILITY_FIGURES[i], rowNumber);
    const sectionCell = figureCell(plan, first, rowNumber);
    const col = columnName(FACILITY_COLUMNS[FACILITY_IDS[i]]);
    sink.report(
      problem(
        "error",
        "facilities-whole-and-section",
        wholeCell,
        `${wholeCell}“${col.zh}”按全校填报（${round(whole)}），${sectionCell}又按学段填报（合计 ${round(sum)}），两者不一致；请只填一种，或使各学段之和等于全校数。`,
        `${wholeCell}: ${col.en} is given for the whole school (${round(whole)}) and per section at ${sectionCell} (${round(sum)} in all); give one or the other, or make the sections add up to the whole school.`,
      ),
    );
  }
}

/** Facility i (FACILITY_IDS) of the school: the whole school's where given, else the sum of its sections'. */
function facilityOf(figures: RowFigures, sections: RowFacilities["sections"], i: number): number {
  const v = wholeFigure(figures, i);
  if (v !== undefined) return v;
  const { primary, junior } = sections;
  const f = FACILITY_IDS[i];
  return (primary ? primary[f] : 0) + (junior ? junior[f] : 0);
}

/** The school's facilities: the whole school's where given, else the sum of its sections'. */
export function schoolFacilities(figures: RowFigures, facilities: RowFacilities): Facilities {
  const { sections } = facilities;
  // a literal, so that every record's facilities have one shape
  return {
    teachingArea: facilityOf(figures, sections, 0),
    sportsArea: facilityOf(figures, sections, 1),
    equipmentValue: facilityOf(figures, sections, 2),
    multimediaRooms: facilityOf(figures, sections, 3),
  };
}

/**
 * docs/standard.md#indoor-sports: where the profile moves indoor sports rooms from the teaching area to the sports
 * area, rooms larger than the teaching area would leave a negative one: an error naming both cells.
 */
export function checkIndoorSports(
  plan: ColumnPlan,
  figures: RowFigures,
  school: Facilities,
  profile: Profile,
  rowNumber: number,
  sink: ProblemSink,
): void {
  if (!profile.indoorSportsMovesToSportsArea) return;
  const f = FIGURE.indoorSportsArea;
  if (figures.states[f] !== OK) return;
  const indoor = figures.values[f];
  if (atMost(indoor, school.teachingArea)) return;
  const indoorCell = figureCell(plan, f, rowNumber);
  const teachingFigure =
    figures.states[FIGURE.teachingArea] === OK ? FIGURE.teachingArea : FIGURE.primaryTeachingArea;
  const teachingCell = plan.figures[teachingFigure] ? figureCell(plan, teachingFigure, rowNumber) : null;
  const teaching = teachingCell ?? "教学及辅助用房面积";
  sink.report(
    problem(
      "error",
      "indoor-sports-exceeds-teaching",
      indoorCell,
      `${indoorCell}室内体育用房面积 ${round(indoor)} ㎡ 大于 ${teaching} 教学及辅助用房面积 ${round(school.teachingArea)} ㎡；室内体育用房是教学及辅助用房的一部分，请核对。`,
      `${indoorCell}: the indoor sports area (${round(indoor)} m²) exceeds the teaching area at ${teachingCell ?? "its column"} (${round(school.teachingArea)} m²), of which it is a part; please check.`,
    ),
  );
}
