import type { Profile } from "../standard/profile";
import { INDICATOR_IDS, LEVELS, indicatorRecord, type Level } from "../standard/indicators";
import type { Facilities, SchoolRecord } from "./records";
import {
  EXCLUSION_REASONS,
  LEVEL_BIT,
  apportioningShare,
  effectiveFacilities,
  exclusionOf,
  mergeTeachingPoints,
  sectionLevelSet,
  type Section,
} from "./sections";

/*
 * A county's sections as columns, one typed array per figure and per level: what the engine judges
 * (evaluate.ts) and what a section asked for later is made from (`readSectionAgain`). They are read in one pass over
 * the school records by `readSections`, the one place where a section's figures are read from its school: the
 * sections each school has (docs/standard.md#combined-schools), their exclusion (docs/standard.md#scope), their
 * teachers, and their facilities as the workbook gives them per section or as their share of the school's
 * (docs/standard.md#apportioning, after docs/standard.md#indoor-sports), teaching points being merged first where
 * the profile says so (docs/standard.md#teaching-points). `countyTable` reads the whole county into columns;
 * the evaluation reads it a block of rows at a time, judging each block while it is in the processor's cache.
 */

/** Which schools one level's sections are, row j being the level's j-th section in the order of the records. */
export interface SectionRows {
  level: Level;
  /** number of rows: sections of this level, included or not */
  count: number;
  /** index of the school in the records given to the engine */
  recordIndex: Int32Array;
  /** the schools read, by record index (teaching points merged where the profile says so) */
  schools: readonly (SchoolRecord | null)[];
  /** 0 for an included section, else 1 + the index of its reason in EXCLUSION_REASONS */
  exclusion: Uint8Array;
}

/** The sections of one level as columns: which schools they are, and their figures. */
export interface SectionColumns extends SectionRows {
  /** the section's enrolment */
  students: Float64Array;
  /** its share of its school's whole-school facilities; NaN where the workbook gives the section's facilities */
  facilityShare: Float64Array;
  /**
   * its amount of each resource in natural units (people, m², 元, rooms), one column per indicator in INDICATOR_IDS
   * order: qualified, key and PE/art teachers, teaching area, sports area, equipment value, multimedia rooms
   */
  amounts: readonly Float64Array[];
}

/** The sections of a county, by level, and the order in which they are listed (by record, primary first). */
export interface CountySections<C extends SectionRows = SectionColumns> {
  levels: Record<Level, C>;
  /** the n-th section of the county: its level's index in LEVELS + 2 × its row in that level's columns */
  order: Int32Array;
}

/** A county's sections as columns, read from its school records under `profile` (`countyTable`). */
export interface CountyTable extends CountySections {
  profile: Profile;
}

export const NOT_EXCLUDED = 0;

/** Columns for `capacity` sections of `level`, none yet. */
function emptyColumns(
  level: Level,
  capacity: number,
  schools: readonly (SchoolRecord | null)[],
): SectionColumns {
  return {
    level,
    count: 0,
    recordIndex: new Int32Array(capacity),
    schools,
    exclusion: new Uint8Array(capacity),
    students: new Float64Array(capacity),
    facilityShare: new Float64Array(capacity),
    amounts: INDICATOR_IDS.map(() => new Float64Array(capacity)),
  };
}

/**
 * A school's section of the columns' level, into their next row (docs/standard.md#apportioning): its enrolment,
 * its exclusion (docs/standard.md#scope), its teachers as the statistics report them, its facilities as the
 * workbook gives them for the section, else its share of the school's whole-school `facilities` (those with the
 * profile's indoor-sports option applied, `facilitiesOf`). Returns the row.
 */
function addSection(
  columns: SectionColumns,
  school: SchoolRecord,
  recordIndex: number,
  facilities: Facilities,
  profile: Profile,
): number {
  const { level, amounts } = columns;
  const row = columns.count++;
  // by name rather than by `level` as a key: reading a property by a key that changes costs more than the rest
  const primary = level === "primary";
  const students = primary ? school.students.primary : school.students.junior;
  const teachers = primary ? school.teachers.primary : school.teachers.junior;
  const given = primary ? school.sectionFacilities?.primary : school.sectionFacilities?.junior;
  const share = given ? 1 : apportioningShare(school, level, profile);
  const own = given ?? facilities;
  columns.recordIndex[row] = recordIndex;
  columns.students[row] = students;
  columns.exclusion[row] = exclusionCode(school, level, students, profile);
  columns.facilityShare[row] = given ? NaN : share;
  // INDICATOR_IDS order; with the standard's indicator records, the one place that reads the seven resources by name
  amounts[0][row] = teachers.qualifiedTeachers;
  amounts[1][row] = teachers.keyTeachers;
  amounts[2][row] = teachers.peArtTeachers;
  amounts[3][row] = own.teachingArea * share;
  amounts[4][row] = own.sportsArea * share;
  amounts[5][row] = own.equipmentValue * share;
  amounts[6][row] = own.multimediaRooms * share;
  return row;
}

/** docs/standard.md#scope: a section's exclusion as its column stores it. */
function exclusionCode(school: SchoolRecord, level: Level, students: number, profile: Profile): number {
  const exclusion = exclusionOf(school, level, students, profile);
  return exclusion === undefined ? NOT_EXCLUDED : 1 + EXCLUSION_REASONS.indexOf(exclusion);
}

/** The whole-school facilities a school's sections share (docs/standard.md#indoor-sports option applied). */
function facilitiesOf(school: SchoolRecord, profile: Profile): Facilities {
  return effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
}

/** How many sections of each level the schools have (docs/standard.md#combined-schools). */
export function sectionsPerLevel(schools: readonly (SchoolRecord | null)[]): Record<Level, number> {
  let primary = 0;
  let junior = 0;
  for (const school of schools) {
    if (!school) continue;
    const levelSet = sectionLevelSet(school);
    if (levelSet & LEVEL_BIT.primary) primary++;
    if (levelSet & LEVEL_BIT.junior) junior++;
  }
  return { primary, junior };
}

/** The schools to read, by record index: teaching points merged into their parents first where the profile says
 * so (docs/standard.md#teaching-points), null for those merged away. */
export function schoolsToRead(
  records: readonly SchoolRecord[],
  profile: Profile,
): readonly (SchoolRecord | null)[] {
  return profile.teachingPoints === "mergeIntoParent" ? mergeTeachingPoints(records) : records;
}

/**
 * Columns of sections of one level, handed on by `readSections`: `firstRow` is the row of their row 0 among all the
 * level's sections. Unless they hold the whole level they are filled again afterwards: take from them what is
 * needed, not the columns themselves.
 */
export type TakeSections = (columns: SectionColumns, firstRow: number) => void;

/** How `readSections` reads: how many schools at a time, into columns of how many rows. */
export interface Reading {
  /** schools read before their sections are handed on */
  schoolsPerBlock: number;
  /** rows of each level's columns: at least the sections of that level in a block of schools */
  rows: Record<Level, number>;
}

/**
 * Every section of the schools read into columns, in one pass over them: each school's sections of the levels it
 * has (docs/standard.md#combined-schools), a school's primary section before its junior one. The schools are read
 * `reading.schoolsPerBlock` at a time; after each block, both levels' columns are handed to `take` (holding the
 * block's sections, perhaps none) and then filled again from their first row. Returns the county's order of
 * sections (`CountySections.order`).
 */
export function readSections(
  schools: readonly (SchoolRecord | null)[],
  profile: Profile,
  reading: Reading,
  take: TakeSections,
): Int32Array {
  const primary = emptyColumns("primary", reading.rows.primary, schools);
  const junior = emptyColumns("junior", reading.rows.junior, schools);
  // room for two sections a school
  const order = new Int32Array(2 * schools.length);
  const read: SectionsRead = { sections: 0, primary: 0, junior: 0 };
  let from = 0;
  do {
    const to = Math.min(schools.length, from + reading.schoolsPerBlock);
    primary.count = 0;
    junior.count = 0;
    readSchools(schools, from, to, profile, primary, junior, order, read);
    take(primary, read.primary);
    take(junior, read.junior);
    read.primary += primary.count;
    read.junior += junior.count;
    from = to;
  } while (from < schools.length);
  return order.subarray(0, read.sections);
}

/** How far `readSections` has come: sections placed in the county's order, and rows handed on per level. */
interface SectionsRead {
  sections: number;
  primary: number;
  junior: number;
}

/**
 * The sections of schools `from` to `to` into the next rows of each level's columns, and their places into the
 * county's `order` after those already `read`. A loop of its own, with nothing to hand on: V8 optimizes it once,
 * where a call to hand on columns in the middle of it, first made after it was optimized, would have it compiled
 * again.
 */
function readSchools(
  schools: readonly (SchoolRecord | null)[],
  from: number,
  to: number,
  profile: Profile,
  primary: SectionColumns,
  junior: SectionColumns,
  order: Int32Array,
  read: SectionsRead,
): void {
  for (let index = from; index < to; index++) {
    const school = schools[index];
    if (!school) continue;
    const levelSet = sectionLevelSet(school);
    const facilities = facilitiesOf(school, profile);
    if (levelSet & LEVEL_BIT.primary)
      order[read.sections++] = 2 * (read.primary + addSection(primary, school, index, facilities, profile));
    if (levelSet & LEVEL_BIT.junior)
      order[read.sections++] = 1 + 2 * (read.junior + addSection(junior, school, index, facilities, profile));
  }
}

/**
 * Every section of the county as columns, in one pass over the records: teaching points merged into their parents
 * first where the profile says so (docs/standard.md#teaching-points), then `readSections` into columns that hold
 * the whole county.
 */
export function countyTable(records: readonly SchoolRecord[], profile: Profile): CountyTable {
  const schools = schoolsToRead(records, profile);
  const levels = {} as Record<Level, SectionColumns>;
  // one block of all the schools, into columns as long as each level's sections
  const reading = { schoolsPerBlock: schools.length, rows: sectionsPerLevel(schools) };
  const order = readSections(schools, profile, reading, (columns) => {
    levels[columns.level] = columns;
  });
  return { profile, levels, order };
}

/** Rows `from` to `from + count` of `columns` (no further than their last), as columns of their own over the same arrays. */
export function rowsOf(columns: SectionColumns, from: number, count: number): SectionColumns {
  const to = Math.min(columns.count, from + count);
  return {
    level: columns.level,
    count: Math.max(0, to - from),
    // in `emptyColumns`' order: the judging reads both alike, without a second shape to check for
    recordIndex: columns.recordIndex.subarray(from, to),
    schools: columns.schools,
    exclusion: columns.exclusion.subarray(from, to),
    students: columns.students.subarray(from, to),
    facilityShare: columns.facilityShare.subarray(from, to),
    amounts: columns.amounts.map((a) => a.subarray(from, to)),
  };
}

/** Room for one section of `level`, to read sections again into (`readSectionAgain`). */
export function oneSectionColumns(level: Level, schools: readonly (SchoolRecord | null)[]): SectionColumns {
  return emptyColumns(level, 1, schools);
}

/**
 * The section of `into`'s level of the school at `recordIndex`, read again into `into`'s one row, as
 * `readSections` read it.
 */
export function readSectionAgain(into: SectionColumns, recordIndex: number, profile: Profile): void {
  const school = into.schools[recordIndex] as SchoolRecord;
  into.count = 0;
  addSection(into, school, recordIndex, facilitiesOf(school, profile), profile);
}

/** The section in row `row` of `columns`, as an object; its amounts in INDICATOR_IDS order are written to `amounts`. */
export function sectionAt(
  columns: SectionColumns,
  row: number,
  amounts: number[] = [0, 0, 0, 0, 0, 0, 0],
): Section {
  const recordIndex = columns.recordIndex[row];
  const exclusion = columns.exclusion[row];
  const facilityShare = columns.facilityShare[row];
  for (let x = 0; x < amounts.length; x++) amounts[x] = columns.amounts[x][row];
  return {
    recordIndex,
    school: (columns.schools[recordIndex] as SchoolRecord).name,
    level: columns.level,
    students: columns.students[row],
    included: exclusion === NOT_EXCLUDED,
    exclusion: exclusion === NOT_EXCLUDED ? undefined : EXCLUSION_REASONS[exclusion - 1],
    amounts: indicatorRecord(amounts),
    facilityShare: Number.isNaN(facilityShare) ? null : facilityShare,
  };
}

/**
 * Room to read one school's sections into, again and again (`sectionsOfSchool`): one row per level. A caller that
 * reads many schools one at a time (the BALANCE functions, a table row per call) keeps one per profile, so that
 * each school costs the reading alone and not the making of its columns.
 */
export interface SchoolSectionReader {
  profile: Profile;
  /** the school being read, as the columns' one school */
  schools: (SchoolRecord | null)[];
  levels: Record<Level, SectionColumns>;
}

export function schoolSectionReader(profile: Profile): SchoolSectionReader {
  const schools: (SchoolRecord | null)[] = [null];
  return {
    profile,
    schools,
    levels: { primary: emptyColumns("primary", 1, schools), junior: emptyColumns("junior", 1, schools) },
  };
}

/**
 * The sections of one school on its own, as `buildSections([school], profile)` lists them, read by `readSections`'
 * own reading (`addSection`). On its own a teaching point has no parent in the table to be merged into
 * (docs/standard.md#teaching-points): it is read as it is.
 */
export function sectionsOfSchool(reader: SchoolSectionReader, school: SchoolRecord): Section[] {
  const { profile } = reader;
  reader.schools[0] = school;
  const levelSet = sectionLevelSet(school);
  const facilities = facilitiesOf(school, profile);
  const sections: Section[] = [];
  for (const level of LEVELS) {
    if (!(levelSet & LEVEL_BIT[level])) continue;
    const columns = reader.levels[level];
    columns.count = 0;
    sections.push(sectionAt(columns, addSection(columns, school, 0, facilities, profile)));
  }
  return sections;
}

/** The sections of every school as objects, in the order the evaluation lists them (by record, primary first). */
export function buildSections(records: readonly SchoolRecord[], profile: Profile): Section[] {
  const table = countyTable(records, profile);
  const sections: Section[] = [];
  for (let n = 0; n < table.order.length; n++) sections.push(sectionAt(columnsOf(table, n), rowOf(table, n)));
  return sections;
}

/** The columns that hold the n-th section of the county. */
export function columnsOf<C extends SectionRows>(county: CountySections<C>, n: number): C {
  return county.levels[LEVELS[county.order[n] & 1]];
}

/** The row of the n-th section of the county in its level's columns. */
export function rowOf(county: CountySections<SectionRows>, n: number): number {
  return county.order[n] >> 1;
}
