/**
 * moveStudents (调整学区): pupils redrawn from one school's catchment to another's as one edit, so that the county
 * neither gains nor loses a pupil (docs/plans.md#move). Teachers and facilities stay where they are. Every expected
 * figure is worked out by hand from the records below (./schools.ts: 25 qualified, 6 key and 5 PE and art teachers,
 * 2,500 ㎡ of buildings, 4,000 ㎡ of grounds, 1,200,000 元 of equipment and 13 rooms in each primary school).
 */
import { applyEdits, evaluateScenario, parseEdits, type Edit } from "../../src/engine/scenario";
import { editCost } from "../../src/engine/whatifCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { describeEdit } from "../../src/engine/edits";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { juniorSchool, school } from "./schools";

const P = NATIONAL_2017;

/** 甲小学 of 500 pupils; 乙小学 of 300 in 10 classes (45 a class at most: 450 pupils before a class is crowded). */
const jia = (): SchoolRecord => school("甲小学", 500);
const yi = (): SchoolRecord => ({ ...school("乙小学", 300), classes: { primary: 10 } });

const move = (from: string, to: string, count: number, level: "primary" | "junior" = "primary"): Edit => ({
  kind: "moveStudents",
  from,
  to,
  level,
  count,
});

describe("moveStudents moves pupils between two schools as one act", () => {
  test("250 primary pupils from 甲小学 to 乙小学: each school's pupils and indicators after the move", () => {
    const r = evaluateScenario([jia(), yi()], [move("甲小学", "乙小学", 250)], P);
    expect(r.applied).toEqual([0]);
    // 500 − 250 and 300 + 250: the county keeps its 800
    expect(r.records.map((s) => s.students.primary)).toEqual([250, 550]);
    // teachers and facilities stay where they were
    expect(r.records.map((s) => s.teachers.primary.qualifiedTeachers)).toEqual([25, 25]);
    expect(r.records.map((s) => s.facilities.teachingArea)).toEqual([2500, 2500]);
    const section = (name: string) => r.evaluation.sections.find((s) => s.school === name)!;
    const a = section("甲小学");
    const b = section("乙小学");
    // 甲小学, 250 pupils: 25 ÷ 2.5 = 10 qualified per 100, 6 ÷ 2.5 = 2.4 key, 5 ÷ 2.5 = 2 PE and art,
    // 2,500 ÷ 250 = 10 ㎡, 4,000 ÷ 250 = 16 ㎡, 1,200,000 ÷ 250 = 4,800 元, 13 ÷ 2.5 = 5.2 rooms: all seven met
    expect(a.values.qualifiedTeachers).toBeCloseTo(10, 9);
    expect(a.values.keyTeachers).toBeCloseTo(2.4, 9);
    expect(a.values.peArtTeachers).toBeCloseTo(2, 9);
    expect(a.values.teachingArea).toBeCloseTo(10, 9);
    expect(a.values.sportsArea).toBeCloseTo(16, 9);
    expect(a.values.equipmentValue).toBeCloseTo(4800, 9);
    expect(a.values.multimediaRooms).toBeCloseTo(5.2, 9);
    expect(a.metCount).toBe(7);
    // 乙小学, 550 pupils: 25 ÷ 5.5 = 4.545 (≥ 4.2), 6 ÷ 5.5 = 1.091 (≥ 1), 5 ÷ 5.5 = 0.909 (≥ 0.9),
    // 2,500 ÷ 550 = 4.545 ㎡ (≥ 4.5), 4,000 ÷ 550 = 7.273 ㎡ (below 7.5, above its 85 %, 6.375),
    // 1,200,000 ÷ 550 = 2,181.8 元 (≥ 2,000), 13 ÷ 5.5 = 2.364 rooms (≥ 2.3): six met, the seventh above 85 %
    expect(b.values.qualifiedTeachers).toBeCloseTo(25 / 5.5, 9);
    expect(b.values.sportsArea).toBeCloseTo(4000 / 550, 9);
    expect(b.values.equipmentValue).toBeCloseTo(1_200_000 / 550, 6);
    expect(b.metCount).toBe(6);
    expect(b.pass).toBe(true);
  });

  test("the effect says what moved, that teachers and facilities stay, and each school's pupils after", () => {
    const r = evaluateScenario([jia(), yi()], [move("甲小学", "乙小学", 250)], P);
    const [e] = r.effects;
    expect(e).toMatchObject({
      edit: 0,
      kind: "moveStudents",
      school: "甲小学",
      into: "乙小学",
      moved: {
        students: { primary: 250, junior: 0, senior: 0 },
        facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
      },
      left: { students: { primary: 250, junior: 0, senior: 0 } },
      holds: { students: { primary: 550, junior: 0, senior: 0 } },
      type: null,
    });
    expect(e.moved.teachers.primary).toEqual({ qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 });
    // both schools' sections at the scenario's end, each named
    expect(e.sections.map((s) => [s.school, s.level, s.metCount])).toEqual([
      ["甲小学", "primary", 7],
      ["乙小学", "primary", 6],
    ]);
    expect(e.words.zh).toMatch(
      /^小学在校生 250 人由甲小学调入乙小学，教师和设施不随之调整；调整后甲小学有小学在校生 250 人，乙小学有小学在校生 550 人；模拟后甲小学的小学 7 项指标达到 7 项（高学历教师 10\.00，/,
    );
    expect(e.words.zh).toContain("模拟后乙小学的小学 7 项指标达到 6 项（高学历教师 4.55，");
    expect(e.words.en).toMatch(
      /^250 primary students move from 甲小学 to 乙小学; teachers and facilities stay where they are; after the move 甲小学 has primary students 250, 乙小学 primary students 550; /,
    );
  });

  test("a move that crowds the receiving school's classes warns as adding pupils does", () => {
    const out = applyEdits([jia(), yi()], [move("甲小学", "乙小学", 250)], P);
    expect(out.applied).toEqual([0]);
    // 550 pupils in 10 classes: 55 a class, over 45
    expect(out.problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ["edit-class-size", "warning", "count"],
    ]);
    expect(out.problems[0].message.zh).toContain("学校“乙小学”小学 10 个班、在校生 550 人，平均每班 55 人");
    // 150 more leaves 450: 45 a class, not over
    expect(applyEdits([jia(), yi()], [move("甲小学", "乙小学", 150)], P).problems).toEqual([]);
  });

  test("junior pupils moved to a primary school widen it to a nine-year school, as a merger does", () => {
    const r = evaluateScenario([jia(), juniorSchool("丙中学")], [move("丙中学", "甲小学", 100, "junior")], P);
    expect(r.applied).toEqual([0]);
    expect(r.records[0]).toMatchObject({ type: "nineYear", students: { primary: 500, junior: 100 } });
    expect(r.records[1].students.junior).toBe(300);
    expect(r.effects[0].type).toEqual({ before: "primary", after: "nineYear" });
    expect(r.effects[0].words.zh).toContain("甲小学的学校类型由小学改为九年一贯制学校");
    // the new junior section: no junior teachers moved, and 1.1 × 100 of 500 + 110 weighted pupils' buildings:
    // 2,500 × 110 ÷ 610 ÷ 100 = 4.508 ㎡ each
    const junior = r.evaluation.sections.find((s) => s.school === "甲小学" && s.level === "junior")!;
    expect(junior.values.qualifiedTeachers).toBe(0);
    expect(junior.values.teachingArea).toBeCloseTo((2500 * 110) / 610 / 100, 9);
    // the planner is told the new section has no teacher, at the receiving school's field
    expect(r.problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ["edit-section-without-teachers", "warning", "to"],
    ]);
    expect(r.problems[0].message.zh).toContain("学校“甲小学”初中有在校生 100 人，却没有初中教师");
    // pupils moved into a level the school already staffs: no such warning
    const staffed = evaluateScenario([jia(), yi()], [move("甲小学", "乙小学", 50)], P);
    expect(staffed.problems.some((p) => p.code === "edit-section-without-teachers")).toBe(false);
  });
});

describe("moveStudents is refused where it would create or lose pupils", () => {
  test("more pupils than the source has at that level: refused at the count, naming the edit", () => {
    const parsed = parseEdits(
      [
        { kind: "addStudents", school: "甲小学", level: "primary", value: 0 },
        { kind: "addStudents", school: "乙小学", level: "primary", value: 0 },
        { kind: "moveStudents", from: "甲小学", to: "乙小学", level: "primary", count: 501 },
      ],
      NATIONAL_2017,
    );
    expect(parsed.problems).toEqual([]);
    const out = applyEdits([jia(), yi()], parsed.edits, P, parsed.indexes);
    expect(out.applied).toEqual([0, 1]);
    expect(out.effects).toEqual([]);
    expect(out.records.map((s) => s.students.primary)).toEqual([500, 300]);
    const [p] = out.problems;
    expect(p).toMatchObject({ severity: "error", edit: 2, field: "count" });
    expect(p.message.zh).toBe(
      "第 3 项的人数（edits[2].count）：学校“甲小学”小学在校生只有 500 人，不能调出 501 人，未应用",
    );
    expect(p.message.en).toBe(
      'edit 3 (edits[2].count): "甲小学" has 500 primary students: 501 cannot move out; not applied',
    );
  });

  test("to the same school: refused", () => {
    const out = applyEdits([jia(), yi()], [move("甲小学", "甲小学", 10)], P);
    expect(out.applied).toEqual([]);
    expect(out.problems[0]).toMatchObject({ code: "edit-move-to-itself", field: "to" });
    expect(out.problems[0].message.zh).toBe(
      "第 1 项的接收学校（edits[0].to）：调出和调入是同一所学校“甲小学”，调整不改变任何数值，未应用",
    );
  });

  test("a count that is not a whole positive number is refused by the schema", () => {
    const parsed = parseEdits(
      [
        { kind: "调整学区", from: "甲小学", to: "乙小学", level: "小学", count: 0 },
        { kind: "moveStudents", from: "甲小学", to: "乙小学", level: "primary", count: 1.5 },
        { kind: "moveStudents", from: "甲小学", to: "乙小学", level: "primary", count: -10 },
      ],
      NATIONAL_2017,
    );
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems.map((p) => p.message.zh.split("：")[0])).toEqual([
      "第 1 项的人数（edits[0].count）",
      "第 2 项的人数（edits[1].count）",
      "第 3 项的人数（edits[2].count）",
    ]);
    expect(parsed.problems[1].message.zh).toContain("应为整数");
  });

  test("the Chinese name and level words read as the codes", () => {
    const parsed = parseEdits(
      [{ kind: "调整学区", from: "甲小学", to: "乙小学", level: "小学", count: 150 }],
      NATIONAL_2017,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.edits).toEqual([move("甲小学", "乙小学", 150)]);
  });

  test("a source without the level, and a teaching point given junior pupils, are refused", () => {
    const none = applyEdits([jia(), yi()], [move("甲小学", "乙小学", 10, "junior")], P);
    expect(none.applied).toEqual([]);
    expect(none.problems[0]).toMatchObject({ code: "edit-level-not-in-school", field: "level" });
    const point: SchoolRecord = { ...school("丁教学点", 30), type: "teachingPoint" };
    const lost = applyEdits([point, juniorSchool("丙中学")], [move("丙中学", "丁教学点", 50, "junior")], P);
    expect(lost.applied).toEqual([]);
    expect(lost.records[1].students.junior).toBe(400);
    expect(lost.problems[0]).toMatchObject({ code: "edit-level-not-in-school", field: "to" });
    expect(lost.problems[0].message.zh).toContain(
      "学校“丁教学点”没有初中学段，初中在校生 50 人无处计入，未应用",
    );
  });
});

describe("moveStudents in words and in cost", () => {
  test("described in each language, and not priced, with the reason", () => {
    const edit = move("甲小学", "乙小学", 150);
    expect(describeEdit(edit, P, "zh")).toBe("调整学区 小学在校生 150 人：甲小学 → 乙小学");
    expect(describeEdit(edit, P, "en")).toBe("150 primary students moved: 甲小学 → 乙小学");
    expect(editCost(edit, 4, DEFAULT_UNIT_COSTS)).toEqual({
      edit: 4,
      priced: false,
      reason: {
        zh: "学生调整不是成本模型计价的投入",
        en: "moving students is not something the cost model prices",
      },
    });
  });
});
