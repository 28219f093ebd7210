import type { IndicatorDefinition, Profile } from "../standard/profile";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  inIndicatorOrder,
  indicatorRecord,
  type IndicatorId,
  type Level,
} from "../standard/indicators";
import { SCALE_FACTOR, amountForValue, perStudents, type Section } from "./sections";
import { atLeast, ceilWhole, leastReaching } from "../standard/comparison";

/*
 * What the standard says of one section: each value's status against its standard (docs/standard.md#indicators),
 * the pass rule (docs/standard.md#pass-rule) and what the section lacks. The columnar core (evaluate.ts) applies
 * the same rules over the county's columns, indicator by indicator; a `SectionResult` object is made only for a
 * section that is asked for.
 */

/** met: ≥ standard; floor: ≥ 85 % of it (the band one indicator may be in); unmet: below the floor. */
export type IndicatorStatus = "met" | "floor" | "unmet";

/** An indicator's status as a status column stores it; `none` where the section has no students. */
export const StatusCode = { none: 0, unmet: 1, floor: 2, met: 3 } as const;
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];
const STATUS_OF_CODE = [null, "unmet", "floor", "met"] as const;

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

/** The least values that meet an indicator's standard and that reach its floor (docs/standard.md#comparison). */
export interface StatusThresholds {
  met: number;
  floor: number;
}

export function statusThresholds(profile: Profile, indicator: IndicatorId, level: Level): StatusThresholds {
  return thresholdsOf(profile.indicators[indicator], level, profile.passRule.floorRatio);
}

/**
 * What judging a level's sections needs of a profile, worked out once for all of them: each indicator's scale
 * factor (`SCALE_FACTOR`) and the least values that meet its standard and reach its floor (`thresholdsOf`), in
 * INDICATOR_IDS order. Plain arrays: a caller that judges one section (`evaluateSection`) makes them for it.
 */
export interface LevelStandards {
  level: Level;
  scaleFactors: readonly number[];
  metFrom: readonly number[];
  floorFrom: readonly number[];
}

export function levelStandards(profile: Profile, level: Level): LevelStandards {
  const definitions = inIndicatorOrder(profile.indicators);
  const thresholds = definitions.map((d) => thresholdsOf(d, level, profile.passRule.floorRatio));
  return {
    level,
    scaleFactors: definitions.map((d) => SCALE_FACTOR[d.scale]),
    metFrom: thresholds.map((t) => t.met),
    floorFrom: thresholds.map((t) => t.floor),
  };
}

/** Both levels' standards (`levelStandards`), for a caller that makes results of sections of either. */
export function standardsByLevel(profile: Profile): Record<Level, LevelStandards> {
  return { primary: levelStandards(profile, "primary"), junior: levelStandards(profile, "junior") };
}

/** statusThresholds for an indicator's definition and the pass rule's floor ratio. */
export function thresholdsOf(
  definition: IndicatorDefinition,
  level: Level,
  floorRatio: number,
): StatusThresholds {
  const standard = definition.standard[level];
  return { met: leastReaching(standard), floor: leastReaching(floorOf(standard, floorRatio)) };
}

/**
 * An indicator's standard at a level and its floor (docs/standard.md#pass-rule: 85 % of the standard, the least
 * the one indicator a section need not meet may stand at), as the standard writes them: what every host shows a
 * section's value beside. `statusThresholds` gives the least values that reach them, which statuses compare with.
 */
export interface StandardAndFloor {
  standard: number;
  floor: number;
}

export function standardAndFloor(profile: Profile, indicator: IndicatorId, level: Level): StandardAndFloor {
  const standard = profile.indicators[indicator].standard[level];
  return { standard, floor: floorOf(standard, profile.passRule.floorRatio) };
}

/** docs/standard.md#pass-rule: the floor of a standard, its `floorRatio` share. */
function floorOf(standard: number, floorRatio: number): number {
  return standard * floorRatio;
}

/**
 * The status of an indicator value against its standard and floor (docs/standard.md#indicators), given the least
 * values that meet and reach them (`StatusThresholds`): unmet, one up for reaching the floor, one more for meeting
 * the standard (the floor is never above the standard: floorRatio ≤ 1). Counted rather than branched on, since a
 * county's values fall either side at random.
 */
export function statusCode(value: number, met: number, floor: number): StatusCode {
  return (StatusCode.unmet + Number(reaches(value, floor)) + Number(reaches(value, met))) as StatusCode;
}

/**
 * Whether a value reaches a threshold given as the least value that reaches it (`StatusThresholds`); a missing
 * value (NaN) reaches none.
 */
function reaches(value: number, least: number): boolean {
  return value >= least;
}

/**
 * The pass rule over columns (evaluate.ts) counts a section's statuses indicator by indicator into one small
 * number, its tally: an indicator that meets its standard adds 1, one below its floor adds `BELOW_FLOOR`. The
 * count of indicators met (at most 7) never reaches `BELOW_FLOOR`, so `tallyPasses` reads both counts back.
 */
export const BELOW_FLOOR = 8;

/** What one indicator adds to its section's tally: `statusCode`'s comparisons, counted for the pass rule. */
export function statusTally(value: number, met: number, floor: number): number {
  return Number(reaches(value, met)) + BELOW_FLOOR * Number(!reaches(value, floor));
}

/** The pass rule (`passesRule`) over a section's tally of its indicators' statuses (`statusTally`): 1 where it passes, else 0. */
export function tallyPasses(profile: Profile, tally: number): number {
  const metCount = tally % BELOW_FLOOR;
  return passRuleCode(profile, metCount, (tally - metCount) / BELOW_FLOOR);
}

/** The status a status column stores as `code`. */
export function statusOfCode(code: number): IndicatorStatus | null {
  return STATUS_OF_CODE[code];
}

/** Status of one value against its standard and its 85 % floor: met, floor or unmet (docs/standard.md#pass-rule). */
export function indicatorStatus(
  profile: Profile,
  indicator: IndicatorId,
  level: Level,
  value: number,
): IndicatorStatus {
  const { met, floor } = statusThresholds(profile, indicator, level);
  return statusOfCode(statusCode(value, met, floor)) as IndicatorStatus;
}

/**
 * docs/standard.md#pass-rule (校校达标): at least 6 of 7 met and the one that is not ≥ 85 % of its standard, from
 * the number of indicators met and the number short of their floor (or without a value).
 */
export function passesRule(profile: Profile, metCount: number, shortCount: number): boolean {
  return passRuleCode(profile, metCount, shortCount) === 1;
}

/**
 * `passesRule` as a number, 1 where the section passes and 0 where it does not, computed without a branch: over a
 * province's sections in no particular order, the processor cannot guess which pass, and a wrong guess costs more
 * than both comparisons.
 */
function passRuleCode(profile: Profile, metCount: number, shortCount: number): number {
  return Number(shortCount === 0) & Number(metCount >= profile.passRule.minMet);
}

/** The pass rule over a section's statuses. */
export function sectionPasses(profile: Profile, statuses: readonly IndicatorStatus[]): boolean {
  let met = 0;
  let short = 0;
  for (const s of statuses) {
    if (s === "met") met++;
    else if (s === "unmet") short++;
  }
  return passesRule(profile, met, short);
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
  const { standard, floor } = standardAndFloor(profile, indicator, section.level);
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

/**
 * Evaluates one section: values, statuses, the pass rule and shortfalls. A caller that evaluates many sections
 * gives their level's standards, worked out once (`standardsByLevel`).
 */
export function evaluateSection(
  profile: Profile,
  section: Section,
  standards: LevelStandards = levelStandards(profile, section.level),
): SectionResult {
  return sectionResult(profile, section, inIndicatorOrder(section.amounts), standards);
}

/**
 * evaluateSection, with the section's amounts in INDICATOR_IDS order and, for a caller that makes many results of
 * a level, its standards worked out once.
 */
export function sectionResult(
  profile: Profile,
  section: Section,
  amounts: ArrayLike<number>,
  standards: LevelStandards = levelStandards(profile, section.level),
): SectionResult {
  const { students } = section;
  const { scaleFactors, metFrom, floorFrom } = standards;
  const values: (number | null)[] = [null, null, null, null, null, null, null];
  const status: (IndicatorStatus | null)[] = [null, null, null, null, null, null, null];
  const met = [false, false, false, false, false, false, false];
  let metCount = 0;
  let shortCount = 0;
  const shortfalls: Shortfall[] = [];
  for (let x = 0; x < INDICATOR_IDS.length; x++) {
    // docs/standard.md#indicators: no value, and no status, without students
    if (!(students > 0)) {
      shortCount++;
      continue;
    }
    const value = perStudents(amounts[x], scaleFactors[x], students);
    const code = statusCode(value, metFrom[x], floorFrom[x]);
    values[x] = value;
    status[x] = statusOfCode(code);
    met[x] = code === StatusCode.met;
    if (code === StatusCode.met) metCount++;
    else {
      if (code === StatusCode.unmet) shortCount++;
      shortfalls.push(shortfallOf(profile, section, INDICATOR_IDS[x]));
    }
  }
  // an explicit literal rather than a spread: every result has the same shape, which keeps reading them fast
  return {
    recordIndex: section.recordIndex,
    school: section.school,
    level: section.level,
    students,
    included: section.included,
    exclusion: section.exclusion,
    amounts: section.amounts,
    facilityShare: section.facilityShare,
    values: indicatorRecord(values),
    status: indicatorRecord(status),
    met: indicatorRecord(met),
    metCount,
    pass: section.included && passesRule(profile, metCount, shortCount),
    shortfalls,
  };
}
