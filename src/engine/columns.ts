import type { Profile } from "../standard/profile";
import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "../standard/indicators";
import type { Facilities, SchoolRecord, SectionTeachers } from "./records";
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
 * order of the records. Built in one pass over the records (`sectionColumns`); what the standard says of each
 * row is computed per column from these (`evaluate.ts`), and a `Section` object is made only for a row that is
 * asked for (`sectionAt`).
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

/**
 * The sections of every school as columns (docs/standard.md#scope, docs/standard.md#apportioning), teaching
 * points merged into their parents first where the profile says so (docs/standard.md#teaching-points).
 */
export function sectionColumns(records: readonly SchoolRecord[], profile: Profile): CountySections {
  const schools = profile.teachingPoints === "mergeIntoParent" ? mergeTeachingPoints(records) : records;
  const { levelSets, primaryCount, juniorCount } = levelsOfSchools(schools);
  const primary = emptyColumns("primary", primaryCount);
  const junior = emptyColumns("junior", juniorCount);
  const order = new Int32Array(primaryCount + juniorCount);
  let next = 0;
  for (let index = 0; index < schools.length; index++) {
    const set = levelSets[index];
    if (set === 0) continue;
    const school = schools[index] as SchoolRecord;
    const { students, teachers, sectionFacilities } = school;
    const facilities = effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
    if (set & LEVEL_BIT.primary) {
      const row = addSection(primary, school, index, students.primary, teachers.primary, facilities, profile);
      addFacilities(primary, row, sectionFacilities?.primary, facilities, school, profile);
      order[next++] = 2 * row;
    }
    if (set & LEVEL_BIT.junior) {
      const row = addSection(junior, school, index, students.junior, teachers.junior, facilities, profile);
      addFacilities(junior, row, sectionFacilities?.junior, facilities, school, profile);
      order[next++] = 2 * row + 1;
    }
  }
  return { levels: { primary, junior }, order };
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

/** Adds a row for one school's section of `columns.level`, with its enrolment and teachers; returns the row. */
function addSection(
  columns: SectionColumns,
  school: SchoolRecord,
  recordIndex: number,
  students: number,
  teachers: SectionTeachers,
  facilities: Facilities,
  profile: Profile,
): number {
  const row = columns.count++;
  const exclusion = exclusionOf(school, columns.level, students, profile);
  columns.recordIndex[row] = recordIndex;
  columns.school[row] = school.name;
  columns.students[row] = students;
  columns.exclusion[row] = exclusion === undefined ? NOT_EXCLUDED : 1 + EXCLUSION_REASONS.indexOf(exclusion);
  // teachers per section as the statistics report them (INDICATOR_IDS order)
  columns.amounts[0][row] = teachers.qualifiedTeachers;
  columns.amounts[1][row] = teachers.keyTeachers;
  columns.amounts[2][row] = teachers.peArtTeachers;
  return row;
}

/** A section's facilities: as the workbook gives them for the section, else its share of the school's. */
function addFacilities(
  columns: SectionColumns,
  row: number,
  given: Facilities | undefined,
  facilities: Facilities,
  school: SchoolRecord,
  profile: Profile,
): void {
  const share = given ? NaN : apportioningShare(school, columns.level, profile);
  const own = given ?? facilities;
  const part = given ? 1 : share;
  columns.facilityShare[row] = share;
  // INDICATOR_IDS order
  columns.amounts[3][row] = own.teachingArea * part;
  columns.amounts[4][row] = own.sportsArea * part;
  columns.amounts[5][row] = own.equipmentValue * part;
  columns.amounts[6][row] = own.multimediaRooms * part;
}

/** One value per indicator, in INDICATOR_IDS order (`x` is the indicator's index there), as one object literal:
 * every record of a result has the same shape, which keeps reading them fast. */
export function byIndicator<T>(at: (id: IndicatorId, x: number) => T): Record<IndicatorId, T> {
  return {
    qualifiedTeachers: at("qualifiedTeachers", 0),
    keyTeachers: at("keyTeachers", 1),
    peArtTeachers: at("peArtTeachers", 2),
    teachingArea: at("teachingArea", 3),
    sportsArea: at("sportsArea", 4),
    equipmentValue: at("equipmentValue", 5),
    multimediaRooms: at("multimediaRooms", 6),
  };
}

/** The section in row `row` of `columns`, as an object. */
export function sectionAt(columns: SectionColumns, row: number): Section {
  const exclusion = columns.exclusion[row];
  const share = columns.facilityShare[row];
  return {
    recordIndex: columns.recordIndex[row],
    school: columns.school[row],
    level: columns.level,
    students: columns.students[row],
    included: exclusion === NOT_EXCLUDED,
    exclusion: exclusion === NOT_EXCLUDED ? undefined : EXCLUSION_REASONS[exclusion - 1],
    amounts: byIndicator((_, x) => columns.amounts[x][row]),
    facilityShare: Number.isNaN(share) ? null : share,
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

/** The n-th section of the county, as an object. */
export function nthSection(sections: CountySections, n: number): Section {
  return sectionAt(columnsOf(sections, n), rowOf(sections, n));
}
