import type { Profile } from "../standard/profile";
import {
  LEVELS,
  inIndicatorOrder,
  indicatorRecord,
  type IndicatorId,
  type Level,
} from "../standard/indicators";
import type { SchoolRecord } from "./records";
import { SCALE_FACTOR, perStudents } from "./sections";
import { columnsOf, rowOf, sectionAt, sectionColumns, type SectionColumns } from "./columns";
import { coefficientFromSums, type DifferenceCoefficient } from "./coefficient";
import { atMost } from "./compare";
import {
  StatusCode,
  passesRule,
  sectionResult,
  statusCode,
  thresholdsOf,
  type SectionResult,
  type StatusThresholds,
} from "./sectionResult";

/*
 * The county's resource-allocation verdict, computed from columns: records → one typed array per figure and
 * level (columns.ts) → each value's status and the pass rule, column by column → the difference coefficients
 * and the level verdicts. Per-section objects are made only when asked for (`sections`, `failingSections`,
 * `sectionPage`): at a province's scale they would cost far more than the arithmetic.
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

/** The sections of one level with what the standard says of each (the values themselves are made again, from
 * the amounts, for a section that is asked for). */
export interface LevelColumns extends SectionColumns {
  /** each value's StatusCode against its standard and floor, one column per indicator in INDICATOR_IDS order */
  status: Uint8Array[];
  /** the number of indicators met */
  metCount: Uint8Array;
  /** 1 where the section passes (docs/standard.md#pass-rule); 0 for excluded sections */
  pass: Uint8Array;
}

/** Everything an evaluation's results are built from. */
export interface EvaluationColumns {
  profile: Profile;
  levels: Record<Level, LevelColumns>;
  /** the n-th section of the county: its level's index in LEVELS + 2 × its row in that level's columns */
  order: Int32Array;
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
  /** one typed array per figure, per level: what every result here is built from */
  readonly columns: EvaluationColumns;
}

/** CV ≤ limit; a level with no section passes; an undefined CV (X̄ = 0) does not. */
function balanceOf(dc: DifferenceCoefficient, limit: number): IndicatorBalance {
  const pass = dc.count === 0 ? true : dc.cv !== null && atMost(dc.cv, limit);
  return { countyRatio: dc.mean, standardDeviation: dc.standardDeviation, cv: dc.cv, limit, pass };
}

/**
 * One indicator over a level's sections, in one pass: every section's value (docs/standard.md#indicators) and
 * its status, tallied into the sections' counts of indicators met and short of their floor; and for the included
 * sections the first pass of the indicator's difference coefficient (docs/standard.md#coefficient): returns their
 * Σ Pᵢ·Xᵢ, their values being written in order to `entries` for the second. The statuses are written to `status`.
 */
function indicatorColumn(
  amounts: Float64Array,
  columns: SectionColumns,
  scaleFactor: number,
  thresholds: StatusThresholds,
  tally: { met: Uint8Array; short: Uint8Array },
  entries: Float64Array,
  status: Uint8Array,
): number {
  const { count, students, exclusion } = columns;
  const { met, short } = tally;
  const { met: metFrom, floor: floorFrom } = thresholds;
  let weightedSum = 0;
  let entry = 0;
  for (let row = 0; row < count; row++) {
    const p = students[row];
    if (!(p > 0)) {
      // no value, no status: the section cannot pass (and is excluded, docs/standard.md#scope)
      short[row]++;
      continue;
    }
    const value = perStudents(amounts[row], scaleFactor, p);
    const code = statusCode(value, metFrom, floorFrom);
    status[row] = code;
    met[row] += Number(code === StatusCode.met);
    short[row] += Number(code === StatusCode.unmet);
    // written for every section, kept for an included one: no branch the county's exclusions would make
    // unpredictable (the next section writes over an excluded one's value, and it adds 0 to the sum)
    const kept = Number(exclusion[row] === 0);
    entries[entry] = value;
    entry += kept;
    weightedSum += kept * p * value;
  }
  return weightedSum;
}

/**
 * One level, column by column: each indicator's values, statuses and the first pass of its difference
 * coefficient (`indicatorColumn`), then the coefficient's second pass over the included sections; the pass rule
 * for every section (docs/standard.md#pass-rule) and the level's verdict.
 */
function evaluateLevel(
  columns: SectionColumns,
  profile: Profile,
): { judged: LevelColumns; result: LevelResult } {
  const { count, level, students, exclusion } = columns;
  // the coefficient's weights (docs/standard.md#coefficient): the included sections' enrolments, in order
  const weights = new Float64Array(count);
  let included = 0;
  let enrolment = 0;
  for (let row = 0; row < count; row++) {
    if (exclusion[row] !== 0) continue;
    weights[included++] = students[row];
    enrolment += students[row];
  }
  const definitions = inIndicatorOrder(profile.indicators);
  const tally = { met: new Uint8Array(count), short: new Uint8Array(count) };
  // the included sections' values of one indicator, in order (and room for an excluded one's after the last):
  // written again for the next
  const entries = new Float64Array(count);
  const limit = profile.cvLimit[level];
  const status: Uint8Array[] = [];
  const balances: IndicatorBalance[] = [];
  for (let x = 0; x < definitions.length; x++) {
    const scaleFactor = SCALE_FACTOR[definitions[x].scale];
    const thresholds = thresholdsOf(definitions[x], level, profile.passRule.floorRatio);
    const statusOf = new Uint8Array(count);
    const weightedSum = indicatorColumn(
      columns.amounts[x],
      columns,
      scaleFactor,
      thresholds,
      tally,
      entries,
      statusOf,
    );
    const sums = { totalWeight: enrolment, weightedSum, count: included };
    status.push(statusOf);
    balances.push(balanceOf(coefficientFromSums(sums, entries, weights, included), limit));
  }
  const pass = new Uint8Array(count);
  let passing = 0;
  for (let row = 0; row < count; row++) {
    if (exclusion[row] === 0 && passesRule(profile, tally.met[row], tally.short[row])) {
      pass[row] = 1;
      passing++;
    }
  }
  const result: LevelResult = {
    level,
    sections: included,
    students: enrolment,
    passingSections: passing,
    balance: indicatorRecord(balances),
    pass: passing === included && balances.every((b) => b.pass),
  };
  return { judged: { ...columns, status, metCount: tally.met, pass }, result };
}

/** The county's resource-allocation verdict (docs/standard.md#parts, docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope). */
export function evaluate(records: readonly SchoolRecord[], profile: Profile): Evaluation {
  const county = sectionColumns(records, profile);
  const primary = evaluateLevel(county.levels.primary, profile);
  const junior = evaluateLevel(county.levels.junior, profile);
  const levels: Record<Level, LevelResult> = { primary: primary.result, junior: junior.result };
  const columns: EvaluationColumns = {
    profile,
    levels: { primary: primary.judged, junior: junior.judged },
    order: county.order,
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
  const amounts = columns.amounts.map((column) => column[row]);
  return sectionResult(profile, sectionAt(columns, row, amounts), amounts);
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
