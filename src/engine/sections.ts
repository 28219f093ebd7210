import type { IndicatorDefinition, Profile } from "../standard/profile";
import { INDICATOR_IDS, type IndicatorId, type Level } from "../standard/indicators";
import { SECTIONS_OF_TYPE, type Facilities, type SchoolRecord } from "./records";

export type ExclusionReason = "specialEducation" | "vocational" | "smallTeachingPoint" | "noStudents";

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
 * docs/standard.md#apportioning: shares of whole-school facilities by weighted enrolment.
 * 九年一贯制 A : 1.1B; 十二年一贯制 A : 1.1B : 1.32C; 完全中学 B : 1.2C. Other types keep all of it.
 */
export function apportioningShares(record: SchoolRecord, profile: Profile): Partial<Record<Level, number>> {
  const { primary: a, junior: b, senior: c } = record.students;
  const w = profile.apportioning;
  switch (record.type) {
    case "nineYear": {
      const total = w.nineYear.primary * a + w.nineYear.junior * b;
      if (total <= 0) return { primary: 0, junior: 0 };
      return { primary: (w.nineYear.primary * a) / total, junior: (w.nineYear.junior * b) / total };
    }
    case "twelveYear": {
      const total = w.twelveYear.primary * a + w.twelveYear.junior * b + w.twelveYear.senior * c;
      if (total <= 0) return { primary: 0, junior: 0 };
      return { primary: (w.twelveYear.primary * a) / total, junior: (w.twelveYear.junior * b) / total };
    }
    case "complete": {
      const total = w.complete.junior * b + w.complete.senior * c;
      if (total <= 0) return { junior: 0 };
      return { junior: (w.complete.junior * b) / total };
    }
    case "special": {
      // special-education schools are excluded; split by plain enrolment so the figures shown are sensible
      const total = a + b;
      if (total <= 0) return { primary: 0, junior: 0 };
      return { primary: a / total, junior: b / total };
    }
    default: {
      const shares: Partial<Record<Level, number>> = {};
      for (const level of SECTIONS_OF_TYPE[record.type]) shares[level] = 1;
      return shares;
    }
  }
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

function exclusionOf(
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
  const byName = new Map<string, number>();
  records.forEach((r, i) => byName.set(r.name, i));
  return Int32Array.from(records, (r, i) => {
    if (r.type !== "teachingPoint" || !r.parent) return -1;
    const p = byName.get(r.parent);
    if (p === undefined || p === i || records[p].type === "teachingPoint") return -1;
    if (!SECTIONS_OF_TYPE[records[p].type].includes("primary")) return -1;
    return p;
  });
}

/**
 * docs/standard.md#teaching-points profile option: every teaching point merged into its parent school (所属学校) before
 * evaluating. Teaching points whose parent is not in the table stay schools of their own.
 */
export function mergeTeachingPoints(
  records: readonly SchoolRecord[],
): { record: SchoolRecord; index: number }[] {
  const parents = teachingPointParents(records);
  const merged = records.map((record, index) => ({ record, index }));
  records.forEach((r, i) => {
    const p = parents[i];
    if (p < 0) return;
    const parent = merged[p].record;
    const sum = (x: Record<string, number>, y: Record<string, number>) =>
      Object.fromEntries(Object.keys(x).map((k) => [k, x[k] + y[k]]));
    merged[p] = {
      index: p,
      record: {
        ...parent,
        students: { ...parent.students, primary: parent.students.primary + r.students.primary },
        teachers: {
          ...parent.teachers,
          primary: sum(parent.teachers.primary, r.teachers.primary) as SchoolRecord["teachers"]["primary"],
        },
        ...mergedFacilities(parent, r.facilities),
      },
    };
  });
  return merged.filter((_, i) => parents[i] < 0);
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

/** The sections of one school (docs/standard.md#apportioning), with teachers per section and facilities apportioned. */
export function sectionsOfSchool(record: SchoolRecord, recordIndex: number, profile: Profile): Section[] {
  let levels = SECTIONS_OF_TYPE[record.type];
  if (record.type === "special" || record.type === "vocational") {
    const present = levels.filter((level) => record.students[level] > 0);
    levels = present.length > 0 ? present : levels.slice(0, 1);
  }
  const shares = apportioningShares(record, profile);
  const facilities = effectiveFacilities(record.facilities, record.indoorSportsArea, profile);
  const sections: Section[] = new Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    const students = record.students[level];
    const given = record.sectionFacilities?.[level];
    const share = given ? null : (shares[level] ?? 0);
    const teachers = record.teachers[level];
    // a literal of the seven amounts (TEACHER_INDICATORS per section, FACILITY_INDICATORS as given or apportioned)
    const amounts: Record<IndicatorId, number> = {
      qualifiedTeachers: teachers.qualifiedTeachers,
      keyTeachers: teachers.keyTeachers,
      peArtTeachers: teachers.peArtTeachers,
      teachingArea: given ? given.teachingArea : facilities.teachingArea * (share as number),
      sportsArea: given ? given.sportsArea : facilities.sportsArea * (share as number),
      equipmentValue: given ? given.equipmentValue : facilities.equipmentValue * (share as number),
      multimediaRooms: given ? given.multimediaRooms : facilities.multimediaRooms * (share as number),
    };
    const exclusion = exclusionOf(record, level, students, profile);
    sections[i] = {
      recordIndex,
      school: record.name,
      level,
      students,
      included: exclusion === undefined,
      exclusion,
      amounts,
      facilityShare: share,
    };
  }
  return sections;
}

/** Indicator value from a section's amount: per 100 students or per student (docs/standard.md#indicators). */
export function indicatorValue(
  profile: Profile,
  indicator: IndicatorId,
  amount: number,
  students: number,
): number | null {
  return scaledValue(profile.indicators[indicator], amount, students);
}

/** indicatorValue for the indicator's definition. */
export function scaledValue(indicator: IndicatorDefinition, amount: number, students: number): number | null {
  if (!(students > 0)) return null;
  return indicator.scale === "per100" ? (amount * 100) / students : amount / students;
}

/** Amount of a resource that gives the indicator value `value` for `students` students. */
export function amountForValue(
  profile: Profile,
  indicator: IndicatorId,
  value: number,
  students: number,
): number {
  return profile.indicators[indicator].scale === "per100" ? (value * students) / 100 : value * students;
}

export { INDICATOR_IDS };
