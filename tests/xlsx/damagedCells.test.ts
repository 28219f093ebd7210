/**
 * Cells a damaged sheet part puts out of place. A cell given twice (two <c r="B2">, or a row given twice holding the same cell) with other
 * values: the later is read, as before, and the clerk is told which cell, with both values — never a value lost
 * without a word. The same value given twice loses nothing and is not told. A cell outside any <row> is placed by
 * its own reference; one inside a <row> whose reference names another row is read in its row, and told.
 */
import { chooseSheet, readWorkbook } from "../../src/xlsx/reader";
import { rawWorkbook, sheetData } from "./rawWorkbook";

async function gridOf(rows: string[]) {
  const read = await readWorkbook(rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(rows) }] }));
  if (!read.ok) throw new Error(read.problem.message.en);
  return read.grids[0];
}

describe("a cell given twice", () => {
  it("in one row: the later value is read, and the cell is named with both values", async () => {
    const grid = await gridOf([
      '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1"><v>1</v></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>甲小学</t></is></c><c r="B2"><v>120</v></c><c r="B2"><v>210</v></c></row>',
    ]);
    expect(grid.values[1]).toEqual(["甲小学", 210]);
    expect(grid.notes).toEqual([
      expect.objectContaining({ severity: "warning", code: "cell-given-twice", cell: "学校!B2" }),
    ]);
    expect(grid.notes![0].message.zh).toBe(
      "学校!B2 在文件中出现了两次，先为 120，后为 210，已按后者读取。文件可能已损坏：请在 Excel 或 WPS 中打开，核对后另存",
    );
    expect(grid.notes![0].message.en).toContain("first as 120, then as 210");
  });

  it("in a row given twice: counted over the sheet, the first named, texts quoted", async () => {
    const grid = await gridOf([
      '<row r="3"><c r="A3" t="inlineStr"><is><t>甲小学</t></is></c><c r="C3"><v>5</v></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>乙小学</t></is></c><c r="C3"><v>6</v></c></row>',
    ]);
    expect(grid.values[2]).toEqual(["乙小学", null, 6]);
    expect(grid.notes).toHaveLength(1);
    expect(grid.notes![0]).toMatchObject({ code: "cell-given-twice", cell: "学校!A3" });
    expect(grid.notes![0].message.zh).toContain("先为 “甲小学”，后为 “乙小学”");
    expect(grid.notes![0].message.zh).toContain("（工作表“学校”共有 2 个这样的单元格）");
  });

  it("with the same value twice, or in two rows apart, tells nothing", async () => {
    const grid = await gridOf([
      '<row r="1"><c r="A1"><v>7</v></c><c r="A1"><v>7</v></c></row>',
      '<row r="2"><c r="A2"><v>8</v></c></row>',
    ]);
    expect(grid.values).toEqual([[7], [8]]);
    expect(grid.notes).toBeUndefined();
  });

  it("is told with the problems of choosing the sheet, as every host reads them", async () => {
    const read = await readWorkbook(
      rawWorkbook({
        sheets: [
          {
            name: "学校",
            xml: sheetData(['<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>']),
          },
        ],
      }),
    );
    if (!read.ok) throw new Error(read.problem.message.en);
    const chosen = chooseSheet(read.grids, "学校", () => true);
    expect(chosen.ok && chosen.problems.map((p) => p.code)).toContain("cell-given-twice");
  });
});

describe("a cell out of its row", () => {
  it("outside any <row>, each cell is placed by its own reference", async () => {
    const grid = await gridOf(['<c r="A1"><v>1</v></c><c r="A2"><v>2</v></c><c r="B3"><v>3</v></c>']);
    expect(grid.values).toEqual([[1], [2], [null, 3]]);
    expect(grid.notes).toBeUndefined();
  });

  it("inside a <row> of another number: read in the row it is written in, and named", async () => {
    const grid = await gridOf([
      '<row r="5"><c r="C7"><v>9</v></c><c r="D5"><v>4</v></c></row>',
      '<row r="6"><c r="A9"><v>1</v></c></row>',
    ]);
    expect(grid.values[4]).toEqual([null, null, 9, 4]);
    expect(grid.values[5]).toEqual([1]);
    expect(grid.notes).toEqual([
      expect.objectContaining({ severity: "warning", code: "cell-off-its-row", cell: "学校!C5" }),
    ]);
    expect(grid.notes![0].message.zh).toBe(
      "单元格 C7 写在工作表“学校”第 5 行之内，已按所在的行读作 学校!C5（共有 2 个这样的单元格）。文件可能已损坏：请在 Excel 或 WPS 中打开，核对后另存",
    );
  });
});
