/**
 * Whole counts in an edit follow the profile (docs/plans.md#edits, docs/standard.md#indicators): where the profile
 * counts a resource whole (`integral`: teachers and rooms in the national standard), part of one is refused at the
 * edit's field, whether an edits file gives the edit (`parseEdits`) or a host makes it (`applyEdits`); where a
 * profile counts it in parts, a part is taken.
 */
import { applyEdits, parseEdits, type Edit } from "../../src/engine/scenario";
import { parseProfile } from "../../src/standard/load";
import type { Profile } from "../../src/standard/profile";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { NEW_SCHOOL, school } from "./schools";

/** The national standard with `patch` over its indicators (a province's profile file). */
function profileWith(indicators: Record<string, unknown>): Profile {
  const parsed = parseProfile({ extends: "national-2017", id: "province", indicators });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.profile;
}

const HIRE: Edit = {
  kind: "hireTeachers",
  school: "城关小学",
  level: "primary",
  resource: "keyTeachers",
  count: 2.5,
};

describe("the national standard counts teachers and rooms whole", () => {
  it("refuses 2.5 teachers hired, naming the edit, its field and the resource", () => {
    const parsed = parseEdits([HIRE], NATIONAL_2017);
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      {
        zh: "第 1 项的人数（edits[0].count）：修改无效（应为整数，这里是 2.5：骨干教师按整人计）",
        en: "edit 1 (edits[0].count): invalid edit (expected a whole number, found 2.5: key teachers are counted in whole teachers)",
      },
    ]);
  });

  it("refuses part of a teacher moved, part of a room, and a new school's part of a teacher, each at its field", () => {
    const record = NEW_SCHOOL.kind === "openSchool" ? NEW_SCHOOL.record : null;
    const parsed = parseEdits(
      [
        {
          kind: "transferTeachers",
          from: "城关小学",
          to: "第二小学",
          fromLevel: "primary",
          toLevel: "primary",
          resource: "qualifiedTeachers",
          count: 0.5,
        },
        { kind: "addFacility", school: "城关小学", resource: "multimediaRooms", amount: 1.5 },
        {
          kind: "openSchool",
          record: {
            ...record,
            teachers: { primary: { qualifiedTeachers: 30.5, keyTeachers: 7, peArtTeachers: 6 } },
          },
        },
        // area and money are counted in parts
        { kind: "addFacility", school: "城关小学", resource: "teachingArea", amount: 12.5 },
      ],
      NATIONAL_2017,
    );
    expect(parsed.problems.map((p) => [p.code, p.message.zh])).toEqual([
      [
        "edit-invalid",
        "第 1 项的人数（edits[0].count）：修改无效（应为整数，这里是 0.5：高学历教师按整人计）",
      ],
      [
        "edit-invalid",
        "第 2 项的增减量（edits[1].amount）：修改无效（应为整数，这里是 1.5：多媒体教室按整间计）",
      ],
      [
        "edit-invalid",
        "第 3 项的新学校小学高学历教师（edits[2].record.teachers.primary.qualifiedTeachers）：修改无效（应为整数，这里是 30.5：高学历教师按整人计）",
      ],
    ]);
    expect(parsed.indexes).toEqual([3]);
  });

  it("refuses an edit a host made itself as it refuses the file's, by the same rule and words", () => {
    const applied = applyEdits([school("城关小学", 500)], [HIRE], NATIONAL_2017);
    expect(applied.applied).toEqual([]);
    expect(applied.records[0].teachers.primary.keyTeachers).toBe(6);
    const fromFile = parseEdits([HIRE], NATIONAL_2017).problems;
    expect(applied.problems.map((p) => [p.code, p.edit, p.field, p.message])).toEqual(
      fromFile.map((p) => [p.code, 0, "count", p.message]),
    );
  });
});

describe("a profile's own whole counts", () => {
  it("a profile counting key teachers in parts takes 2.5 of them, from a file and from a host", () => {
    const parts = profileWith({ keyTeachers: { integral: false } });
    const parsed = parseEdits([HIRE], parts);
    expect(parsed.problems).toEqual([]);
    const applied = applyEdits([school("城关小学", 500)], parsed.edits, parts);
    expect(applied.problems).toEqual([]);
    expect(applied.records[0].teachers.primary.keyTeachers).toBe(8.5);
  });

  it("a profile counting teaching area whole refuses 12.5 ㎡", () => {
    const whole = profileWith({ teachingArea: { integral: true } });
    const parsed = parseEdits(
      [{ kind: "addFacility", school: "城关小学", resource: "teachingArea", amount: 12.5 }],
      whole,
    );
    expect(parsed.problems.map((p) => p.message.zh)).toEqual([
      "第 1 项的增减量（edits[0].amount）：修改无效（应为整数，这里是 12.5：教学用房按整㎡计）",
    ]);
  });
});
