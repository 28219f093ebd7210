/**
 * What of a clerk's workbook exceljs does not write again (src/xlsx/originalParts.ts): named from the original
 * archive's parts, sheet by sheet, each kind in a workbook built to hold it as Excel writes it.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { partsNotCarried } from "../../src/xlsx/originalParts";
import { notCarriedText } from "../../src/i18n/notCarried";
import { bookWith, plainBook, type PartKind } from "./partsBook";

const found = async (kinds: PartKind[]) => partsNotCarried(unzipSync(await bookWith(kinds)));

describe("partsNotCarried", () => {
  it("finds nothing in a workbook exceljs writes whole, pictures included", async () => {
    expect(partsNotCarried(unzipSync(await plainBook()))).toEqual([]);
    expect(await found(["picture"])).toEqual([]);
  });

  it.each<[PartKind, object]>([
    ["chart", { kind: "chart", sheet: "统计", count: 1 }],
    ["shape", { kind: "shape", sheet: "统计", count: 1 }],
    ["pivot", { kind: "pivotTable", sheet: "学校", count: 1 }],
    ["sparklines", { kind: "sparklines", sheet: "统计", count: 1 }],
    ["threadedComments", { kind: "threadedComment", sheet: "统计", count: 1 }],
    ["slicer", { kind: "slicer", sheet: "统计", count: 1 }],
    ["formControl", { kind: "formControl", sheet: "统计", count: 1 }],
    ["embeddedObject", { kind: "embeddedObject", sheet: "统计", count: 1 }],
    ["extValidation", { kind: "extValidation", sheet: "统计", count: 1 }],
    ["vba", { kind: "macros", sheet: null, count: 1 }],
    ["externalLink", { kind: "externalLink", sheet: null, count: 1 }],
    ["customXml", { kind: "customXml", sheet: null, count: 1 }],
  ])("names %s, on the sheet that holds it", async (kind, item) => {
    expect(await found([kind])).toEqual([item]);
  });

  it("counts each kind on its sheet, the sheets in the workbook's order, the workbook's own last", async () => {
    const items = await found(["vba", "pivot", "chart", "picture", "chart", "shape"]);
    expect(items).toEqual([
      { kind: "chart", sheet: "统计", count: 2 },
      { kind: "shape", sheet: "统计", count: 1 },
      { kind: "pivotTable", sheet: "学校", count: 1 },
      { kind: "macros", sheet: null, count: 1 },
    ]);
    expect(notCarriedText(items, "zh")).toBe(
      "工作表“统计”中的 2 个图表、1 个形状或文本框；工作表“学校”中的 1 个数据透视表；宏（VBA 工程）",
    );
    expect(notCarriedText(items, "en")).toBe(
      "on sheet 统计: 2 charts, 1 shape or text box; on sheet 学校: 1 pivot table; the macros (VBA project)",
    );
  });

  it("names a chart sheet whole, and says nothing of a file that is no .xlsx archive", async () => {
    const files = unzipSync(await plainBook());
    const rels = new TextDecoder().decode(files["xl/_rels/workbook.xml.rels"]);
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      rels.replace(/Target="worksheets\/sheet2.xml"/, 'Target="chartsheets/sheet1.xml"'),
    );
    expect(partsNotCarried(unzipSync(zipSync(files)))).toEqual([
      { kind: "chartSheet", sheet: "学校", count: 1 },
    ]);
    expect(partsNotCarried({})).toEqual([]);
    expect(partsNotCarried({ "word/document.xml": strToU8("<w:document/>") })).toEqual([]);
  });

  it("reads a relationship whose target holds a stray % as written, never failing the download", async () => {
    const files = unzipSync(await bookWith(["chart"]));
    const rels = "xl/worksheets/_rels/sheet1.xml.rels";
    files[rels] = strToU8(new TextDecoder().decode(files[rels]).replace("drawing1.xml", "drawing%1.xml"));
    files["xl/drawings/drawing%1.xml"] = files["xl/drawings/drawing1.xml"];
    files["xl/drawings/_rels/drawing%1.xml.rels"] = files["xl/drawings/_rels/drawing1.xml.rels"];
    expect(partsNotCarried(files)).toEqual([{ kind: "chart", sheet: "统计", count: 1 }]);
  });
});
