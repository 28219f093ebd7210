/**
 * Tables in the formats systems export as "Excel" (src/xlsx/reader/otherFormats.ts): a text table (.csv, .tsv,
 * Excel's "Unicode text"), a web page saved as ".xls", an Excel 2003 XML spreadsheet. The fixtures are the same
 * workbooks as LibreOffice and iconv save them (scripts/make-text-format-fixtures.mjs); each must read as the
 * .xlsx of the same workbook reads. The small cases are written by hand, their grids worked out by hand.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CellValue, Grid, MergedRange } from "../../src/sheet/grid";
import { readWorkbook } from "../../src/xlsx/reader";
import { run, tempDir } from "../cli/helpers";

const FIXTURES = path.join(__dirname, "fixtures/text");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function gridsOf(data: Uint8Array, name?: string): Promise<Grid[]> {
  const result = await readWorkbook(data, { name });
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

async function gridOf(text: string | Uint8Array, name?: string): Promise<Grid> {
  const grids = await gridsOf(typeof text === "string" ? utf8(text) : text, name);
  expect(grids).toHaveLength(1);
  return grids[0];
}

async function problemOf(data: Uint8Array, name?: string) {
  const result = await readWorkbook(data, { name });
  if (result.ok) throw new Error("read, though it should not have been");
  return result.problem;
}

/** The cells of a grid that hold something, by 0-based row and column: blanks and short rows alike left out. */
function filled(grid: Grid): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  grid.values.forEach((row, r) =>
    (row ?? []).forEach((value, c) => {
      if (value !== null && value !== undefined) cells[`${r},${c}`] = value;
    }),
  );
  return cells;
}

const sorted = (merges: MergedRange[] = []) => [...merges].sort((a, b) => a.top - b.top || a.left - b.left);

describe("the same workbook as another writer saves it in the formats systems export", () => {
  const CASES: [string, string, boolean][] = [
    // file, the .xlsx it was saved from, whether its format keeps merged cells
    ["sample-utf8.csv", "sample.xlsx", false],
    ["sample-gbk.csv", "sample.xlsx", false],
    ["sample-utf16.txt", "sample.xlsx", false],
    ["sample-web.xls", "sample.xlsx", true],
    ["sample-2003.xml", "sample.xlsx", true],
    ["export-utf8.csv", "export.xlsx", false],
    ["export.html", "export.xlsx", true],
    ["export-2003.xml", "export.xlsx", true],
  ];

  it.each(CASES)("%s reads as the cells of %s", async (file, xlsx, keepsMerges) => {
    const [expected] = await gridsOf(fixture(xlsx));
    const [grid, ...more] = await gridsOf(fixture(file), file);
    expect(more).toHaveLength(0);
    expect(filled(grid)).toEqual(filled(expected));
    if (keepsMerges) expect(sorted(grid.merges)).toEqual(sorted(expected.merges));
    else expect(grid.merges).toBeUndefined();
  });

  it("names the sheet as the file says: Excel 2003 XML by its own name, a text table by the file's", async () => {
    expect((await gridsOf(fixture("export-2003.xml"), "x.xml"))[0].sheet).toBe("学校基本情况");
    expect((await gridsOf(fixture("sample-gbk.csv"), "/county/白狼县 2025.csv"))[0].sheet).toBe(
      "白狼县 2025",
    );
    expect((await gridsOf(fixture("sample-gbk.csv")))[0].sheet).toBe("Sheet1");
    expect((await gridsOf(fixture("sample-web.xls"), "C:\\导出\\学校[1].xls"))[0].sheet).toBe("学校_1_");
  });
});

describe("balance evaluate on the sample county in each format", () => {
  const dir = tempDir();
  /** The file copied under a name whose stem is the sheet's name in the .xlsx (学校), as the cells name it. */
  const asSchools = (file: string) => {
    const copy = path.join(dir, `学校${path.extname(file)}`);
    copyFileSync(path.join(FIXTURES, file), copy);
    return copy;
  };
  const evaluate = async (file: string) => {
    const r = await run("evaluate", file, "--json");
    return { code: r.code, json: JSON.parse(r.stdout) };
  };

  let expected: { code: number; json: Record<string, unknown> };
  beforeAll(async () => {
    expected = await evaluate(path.join(FIXTURES, "sample.xlsx"));
  });

  it.each([
    ["sample-utf8.csv", true],
    ["sample-gbk.csv", true],
    ["sample-utf16.txt", true],
    ["sample-web.xls", false],
    ["sample-2003.xml", false],
  ])("%s gives the .xlsx's result", async (file, isTextTable) => {
    const got = await evaluate(asSchools(file));
    expect(got.code).toBe(expected.code);
    const told = (got.json.problems as { code: string }[]).filter((p) => p.code === "text-table");
    // a text table's loss is said once; a web page or an XML spreadsheet loses nothing the table needs
    expect(told).toHaveLength(isTextTable ? 1 : 0);
    const problems = (got.json.problems as { code: string }[]).filter((p) => p.code !== "text-table");
    expect({ ...got.json, problems }).toEqual(expected.json);
  });
});

describe("text tables", () => {
  it("reads RFC 4180 fields: quotes doubled, separators and line breaks inside quotes, CRLF, LF or CR", async () => {
    const grid = await gridOf('名称,备注\r\n"一小","说""好"", 好"\n"二\r\n小",a"b\r三小,\r\n');
    expect(grid.values).toEqual([["名称", "备注"], ["一小", '说"好", 好'], ["二\r\n小", 'a"b'], ["三小"]]);
    expect(grid.topLeft).toBe("A1");
  });

  it("keeps text as text and reads a field that is plainly a number as the number", async () => {
    const grid = await gridOf(
      '"1,234",1234,12.5,-3,+7,.5,0,0.25,0012,2150000000,123456789012,1.5E+3,12%,１２,2025-09-01,"1 234",TRUE\n',
    );
    expect(grid.values[0]).toEqual([
      1234,
      1234,
      12.5,
      -3,
      7,
      0.5,
      0,
      0.25,
      "0012",
      "2150000000",
      "123456789012",
      "1.5E+3",
      "12%",
      "１２",
      "2025-09-01",
      "1 234",
      "TRUE",
    ]);
  });

  it('reads ="0012", which systems write to keep a code\'s zeros in Excel, as the text inside', async () => {
    expect((await gridOf('代码,名称\n="0012",一小\n')).values[1]).toEqual(["0012", "一小"]);
  });

  it.each([
    ["a comma", "学校名称,学校类型\n一小,小学\n", ","],
    ["a tab", "学校名称\t学校类型\n一小\t小学\n", "\t"],
    ["a semicolon, where the fields are so separated", "学校名称;在校生数\n一小;1,5\n二小;2,5\n", ";"],
    ["a comma, though the text has semicolons", "名称,备注\n一小,有；无;\n二小,好\n", ","],
    ["a tab over commas inside fields", "名称\t金额\n一小\t1,234\n二小\t5,678\n", "\t"],
    ["the one its first line names", "sep=;\n名称;金额\n一小;1,5\n", ";"],
  ])("tells the separator: %s", async (_what, text, separator) => {
    const grid = await gridOf(text);
    const lines = text
      .replace(/^sep=.\n/u, "")
      .trimEnd()
      .split("\n");
    expect(grid.values.map((row) => row.length)).toEqual(lines.map((l) => l.split(separator).length));
  });

  it("reads a title line above the header, as exports have, without being misled by it", async () => {
    const grid = await gridOf("白狼县学校统计表\n学校名称,学校类型,在校生数\n一小,小学,100\n二小,小学,200\n");
    expect(grid.values).toEqual([
      ["白狼县学校统计表"],
      ["学校名称", "学校类型", "在校生数"],
      ["一小", "小学", 100],
      ["二小", "小学", 200],
    ]);
  });

  it.each([
    ["UTF-8 with its BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("学校,人数\n一小,5\n")])],
    [
      "UTF-16LE with its BOM (Excel's Unicode text)",
      Uint8Array.from([
        0xff,
        0xfe,
        ...[..."学校\t人数\r\n一小\t5\r\n"].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]),
      ]),
    ],
    [
      "UTF-16BE with its BOM",
      Uint8Array.from([
        0xfe,
        0xff,
        ...[..."学校,人数\n一小,5\n"].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]),
      ]),
    ],
    // 学校 = D1A7 D0A3, 人数 = C8CB CAFD, 一小 = D2BB D0A1 in GBK (GB2312 code points, by hand)
    [
      "GBK",
      Uint8Array.from([
        0xd1, 0xa7, 0xd0, 0xa3, 0x2c, 0xc8, 0xcb, 0xca, 0xfd, 0x0a, 0xd2, 0xbb, 0xd0, 0xa1, 0x2c, 0x35, 0x0a,
      ]),
    ],
  ])("decodes %s", async (_what, data) => {
    expect((await gridOf(data)).values).toEqual([
      ["学校", "人数"],
      ["一小", 5],
    ]);
  });

  it("reads a one-column text table when the file's name says it is one", async () => {
    expect((await gridOf("学校名称\n一小\n", "名单.csv")).values).toEqual([["学校名称"], ["一小"]]);
    expect((await problemOf(utf8("学校名称\n一小\n"), "名单.dat")).code).toBe("not-xlsx");
  });

  it("says once what a text table cannot hold, among the problems of choosing its sheet", async () => {
    const [grid] = await gridsOf(utf8("a,b\n1,2\n"));
    expect(grid.notes?.map((p) => [p.severity, p.code])).toEqual([["warning", "text-table"]]);
    expect(grid.notes?.[0].message.zh).toContain("日期读作文本");
  });
});

describe("text that cannot be a table: a problem naming its line, never a hang or a stack trace", () => {
  it("a huge line without separators", async () => {
    const problem = await problemOf(utf8("学校名称,学校类型\n" + "x".repeat(5_000_000) + "\n"));
    expect(problem.code).toBe("text-field-too-long");
    expect(problem.message.zh).toContain("第 2 行");
    expect(problem.message.en).toContain("line 2");
  });

  it("a quote never closed", async () => {
    const problem = await problemOf(utf8('名称,备注\n一小,好\n二小,"没有结束\n三小,好\n'));
    expect(problem.code).toBe("text-quote-unclosed");
    expect(problem.message.zh).toContain("第 3 行");
    expect(problem.message.en).toContain("line 3");
  });

  it("a quote that runs past what a cell holds", async () => {
    const problem = await problemOf(utf8('名称,备注\n"x' + "y\n".repeat(40_000)));
    expect(problem.code).toBe("text-quote-unclosed");
    expect(problem.message.zh).toContain("第 2 行");
  });

  it("a binary file that looks like text for its first 2 KB", async () => {
    const text = "学校名称,学校类型\n" + "一小,小学\n".repeat(400);
    const data = new Uint8Array([...utf8(text), 0, 1, 2, 3, 0xff, 0xfe, 0, 0]);
    const problem = await problemOf(data);
    expect(problem.code).toBe("text-binary");
    expect(problem.message.zh).toContain("第 402 行");
  });

  it("a file cut within its last character is said to be cut short, never decoded as another encoding", async () => {
    const table = "学校名称,学校类型,小学在校生数\n白狼县第一小学,小学,1452\n白狼县第二小学,小学,1187\n";
    const cutWithin = (bytes: Uint8Array, charStart: number) => bytes.subarray(0, charStart + 1);
    const utf8Bytes = utf8(table);
    const gbk = Uint8Array.from([...utf8("a,b\n1,"), 0xb6, 0xfe, 0xd0, 0xa1, 0x0a, ...utf8("2,"), 0xb6]);
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...Array.from(table).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const cuts = [
      // UTF-8, cut after the first of the three bytes of the last row's 学 (E5 AD A6): it was read as GBK, mojibake
      cutWithin(utf8Bytes, utf8Bytes.lastIndexOf(0xe5)),
      Uint8Array.from([0xef, 0xbb, 0xbf, ...cutWithin(utf8Bytes, utf8Bytes.lastIndexOf(0xe5))]),
      // GBK (二小 and 二), cut after the lead byte of the last 二
      gbk,
      utf16.subarray(0, utf16.length - 1),
    ];
    for (const cut of cuts) {
      const problem = await problemOf(cut, "白狼县.csv");
      expect(problem.code).toBe("text-cut-short");
      expect(problem.message.zh).toMatch(/^文件的结尾不完整/u);
    }
    // whole, each is a table
    for (const whole of [utf8Bytes, gbk.subarray(0, gbk.length - 1), utf16]) {
      expect((await readWorkbook(whole, { name: "白狼县.csv" })).ok).toBe(true);
    }
  });

  it("more columns than a sheet holds", async () => {
    const problem = await problemOf(utf8("a" + ",a".repeat(20_000) + "\n"));
    expect(problem.code).toBe("table-too-large");
    expect(problem.message.en).toContain("16,384 columns");
  });

  it.each([
    ["random bytes", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
    ["a text without separators", utf8("这是一段说明文字。\n没有表格。\n")],
  ])("%s keep the words for a file that is no workbook", async (_what, data) => {
    const problem = await problemOf(data);
    expect(problem.code).toBe("not-xlsx");
    expect(problem.message.zh).toContain("不是 Excel 工作簿");
  });
});

describe("web pages' tables", () => {
  it("lays cells out as a browser does: rowspan and colspan as merged ranges, the master holding the value", async () => {
    // A1:A3 spans 3 rows, B1:C1 2 columns; row 2 starts at B (A taken), B2:B3 spans 2 rows; row 3 starts at C
    const grid = await gridOf(
      "<table>" +
        "<tr><td rowspan=3>县</td><td colspan=2>在校生</td><td>备注</td></tr>" +
        "<tr><td rowspan='2'>小学</td><td>初中</td><td>x</td></tr>" +
        '<tr><td>1</td><td colspan="0">2</td></tr>' +
        "</table>",
    );
    expect(grid.values).toEqual([
      ["县", "在校生", null, "备注"],
      [null, "小学", "初中", "x"],
      [null, null, 1, 2],
    ]);
    expect(sorted(grid.merges)).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 1, left: 1, bottom: 2, right: 1 },
    ]);
  });

  it("resolves entities, reads <br> as a line break, strips tags, collapses white space", async () => {
    const grid = await gridOf(
      "<table><tr><td>&nbsp;</td><td> A &amp; B&lt;&#x4E00;&#20108;&yen;&unknown; </td>" +
        "<td>教学及<br>辅助用房<br/>（㎡）</td><td><b>一</b><span  style='x'>小</span>\n   学</td><td><p>甲</p><p>乙</p></td></tr></table>",
    );
    expect(grid.values).toEqual([
      [null, "A & B<一二¥&unknown;", "教学及\n辅助用房\n（㎡）", "一小 学", "甲\n乙"],
    ]);
  });

  it("takes Excel's marks: x:str and the text format as text, x:num as the number, <x:Name> as the sheet", async () => {
    const page =
      "<html xmlns:x='urn:schemas-microsoft-com:office:excel'><head><meta charset='utf-8'>" +
      '<style>.xl65 {mso-number-format:"\\@"; text-align:left} .xl66 {mso-number-format:"0\\.00"}</style>' +
      "<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>学校表</x:Name>" +
      "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head><body>" +
      "<table><tr><td x:str>123</td><td class=xl65>0012</td><td class='xl66'>12</td>" +
      '<td style=\'mso-number-format:"\\@"\'>45</td><td x:num="1234.5">1,234.50</td><td>1,234</td></tr></table></body></html>';
    const grid = await gridOf(page, "导出.xls");
    expect(grid.sheet).toBe("学校表");
    expect(grid.values).toEqual([["123", "0012", 12, "45", 1234.5, 1234]]);
  });

  it("makes each table a sheet, in order; a table inside a cell is that cell's text", async () => {
    const grids = await gridsOf(
      utf8(
        "<body><table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td></tr></table>" +
          "<p>说明</p><table><tr><th>b</th></tr></table></body>",
      ),
      "两表.html",
    );
    expect(grids.map((g) => [g.sheet, g.values])).toEqual([
      ["Sheet1", [["a", "x y\nz"]]],
      ["Sheet2", [["b"]]],
    ]);
  });

  it("closes cells and rows left open, as browsers do; hidden rows and columns are hidden", async () => {
    const grid = await gridOf(
      "<TABLE><col width=64><COL span=2 style='display:none'><col><TR><TD>1<TD>2<TR style='display: none'><TD>3</TABLE>",
    );
    expect(grid.values).toEqual([[1, 2], [3]]);
    expect(grid.hiddenRows).toEqual([1]);
    expect(grid.hiddenColumns).toEqual([1, 2]);
  });

  it("reads a page in GBK by its meta's charset=gb2312", async () => {
    const head = utf8(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><table><tr><td>',
    );
    const tail = utf8("</td></tr></table></html>");
    // 学校 in GBK; the same bytes are not valid UTF-8
    const grid = await gridOf(Uint8Array.from([...head, 0xd1, 0xa7, 0xd0, 0xa3, ...tail]));
    expect(grid.values).toEqual([["学校"]]);
  });

  it("a page cut short is said to be, not read as a county short of its last schools", async () => {
    const page = fixture("sample-web.xls");
    const text = new TextDecoder().decode(page);
    // cut after a row ends (the rows before it would read whole), within a cell, within a table in a cell
    const afterRow = text.indexOf("</tr>", text.length / 2) + "</tr>".length;
    const cuts = [text.slice(0, afterRow), text.slice(0, afterRow + 12)];
    cuts.push("<table><tr><td>一小</td><td><table><tr><td>内</td></tr></table></td></tr>");
    for (const cut of cuts) {
      const problem = await problemOf(utf8(cut), "白狼县.xls");
      expect(problem.code).toBe("table-truncated");
      expect(problem.message.zh).toMatch(/^网页格式的表格不完整：第 1 个表格没有结尾（<\/table>）/u);
      expect(problem.message.en).toContain("cut short");
    }
    const file = path.join(tempDir(), "白狼县.xls");
    writeFileSync(file, cuts[0]);
    const r = await run("evaluate", file);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("网页格式的表格不完整");
  });

  it("says so of a web page without a table", async () => {
    const problem = await problemOf(utf8("<!DOCTYPE html><html><body>登录已过期</body></html>"));
    expect(problem.message.zh).toContain("没有表格");
  });
});

describe("Excel 2003 XML spreadsheets", () => {
  const book = (worksheets: string) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" ' +
    'xmlns:html="http://www.w3.org/TR/REC-html40">' +
    worksheets +
    "</Workbook>";

  it("reads cells by ss:Index, merges by ss:MergeAcross and ss:MergeDown, values by ss:Type", async () => {
    const [grid] = await gridsOf(
      utf8(
        book(
          '<Worksheet ss:Name="学校"><Table>' +
            '<Column ss:Index="2" ss:Hidden="1" ss:Span="1"/>' +
            '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell><Cell><Data ss:Type="Number">7</Data></Cell></Row>' +
            '<Row ss:Index="3" ss:Hidden="1"><Cell ss:MergeDown="1"><Data ss:Type="String">学校</Data></Cell>' +
            '<Cell ss:Index="3"><Data ss:Type="Number">1.5</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell>' +
            '<Cell><Data ss:Type="DateTime">2025-09-01T00:00:00.000</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell>' +
            '<Cell ss:Formula="=1+1"><Data ss:Type="String">0012</Data><Comment><Data>批注</Data></Comment></Cell></Row>' +
            '<Row><Cell ss:Index="2"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>一</B><Font>小</Font></ss:Data></Cell></Row>' +
            "</Table></Worksheet>",
        ),
      ),
    );
    expect(grid.sheet).toBe("学校");
    expect(grid.values).toEqual([
      ["标题", null, null, 7],
      ,
      ["学校", null, 1.5, true, new Date(Date.UTC(2025, 8, 1)), { error: "#N/A" }, "0012"],
      [null, "一小"],
    ]);
    expect(sorted(grid.merges)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
    expect(grid.hiddenRows).toEqual([2]);
    expect(grid.hiddenColumns).toEqual([1, 2]);
  });

  it("places a cell without ss:Index past the merged cells above it, as LibreOffice leaves it to", async () => {
    const [grid] = await gridsOf(
      utf8(
        book(
          '<Worksheet ss:Name="表"><Table>' +
            '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">a</Data></Cell><Cell ss:MergeAcross="1"><Data ss:Type="String">b</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">c</Data></Cell></Row>' +
            '<Row><Cell><Data ss:Type="String">d</Data></Cell><Cell><Data ss:Type="String">e</Data></Cell></Row>' +
            "</Table></Worksheet>",
        ),
      ),
    );
    expect(grid.values).toEqual([
      ["a", "b", null, "c"],
      [null, "d", "e"],
    ]);
  });

  it("names every worksheet and hides those its options hide", async () => {
    const grids = await gridsOf(
      utf8(
        book(
          '<Worksheet ss:Name="一"><Table/></Worksheet>' +
            '<Worksheet ss:Name="二"><Table/><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>' +
            '<Worksheet ss:Name="三"><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetVeryHidden</Visible></WorksheetOptions></Worksheet>',
        ),
      ),
    );
    expect(grids.map((g) => [g.sheet, g.visibility ?? "visible"])).toEqual([
      ["一", "visible"],
      ["二", "hidden"],
      ["三", "veryHidden"],
    ]);
  });

  it("reads the encoding its declaration names", async () => {
    const xml = book(
      '<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">@</Data></Cell></Row></Table></Worksheet>',
    );
    const [before, after] = xml.replace('encoding="UTF-8"', 'encoding="GB2312"').split("@");
    const [grid] = await gridsOf(Uint8Array.from([...utf8(before), 0xd1, 0xa7, 0xd0, 0xa3, ...utf8(after)]));
    expect(grid.values).toEqual([["学校"]]);
  });

  it.each([
    ["a row placed before the last", '<Row ss:Index="3"/><Row ss:Index="2"/>', "xml-spreadsheet-invalid"],
    ["a row past the sheet", '<Row ss:Index="2000000"/>', "table-too-large"],
    [
      "a merge past the sheet",
      '<Row><Cell ss:MergeAcross="20000"><Data ss:Type="String">x</Data></Cell></Row>',
      "table-too-large",
    ],
    ["XML cut short", "<Row><Cell><Data", "xlsx-corrupt"],
  ])("says what is wrong: %s", async (_what, rows, code) => {
    const xml = book(`<Worksheet ss:Name="S"><Table>${rows}</Table></Worksheet>`);
    const problem = await problemOf(
      utf8(rows.endsWith("<Data") ? xml.slice(0, xml.indexOf("<Data") + 5) : xml),
    );
    expect(problem.code).toBe(code);
  });
});
