/**
 * Hostile files (hostileFiles.ts) through the hosts: `balance evaluate` ends with exit code 1 and the problem on
 * stderr, in Chinese, without a stack trace; the web app's reading of county files (src/web/readFiles.ts) gives
 * each its reader's problem, never the "file could not be read" of a reader that threw, and goes on to the next.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { readCountyFiles } from "../../src/web/readFiles";
import { run, tempDir } from "../cli/helpers";
import {
  csvOfOneHugeField,
  spreadsheet2003BillionHiddenRows,
  xlsOfOverlappingMerges,
  xlsPastLastColumn,
  xlsSheetsSharingASubstream,
  xlsxOfDamagedDeflate,
} from "./hostileFiles";

const dir = tempDir();
const STACK = /\n\s+at |Error:|TypeError|RangeError/u;

/** Each file, its name, its problem's code and words of its Chinese message, as written by hand. */
const HOSTILE: [string, () => Uint8Array, string, string][] = [
  ["学校.xls", xlsPastLastColumn, "xlsx-corrupt", "超出工作表的 16384 列"],
  ["两表.xls", xlsSheetsSharingASubstream, "xlsx-corrupt", "指向工作簿流中的同一位置"],
  ["导出.xml", spreadsheet2003BillionHiddenRows, "table-too-large", "超过 1,048,576 行"],
  ["县.xlsx", xlsxOfDamagedDeflate, "xlsx-corrupt", "无法解压：压缩的数据已损坏"],
  ["合并.xls", xlsOfOverlappingMerges, "xlsx-corrupt", "合并单元格大量相互重叠"],
  ["学校.csv", csvOfOneHugeField, "text-quote-unclosed", "未见结束的引号"],
];

describe("balance evaluate on hostile files", () => {
  it.each(HOSTILE)(
    "%s: exit code 1, the problem on stderr, no stack trace",
    async (name, make, _code, words) => {
      const file = path.join(dir, name);
      writeFileSync(file, make());
      const r = await run("evaluate", file);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).not.toMatch(STACK);
    },
  );
});

describe("the web app's reading of hostile county files", () => {
  it("gives each file its reader's problem in both languages, and reads the sample county after them", async () => {
    const files = HOSTILE.map(([name, make]) => new File([make() as Uint8Array<ArrayBuffer>], name));
    const sample = path.resolve(__dirname, "../../examples/sample-county.xlsx");
    files.push(new File([readFileSync(sample)], "sample-county.xlsx"));
    const results = await readCountyFiles(files, NATIONAL_2017);
    expect(results.map((r) => r.ok)).toEqual([...HOSTILE.map(() => false), true]);
    HOSTILE.forEach(([, , code, words], i) => {
      const problem = results[i].problems.find((p) => p.severity === "error")!;
      expect(problem.code).toBe(code);
      expect(problem.message.zh).toContain(words);
      expect(problem.message.en).not.toBe("");
      expect(problem.message.zh).not.toMatch(STACK);
      expect(problem.message.en).not.toMatch(STACK);
    });
  });
});
