/**
 * The files a person writes (edits, a profile, unit costs, a recipe, a rename map) are checked field by field; what
 * is wrong is said in Chinese without the checker's English, and in English beside it.
 */
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEdits } from "../../src/engine/edits";
import { parseCosts } from "../../src/engine/plan/costs";
import { parseProfileText } from "../../src/standard/load";
import { parseRecipe } from "../../src/sheet/recipe/load";
import { run } from "../cli/helpers";

/**
 * The Chinese of a message with what it quotes taken out: field paths (edits[2].count, cvLimit.primary) and the
 * values a file writes ("primary", "teachers") are the file's own words, everything else is the message's.
 */
function ownWords(zh: string): string {
  return zh
    .replace(/"[^"]*"/g, "")
    .replace("(root)", "")
    .replace(/[\w.[\]]+(?=[：:（）) ]|$)/g, "");
}

const latinWords = (text: string) => text.match(/[A-Za-z]{2,}/g) ?? [];

describe("an edits file", () => {
  const problems = parseEdits(
    [
      { kind: "addStudents", school: "甲小学", level: "高中", value: 200 },
      { kind: "addStudents", school: "甲小学", level: "primary", value: "200" },
      { kind: "addStudent", school: "甲小学" },
      { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "keyTeachers", count: 1.5 },
      { kind: "setStudents", level: "junior", value: -3 },
    ],
    NATIONAL_2017,
  ).problems;
  const zh = (field: string) => problems.find((p) => p.message.zh.includes(`（${field}）：`))?.message.zh;
  const en = (field: string) => problems.find((p) => p.message.en.includes(` (${field}): `))?.message.en;

  test("a level in Chinese that is none of the codes (高中): the codes it may be, with their meanings, and what it held", () => {
    expect(zh("edits[0].level")).toBe(
      '第 1 项的学段（edits[0].level）：修改无效（应为以下之一："primary"（小学）、"junior"（初中）；这里是 "高中"）',
    );
    expect(en("edits[0].level")).toBe(
      'edit 1 (edits[0].level): invalid edit (expected one of "primary", "junior"; found "高中")',
    );
  });

  test("a number written as text, a fraction of a person, a missing field, a negative enrolment", () => {
    expect(zh("edits[1].value")).toBe(
      '第 2 项的在校生数（edits[1].value）：修改无效（应为数字，这里是文字 "200"；数字不加引号，请写 200）',
    );
    expect(zh("edits[3].count")).toBe(
      "第 4 项的人数（edits[3].count）：修改无效（应为整数，这里是 1.5：骨干教师按整人计）",
    );
    expect(zh("edits[4].school")).toBe("第 5 项的学校（edits[4].school）：修改无效（缺少此项，应为文字）");
    expect(zh("edits[4].value")).toBe("第 5 项的在校生数（edits[4].value）：修改无效（不能小于 0）");
    expect(en("edits[4].school")).toBe("edit 5 (edits[4].school): invalid edit (missing: expected text)");
  });

  test("an unknown kind: the kinds there are, and the one written", () => {
    const message = zh("edits[2].kind") as string;
    expect(message).toContain('"addStudents"（增减在校生）');
    expect(message).toContain('"closeSchool"（撤销学校）');
    expect(message).toMatch(/；这里是 "addStudent"）$/);
  });

  test("no message says in English what it says in Chinese", () => {
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const p of problems)
      expect([p.message.zh, latinWords(ownWords(p.message.zh))]).toEqual([p.message.zh, []]);
  });
});

test("a profile: a limit written as text, a standard of 0", () => {
  const result = parseProfileText(
    JSON.stringify({
      extends: "national-2017",
      cvLimit: { primary: "0.5" },
      indicators: { keyTeachers: { standard: { primary: 0 } } },
    }),
  );
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
  expect(byField["cvLimit.primary"]).toEqual({
    zh: '字段 cvLimit.primary 无效：应为数字，这里是文字 "0.5"；数字不加引号，请写 0.5',
    en: 'field cvLimit.primary is invalid: expected a number, found text "0.5"; a number has no quotes: write 0.5',
  });
  expect(byField["indicators.keyTeachers.standard.primary"].zh).toBe(
    "字段 indicators.keyTeachers.standard.primary 无效：应大于 0",
  );
});

test("unit costs and a recipe: no English in the Chinese", () => {
  const costs = parseCosts({ keyTeachers: "十万" }).problems;
  const recipe = parseRecipe({
    extends: "statistics-export",
    rows: { name: 5, type: "办学类别" },
    fields: { sportsArea: { sum: "运动场地面积" } },
  });
  const messages = [
    ...costs.map((p) => p.message),
    ...(recipe.ok ? [] : recipe.errors.map((e) => e.message)),
  ];
  expect(costs.length).toBeGreaterThan(0);
  expect(recipe.ok ? [] : recipe.errors.map((e) => e.field)).toEqual(["rows.name", "fields.sportsArea.sum"]);
  for (const m of messages) {
    expect(m.zh).toMatch(/\p{Script=Han}/u);
    expect([m.zh, latinWords(ownWords(m.zh))]).toEqual([m.zh, []]);
  }
});

test("a rename map for compare: the entry named, what it held in English, no checker's words", async () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-rename-"));
  const file = join(dir, "更名.json");
  writeFileSync(file, JSON.stringify({ 甲小学: 1, 乙小学: ["丙小学"] }));
  const sample = join(__dirname, "..", "..", "examples", "sample-county.xlsx");
  const r = await run("compare", sample, sample, "--rename", file);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`更名文件“${file}”中的“甲小学”：新校名应为带引号的文字`);
  const en = await run("compare", sample, sample, "--rename", file, "--lang", "en");
  expect(en.stderr).toContain(`rename map "${file}", "甲小学": the new name must be text in quotes`);
  expect(en.stderr).toContain("(expected text, found 1)");
  expect(en.stderr).toContain("(expected text, found a list [ … ])");
  expect(en.stderr).not.toMatch(/Invalid input|expected string/);
});
