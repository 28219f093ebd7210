import { FACILITY_INDICATORS, TEACHER_INDICATORS } from "../../standard/indicators";
import {
  gainOf,
  hasSpread,
  studentsOf,
  type CoefficientPrice,
  type CoefficientState,
  type Member,
} from "./coefficients";
import type { PlanModel } from "./model";

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
