/**
 * The canonical school table (docs/school-table.md#headers) as the product writes it: header, drop-down lists, and records turned
 * back into rows. recordsToRows is the inverse of readSchoolTable for every column of the template.
 */
import {
  SCHOOL_TYPES,
  SCHOOL_TYPE_NAMES,
  SECTIONS_OF_TYPE,
  type Facilities,
  type SchoolRecord,
} from "../engine/records";
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

/** Widths by column id where the kind's width does not suit. */
const WIDTHS: Record<string, number> = {
  name: 13,
  type: 11,
  locale: 5,
  parent: 10,
  primaryStudents: 5,
  juniorStudents: 5,
  seniorStudents: 5,
  teachingArea: 6,
  sportsArea: 6,
  smallestMusicRoom: 5,
  smallestArtRoom: 5,
};
const KIND_WIDTHS: Record<string, number> = { count: 4, rooms: 4, area: 7, money: 7, text: 10 };

/**
 * Column widths of the template in characters: names wide, numbers narrow, so that its 27 columns print legibly
 * on one landscape A4 page (the headers wrap over several lines).
 */
export function templateColumnWidths(): number[] {
  return TEMPLATE_COLUMNS.map(templateColumnWidth);
}

/** The template's width of a column in characters, for any table of its columns (the import's). */
export function templateColumnWidth(column: { id: string; kind: string }): number {
  return WIDTHS[column.id] ?? KIND_WIDTHS[column.kind] ?? 8;
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

const SECTION_FACILITY_FIELD: Record<string, [Level, keyof Facilities]> = {
  primaryTeachingArea: ["primary", "teachingArea"],
  juniorTeachingArea: ["junior", "teachingArea"],
  primarySportsArea: ["primary", "sportsArea"],
  juniorSportsArea: ["junior", "sportsArea"],
  primaryEquipmentValue: ["primary", "equipmentValue"],
  juniorEquipmentValue: ["junior", "equipmentValue"],
  primaryMultimediaRooms: ["primary", "multimediaRooms"],
  juniorMultimediaRooms: ["junior", "multimediaRooms"],
};

/**
 * The column id of a figure of a record: a level's enrolment, a section's teachers of a kind, or a section's
 * facility given per section (the inverse of what recordCell reads for each id).
 */
export function columnIdOf(
  figure:
    | { students: EnrolmentLevel }
    | { teachers: TeacherIndicatorId; level: Level }
    | { facility: keyof Facilities; level: Level },
): string {
  const find = <T>(map: Record<string, T>, match: (v: T) => boolean) => {
    const id = Object.keys(map).find((k) => match(map[k]));
    if (!id) throw new Error(`no column for ${JSON.stringify(figure)}`);
    return id;
  };
  if ("students" in figure) return find(STUDENT_FIELD, (l) => l === figure.students);
  if ("teachers" in figure)
    return find(TEACHER_FIELD, ([l, id]) => l === figure.level && id === figure.teachers);
  return find(SECTION_FACILITY_FIELD, ([l, f]) => l === figure.level && f === figure.facility);
}

/**
 * One cell of a school table for one record, by column id (docs/school-table.md#columns, the optional
 * per-section facility and indoor sports columns included): blank where the school has nothing to report.
 */
export function recordCell(record: SchoolRecord, id: string, equipmentUnit: "万元" | "元"): TemplateCell {
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
    case "indoorSportsArea":
      return optional(record.indoorSportsArea);
    default: {
      const sectionFacility = SECTION_FACILITY_FIELD[id];
      if (!sectionFacility) return null;
      const [level, field] = sectionFacility;
      const value = record.sectionFacilities?.[level]?.[field];
      if (value === undefined) return null;
      return field === "equipmentValue" && equipmentUnit === "万元" ? toTenThousand(value) : value;
    }
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
  return records.map((record) =>
    TEMPLATE_COLUMNS.map((column) => recordCell(record, column.id, equipmentUnit)),
  );
}
