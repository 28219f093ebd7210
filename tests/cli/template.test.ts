import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readSchoolTable } from "../../src/sheet/read";
import { templateHeaderRow } from "../../src/sheet/template";
import { readWorkbookFile } from "../../src/xlsx/read";
import { run, tempDir } from "./helpers";

describe("balance template", () => {
  const dir = tempDir();

  test("writes the empty school table, which reads back with every column and no school", async () => {
    const out = join(dir, "空白统计表.xlsx");
    const r = await run("template", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const workbook = await readWorkbookFile(out);
    if (!workbook.ok) throw new Error(workbook.problem.message.en);
    expect(workbook.grids[0].values[2]).toEqual(templateHeaderRow());
    const read = readSchoolTable(workbook.grids[0]);
    expect(read.headerRow).toBe(2);
    expect(read.unmatchedHeaders).toEqual([]);
    expect(read.records).toEqual([]);
  });

  test("refuses to overwrite an existing file unless --force", async () => {
    const out = join(dir, "existing.xlsx");
    writeFileSync(out, "keep me");
    const refused = await run("template", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await run("template", out, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("usage errors: no file, two files, unknown option", async () => {
    expect((await run("template")).code).toBe(2);
    expect((await run("template", join(dir, "a.xlsx"), join(dir, "b.xlsx"))).code).toBe(2);
    expect((await run("template", join(dir, "c.xlsx"), "--overwrite")).code).toBe(2);
    expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
  });

  test("a folder that does not exist: refused as a usage error naming the folder, no stack trace", async () => {
    const folder = join(dir, "没有这个文件夹");
    const r = await run("template", join(folder, "t.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`文件夹“${folder}”不存在`);
    expect(r.stderr).toContain(`the folder "${folder}" does not exist`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(folder)).toBe(false);
  });
});
