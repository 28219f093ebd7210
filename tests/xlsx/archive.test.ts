/**
 * The spreadsheets a county's .zip holds (src/xlsx/reader/archive.ts), as the league's folder reads them: lock files,
 * macOS's companions and notes left out; an archive inside named, not unpacked; a damaged file its own problem while
 * the others are read; the bounds on files and bytes; an Office file renamed .zip left to the reader.
 */
import { strToU8, zipSync } from "fflate";
import { archivedSpreadsheets, readWorkbook, type ArchivedFile } from "../../src/xlsx/reader";

const csv = (rows: string[][]) => strToU8(rows.map((r) => r.join(",")).join("\n"));
const table = csv([
  ["学校名称", "学校类型", "小学在校生数"],
  ["甲小学", "小学", "300"],
]);

const names = (files: ArchivedFile[] | null) =>
  files?.map((f) => ("problem" in f ? [f.name, f.problem.code] : [f.name, f.bytes.length])) ?? null;

describe("the spreadsheets in a county's .zip", () => {
  it("each by its path, in name order; lock files, macOS's companions and notes left out, a table named .txt kept", async () => {
    const files = await archivedSpreadsheets(
      zipSync({
        "白狼县/白狼县2025.csv": table,
        "白狼县/~$白狼县2025.xlsx": new Uint8Array([1, 2]),
        "白狼县/._白狼县2025.csv": new Uint8Array([3]),
        "__MACOSX/白狼县/._白狼县2025.csv": new Uint8Array([4]),
        "说明.txt": strToU8("请查收。\n"),
        "学校.txt": csv([
          ["学校名称", "学校类型"],
          ["乙小学", "小学"],
        ]).map((b) => (b === 0x2c ? 0x09 : b)),
        "照片.jpg": new Uint8Array([0xff, 0xd8, 0xff]),
      }),
    );
    expect(names(files)).toEqual([
      ["学校.txt", expect.any(Number)],
      ["白狼县/白狼县2025.csv", table.length],
    ]);
    const first = files![1];
    expect("bytes" in first && new TextDecoder().decode(first.bytes)).toBe(new TextDecoder().decode(table));
  });

  it("a large file (past the size the platform's inflater takes, as a browser reads) comes out byte for byte", async () => {
    // bytes that do not compress: the deflated file stays larger than the 32 KB the platform's inflater takes from
    let x = 7;
    const large = new Uint8Array(200_000).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    expect(zipSync({ "大.xlsx": large }, { level: 1 }).length).toBeGreaterThan(64 * 1024);
    const files = await archivedSpreadsheets(zipSync({ "大.xlsx": large }, { level: 1 }));
    expect(files).toHaveLength(1);
    expect("bytes" in files![0] && Buffer.from(files![0].bytes).equals(Buffer.from(large))).toBe(true);
  });

  it("a name Chinese Windows zipped in GBK is read as such", async () => {
    // fflate writes ASCII names as they are: the placeholder's six bytes become 白狼县 in GBK, as Windows writes it
    const zip = zipSync({ "abcdef.csv": table });
    const gbk = [0xb0, 0xd7, 0xc0, 0xc7, 0xcf, 0xd8];
    const text = Buffer.from(zip).toString("latin1");
    for (let at = text.indexOf("abcdef"); at >= 0; at = text.indexOf("abcdef", at + 1)) zip.set(gbk, at);
    expect(names(await archivedSpreadsheets(zip))).toEqual([["白狼县.csv", table.length]]);
  });

  it("an archive inside is named with its problem, Chinese first, and not unpacked", async () => {
    const files = await archivedSpreadsheets(
      zipSync({ "旧.zip": zipSync({ "a.csv": table }), "突泉.rar": strToU8("Rar!") }),
    );
    expect(names(files)).toEqual([
      ["旧.zip", "archive-nested"],
      ["突泉.rar", "archive-nested"],
    ]);
    const [nested] = files as { name: string; problem: { message: { zh: string } } }[];
    expect(nested.problem.message.zh).toBe("压缩包中的压缩包“旧.zip”未读取：请先解压，再读取解压出的工作簿");
  });

  it("a damaged file is its own problem; the others are read", async () => {
    const zip = zipSync({ "a.csv": table, "b.csv": table }, { level: 9 });
    // the deflate data of a.csv, the first entry: its local header is 30 bytes and its name 5
    const damaged = zip.slice();
    for (let i = 35; i < 45; i++) damaged[i] = 0xff;
    const files = await archivedSpreadsheets(damaged);
    expect(names(files)).toEqual([
      ["a.csv", "xlsx-corrupt"],
      ["b.csv", table.length],
    ]);
  });

  it("past the bytes bound, the rest are problems; past the files bound, none is read and the reader names them", async () => {
    const zip = zipSync({ "a.csv": table, "b.csv": table, "c.csv": table });
    const files = await archivedSpreadsheets(zip, undefined, { files: 10, bytes: table.length * 2 });
    expect(names(files)).toEqual([
      ["a.csv", table.length],
      ["b.csv", table.length],
      ["c.csv", "archive-too-large"],
    ]);
    expect(await archivedSpreadsheets(zip, undefined, { files: 2, bytes: 1e9 })).toBeNull();
    const read = await readWorkbook(zip, { name: "三县.zip" });
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problem.message.zh).toMatch(
        /^该文件是 zip 压缩包.*“a\.csv”、“b\.csv”、“c\.csv”：请先解压/u,
      );
  });

  it("an Office file renamed .zip, a zip of no spreadsheet, and bytes that are no zip are left to the reader", async () => {
    expect(
      await archivedSpreadsheets(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "a.csv": table })),
    ).toBeNull();
    expect(
      await archivedSpreadsheets(zipSync({ "说明.docx": strToU8("x"), "说明.txt": strToU8("请查收。") })),
    ).toBeNull();
    expect(await archivedSpreadsheets(strToU8("Rar!\x1a\x07\x00"))).toBeNull();
  });
});
