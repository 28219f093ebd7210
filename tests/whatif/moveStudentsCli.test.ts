/**
 * `balance whatif` with a moveStudents edit (docs/plans.md#move): the move under its edit in the text, and in
 * `--json` its effect (docs/json.md#whatif) with both schools' pupils after it, and its cost not priced. 甲小学 of
 * 500 pupils sends 150 to 乙小学 of 300 (./schools.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { school } from "./schools";

async function files() {
  const dir = tempDir();
  const workbook = await writeWorkbook(dir, "county.xlsx", {
    学校: tableOf([school("甲小学", 500), school("乙小学", 300)]),
  });
  const edits = join(dir, "edits.json");
  writeFileSync(
    edits,
    JSON.stringify([
      { kind: "调整学区", from: "甲小学", to: "乙小学", level: "小学", count: 150 },
      { kind: "moveStudents", from: "乙小学", to: "乙小学", level: "primary", count: 10 },
    ]),
  );
  return { workbook, edits };
}

describe("balance whatif moves pupils between schools", () => {
  test("the text says the move under the edit, and refuses the move to the same school", async () => {
    const { workbook, edits } = await files();
    const out = await run("whatif", workbook, "--edits", edits);
    const lines = out.stdout.split("\n");
    const at = lines.indexOf("  1. 调整学区 小学在校生 150 人：甲小学 → 乙小学");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(
      /^ {5}小学在校生 150 人由甲小学调入乙小学，教师和设施不随之调整；调整后甲小学有小学在校生 350 人，乙小学有小学在校生 450 人；/,
    );
    expect(lines[at + 2]).toBe("     费用：不计费用（学生调整不是成本模型计价的投入）");
    expect(out.stdout).toContain("  2. 调整学区 小学在校生 10 人：乙小学 → 乙小学（未应用）");
    expect(out.stderr).toContain("第 2 项的接收学校（edits[1].to）：调出和调入是同一所学校“乙小学”");
    expect(out.code).toBe(1);
  });

  test("--json gives the move's effect: what moved, both schools' pupils and sections after", async () => {
    const { workbook, edits } = await files();
    const doc = JSON.parse(
      (await run("whatif", workbook, "--edits", edits, "--json", "--lang", "en")).stdout,
    );
    expect(doc.applied).toEqual([0]);
    expect(doc.effects).toHaveLength(1);
    const [e] = doc.effects;
    expect(e).toMatchObject({
      edit: 0,
      kind: "moveStudents",
      school: "甲小学",
      into: "乙小学",
      moved: { students: { primary: 150, junior: 0, senior: 0 } },
      left: { students: { primary: 350, junior: 0, senior: 0 } },
      holds: { students: { primary: 450, junior: 0, senior: 0 } },
      type: null,
    });
    // 25 qualified teachers for 350 pupils and for 450, per 100
    expect(e.sections.map((s: { school: string; level: string }) => [s.school, s.level])).toEqual([
      ["甲小学", "primary"],
      ["乙小学", "primary"],
    ]);
    expect(e.sections[0].values.qualifiedTeachers).toBeCloseTo(25 / 3.5, 9);
    expect(e.sections[1].values.qualifiedTeachers).toBeCloseTo(25 / 4.5, 9);
    expect(e.message).toMatch(/^150 primary students move from 甲小学 to 乙小学; /);
    expect(doc.cost.edits).toEqual([
      {
        edit: 0,
        priced: false,
        reason: {
          zh: "学生调整不是成本模型计价的投入",
          en: "moving students is not something the cost model prices",
        },
      },
    ]);
    const problem = doc.problems.find((p: { code: string }) => p.code === "edit-move-to-itself");
    // after the edits file's name (docs/plans.md#edits)
    expect(problem.message).toMatch(/^the edits file ".*edits\.json": /);
    expect(problem.message.replace(/^the edits file "[^"]*": /, "")).toBe(
      'edit 2 (edits[1].to): "乙小学" is both the sending and the receiving school: the move changes nothing; not applied',
    );
  });
});
