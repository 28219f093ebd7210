/**
 * Choosing the sheet (issue 13 item 2): a hidden or very hidden sheet, often last year's copy kept out of
 * sight, is never read over a visible one without a word; named, it is read with a warning.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCountyRecords } from "../../src/cli/commandLine";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import type { Grid } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { chooseSheet } from "../../src/xlsx/reader";
import { run, tableOf, tempDir } from "../cli/helpers";

const grid = (sheet: string, first: string, visibility?: Grid["visibility"]): Grid => ({
  sheet,
  topLeft: "A1",
  values: [[first]],
  ...(visibility ? { visibility } : {}),
});
const hasHeader = (g: Grid) => g.values[0]?.[0] === "学校名称";

describe("chooseSheet", () => {
  test("a hidden sheet with a table is passed over for a visible one, and the warning names both", () => {
    const grids = [
      grid("2024年", "学校名称", "hidden"),
      grid("说明", "填表说明"),
      grid("2025年", "学校名称"),
    ];
    const choice = chooseSheet(grids, undefined, hasHeader);
    if (!choice.ok) throw new Error("no sheet chosen");
    expect(choice.grid.sheet).toBe("2025年");
    expect(choice.problems).toHaveLength(1);
    expect(choice.problems[0]).toMatchObject({ severity: "warning", code: "hidden-sheet", cell: null });
    expect(choice.problems[0].message.zh).toContain("“2024年”");
    expect(choice.problems[0].message.zh).toContain("“2025年”");
    expect(choice.problems[0].message.en).toContain("hidden");
  });

  test("a very hidden sheet is never chosen either, even when no visible sheet has a table", () => {
    const grids = [grid("数据", "学校名称", "veryHidden"), grid("封面", "白狼县")];
    const choice = chooseSheet(grids, undefined, hasHeader);
    if (!choice.ok) throw new Error("no sheet chosen");
    expect(choice.grid.sheet).toBe("封面");
    expect(choice.problems.map((p) => p.code)).toEqual(["hidden-sheet"]);
    expect(choice.problems[0].message.zh).toContain("深度隐藏");
  });

  test("a hidden sheet without a table (drop-down lists) is not worth a warning", () => {
    const grids = [grid("学校", "学校名称"), grid("lists", "城区", "hidden")];
    expect(chooseSheet(grids, undefined, hasHeader)).toEqual({ ok: true, grid: grids[0], problems: [] });
  });

  test("named, a hidden sheet is read, with a warning that it is hidden", () => {
    const grids = [grid("2024年", "学校名称", "hidden"), grid("2025年", "学校名称")];
    const choice = chooseSheet(grids, "2024年", hasHeader);
    if (!choice.ok) throw new Error("no sheet chosen");
    expect(choice.grid.sheet).toBe("2024年");
    expect(choice.problems.map((p) => [p.code, p.severity])).toEqual([["hidden-sheet-read", "warning"]]);
  });

  test("when every sheet is hidden (no writer should do it), the table is read and the warning says so", () => {
    const grids = [grid("A", "x", "hidden"), grid("B", "学校名称", "hidden")];
    const choice = chooseSheet(grids, undefined, hasHeader);
    if (!choice.ok) throw new Error("no sheet chosen");
    expect(choice.grid.sheet).toBe("B");
    expect(choice.problems.map((p) => p.code)).toEqual(["hidden-sheet-read"]);
  });

  test("with no table anywhere, an empty sheet before the data is passed over for one holding something", () => {
    const empty = (sheet: string, values: Grid["values"]): Grid => ({ sheet, topLeft: "A1", values });
    const grids = [
      empty("Sheet1", []),
      empty("Sheet2", [[null, "  "], []]),
      grid("学校情况", "学校名字"),
      grid("说明", "填表说明"),
    ];
    const choice = chooseSheet(grids, undefined, hasHeader);
    expect(choice).toMatchObject({ ok: true, grid: { sheet: "学校情况" }, problems: [] });
    // a table anywhere still wins, and with nothing anywhere the first sheet is read
    expect(chooseSheet([...grids, grid("表", "学校名称")], undefined, hasHeader)).toMatchObject({
      grid: { sheet: "表" },
    });
    expect(chooseSheet(grids.slice(0, 2), undefined, hasHeader)).toMatchObject({ grid: { sheet: "Sheet1" } });
  });

  test("other shown sheets holding a table too are named in one warning: the first is read", () => {
    const grids = [
      grid("说明", "填表说明"),
      grid("2024年", "学校名称"),
      grid("2025年", "学校名称"),
      grid("初中", "学校名称"),
      grid("lists", "学校名称", "hidden"),
    ];
    const choice = chooseSheet(grids, undefined, hasHeader);
    if (!choice.ok) throw new Error("no sheet chosen");
    expect(choice.grid.sheet).toBe("2024年");
    const others = choice.problems.filter((p) => p.code === "other-sheet-table");
    expect(others).toHaveLength(1);
    expect(others[0]).toMatchObject({ severity: "warning", cell: null });
    expect(others[0].message.zh).toMatch(/^工作簿中的工作表“2025年”、“初中”也有学校表，未读取.*“2024年”/u);
    expect(others[0].message.en).toContain('"2025年", "初中"');
    // the hidden one keeps its own warning, and the sheet of notes is no table
    expect(choice.problems.map((p) => p.code).sort()).toEqual(["hidden-sheet", "other-sheet-table"]);
    // named, a sheet is read without a word about the others
    expect(chooseSheet(grids, "2025年", hasHeader)).toMatchObject({ ok: true, problems: [] });
  });

  test("no sheet at all is a problem", () => {
    expect(chooseSheet([], undefined, hasHeader)).toMatchObject({ ok: false, problem: { code: "no-sheet" } });
  });
});

describe("the command line surfaces the warning with the other problems", () => {
  const dir = tempDir();
  let path: string;

  beforeAll(async () => {
    const records = sampleCountyRecords();
    const workbook = new ExcelJS.Workbook();
    // last year's table, hidden, first in the workbook; this year's has one school fewer
    const old = workbook.addWorksheet("2024年", { state: "hidden" });
    tableOf(records).forEach((row, r) =>
      row.forEach((v, c) => v !== null && (old.getCell(r + 1, c + 1).value = v)),
    );
    const current = workbook.addWorksheet("2025年");
    tableOf(records.slice(1)).forEach((row, r) =>
      row.forEach((v, c) => v !== null && (current.getCell(r + 1, c + 1).value = v)),
    );
    path = join(dir, "两年.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  test("balance evaluate --json: the visible sheet is read and the hidden one named in problems", async () => {
    const r = await run("evaluate", path, "--json");
    const doc = JSON.parse(r.stdout);
    expect(doc.table).toMatchObject({ sheet: "2025年", schools: sampleCountyRecords().length - 1 });
    const hidden = doc.problems.filter((p: { code: string }) => p.code === "hidden-sheet");
    expect(hidden).toHaveLength(1);
    expect(hidden[0].messages.zh).toContain("2024年");
  });

  test("balance evaluate: the warning is printed; --sheet reads the hidden sheet and says it is hidden", async () => {
    const plain = await run("evaluate", path);
    expect(plain.stdout + plain.stderr).toContain("2024年");
    const named = await run("evaluate", path, "--sheet", "2024年", "--json");
    const doc = JSON.parse(named.stdout);
    expect(doc.problems.map((p: { code: string }) => p.code)).toContain("hidden-sheet-read");
  });

  test("the reader shared by plan and whatif gives the warning with the table's problems", async () => {
    const read = await readCountyRecords(
      path,
      { sheet: undefined, county: undefined, recipe: undefined },
      NATIONAL_2017,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records).toHaveLength(sampleCountyRecords().length - 1);
    expect(read.problems.map((p) => p.code)).toContain("hidden-sheet");
  });
});

describe("a workbook where no sheet's header is recognised", () => {
  const dir = tempDir();

  test("balance evaluate reads the first sheet with content and names the others it could have meant", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    workbook.addWorksheet("说明").getCell("A1").value = "填表说明：每校一行";
    const renamed = workbook.addWorksheet("学校情况");
    renamed.addRow(["学校名字", "类别", "学生人数"]);
    renamed.addRow(["一小", "小学", 300]);
    workbook.addWorksheet("下拉列表", { state: "hidden" }).getCell("A1").value = "小学";
    const path = join(dir, "表头改过.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));

    const zh = await run("evaluate", path);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("（工作表“说明”）");
    expect(zh.stderr).toContain("找不到表头");
    // the sheet with content not read is named; the empty one and the hidden one are not
    expect(zh.stderr).toContain(
      "工作簿中还有工作表：“学校情况”，未读取；如学校表在其中，请用 --sheet 指定。",
    );
    expect(zh.stderr).not.toContain("Sheet1");
    expect(zh.stderr).not.toContain("下拉列表");
    const en = await run("evaluate", path, "--lang", "en");
    expect(en.stderr).toContain(`The workbook's other sheets, not read: "学校情况"`);

    // a sheet named is the one meant: no hint
    const named = await run("evaluate", path, "--sheet", "学校情况");
    expect(named.stderr).toContain("找不到表头");
    expect(named.stderr).not.toContain("工作簿中还有工作表");
    // the JSON's contract is unchanged: the problems alone
    const json = JSON.parse((await run("evaluate", path, "--json")).stdout);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["no-header-row"]);
  });
});
