/**
 * Names typed rather than read (docs/school-table.md#names): a school's name in an edits file or a form, and the
 * names of a rename map, are cleaned of controls as a name read from a workbook is (`withoutControls`), and the
 * clerk is told which field held them (`name-controls-removed`). A new school named with U+202E never reaches the
 * results reversed, nor passes for another school.
 */
import { applyEdits, checkEdit, parseEdits, type EditProblem } from "../../src/engine/scenario";
import { renamesWithoutControls } from "../../src/engine/trend";
import { school } from "./schools";
import { NATIONAL_2017 } from "../../src/standard/national2017";

const RLO = "\u202e";
const ESC = "\u001b";

const newSchool = (name: string, parent?: string) => ({
  kind: "openSchool",
  record: {
    name,
    type: "primary",
    ...(parent === undefined ? {} : { parent }),
    students: { primary: 300 },
    teachers: { primary: { qualifiedTeachers: 15, keyTeachers: 3, peArtTeachers: 3 } },
    facilities: { teachingArea: 1500, sportsArea: 2500, equipmentValue: 700_000, multimediaRooms: 8 },
  },
});

describe("names typed in an edits file", () => {
  it("a new school named with an override opens without it, with a warning naming the edit's field", () => {
    const parsed = parseEdits(
      [
        { kind: "addStudents", school: "城关第一小学", level: "primary", value: 5 },
        newSchool(`新区${RLO}第一小学`),
      ],
      NATIONAL_2017,
    );
    expect(parsed.edits).toHaveLength(2);
    const opened = parsed.edits[1];
    expect(opened.kind === "openSchool" && opened.record.name).toBe("新区第一小学");
    expect(parsed.problems.map((p) => [p.code, p.severity])).toEqual([["name-controls-removed", "warning"]]);
    const [warning] = parsed.problems;
    expect(warning.message.zh).toBe(
      "第 2 项的新学校名称（edits[1].record.name）：名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“新区第一小学”",
    );
    expect(warning.message.en).toContain("edit 2 (edits[1].record.name)");
    expect(warning.message.en).toContain("<U+202E>");
    // the school opened is named without it in the records the evaluation takes
    const applied = applyEdits([school("城关第一小学", 500)], parsed.edits, NATIONAL_2017, parsed.indexes);
    expect(applied.records.map((r) => r.name)).toEqual(["城关第一小学", "新区第一小学"]);
    expect(JSON.stringify(applied)).not.toContain(RLO);
  });

  it("every field that names a school is cleaned and named: school, into, from, to, a new school's parent", () => {
    const parsed = parseEdits(
      [
        { kind: "mergeSchool", school: `甲${ESC}[2J小学`, into: `乙小学${RLO}` },
        {
          kind: "transferTeachers",
          from: `\u2066甲小学`,
          to: "乙小学",
          fromLevel: "primary",
          toLevel: "primary",
          resource: "keyTeachers",
          count: 1,
        },
        newSchool("丙教学点", `乙${RLO}小学`),
      ],
      NATIONAL_2017,
    );
    expect(parsed.problems.map((p) => [p.code, (p as EditProblem).edit, (p as EditProblem).field])).toEqual([
      ["name-controls-removed", 0, "school"],
      ["name-controls-removed", 0, "into"],
      ["name-controls-removed", 1, "from"],
      ["name-controls-removed", 2, "record.parent"],
    ]);
    expect(parsed.problems[0].message.zh).toContain("（<U+001B>）");
    expect(JSON.stringify(parsed.edits)).not.toMatch(/[\u001b\u202e\u2066]/);
    expect(parsed.edits[0]).toEqual({ kind: "mergeSchool", school: "甲[2J小学", into: "乙小学" });
  });

  it("a name of controls only is no name: the edit is refused as one without a school", () => {
    const parsed = parseEdits([{ kind: "closeSchool", school: `${RLO}\u200e` }], NATIONAL_2017);
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems.map((p) => [p.code, (p as EditProblem).field])).toEqual([
      ["edit-invalid", "school"],
    ]);
  });

  it("the form's check (checkEdit) gives the edit cleaned and what it removed, for the form to say", () => {
    const checked = checkEdit(newSchool(`新区第一小学${RLO}`), NATIONAL_2017);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.edit.kind === "openSchool" && checked.edit.record.name).toBe("新区第一小学");
    expect(checked.removed).toEqual([
      {
        field: "record.name",
        zh: "名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“新区第一小学”",
        en: 'the name held 1 invisible control character (<U+202E>), removed; read as "新区第一小学"',
      },
    ]);
    // a name without any is as typed, and nothing is said
    const plain = checkEdit(newSchool("新区第一小学"), NATIONAL_2017);
    expect(plain.ok && plain.removed).toEqual([]);
  });
});

describe("names typed in a rename map", () => {
  it("old and new names are cleaned, each told of under its old name", () => {
    const typed = renamesWithoutControls({ [`甲${RLO}小学`]: "丁小学", 乙小学: `戊小学${ESC}` });
    expect(typed.renames).toEqual({ 甲小学: "丁小学", 乙小学: "戊小学" });
    expect(typed.removed).toEqual([
      { old: "甲小学", which: "old", name: "甲小学", removed: ["<U+202E>"] },
      { old: "乙小学", which: "new", name: "戊小学", removed: ["<U+001B>"] },
    ]);
  });
});
