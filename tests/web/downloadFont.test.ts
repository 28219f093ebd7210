/**
 * 下载工作簿 and the default font: a workbook whose default font (its Normal style, the first font of styles.xml)
 * is 宋体 12 keeps it in the download, and the report sheets' columns are written to draw as many pixels under it
 * as under the report's own 宋体 10, so that they print on the pages the report sets. The figures are worked out
 * by hand from ECMA-376 Part 1, §18.3.1.13 (col, width): pixels = Truncate(((256·width + Truncate(128/mdw)) / 256)
 * · mdw), mdw the widest digit of the default font in pixels at 96 dpi.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { columnPixels, maxDigitWidth, widthUnderFont } from "../../src/xlsx/digitWidth";
import { SONG_12, download, exportFile } from "./exportFonts";

const firstFont = (bytes: Uint8Array) =>
  /<fonts[^>]*>(<font>[\s\S]*?<\/font>)/.exec(strFromU8(unzipSync(bytes)["xl/styles.xml"]))?.[1];

async function widths(bytes: Uint8Array, sheet: string, columns: number[]): Promise<(number | undefined)[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.getWorksheet(sheet)!;
  return columns.map((c) => ws.getColumn(c).width);
}

describe("column widths under a default font, as Excel works them out", () => {
  it("the widest digit in pixels: the standard's Calibri 11, 宋体 at 10, 11 and 12 points", () => {
    // ECMA-376's own example: Calibri 11 is 7 px
    expect(maxDigitWidth({ name: "Calibri", size: 11 })).toBe(7);
    // 宋体 10 is 13 px, half of it 6.5 → 7; 11 is 14.67 → 15 px, 7.5 → 8 (Chinese Excel's 8.38, 72 px); 12 is 16 → 8
    expect(maxDigitWidth({ name: "宋体", size: 10 })).toBe(7);
    expect(maxDigitWidth({ name: "宋体", size: 11 })).toBe(8);
    expect(maxDigitWidth({ name: "SimSun", size: 12 })).toBe(8);
    // Arial 10: 13.33 px × 1139/2048 = 7.41 → 7
    expect(maxDigitWidth({ name: "Arial", size: 10 })).toBe(7);
  });

  it("a width drawn as the same pixels under another font", () => {
    // the standard's example: 8.7109375 at 7 px a digit is 61 px
    expect(columnPixels(8.7109375, 7)).toBe(61);
    // 24 at 7 px: Truncate((6144 + 18) / 256 × 7) = 168 px; at 8 px: 168 / 8 = 21 less 16/256 = 20.9375
    expect(widthUnderFont(24, 7, 8)).toBe(20.9375);
    expect(columnPixels(20.9375, 8)).toBe(168);
    // 5 at 7 px: Truncate(1298 / 256 × 7) = 35 px; at 8 px: (35 × 32 − 16) / 256 = 4.3125
    expect(widthUnderFont(5, 7, 8)).toBe(4.3125);
    expect(widthUnderFont(24, 7, 7)).toBe(24);
  });
});

describe("下载工作簿 of a workbook whose default font is not the report's", () => {
  it("keeps 宋体 12 as the default font, and the report's columns draw as wide as in the report", async () => {
    const { bytes } = await download(await exportFile(SONG_12));
    expect(firstFont(bytes)).toBe(SONG_12);
    // the clerk's own width stays as it was, in the clerk's font
    expect(await widths(bytes, "学校", [2])).toEqual([20]);
    // 达标情况: 序号 5 and 学校名称 21 in the report (7 px a digit) → 35 px and 147 px at 8 px a digit
    expect(await widths(bytes, "达标情况", [1, 2])).toEqual([4.3125, 18.3125]);
  });

  it("under Calibri 11, 7 px a digit like 宋体 10, the report's own widths", async () => {
    const { bytes } = await download(await exportFile());
    expect(firstFont(bytes)).toMatch(/<name val="Calibri"\/>/);
    expect(await widths(bytes, "达标情况", [1, 2])).toEqual([5, 21]);
  });
});
