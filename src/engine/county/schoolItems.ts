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

/** The sections a school actually has: a level of its type with enrolment above 0. */
function presentLevels(record: SchoolRecord): Level[] {
  return SECTIONS_OF_TYPE[record.type].filter((level) => record.students[level] > 0);
}

/** Address of a field of a record: the cell it was read from, or the blank cell in its column. */
export function cellOf(
  record: SchoolRecord,
  columnId: string,
  columns: readonly ColumnLocation[] | undefined,
): string | null {
  const read = record.source?.cells[columnId];
  if (read) return read;
  const column = columns?.find((c) => c.columnId === columnId);
  if (!column || !record.source) return null;
  const bang = column.cell.lastIndexOf("!");
  const sheetPart = bang >= 0 ? column.cell.slice(0, bang + 1) : "";
  const letters = /([A-Za-z]+)\$?\d+$/.exec(column.cell.slice(bang + 1))?.[1];
  return letters ? `${sheetPart}${letters.toUpperCase()}${record.source.row}` : null;
}

function columnMissingNote(columnId: string, columns: readonly ColumnLocation[] | undefined): Bilingual {
  if (columns && !columns.some((c) => c.columnId === columnId)) {
    return { zh: "（学校表无此列）", en: " (the school table has no such column)" };
  }
  return { zh: "", en: "" };
}

function derivedItem(checked: number, findings: SchoolFinding[]): DerivedItem {
  // with no school to check there is nothing to show it holds: missing, not pass
  const status = checked === 0 ? "missing" : combine(findings.map((f) => f.status));
  return { status, checked, findings };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * docs/standard.md#guarantee-3: at least ⌈classes ÷ 12⌉ music rooms and as many art rooms (one at the least), the
 * smallest music room ≥ 96 m² and the smallest art room ≥ 90 m². Classes are the primary plus junior classes.
 */
export function musicArtRooms(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItem {
  const L = SCHOOL_TABLE_LIMITS;
  const findings: SchoolFinding[] = [];
  let checked = 0;
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length === 0) continue;
    checked++;
    const classCounts = levels.map((level) => record.classes?.[level]);
    const classes = classCounts.every((c) => c !== undefined)
      ? classCounts.reduce((sum: number, c) => sum + (c as number), 0)
      : null;
    const required = classes === null ? null : Math.max(1, Math.ceil(classes / L.classesPerRoom));
    const kinds = [
      {
        check: "musicRooms" as const,
        areaCheck: "smallestMusicRoom" as const,
        count: record.rooms?.music,
        area: record.rooms?.smallestMusic,
        countColumn: "musicRooms",
        areaColumn: "smallestMusicRoom",
        minArea: L.smallestMusicRoom,
        zh: "音乐",
        en: "music",
      },
      {
        check: "artRooms" as const,
        areaCheck: "smallestArtRoom" as const,
        count: record.rooms?.art,
        area: record.rooms?.smallestArt,
        countColumn: "artRooms",
        areaColumn: "smallestArtRoom",
        minArea: L.smallestArtRoom,
        zh: "美术",
        en: "art",
      },
    ];
    for (const k of kinds) {
      const countCell = cellOf(record, k.countColumn, columns);
      if (k.count === undefined) {
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
        const classCell = blankLevel ? cellOf(record, `${blankLevel}Classes`, columns) : null;
        findings.push(
          k.count < 1
            ? {
                school: record.name,
                level: null,
                check: k.check,
                status: "fail",
                value: k.count,
                limit: 1,
                cell: countCell,
                message: { zh: `无${k.zh}专用教室`, en: `no ${k.en} room` },
              }
            : {
                school: record.name,
                level: null,
                check: k.check,
                status: "missing",
                value: k.count,
                limit: null,
                cell: classCell,
                message: {
                  zh: `班级数未填写，无法核对${k.zh}专用教室数`,
                  en: `classes not given: ${k.en} rooms cannot be checked`,
                },
              },
        );
      } else {
        const pass = k.count >= required;
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: pass ? "pass" : "fail",
          value: k.count,
          limit: required,
          cell: countCell,
          message: {
            zh: `${k.zh}专用教室 ${k.count} 间，${classes} 个班需 ${required} 间`,
            en: `${k.count} ${k.en} rooms; ${classes} classes need ${required}`,
          },
        });
      }
      // the smallest room matters only where there is a room
      if (k.count !== undefined && k.count < 1 && k.area === undefined) continue;
      if (k.count === undefined && k.area === undefined) continue;
      const areaCell = cellOf(record, k.areaColumn, columns);
      if (k.area === undefined) {
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
      } else {
        const pass = atLeast(k.area, k.minArea);
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: pass ? "pass" : "fail",
          value: k.area,
          limit: k.minArea,
          cell: areaCell,
          message: {
            zh: `最小${k.zh}专用教室 ${fmt(k.area)} ㎡，应 ≥ ${k.minArea} ㎡`,
            en: `smallest ${k.en} room ${fmt(k.area)} m², needs ≥ ${k.minArea} m²`,
          },
        });
      }
    }
  }
  return derivedItem(checked, findings);
}

/**
 * docs/standard.md#guarantee-4: primary and junior schools (and the junior part of 完全中学) ≤ 2,000 students;
 * 九年一贯制 and 十二年一贯制 schools ≤ 2,500 in their compulsory (primary + junior) part.
 */
export function schoolSize(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItem {
  const limits = SCHOOL_TABLE_LIMITS.schoolSize;
  const findings: SchoolFinding[] = [];
  let checked = 0;
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length === 0) continue;
    checked++;
    const students = levels.reduce((sum, level) => sum + record.students[level], 0);
    const combined = record.type === "nineYear" || record.type === "twelveYear";
    const limit = combined ? limits.combined : limits.single;
    const pass = atMost(students, limit);
    // the largest section's enrolment is the cell to look at
    const largest = levels.reduce((a, l) => (record.students[l] > record.students[a] ? l : a), levels[0]);
    findings.push({
      school: record.name,
      level: null,
      check: "schoolSize",
      status: pass ? "pass" : "fail",
      value: students,
      limit,
      cell: cellOf(record, `${largest}Students`, columns),
      message: {
        zh: `义务教育阶段在校生 ${students} 人，上限 ${limit} 人`,
        en: `${students} students in the compulsory part; limit ${limit}`,
      },
    });
  }
  return derivedItem(checked, findings);
}

function largestClassFinding(
  record: SchoolRecord,
  level: Level,
  check: "classSize" | "startingGradeClassSize",
  columns: readonly ColumnLocation[] | undefined,
): SchoolFinding {
  const limit = SCHOOL_TABLE_LIMITS.classSize[level];
  const field = check === "classSize" ? level : level === "primary" ? "grade1" : "grade7";
  const columnId = `${field}LargestClass`;
  const value = record.largestClass?.[field];
  const cell = cellOf(record, columnId, columns);
  const what =
    check === "classSize"
      ? { zh: `${LEVEL_NAMES[level].zh}最大班额`, en: `${LEVEL_NAMES[level].en} largest class` }
      : level === "primary"
        ? { zh: "小学起始年级（一年级）最大班额", en: "Grade 1 largest class" }
        : { zh: "初中起始年级（七年级）最大班额", en: "Grade 7 largest class" };
  if (value === undefined) {
    const note = columnMissingNote(columnId, columns);
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
  const pass = atMost(value, limit);
  return {
    school: record.name,
    level,
    check,
    status: pass ? "pass" : "fail",
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
  columns?: readonly ColumnLocation[],
): Pick<DerivedItems, "classSize" | "startingGrades" | "largeClasses" | "veryLargeClasses"> {
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
      findings.push(finding);
      starting.push(largestClassFinding(record, level, "startingGradeClassSize", columns));
      const largest = finding.value;
      if (largest !== null && largest >= SCHOOL_TABLE_LIMITS.largeClass) {
        const entry = { school: record.name, level, largestClass: largest, cell: finding.cell };
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
