/**
 * Headers of the enrolment and teacher columns as county returns write them (docs/school-table.md#headers): the
 * reader knows the common variants, while a header that names the field only loosely still needs the pane's
 * column step (demo mode relies on one such header).
 */
import { matchHeader } from "../../src/sheet/read";
import { DEMO_RENAMED_HEADER } from "../../src/excel/memory/demo";

describe("variants of the student and teacher headers", () => {
  it.each([
    ["小学在校学生数", "primaryStudents"],
    ["小学在校学生数（人）", "primaryStudents"],
    ["小学在校生人数", "primaryStudents"],
    ["初中在校学生数", "juniorStudents"],
    ["初中 在校生", "juniorStudents"],
    ["初中学生人数(人)", "juniorStudents"],
    ["小学高于规定学历的专任教师数", "primaryQualifiedTeachers"],
    ["初中高学历教师数（人）", "juniorQualifiedTeachers"],
    ["小学县级及以上骨干教师数", "primaryKeyTeachers"],
    ["初中骨干教师数", "juniorKeyTeachers"],
    ["小学体育、艺术专任教师数", "primaryPeArtTeachers"],
    ["初中体艺专任教师数（人）", "juniorPeArtTeachers"],
    ["Primary enrolment", "primaryStudents"],
  ])("%s → %s", (header, id) => {
    expect(matchHeader(header)).toBe(id);
  });

  it("leaves loose wordings to the column step", () => {
    expect(matchHeader(DEMO_RENAMED_HEADER.header)).toBeNull();
    expect(matchHeader("骨干教师（小学，县级以上）")).toBeNull();
    expect(matchHeader("小学在读人数")).toBeNull();
  });
});
