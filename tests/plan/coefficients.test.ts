import { buildPlanModel } from "../../src/engine/plan/model";
import { additionsCost, emptyAdditions } from "../../src/engine/plan/additions";
import { planPerSchool } from "../../src/engine/plan/perSchool";
import {
  coefficientsOf,
  coefficientState,
  unitsOf,
  type Coefficient,
} from "../../src/engine/plan/coefficients";
import { meetCoefficient, meetCoefficients } from "../../src/engine/plan/meet";
import { lowerBound } from "../../src/engine/plan/lowerBound";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { differenceCoefficient } from "../../src/engine/coefficient";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import type { Profile } from "../../src/standard/profile";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { IndicatorId } from "../../src/standard/indicators";
import {
  cheapestKeysAndSports,
  generateCounty,
  random,
  SMALL,
  SMALL_COSTS as COSTS,
  threeSchools,
} from "./county";

const P = NATIONAL_2017;

/** A primary school with each resource drawn between 20 % and 320 % of its standard. */
function primarySchool(name: string, students: number, rnd: () => number): SchoolRecord {
  const spread = () => 0.2 + 3 * rnd();
  const around = (per100: number) => Math.round((students / 100) * per100 * spread());
  return {
    name,
    type: "primary",
    students: { primary: students, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: around(4.2), keyTeachers: around(1.0), peArtTeachers: around(0.9) },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: {
      teachingArea: Math.round(students * 4.5 * spread()),
      sportsArea: Math.round(students * 7.5 * spread()),
      equipmentValue: Math.round(students * 2000 * spread()),
      multimediaRooms: around(2.3),
    },
  };
}

function coefficient(records: SchoolRecord[], id: IndicatorId, profile: Profile = P): Coefficient {
  const model = buildPlanModel(records, profile, DEFAULT_UNIT_COSTS);
  return coefficientsOf(model).find((c) => c.level === "primary" && c.indicator === id) as Coefficient;
}

/** The coefficient of the values with `units` added to each member, by the engine's own formula. */
function cvWith(c: Coefficient, units: readonly number[]): number | null {
  return differenceCoefficient(
    c.members.map((m, j) => m.value0 + m.perUnit * units[j]),
    c.members.map((m) => m.students),
  ).cv;
}

describe("docs/standard.md#coefficient: the fewest units that bring a coefficient within its limit", () => {
  test("whole people: the units added one at a time at the lowest midpoint are as few as any allocation can be", () => {
    let checked = 0;
    for (let seed = 1; checked < 20 && seed < 500; seed++) {
      const rnd = random(seed);
      const records = Array.from({ length: 4 }, (_, i) =>
        primarySchool(`S${i}`, 40 + Math.floor(rnd() * 300), rnd),
      );
      const c = coefficient(records, "keyTeachers");
      const limit = c.limit;
      const zero = c.members.map(() => 0);
      const before = cvWith(c, zero);
      if (before === null || before <= limit) continue;
      const a = emptyAdditions(buildPlanModel(records, P, DEFAULT_UNIT_COSTS));
      const outcome = meetCoefficient(c, a, limit);
      const greedy = c.members.map((m) => unitsOf(a, m));
      const total = greedy.reduce((s, x) => s + x, 0);
      expect(outcome.met).toBe(true);
      expect(cvWith(c, greedy) as number).toBeLessThanOrEqual(limit);
      if (total > 9) continue;
      // brute force: every allocation of fewer units fails the limit
      const n = c.members.length;
      const fewer = (left: number, j: number, units: number[]): boolean => {
        if (j === n) {
          const cv = cvWith(c, units);
          return cv !== null && cv <= limit;
        }
        for (let x = 0; x <= left; x++) {
          units[j] = x;
          if (fewer(left - x, j + 1, units)) return true;
        }
        units[j] = 0;
        return false;
      };
      expect(fewer(total - 1, 0, new Array(n).fill(0))).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  test("amounts: water-filling is the limit of whole units made ever smaller", () => {
    const rnd = random(7);
    const records = Array.from({ length: 30 }, (_, i) =>
      primarySchool(`S${i}`, 100 + Math.floor(rnd() * 900), rnd),
    );
    const c = coefficient(records, "sportsArea");
    expect(
      cvWith(
        c,
        c.members.map(() => 0),
      ) as number,
    ).toBeGreaterThan(c.limit);
    const model = buildPlanModel(records, P, DEFAULT_UNIT_COSTS);
    const a = emptyAdditions(model);
    meetCoefficient(c, a, c.limit);
    const filled = c.members.map((m) => unitsOf(a, m));
    const area = filled.reduce((s, x) => s + x, 0);
    expect(cvWith(c, filled) as number).toBeLessThanOrEqual(c.limit * (1 + 1e-9));
    // every section below the water level is raised to it, none above
    const values = c.members.map((m, j) => m.value0 + m.perUnit * filled[j]);
    const raised = values.filter((_, j) => filled[j] > 0);
    const level = Math.min(...raised);
    for (const v of raised) expect(v).toBeCloseTo(level, 9);
    values.forEach((v, j) => filled[j] === 0 && expect(v).toBeGreaterThanOrEqual(level - 1e-9));
    // the same coefficient counted in whole units of 1 m², then of 0.1 m²: never fewer, and closer and closer
    for (const [unit, slack] of [
      [1, 1],
      [0.1, 0.1],
    ]) {
      const whole: Coefficient = {
        ...c,
        integral: true,
        members: c.members.map((m) => ({ ...m, perUnit: m.perUnit * unit })),
      };
      const b = emptyAdditions(model);
      meetCoefficient(whole, b, c.limit);
      const units = whole.members.reduce((s, m) => s + unitsOf(b, m), 0) * unit;
      expect(units).toBeGreaterThanOrEqual(area - 1e-6);
      expect(units).toBeLessThanOrEqual(area + slack * c.members.length);
    }
  });
});

describe("docs/standard.md#apportioning: a facility shared by combined schools, met for both levels by prices", () => {
  test("at the plan every school's facility is worth what it costs, or is at its pass need and worth less", () => {
    const records = generateCounty(80, 3, { low: 0.2, high: 4.5 });
    const model = buildPlanModel(records, P, DEFAULT_UNIT_COSTS);
    const coefficients = coefficientsOf(model);
    const a = planPerSchool(model);
    const needs = a.facilities.map((row) => row.slice());
    const { met, prices } = meetCoefficients(model, coefficients, a, 1e-7);
    expect(met).toBe(true);
    const shared = coefficients.filter((c) => !c.separate && !c.integral && prices.has(c));
    expect(shared.length).toBeGreaterThan(0);
    for (const id of new Set(shared.map((c) => c.indicator))) {
      const group = coefficients.filter((c) => c.indicator === id && !c.separate);
      // complementary slackness: a coefficient with a price sits at its limit
      for (const c of group) {
        const price = prices.get(c);
        if (price) expect(coefficientState(c, a).cv as number).toBeCloseTo(price.target, 6);
      }
      // Karush–Kuhn–Tucker: the worth of one more unit of each school's facility, over its cost
      const worth = new Map<number, number>();
      for (const c of group) {
        const price = prices.get(c);
        if (!price) continue;
        const state = coefficientState(c, a);
        const total = c.members.reduce((s, m) => s + m.students, 0);
        for (const m of c.members) {
          const x = m.value0 + m.perUnit * unitsOf(a, m);
          const w =
            (price.price * m.perUnit * m.students * (price.target - (x - state.mean) / state.sd)) / total;
          worth.set(m.owner, (worth.get(m.owner) ?? 0) + w / model.costs[id]);
        }
      }
      const slot = group[0].members[0].slot;
      let raised = 0;
      for (const [school, w] of worth) {
        if (a.facilities[school][slot] > needs[school][slot] + 1e-6) {
          raised++;
          expect(w).toBeCloseTo(1, 3);
        } else expect(w).toBeLessThanOrEqual(1 + 1e-3);
      }
      expect(raised).toBeGreaterThan(0);
    }
  });

  test("two junior sections, one of a nine-year school: its shared facility is raised just to the limit, not to the other's value", async () => {
    // every section meets every standard; only the junior sports coefficient is over its limit
    const teachers = (students: number) => ({
      qualifiedTeachers: Math.ceil(students * 0.06),
      keyTeachers: Math.ceil(students * 0.012),
      peArtTeachers: Math.ceil(students * 0.012),
    });
    const facilities = (weighted: number, sportsArea: number) => ({
      teachingArea: weighted * 7,
      sportsArea,
      equipmentValue: weighted * 3000,
      multimediaRooms: Math.ceil(weighted * 0.03),
    });
    const records: SchoolRecord[] = [
      {
        name: "一贯制学校",
        type: "nineYear",
        students: { primary: 300, junior: 200, senior: 0 },
        teachers: { primary: teachers(300), junior: teachers(200) },
        facilities: facilities(520, 5800),
      },
      {
        name: "初级中学",
        type: "junior",
        students: { primary: 0, junior: 300, senior: 0 },
        teachers: { primary: teachers(0), junior: teachers(300) },
        facilities: facilities(300, 300 * 40),
      },
    ];
    const before = evaluate(records, P);
    expect(before.sections.every((s) => s.pass)).toBe(true);
    expect(before.levels.junior.balance.sportsArea.pass).toBe(false);
    const plan = await planLeastCost(records, P, DEFAULT_UNIT_COSTS, { projects: null });
    expect(plan.passesAfter).toBe(true);
    // by hand: two values x₁ < x₂ with weights w₁, w₂ have the coefficient √(w₁w₂)(x₂ − x₁) / (w₁x₁ + w₂x₂);
    // at the limit L, x₁ = x₂ (√(w₁w₂) − L·w₂) / (√(w₁w₂) + L·w₁)
    const [w1, w2] = [200 / 500, 300 / 500];
    const root = Math.sqrt(w1 * w2);
    const limit = P.cvLimit.junior;
    const x1 = (40 * (root - limit * w2)) / (root + limit * w1);
    const share = (1.1 * 200) / (300 + 1.1 * 200);
    const least = (x1 * 200) / share - 5800;
    expect(plan.additions).toEqual([
      expect.objectContaining({ school: "一贯制学校", level: null, resource: "sportsArea" }),
    ]);
    // the plan aims a hair inside the limit
    expect(plan.additions[0].amount).toBeGreaterThanOrEqual(least);
    expect(plan.additions[0].amount).toBeLessThan(least * (1 + 1e-5));
  });
});

describe("docs/plans.md#project-sizes: the roundings up to whole projects leave no step the county can spare", () => {
  test("a nine-year and two junior schools, sports ground in 100 m² projects: no project can be a step smaller", async () => {
    const staff = (q: number, k: number, a: number) => ({
      qualifiedTeachers: q,
      keyTeachers: k,
      peArtTeachers: a,
    });
    const junior = (
      name: string,
      pupils: number,
      teachers: SchoolRecord["teachers"]["junior"],
      f: number[],
    ) => ({
      name,
      type: "junior" as const,
      students: { primary: 0, junior: pupils, senior: 0 },
      teachers: { primary: staff(0, 0, 0), junior: teachers },
      facilities: { teachingArea: f[0], sportsArea: f[1], equipmentValue: f[2], multimediaRooms: f[3] },
    });
    // found by brute force over small counties: each school's facility rounded up on its own came to a step more
    // than the county needs (2,900 m² where 2,800 m² does)
    const records: SchoolRecord[] = [
      {
        name: "学校1",
        type: "nineYear",
        students: { primary: 347, junior: 437, senior: 0 },
        teachers: { primary: staff(12, 4, 3), junior: staff(21, 4, 4) },
        facilities: { teachingArea: 4549, sportsArea: 6863, equipmentValue: 1_872_000, multimediaRooms: 24 },
      },
      junior("学校2", 165, staff(8, 2, 2), [1354, 5815, 525_400, 4]),
      junior("学校3", 413, staff(24, 4, 4), [3030, 3951, 929_000, 11]),
    ];
    const sizes = { teachingArea: 50, sportsArea: 100, equipmentValue: 20000, multimediaRooms: 1 };
    const plan = await planLeastCost(records, P, DEFAULT_UNIT_COSTS, {
      projects: { minimum: sizes, step: sizes },
    });
    expect(plan.method).toBe("coefficients");
    expect(plan.passesAfter).toBe(true);
    const projects = plan.edits.filter((e) => e.kind === "addFacility");
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      if (project.kind !== "addFacility") continue;
      const step = sizes[project.resource];
      // a step smaller, or nothing where the project is at its least size
      const smaller = { ...project, amount: project.amount - step >= step ? project.amount - step : 0 };
      const edits = plan.edits.map((e) => (e === project ? smaller : e));
      const after = evaluateScenario(records, edits, P).evaluation;
      expect([project.school, project.resource, after.resourcesPass]).toEqual([
        project.school,
        project.resource,
        false,
      ]);
    }
  });
});

describe("docs/standard.md#indicators, docs/standard.md#coefficient: plans and bounds against brute force when coefficients bind", () => {
  // with three schools of a few units each, coefficients bind at a limit tighter than the national one
  const TIGHT: Profile = { ...SMALL, cvLimit: { primary: 0.15, junior: 0.15 } };

  test("on three schools short of two resources each, the plan is the optimum and the bound is below it", async () => {
    const BOX = 5;
    let checked = 0;
    for (let seed = 1; checked < 10 && seed < 400; seed++) {
      const records = threeSchools(seed);
      const model = buildPlanModel(records, TIGHT, COSTS);
      const perSchool = planPerSchool(model);
      const coefficients = coefficientsOf(model);
      if (coefficients.every((c) => (coefficientState(c, perSchool).cv ?? 0) <= c.limit)) continue;
      const plan = await planLeastCost(records, TIGHT, COSTS, { refine: false });
      // the plan's additions pass as the engine judges them
      expect(plan.passesAfter).toBe(true);
      // brute force over 0..BOX more key teachers and sports area at each school, judged by the engine: no
      // allocation cheaper than the plan passes
      const box = Array.from({ length: BOX + 1 }, (_, x) => x);
      const best = cheapestKeysAndSports(records, TIGHT, COSTS, box, box, plan.totalCost);
      expect(best).toBe(plan.totalCost);
      // a bound from cuts anywhere, even at the per-school plan far from the optimum, is below it
      expect(lowerBound(model, coefficients, perSchool, plan.totalCost, new Map())).toBeLessThanOrEqual(
        best + 1e-9,
      );
      expect(plan.cv.lowerBound as number).toBeLessThanOrEqual(best + 1e-9);
      expect(additionsCost(model, perSchool)).toBeLessThanOrEqual(best);
      checked++;
    }
    expect(checked).toBe(10);
  });
});

describe("docs/standard.md#coefficient: a level of one section has no spread", () => {
  test("rounding noise in its S gives no cut: the bound stays below the plan (found by the fuzz test)", async () => {
    const none = { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };
    const given = (
      teachingArea: number,
      sportsArea: number,
      equipmentValue: number,
      multimediaRooms: number,
    ) => ({
      teachingArea,
      sportsArea,
      equipmentValue,
      multimediaRooms,
    });
    // the primary level is one section; junior key and PE/art teachers bind against a section of 4 pupils
    const records: SchoolRecord[] = [
      {
        name: "学校1",
        type: "complete",
        students: { primary: 0, junior: 2258, senior: 0 },
        teachers: { primary: none, junior: { qualifiedTeachers: 77, keyTeachers: 0, peArtTeachers: 38 } },
        facilities: given(0, 19576.86, 5645000, 54),
      },
      {
        name: "学校2",
        type: "nineYear",
        students: { primary: 50, junior: 4, senior: 0 },
        teachers: { primary: { qualifiedTeachers: 2, keyTeachers: 0, peArtTeachers: 0 }, junior: none },
        facilities: given(313.2, 550.8, 135000, 2),
        sectionFacilities: { primary: given(225, 375, 100000, 2), junior: given(23.2, 40.8, 10000, 0) },
      },
    ];
    const model = buildPlanModel(records, P, DEFAULT_UNIT_COSTS);
    const primary = coefficientsOf(model).filter((c) => c.level === "primary");
    expect(primary.every((c) => c.members.length === 1)).toBe(true);
    const plan = await planLeastCost(records, P, undefined, { refine: false });
    expect(plan.passesAfter).toBe(true);
    expect(plan.cv.lowerBound as number).toBeLessThanOrEqual(plan.totalCost);
    expect(plan.cv.gap as number).toBeGreaterThanOrEqual(0);
  });
});
