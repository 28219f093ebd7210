import type { Profile } from "../standard/profile";
import {
  LEVELS,
  inIndicatorOrder,
  indicatorRecord,
  type IndicatorId,
  type Level,
} from "../standard/indicators";
import type { Facilities, SchoolRecord } from "./records";
import { LEVEL_BIT, SCALE_FACTOR, perStudents, sectionLevelSet } from "./sections";
import {
  NOT_EXCLUDED,
  columnsOf,
  exclusionCode,
  facilitiesOf,
  readSection,
  rowOf,
  schoolsToRead,
  sectionAt,
  studentsOf,
  type CountySections,
  type SectionColumns,
} from "./columns";
import {
  addEntry,
  spreadCoefficient,
  weightedSpread,
  type DifferenceCoefficient,
  type WeightedSpread,
} from "./coefficient";
import { atMost } from "./compare";
import {
  StatusCode,
  passesRule,
  sectionResult,
  statusCode,
  thresholdsOf,
  type SectionResult,
} from "./sectionResult";

/*
 * The county's resource-allocation verdict in one pass over the schools: each section's figures
 * (columns.ts `readSection`), its seven values and their statuses (docs/standard.md#indicators), the pass rule
 * (docs/standard.md#pass-rule), and each level's difference coefficients gathered section by section
 * (coefficient.ts `addEntry`); then the level verdicts. What later questions need of every section is kept
 * in columns (`LevelColumns`); per-section objects are made only when asked for (`sections`, `failingSections`,
 * `sectionPage`), from the school's record again: at a province's scale they would cost far more than the
 * arithmetic.
 */

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

/** The sections of one level with what the standard says of each. */
export interface LevelColumns extends SectionColumns {
  /** 1 where the section passes (docs/standard.md#pass-rule); 0 for excluded sections */
  pass: Uint8Array;
}

/** Everything an evaluation's sections are built from. */
export interface EvaluationColumns extends CountySections<LevelColumns> {
  profile: Profile;
}

export interface Evaluation {
  profile: string;
  /**
   * Every section, in the order of the records (a school's primary section before its junior one). Built from
   * `columns` on first read and kept: a county's few hundred cost nothing, but each is about 1 KB of objects, so
   * for a province or a country read `levels` and ask `failingSections` or `sectionPage` for the few needed.
   */
  readonly sections: SectionResult[];
  levels: Record<Level, LevelResult>;
  /** docs/standard.md#parts resource allocation: every included section passes and every CV is within its limit */
  resourcesPass: boolean;
  /** what the standard says of every section, per level, and the schools read: what every section here is built from */
  readonly columns: EvaluationColumns;
}

/** CV ≤ limit; a level with no section passes; an undefined CV (X̄ = 0) does not. */
function balanceOf(dc: DifferenceCoefficient, limit: number): IndicatorBalance {
  const pass = dc.count === 0 ? true : dc.cv !== null && atMost(dc.cv, limit);
  return { countyRatio: dc.mean, standardDeviation: dc.standardDeviation, cv: dc.cv, limit, pass };
}

/**
 * One level's part of the pass over the schools: its columns, the sums of its difference coefficients, the
 * number of its sections that pass, and each indicator's scale and thresholds (in INDICATOR_IDS order).
 */
interface LevelPass {
  columns: LevelColumns;
  spread: WeightedSpread;
  passing: number;
  scaleFactors: Float64Array;
  /** the least value that meets each indicator's standard, and that reaches its floor (`thresholdsOf`) */
  metFrom: Float64Array;
  floorFrom: Float64Array;
  /** the section being judged: its amounts and its values, in INDICATOR_IDS order */
  amounts: Float64Array;
  values: Float64Array;
}

function levelPass(
  level: Level,
  capacity: number,
  schools: readonly (SchoolRecord | null)[],
  profile: Profile,
): LevelPass {
  const definitions = inIndicatorOrder(profile.indicators);
  const thresholds = definitions.map((d) => thresholdsOf(d, level, profile.passRule.floorRatio));
  // a literal of its own, not a spread of SectionColumns: the pass's code is made for this one shape
  const columns: LevelColumns = {
    level,
    count: 0,
    recordIndex: new Int32Array(capacity),
    schools,
    exclusion: new Uint8Array(capacity),
    pass: new Uint8Array(capacity),
  };
  return {
    columns,
    spread: weightedSpread(definitions.length),
    passing: 0,
    scaleFactors: Float64Array.from(definitions, (d) => SCALE_FACTOR[d.scale]),
    metFrom: Float64Array.from(thresholds, (t) => t.met),
    floorFrom: Float64Array.from(thresholds, (t) => t.floor),
    amounts: new Float64Array(definitions.length),
    values: new Float64Array(definitions.length),
  };
}

/**
 * A school's section of the pass's level, into the next row of its columns: whether it is excluded
 * (docs/standard.md#scope); for an included one its values and their statuses, the pass rule, and its part in
 * the level's difference coefficients, weighted by its enrolment (docs/standard.md#coefficient). Returns the row.
 */
function judgeSection(
  pass: LevelPass,
  school: SchoolRecord,
  recordIndex: number,
  facilities: Facilities,
  profile: Profile,
): number {
  const { columns, amounts, values, scaleFactors, metFrom, floorFrom } = pass;
  const row = columns.count++;
  const students = studentsOf(school, columns.level);
  const exclusion = exclusionCode(school, columns.level, students, profile);
  columns.recordIndex[row] = recordIndex;
  columns.exclusion[row] = exclusion;
  // an excluded section does not pass and takes no part in the coefficients (an included one has students)
  if (exclusion !== NOT_EXCLUDED) return row;
  readSection(school, columns.level, facilities, profile, amounts);
  let met = 0;
  let short = 0;
  for (let x = 0; x < values.length; x++) {
    const value = perStudents(amounts[x], scaleFactors[x], students);
    const code = statusCode(value, metFrom[x], floorFrom[x]);
    values[x] = value;
    met += Number(code === StatusCode.met);
    short += Number(code === StatusCode.unmet);
  }
  if (passesRule(profile, met, short)) {
    columns.pass[row] = 1;
    pass.passing++;
  }
  addEntry(pass.spread, values, students);
  return row;
}

/** A level's verdict from its part of the pass: the pass rule for every section and every CV within its limit. */
function levelResult(pass: LevelPass, profile: Profile): LevelResult {
  const { columns, spread, passing } = pass;
  const limit = profile.cvLimit[columns.level];
  const balances: IndicatorBalance[] = [];
  for (let x = 0; x < pass.values.length; x++) balances.push(balanceOf(spreadCoefficient(spread, x), limit));
  return {
    level: columns.level,
    sections: spread.count,
    students: spread.totalWeight,
    passingSections: passing,
    balance: indicatorRecord(balances),
    pass: passing === spread.count && balances.every((b) => b.pass),
  };
}

/**
 * The pass over the schools: each school's sections judged into their levels' columns, in the order of the
 * records (a school's primary section before its junior one). Returns that order: for the n-th section, its
 * level's index in LEVELS + 2 × its row in that level's columns.
 */
function judgeSchools(
  schools: readonly (SchoolRecord | null)[],
  primary: LevelPass,
  junior: LevelPass,
  profile: Profile,
): Int32Array {
  const order = new Int32Array(2 * schools.length);
  let next = 0;
  for (let index = 0; index < schools.length; index++) {
    const school = schools[index];
    if (!school) continue;
    const levelSet = sectionLevelSet(school);
    const facilities = facilitiesOf(school, profile);
    if (levelSet & LEVEL_BIT.primary)
      order[next++] = 2 * judgeSection(primary, school, index, facilities, profile);
    if (levelSet & LEVEL_BIT.junior)
      order[next++] = 1 + 2 * judgeSection(junior, school, index, facilities, profile);
  }
  return order.subarray(0, next);
}

/** The county's resource-allocation verdict (docs/standard.md#parts, docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope). */
export function evaluate(records: readonly SchoolRecord[], profile: Profile): Evaluation {
  const schools = schoolsToRead(records, profile);
  // room for every school in each level's columns
  const primary = levelPass("primary", schools.length, schools, profile);
  const junior = levelPass("junior", schools.length, schools, profile);
  const order = judgeSchools(schools, primary, junior, profile);
  const levels: Record<Level, LevelResult> = {
    primary: levelResult(primary, profile),
    junior: levelResult(junior, profile),
  };
  const columns: EvaluationColumns = {
    profile,
    levels: { primary: primary.columns, junior: junior.columns },
    order,
  };
  let sections: SectionResult[] | undefined;
  return {
    profile: profile.id,
    get sections() {
      return (sections ??= sectionsBetween(columns, 0, columns.order.length));
    },
    levels,
    resourcesPass: LEVELS.every((l) => levels[l].pass),
    columns,
  };
}

/** The result of the section in row `row` of `columns`. */
function resultAt(profile: Profile, columns: LevelColumns, row: number): SectionResult {
  const amounts = [0, 0, 0, 0, 0, 0, 0];
  return sectionResult(profile, sectionAt(columns, row, profile, amounts), amounts);
}

function sectionsBetween(county: EvaluationColumns, start: number, end: number): SectionResult[] {
  const results: SectionResult[] = [];
  for (let n = start; n < end; n++)
    results.push(resultAt(county.profile, columnsOf(county, n), rowOf(county, n)));
  return results;
}

/** The number of sections of an evaluation, included or not. */
export function sectionCount(evaluation: Evaluation): number {
  return evaluation.columns.order.length;
}

/** A page of the evaluation's sections: `count` of them from the `start`-th, in the order of `sections`. */
export function sectionPage(evaluation: Evaluation, start: number, count: number): SectionResult[] {
  const total = sectionCount(evaluation);
  const from = Math.max(0, Math.min(total, Math.floor(start)));
  return sectionsBetween(evaluation.columns, from, Math.min(total, from + Math.max(0, Math.floor(count))));
}

/** The included sections that do not pass (docs/standard.md#pass-rule), of one level or of both, in the order of `sections`. */
export function failingSections(evaluation: Evaluation, level?: Level): SectionResult[] {
  const { profile, order } = evaluation.columns;
  const failing: SectionResult[] = [];
  for (let n = 0; n < order.length; n++) {
    const columns = columnsOf(evaluation.columns, n);
    const row = rowOf(evaluation.columns, n);
    if (
      (level === undefined || columns.level === level) &&
      columns.exclusion[row] === 0 &&
      !columns.pass[row]
    )
      failing.push(resultAt(profile, columns, row));
  }
  return failing;
}

/** The sections left out of the evaluation (docs/standard.md#scope), whatever the reason, in the order of `sections`. */
export function excludedSections(evaluation: Evaluation): SectionResult[] {
  const { profile, order } = evaluation.columns;
  const excluded: SectionResult[] = [];
  for (let n = 0; n < order.length; n++) {
    const columns = columnsOf(evaluation.columns, n);
    const row = rowOf(evaluation.columns, n);
    if (columns.exclusion[row] !== 0) excluded.push(resultAt(profile, columns, row));
  }
  return excluded;
}

export { buildSections } from "./columns";
export type { IndicatorStatus, Shortfall, SectionResult } from "./sectionResult";
export { additionalAmount, evaluateSection, indicatorStatus, sectionPasses } from "./sectionResult";
