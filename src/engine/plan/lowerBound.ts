import { FACILITY_INDICATORS, TEACHER_INDICATORS } from "../../standard/indicators";
import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { leastAddition, type PlanModel } from "./model";
import { meetCoefficient } from "./meet";
import {
  coefficientState,
  hasSpread,
  unitsOf,
  type Coefficient,
  type CoefficientPrice,
  type Member,
} from "./coefficients";
import type { PlanAdditions } from "./additions";
import { sectionOptions } from "./perSchool";

/*
 * A proven lower bound on the least cost of a plan that makes every section pass and every coefficient meet its
 * limit, so that a plan can say how far from the optimum it may be.
 *
 * Two kinds of valid inequalities stand for each coefficient's limit CV ≤ L (docs/standard.md#coefficient):
 * - a tangent cut: g(X) = S(X) − L·X̄(X) is convex and homogeneous of degree 1 in the values, so at any point X°
 *   g(X) ≥ ∇g(X°)·X, and every plan that meets the limit has Σⱼ ∂g/∂Xⱼ(X°)·Xⱼ ≤ 0, a linear inequality in the
 *   additions;
 * - a count: every plan gives each section at least what its most lenient pass needs (every indicator of a
 *   passing section is at least 85 % of its standard), and from there the fewest units that meet the limit are
 *   known exactly (`meetCoefficient`: whole units one at a time, amounts by water-filling), so the units reaching
 *   the level add up to at least that many.
 * Both are relaxed into the cost with multipliers (Lagrange). What is left separates by school: each school's
 * least reduced cost over its band choices (the pass rule, docs/standard.md#pass-rule, exactly as `planSchool` enumerates
 * it) with each variable at its pass need, or at its largest sensible value where its reduced cost is negative
 * (no plan costing more than the best plan known spends more than that on one resource). Any multipliers give a
 * lower bound; the best found is reported.
 */

/** A linear inequality Σ coefficient·y ≤ rhs over the plan's variables, relaxed into the cost with a multiplier. */
interface Relaxed {
  variables: Int32Array;
  coefficients: Float64Array;
  rhs: number;
  /** the size of a multiplier that makes sense for it, for the search */
  scale: number;
  multiplier: number;
}

function variableOf(model: PlanModel, m: Member): number {
  return m.teacher
    ? m.owner * TEACHER_INDICATORS.length + m.slot
    : model.sections.length * TEACHER_INDICATORS.length + m.owner * FACILITY_INDICATORS.length + m.slot;
}

/** The fewest units reaching the level's sections that meet the limit, from every section's most lenient need. */
function leastCount(model: PlanModel, c: Coefficient, limit: number): number {
  // each section as a member of its own with the units that reach it (a shared facility's share counts whole),
  // starting from the 85 % need
  const whole = c.integral && c.members.every((m) => m.reach === 1);
  const start = c.members.map((m) => {
    const s = m.section;
    const id = c.indicator;
    if (s.passes || !s.short.includes(id)) return 0;
    if (whole) return leastAddition(model, s, id, true, 1);
    return Math.max(0, s.needFloor[id] - s.base[id]);
  });
  const members: Member[] = c.members.map((m, j) => ({
    ...m,
    teacher: true,
    owner: j,
    slot: 0,
    reach: 1,
    perUnit: m.perUnit / (m.reach > 0 ? m.reach : 1),
  }));
  const virtual: Coefficient = { ...c, integral: whole, members, separate: true };
  const a: PlanAdditions = { teachers: start.map((x) => [x]), facilities: [], bands: [] };
  meetCoefficient(virtual, a, limit);
  let count = 0;
  for (const row of a.teachers) count += row[0];
  return count;
}

export interface BoundOptions {
  /** sweeps of the multiplier search */
  sweeps?: number;
  /** subgradient steps per round */
  iterations?: number;
}

/**
 * A lower bound on the least cost of a plan meeting every coefficient, from tangent cuts at `point` (a plan near
 * the optimum: the cuts are tightest there) and the counts. `upper` is the cost of a plan known to pass.
 */
export function lowerBound(
  model: PlanModel,
  coefficients: readonly Coefficient[],
  point: PlanAdditions,
  upper: number,
  prices: ReadonlyMap<Coefficient, CoefficientPrice>,
  options: BoundOptions = {},
): number {
  const teacherKinds = TEACHER_INDICATORS.length;
  const facilityKinds = FACILITY_INDICATORS.length;
  const offset = model.sections.length * teacherKinds;
  const nv = offset + model.schools.length * facilityKinds;
  const cost = new Float64Array(nv);
  const integral = new Uint8Array(nv);
  for (let j = 0; j < model.sections.length; j++) {
    TEACHER_INDICATORS.forEach((id, k) => {
      cost[j * teacherKinds + k] = model.costs[id];
      integral[j * teacherKinds + k] = model.profile.indicators[id].integral ? 1 : 0;
    });
  }
  for (let s = 0; s < model.schools.length; s++) {
    FACILITY_INDICATORS.forEach((id, m) => {
      cost[offset + s * facilityKinds + m] = model.costs[id];
      integral[offset + s * facilityKinds + m] = model.profile.indicators[id].integral ? 1 : 0;
    });
  }
  // the most of a variable any plan no dearer than `upper` can hold
  const most = new Float64Array(nv);
  for (let v = 0; v < nv; v++) {
    most[v] = cost[v] > 0 ? (integral[v] ? Math.floor(upper / cost[v] + 1e-9) : upper / cost[v]) : Infinity;
  }

  const relaxed: Relaxed[] = [];
  coefficients.forEach((c) => {
    const limit = c.limit * (1 + RELATIVE_TOLERANCE);
    const variables = Int32Array.from(c.members, (m) => variableOf(model, m));
    // the tangent cut at the point: Σ ∂g/∂Xⱼ·Xⱼ ≤ 0, that is Σ w·δ·y ≤ −Σ w·X₀
    const state = coefficientState(c, point);
    if (hasSpread(state) && state.mean > 0) {
      const P = c.members.reduce((sum, m) => sum + m.students, 0);
      const cut = new Float64Array(c.members.length);
      let rhs = 0;
      c.members.forEach((m, j) => {
        const x = m.value0 + m.perUnit * unitsOf(point, m);
        const w = (m.students / P) * ((x - state.mean) / state.sd - limit);
        cut[j] = w * m.perUnit;
        rhs -= w * m.value0;
      });
      const price = prices.get(c)?.price ?? 0;
      relaxed.push({
        variables,
        coefficients: cut,
        rhs,
        scale: price > 0 ? price : model.costs[c.indicator],
        multiplier: price,
      });
    }
    // the count, as −Σ reach·y ≤ −K
    relaxed.push({
      variables,
      coefficients: Float64Array.from(c.members, (m) => -m.reach),
      rhs: -leastCount(model, c, limit),
      scale: model.costs[c.indicator],
      multiplier: 0,
    });
  });

  // each school's variables and the pass needs of each combination of its sections' band choices, one row each
  const schools = model.schools.map((school) => {
    const vars: number[] = [];
    for (const s of school.sections)
      for (let k = 0; k < teacherKinds; k++) vars.push(s.index * teacherKinds + k);
    for (let m = 0; m < facilityKinds; m++) vars.push(offset + school.index * facilityKinds + m);
    const facilityAt = school.sections.length * teacherKinds;
    let rows: number[][] = [new Array(vars.length).fill(0)];
    school.sections.forEach((s, i) => {
      const options = s.passes ? [] : sectionOptions(model, s);
      if (options.length === 0) return;
      rows = rows.flatMap((row) =>
        options.map((option) => {
          const r = row.slice();
          option.teachers.forEach((x, k) => (r[i * teacherKinds + k] = x));
          option.facilities.forEach((x, m) => (r[facilityAt + m] = Math.max(r[facilityAt + m], x)));
          return r;
        }),
      );
    });
    return { vars: Int32Array.from(vars), rows: rows.map((r) => Float64Array.from(r)) };
  });

  const reduced = new Float64Array(nv);
  /** the additions that attain the bound, flat by variable */
  const y = new Float64Array(nv);
  /** the Lagrangian bound at the current multipliers; leaves its minimizer in `y` */
  const bound = (): number => {
    reduced.set(cost);
    let constant = 0;
    for (const r of relaxed) {
      const l = r.multiplier;
      if (!(l > 0)) continue;
      const { variables, coefficients: a } = r;
      for (let j = 0; j < variables.length; j++) reduced[variables[j]] += l * a[j];
      constant -= l * r.rhs;
    }
    let total = constant;
    for (const { vars, rows } of schools) {
      let best = Infinity;
      let chosen = rows[0];
      for (const row of rows) {
        let sum = 0;
        for (let i = 0; i < vars.length; i++) {
          const v = vars[i];
          const rc = reduced[v];
          sum += rc >= 0 ? rc * row[i] : rc * Math.max(row[i], most[v]);
        }
        if (sum < best) {
          best = sum;
          chosen = row;
        }
      }
      total += best;
      for (let i = 0; i < vars.length; i++) {
        const v = vars[i];
        y[v] = reduced[v] >= 0 ? chosen[i] : Math.max(chosen[i], most[v]);
      }
    }
    return Number.isFinite(total) ? total : -Infinity;
  };

  /**
   * The multipliers by projected subgradient ascent (Polyak's step toward the best plan's cost, each multiplier
   * scaled by its natural size); the best bound seen is kept.
   */
  let best = bound();
  let bestMultipliers = relaxed.map((r) => r.multiplier);
  const ascend = (iterations: number) => {
    let theta = 1;
    let stall = 0;
    let value = bound();
    for (let it = 0; it < iterations; it++) {
      if (value > best) {
        if (value - best > Math.abs(best) * 1e-9) stall = 0;
        best = value;
        bestMultipliers = relaxed.map((r) => r.multiplier);
      } else if (++stall >= 15) {
        theta /= 2;
        stall = 0;
        if (theta < 1e-6) break;
      }
      const g = relaxed.map((r) => {
        let lhs = 0;
        for (let j = 0; j < r.variables.length; j++) lhs += r.coefficients[j] * y[r.variables[j]];
        const sub = lhs - r.rhs;
        return r.multiplier <= 0 && sub < 0 ? 0 : sub;
      });
      let norm = 0;
      relaxed.forEach((r, k) => (norm += (r.scale * g[k]) ** 2));
      if (!(norm > 0)) break;
      const gap = Math.max(upper - value, Math.abs(upper) * 1e-6);
      const step = (theta * gap) / norm;
      relaxed.forEach((r, k) => (r.multiplier = Math.max(0, r.multiplier + step * r.scale * r.scale * g[k])));
      value = bound();
    }
    relaxed.forEach((r, k) => (r.multiplier = bestMultipliers[k] ?? 0));
  };

  ascend(options.iterations ?? 200);
  // then each multiplier on its own: the bound is concave along each, so a bracket and golden sections find its
  // best value there
  for (let sweep = 0; sweep < (options.sweeps ?? 2); sweep++) {
    const before = best;
    for (const r of relaxed) {
      const at = r.multiplier;
      const step = at > 0 ? at : r.scale;
      const probe = (x: number) => {
        r.multiplier = Math.max(0, x);
        return bound();
      };
      let bestX = at;
      const consider = (x: number) => {
        const value = probe(x);
        if (value > best) {
          best = value;
          bestX = x;
        }
        return value;
      };
      for (const f of [0, 0.5, 0.9, 1.1, 1.5, 2]) consider(at === 0 ? f * step : at * f);
      let lo = Math.max(0, bestX - Math.max(bestX, step) * 0.5);
      let hi = bestX + Math.max(bestX, step) * 0.5;
      const phi = (Math.sqrt(5) - 1) / 2;
      for (let i = 0; i < 12; i++) {
        const x1 = hi - phi * (hi - lo);
        const x2 = lo + phi * (hi - lo);
        if (consider(x1) < consider(x2)) lo = x1;
        else hi = x2;
      }
      r.multiplier = bestX;
    }
    if (best - before <= Math.abs(best) * 1e-7) break;
  }
  return best;
}
