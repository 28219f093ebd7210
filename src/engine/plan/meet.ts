import type { PlanAdditions } from "./additions";
import {
  coefficientState,
  gainOf,
  hasSpread,
  setUnits,
  stateOf,
  studentsOf,
  unitsOf,
  type Coefficient,
  type CoefficientPrice,
} from "./coefficients";
import { Heap } from "./heap";
import type { PlanModel } from "./model";

/*
 * Meeting the coefficients' limits with the fewest additions (the reasoning is in ./coefficients.ts).
 */

/**
 * Raises the additions of `a` (in place, never lowering one) with the fewest units that bring the coefficient to
 * `target` or below. Returns the level it was met at (amounts: every raisable section is at or above it; whole
 * units: no section's next unit would cross a midpoint below it), null when nothing had to be added, and `met`
 * false when even raising every section to the highest value cannot meet the target.
 */
export function meetCoefficient(
  c: Coefficient,
  a: PlanAdditions,
  target: number,
): { met: boolean; level: number | null } {
  const members = c.members;
  const n = members.length;
  const x = new Float64Array(n);
  let total = 0;
  let weighted = 0;
  let squares = 0;
  for (let j = 0; j < n; j++) {
    const m = members[j];
    x[j] = m.value0 + m.perUnit * unitsOf(a, m);
    total += m.students;
    weighted += m.students * x[j];
    squares += m.students * x[j] * x[j];
  }
  const within = (w: number, s: number) => {
    const st = stateOf(total, w, s);
    return st.cv !== null && st.cv <= target;
  };
  if (within(weighted, squares)) return { met: true, level: null };
  if (c.integral) {
    const heap = new Heap();
    for (let j = 0; j < n; j++) if (members[j].perUnit > 0) heap.push(j, x[j] + members[j].perUnit / 2);
    if (heap.size === 0) return { met: false, level: null };
    let met = false;
    // a generous bound on units: every section raised to the highest value, whole
    let guard = 0;
    let top = 0;
    for (let j = 0; j < n; j++) top = Math.max(top, x[j]);
    for (const m of members) if (m.perUnit > 0) guard += Math.ceil((top - m.value0) / m.perUnit) + 2;
    for (let step = 0; step < guard; step++) {
      const j = heap.pop();
      const m = members[j];
      const d = m.perUnit;
      weighted += m.students * d;
      squares += m.students * (2 * x[j] * d + d * d);
      x[j] += d;
      setUnits(a, m, unitsOf(a, m) + 1);
      heap.push(j, x[j] + d / 2);
      if (within(weighted, squares)) {
        met = true;
        break;
      }
    }
    return { met, level: heap.lastKey };
  }
  // water-filling: the least W such that raising every raisable section below W to W meets the target
  const cvAt = (w: number) => {
    let wx = 0;
    let sq = 0;
    for (let j = 0; j < n; j++) {
      const v = members[j].perUnit > 0 && x[j] < w ? w : x[j];
      wx += members[j].students * v;
      sq += members[j].students * v * v;
    }
    return within(wx, sq);
  };
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    lo = Math.min(lo, x[j]);
    hi = Math.max(hi, x[j]);
  }
  const met = cvAt(hi);
  if (met) {
    for (let i = 0; i < 200 && hi - lo > Math.abs(hi) * 1e-15; i++) {
      const mid = (lo + hi) / 2;
      if (cvAt(mid)) hi = mid;
      else lo = mid;
    }
  }
  for (let j = 0; j < n; j++) {
    const m = members[j];
    if (m.perUnit > 0 && x[j] < hi) setUnits(a, m, unitsOf(a, m) + (hi - x[j]) / m.perUnit);
  }
  return { met, level: hi };
}

/**
 * Meets the coefficients of a facility shared by combined schools, where the amounts need not be whole, as the
 * optimum does: with prices λ (per 元 of the facility) for the coefficients, each school's facility is raised to
 * where a unit is worth what it costs, Σ λ·(scale·reach/P)·(L − (X − X̄)/S) = 1, so that a combined school's
 * facility is raised less for a level it serves with a small share, and more where it serves both levels. Those
 * levels are found for the plan's own X̄ and S by alternating the two (block coordinate descent on the convex
 * form S = min over t of t/2 + S²/(2t)), and each price is the least that meets its coefficient (bisection; the
 * dual is concave, so the coefficient falls as its price rises). Returns the prices λ, or null (and `a` as it
 * was) when no prices meet the coefficients.
 */
function meetByPrices(group: readonly Coefficient[], a: PlanAdditions, margin: number): number[] | null {
  const G = group.length;
  const slot = group[0].members[0].slot;
  const position = new Map<number, number>();
  const owners: number[] = [];
  // the members of every coefficient of the group laid out flat: coefficient q's are [start[q], start[q + 1])
  const start = new Int32Array(G + 1);
  const count = group.reduce((sum, c) => sum + c.members.length, 0);
  const variable = new Int32Array(count);
  const students = new Float64Array(count);
  const value0 = new Float64Array(count);
  const perUnit = new Float64Array(count);
  const gain = new Float64Array(count);
  let at = 0;
  group.forEach((c, q) => {
    start[q] = at;
    const total = studentsOf(c);
    for (const m of c.members) {
      let v = position.get(m.owner);
      if (v === undefined) {
        v = owners.length;
        owners.push(m.owner);
        position.set(m.owner, v);
      }
      variable[at] = v;
      students[at] = m.students;
      value0[at] = m.value0;
      perUnit[at] = m.perUnit;
      gain[at] = gainOf(m, total);
      at++;
    }
  });
  start[G] = at;
  const nv = owners.length;
  const floor = Float64Array.from(owners, (s) => a.facilities[s][slot]);
  const y = floor.slice();
  const totals = group.map(studentsOf);
  const targets = group.map((c) => c.limit * (1 - margin));
  const lambda = new Float64Array(G);
  const mean = new Float64Array(G);
  const sd = new Float64Array(G);
  const measure = (): boolean => {
    let still = true;
    for (let q = 0; q < G; q++) {
      let weighted = 0;
      for (let i = start[q]; i < start[q + 1]; i++)
        weighted += students[i] * (value0[i] + perUnit[i] * y[variable[i]]);
      const mu = weighted / totals[q];
      let squares = 0;
      for (let i = start[q]; i < start[q + 1]; i++) {
        const d = value0[i] + perUnit[i] * y[variable[i]] - mu;
        squares += students[i] * d * d;
      }
      const s = Math.sqrt(squares / totals[q]);
      if (Math.abs(mu - mean[q]) > 1e-12 * Math.abs(mu) || Math.abs(s - sd[q]) > 1e-12 * s) still = false;
      mean[q] = mu;
      sd[q] = s;
    }
    return still;
  };
  const num = new Float64Array(nv);
  const den = new Float64Array(nv);
  /** the plan that prices λ make of the facility, for the X̄ and S it gives itself */
  const settle = () => {
    for (let iteration = 0; iteration < 1000; iteration++) {
      num.fill(0);
      den.fill(0);
      for (let q = 0; q < G; q++) {
        const l = lambda[q];
        const s = sd[q];
        if (!(l > 0) || !(s > 0)) continue;
        const L = targets[q];
        const mu = mean[q];
        for (let i = start[q]; i < start[q + 1]; i++) {
          const g = l * gain[i];
          num[variable[i]] += g * (L - (value0[i] - mu) / s);
          den[variable[i]] += (g * perUnit[i]) / s;
        }
      }
      for (let v = 0; v < nv; v++) {
        const x = den[v] > 0 ? (num[v] - 1) / den[v] : 0;
        y[v] = x > floor[v] ? x : floor[v];
      }
      if (measure()) break;
    }
  };
  /** S − L·X̄ of coefficient q: at most 0 when it meets its target */
  const excess = (q: number) => sd[q] - targets[q] * mean[q];
  measure();
  for (let round = 0; round < 20; round++) {
    let moved = false;
    for (let q = 0; q < G; q++) {
      settle();
      if (lambda[q] === 0 && excess(q) <= 0) continue;
      const old = lambda[q];
      // the least price that meets the coefficient: bracket it, then regula falsi (Illinois) on S − L·X̄
      const scale = perUnit[start[q]] * students[start[q]];
      let lo = 0;
      lambda[q] = 0;
      settle();
      let fLo = excess(q);
      let hi = old > 0 ? old : totals[q] / (scale > 0 ? scale : 1);
      lambda[q] = hi;
      settle();
      let fHi = excess(q);
      for (let i = 0; i < 40 && fHi > 0; i++) {
        lo = hi;
        fLo = fHi;
        hi *= 2;
        lambda[q] = hi;
        settle();
        fHi = excess(q);
      }
      // no price meets it: the two levels pull the shared facilities apart (a section served by a tiny share)
      if (fHi > 0 || !y.every(Number.isFinite)) return null;
      if (fLo > 0) {
        let side = 0;
        for (let i = 0; i < 100 && hi - lo > hi * 1e-12; i++) {
          const mid = fLo - fHi > 0 ? hi - (fHi * (hi - lo)) / (fHi - fLo) : (lo + hi) / 2;
          lambda[q] = mid > lo && mid < hi ? mid : (lo + hi) / 2;
          settle();
          const f = excess(q);
          if (f > 0) {
            lo = lambda[q];
            fLo = f;
            if (side === -1) fHi /= 2;
            side = -1;
          } else {
            hi = lambda[q];
            fHi = f;
            if (side === 1) fLo /= 2;
            side = 1;
            if (f > -1e-12 * targets[q] * mean[q]) break;
          }
        }
      } else hi = 0;
      lambda[q] = hi;
      settle();
      if (Math.abs(hi - old) > 1e-8 * hi) moved = true;
    }
    if (!moved) break;
  }
  lowerEach(y, floor, { start, variable, students, value0, perUnit, totals, targets });
  owners.forEach((s, v) => (a.facilities[s][slot] = y[v]));
  return Array.from(lambda);
}

/**
 * Lowers each school's facility in turn (never below `floor`, what its sections need to pass) to the least that
 * keeps every coefficient of the group within its target. Prices place a school where one more unit is worth its
 * cost; where a coefficient's S − L·X̄ is linear in a school's facility — two sections, one below the other —
 * every unit is worth the same, and the prices raise that school until the two values meet (a coefficient of 0)
 * however little would do. The set of a school's amounts that keep a coefficient within its target is an interval
 * (S − L·X̄ is convex in each amount), so the least one above the floor is found by bisection.
 */
function lowerEach(
  y: Float64Array,
  floor: Float64Array,
  flat: {
    start: Int32Array;
    variable: Int32Array;
    students: Float64Array;
    value0: Float64Array;
    perUnit: Float64Array;
    totals: number[];
    targets: number[];
  },
): void {
  const { start, variable, students, value0, perUnit, totals, targets } = flat;
  const G = totals.length;
  // Σ P·X and Σ P·X² of each coefficient, and the members each school's facility reaches
  const weighted = new Float64Array(G);
  const squares = new Float64Array(G);
  const reached: { q: number; i: number }[][] = Array.from(y, () => []);
  for (let q = 0; q < G; q++) {
    for (let i = start[q]; i < start[q + 1]; i++) {
      const x = value0[i] + perUnit[i] * y[variable[i]];
      weighted[q] += students[i] * x;
      squares[q] += students[i] * x * x;
      reached[variable[i]].push({ q, i });
    }
  }
  const within = (w: number, s: number, q: number) => {
    const mean = w / totals[q];
    const sd = Math.sqrt(Math.max(0, s / totals[q] - mean * mean));
    return mean > 0 && sd <= targets[q] * mean;
  };
  /** whether every coefficient the school's facility reaches is within its target at amount `to` */
  const fits = (v: number, to: number, apply: boolean) => {
    const w = new Map<number, number>();
    const s = new Map<number, number>();
    for (const { q, i } of reached[v]) {
      const from = value0[i] + perUnit[i] * y[v];
      const next = value0[i] + perUnit[i] * to;
      w.set(q, (w.get(q) ?? weighted[q]) + students[i] * (next - from));
      s.set(q, (s.get(q) ?? squares[q]) + students[i] * (next * next - from * from));
    }
    for (const [q, wq] of w) if (!within(wq, s.get(q) as number, q)) return false;
    if (apply) {
      for (const [q, wq] of w) {
        weighted[q] = wq;
        squares[q] = s.get(q) as number;
      }
      y[v] = to;
    }
    return true;
  };
  for (let v = 0; v < y.length; v++) {
    if (!(y[v] > floor[v]) || !fits(v, y[v], false)) continue;
    if (fits(v, floor[v], true)) continue;
    let lo = floor[v];
    let hi = y[v];
    for (let i = 0; i < 100 && hi - lo > Math.abs(hi) * 1e-13; i++) {
      const mid = (lo + hi) / 2;
      if (fits(v, mid, false)) hi = mid;
      else lo = mid;
    }
    fits(v, hi, true);
  }
}

/**
 * Meets every coefficient, raising `a` in place, so that all are within (1 − margin) × their limit, with the
 * fewest units (see above). Coefficients whose variables are their own are met once each; those of a facility
 * shared by combined schools by prices (amounts) or in turn (whole rooms). Returns the price of each coefficient
 * that had to be raised, at the final plan, and whether all were met.
 */
export function meetCoefficients(
  model: PlanModel,
  coefficients: readonly Coefficient[],
  a: PlanAdditions,
  margin: number,
): { met: boolean; prices: Map<Coefficient, CoefficientPrice> } {
  const levels = new Map<Coefficient, number>();
  const lambdas = new Map<Coefficient, number>();
  const meet = (c: Coefficient, on: PlanAdditions) => {
    const outcome = meetCoefficient(c, on, c.limit * (1 - margin));
    if (outcome.level !== null && !lambdas.has(c)) levels.set(c, outcome.level);
    return outcome;
  };
  let met = true;
  for (const c of coefficients) if (c.separate && !meet(c, a).met) met = false;
  const shared = coefficients.filter((c) => !c.separate);
  for (const id of new Set(shared.map((c) => c.indicator))) {
    const group = shared.filter((c) => c.indicator === id);
    if (group[0].integral) meetShared(group, a, meet);
    else {
      const found = meetByPrices(group, a, margin);
      if (found) found.forEach((l, q) => l > 0 && lambdas.set(group[q], l));
      else meetShared(group, a, meet);
    }
  }
  if (shared.length > 0) {
    // each level was met with the other's asks as they stood: meet both once more on the union
    let all = true;
    for (let round = 0; round < 10; round++) {
      let raised = false;
      all = true;
      for (const c of shared) {
        const outcome = meet(c, a);
        if (outcome.level !== null) raised = true;
        if (!outcome.met) all = false;
      }
      if (!raised) break;
    }
    met = met && all;
  }
  const prices = new Map<Coefficient, CoefficientPrice>();
  for (const c of coefficients) {
    const lambda = lambdas.get(c);
    const level = levels.get(c);
    if (lambda === undefined && level === undefined) continue;
    const state = coefficientState(c, a);
    const target = c.limit * (1 - margin);
    const cost = model.costs[c.indicator];
    let price = 0;
    if (lambda !== undefined) price = lambda * cost;
    else if (hasSpread(state) && level !== undefined) {
      // a unit that reaches a section whole at the level is worth its cost
      const scale = model.profile.indicators[c.indicator].scale === "per100" ? 100 : 1;
      const weight = (scale / studentsOf(c)) * (target - (level - state.mean) / state.sd);
      if (weight > 0) price = cost / weight;
    }
    if (price > 0) prices.set(c, { coefficient: c, price, target, state });
  }
  return { met, prices };
}

/** The shared coefficients met in turn from the pass needs `a`, each with the other's asks of the shared
 * facilities; `a` then takes the larger of the two asks of each facility. */
function meetShared(
  shared: readonly Coefficient[],
  a: PlanAdditions,
  meet: (c: Coefficient, on: PlanAdditions) => unknown,
): void {
  // for each member, the position of the member on the same facility in the other level's coefficient
  const partners = new Map<Coefficient, { other: Coefficient; at: Int32Array }>();
  for (const c of shared) {
    const other = shared.find((o) => o !== c);
    if (!other) continue;
    const position = new Map(other.members.map((m, j) => [m.owner, j]));
    partners.set(c, { other, at: Int32Array.from(c.members, (m) => position.get(m.owner) ?? -1) });
  }
  const asks = new Map<Coefficient, Float64Array>();
  const ask = (c: Coefficient): boolean => {
    // facilities only: teachers are no part of a shared coefficient
    const on: PlanAdditions = { ...a, facilities: a.facilities.map((row) => row.slice()) };
    const partner = partners.get(c);
    const theirs = partner && asks.get(partner.other);
    if (partner && theirs) {
      c.members.forEach((m, j) => {
        const k = partner.at[j];
        if (k >= 0) setUnits(on, m, Math.max(unitsOf(on, m), theirs[k]));
      });
    }
    meet(c, on);
    const mine = Float64Array.from(c.members, (m) => unitsOf(on, m));
    const before = asks.get(c);
    asks.set(c, mine);
    return !before || mine.some((x, j) => Math.abs(x - before[j]) > 1e-9 * Math.max(1, Math.abs(x)));
  };
  for (let round = 0; round < 30; round++) {
    let changed = false;
    for (const c of shared) if (ask(c)) changed = true;
    if (!changed) break;
  }
  for (const c of shared) {
    const mine = asks.get(c) as Float64Array;
    c.members.forEach((m, j) => setUnits(a, m, Math.max(unitsOf(a, m), mine[j])));
  }
}
