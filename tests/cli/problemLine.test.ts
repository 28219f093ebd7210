/**
 * The text output names a problem's cell once (issue 13 item 9): the reader's messages already begin with their
 * cell (`学校!A3“学校名称”为空`), so the line is not `学校!A3：学校!A3“学校名称”为空`. The JSON keeps the cell.
 */
import { problemLine } from "../../src/cli/verdict";
import type { Problem } from "../../src/problems/problem";
import { goodPrimary } from "../engine/helpers";
import { run, tableOf, tempDir, writeWorkbook } from "./helpers";

const problem = (
  cell: string | null,
  zh: string,
  en: string,
  severity: Problem["severity"] = "error",
): Problem => ({
  severity,
  code: "test",
  cell,
  message: { zh, en },
});

const count = (text: string, part: string) => text.split(part).length - 1;

describe("problemLine", () => {
  test("a message that begins with its cell: the cell once, leading", () => {
    const p = problem("学校!A3", "学校!A3“学校名称”为空，每行须填写学校名称。", "学校!A3 (School) is blank.");
    expect(problemLine(p, "zh")).toBe("✗ 错误 学校!A3“学校名称”为空，每行须填写学校名称。");
    expect(problemLine(p, "en")).toBe("✗ error 学校!A3 (School) is blank.");
  });

  test("a message that names its cell further on: the message alone", () => {
    const p = problem("学校!F7", "第 7 行 学校!F7 为负数", "row 7: 学校!F7 is negative", "warning");
    expect(problemLine(p, "zh")).toBe("! 提示：第 7 行 学校!F7 为负数");
    expect(problemLine(p, "en")).toBe("! warning: row 7: 学校!F7 is negative");
  });

  test("a message that does not name its cell: the cell in front", () => {
    const p = problem("学校!A3", "学校!A30 与此行重复", "repeats 学校!A30");
    expect(problemLine(p, "zh")).toBe("✗ 错误 学校!A3：学校!A30 与此行重复");
    expect(problemLine(p, "en")).toBe("✗ error 学校!A3: repeats 学校!A30");
  });

  test("a problem about no cell", () => {
    expect(problemLine(problem(null, "没有学校", "no school"), "en")).toBe("✗ error: no school");
  });
});

describe("balance evaluate prints each cell once, and --json keeps it", () => {
  test("a blank school name in A3", async () => {
    const dir = tempDir();
    const table = tableOf([goodPrimary("甲小学"), goodPrimary("乙小学")]);
    table[2][0] = null;
    const file = await writeWorkbook(dir, "blank.xlsx", { 学校: table });
    for (const lang of ["zh", "en"]) {
      const r = await run("evaluate", file, "--lang", lang);
      expect(r.code).toBe(1);
      const line = r.stderr.split("\n").find((l) => l.includes("学校!A3"));
      expect(line).toBeDefined();
      expect(count(line ?? "", "学校!A3")).toBe(1);
      expect(line).toMatch(
        lang === "zh" ? /^ {2}✗ 错误 学校!A3“学校名称”为空/ : /^ {2}✗ error 学校!A3 \(School\) is blank/,
      );
    }
    const json = JSON.parse((await run("evaluate", file, "--json")).stdout);
    expect(json.problems).toContainEqual(
      expect.objectContaining({
        cell: "学校!A3",
        code: "blank-required",
        message: expect.stringContaining("学校!A3"),
      }),
    );
  });
});
