/**
 * Hidden rows and columns in the add-in and the web app: the Office.js host learns them from Range.rowHidden and
 * columnHidden (ExcelApi 1.2), so that the reader warns of a hidden row and reads the visible copy of a repeated
 * column, as it does for an .xlsx file; the double keeps Office's answers (all, none, or null for some).
 */
import { doubleHost } from "../../src/excel/double/host";
import { ExcelDouble } from "../../src/excel/double/excel";
import { memoryWorkbook } from "../../src/excel/memory/memoryHost";
import { columnLetters, type Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { doubleFromGrids } from "../../src/web/workbook";
import { gridOf, randomCounty } from "./county";

const TEACHING_AREA = TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea");

/** A county's sheet (title, header, 12 schools) with a stale copy of 教学及辅助用房面积 at its right: all 1s. */
function withStaleCopy(): Grid {
  const grid = gridOf(randomCounty(12, 5));
  const width = Math.max(...grid.values.map((row) => row.length));
  grid.values = grid.values.map((row, r) => {
    const padded = [...row, ...Array<null>(width - row.length).fill(null)];
    return [...padded, r === 0 ? null : r === 1 ? row[TEACHING_AREA] : 1];
  });
  return grid;
}

function doubleOf(grid: Grid): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheetWithValues(grid.sheet, grid.values as unknown[][]);
  return excel;
}

/** How many syncs reading the sheet took, and the grid read. */
async function readCounted(excel: ExcelDouble, sees = true): Promise<{ grid: Grid; syncs: number }> {
  const before = excel.syncCount;
  const grid = await doubleHost(excel, { seesHiddenLines: () => sees }).readTable("usedRange");
  return { grid, syncs: excel.syncCount - before };
}

describe("the double keeps Office's rowHidden and columnHidden", () => {
  test("true when every line is hidden, false when none, null when some; set on a range, read on its lines", async () => {
    const excel = doubleOf({ sheet: "S", topLeft: "A1", values: [[1, 2, 3]] });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("B:C").columnHidden = true;
      ws.getRange("2:2").rowHidden = true;
      await context.sync();
      const whole = ws.getRange("A1:C3").load("rowHidden,columnHidden");
      const two = ws.getRange("B1:C1").load("columnHidden");
      const first = ws.getRange("A1:A3").load("columnHidden,rowHidden");
      const rowTwo = ws.getRange("A1:C3").getRow(1).load("rowHidden,address");
      const columnC = ws.getRange("A1:C3").getColumn(2).load("columnHidden,address");
      await context.sync();
      expect([whole.rowHidden, whole.columnHidden]).toEqual([null, null]);
      expect(two.columnHidden).toBe(true);
      expect([first.columnHidden, first.rowHidden]).toEqual([false, null]);
      expect([rowTwo.address, rowTwo.rowHidden]).toEqual(["S!A2:C2", true]);
      expect([columnC.address, columnC.columnHidden]).toEqual(["S!C1:C3", true]);
      ws.getRange("C1").columnHidden = false;
      await context.sync();
      const after = ws.getRange("A1:C1").load("columnHidden");
      await context.sync();
      expect(after.columnHidden).toBe(null);
      expect([...excel.model.requireSheet("S").hiddenColumns]).toEqual([1]);
    });
  });
});

describe("the add-in's host reads which rows and columns are hidden", () => {
  test("a stale hidden copy of a column is passed over and a hidden row warned of, as for the same sheet in a file", async () => {
    const grid = withStaleCopy();
    const copy = grid.values[1].length - 1;
    const excel = doubleOf(grid);
    const sheet = excel.model.requireSheet("学校");
    sheet.hiddenColumns.add(copy);
    sheet.hiddenRows.add(5);
    const { grid: read, syncs } = await readCounted(excel);
    expect(read.hiddenColumns).toEqual([copy]);
    expect(read.hiddenRows).toEqual([5]);
    // size and flags, values, then the lines asked one by one (columns and rows in one request)
    expect(syncs).toBe(3);

    const inPane = readSchoolTable(read);
    const asFile = readSchoolTable({ ...grid, hiddenColumns: [copy], hiddenRows: [5] });
    expect(inPane.records).toEqual(asFile.records);
    expect(inPane.problems).toEqual(asFile.problems);
    // the figures are the visible column's, not the copy's 1s
    expect(inPane.records.map((r) => r.facilities.teachingArea)).toEqual(
      grid.values.slice(2).map((row) => row[TEACHING_AREA]),
    );
    expect(inPane.problems.map((p) => [p.code, p.cell])).toEqual([
      ["duplicate-column", `学校!${columnLetters(copy)}2`],
      ["hidden-row", "学校!A6"],
    ]);
    expect(inPane.problems[0].message.zh).toContain("隐藏列");
  });

  test("where the original is the hidden column, the visible copy is read and the warning says so", async () => {
    const grid = withStaleCopy();
    const excel = doubleOf(grid);
    excel.model.requireSheet("学校").hiddenColumns.add(TEACHING_AREA);
    const { grid: read } = await readCounted(excel);
    expect(read.hiddenColumns).toEqual([TEACHING_AREA]);
    expect(read.hiddenRows).toBeUndefined();
    const result = readSchoolTable(read);
    expect(result.records.map((r) => r.facilities.teachingArea)).toEqual(grid.values.slice(2).map(() => 1));
    expect(result.problems.find((p) => p.code === "duplicate-column")?.message.en).toContain(
      "a hidden column",
    );
  });

  test("nothing hidden costs no request more; every row hidden needs no line asked", async () => {
    const grid = withStaleCopy();
    const plain = await readCounted(doubleOf(grid));
    expect(plain.syncs).toBe(2);
    expect(plain.grid.hiddenRows).toBeUndefined();
    expect(plain.grid.hiddenColumns).toBeUndefined();

    const excel = doubleOf(grid);
    for (let r = 0; r < grid.values.length; r++) excel.model.requireSheet("学校").hiddenRows.add(r);
    const all = await readCounted(excel);
    expect(all.syncs).toBe(2);
    expect(all.grid.hiddenRows).toEqual(grid.values.map((_, r) => r));
  });

  test("rows are asked 10,000 to a request", async () => {
    const values = Array.from({ length: 25_000 }, (_, r) => [`学校${r}`, r]);
    const excel = doubleOf({ sheet: "学校", topLeft: "A1", values });
    const hidden = [3, 9_999, 10_000, 24_999];
    for (const r of hidden) excel.model.requireSheet("学校").hiddenRows.add(r);
    const { grid, syncs } = await readCounted(excel);
    expect(grid.hiddenRows).toEqual(hidden);
    expect(grid.hiddenColumns).toBeUndefined();
    const valueSyncs = (await readCounted(doubleOf({ sheet: "学校", topLeft: "A1", values }))).syncs;
    expect(syncs - valueSyncs).toBe(3);
  });

  test("a host without ExcelApi 1.2 reads as before: nothing said hidden, no request more", async () => {
    const grid = withStaleCopy();
    const excel = doubleOf(grid);
    excel.model.requireSheet("学校").hiddenColumns.add(TEACHING_AREA);
    const { grid: read, syncs } = await readCounted(excel, false);
    expect(read.hiddenColumns).toBeUndefined();
    expect(syncs).toBe(2);
  });
});

describe("the web app keeps a file's hidden rows and columns", () => {
  test("a workbook opened from disk is read back with the rows and columns the file hides", async () => {
    const grid = withStaleCopy();
    const copy = grid.values[1].length - 1;
    const fromFile: Grid = { ...grid, hiddenColumns: [copy], hiddenRows: [4, 7] };
    const excel = doubleFromGrids([fromFile]);
    const { host } = memoryWorkbook(excel, { displayLanguage: () => "zh-CN", theme: () => "light" });
    const read = await host.readSheet("学校");
    expect(read.hiddenColumns).toEqual([copy]);
    expect(read.hiddenRows).toEqual([4, 7]);
    expect(readSchoolTable(read).problems).toEqual(readSchoolTable(fromFile).problems);
  });
});
