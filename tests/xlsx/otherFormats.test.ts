/**
 * Files that are no workbook but a table in another format, as statistics systems export them: a web page saved as
 * ".xls", an Excel 2003 XML spreadsheet, a .csv in UTF-8 (with its BOM) or in GBK. None is read; each is said to be
 * what it is, Chinese first, with how to save it as .xlsx.
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

async function problemOf(data: Uint8Array) {
  const result = await readWorkbook(data);
  if (result.ok) throw new Error("read as a workbook");
  return result.problem;
}

describe("a table in another format than .xlsx", () => {
  it.each([
    [
      "a web page's table saved as .xls",
      utf8("<html><body><table><tr><td>学校名称</td></tr></table></body></html>"),
    ],
    ["a bare table", utf8("\ufeff  <table border=1><tr><td>学校名称</td></tr></table>")],
  ])("says of %s that it is a web page's table", async (_what, data) => {
    const problem = await problemOf(data);
    expect(problem.code).toBe("not-xlsx");
    expect(problem.message.zh).toContain("网页格式的表格");
    expect(problem.message.zh).toContain("另存为 .xlsx");
    expect(problem.message.en).toContain("web page");
  });

  it("says of an Excel 2003 XML spreadsheet what it is", async () => {
    const xml =
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    const problem = await problemOf(utf8(xml));
    expect(problem.message.zh).toContain("Excel 2003 的 XML 表格");
  });

  it.each([
    ["UTF-8 with its BOM", utf8("\ufeff学校名称,学校类型\r\n第一小学,小学\r\n")],
    ["GBK", GBK_CSV],
    ["tab-separated", utf8("学校名称\t学校类型\n")],
  ])("says of a .csv in %s that it is a text table, and how to open it if garbled", async (_what, data) => {
    const problem = await problemOf(data);
    expect(problem.code).toBe("not-xlsx");
    expect(problem.message.zh).toContain("文本格式的表格");
    expect(problem.message.zh).toContain("自文本/CSV");
    expect(problem.message.en).toContain("text table");
  });

  it("keeps the general words for bytes that tell nothing", async () => {
    const problem = await problemOf(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(problem.message.zh).toContain("不是 Excel 工作簿");
    expect(problem.message.zh).not.toContain("文本格式");
  });
});
