/**
 * The streaming .xlsx reader on workbooks built from raw XML: each test states the bytes a writer may put in a
 * file and the grid the reader must give for them.
 */
import { readWorkbook } from "../../src/xlsx/reader";
import type { Grid } from "../../src/sheet/grid";
import { strToU8, unzipSync, zipSync } from "fflate";
import { rawWorkbook, sheetData, zipOf, type RawWorkbook } from "./rawWorkbook";

async function gridsOf(book: RawWorkbook): Promise<Grid[]> {
  const result = await readWorkbook(rawWorkbook(book));
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

async function gridOf(xml: string, more: Partial<RawWorkbook> = {}): Promise<Grid> {
  const [grid] = await gridsOf({ sheets: [{ name: "学校", xml }], ...more });
  return grid;
}

async function problemOf(bytes: Uint8Array) {
  const result = await readWorkbook(bytes);
  if (result.ok) throw new Error("read, though it should not have been");
  return result.problem;
}

/** Styles: xf 0 General, 1 built-in 14 (a date), 2 a custom 年月日 date, 3 a custom number with a quoted d. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
  '<numFmt numFmtId="165" formatCode="0&quot; d&quot;;[Red]\\-0"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';

describe("cell values as Excel shows them", () => {
  test("shared strings, inline strings and rich text runs; phonetic guides left out", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
          '<c r="C1" t="inlineStr"><is><t>学校名称</t></is></c>' +
          '<c r="D1" t="inlineStr"><is><r><t>教学及</t></r><r><rPr><b/></rPr><t>辅助用房</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>' +
          '<c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v/></c></row>',
      ]),
      {
        sharedStrings: {
          xml:
            "<si><t>白狼县</t></si>" +
            '<si><r><t xml:space="preserve">第一 </t></r><r><rPr><i/></rPr><t>小学</t></r><rPh><t>だい</t></rPh></si>' +
            "<si><t>第一行_x000A_第二行 a_x005F_x000D_b</t></si>",
        },
      },
    );
    expect(grid.values[0]).toEqual([
      "白狼县",
      "第一 小学",
      "学校名称",
      "教学及辅助用房",
      "第一行\n第二行 a_x000D_b",
    ]);
  });

  test("numbers, booleans and errors", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1"><v>1234.5</v></c><c r="B1" t="n"><v>-2E3</v></c><c r="C1" t="b"><v>1</v></c>' +
          '<c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="e"><v>#DIV/0!</v></c></row>',
      ]),
    );
    expect(grid.values[0]).toEqual([1234.5, -2000, true, false, { error: "#N/A" }, { error: "#DIV/0!" }]);
  });

  test("a numeric cell holding 1,500 gives the text 1,500, never 1; other text, and 1e309 (no double), kept as written", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1"><v>1,500</v></c><c r="B1"><v>1 500</v></c><c r="C1"><v>0x10</v></c>' +
          '<c r="D1"><v>12abc</v></c><c r="E1"><v> 42 </v></c><c r="F1"><v>1e309</v></c></row>',
      ]),
    );
    expect(grid.values[0]).toEqual(["1,500", "1 500", "0x10", "12abc", 42, "1e309"]);
  });

  test('an ISO date stored with t="d" is a Date (a date, a moment, a time of day); other text stays text', async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1" t="d"><v>2024-09-01</v></c><c r="B1" t="d"><v>2024-09-01T08:30:00</v></c>' +
          '<c r="C1" t="d"><v>2024-09-01T08:30:00+08:00</v></c><c r="D1" t="d"><v>T12:00:00</v></c>' +
          '<c r="E1" t="d"><v>2024-02-31</v></c><c r="F1" t="d"><v>下周一</v></c></row>',
      ]),
    );
    expect(grid.values[0]).toEqual([
      new Date(Date.UTC(2024, 8, 1)),
      new Date(Date.UTC(2024, 8, 1, 8, 30)),
      new Date(Date.UTC(2024, 8, 1, 0, 30)),
      new Date(Date.UTC(1899, 11, 30, 12)),
      "2024-02-31",
      "下周一",
    ]);
  });

  test("a number in a date format (built-in 14, a custom 年月日) is the Date Excel shows; a quoted d is not a date", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1" s="1"><v>45536</v></c><c r="B1" s="2"><v>45536.5</v></c><c r="C1" s="3"><v>45536</v></c>' +
          '<c r="D1" s="0"><v>45536</v></c><c r="E1" s="1"><v>-5</v></c><c r="F1" s="9"><v>7</v></c></row>',
      ]),
      { styles: STYLES },
    );
    expect(grid.values[0]).toEqual([
      new Date(Date.UTC(2024, 8, 1)),
      new Date(Date.UTC(2024, 8, 1, 12)),
      45536,
      45536,
      // no date shows a negative number; a style the file does not have is General
      -5,
      7,
    ]);
  });

  test("the 1904 date system", async () => {
    const grid = await gridOf(sheetData(['<row r="1"><c r="A1" s="1"><v>44074</v></c></row>']), {
      styles: STYLES,
      date1904: true,
    });
    expect(grid.values[0]).toEqual([new Date(Date.UTC(2024, 8, 1))]);
  });

  test("formulas give their cached value; a formula never calculated is { formula }, not blank", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1"><f>B1*2</f><v>10</v></c><c r="B1"><v>5</v></c><c r="C1" t="str"><f>"县"&amp;"城"</f><v>县城</v></c>' +
          '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="b"><f>B1&gt;1</f><v>1</v></c>' +
          '<c r="F1"><f>SUM(B1:B9)</f></c><c r="G1" s="1"><f>TODAY()</f><v>45536</v></c>' +
          '<c r="H1" t="str"><f>IF(B1="","",B1)</f><v></v></c></row>',
      ]),
      { styles: STYLES },
    );
    expect(grid.values[0]).toEqual([
      10,
      5,
      "县城",
      { error: "#DIV/0!" },
      true,
      { formula: "SUM(B1:B9)" },
      new Date(Date.UTC(2024, 8, 1)),
    ]);
  });

  test("a shared formula never calculated: each cell gives the formula moved to it", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*$B$1+SUM(A$1:A2)&amp;"A1"</f></c><c r="D2"><f t="shared" si="0"/></c></row>',
        '<row r="3"><c r="C3"><f t="shared" si="0"/></c></row>',
        '<row r="4"><c r="D4"><f t="shared" si="0"/><v>3</v></c></row>',
      ]),
    );
    expect(grid.values[1]).toEqual([
      null,
      null,
      { formula: 'A2*$B$1+SUM(A$1:A2)&"A1"' },
      { formula: 'B2*$B$1+SUM(B$1:B2)&"A1"' },
    ]);
    expect(grid.values[2]).toEqual([null, null, { formula: 'A3*$B$1+SUM(A$1:A3)&"A1"' }]);
    expect(grid.values[3]).toEqual([null, null, null, 3]);
  });

  // XlsxWriter (pandas' engine) stores 0 as the result of every formula it writes and sets fullCalcOnLoad, so
  // that Excel calculates them on opening: those zeros are no figures
  const UNCALCULATED_ZEROS = sheetData([
    '<row r="1"><c r="A1"><f>B1*2</f><v>0</v></c><c r="B1"><v>5</v></c><c r="C1"><f>B1-5</f><v>0</v></c>' +
      '<c r="D1"><v>0</v></c><c r="E1"><f t="shared" ref="E1:F1" si="0">B1*3</f><v>0</v></c>' +
      '<c r="F1"><f t="shared" si="0"/><v>0</v></c></row>',
  ]);
  /** the same sheet once calculated: one formula with a result of its own, the zeros real ones */
  const CALCULATED = (type: string, other: string) =>
    sheetData([
      `<row r="1"><c r="A1"><f>B1*2</f><v>0</v></c><c r="B1"><v>5</v></c><c r="C1"${type}>${other}</c></row>`,
    ]);

  test("a workbook to be calculated on opening, no formula with a result but 0: the formulas were never calculated", async () => {
    for (const calcPr of ['calcId="124519" fullCalcOnLoad="1"', 'fullCalcOnLoad="true"']) {
      const grid = await gridOf(UNCALCULATED_ZEROS, { calcPr });
      expect(grid.values[0]).toEqual([
        { formula: "B1*2" },
        5,
        { formula: "B1-5" },
        // a 0 typed in is what it is
        0,
        { formula: "B1*3" },
        { formula: "C1*3" },
      ]);
    }
  });

  test("a formula's cached 0 is its result without fullCalcOnLoad, or in a sheet calculated before", async () => {
    for (const calcPr of [undefined, 'calcId="191029"', 'fullCalcOnLoad="0"']) {
      const grid = await gridOf(UNCALCULATED_ZEROS, { calcPr });
      expect(grid.values[0]).toEqual([0, 5, 0, 0, 0, 0]);
    }
    // marked, but another formula has a result of its own (a number, a text, an error): a workbook Excel
    // calculated and a program (the web app's download) marked afterwards
    for (const [type, other] of [
      ["", "<f>B1+1</f><v>6</v>"],
      [' t="str"', '<f>"县"</f><v>县</v>'],
      [' t="e"', "<f>1/0</f><v>#DIV/0!</v>"],
    ]) {
      const grid = await gridOf(CALCULATED(type, other), { calcPr: 'fullCalcOnLoad="1"' });
      expect(grid.values[0][0]).toBe(0);
    }
  });
});

describe("only the cells that exist", () => {
  test("rows as the file gives them: ragged, trailing blanks trimmed, rows without cells absent", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1" s="0"/><c r="C1" t="s"><v>0</v></c></row>',
        '<row r="2" ht="20" customHeight="1"/>',
        '<row r="4"><c r="C4"><v>3</v></c></row>',
        '<row r="6"><c r="A6" s="1"/><c r="B6" t="str"><v></v></c></row>',
      ]),
      { sharedStrings: [""] },
    );
    expect(grid.values).toHaveLength(4);
    expect(grid.values[0]).toEqual(["学校名称"]);
    expect(grid.values[1]).toBeUndefined();
    expect(grid.values[2]).toBeUndefined();
    expect(grid.values[3]).toEqual([null, null, 3]);
  });

  test("a <dimension> that lies about the used range changes nothing", async () => {
    const grid = await gridOf(
      '<dimension ref="A1:XFD1048576"/>' +
        sheetData(['<row r="1" spans="1:16384"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>']),
    );
    expect(grid.values).toEqual([[1, 2]]);
  });

  test("a stray cell at XFD1048576 costs one short row, not the rectangle", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
      ]),
    );
    expect(grid.values).toHaveLength(1048576);
    expect(Object.keys(grid.values)).toEqual(["0", "1048575"]);
    const last = grid.values[1048575];
    expect(last).toHaveLength(16384);
    expect(last[16383]).toBe("x");
    expect(Object.keys(last)).toEqual(["16383"]);
  });

  test("a 2-row sheet with its rows and cells out of order", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="2"><c r="C2"><v>23</v></c><c r="A2"><v>21</v></c></row>',
        '<row r="1"><c r="B1"><v>12</v></c><c r="A1"><v>11</v></c></row>',
      ]),
    );
    expect(grid.values).toEqual([
      [11, 12],
      [21, null, 23],
    ]);
  });

  test("rows and cells without r are placed by their order", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="2"><c r="B2"><v>22</v></c><c><v>23</v></c></row>',
        "<row><c><v>31</v></c><c/><c><v>33</v></c></row>",
        "<row/>",
        '<row><c r="C5"><v>53</v></c></row>',
      ]),
    );
    expect(grid.values).toEqual([undefined, [null, 22, 23], [31, null, 33], undefined, [null, null, 53]]);
  });
});

describe("what the sheet hides and merges", () => {
  test("hidden rows and hidden columns as 0-based indices of the grid", async () => {
    const grid = await gridOf(
      '<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="16384" hidden="true"/></cols>' +
        sheetData([
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="F1"><v>6</v></c></row>',
          '<row r="2" hidden="1"><c r="A2"><v>1</v></c></row>',
          '<row r="3" hidden="1"/>',
          '<row r="4"><c r="A4"><v>1</v></c></row>',
          '<row r="9" hidden="1"/>',
        ]),
    );
    expect(grid.hiddenRows).toEqual([1, 2]);
    expect(grid.hiddenColumns).toEqual([1, 2, 4, 5]);
  });

  test("merged ranges: listed, and the value shown at their first cell only", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="1"><c r="A1" t="inlineStr"><is><t>白狼县统计表</t></is></c><c r="B1"><v>9</v></c><c r="E1"><v>5</v></c></row>',
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
      ]) +
        '<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="B2:B1048576"/><mergeCell ref="H9:H9"/></mergeCells>',
    );
    expect(grid.values).toEqual([
      ["白狼县统计表", null, null, null, 5],
      [1, 2],
    ]);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 1, bottom: 1048575, right: 1 },
    ]);
  });

  test("sheet visibility from the workbook: hidden, very hidden; visible ones say nothing", async () => {
    const grids = await gridsOf({
      sheets: [
        { name: "旧表", xml: sheetData([]), state: "hidden" },
        { name: "清单", xml: sheetData([]), state: "veryHidden" },
        { name: "学校", xml: sheetData([]) },
      ],
    });
    expect(grids.map((g) => [g.sheet, g.visibility])).toEqual([
      ["旧表", "hidden"],
      ["清单", "veryHidden"],
      ["学校", undefined],
    ]);
  });
});

describe("the package as writers make it", () => {
  const cell = '<row r="1"><c r="A1"><v>1</v></c></row>';

  test("sheets in the workbook's order, wherever their parts are", async () => {
    const grids = await gridsOf({
      sheets: [
        {
          name: "说明",
          xml: sheetData(['<row r="1"><c r="A1"><v>1</v></c></row>']),
          part: "xl/worksheets/sheet3.xml",
        },
        {
          name: "学校",
          xml: sheetData(['<row r="1"><c r="A1"><v>2</v></c></row>']),
          part: "xl/data/学校 表.xml",
        },
        {
          name: "A&B",
          xml: sheetData(['<row r="1"><c r="A1"><v>3</v></c></row>']),
          part: "xl/worksheets/sheet1.xml",
        },
      ],
    });
    expect(grids.map((g) => [g.sheet, g.values[0][0]])).toEqual([
      ["说明", 1],
      ["学校", 2],
      ["A&B", 3],
    ]);
  });

  test("Strict OOXML namespaces, and elements under a prefix", async () => {
    const prefixed =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>学校名称</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>45536</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const grids = await gridsOf({ strict: true, styles: STYLES, sheets: [{ name: "学校", xml: prefixed }] });
    expect(grids[0].values).toEqual([["学校名称", new Date(Date.UTC(2024, 8, 1))]]);
  });

  test("optional parts missing: no shared strings, no styles, no relationships of the package", async () => {
    const grids = await gridsOf({
      sheets: [{ name: "学校", xml: sheetData([cell]) }],
      omit: ["xl/sharedStrings.xml", "xl/styles.xml", "_rels/.rels", "[Content_Types].xml"],
    });
    expect(grids[0].values).toEqual([[1]]);
  });

  test("the workbook's relationships missing: its sheets and shared strings found where Excel puts them", async () => {
    const grids = await gridsOf({
      sheets: [
        { name: "说明", xml: sheetData(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']) },
        { name: "学校", xml: sheetData(['<row r="1"><c r="A1" t="s"><v>1</v></c></row>']) },
      ],
      sharedStrings: ["填表说明", "学校名称"],
      omit: ["xl/_rels/workbook.xml.rels"],
    });
    expect(grids.map((g) => [g.sheet, g.values[0][0]])).toEqual([
      ["说明", "填表说明"],
      ["学校", "学校名称"],
    ]);
  });

  test("a chart sheet holds no cells and is not a grid", async () => {
    const bytes = rawWorkbook({ sheets: [{ name: "学校", xml: sheetData([cell]) }] });
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
    const files = unzipSync(bytes);
    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]).replace(
        "</sheets>",
        '<sheet name="图表" sheetId="9" r:id="rIdC"/></sheets>',
      ),
    );
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    const result = await readWorkbook(zipSync(files));
    expect(result.ok && result.grids.map((g) => g.sheet)).toEqual(["学校"]);
  });
});

describe("XML as writers spell it", () => {
  test("CDATA, comments, processing instructions, single quotes, character references, CRLF", async () => {
    const grid = await gridOf(
      "<!-- written by hand -->" +
        sheetData([
          "<?mso-application progid='Excel.Sheet'?>",
          "<row r='1'><c r='A1' t='inlineStr'><is><t><![CDATA[<学校> & 名称]]></t></is></c>",
          '<c r="B1" t="inlineStr"><is><t>&#x5B66;&#26657;&lt;&gt;&amp;&quot;&apos;</t></is></c>',
          '<c r="C1" t="inlineStr"><is><t>第一行\r\n第二行\r第三行</t></is></c><c r = "D1" ><v >4</v ></c></row>',
        ]),
    );
    expect(grid.values[0]).toEqual(["<学校> & 名称", "学校<>&\"'", "第一行\n第二行\n第三行", 4]);
  });

  test("what is not well-formed is a damaged workbook", async () => {
    const bad = [
      sheetData(['<row r="1"><c r="A1"><v>1</c></row>']),
      sheetData(['<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>']),
      sheetData(['<row r="1"><c r="A1" t="inlineStr"><is><t>A & B</t></is></c></row>']),
      sheetData(['<row r="1"><c r=A1><v>1</v></c></row>']),
      '<?xml version="1.0"?><worksheet><sheetData/></worksheet><worksheet/>',
      '<?xml version="1.0"?><worksheet><sheetData/></worksheet>junk',
      `<?xml version="1.0"?><worksheet>${"<a>".repeat(300)}${"</a>".repeat(300)}</worksheet>`,
    ];
    for (const xml of bad) {
      const problem = await problemOf(rawWorkbook({ sheets: [{ name: "学校", xml }] }));
      expect([xml, problem.code]).toEqual([xml, "xlsx-corrupt"]);
    }
  });
});

describe("parts in an encoding other than UTF-8", () => {
  /** The workbook with its shared strings replaced by `bytes`. */
  function withSharedStrings(bytes: Uint8Array): Uint8Array {
    const files = unzipSync(
      rawWorkbook({
        sheets: [
          {
            name: "学校",
            xml: sheetData(['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>']),
          },
        ],
        sharedStrings: ["x", "y"],
      }),
    );
    files["xl/sharedStrings.xml"] = Uint8Array.from(bytes);
    return zipSync(files);
  }
  const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  // 学校名称 and 第一小学 in GBK, as a program that writes GB2312 or GBK puts them
  const GBK_NAME = hex("d1a7d0a3c3fbb3c6");
  const GBK_SCHOOL = hex("b5dad2bbd0a1d1a7");
  const sst = (encoding: string) =>
    join(
      ascii(`<?xml version="1.0" encoding="${encoding}"?><sst xmlns="x"><si><t>`),
      GBK_NAME,
      ascii("</t></si><si><t>"),
      GBK_SCHOOL,
      ascii("</t></si></sst>"),
    );

  test("a part declared GB2312 or GBK is read in that encoding, as Excel reads it", async () => {
    for (const encoding of ["GB2312", "gbk", "GB18030"]) {
      const result = await readWorkbook(withSharedStrings(sst(encoding)));
      expect(result.ok && result.grids[0].values).toEqual([["学校名称", "第一小学"]]);
    }
  });

  test("an encoding no decoder knows is a damaged workbook naming the part, not text read as UTF-8", async () => {
    const problem = await problemOf(withSharedStrings(sst("x-unknown-charset")));
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toBe(
      "工作簿已损坏，无法读取（“xl/sharedStrings.xml”使用了无法识别的字符编码 x-unknown-charset）",
    );
  });
});

describe("large parts", () => {
  // numbers that do not repeat, so that the sheet stays large once compressed (the platform inflates such parts)
  const rows: string[] = [];
  for (let r = 1; r <= 4000; r++) {
    const cells = [1, 2, 3, 4, 5].map(
      (c) => `<c r="${"ABCDE"[c - 1]}${r}"><v>${(r * 7919 + c * 104729) % 1000003}.${r % 97}</v></c>`,
    );
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  const bytes = rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(rows) }] });

  test("the sheet is large enough for the platform's inflater (over 32 KB compressed)", () => {
    // the sheet's share of the zip: every other part is a few hundred bytes
    expect(bytes.length).toBeGreaterThan(40 * 1024);
  });

  test("read the same by the platform's inflater and by fflate, where the platform has none", async () => {
    const saved = globalThis.DecompressionStream;
    let made = 0;
    globalThis.DecompressionStream = class extends saved {
      constructor(format: CompressionFormat) {
        super(format);
        made++;
      }
    };
    const native = await readWorkbook(bytes);
    globalThis.DecompressionStream = saved;
    // asked once whether it works, then used for the sheet
    expect(made).toBe(2);
    let portable;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      portable = await readWorkbook(bytes);
    } finally {
      globalThis.DecompressionStream = saved;
    }
    if (!native.ok || !portable.ok) throw new Error("not read");
    expect(native.grids[0].values).toHaveLength(4000);
    expect(native.grids[0].values[3999][4]).toBe(
      Number(`${(4000 * 7919 + 5 * 104729) % 1000003}.${4000 % 97}`),
    );
    expect(portable.grids).toEqual(native.grids);
  });

  test("a large part damaged or cut short is a damaged workbook, by either inflater", async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
    const files = unzipSync(bytes);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
    files["xl/worksheets/sheet1.xml"] = strToU8(xml.slice(0, Math.floor(xml.length * 0.7)));
    const cut = zipSync(files);
    expect((await problemOf(cut)).code).toBe("xlsx-corrupt");
    const scribbled = Uint8Array.from(bytes);
    const entry = scribbled.length >> 1;
    for (let i = entry; i < entry + 64; i++) scribbled[i] ^= 0x5a;
    expect((await problemOf(scribbled)).code).toBe("xlsx-corrupt");
    const saved = globalThis.DecompressionStream;
    try {
      (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
      expect((await problemOf(scribbled)).code).toBe("xlsx-corrupt");
    } finally {
      globalThis.DecompressionStream = saved;
    }
  });
});

describe("files that cannot be read are one clear problem", () => {
  const good = rawWorkbook({
    sheets: [{ name: "学校", xml: sheetData(['<row r="1"><c r="A1"><v>1</v></c></row>']) }],
  });

  test("a zip cut short", async () => {
    const problem = await problemOf(good.subarray(0, Math.floor(good.length / 2)));
    expect(problem).toMatchObject({ severity: "error", code: "xlsx-corrupt", cell: null });
    expect(problem.message.zh).toContain("损坏");
    expect(problem.message.en).toContain("damaged");
  });

  test("a sheet whose XML is cut short", async () => {
    const problem = await problemOf(
      rawWorkbook({
        sheets: [
          { name: "学校", xml: '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v>' },
        ],
      }),
    );
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.en).toContain("xl/worksheets/sheet1.xml");
  });

  test("a sheet whose XML breaks among its cells names the sheet and the last cell read, Chinese first", async () => {
    const problem = await problemOf(
      rawWorkbook({
        sheets: [
          { name: "其他", xml: sheetData(['<row r="1"><c r="A1"><v>1</v></c></row>']) },
          {
            name: "学校",
            xml: sheetData([
              '<row r="1"><c r="A1"><v>1</v></c></row>',
              '<row r="7"><c r="B7"><v>2</v></c><c r="C7"><v>3</c></row>',
            ]),
          },
        ],
      }),
    );
    expect(problem.cell).toBe("学校!C7");
    expect(problem.message.zh).toBe(
      "工作簿已损坏，无法读取（工作表“学校”的 C7 附近（xl/worksheets/sheet2.xml）不是完好的 XML：</c> 与 <v> 不匹配）",
    );
    expect(problem.message.en).toBe(
      'the workbook is damaged and cannot be read (sheet "学校" near C7 (xl/worksheets/sheet2.xml) is not well-formed XML: </c> does not close <v>)',
    );
  });

  test("a deflated part whose bytes are damaged", async () => {
    const damaged = Uint8Array.from(good);
    const { unzipSync } = await import("fflate");
    // the sheet's compressed bytes follow its local header's name; scribble over them
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    let at = 0;
    for (let i = 0; i < damaged.length - name.length; i++) {
      if (
        damaged[i] === 0x50 &&
        damaged[i + 1] === 0x4b &&
        damaged[i + 2] === 3 &&
        name.every((b, k) => damaged[i + 30 + k] === b)
      )
        at = i + 30 + name.length;
    }
    expect(at).toBeGreaterThan(0);
    for (let i = at; i < at + 12; i++) damaged[i] = 0xff;
    expect(() => unzipSync(damaged)).toThrow();
    expect((await problemOf(damaged)).code).toBe("xlsx-corrupt");
  });

  test("a shared string that is not there", async () => {
    const problem = await problemOf(
      rawWorkbook({
        sheets: [{ name: "学校", xml: sheetData(['<row r="3"><c r="B3" t="s"><v>7</v></c></row>']) }],
      }),
    );
    expect(problem).toMatchObject({ code: "xlsx-corrupt", cell: "学校!B3" });
    expect(problem.message.zh).toContain("学校!B3");
  });

  test("a sheet the workbook names but the zip lacks", async () => {
    const problem = await problemOf(
      rawWorkbook({ sheets: [{ name: "学校", xml: sheetData([]) }], omit: ["xl/worksheets/sheet1.xml"] }),
    );
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toContain("学校");
  });

  test("a cell reference past XFD", async () => {
    const problem = await problemOf(
      rawWorkbook({
        sheets: [{ name: "学校", xml: sheetData(['<row r="1"><c r="XFE1"><v>1</v></c></row>']) }],
      }),
    );
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.en).toContain("XFE1");
  });

  test("rows without numbers counted past the last row a sheet has: said so, not an undefined row number", async () => {
    const problem = await problemOf(
      rawWorkbook({
        sheets: [
          {
            name: "学校",
            xml: sheetData(['<row r="1048576"><c><v>1</v></c></row>', "<row><c><v>2</v></c></row>"]),
          },
        ],
      }),
    );
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toBe("工作簿已损坏，无法读取（工作表“学校”的行数超过 1048576）");
  });

  test.each(["A0", "AAAA1", "A1048577", "1", "A", "$$A1", "A1$", "A-1", "A 1", "Ä1"])(
    "a cell reference that is no cell: %s",
    async (ref) => {
      const problem = await problemOf(
        rawWorkbook({
          sheets: [{ name: "学校", xml: sheetData([`<row r="1"><c r="${ref}"><v>1</v></c></row>`]) }],
        }),
      );
      expect(problem.code).toBe("xlsx-corrupt");
      expect(problem.message.en).toContain(`"${ref}"`);
    },
  );

  test("references as writers spell them: $-anchored, lower case, leading zeros, the last cell", async () => {
    const grid = await gridOf(
      sheetData([
        '<row r="2"><c r="$B$2"><v>1</v></c><c r="c2"><v>2</v></c><c r="D02"><v>3</v></c></row>',
        '<row r="1048576"><c r="XFD1048576"><v>4</v></c></row>',
      ]),
    );
    expect(grid.values[1]).toEqual([null, 1, 2, 3]);
    expect(grid.values[1048575][16383]).toBe(4);
  });

  test("a Word document renamed .xlsx", async () => {
    const problem = await problemOf(
      zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    );
    expect(problem.code).toBe("no-sheet");
    expect(problem.message.zh).toContain("Word");
  });

  test("an OpenDocument spreadsheet renamed .xlsx", async () => {
    const problem = await problemOf(
      zipOf({
        mimetype: "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": "<office:document-content/>",
      }),
    );
    expect(problem.code).toBe("no-sheet");
    expect(problem.message.zh).toContain(".ods");
    expect(problem.message.en).toContain("save it as .xlsx");
  });

  test("a workbook without any worksheet", async () => {
    expect((await problemOf(rawWorkbook({ sheets: [] }))).code).toBe("no-sheet");
  });

  test("a Compound File (an .xls, a password-protected workbook) with no valid header is damaged", async () => {
    // Compound Files that are whole: tests/xlsx/xls.test.ts
    const cfb = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect((await problemOf(cfb)).code).toBe("xlsx-corrupt");
  });

  test("not a zip at all, or nothing", async () => {
    expect((await problemOf(new TextEncoder().encode("学校名称。学校类型\n"))).code).toBe("not-xlsx");
    expect((await problemOf(new Uint8Array(0))).code).toBe("not-xlsx");
  });

  test("a sheet that inflates past what the file's size can hold is refused, named by its sheet", async () => {
    // some 70 MB of comments in a file of a few hundred kilobytes: past the 64 MB a small file may inflate to
    const files = unzipSync(rawWorkbook({ sheets: [{ name: "学校", xml: sheetData([]) }] }));
    files["xl/worksheets/sheet1.xml"] = strToU8(
      `<worksheet><sheetData>${"<!---->".repeat(10_000_000)}</sheetData></worksheet>`,
    );
    const problem = await problemOf(zipSync(files, { level: 1 }));
    expect(problem.code).toBe("xlsx-too-large");
    expect(problem.message.zh).toMatch(
      /^工作簿中的工作表“学校”（xl\/worksheets\/sheet1\.xml）解压后超过 64 MB/,
    );
  });

  test("an XML bomb of entities is refused, not expanded", async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    expect((await problemOf(rawWorkbook({ sheets: [{ name: "学校", xml: bomb }] }))).code).toBe(
      "xlsx-corrupt",
    );
  });
});
