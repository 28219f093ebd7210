/**
 * The command as a clerk types it (docs/cli.md#command-line): a misspelt command or option named with the near one,
 * an option typed with one dash or a word processor's dash, an option given twice with two values, a usage error
 * under --json as a JSON document, an unreadable workbook said in words, a folder's hidden files passed over, and
 * compare given one workbook twice or two counties' workbooks.
 */
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir, usageDocument } from "./helpers";
import { randomCounty, writeCounty } from "../league/helpers";
import { formSchools, formWorkbook, formWorkbookFile } from "../recipe/formsFixture";

// a workbook and a folder the system refuses to read (EACCES), as a non-root user finds a colleague's: errors that
// cannot be made on disk when the tests run as root
jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  /** `call` of the real module, refused with EACCES for a path ending in `denied` */
  const deniedFor =
    (denied: string, call: (...a: unknown[]) => Promise<unknown>) =>
    (path: unknown, ...rest: unknown[]) =>
      typeof path === "string" && path.endsWith(denied)
        ? Promise.reject(Object.assign(new Error(`EACCES: permission denied '${path}'`), { code: "EACCES" }))
        : call(path, ...rest);
  return {
    ...actual,
    readFile: deniedFor("无权读取.xlsx", actual.readFile as (...a: unknown[]) => Promise<unknown>),
    readdir: deniedFor("无权文件夹", actual.readdir as (...a: unknown[]) => Promise<unknown>),
  };
});

const dir = tempDir();
let county = "";

beforeAll(async () => {
  county = await writeCounty(dir, "白狼县.xlsx", randomCounty(4101, 8, "白"));
});

describe("a misspelt command or option", () => {
  test("a command one letter off is named", async () => {
    const r = await run("evalute", county);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("是否要用 evaluate？");
    expect(r.stderr).toContain("did you mean evaluate?");
  });

  test("a workbook given without a command is told to be evaluated", async () => {
    const r = await run(county);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`balance evaluate ${county}`);
  });

  test("an option misspelt or cut short is named", async () => {
    const misspelt = await run("evaluate", county, "--jsn");
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("是否要用 --json？");
    const short = await run("plan", county, "--budg", "300");
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("--budget");
  });

  test("an option far from every other is only called unknown", async () => {
    const r = await run("evaluate", county, "--zzzzzz");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未知选项 --zzzzzz");
    expect(r.stderr).not.toContain("是否要用");
  });

  test.each([["-json"], ["–json"], ["—json"], ["－－json"]])(
    "%s is refused, the option's two hyphens shown",
    async (typed) => {
      const r = await run("evaluate", county, typed);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`选项 ${typed} 应以两个英文（半角）短横线开头：--json`);
    },
  );

  test("a flag given a value says it takes none", async () => {
    const r = await run("evaluate", county, "--json=yes");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("选项 --json 不带值");
  });
});

describe("an option given twice", () => {
  test("with two values it is refused and nothing is written", async () => {
    const [a, b] = [join(dir, "甲.xlsx"), join(dir, "乙.xlsx")];
    const r = await run("evaluate", county, "--out", a, "--out", b);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out 给了两次");
    expect(readdirSync(dir)).not.toContain("乙.xlsx");
    expect(readdirSync(dir)).not.toContain("甲.xlsx");
  });

  test("with the same value, or a flag twice, it is taken", async () => {
    const r = await run("evaluate", county, "--lang", "en", "--lang=en", "--json", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });
});

describe("a usage error under --json", () => {
  test.each([
    ["a misspelt option", ["evaluate", "$county", "--json", "--sheeet", "学校"], "--sheet"],
    ["a missing edits file", ["whatif", "$county", "--json", "--edits", "$dir/无.json"], "无.json"],
    [
      "an output into a missing folder",
      ["plan", "$county", "--json", "--out", "$dir/无/方案.xlsx"],
      "方案.xlsx",
    ],
    ["no file at all", ["batch", "--json"], "缺少"],
    ["--json given a value", ["compare", "$county", "$county", "--json=yes"], "不带值"],
  ])("%s is one JSON document on stdout as well", async (_, args, named) => {
    const r = await run(...args.map((a) => a.replace("$county", county).replace("$dir", dir)));
    expect(r.code).toBe(2);
    const problem = usageDocument(r);
    expect(problem.message).toContain(named);
    expect(problem.messages.en).toBe(r.stderr.split("\n")[1].replace(/^balance: /, ""));
  });

  test("in the language --lang asks for", async () => {
    const r = await run("evaluate", county, "--lang", "en", "--json", "--jsn");
    expect(usageDocument(r).message).toContain("did you mean --json?");
  });

  test("without --json the message is on stderr only", async () => {
    const r = await run("evaluate", county, "--jsn");
    expect(r.stdout).toBe("");
  });
});

describe("a workbook not found", () => {
  test.each([
    ["in Chinese quotes", (f: string) => `“${f}”`],
    ["with a space after it", (f: string) => `${f} `],
    ["without its extension", (f: string) => f.replace(/\.xlsx$/u, "")],
    ["a letter short", (f: string) => f.replace("白狼县", "白狼")],
  ])("typed %s names the file meant", async (_, typed) => {
    const r = await run("evaluate", typed(county));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`找不到文件“${typed(county)}”；是否要用“${county}”？`);
  });

  test("far from every file is only not found", async () => {
    const r = await run("evaluate", join(dir, "乌兰浩特市统计.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("是否要用");
  });
});

test("an unreadable workbook is said in words, not by the system's code alone", async () => {
  const file = join(dir, "无权读取.xlsx");
  writeFileSync(file, "");
  const r = await run("evaluate", file);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("没有读取该文件的权限");
  expect(r.stderr).not.toContain("（EACCES）");
});

describe("batch of a folder", () => {
  test("hidden files and folders are passed over; lock files are no county", async () => {
    const folder = join(dir, "盟");
    mkdirSync(folder);
    await writeCounty(folder, "科右前旗.xlsx", randomCounty(4102, 6, "前"));
    // a hidden copy (a file manager would not show it) and the lock files Excel and LibreOffice keep
    await writeCounty(folder, ".阿尔山市.xlsx", randomCounty(4103, 6, "阿"));
    writeFileSync(join(folder, "~$科右前旗.xlsx"), "owner");
    writeFileSync(join(folder, ".~lock.科右前旗.xlsx#"), "owner");
    mkdirSync(join(folder, ".备份"));
    await writeCounty(join(folder, ".备份"), "突泉县.xlsx", randomCounty(4104, 6, "突"));
    const r = await run("batch", folder, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.counties.map((c: { file: string }) => c.file)).toEqual([join(folder, "科右前旗.xlsx")]);
    expect(doc.unreadSubfolders).toEqual([]);
  });
});

describe("batch --out in the folder it reads", () => {
  test("a county's workbook there is never overwritten, even with --force; the league's own is", async () => {
    const folder = join(dir, "兴安盟");
    mkdirSync(folder);
    const own = await writeCounty(folder, "扎赉特旗.xlsx", randomCounty(4115, 6, "扎"));
    await writeCounty(folder, "突泉县.xlsx", randomCounty(4116, 6, "突"));
    const before = readFileSync(own);
    const r = await run("batch", folder, "--out", own, "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${own}”是所汇总文件夹中的旗县市工作簿，不会用汇总工作簿覆盖它`);
    expect(readFileSync(own).equals(before)).toBe(true);
    // the league workbook of an earlier run is written over with --force, as before
    const league = join(folder, "汇总.xlsx");
    expect((await run("batch", folder, "--out", league)).code).toBe(0);
    expect((await run("batch", folder, "--out", league, "--force")).code).toBe(0);
  });
});

test("batch of *.xlsx run again with --force writes over its own league workbook, which the glob names", async () => {
  const folder = join(dir, "通辽");
  mkdirSync(folder);
  await writeCounty(folder, "开鲁县.xlsx", randomCounty(4117, 6, "开"));
  await writeCounty(folder, "库伦旗.xlsx", randomCounty(4118, 6, "库"));
  const league = join(folder, "汇总.xlsx");
  // what a shell's 通辽/*.xlsx names, the second time: the counties and the league workbook of the first run
  const glob = () => readdirSync(folder).map((name) => join(folder, name));
  expect((await run("batch", ...glob(), "--out", league)).code).toBe(0);
  const again = await run("batch", ...glob(), "--out", league, "--force", "--json");
  expect(again.code).toBe(0);
  const doc = JSON.parse(again.stdout);
  expect(doc.counties).toHaveLength(2);
  expect(doc.skipped).toEqual([league]);
  // a county's workbook named so is still an input, never written over
  const county = join(folder, "开鲁县.xlsx");
  const refused = await run("batch", ...glob(), "--out", county, "--force");
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(`不能写入输入的工作簿“${county}”`);
});

describe("import of a folder of forms, --out named like one of them", () => {
  /** A folder of one 教基 form workbook per school; its files' names. */
  async function formsFolder(name: string): Promise<{ folder: string; names: string[] }> {
    const folder = join(dir, name);
    mkdirSync(folder);
    for (const school of formSchools()) {
      const workbook = formWorkbook(school);
      writeFileSync(join(folder, workbook.file), await formWorkbookFile(workbook));
    }
    return { folder, names: readdirSync(folder) };
  }

  test("in another folder, the form of that name is read all the same", async () => {
    const { folder, names } = await formsFolder("报表甲");
    const all = await run("import", folder, "--out", join(dir, "全部学校.xlsx"), "--json");
    mkdirSync(join(dir, "别处"));
    const elsewhere = await run("import", folder, "--out", join(dir, "别处", names[0]), "--json");
    expect(elsewhere.code).toBe(0);
    expect(JSON.parse(elsewhere.stdout).schools).toBe(JSON.parse(all.stdout).schools);
  });

  test("in the folder itself, a school's form is never overwritten, even with --force", async () => {
    const { folder, names } = await formsFolder("报表乙");
    const form = join(folder, names[1]);
    const before = readFileSync(form);
    const r = await run("import", folder, "--out", form, "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${form}”是所读文件夹中的报表工作簿，不会用导入的学校表覆盖它`);
    expect(readFileSync(form).equals(before)).toBe(true);
    // the school table of an earlier import there is written over with --force, as before
    const table = join(folder, "学校.xlsx");
    expect((await run("import", folder, "--out", table)).code).toBe(0);
    expect((await run("import", folder, "--out", table, "--force")).code).toBe(0);
  });
});

describe("a folder that cannot be listed", () => {
  const folder = join(dir, "无权文件夹");

  beforeAll(async () => {
    mkdirSync(folder);
    await writeCounty(folder, "阿尔山市.xlsx", randomCounty(4110, 6, "阿"));
  });

  test("batch gives it a failing line of its own, the others go on (exit 1, no stack trace)", async () => {
    const r = await run("batch", folder, county, "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.counties).toHaveLength(2);
    const [unread, read] = doc.counties;
    expect(unread).toMatchObject({ file: folder, ok: false });
    expect(unread.problems[0]).toMatchObject({ code: "folder-unreadable" });
    expect(unread.problems[0].message).toContain("没有读取该文件夹的权限");
    expect(read).toMatchObject({ file: county, ok: true });
    const text = await run("batch", folder, county);
    expect(text.stderr).toContain(`无法读取文件夹“${folder}”`);
    expect(text.stderr).not.toContain("内部错误");
  });

  test("import of it says so (exit 1)", async () => {
    const r = await run("import", folder, "--out", join(dir, "导入.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`无法读取文件夹“${folder}”（没有读取该文件夹的权限）`);
    expect(r.stderr).not.toContain("内部错误");
  });
});

describe("compare", () => {
  test("one workbook given twice, by two paths, is warned of first", async () => {
    const other = `${dir}/./白狼县.xlsx`;
    const r = await run("compare", county, other, "--json");
    expect(r.code).toBe(0);
    const [first] = JSON.parse(r.stdout).problems;
    expect(first).toMatchObject({ severity: "warning", code: "same-file-twice", file: other });
    expect(first.message).toContain("同一个工作簿给了两次");
    const text = await run("compare", county, other);
    expect(text.stderr.split("\n")[1]).toContain("同一个工作簿给了两次");
  });

  test("two counties' workbooks are compared with a warning naming both", async () => {
    const earlier = await writeCounty(dir, "白狼县2025.xlsx", randomCounty(4105, 6, "白"));
    const later = await writeCounty(dir, "科右前旗2026.xlsx", randomCounty(4106, 6, "前"));
    const r = await run("compare", earlier, later, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const differ = doc.problems.filter((p: { code: string }) => p.code === "compare-other-county");
    expect(differ).toHaveLength(1);
    expect(differ[0].severity).toBe("warning");
    expect(differ[0].message).toContain("白狼县");
    expect(differ[0].message).toContain("科右前旗");
    const text = await run("compare", earlier, later);
    expect(text.stderr).toContain("年度对比应是同一个旗县市各年的数据");
  });

  test("workbooks given later first are answered with the order to type", async () => {
    const earlier = await writeCounty(dir, "扎旗2025.xlsx", randomCounty(4111, 6, "扎"));
    const later = await writeCounty(dir, "扎旗2026.xlsx", randomCounty(4112, 6, "扎"));
    const r = await run("compare", later, earlier);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`（现为 2026、2025）：请写 ${earlier} ${later}`);
  });

  test("two workbooks of one year are named, not called out of order", async () => {
    const one = await writeCounty(dir, "扎旗2027.xlsx", randomCounty(4113, 6, "扎"));
    const other = await writeCounty(dir, "扎旗(修改)2027.xlsx", randomCounty(4114, 6, "扎"));
    const r = await run("compare", one, other);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${one}”和“${other}”是同一年份（2027）的工作簿`);
    expect(r.stderr).not.toContain("从早到晚");
  });

  test("one county's years give no such warning", async () => {
    const earlier = await writeCounty(dir, "突泉县2025.xlsx", randomCounty(4107, 6, "突"));
    const later = await writeCounty(dir, "突泉县2026.xlsx", randomCounty(4108, 6, "突"));
    const r = await run("compare", earlier, later, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code)).not.toContain(
      "compare-other-county",
    );
  });
});

test("a usage error a command finds itself points to that command's help", async () => {
  const r = await run("evaluate", county, "--year", "明年");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("balance evaluate --help");
  const web = await run("web", "--port", "abc");
  expect(web.stderr).toContain("balance web --help");
});

describe("--out not naming an .xlsx file", () => {
  test("a folder is told to be given a file name in it", async () => {
    const r = await run("evaluate", county, "--out", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${dir}”是一个文件夹；请写出其中的文件名，如“${join(dir, "文件名.xlsx")}”`);
  });

  test.each([
    ["报告.xls", "报告.xlsx"],
    ["报告.csv", "报告.xlsx"],
    ["报告", "报告.xlsx"],
  ])("%s is refused naming %s", async (given, instead) => {
    const r = await run("template", join(dir, given));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`可改为“${join(dir, instead)}”`);
    expect(readdirSync(dir)).not.toContain(given);
  });
});

test.each([
  ["Excel's", (name: string) => `~$${name}`],
  ["Excel's for a long name", (name: string) => `~$${name.slice(2)}`],
  ["LibreOffice's", (name: string) => `.~lock.${name}#`],
])("a report open in an office program (%s lock file beside it) is not written over", async (_, lockOf) => {
  const folder = join(dir, `打开${readdirSync(dir).length}`);
  mkdirSync(folder);
  const out = join(folder, "白狼县评估报告2026.xlsx");
  writeFileSync(out, "open");
  writeFileSync(join(folder, lockOf("白狼县评估报告2026.xlsx")), "owner");
  const r = await run("evaluate", county, "--out", out, "--force");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`“${out}”正在 Excel、WPS 或 LibreOffice 中打开`);
  expect(readFileSync(out, "utf8")).toBe("open");
});

test("a read-only file is not overwritten, even with --force", async () => {
  const out = join(dir, "只读报告.xlsx");
  writeFileSync(out, "kept");
  chmodSync(out, 0o444);
  const r = await run("evaluate", county, "--out", out, "--force");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`文件“${out}”是只读的，不会覆盖（加 --force 也不会）`);
  expect(readFileSync(out, "utf8")).toBe("kept");
});

describe("a year typed as a clerk types it", () => {
  test.each([["2026年"], ["２０２６"], ["2026年度"]])("--year %s is the year 2026", async (typed) => {
    const r = await run("batch", county, "--year", typed, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2026);
  });

  test("--year 2025-2026学年 names the report's school year", async () => {
    const out = join(dir, "学年报告.xlsx");
    const r = await run("evaluate", county, "--year", "2025-2026学年", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toContain("学年报告.xlsx");
  });

  test("compare --years 2025年,2026年 takes the years", async () => {
    const earlier = await writeCounty(dir, "甲旗前.xlsx", randomCounty(4109, 6, "甲"));
    const later = await writeCounty(dir, "甲旗后.xlsx", randomCounty(4109, 6, "甲"));
    const r = await run("compare", earlier, later, "--years", "2025年，2026年", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).years).toEqual(["2025", "2026"]);
  });
});

describe("a name with a space typed without quotes", () => {
  test("an option's value split in two is shown in quotes", async () => {
    const r = await run("evaluate", county, "--sheet", "学", "校");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('名称中有空格时请加英文引号：--sheet "学 校"');
  });

  test("a file's name split in two is shown in quotes", async () => {
    const r = await run("evaluate", join(dir, "我的"), "县.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`名称中有空格时请加英文引号："${join(dir, "我的")} 县.xlsx"`);
  });

  test("a value given to a switch is said to be one it does not take", async () => {
    const r = await run("template", join(dir, "县级.xlsx"), "--county", "白狼县");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("多余的参数 白狼县（--county 是开关，不带值）");
    const second = await run("evaluate", county, "--json", county);
    expect(second.stderr).toContain(`多余的参数 ${county}\n`);
  });

  test("two files that exist are only called one too many", async () => {
    const r = await run("evaluate", county, county);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`多余的参数 ${county}`);
    expect(r.stderr).not.toContain("引号");
  });
});

test.each([
  ["zh_CN.UTF-8", "zh"],
  ["zh-Hans", "zh"],
  ["中文", "zh"],
  ["EN", "en"],
  ["en_US", "en"],
  ["English", "en"],
])("--lang %s is the language %s", async (typed, lang) => {
  const r = await run("evaluate", county, "--lang", typed);
  expect(r.code).toBe(0);
  const [zh, en] = [
    await run("evaluate", county, "--lang", "zh"),
    await run("evaluate", county, "--lang", "en"),
  ];
  expect(zh.stdout).not.toBe(en.stdout);
  expect(r.stdout).toBe(lang === "zh" ? zh.stdout : en.stdout);
});
