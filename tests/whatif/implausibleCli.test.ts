/**
 * `balance whatif` tells the clerk of an edit that gives a school a value no school reports
 * (docs/school-table.md#plausible), as the engine judges it: 500 teachers hired into a school of 40 pupils. The
 * edit applies (a warning, exit code 0).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { school } from "./schools";

async function files() {
  const dir = tempDir();
  const workbook = await writeWorkbook(dir, "county.xlsx", {
    学校: tableOf([school("甲小学", 40), school("乙小学", 500)]),
  });
  const edits = join(dir, "edits.json");
  writeFileSync(
    edits,
    JSON.stringify([
      { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "qualifiedTeachers", count: 500 },
    ]),
  );
  return { workbook, edits };
}

describe("balance whatif warns of a school an edit makes implausible", () => {
  test("the text says it, in Chinese, and the edit applies", async () => {
    const { workbook, edits } = await files();
    const out = await run("whatif", workbook, "--edits", edits);
    expect(out.code).toBe(0);
    expect(out.stdout + out.stderr).toContain(
      "学校“甲小学”修改后小学高学历教师为 525 人，多于该学段在校生 40 人，请核对",
    );
  });

  test("--json gives the warning, in English, at the edit's field", async () => {
    const { workbook, edits } = await files();
    const out = await run("whatif", workbook, "--edits", edits, "--json", "--lang", "en");
    const doc = JSON.parse(out.stdout);
    const warned = doc.problems.filter((p: { code: string }) => p.code === "edit-implausible-value");
    expect(warned).toHaveLength(1);
    expect(warned[0].severity).toBe("warning");
    // the edit by its place in the file, and its field (docs/plans.md#edits)
    expect(warned[0].message).toContain(
      'edit 1 (edits[0].count): "甲小学" after the edit: 525 primary qualified teachers, more than the section\'s 40 students; please check',
    );
  });
});
