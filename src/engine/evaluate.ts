import type { IndicatorDefinition, Profile } from "../standard/profile";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVELS,
  type IndicatorId,
  type Level,
} from "../standard/indicators";
import type { SchoolRecord } from "./records";
import { amountForValue, mergeTeachingPoints, scaledValue, sectionsOfSchool, type Section } from "./sections";
import { differenceCoefficient, type DifferenceCoefficient } from "./coefficient";
import { atLeast, atMost, ceilWhole } from "./compare";

/** met: ≥ standard; floor: ≥ 85 % of it (the band one indicator may be in); unmet: below the floor. */
export type IndicatorStatus = "met" | "floor" | "unmet";

/** What a section lacks of one indicator, in the resource's natural unit (people, m², 元, rooms). */
export interface Shortfall {
  indicator: IndicatorId;
  /** more of the resource the section needs to reach the standard */
  toStandard: number;
  /** more of the resource the section needs to reach 85 % of the standard */
  toFloor: number;
  /** for facilities shared by a combined school: what the whole school must add so that the section's
   * apportioned share reaches the standard (null when the section's facilities are its own) */
  schoolToStandard: number | null;
  schoolToFloor: number | null;
}

export interface SectionResult extends Section {
  values: Record<IndicatorId, number | null>;
  status: Record<IndicatorId, IndicatorStatus | null>;
  met: Record<IndicatorId, boolean>;
  metCount: number;
  /** docs/standard.md#pass-rule; false for excluded sections */
  pass: boolean;
  /** one entry per indicator below its standard */
  shortfalls: Shortfall[];
}

export interface IndicatorBalance {
  /** X̄, the county ratio (county resource / county students, in the indicator's unit) */
  countyRatio: number | null;
  standardDeviation: number | null;
  cv: number | null;
  limit: number;
  /** CV ≤ limit; a level with no section passes; an undefined CV (X̄ = 0) does not */
  pass: boolean;
}

export interface LevelResult {
  level: Level;
  /** included sections */
  sections: number;
  students: number;
  passingSections: number;
  balance: Record<IndicatorId, IndicatorBalance>;
  /** every included section passes and every CV is within its limit */
  pass: boolean;
}

export interface Evaluation {
  profile: string;
  sections: SectionResult[];
  levels: Record<Level, LevelResult>;
  /** docs/standard.md#parts resource allocation: every included section passes and every CV is within its limit */
  resourcesPass: boolean;
}

/**
 * One value per indicator, as an object literal: building the record key by key is several times slower, and the
 * engine builds three of them for every section of a country.
 */
export function byIndicator<T>(f: (id: IndicatorId) => T): Record<IndicatorId, T> {
  return {
    qualifiedTeachers: f("qualifiedTeachers"),
    keyTeachers: f("keyTeachers"),
    peArtTeachers: f("peArtTeachers"),
    teachingArea: f("teachingArea"),
    sportsArea: f("sportsArea"),
    equipmentValue: f("equipmentValue"),
    multimediaRooms: f("multimediaRooms"),
  };
}

/** Status of one value against its standard (docs/standard.md#indicators). */
export function indicatorStatus(
  profile: Profile,
  indicator: IndicatorId,
  level: Level,
  value: number,
): IndicatorStatus {
  return statusAgainst(profile.indicators[indicator].standard[level], profile.passRule.floorRatio, value);
}

function statusAgainst(standard: number, floorRatio: number, value: number): IndicatorStatus {
  if (atLeast(value, standard)) return "met";
  if (atLeast(value, standard * floorRatio)) return "floor";
  return "unmet";
}

/**
 * docs/standard.md#pass-rule (校校达标): at least 6 of 7 met and the one that is not ≥ 85 % of its standard.
 */
export function sectionPasses(profile: Profile, statuses: readonly IndicatorStatus[]): boolean {
  let met = 0;
  for (const s of statuses) {
    if (s === "unmet") return false;
    if (s === "met") met++;
  }
  return met >= profile.passRule.minMet;
}

/** How much more of a resource a section needs to reach `value` (whole numbers for people and rooms). */
export function additionalAmount(
  profile: Profile,
  indicator: IndicatorId,
  targetValue: number,
  amount: number,
  students: number,
): number {
  const needed = amountForValue(profile, indicator, targetValue, students) - amount;
  if (!(needed > 0) || atLeast(amount, amount + needed)) return 0;
  return profile.indicators[indicator].integral ? ceilWhole(needed) : needed;
}

function isFacility(indicator: IndicatorId): boolean {
  return (FACILITY_INDICATORS as readonly IndicatorId[]).includes(indicator);
}

function shortfallOf(profile: Profile, section: Section, indicator: IndicatorId): Shortfall {
  const standard = profile.indicators[indicator].standard[section.level];
  const floor = standard * profile.passRule.floorRatio;
  const amount = section.amounts[indicator];
  const toStandard = additionalAmount(profile, indicator, standard, amount, section.students);
  const toFloor = additionalAmount(profile, indicator, floor, amount, section.students);
  const share = section.facilityShare;
  let schoolToStandard: number | null = null;
  let schoolToFloor: number | null = null;
  if (isFacility(indicator) && share !== null && share > 0 && share < 1) {
    // an addition to the whole school reaches this section only in proportion to its share
    const integral = profile.indicators[indicator].integral;
    const schoolAddition = (target: number) => {
      const x = (amountForValue(profile, indicator, target, section.students) - amount) / share;
      return x > 0 ? (integral ? ceilWhole(x) : x) : 0;
    };
    schoolToStandard = schoolAddition(standard);
    schoolToFloor = schoolAddition(floor);
  }
  return { indicator, toStandard, toFloor, schoolToStandard, schoolToFloor };
}

/** Per-indicator values and statuses of the section being evaluated, in INDICATOR_IDS order: one pass fills
 * them, and the records of the result are built from them as literals (no closure per indicator and section). */
const sectionValues: (number | null)[] = new Array(INDICATOR_IDS.length);
const sectionStatuses: (IndicatorStatus | null)[] = new Array(INDICATOR_IDS.length);
/** The section's amounts and the profile's indicators in the same order, each read by its name once per section:
 * reading them by an id that changes from one indicator to the next costs more than the arithmetic. */
const sectionAmounts = new Float64Array(INDICATOR_IDS.length);
const sectionIndicators: IndicatorDefinition[] = new Array(INDICATOR_IDS.length);

/** A value per indicator, by name, into `into` in INDICATOR_IDS order. */
function inIndicatorOrder<T>(byId: Readonly<Record<IndicatorId, T>>, into: { [index: number]: T }): void {
  into[0] = byId.qualifiedTeachers;
  into[1] = byId.keyTeachers;
  into[2] = byId.peArtTeachers;
  into[3] = byId.teachingArea;
  into[4] = byId.sportsArea;
  into[5] = byId.equipmentValue;
  into[6] = byId.multimediaRooms;
}

/** Evaluates one section: values, statuses, the pass rule and shortfalls. */
export function evaluateSection(profile: Profile, section: Section): SectionResult {
  const v = sectionValues;
  const st = sectionStatuses;
  const amounts = sectionAmounts;
  const defs = sectionIndicators;
  inIndicatorOrder(section.amounts, amounts);
  inIndicatorOrder(profile.indicators, defs);
  const { level, students } = section;
  const floorRatio = profile.passRule.floorRatio;
  const shortfalls: Shortfall[] = [];
  let metCount = 0;
  let computed = 0;
  for (let i = 0; i < INDICATOR_IDS.length; i++) {
    const def = defs[i];
    const value = scaledValue(def, amounts[i], students);
    const s = value === null ? null : statusAgainst(def.standard[level], floorRatio, value);
    v[i] = value;
    st[i] = s;
    if (s === null) continue;
    computed++;
    if (s === "met") metCount++;
    else shortfalls.push(shortfallOf(profile, section, INDICATOR_IDS[i]));
  }
  // the same key order as byIndicator and INDICATOR_IDS
  const values: Record<IndicatorId, number | null> = {
    qualifiedTeachers: v[0],
    keyTeachers: v[1],
    peArtTeachers: v[2],
    teachingArea: v[3],
    sportsArea: v[4],
    equipmentValue: v[5],
    multimediaRooms: v[6],
  };
  const status: Record<IndicatorId, IndicatorStatus | null> = {
    qualifiedTeachers: st[0],
    keyTeachers: st[1],
    peArtTeachers: st[2],
    teachingArea: st[3],
    sportsArea: st[4],
    equipmentValue: st[5],
    multimediaRooms: st[6],
  };
  const met: Record<IndicatorId, boolean> = {
    qualifiedTeachers: st[0] === "met",
    keyTeachers: st[1] === "met",
    peArtTeachers: st[2] === "met",
    teachingArea: st[3] === "met",
    sportsArea: st[4] === "met",
    equipmentValue: st[5] === "met",
    multimediaRooms: st[6] === "met",
  };
  // with every value computed, the statuses are those of all seven indicators, none null
  const pass =
    section.included &&
    computed === INDICATOR_IDS.length &&
    sectionPasses(profile, st as readonly IndicatorStatus[]);
  // an explicit literal rather than a spread: every result has the same shape, which keeps reading them fast
  return {
    recordIndex: section.recordIndex,
    school: section.school,
    level: section.level,
    students: section.students,
    included: section.included,
    exclusion: section.exclusion,
    amounts: section.amounts,
    facilityShare: section.facilityShare,
    values,
    status,
    met,
    metCount,
    pass,
    shortfalls,
  };
}

/** docs/standard.md#coefficient for one level and indicator over the included sections of that level. */
export function levelBalance(
  profile: Profile,
  level: Level,
  indicator: IndicatorId,
  sections: readonly SectionResult[],
): IndicatorBalance {
  const values: number[] = [];
  const weights: number[] = [];
  for (const s of sections) {
    if (s.level !== level || !s.included) continue;
    values.push(s.values[indicator] as number);
    weights.push(s.students);
  }
  return balanceOf(differenceCoefficient(values, weights), profile.cvLimit[level]);
}

/** CV ≤ limit; a level with no section passes; an undefined CV (X̄ = 0) does not. */
function balanceOf(dc: DifferenceCoefficient, limit: number): IndicatorBalance {
  const pass = dc.count === 0 ? true : dc.cv !== null && atMost(dc.cv, limit);
  return { countyRatio: dc.mean, standardDeviation: dc.standardDeviation, cv: dc.cv, limit, pass };
}

/** Builds the sections of every school, teaching points merged first where the profile says so. */
export function buildSections(records: readonly SchoolRecord[], profile: Profile): Section[] {
  const sections: Section[] = [];
  if (profile.teachingPoints === "mergeIntoParent") {
    for (const { record, index } of mergeTeachingPoints(records)) {
      for (const s of sectionsOfSchool(record, index, profile)) sections.push(s);
    }
    return sections;
  }
  for (let index = 0; index < records.length; index++) {
    for (const s of sectionsOfSchool(records[index], index, profile)) sections.push(s);
  }
  return sections;
}

/** The county's resource-allocation verdict (docs/standard.md#parts, docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope). */
export function evaluate(records: readonly SchoolRecord[], profile: Profile): Evaluation {
  const built = buildSections(records, profile);
  const n = built.length;
  const sections: SectionResult[] = new Array(n);
  const included: Record<Level, number> = { primary: 0, junior: 0 };
  for (let i = 0; i < n; i++) {
    const s = evaluateSection(profile, built[i]);
    sections[i] = s;
    if (s.included) included[s.level]++;
  }
  // One pass lays every level's values out by indicator, so that each coefficient runs over a flat array
  // (14 passes over the section objects cost far more than the arithmetic on a whole country's sections).
  const k = INDICATOR_IDS.length;
  const layout = {} as Record<
    Level,
    { weights: Float64Array; values: Float64Array; next: number; passing: number }
  >;
  for (const level of LEVELS) {
    const count = included[level];
    layout[level] = {
      weights: new Float64Array(count),
      values: new Float64Array(count * k),
      next: 0,
      passing: 0,
    };
  }
  for (let i = 0; i < n; i++) {
    const s = sections[i];
    if (!s.included) continue;
    const l = layout[s.level];
    const j = l.next++;
    l.weights[j] = s.students;
    const count = l.weights.length;
    for (let x = 0; x < k; x++) l.values[x * count + j] = s.values[INDICATOR_IDS[x]] as number;
    if (s.pass) l.passing++;
  }
  const levels = {} as Record<Level, LevelResult>;
  for (const level of LEVELS) {
    const { weights, values, passing } = layout[level];
    const count = weights.length;
    let students = 0;
    for (let j = 0; j < count; j++) students += weights[j];
    const balance = {} as Record<IndicatorId, IndicatorBalance>;
    INDICATOR_IDS.forEach((id, x) => {
      const dc = differenceCoefficient(values.subarray(x * count, (x + 1) * count), weights);
      balance[id] = balanceOf(dc, profile.cvLimit[level]);
    });
    const pass = passing === count && INDICATOR_IDS.every((id) => balance[id].pass);
    levels[level] = { level, sections: count, students, passingSections: passing, balance, pass };
  }
  return { profile: profile.id, sections, levels, resourcesPass: LEVELS.every((l) => levels[l].pass) };
}
