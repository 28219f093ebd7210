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

/**
 * The sections of one level as columns: one typed array per figure, row j being the level's j-th section in the
 * order of the records. Built from the records by `sectionColumns` (a pass to count each level's sections, a
 * pass to read them, section by section with `readSection`); what the standard says of each row is computed
 * column by column from these (`evaluate.ts`), and a `Section` object is made only for a row that is asked for
 * (`sectionAt`).
 */
export interface SectionColumns {
  level: Level;
  /** number of rows: sections of this level, included or not */
  count: number;
  /** index of the school in the records given to the engine */
  recordIndex: Int32Array;
  school: string[];
  students: Float64Array;
  /** 0 for an included section, else 1 + the index of its reason in EXCLUSION_REASONS */
  exclusion: Uint8Array;
  /** share of the school's whole-school facilities (docs/standard.md#apportioning); NaN where the workbook
   * gives the section's facilities itself */
  facilityShare: Float64Array;
  /** the section's amount of each resource in natural units (people, m², 元, rooms), after apportioning: one
   * column per indicator, in INDICATOR_IDS order */
  amounts: Float64Array[];
}

/** The sections of a county, by level, and the order in which they are listed (by record, primary first). */
export interface CountySections {
  levels: Record<Level, SectionColumns>;
  /** the n-th section of the county: its level's index in LEVELS + 2 × its row in that level's columns */
  order: Int32Array;
}

const NOT_EXCLUDED = 0;

function emptyColumns(level: Level, count: number): SectionColumns {
  return {
    level,
    count: 0,
    recordIndex: new Int32Array(count),
    school: new Array<string>(count),
    students: new Float64Array(count),
    exclusion: new Uint8Array(count),
    facilityShare: new Float64Array(count),
    amounts: INDICATOR_IDS.map(() => new Float64Array(count)),
  };
}

/** One section as the reader makes it from its school, before it is stored: reused from one section to the next. */
interface SectionFigures {
  students: number;
  /** 0 for an included section, else 1 + the index of its reason in EXCLUSION_REASONS */
  exclusion: number;
  /** NaN where the workbook gives the section's facilities itself */
  facilityShare: number;
  /** in INDICATOR_IDS order */
  amounts: Float64Array;
}

function sectionFigures(): SectionFigures {
  return {
    students: 0,
    exclusion: NOT_EXCLUDED,
    facilityShare: NaN,
    amounts: new Float64Array(INDICATOR_IDS.length),
  };
}

/**
 * Reads one school's section of `level` (docs/standard.md#scope, docs/standard.md#apportioning): its enrolment,
 * whether it is excluded, its teachers as the statistics report them, its facilities as the workbook gives them
 * for the section, else its share of the school's.
 */
function readSection(
  school: SchoolRecord,
  level: Level,
  facilities: Facilities,
  profile: Profile,
  figures: SectionFigures,
): void {
  // by name rather than by `level` as a key: reading a property by a key that changes costs more than the rest
  const primary = level === "primary";
  const students = primary ? school.students.primary : school.students.junior;
  const exclusion = exclusionOf(school, level, students, profile);
  const teachers = primary ? school.teachers.primary : school.teachers.junior;
  const given = primary ? school.sectionFacilities?.primary : school.sectionFacilities?.junior;
  const share = given ? NaN : apportioningShare(school, level, profile);
  const own = given ?? facilities;
  const part = given ? 1 : share;
  figures.students = students;
  figures.exclusion = exclusion === undefined ? NOT_EXCLUDED : 1 + EXCLUSION_REASONS.indexOf(exclusion);
  figures.facilityShare = share;
  // INDICATOR_IDS order; with the standard's indicator records, the one place that reads the seven resources by name
  const amounts = figures.amounts;
  amounts[0] = teachers.qualifiedTeachers;
  amounts[1] = teachers.keyTeachers;
  amounts[2] = teachers.peArtTeachers;
  amounts[3] = own.teachingArea * part;
  amounts[4] = own.sportsArea * part;
  amounts[5] = own.equipmentValue * part;
  amounts[6] = own.multimediaRooms * part;
}

/** The schools to read, by record index: teaching points merged into their parents first where the profile says
 * so (docs/standard.md#teaching-points), null for those merged away. */
function schoolsToRead(records: readonly SchoolRecord[], profile: Profile): readonly (SchoolRecord | null)[] {
  return profile.teachingPoints === "mergeIntoParent" ? mergeTeachingPoints(records) : records;
}

/** The sections of every school as columns. */
export function sectionColumns(records: readonly SchoolRecord[], profile: Profile): CountySections {
  const schools = schoolsToRead(records, profile);
  const { levelSets, primaryCount, juniorCount } = levelsOfSchools(schools);
  const levels = {
    primary: emptyColumns("primary", primaryCount),
    junior: emptyColumns("junior", juniorCount),
  };
  const order = new Int32Array(primaryCount + juniorCount);
  const figures = sectionFigures();
  let next = 0;
  for (let index = 0; index < schools.length; index++) {
    const set = levelSets[index];
    if (set === 0) continue;
    const school = schools[index] as SchoolRecord;
    const facilities = effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
    if (set & LEVEL_BIT.primary) {
      readSection(school, "primary", facilities, profile, figures);
      order[next++] = 2 * addRow(levels.primary, index, school.name, figures);
    }
    if (set & LEVEL_BIT.junior) {
      readSection(school, "junior", facilities, profile, figures);
      order[next++] = 1 + 2 * addRow(levels.junior, index, school.name, figures);
    }
  }
  return { levels, order };
}

/** The sections of every school as objects, in the order of `sectionColumns` (for a few schools: no columns). */
export function buildSections(records: readonly SchoolRecord[], profile: Profile): Section[] {
  const schools = schoolsToRead(records, profile);
  const sections: Section[] = [];
  const figures = sectionFigures();
  for (let index = 0; index < schools.length; index++) {
    const school = schools[index];
    if (!school) continue;
    const set = sectionLevelSet(school);
    const facilities = effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
    for (const level of LEVELS) {
      if (!(set & LEVEL_BIT[level])) continue;
      readSection(school, level, facilities, profile, figures);
      sections.push(sectionOf(index, school.name, level, figures, figures.amounts));
    }
  }
  return sections;
}

/** Which levels each school has sections of (none for a teaching point merged away), and how many each level has. */
function levelsOfSchools(schools: readonly (SchoolRecord | null)[]) {
  const levelSets = new Uint8Array(schools.length);
  let primaryCount = 0;
  let juniorCount = 0;
  for (let index = 0; index < schools.length; index++) {
    const school = schools[index];
    if (!school) continue;
    const set = sectionLevelSet(school);
    levelSets[index] = set;
    if (set & LEVEL_BIT.primary) primaryCount++;
    if (set & LEVEL_BIT.junior) juniorCount++;
  }
  return { levelSets, primaryCount, juniorCount };
}

/** Stores one section's figures in the next row of `columns`; returns the row. */
function addRow(
  columns: SectionColumns,
  recordIndex: number,
  school: string,
  figures: SectionFigures,
): number {
  const row = columns.count++;
  columns.recordIndex[row] = recordIndex;
  columns.school[row] = school;
  columns.students[row] = figures.students;
  columns.exclusion[row] = figures.exclusion;
  columns.facilityShare[row] = figures.facilityShare;
  for (let x = 0; x < figures.amounts.length; x++) columns.amounts[x][row] = figures.amounts[x];
  return row;
}

/** A section as an object, from its figures (amounts in INDICATOR_IDS order). */
function sectionOf(
  recordIndex: number,
  school: string,
  level: Level,
  figures: Omit<SectionFigures, "amounts">,
  amounts: ArrayLike<number>,
): Section {
  const { exclusion, facilityShare } = figures;
  return {
    recordIndex,
    school,
    level,
    students: figures.students,
    included: exclusion === NOT_EXCLUDED,
    exclusion: exclusion === NOT_EXCLUDED ? undefined : EXCLUSION_REASONS[exclusion - 1],
    amounts: indicatorRecord(amounts),
    facilityShare: Number.isNaN(facilityShare) ? null : facilityShare,
  };
}

/** The section in row `row` of `columns`, as an object (with its amounts in INDICATOR_IDS order, if read already). */
export function sectionAt(
  columns: SectionColumns,
  row: number,
  amounts: readonly number[] = columns.amounts.map((column) => column[row]),
): Section {
  const figures = {
    students: columns.students[row],
    exclusion: columns.exclusion[row],
    facilityShare: columns.facilityShare[row],
  };
  return sectionOf(columns.recordIndex[row], columns.school[row], columns.level, figures, amounts);
}

/** The columns that hold the n-th section of the county. */
export function columnsOf<C extends SectionColumns>(
  sections: { levels: Record<Level, C>; order: Int32Array },
  n: number,
): C {
  return sections.levels[LEVELS[sections.order[n] & 1]];
}

/** The row of the n-th section of the county in its level's columns. */
export function rowOf(sections: CountySections, n: number): number {
  return sections.order[n] >> 1;
}
