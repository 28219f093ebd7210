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
