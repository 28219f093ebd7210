import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "../standard/indicators";
import { nearlyEqual } from "../standard/comparison";
import type { Evaluation, SectionResult } from "./evaluate";
import type { IndicatorStatus } from "./sectionResult";

/*
 * What a what-if scenario changed (scenario.ts `evaluateScenario`): the sections whose verdict changed, the
 * coefficients that crossed their limit, and every value that moved, read from two evaluations and never judged
 * again here.
 */

/** A section's verdict as a person reads it; "absent" when the school or section is not in that run. */
export type SectionVerdict = "pass" | "fail" | "excluded" | "absent";

export interface SectionChange {
  school: string;
  level: Level;
  before: SectionVerdict;
  after: SectionVerdict;
}

export interface CvCrossing {
  level: Level;
  indicator: IndicatorId;
  before: number | null;
  after: number | null;
  limit: number;
  /** true when the coefficient is now within its limit */
  passesAfter: boolean;
}

export interface ValueChange {
  school: string;
  level: Level;
  /** an indicator value, or the section's enrolment */
  field: IndicatorId | "students";
  before: number | null;
  after: number | null;
  /**
   * the indicator's status against its standard before and after, as the engine judged it (met, in the 85 % band,
   * unmet; docs/standard.md#indicators): a section can keep its verdict while one of its values slips below the
   * standard. Null for enrolment and where the section is absent.
   */
  statusBefore: IndicatorStatus | null;
  statusAfter: IndicatorStatus | null;
}

export interface ScenarioDiff {
  sectionsChanged: SectionChange[];
  cvCrossed: CvCrossing[];
  valuesChanged: ValueChange[];
  /** every coefficient that moved, crossed or not */
  cvChanged: { level: Level; indicator: IndicatorId; before: number | null; after: number | null }[];
}

export function sectionVerdict(s: SectionResult | undefined): SectionVerdict {
  if (!s) return "absent";
  if (!s.included) return "excluded";
  return s.pass ? "pass" : "fail";
}

const key = (school: string, l: Level) => `${school}\u0000${l}`;

/** The same figure in both runs, up to the engine's one tolerance (docs/standard.md#comparison). */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return nearlyEqual(a, b);
}

/** What changed between two evaluations: verdicts, coefficients that crossed their limit, every value. */
export function diffEvaluations(baseline: Evaluation, after: Evaluation): ScenarioDiff {
  const before = new Map(baseline.sections.map((s) => [key(s.school, s.level), s]));
  const now = new Map(after.sections.map((s) => [key(s.school, s.level), s]));
  const keys = [...before.keys(), ...[...now.keys()].filter((k) => !before.has(k))];
  const sectionsChanged: SectionChange[] = [];
  const valuesChanged: ValueChange[] = [];
  for (const k of keys) {
    const b = before.get(k);
    const a = now.get(k);
    const s = (a ?? b) as SectionResult;
    const vb = sectionVerdict(b);
    const va = sectionVerdict(a);
    if (vb !== va) sectionsChanged.push({ school: s.school, level: s.level, before: vb, after: va });
    const sb = b ? b.students : null;
    const sa = a ? a.students : null;
    if (!sameNumber(sb, sa))
      valuesChanged.push({
        school: s.school,
        level: s.level,
        field: "students",
        before: sb,
        after: sa,
        statusBefore: null,
        statusAfter: null,
      });
    for (const id of INDICATOR_IDS) {
      const x = b ? b.values[id] : null;
      const y = a ? a.values[id] : null;
      if (!sameNumber(x, y))
        valuesChanged.push({
          school: s.school,
          level: s.level,
          field: id,
          before: x,
          after: y,
          statusBefore: b ? b.status[id] : null,
          statusAfter: a ? a.status[id] : null,
        });
    }
  }
  const cvCrossed: CvCrossing[] = [];
  const cvChanged: ScenarioDiff["cvChanged"] = [];
  for (const l of LEVELS) {
    for (const id of INDICATOR_IDS) {
      const b = baseline.levels[l].balance[id];
      const a = after.levels[l].balance[id];
      if (!sameNumber(b.cv, a.cv)) cvChanged.push({ level: l, indicator: id, before: b.cv, after: a.cv });
      if (b.pass !== a.pass) {
        cvCrossed.push({
          level: l,
          indicator: id,
          before: b.cv,
          after: a.cv,
          limit: a.limit,
          passesAfter: a.pass,
        });
      }
    }
  }
  return { sectionsChanged, cvCrossed, valuesChanged, cvChanged };
}
