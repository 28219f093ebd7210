/**
 * Where the command line writes (issue 13 item 4): the output path is checked before any work, with a message
 * naming the path in both languages, and a file is written whole or not at all.
 */
import { existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkOutputPath, probeFolder, writeFileAtomic } from "../../src/cli/outputFile";
import { gridRangeAddress } from "../../src/xlsx/reportFile";
import { goodPrimary } from "../engine/helpers";
import { run, tableOf, tempDir, writeWorkbook } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A usage error naming the path in both languages, no stack trace, and nothing written. */
function expectRefused(r: { code: number; stderr: string }, zh: string, en: string) {
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(zh);
  expect(r.stderr).toContain(en);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("an output path that cannot be written is refused before anything is evaluated", () => {
  // a workbook that does not exist: a refusal with exit 2 shows the path was checked before reading it
  const missingInput = () => join(dir, "没有这个工作簿.xlsx");

  test("a dangling symbolic link", async () => {
    const out = join(dir, "报告.xlsx");
    symlinkSync(join(dir, "nowhere.xlsx"), out);
    for (const argv of [
      ["evaluate", missingInput(), "--out", out],
      ["evaluate", missingInput(), "--out", out, "--force"],
      ["template", out, "--force"],
    ]) {
      expectRefused(await run(...argv), `“${out}”是符号链接，指向不存在的`, `"${out}" is a symbolic link to`);
    }
    // the link is not followed: no file appeared where it points
    expect(existsSync(join(dir, "nowhere.xlsx"))).toBe(false);
  });

  test("a missing folder", async () => {
    const folder = join(dir, "没有这个文件夹");
    const out = join(folder, "报告.xlsx");
    expectRefused(
      await run("evaluate", missingInput(), "--out", out),
      `文件夹“${folder}”不存在`,
      `the folder "${folder}" does not exist`,
    );
    expect(existsSync(folder)).toBe(false);
  });

  test("a folder that is a file", async () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "not a folder");
    const out = join(file, "报告.xlsx");
    expectRefused(
      await run("evaluate", missingInput(), "--out", out),
      `“${file}”不是文件夹`,
      `"${file}" is not a folder`,
    );
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });

  test("a folder the system refuses files in, even to root (/proc)", async () => {
    if (process.platform !== "linux") return;
    const out = "/proc/报告.xlsx";
    expectRefused(
      await run("evaluate", missingInput(), "--out", out),
      `无法在文件夹“/proc”中写入“${out}”`,
      `"${out}" cannot be written in the folder "/proc"`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test("a folder that refuses writing: the message says why, in both languages (the check injected)", async () => {
    const out = join(dir, "报告.xlsx");
    const readOnly = await checkOutputPath(out, { force: false, extension: ".xlsx" }, async () => "EROFS");
    expect(readOnly).toEqual({
      ok: false,
      message: {
        zh: `无法在文件夹“${dir}”中写入“${out}”（只读的磁盘）`,
        en: `"${out}" cannot be written in the folder "${dir}" (a read-only disk)`,
      },
    });
    const denied = await checkOutputPath(out, { force: false }, async () => "EACCES");
    expect(denied.ok === false && denied.message.en).toContain("(no permission to write)");
    // the real probe leaves nothing behind in a folder it may write
    expect(await probeFolder(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("balance template", () => {
  test("never writes through a symbolic link to another file, even with --force", async () => {
    const other = join(dir, "别人的文件.xlsx");
    writeFileSync(other, "someone else's file");
    const out = join(dir, "空白统计表.xlsx");
    symlinkSync(other, out);
    for (const force of [[], ["--force"]]) {
      expectRefused(
        await run("template", out, ...force),
        `“${out}”是指向“${other}”的符号链接`,
        `"${out}" is a symbolic link to "${other}"`,
      );
    }
    expect(readFileSync(other, "utf8")).toBe("someone else's file");
  });

  test("refuses a name that is not .xlsx", async () => {
    for (const name of ["空白统计表.xls", "空白统计表.csv", "空白统计表", "空白统计表.xlsx.txt"]) {
      const out = join(dir, name);
      expectRefused(
        await run("template", out),
        `输出文件须以 .xlsx 结尾：“${out}”`,
        `the output file must end in .xlsx: "${out}"`,
      );
    }
    expect(readdirSync(dir)).toEqual([]);
    expect((await run("template", join(dir, "大写.XLSX"))).code).toBe(0);
  });
});

describe("writeFileAtomic: whole or not at all", () => {
  const bytes = new Uint8Array(3 << 20).fill(7);

  test("writes the file and leaves no temporary file", async () => {
    const out = join(dir, "报告.xlsx");
    expect(await writeFileAtomic(out, bytes, { force: false })).toEqual({ ok: true });
    expect(readFileSync(out).equals(Buffer.from(bytes))).toBe(true);
    expect(readdirSync(dir)).toEqual(["报告.xlsx"]);
  });

  test("without --force, a file that appeared after the check is kept and the write refused", async () => {
    const out = join(dir, "报告.xlsx");
    writeFileSync(out, "appeared meanwhile");
    expect(await writeFileAtomic(out, bytes, { force: false })).toEqual({ ok: false, code: "EEXIST" });
    expect(readFileSync(out, "utf8")).toBe("appeared meanwhile");
    expect(readdirSync(dir)).toEqual(["报告.xlsx"]);
  });

  test("with --force, replaces a file whole; a symbolic link put there meanwhile is replaced, not followed", async () => {
    const other = join(dir, "other.txt");
    writeFileSync(other, "keep");
    const out = join(dir, "报告.xlsx");
    symlinkSync(other, out);
    expect(await writeFileAtomic(out, bytes, { force: true })).toEqual({ ok: true });
    expect(readFileSync(other, "utf8")).toBe("keep");
    expect(readFileSync(out).length).toBe(bytes.length);
    expect(readdirSync(dir).sort()).toEqual(["other.txt", "报告.xlsx"].sort());
  });

  test("a folder gone by the time of writing: nothing is created", async () => {
    const out = join(dir, "gone", "报告.xlsx");
    const result = await writeFileAtomic(out, bytes, { force: true });
    expect(result).toEqual({ ok: false, code: "ENOENT" });
    expect(readdirSync(dir)).toEqual([]);
  });
});

test("evaluate --out still writes the report when the path is good", async () => {
  const input = await writeWorkbook(dir, "县.xlsx", {
    学校: tableOf([goodPrimary("甲小学"), goodPrimary("乙小学")]),
  });
  const out = join(dir, "报告.xlsx");
  const r = await run("evaluate", input, "--out", out);
  expect(r.code).toBe(0);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  expect(readdirSync(dir).sort()).toEqual(["县.xlsx", "报告.xlsx"].sort());
});

test("the report's source range of a 300,000-row table (more rows than a call takes arguments)", () => {
  const values = Array.from({ length: 300_000 }, (_, i) => (i === 7 ? ["a", "b", "c", "d"] : ["a"]));
  expect(gridRangeAddress({ sheet: "学校", topLeft: "B2", values })).toBe("学校!B2:E300001");
});
