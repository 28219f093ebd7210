import type { SchoolRecord, SchoolType } from "../../src/engine/records";
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { UnitCosts } from "../../src/engine/plan/costs";
import type { Profile } from "../../src/standard/profile";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  TEACHER_INDICATORS,
  type Level,
} from "../../src/standard/indicators";
import { seededRandom } from "../../src/sample/random";
import { evaluate } from "../../src/engine/evaluate";

export const random = seededRandom;

export interface CountyOptions {
  /** spread of resources around the standard: values drawn in [low, high] × standard */
  low?: number;
  high?: number;
}

/**
 * A county of `n` schools: primary, junior, nine-year schools and a few teaching points, with resources drawn
 * around the national standard so that some sections pass, some fail and some sit in the 85 % band.
 */
export function generateCounty(n: number, seed: number, options: CountyOptions = {}): SchoolRecord[] {
  const rnd = random(seed);
  const low = options.low ?? 0.7;
  const high = options.high ?? 1.5;
  const around = (standard: number) => standard * (low + (high - low) * rnd());
  const records: SchoolRecord[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const type: SchoolType =
      u < 0.55 ? "primary" : u < 0.8 ? "junior" : u < 0.95 ? "nineYear" : "teachingPoint";
    const primary =
      type === "primary" || type === "nineYear"
        ? 60 + Math.floor(rnd() * 1400)
        : type === "teachingPoint"
          ? 50 + Math.floor(rnd() * 60)
          : 0;
    const junior = type === "junior" || type === "nineYear" ? 80 + Math.floor(rnd() * 1100) : 0;
    const teachers = (students: number, q: number) => ({
      qualifiedTeachers: Math.round((students / 100) * around(q)),
      keyTeachers: Math.round((students / 100) * around(1.0)),
      peArtTeachers: Math.round((students / 100) * around(0.9)),
    });
    const weighted = primary + 1.1 * junior;
    const mix = (p: number, j: number) => (primary * p + 1.1 * junior * j) / Math.max(weighted, 1);
    records.push({
      name: `学校${String(i + 1).padStart(4, "0")}`,
      type,
      students: { primary, junior, senior: 0 },
      teachers: { primary: teachers(primary, 4.2), junior: teachers(junior, 5.3) },
      facilities: {
        teachingArea: Math.round(weighted * around(mix(4.5, 5.8))),
        sportsArea: Math.round(weighted * around(mix(7.5, 10.2))),
        equipmentValue: Math.round(weighted * around(mix(2000, 2500))),
        multimediaRooms: Math.round((weighted / 100) * around(mix(2.3, 2.4))),
      },
    });
  }
  return records;
}

/**
 * A profile whose seven resources are all whole numbers and whose standards are small, so that a brute force
 * over every whole addition is exhaustive. The rules (6 of 7, 85 % band, CV limits) are the national ones.
 */
export const SMALL: Profile = {
  ...NATIONAL_2017,
  id: "small-integral",
  indicators: Object.fromEntries(
    INDICATOR_IDS.map((id) => [
      id,
      {
        ...NATIONAL_2017.indicators[id],
        integral: true,
        scale: "perStudent",
        standard: { primary: 0.2, junior: 0.25 },
      },
    ]),
  ) as Profile["indicators"],
};

/** Unit costs for the brute-force counties: small and unequal, so that ties are rare. */
export const SMALL_COSTS: UnitCosts = {
  qualifiedTeachers: 7,
  keyTeachers: 11,
  peArtTeachers: 5,
  teachingArea: 6,
  sportsArea: 3,
  equipmentValue: 2,
  multimediaRooms: 9,
};

/**
 * Three primary schools of 40 pupils (standard 8 units, 85 % floor 7 under SMALL), each with a drawn number of
 * key teachers and sports ground and the other five resources met and equal: coefficients bind under a tight
 * limit.
 */
export function threeSchools(seed: number): SchoolRecord[] {
  const rnd = random(seed);
  return ["A", "B", "C"].map((name) => ({
    name,
    type: "primary",
    students: { primary: 40, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: 9, keyTeachers: 3 + Math.floor(rnd() * 10), peArtTeachers: 9 },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: {
      teachingArea: 9,
      sportsArea: 3 + Math.floor(rnd() * 10),
      equipmentValue: 9,
      multimediaRooms: 9,
    },
  }));
}

/**
 * The least cost below `upper` of more key teachers (any of `keys`) and sports ground (any of `sports`) at each of
 * the three schools that makes the county pass, judged by the engine alone; `upper` when none is cheaper. The
 * walk visits only allocations cheaper than the cheapest passing one found so far.
 */
export function cheapestKeysAndSports(
  records: SchoolRecord[],
  profile: Profile,
  costs: UnitCosts,
  keys: number[],
  sports: number[],
  upper: number,
): number {
  let best = upper;
  const add = new Array(6).fill(0);
  const walk = (d: number, cost: number) => {
    if (cost >= best) return;
    if (d === 6) {
      const trial = records.map((r, i) => ({
        ...r,
        teachers: {
          ...r.teachers,
          primary: { ...r.teachers.primary, keyTeachers: r.teachers.primary.keyTeachers + add[i] },
        },
        facilities: { ...r.facilities, sportsArea: r.facilities.sportsArea + add[3 + i] },
      }));
      if (evaluate(trial, profile).resourcesPass) best = cost;
      return;
    }
    for (const x of d < 3 ? keys : sports) {
      add[d] = x;
      walk(d + 1, cost + x * (d < 3 ? costs.keyTeachers : costs.sportsArea));
    }
    add[d] = 0;
  };
  walk(0, 0);
  return best;
}

/** Small schools (10–20 students) with each resource between 40 % and 120 % of its standard. */
export function smallCounty(
  n: number,
  seed: number,
  types: SchoolType[] = ["primary", "junior", "nineYear"],
): SchoolRecord[] {
  const rnd = random(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  return Array.from({ length: n }, (_, i) => {
    const type = types[pick(0, types.length - 1)];
    const primary = type === "junior" ? 0 : pick(10, 20);
    const junior = type === "primary" ? 0 : pick(10, 20);
    const have = (students: number, std: number) => Math.floor(students * std * (0.4 + 0.8 * rnd()));
    const teachers = (students: number, std: number) => ({
      qualifiedTeachers: have(students, std),
      keyTeachers: have(students, std),
      peArtTeachers: have(students, std),
    });
    const w = primary + 1.1 * junior;
    const fac = () => have(w, primary > 0 ? 0.2 : 0.25) + (primary > 0 && junior > 0 ? 2 : 0);
    return {
      name: `S${i}`,
      type,
      students: { primary, junior, senior: 0 },
      teachers: { primary: teachers(primary, 0.2), junior: teachers(junior, 0.25) },
      facilities: { teachingArea: fac(), sportsArea: fac(), equipmentValue: fac(), multimediaRooms: fac() },
    };
  });
}

function editsOf(school: string, levels: ("primary" | "junior")[], add: number[]): Edit[] {
  // add: per level the 3 teacher kinds, then the 4 facilities
  const edits: Edit[] = [];
  levels.forEach((level, l) =>
    TEACHER_INDICATORS.forEach((resource, k) => {
      const count = add[l * 3 + k];
      if (count > 0) edits.push({ kind: "hireTeachers", school, level, resource, count });
    }),
  );
  FACILITY_INDICATORS.forEach((resource, m) => {
    const amount = add[levels.length * 3 + m];
    if (amount > 0) edits.push({ kind: "addFacility", school, resource, amount });
  });
  return edits;
}

function costOf(levels: number, add: number[], costs: UnitCosts): number {
  let c = 0;
  for (let l = 0; l < levels; l++) TEACHER_INDICATORS.forEach((id, k) => (c += add[l * 3 + k] * costs[id]));
  FACILITY_INDICATORS.forEach((id, m) => (c += add[levels * 3 + m] * costs[id]));
  return c;
}

/**
 * The least cost that makes the sections pass (all, or those of `mustPass`), over every whole-number addition from 0 up to what reaches the standard (the engine's own shortfall), judged by
 * the engine alone: no use of the planner's reasoning.
 */
export function bruteForceSchool(
  record: SchoolRecord,
  profile: Profile,
  costs: UnitCosts,
  /** the levels whose sections must pass; by default every one */
  mustPass?: readonly Level[],
): { cost: number; combos: number } {
  const levels = (["primary", "junior"] as const).filter((l) => record.students[l] > 0);
  const sections = evaluate([record], profile).sections;
  const range: number[] = [];
  for (const level of levels) {
    const s = sections.find((x) => x.level === level)!;
    for (const id of TEACHER_INDICATORS)
      range.push(s.shortfalls.find((f) => f.indicator === id)?.toStandard ?? 0);
  }
  for (const id of FACILITY_INDICATORS) {
    let r = 0;
    for (const s of sections) {
      const f = s.shortfalls.find((x) => x.indicator === id);
      if (f) r = Math.max(r, f.schoolToStandard ?? f.toStandard);
    }
    range.push(r);
  }
  const dims = range.length;
  let best = Infinity;
  let combos = 0;
  const add = new Array(dims).fill(0);
  const walk = (d: number) => {
    if (d === dims) {
      combos++;
      const c = costOf(levels.length, add, costs);
      if (c >= best) return;
      const e = evaluateScenario([record], editsOf(record.name, [...levels], add), profile).evaluation;
      if (e.sections.every((s) => !s.included || s.pass || (mustPass && !mustPass.includes(s.level))))
        best = c;
      return;
    }
    for (let x = 0; x <= range[d]; x++) {
      add[d] = x;
      walk(d + 1);
    }
    add[d] = 0;
  };
  walk(0);
  return { cost: best, combos };
}
