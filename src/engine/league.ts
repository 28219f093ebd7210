/**
 * The league's view over its counties (docs/standard.md#league-plan): each county's standing from its own
 * evaluation and county verdict, the indicators the counties fail most, and the counties at risk of missing the
 * year the plan sets them. Pure functions over evaluations: no file, no clock (the year is passed in).
 */
import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "../standard/indicators";
import { countyChecklist } from "./county/checklist";
import { type CountyVerdict } from "./county/results";
import type { Evaluation } from "./evaluate";
import type { LeastCostPlan } from "./plan/leastCost";
import { nameKey } from "./names";
import { yearsLeft } from "./years";

/** What the league knows of one county: its file, its name and what evaluating it gave. */
export interface LeagueCountyInput {
  file: string;
  county: string;
  /** null when the file could not be read or errors in its school table blocked the verdict */
  evaluation: Evaluation | null;
  /** the full county verdict; null when the file could not be read */
  verdict: CountyVerdict | null;
  /** school records read (0 when the file could not be read) */
  schools: number;
  /** the year the plan sets for the county's recognition; null when the plan does not name it */
  targetYear: number | null;
  /** the least-cost plan's totals, when asked for */
  plan?: PlanTotals | null;
  /** the year the file's name gives, if any: of several files of one county, the latest is counted (`countedFiles`) */
  fileYear?: number | null;
  /**
   * the file's name marks it as a copy sent again to replace an earlier one (科右前旗(修改).xlsx,
   * src/sheet/countyName.ts `isRevisedCopy`): of several files of one county and one year, it is counted
   */
  revised?: boolean;
}

/** The least-cost plan's cost, split the way a budget is: teachers every year, buildings and equipment once. */
export interface PlanTotals {
  total: number;
  /** teachers: their unit costs are a year of pay (src/engine/plan/costs.ts), paid again every year */
  recurring: number;
  /** teaching and sports area, equipment and multimedia rooms: paid once */
  oneOff: number;
  passesAfter: boolean;
}

export interface LevelStanding {
  sections: number;
  passingSections: number;
  students: number;
  cv: Record<IndicatorId, number | null>;
  cvPass: Record<IndicatorId, boolean>;
  limit: number;
  pass: boolean;
}

/** Why a county is at risk of missing its target year (see `riskOf`). */
export type RiskReason = "due" | "tight";

export interface CountyStanding {
  file: string;
  county: string;
  /** the file was read and its table evaluated */
  ok: boolean;
  schools: number;
  levels: Record<Level, LevelStanding> | null;
  resourcesPass: boolean | null;
  countyPass: boolean | null;
  /** items of the county checklist (guarantee, quality, recognition, vetoes) that fail / lack data */
  failingItems: number | null;
  missingItems: number | null;
  /** included sections that do not pass, and coefficients over their limit, both levels together */
  failingSections: number | null;
  failingCoefficients: number | null;
  targetYear: number | null;
  /** target year − the year of the league view; null without a target year */
  yearsLeft: number | null;
  /**
   * null when it cannot be judged (no target year, or an unread file with years still left), and on a file the
   * league does not count (`counted` false: an earlier year, or another copy of the year): its county's risk is
   * the counted file's, never an old year's figures judged against this year
   */
  atRisk: boolean | null;
  risk: RiskReason | null;
  plan: PlanTotals | null;
  /**
   * the league's counts (the weakest indicators, the counties at risk) take this file for its county: false for
   * a county given in several files, but for the one `countedFiles` chooses
   */
  counted: boolean;
}

/** A county given in several files, and the one of them the league's counts take (`countedFiles`). */
export interface RepeatedCounty {
  county: string;
  files: string[];
  counted: string;
  /** parallel to `files`: the year each file's name or folder gives (`LeagueCountyInput.fileYear`), null where none */
  years: (number | null)[];
  /**
   * the other files of the counted file's year (both without a year alike): copies of one year, of which only
   * `counted` is in the league's counts and in the years' series (`countedFiles`); empty when each file is a year
   */
  sameYear: string[];
}

export interface IndicatorRanking {
  level: Level;
  indicator: IndicatorId;
  /** counties where the indicator fails at this level: its coefficient is over the limit or a section is short of the standard */
  countiesFailing: number;
  /** included sections below the indicator's standard (in the 85 % band or under it) */
  sectionsFailing: number;
  /** counties whose difference coefficient of the indicator is over the limit */
  countiesCoefficientFailing: number;
  /** included sections below 85 % of the standard */
  sectionsBelowFloor: number;
}

/** The least-cost plans of the league's counties added up, each county once (`countedFiles`). */
export interface LeaguePlanTotal {
  /** counties whose plan is in the sum: the counted file of each county that was planned */
  counties: number;
  total: number;
  recurring: number;
  oneOff: number;
  /** of those counties, the ones whose plan does not bring them to pass (a shortfall no addition closes) */
  stillFailing: number;
}

export interface LeagueSummary {
  /** the year the league is viewed in, as target years count (src/engine/years.ts `yearOfDay`) */
  year: number;
  counties: CountyStanding[];
  /** every level and indicator, the weakest first */
  indicators: IndicatorRanking[];
  /** the counties at risk, in the order of `counties`, each county once */
  atRisk: CountyStanding[];
  /** counties given in several files (the same file twice, or several years of one county) */
  repeated: RepeatedCounty[];
  /** the plans of the counted files added up; null when no counted file was planned */
  planTotal: LeaguePlanTotal | null;
}

/**
 * The threshold of the "tight" risk: with this many years left or fewer, a county that does not pass yet is at
 * risk when its resource allocation still has at least `failingCoefficients` difference coefficients over their
 * limit (they move only when resources shift across the whole county) or at least `failingSections` sections
 * that do not pass. A county whose target year has come (0 or fewer years left) and does not pass is "due".
 */
export const AT_RISK = { yearsLeft: 1, failingCoefficients: 1, failingSections: 5 } as const;

/** The plan's cost as recurring (teachers) and one-off (facilities) parts. */
export function planTotals(plan: LeastCostPlan): PlanTotals {
  return {
    total: plan.totalCost,
    recurring: plan.recurringCost,
    oneOff: plan.oneOffCost,
    passesAfter: plan.passesAfter,
  };
}

function levelStanding(evaluation: Evaluation, level: Level): LevelStanding {
  const l = evaluation.levels[level];
  const cv = {} as Record<IndicatorId, number | null>;
  const cvPass = {} as Record<IndicatorId, boolean>;
  for (const id of INDICATOR_IDS) {
    cv[id] = l.balance[id].cv;
    cvPass[id] = l.balance[id].pass;
  }
  return {
    sections: l.sections,
    passingSections: l.passingSections,
    students: l.students,
    cv,
    cvPass,
    limit: l.balance[INDICATOR_IDS[0]].limit,
    pass: l.pass,
  };
}

/** Whether a county is at risk of missing its target year, and why (`AT_RISK`). */
export function riskOf(
  county: Pick<CountyStanding, "countyPass" | "yearsLeft" | "failingCoefficients" | "failingSections">,
): { atRisk: boolean | null; risk: RiskReason | null } {
  if (county.yearsLeft === null) return { atRisk: null, risk: null };
  if (county.countyPass === true) return { atRisk: false, risk: null };
  if (county.yearsLeft <= 0) return { atRisk: true, risk: "due" };
  if (county.yearsLeft > AT_RISK.yearsLeft) return { atRisk: false, risk: null };
  if (county.failingCoefficients === null || county.failingSections === null)
    return { atRisk: null, risk: null };
  const tight =
    county.failingCoefficients >= AT_RISK.failingCoefficients ||
    county.failingSections >= AT_RISK.failingSections;
  return tight ? { atRisk: true, risk: "tight" } : { atRisk: false, risk: null };
}

/** One county's standing in the league, in `year`. */
export function countyStanding(input: LeagueCountyInput, year: number): CountyStanding {
  const { evaluation, verdict } = input;
  const levels = evaluation
    ? { primary: levelStanding(evaluation, "primary"), junior: levelStanding(evaluation, "junior") }
    : null;
  let failingSections: number | null = null;
  let failingCoefficients: number | null = null;
  if (evaluation) {
    // each level counts its included sections and those that pass: no section object needed
    failingSections = LEVELS.reduce(
      (n, level) => n + evaluation.levels[level].sections - evaluation.levels[level].passingSections,
      0,
    );
    failingCoefficients = 0;
    for (const level of LEVELS) {
      for (const id of INDICATOR_IDS) if (!evaluation.levels[level].balance[id].pass) failingCoefficients++;
    }
  }
  const checklist = verdict ? countyChecklist(verdict) : null;
  const left = input.targetYear === null ? null : yearsLeft(input.targetYear, year);
  const standing: CountyStanding = {
    file: input.file,
    county: input.county,
    ok: evaluation !== null,
    schools: input.schools,
    levels,
    resourcesPass: evaluation ? evaluation.resourcesPass : null,
    countyPass: verdict && evaluation ? verdict.countyPass : null,
    failingItems: checklist ? checklist.filter((e) => e.status === "fail").length : null,
    missingItems: checklist ? checklist.filter((e) => e.status === "missing").length : null,
    failingSections,
    failingCoefficients,
    targetYear: input.targetYear,
    yearsLeft: left,
    atRisk: null,
    risk: null,
    plan: input.plan ?? null,
    counted: true,
  };
  return { ...standing, ...riskOf(standing) };
}

/**
 * The league's weakest indicators: for each level and indicator, how many counties fail it and how many
 * sections are short of its standard; the most counties first, then the most sections, then the catalogue's
 * order. Counties whose table could not be evaluated are not counted.
 */
export function rankIndicators(evaluations: readonly (Evaluation | null)[]): IndicatorRanking[] {
  const rows: IndicatorRanking[] = [];
  for (const level of LEVELS) {
    for (const indicator of INDICATOR_IDS) {
      const row: IndicatorRanking = {
        level,
        indicator,
        countiesFailing: 0,
        sectionsFailing: 0,
        countiesCoefficientFailing: 0,
        sectionsBelowFloor: 0,
      };
      for (const evaluation of evaluations) {
        if (!evaluation) continue;
        let short = 0;
        for (const s of evaluation.sections) {
          if (!s.included || s.level !== level) continue;
          const status = s.status[indicator];
          if (status === "floor" || status === "unmet") short++;
          if (status === "unmet") row.sectionsBelowFloor++;
        }
        const coefficientFails = !evaluation.levels[level].balance[indicator].pass;
        row.sectionsFailing += short;
        if (coefficientFails) row.countiesCoefficientFailing++;
        if (coefficientFails || short > 0) row.countiesFailing++;
      }
      rows.push(row);
    }
  }
  const order = (r: IndicatorRanking) =>
    LEVELS.indexOf(r.level) * INDICATOR_IDS.length + INDICATOR_IDS.indexOf(r.indicator);
  return rows.sort(
    (a, b) =>
      b.countiesFailing - a.countiesFailing ||
      b.sectionsFailing - a.sectionsFailing ||
      b.countiesCoefficientFailing - a.countiesCoefficientFailing ||
      order(a) - order(b),
  );
}

/**
 * Which files the league's counts take: every county once. Of several files of one county (by name, spaces and
 * full-width forms aside) one that was evaluated before one that was not (a damaged copy beside the county's row
 * of a statistics export would otherwise take the county out of the counts), then the one whose name gives the
 * latest year (`fileYear`), then of one year a copy sent again to replace another (`revised`: 科右前旗(修改).xlsx
 * beside 科右前旗.xlsx, which a folder lists after it), else the last given, is counted; each file keeps its own
 * line all the same.
 */
export function countedFiles(counties: readonly LeagueCountyInput[]): boolean[] {
  const chosen = new Map<string, number>();
  const rank = (c: LeagueCountyInput) => [
    c.evaluation === null ? 0 : 1,
    c.fileYear ?? -Infinity,
    c.revised ? 1 : 0,
  ];
  // a rank not above another: the later given of two equal ranks is counted
  const notAbove = (a: number[], b: number[]) => {
    const differs = a.findIndex((x, i) => x !== b[i]);
    return differs < 0 || a[differs] < b[differs];
  };
  counties.forEach((c, i) => {
    const key = nameKey(c.county);
    const before = chosen.get(key);
    if (before === undefined || notAbove(rank(counties[before]), rank(c))) chosen.set(key, i);
  });
  return counties.map((c, i) => chosen.get(nameKey(c.county)) === i);
}

/**
 * The files of each county (by name, spaces and full-width forms aside, as `countedFiles` takes them): their indexes
 * in the order given, the counties in the order they first appear.
 */
export function filesByCounty(counties: readonly LeagueCountyInput[]): number[][] {
  const byCounty = new Map<string, number[]>();
  counties.forEach((c, i) => {
    const key = nameKey(c.county);
    const files = byCounty.get(key);
    if (files) files.push(i);
    else byCounty.set(key, [i]);
  });
  return [...byCounty.values()];
}

/**
 * The order a league's leadership reads its counties in: the counted line of each county first (one per county, in
 * the order given), then the other files — earlier years and copies not counted — grouped by county in the order of
 * the counted lines, each county's in the order given. Indexes into `counties`; every line once.
 */
export function countedFirst(counties: readonly Pick<CountyStanding, "county" | "counted">[]): {
  counted: number[];
  others: number[];
} {
  const counted = counties.flatMap((c, i) => (c.counted ? [i] : []));
  const rank = new Map(counted.map((i, k) => [nameKey(counties[i].county), k]));
  const others = counties
    .flatMap((c, i) => (c.counted ? [] : [i]))
    .sort(
      (a, b) =>
        (rank.get(nameKey(counties[a].county)) ?? counted.length) -
          (rank.get(nameKey(counties[b].county)) ?? counted.length) || a - b,
    );
  return { counted, others };
}

/** The counties given in several files, in the order they first appear, with the file counted for each. */
function repeatedCounties(
  counties: readonly LeagueCountyInput[],
  counted: readonly boolean[],
): RepeatedCounty[] {
  return filesByCounty(counties)
    .filter((indexes) => indexes.length > 1)
    .map((indexes) => {
      const at = indexes.find((i) => counted[i]) as number;
      const yearOf = (i: number) => counties[i].fileYear ?? null;
      return {
        county: counties[indexes[0]].county,
        files: indexes.map((i) => counties[i].file),
        counted: counties[at].file,
        years: indexes.map(yearOf),
        sameYear: indexes.filter((i) => i !== at && yearOf(i) === yearOf(at)).map((i) => counties[i].file),
      };
    });
}

/**
 * The league's view in `year` (src/engine/years.ts `yearOfDay`): counties in the order given, each file on its own
 * line; the weakest indicators and the counties at risk count each county once (`countedFiles`).
 */
export function leagueSummary(counties: readonly LeagueCountyInput[], year: number): LeagueSummary {
  const counted = countedFiles(counties);
  // a file another stands for is not judged: 2024's figures of 阿尔山市 are not "due" in 2026 when 2026's pass
  const standings = counties.map((c, i): CountyStanding => {
    const standing = countyStanding(c, year);
    return counted[i] ? standing : { ...standing, counted: false, atRisk: null, risk: null };
  });
  return {
    year,
    counties: standings,
    indicators: rankIndicators(counties.filter((_, i) => counted[i]).map((c) => c.evaluation)),
    atRisk: standings.filter((s) => s.counted && s.atRisk === true),
    repeated: repeatedCounties(counties, counted),
    planTotal: leaguePlanTotal(standings),
  };
}

/**
 * The counted files' plans added up: what the league's counties still need, each county once, never an earlier
 * year's plan nor a copy's beside its latest. Null when none of them was planned.
 */
function leaguePlanTotal(standings: readonly CountyStanding[]): LeaguePlanTotal | null {
  const plans = standings.flatMap((s) => (s.counted && s.plan ? [s.plan] : []));
  if (plans.length === 0) return null;
  const sum = (f: (p: PlanTotals) => number) => plans.reduce((n, p) => n + f(p), 0);
  return {
    counties: plans.length,
    total: sum((p) => p.total),
    recurring: sum((p) => p.recurring),
    oneOff: sum((p) => p.oneOff),
    stillFailing: plans.filter((p) => !p.passesAfter).length,
  };
}
