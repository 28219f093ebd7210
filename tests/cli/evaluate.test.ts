import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../src/engine";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { columnLetters } from "../../src/sheet/grid";
import { goodJunior, goodPrimary } from "../engine/helpers";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { run, tableOf, tempDir, writeWorkbook } from "./helpers";

const SAMPLE = "examples/sample-county.xlsx";
const dir = tempDir();
const letterOf = (id: string) => columnLetters(TEMPLATE_COLUMNS.findIndex((c) => c.id === id));

describe("balance evaluate — readable verdict", () => {
  test("Chinese by default: levels, each indicator's county ratio and CV against its limit, failing sections, verdict", async () => {
    const r = await run("evaluate", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    expect(out).toContain("小学：参评 20 个学校（校区），达标 16 个；在校生 9,877 人");
    expect(out).toContain("初中：参评 12 个学校（校区），达标 10 个");
    // sports area: county 12.15 m² per pupil, CV 0.5624 over 0.50
    expect(out).toMatch(/生均体育运动场馆面积\s+12\.15 ㎡\/生\s+0\.5624 ✗\s+≤ 0\.50/);
    expect(out).toMatch(/每百名学生拥有高于规定学历教师数\s+5\.67 人\/百生\s+0\.1457 ✓\s+≤ 0\.50/);
    expect(out).toMatch(/≤ 0\.45/);
    // a failing section with its failing indicators, value vs standard and shortfalls in natural units
    expect(out).toContain("白狼县实验小学（1,626 人，达标 5 项）");
    expect(out).toContain("生均教学及辅助用房面积 4.12 ㎡/生，标准 4.50");
    expect(out).toContain("达标需增 618 ㎡");
    expect(out).toContain("白狼县第三中学（716 人，达标 6 项）");
    expect(out).toMatch(
      /每百名学生拥有县级以上骨干教师数 0\.84 人\/百生，标准 1\.00.*达标需增 2 人，达 85% 需增 1 人/,
    );
    expect(out).toMatch(/青山镇中学[\s\S]*达标需增 2 间/);
    // excluded schools and the verdict
    expect(out).toContain("红石乡哈拉沟教学点（教学点不足 50 人）");
    expect(out).toContain("白狼县特殊教育学校（特殊教育学校）");
    expect(out).toMatch(
      /结论：资源配置未达标 ✗：小学有 4 个学校（校区）未达标；小学生均体育运动场馆面积差异系数 0\.5624 超过 0\.50/,
    );
  });

  test("--lang en", async () => {
    const r = await run("evaluate", SAMPLE, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Primary: 20 sections evaluated, 16 pass; 9,877 students");
    expect(r.stdout).toMatch(/Sports area\s+12\.15 m² per student\s+0\.5624 ✗/);
    expect(r.stdout).toContain("needs 618 m² more");
    expect(r.stdout).toContain("Verdict: resource allocation does not pass ✗");
    expect(r.stdout).not.toContain("结论");
    expect(r.stdout).not.toContain("达标需增");
  });

  test("a county that passes says so", async () => {
    const path = await writeWorkbook(dir, "good.xlsx", {
      学校: tableOf([goodPrimary("甲小学", 300), goodPrimary("乙小学", 400)]),
    });
    const r = await run("evaluate", path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("结论：资源配置达标 ✓");
    expect(r.stdout).toContain("初中：无参评学校（校区）（视为达标）");
  });

  test("--lang en counts one school, one section and one pupil in the singular", async () => {
    const path = await writeWorkbook(dir, "one.xlsx", { 学校: tableOf([goodPrimary("甲小学", 300)]) });
    const r = await run("evaluate", path, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(sheet "学校"\): 1 school; standard: /);
    expect(r.stdout).toContain("Primary: 1 section evaluated, 1 passes; 300 students");
  });

  test("a school with no pupils is named as not evaluated, and why, as --json lists it", async () => {
    const closed = goodPrimary("丙小学", 300);
    closed.students.primary = 0;
    const path = await writeWorkbook(dir, "closed.xlsx", {
      学校: tableOf([goodPrimary("甲小学", 300), closed, goodJunior("甲中学", 500)]),
    });
    const json = JSON.parse((await run("evaluate", path, "--json")).stdout);
    const excluded = json.sections.filter((s: { included: boolean }) => !s.included);
    expect(excluded.map((s: { school: string; exclusion: string }) => [s.school, s.exclusion])).toEqual([
      ["丙小学", "noStudents"],
    ]);
    const zh = await run("evaluate", path);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^不参评：丙小学（小学无在校生）$/mu);
    const en = await run("evaluate", path, "--lang", "en");
    expect(en.stdout).toMatch(/^Not evaluated: 丙小学 \(no primary students\)$/mu);
    // the report's 达标情况 lists it among the sections not evaluated, for the same reason
    const out = join(dir, "closed-report.xlsx");
    expect((await run("evaluate", path, "--out", out)).code).toBe(0);
    const report = await readWorkbookFile(out);
    if (!report.ok) throw new Error(report.problem.message.en);
    const compliance = report.grids.find((g) => g.sheet === "达标情况")!;
    const row = compliance.values.find((r) => r?.includes("丙小学"))!;
    expect(row).toContain("小学：无在校生，不纳入计算");
  });

  test("a figure a hair off its threshold is shown on its side of it, not rounded onto it", async () => {
    // a primary school a hundredth of a m² short of two standards: 4.49999 and 7.49999 m² a pupil, two
    // indicators below their standard, so it fails; two junior schools of 1,000 pupils with 11 and 29.000001 m² of
    // sports area a pupil: X̄ = 20.0000005, S = 9.0000005, CV = 0.4500000137…, over its limit of 0.45
    const short = goodPrimary("甲小学", 1000);
    short.facilities.teachingArea = 4499.99;
    short.facilities.sportsArea = 7499.99;
    const wide = goodJunior("乙中学", 1000);
    wide.facilities.sportsArea = 29000.001;
    // a primary school exactly at two 85 % lines (3.825 and 6.375 m² a pupil): shown at them, not at 3.83 and 6.38
    const atFloor = goodPrimary("丙小学", 1000);
    atFloor.facilities.teachingArea = 3825;
    atFloor.facilities.sportsArea = 6375;
    const path = await writeWorkbook(dir, "hair.xlsx", {
      学校: tableOf([short, atFloor, goodJunior("甲中学", 1000), wide]),
    });
    const r = await run("evaluate", path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("生均教学及辅助用房面积 4.49999 ㎡/生，标准 4.50");
    expect(r.stdout).toContain("生均体育运动场馆面积 7.49999 ㎡/生，标准 7.50");
    // what it lacks is said as the report says it (i18n/amount.ts formatAmount): 0.01 ㎡, not a whole 1 ㎡
    expect(r.stdout).toContain("4.49999 ㎡/生，标准 4.50（85% 为 3.825）△：达标需增 0.01 ㎡");
    expect(r.stdout).toContain("7.49999 ㎡/生，标准 7.50（85% 为 6.375）△：达标需增 0.01 ㎡");
    expect(r.stdout).toContain("生均教学及辅助用房面积 3.825 ㎡/生，标准 4.50（85% 为 3.825）△");
    expect(r.stdout).toContain("生均体育运动场馆面积 6.375 ㎡/生，标准 7.50（85% 为 6.375）△");
    expect(r.stdout).toMatch(/生均体育运动场馆面积\s+20\.00 ㎡\/生\s+0\.45000001 ✗\s+≤ 0\.45/);
    expect(r.stdout).toContain("初中生均体育运动场馆面积差异系数 0.45000001 超过 0.45");
  });

  test("balance whatif shows a coefficient pushed a hair over its limit on its side of it", async () => {
    // junior sports areas of 11 and 29 m² a pupil: CV exactly 0.45, within; 1 m² more at 乙中学 (29.001) makes
    // X̄ = 20.0005, S = 9.0005, CV = 0.450013…, over: 0.4500 would show it at its limit
    const wide = goodJunior("乙中学", 1000);
    wide.facilities.sportsArea = 29000;
    const path = await writeWorkbook(dir, "whatif-hair.xlsx", {
      学校: tableOf([goodJunior("甲中学", 1000), wide]),
    });
    const edits = join(dir, "whatif-hair.json");
    writeFileSync(
      edits,
      JSON.stringify([{ kind: "addFacility", school: "乙中学", resource: "sportsArea", amount: 1 }]),
    );
    const r = await run("whatif", path, "--edits", edits);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("运动场馆：0.4500 → 0.45001，上限 0.45（超过上限）");
  });

  test("equipment apportioned to a combined school's section shows the whole-school addition", async () => {
    const nine = sampleCountyRecords().find((s) => s.name === "松岭镇中心学校")!;
    nine.facilities.multimediaRooms = 10;
    const path = await writeWorkbook(dir, "nine.xlsx", { 学校: tableOf([nine]) });
    const r = await run("evaluate", path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/每百名学生拥有网络多媒体教室数 .*达标需增 \d+ 间.*（按全校计需增 \d+ 间）/);
  });
});

describe("balance evaluate --json — the contract of issue 2", () => {
  let doc: Record<string, unknown> & {
    sections: Record<string, unknown>[];
    levels: Record<string, Record<string, unknown>>;
  };
  const expected = evaluate(sampleCountyRecords(), NATIONAL_2017);

  beforeAll(async () => {
    const r = await run("evaluate", SAMPLE, "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    doc = JSON.parse(r.stdout); // exactly one JSON document
  });

  test("top-level fields", () => {
    expect(doc.profile).toBe("national-2017");
    expect(doc.ok).toBe(true);
    expect(doc.problems).toEqual([]);
    expect(doc.resourcesPass).toBe(false);
    expect(Object.keys(doc.levels).sort()).toEqual(["junior", "primary"]);
  });

  test("one section per level of each school, named by the school, values unrounded", () => {
    expect(doc.sections).toHaveLength(expected.sections.length);
    doc.sections.forEach((s, i) => {
      const e = expected.sections[i];
      expect(s.school).toBe(e.school);
      expect(s.level).toBe(e.level);
      expect(s.students).toBe(e.students);
      expect(s.included).toBe(e.included);
      expect(s.pass).toBe(e.pass);
      expect(Object.keys(s.values as object)).toEqual([...INDICATOR_IDS]);
      expect(Object.keys(s.met as object)).toEqual([...INDICATOR_IDS]);
      for (const id of INDICATOR_IDS) {
        expect((s.values as Record<string, number>)[id]).toBeCloseTo(e.values[id] as number, 9);
        expect((s.met as Record<string, boolean>)[id]).toBe(e.met[id]);
      }
    });
    const nine = doc.sections.filter((s) => s.school === "松岭镇中心学校");
    expect(nine.map((s) => s.level)).toEqual(["primary", "junior"]);
    const first = doc.sections[0].values as Record<string, number>;
    expect(first.qualifiedTeachers).toBe((78 * 100) / 1452); // not rounded to 2 decimals
  });

  test("excluded sections appear with included false and their reason", () => {
    const special = doc.sections.filter((s) => s.school === "白狼县特殊教育学校");
    expect(special).toHaveLength(2);
    for (const s of special)
      expect(s).toMatchObject({ included: false, pass: false, exclusion: "specialEducation" });
    expect(doc.sections.find((s) => s.school === "红石乡哈拉沟教学点")).toMatchObject({
      included: false,
      exclusion: "smallTeachingPoint",
    });
    expect(doc.sections.find((s) => s.school === "红石乡柳树屯教学点")).toMatchObject({
      included: true,
      pass: false,
    });
  });

  test("levels: sections, cv, cvPass, pass (and countyRatio, sd, limit, passingSections)", () => {
    for (const level of LEVELS) {
      const l = doc.levels[level];
      const e = expected.levels[level];
      expect(l.sections).toBe(e.sections);
      expect(l.pass).toBe(e.pass);
      expect(l.passingSections).toBe(e.passingSections);
      expect(l.limit).toBe(NATIONAL_2017.cvLimit[level]);
      for (const id of INDICATOR_IDS) {
        expect((l.cv as Record<string, number>)[id]).toBeCloseTo(e.balance[id].cv as number, 12);
        expect((l.cvPass as Record<string, boolean>)[id]).toBe(e.balance[id].pass);
        expect((l.countyRatio as Record<string, number>)[id]).toBeCloseTo(
          e.balance[id].countyRatio as number,
          9,
        );
      }
    }
    expect((doc.levels.primary.cvPass as Record<string, boolean>).sportsArea).toBe(false);
    expect((doc.levels.primary.cv as Record<string, number>).sportsArea).toBeGreaterThan(0.5);
  });

  test("shortfalls per section and the source row", () => {
    const lab = doc.sections.find((s) => s.school === "白狼县实验小学")!;
    expect(lab.sourceRow).toBe(6); // title row, header row, then the fourth school
    expect((lab.shortfalls as { indicator: string }[]).map((x) => x.indicator)).toEqual([
      "teachingArea",
      "sportsArea",
    ]);
  });

  test("a level with no included section: sections 0, CV null, pass true", async () => {
    const path = await writeWorkbook(dir, "primary-only.xlsx", {
      学校: tableOf([goodPrimary("甲小学", 300)]),
    });
    const r = await run("evaluate", path, "--json");
    const junior = JSON.parse(r.stdout).levels.junior;
    expect(junior.sections).toBe(0);
    expect(junior.pass).toBe(true);
    for (const id of INDICATOR_IDS) expect(junior.cv[id]).toBeNull();
  });

  test("an undefined CV (county ratio 0) is null", async () => {
    const a = goodPrimary("甲小学", 300);
    const b = goodPrimary("乙小学", 200);
    a.teachers.primary.keyTeachers = 0;
    b.teachers.primary.keyTeachers = 0;
    const path = await writeWorkbook(dir, "no-key.xlsx", { 学校: tableOf([a, b]) });
    const parsed = JSON.parse((await run("evaluate", path, "--json")).stdout);
    expect(parsed.levels.primary.cv.keyTeachers).toBeNull();
    expect(parsed.levels.primary.cvPass.keyTeachers).toBe(false);
  });
});

describe("input errors block the verdict: exit 1", () => {
  const header = tableOf([])[0];
  const good = tableOf([goodPrimary("甲小学", 300)])[1];
  const badRow = [...good];
  badRow[0] = "乙小学";
  badRow[TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea")] = "约一千";

  test("problems printed with their cells", async () => {
    const path = await writeWorkbook(dir, "errors.xlsx", { 学校: [header, good, badRow] });
    const r = await run("evaluate", path);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`学校!${letterOf("teachingArea")}3`);
    expect(r.stderr).toContain("无法得出结论");
  });

  test("--json: the document with ok false and the problems", async () => {
    const path = await writeWorkbook(dir, "errors-json.xlsx", { 学校: [header, good, badRow] });
    const r = await run("evaluate", path, "--json", "--lang", "en");
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.profile).toBe("national-2017");
    expect(parsed.sections).toEqual([]);
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "not-a-number",
        cell: `学校!${letterOf("teachingArea")}3`,
        message: expect.any(String),
      }),
    );
    const problem = parsed.problems.find((p: { code: string }) => p.code === "not-a-number");
    expect(problem.message).toBe(problem.messages.en);
  });

  test("a missing file, a folder, a damaged or non-xlsx file: a message, no stack trace", async () => {
    // text that is no table (a text table is read, whatever its name)
    const text = join(dir, "table.xlsx");
    writeFileSync(text, "学校名称：一小。\n");
    const folder = join(dir, "folder.xlsx");
    mkdirSync(folder);
    const damaged = join(dir, "damaged.xlsx");
    writeFileSync(damaged, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300, 1)]));
    for (const [path, words] of [
      [join(dir, "不存在.xlsx"), "找不到"],
      [folder, "文件夹"],
      [text, "不是 Excel 工作簿"],
      [damaged, "损坏"],
    ]) {
      const r = await run("evaluate", path);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const j = await run("evaluate", path, "--json");
      expect(j.code).toBe(1);
      expect(JSON.parse(j.stdout)).toMatchObject({
        ok: false,
        sections: [],
        levels: null,
        resourcesPass: null,
      });
    }
  });
});

describe("choosing the sheet", () => {
  let path: string;
  beforeAll(async () => {
    path = await writeWorkbook(dir, "sheets.xlsx", {
      说明: [["填表说明：每校一行"]],
      城区: tableOf([goodPrimary("城区一小", 500)]),
      乡村: tableOf([goodPrimary("乡村小学", 100), goodPrimary("另一所小学", 200)]),
    });
  });

  test("the first sheet with a recognisable header by default", async () => {
    const parsed = JSON.parse((await run("evaluate", path, "--json")).stdout);
    expect(parsed.sections.map((s: { school: string }) => s.school)).toEqual(["城区一小"]);
    expect(parsed.table.sheet).toBe("城区");
  });

  test("--sheet NAME", async () => {
    const parsed = JSON.parse((await run("evaluate", path, "--json", "--sheet", "乡村")).stdout);
    expect(parsed.sections).toHaveLength(2);
  });

  test("--sheet naming no sheet: exit 1 naming the sheets there are", async () => {
    const r = await run("evaluate", path, "--sheet", "Sheet1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("说明、城区、乡村");
  });
});

describe("custom profiles", () => {
  test("--profile with extends changes the limits", async () => {
    const file = join(dir, "lenient.json");
    writeFileSync(
      file,
      JSON.stringify({ extends: "national-2017", id: "lenient", cvLimit: { primary: 0.6 } }),
    );
    const parsed = JSON.parse((await run("evaluate", SAMPLE, "--json", "--profile", file)).stdout);
    expect(parsed.profile).toBe("lenient");
    expect(parsed.levels.primary.limit).toBe(0.6);
    expect(parsed.levels.primary.cvPass.sportsArea).toBe(true);
  });

  test("an invalid profile is a usage error naming the field", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ extends: "national-2017", cvLimit: { junior: "0.45" } }));
    const r = await run("evaluate", SAMPLE, "--profile", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("cvLimit.junior");
  });

  test("a missing profile file is a usage error", async () => {
    const r = await run("evaluate", SAMPLE, "--profile", join(dir, "none.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("找不到标准文件");
  });
});

describe("usage errors: exit 2", () => {
  test.each([
    [["frobnicate"], "未知命令"],
    [["evaluate"], "缺少工作簿文件名"],
    [["evaluate", SAMPLE, "--colour"], "未知选项 --colour"],
    [["evaluate", SAMPLE, "--lang", "fr"], "--lang 只能是 zh 或 en"],
    [["evaluate", SAMPLE, "--sheet"], "--sheet"],
    [["evaluate", SAMPLE, "other.xlsx"], "多余的参数"],
    [["help", "frobnicate"], "未知命令"],
    [[], "用法"],
  ])("balance %j", async (argv, words) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(words);
  });
});

describe("help and version", () => {
  test("--help and help: bilingual, listing the commands", async () => {
    for (const argv of [["--help"], ["help"], ["-h"]]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("用法 / Usage");
      expect(r.stdout).toMatch(/evaluate\s+评估/);
      expect(r.stdout).toMatch(/template\s+写出/);
      expect(r.stdout).toContain("write the empty school table");
    }
  });

  test("help of one command", async () => {
    for (const argv of [
      ["help", "evaluate"],
      ["evaluate", "--help"],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("--profile FILE.json");
      expect(r.stdout).toContain("退出码 / Exit codes");
    }
  });

  test("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8"));
    for (const argv of [["--version"], ["-v"], ["version"]])
      expect((await run(...argv)).stdout).toBe(`${version}\n`);
  });
});
