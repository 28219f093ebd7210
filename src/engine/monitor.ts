/**
 * The league watching its counties year by year (动态监测, docs/standard.md#league-plan): where one county is given
 * in files of several years (a year in the file's or its folder's name, `fileYear`), its standing in each year —
 * each the league's own `countyStanding` of that year's evaluation — and, from two evaluated years on, each
 * difference coefficient projected to the target year by the comparison's straight line (src/engine/trend.ts
 * `compareYears`). The course is a trend, not a verdict: it never changes the league's view of the latest year,
 * nor who is at risk (`AT_RISK`).
 */
import { INDICATOR_IDS, type IndicatorId, type Level } from "../standard/indicators";
import {
  countedFiles,
  filesByCounty,
  type CountyStanding,
  type LeagueCountyInput,
  type LevelStanding,
} from "./league";
import { compareYears, type ProjectedCoefficient, type Projection } from "./trend";

/** One year of a county: the file counted for that year and its standing, as the league's view gives it. */
export interface CountyYear {
  year: number;
  standing: CountyStanding;
}

/**
 * Whether a county is on course for its target year, on its trend: a projection, not an evaluation.
 * Off course when a coefficient's straight line is over its limit in the target year, or when sections still fail
 * in the latest year and their number did not fall from the evaluated year before.
 */
export interface CountyCourse {
  kind: "trend";
  /** null without a projection (fewer than two evaluated years, no target year, or the target year has come) */
  onCourse: boolean | null;
  /** coefficients whose projection is over the limit in the target year; null without a projection */
  projectedOverLimit: number | null;
  /** failing sections of the latest evaluated year; null when no year was evaluated */
  failingSections: number | null;
  /** failing sections of the latest evaluated year − those of the evaluated year before; null with fewer than two */
  failingSectionsChange: number | null;
  /**
   * the years `failingSectionsChange` compares: the latest evaluated year and the evaluated year before it, which
   * is not the calendar year before when a year's file is missing or could not be evaluated (2024 and 2026, no
   * 2025); null with fewer than two evaluated years
   */
  comparedYears: { before: number; latest: number } | null;
}

/** One county over the years its files give, oldest first. */
export interface CountyYears {
  county: string;
  /** the index, in the league's counties, of the file the latest view counts for the county (`countedFiles`) */
  counted: number;
  targetYear: number | null;
  years: CountyYear[];
  /** the coefficients of the evaluated years projected to the target year (`compareYears`); null when not made */
  projection: Projection | null;
  course: CountyCourse;
  /**
   * consecutive evaluated years whose tables are the same, school by school (`compareYears`' `unchanged`, the rule
   * `balance compare` warns by): one year's file most likely given again, or not yet updated
   */
  unchanged: UnchangedYears[];
}

/** Two consecutive years of a county whose files hold the same figures (`CountyYears.unchanged`). */
export interface UnchangedYears {
  yearBefore: number;
  yearAfter: number;
  fileBefore: string;
  fileAfter: string;
}

/**
 * Each county the league has in files of two or more years: its years, oldest first, each year once (of several
 * files of one year, the one `countedFiles` takes), with the projection and course of its evaluated years. A file
 * whose name and folder give no year has no place in the series; it keeps its line in the league's view. Counties
 * in the order they first appear.
 */
export function countiesByYear(
  inputs: readonly LeagueCountyInput[],
  standings: readonly CountyStanding[],
): CountyYears[] {
  const counted = countedFiles(inputs);
  const out: CountyYears[] = [];
  for (const group of filesByCounty(inputs)) {
    const byYear = new Map<number, number[]>();
    for (const i of group) {
      const year = inputs[i].fileYear;
      if (year === null || year === undefined) continue;
      byYear.set(year, [...(byYear.get(year) ?? []), i]);
    }
    if (byYear.size < 2) continue;
    const years = [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, indexes]) => {
        // one year given twice: the file the league would count of those alone
        const chosen = countedFiles(indexes.map((i) => inputs[i]));
        const index = indexes[chosen.indexOf(true)];
        return { year, index, standing: standings[index] };
      });
    const at = group.find((i) => counted[i]) as number;
    const targetYear = inputs[at].targetYear;
    const evaluated = years.flatMap(({ year, index, standing }) => {
      const evaluation = inputs[index].evaluation;
      return evaluation ? [{ year, label: String(year), evaluation, standing }] : [];
    });
    const trend = evaluated.length >= 2 ? compareYears(evaluated, { targetYear }) : null;
    const projection = trend?.projection ?? null;
    const ofLabel = (label: string) => evaluated.find((e) => e.label === label)!;
    const unchanged = (trend?.unchanged ?? []).map(({ yearBefore, yearAfter }) => {
      const [before, after] = [ofLabel(yearBefore), ofLabel(yearAfter)];
      return {
        yearBefore: before.year,
        yearAfter: after.year,
        fileBefore: before.standing.file,
        fileAfter: after.standing.file,
      };
    });
    const sectionsOf = (k: number) => evaluated[evaluated.length - k]?.standing.failingSections ?? null;
    const [latest, before] = [sectionsOf(1), sectionsOf(2)];
    const failingSectionsChange = before !== null && latest !== null ? latest - before : null;
    const projectedOverLimit = projection
      ? projection.coefficients.filter((c) => c.pass === false).length
      : null;
    const sectionsStuck = failingSectionsChange !== null && (latest ?? 0) > 0 && failingSectionsChange >= 0;
    out.push({
      county: inputs[at].county,
      counted: at,
      targetYear,
      years: years.map(({ year, standing }) => ({ year, standing })),
      projection,
      course: {
        kind: "trend",
        onCourse: projection === null ? null : projectedOverLimit === 0 && !sectionsStuck,
        projectedOverLimit,
        failingSections: latest,
        failingSectionsChange,
        comparedYears:
          evaluated.length >= 2
            ? { before: evaluated[evaluated.length - 2].year, latest: evaluated[evaluated.length - 1].year }
            : null,
      },
      unchanged,
    });
  }
  return out;
}

/**
 * A level's highest difference coefficient of a year, against the level's limit (one limit per level): the one
 * figure a line or a cell per year has room for. Null when no coefficient of the level is defined.
 */
export function worstCoefficient(
  level: LevelStanding,
): { indicator: IndicatorId; cv: number; limit: number; pass: boolean } | null {
  let worst: { indicator: IndicatorId; cv: number; limit: number; pass: boolean } | null = null;
  for (const id of INDICATOR_IDS) {
    const cv = level.cv[id];
    if (cv !== null && (worst === null || cv > worst.cv))
      worst = { indicator: id, cv, limit: level.limit, pass: level.cvPass[id] };
  }
  return worst;
}

/** Of a projection, a level's highest projected coefficient, as `worstCoefficient` gives a year's. */
export function worstProjected(projection: Projection, level: Level): ProjectedCoefficient | null {
  let worst: ProjectedCoefficient | null = null;
  for (const c of projection.coefficients) {
    if (c.level !== level || c.value === null) continue;
    if (worst === null || c.value > (worst.value as number)) worst = c;
  }
  return worst;
}
