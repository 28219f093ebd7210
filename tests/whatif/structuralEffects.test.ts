/**
 * What each structural edit moved or dropped (docs/plans.md#effects): the figures a merger moves and the receiving
 * school holds after it, a type widened to take a level it lacked, classes and rooms that do not simply add up, a
 * merged school's teaching points, what a closure drops, what a new school brings and a transfer moves. Every
 * expected figure is worked out by hand from the records below.
 */
import { applyEdits, evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { juniorSchool, school } from "./schools";

/** `count` primary key teachers transferred from 甲小学 to 丁小学. */
const transferKeyTeachers = (count: number): Edit => ({
  kind: "transferTeachers",
  from: "甲小学",
  to: "丁小学",
  fromLevel: "primary",
  toLevel: "primary",
  resource: "keyTeachers",
  count,
});

const P = NATIONAL_2017;
const none = { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };

/** 甲小学: 500 primary pupils in 12 classes (./schools.ts: 25 + 6 + 5 teachers, 2,500 ㎡, 4,000 ㎡, 120 万元, 13 rooms). */
const jia = (): SchoolRecord => ({
  ...school("甲小学", 500),
  classes: { primary: 12 },
  largestClass: { primary: 44, grade1: 40 },
  rooms: { music: 1, art: 1, smallestMusic: 80, smallestArt: 90 },
});
/** 乙中学: 400 junior pupils in 9 classes (./schools.ts). */
const yi = (): SchoolRecord => ({
  ...juniorSchool("乙中学"),
  classes: { junior: 9 },
  largestClass: { junior: 48, grade7: 46 },
  rooms: { music: 1, art: 1, smallestMusic: 96, smallestArt: 70 },
});
/** 丁小学, 200 pupils, and its teaching point 丙教学点 of 30. */
const ding = (): SchoolRecord => ({
  ...jia(),
  name: "丁小学",
  students: { primary: 200, junior: 0, senior: 0 },
  teachers: { primary: { qualifiedTeachers: 10, keyTeachers: 2, peArtTeachers: 2 }, junior: { ...none } },
  facilities: { teachingArea: 1000, sportsArea: 1600, equipmentValue: 480_000, multimediaRooms: 5 },
});
const bing = (): SchoolRecord => ({
  name: "丙教学点",
  type: "teachingPoint",
  parent: "丁小学",
  students: { primary: 30, junior: 0, senior: 0 },
  teachers: { primary: { qualifiedTeachers: 2, keyTeachers: 0, peArtTeachers: 1 }, junior: { ...none } },
  facilities: { teachingArea: 200, sportsArea: 500, equipmentValue: 60_000, multimediaRooms: 1 },
});

describe("a merger states what moved and what the receiving school holds", () => {
  test("a junior school merged into a primary school: the figures moved and held, the type now nine-year", () => {
    const out = applyEdits([jia(), yi()], [{ kind: "mergeSchool", school: "乙中学", into: "甲小学" }], P);
    expect(out.problems).toEqual([]);
    expect(out.records).toHaveLength(1);
    expect(out.records[0].type).toBe("nineYear");
    const [e] = out.effects;
    expect(e).toMatchObject({
      edit: 0,
      kind: "mergeSchool",
      school: "乙中学",
      into: "甲小学",
      type: { before: "primary", after: "nineYear" },
      moved: {
        students: { primary: 0, junior: 400, senior: 0 },
        teachers: { primary: none, junior: { qualifiedTeachers: 28, keyTeachers: 6, peArtTeachers: 5 } },
        facilities: { teachingArea: 2800, sportsArea: 5000, equipmentValue: 1_000_000, multimediaRooms: 10 },
      },
      holds: {
        students: { primary: 500, junior: 400, senior: 0 },
        teachers: {
          primary: { qualifiedTeachers: 25, keyTeachers: 6, peArtTeachers: 5 },
          junior: { qualifiedTeachers: 28, keyTeachers: 6, peArtTeachers: 5 },
        },
        facilities: { teachingArea: 5300, sportsArea: 9000, equipmentValue: 2_200_000, multimediaRooms: 23 },
      },
      teachingPoints: [],
    });
    expect(e.words.zh).toBe(
      "乙中学并入甲小学：初中在校生 +400 人，初中高学历教师 +28 人，初中骨干教师 +6 人，初中体艺教师 +5 人，" +
        "教学用房 +2,800 ㎡，运动场馆 +5,000 ㎡，仪器设备 +100.00 万元，多媒体教室 +10 间；" +
        "学校类型由小学改为九年一贯制学校；" +
        "合并后该校有小学在校生 500 人，初中在校生 400 人，小学高学历教师 25 人，小学骨干教师 6 人，小学体艺教师 5 人，" +
        "初中高学历教师 28 人，初中骨干教师 6 人，初中体艺教师 5 人，教学用房 5,300 ㎡，运动场馆 9,000 ㎡，" +
        "仪器设备 220.00 万元，多媒体教室 23 间",
    );
    expect(e.words.en).toMatch(
      /^乙中学 merged into 甲小学: junior students \+400, junior qualified teachers \+28/,
    );
    expect(e.words.en).toContain("junior PE and art teachers +5");
    expect(e.words.en).toContain("its type changes from primary school to nine-year school");
  });

  test("classes move whole: classes add up, the largest class is the larger, special rooms add up, the smallest the smaller", () => {
    const [merged] = applyEdits(
      [jia(), yi()],
      [{ kind: "mergeSchool", school: "乙中学", into: "甲小学" }],
      P,
    ).records;
    expect(merged.classes).toEqual({ primary: 12, junior: 9 });
    expect(merged.largestClass).toEqual({ primary: 44, junior: 48, grade1: 40, grade7: 46 });
    expect(merged.rooms).toEqual({ music: 2, art: 2, smallestMusic: 80, smallestArt: 70 });
    // a school with pupils that gives no classes: the merged figure is not known, not the other school's
    const unknown = { ...yi(), classes: undefined };
    const [partly] = applyEdits(
      [jia(), unknown],
      [{ kind: "mergeSchool", school: "乙中学", into: "甲小学" }],
      P,
    ).records;
    expect(partly.classes).toEqual({ primary: 12 });
  });

  test("the evaluation at the scenario's end: the receiving school's sections, in figures and in words", () => {
    const r = evaluateScenario([jia(), yi()], [{ kind: "mergeSchool", school: "乙中学", into: "甲小学" }], P);
    const [e] = r.effects;
    expect(e.sections.map((s) => s.level)).toEqual(["primary", "junior"]);
    // 25 per 500 pupils and 28 per 400, per 100
    expect(e.sections[0].values.qualifiedTeachers).toBeCloseTo(5, 9);
    expect(e.sections[1].values.qualifiedTeachers).toBeCloseTo(7, 9);
    expect(e.words.zh).toContain("模拟后该校初中 7 项指标达到");
    expect(e.words.zh).toContain("高学历教师 7.00");
    expect(e.words.en).toContain("at the end, junior:");
  });

  test("a complete school's senior pupils widen a junior school to a complete one; a teaching point is not widened", () => {
    const complete: SchoolRecord = {
      ...yi(),
      name: "戊完全中学",
      type: "complete",
      students: { primary: 0, junior: 300, senior: 500 },
    };
    const out = applyEdits(
      [yi(), complete],
      [{ kind: "mergeSchool", school: "戊完全中学", into: "乙中学" }],
      P,
    );
    expect(out.problems).toEqual([]);
    expect(out.records[0]).toMatchObject({ type: "complete", students: { junior: 700, senior: 500 } });
    expect(out.effects[0].type).toEqual({ before: "junior", after: "complete" });
    // a primary school merged into a primary school keeps its type, and says nothing of it
    const same = applyEdits([jia(), ding()], [{ kind: "mergeSchool", school: "丁小学", into: "甲小学" }], P);
    expect(same.effects[0].type).toBeNull();
    expect(same.effects[0].words.zh).not.toContain("学校类型");
    // a teaching point does not become a nine-year school: the junior pupils would be lost, so the edit is refused
    const refused = applyEdits(
      [bing(), yi()],
      [{ kind: "mergeSchool", school: "乙中学", into: "丙教学点" }],
      P,
    );
    expect(refused.applied).toEqual([]);
    expect(refused.effects).toEqual([]);
    expect(refused.problems[0].message.zh).toContain("学校“丙教学点”没有初中学段，初中在校生 400 人无处计入");
  });

  test("a merged school's teaching points now belong to the school it merged into", () => {
    const out = applyEdits(
      [jia(), ding(), bing()],
      [{ kind: "mergeSchool", school: "丁小学", into: "甲小学" }],
      P,
    );
    expect(out.records.find((r) => r.name === "丙教学点")?.parent).toBe("甲小学");
    expect(out.effects[0].teachingPoints).toEqual(["丙教学点"]);
    expect(out.effects[0].words.zh).toContain("教学点丙教学点改属甲小学");
    // merged into their parent for the evaluation, they join the new one's primary section: 500 + 200 + 30
    const merging = { ...P, teachingPoints: "mergeIntoParent" as const };
    const r = evaluateScenario(
      [jia(), ding(), bing()],
      [{ kind: "mergeSchool", school: "丁小学", into: "甲小学" }],
      merging,
    );
    expect(r.evaluation.sections.find((s) => s.school === "甲小学")?.students).toBe(730);
  });

  test("a teaching point merged into the parent that already took it in: said, and nothing evaluated changes", () => {
    const merging = { ...P, teachingPoints: "mergeIntoParent" as const };
    const edit: Edit = { kind: "mergeSchool", school: "丙教学点", into: "丁小学" };
    const r = evaluateScenario([ding(), bing()], [edit], merging);
    expect(r.effects[0].alreadyCounted).toBe(true);
    expect(r.effects[0].words.zh).toContain("该教学点原已并入该校评估，评估所用的数字不变");
    expect(r.diff.valuesChanged).toEqual([]);
    // as its own school (the default), the point's pupils are new to 丁小学
    expect(evaluateScenario([ding(), bing()], [edit], P).effects[0].alreadyCounted).toBe(false);
  });
});

describe("closures, new schools and transfers state what they dropped, brought or moved", () => {
  test("a closure drops the school's figures from every school, and leaves its teaching points without a school", () => {
    const out = applyEdits([jia(), ding(), bing()], [{ kind: "closeSchool", school: "丁小学" }], P);
    const [e] = out.effects;
    expect(e).toMatchObject({ kind: "closeSchool", school: "丁小学", into: null, holds: null });
    expect(e.moved.students).toEqual({ primary: 200, junior: 0, senior: 0 });
    expect(e.words.zh).toBe(
      "撤销丁小学：小学在校生 200 人，小学高学历教师 10 人，小学骨干教师 2 人，小学体艺教师 2 人，教学用房 1,000 ㎡，" +
        "运动场馆 1,600 ㎡，仪器设备 48.00 万元，多媒体教室 5 间，不再计入任何学校；教学点丙教学点的所属学校已撤销",
    );
    // the warning stays: the pupils go nowhere unless later edits place them
    expect(out.problems.map((p) => p.code)).toEqual(["edit-close-drops-students"]);
  });

  test("a school already closed cannot be merged: refused with the edit that closed it, and nothing said moved", () => {
    const out = applyEdits(
      [jia(), ding()],
      [
        { kind: "closeSchool", school: "丁小学" },
        { kind: "mergeSchool", school: "丁小学", into: "甲小学" },
      ],
      P,
    );
    expect(out.applied).toEqual([0]);
    expect(out.effects.map((e) => e.edit)).toEqual([0]);
    expect(out.problems[1].message.zh).toContain("找不到学校“丁小学”（已由第 1 项撤销）");
  });

  test("a new school states what it brings; a transfer what it moved and what the receiving section has", () => {
    const out = applyEdits(
      [jia(), ding()],
      [
        {
          kind: "openSchool",
          record: {
            name: "新区小学",
            type: "primary",
            students: { primary: 600, junior: 0, senior: 0 },
            teachers: {
              primary: { qualifiedTeachers: 30, keyTeachers: 7, peArtTeachers: 6 },
              junior: undefined,
            },
            facilities: {
              teachingArea: 3000,
              sportsArea: 5000,
              equipmentValue: 1_500_000,
              multimediaRooms: 15,
            },
          },
        },
        transferKeyTeachers(2),
      ],
      P,
    );
    expect(out.effects.map((e) => e.words.zh)).toEqual([
      "新建新区小学：小学在校生 600 人，小学高学历教师 30 人，小学骨干教师 7 人，小学体艺教师 6 人，教学用房 3,000 ㎡，" +
        "运动场馆 5,000 ㎡，仪器设备 150.00 万元，多媒体教室 15 间",
      "骨干教师 2 人由甲小学（小学）调入丁小学（小学），丁小学小学现有 4 人",
    ]);
    expect(out.effects[1].moved.teachers.primary.keyTeachers).toBe(2);
    expect(out.effects[1].holds?.teachers.primary.keyTeachers).toBe(4);
    expect(out.effects[1].words.en).toBe(
      "2 key teachers move from 甲小学 (primary) to 丁小学 (primary), which now has 4",
    );
    // one teacher: the noun and the verb agree
    const one = applyEdits([school("甲小学", 500), school("丁小学", 300)], [transferKeyTeachers(1)], P);
    expect(one.effects[0].words.en).toMatch(/^1 key teacher moves from 甲小学 \(primary\) to 丁小学/);
  });
});
