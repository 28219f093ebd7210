import { planLeastCost, additionsToEdits } from "../../src/engine/plan/leastCost";
import { buildPlanModel } from "../../src/engine/plan/model";
import { additionsCost } from "../../src/engine/plan/additions";
import { planBaseline, planPerSchool } from "../../src/engine/plan/perSchool";
import { solveMilp } from "../../src/engine/plan/milp";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  parseCosts,
  type UnitCosts,
} from "../../src/engine/plan/costs";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { FACILITY_INDICATORS, type IndicatorId } from "../../src/standard/indicators";
import { bruteForceSchool, generateCounty, SMALL, smallCounty, SMALL_COSTS as COSTS } from "./county";

describe("least-cost plan: the school-pass part is exact", () => {
  test("docs/standard.md#pass-rule: per-school plan equals brute force on small schools (band choice included)", () => {
    let checked = 0;
    for (let seed = 1; checked < 25 && seed < 400; seed++) {
      const [record] = smallCounty(1, seed, ["primary", "junior"]);
      const model = buildPlanModel([record], SMALL, COSTS);
      const brute = bruteForceSchool(record, SMALL, COSTS);
      if (brute.combos > 5000) continue;
      expect(additionsCost(model, planPerSchool(model))).toBe(brute.cost);
      checked++;
    }
    expect(checked).toBe(25);
  });

  test("docs/standard.md#apportioning: for nine-year schools the shared facility and both sections' band choices are optimal together", () => {
    let checked = 0;
    for (let seed = 1; checked < 5 && seed < 2000; seed++) {
      const [record] = smallCounty(1, seed, ["nineYear"]);
      const model = buildPlanModel([record], SMALL, COSTS);
      const sections = evaluate([record], SMALL).sections;
      if (sections.some((s) => s.pass)) continue;
      const brute = bruteForceSchool(record, SMALL, COSTS);
      if (brute.combos > 8000) continue;
      expect(additionsCost(model, planPerSchool(model))).toBe(brute.cost);
      checked++;
    }
    expect(checked).toBe(5);
  });

  test("per-school optimum equals the HiGHS MILP optimum on generated counties", async () => {
    for (const seed of [3, 5, 8]) {
      const records = generateCounty(40, seed);
      const model = buildPlanModel(records, NATIONAL_2017, DEFAULT_UNIT_COSTS);
      const exact = additionsCost(model, planPerSchool(model));
      const milp = await solveMilp(model, []);
      expect(milp.status).toBe("Optimal");
      expect(milp.objective).toBeCloseTo(exact, 0);
      expect(Math.abs(additionsCost(model, milp.additions) - exact)).toBeLessThanOrEqual(
        Math.abs(exact) * 1e-7,
      );
    }
  });
});

describe("least-cost plan: verified by the engine", () => {
  test("applying any plan makes the county pass, and it never costs more than the per-school baseline", async () => {
    for (const seed of [1, 2, 4, 9, 11]) {
      const records = generateCounty(25, seed);
      const plan = await planLeastCost(records, NATIONAL_2017);
      const after = evaluateScenario(records, plan.edits, NATIONAL_2017).evaluation;
      expect(after.resourcesPass).toBe(true);
      expect(plan.passesAfter).toBe(true);
      const model = buildPlanModel(records, NATIONAL_2017, DEFAULT_UNIT_COSTS);
      const baseline = planBaseline(model);
      expect(plan.baselineCost).toBeCloseTo(additionsCost(model, baseline), 6);
      if (
        evaluateScenario(records, additionsToEdits(model, baseline), NATIONAL_2017).evaluation.resourcesPass
      ) {
        expect(plan.totalCost).toBeLessThanOrEqual(plan.baselineCost + 1e-6);
      }
      // the cost is reported per school and per resource, and both add up
      const bySchool = plan.costBySchool.reduce((s, x) => s + x.cost, 0);
      const byResource = plan.costByResource.reduce((s, x) => s + x.cost, 0);
      expect(bySchool).toBeCloseTo(plan.totalCost, 4);
      expect(byResource).toBeCloseTo(plan.totalCost, 4);
      for (const a of plan.additions) {
        if (NATIONAL_2017.indicators[a.resource].integral) expect(Number.isInteger(a.amount)).toBe(true);
        expect(a.level === null).toBe(FACILITY_INDICATORS.includes(a.resource as never));
      }
    }
  });

  test("docs/standard.md#coefficient: when coefficients bind, the plan passes and HiGHS proves it optimal on a small county", async () => {
    const records = generateCounty(12, 10, { low: 0.2, high: 4.5 });
    expect(evaluate(records, NATIONAL_2017).levels.primary.pass).toBe(false);
    const plan = await planLeastCost(records, NATIONAL_2017);
    expect(plan.method).toBe("coefficients");
    expect(plan.passesAfter).toBe(true);
    expect(plan.cv.converged).toBe(true);
    expect(plan.cv.lowerBound).not.toBeNull();
    expect(plan.totalCost).toBeGreaterThanOrEqual((plan.cv.lowerBound as number) * (1 - 1e-9));
    expect(plan.cv.gap).toBeLessThan(1e-4);
    // without HiGHS the Lagrangian bound alone still bounds the same plan, less tightly
    const unrefined = await planLeastCost(records, NATIONAL_2017, undefined, { refine: false });
    expect(unrefined.passesAfter).toBe(true);
    expect(unrefined.cv.lowerBound as number).toBeLessThanOrEqual(
      (plan.cv.lowerBound as number) * (1 + 1e-9),
    );
    expect(unrefined.cv.gap).toBeLessThan(0.05);
  });

  test("docs/standard.md#teaching-points: excluded sections (special schools, small teaching points) get nothing", async () => {
    const records = generateCounty(10, 4);
    records.push({
      ...records[0],
      name: "特教学校",
      type: "special",
      teachers: {
        primary: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
        junior: records[0].teachers.junior,
      },
      facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
    });
    records.push({
      ...records[0],
      name: "小教学点",
      type: "teachingPoint",
      students: { primary: 30, junior: 0, senior: 0 },
      facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
    });
    const plan = await planLeastCost(records, NATIONAL_2017);
    expect(plan.additions.filter((a) => a.school === "特教学校" || a.school === "小教学点")).toEqual([]);
    expect(plan.passesAfter).toBe(true);
  });
});

describe("least-cost plan with binding coefficients, against brute force", () => {
  test("three small primary schools, one rich in equipment: the optimum raises the poor ones just enough", async () => {
    const costs: UnitCosts = { ...COSTS, equipmentValue: 1 };
    const base = (name: string, equipment: number): SchoolRecord => ({
      name,
      type: "primary",
      students: { primary: 10, junior: 0, senior: 0 },
      teachers: {
        primary: { qualifiedTeachers: 2, keyTeachers: 2, peArtTeachers: 2 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      },
      facilities: { teachingArea: 2, sportsArea: 2, equipmentValue: equipment, multimediaRooms: 2 },
    });
    const records = [base("A", 2), base("B", 1), base("C", 14)];
    expect(evaluate(records, SMALL).levels.primary.balance.equipmentValue.pass).toBe(false);
    const plan = await planLeastCost(records, SMALL, costs);
    expect(plan.passesAfter).toBe(true);
    // brute force over whole additions of equipment to A and B (C only raises the coefficient)
    let best = Infinity;
    for (let a = 0; a <= 20; a++) {
      for (let b = 0; b <= 20; b++) {
        const edits: Edit[] = [];
        if (a > 0) edits.push({ kind: "addFacility", school: "A", resource: "equipmentValue", amount: a });
        if (b > 0) edits.push({ kind: "addFacility", school: "B", resource: "equipmentValue", amount: b });
        if (evaluateScenario(records, edits, SMALL).evaluation.resourcesPass) best = Math.min(best, a + b);
      }
    }
    expect(plan.totalCost).toBe(best);
  });
});

describe("unit costs", () => {
  test("a costs file overrides some defaults and names a bad field", () => {
    const ok = parseCosts({ teachingArea: 4000 });
    expect(ok.problems).toEqual([]);
    expect(ok.costs.teachingArea).toBe(4000);
    expect(ok.costs.equipmentValue).toBe(1);
    const bad = parseCosts({ teachingArea: -1, library: 3 });
    expect(bad.problems.map((p) => p.code)).toEqual(["costs-invalid", "costs-invalid"]);
    expect(bad.problems.some((p) => p.message.en.startsWith("teachingArea"))).toBe(true);
  });

  test("costs written in 万元, or per 万元 of equipment, are used as given with a warning naming each", () => {
    const wan = parseCosts({
      qualifiedTeachers: 12,
      teachingArea: 0.35,
      sportsArea: 0,
      equipmentValue: 10000,
    });
    expect(wan.problems).toEqual([]);
    expect(wan.costs.qualifiedTeachers).toBe(12);
    // 0 (a resource to spare) and the defaults raise nothing
    expect(wan.warnings.map((w) => [w.severity, w.code, w.message.zh])).toEqual([
      [
        "warning",
        "cost-implausible",
        "qualifiedTeachers（高学历教师）：单位成本 12 元，不到默认值 120000 元的百分之一；单位成本以元计，是否按万元填写？",
      ],
      [
        "warning",
        "cost-implausible",
        "teachingArea（教学用房）：单位成本 0.35 元，不到默认值 3500 元的百分之一；单位成本以元计，是否按万元填写？",
      ],
      [
        "warning",
        "cost-implausible",
        "equipmentValue（仪器设备）：单位成本 10000 元，超过默认值 1 元的 100 倍，请核对单位",
      ],
    ]);
    // local prices a few times the defaults are no doubt
    expect(parseCosts({ qualifiedTeachers: 60000, multimediaRooms: 1_000_000 }).warnings).toEqual([]);
  });

  test("a field named in Chinese is named back with the fields a costs file has", () => {
    const bad = parseCosts({ 高学历教师: 120000, step: { 运动场馆: 10 } });
    expect(bad.problems.map((p) => p.message.zh)).toEqual([
      'step.运动场馆：项目规模无效（未知字段，应为以下之一："teachingArea"（教学用房）、"sportsArea"（运动场馆）、"equipmentValue"（仪器设备）、"multimediaRooms"（多媒体教室））',
      '高学历教师：单位成本无效（未知字段，应为以下之一："qualifiedTeachers"（高学历教师）、"keyTeachers"（骨干教师）、"peArtTeachers"（体艺教师）、"teachingArea"（教学用房）、"sportsArea"（运动场馆）、"equipmentValue"（仪器设备）、"multimediaRooms"（多媒体教室）、"minimum"（项目最小规模）、"step"（项目步长））',
    ]);
  });

  test("a project size that is not one is said to be a project size, not a unit cost", () => {
    const bad = parseCosts({ sportsArea: -1, minimum: { teachingArea: "五十" }, step: { sportsArea: -10 } });
    expect(bad.problems.map((p) => p.message.zh)).toEqual([
      "sportsArea：单位成本无效（不能小于 0）",
      'minimum.teachingArea：项目规模无效（应为数字，这里是文字 "五十"）',
      "step.sportsArea：项目规模无效（不能小于 0）",
    ]);
    expect(bad.problems[2].message.en).toBe("step.sportsArea: invalid project size (must be at least 0)");
  });

  test("docs/plans.md#costs: a free resource is added only where it is needed, a step or a person less fails", async () => {
    const records = sampleCountyRecords();
    for (const free of [
      { sportsArea: 0 },
      Object.fromEntries(Object.keys(DEFAULT_UNIT_COSTS).map((id) => [id, 0])) as UnitCosts,
    ]) {
      const costs = { ...DEFAULT_UNIT_COSTS, ...free };
      const plan = await planLeastCost(records, NATIONAL_2017, costs, { projects: DEFAULT_PROJECT_SIZES });
      expect(plan.passesAfter).toBe(true);
      const edits = plan.edits;
      const freeEdits = edits
        .map((e, i) => ({ e, i }))
        .filter(
          ({ e }) => (e.kind === "hireTeachers" || e.kind === "addFacility") && costs[e.resource] === 0,
        );
      expect(freeEdits.length).toBeGreaterThan(0);
      for (const { e, i } of freeEdits) {
        const less: Edit =
          e.kind === "hireTeachers"
            ? { ...e, count: e.count - 1 }
            : e.kind === "addFacility"
              ? {
                  ...e,
                  amount:
                    e.amount - DEFAULT_PROJECT_SIZES.step[e.resource] >=
                    DEFAULT_PROJECT_SIZES.minimum[e.resource]
                      ? e.amount - DEFAULT_PROJECT_SIZES.step[e.resource]
                      : 0,
                }
              : e;
        const fewer = edits.map((x, j) => (j === i ? less : x));
        expect([e, evaluateScenario(records, fewer, NATIONAL_2017).evaluation.resourcesPass]).toEqual([
          e,
          false,
        ]);
      }
    }
  });

  test("a cheaper resource is preferred when either one can be left in the band", async () => {
    // one section short of both key teachers and rooms, each within the 85 % band: the plan raises the cheaper
    const record: SchoolRecord = {
      name: "甲",
      type: "primary",
      students: { primary: 1000, junior: 0, senior: 0 },
      teachers: {
        primary: { qualifiedTeachers: 50, keyTeachers: 9, peArtTeachers: 10 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      },
      facilities: { teachingArea: 5000, sportsArea: 8000, equipmentValue: 2_100_000, multimediaRooms: 22 },
    };
    const plan = await planLeastCost([record], NATIONAL_2017);
    expect(plan.additions).toEqual([
      { school: "甲", level: null, resource: "multimediaRooms", amount: 1, cost: 50000 },
    ]);
    const dearRooms = await planLeastCost([record], NATIONAL_2017, {
      ...DEFAULT_UNIT_COSTS,
      multimediaRooms: 1e6,
    });
    expect(dearRooms.additions).toEqual([
      { school: "甲", level: "primary", resource: "keyTeachers", amount: 1, cost: 150000 },
    ]);
  });
});

export type { IndicatorId };
