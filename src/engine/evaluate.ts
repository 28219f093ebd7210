import type { Profile } from "../standard/profile";
import { LEVELS, INDICATOR_IDS, indicatorRecord, type IndicatorId, type Level } from "../standard/indicators";
import type { SchoolRecord } from "./records";
import { perStudents } from "./sections";
import {
  NOT_EXCLUDED,
  columnsOf,
  readSections,
  rowOf,
  schoolsToRead,
  oneSectionColumns,
  readSectionAgain,
  rowsOf,
  sectionAt,
  type CountySections,
  type CountyTable,
  type SectionColumns,
  type SectionRows,
} from "./columns";
import {
  meanWith,
  spreadCoefficient,
  squaresWith,
  weightedSpread,
  type DifferenceCoefficient,
  type WeightedSpread,
} from "./coefficient";
import { atMost } from "../standard/comparison";
import {
  levelStandards,
  sectionResult,
  standardsByLevel,
  statusTally,
  tallyPasses,
  type LevelStandards,
  type SectionResult,
} from "./sectionResult";

/*
 * The county's resource-allocation verdict from its sections' columns (columns.ts `readSections`), a block of
 * sections at a time and, within a block, indicator by indicator: each indicator's values and their statuses
 * (docs/standard.md#indicators), counted per section for the pass rule (docs/standard.md#pass-rule), and the
 * indicator's difference coefficient gathered over the values (coefficient.ts); then the level verdicts. The
 * evaluation keeps which schools its sections are, their exclusions and which pass (`LevelColumns`); per-section
 * objects are made only when asked for (`sections`, `failingSections`, `sectionPage`), their figures read again
 * from their schools (columns.ts `readSectionAgain`): at a province's scale they would cost far more than the
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
export interface LevelColumns extends SectionRows {
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

/**
 * CV ≤ limit (docs/standard.md#balance); a level with no section passes; an undefined CV (X̄ = 0) does not
 * (docs/standard.md#coefficient).
 */
function balanceOf(dc: DifferenceCoefficient, limit: number): IndicatorBalance {
  const pass = dc.count === 0 ? true : dc.cv !== null && atMost(dc.cv, limit);
  return { countyRatio: dc.mean, standardDeviation: dc.standardDeviation, cv: dc.cv, limit, pass };
}

/** What the standard says of each section of a block, per indicator, before the pass rule. */
interface StatusCounts {
  /** the indicators that meet their standard and those below their floor, counted together (sectionResult.ts `statusTally`) */
  tally: Uint8Array;
  /**
   * each section's pull on every indicator's weighted mean (coefficient.ts `meanWith`): its enrolment over
   * the level's enrolment up to it; 0 for an excluded section, which takes no part (docs/standard.md#scope)
   */
  pull: Float64Array;
}

/**
 * One indicator over a block of a level's sections, in one pass: each section's value, its status against the
 * least values that meet the standard (`metFrom`) and reach the floor (`floorFrom`), tallied into `counts`
 * (sectionResult.ts `statusTally`), and its
 * part in the indicator's difference coefficient, weighted by its enrolment (coefficient.ts `meanWith`, `squaresWith`). An excluded
 * section takes no part in the coefficient (docs/standard.md#scope); its status is counted too, and never read.
 */
function judgeIndicator(
  amounts: Float64Array,
  scaleFactor: number,
  columns: SectionColumns,
  metFrom: number,
  floorFrom: number,
  counts: StatusCounts,
  spread: WeightedSpread,
): void {
  const { tally, pull } = counts;
  const { count, students } = columns;
  // the spread's sums in locals for the block, written back after it (coefficient.ts `meanWith`, `squaresWith`)
  let { runningMean, squares, weightedSum, totalWeight, count: entries } = spread;
  for (let row = 0; row < count; row++) {
    const value = perStudents(amounts[row], scaleFactor, students[row]);
    tally[row] += statusTally(value, metFrom, floorFrom);
    const sectionPull = pull[row];
    if (!(sectionPull > 0)) continue;
    const weight = students[row];
    squares = squaresWith(squares, totalWeight, runningMean, value, sectionPull);
    runningMean = meanWith(runningMean, value, sectionPull);
    weightedSum += weight * value;
    totalWeight += weight;
    entries++;
  }
  Object.assign(spread, { runningMean, squares, weightedSum, totalWeight, count: entries });
}

/**
 * A level being judged, block after block of its sections: each indicator's difference coefficient so far, the
 * sections that pass so far, and what is kept of every section.
 */
interface LevelJudgement {
  judged: LevelColumns;
  spreads: WeightedSpread[];
  passing: number;
  /** each indicator's scale, and the least values that meet its standard and reach its floor */
  standards: LevelStandards;
  /** the statuses of the block being judged */
  counts: StatusCounts;
  /** whether `judged` holds the record indices and exclusions of the level's columns (`levelJudgement`) */
  keepsRows: boolean;
}

/**
 * A level about to be judged, with room for `capacity` sections. Where its sections' columns hold the whole level
 * (`whole`, as `evaluateColumns` has them), the judgement keeps their record indices and exclusions as they are;
 * else it copies each block's into room of its own (`keepJudged`).
 */
function levelJudgement(
  level: Level,
  capacity: number,
  blockRows: number,
  schools: readonly (SchoolRecord | null)[],
  profile: Profile,
  whole?: SectionColumns,
): LevelJudgement {
  return {
    judged: {
      level,
      count: 0,
      recordIndex: whole?.recordIndex ?? new Int32Array(capacity),
      schools,
      exclusion: whole?.exclusion ?? new Uint8Array(capacity),
      pass: new Uint8Array(capacity),
    },
    keepsRows: whole !== undefined,
    spreads: INDICATOR_IDS.map(() => weightedSpread()),
    passing: 0,
    standards: levelStandards(profile, level),
    counts: {
      tally: new Uint8Array(blockRows),
      pull: new Float64Array(blockRows),
    },
  };
}

/**
 * A block of a level's sections, the `firstRow`-th onwards, judged indicator by indicator (`judgeIndicator`), then
 * the pass rule for each section (docs/standard.md#pass-rule); what is kept of each goes into `judged`. Each step is
 * a loop of its own: V8 optimizes the loops one by one as they run, rather than one large function twice.
 */
function judgeBlock(
  judgement: LevelJudgement,
  columns: SectionColumns,
  firstRow: number,
  profile: Profile,
): void {
  const { counts } = judgement;
  const { scaleFactors, metFrom, floorFrom } = judgement.standards;
  counts.tally.fill(0, 0, columns.count);
  // every indicator's spread holds the same weights: the level's enrolment so far
  pullsOf(counts, columns, judgement.spreads[0].totalWeight);
  for (let x = 0; x < judgement.spreads.length; x++)
    judgeIndicator(
      columns.amounts[x],
      scaleFactors[x],
      columns,
      metFrom[x],
      floorFrom[x],
      counts,
      judgement.spreads[x],
    );
  keepJudged(judgement, columns, firstRow, profile);
}

/**
 * Each section's pull on its level's weighted means (`StatusCounts.pull`), the level's included sections before
 * the block having `enrolment` pupils.
 */
function pullsOf(counts: StatusCounts, columns: SectionColumns, enrolment: number): void {
  const { count, exclusion, students } = columns;
  const { pull } = counts;
  for (let row = 0; row < count; row++) {
    const included = exclusion[row] === NOT_EXCLUDED && students[row] > 0;
    pull[row] = included ? students[row] / (enrolment + students[row]) : 0;
    if (included) enrolment += students[row];
  }
}

/** What is kept of a judged block (`LevelColumns`): its schools, their exclusions, and which pass. */
function keepJudged(
  judgement: LevelJudgement,
  columns: SectionColumns,
  firstRow: number,
  profile: Profile,
): void {
  const { judged } = judgement;
  const { count, exclusion, recordIndex } = columns;
  const { tally } = judgement.counts;
  judged.count = firstRow + count;
  if (!judgement.keepsRows) {
    judged.recordIndex.set(recordIndex.subarray(0, count), firstRow);
    judged.exclusion.set(exclusion.subarray(0, count), firstRow);
  }
  const { pass } = judged;
  let passing = 0;
  // without a branch, as `tallyPasses` is: which sections pass follows no pattern the processor could guess
  for (let row = 0; row < count; row++) {
    const passes = Number(exclusion[row] === NOT_EXCLUDED) & tallyPasses(profile, tally[row]);
    pass[firstRow + row] = passes;
    passing += passes;
  }
  judgement.passing += passing;
}

/** A level's verdict once all its sections are judged: the pass rule for every section and every CV within its limit. */
function levelResult(judgement: LevelJudgement, profile: Profile): LevelResult {
  const { judged, spreads, passing } = judgement;
  const limit = profile.cvLimit[judged.level];
  const coefficients = spreads.map(spreadCoefficient);
  const balances = coefficients.map((dc) => balanceOf(dc, limit));
  return {
    level: judged.level,
    // every indicator's coefficient is over the same included sections
    sections: coefficients[0].count,
    students: coefficients[0].totalWeight,
    passingSections: passing,
    balance: indicatorRecord(balances),
    pass: passing === coefficients[0].count && balances.every((b) => b.pass),
  };
}

/** The evaluation once both levels are judged. */
function evaluationOf(
  profile: Profile,
  judgements: Record<Level, LevelJudgement>,
  order: Int32Array,
): Evaluation {
  const levels: Record<Level, LevelResult> = {
    primary: levelResult(judgements.primary, profile),
    junior: levelResult(judgements.junior, profile),
  };
  const columns: EvaluationColumns = {
    profile,
    levels: { primary: judgements.primary.judged, junior: judgements.junior.judged },
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

/**
 * The county's resource-allocation verdict from its sections' columns, read under `table.profile` (`countyTable`).
 * The evaluation keeps the table's record indices and exclusions, not copies of them: its sections are read from the
 * table's arrays for as long as it is kept.
 */
export function evaluateColumns(table: CountyTable): Evaluation {
  const { profile } = table;
  const judgements = {} as Record<Level, LevelJudgement>;
  const blocks = {} as Record<Level, SectionColumns[]>;
  // every level's judgement and blocks are made before any is judged (see `blocksOf`)
  for (const level of LEVELS) {
    const columns = table.levels[level];
    const rows = Math.min(BLOCK_ROWS, columns.count);
    judgements[level] = levelJudgement(level, columns.count, rows, columns.schools, profile, columns);
    blocks[level] = blocksOf(columns);
  }
  for (const level of LEVELS)
    blocks[level].forEach((block, n) => judgeBlock(judgements[level], block, n * BLOCK_ROWS, profile));
  return evaluationOf(profile, judgements, table.order);
}

/**
 * A level's columns as blocks of `BLOCK_ROWS` rows, no larger than `evaluate`'s: each block's columns stay in cache
 * while it is judged. They are all made before judging starts, as `evaluate` makes its columns and both levels'
 * judgements first: V8 widens the types it records for an object's fields when a second object is made at the same
 * place in the code, and throws away the code it has optimized for the judging loops so far; made in the middle of
 * the judging, each block after the first would have V8 compile those loops again.
 */
function blocksOf(columns: SectionColumns): SectionColumns[] {
  const blocks: SectionColumns[] = [];
  for (let first = 0; first < columns.count; first += BLOCK_ROWS)
    blocks.push(rowsOf(columns, first, BLOCK_ROWS));
  return blocks;
}

/**
 * The most sections of a level judged per block: `evaluate` reads this many schools a block (`readSections`), which
 * have at most as many sections of each level. A block's columns, about 300 KB of both levels' figures, stay in the
 * processor's cache while each indicator is judged over them.
 */
const BLOCK_ROWS = 2048;

/** The county's resource-allocation verdict (docs/standard.md#parts, docs/standard.md#indicators, docs/standard.md#coefficient, docs/standard.md#scope). */
export function evaluate(records: readonly SchoolRecord[], profile: Profile): Evaluation {
  const schools = schoolsToRead(records, profile);
  // room for a section of each level in every school, and blocks of schools with no more sections than that
  const rows = Math.min(BLOCK_ROWS, schools.length);
  const judgements: Record<Level, LevelJudgement> = {
    primary: levelJudgement("primary", schools.length, rows, schools, profile),
    junior: levelJudgement("junior", schools.length, rows, schools, profile),
  };
  const reading = { schoolsPerBlock: rows, rows: { primary: rows, junior: rows } };
  const order = readSections(schools, profile, reading, (columns, firstRow) =>
    judgeBlock(judgements[columns.level], columns, firstRow, profile),
  );
  return evaluationOf(profile, judgements, order);
}

/**
 * Sections of an evaluation made into results, their figures read again from their schools' records
 * (columns.ts `readSectionAgain`) into one row per level, which the results made together share.
 */
function sectionResults(county: EvaluationColumns) {
  const { profile } = county;
  const again: Record<Level, SectionColumns> = {
    primary: oneSectionColumns("primary", county.levels.primary.schools),
    junior: oneSectionColumns("junior", county.levels.junior.schools),
  };
  const standards = standardsByLevel(profile);
  const amounts = [0, 0, 0, 0, 0, 0, 0];
  /** The result of the section in row `row` of `columns`. */
  return (columns: LevelColumns, row: number): SectionResult => {
    const into = again[columns.level];
    readSectionAgain(into, columns.recordIndex[row], profile);
    return sectionResult(profile, sectionAt(into, 0, amounts), amounts, standards[columns.level]);
  };
}

function sectionsBetween(county: EvaluationColumns, start: number, end: number): SectionResult[] {
  const resultAt = sectionResults(county);
  const results: SectionResult[] = [];
  for (let n = start; n < end; n++) results.push(resultAt(columnsOf(county, n), rowOf(county, n)));
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
  return Array.from(eachFailingSection(evaluation, level));
}

/**
 * The failing sections as `failingSections` lists them, each made as it is reached: a reader that uses one and
 * moves on (a line of text each) never holds them all, and each is garbage by the time the next is made.
 */
export function* eachFailingSection(evaluation: Evaluation, level?: Level): Generator<SectionResult> {
  const { order } = evaluation.columns;
  const resultAt = sectionResults(evaluation.columns);
  for (let n = 0; n < order.length; n++) {
    const columns = columnsOf(evaluation.columns, n);
    const row = rowOf(evaluation.columns, n);
    if (
      (level === undefined || columns.level === level) &&
      columns.exclusion[row] === 0 &&
      !columns.pass[row]
    )
      yield resultAt(columns, row);
  }
}

/** The sections left out of the evaluation (docs/standard.md#scope), whatever the reason, in the order of `sections`. */
export function excludedSections(evaluation: Evaluation): SectionResult[] {
  const { order } = evaluation.columns;
  const resultAt = sectionResults(evaluation.columns);
  const excluded: SectionResult[] = [];
  for (let n = 0; n < order.length; n++) {
    const columns = columnsOf(evaluation.columns, n);
    const row = rowOf(evaluation.columns, n);
    if (columns.exclusion[row] !== 0) excluded.push(resultAt(columns, row));
  }
  return excluded;
}

export {
  buildSections,
  countyTable,
  schoolSectionReader,
  sectionsOfSchool,
  type CountyTable,
  type SchoolSectionReader,
} from "./columns";
export type { IndicatorStatus, Shortfall, SectionResult } from "./sectionResult";
export {
  additionalAmount,
  evaluateSection,
  indicatorStatus,
  sectionPasses,
  standardsByLevel,
  type LevelStandards,
} from "./sectionResult";
