import { SCHOOL_TABLE_LIMITS, type Bilingual } from "../../standard/county";
import { LEVEL_NAMES, type Level } from "../../standard/indicators";
import { atLeast, atMost } from "../compare";
import { SECTIONS_OF_TYPE, type SchoolRecord, type SchoolType } from "../records";
import {
  combine,
  type ColumnLocation,
  type DerivedItem,
  type DerivedItems,
  type LargeClassSection,
  type SchoolFinding,
} from "./results";

/*
 * Items derived from the school table (docs/standard.md#guarantee-3, docs/standard.md#guarantee-4,
 * docs/standard.md#guarantee-5): each school (or section) checked, naming the cell.
 */

/**
 * The standard says "every primary and junior school" (所有小学、初中). Items 3 and 4 therefore apply to
 * 小学, 初中, 九年一贯制, 十二年一贯制 and the junior part of 完全中学; teaching points (教学点) are parts of
 * their central school, and special-education and vocational schools are not ordinary compulsory schools.
 * Item 5 speaks of every class, so it also holds for the classes of teaching points.
 */
const ROOMS_AND_SIZE_TYPES: readonly SchoolType[] = [
  "primary",
  "junior",
  "nineYear",
  "twelveYear",
  "complete",
];
const CLASS_SIZE_TYPES: readonly SchoolType[] = [...ROOMS_AND_SIZE_TYPES, "teachingPoint"];

/** The columns of a level's students and classes (docs/school-table.md#columns). */
const STUDENTS_COLUMN: Record<Level, string> = { primary: "primaryStudents", junior: "juniorStudents" };
const CLASSES_COLUMN: Record<Level, string> = { primary: "primaryClasses", junior: "juniorClasses" };

/** The sections a school actually has: a level of its type with enrolment above 0. */
function presentLevels(record: SchoolRecord): Level[] {
  return SECTIONS_OF_TYPE[record.type].filter((level) => record.students[level] > 0);
}

/** The schools items 3 and 4 check (ROOMS_AND_SIZE_TYPES with pupils in a level), with those levels. */
function roomsAndSizeSchools(records: readonly SchoolRecord[]): { record: SchoolRecord; levels: Level[] }[] {
  const schools: { record: SchoolRecord; levels: Level[] }[] = [];
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length > 0) schools.push({ record, levels });
  }
  return schools;
}

/**
 * The school table's columns by id, made once per item from where they were found (`ColumnLocation`): the
 * start of a cell address in each column (`学校!T`), so that a blank cell of any row is named without a search.
 * `undefined` when the table's columns are not known at all.
 */
type ColumnPrefixes = ReadonlyMap<string, string | null> | undefined;

function columnPrefixes(columns: readonly ColumnLocation[] | undefined): ColumnPrefixes {
  if (!columns) return undefined;
  const prefixes = new Map<string, string | null>();
  for (const column of columns) {
    // the first column of an id is the one read
    if (prefixes.has(column.columnId)) continue;
    const bang = column.cell.lastIndexOf("!");
    const sheetPart = bang >= 0 ? column.cell.slice(0, bang + 1) : "";
    const letters = /([A-Za-z]+)\$?\d+$/.exec(column.cell.slice(bang + 1))?.[1];
    prefixes.set(column.columnId, letters ? `${sheetPart}${letters.toUpperCase()}` : null);
  }
  return prefixes;
}

/** Address of a field of a record: the cell it was read from, or the blank cell in its column. */
function cellOf(record: SchoolRecord, columnId: string, columns: ColumnPrefixes): string | null {
  const read = record.source?.cells[columnId];
  if (read) return read;
  const prefix = columns?.get(columnId);
  return prefix && record.source ? `${prefix}${record.source.row}` : null;
}

const NO_NOTE: Bilingual = { zh: "", en: "" };
const NO_COLUMN_NOTE: Bilingual = { zh: "（学校表无此列）", en: " (the school table has no such column)" };

function columnMissingNote(columnId: string, columns: ColumnPrefixes): Bilingual {
  return columns && !columns.has(columnId) ? NO_COLUMN_NOTE : NO_NOTE;
}

function derivedItem(checked: number, findings: SchoolFinding[]): DerivedItem {
  // with no school to check there is nothing to show it holds: missing, not pass
  const status = checked === 0 ? "missing" : combine(findings.map((f) => f.status));
  return { status, checked, findings };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The two kinds of room of docs/standard.md#guarantee-3: where each is read, and what it is called. */
const ROOM_KINDS = [
  {
    check: "musicRooms",
    areaCheck: "smallestMusicRoom",
    countField: "music",
    areaField: "smallestMusic",
    countColumn: "musicRooms",
    areaColumn: "smallestMusicRoom",
    minArea: SCHOOL_TABLE_LIMITS.smallestMusicRoom,
    zh: "音乐",
    en: "music",
  },
  {
    check: "artRooms",
    areaCheck: "smallestArtRoom",
    countField: "art",
    areaField: "smallestArt",
    countColumn: "artRooms",
    areaColumn: "smallestArtRoom",
    minArea: SCHOOL_TABLE_LIMITS.smallestArtRoom,
    zh: "美术",
    en: "art",
  },
] as const;

/** A school's classes in the levels it has; null when one of them is blank. */
function classesIn(record: SchoolRecord, levels: readonly Level[]): number | null {
  let classes = 0;
  for (const level of levels) {
    const c = record.classes?.[level];
    if (c === undefined) return null;
    classes += c;
  }
  return classes;
}

/**
 * docs/standard.md#guarantee-3: at least ⌈classes ÷ 12⌉ music rooms and as many art rooms (one at the least), the
 * smallest music room ≥ 96 m² and the smallest art room ≥ 90 m². Classes are the primary plus junior classes.
 */
export function musicArtRooms(
  records: readonly SchoolRecord[],
  columnLocations?: readonly ColumnLocation[],
): DerivedItem {
  const columns = columnPrefixes(columnLocations);
  const findings: SchoolFinding[] = [];
  const schools = roomsAndSizeSchools(records);
  for (const { record, levels } of schools) {
    const classes = classesIn(record, levels);
    const required =
      classes === null ? null : Math.max(1, Math.ceil(classes / SCHOOL_TABLE_LIMITS.classesPerRoom));
    for (const k of ROOM_KINDS) {
      const count = record.rooms?.[k.countField];
      const area = record.rooms?.[k.areaField];
      const countCell = cellOf(record, k.countColumn, columns);
      if (count === undefined) {
        const note = columnMissingNote(k.countColumn, columns);
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: "missing",
          value: null,
          limit: required,
          cell: countCell,
          message: { zh: `${k.zh}专用教室数未填写${note.zh}`, en: `${k.en} rooms not given${note.en}` },
        });
      } else if (required === null) {
        // classes unknown: one room is needed whatever the number of classes
        const blankLevel = levels.find((level) => record.classes?.[level] === undefined);
        const classCell = blankLevel ? cellOf(record, CLASSES_COLUMN[blankLevel], columns) : null;
        findings.push(
          count < 1
            ? {
                school: record.name,
                level: null,
                check: k.check,
                status: "fail",
                value: count,
                limit: 1,
                cell: countCell,
                message: { zh: `无${k.zh}专用教室`, en: `no ${k.en} room` },
              }
            : {
                school: record.name,
                level: null,
                check: k.check,
                status: "missing",
                value: count,
                limit: null,
                cell: classCell,
                message: {
                  zh: `班级数未填写，无法核对${k.zh}专用教室数`,
                  en: `classes not given: ${k.en} rooms cannot be checked`,
                },
              },
        );
      } else if (count < required) {
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: "fail",
          value: count,
          limit: required,
          cell: countCell,
          message: {
            zh: `${k.zh}专用教室 ${count} 间，${classes} 个班需 ${required} 间`,
            en: `${count} ${k.en} rooms; ${classes} classes need ${required}`,
          },
        });
      }
      // the smallest room matters only where there is a room
      if (count !== undefined && count < 1 && area === undefined) continue;
      if (count === undefined && area === undefined) continue;
      const areaCell = cellOf(record, k.areaColumn, columns);
      if (area === undefined) {
        const note = columnMissingNote(k.areaColumn, columns);
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: "missing",
          value: null,
          limit: k.minArea,
          cell: areaCell,
          message: {
            zh: `${k.zh}专用教室最小面积未填写${note.zh}`,
            en: `smallest ${k.en} room not given${note.en}`,
          },
        });
      } else if (!atLeast(area, k.minArea)) {
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: "fail",
          value: area,
          limit: k.minArea,
          cell: areaCell,
          message: {
            zh: `最小${k.zh}专用教室 ${fmt(area)} ㎡，应 ≥ ${k.minArea} ㎡`,
            en: `smallest ${k.en} room ${fmt(area)} m², needs ≥ ${k.minArea} m²`,
          },
        });
      }
    }
  }
  return derivedItem(schools.length, findings);
}

/**
 * docs/standard.md#guarantee-4: primary and junior schools (and the junior part of 完全中学) ≤ 2,000 students;
 * 九年一贯制 and 十二年一贯制 schools ≤ 2,500 in their compulsory (primary + junior) part.
 */
export function schoolSize(
  records: readonly SchoolRecord[],
  columnLocations?: readonly ColumnLocation[],
): DerivedItem {
  const columns = columnPrefixes(columnLocations);
  const limits = SCHOOL_TABLE_LIMITS.schoolSize;
  const findings: SchoolFinding[] = [];
  const schools = roomsAndSizeSchools(records);
  for (const { record, levels } of schools) {
    // the largest section's enrolment (the first of equals) is the cell to look at
    let students = 0;
    let largest = levels[0];
    for (const level of levels) {
      students += record.students[level];
      if (record.students[level] > record.students[largest]) largest = level;
    }
    const combined = record.type === "nineYear" || record.type === "twelveYear";
    const limit = combined ? limits.combined : limits.single;
    if (atMost(students, limit)) continue;
    findings.push({
      school: record.name,
      level: null,
      check: "schoolSize",
      status: "fail",
      value: students,
      limit,
      cell: cellOf(record, STUDENTS_COLUMN[largest], columns),
      message: {
        zh: `义务教育阶段在校生 ${students} 人，上限 ${limit} 人`,
        en: `${students} students in the compulsory part; limit ${limit}`,
      },
    });
  }
  return derivedItem(schools.length, findings);
}

/** What a largest-class check of a level reads (a field of `largestClass`, its column) and how it is named. */
interface LargestClassCheck {
  field: keyof NonNullable<SchoolRecord["largestClass"]>;
  columnId: string;
  zh: string;
  en: string;
}

const LARGEST_CLASS_CHECKS: Record<
  "classSize" | "startingGradeClassSize",
  Record<Level, LargestClassCheck>
> = {
  classSize: {
    primary: {
      field: "primary",
      columnId: "primaryLargestClass",
      zh: `${LEVEL_NAMES.primary.zh}最大班额`,
      en: `${LEVEL_NAMES.primary.en} largest class`,
    },
    junior: {
      field: "junior",
      columnId: "juniorLargestClass",
      zh: `${LEVEL_NAMES.junior.zh}最大班额`,
      en: `${LEVEL_NAMES.junior.en} largest class`,
    },
  },
  startingGradeClassSize: {
    primary: {
      field: "grade1",
      columnId: "grade1LargestClass",
      zh: "小学起始年级（一年级）最大班额",
      en: "Grade 1 largest class",
    },
    junior: {
      field: "grade7",
      columnId: "grade7LargestClass",
      zh: "初中起始年级（七年级）最大班额",
      en: "Grade 7 largest class",
    },
  },
};

/** A section's largest class (or its grade 1 or grade 7 class) that is over its limit or blank; null within it. */
function largestClassFinding(
  record: SchoolRecord,
  level: Level,
  check: "classSize" | "startingGradeClassSize",
  columns: ColumnPrefixes,
): SchoolFinding | null {
  const limit = SCHOOL_TABLE_LIMITS.classSize[level];
  const what = LARGEST_CLASS_CHECKS[check][level];
  const value = record.largestClass?.[what.field];
  if (value !== undefined && atMost(value, limit)) return null;
  const cell = cellOf(record, what.columnId, columns);
  if (value === undefined) {
    const note = columnMissingNote(what.columnId, columns);
    return {
      school: record.name,
      level,
      check,
      status: "missing",
      value: null,
      limit,
      cell,
      message: { zh: `${what.zh}未填写${note.zh}`, en: `${what.en} not given${note.en}` },
    };
  }
  return {
    school: record.name,
    level,
    check,
    status: "fail",
    value,
    limit,
    cell,
    message: { zh: `${what.zh} ${value} 人，应 ≤ ${limit} 人`, en: `${what.en} ${value}; limit ${limit}` },
  };
}

/**
 * docs/standard.md#guarantee-5: every class within 45 (primary) / 50 (junior), checked through each section's largest
 * class; with the Xing'an plan's starting-grade rule (grades 1 and 7) and the 大班额 (≥ 56) and 超大班额 (≥ 66)
 * sections.
 */
export function classSize(
  records: readonly SchoolRecord[],
  columnLocations?: readonly ColumnLocation[],
): Pick<DerivedItems, "classSize" | "startingGrades" | "largeClasses" | "veryLargeClasses"> {
  const columns = columnPrefixes(columnLocations);
  const findings: SchoolFinding[] = [];
  const starting: SchoolFinding[] = [];
  const largeClasses: LargeClassSection[] = [];
  const veryLargeClasses: LargeClassSection[] = [];
  let checked = 0;
  for (const record of records) {
    if (!CLASS_SIZE_TYPES.includes(record.type)) continue;
    for (const level of presentLevels(record)) {
      checked++;
      const finding = largestClassFinding(record, level, "classSize", columns);
      if (finding) findings.push(finding);
      const startingGrade = largestClassFinding(record, level, "startingGradeClassSize", columns);
      if (startingGrade) starting.push(startingGrade);
      const largest = record.largestClass?.[LARGEST_CLASS_CHECKS.classSize[level].field];
      if (largest !== undefined && largest >= SCHOOL_TABLE_LIMITS.largeClass) {
        const cell = finding
          ? finding.cell
          : cellOf(record, LARGEST_CLASS_CHECKS.classSize[level].columnId, columns);
        const entry = { school: record.name, level, largestClass: largest, cell };
        largeClasses.push(entry);
        if (largest >= SCHOOL_TABLE_LIMITS.veryLargeClass) veryLargeClasses.push(entry);
      }
    }
  }
  return {
    classSize: derivedItem(checked, findings),
    startingGrades: derivedItem(checked, starting),
    largeClasses,
    veryLargeClasses,
  };
}

/** All items derived from the school table. */
export function deriveSchoolItems(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItems {
  return {
    musicArtRooms: musicArtRooms(records, columns),
    schoolSize: schoolSize(records, columns),
    ...classSize(records, columns),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Items reported on the county sheet
