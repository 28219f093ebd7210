/**
 * A row against its school type (docs/school-table.md#types): the enrolment it may and must report, the teachers
 * of each section it has, and the facilities of a school the profile evaluates.
 *
 * Combined schools, one rule (docs/standard.md#combined-schools): a blank enrolment cell and 0 mean the same, no
 * pupils. A combined school is evaluated by its compulsory sections (小学 and 初中 for 九年一贯制 and 十二年一贯制,
 * 初中 for 完全中学), so each of those must have pupils: blank or 0 there is an error (combined-missing-section);
 * a school without pupils at one of them is of another type this year. Its 高中 enrolment only weighs the
 * apportioning of the whole school's facilities (docs/standard.md#apportioning): blank or 0 there reads as no
 * senior pupils, with a warning (combined-no-senior), since the compulsory sections then share all the facilities.
 */
import type { SchoolType } from "../../engine/records";
import type { Level } from "../../standard/indicators";
import type { Profile } from "../../standard/profile";
import { ENROLMENT_LEVELS, REQUIRED_ENROLMENT, isCombinedSchool } from "../vocabulary";
import type { Problem } from "../../problems/problem";
import type { ColumnPlan } from "./columnPlan";
import type { RowFacilities } from "./facilities";
import {
  ENROLMENT_ORDER,
  FACILITY_COLUMN_IDS,
  FACILITY_FIGURES,
  LEVELS_OF_SECTIONS,
  STUDENT_COLUMN_IDS,
  STUDENT_FIGURES,
  TEACHER_COLUMN_IDS,
  TEACHER_FIGURES,
  TEACHER_IDS,
} from "./fields";
import { ABSENT, BLANK, OK, figureCell, type ProblemSink, type RowFigures } from "./figures";
import { columnName, problem, typeWord, typeWordEn } from "./problems";

/** What a row's checks need besides its figures. */
export interface RowChecks {
  plan: ColumnPlan;
  profile: Profile;
  sink: ProblemSink;
  /** a column the row needs and the table lacks (reported once per table) */
  missingColumn(id: string): void;
}

/** Special-education and vocational schools the profile leaves out (docs/standard.md#scope) need no teachers or facilities. */
export function isExcludedType(type: SchoolType, profile: Profile): boolean {
  return (
    (type === "special" && profile.exclusions.specialEducation) ||
    (type === "vocational" && profile.exclusions.vocational)
  );
}

/**
 * The sections whose facilities a school of the type gives, as bits by LEVELS_OF_SECTIONS (1 primary, 2 junior):
 * those with pupils, and those its type requires.
 */
export function sectionsOfSchool(type: SchoolType, students: Record<Level, number>): number {
  // LEVELS_OF_SECTIONS are the first two of ENROLMENT_ORDER: their bits are the same
  return (students.primary > 0 ? 1 : 0) | (students.junior > 0 ? 2 : 0) | (MUST[type] & 3);
}

/** Bits by ENROLMENT_ORDER (1 primary, 2 junior, 4 senior) of the levels in each list of a type. */
function levelBits(lists: Record<SchoolType, readonly string[]>): Record<SchoolType, number> {
  const bits = {} as Record<SchoolType, number>;
  for (const type of Object.keys(lists) as SchoolType[]) {
    bits[type] = ENROLMENT_ORDER.reduce((b, level, e) => (lists[type].includes(level) ? b | (1 << e) : b), 0);
  }
  return bits;
}
/** The levels a school of each type may report (ENROLMENT_LEVELS) and must report (REQUIRED_ENROLMENT), as bits. */
const MAY = levelBits(ENROLMENT_LEVELS);
const MUST = levelBits(REQUIRED_ENROLMENT);

const FACILITIES_WHY = {
  zh: "校舍和设备数据每校必填（没有请填 0）",
  en: "every school reports its buildings and equipment (0 if none)",
};

function blankRequired(
  checks: RowChecks,
  rowNumber: number,
  id: string,
  figure: number,
  state: number,
  why: typeof FACILITIES_WHY,
): void {
  if (state === ABSENT) checks.missingColumn(id);
  else if (state === BLANK) {
    const name = columnName(id);
    const cell = figureCell(checks.plan, figure, rowNumber);
    checks.sink.report({
      ...problem(
        "error",
        "blank-required",
        cell,
        `${cell}“${name.zh}”为空，${why.zh}。`,
        `${cell} (${name.en}) is blank; ${why.en}.`,
      ),
      many: { zh: `“${name.zh}”为空，${why.zh}。`, en: ` (${name.en}) blank; ${why.en}.` },
    });
  }
}

/** The enrolment a school of the type may and must report (docs/school-table.md#types), and the rule above. */
function checkEnrolment(checks: RowChecks, rowNumber: number, type: SchoolType, figures: RowFigures): void {
  const { values, states } = figures;
  // the levels by what their cells hold, as bits by ENROLMENT_ORDER: most rows need nothing more
  let positive = 0;
  let none = 0;
  let absent = 0;
  for (let e = 0; e < STUDENT_FIGURES.length; e++) {
    const f = STUDENT_FIGURES[e];
    const state = states[f];
    if (state === OK) {
      if (values[f] > 0) positive |= 1 << e;
      else none |= 1 << e;
    } else if (state === BLANK) none |= 1 << e;
    else if (state === ABSENT) absent |= 1 << e;
  }
  const may = MAY[type];
  const must = MUST[type];
  if (positive & ~may) reportContradictions(checks, rowNumber, type, figures, positive & ~may);
  for (let e = 0; e < STUDENT_FIGURES.length; e++) {
    const bit = 1 << e;
    if (must & absent & bit) checks.missingColumn(STUDENT_COLUMN_IDS[e]);
  }
  if (isCombinedSchool(type)) {
    if (must & none) reportMissingSections(checks, rowNumber, type, figures, must & none);
    const senior = 1 << 2;
    if (checks.sink.warnings && may & senior && !(must & senior) && none & senior) {
      reportNoSenior(checks, rowNumber, type, figures);
    }
  } else if (must & none) {
    for (let e = 0; e < STUDENT_FIGURES.length; e++) {
      const f = STUDENT_FIGURES[e];
      if (!(must & (1 << e)) || states[f] !== BLANK) continue;
      blankRequired(checks, rowNumber, STUDENT_COLUMN_IDS[e], f, BLANK, {
        zh: `${typeWord(type)}须填写在校生数`,
        en: `a ${typeWordEn(type)} must report its enrolment`,
      });
    }
  }
}

/** Reports each level of `levels` (bits by ENROLMENT_ORDER) with its column's name and its cell. */
function reportLevels(
  checks: RowChecks,
  rowNumber: number,
  levels: number,
  make: (cell: string, col: { zh: string; en: string }, f: number) => Problem,
): void {
  for (let e = 0; e < STUDENT_FIGURES.length; e++) {
    if (!(levels & (1 << e))) continue;
    const f = STUDENT_FIGURES[e];
    checks.sink.report(make(figureCell(checks.plan, f, rowNumber), columnName(STUDENT_COLUMN_IDS[e]), f));
  }
}

function reportContradictions(
  checks: RowChecks,
  rowNumber: number,
  type: SchoolType,
  figures: RowFigures,
  levels: number,
): void {
  reportLevels(checks, rowNumber, levels, (cell, col, f) =>
    problem(
      "error",
      "type-contradicts-enrolment",
      cell,
      `${cell}：学校类型为“${typeWord(type)}”，却填报了“${col.zh}”${figures.values[f]} 人；请核对学校类型或在校生数。`,
      `${cell}: the school is a ${typeWordEn(type)} yet reports ${figures.values[f]} in ${col.en}; check the type or the enrolment.`,
    ),
  );
}

function reportMissingSections(
  checks: RowChecks,
  rowNumber: number,
  type: SchoolType,
  figures: RowFigures,
  levels: number,
): void {
  reportLevels(checks, rowNumber, levels, (cell, col, f) => {
    const shown = figures.states[f] === BLANK ? { zh: "空", en: "blank" } : { zh: " 0", en: "0" };
    return problem(
      "error",
      "combined-missing-section",
      cell,
      `${cell}：“${typeWord(type)}”须分学段填报在校生数，“${col.zh}”为${shown.zh}。`,
      `${cell}: a ${typeWordEn(type)} reports its enrolment per section, but ${col.en} is ${shown.en}.`,
    );
  });
}

function reportNoSenior(checks: RowChecks, rowNumber: number, type: SchoolType, figures: RowFigures): void {
  const f = STUDENT_FIGURES[2];
  const cell = figureCell(checks.plan, f, rowNumber);
  const blank = figures.states[f] === BLANK;
  checks.sink.report(
    problem(
      "warning",
      "combined-no-senior",
      cell,
      `${cell}：“${typeWord(type)}”的高中在校生数为${blank ? "空" : " 0"}，按没有高中学生计，全校设施只在义务教育学段间分摊；如有高中学生请填写。`,
      `${cell}: the ${typeWordEn(type)}'s senior enrolment is ${blank ? "blank" : "0"}, read as no senior students, so its compulsory sections share all its facilities; fill it in if it has senior students.`,
    ),
  );
}

/** The rest of the row follows the school type: enrolment it may (and must) have, teachers, facilities. */
export function checkAgainstType(
  checks: RowChecks,
  rowNumber: number,
  type: SchoolType,
  figures: RowFigures,
  students: Record<Level, number>,
  facilities: RowFacilities,
): void {
  checkEnrolment(checks, rowNumber, type, figures);
  if (isExcludedType(type, checks.profile)) return;
  const { states } = figures;
  const { sink, plan } = checks;

  const may = MAY[type];
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    // a level the type cannot have is reported once, as a contradiction, not again for its teachers
    if (!((l === 0 ? students.primary : students.junior) > 0) || !(may & (1 << l))) continue;
    const level = LEVELS_OF_SECTIONS[l];
    for (let t = 0; t < TEACHER_IDS.length; t++) {
      const f = TEACHER_FIGURES[l][t];
      if (states[f] === ABSENT) checks.missingColumn(TEACHER_COLUMN_IDS[l][t]);
      else if (states[f] === BLANK) {
        const col = columnName(TEACHER_COLUMN_IDS[l][t]);
        const cell = figureCell(plan, f, rowNumber);
        sink.report(
          problem(
            "error",
            "section-teachers-blank",
            cell,
            `${cell}“${col.zh}”为空：该校有${level === "primary" ? "小学" : "初中"}在校生，须填写该学段教师数（没有请填 0）。`,
            `${cell} (${col.en}) is blank: the school has ${level} students, so this section's teachers must be given (0 if none).`,
          ),
        );
      }
    }
  }
  // whole-school facilities are needed unless every section of the school has its own
  const sections = sectionsOfSchool(type, students);
  let allGiven = sections !== 0;
  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    if (sections & (1 << l) && !facilities.sectionGiven[l]) allGiven = false;
  }
  if (allGiven) return;
  for (let i = 0; i < FACILITY_FIGURES.length; i++) {
    const f = FACILITY_FIGURES[i];
    if (states[f] === ABSENT || states[f] === BLANK) {
      blankRequired(checks, rowNumber, FACILITY_COLUMN_IDS[i], f, states[f], FACILITIES_WHY);
    }
  }
}
