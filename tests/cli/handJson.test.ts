/**
 * The JSON files a clerk types in Notepad or WPS (docs/json.md#hand-written), through the real commands: what
 * Windows editors save is read (BOM, UTF-16 with or without its mark, GBK, CRLF); what a Chinese input method types
 * in place of JSON's punctuation, comments, trailing commas, keys written twice and numbers beyond a double are
 * refused, Chinese first, at the line and column of the character to retype, naming the file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanTemplate } from "../trust/hostileBooks";
import { run, tempDir } from "./helpers";

const dir = tempDir();
let county: string;
beforeAll(async () => {
  county = join(dir, "白狼县.xlsx");
  writeFileSync(county, await cleanTemplate());
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const STACK = /^\s+at .+[(:]\d+|TypeError|ReferenceError|RangeError|SyntaxError/m;

/** Line and column (from 1) of the first `mark` in `text`, counted here: CRLF and LF each end a line. */
function placeOf(text: string, mark: string): string {
  const before = text.slice(0, text.indexOf(mark)).split("\n");
  return `第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列`;
}

const EDIT = '[{"kind":"addStudents","school":"城关中学","level":"junior","value":10}]';
const whatif = (edits: string) => run("whatif", county, "--edits", edits, "--json");

describe("refused at the character to retype, Chinese first, naming the file", () => {
  test.each([
    ["a Chinese comma", EDIT.replace(',"school"', '，"school"'), "，", ["中文逗号", "“,”"]],
    ["a Chinese colon", EDIT.replace('"level":', '"level"：'), "：", ["中文冒号", "“:”"]],
    ["a Chinese quote ending a text", EDIT.replace('城关中学"', "城关中学”"), "”", ["中文引号", '"']],
    ["a Chinese quote opening a text", EDIT.replace(':"junior"', ":“junior”"), "“", ["中文引号"]],
    ["full-width digits", EDIT.replace(":10", ":１０"), "１", ["全角数字"]],
    ["a trailing comma", EDIT.replace("10}", "10,}"), ",}", ["多了一个逗号", "删去"]],
    ["a comment", EDIT.replace("[{", "[ // 新增\n{"), "//", ["注释", "删去"]],
    ["a full-width space", EDIT.replace('"level":', '\u3000"level":'), "\u3000", ["全角空格"]],
    ["a key written twice", EDIT.replace("10}", '10,"value":20}'), '"value":20', ["写了两次"]],
    ["NaN", EDIT.replace(":10", ":NaN"), "NaN", ["NaN"]],
    ["a number too large", EDIT.replace(":10", ":1e400"), "1e400", ["太大"]],
    ["a Windows path's backslash", EDIT.replace("城关中学", "C:\\数据"), "\\", ["反斜杠", "两次"]],
    [
      "a fault on the third line of a CRLF file",
      EDIT.replace("[{", "[\r\n{\r\n").replace(',"value"', '，"value"'),
      "，",
      ["中文逗号"],
    ],
  ])("%s", async (_, text, mark, words) => {
    const path = file("edits.json", text);
    const r = await whatif(path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const [zh, en] = r.stderr.split("\n");
    expect(zh).toContain(`修改清单“${path}”${placeOf(text, mark)}`);
    for (const word of words) expect(zh).toContain(word);
    expect(en).toContain(`the edits file "${path}", line`);
    expect(r.stderr).not.toMatch(STACK);
  });

  test("the JSON path of the place is given: a costs field, a profile field", async () => {
    const text = '{ "teachingArea": 4200, "sportsArea": 6OO }';
    const costs = file("costs.json", text);
    const r = await run("whatif", county, "--edits", file("e.json", EDIT), "--costs", costs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`成本文件“${costs}”${placeOf(text, "6OO")}（sportsArea）：“6OO”不是数字`);
    const profile = file("p.json", '{"extends":"national-2017","cvLimit":{"junior":0.4,}}');
    const p = await run("evaluate", county, "--profile", profile);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(
      `标准文件“${profile}”第 1 行第 ${'{"extends":"national-2017","cvLimit":{"junior":0.4'.length + 1} 列（cvLimit.junior）`,
    );
  });

  test("100,000 nested brackets are refused, not a stack overflow", async () => {
    const r = await run("compare", county, county, "--rename", file("r.json", "[".repeat(100000)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("嵌套超过");
    expect(r.stderr).not.toMatch(STACK);
  });

  test.each([
    ["an empty file", "", "文件是空的"],
    ["an .xlsx given for JSON", Buffer.from("PK\u0003\u0004rest", "latin1"), "这是 Excel 工作簿"],
  ])("%s is refused, saying so", async (_, content, said) => {
    const path = file("odd.json", content);
    const r = await whatif(path);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toContain(said);
    expect(r.stderr.split("\n")[0]).toContain(path);
  });
});

describe("what Windows editors save is read", () => {
  test.each([
    ["GBK (Notepad's ANSI on a Chinese Windows)", gbkOf(EDIT)],
    ["UTF-16 LE without its mark", Buffer.from(EDIT, "utf16le")],
    ["UTF-8 with a mark and CRLF", Buffer.from(`\ufeff${EDIT.replace("[{", "[\r\n{")}\r\n`)],
  ])("an edits file in %s", async (_, bytes) => {
    const r = await whatif(file("saved.json", bytes));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).applied).toEqual([0]);
  });
});

describe("the problems of a file's contents name the file", () => {
  test("a negative unit cost and a number typed in quotes", async () => {
    const costs = file("costs.json", '{ "teachingArea": -5 }');
    const r = await run("whatif", county, "--edits", file("e.json", EDIT), "--costs", costs, "--json");
    expect(r.code).toBe(1);
    const [problem] = JSON.parse(r.stdout).problems as { messages: { zh: string; en: string } }[];
    expect(problem.messages.zh).toContain(`成本文件“${costs}”：teachingArea`);
    expect(problem.messages.en).toContain(`the costs file "${costs}": teachingArea`);
    const edits = file("quoted.json", EDIT.replace(":10", ':"１０"'));
    const q = await whatif(edits);
    const [quoted] = JSON.parse(q.stdout).problems as { messages: { zh: string } }[];
    expect(quoted.messages.zh).toContain(`修改清单“${edits}”：第 1 项`);
    expect(quoted.messages.zh).toContain("数字不加引号，请写 10");
  });
});

/** GBK bytes of a text whose only non-ASCII characters are 城关中学 (their GBK codes, from the GB 2312 table). */
function gbkOf(text: string): Uint8Array {
  const codes: Record<string, number[]> = {
    城: [0xb3, 0xc7],
    关: [0xb9, 0xd8],
    中: [0xd6, 0xd0],
    学: [0xd1, 0xa7],
  };
  return new Uint8Array([...text].flatMap((c) => codes[c] ?? [c.charCodeAt(0)]));
}
