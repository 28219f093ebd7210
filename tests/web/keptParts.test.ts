/**
 * 下载工作簿 of a workbook holding what exceljs does not write again: a sheet's charts are carried into the file
 * downloaded, tied in whole (parts, relationships, content types) and numbered apart from the report's own
 * charts; what cannot be carried is named, and what is named is indeed what exceljs drops.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sheetParts } from "../../src/xlsx/charts";
import { partsNotCarried } from "../../src/xlsx/originalParts";
import { downloadBytes } from "../../src/web/download";
import { bookWith, packageProblems, plainBook, type PartKind } from "../xlsx/partsBook";
import { openedWorkbook, writeReport } from "./exportFonts";

/** The parts a sheet's drawing leads to, by the relationships, and the titles of its charts. */
function drawingOf(files: Record<string, Uint8Array>, sheet: string) {
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const part = sheetParts(text).get(sheet)!;
  const xml = text(part)!;
  const id = /<drawing r:id="([^"]+)"/.exec(xml)?.[1];
  if (!id) return null;
  const rels = text(part.replace(/([^/]+)$/, "_rels/$1.rels"))!;
  const target = new RegExp(`Id="${id}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(rels)![1];
  const drawing = `xl/drawings/${target}`;
  const drawingRels = text(drawing.replace(/([^/]+)$/, "_rels/$1.rels")) ?? "";
  const charts = [...drawingRels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => `xl/charts/${m[1]}`);
  const titles = charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(text(c)!)![1]);
  return { drawing, charts, titles };
}

describe("下载工作簿 of a workbook with charts", () => {
  it("carries the sheet's charts, their styles and shapes, tied in whole, and names nothing as lost", async () => {
    const bytes = await bookWith(["chart", "chart", "shape"]);
    const { bytes: out, notCarried } = await downloadBytes(bytes, await openedWorkbook(bytes));
    expect(notCarried).toEqual([]);
    expect(packageProblems(out)).toEqual([]);
    const files = unzipSync(out);
    const kept = drawingOf(files, "统计")!;
    expect(kept.titles).toEqual(["学生数 1", "学生数 2"]);
    const original = unzipSync(bytes);
    for (const [i, chart] of kept.charts.entries())
      expect(strFromU8(files[chart])).toBe(strFromU8(original[`xl/charts/chart${i + 1}.xml`]));
    expect(strFromU8(files[kept.drawing])).toContain("文本框 101");
    // each chart's style and colours came along
    expect(Object.keys(files).filter((n) => /^xl\/charts\/(style|colors)\d+\.xml$/.test(n))).toHaveLength(4);
    // exceljs reads it back: a well-formed workbook, its sheets whole
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("统计")!.getCell("B2").value).toBe(600);
  });

  it("numbers the carried parts apart from the report's charts, each drawing leading to its own", async () => {
    const bytes = await bookWith(["chart"]);
    const workbook = await openedWorkbook(bytes);
    await writeReport(workbook);
    const { bytes: out, notCarried } = await downloadBytes(bytes, workbook);
    expect(notCarried).toEqual([]);
    expect(packageProblems(out)).toEqual([]);
    const files = unzipSync(out);
    const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
    const drawings = [...sheetParts(text).keys()].map((s) => drawingOf(files, s)).filter((d) => d !== null);
    expect(drawings.length).toBeGreaterThan(1);
    expect(drawingOf(files, "统计")!.titles).toEqual(["学生数 1"]);
    const charts = drawings.flatMap((d) => d!.charts);
    expect(new Set(charts).size).toBe(charts.length);
    expect(new Set(drawings.map((d) => d!.drawing)).size).toBe(drawings.length);
  });

  it("names the chart it cannot carry: a sheet whose pictures exceljs writes in a drawing of its own", async () => {
    const bytes = await bookWith(["chart", "picture", "pivot"]);
    const { bytes: out, notCarried } = await downloadBytes(bytes, await openedWorkbook(bytes));
    expect(notCarried).toEqual([
      { kind: "chart", sheet: "统计", count: 1 },
      { kind: "pivotTable", sheet: "学校", count: 1 },
    ]);
    expect(packageProblems(out)).toEqual([]);
    const files = unzipSync(out);
    expect(drawingOf(files, "统计")!.charts).toEqual([]);
    expect(Object.keys(files).some((n) => n.startsWith("xl/media/"))).toBe(true);
  });
});

describe("what is named as not carried", () => {
  // each kind as exceljs 4.4 writes it again: had exceljs learnt to keep one, the notice would wrongly name it
  it.each<PartKind>([
    "chart",
    "shape",
    "pivot",
    "vba",
    "sparklines",
    "externalLink",
    "threadedComments",
    "customXml",
    "slicer",
    "formControl",
    "embeddedObject",
    "extValidation",
  ])("%s: exceljs indeed drops it", async (kind) => {
    const bytes = await bookWith([kind]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const written = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(partsNotCarried(unzipSync(bytes))).toHaveLength(1);
    expect(partsNotCarried(written)).toEqual([]);
  });
});

describe("下载工作簿 of a workbook written without a theme", () => {
  // LibreOffice and the Java libraries behind many statistics exports write no theme part; exceljs still links
  // one from the workbook it writes again, and Excel asks to repair a file whose part is missing
  it("is a whole package: every relationship leads to a part, every part has its type", async () => {
    const files = unzipSync(await plainBook());
    delete files["xl/theme/theme1.xml"];
    const unlink = (name: string, pattern: RegExp) => {
      const before = strFromU8(files[name]);
      const after = before.replace(pattern, "");
      expect(after).not.toBe(before);
      files[name] = strToU8(after);
    };
    unlink("xl/_rels/workbook.xml.rels", /<Relationship\b[^>]*theme1\.xml"\/>/);
    unlink("[Content_Types].xml", /<Override\b[^>]*theme1\.xml"[^>]*\/>/);
    const bytes = zipSync(files);
    expect(packageProblems(bytes)).toEqual([]);
    const { bytes: out } = await downloadBytes(bytes, await openedWorkbook(bytes));
    expect(packageProblems(out)).toEqual([]);
    expect(Object.keys(unzipSync(out))).toContain("xl/theme/theme1.xml");
  });
});

describe("下载工作簿 keeps the original's defined names", () => {
  const names = [
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'统计'!$A:$C</definedName>`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'统计'!$1:$1</definedName>`,
    `<definedName name="_xlnm.Print_Area" localSheetId="1">学校!$A$1:$F$20,学校!$H$1:$J$20</definedName>`,
    `<definedName name="小计" localSheetId="1">学校!$B$2</definedName>`,
    `<definedName name="学生总数">'统计'!$B$2:$B$4</definedName>`,
  ];
  const definedNames = (files: Record<string, Uint8Array>) =>
    [...strFromU8(files["xl/workbook.xml"]).matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) =>
      m[0].replace(/&apos;/g, "'"),
    );

  it("print areas of whole columns and of several ranges, a sheet's own names, beside the report's titles", async () => {
    const files = unzipSync(await plainBook());
    const workbookXml = strFromU8(files["xl/workbook.xml"]).replace(
      /<definedNames>[\s\S]*?<\/definedNames>/,
      "",
    );
    files["xl/workbook.xml"] = strToU8(
      workbookXml.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`),
    );
    const bytes = zipSync(files);
    const workbook = await openedWorkbook(bytes);
    await writeReport(workbook);
    const { bytes: out } = await downloadBytes(bytes, workbook);
    expect(packageProblems(out)).toEqual([]);
    const written = definedNames(unzipSync(out));
    // every name as the clerk's workbook had it (its two sheets stay first, in their order)
    expect(written.slice(0, names.length)).toEqual(names);
    // and the print titles of the report's sheets, each on a sheet after the original two
    const rest = written.slice(names.length);
    expect(rest.length).toBeGreaterThan(0);
    for (const name of rest) {
      expect(name).toMatch(/name="_xlnm\.Print_Titles" localSheetId="(\d+)"/);
      expect(Number(/localSheetId="(\d+)"/.exec(name)![1])).toBeGreaterThanOrEqual(2);
    }
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("统计")!.getCell("B2").value).toBe(600);
  });
});
