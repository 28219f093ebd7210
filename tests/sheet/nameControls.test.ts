/**
 * Names read without controls (docs/school-table.md#names): a bidi override or a control character in a school's
 * name, its 所属学校 or a county's name is removed where the table is read, with a warning naming the cell, so that
 * every host shows the name as it reads, never reversed or passing for another school's.
 */
import { evaluate } from "../../src/engine";
import { compareYears } from "../../src/engine/trend";
import { detectCountyName } from "../../src/sheet/countyName";
import { readSchoolTable } from "../../src/sheet/read";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { JUNIOR, PRIMARY, TEACHING_POINT, errors, letter, templateGrid } from "./helpers";

const RLO = "\u202e";
const RLM = "\u200f";
const ESC = "\u001b";
/** what a screen would act on: the set `printable` shows as code points */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const hostile = () =>
  readSchoolTable(
    templateGrid([
      { ...PRIMARY, name: `城关${RLO}第一小学` },
      { ...JUNIOR, name: `${ESC}[2J城关中学${RLM}` },
      { ...TEACHING_POINT, parent: `城关第一小学${RLO}` },
    ]),
  );

describe("a school table whose names hold controls", () => {
  it("gives the records the names without them", () => {
    const { records, problems } = hostile();
    expect(errors(problems)).toEqual([]);
    expect(records.map((r) => r.name)).toEqual([PRIMARY.name, `[2J${JUNIOR.name}`, TEACHING_POINT.name]);
    expect(records[2].parent).toBe(PRIMARY.name);
    for (const r of records) {
      expect(r.name).not.toMatch(CONTROL);
      expect(r.parent ?? "").not.toMatch(CONTROL);
    }
  });

  it("warns once per cell, naming it and the controls removed, Chinese first", () => {
    const removed = hostile().problems.filter((p) => p.code === "name-controls-removed");
    expect(removed.map((p) => [p.cell, p.severity])).toEqual([
      [`学校!${letter("name")}2`, "warning"],
      [`学校!${letter("name")}3`, "warning"],
      [`学校!${letter("parent")}4`, "warning"],
    ]);
    expect(removed[0].message.zh).toBe(
      `学校!${letter("name")}2：学校名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“${PRIMARY.name}”。`,
    );
    expect(removed[1].message.zh).toContain("2 个不可见的控制字符（<U+001B><U+200F>）");
    expect(removed[2].message.zh).toContain("所属学校中有 1 个");
    expect(removed[0].message.en).toContain("1 invisible control character (<U+202E>), removed");
    // the message itself holds no control
    for (const p of removed) expect(p.message.zh + p.message.en).not.toMatch(CONTROL);
  });

  it("reads a name of controls only as blank", () => {
    const { records, problems } = readSchoolTable(templateGrid([PRIMARY, { ...JUNIOR, name: RLO }]));
    expect(records).toHaveLength(1);
    expect(errors(problems).map((p) => [p.code, p.cell])).toEqual([
      ["blank-required", `学校!${letter("name")}3`],
    ]);
  });

  it("matches the school across years as one, neither closed nor opened nor spelt otherwise", () => {
    const earlier = readSchoolTable(templateGrid([PRIMARY, JUNIOR])).records;
    const later = hostile()
      .records.slice(0, 1)
      .concat(readSchoolTable(templateGrid([JUNIOR])).records);
    const trend = compareYears([
      { year: 2025, label: "2025", evaluation: evaluate(earlier, NATIONAL_2017) },
      { year: 2026, label: "2026", evaluation: evaluate(later, NATIONAL_2017) },
    ]);
    expect(trend.schools.added).toEqual([]);
    expect(trend.schools.removed).toEqual([]);
    expect(trend.schools.respelled).toEqual([]);
  });
});

describe("a county's name", () => {
  it("is read without controls from the table, the county sheet's title and the file's name", () => {
    expect(detectCountyName({ file: "x.xlsx", tableCounty: `白狼${RLO}县` }).name).toBe("白狼县");
    const countySheet = { sheet: "县级指标", topLeft: "A1", values: [[`旗县市：白狼${RLO}县`]] };
    expect(detectCountyName({ file: "x.xlsx", countySheet }).name).toBe("白狼县");
    expect(detectCountyName({ file: `白狼${RLO}县2025.xlsx` }).name).toBe("白狼县");
    expect(detectCountyName({ file: `白狼${RLM}县.xlsx` }).name).toBe("白狼县");
  });
});
