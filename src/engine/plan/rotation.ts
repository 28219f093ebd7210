import type { Profile } from "../../standard/profile";
import {
  INDICATOR_IDS,
  TEACHER_INDICATORS,
  type Level,
  type TeacherIndicatorId,
} from "../../standard/indicators";
import type { SchoolRecord } from "../records";
import { evaluate, type Evaluation } from "../evaluate";
import { evaluateScenario, type Edit } from "../scenario";
import { DEFAULT_UNIT_COSTS } from "./costs";
import { buildPlanModel, isTeacher, type PlanSection } from "./model";
import { solveLp } from "./highs";
import type { MilpBudget } from "./milp";

/** The rotation MILP's counted budget: whole moves of whole teachers, exact on every county tried. */
const ROTATION_BUDGET: Required<MilpBudget> = { nodes: 20000, iterations: 2000000 };

/** One rotation move (交流轮岗): `count` teachers of one kind from one section to another of the same level. */
export interface RotationMove {
  from: string;
  to: string;
  level: Level;
  resource: TeacherIndicatorId;
  count: number;
}

export interface RotationPlan {
  moves: RotationMove[];
  /** teachers moved in all */
  teachersMoved: number;
  passingBefore: number;
  passingAfter: number;
  /** sections that pass thanks to the rotation */
  nowPassing: { school: string; level: Level }[];
  /** HiGHS proved the plan optimal (most sections passing, then fewest teachers moved) */
  optimal: boolean;
  edits: Edit[];
  evaluation: Evaluation;
}

const sendVar = (j: number, k: number) => `s${j}_${k}`;
const receiveVar = (j: number, k: number) => `r${j}_${k}`;
const passVar = (j: number) => `p${j}`;
const bandVar = (j: number, i: number) => `b${j}_${i}`;

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(16);
}

function sum(terms: [number, string][]): string {
  return terms
    .filter(([c]) => c !== 0)
    .map(([c, v], i) => `${c < 0 ? "- " : i === 0 ? "" : "+ "}${num(Math.abs(c))} ${v}`)
    .join(" ");
}

/**
 * The rotation as a MILP: every section that passes now may send teachers, but must still pass afterwards (with
 * its own choice of the one indicator left in the 85 % band); a failing section may receive teachers, and passes
 * (p = 1) only when its seven indicators then meet the rule. Senders and receivers of one level and teacher kind
 * balance. The objective counts a passing section above any number of moves, so the optimum is lexicographic:
 * as many sections passing as possible, then as few teachers moved as possible.
 *
 * Teachers move only between sections of the same level: "above the required qualification" means 专科 for
 * primary and 本科 for junior (docs/standard.md#indicators), so a count does not carry across levels.
 */
export function buildRotationLp(
  sections: readonly PlanSection[],
  bandSize: number,
): { lp: string; weight: number } {
  const rows: string[] = [];
  const generals: string[] = [];
  const binaries: string[] = [];
  const objective: [number, string][] = [];
  const flows = new Map<string, [number, string][]>();
  let maxMoves = 0;
  for (const s of sections) {
    if (s.passes) continue;
    for (const id of TEACHER_INDICATORS) {
      if (s.short.includes(id)) maxMoves += Math.ceil(s.needStandard[id] - s.base[id]);
    }
  }
  const weight = maxMoves + 1;
  let r = 0;
  for (const s of sections) {
    const j = s.index;
    const bands: string[] = [];
    if (s.passes) {
      // a sender keeps passing: for each teacher kind and each indicator it is short of
      for (const id of INDICATOR_IDS) {
        const teacher = isTeacher(id);
        if (!teacher && !s.short.includes(id)) continue;
        const i = INDICATOR_IDS.indexOf(id);
        const gap = s.needStandard[id] - s.needFloor[id];
        const b = bandVar(j, i);
        bands.push(b);
        binaries.push(b);
        if (teacher) {
          const k = TEACHER_INDICATORS.indexOf(id);
          const v = sendVar(j, k);
          generals.push(v);
          objective.push([0, v]);
          const key = `${s.level}:${k}`;
          flows.set(key, [...(flows.get(key) ?? []), [1, v]]);
          // base − sent + gap·b ≥ need
          rows.push(
            ` r${r++}: ${sum([
              [-1, v],
              [gap, b],
            ])} >= ${num(s.needStandard[id] - s.base[id])}`,
          );
          rows.push(` r${r++}: ${v} <= ${num(s.base[id])}`);
        } else {
          rows.push(` r${r++}: ${sum([[gap, b]])} >= ${num(s.needStandard[id] - s.base[id])}`);
        }
      }
    } else {
      const p = passVar(j);
      binaries.push(p);
      objective.push([-weight, p]);
      for (const id of s.short) {
        const i = INDICATOR_IDS.indexOf(id);
        const gap = s.needStandard[id] - s.needFloor[id];
        const big = s.needStandard[id] - s.base[id];
        const b = bandVar(j, i);
        bands.push(b);
        binaries.push(b);
        if (isTeacher(id)) {
          const k = TEACHER_INDICATORS.indexOf(id);
          const v = receiveVar(j, k);
          generals.push(v);
          objective.push([1, v]);
          const key = `${s.level}:${k}`;
          flows.set(key, [...(flows.get(key) ?? []), [-1, v]]);
          // when p = 1: base + received + gap·b ≥ need; nothing is received by a section that stays failing
          rows.push(
            ` r${r++}: ${sum([
              [1, v],
              [gap, b],
              [-big, p],
            ])} >= 0`,
          );
          rows.push(
            ` r${r++}: ${sum([
              [1, v],
              [-Math.ceil(big), p],
            ])} <= 0`,
          );
        } else {
          rows.push(
            ` r${r++}: ${sum([
              [gap, b],
              [-big, p],
            ])} >= 0`,
          );
        }
      }
    }
    if (bands.length > bandSize)
      rows.push(` r${r++}: ${sum(bands.map((b) => [1, b] as [number, string]))} <= ${bandSize}`);
  }
  for (const [, terms] of flows) {
    if (terms.length > 0) rows.push(` r${r++}: ${sum(terms)} = 0`);
  }
  if (objective.length === 0) objective.push([0, "none"]);
  if (rows.length === 0) rows.push(` r0: ${objective[0][1]} >= 0`);
  const lp = [
    "Minimize",
    " moves: " + (sum(objective) || `0 ${objective[0][1]}`),
    "Subject To",
    ...rows,
    "Bounds",
    ...generals.map((g) => ` ${g} >= 0`),
  ];
  if (generals.length > 0) lp.push("Generals", ...generals.map((g) => " " + g));
  if (binaries.length > 0) lp.push("Binary", ...binaries.map((b) => " " + b));
  lp.push("End");
  return { lp: lp.join("\n"), weight };
}

/**
 * 交流轮岗: moves existing qualified, key and PE/art teachers from sections with a surplus to sections short of
 * the standard so that as many sections as possible pass without hiring, never making a sender fail, and among
 * the best, with the fewest teachers moved. The result is verified by the engine as a scenario of transfers.
 */
export async function planRotation(
  records: readonly SchoolRecord[],
  profile: Profile,
  options: { budget?: MilpBudget } = {},
): Promise<RotationPlan> {
  const model = buildPlanModel(records, profile, DEFAULT_UNIT_COSTS);
  const baseline = evaluate(records, profile);
  const passingBefore = baseline.sections.filter((s) => s.included && s.pass).length;
  const { lp } = buildRotationLp(model.sections, model.bandSize);
  const solution = await solveLp(lp, {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 0.5,
    // counted budgets, never a time: the same county gets the same rotation anywhere
    mip_max_nodes: options.budget?.nodes ?? ROTATION_BUDGET.nodes,
    simplex_iteration_limit: options.budget?.iterations ?? ROTATION_BUDGET.iterations,
  });
  const columns = (solution as { Columns?: Record<string, { Primal?: number }> }).Columns ?? {};
  const value = (name: string) => Math.round(columns[name]?.Primal ?? 0);

  // pair senders with receivers, per level and kind, largest first: few records for the moves found
  const moves: RotationMove[] = [];
  const levels = [...new Set(model.sections.map((s) => s.level))];
  for (const level of levels) {
    TEACHER_INDICATORS.forEach((resource, k) => {
      const senders = model.sections
        .filter((s) => s.level === level && s.passes)
        .map((s) => ({ s, left: value(sendVar(s.index, k)) }))
        .filter((x) => x.left > 0)
        .sort((a, b) => b.left - a.left);
      const receivers = model.sections
        .filter((s) => s.level === level && !s.passes && value(passVar(s.index)) === 1)
        .map((s) => ({ s, left: value(receiveVar(s.index, k)) }))
        .filter((x) => x.left > 0)
        .sort((a, b) => b.left - a.left);
      let i = 0;
      for (const rec of receivers) {
        while (rec.left > 0 && i < senders.length) {
          const count = Math.min(rec.left, senders[i].left);
          moves.push({ from: senders[i].s.name, to: rec.s.name, level, resource, count });
          rec.left -= count;
          senders[i].left -= count;
          if (senders[i].left === 0) i++;
        }
      }
    });
  }
  const edits: Edit[] = moves.map((m) => ({
    kind: "transferTeachers",
    from: m.from,
    to: m.to,
    fromLevel: m.level,
    toLevel: m.level,
    resource: m.resource,
    count: m.count,
  }));
  const evaluation = evaluateScenario(records, edits, profile, baseline).evaluation;
  const after = new Map(evaluation.sections.map((s) => [`${s.school}\u0000${s.level}`, s.pass]));
  const nowPassing = baseline.sections
    .filter((s) => s.included && !s.pass && after.get(`${s.school}\u0000${s.level}`))
    .map((s) => ({ school: s.school, level: s.level }));
  return {
    moves,
    teachersMoved: moves.reduce((n, m) => n + m.count, 0),
    passingBefore,
    passingAfter: evaluation.sections.filter((s) => s.included && s.pass).length,
    nowPassing,
    optimal: solution.Status === "Optimal",
    edits,
    evaluation,
  };
}
