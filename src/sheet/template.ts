/**
 * The canonical school table (docs/school-table.md#headers) as the product writes it: header, drop-down lists, and records turned
 * back into rows. recordsToRows is the inverse of readSchoolTable for every column of the template.
 */
import { SCHOOL_TYPES, SCHOOL_TYPE_NAMES, SECTIONS_OF_TYPE, type SchoolRecord } from "../engine/records";
import { TEMPLATE_COLUMNS, templateHeader } from "../standard/columns";
import type { Level, TeacherIndicatorId } from "../standard/indicators";
import { ENROLMENT_LEVELS, LOCALE_WORDS, type EnrolmentLevel } from "./vocabulary";

export type TemplateCell = string | number | null;

/** The template's headers with their units, in TEMPLATE_COLUMNS order. The equipment header states its unit. */
export function templateHeaderRow(equipmentUnit: "万元" | "元" = "万元"): string[] {
  return TEMPLATE_COLUMNS.map((column) =>
    column.id === "equipmentValue" ? `${column.zh}（${equipmentUnit}）` : templateHeader(column),
  );
}

const TEMPLATE_HEADERS = { 万元: templateHeaderRow("万元"), 元: templateHeaderRow("元") } as const;

/** templateHeaderRow(equipmentUnit), made once: the custom functions put it above every row they read. */
export function templateHeaderOf(equipmentUnit: "万元" | "元"): readonly string[] {
  return TEMPLATE_HEADERS[equipmentUnit];
}

/**
 * The equipment unit of a header row that is the template's header to the letter (templateHeaderRow of 万元 or
 * 元), or undefined for any other row: the custom functions read a row under such a header without planning it.
 */
export function templateHeaderUnit(header: readonly unknown[]): "万元" | "元" | undefined {
  for (const unit of ["万元", "元"] as const) {
    const template = TEMPLATE_HEADERS[unit];
    if (header.length !== template.length) return undefined;
    let same = true;
    for (let c = 0; c < template.length && same; c++) same = header[c] === template[c];
    if (same) return unit;
  }
  return undefined;
}

/** The drop-down list of 学校类型: the statistics' full names. */
export const SCHOOL_TYPE_CHOICES: string[] = SCHOOL_TYPES.map((type) => SCHOOL_TYPE_NAMES[type].zh);

/** The drop-down list of 城乡类型. */
export const LOCALE_CHOICES: string[] = [LOCALE_WORDS.urban, LOCALE_WORDS.town, LOCALE_WORDS.rural];

/** 元 → 万元 for the sheet, without binary noise (123456 / 10000 = 12.3456, not 12.345600000000001). */
export function toTenThousand(yuan: number): number {
  return Number((yuan / 10000).toPrecision(15));
}

const TEACHER_FIELD: Record<string, [Level, TeacherIndicatorId]> = {
  primaryQualifiedTeachers: ["primary", "qualifiedTeachers"],
  juniorQualifiedTeachers: ["junior", "qualifiedTeachers"],
  primaryKeyTeachers: ["primary", "keyTeachers"],
  juniorKeyTeachers: ["junior", "keyTeachers"],
  primaryPeArtTeachers: ["primary", "peArtTeachers"],
  juniorPeArtTeachers: ["junior", "peArtTeachers"],
};
const STUDENT_FIELD: Record<string, EnrolmentLevel> = {
  primaryStudents: "primary",
  juniorStudents: "junior",
  seniorStudents: "senior",
};

/** One cell of the template for one record: blank where the school has nothing to report. */
function cellOf(record: SchoolRecord, id: string, equipmentUnit: "万元" | "元"): TemplateCell {
  const optional = (value: number | undefined): TemplateCell => (value === undefined ? null : value);
  const student = STUDENT_FIELD[id];
  if (student) {
    const value = record.students[student];
    return value !== 0 || ENROLMENT_LEVELS[record.type].includes(student) ? value : null;
  }
  const teacher = TEACHER_FIELD[id];
  if (teacher) {
    const [level, indicator] = teacher;
    const value = record.teachers[level][indicator];
    return value !== 0 || SECTIONS_OF_TYPE[record.type].includes(level) ? value : null;
  }
  switch (id) {
    case "name":
      return record.name;
    case "type":
      return SCHOOL_TYPE_NAMES[record.type].zh;
    case "locale":
      return record.locale ? LOCALE_WORDS[record.locale] : null;
    case "parent":
      return record.parent ?? null;
    case "primaryClasses":
      return optional(record.classes?.primary);
    case "juniorClasses":
      return optional(record.classes?.junior);
    case "teachingArea":
      return record.facilities.teachingArea;
    case "sportsArea":
      return record.facilities.sportsArea;
    case "equipmentValue":
      return equipmentUnit === "万元"
        ? toTenThousand(record.facilities.equipmentValue)
        : record.facilities.equipmentValue;
    case "multimediaRooms":
      return record.facilities.multimediaRooms;
    case "musicRooms":
      return optional(record.rooms?.music);
    case "artRooms":
      return optional(record.rooms?.art);
    case "smallestMusicRoom":
      return optional(record.rooms?.smallestMusic);
    case "smallestArtRoom":
      return optional(record.rooms?.smallestArt);
    case "primaryLargestClass":
      return optional(record.largestClass?.primary);
    case "juniorLargestClass":
      return optional(record.largestClass?.junior);
    case "grade1LargestClass":
      return optional(record.largestClass?.grade1);
    case "grade7LargestClass":
      return optional(record.largestClass?.grade7);
    default:
      return null;
  }
}

/**
 * Records → rows of the template, in TEMPLATE_COLUMNS order, equipment in `equipmentUnit` (records hold 元).
 * Put templateHeaderRow(equipmentUnit) above them and readSchoolTable gives the same records back.
 */
export function recordsToRows(
  records: readonly SchoolRecord[],
  equipmentUnit: "万元" | "元" = "万元",
): TemplateCell[][] {
  return records.map((record) => TEMPLATE_COLUMNS.map((column) => cellOf(record, column.id, equipmentUnit)));
}
