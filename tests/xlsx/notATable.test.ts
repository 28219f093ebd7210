/**
 * Files a clerk may bring in place of a workbook — an Excel Binary Workbook, a workbook zipped to be sent, a PDF
 * or a picture of the table, an archive — are said to be what they are, with what to do, Chinese first: never
 * "damaged", never a bare "not a workbook" (docs/import.md#other-formats).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readWorkbook } from "../../src/xlsx/reader";
import { run, tempDir } from "../cli/helpers";
import { rawWorkbook, sheetData, zipOf } from "./rawWorkbook";

async function problemOf(bytes: Uint8Array) {
  const result = await readWorkbook(bytes);
  if (result.ok) throw new Error("read, though it should not have been");
  return result.problem;
}

const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An Excel Binary Workbook's package: the relationships of an .xlsx, its parts BIFF12 records. */
function xlsb(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ' +
        'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
    ),
    "xl/workbook.bin": Uint8Array.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00, 0x99, 0x01, 0x04, 0, 0, 0, 0]),
    "xl/_rels/workbook.bin.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.bin"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.bin": Uint8Array.from([0x81, 0x01, 0x00]),
  });
}

const workbook = () => rawWorkbook({ sheets: [{ name: "学校", xml: sheetData([]) }] });

/**
 * A zip whose entry names are written in GBK without the UTF-8 flag, as Chinese Windows zips files: each name
 * given as its ASCII stand-in of the same length, whose bytes are then replaced by the name's GBK bytes.
 */
function gbkZip(entries: [standIn: string, gbk: number[], content: Uint8Array][]): Uint8Array {
  const zip = zipSync(Object.fromEntries(entries.map(([name, , content]) => [name, content])));
  for (const [standIn, gbk] of entries) {
    const from = Array.from(strToU8(standIn));
    expect(gbk).toHaveLength(from.length);
    for (let at = 0; at + from.length <= zip.length; at++) {
      if (from.every((b, i) => zip[at + i] === b)) zip.set(gbk, at);
    }
  }
  return zip;
}
/** 白狼县 in GBK */
const BAILANG_GBK = [0xb0, 0xd7, 0xc0, 0xc7, 0xcf, 0xd8];

describe("files that are no workbook, said as what they are", () => {
  test("an Excel Binary Workbook (.xlsb) is a format not read, to save as .xlsx: not a damaged file", async () => {
    const problem = await problemOf(xlsb());
    expect(problem.code).toBe("xlsb-unsupported");
    expect(problem.message.zh).toMatch(/^该文件是 Excel 二进制工作簿（\.xlsb）.*另存为.*\.xlsx/u);
    expect(problem.message.en).toContain("Excel Binary Workbook (.xlsb)");
  });

  test("a zip holding a workbook is an archive to unpack, naming the spreadsheets in it", async () => {
    const problem = await problemOf(
      zipOf({ "白狼县2025.xlsx": "", "报表/突泉县.xls": "", "说明.txt": "", "~$白狼县2025.xlsx": "" }),
    );
    expect(problem.code).toBe("no-sheet");
    expect(problem.message.zh).toBe(
      "该文件是 zip 压缩包，不是 Excel 工作簿；其中有表格文件“白狼县2025.xlsx”、“报表/突泉县.xls”：请先解压，再读取解压出的文件",
    );
    expect(problem.message.en).toContain('"白狼县2025.xlsx", "报表/突泉县.xls": unpack it');
  });

  test("the names Chinese Windows writes in GBK are read as such", async () => {
    const zip = gbkZip([["AAAAAA2025.xlsx", [...BAILANG_GBK, ...strToU8("2025.xlsx")], workbook()]]);
    expect((await problemOf(zip)).message.zh).toContain("“白狼县2025.xlsx”");
  });

  test("a zip without any spreadsheet says so; a damaged Office file is still not called an archive", async () => {
    const empty = await problemOf(zipOf({ "说明.txt": "见附件", "__MACOSX/._a.xlsx": "" }));
    expect(empty.message.zh).toBe(
      "该文件是 zip 压缩包，不是 Excel 工作簿，其中也没有表格文件（.xlsx、.xls、.csv 等）",
    );
    const office = await problemOf(zipOf({ "[Content_Types].xml": "<Types/>", "docProps/app.xml": "<x/>" }));
    expect(office.message.zh).not.toContain("压缩包");
  });

  test.each([
    ["a PDF of the table", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", " PDF 文档，不是表格"],
    ["a PNG picture", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "图片，不是表格"],
    ["a JPEG picture", "\xff\xd8\xff\xe0\0\x10JFIF", "图片，不是表格"],
    ["a GIF picture", "GIF89a\x01\0\x01\0", "图片，不是表格"],
    ["a RAR archive", "Rar!\x1a\x07\x01\0", " RAR 压缩包，不是 Excel 工作簿：请先解压"],
    ["a 7z archive", "7z\xbc\xaf\x27\x1c\0\x04", " 7z 压缩包，不是 Excel 工作簿：请先解压"],
    ["a gzip archive", "\x1f\x8b\x08\0\0\0\0\0", " gzip 压缩文件，不是 Excel 工作簿：请先解压"],
  ])("%s is said to be one", async (_, start, said) => {
    const bytes = Uint8Array.from([...start, ..."\0\x01\x02\x03".repeat(20)].map((c) => c.charCodeAt(0)));
    const problem = await problemOf(bytes);
    expect(problem.code).toBe("not-xlsx");
    expect(problem.message.zh).toContain(`该文件是${said}`);
    // named as a text table, it is still what its bytes say
    const named = await readWorkbook(bytes, { name: "学校.csv" });
    expect(named).toEqual({ ok: false, problem });
  });

  test("the lock file beside an open workbook, or macOS's copy of its attributes, is said to be one", async () => {
    // Excel's lock file: the length of the user's name, the name, padding; macOS's AppleDouble file
    const lock = Uint8Array.from([
      0x0d,
      ..."Administrator".split("").map((c) => c.charCodeAt(0)),
      0,
      0,
      0x20,
    ]);
    const appleDouble = Uint8Array.from([
      0,
      5,
      0x16,
      7,
      0,
      2,
      0,
      0,
      ..."Mac OS X".split("").map((c) => c.charCodeAt(0)),
    ]);
    for (const [name, prefix] of [
      ["~$白狼县.xlsx", "~$"],
      ["D:\\统计\\.~白狼县.xlsx", ".~"],
    ]) {
      const result = await readWorkbook(lock, { name });
      expect(result).toMatchObject({ ok: false, problem: { code: "not-xlsx" } });
      if (!result.ok)
        expect(result.problem.message.zh).toContain(`临时文件（文件名以“${prefix}”开头），不是工作簿`);
    }
    const mac = await readWorkbook(appleDouble, { name: "/Volumes/U盘/._白狼县.xlsx" });
    if (mac.ok) throw new Error("read");
    expect(mac.problem.message.zh).toContain("macOS 复制文件时留下的附属文件");
    expect(mac.problem.message.zh).toContain("请选择同一文件夹中的“白狼县.xlsx”");
    // the same bytes under a workbook's own name are no workbook, as before
    const plain = await readWorkbook(lock, { name: "白狼县.xlsx" });
    if (plain.ok) throw new Error("read");
    expect(plain.problem.message.zh).not.toContain("临时文件");
  });

  test("balance evaluate says so, Chinese first, exit 1 and no stack trace", async () => {
    const dir = tempDir();
    // an archive of one workbook is read as that workbook (tests/cli/zippedWorkbook.test.ts); of two, named
    const zipped = join(dir, "附件.zip");
    writeFileSync(zipped, zipSync({ "白狼县2025.xlsx": workbook(), "突泉县2025.xlsx": workbook() }));
    const r = await run("evaluate", zipped);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      "该文件是 zip 压缩包，不是 Excel 工作簿；其中有表格文件“白狼县2025.xlsx”、“突泉县2025.xlsx”",
    );
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
    const binary = join(dir, "白狼县.xlsb");
    writeFileSync(binary, xlsb());
    const json = JSON.parse((await run("evaluate", binary, "--json")).stdout);
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["xlsb-unsupported"]);
  });
});
