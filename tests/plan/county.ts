import type { SchoolRecord, SchoolType } from "../../src/engine/records";
import type { UnitCosts } from "../../src/engine/plan/costs";
import type { Profile } from "../../src/standard/profile";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
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
