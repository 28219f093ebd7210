/**
 * OpenDocument spreadsheets (.ods), what LibreOffice saves by default: the sample county saved as .ods by
 * LibreOffice reads as the sample itself, and a content.xml written here states the bytes of each feature read —
 * repeated rows and cells, merged and covered cells, hidden sheets, rows and columns, values by type.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { readWorkbook } from "../../src/xlsx/reader";
import type { Grid } from "../../src/sheet/grid";
import { isSpreadsheetName } from "../../src/xlsx/spreadsheetFiles";

const ROOT = path.join(__dirname, "..", "..");

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" ' +
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3"';

/** An .ods of these tables (the children of office:spreadsheet) and automatic styles. */
function ods(tables: string, styles = "", mimetype = "application/vnd.oasis.opendocument.spreadsheet") {
  return zipSync(
    {
      mimetype: [strToU8(mimetype), { level: 0 }],
      "content.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>` +
          `<office:automatic-styles>${styles}</office:automatic-styles>` +
          `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
      ),
      "META-INF/manifest.xml": strToU8("<manifest:manifest/>"),
    },
    { mtime: new Date(Date.UTC(2025, 0, 1)) },
  );
}

/** The same document flat, as one XML file (.fods), its root saying what it is by `mimetype`. */
function flat(tables: string, styles = "", mimetype = "application/vnd.oasis.opendocument.spreadsheet") {
  return strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:mimetype="${mimetype}">` +
      `<office:automatic-styles>${styles}</office:automatic-styles>` +
      `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>`,
  );
}

async function gridsOf(bytes: Uint8Array): Promise<Grid[]> {
  const result = await readWorkbook(bytes, { name: "白狼县.ods" });
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

const float = (n: number) =>
  `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
const text = (t: string) =>
  `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;

describe("an OpenDocument spreadsheet", () => {
  test("the sample county saved as .ods by LibreOffice reads as the sample", async () => {
    const original = await readWorkbook(readFileSync(path.join(ROOT, "examples", "sample-county.xlsx")));
    const saved = await readWorkbook(
      readFileSync(path.join(ROOT, "tests", "fixtures", "ods", "sample-county.ods")),
      {
        name: "sample-county.ods",
      },
    );
    expect(original.ok).toBe(true);
    expect(saved).toEqual(original);
  });

  test("repeated rows and cells laid out, the empty ones to the sheet's end costing nothing", async () => {
    const [grid] = await gridsOf(
      ods(
        '<table:table table:name="学校"><table:table-column table:number-columns-repeated="16384"/>' +
          `<table:table-row>${text("学校名称")}<table:table-cell table:number-columns-repeated="2"/>${text("学生数")}` +
          '<table:table-cell table:number-columns-repeated="16380"/></table:table-row>' +
          `<table:table-row table:number-rows-repeated="2">${text("乌兰小学")}` +
          '<table:table-cell office:value-type="float" office:value="12" table:number-columns-repeated="2"><text:p>12</text:p></table:table-cell>' +
          '<table:table-cell table:number-columns-repeated="16381"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
          `<table:table-row>${float(7)}</table:table-row>` +
          "</table:table>",
      ),
    );
    expect(grid.sheet).toBe("学校");
    expect(grid.values.length).toBe(1048574);
    expect(grid.values.slice(0, 3)).toEqual([
      ["学校名称", null, null, "学生数"],
      ["乌兰小学", 12, 12],
      ["乌兰小学", 12, 12],
    ]);
    expect(grid.values[1048573]).toEqual([7]);
  });

  test("values by type: percentage, currency, date, time, boolean, error, text in paragraphs and spaces", async () => {
    const [grid] = await gridsOf(
      ods(
        '<table:table table:name="值"><table:table-row>' +
          '<table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12.50%</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="currency" office:currency="CNY" office:value="415.27"><text:p>¥415.27</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="date" office:date-value="2024-09-01"><text:p>2024年9月1日</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="time" office:time-value="PT12H30M00S"><text:p>12:30</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>' +
          '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="string"><text:p>教学及<text:s text:c="2"/><text:span>辅助用房</text:span></text:p><text:p>面积</text:p>' +
          "<office:annotation><text:p>批注</text:p></office:annotation></table:table-cell>" +
          '<table:table-cell table:formula="of:=SUM([.A1:.A2])" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>' +
          "</table:table-row></table:table>",
      ),
    );
    expect(grid.values).toEqual([
      [
        0.125,
        415.27,
        new Date(Date.UTC(2024, 8, 1)),
        new Date(Date.UTC(1899, 11, 30, 12, 30)),
        true,
        { error: "#DIV/0!" },
        "教学及  辅助用房\n面积",
        3,
      ],
    ]);
  });

  test("merged cells, covered cells cleared; hidden rows, columns and sheets", async () => {
    const grids = await gridsOf(
      ods(
        '<table:table table:name="旧表" table:style-name="ta2"><table:table-row>' +
          text("去年") +
          "</table:table-row></table:table>" +
          '<table:table table:name="学校" table:style-name="ta1">' +
          '<table:table-column/><table:table-column table:visibility="collapsed"/><table:table-column/>' +
          '<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="1"><text:p>白狼县统计表</text:p></table:table-cell>' +
          '<table:covered-table-cell office:value-type="string"><text:p>旧值</text:p></table:covered-table-cell><table:covered-table-cell/></table:table-row>' +
          `<table:table-row table:visibility="collapsed">${text("隐藏")}</table:table-row>` +
          `<table:table-row>${float(1)}${float(2)}${float(3)}</table:table-row>` +
          "</table:table>",
        '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
          '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>',
      ),
    );
    expect(grids.map((g) => [g.sheet, g.visibility])).toEqual([
      ["旧表", "hidden"],
      ["学校", undefined],
    ]);
    const grid = grids[1];
    expect(grid.values).toEqual([["白狼县统计表"], ["隐藏"], [1, 2, 3]]);
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(grid.hiddenRows).toEqual([1]);
    expect(grid.hiddenColumns).toEqual([1]);
  });

  test("an OpenDocument text with a table is no spreadsheet; an .ods without tables says to save as .xlsx", async () => {
    const textDocument = await readWorkbook(
      ods(
        `<table:table table:name="表1"><table:table-row>${text("学校名称")}</table:table-row></table:table>`,
        "",
        "application/vnd.oasis.opendocument.text",
      ),
    );
    expect(textDocument.ok).toBe(false);
    const empty = await readWorkbook(ods(""));
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(empty.problem.message.zh).toContain("另存为 .xlsx");
  });

  test("a flat OpenDocument spreadsheet (.fods) reads as the same tables zipped; a flat text is no table", async () => {
    const tables =
      '<table:table table:name="学校" table:style-name="ta1"><table:table-column table:number-columns-repeated="3"/>' +
      `<table:table-row>${text("学校名称")}${text("学生数")}</table:table-row>` +
      `<table:table-row table:number-rows-repeated="2">${text("乌兰小学")}${float(300)}</table:table-row>` +
      '<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="3"/></table:table-row>' +
      "</table:table>" +
      `<table:table table:name="旧表" table:style-name="ta2"><table:table-row>${text("去年")}</table:table-row></table:table>`;
    const styles =
      '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>' +
      '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    const zipped = await readWorkbook(ods(tables, styles));
    const flatRead = await readWorkbook(flat(tables, styles), { name: "白狼县.fods" });
    expect(zipped.ok).toBe(true);
    expect(flatRead).toEqual(zipped);
    const textDocument = await readWorkbook(flat(tables, styles, "application/vnd.oasis.opendocument.text"));
    expect(textDocument.ok).toBe(false);
    if (textDocument.ok) return;
    expect(textDocument.problem.message.zh).toMatch(/^该文件是 OpenDocument 文件.*另存为 \.xlsx/);
    // listed among a folder's spreadsheets and shown by the file choosers, as an .ods is
    expect([isSpreadsheetName("白狼县.fods"), isSpreadsheetName("白狼县.ods")]).toEqual([true, true]);
  });

  test("a row with a value repeated past what any table holds is damage, said so, never a hang", async () => {
    const result = await readWorkbook(
      ods(
        '<table:table table:name="学校"><table:table-row table:number-rows-repeated="1000000">' +
          '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"><text:p>1</text:p></table:table-cell>' +
          "</table:table-row></table:table>",
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("xlsx-corrupt");
    expect(result.problem.message.zh).toMatch(/^工作簿已损坏.*工作表“学校”/);
  });
});
