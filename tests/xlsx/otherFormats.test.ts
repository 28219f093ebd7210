/**
 * Files that are no workbook but a table in another format, as statistics systems export them: a web page saved as
 * ".xls", an Excel 2003 XML spreadsheet, a .csv in UTF-8 (with its BOM) or in GBK. Each is read by what its bytes
 * are, into the grid an .xlsx of the same table gives (more in textFormats.test.ts).
 */
import { readWorkbook } from "../../src/xlsx/reader";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** 学校名称,学校类型 in GBK, then ASCII figures. */
const GBK_CSV = Uint8Array.from([
  0xd1,
  0xa7,
  0xd0,
  0xa3,
  0xc3,
  0xfb,
  0xb3,
  0xc6,
  0x2c,
  0xd1,
  0xa7,
  0xd0,
  0xa3,
  0xc0,
  0xe0,
  0xd0,
  0xcd,
  0x0d,
  0x0a,
  ...utf8("1,2\r\n"),
]);

async function gridsOf(data: Uint8Array) {
  const result = await readWorkbook(data);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

describe("a table in another format than .xlsx", () => {
  it.each([
    [
      "a web page's table saved as .xls",
      utf8("<html><body><table><tr><td>学校名称</td></tr></table></body></html>"),
    ],
    ["a bare table", utf8("\ufeff  <table border=1><tr><td>学校名称</td></tr></table>")],
  ])("reads %s", async (_what, data) => {
    expect((await gridsOf(data)).map((g) => g.values)).toEqual([[["学校名称"]]]);
  });

  it("reads an Excel 2003 XML spreadsheet", async () => {
    const xml =
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="学校"><Table><Row><Cell><Data ss:Type="String">学校名称</Data></Cell></Row></Table></Worksheet></Workbook>';
    expect((await gridsOf(utf8(xml))).map((g) => [g.sheet, g.values])).toEqual([["学校", [["学校名称"]]]]);
  });

  it.each([
    ["UTF-8 with its BOM", utf8("\ufeff学校名称,学校类型\r\n1,2\r\n")],
    ["GBK", GBK_CSV],
    ["tab-separated", utf8("学校名称\t学校类型\n1\t2\n")],
  ])("reads a .csv in %s", async (_what, data) => {
    expect((await gridsOf(data)).map((g) => g.values)).toEqual([
      [
        ["学校名称", "学校类型"],
        [1, 2],
      ],
    ]);
  });

  it("keeps the general words for bytes that tell nothing", async () => {
    const result = await readWorkbook(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    if (result.ok) throw new Error("read as a workbook");
    expect(result.problem.message.zh).toContain("不是 Excel 工作簿");
    expect(result.problem.message.zh).not.toContain("文本格式");
  });
});
