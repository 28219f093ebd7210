import fc from "fast-check";
import { applyEdits, evaluateScenario, inverseEdit, parseEdits, type Edit } from "../../src/engine/scenario";
import { evaluate } from "../../src/engine/evaluate";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { FACILITY_INDICATORS, LEVELS, TEACHER_INDICATORS } from "../../src/standard/indicators";
import { generateCounty } from "../plan/county";
import { NEW_SCHOOL } from "./schools";

const P = NATIONAL_2017;

function school(name: string, over: Partial<SchoolRecord> = {}): SchoolRecord {
  return {
    name,
    type: "primary",
    students: { primary: 500, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: 25, keyTeachers: 6, peArtTeachers: 5 },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: { teachingArea: 2500, sportsArea: 4000, equipmentValue: 1_100_000, multimediaRooms: 13 },
    ...over,
  };
}

const county = generateCounty(12, 7);
const names = county.map((r) => r.name);

/** Edits that apply to the generated county and have an inverse. */
const invertible: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("addStudents" as const),
    school: fc.constantFrom(...names),
    level: fc.constantFrom(...LEVELS),
    value: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    kind: fc.constant("addFacility" as const),
    school: fc.constantFrom(...names),
    resource: fc.constantFrom(...FACILITY_INDICATORS),
    amount: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    kind: fc.constant("hireTeachers" as const),
    school: fc.constantFrom(...names),
    level: fc.constantFrom(...LEVELS),
    resource: fc.constantFrom(...TEACHER_INDICATORS),
    count: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({
    kind: fc.constant("transferTeachers" as const),
    from: fc.constantFrom(...names),
    to: fc.constantFrom(...names),
    fromLevel: fc.constantFrom(...LEVELS),
    toLevel: fc.constantFrom(...LEVELS),
    resource: fc.constantFrom(...TEACHER_INDICATORS),
    count: fc.integer({ min: 0, max: 3 }),
  }),
);

/** 丁学校, a nine-year school of 300 primary pupils and `junior` junior ones, with these junior teachers. */
const nineYearSchool = (junior: number, juniorTeachers: SchoolRecord["teachers"]["junior"]) =>
  school("丁学校", {
    type: "nineYear",
    students: { primary: 300, junior, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: 20, keyTeachers: 4, peArtTeachers: 4 },
      junior: juniorTeachers,
    },
  });

const strip = (records: readonly SchoolRecord[]) => JSON.parse(JSON.stringify(records));

describe("scenario algebra", () => {
  test("applying an edit then its inverse restores the records", () => {
    fc.assert(
      fc.property(invertible, (edit) => {
        // warnings apply (a transfer of qualified teachers into a junior section is one)
        const errors = (r: { problems: { severity: string }[] }) =>
          r.problems.filter((p) => p.severity === "error");
        const once = applyEdits(county, [edit], P);
        fc.pre(errors(once).length === 0);
        const inverse = inverseEdit(edit, county);
        expect(inverse).not.toBeNull();
        const back = applyEdits(once.records, [inverse as Edit], P);
        expect(errors(back)).toEqual([]);
        expect(strip(back.records)).toEqual(strip(county));
      }),
      { numRuns: 300 },
    );
  });

  test("setStudents is undone by setting the old value; openSchool by closeSchool", () => {
    const edit: Edit = { kind: "setStudents", school: names[0], level: "primary", value: 999 };
    const inverse = inverseEdit(edit, county) as Edit;
    const back = applyEdits(applyEdits(county, [edit], P).records, [inverse], P);
    expect(strip(back.records)).toEqual(strip(county));
    const open = NEW_SCHOOL;
    const opened = applyEdits(county, [open], P);
    expect(opened.records).toHaveLength(county.length + 1);
    const closed = applyEdits(opened.records, [inverseEdit(open, county) as Edit], P);
    expect(strip(closed.records)).toEqual(strip(county));
  });

  test("the source records are never changed", () => {
    const before = strip(county);
    fc.assert(
      fc.property(fc.array(invertible, { maxLength: 6 }), (edits) => {
        applyEdits(county, edits, P);
        evaluateScenario(county, edits, P);
      }),
      { numRuns: 100 },
    );
    expect(strip(county)).toEqual(before);
  });

  test("merging a school (撤并) preserves the county's students, teachers and facilities", () => {
    const records = [
      school("中心小学"),
      school("村小", {
        students: { primary: 60, junior: 0, senior: 0 },
        teachers: {
          primary: { qualifiedTeachers: 2, keyTeachers: 0, peArtTeachers: 1 },
          junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
        },
        facilities: { teachingArea: 300, sportsArea: 800, equipmentValue: 60_000, multimediaRooms: 1 },
      }),
      school("镇中学", { type: "junior", students: { primary: 0, junior: 400, senior: 0 } }),
    ];
    const total = (rs: readonly SchoolRecord[]) => ({
      students: rs.reduce((n, r) => n + r.students.primary + r.students.junior, 0),
      teachers: rs.reduce(
        (n, r) => n + r.teachers.primary.qualifiedTeachers + r.teachers.primary.peArtTeachers,
        0,
      ),
      area: rs.reduce((n, r) => n + r.facilities.teachingArea + r.facilities.sportsArea, 0),
      equipment: rs.reduce((n, r) => n + r.facilities.equipmentValue, 0),
      rooms: rs.reduce((n, r) => n + r.facilities.multimediaRooms, 0),
    });
    const merged = applyEdits(records, [{ kind: "mergeSchool", school: "村小", into: "中心小学" }], P);
    expect(merged.problems).toEqual([]);
    expect(merged.records.map((r) => r.name)).toEqual(["中心小学", "镇中学"]);
    expect(total(merged.records)).toEqual(total(records));
    expect(merged.records[0].students.primary).toBe(560);
    // a primary school merged into a junior school: nothing lost, the junior school now a nine-year school
    const widened = applyEdits(records, [{ kind: "mergeSchool", school: "村小", into: "镇中学" }], P);
    expect(widened.problems).toEqual([]);
    expect(total(widened.records)).toEqual(total(records));
    expect(widened.records[1]).toMatchObject({ type: "nineYear", students: { primary: 60, junior: 400 } });
  });

  test("edits after a merge, a closure or an opening find their schools by name, not by position", () => {
    const records = [school("甲小学"), school("乙小学"), school("丙小学"), school(" 丁小学 ")];
    const applied = applyEdits(
      records,
      [
        { kind: "mergeSchool", school: "甲小学", into: "丙小学" },
        { kind: "hireTeachers", school: "丙小学", level: "primary", resource: "keyTeachers", count: 1 },
        { kind: "closeSchool", school: "乙小学" },
        { kind: "addStudents", school: "丁小学", level: "primary", value: 7 },
        {
          kind: "openSchool",
          record: { ...school("戊小学"), students: { primary: 80, junior: 0, senior: 0 } },
        },
        { kind: "addStudents", school: "戊小学", level: "primary", value: 3 },
        { kind: "addStudents", school: "乙小学", level: "primary", value: 1 },
      ],
      P,
    );
    expect(applied.records.map((r) => r.name)).toEqual(["丙小学", " 丁小学 ", "戊小学"]);
    expect(applied.records[0].teachers.primary.keyTeachers).toBe(13);
    expect(applied.records[1].students.primary).toBe(507);
    expect(applied.records[2].students.primary).toBe(83);
    // the closed school is gone: the last edit is reported, not applied to another school
    expect(applied.applied).toEqual([0, 1, 2, 3, 4, 5]);
    // closing a school with pupils is applied with a warning that they count nowhere
    expect(applied.problems.map((p) => p.code)).toEqual([
      "edit-close-drops-students",
      "edit-school-not-found",
    ]);
  });

  test("an edit naming a school an earlier edit closed or merged says which edit did it", () => {
    const records = [school("甲小学"), school("乙小学"), school("丙小学")];
    const edits: Edit[] = [
      { kind: "mergeSchool", school: "甲小学", into: "丙小学" },
      { kind: "closeSchool", school: "乙小学" },
      { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "keyTeachers", count: 1 },
      {
        kind: "transferTeachers",
        from: "丙小学",
        to: "乙小学 ",
        fromLevel: "primary",
        toLevel: "primary",
        resource: "keyTeachers",
        count: 1,
      },
      { kind: "addStudents", school: "丁小学", level: "primary", value: 1 },
    ];
    // the file's own positions, as evaluateScenario passes them when invalid edits were left out before
    const messages = applyEdits(records, edits, P, [0, 2, 3, 5, 6])
      .problems.filter((p) => p.severity === "error")
      .map((p) => p.message);
    // counted from 1 as a person counts, with the path in the file beside it
    expect(messages).toEqual([
      {
        zh: "第 4 项的学校（edits[3].school）：找不到学校“甲小学”（已由第 1 项并入“丙小学”）",
        en: 'edit 4 (edits[3].school): no school named "甲小学" (merged into "丙小学" by edit 1)',
      },
      {
        zh: "第 6 项的接收学校（edits[5].to）：找不到学校“乙小学 ”（已由第 3 项撤销）",
        en: 'edit 6 (edits[5].to): no school named "乙小学 " (closed by edit 3)',
      },
      {
        zh: "第 7 项的学校（edits[6].school）：找不到学校“丁小学”",
        en: 'edit 7 (edits[6].school): no school named "丁小学"',
      },
    ]);
    // a school opened again under a closed one's name is found, and is the new one
    const reopened = applyEdits(
      records,
      [
        { kind: "closeSchool", school: "乙小学" },
        {
          kind: "openSchool",
          record: { ...school("乙小学"), students: { primary: 30, junior: 0, senior: 0 } },
        },
        { kind: "addStudents", school: "乙小学", level: "primary", value: 2 },
      ],
      P,
    );
    expect(reopened.problems.map((p) => p.code)).toEqual(["edit-close-drops-students"]);
    expect(reopened.records.find((r) => r.name === "乙小学")?.students.primary).toBe(32);
  });

  test("a transfer: the source loses what the target gains", () => {
    const records = [school("甲"), school("乙")];
    const edit: Edit = {
      kind: "transferTeachers",
      from: "甲",
      to: "乙",
      fromLevel: "primary",
      toLevel: "primary",
      resource: "keyTeachers",
      count: 2,
    };
    const out = applyEdits(records, [edit], P).records;
    expect(out[0].teachers.primary.keyTeachers).toBe(4);
    expect(out[1].teachers.primary.keyTeachers).toBe(8);
  });

  test("docs/standard.md#apportioning: a facility added to a nine-year school reaches its sections by weighted enrolment", () => {
    const nine = school("九年制", {
      type: "nineYear",
      students: { primary: 166, junior: 210, senior: 0 },
      facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
    });
    const r = evaluateScenario(
      [nine],
      [{ kind: "addFacility", school: "九年制", resource: "equipmentValue", amount: 23226 }],
      P,
    );
    const primary = r.evaluation.sections.find((s) => s.level === "primary")!;
    const junior = r.evaluation.sections.find((s) => s.level === "junior")!;
    expect(primary.amounts.equipmentValue).toBeCloseTo(9711.6, 1);
    expect(junior.amounts.equipmentValue).toBeCloseTo(13514.4, 1);
  });

  test("docs/standard.md#teaching-points: with teaching points merged, an addition to a parent whose facilities are given per section is shared by the merged enrolment", () => {
    const merging = { ...P, teachingPoints: "mergeIntoParent" as const };
    const given = (teachingArea: number) => ({
      teachingArea,
      sportsArea: 0,
      equipmentValue: 0,
      multimediaRooms: 0,
    });
    const parent = school("中心校", {
      type: "nineYear",
      students: { primary: 100, junior: 300, senior: 0 },
      facilities: given(2000),
      sectionFacilities: { primary: given(500), junior: given(1500) },
    });
    const point = school("教学点", {
      type: "teachingPoint",
      parent: "中心校",
      students: { primary: 200, junior: 0, senior: 0 },
      facilities: given(400),
    });
    const r = evaluateScenario(
      [parent, point],
      [{ kind: "addFacility", school: "中心校", resource: "teachingArea", amount: 1260 }],
      merging,
    );
    const primary = r.evaluation.sections.find((s) => s.level === "primary")!;
    const junior = r.evaluation.sections.find((s) => s.level === "junior")!;
    expect(primary.students).toBe(300);
    // 300 primary pupils : 1.1 × 300 junior pupils = 600 : 660 of the 1,260 m²
    expect(primary.amounts.teachingArea).toBeCloseTo(500 + 400 + 600, 9);
    expect(junior.amounts.teachingArea).toBeCloseTo(1500 + 660, 9);
    // without the merge the parent's own pupils share it: 100 : 330
    const own = evaluateScenario(
      [parent, point],
      [{ kind: "addFacility", school: "中心校", resource: "teachingArea", amount: 1260 }],
      P,
    );
    const ownPrimary = own.evaluation.sections.find((s) => s.school === "中心校" && s.level === "primary")!;
    expect(ownPrimary.amounts.teachingArea).toBeCloseTo(500 + (1260 * 100) / 430, 9);
  });
});

describe("invalid edits are problems naming the edit and the field", () => {
  test("school not found, negative result, schema errors", () => {
    const records = [school("甲")];
    const parsed = parseEdits(
      [
        { kind: "hireTeachers", school: "甲", level: "primary", resource: "keyTeachers", count: 1.5 },
        { kind: "addFacility", school: "甲", resource: "library", amount: 1 },
        { kind: "addStudents", school: "丙", level: "primary", value: 10 },
        { kind: "hireTeachers", school: "甲", level: "primary", resource: "keyTeachers", count: -99 },
      ],
      NATIONAL_2017,
    );
    expect(parsed.problems.map((p) => p.message.en.split(":")[0])).toEqual([
      "edit 1 (edits[0].count)",
      "edit 2 (edits[1].resource)",
    ]);
    expect(parsed.edits).toHaveLength(2);
    const r = evaluateScenario(records, parsed.edits, P);
    expect(r.problems.map((p) => p.code)).toEqual(["edit-school-not-found", "edit-negative-result"]);
    expect(r.problems[0].message.en).toContain("edits[0].school");
    expect(r.problems[0].message.zh).toContain("丙");
    expect(r.problems[1].message.en).toContain("edits[1].count");
    expect(r.applied).toEqual([]);
    expect(parseEdits({ nope: 1 }, NATIONAL_2017).problems[0].code).toBe("edits-not-a-list");
    expect(parseEdits({ edits: [] }, NATIONAL_2017).problems).toEqual([]);
  });
});

describe("pupils added without classes", () => {
  it("docs/standard.md#guarantee: more than 45 a primary class on average is a warning naming the classes", () => {
    const records = [school("甲", { classes: { primary: 11 } }), school("乙")];
    const r = evaluateScenario(
      records,
      [
        { kind: "addStudents", school: "甲", level: "primary", value: -6 },
        { kind: "addStudents", school: "甲", level: "primary", value: 1 },
        { kind: "addStudents", school: "甲", level: "primary", value: 10 },
        { kind: "addStudents", school: "乙", level: "primary", value: 200 },
      ],
      P,
    );
    // 11 classes hold 495 at 45 each: 495 is not over, 505 is (45.9 a class); 乙 gives no classes to judge by
    expect(r.applied).toEqual([0, 1, 2, 3]);
    expect(r.problems.map((p) => [p.code, p.severity, p.edit])).toEqual([["edit-class-size", "warning", 2]]);
    expect(r.problems[0].message.zh).toContain(
      "小学 11 个班、在校生 505 人，平均每班 45.9 人，至少有一个班超过 45 人",
    );
  });
});

describe("a school grown past its size", () => {
  it("docs/standard.md#guarantee-4: the edit that takes a school over 2,000 pupils warns, once", () => {
    const r = evaluateScenario(
      [school("甲"), school("乙")],
      [
        { kind: "addStudents", school: "甲", level: "primary", value: 1500 },
        { kind: "addStudents", school: "甲", level: "primary", value: 1 },
        { kind: "addStudents", school: "甲", level: "primary", value: 10 },
      ],
      P,
    );
    expect(r.applied).toEqual([0, 1, 2]);
    expect(r.problems.map((p) => [p.code, p.severity, p.edit])).toEqual([["edit-school-size", "warning", 1]]);
    expect(r.problems[0].message.zh).toContain("学校“甲”修改后义务教育阶段在校生 2001 人，上限 2000 人");
  });
});

describe("multimedia rooms come whole", () => {
  it("an addition of part of a room is refused at its amount; area and money need not be whole", () => {
    const parsed = parseEdits(
      [
        { kind: "addFacility", school: "甲", resource: "multimediaRooms", amount: 2.5 },
        { kind: "addFacility", school: "甲", resource: "多媒体教室", amount: -1 },
        { kind: "addFacility", school: "甲", resource: "sportsArea", amount: 12.5 },
      ],
      NATIONAL_2017,
    );
    expect(parsed.problems.map((p) => p.message.zh)).toEqual([
      "第 1 项的增减量（edits[0].amount）：修改无效（应为整数，这里是 2.5：多媒体教室按整间计）",
    ]);
    expect(parsed.edits.map((e) => e.kind === "addFacility" && e.amount)).toEqual([-1, 12.5]);
  });
});

describe("an edit refused for going below 0 says what the school has", () => {
  it("names the school, what it has and what the edit asked for", () => {
    const records = [school("甲"), school("乙")];
    const r = evaluateScenario(
      records,
      [
        { kind: "addStudents", school: "甲", level: "primary", value: -600 },
        { kind: "hireTeachers", school: "甲", level: "primary", resource: "keyTeachers", count: -9 },
        {
          kind: "transferTeachers",
          from: "乙",
          to: "甲",
          fromLevel: "primary",
          toLevel: "primary",
          resource: "keyTeachers",
          count: 10,
        },
        { kind: "mergeSchool", school: "乙", into: "乙" },
      ],
      P,
    );
    expect(r.applied).toEqual([]);
    expect(r.problems.map((p) => p.message.zh)).toEqual([
      "第 1 项的在校生数（edits[0].value）：学校“甲”小学在校生只有 500 人，不能减少 600 人，未应用",
      "第 2 项的人数（edits[1].count）：学校“甲”小学骨干教师只有 6 人，不能减少 9 人，未应用",
      "第 3 项的人数（edits[2].count）：学校“乙”小学骨干教师只有 6 人，不能派出 10 人，未应用",
      "第 4 项的并入学校（edits[3].into）：学校“乙”不能并入自身",
    ]);
    expect(r.problems[2].message.en).toContain(
      '"乙" has 6 primary key teachers: 10 cannot be sent; not applied',
    );
  });
});

describe("evaluateScenario goes through the engine and reports a diff", () => {
  test("the evaluation is the engine's on the edited records", () => {
    const edits: Edit[] = [{ kind: "addStudents", school: names[2], level: "primary", value: 120 }];
    const r = evaluateScenario(county, edits, P);
    expect(r.evaluation).toEqual(evaluate(applyEdits(county, edits, P).records, P));
    expect(r.baseline).toEqual(evaluate(county, P));
  });

  test("docs/standard.md#indicators: +120 first-graders can make a section fail; the diff names it and the values", () => {
    const records = [school("城关小学"), school("第二小学")];
    const r = evaluateScenario(
      records,
      [{ kind: "addStudents", school: "城关小学", level: "primary", value: 120 }],
      P,
    );
    // 25 qualified teachers for 620 students: 4.03 < 4.2 (in the band); 6 key → 0.97 < 1.0: two below standard
    expect(r.diff.sectionsChanged).toEqual([
      { school: "城关小学", level: "primary", before: "pass", after: "fail" },
    ]);
    const q = r.diff.valuesChanged.find((v) => v.field === "qualifiedTeachers")!;
    expect(q.before).toBeCloseTo(5, 10);
    expect(q.after).toBeCloseTo(2500 / 620, 10);
    expect(r.diff.valuesChanged.find((v) => v.field === "students")).toMatchObject({
      before: 500,
      after: 620,
    });
    expect(r.evaluation.resourcesPass).toBe(false);
  });

  test("docs/standard.md#indicators: a value slipping below its standard is marked though the verdict holds", () => {
    const ground = { teachingArea: 2500, sportsArea: 3800, equipmentValue: 1_100_000, multimediaRooms: 13 };
    const records = [school("城关小学", { facilities: ground }), school("第二小学")];
    const r = evaluateScenario(
      records,
      [{ kind: "addStudents", school: "城关小学", level: "primary", value: 30 }],
      P,
    );
    // 3,800 m² for 530 pupils: 7.17 < 7.5 but ≥ 85 % of it (6.375); every other value stays at its standard
    expect(r.diff.sectionsChanged).toEqual([]);
    expect(r.diff.valuesChanged.find((v) => v.field === "sportsArea")).toMatchObject({
      statusBefore: "met",
      statusAfter: "floor",
    });
    expect(r.diff.valuesChanged.find((v) => v.field === "teachingArea")).toMatchObject({
      statusBefore: "met",
      statusAfter: "met",
    });
    expect(r.diff.valuesChanged.find((v) => v.field === "students")).toMatchObject({
      statusBefore: null,
      statusAfter: null,
    });
  });

  test("docs/standard.md#coefficient: a coefficient crossing its limit is reported with before, after and limit", () => {
    const records = [
      school("甲", {
        facilities: { teachingArea: 2500, sportsArea: 4000, equipmentValue: 1_000_000, multimediaRooms: 13 },
      }),
      school("乙", {
        facilities: { teachingArea: 2500, sportsArea: 4000, equipmentValue: 1_000_000, multimediaRooms: 13 },
      }),
    ];
    const r = evaluateScenario(
      records,
      [{ kind: "addFacility", school: "甲", resource: "equipmentValue", amount: 3_000_000 }],
      P,
    );
    // values 8000 and 2000 with equal weights: X̄ = 5000, S = 3000, CV = 0.6 > 0.5
    expect(r.diff.cvCrossed).toEqual([
      {
        level: "primary",
        indicator: "equipmentValue",
        before: 0,
        after: expect.closeTo(0.6, 12),
        limit: 0.5,
        passesAfter: false,
      },
    ]);
  });

  test("closing and opening schools show as absent sections", () => {
    const records = [school("甲"), school("乙")];
    const r = evaluateScenario(records, [{ kind: "closeSchool", school: "乙" }], P);
    expect(r.diff.sectionsChanged).toEqual([
      { school: "乙", level: "primary", before: "pass", after: "absent" },
    ]);
  });
});

describe("merging schools whose facilities are given per section", () => {
  test("the pool is the sum of what both schools have, apportioned afresh", () => {
    const given = school("九年制", {
      type: "nineYear",
      students: { primary: 400, junior: 300, senior: 0 },
      facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 },
      sectionFacilities: {
        primary: { teachingArea: 2000, sportsArea: 3000, equipmentValue: 800_000, multimediaRooms: 10 },
        junior: { teachingArea: 1800, sportsArea: 3100, equipmentValue: 750_000, multimediaRooms: 8 },
      },
    });
    const small = school("村小", { students: { primary: 60, junior: 0, senior: 0 } });
    const out = applyEdits(
      [given, small],
      [{ kind: "mergeSchool", school: "村小", into: "九年制" }],
      P,
    ).records;
    expect(out).toHaveLength(1);
    expect(out[0].sectionFacilities).toBeUndefined();
    expect(out[0].facilities).toEqual({
      teachingArea: 2000 + 1800 + 2500,
      sportsArea: 3000 + 3100 + 4000,
      equipmentValue: 800_000 + 750_000 + 1_100_000,
      multimediaRooms: 10 + 8 + 13,
    });
    expect(out[0].students.primary).toBe(460);
  });
});

describe("nothing an edit gives is lost, and a figure in the wrong unit is questioned", () => {
  const secondary = (name: string, type: SchoolRecord["type"], junior: number, senior: number) =>
    school(name, {
      type,
      students: { primary: 0, junior, senior },
      teachers: {
        primary: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
        junior: { qualifiedTeachers: junior / 15, keyTeachers: junior / 100, peArtTeachers: junior / 100 },
      },
    });
  const records = [
    school("甲小学"),
    secondary("乙初中", "junior", 400, 0),
    secondary("丙完全中学", "complete", 300, 500),
  ];
  const newSchool = (over: Record<string, unknown>) => ({
    kind: "openSchool",
    record: {
      name: "新区小学",
      type: "primary",
      students: { primary: 600 },
      facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1_500_000, multimediaRooms: 15 },
      ...over,
    },
  });
  const run = (edits: unknown[]) => {
    const parsed = parseEdits(edits, NATIONAL_2017);
    expect(parsed.problems).toEqual([]);
    return applyEdits(records, parsed.edits, P);
  };

  test("a new school given pupils or teachers of a level its type lacks is refused, naming the field", () => {
    const r = run([
      newSchool({ students: { junior: 600 } }),
      newSchool({
        name: "新区二小",
        teachers: { junior: { qualifiedTeachers: 30, keyTeachers: 0, peArtTeachers: 0 } },
      }),
      newSchool({ name: "新区三小", type: "junior", students: { junior: 300, senior: 200 } }),
    ]);
    expect(r.applied).toEqual([]);
    expect(r.records).toHaveLength(3);
    expect(r.problems.map((p) => [p.code, p.message.zh])).toEqual([
      [
        "edit-level-not-in-school",
        "第 1 项的新学校初中在校生数（edits[0].record.students.junior）：学校“新区小学”没有初中学段，初中在校生 600 人无处计入，未应用",
      ],
      [
        "edit-level-not-in-school",
        "第 2 项的新学校初中教师（edits[1].record.teachers.junior）：学校“新区二小”没有初中学段，初中教师 30 人无处计入，未应用",
      ],
      [
        "edit-level-not-in-school",
        "第 3 项的新学校高中在校生数（edits[2].record.students.senior）：学校“新区三小”没有高中学段，高中在校生 200 人无处计入，未应用",
      ],
    ]);
  });

  test("pupils merge only into a school that has, or widens to, their level: a teaching point takes no junior pupils", () => {
    const point = { ...school("丁教学点"), type: "teachingPoint" as const };
    const r = applyEdits(
      [...records, point],
      [{ kind: "mergeSchool", school: "乙初中", into: "丁教学点" }],
      P,
    );
    expect(r.applied).toEqual([]);
    expect(r.problems.map((p) => p.message.en)).toEqual([
      'edit 1 (edits[0].into): "丁教学点" has no junior section: 400 junior students would be lost; not applied',
    ]);
    // a twelve-year school has a senior part to take them
    const twelve = applyEdits(
      [...records.slice(0, 2), { ...records[2], name: "丁学校", type: "twelveYear" as const }],
      [{ kind: "mergeSchool", school: "乙初中", into: "丁学校" }],
      P,
    );
    expect(twelve.problems).toEqual([]);
  });

  test("closing a school with pupils applies, with a warning that they now count in no school", () => {
    const r = run([{ kind: "closeSchool", school: "甲小学" }]);
    expect(r.applied).toEqual([0]);
    expect(r.records.map((x) => x.name)).toEqual(["乙初中", "丙完全中学"]);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: "warning", code: "edit-close-drops-students" }),
    ]);
    expect(r.problems[0].message.zh).toContain("500 名学生不再计入任何学校");
  });

  test("equipment in 万元 where 元 is asked: an addition under 1,000 元, a new school under the profile's floor per pupil", () => {
    const r = run([
      { kind: "addFacility", school: "甲小学", resource: "equipmentValue", amount: 50 },
      { kind: "addFacility", school: "甲小学", resource: "equipmentValue", amount: 500000 },
      { kind: "addFacility", school: "甲小学", resource: "equipmentValue", amount: -30 },
      newSchool({
        facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 150, multimediaRooms: 15 },
      }),
      newSchool({ name: "新区二小" }),
    ]);
    expect(r.applied).toEqual([0, 1, 2, 3, 4]);
    expect(r.records[0].facilities.equipmentValue).toBe(1_100_000 + 50 + 500000 - 30);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh])).toEqual([
      [
        "warning",
        "edit-equipment-unit",
        "第 1 项的增减量（edits[0].amount）：仪器设备值以元计，这里是 50 元；若指 50 万元，请写 500000",
      ],
      [
        "warning",
        "edit-equipment-unit",
        "第 3 项的增减量（edits[2].amount）：仪器设备值以元计，这里是 -30 元；若指 -30 万元，请写 -300000",
      ],
      [
        "warning",
        "edit-equipment-unit",
        `第 4 项的新学校仪器设备（edits[3].record.facilities.equipmentValue）：仪器设备值以元计，折合生均仅 0.25 元，低于 ${P.equipmentImplausibleBelow} 元；是否按万元填写？请换算为元`,
      ],
    ]);
  });

  test("a new school named as one the table has is refused; docs/standard.md#equipment-unit: over 1,000,000 元 a pupil is questioned", () => {
    const r = run([
      newSchool({ name: "甲小学" }),
      // 900,000,000 元 for 600 pupils: 1,500,000 元 each, over the 100 万元 a pupil past which 元 was likely read as 万元
      newSchool({
        facilities: {
          teachingArea: 3000,
          sportsArea: 5000,
          equipmentValue: 900_000_000,
          multimediaRooms: 15,
        },
      }),
    ]);
    expect(r.applied).toEqual([1]);
    expect(r.records.map((s) => s.name)).toEqual(["甲小学", "乙初中", "丙完全中学", "新区小学"]);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh, p.message.en])).toEqual([
      [
        "error",
        "edit-duplicate-school",
        "第 1 项的新学校名称（edits[0].record.name）：已有名为“甲小学”的学校",
        'edit 1 (edits[0].record.name): a school named "甲小学" already exists',
      ],
      [
        "warning",
        "edit-equipment-unit",
        "第 2 项的新学校仪器设备（edits[1].record.facilities.equipmentValue）：仪器设备值以元计，折合生均达 1500000 元；请核对数值",
        "edit 2 (edits[1].record.facilities.equipmentValue): equipment is in yuan, and this comes to 1500000 yuan per student; please check the figure",
      ],
    ]);
    expect(r.problems[1].equipment).toEqual({
      doubt: "high",
      value: 900_000_000,
      perStudent: 1_500_000,
      below: P.equipmentImplausibleBelow,
      above: 1_000_000,
    });
  });

  test("qualified teachers moved from a primary section to a junior one: a warning that the bar is higher there", () => {
    const nine = nineYearSchool(200, { qualifiedTeachers: 12, keyTeachers: 3, peArtTeachers: 2 });
    const move = (fromLevel: string, toLevel: string, resource: string) => ({
      kind: "transferTeachers",
      from: "丁学校",
      to: "丁学校",
      fromLevel,
      toLevel,
      resource,
      count: 2,
    });
    const parsed = parseEdits(
      [
        move("primary", "junior", "qualifiedTeachers"),
        move("junior", "primary", "qualifiedTeachers"),
        move("primary", "junior", "keyTeachers"),
      ],
      NATIONAL_2017,
    );
    const r = applyEdits([nine], parsed.edits, P);
    expect(r.applied).toEqual([0, 1, 2]);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh.split("：")[0]])).toEqual([
      ["warning", "edit-qualification-across-levels", "第 1 项的接收学段（edits[0].toLevel）"],
    ]);
  });
});

describe("teachers given to a section without pupils", () => {
  // a nine-year school whose junior section has no pupils (yet): teachers there count in no section
  const nine = nineYearSchool(0, { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 });
  const hire = (count: number) => ({
    kind: "hireTeachers" as const,
    school: "丁学校",
    level: "junior" as const,
    resource: "keyTeachers" as const,
    count,
  });

  test("are hired or moved there with a warning that they count nowhere; none given, no word", () => {
    const r = applyEdits(
      [nine, school("甲小学")],
      [
        hire(3),
        hire(0),
        {
          kind: "transferTeachers",
          from: "甲小学",
          to: "丁学校",
          fromLevel: "primary",
          toLevel: "junior",
          resource: "peArtTeachers",
          count: 1,
        },
        { kind: "addStudents", school: "丁学校", level: "junior", value: 120 },
        hire(2),
      ],
      P,
    );
    expect(r.applied).toEqual([0, 1, 2, 3, 4]);
    expect(r.records[0].teachers.junior.keyTeachers).toBe(5);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh])).toEqual([
      [
        "warning",
        "edit-teachers-no-students",
        "第 1 项的学段（edits[0].level）：学校“丁学校”初中没有在校生，这 3 名教师不计入任何学校（校区）的评估",
      ],
      [
        "warning",
        "edit-teachers-no-students",
        "第 3 项的接收学段（edits[2].toLevel）：学校“丁学校”初中没有在校生，这 1 名教师不计入任何学校（校区）的评估",
      ],
    ]);
  });

  test("a transfer from a section to itself changes nothing and is refused", () => {
    const r = applyEdits(
      [nine],
      [
        {
          kind: "transferTeachers",
          from: "丁学校",
          to: "丁学校",
          fromLevel: "primary",
          toLevel: "primary",
          resource: "keyTeachers",
          count: 1,
        },
      ],
      P,
    );
    expect(r.applied).toEqual([]);
    expect(r.problems.map((p) => [p.severity, p.code, p.message.zh])).toEqual([
      [
        "error",
        "edit-transfer-to-itself",
        "第 1 项的接收学校（edits[0].to）：派出和接收是同一学校的同一学段，交流不改变任何数值",
      ],
    ]);
  });
});

describe("a school named as a clerk types it", () => {
  const records = [school("白狼县实验小学"), school("白狼县第一小学（东校区）"), school("青山镇中心小学")];

  test("spaces and full-width forms are the name's, as tables and years are matched, and the clerk is told", () => {
    const r = applyEdits(
      records,
      [
        { kind: "addStudents", school: "白狼县 实验小学", level: "primary", value: 10 },
        { kind: "addStudents", school: "白狼县第一小学(东校区)", level: "primary", value: 20 },
        { kind: "addStudents", school: " 青山镇中心小学 ", level: "primary", value: 0 },
      ],
      P,
    );
    // docs/school-table.md#names: spelt otherwise, matched with a warning; spaces at the ends are no spelling
    expect(r.problems.map((p) => [p.code, p.severity, p.edit])).toEqual([
      ["edit-school-spelled-otherwise", "warning", 0],
      ["edit-school-spelled-otherwise", "warning", 1],
    ]);
    expect(r.problems[1].message.zh).toContain(
      "“白狼县第一小学(东校区)”与表中校名“白狼县第一小学（东校区）”",
    );
    expect(r.records.map((x) => x.students.primary)).toEqual([510, 520, 500]);
  });

  test("a name no school has, one character from one that does, asks whether that one was meant", () => {
    const r = applyEdits(
      records,
      [
        { kind: "addStudents", school: "白狼县实验小校", level: "primary", value: 10 },
        { kind: "closeSchool", school: "青山镇中小学" },
        { kind: "closeSchool", school: "红石乡中心小学" },
      ],
      P,
    );
    expect(r.problems.map((p) => p.message.zh)).toEqual([
      "第 1 项的学校（edits[0].school）：找不到学校“白狼县实验小校”；是否指“白狼县实验小学”？",
      "第 2 项的学校（edits[1].school）：找不到学校“青山镇中小学”；是否指“青山镇中心小学”？",
      "第 3 项的学校（edits[2].school）：找不到学校“红石乡中心小学”",
    ]);
    expect(r.problems[0].message.en).toBe(
      'edit 1 (edits[0].school): no school named "白狼县实验小校"; did you mean "白狼县实验小学"?',
    );
  });
});
