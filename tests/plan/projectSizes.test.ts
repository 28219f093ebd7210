/**
 * docs/plans.md#project-sizes: every project is a whole number of steps and at least the minimum, so a minimum
 * that is not a whole number of steps (25 m² in 10 m² steps) is a project of 30 m², never 25 m²; the proven
 * bound stays below the least cost of plans made of such projects.
 */
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { asProject, buildPlanModel } from "../../src/engine/plan/model";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  leastProject,
  parseCosts,
  type ProjectSizes,
} from "../../src/engine/plan/costs";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import type { Profile } from "../../src/standard/profile";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { FACILITY_INDICATORS, type FacilityIndicatorId } from "../../src/standard/indicators";
import { cheapestKeysAndSports, generateCounty, SMALL, SMALL_COSTS as COSTS, threeSchools } from "./county";

const ODD: ProjectSizes = {
  minimum: { teachingArea: 25, sportsArea: 205, equipmentValue: 15000, multimediaRooms: 1 },
  step: { teachingArea: 10, sportsArea: 100, equipmentValue: 10000, multimediaRooms: 1 },
};

/** Whether an amount is a size a project may have: nothing, or whole steps at least the least project. */
function legal(projects: ProjectSizes, id: FacilityIndicatorId, amount: number): boolean {
  if (amount === 0) return true;
  const steps = amount / projects.step[id];
  return Math.abs(steps - Math.round(steps)) < 1e-9 && amount >= projects.minimum[id];
}

const isFacility = (id: string): id is FacilityIndicatorId =>
  (FACILITY_INDICATORS as readonly string[]).includes(id);

describe("a minimum that is not a whole number of steps", () => {
  test("is raised to the next step: 25 m² in 10 m² steps is 30 m², then 40 m²", () => {
    const records = generateCounty(3, 1);
    const model = buildPlanModel(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, ODD);
    const teaching = FACILITY_INDICATORS.indexOf("teachingArea");
    const sports = FACILITY_INDICATORS.indexOf("sportsArea");
    expect(leastProject(ODD, "teachingArea")).toBe(30);
    expect(asProject(model, 0, teaching, 5)).toBe(30);
    expect(asProject(model, 0, teaching, 30)).toBe(30);
    expect(asProject(model, 0, teaching, 31)).toBe(40);
    expect(asProject(model, 0, sports, 1)).toBe(300);
    // the defaults are whole steps already
    for (const id of FACILITY_INDICATORS)
      expect(leastProject(DEFAULT_PROJECT_SIZES, id)).toBe(DEFAULT_PROJECT_SIZES.minimum[id]);
  });

  test("a section 5 m² short of its 85 % line gets a 30 m² project, the least legal one", async () => {
    // 1,000 pupils at 4.5 m² (national primary standard): the 85 % line is 3,825 m²
    const record: SchoolRecord = {
      name: "甲",
      type: "primary",
      students: { primary: 1000, junior: 0, senior: 0 },
      teachers: {
        primary: { qualifiedTeachers: 60, keyTeachers: 12, peArtTeachers: 12 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      },
      facilities: { teachingArea: 3820, sportsArea: 8000, equipmentValue: 2_100_000, multimediaRooms: 25 },
    };
    expect(evaluate([record], NATIONAL_2017).sections[0].pass).toBe(false);
    const plan = await planLeastCost([record], NATIONAL_2017, DEFAULT_UNIT_COSTS, { projects: ODD });
    expect(plan.additions).toEqual([
      { school: "甲", level: null, resource: "teachingArea", amount: 30, cost: 30 * 3500 },
    ]);
    expect(plan.passesAfter).toBe(true);
  });

  test("a costs file with such a minimum says the size used", () => {
    const parsed = parseCosts({ minimum: { teachingArea: 25 }, step: { teachingArea: 10 } });
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map((w) => [w.code, w.message.zh])).toEqual([
      [
        "project-minimum-steps",
        "minimum.teachingArea（教学用房）：最小规模 25 ㎡不是步长 10 ㎡的整数倍，按 30 ㎡计（项目规模都是步长的整数倍）",
      ],
    ]);
    expect(parseCosts({ minimum: { teachingArea: 60 } }).warnings).toEqual([]);
  });

  test("plans of generated counties: every project legal, the county passes as a what-if, the bound below", async () => {
    for (const seed of [2, 7]) {
      const records = generateCounty(20, seed, { low: 0.5, high: 2.5 });
      const plan = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, { projects: ODD });
      expect(evaluateScenario(records, plan.edits, NATIONAL_2017).evaluation.resourcesPass).toBe(true);
      const used = { minimum: { ...ODD.minimum }, step: ODD.step };
      for (const id of FACILITY_INDICATORS) used.minimum[id] = leastProject(ODD, id);
      for (const a of plan.additions)
        if (isFacility(a.resource))
          expect([a.school, a.resource, a.amount, legal(used, a.resource, a.amount)]).toEqual([
            a.school,
            a.resource,
            a.amount,
            true,
          ]);
      if (plan.cv.lowerBound !== null) expect(plan.cv.lowerBound).toBeLessThanOrEqual(plan.totalCost);
    }
  });
});

describe("docs/plans.md#method: the bound is a bound of the rounded problem, against brute force", () => {
  const TIGHT: Profile = { ...SMALL, cvLimit: { primary: 0.15, junior: 0.15 } };
  // sports ground in projects of at least 3 in steps of 2: 4, 6, 8…
  const sizes: ProjectSizes = {
    minimum: { teachingArea: 1, sportsArea: 3, equipmentValue: 1, multimediaRooms: 1 },
    step: { teachingArea: 1, sportsArea: 2, equipmentValue: 1, multimediaRooms: 1 },
  };

  test("three schools short of key teachers and sports ground: legal projects, bound ≤ optimum ≤ plan", async () => {
    let checked = 0;
    for (let seed = 1; checked < 8 && seed < 400; seed++) {
      const records = threeSchools(seed);
      if (evaluate(records, TIGHT).resourcesPass) continue;
      const plan = await planLeastCost(records, TIGHT, COSTS, { projects: sizes });
      expect(plan.passesAfter).toBe(true);
      for (const a of plan.additions)
        if (a.resource === "sportsArea")
          expect([a.amount, a.amount >= 4 && a.amount % 2 === 0]).toEqual([a.amount, true]);
      // every allocation of key teachers and legal sports grounds (0, 4, 6, 8…) cheaper than the plan, judged by
      // the engine: exhaustive, since no such allocation holds more of a resource than the plan's cost buys
      const keys = Array.from({ length: Math.floor(plan.totalCost / COSTS.keyTeachers) + 1 }, (_, x) => x);
      const sports = [0];
      for (let x = 4; x * COSTS.sportsArea <= plan.totalCost; x += 2) sports.push(x);
      const least = cheapestKeysAndSports(records, TIGHT, COSTS, keys, sports, plan.totalCost);
      if (plan.cv.lowerBound !== null) expect(plan.cv.lowerBound).toBeLessThanOrEqual(least + 1e-9);
      checked++;
    }
    expect(checked).toBe(8);
  });
});

describe("docs/plans.md#method: a step moved between two schools' projects", () => {
  test("no move of a step from one project to another, then a project a step smaller, passes for less", async () => {
    // found by that very search over generated counties: a step moved between two schools' sports grounds let
    // a dearer project be a step smaller (51,915,000 元 against 51,875,000 and then less)
    const records = generateCounty(6, 20, { low: 0.3, high: 3 });
    const sizes = { teachingArea: 50, sportsArea: 100, equipmentValue: 20000, multimediaRooms: 1 };
    const plan = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: { minimum: sizes, step: sizes },
    });
    expect([plan.method, plan.passesAfter]).toEqual(["coefficients", true]);
    expect(plan.cv.lowerBound as number).toBeLessThanOrEqual(plan.totalCost);
    const cost = (edits: Edit[]) =>
      edits.reduce(
        (sum, e) =>
          sum +
          (e.kind === "addFacility"
            ? e.amount * DEFAULT_UNIT_COSTS[e.resource]
            : e.kind === "hireTeachers"
              ? e.count * DEFAULT_UNIT_COSTS[e.resource]
              : 0),
        0,
      );
    expect(cost(plan.edits)).toBe(plan.totalCost);
    const passes = (edits: Edit[]) =>
      evaluateScenario(records, edits, NATIONAL_2017).evaluation.resourcesPass;
    const resized = (edits: Edit[], at: number, by: number) =>
      edits.map((e, k) => {
        if (k !== at || e.kind !== "addFacility") return e;
        const step = sizes[e.resource];
        // a step below the least project is no project at all
        return { ...e, amount: e.amount + by * step >= step ? e.amount + by * step : 0 };
      });
    const projects = plan.edits.flatMap((e, k) => (e.kind === "addFacility" ? [{ e, k }] : []));
    const better: string[] = [];
    for (const from of projects)
      for (const to of projects) {
        if (from.k === to.k || from.e.resource !== to.e.resource) continue;
        const moved = resized(resized(plan.edits, from.k, -1), to.k, 1);
        if (!passes(moved)) continue;
        for (const spare of projects) {
          const smaller = resized(moved, spare.k, -1);
          if (cost(smaller) < plan.totalCost && passes(smaller))
            better.push(`${from.e.school} → ${to.e.school}, ${spare.e.school}: ${cost(smaller)}`);
        }
      }
    expect(better).toEqual([]);
  });
});

describe("docs/plans.md#method: a coefficient a project's rounding carries over its limit", () => {
  const T = (q: number, k: number, p: number) => ({ qualifiedTeachers: q, keyTeachers: k, peArtTeachers: p });
  const none = T(0, 0, 0);
  const school = (
    name: string,
    type: SchoolRecord["type"],
    primary: number,
    junior: number,
    teachers: SchoolRecord["teachers"],
    [teachingArea, sportsArea, equipmentValue, multimediaRooms]: number[],
  ): SchoolRecord => ({
    name,
    type,
    students: { primary, junior, senior: 0 },
    teachers,
    facilities: { teachingArea, sportsArea, equipmentValue, multimediaRooms },
  });
  // every section passes; one primary school's ground (150 m² a pupil) puts the primary coefficient of sports
  // ground far over its limit. Meeting it raises the nine-year school's ground, which lifts its junior section
  // above the junior mean, so the junior coefficient (two sections) is met to its limit, where a school's ground
  // rounded up to whole 10 m² carries it over again.
  const county = [
    school("甲小学", "primary", 500, 0, { primary: T(25, 6, 5), junior: none }, [2500, 4000, 1200000, 13]),
    school("乙小学", "primary", 400, 0, { primary: T(20, 5, 4), junior: none }, [2000, 3200, 950000, 10]),
    school("庚小学", "primary", 300, 0, { primary: T(15, 4, 3), junior: none }, [1500, 2400, 700000, 7]),
    school("辛小学", "primary", 200, 0, { primary: T(10, 3, 2), junior: none }, [1000, 30000, 500000, 5]),
    school("丙中学", "junior", 0, 600, { primary: none, junior: T(36, 7, 7) }, [3800, 6500, 1600000, 15]),
    school(
      "丁学校",
      "nineYear",
      300,
      200,
      { primary: T(14, 4, 3), junior: T(12, 3, 2) },
      [2700, 5000, 1200000, 12],
    ),
  ];

  test("the coefficients are met again on the rounded projects: the county passes, every project legal", async () => {
    const before = evaluate(county, NATIONAL_2017);
    expect(before.levels.primary.balance.sportsArea.pass).toBe(false);
    expect(before.sections.every((s) => !s.included || s.pass)).toBe(true);
    expect(before.levels.junior.balance.sportsArea.pass).toBe(true);
    const plan = await planLeastCost(county, NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: DEFAULT_PROJECT_SIZES,
    });
    expect(plan.passesAfter).toBe(true);
    expect(plan.cv.remaining).toEqual([]);
    // the engine's own verdict on the additions, as a clerk's what-if of them
    const edits: Edit[] = plan.additions.map((a) => ({
      kind: "addFacility",
      school: a.school,
      resource: a.resource as FacilityIndicatorId,
      amount: a.amount,
    }));
    expect(plan.additions.every((a) => isFacility(a.resource))).toBe(true);
    expect(evaluateScenario(county, edits, NATIONAL_2017).evaluation.resourcesPass).toBe(true);
    for (const a of plan.additions)
      expect(legal(DEFAULT_PROJECT_SIZES, a.resource as FacilityIndicatorId, a.amount)).toBe(true);
    expect(plan.cv.lowerBound).not.toBeNull();
    expect(plan.totalCost).toBeGreaterThanOrEqual(plan.cv.lowerBound as number);
  });
});
