import type { IndicatorDefinition, Profile } from "../standard/profile";
import type { IndicatorId, Level } from "../standard/indicators";
import { SECTIONS_OF_TYPE, type Facilities, type SchoolRecord, type SchoolType } from "./records";
import { nameKey } from "./names";

/** Why a section takes no part in the evaluation (docs/standard.md#scope). */
export const EXCLUSION_REASONS = [
  "specialEducation",
  "vocational",
  "smallTeachingPoint",
  "noStudents",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One level of one school, with the amounts of each resource attributed to it. */
export interface Section {
  /** index of the school in the records given to the engine */
  recordIndex: number;
  school: string;
  level: Level;
  students: number;
  included: boolean;
  exclusion?: ExclusionReason;
  /** the section's amount of each resource in natural units (people, m², 元, rooms), after apportioning */
  amounts: Record<IndicatorId, number>;
  /** share of the school's whole-school facilities attributed to this section (1 for single-level schools;
   * null when facilities were given per section) */
  facilityShare: number | null;
}

/**
 * docs/standard.md#apportioning: the share of a school's whole-school facilities that belongs to its section of
 * `level`, by weighted enrolment. 九年一贯制 A : 1.1B; 十二年一贯制 A : 1.1B : 1.32C; 完全中学 B : 1.2C. Other types
 * keep all of it (1). A school with no weighted enrolment gives its sections 0.
 */
export function apportioningShare(record: SchoolRecord, level: Level, profile: Profile): number {
  const { primary: a, junior: b, senior: c } = record.students;
  const w = profile.apportioning;
  switch (record.type) {
    case "nineYear": {
      const total = w.nineYear.primary * a + w.nineYear.junior * b;
      if (total <= 0) return 0;
      return (level === "primary" ? w.nineYear.primary * a : w.nineYear.junior * b) / total;
    }
    case "twelveYear": {
      const total = w.twelveYear.primary * a + w.twelveYear.junior * b + w.twelveYear.senior * c;
      if (total <= 0) return 0;
      return (level === "primary" ? w.twelveYear.primary * a : w.twelveYear.junior * b) / total;
    }
    case "complete": {
      const total = w.complete.junior * b + w.complete.senior * c;
      if (total <= 0 || level !== "junior") return 0;
      return (w.complete.junior * b) / total;
    }
    case "special": {
      // special-education schools are excluded; split by plain enrolment so the figures shown are sensible
      const total = a + b;
      if (total <= 0) return 0;
      return (level === "primary" ? a : b) / total;
    }
    default:
      // the level's bit by name, not `LEVEL_BIT[level]`: a lookup by a key that changes costs more than the rest
      return levelSetOfType(record.type) & (level === "primary" ? LEVEL_BIT.primary : LEVEL_BIT.junior)
        ? 1
        : 0;
  }
}

/** The shares of every level the school type has (docs/standard.md#apportioning). */
export function apportioningShares(record: SchoolRecord, profile: Profile): Partial<Record<Level, number>> {
  const shares: Partial<Record<Level, number>> = {};
  for (const level of SECTIONS_OF_TYPE[record.type])
    shares[level] = apportioningShare(record, level, profile);
  return shares;
}

/** A set of levels as bits: primary 1, junior 2. */
export const LEVEL_BIT: Record<Level, number> = { primary: 1, junior: 2 };

/**
 * The levels a school of `type` has sections of (SECTIONS_OF_TYPE, docs/standard.md#scope), as a set of
 * LEVEL_BITs. A switch rather than a lookup by the type's name: read for every school of a province, a lookup by a
 * key that changes from one school to the next costs more than the rest of reading the school.
 */
export function levelSetOfType(type: SchoolType): number {
  switch (type) {
    case "primary":
    case "teachingPoint":
      return LEVEL_BIT.primary;
    case "junior":
    case "complete":
    case "vocational":
      return LEVEL_BIT.junior;
    case "nineYear":
    case "twelveYear":
    case "special":
      return LEVEL_BIT.primary | LEVEL_BIT.junior;
  }
}

/**
 * The levels whose sections a school has (docs/standard.md#scope), as a set of LEVEL_BITs: those of its type; a
 * special-education or vocational school only those it has pupils in (its first level when it has none).
 */
export function sectionLevelSet(record: SchoolRecord): number {
  const ofType = levelSetOfType(record.type);
  if (record.type !== "special" && record.type !== "vocational") return ofType;
  const withPupils =
    (record.students.primary > 0 ? LEVEL_BIT.primary : 0) |
    (record.students.junior > 0 ? LEVEL_BIT.junior : 0);
  const present = ofType & withPupils;
  return present !== 0 ? present : ofType & -ofType;
}

/** Whole-school facilities with the profile option for indoor sports rooms applied. */
export function effectiveFacilities(
  facilities: Facilities,
  indoorSports: number | undefined,
  profile: Profile,
): Facilities {
  if (!profile.indoorSportsMovesToSportsArea || !indoorSports) return facilities;
  return {
    ...facilities,
    teachingArea: facilities.teachingArea - indoorSports,
    sportsArea: facilities.sportsArea + indoorSports,
  };
}

/** docs/standard.md#scope: why the section of `level` with `students` pupils is excluded, if it is. */
export function exclusionOf(
  record: SchoolRecord,
  level: Level,
  students: number,
  profile: Profile,
): ExclusionReason | undefined {
  if (record.type === "special" && profile.exclusions.specialEducation) return "specialEducation";
  if (record.type === "vocational" && profile.exclusions.vocational) return "vocational";
  if (record.type === "teachingPoint" && students < profile.exclusions.teachingPointMinStudents) {
    return "smallTeachingPoint";
  }
  if (!(students > 0)) return "noStudents";
  return undefined;
}

/**
 * The school each teaching point merges into under the docs/standard.md#teaching-points option (its parent, 所属学校), by record
 * index; −1 for records that are not teaching points, and for teaching points whose parent is not in the table,
 * is the point itself or another teaching point, or has no primary section for the point's pupils to join (a
 * 初中): those stay schools of their own, so that no pupil is dropped. The reader reports each of them.
 */
export function teachingPointParents(records: readonly SchoolRecord[]): Int32Array {
  // by `nameKey` (docs/school-table.md#names): a parent spelt otherwise, with a zero-width space or a full-width
  // bracket, is the same school; the first of a name counts, as the reader counts it
  const byName = new Map<string, number>();
  records.forEach((r, i) => {
    const key = nameKey(r.name);
    if (!byName.has(key)) byName.set(key, i);
  });
  return Int32Array.from(records, (r, i) => {
    if (r.type !== "teachingPoint" || !r.parent) return -1;
    const p = byName.get(nameKey(r.parent));
    if (p === undefined || p === i || records[p].type === "teachingPoint") return -1;
    if (!SECTIONS_OF_TYPE[records[p].type].includes("primary")) return -1;
    return p;
  });
}

/**
 * docs/standard.md#teaching-points profile option: every teaching point merged into its parent school (所属学校)
 * before evaluating. By record index: the school to evaluate there, or null for a teaching point merged into its
 * parent. Teaching points whose parent is not in the table stay schools of their own.
 */
export function mergeTeachingPoints(records: readonly SchoolRecord[]): (SchoolRecord | null)[] {
  const parents = teachingPointParents(records);
  const merged: (SchoolRecord | null)[] = records.slice();
  records.forEach((point, i) => {
    const p = parents[i];
    if (p < 0) return;
    const parent = merged[p] as SchoolRecord;
    const sum = (x: Record<string, number>, y: Record<string, number>) =>
      Object.fromEntries(Object.keys(x).map((k) => [k, x[k] + y[k]]));
    merged[p] = {
      ...parent,
      students: { ...parent.students, primary: parent.students.primary + point.students.primary },
      teachers: {
        ...parent.teachers,
        primary: sum(parent.teachers.primary, point.teachers.primary) as SchoolRecord["teachers"]["primary"],
      },
      ...mergedFacilities(parent, point.facilities),
    };
    merged[i] = null;
  });
  return merged;
}

/**
 * The primary pupils each school takes in from its teaching points when the profile merges them (docs/standard.md#teaching-points
 * option), by record index; all 0 when it does not.
 */
export function absorbedPupils(records: readonly SchoolRecord[], profile: Profile): Float64Array {
  const pupils = new Float64Array(records.length);
  if (profile.teachingPoints !== "mergeIntoParent") return pupils;
  const parents = teachingPointParents(records);
  parents.forEach((p, i) => {
    if (p >= 0) pupils[p] += records[i].students.primary;
  });
  return pupils;
}

/**
 * The shares of an addition to a school's facilities (docs/standard.md#apportioning), counting the primary pupils it takes in
 * from merged teaching points, as the evaluation apportions the merged school.
 */
export function additionShares(
  record: SchoolRecord,
  absorbed: number,
  profile: Profile,
): Partial<Record<Level, number>> {
  if (!(absorbed > 0)) return apportioningShares(record, profile);
  const students = { ...record.students, primary: record.students.primary + absorbed };
  return apportioningShares({ ...record, students }, profile);
}

/**
 * A teaching point's facilities serve primary pupils: they join the parent's primary facilities where the
 * workbook gives facilities per section, else the parent's whole-school facilities.
 */
function mergedFacilities(
  parent: SchoolRecord,
  point: Facilities,
): Pick<SchoolRecord, "facilities" | "sectionFacilities"> {
  const add = (x: Facilities, y: Facilities): Facilities => ({
    teachingArea: x.teachingArea + y.teachingArea,
    sportsArea: x.sportsArea + y.sportsArea,
    equipmentValue: x.equipmentValue + y.equipmentValue,
    multimediaRooms: x.multimediaRooms + y.multimediaRooms,
  });
  const given = parent.sectionFacilities?.primary;
  if (given) {
    return {
      facilities: parent.facilities,
      sectionFacilities: { ...parent.sectionFacilities, primary: add(given, point) },
    };
  }
  return { facilities: add(parent.facilities, point), sectionFacilities: parent.sectionFacilities };
}

/** What one unit of an indicator's scale counts: per 100 students or per student (docs/standard.md#indicators). */
export const SCALE_FACTOR = { per100: 100, perStudent: 1 } as const;

/** Indicator value from a section's amount: per 100 students or per student (docs/standard.md#indicators). */
export function indicatorValue(
  profile: Profile,
  indicator: IndicatorId,
  amount: number,
  students: number,
): number | null {
  return scaledValue(profile.indicators[indicator], amount, students);
}

/** indicatorValue for the indicator's definition; null without students. */
export function scaledValue(indicator: IndicatorDefinition, amount: number, students: number): number | null {
  if (!(students > 0)) return null;
  return perStudents(amount, SCALE_FACTOR[indicator.scale], students);
}

/** The indicator value of `amount` for `students` (> 0) students, `factor` being its scale's SCALE_FACTOR. */
export function perStudents(amount: number, factor: number, students: number): number {
  return (amount * factor) / students;
}

/** Amount of a resource that gives the indicator value `value` for `students` students. */
export function amountForValue(
  profile: Profile,
  indicator: IndicatorId,
  value: number,
  students: number,
): number {
  return (value * students) / SCALE_FACTOR[profile.indicators[indicator].scale];
}
