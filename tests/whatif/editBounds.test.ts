/**
 * A what-if edit whose figure is beyond what can be computed (issue 13 item 5: adding 1e308 ㎡, Infinity) is
 * refused by the edits' schema with the edit's path, never applied: 1e308 ㎡ would overflow the coefficient's
 * sums to Infinity and the verdict to nonsense.
 */
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEdits } from "../../src/engine/scenario";
import { run, tempDir } from "../cli/helpers";

const add = (amount: number) => ({ kind: "addFacility", school: "甲", resource: "teachingArea", amount });

describe("figures beyond what can be computed, refused with the edit's path", () => {
  // each with the field's meaning in Chinese before its path
  test.each([
    ["edits[0].amount", "增减量", add(1e308)],
    ["edits[0].amount", "增减量", add(-1e308)],
    ["edits[0].amount", "增减量", add(1e16)],
    ["edits[0].value", "在校生数", { kind: "addStudents", school: "甲", level: "primary", value: 1e300 }],
    ["edits[0].value", "在校生数", { kind: "setStudents", school: "甲", level: "junior", value: 1e16 }],
    [
      "edits[0].count",
      "人数",
      { kind: "hireTeachers", school: "甲", level: "primary", resource: "keyTeachers", count: 1e20 },
    ],
    [
      "edits[0].record.facilities.equipmentValue",
      "新学校仪器设备",
      {
        kind: "openSchool",
        record: {
          name: "新校",
          type: "primary",
          students: { primary: 100 },
          facilities: { teachingArea: 500, sportsArea: 800, equipmentValue: 1e308, multimediaRooms: 3 },
        },
      },
    ],
  ])("%s", (path, meaning, edit) => {
    const parsed = parseEdits([edit], NATIONAL_2017);
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ severity: "error", code: "edit-invalid" });
    expect(parsed.problems[0].message.en).toBe(
      `edit 1 (${path}): invalid edit (beyond what can be computed (at most 1e15 in size))`,
    );
    expect(parsed.problems[0].message.zh).toBe(
      `第 1 项的${meaning}（${path}）：修改无效（超出可计算的范围（绝对值不超过 1e15））`,
    );
  });

  test("Infinity, as JSON gives it for 1e309", () => {
    const parsed = parseEdits(
      JSON.parse(`[${JSON.stringify(add(0)).replace('"amount":0', '"amount":1e309')}]`),
      NATIONAL_2017,
    );
    expect(parsed.edits).toEqual([]);
    expect(parsed.problems[0].message.en.startsWith("edit 1 (edits[0].amount): ")).toBe(true);
  });

  test("large figures that can be computed are kept", () => {
    const parsed = parseEdits([add(1e12), add(-250.5)], NATIONAL_2017);
    expect(parsed.problems).toEqual([]);
    expect(parsed.edits.map((e) => (e.kind === "addFacility" ? e.amount : null))).toEqual([1e12, -250.5]);
  });

  test("balance whatif: exit 1 with the path, the other edits still shown", async () => {
    const dir = tempDir();
    const edits = join(dir, "edits.json");
    writeFileSync(
      edits,
      `[{"kind":"addFacility","school":"白狼县实验小学","resource":"teachingArea","amount":1e308},
        {"kind":"addFacility","school":"白狼县实验小学","resource":"sportsArea","amount":100}]`,
    );
    const r = await run("whatif", "examples/sample-county.xlsx", "--edits", edits, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("edit 1 (edits[0].amount): invalid edit (beyond what can be computed");
    const json = await run("whatif", "examples/sample-county.xlsx", "--edits", edits, "--json");
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout);
    expect(document.ok).toBe(false);
    expect(document.applied).toEqual([1]);
  });
});
