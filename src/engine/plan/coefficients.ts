import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVELS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type IndicatorId,
  type Level,
} from "../../standard/indicators";
import { isTeacher, type PlanModel, type PlanSection } from "./model";
import type { PlanAdditions } from "./perSchool";
import { differenceCoefficient } from "../coefficient";

/*
 * The difference coefficients of docs/standard.md#coefficient seen from the plan: for one level and indicator, how an addition
 * to each section's variable moves the section's value, and the least additions that bring the coefficient within
 * its limit.
 *
 * Within one coefficient every variable is the same resource, so every unit costs the same and "least cost" means
 * "fewest units". With Pⱼ the enrolments, Xⱼ the values, X̄ = Σ Pⱼ·Xⱼ / P and S² = Σ Pⱼ·Xⱼ² / P − X̄²:
 * - a unit added to a section whose variable is its own (teachers; facilities of a school with one section) adds
 *   the same amount to Σ Pⱼ·Xⱼ whichever section gets it, so X̄ depends only on how many units are added, and the
 *   coefficient is least when Σ Pⱼ·Xⱼ² is. That sum is separable and convex in each section's units, so adding
 *   units one at a time where they raise it least (the lowest midpoint Xⱼ + δⱼ/2 of the value's jump δⱼ) gives,
 *   at every count of units, the least coefficient any allocation of that many units can reach: the first count
 *   that meets the limit is the least (whole people and rooms). For amounts that need not be whole (areas,
 *   equipment) the same reasoning gives water-filling: every section below a level W is raised to W, the least W
 *   that meets the limit.
 * - a facility of a combined school reaches both of its sections (its share of the addition, docs/standard.md#apportioning), so
 *   the two levels' coefficients of that facility are met together, by prices (`meetByPrices`) where amounts need
 *   not be whole, in turn (`meetShared`) for whole rooms.
 */

/** One section in one coefficient, and the variable that raises its value. */
export interface Member {
  section: PlanSection;
  /** a teacher variable (per section) or a facility variable (per school) */
  teacher: boolean;
  /** section index for a teacher variable, school index for a facility */
  owner: number;
  /** teacher kind (TEACHER_INDICATORS order) or facility (FACILITY_INDICATORS order) */
  slot: number;
  /** part of one unit of the variable that reaches this section */
  reach: number;
  students: number;
  /** the section's value with nothing added */
  value0: number;
  /** value added by one unit of the variable */
  perUnit: number;
}

export interface Coefficient {
  level: Level;
  indicator: IndicatorId;
  limit: number;
  /** whole people or rooms */
  integral: boolean;
  members: Member[];
  /** every member's variable is its own (no facility shared by a combined school's two sections) */
  separate: boolean;
}

export function coefficientsOf(model: PlanModel): Coefficient[] {
  const out: Coefficient[] = [];
  for (const level of LEVELS) {
    const sections = model.sections.filter((s) => s.level === level);
    if (sections.length === 0) continue;
    for (const id of INDICATOR_IDS) {
      const scale = model.profile.indicators[id].scale === "per100" ? 100 : 1;
      const teacher = isTeacher(id);
      const members = sections.map((section): Member => {
        const reach = teacher ? 1 : section.reach[id as FacilityIndicatorId];
        return {
          section,
          teacher,
          owner: teacher ? section.index : section.school,
          slot: teacher
            ? TEACHER_INDICATORS.indexOf(id as (typeof TEACHER_INDICATORS)[number])
            : FACILITY_INDICATORS.indexOf(id as FacilityIndicatorId),
          reach,
          students: section.students,
          value0: (scale * section.base[id]) / section.students,
          perUnit: (scale * reach) / section.students,
        };
      });
      const shared = new Set<number>();
      if (!teacher) {
        for (const s of model.sections) {
          if (model.schools[s.school].sections.length > 1 && s.reach[id as FacilityIndicatorId] > 0)
            shared.add(s.school);
        }
      }
      out.push({
        level,
        indicator: id,
        limit: model.profile.cvLimit[level],
        integral: model.profile.indicators[id].integral,
        members,
        separate: members.every((m) => !shared.has(m.owner) || m.teacher),
      });
    }
  }
  return out;
}

export function unitsOf(a: PlanAdditions, m: Member): number {
  return m.teacher ? a.teachers[m.owner][m.slot] : a.facilities[m.owner][m.slot];
}

function setUnits(a: PlanAdditions, m: Member, units: number): void {
  if (m.teacher) a.teachers[m.owner][m.slot] = units;
  else a.facilities[m.owner][m.slot] = units;
}

export interface CoefficientState {
  mean: number;
  sd: number;
  /** null when the mean is 0 */
  cv: number | null;
}

/**
 * Whether a coefficient's values spread at all. With one section, or all at one value, S is 0 and has no gradient;
 * computed, it is rounding noise of about 1e-16·X̄, whose "gradient" would be noise too and give cuts and prices
 * that hold nothing up. Below a spread of 1e-6·X̄ the coefficient counts as having none.
 */
export function hasSpread(state: { mean: number; sd: number }): boolean {
  return state.sd > 1e-6 * Math.abs(state.mean);
}

/**
 * X̄, S and CV from running sums, for the searches below, which move one unit at a time and cannot afford a pass
 * over the level for each; every plan they give is judged by the engine's `differenceCoefficient`.
 */
function stateOf(total: number, weighted: number, squares: number): CoefficientState {
  const mean = weighted / total;
  const sd = Math.sqrt(Math.max(0, squares / total - mean * mean));
  return { mean, sd, cv: mean === 0 ? null : sd / Math.abs(mean) };
}

/** The coefficient after the additions `a`, by the engine's formula (docs/standard.md#coefficient). */
export function coefficientState(c: Coefficient, a: PlanAdditions): CoefficientState {
  const n = c.members.length;
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  c.members.forEach((m, j) => {
    values[j] = m.value0 + m.perUnit * unitsOf(a, m);
    weights[j] = m.students;
  });
  const dc = differenceCoefficient(values, weights);
  return { mean: dc.mean ?? 0, sd: dc.standardDeviation ?? 0, cv: dc.cv };
}

/** A min-heap of member positions keyed by a number. */
class Heap {
  private keys: number[] = [];
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, key: number): void {
    let i = this.items.length;
    this.items.push(item);
    this.keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.items[i] = this.items[p];
      this.keys[i] = this.keys[p];
      i = p;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  /** the least key's item; its key in `lastKey` */
  lastKey = 0;
  pop(): number {
    const top = this.items[0];
    this.lastKey = this.keys[0];
    const item = this.items.pop() as number;
    const key = this.keys.pop() as number;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.keys[r] < this.keys[l] ? r : l;
        if (this.keys[c] >= key) break;
        this.items[i] = this.items[c];
        this.keys[i] = this.keys[c];
        i = c;
      }
      this.items[i] = item;
      this.keys[i] = key;
    }
    return top;
  }
}

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
 * The price of a coefficient that binds: μ, in 元, such that a unit of a variable reaching a section of value X
 * with the share `reach` is worth μ·(scale·reach/P)·(L − (X − X̄)/S) to the coefficient — the gradient of
 * S − L·X̄ (docs/standard.md#coefficient) at the plan. Where additions were decided by it, a unit at the margin is worth its cost.
 */
export interface CoefficientPrice {
  coefficient: Coefficient;
  price: number;
  /** the L the additions aimed at: the limit less the margin */
  target: number;
  state: CoefficientState;
}

/** Σ Pⱼ of a coefficient's sections. */
function studentsOf(c: Coefficient): number {
  let total = 0;
  for (const m of c.members) total += m.students;
  return total;
}

/** scale·reach/P of a member: what a unit of its variable moves X̄ by, per unit of the gradient's weight. */
function gainOf(m: Member, students: number): number {
  return (m.perUnit * m.students) / students;
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
  owners.forEach((s, v) => (a.facilities[s][slot] = y[v]));
  return Array.from(lambda);
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

/**
 * How the priced coefficients bear on one variable: the units they ask of it (where a further unit would be worth
 * less than it costs), and the cost of `units` of it net of what the units beyond those are worth to them. A
 * school's band choices are weighed with these (`planSchool`), so that a section leaves in the 85 % band the
 * indicator whose shortfall the coefficients would not cover anyway.
 */
export interface Prices {
  floor(teacher: boolean, owner: number, slot: number): number;
  cost(teacher: boolean, owner: number, slot: number, units: number): number;
}

interface PricedMember {
  member: Member;
  /** μ·scale·reach/P */
  gain: number;
  target: number;
  state: CoefficientState;
}

export function coefficientPrices(model: PlanModel, prices: Iterable<CoefficientPrice>): Prices {
  const teacherKinds = TEACHER_INDICATORS.length;
  const facilityKinds = FACILITY_INDICATORS.length;
  const offset = model.sections.length * teacherKinds;
  const key = (teacher: boolean, owner: number, slot: number) =>
    teacher ? owner * teacherKinds + slot : offset + owner * facilityKinds + slot;
  const priced = new Map<number, PricedMember[]>();
  for (const p of prices) {
    const { coefficient: c, state } = p;
    if (!hasSpread(state)) continue;
    const students = studentsOf(c);
    for (const m of c.members) {
      const entry: PricedMember = { member: m, gain: p.price * gainOf(m, students), target: p.target, state };
      const k = key(m.teacher, m.owner, m.slot);
      const list = priced.get(k);
      if (list) list.push(entry);
      else priced.set(k, [entry]);
    }
  }
  const unitCost = (teacher: boolean, slot: number) =>
    model.costs[teacher ? TEACHER_INDICATORS[slot] : FACILITY_INDICATORS[slot]];
  /** value to the coefficients of the units from `from` to `to`: the gradient is linear in the units */
  const worth = (list: PricedMember[], from: number, to: number) => {
    let value = 0;
    for (const p of list) {
      const mid = p.member.value0 + (p.member.perUnit * (from + to)) / 2;
      value += p.gain * (to - from) * (p.target - (mid - p.state.mean) / p.state.sd);
    }
    return value;
  };
  const floors = new Map<number, number>();
  const floorOf = (teacher: boolean, owner: number, slot: number) => {
    const k = key(teacher, owner, slot);
    let units = floors.get(k);
    if (units !== undefined) return units;
    const list = priced.get(k);
    units = 0;
    if (list) {
      // Σ gain·(L − (X₀ + δ·y − X̄)/S) = cost, solved for y
      let num = -unitCost(teacher, slot);
      let den = 0;
      for (const p of list) {
        num += p.gain * (p.target - (p.member.value0 - p.state.mean) / p.state.sd);
        den += (p.gain * p.member.perUnit) / p.state.sd;
      }
      const y = den > 0 ? num / den : 0;
      const integral =
        model.profile.indicators[teacher ? TEACHER_INDICATORS[slot] : FACILITY_INDICATORS[slot]].integral;
      units = Math.max(0, integral ? Math.round(y) : y);
    }
    floors.set(k, units);
    return units;
  };
  return {
    floor: floorOf,
    cost(teacher, owner, slot, units) {
      const c = unitCost(teacher, slot);
      const list = priced.get(key(teacher, owner, slot));
      if (!list) return c * units;
      const from = floorOf(teacher, owner, slot);
      return c * units - (units > from ? worth(list, from, units) : 0);
    },
  };
}
