/**
 * `balance whatif` says what a structural edit moved under the edit, in the text and in `--json` (`effects`,
 * docs/json.md#whatif), as the engine made it: a junior school of 400 pupils merged into a primary school of 500.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SchoolRecord } from "../../src/engine/records";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { juniorSchool, school } from "./schools";

/** 甲小学 of 500 pupils and 乙中学 of 400 (./schools.ts). */
const records: SchoolRecord[] = [school("甲小学", 500), juniorSchool("乙中学")];

async function files() {
  const dir = tempDir();
  const workbook = await writeWorkbook(dir, "county.xlsx", { 学校: tableOf(records) });
  const edits = join(dir, "edits.json");
  // an edit the file cannot read first: the merger is the file's second edit, and is named so
  writeFileSync(
    edits,
    JSON.stringify([{ kind: "closeSchool" }, { kind: "mergeSchool", school: "乙中学", into: "甲小学" }]),
  );
  return { workbook, edits };
}

describe("balance whatif states what a merger moved", () => {
  test("the text says it under the edit, in Chinese or in English", async () => {
    const { workbook, edits } = await files();
    const zh = await run("whatif", workbook, "--edits", edits);
    const lines = zh.stdout.split("\n");
    const at = lines.indexOf("  2. 乙中学 并入 甲小学");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(
      /^ {5}乙中学并入甲小学：初中在校生 \+400 人，初中高学历教师 \+28 人，初中骨干教师 \+6 人，初中体艺教师 \+5 人，教学用房 \+2,800 ㎡，运动场馆 \+5,000 ㎡，仪器设备 \+100\.00 万元，多媒体教室 \+10 间；学校类型由小学改为九年一贯制学校；合并后该校有小学在校生 500 人，初中在校生 400 人，/,
    );
    const en = await run("whatif", workbook, "--edits", edits, "--lang", "en");
    expect(en.stdout).toContain(
      "  2. 乙中学 merged into 甲小学\n     乙中学 merged into 甲小学: junior students +400, junior qualified teachers +28,",
    );
  });

  test("--json gives each effect's figures, naming the edit by its place in the file", async () => {
    const { workbook, edits } = await files();
    const doc = JSON.parse((await run("whatif", workbook, "--edits", edits, "--json")).stdout);
    expect(doc.effects).toHaveLength(1);
    const [e] = doc.effects;
    expect(e).toMatchObject({
      edit: 1,
      kind: "mergeSchool",
      school: "乙中学",
      into: "甲小学",
      type: { before: "primary", after: "nineYear" },
      moved: { students: { primary: 0, junior: 400, senior: 0 } },
      holds: {
        students: { primary: 500, junior: 400, senior: 0 },
        facilities: { teachingArea: 5300, sportsArea: 9000, equipmentValue: 2_200_000, multimediaRooms: 23 },
      },
      teachingPoints: [],
      pooled: false,
      alreadyCounted: false,
    });
    expect(e.sections.map((s: { level: string }) => s.level)).toEqual(["primary", "junior"]);
    expect(e.message).toBe(e.messages.zh);
    expect(e.messages.en).toMatch(/^乙中学 merged into 甲小学: /);
  });
});
