/**
 * Plans a bureau can act on (issue 15): facilities added as projects of a least size in whole steps, teachers'
 * recurring cost apart from the one-off costs, each totalled in 万元, on a sheet that prints.
 */
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { asProject, buildPlanModel } from "../../src/engine/plan/model";
import {
  DEFAULT_PROJECT_SIZES,
  DEFAULT_UNIT_COSTS,
  isRecurring,
  parseCosts,
} from "../../src/engine/plan/costs";
import { planSheet, rotationSheet } from "../../src/report/planSheets";
import { planRotation } from "../../src/engine/plan/rotation";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { FACILITY_INDICATORS, type FacilityIndicatorId } from "../../src/standard/indicators";
import { generateCounty } from "./county";

const isFacility = (id: string): id is FacilityIndicatorId =>
  (FACILITY_INDICATORS as readonly string[]).includes(id);

describe("facility additions as projects", () => {
  test("nothing stays nothing; anything else is at least the least project, in whole steps", () => {
    const model = buildPlanModel(
      sampleCountyRecords(),
      NATIONAL_2017,
      DEFAULT_UNIT_COSTS,
      DEFAULT_PROJECT_SIZES,
    );
    const teaching = FACILITY_INDICATORS.indexOf("teachingArea");
    const sports = FACILITY_INDICATORS.indexOf("sportsArea");
    const equipment = FACILITY_INDICATORS.indexOf("equipmentValue");
    // 白狼县第一小学, 1,452 pupils: the least projects apply as they are
    const big = model.schools.findIndex((s) => s.name === "白狼县第一小学");
    expect(asProject(model, big, teaching, 0)).toBe(0);
    expect(asProject(model, big, sports, 1.66)).toBe(200);
    expect(asProject(model, big, teaching, 50.0000000001)).toBe(50);
    expect(asProject(model, big, teaching, 61)).toBe(70);
    expect(asProject(model, big, sports, 1018.4)).toBe(1020);
    expect(asProject(model, big, equipment, 666)).toBe(10000);
    expect(asProject(model, big, equipment, 24679)).toBe(25000);
    // exact amounts without project sizes
    const exact = buildPlanModel(sampleCountyRecords(), NATIONAL_2017, DEFAULT_UNIT_COSTS);
    expect(asProject(exact, big, sports, 1.66)).toBe(1.66);
    // a school of 4 pupils needs no more than what gives it the standard: 4 × 7.5 m² of sports ground, in 10 m²
    const tiny = buildPlanModel(
      [{ ...sampleCountyRecords()[0], name: "小校", students: { primary: 4, junior: 0, senior: 0 } }],
      NATIONAL_2017,
      DEFAULT_UNIT_COSTS,
      DEFAULT_PROJECT_SIZES,
    );
    expect(asProject(tiny, 0, sports, 1.66)).toBe(30);
  });

  test("a costs file changes the project sizes; a bad size names its field", () => {
    const ok = parseCosts({
      teachingArea: 4000,
      minimum: { sportsArea: 500 },
      step: { equipmentValue: 5000 },
    });
    expect(ok.problems).toEqual([]);
    expect(ok.projects.minimum).toMatchObject({ sportsArea: 500, teachingArea: 50 });
    expect(ok.projects.step).toMatchObject({ equipmentValue: 5000, sportsArea: 10 });
    const bad = parseCosts({ minimum: { sportsArea: -1, library: 2 } });
    expect(bad.problems.map((p) => p.message.en)).toEqual([
      expect.stringMatching(/^minimum\.sportsArea/),
      expect.stringMatching(/^minimum/),
    ]);
  });

  test("the sample county: no facility addition below its least project, costs recurring and one-off apart", async () => {
    const exact = await planLeastCost(sampleCountyRecords(), NATIONAL_2017);
    // the exact optimum proposes a few square metres of sports ground, as the issue saw
    expect(exact.additions.some((a) => a.resource === "sportsArea" && a.amount < 10)).toBe(true);
    const plan = await planLeastCost(sampleCountyRecords(), NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: DEFAULT_PROJECT_SIZES,
    });
    expect(plan.passesAfter).toBe(true);
    const facilities = plan.additions.filter((a) => isFacility(a.resource));
    expect(facilities.length).toBeGreaterThan(0);
    for (const a of facilities) {
      const id = a.resource as FacilityIndicatorId;
      expect([a.school, id, a.amount >= DEFAULT_PROJECT_SIZES.minimum[id]]).toEqual([a.school, id, true]);
      const steps = a.amount / DEFAULT_PROJECT_SIZES.step[id];
      expect([a.school, id, Math.abs(steps - Math.round(steps)) < 1e-9]).toEqual([a.school, id, true]);
    }
    const recurring = plan.additions.filter((a) => isRecurring(a.resource)).reduce((s, a) => s + a.cost, 0);
    expect(plan.recurringCost).toBe(recurring);
    expect(plan.oneOffCost).toBe(facilities.reduce((s, a) => s + a.cost, 0));
    expect(plan.recurringCost).toBeGreaterThan(0);
    expect(plan.oneOffCost).toBeGreaterThan(0);
  });
});

describe("the plan as a sheet", () => {
  test("teachers (万元 a year) and facilities (万元 once) in two tables, each totalled by a formula", async () => {
    const plan = await planLeastCost(sampleCountyRecords(), NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: DEFAULT_PROJECT_SIZES,
    });
    const sheet = planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh", {
      projects: DEFAULT_PROJECT_SIZES,
      title: { county: "白狼县", year: "2026" },
    });
    const text = sheet.rows.flat().map((c) => c?.value);
    expect(text[0]).toBe("白狼县 2026 年义务教育优质均衡发展 资源配置补充方案（最低成本）");
    expect(text).toContain("一、新增教师（经常性支出，按年计）");
    expect(text).toContain("二、校舍、场馆、设备和多媒体教室（一次性投入）");
    const sums = sheet.rows.flat().filter((c) => c?.formula?.startsWith("=SUM(G"));
    expect(sums.map((c) => c!.value)).toEqual([plan.recurringCost / 10000, plan.oneOffCost / 10000]);
    const totals = sheet.rows.find((r) => String(r[0]?.value).startsWith("经常性支出"))!;
    expect(totals[5]).toMatchObject({
      value: plan.recurringCost / 10000,
      formula: expect.stringMatching(/^=G\d+$/),
    });
    expect(totals[6].value).toBe("万元/年");
    // equipment in 万元, every cost a formula of amount × unit cost in 万元
    const costs = sheet.rows.filter((r) => r[6]?.formula?.startsWith("=D"));
    expect(costs).toHaveLength(plan.additions.length);
    for (const r of costs)
      expect(Math.abs(Number(r[3].value) * Number(r[5].value) - Number(r[6].value))).toBeLessThan(1e-9);
    // landscape: on a portrait page its columns at their widest (paperWidth.ts printedColumnWidth) would scale its
    // 9-point notes and page numbers under 9 pt
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    expect(
      text.some((v) => typeof v === "string" && v.includes("运动场馆至少 200 ㎡（按 10 ㎡ 取整）")),
    ).toBe(true);
    expect(sheet.rows.flat().some((c) => c?.style === "signature")).toBe(true);
  });

  test("the totals' units: 万元 a year for teachers, 万元 once for the rest, with either table empty", async () => {
    // a county that passes as it is: a plan of nothing, given one table, the other or neither
    const EMPTY_PLAN = await planLeastCost(generateCounty(4, 1, { low: 1.3, high: 1.4 }), NATIONAL_2017);
    expect(EMPTY_PLAN.additions).toEqual([]);
    const sheets = [true, false].flatMap((teachers) =>
      [true, false].map((facilities) => {
        const plan = {
          ...EMPTY_PLAN,
          additions: [
            ...(teachers
              ? [
                  {
                    school: "甲小学",
                    level: "primary" as const,
                    resource: "keyTeachers" as const,
                    amount: 1,
                    cost: 150000,
                  },
                ]
              : []),
            ...(facilities
              ? [{ school: "甲小学", level: null, resource: "sportsArea" as const, amount: 200, cost: 80000 }]
              : []),
          ],
        };
        return planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh");
      }),
    );
    for (const sheet of sheets) {
      const row = (start: string) => sheet.rows.find((r) => String(r[0]?.value).startsWith(start))!;
      expect(row("经常性支出")[6].value).toBe("万元/年");
      expect(row("一次性投入")[6].value).toBe("万元");
    }
  });

  test("a rotation that moves no one says so, not that the passing sections rose from n to n", async () => {
    const county = generateCounty(4, 1, { low: 1.3, high: 1.4 });
    const rotation = await planRotation(county, NATIONAL_2017);
    expect(rotation.moves).toEqual([]);
    const subtitle = (lang: "zh" | "en") => rotationSheet(rotation, NATIONAL_2017, lang).rows[1][0].value;
    const n = rotation.passingBefore;
    expect(subtitle("zh")).toBe(`达标学校（校区）${n} 个；交流轮岗不能使更多学校（校区）达标`);
    expect(subtitle("en")).toBe(`Passing sections: ${n}; no rotation brings more to pass`);
  });

  test("a rotation planned after what-if edits names them, as the plan's sheet does; one for the table does not", async () => {
    const county = generateCounty(4, 1, { low: 1.3, high: 1.4 });
    const rotation = await planRotation(county, NATIONAL_2017);
    const text = (edits?: string[]) =>
      rotationSheet(rotation, NATIONAL_2017, "zh", { edits })
        .rows.flat()
        .map((c) => String(c?.value ?? ""));
    const edits = ["城关小学 小学在校生 +200", "撤并 东村教学点 并入 城关小学"];
    expect(text(edits)).toContain(
      "本方案按修改后的学校表求出（模拟，原表未改动）：1. 城关小学 小学在校生 +200；2. 撤并 东村教学点 并入 城关小学。",
    );
    expect(text().some((v) => v.includes("修改后的学校表"))).toBe(false);
    expect(text([]).some((v) => v.includes("修改后的学校表"))).toBe(false);
  });

  test("its notes give the simple top-up in 万元, recurring and one-off apart, and the proven gap", async () => {
    const records = generateCounty(12, 10, { low: 0.2, high: 4.5 });
    const plan = await planLeastCost(records, NATIONAL_2017, undefined, { refine: false });
    expect(plan.method).toBe("coefficients");
    const notes = (lang: "zh" | "en") =>
      planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, lang)
        .rows.flat()
        .filter((cell) => cell?.style === "note")
        .map((cell) => String(cell!.value));
    const wan = (x: number) =>
      (x / 10000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const gap = ((plan.cv.gap as number) * 100).toFixed(2);
    const zh = notes("zh").join("");
    expect(zh).toContain(
      `经常性支出 ${wan(plan.baselineRecurringCost)} 万元/年，一次性投入 ${wan(plan.baselineOneOffCost)} 万元`,
    );
    expect(plan.baselineRecurringCost + plan.baselineOneOffCost).toBeCloseTo(plan.baselineCost, 6);
    // the bound a bureau can quote: in 万元, beside the plan's own cost, then the gap
    expect(plan.passesAfter).toBe(true);
    expect(zh).toContain(
      `已证明：任何达标方案的一年教师支出加一次性投入都不低于 ${wan(plan.cv.lowerBound as number)} 万元；` +
        `本方案合计 ${wan(plan.totalCost)} 万元，至多比最低成本高 ${gap}%。`,
    );
    const en = notes("en").join("");
    expect(en).toContain(`Proven: every plan that passes costs at least `);
    expect(en).toContain(`at most ${gap} % above the least.`);
  });

  test("a plan no coefficient binds says it is proven the least cost", async () => {
    const records = generateCounty(8, 3, { low: 0.95, high: 1.05 });
    const plan = await planLeastCost(records, NATIONAL_2017);
    expect(plan.method).toBe("perSchool");
    expect(plan.passesAfter).toBe(true);
    const notes = planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh")
      .rows.flat()
      .filter((cell) => cell?.style === "note")
      .map((cell) => String(cell!.value));
    expect(notes).toContain("已证明这是最低成本方案：差异系数都不构成约束，逐校精确求解即为最优。");
  });
});
