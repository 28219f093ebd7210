import { countOf } from "../../i18n/count";
import { SCHOOL_TABLE_LIMITS } from "../../standard/county";
import type { Level } from "../../standard/indicators";
import { atLeast, atMost } from "../../standard/comparison";
import type { SchoolRecord } from "../records";
import type { ColumnLocation, DerivedItem, DerivedItems, SchoolFinding } from "./results";
import {
  ROOMS_AND_SIZE_TYPES,
  cellOf,
  columnMissingNote,
  columnPrefixes,
  derivedItem,
  presentLevels,
} from "./schoolCells";
import { classSize, classSizeColumns } from "./classSize";

export { classSize } from "./classSize";

/*
 * Items derived from the school table (docs/standard.md#guarantee-3, docs/standard.md#guarantee-4; item 5 in
 * classSize.ts, docs/standard.md#guarantee-5): each school (or section) checked, naming the cell.
 */

/** The columns of a level's students and classes (docs/school-table.md#columns). */
const STUDENTS_COLUMN: Record<Level, string> = { primary: "primaryStudents", junior: "juniorStudents" };
const CLASSES_COLUMN: Record<Level, string> = { primary: "primaryClasses", junior: "juniorClasses" };

/** A school items 3 and 4 check (ROOMS_AND_SIZE_TYPES with pupils in a level), with those levels. */
export interface CheckedSchool {
  record: SchoolRecord;
  levels: Level[];
}

/** The schools items 3 and 4 check: `deriveSchoolItems` lists them once for both. */
function roomsAndSizeSchools(records: readonly SchoolRecord[]): CheckedSchool[] {
  const schools: CheckedSchool[] = [];
  for (const record of records) {
    if (!ROOMS_AND_SIZE_TYPES.includes(record.type)) continue;
    const levels = presentLevels(record);
    if (levels.length > 0) schools.push({ record, levels });
  }
  return schools;
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
  schools: readonly CheckedSchool[] = roomsAndSizeSchools(records),
): DerivedItem {
  const columns = columnPrefixes(columnLocations);
  const findings: SchoolFinding[] = [];
  // the messages that name no figure, the same for every school: made once and shared by its findings
  const fixed = ROOM_KINDS.map((k) => {
    const countNote = columnMissingNote(k.countColumn, columns);
    const areaNote = columnMissingNote(k.areaColumn, columns);
    return {
      countMissing: {
        zh: `${k.zh}专用教室数未填写${countNote.zh}`,
        en: `${k.en} rooms not given${countNote.en}`,
      },
      noRoom: { zh: `无${k.zh}专用教室`, en: `no ${k.en} room` },
      classesMissing: {
        zh: `班级数未填写，无法核对${k.zh}专用教室数`,
        en: `classes not given: ${k.en} rooms cannot be checked`,
      },
      areaMissing: {
        zh: `${k.zh}专用教室最小面积未填写${areaNote.zh}`,
        en: `smallest ${k.en} room not given${areaNote.en}`,
      },
    };
  });
  for (const { record, levels } of schools) {
    const classes = classesIn(record, levels);
    const required =
      classes === null ? null : Math.max(1, Math.ceil(classes / SCHOOL_TABLE_LIMITS.classesPerRoom));
    for (let kind = 0; kind < ROOM_KINDS.length; kind++) {
      const k = ROOM_KINDS[kind];
      const messages = fixed[kind];
      const count = record.rooms?.[k.countField];
      const area = record.rooms?.[k.areaField];
      const countCell = cellOf(record, k.countColumn, columns);
      if (count === undefined) {
        findings.push({
          school: record.name,
          level: null,
          check: k.check,
          status: "missing",
          value: null,
          limit: required,
          cell: countCell,
          message: messages.countMissing,
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
                message: messages.noRoom,
              }
            : {
                school: record.name,
                level: null,
                check: k.check,
                status: "missing",
                value: count,
                limit: null,
                cell: classCell,
                message: messages.classesMissing,
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
            en: `${countOf(count, `${k.en} room`)}; ${countOf(classes, "class needs", "classes need")} ${required}`,
          },
        });
      }
      // the smallest room matters only where there is a room
      if (count !== undefined && count < 1 && area === undefined) continue;
      if (count === undefined && area === undefined) continue;
      const areaCell = cellOf(record, k.areaColumn, columns);
      if (area === undefined) {
        findings.push({
          school: record.name,
          level: null,
          check: k.areaCheck,
          status: "missing",
          value: null,
          limit: k.minArea,
          cell: areaCell,
          message: messages.areaMissing,
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
  schools: readonly CheckedSchool[] = roomsAndSizeSchools(records),
): DerivedItem {
  const columns = columnPrefixes(columnLocations);
  const limits = SCHOOL_TABLE_LIMITS.schoolSize;
  const findings: SchoolFinding[] = [];
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
        en: `${countOf(students, "student")} in the compulsory part; limit ${countOf(limit, "student")}`,
      },
    });
  }
  return derivedItem(schools.length, findings);
}

/** A column items 3 and 5 read: the item (its `derived` key, docs/standard.md#guarantee) and the schools needing it. */
export type ColumnsRead = Map<string, { derived: "musicArtRooms" | "classSize"; schools: string[] }>;

/**
 * The school table's columns items 3 and 5 read (docs/standard.md#guarantee-3, docs/standard.md#guarantee-5), each
 * with the schools that need it, in the table's order of schools: what a table without the column leaves missing.
 */
export function columnsItemsRead(records: readonly SchoolRecord[]): ColumnsRead {
  const needed: ColumnsRead = new Map();
  const add = (id: string, school: string) => {
    const entry = needed.get(id) ?? { derived: "musicArtRooms" as const, schools: [] };
    entry.schools.push(school);
    needed.set(id, entry);
  };
  for (const { record, levels } of roomsAndSizeSchools(records)) {
    for (const level of levels) add(CLASSES_COLUMN[level], record.name);
    for (const k of ROOM_KINDS) {
      add(k.countColumn, record.name);
      add(k.areaColumn, record.name);
    }
  }
  classSizeColumns(records, needed);
  return needed;
}

/** All items derived from the school table. */
export function deriveSchoolItems(
  records: readonly SchoolRecord[],
  columns?: readonly ColumnLocation[],
): DerivedItems {
  const schools = roomsAndSizeSchools(records);
  return {
    musicArtRooms: musicArtRooms(records, columns, schools),
    schoolSize: schoolSize(records, columns, schools),
    ...classSize(records, columns),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Items reported on the county sheet
