/**
 * A cell a damaged sheet part gives twice (two <c r="B2">, or a row given twice holding the same cell) with other
 * values: the later is read, as before, and the clerk is told which cell, with both values — never a value lost
 * without a word. The same value given twice loses nothing and is not told.
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
