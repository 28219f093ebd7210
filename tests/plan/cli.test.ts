import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { planText } from "../../src/cli/commands/plan";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario, parseEdits, type Edit } from "../../src/engine/scenario";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";

const SAMPLE = "examples/sample-county.xlsx";
const dir = tempDir();
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe("balance plan", () => {
  test("the JSON contract: additions, totalCost, passesAfter, costs per school and resource, rotation", async () => {
    const r = await run("plan", SAMPLE, "--json", "--rotation");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.passesAfter).toBe(true);
    expect(doc.additions.length).toBeGreaterThan(0);
    for (const a of doc.additions) {
      expect(Object.keys(a).sort()).toEqual(["amount", "cost", "level", "resource", "school"]);
      expect(INDICATOR_IDS).toContain(a.resource);
      expect(a.level === null || a.level === "primary" || a.level === "junior").toBe(true);
      expect(a.level === null).toBe(
        ["teachingArea", "sportsArea", "equipmentValue", "multimediaRooms"].includes(a.resource),
      );
      expect(a.amount).toBeGreaterThan(0);
      expect(a.cost).toBeCloseTo(a.amount * doc.unitCosts[a.resource], 6);
    }
    const sum = doc.additions.reduce((s: number, a: { cost: number }) => s + a.cost, 0);
    expect(doc.totalCost).toBeCloseTo(sum, 6);
    expect(doc.costBySchool.reduce((s: number, x: { cost: number }) => s + x.cost, 0)).toBeCloseTo(sum, 6);
    expect(doc.costByResource.map((x: { resource: string }) => x.resource)).toEqual([...INDICATOR_IDS]);
    expect(doc.totalCost).toBeLessThanOrEqual(doc.baselineCost);
    expect(doc.rotation.passingAfter).toBeGreaterThanOrEqual(doc.rotation.passingBefore);
    for (const m of doc.rotation.moves)
      expect(Object.keys(m).sort()).toEqual(["count", "from", "level", "resource", "to"]);
  });

  test("readable output in Chinese, numbers formatted; --lang en", async () => {
    const zh = await run("plan", SAMPLE);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("最低成本补充方案");
    expect(zh.stdout).toMatch(/合计：[\d,.]+ 万元/);
    expect(zh.stdout).toContain("资源配置达标 ✓");
    // the proven bound in 万元 beside the plan's cost, as the JSON gives them
    const doc = JSON.parse((await run("plan", SAMPLE, "--json")).stdout);
    const wan = (x: number) =>
      (x / 10000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(zh.stdout).toContain(
      `已证明：任何达标方案的一年教师支出加一次性投入都不低于 ${wan(doc.cv.lowerBound)} 万元；` +
        `本方案合计 ${wan(doc.totalCost)} 万元，至多比最低成本高 ${(doc.cv.gap * 100).toFixed(2)}%。`,
    );
    const en = await run("plan", SAMPLE, "--lang", "en");
    expect(en.stdout).toContain("Least-cost plan");
    expect(en.stdout).not.toContain("合计");
  });

  test("a costs file changes the plan's prices; a bad one is an input error naming the field", async () => {
    const cheap = await run("plan", SAMPLE, "--json", "--costs", file("costs.json", { sportsArea: 100 }));
    const doc = JSON.parse(cheap.stdout);
    expect(doc.unitCosts.sportsArea).toBe(100);
    expect(doc.unitCosts.teachingArea).toBe(3500);
    const bad = await run("plan", SAMPLE, "--costs", file("bad.json", { sportsArea: "cheap" }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("sportsArea");
  });

  test("a costs file in 万元: the plan is made at the prices given, each doubtful one named, exit 0", async () => {
    const r = await run("plan", SAMPLE, "--costs", file("wan.json", { keyTeachers: 15 }), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unitCosts.keyTeachers).toBe(15);
    expect(doc.problems.map((p: { code: string }) => p.code)).toEqual(["cost-implausible"]);
    const text = await run("plan", SAMPLE, "--costs", file("wan.json", { keyTeachers: 15 }));
    expect(text.stderr).toContain("keyTeachers（骨干教师）：单位成本 15 元，不到默认值 150000 元的百分之一");
  });

  test("--budget in 万元: short of the plan, it says so first and lists what a budget buys and what still fails", async () => {
    const r = await run("plan", SAMPLE, "--budget", "100", "--json", "--out", join(dir, "预算.xlsx"));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.budget.budget).toBe(1_000_000);
    expect([doc.budget.fits, doc.budget.provenShort, doc.budget.fullCost]).toEqual([
      false,
      true,
      doc.totalCost,
    ]);
    expect(doc.budget.totalCost).toBeLessThanOrEqual(1_000_000);
    expect(doc.budget.passingAfter).toBeGreaterThan(doc.budget.passingBefore);
    expect(doc.budget.remainingSections.length).toBe(doc.budget.included - doc.budget.passingAfter);
    const book = await readWorkbookFile(join(dir, "预算.xlsx"));
    expect(book.ok && book.grids.map((g) => g.sheet)).toEqual(["补充方案", "预算内方案"]);
    const text = await run("plan", SAMPLE, "--budget", "100");
    const lines = text.stdout.split("\n");
    const said = lines.findIndex((l) =>
      l.startsWith("预算 100.00 万元不足以使全县资源配置达标：达标的最低成本方案"),
    );
    expect(said).toBeGreaterThan(0);
    expect(lines.slice(said)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^已证明任何达标方案都不低于 [\d,.]+ 万元。$/),
        expect.stringMatching(/^达标学校（校区）：\d+ → \d+（参评 \d+ 个）；合计 [\d,.]+ 万元$/),
        expect.stringMatching(/^仍未达标的学校（校区）\d+ 个：/),
        "按预算内方案补充后，全县资源配置仍未达标 ✗",
      ]),
    );
    const enough = await run("plan", SAMPLE, "--budget", "1,000");
    expect(enough.stdout).toMatch(
      /预算 1,000.00 万元足以使全县资源配置达标：方案合计 [\d,.]+ 万元，余 [\d,.]+ 万元。/,
    );
    // as a Chinese input method types it: full-width digits, the unit after the figure
    for (const typed of ["１，０００", "1000万", "1,000 万元"]) {
      const same = await run("plan", SAMPLE, "--budget", typed);
      expect([typed, same.code, same.stdout]).toEqual([typed, 0, enough.stdout]);
    }
    expect((await run("plan", SAMPLE, "--budget", "1000元")).code).toBe(2);
    const bad = await run("plan", SAMPLE, "--budget=三百");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--budget 应为以万元计的非负数");
  });

  test("a plan that does not pass says which sections and coefficients still fail", async () => {
    // the sample county as it is, given as a plan's outcome: the words a plan the engine does not pass ends with
    const records = sampleCountyRecords();
    const plan = await planLeastCost(records, NATIONAL_2017);
    const before = evaluate(records, NATIONAL_2017);
    const remaining = LEVELS.flatMap((level) =>
      INDICATOR_IDS.filter((id) => !before.levels[level].balance[id].pass).map((indicator) => ({
        level,
        indicator,
        cv: before.levels[level].balance[indicator].cv,
        limit: before.levels[level].balance[indicator].limit,
      })),
    );
    const failing = { ...plan, passesAfter: false, evaluation: before, cv: { ...plan.cv, remaining } };
    const zh = planText(failing, null, NATIONAL_2017, "zh");
    expect(zh).toContain("按此方案补充后仍未达标 ✗");
    const sections = before.sections.filter((s) => s.included && !s.pass);
    expect(sections.length).toBeGreaterThan(0);
    expect(zh).toContain(`仍未达标的学校（校区）${sections.length} 个：${sections[0].school} 小学`);
    expect(remaining.length).toBeGreaterThan(0);
    expect(zh).toContain("超过限值的差异系数：小学 运动场馆 0.562（限值 0.50）");
    expect(planText(failing, null, NATIONAL_2017, "en")).toContain(
      "Coefficients over their limit: Primary Sports area 0.562 (limit 0.50)",
    );
    // a plan that passes says nothing of the kind
    expect(planText(plan, null, NATIONAL_2017, "zh")).not.toContain("仍未达标的学校（校区）");
  });

  test("--edits: the plan for the table after a what-if's edits, which the engine passes with them", async () => {
    const edits = [
      { kind: "增减在校生", school: "白狼县实验小学", level: "小学", value: 200 },
      { kind: "撤并学校", school: "红石乡柳树屯教学点", into: "红石乡中心小学" },
    ];
    const editsFile = file("plan-edits.json", edits);
    const text = await run("plan", SAMPLE, "--edits", editsFile);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n").slice(0, 7)).toEqual([
      "按修改清单修改后的学校表规划（模拟，原表未改动；修改 2 项）：",
      "  1. 白狼县实验小学 小学在校生 +200",
      "     费用：不计费用（在校生变化不是成本模型计价的投入）",
      "  2. 红石乡柳树屯教学点 并入 红石乡中心小学",
      // what the merger moved, as `balance whatif` says it under the edit (by hand: the point's 62 pupils)
      expect.stringMatching(/^ {5}红石乡柳树屯教学点并入红石乡中心小学：小学在校生 \+62 人，/),
      "     费用：不计费用（撤并的交通、寄宿、改造等费用不在成本模型中）",
      "  费用合计（按规划的单位成本）：0.00 万元；另有 2 项不计费用",
    ]);
    const doc = JSON.parse((await run("plan", SAMPLE, "--edits", editsFile, "--json")).stdout);
    expect(doc.edits).toMatchObject({ count: 2, applied: [0, 1] });
    expect(doc.passesAfter).toBe(true);
    // no addition for the school merged away; the engine passes the edits and the plan's additions together
    expect(doc.additions.some((a: { school: string }) => a.school === "红石乡柳树屯教学点")).toBe(false);
    const records = sampleCountyRecords();
    const { edits: parsed } = parseEdits(edits, NATIONAL_2017);
    const additions: Edit[] = doc.additions.map(
      (a: { school: string; level: "primary" | "junior" | null; resource: never; amount: number }) =>
        a.level === null
          ? { kind: "addFacility", school: a.school, resource: a.resource, amount: a.amount }
          : { kind: "hireTeachers", school: a.school, level: a.level, resource: a.resource, count: a.amount },
    );
    expect(evaluateScenario(records, parsed, NATIONAL_2017).evaluation.resourcesPass).toBe(false);
    expect(evaluateScenario(records, [...parsed, ...additions], NATIONAL_2017).evaluation.resourcesPass).toBe(
      true,
    );
    // the sheet says which table it is for
    const out = join(dir, "edited-plan.xlsx");
    expect((await run("plan", SAMPLE, "--edits", editsFile, "--out", out)).code).toBe(0);
    const book = await readWorkbookFile(out);
    expect(book.ok && JSON.stringify(book.grids[0].values)).toContain(
      '["一、模拟修改（本方案按修改后的学校表求出，原表未改动）"],["序号","修改"],[1,"白狼县实验小学 小学在校生 +200"]',
    );
  });

  test("--edits: what the edits themselves cost, and the plan and the edits together", async () => {
    // at the default unit costs: a teacher 120,000 元 a year, teaching area 3,500 元 a ㎡ (docs/plans.md#costs)
    const editsFile = file("priced-edits.json", [
      { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 200 },
      {
        kind: "hireTeachers",
        school: "白狼县实验小学",
        level: "primary",
        resource: "qualifiedTeachers",
        count: 3,
      },
      { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 500 },
    ]);
    const doc = JSON.parse((await run("plan", SAMPLE, "--edits", editsFile, "--json")).stdout);
    expect(doc.edits.cost).toMatchObject({ recurringCost: 360_000, oneOffCost: 1_750_000, unpriced: 1 });
    expect(doc.edits.cost.edits.map((e: { edit: number; priced: boolean }) => [e.edit, e.priced])).toEqual([
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(doc.edits.withPlan.recurringCost).toBeCloseTo(doc.recurringCost + 360_000, 6);
    expect(doc.edits.withPlan.oneOffCost).toBeCloseTo(doc.oneOffCost + 1_750_000, 6);
    const text = (await run("plan", SAMPLE, "--edits", editsFile)).stdout;
    expect(text).toContain("  2. 白狼县实验小学 小学高学历教师 +3 人\n     费用：每年 36.00 万元\n");
    expect(text).toContain("  3. 白狼县实验小学 教学用房 +500 ㎡\n     费用：一次性投入 175.00 万元\n");
    const together = (doc.oneOffCost + 1_750_000) / 10_000;
    expect(text).toContain(
      `连同修改清单本身的费用，合计：一次性投入 ${together.toFixed(2)} 万元，每年 ${((doc.recurringCost + 360_000) / 10_000).toFixed(2)} 万元（修改清单中不计费用的 1 项未计入）`,
    );
  });

  test("--edits with an edit that cannot apply plans nothing: exit 1, the problem said, no sheet", async () => {
    const editsFile = file("bad-edits.json", [
      { kind: "addStudents", school: "白狼县实验小学X", level: "primary", value: 200 },
    ]);
    const out = join(dir, "not-planned.xlsx");
    const r = await run("plan", SAMPLE, "--edits", editsFile, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("找不到学校“白狼县实验小学X”；是否指“白狼县实验小学”？");
    expect(r.stderr).toContain("修改清单有错误，未规划");
    expect(existsSync(out)).toBe(false);
    const doc = JSON.parse((await run("plan", SAMPLE, "--edits", editsFile, "--json")).stdout);
    expect(doc.ok).toBe(false);
    expect(doc.problems[0].code).toBe("edit-school-not-found");
  });

  test("usage errors exit 2", async () => {
    expect((await run("plan")).code).toBe(2);
    expect((await run("plan", SAMPLE, "--bogus")).code).toBe(2);
    expect((await run("plan", SAMPLE, "--lang", "fr")).code).toBe(2);
    expect((await run("plan", SAMPLE, "--costs", join(dir, "missing.json"))).code).toBe(2);
  });
});

describe("balance whatif", () => {
  const edits = [
    { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 120 },
    { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 1200 },
  ];

  test("a value that slips below its standard says so in the text, as the engine judged it", async () => {
    const first = [{ kind: "addStudents", school: "白狼县第一小学", level: "primary", value: 200 }];
    const path = file("first-graders.json", first);
    const doc = JSON.parse((await run("whatif", SAMPLE, "--edits", path, "--json")).stdout);
    const ground = doc.diff.valuesChanged.find((v: { field: string }) => v.field === "sportsArea");
    // the sample's 12,197 m² for 1,652 pupils: 7.38 m² < 7.5 and ≥ 6.375 (85 %)
    expect(ground).toMatchObject({ statusBefore: "met", statusAfter: "floor" });
    const text = await run("whatif", SAMPLE, "--edits", path);
    expect(text.stdout).toContain("白狼县第一小学 小学 运动场馆：8.40 → 7.38（达标 → 85%以上）");
    expect(text.stdout).toContain("白狼县第一小学 小学 仪器设备：2,859.99 → 2,513.74\n");
    const en = await run("whatif", SAMPLE, "--edits", path, "--lang", "en");
    expect(en.stdout).toContain("Sports area：8.40 → 7.38 (Met → ≥ 85 %)");
  });

  test("JSON: the diff of sections, coefficients and values", async () => {
    const r = await run("whatif", SAMPLE, "--edits", file("edits.json", edits), "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.applied).toEqual([0, 1]);
    const v = doc.diff.valuesChanged.find((x: { field: string }) => x.field === "students");
    expect(v).toMatchObject({ school: "白狼县实验小学", level: "primary", before: 1626, after: 1746 });
    expect(doc.diff.cvChanged.length).toBeGreaterThan(0);
    expect(doc.resourcesPass).toBe(false);
  });

  test("JSON and text: each edit's cost at the plan's unit costs, the total, the unpriced said so", async () => {
    const priced = [
      { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 200 },
      { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 1200 },
      { kind: "hireTeachers", school: "青山镇中学", level: "junior", resource: "keyTeachers", count: 2 },
    ];
    const path = file("priced.json", priced);
    const r = await run("whatif", SAMPLE, "--edits", path, "--json");
    expect(r.code).toBe(0);
    const { cost } = JSON.parse(r.stdout);
    // docs/plans.md#costs: 1,200 m² × 3,500 元 once; 2 key teachers × 150,000 元 a year
    expect(cost).toMatchObject({
      oneOffCost: 4200000,
      recurringCost: 300000,
      totalCost: 4500000,
      unpriced: 1,
    });
    expect(cost.edits.map((c: { edit: number; priced: boolean }) => [c.edit, c.priced])).toEqual([
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(cost.edits[0].reason.zh).toMatch(/在校生/u);
    expect(cost.unitCosts.teachingArea).toBe(3500);
    const text = await run("whatif", SAMPLE, "--edits", path);
    expect(text.stdout).toContain("     费用：不计费用（");
    expect(text.stdout).toContain("     费用：一次性投入 420.00 万元\n");
    expect(text.stdout).toContain("     费用：每年 30.00 万元\n");
    expect(text.stdout).toContain(
      "费用合计（按规划的单位成本）：一次性投入 420.00 万元，每年 30.00 万元；另有 1 项不计费用\n",
    );
    const en = await run("whatif", SAMPLE, "--edits", path, "--lang", "en");
    expect(en.stdout).toContain("     cost: 4,200,000 yuan once\n");
    // a bureau's costs file, as plan reads it: 1,200 m² × 4,000 元
    const costs = file("whatif-costs.json", { teachingArea: 4000 });
    const own = JSON.parse((await run("whatif", SAMPLE, "--edits", path, "--costs", costs, "--json")).stdout);
    expect(own.cost).toMatchObject({ oneOffCost: 4800000, totalCost: 5100000 });
    // an edit not read keeps its place in the file: the costs name the file's positions
    const shifted = file("shifted.json", [{ kind: "addStudents" }, ...priced]);
    const s = JSON.parse((await run("whatif", SAMPLE, "--edits", shifted, "--json")).stdout);
    expect(s.cost.edits.map((c: { edit: number }) => c.edit)).toEqual([1, 2, 3]);
  });

  test("an edits file written in Chinese is read as its codes: the same scenario as in English, exit 0", async () => {
    const chinese = [
      { kind: "增减在校生", school: "白狼县实验小学", level: "小学", value: 120 },
      { kind: "增减设施", school: "白狼县实验小学", resource: "教学用房", amount: 1200 },
      {
        kind: "交流教师",
        from: "永安乡中心小学",
        to: "红石乡中心小学",
        fromLevel: "小学部",
        toLevel: "小学",
        resource: "体艺教师",
        count: 1,
      },
      { kind: "撤并学校", school: "红石乡柳树屯教学点", into: "红石乡中心小学" },
      { kind: "撤销学校", school: "宝泉乡东岗教学点" },
      {
        kind: "新建学校",
        record: {
          name: "新区第一小学",
          type: "小学",
          locale: "城区",
          students: { 小学: 600 },
          teachers: { 小学: { qualifiedTeachers: 30, keyTeachers: 7, peArtTeachers: 6 } },
          facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1500000, multimediaRooms: 15 },
        },
      },
    ];
    const english = [
      ...edits,
      {
        kind: "transferTeachers",
        from: "永安乡中心小学",
        to: "红石乡中心小学",
        fromLevel: "primary",
        toLevel: "primary",
        resource: "peArtTeachers",
        count: 1,
      },
      { kind: "mergeSchool", school: "红石乡柳树屯教学点", into: "红石乡中心小学" },
      { kind: "closeSchool", school: "宝泉乡东岗教学点" },
      {
        kind: "openSchool",
        record: {
          name: "新区第一小学",
          type: "primary",
          locale: "urban",
          students: { primary: 600 },
          teachers: { primary: { qualifiedTeachers: 30, keyTeachers: 7, peArtTeachers: 6 } },
          facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1500000, multimediaRooms: 15 },
        },
      },
    ];
    // one file name for both: every problem of an edit names its file
    const zh = await run("whatif", SAMPLE, "--edits", file("edits.json", chinese), "--json");
    const en = await run("whatif", SAMPLE, "--edits", file("edits.json", english), "--json");
    expect(zh.code).toBe(0);
    expect(JSON.parse(zh.stdout)).toEqual(JSON.parse(en.stdout));
    expect(JSON.parse(zh.stdout).applied).toEqual([0, 1, 2, 3, 4, 5]);
    const text = await run("whatif", SAMPLE, "--edits", file("zh-edits.json", chinese));
    expect(text.stdout).toContain("4. 红石乡柳树屯教学点 并入 红石乡中心小学");
    expect(text.stderr).toContain(
      "第 5 项的学校（edits[4].school）：撤销后，“宝泉乡东岗教学点”的 55 名学生不再计入任何学校",
    );
  });

  test("readable output; an invalid edit is reported by its place in the file and exits 1", async () => {
    const withBad = [
      { kind: "hireTeachers", school: "白狼县实验小学", level: "primary", resource: "x", count: 1 },
      ...edits,
      { kind: "closeSchool", school: "无此校" },
    ];
    const r = await run("whatif", SAMPLE, "--edits", file("bad-edits.json", withBad));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("edits[0].resource");
    expect(r.stderr).toContain("edits[3].school");
    expect(r.stdout).toContain("白狼县实验小学 小学 在校生：1,626 → 1,746");
    expect(r.stdout).toContain("2. 白狼县实验小学 小学在校生 +120");
  });

  test("every edit of the file is listed in its place; a sheet of a scenario with errors is not written, and says so", async () => {
    const out = join(dir, "模拟.xlsx");
    const withBad = [
      ...edits,
      { kind: "addStudents", school: "白狼县实验小学", level: "高中", value: 10 },
      { kind: "closeSchool", school: "无此校" },
      { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 5 },
    ];
    const r = await run("whatif", SAMPLE, "--edits", file("listed.json", withBad), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("修改清单 5 项，应用 3 项：");
    expect(r.stdout).toContain("3. （无效，未应用）");
    expect(r.stdout).toContain("4. 撤销学校 无此校（未应用）");
    expect(r.stdout).toContain("5. 白狼县实验小学 小学在校生 +5");
    expect(r.stderr).toContain("第 3 项的学段（edits[2].level）");
    expect(r.stderr).toContain(`修改清单有错误，未写出 ${out}`);
    expect(existsSync(out)).toBe(false);
  });

  test("warnings apply and block nothing: exit 0, the sheet written", async () => {
    const out = join(dir, "模拟-提示.xlsx");
    const warned = [
      ...edits,
      { kind: "addFacility", school: "白狼县实验小学", resource: "equipmentValue", amount: 80 },
    ];
    const r = await run("whatif", SAMPLE, "--edits", file("warned.json", warned), "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("第 3 项的增减量（edits[2].amount）：仪器设备值以元计，这里是 80 元");
    expect(existsSync(out)).toBe(true);
    const json = JSON.parse(
      (await run("whatif", SAMPLE, "--edits", file("warned.json", warned), "--json")).stdout,
    );
    expect(json.ok).toBe(true);
    expect(json.applied).toEqual([0, 1, 2]);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual([
      "edit-class-size",
      "edit-equipment-unit",
    ]);
  });

  test("usage: --edits is required; a file that is not JSON is a usage error", async () => {
    expect((await run("whatif", SAMPLE)).code).toBe(2);
    const notJson = join(dir, "x.json");
    writeFileSync(notJson, "{oops");
    expect((await run("whatif", SAMPLE, "--edits", notJson)).code).toBe(2);
  });
});
