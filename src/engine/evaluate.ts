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
import {
  NOT_EXCLUDED,
  columnsOf,
  countyTable,
  rowOf,
  sectionAt,
  type CountySections,
  type CountyTable,
  type SectionColumns,
} from "./columns";
import { addEntry, spreadCoefficient, weightedSpread, type DifferenceCoefficient } from "./coefficient";
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
 * The county's resource-allocation verdict from its sections' columns (columns.ts `countyTable`), level by level
 * and indicator by indicator: each indicator's values over the level's sections and their statuses
 * (docs/standard.md#indicators), counted per section for the pass rule (docs/standard.md#pass-rule), and the
 * indicator's difference coefficient over those values (coefficient.ts); then the level verdicts. The evaluation
 * keeps the columns and which sections pass; per-section objects are made only when asked for (`sections`,
 * `failingSections`, `sectionPage`), from the same columns: at a province's scale they would cost far more than
 * the arithmetic.
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

/** What the standard says of each section of a level, per indicator, before the pass rule. */
interface StatusCounts {
  /** indicators that meet their standard */
  met: Uint8Array;
  /** indicators below their floor (docs/standard.md#pass-rule) */
  short: Uint8Array;
}

/**
 * One indicator over a level's sections, in one pass: each section's value, its status against the least values
 * that meet the standard (`metFrom`) and reach the floor (`floorFrom`), counted into `counts`, and its part in the
 * indicator's difference coefficient, weighted by its enrolment (coefficient.ts `addEntry`). An excluded section
 * takes no part in the coefficient (docs/standard.md#scope); its status is counted too, and never read.
 */
function judgeIndicator(
  amounts: Float64Array,
  scaleFactor: number,
  columns: SectionColumns,
  metFrom: number,
  floorFrom: number,
  counts: StatusCounts,
): DifferenceCoefficient {
  const { met, short } = counts;
  const { count, students, exclusion } = columns;
  const spread = weightedSpread();
  for (let row = 0; row < count; row++) {
    const value = perStudents(amounts[row], scaleFactor, students[row]);
    const code = statusCode(value, metFrom, floorFrom);
    met[row] += Number(code === StatusCode.met);
    short[row] += Number(code === StatusCode.unmet);
    if (exclusion[row] === NOT_EXCLUDED) addEntry(spread, value, students[row]);
  }
  return spreadCoefficient(spread);
}

/**
 * A level's verdict from its columns, indicator by indicator: each one's values, their statuses and its difference
 * coefficient, each section weighted by its enrolment, an excluded one taking no part (docs/standard.md#scope,
 * docs/standard.md#coefficient); then the pass rule for each section and every CV within its limit. Returns the
 * level's result and its columns with which sections pass.
 */
function judgeLevel(
  columns: SectionColumns,
  profile: Profile,
): { result: LevelResult; judged: LevelColumns } {
  const { level, count, exclusion } = columns;
  const definitions = inIndicatorOrder(profile.indicators);
  const limit = profile.cvLimit[level];
  const counts: StatusCounts = { met: new Uint8Array(count), short: new Uint8Array(count) };
  const coefficients: DifferenceCoefficient[] = [];
  for (let x = 0; x < definitions.length; x++) {
    const { met, floor } = thresholdsOf(definitions[x], level, profile.passRule.floorRatio);
    const scaleFactor = SCALE_FACTOR[definitions[x].scale];
    coefficients.push(judgeIndicator(columns.amounts[x], scaleFactor, columns, met, floor, counts));
  }
  const balances = coefficients.map((dc) => balanceOf(dc, limit));
  const pass = new Uint8Array(count);
  let passing = 0;
  for (let row = 0; row < count; row++) {
    if (exclusion[row] !== NOT_EXCLUDED || !passesRule(profile, counts.met[row], counts.short[row])) continue;
    pass[row] = 1;
    passing++;
  }
  const result: LevelResult = {
    level,
    // every indicator's coefficient is over the same included sections
    sections: coefficients[0].count,
    students: coefficients[0].totalWeight,
    passingSections: passing,
    balance: indicatorRecord(balances),
    pass: passing === coefficients[0].count && balances.every((b) => b.pass),
  };
  return { result, judged: { ...columns, pass } };
}

/** The county's resource-allocation verdict from its sections' columns, read under `table.profile` (`countyTable`). */
export function evaluateColumns(table: CountyTable): Evaluation {
  const { profile, order } = table;
  const primary = judgeLevel(table.levels.primary, profile);
  const junior = judgeLevel(table.levels.junior, profile);
  const levels: Record<Level, LevelResult> = { primary: primary.result, junior: junior.result };
  const columns: EvaluationColumns = {
    profile,
    levels: { primary: primary.judged, junior: junior.judged },
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

/** The county's resource-allocation verdict (docs/standard.md#parts, docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope). */
export function evaluate(records: readonly SchoolRecord[], profile: Profile): Evaluation {
  return evaluateColumns(countyTable(records, profile));
}

/** The result of the section in row `row` of `columns`. */
function resultAt(profile: Profile, columns: LevelColumns, row: number): SectionResult {
  const amounts = [0, 0, 0, 0, 0, 0, 0];
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

export { buildSections, countyTable, type CountyTable } from "./columns";
export type { IndicatorStatus, Shortfall, SectionResult } from "./sectionResult";
export { additionalAmount, evaluateSection, indicatorStatus, sectionPasses } from "./sectionResult";
