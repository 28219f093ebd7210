import {
  areaPerStudentImplausible,
  implausibilitiesOf,
  largestClassImplausible,
  sectionStudentsImplausible,
  teachersImplausible,
} from "../../src/engine/plausibility";
import { applyEdits, type Edit } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { NEW_SCHOOL, school } from "../whatif/schools";

// docs/school-table.md#plausible: a section of more than 20,000 pupils, more than 100 m² of teaching rooms or 500 m²
// of grounds per pupil, more teachers of one kind than the section's pupils, a class above 150. The figures here are
// the page's, each judged strictly: the figure itself is plausible.
describe("the plausible — docs/school-table.md#plausible", () => {
  test("a section of more than 20,000 pupils; 20,000 itself is plausible", () => {
    expect(sectionStudentsImplausible(19_999)).toBe(false);
    expect(sectionStudentsImplausible(20_000)).toBe(false);
    expect(sectionStudentsImplausible(20_001)).toBe(true);
  });

  test("a largest class of more than 150; 150 itself is plausible", () => {
    expect(largestClassImplausible(149)).toBe(false);
    expect(largestClassImplausible(150)).toBe(false);
    expect(largestClassImplausible(151)).toBe(true);
  });

  test("more than 100 m² of teaching rooms per pupil, given as the figure per pupil; 100 itself is plausible", () => {
    expect(areaPerStudentImplausible("teachingArea", 99 * 40, 40)).toBeNull();
    expect(areaPerStudentImplausible("teachingArea", 100 * 40, 40)).toBeNull();
    expect(areaPerStudentImplausible("teachingArea", 101 * 40, 40)).toBe(101);
  });

  test("more than 500 m² of grounds per pupil (a rural school's 400 is plausible); 500 itself is plausible", () => {
    expect(areaPerStudentImplausible("sportsArea", 400 * 40, 40)).toBeNull();
    expect(areaPerStudentImplausible("sportsArea", 500 * 40, 40)).toBeNull();
    expect(areaPerStudentImplausible("sportsArea", 501 * 40, 40)).toBe(501);
    // 101 m² of grounds per pupil is no teaching rooms' figure
    expect(areaPerStudentImplausible("sportsArea", 101 * 40, 40)).toBeNull();
  });

  test("a school without pupils has no area per pupil to doubt", () => {
    expect(areaPerStudentImplausible("teachingArea", 5000, 0)).toBeNull();
  });

  test("more teachers of one kind than the section's pupils; as many is plausible; none without pupils", () => {
    expect(teachersImplausible(39, 40)).toBe(false);
    expect(teachersImplausible(40, 40)).toBe(false);
    expect(teachersImplausible(41, 40)).toBe(true);
    expect(teachersImplausible(5, 0)).toBe(false);
  });

  test("a school record's implausible values, each by its predicate", () => {
    const r: SchoolRecord = {
      ...school("甲小学", 40),
      teachers: {
        primary: { qualifiedTeachers: 41, keyTeachers: 40, peArtTeachers: 2 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      },
      facilities: { teachingArea: 4040, sportsArea: 20000, equipmentValue: 100_000, multimediaRooms: 2 },
      largestClass: { primary: 151, grade1: 150 },
    };
    expect(implausibilitiesOf(r)).toEqual([
      { kind: "areaPerStudent", facility: "teachingArea", value: 4040, perStudent: 101 },
      { kind: "teachers", level: "primary", resource: "qualifiedTeachers", value: 41, students: 40 },
      { kind: "largestClass", key: "primary", value: 151 },
    ]);
    expect(implausibilitiesOf(school("乙小学", 500))).toEqual([]);
    expect(implausibilitiesOf(school("丙小学", 20_001))).toEqual([
      { kind: "sectionStudents", level: "primary", value: 20_001 },
    ]);
  });
});

describe("a what-if edit that makes a school implausible warns, and applies — docs/school-table.md#plausible", () => {
  const implausible = (edits: Edit[], records: SchoolRecord[] = [school("甲小学", 40)]) => {
    const applied = applyEdits(records, edits, NATIONAL_2017);
    return { applied, warned: applied.problems.filter((p) => p.code === "edit-implausible-value") };
  };

  test("500 teachers hired into a school of 40 pupils", () => {
    const { applied, warned } = implausible([
      { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "qualifiedTeachers", count: 500 },
    ]);
    expect(applied.applied).toEqual([0]);
    expect(applied.records[0].teachers.primary.qualifiedTeachers).toBe(525);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: "warning", edit: 0, field: "count" });
    expect(warned[0].message.zh).toContain("甲小学");
    expect(warned[0].message.zh).toContain("525");
    expect(warned[0].message.zh).toContain("多于该学段在校生 40 人");
    // 25 qualified teachers and 40 pupils: 15 more make 40, as many as the pupils, which is plausible
    const asMany = implausible([
      { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "qualifiedTeachers", count: 15 },
    ]);
    expect(asMany.warned).toEqual([]);
  });

  test("a section set to 20,001 pupils warns, 20,000 does not; so does the area per pupil it leaves", () => {
    const set = (value: number): Edit => ({ kind: "setStudents", school: "甲小学", level: "primary", value });
    expect(implausible([set(20_000)], [school("甲小学", 500)]).warned).toEqual([]);
    const { warned } = implausible([set(20_001)], [school("甲小学", 500)]);
    expect(warned.map((p) => [p.field, p.message.en])).toEqual([
      ["value", expect.stringContaining("above 20000")],
    ]);
    // 2,500 ㎡ of teaching rooms for 24 pupils: 104.17 ㎡ each; and 25 qualified teachers for 24 pupils
    const fewer = implausible([set(24)], [school("甲小学", 500)]).warned;
    expect(fewer.map((p) => p.message.zh)).toEqual([
      expect.stringContaining("教学用房折合生均 104.17 ㎡，超过 100 ㎡"),
      expect.stringContaining("小学高学历教师为 25 人，多于该学段在校生 24 人"),
    ]);
  });

  test("a new school of implausible figures warns at each figure's field", () => {
    if (NEW_SCHOOL.kind !== "openSchool") throw new Error("NEW_SCHOOL opens a school");
    const record = {
      ...NEW_SCHOOL.record,
      students: { primary: 10, junior: 0, senior: 0 },
      teachers: { primary: { qualifiedTeachers: 8, keyTeachers: 2, peArtTeachers: 11 }, junior: undefined },
      facilities: { teachingArea: 3000, sportsArea: 5010, equipmentValue: 15_000, multimediaRooms: 2 },
    };
    const { applied, warned } = implausible([{ kind: "openSchool", record }], []);
    expect(applied.applied).toEqual([0]);
    expect(warned.map((p) => p.field)).toEqual([
      "record.facilities.teachingArea",
      "record.facilities.sportsArea",
      "record.teachers.primary.peArtTeachers",
    ]);
  });

  test("pupils moved away leave the sending school more teachers than pupils: a warning on that school", () => {
    // 甲小学 keeps 20 of its 500 pupils, its 25 qualified teachers and its 2,500 ㎡ (125 ㎡ each)
    const { applied, warned } = implausible(
      [{ kind: "moveStudents", from: "甲小学", to: "乙小学", level: "primary", count: 480 }],
      [school("甲小学", 500), school("乙小学", 500)],
    );
    expect(applied.applied).toEqual([0]);
    expect(warned.map((p) => [p.field, p.message.zh])).toEqual([
      ["count", expect.stringContaining("学校“甲小学”修改后教学用房折合生均 125 ㎡，超过 100 ㎡")],
      ["count", expect.stringContaining("学校“甲小学”修改后小学高学历教师为 25 人，多于该学段在校生 20 人")],
    ]);
  });

  test("what the table already had is the reader's warning, not the edit's: only what the edit made", () => {
    // 30,000 ㎡ of grounds for 40 pupils (750 ㎡ each) before any edit
    const hugeGrounds: SchoolRecord = {
      ...school("甲小学", 40),
      facilities: { teachingArea: 800, sportsArea: 30_000, equipmentValue: 100_000, multimediaRooms: 2 },
    };
    const { warned } = implausible(
      [{ kind: "hireTeachers", school: "甲小学", level: "primary", resource: "keyTeachers", count: 40 }],
      [hugeGrounds],
    );
    expect(warned.map((p) => p.message.zh)).toEqual([
      expect.stringContaining("小学骨干教师为 46 人，多于该学段在校生 40 人"),
    ]);
  });
});
