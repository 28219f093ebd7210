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
 * pass to read them, section by section with `addSection`); what the standard says of each row is computed
 * column by column from these (`evaluate.ts`), and a `Section` object is made only for a row that is asked for
 * (`sectionAt`).
 */
export interface SectionColumns {
  level: Level;
  /** number of rows: sections of this level, included or not */
  count: number;
  /** index of the school in the records given to the engine */
  recordIndex: Int32Array;
  /** the schools read, by record index (teaching points merged where the profile says so): a section's school
   * name is read from here when the section is asked for, rather than copied into a column for every section */
  schools: readonly (SchoolRecord | null)[];
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

function emptyColumns(
  level: Level,
  count: number,
  schools: readonly (SchoolRecord | null)[],
): SectionColumns {
  return {
    level,
    count: 0,
    recordIndex: new Int32Array(count),
    schools,
    students: new Float64Array(count),
    exclusion: new Uint8Array(count),
    facilityShare: new Float64Array(count),
    amounts: INDICATOR_IDS.map(() => new Float64Array(count)),
  };
}

/**
 * Reads a school's section of the columns' level into their next row (docs/standard.md#scope,
 * docs/standard.md#apportioning): its enrolment, whether it is excluded, its teachers as the statistics report
 * them, its facilities as the workbook gives them for the section, else its share of the school's whole-school
 * `facilities`. Returns the row.
 */
function addSection(
  columns: SectionColumns,
  recordIndex: number,
  school: SchoolRecord,
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
  const exclusion = exclusionOf(school, level, students, profile);
  columns.recordIndex[row] = recordIndex;
  columns.students[row] = students;
  columns.exclusion[row] = exclusion === undefined ? NOT_EXCLUDED : 1 + EXCLUSION_REASONS.indexOf(exclusion);
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

/** The schools to read, by record index: teaching points merged into their parents first where the profile says
 * so (docs/standard.md#teaching-points), null for those merged away. */
function schoolsToRead(records: readonly SchoolRecord[], profile: Profile): readonly (SchoolRecord | null)[] {
  return profile.teachingPoints === "mergeIntoParent" ? mergeTeachingPoints(records) : records;
}

/** The sections of every school as columns: a pass over the schools to count each level's sections, and a pass
 * to read them. */
export function sectionColumns(records: readonly SchoolRecord[], profile: Profile): CountySections {
  const schools = schoolsToRead(records, profile);
  const { levelSets, primaryCount, juniorCount } = levelsOfSchools(schools);
  const levels = {
    primary: emptyColumns("primary", primaryCount, schools),
    junior: emptyColumns("junior", juniorCount, schools),
  };
  const order = new Int32Array(primaryCount + juniorCount);
  let next = 0;
  for (let index = 0; index < schools.length; index++) {
    const set = levelSets[index];
    if (set === 0) continue;
    const school = schools[index] as SchoolRecord;
    const facilities = effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
    if (set & LEVEL_BIT.primary)
      order[next++] = 2 * addSection(levels.primary, index, school, facilities, profile);
    if (set & LEVEL_BIT.junior)
      order[next++] = 1 + 2 * addSection(levels.junior, index, school, facilities, profile);
  }
  return { levels, order };
}

/** The sections of every school as objects, in the order of `sectionColumns`. */
export function buildSections(records: readonly SchoolRecord[], profile: Profile): Section[] {
  const county = sectionColumns(records, profile);
  return Array.from(county.order, (_, n) => sectionAt(columnsOf(county, n), rowOf(county, n)));
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
    primaryCount += Number((set & LEVEL_BIT.primary) !== 0);
    juniorCount += Number((set & LEVEL_BIT.junior) !== 0);
  }
  return { levelSets, primaryCount, juniorCount };
}

/** The section in row `row` of `columns`, as an object (with its amounts in INDICATOR_IDS order, if read already). */
export function sectionAt(
  columns: SectionColumns,
  row: number,
  amounts: readonly number[] = columns.amounts.map((column) => column[row]),
): Section {
  const recordIndex = columns.recordIndex[row];
  const exclusion = columns.exclusion[row];
  const facilityShare = columns.facilityShare[row];
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
