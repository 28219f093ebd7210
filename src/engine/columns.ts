import type { Profile } from "../standard/profile";
import { LEVELS, indicatorRecord, type Level } from "../standard/indicators";
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
 * The sections of one level as columns, row j being the level's j-th section in the order of the records: what
 * later questions need of every section and cannot cheaply read again. A section's figures (its enrolment, its
 * share of its school's facilities, its seven amounts) are read again from its school's record when the section
 * is asked for (`sectionAt`), by the same `readSection` the evaluation reads them with.
 */
export interface SectionColumns {
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

/** The sections of a county, by level, and the order in which they are listed (by record, primary first). */
export interface CountySections<C extends SectionColumns = SectionColumns> {
  levels: Record<Level, C>;
  /** the n-th section of the county: its level's index in LEVELS + 2 × its row in that level's columns */
  order: Int32Array;
}

export const NOT_EXCLUDED = 0;

/** docs/standard.md#scope: a section's exclusion as its column stores it. */
export function exclusionCode(
  school: SchoolRecord,
  level: Level,
  students: number,
  profile: Profile,
): number {
  const exclusion = exclusionOf(school, level, students, profile);
  return exclusion === undefined ? NOT_EXCLUDED : 1 + EXCLUSION_REASONS.indexOf(exclusion);
}

/** The schools to read, by record index: teaching points merged into their parents first where the profile says
 * so (docs/standard.md#teaching-points), null for those merged away. */
export function schoolsToRead(
  records: readonly SchoolRecord[],
  profile: Profile,
): readonly (SchoolRecord | null)[] {
  return profile.teachingPoints === "mergeIntoParent" ? mergeTeachingPoints(records) : records;
}

/** The enrolment of a school's section of `level`. */
export function studentsOf(school: SchoolRecord, level: Level): number {
  // by name rather than by `level` as a key: reading a property by a key that changes costs more than the rest
  return level === "primary" ? school.students.primary : school.students.junior;
}

/**
 * A school's section of `level` (docs/standard.md#apportioning): writes its amount of each resource, in natural
 * units and INDICATOR_IDS order, to `amounts`: its teachers as the statistics report them, its facilities as the
 * workbook gives them for the section, else its share of the school's whole-school `facilities` (those with the
 * profile's indoor-sports option applied, `effectiveFacilities`). Returns that share, NaN where the workbook
 * gives the section's facilities itself.
 */
export function readSection(
  school: SchoolRecord,
  level: Level,
  facilities: Facilities,
  profile: Profile,
  amounts: number[] | Float64Array,
): number {
  const primary = level === "primary";
  const teachers = primary ? school.teachers.primary : school.teachers.junior;
  const given = primary ? school.sectionFacilities?.primary : school.sectionFacilities?.junior;
  const share = given ? 1 : apportioningShare(school, level, profile);
  const own = given ?? facilities;
  // INDICATOR_IDS order; with the standard's indicator records, the one place that reads the seven resources by name
  amounts[0] = teachers.qualifiedTeachers;
  amounts[1] = teachers.keyTeachers;
  amounts[2] = teachers.peArtTeachers;
  amounts[3] = own.teachingArea * share;
  amounts[4] = own.sportsArea * share;
  amounts[5] = own.equipmentValue * share;
  amounts[6] = own.multimediaRooms * share;
  return given ? NaN : share;
}

/** The whole-school facilities a school's sections share (docs/standard.md#indoor-sports option applied). */
export function facilitiesOf(school: SchoolRecord, profile: Profile): Facilities {
  return effectiveFacilities(school.facilities, school.indoorSportsArea, profile);
}

/** The sections of every school as objects, in the order the evaluation lists them (by record, primary first). */
export function buildSections(records: readonly SchoolRecord[], profile: Profile): Section[] {
  const schools = schoolsToRead(records, profile);
  const sections: Section[] = [];
  for (let index = 0; index < schools.length; index++) {
    const school = schools[index];
    if (!school) continue;
    const levels = sectionLevelSet(school);
    for (const level of LEVELS) {
      if (!(levels & LEVEL_BIT[level])) continue;
      const exclusion = exclusionCode(school, level, studentsOf(school, level), profile);
      sections.push(sectionOf(school, index, level, exclusion, profile));
    }
  }
  return sections;
}

/** A school's section of `level` as an object, its exclusion being given as its column stores it. */
function sectionOf(
  school: SchoolRecord,
  recordIndex: number,
  level: Level,
  exclusion: number,
  profile: Profile,
  amounts: number[] = [0, 0, 0, 0, 0, 0, 0],
): Section {
  const facilityShare = readSection(school, level, facilitiesOf(school, profile), profile, amounts);
  return {
    recordIndex,
    school: school.name,
    level,
    students: studentsOf(school, level),
    included: exclusion === NOT_EXCLUDED,
    exclusion: exclusion === NOT_EXCLUDED ? undefined : EXCLUSION_REASONS[exclusion - 1],
    amounts: indicatorRecord(amounts),
    facilityShare: Number.isNaN(facilityShare) ? null : facilityShare,
  };
}

/** The section in row `row` of `columns`, as an object; its amounts in INDICATOR_IDS order are written to `amounts`. */
export function sectionAt(
  columns: SectionColumns,
  row: number,
  profile: Profile,
  amounts: number[] = [0, 0, 0, 0, 0, 0, 0],
): Section {
  const recordIndex = columns.recordIndex[row];
  const school = columns.schools[recordIndex] as SchoolRecord;
  return sectionOf(school, recordIndex, columns.level, columns.exclusion[row], profile, amounts);
}

/** The columns that hold the n-th section of the county. */
export function columnsOf<C extends SectionColumns>(county: CountySections<C>, n: number): C {
  return county.levels[LEVELS[county.order[n] & 1]];
}

/** The row of the n-th section of the county in its level's columns. */
export function rowOf(county: CountySections, n: number): number {
  return county.order[n] >> 1;
}
