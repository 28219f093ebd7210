/**
 * Year-over-year monitoring of one county (动态监测, docs/standard.md#league-plan): two or more years' evaluations,
 * oldest first → the schools opened, closed, renamed or merged; per section the indicators whose status changed;
 * per level each difference coefficient's course and whether it crossed its limit; enrolment; and, where the years
 * are known, a linear projection of each coefficient to the target year. Pure functions over evaluations: every
 * status and verdict compared is the engine's own; nothing is judged again here except the projection, which
 * holds its projected value to the limit with the one tolerance (src/standard/comparison.ts).
 */
import { z } from "zod";
import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "../standard/indicators";
import { atMost } from "../standard/comparison";
import { nameKey, spelledOtherwise, withoutControls } from "./names";
import type { Evaluation, IndicatorStatus, SectionResult } from "./evaluate";

/** One year of the county: its label (the year when known) and its evaluation. */
export interface TrendYear {
  /** the calendar year of the data; null when not known (the files' order is then all there is) */
  year: number | null;
  /** how the year is shown: "2025", or the file's name when the year is not known */
  label: string;
  evaluation: Evaluation;
}

/**
 * A rename map: { "旧名": "新名" }. Between two consecutive years it renames a school of the earlier year that the
 * later year no longer has, to the name it has there (`renameResolver`).
 */
export const renameMapSchema = z.record(z.string().trim().min(1), z.string().trim().min(1));
export type RenameMap = z.infer<typeof renameMapSchema>;

/** A name of a rename map from which `renamesWithoutControls` removed controls: the old name's, or its new name. */
export interface RenameControls {
  /** the old name the entry is given under, without controls */
  old: string;
  which: "old" | "new";
  /** the name left */
  name: string;
  /** the controls removed, as code points */
  removed: string[];
}

/**
 * A rename map as typed, with its names without controls (`withoutControls`, docs/school-table.md#names), as names
 * read from a workbook are, and each name that held some, for the warning `name-controls-removed`. An entry left
 * with no old or no new name is dropped.
 */
export function renamesWithoutControls(renames: RenameMap): {
  renames: RenameMap;
  removed: RenameControls[];
} {
  const out: RenameMap = {};
  const removed: RenameControls[] = [];
  for (const [from, to] of Object.entries(renames)) {
    const [old, now] = [withoutControls(from), withoutControls(to)];
    if (old.removed.length > 0)
      removed.push({ old: old.name, which: "old", name: old.name, removed: old.removed });
    if (now.removed.length > 0)
      removed.push({ old: old.name, which: "new", name: now.name, removed: now.removed });
    if (old.name !== "" && now.name !== "") out[old.name] = now.name;
  }
  return { renames: out, removed };
}

/**
 * The old names of a rename map as typed that are one school's name (`nameKey`: spaces, full-width forms and
 * controls aside) and are given different new names. The map keeps one of them, and which is no clerk's choice:
 * each such pair is refused, both named.
 */
export function renameConflicts(
  typed: Readonly<Record<string, unknown>>,
): { old: [string, string]; now: [string, string] }[] {
  const seen = new Map<string, [string, string]>();
  const out: { old: [string, string]; now: [string, string] }[] = [];
  for (const [from, to] of Object.entries(typed)) {
    if (typeof to !== "string") continue;
    const earlier = seen.get(nameKey(from));
    if (earlier === undefined) seen.set(nameKey(from), [from, to]);
    else if (nameKey(earlier[1]) !== nameKey(to))
      out.push({ old: [earlier[0], from], now: [earlier[1], to] });
  }
  return out;
}

/** A section's verdict: it passes, fails, or is not part of the evaluation (excluded). */
export type SectionVerdict = "pass" | "fail" | "excluded";

export interface StatusChange {
  indicator: IndicatorId;
  before: number | null;
  after: number | null;
  statusBefore: IndicatorStatus | null;
  statusAfter: IndicatorStatus | null;
  /**
   * the status got worse (met → floor or unmet, floor → unmet) in a section that takes part in the evaluation in
   * both years: a section excluded in either (docs/standard.md#scope) counts for nothing in the county's verdict
   */
  regression: boolean;
  /**
   * which way the status moved (unmet → floor → met is better), in any section, taking part or not; null when a
   * year has no status (the indicator has no figure there)
   */
  direction: "better" | "worse" | null;
}

export interface SectionChange {
  school: string;
  level: Level;
  yearBefore: string;
  yearAfter: string;
  before: SectionVerdict;
  after: SectionVerdict;
  studentsBefore: number;
  studentsAfter: number;
  /** the indicators whose status changed, regressions first */
  changes: StatusChange[];
}

export interface CoefficientTrend {
  level: Level;
  indicator: IndicatorId;
  /** one per year, null where the coefficient is undefined */
  values: (number | null)[];
  pass: boolean[];
  limit: number;
  /** over the whole span (first year → last): up = was within the limit, now over it; down = back within */
  crossed: "up" | "down" | null;
  /** last − first; null when either is undefined */
  change: number | null;
}

export type Regression =
  | {
      kind: "section";
      school: string;
      level: Level;
      yearBefore: string;
      yearAfter: string;
      before: "pass";
      after: "fail";
    }
  | {
      kind: "indicator";
      school: string;
      level: Level;
      indicator: IndicatorId;
      yearBefore: string;
      yearAfter: string;
      before: number | null;
      after: number | null;
      statusBefore: IndicatorStatus;
      statusAfter: IndicatorStatus;
    }
  | {
      kind: "coefficient";
      level: Level;
      indicator: IndicatorId;
      yearBefore: string;
      yearAfter: string;
      before: number | null;
      after: number | null;
      limit: number;
    };

export interface ProjectedCoefficient {
  level: Level;
  indicator: IndicatorId;
  /** the straight line's value in the target year, never below 0; null with fewer than two defined values */
  value: number | null;
  limit: number;
  pass: boolean | null;
}

/** A straight-line extrapolation of the coefficients: a projection, not an evaluation. */
export interface Projection {
  kind: "projection";
  method: "linear";
  targetYear: number;
  fromYears: number[];
  coefficients: ProjectedCoefficient[];
}

export interface Trend {
  years: string[];
  schools: {
    added: { school: string; year: string }[];
    removed: { school: string; year: string }[];
    /** a school of the earlier year found under its new name in `year` */
    renamed: { from: string; to: string; year: string }[];
    /**
     * a school of the earlier year whose name `year` spells otherwise: the same name by `nameKey` (a space, an
     * invisible character, a full-width character more or less, docs/school-table.md#names), matched as one school
     */
    respelled: { from: string; to: string; year: string }[];
    merged: { school: string; from: string[]; year: string }[];
  };
  sections: SectionChange[];
  coefficients: CoefficientTrend[];
  enrolment: { level: Level; values: number[]; change: number }[];
  regressions: Regression[];
  /**
   * Consecutive years whose tables hold the same schools with the same figures, section by section: nothing can
   * have changed between them, so one year's table was most likely given twice or not yet updated.
   */
  unchanged: { yearBefore: string; yearAfter: string }[];
  /**
   * Consecutive years, both with schools, that have no school in common once the rename map is applied: most
   * likely the tables of two different counties.
   */
  noSchoolInCommon: { yearBefore: string; yearAfter: string }[];
  /** null when the years are not known, fewer than two, or the target year is not after the last */
  projection: Projection | null;
}

const STATUS_RANK: Record<IndicatorStatus, number> = { met: 2, floor: 1, unmet: 0 };

/**
 * The name a school goes by once the rename map is applied, following chains (A → B → C) but not cycles. With the
 * names of the later of two years (`later`, by `nameKey`), a school is renamed only into that year: one the later
 * year still has keeps its name, the chain stops at the first name the later year has, and a school whose names
 * the later year has none of keeps its own (it closed, or the map speaks of another year). Over three years a map
 * that merges two schools in the last one leaves them two schools in the years before.
 */
export function renameResolver(renames: RenameMap, later?: ReadonlySet<string>): (name: string) => string {
  const map = new Map(Object.entries(renames).map(([from, to]) => [nameKey(from), to]));
  return (name) => {
    let current = name;
    const seen = new Set<string>();
    for (;;) {
      const key = nameKey(current);
      if (later?.has(key)) return current;
      const next = map.get(key);
      if (next === undefined || seen.has(key)) return later ? name : current;
      seen.add(key);
      current = next;
    }
  };
}

function verdictOf(s: SectionResult): SectionVerdict {
  return s.included ? (s.pass ? "pass" : "fail") : "excluded";
}

interface YearIndex {
  /** sections by canonical school name + level; a merged school (several names, one canonical) is left out */
  sections: Map<string, SectionResult>;
  /** canonical name → the original names of that year */
  originals: Map<string, Set<string>>;
}

function indexYear(evaluation: Evaluation, canonical: (name: string) => string): YearIndex {
  const originals = new Map<string, Set<string>>();
  for (const s of evaluation.sections) {
    const key = nameKey(canonical(s.school));
    const names = originals.get(key) ?? new Set<string>();
    names.add(s.school);
    originals.set(key, names);
  }
  const sections = new Map<string, SectionResult>();
  for (const s of evaluation.sections) {
    const key = nameKey(canonical(s.school));
    if ((originals.get(key)?.size ?? 0) > 1) continue;
    const sectionKey = `${key}\u0000${s.level}`;
    if (!sections.has(sectionKey)) sections.set(sectionKey, s);
  }
  return { sections, originals };
}

/** Whether a section has the same pupils, the same figures and the same exclusion in two years. */
function sameFigures(before: SectionResult, after: SectionResult): boolean {
  return (
    before.students === after.students &&
    before.exclusion === after.exclusion &&
    INDICATOR_IDS.every((id) => before.amounts[id] === after.amounts[id])
  );
}

/**
 * Whether two years' tables hold the same sections, school by school as named in each (renames aside: a table given
 * twice names its schools the same), each with the same figures.
 */
function sameTables(a: Evaluation, b: Evaluation): boolean {
  if (a.sections.length !== b.sections.length) return false;
  const key = (s: SectionResult) => `${nameKey(s.school)}\u0000${s.level}`;
  const earlier = new Map<string, SectionResult[]>();
  for (const s of a.sections) {
    const named = earlier.get(key(s));
    if (named) named.push(s);
    else earlier.set(key(s), [s]);
  }
  for (const s of b.sections) {
    // a name given to several schools is matched in its order in the table
    const before = earlier.get(key(s))?.shift();
    if (!before || !sameFigures(before, s)) return false;
  }
  return true;
}

/** Whether two years, both with schools, share none (by name, the rename map applied: `YearIndex.originals`). */
function noneInCommon(a: YearIndex, b: YearIndex): boolean {
  if (a.originals.size === 0 || b.originals.size === 0) return false;
  for (const key of b.originals.keys()) if (a.originals.has(key)) return false;
  return true;
}

function compareSections(
  before: SectionResult,
  after: SectionResult,
  yearBefore: string,
  yearAfter: string,
): SectionChange | null {
  const changes: StatusChange[] = [];
  const judgedBoth = before.included && after.included;
  for (const indicator of INDICATOR_IDS) {
    const statusBefore = before.status[indicator];
    const statusAfter = after.status[indicator];
    if (statusBefore === statusAfter) continue;
    const direction =
      statusBefore === null || statusAfter === null
        ? null
        : STATUS_RANK[statusAfter] > STATUS_RANK[statusBefore]
          ? "better"
          : "worse";
    changes.push({
      indicator,
      before: before.values[indicator],
      after: after.values[indicator],
      statusBefore,
      statusAfter,
      regression: judgedBoth && direction === "worse",
      direction,
    });
  }
  const verdictBefore = verdictOf(before);
  const verdictAfter = verdictOf(after);
  if (changes.length === 0 && verdictBefore === verdictAfter) return null;
  const worse = (c: StatusChange) =>
    c.regression ? STATUS_RANK[c.statusBefore!] - STATUS_RANK[c.statusAfter!] : 0;
  changes.sort((a, b) => Number(b.regression) - Number(a.regression) || worse(b) - worse(a));
  return {
    school: after.school,
    level: after.level,
    yearBefore,
    yearAfter,
    before: verdictBefore,
    after: verdictAfter,
    studentsBefore: before.students,
    studentsAfter: after.students,
    changes,
  };
}

/** Least-squares straight line through (year, value) points, evaluated at `at`; null with fewer than two years. */
export function linearProjection(
  points: readonly { year: number; value: number }[],
  at: number,
): number | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanX) ** 2;
    sxy += (p.year - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return null;
  return meanY + (sxy / sxx) * (at - meanX);
}

function projectCoefficients(
  years: readonly TrendYear[],
  coefficients: readonly CoefficientTrend[],
  targetYear: number | null,
): Projection | null {
  const known = years.map((y) => y.year);
  if (targetYear === null || known.some((y) => y === null) || years.length < 2) return null;
  const fromYears = known as number[];
  if (targetYear <= Math.max(...fromYears)) return null;
  return {
    kind: "projection",
    method: "linear",
    targetYear,
    fromYears,
    coefficients: coefficients.map((c) => {
      const points = c.values.flatMap((value, i) => (value === null ? [] : [{ year: fromYears[i], value }]));
      const line = linearProjection(points, targetYear);
      // a coefficient of variation is never negative: a line that falls below 0 is read as 0
      const value = line === null ? null : Math.max(0, line);
      return {
        level: c.level,
        indicator: c.indicator,
        value,
        limit: c.limit,
        pass: value === null ? null : atMost(value, c.limit),
      };
    }),
  };
}

/**
 * Compares two or more years of one county, oldest first. Schools of consecutive years are matched by name (spaces
 * and full-width forms ignored), the earlier year's renamed into the later's by the rename map
 * (`renameResolver`); several names that map to one school are a merger and their sections are not compared one
 * to one. Sections, renames, mergers and regressions are listed for each pair of consecutive years.
 */
export function compareYears(
  years: readonly TrendYear[],
  options: { renames?: RenameMap; targetYear?: number | null } = {},
): Trend {
  const renames = options.renames ?? {};
  const labels = years.map((y) => y.label);
  // each year under its own names, as the later year of a pair
  const asItself = years.map((y) => indexYear(y.evaluation, (name) => name));
  const schools: Trend["schools"] = { added: [], removed: [], renamed: [], respelled: [], merged: [] };
  const sections: SectionChange[] = [];
  const regressions: Regression[] = [];
  const unchanged: Trend["unchanged"] = [];
  const noSchoolInCommon: Trend["noSchoolInCommon"] = [];

  for (let i = 1; i < years.length; i++) {
    const b = asItself[i];
    // the earlier year under the names its schools go by in the later one
    const a = indexYear(years[i - 1].evaluation, renameResolver(renames, new Set(b.originals.keys())));
    const [yearBefore, yearAfter] = [labels[i - 1], labels[i]];
    if (sameTables(years[i - 1].evaluation, years[i].evaluation)) unchanged.push({ yearBefore, yearAfter });
    if (noneInCommon(a, b)) noSchoolInCommon.push({ yearBefore, yearAfter });
    for (const [key, names] of b.originals) {
      const earlier = a.originals.get(key);
      if (!earlier) schools.added.push({ school: [...names][0], year: yearAfter });
      else if (earlier.size > 1)
        schools.merged.push({ school: [...names][0], from: [...earlier].sort(), year: yearAfter });
    }
    for (const [key, names] of a.originals) {
      const now = b.originals.get(key);
      if (!now) schools.removed.push({ school: [...names][0], year: yearAfter });
      else if (names.size === 1 && nameKey([...names][0]) !== key)
        schools.renamed.push({ from: [...names][0], to: [...now][0], year: yearAfter });
      else if (names.size === 1 && now.size === 1 && spelledOtherwise([...names][0], [...now][0]))
        schools.respelled.push({ from: [...names][0], to: [...now][0], year: yearAfter });
    }
    const pairChanges: SectionChange[] = [];
    for (const [key, after] of b.sections) {
      const before = a.sections.get(key);
      if (!before) continue;
      const change = compareSections(before, after, yearBefore, yearAfter);
      if (change) pairChanges.push(change);
    }
    const rank = (c: SectionChange) =>
      c.before === "pass" && c.after === "fail" ? 0 : c.changes.some((x) => x.regression) ? 1 : 2;
    pairChanges.sort((x, y) => rank(x) - rank(y));
    sections.push(...pairChanges);
    for (const level of LEVELS) {
      for (const indicator of INDICATOR_IDS) {
        const before = years[i - 1].evaluation.levels[level].balance[indicator];
        const after = years[i].evaluation.levels[level].balance[indicator];
        if (before.pass && !after.pass) {
          regressions.push({
            kind: "coefficient",
            level,
            indicator,
            yearBefore,
            yearAfter,
            before: before.cv,
            after: after.cv,
            limit: after.limit,
          });
        }
      }
    }
    for (const c of pairChanges) {
      if (c.before === "pass" && c.after === "fail") {
        regressions.push({
          kind: "section",
          school: c.school,
          level: c.level,
          yearBefore,
          yearAfter,
          before: "pass",
          after: "fail",
        });
      }
    }
    for (const c of pairChanges) {
      for (const x of c.changes) {
        if (!x.regression) continue;
        regressions.push({
          kind: "indicator",
          school: c.school,
          level: c.level,
          indicator: x.indicator,
          yearBefore,
          yearAfter,
          before: x.before,
          after: x.after,
          statusBefore: x.statusBefore!,
          statusAfter: x.statusAfter!,
        });
      }
    }
  }

  const first = years[0]?.evaluation;
  const last = years[years.length - 1]?.evaluation;
  const coefficients: CoefficientTrend[] = [];
  for (const level of LEVELS) {
    for (const indicator of INDICATOR_IDS) {
      const balances = years.map((y) => y.evaluation.levels[level].balance[indicator]);
      const a = first?.levels[level].balance[indicator];
      const b = last?.levels[level].balance[indicator];
      coefficients.push({
        level,
        indicator,
        values: balances.map((x) => x.cv),
        pass: balances.map((x) => x.pass),
        limit: b?.limit ?? a?.limit ?? 0,
        crossed: a && b ? (a.pass && !b.pass ? "up" : !a.pass && b.pass ? "down" : null) : null,
        change: a?.cv != null && b?.cv != null ? b.cv - a.cv : null,
      });
    }
  }
  const enrolment = LEVELS.map((level) => {
    const values = years.map((y) => y.evaluation.levels[level].students);
    return { level, values, change: values.length > 0 ? values[values.length - 1] - values[0] : 0 };
  });
  return {
    years: labels,
    schools,
    sections,
    coefficients,
    enrolment,
    regressions,
    unchanged,
    noSchoolInCommon,
    projection: projectCoefficients(years, coefficients, options.targetYear ?? null),
  };
}
