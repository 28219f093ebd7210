import type { Evaluation, SectionResult } from "../engine";
import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "../standard/indicators";

export interface WeakIndicator {
  level: Level;
  indicator: IndicatorId;
  cv: number | null;
  limit: number;
  /** CV relative to its limit (above 1: the indicator fails the balance rule); Infinity for an undefined CV */
  pressure: number;
  /** included sections of the level below the indicator's standard */
  sectionsShort: number;
}

/**
 * The indicators that most need attention, for the results card: highest CV relative to its limit
 * first, then most sections short of the standard. Only orders what the engine decided.
 */
export function weakestIndicators(evaluation: Evaluation, count = 3): WeakIndicator[] {
  const list: WeakIndicator[] = [];
  for (const level of LEVELS) {
    const result = evaluation.levels[level];
    if (result.sections === 0) continue;
    const sections = evaluation.sections.filter((s) => s.included && s.level === level);
    for (const indicator of INDICATOR_IDS) {
      const balance = result.balance[indicator];
      const sectionsShort = sections.filter(
        (s) => s.status[indicator] !== null && s.status[indicator] !== "met",
      ).length;
      const pressure = balance.cv === null ? Infinity : balance.cv / balance.limit;
      list.push({ level, indicator, cv: balance.cv, limit: balance.limit, pressure, sectionsShort });
    }
  }
  list.sort((a, b) => b.pressure - a.pressure || b.sectionsShort - a.sectionsShort);
  return list.slice(0, count);
}

/** Included sections that do not pass, most indicators short first, then in input order. */
export function failingSections(evaluation: Evaluation): SectionResult[] {
  const short = (s: SectionResult) =>
    INDICATOR_IDS.filter((id) => s.status[id] !== null && s.status[id] !== "met").length;
  return evaluation.sections
    .filter((s) => s.included && !s.pass)
    .map((s, i) => ({ s, i, n: short(s) }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.s);
}

/** The indicators of a section that are below their standard, in the standard's order. */
export function indicatorsShort(section: SectionResult): IndicatorId[] {
  return INDICATOR_IDS.filter((id) => section.status[id] !== null && section.status[id] !== "met");
}
