/**
 * `balance plan --edits-out` (docs/plans.md#edits-out): the least-cost plan as an edits file a planner runs through
 * `balance whatif` to see the county pass. Expected amounts are worked out by hand below.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import type { SchoolRecord } from "../../src/engine";

const none = { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };
const primary = (
  name: string,
  students: number,
  [q, k, p]: [number, number, number],
  [teachingArea, sportsArea, equipmentValue, multimediaRooms]: [number, number, number, number],
): SchoolRecord => ({
  name,
  type: "primary",
  students: { primary: students, junior: 0, senior: 0 },
  teachers: { primary: { qualifiedTeachers: q, keyTeachers: k, peArtTeachers: p }, junior: none },
  facilities: { teachingArea, sportsArea, equipmentValue, multimediaRooms },
});

// 甲 and 乙 pass everything. 丙 (250 pupils): qualified 4.0 per 100 (85 % band, 3.57–4.2), key teachers 0.8 (under
// the floor 0.85), sports ground 6.0 ㎡ (under the floor 6.375): it must gain a key teacher (3 for 250 pupils is 1.2,
// met) and, with qualified teachers left in the band, the ground to the standard 7.5 × 250 = 1,875 ㎡: +375, a
// project of whole 10 ㎡ steps, +380 ㎡. The other way, a qualified teacher (120,000) and the floor's 200 ㎡ project
// (80,000), costs more than 380 × 400 = 152,000. Cost: 150,000 + 152,000 = 302,000 at the default unit costs.
const COUNTY = [
  primary("甲小学", 800, [40, 10, 10], [4000, 7200, 2080000, 24]),
  primary("乙小学", 700, [35, 9, 8], [3640, 6650, 1680000, 21]),
  primary("丙小学", 250, [10, 2, 3], [1150, 1500, 525000, 6]),
];

describe("balance plan --edits-out", () => {
  const dir = tempDir();
  let book = "";
  beforeAll(async () => {
    book = await writeWorkbook(dir, "县.xlsx", { 学校: tableOf(COUNTY) });
  });

  test("the plan is written as an edits file that balance whatif passes", async () => {
    const out = join(dir, "方案修改.json");
    const plan = await run("plan", book, "--edits-out", out);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`已写出修改清单：${out}`);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.edits).toEqual([
      { kind: "hireTeachers", school: "丙小学", level: "primary", resource: "keyTeachers", count: 1 },
      { kind: "addFacility", school: "丙小学", resource: "sportsArea", amount: 380 },
    ]);
    const doc = JSON.parse((await run("plan", book, "--json")).stdout);
    expect(doc.totalCost).toBe(150000 + 380 * 400);
    const before = JSON.parse((await run("evaluate", book, "--json")).stdout);
    expect(before.resourcesPass).toBe(false);
    const whatif = await run("whatif", book, "--edits", out, "--json");
    expect(whatif.code).toBe(0);
    const after = JSON.parse(whatif.stdout);
    expect(after.resourcesPassBefore).toBe(false);
    expect(after.resourcesPass).toBe(true);
    // 丙小学 after the file: 3 key teachers per 250 pupils, 1,880 ㎡ of ground
    const changed = (field: string) =>
      after.diff.valuesChanged.find(
        (v: { school: string; field: string }) => v.school === "丙小学" && v.field === field,
      ).after;
    expect(changed("keyTeachers")).toBeCloseTo((3 / 250) * 100, 9);
    expect(changed("sportsArea")).toBeCloseTo(1880 / 250, 9);
  });

  test("after --edits, the what-if's own edits come first as typed, and the whole file passes", async () => {
    const typed = [{ kind: "增减在校生", school: "甲小学", level: "小学", value: 200 }];
    const edits = join(dir, "一年级.json");
    writeFileSync(edits, JSON.stringify(typed));
    const out = join(dir, "模拟后方案.json");
    const plan = await run("plan", book, "--edits", edits, "--edits-out", out, "--json");
    expect(plan.code).toBe(0);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.edits[0]).toEqual(typed[0]);
    // 甲小学 with 1,000 pupils: 10 key teachers are 1.0 per 100 (met), 7,200 ㎡ of ground 7.2 (band); the plan adds
    // to it or not, but the file run on the table as read must pass
    expect(file.edits.length).toBeGreaterThan(2);
    const whatif = JSON.parse((await run("whatif", book, "--edits", out, "--json")).stdout);
    expect(whatif.resourcesPass).toBe(true);
  });

  test("a name not ending in .json, or an input, is refused before anything is planned", async () => {
    const text = await run("plan", book, "--edits-out", join(dir, "方案.txt"));
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("--edits-out 写出修改清单，文件名须以 .json 结尾");
    const costs = join(dir, "costs.json");
    writeFileSync(costs, JSON.stringify({ sportsArea: 400 }));
    const input = await run("plan", book, "--costs", costs, "--edits-out", costs, "--force");
    expect(input.code).toBe(2);
    expect(input.stderr).toContain(`不能写入输入的文件“${costs}”`);
    expect(readFileSync(costs, "utf8")).toBe(JSON.stringify({ sportsArea: 400 }));
  });
});

// 丁 (400 pupils) passes all but its key teachers: 3 are 0.75 per 100, under the floor 0.85; one more makes 1.0,
// met, at 150,000. 丙 costs 302,000 to pass (above), so 20 万元 brings 丁 to pass and not 丙.
const SHORT = [...COUNTY, primary("丁小学", 400, [20, 3, 5], [2000, 3600, 1040000, 12])];

describe("balance plan --edits-out --budget: the plan within the budget, as shown", () => {
  const dir = tempDir();
  let book = "";
  beforeAll(async () => {
    book = await writeWorkbook(dir, "县.xlsx", { 学校: tableOf(SHORT) });
  });

  test("a budget short of a pass writes the plan within it, and whatif finds what the plan said", async () => {
    const out = join(dir, "预算方案.json");
    const plan = await run("plan", book, "--budget", "20", "--edits-out", out, "--json");
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain("预算内方案");
    const doc = JSON.parse(plan.stdout);
    expect(doc.budget.fits).toBe(false);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.edits).toEqual([
      { kind: "hireTeachers", school: "丁小学", level: "primary", resource: "keyTeachers", count: 1 },
    ]);
    expect(doc.budget.totalCost).toBe(150000);
    const after = JSON.parse((await run("whatif", book, "--edits", out, "--json")).stdout);
    type Section = { school: string; level: string; included: boolean; pass: boolean };
    const passing = after.sections.filter((s: Section) => s.included && s.pass);
    // 甲, 乙 and now 丁 pass; 丙 still fails, as the budget's plan says
    expect(passing.map((s: Section) => s.school).sort()).toEqual(["丁小学", "乙小学", "甲小学"].sort());
    expect(passing.length).toBe(doc.budget.passingAfter);
    expect(doc.budget.remainingSections).toEqual([{ school: "丙小学", level: "primary" }]);
    expect(after.resourcesPass).toBe(false);
  });

  test("a budget that buys a pass writes the least-cost plan, and it passes", async () => {
    const out = join(dir, "足额.json");
    const plan = await run("plan", book, "--budget", "1000", "--edits-out", out, "--json");
    expect(plan.code).toBe(0);
    const doc = JSON.parse(plan.stdout);
    expect(doc.budget.fits).toBe(true);
    expect(plan.stderr).toContain("预算内方案，即最低成本方案");
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.edits).toHaveLength(doc.additions.length);
    const after = JSON.parse((await run("whatif", book, "--edits", out, "--json")).stdout);
    expect(after.resourcesPass).toBe(true);
  });
});

// Teachers to rotate: 甲 (500 pupils) has 8 key teachers, 1.6 per 100, and keeps 1.2 after giving 2; 丙 (400) has
// 2, 0.5 per 100, and needs 4 (1.0, met; the band's 3.4 rounds up to 4 too): 2 key teachers from 甲 to 丙.
const school = (name: string, students: number, q: number, k: number, pe: number): SchoolRecord =>
  primary(
    name,
    students,
    [q, k, pe],
    [5 * students, 8 * students, 2100 * students, Math.ceil(0.024 * students)],
  );
const ROTATE = [school("甲小学", 500, 25, 8, 6), school("丙小学", 400, 20, 2, 5)];

describe("balance plan --rotation-out: the rotation as an edits file of its own", () => {
  const dir = tempDir();
  let book = "";
  beforeAll(async () => {
    book = await writeWorkbook(dir, "县.xlsx", { 学校: tableOf(ROTATE) });
  });

  test("the moves are written as transferTeachers, and whatif passes the section the plan said", async () => {
    const out = join(dir, "轮岗.json");
    const hire = join(dir, "补充.json");
    const plan = await run("plan", book, "--rotation-out", out, "--edits-out", hire);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("甲小学 → 丙小学（小学）");
    expect(plan.stdout).toContain(`已写出修改清单：${out}（交流轮岗方案`);
    const file = JSON.parse(readFileSync(out, "utf8"));
    expect(file.edits).toEqual([
      {
        kind: "transferTeachers",
        from: "甲小学",
        to: "丙小学",
        fromLevel: "primary",
        toLevel: "primary",
        resource: "keyTeachers",
        count: 2,
      },
    ]);
    // the hiring plan stays in its own file, with no move in it
    const hiring = JSON.parse(readFileSync(hire, "utf8"));
    expect(hiring.edits.every((e: { kind: string }) => e.kind !== "transferTeachers")).toBe(true);
    const after = JSON.parse((await run("whatif", book, "--edits", out, "--json")).stdout);
    const changed = (field: string, name: string) =>
      after.diff.valuesChanged.find(
        (v: { school: string; field: string }) => v.school === name && v.field === field,
      ).after;
    expect(changed("keyTeachers", "丙小学")).toBeCloseTo((4 / 400) * 100, 9);
    expect(changed("keyTeachers", "甲小学")).toBeCloseTo((6 / 500) * 100, 9);
    type Section = { school: string; pass: boolean };
    expect(after.sections.every((s: Section) => s.pass)).toBe(true);
  });

  test("--rotation-out is checked as --edits-out is, and may not be the --edits-out file", async () => {
    const same = join(dir, "同名.json");
    const refused = await run("plan", book, "--edits-out", same, "--rotation-out", same, "--force");
    expect(refused.code).toBe(2);
    const text = await run("plan", book, "--rotation-out", join(dir, "轮岗.txt"));
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("--rotation-out 写出修改清单，文件名须以 .json 结尾");
  });
});
