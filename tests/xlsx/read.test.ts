import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Grid } from "../../src/sheet/grid";
import { chooseSheet, readWorkbook } from "../../src/xlsx/reader";
import { readWorkbookFile } from "../../src/cli/workbookFile";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function gridsOf(workbook: ExcelJS.Workbook): Promise<Grid[]> {
  const result = await readWorkbook(await bytesOf(workbook));
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

describe("reading a sheet of an .xlsx into a grid", () => {
  test("values of every kind: numbers, text, booleans, formulas' cached results, rich text, errors, dates", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校");
    sheet.getCell("A1").value = "学校名称";
    sheet.getCell("B1").value = 1234.5;
    sheet.getCell("C1").value = true;
    sheet.getCell("D1").value = { formula: "B1*2", result: 2469 };
    sheet.getCell("E1").value = {
      richText: [{ text: "教学及" }, { font: { bold: true }, text: "辅助用房" }],
    };
    sheet.getCell("F1").value = { error: "#N/A" };
    sheet.getCell("G1").value = new Date(Date.UTC(2025, 8, 1));
    sheet.getCell("H1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("I1").value = { text: "链接", hyperlink: "https://example.org" };
    sheet.getCell("J1").value = { formula: "A1", result: undefined } as unknown as ExcelJS.CellValue;
    sheet.getCell("B2").value = { sharedFormula: "D1", result: 7 } as unknown as ExcelJS.CellValue;
    const [grid] = await gridsOf(workbook);
    expect(grid.sheet).toBe("学校");
    expect(grid.topLeft).toBe("A1");
    expect(grid.values[0][0]).toBe("学校名称");
    expect(grid.values[0][1]).toBe(1234.5);
    expect(grid.values[0][2]).toBe(true);
    expect(grid.values[0][3]).toBe(2469);
    expect(grid.values[0][4]).toBe("教学及辅助用房");
    expect(grid.values[0][5]).toEqual({ error: "#N/A" });
    expect(grid.values[0][6]).toEqual(new Date(Date.UTC(2025, 8, 1)));
    expect(grid.values[0][7]).toEqual({ error: "#DIV/0!" });
    expect(grid.values[0][8]).toBe("链接");
    // written without a result (never calculated): unknown, not blank
    expect(grid.values[0][9]).toEqual({ formula: "A1" });
    expect(grid.values[1][0]).toBeNull();
  });

  test("a merged range gives its value at the master cell only", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = "白狼县义务教育学校办学条件统计表";
    sheet.mergeCells("A1:D1");
    sheet.getCell("A2").value = "学校名称";
    sheet.getCell("D2").value = "学校类型";
    const [grid] = await gridsOf(workbook);
    expect(grid.values[0]).toEqual(["白狼县义务教育学校办学条件统计表"]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(grid.values[1]).toEqual(["学校名称", null, null, "学校类型"]);
  });

  test("hidden rows are listed as 0-based grid rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校");
    for (let r = 1; r <= 5; r++) sheet.getCell(r, 1).value = `第${r}行`;
    sheet.getRow(3).hidden = true;
    sheet.getRow(5).hidden = true;
    const [grid] = await gridsOf(workbook);
    expect(grid.values).toHaveLength(5);
    expect(grid.hiddenRows).toEqual([2, 4]);
  });

  test("the grid holds the cells from A1 that exist: rows without cells absent, rows ragged", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校");
    sheet.getCell("C2").value = 1;
    sheet.getCell("A4").value = "x";
    const [grid] = await gridsOf(workbook);
    expect(grid.values).toEqual([undefined, [null, null, 1], undefined, ["x"]]);
    expect(0 in grid.values).toBe(false);
    expect(grid.hiddenRows).toBeUndefined();
  });

  test("every sheet is read, in the workbook's order", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").getCell("A1").value = "填表说明";
    workbook.addWorksheet("学校").getCell("A1").value = "学校名称";
    const grids = await gridsOf(workbook);
    expect(grids.map((g) => g.sheet)).toEqual(["说明", "学校"]);
  });
});

describe("unreadable files are problems, not exceptions", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-xlsx-"));

  test("a missing file", async () => {
    const result = await readWorkbookFile(join(dir, "不存在.xlsx"));
    expect(result).toMatchObject({
      ok: false,
      problem: { severity: "error", code: "file-not-found", cell: null },
    });
  });

  test("a folder", async () => {
    const result = await readWorkbookFile(dir);
    expect(result).toMatchObject({ ok: false, problem: { code: "file-is-directory" } });
  });

  test("a text file: a text table is read by what it is, whatever its name; other text is no workbook", async () => {
    const path = join(dir, "notes.xlsx");
    writeFileSync(path, "学校名称,学校类型\n");
    expect(await readWorkbookFile(path)).toMatchObject({
      ok: true,
      grids: [{ sheet: "notes", values: [["学校名称", "学校类型"]] }],
    });
    const prose = join(dir, "说明.xlsx");
    writeFileSync(prose, "这不是表格。\n");
    expect(await readWorkbookFile(prose)).toMatchObject({ ok: false, problem: { code: "not-xlsx" } });
  });

  test("a damaged zip", async () => {
    const good = await bytesOf(Object.assign(new ExcelJS.Workbook(), {}));
    const damaged = Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 7)]);
    const result = await readWorkbook(damaged);
    expect(result).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
    if (!result.ok) expect(result.problem.message.zh).toContain("损坏");
  });

  test("a Compound File (an .xls, a password-protected workbook) with no valid header: damaged", async () => {
    // Compound Files that are whole: tests/xlsx/xls.test.ts
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const result = await readWorkbook(cfb);
    expect(result).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
    if (!result.ok) {
      expect(result.problem.message.zh).toContain("损坏");
      expect(result.problem.message.en).toContain("damaged");
    }
  });

  test("an empty file is said to be empty, not taken for a table in another format", async () => {
    const result = await readWorkbook(new Uint8Array(0));
    expect(result).toMatchObject({ ok: false, problem: { code: "not-xlsx" } });
    if (!result.ok) {
      expect(result.problem.message.zh).toContain("空的（0 字节）");
      expect(result.problem.message.zh).not.toContain(".csv");
      expect(result.problem.message.en).toContain("empty");
    }
    // a file with a few bytes of a text table is read as one
    const text = await readWorkbook(new TextEncoder().encode("学校名称,学校类型\n"));
    expect(text).toMatchObject({ ok: true, grids: [{ values: [["学校名称", "学校类型"]] }] });
  });
});

describe("choosing the sheet", () => {
  const grid = (sheet: string, first: string): Grid => ({ sheet, topLeft: "A1", values: [[first]] });
  const grids = [grid("说明", "填表说明"), grid("学校", "学校名称"), grid("汇总", "学校名称")];
  const hasHeader = (g: Grid) => g.values[0][0] === "学校名称";

  test("--sheet NAME picks that sheet", () => {
    expect(chooseSheet(grids, "汇总", hasHeader)).toEqual({ ok: true, grid: grids[2], problems: [] });
  });

  test("else the first sheet with a recognisable header, the later one with a header named", () => {
    expect(chooseSheet(grids, undefined, hasHeader)).toMatchObject({
      ok: true,
      grid: grids[1],
      problems: [{ code: "other-sheet-table", severity: "warning" }],
    });
    expect(chooseSheet(grids.slice(0, 2), undefined, hasHeader)).toEqual({
      ok: true,
      grid: grids[1],
      problems: [],
    });
  });

  test("else the first sheet", () => {
    expect(chooseSheet(grids, undefined, () => false)).toEqual({ ok: true, grid: grids[0], problems: [] });
  });

  test("a sheet name that is not there is a problem naming the sheets there are", () => {
    const result = chooseSheet(grids, "Sheet1", hasHeader);
    expect(result).toMatchObject({ ok: false, problem: { code: "sheet-not-found", severity: "error" } });
    if (!result.ok) expect(result.problem.message.zh).toContain("说明、学校、汇总");
  });
});

describe("the used range", () => {
  test("rows and columns that only carry formatting are left out", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学校");
    sheet.getCell("A1").value = "学校名称";
    sheet.getCell("B2").value = 3;
    sheet.getCell("F40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    sheet.getRow(5000).height = 30;
    const [grid] = await gridsOf(workbook);
    expect(grid.values).toEqual([["学校名称"], [null, 3]]);
  });

  test("an empty sheet is an empty grid", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("空");
    const [grid] = await gridsOf(workbook);
    expect(grid.values).toEqual([]);
  });
});

describe("any bytes", () => {
  test("give grids or a problem, never an exception", async () => {
    const fc = await import("fast-check");
    const valid = Buffer.from(
      await new ExcelJS.Workbook().xlsx.writeBuffer().catch(() => new ArrayBuffer(0)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom("", "PK\u0003\u0004", "cut"),
        async (bytes, prefix) => {
          const data =
            prefix === "cut"
              ? Buffer.concat([valid.subarray(0, Math.min(valid.length, bytes.length)), Buffer.from(bytes)])
              : Buffer.concat([Buffer.from(prefix, "latin1"), Buffer.from(bytes)]);
          const result = await readWorkbook(data);
          return result.ok ? Array.isArray(result.grids) : result.problem.severity === "error";
        },
      ),
      { numRuns: 60 },
    );
  });
});
