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
import type { ColumnPlan } from "./columnPlan";
import type { RowFacilities } from "./facilities";
import {
  ENROLMENT_ORDER,
  FACILITY_COLUMNS,
  FACILITY_FIGURES,
  FACILITY_IDS,
  LEVELS_OF_SECTIONS,
  STUDENT_COLUMNS,
  STUDENT_FIGURES,
  TEACHER_COLUMNS,
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
    checks.sink.report(
      problem(
        "error",
        "blank-required",
        cell,
        `${cell}“${name.zh}”为空，${why.zh}。`,
        `${cell} (${name.en}) is blank; ${why.en}.`,
      ),
    );
  }
}

function checkEnrolment(checks: RowChecks, rowNumber: number, type: SchoolType, figures: RowFigures): void {
  const { values, states } = figures;
  const { sink, plan } = checks;
  for (let e = 0; e < ENROLMENT_ORDER.length; e++) {
    const level = ENROLMENT_ORDER[e];
    const f = STUDENT_FIGURES[e];
    if (states[f] === OK && values[f] > 0 && !(MAY[type] & (1 << e))) {
      const col = columnName(STUDENT_COLUMNS[level]);
      const cell = figureCell(plan, f, rowNumber);
      const value = values[f];
      sink.report(
        problem(
          "error",
          "type-contradicts-enrolment",
          cell,
          `${cell}：学校类型为“${typeWord(type)}”，却填报了“${col.zh}”${value} 人；请核对学校类型或在校生数。`,
          `${cell}: the school is a ${typeWordEn(type)} yet reports ${value} in ${col.en}; check the type or the enrolment.`,
        ),
      );
    }
  }
  const combined = isCombinedSchool(type);
  for (let e = 0; e < ENROLMENT_ORDER.length; e++) {
    const level = ENROLMENT_ORDER[e];
    if (!(MAY[type] & (1 << e))) continue;
    const id = STUDENT_COLUMNS[level];
    const f = STUDENT_FIGURES[e];
    const state = states[f];
    const none = state === BLANK || (state === OK && values[f] === 0);
    const required = (MUST[type] & (1 << e)) !== 0;
    if (combined && required) {
      if (state === ABSENT) checks.missingColumn(id);
      else if (none) {
        const col = columnName(id);
        const cell = figureCell(plan, f, rowNumber);
        const shown = state === BLANK ? { zh: "空", en: "blank" } : { zh: " 0", en: "0" };
        sink.report(
          problem(
            "error",
            "combined-missing-section",
            cell,
            `${cell}：“${typeWord(type)}”须分学段填报在校生数，“${col.zh}”为${shown.zh}。`,
            `${cell}: a ${typeWordEn(type)} reports its enrolment per section, but ${col.en} is ${shown.en}.`,
          ),
        );
      }
    } else if (combined && level === "senior") {
      if (state === ABSENT || !none || !sink.warnings) continue;
      const cell = figureCell(plan, f, rowNumber);
      sink.report(
        problem(
          "warning",
          "combined-no-senior",
          cell,
          `${cell}：“${typeWord(type)}”的高中在校生数为${state === BLANK ? "空" : " 0"}，按没有高中学生计，全校设施只在义务教育学段间分摊；如有高中学生请填写。`,
          `${cell}: the ${typeWordEn(type)}'s senior enrolment is ${state === BLANK ? "blank" : "0"}, read as no senior students, so its compulsory sections share all its facilities; fill it in if it has senior students.`,
        ),
      );
    } else if (required && state === BLANK) {
      blankRequired(checks, rowNumber, id, f, state, {
        zh: `${typeWord(type)}须填写在校生数`,
        en: `a ${typeWordEn(type)} must report its enrolment`,
      });
    } else if (required && state === ABSENT) checks.missingColumn(id);
  }
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

  for (let l = 0; l < LEVELS_OF_SECTIONS.length; l++) {
    const level = LEVELS_OF_SECTIONS[l];
    // a level the type cannot have is reported once, as a contradiction, not again for its teachers
    if (!(students[level] > 0) || !(MAY[type] & (1 << l))) continue;
    for (let t = 0; t < TEACHER_IDS.length; t++) {
      const id = TEACHER_COLUMNS[level][TEACHER_IDS[t]];
      const f = TEACHER_FIGURES[l][t];
      if (states[f] === ABSENT) checks.missingColumn(id);
      else if (states[f] === BLANK) {
        const col = columnName(id);
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
  for (let i = 0; i < FACILITY_IDS.length; i++) {
    const f = FACILITY_FIGURES[i];
    blankRequired(checks, rowNumber, FACILITY_COLUMNS[FACILITY_IDS[i]], f, states[f], FACILITIES_WHY);
  }
}
