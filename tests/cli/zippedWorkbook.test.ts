/**
 * A county's workbook given zipped to the one-file commands (白狼县2025.zip holding 白狼县2025.xlsx, as the
 * statistics system downloads it or the league emails it): the one spreadsheet in it is read, and the output says
 * which, Chinese first; an archive of several still names them, to be unpacked; the archive is never changed, and
 * a report asked for is written where --out says, not into the archive.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { run, tempDir } from "./helpers";

const SAMPLE = readFileSync("examples/sample-county.xlsx");
const dir = tempDir();

/** A zip of these files, as a clerk is sent it: with the leftovers Excel and macOS leave beside a workbook. */
function zipped(name: string, files: Record<string, Uint8Array>): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    zipSync({
      ...files,
      "~$白狼县2025.xlsx": new Uint8Array([1, 2, 3]),
      "__MACOSX/._白狼县2025.xlsx": new Uint8Array([4, 5]),
      "说明.txt": strToU8("请查收。\n"),
    }),
  );
  return path;
}

describe("a county's workbook given zipped", () => {
  const archive = zipped("白狼县2025.zip", { "白狼县2025.xlsx": SAMPLE });
  const before = readFileSync(archive);

  test("evaluate reads the one workbook in it, says which first, and evaluates it as the workbook itself", async () => {
    const plain = await run("evaluate", "examples/sample-county.xlsx");
    const r = await run("evaluate", archive);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const [first, ...rest] = r.stdout.split("\n");
    expect(first).toBe("读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”");
    // the same verdict as the workbook unzipped, but for the file named in the heading
    expect(rest.slice(1).join("\n")).toBe(plain.stdout.split("\n").slice(1).join("\n"));
    const en = await run("evaluate", archive, "--lang", "en");
    expect(en.stdout.split("\n")[0]).toBe('reading "白狼县2025.xlsx" from the archive "白狼县2025.zip"');
  });

  test("--json: the document on stdout alone, the line on stderr", async () => {
    const r = await run("evaluate", archive, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    expect(r.stderr).toBe("读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”\n");
  });

  test("a report is written where --out says, and the archive is left as it was", async () => {
    const out = join(dir, "白狼县2025-报告.xlsx");
    const r = await run("evaluate", archive, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已写出评估报告：${out}`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(readFileSync(archive).equals(before)).toBe(true);
  });

  test("whatif, plan, compare and import read it too, and say so", async () => {
    const edits = join(dir, "无修改.json");
    writeFileSync(edits, "[]");
    const runs = [
      await run("whatif", archive, "--edits", edits),
      await run("plan", archive),
      await run("compare", archive, "examples/sample-county.xlsx"),
      await run("import", archive, "--out", join(dir, "导入.xlsx")),
    ];
    for (const r of runs) {
      expect(r.stdout.split("\n")[0]).toBe("读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”");
      expect(r.stderr).not.toContain("请先解压");
    }
  });

  test("the county comes from the workbook's name when the archive's gives none", async () => {
    const attachment = zipped("附件.zip", { "突泉县2025.xlsx": SAMPLE });
    const r = await run("evaluate", attachment, "--county", "白狼县");
    expect(r.stdout.split("\n")[0]).toBe("读取压缩包“附件.zip”中的“突泉县2025.xlsx”");
    expect(r.stdout).toContain("文件名“突泉县2025.xlsx”指的是“突泉县”");
  });

  test("a workbook in it that cannot be read is named with its problem", async () => {
    const damaged = zipped("坏.zip", { "白狼县2025.xlsx": SAMPLE.subarray(0, 200) });
    const r = await run("evaluate", damaged);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("读取压缩包“坏.zip”中的“白狼县2025.xlsx”\n");
    expect(r.stderr).toContain("压缩包中的“白狼县2025.xlsx”：");
  });

  test("an archive of several workbooks names them, to be unpacked, as before", async () => {
    const two = zipped("两县.zip", { "白狼县2025.xlsx": SAMPLE, "突泉县2025.xlsx": SAMPLE });
    const r = await run("evaluate", two);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "该文件是 zip 压缩包，不是 Excel 工作簿；其中有表格文件“白狼县2025.xlsx”、“突泉县2025.xlsx”：请先解压",
    );
  });
});
