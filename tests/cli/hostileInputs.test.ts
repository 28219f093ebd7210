/**
 * Hostile inputs around the workbook (issue 13 items 4–6): profiles, edits files and output paths as people and
 * editors write them. Each is read as written or refused with the field or the path it is about, with the exit
 * codes docs/cli.md#exit-codes promises, and never a stack trace; refused before anything is evaluated.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cleanTemplate, countyRows, rawBook, rawSheet } from "../trust/hostileBooks";
import { run, tempDir, usageDocument } from "./helpers";

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

describe("profiles (item 6)", () => {
  const valid = '{"extends":"national-2017","cvLimit":{"junior":0.40}}';

  test.each([
    [
      "UTF-8 with a byte-order mark (Notepad)",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]),
    ],
    [
      "UTF-16 LE with its mark (Notepad's Unicode)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, "utf16le")]),
    ],
    [
      "UTF-16 BE with its mark",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(valid, "utf16le").swap16()]),
    ],
  ])("a profile saved as %s is read", async (_, bytes) => {
    const r = await run("evaluate", county, "--profile", file("p.json", bytes), "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).levels.junior.cvPass).toBeDefined();
  });

  test("a profile in GBK (Notepad's ANSI on a Chinese Windows) is read as GBK, its Chinese intact", async () => {
    // the name 国标 in GBK: B9 FA B1 EA (some GBK text happens to be valid UTF-8; this is not)
    const gbk = Buffer.concat([
      Buffer.from('{"extends":"national-2017","id":"p","name":{"zh":"'),
      Buffer.from([0xb9, 0xfa, 0xb1, 0xea]),
      Buffer.from('","en":"p"},"cvLimit":{"junior":0.4}}'),
    ]);
    const r = await run("evaluate", county, "--profile", file("gbk.json", gbk));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("国标");
  });

  test.each([
    ['{"extends":"national-2017","cvLimit":{"juniour":0.4}}', "cvLimit.juniour"],
    [
      '{"extends":"national-2017","indicators":{"sportsArea":{"standard":{"primry":8}}}}',
      "indicators.sportsArea.standard.primry",
    ],
    [
      '{"extends":"national-2017","counties":[{"name":"阿尔山市","targetYear":2026,"note":"x"}]}',
      "counties.0.note",
    ],
    ['{"extends":"national-2017","__proto__":{"cvLimit":{"junior":9}}}', "__proto__"],
    ['{"extends":"national-2017","cvLimit":{"constructor":{"junior":9}}}', "cvLimit.constructor"],
    ['{"extends":"national-2017","cvLimit":{"junior":1e999}}', "cvLimit.junior"],
    [
      '{"extends":"national-2017","indicators":{"sportsArea":{"standard":{"primary":1e300}}}}',
      "indicators.sportsArea.standard.primary",
    ],
    ['{"extends":"toString"}', "extends"],
    ['{"extends":"__proto__"}', "extends"],
    ['{"extends":7}', "extends"],
  ])("%s is refused naming %s, exit 2, nothing evaluated", async (json, field) => {
    const r = await run("evaluate", county, "--profile", file("bad.json", json));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    // the one field at fault, not a list of every field a base profile would have given
    expect(r.stderr).toContain(`(${field})`);
    expect(r.stderr).not.toMatch(STACK);
  });

  test("an unknown base profile says which one there is", async () => {
    const r = await run("evaluate", county, "--profile", file("base.json", '{"extends":"national-2018"}'));
    expect(r.stderr).toContain("national-2017");
  });
});

describe("edits files (what-if)", () => {
  const edits = (list: unknown) => file("edits.json", JSON.stringify(list));
  const open = (record: Record<string, unknown>) => [
    {
      kind: "openSchool",
      record: {
        name: "新区小学",
        type: "primary",
        students: { primary: 600 },
        teachers: { primary: { qualifiedTeachers: 30, keyTeachers: 7, peArtTeachers: 6 } },
        facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1500000, multimediaRooms: 15 },
        ...record,
      },
    },
  ];

  test.each([
    [
      "a misspelt enrolment of a new school",
      open({ students: { primry: 600 } }),
      "edits[0].record.students.primry",
    ],
    [
      "a misspelt field of an edit",
      [{ kind: "addStudents", school: "城关中学", level: "junior", value: 10, levle: "x" }],
      "edits[0].levle",
    ],
    [
      "1e308 ㎡ added",
      [{ kind: "addFacility", school: "城关中学", resource: "teachingArea", amount: 1e308 }],
      "edits[0].amount",
    ],
  ])("%s is an error naming the edit's field; nothing is half applied", async (_, list, field) => {
    const path = edits(list);
    const r = await run("whatif", county, "--edits", path, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { problems: { message: string }[]; applied: number[] };
    expect(doc.problems.map((p) => p.message).join("\n")).toContain(field);
    expect(doc.applied).toEqual([]);
  });

  test("Infinity pupils (1e999 in JSON) are refused at their line and column, naming the field (exit 2)", async () => {
    // JSON.stringify cannot write 1e999: the number put in by hand
    const list = [{ kind: "setStudents", school: "城关中学", level: "junior", value: "1e999" }];
    const text = JSON.stringify(list).replace('"1e999"', "1e999");
    const path = file("infinite.json", text);
    const r = await run("whatif", county, "--edits", path, "--json");
    expect(r.code).toBe(2);
    const column = text.indexOf("1e999") + 1;
    expect(r.stderr).toContain(`修改清单“${path}”第 1 行第 ${column} 列（edits[0].value）：数字 1e999 太大`);
    // nothing evaluated: the document says only why
    usageDocument(r);
  });

  test("an edits file in UTF-16 is read", async () => {
    const list = JSON.stringify([{ kind: "addStudents", school: "城关中学", level: "junior", value: 10 }]);
    const path = file(
      "edits16.json",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(list, "utf16le")]),
    );
    const r = await run("whatif", county, "--edits", path, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).applied).toEqual([0]);
  });
});

describe("output paths (item 4)", () => {
  test("a name longer than a disk takes is refused before evaluating (exit 2)", async () => {
    const out = join(dir, `${"报告".repeat(50)}.xlsx`);
    const r = await run("evaluate", county, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件名过长");
    expect(r.stdout).toBe("");
  });

  test("a name just short of the limit is written: its temporary name is cut to fit", async () => {
    // 84 CJK characters (252 bytes) + ".xlsx" is too long; 80 (240 bytes) + ".xlsx" (5) fits in 255
    const folder = join(dir, "long");
    mkdirSync(folder);
    const out = join(folder, `${"评".repeat(80)}.xlsx`);
    const r = await run("evaluate", county, "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(folder)).toEqual([`${"评".repeat(80)}.xlsx`]);
  });

  test.each([
    ["the input itself", () => county, "输入的工作簿"],
    ["a folder", () => dir + "/", ".xlsx"],
    ["a name without .xlsx", () => join(dir, "报告.xls"), ".xlsx"],
    ["a missing folder", () => join(dir, "没有/报告.xlsx"), "不存在"],
  ])("%s as --out is refused before evaluating (exit 2)", async (_, out, said) => {
    const r = await run("evaluate", county, "--out", out(), "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stdout).toBe("");
  });
});

describe("control characters in the data reach the terminal as text", () => {
  test("a school name holding escape sequences and a direction override is read without them, told by their codes", async () => {
    // _x001B_ is how a workbook's XML holds ESC; \u202E turns the rest of a line around. A name's controls are
    // removed when it is read (docs/school-table.md#names); the warning names them by their codes
    const rows = countyRows();
    rows[5] = rows[5].map((v, c) => (c === 0 ? "乌兰乡_x001B_[2J_x001B_[31m全部达标\u202E小学" : v));
    const input = file("控制字符.xlsx", rawBook([rawSheet(rows)]));
    const r = await run("evaluate", input);
    expect(r.stdout + r.stderr).toContain("3 个不可见的控制字符（<U+001B><U+001B><U+202E>）");
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u202e]/);
  });
});

describe("balance batch", () => {
  test("a county read past a hidden sheet says so, as balance evaluate does, though it evaluates", async () => {
    const folder = join(dir, "league");
    mkdirSync(folder);
    writeFileSync(join(folder, "阿尔山市.xlsx"), await cleanTemplate());
    const stale = countyRows().map((row, r) =>
      r === 0 ? row : row.map((v) => (typeof v === "number" ? 1 : v)),
    );
    writeFileSync(
      join(folder, "突泉县.xlsx"),
      rawBook([rawSheet(stale, { name: "2023年", state: "hidden" }), rawSheet(countyRows())]),
    );
    const r = await run("batch", folder);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("突泉县.xlsx");
    expect(r.stderr).toContain("2023年");
    expect(r.stderr).not.toContain("阿尔山市.xlsx");
  });
});

describe("a sheet named as a reference (item 9)", () => {
  test("the report's source note quotes it: 'A1'!A1:…", async () => {
    const input = file("A1表.xlsx", rawBook([rawSheet(countyRows(), { name: "A1" })]));
    const out = join(dir, "A1报告.xlsx");
    const r = await run("evaluate", input, "--out", out);
    expect(r.code).toBe(0);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(out);
    const texts: string[] = [];
    report.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      ),
    );
    const notes = texts.filter((t) => t.includes("!A1:"));
    expect(notes.length).toBeGreaterThan(0);
    // every mention of the sheet in a reference is quoted, never the bare A1!A1 Excel would read as a cell
    for (const note of notes) expect(note).not.toMatch(/(?<!')A1!/u);
    expect(notes.some((t) => t.includes(`'A1'!A1:`))).toBe(true);
  });
});

/*
 * The JSON files a clerk types in Notepad or WPS (docs/cli.md#hand-written): what Windows editors save is read (BOM,
 * UTF-16 with or without its mark, GBK, CRLF); what a Chinese input method types in place of JSON's punctuation,
 * comments, trailing commas, keys written twice and numbers beyond a double are refused, Chinese first, at the line
 * and column of the character to retype, naming the file.
 */
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
    usageDocument(r);
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

  test("a text of 12 million characters is read, not a stack overflow", async () => {
    const note = "校".repeat(12_000_000);
    const r = await whatif(
      file("long.json", `[{"kind":"closeSchool","school":"城关中学","note":"${note}"}]`),
    );
    // read, and the field unknown: an error of the edit, naming it
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("edits[0].note");
    expect(r.stderr).not.toMatch(STACK);
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

describe("a rename map giving one old name two new names", () => {
  test.each([
    ["a space before it", " 城关中学"],
    ["a zero-width space in it", "城关\u200b中学"],
    ["full-width letters", "城关中学Ａ"],
  ])("by %s is refused naming both entries (no silent pick)", async (_, other) => {
    const base = other.endsWith("Ａ") ? "城关中学A" : "城关中学";
    const path = file("r.json", JSON.stringify({ [base]: "城关一中", [other]: "城关二中" }));
    const r = await run("compare", county, county, "--years", "2025,2026", "--rename", path, "--json");
    expect(r.code).toBe(1);
    const [problem] = JSON.parse(r.stdout).problems as { messages: { zh: string; en: string } }[];
    expect(problem.messages.zh).toContain(`更名文件“${path}”中的“${base}”和“${other}”`);
    expect(problem.messages.zh).toContain("“城关一中”和“城关二中”");
    expect(problem.messages.en).toContain(path);
  });

  test("two spellings of one old name with one new name are read", async () => {
    const path = file("r.json", JSON.stringify({ 城关中学: "城关一中", " 城关中学": "城关一中 " }));
    const r = await run("compare", county, county, "--years", "2025,2026", "--rename", path, "--json");
    expect(r.code).toBe(0);
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
