/**
 * A misspelt field of an edit (docs/plans.md#edits) is refused naming the edit's field, Chinese first, and where
 * the slip is one or two letters from a field that kind of edit takes, that field is named.
 */
import { checkEdit } from "../../src/engine/edits";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";

const unknownOf = (given: unknown) => {
  const checked = checkEdit(given, NATIONAL_2017);
  expect(checked.ok).toBe(false);
  return checked.ok ? [] : checked.issues.filter((i) => i.zh.startsWith("未知字段"));
};

describe("a misspelt field of an edit", () => {
  test("a swapped pair of letters names the field meant", () => {
    const [issue] = unknownOf({
      kind: "hireTeachers",
      school: "甲",
      level: "primary",
      resource: "keyTeachers",
      cuont: 2,
    });
    expect(issue.field).toBe("cuont");
    expect(issue.zh).toBe("未知字段（拼写有误？是否指 count？）");
    expect(issue.en).toBe("unknown field (misspelt? did you mean count?)");
  });

  test("the kind written in Chinese, and fields inside a new school", () => {
    expect(unknownOf({ kind: "撤并学校", school: "甲", inot: "乙" })[0].zh).toBe(
      "未知字段（拼写有误？是否指 into？）",
    );
    const fields = unknownOf({
      kind: "新建学校",
      record: {
        name: "新小学",
        type: "小学",
        studnets: { 小学: 300 },
        teachers: { 小学: { qualifiedTeacher: 20, keyTeachers: 5, peArtTeachers: 4 } },
        facilities: { teachingArea: 2000, sportArea: 3200, equipmentValue: 900000, multimediaRooms: 10 },
      },
    });
    const byField = new Map(fields.map((i) => [i.field, i.zh]));
    expect(byField.get("record.studnets")).toBe("未知字段（拼写有误？是否指 students？）");
    expect(byField.get("record.facilities.sportArea")).toBe("未知字段（拼写有误？是否指 sportsArea？）");
    expect(byField.get("record.teachers.primary.qualifiedTeacher")).toBe(
      "未知字段（拼写有误？是否指 qualifiedTeachers？）",
    );
  });

  test("a word near no field, or an unknown kind, is refused without a guess", () => {
    expect(unknownOf({ kind: "closeSchool", school: "甲", zzzzzz: 1 })[0].zh).toBe("未知字段（拼写有误？）");
    expect(checkEdit({ kind: "paintSchool", school: "甲", cuont: 1 }, NATIONAL_2017).ok).toBe(false);
  });

  test("balance whatif names the edit, the field and the one meant, Chinese first", async () => {
    const dir = tempDir();
    const records = sampleCountyRecords();
    const book = await writeWorkbook(dir, "县.xlsx", { 学校: tableOf(records) });
    const edits = join(dir, "edits.json");
    writeFileSync(
      edits,
      JSON.stringify([{ kind: "mergeSchool", school: records[0].name, inot: records[1].name }]),
    );
    const r = await run("whatif", book, "--edits", edits);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `修改清单“${edits}”：第 1 项（edits[0].inot）：未知字段（拼写有误？是否指 into？）`,
    );
  });
});
