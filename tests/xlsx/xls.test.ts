/**
 * Old binary workbooks (.xls, BIFF8 in a Compound File; BIFF5 of Excel 95): read into the grids the .xlsx reader
 * gives. Files LibreOffice wrote from .xlsx files kept beside them (scripts/make-xls-fixtures.mjs) must read as
 * those .xlsx files read; what LibreOffice never writes is built byte by byte (xlsBytes.ts): shared strings run
 * over CONTINUE records, RK numbers, 1904 dates, 4,096-byte sectors, an extra DIFAT sector, the mini stream,
 * password-protected and damaged files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Grid, MergedRange } from "../../src/sheet/grid";
import { readWorkbook } from "../../src/xlsx/reader";
import { run } from "../cli/helpers";
import {
  BIFF,
  RESULT,
  compoundFile,
  latin1,
  record,
  rkDouble,
  rkInteger,
  u16,
  u32,
  utf16,
  workbookStream,
  type BiffSheet,
} from "./xlsBytes";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/xls");

async function gridsOf(bytes: Uint8Array): Promise<Grid[]> {
  const result = await readWorkbook(bytes);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

async function problemOf(bytes: Uint8Array) {
  const result = await readWorkbook(bytes);
  if (result.ok) throw new Error("read, though it should not have been");
  return result.problem;
}

/** Merged ranges in a fixed order: the two writers list them in orders of their own. */
function sortedMerges(grids: Grid[]): Grid[] {
  const key = (m: MergedRange) => [m.top, m.left, m.bottom, m.right];
  const compare = (a: MergedRange, b: MergedRange) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  };
  return grids.map((g) => (g.merges ? { ...g, merges: [...g.merges].sort(compare) } : g));
}

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe(".xls files LibreOffice wrote read as the .xlsx files they were written from", () => {
  test.each([
    ["sample-county.xls", path.join(ROOT, "examples/sample-county.xlsx")],
    ["export.xls", path.join(FIXTURES, "export.xlsx")],
    ["features.xls", path.join(FIXTURES, "features.xlsx")],
    ["features-1904.xls", path.join(FIXTURES, "features-1904.xlsx")],
  ])("%s", async (xls, xlsx) => {
    const fromXls = sortedMerges(await gridsOf(fixture(xls)));
    const fromXlsx = sortedMerges(await gridsOf(readFileSync(xlsx)));
    expect(fromXls.map((g) => g.sheet)).toEqual(fromXlsx.map((g) => g.sheet));
    fromXls.forEach((grid, i) => expect(grid).toEqual(fromXlsx[i]));
  });

  test("the features fixture holds what it is said to: dates, formulas, hidden rows, columns and sheets, merges", async () => {
    const [schools, texts, hidden] = await gridsOf(fixture("features.xls"));
    expect(schools.values[1].slice(0, 8)).toEqual([
      "白狼县第一小学",
      new Date(Date.UTC(1958, 8, 1)),
      new Date(Date.UTC(2025, 7, 31)),
      1452,
      12.75,
      true,
      "城区",
      2904,
    ]);
    expect(schools.values[2].slice(7)).toEqual(["小学", new Date(Date.UTC(2024, 8, 1)), 45536]);
    expect(schools.values[3][7]).toBe(true);
    expect(schools.values[4].slice(7, 9)).toEqual([{ error: "#DIV/0!" }, { error: "#N/A" }]);
    expect(schools.values[6]).toEqual(["合计", null, null, 123461678]);
    expect(schools.hiddenRows).toEqual([3]);
    expect(schools.hiddenColumns).toEqual([6]);
    expect(schools.merges).toEqual([{ top: 6, left: 0, bottom: 6, right: 2 }]);
    expect(texts.values[0][0]).toBe("说明".repeat(3000));
    expect(texts.values[1500]).toEqual(["School number 1499 of the county", 1499]);
    expect(hidden.visibility).toBe("hidden");
    const [schools1904] = await gridsOf(fixture("features-1904.xls"));
    expect(schools1904.values[1][1]).toEqual(new Date(Date.UTC(1958, 8, 1)));
  });

  test("balance evaluate --json gives the same result for the sample county's .xls as for its .xlsx", async () => {
    const xls = await run("evaluate", path.join(FIXTURES, "sample-county.xls"), "--json");
    const xlsx = await run("evaluate", path.join(ROOT, "examples/sample-county.xlsx"), "--json");
    expect(xls.code).toBe(xlsx.code);
    expect(xls.stderr).toBe("");
    expect(JSON.parse(xls.stdout)).toEqual(JSON.parse(xlsx.stdout));
  });
});

/** A one-sheet workbook of these records in a Compound File, and the globals given. */
function xls(
  records: number[][],
  globals: number[][] = [],
  options: Parameters<typeof compoundFile>[1] = {},
) {
  return compoundFile({ Workbook: workbookStream(globals, [{ name: "学校", records }]) }, options).bytes;
}

/** XF 0 General, 1 built-in 14 (a date), 2 a custom 年月日 date, 3 a custom number with a quoted d. */
const STYLES = [
  BIFF.format(164, 'yyyy"年"m"月"d"日"'),
  BIFF.format(165, '0" d";[Red]\\-0'),
  BIFF.xf(0),
  BIFF.xf(14),
  BIFF.xf(164),
  BIFF.xf(165),
];

describe("BIFF8 records built by hand", () => {
  test("the shared strings run over CONTINUE records: each string's characters resume after a flag byte of their own", async () => {
    const sst = record(0x00fc, [
      ...u32(6),
      ...u32(5),
      ...[...u16(2), 0, ...latin1("AB")],
      // "ab学校": two 8-bit characters here, the other two 16-bit in the next record
      ...[...u16(4), 0, ...latin1("ab")],
    ]);
    const first = record(0x003c, [
      1,
      ...utf16("学校"),
      // rich text: one run, its four bytes split over the next boundary
      ...[...u16(2), 0x09, ...u16(1), ...utf16("中文"), 0, 0],
    ]);
    const second = record(0x003c, [
      0,
      0,
      // phonetic data of 2 bytes; the header ends the record, the characters begin after the next one's flag
      ...[...u16(3), 0x04, ...u32(2)],
    ]);
    const third = record(0x003c, [
      0,
      ...latin1("xyz"),
      0xaa,
      0xbb,
      // "汉字ok": 16-bit here, 8-bit in the next record
      ...[...u16(4), 1, ...utf16("汉字")],
    ]);
    const fourth = record(0x003c, [0, ...latin1("ok")]);
    const cells = [0, 1, 2, 3, 4].map((i) => BIFF.labelSst(0, i, i));
    const [grid] = await gridsOf(xls(cells, [sst, first, second, third, fourth]));
    expect(grid.values).toEqual([["AB", "ab学校", "中文", "xyz", "汉字ok"]]);
  });

  test("RK numbers in all four encodings, alone and in MULRK; NUMBER; integers kept exact", async () => {
    const [grid] = await gridsOf(
      xls([
        BIFF.rk(0, 0, 0, rkInteger(1452)),
        BIFF.rk(0, 1, 0, rkInteger(41527, true)),
        BIFF.rk(0, 2, 0, rkDouble(0.5)),
        BIFF.rk(0, 3, 0, rkDouble(12.5, true)),
        BIFF.rk(0, 4, 0, rkInteger(-3)),
        BIFF.mulrk(1, 1, [
          [0, rkInteger(7)],
          [0, rkInteger(-250, true)],
          [0, rkDouble(-2)],
        ]),
        BIFF.number(2, 0, 0, 3.14159),
      ]),
    );
    expect(grid.values).toEqual([[1452, 415.27, 0.5, 0.125, -3], [null, 7, -2.5, -2], [3.14159]]);
  });

  test("a number in a date format is a Date, in the 1900 and the 1904 date systems; other formats stay numbers", async () => {
    const cells = [
      BIFF.number(0, 0, 1, 45536),
      BIFF.rk(0, 1, 2, rkInteger(45536)),
      BIFF.number(0, 2, 3, 45536),
      BIFF.number(0, 3, 0, 45536),
      BIFF.formula(0, 4, 1, RESULT.number(45536.5)),
    ];
    const [grid1900] = await gridsOf(xls(cells, STYLES));
    const day = new Date(Date.UTC(2024, 8, 1));
    expect(grid1900.values).toEqual([[day, day, 45536, 45536, new Date(Date.UTC(2024, 8, 1, 12))]]);
    const [grid1904] = await gridsOf(
      xls([BIFF.number(0, 0, 1, 0), BIFF.number(0, 1, 1, 44074)], [BIFF.datemode(true), ...STYLES]),
    );
    expect(grid1904.values).toEqual([[new Date(Date.UTC(1904, 0, 1)), day]]);
  });

  test("booleans, errors, labels and formulas' cached results; blanks and empty text are no value", async () => {
    const [grid] = await gridsOf(
      xls([
        BIFF.boolErr(0, 0, 1, false),
        BIFF.boolErr(0, 1, 0, false),
        BIFF.boolErr(0, 2, 0x2a, true),
        BIFF.boolErr(0, 3, 0x07, true),
        BIFF.label(0, 4, "第一小学"),
        BIFF.blank(0, 5),
        BIFF.formula(1, 0, 0, RESULT.text()),
        BIFF.string("城区"),
        BIFF.formula(1, 1, 0, RESULT.boolean(true)),
        BIFF.formula(1, 2, 0, RESULT.error(0x17)),
        BIFF.formula(1, 3, 0, RESULT.empty()),
        BIFF.formula(1, 4, 0, RESULT.number(2.5)),
        BIFF.blank(2, 0),
      ]),
    );
    expect(grid.values).toEqual([
      [true, false, { error: "#N/A" }, { error: "#DIV/0!" }, "第一小学"],
      ["城区", true, { error: "#REF!" }, null, 2.5],
    ]);
  });

  test("a sheet marked not calculated (UNCALCED, as POI writes): a formula's stored 0 is no result", async () => {
    const uncalced = record(0x005e, [0, 0]);
    const cells = [
      BIFF.formula(0, 0, 0, RESULT.number(0)),
      BIFF.number(0, 1, 0, 0),
      BIFF.formula(0, 2, 0, RESULT.number(0)),
    ];
    const [marked] = await gridsOf(xls([uncalced, ...cells]));
    expect(marked.values).toEqual([[{ formula: "" }, 0, { formula: "" }]]);
    // the reader's own reading of the 0, not a cell given twice
    expect(marked.notes).toBeUndefined();
    // not marked, or another formula with a result of its own (a number, a text): 0 is the formula's result
    const others = [
      [BIFF.formula(0, 3, 0, RESULT.number(7))],
      [BIFF.formula(0, 3, 0, RESULT.text()), BIFF.string("城区")],
    ];
    for (const records of [cells, ...others.map((other) => [uncalced, ...cells, ...other])]) {
      const [grid] = await gridsOf(xls(records));
      expect(grid.values[0].slice(0, 3)).toEqual([0, 0, 0]);
    }
  });

  test("a cell two records give with other values: the later is read, and the cell named", async () => {
    const [grid] = await gridsOf(
      xls([BIFF.label(1, 0, "甲小学"), BIFF.number(1, 1, 0, 120), BIFF.number(1, 1, 0, 210)]),
    );
    expect(grid.values[1]).toEqual(["甲小学", 210]);
    expect(grid.notes).toEqual([
      expect.objectContaining({ severity: "warning", code: "cell-given-twice", cell: "学校!B2" }),
    ]);
    expect(grid.notes![0].message.zh).toContain("先为 120，后为 210，已按后者读取");
    // the same value twice loses nothing
    const [same] = await gridsOf(xls([BIFF.number(0, 0, 0, 5), BIFF.number(0, 0, 0, 5)]));
    expect(same.notes).toBeUndefined();
  });

  test("a formula's text result longer than a record runs on into CONTINUE records, whole", async () => {
    // 6,000 Latin-1 characters in the STRING record, then 4,000 Chinese ones in a CONTINUE record whose first byte
    // says they are 16-bit: the 10,000 characters a formula such as REPT gives
    const first = "a".repeat(6000);
    const rest = "校".repeat(4000);
    const [grid] = await gridsOf(
      xls([
        BIFF.formula(0, 0, 0, RESULT.text()),
        record(0x0207, [...u16(first.length + rest.length), 0, ...latin1(first)]),
        record(0x003c, [1, ...utf16(rest)]),
        BIFF.label(0, 1, "后"),
      ]),
    );
    expect(grid.values).toEqual([[first + rest, "后"]]);
  });

  test("merged cells, hidden rows and columns (a column of no width too), cells far apart as the .xlsx reader gives them", async () => {
    const [grid] = await gridsOf(
      xls([
        BIFF.colinfo(1, 2, true),
        BIFF.colinfo(4, 4, false, 0),
        BIFF.row(1, true),
        BIFF.label(0, 0, "标题"),
        BIFF.label(0, 1, "合并区域中的旧值"),
        BIFF.number(1, 3, 0, 1),
        BIFF.number(3, 2000, 0, 9),
        BIFF.merged([[0, 0, 0, 2]]),
      ]),
    );
    expect(grid.values[0]).toEqual(["标题"]);
    expect(grid.values[1]).toEqual([null, null, null, 1]);
    expect(2 in grid.values).toBe(false);
    expect(grid.values[3][2000]).toBe(9);
    expect(grid.values[3][0]).toBeUndefined();
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(grid.hiddenRows).toEqual([1]);
    expect(grid.hiddenColumns).toEqual([1, 2, 4]);
  });

  test("sheets in order with their visibility; chart, macro and dialog sheets left out", async () => {
    const sheet = (name: string, more: Partial<BiffSheet> = {}): BiffSheet => ({
      name,
      records: [BIFF.label(0, 0, name)],
      ...more,
    });
    const stream = workbookStream(
      [],
      [
        sheet("学校"),
        sheet("图表", { type: 2, substream: 0x20 }),
        sheet("旧数据", { state: 1 }),
        sheet("宏", { type: 1, substream: 0x40 }),
        sheet("对话框", { records: [record(0x0081, [0x11, 0x04])] }),
        sheet("配置", { state: 2 }),
      ],
    );
    const grids = await gridsOf(compoundFile({ Workbook: stream }).bytes);
    expect(grids).toEqual([
      { sheet: "学校", topLeft: "A1", values: [["学校"]] },
      { sheet: "旧数据", topLeft: "A1", values: [["旧数据"]], visibility: "hidden" },
      { sheet: "配置", topLeft: "A1", values: [["配置"]], visibility: "veryHidden" },
    ]);
  });

  test("a chart embedded in a sheet is a substream of its own, its records no cells of the sheet", async () => {
    const [grid] = await gridsOf(
      xls([
        BIFF.number(0, 0, 0, 1),
        BIFF.bof(0x20),
        BIFF.number(0, 1, 0, 99),
        BIFF.eof(),
        BIFF.number(0, 2, 0, 3),
      ]),
    );
    expect(grid.values).toEqual([[1, null, 3]]);
  });

  test("an Excel 95 workbook (BIFF5, the Book stream): its text in the code page, GBK", async () => {
    const gbk = [0xd1, 0xa7, 0xd0, 0xa3]; // 学校
    const stream = workbookStream(
      [BIFF.codepage(936)],
      [
        {
          name: "学校",
          records: [
            record(0x0204, [...u16(0), ...u16(0), ...u16(0), ...u16(gbk.length), ...gbk]),
            BIFF.number(0, 1, 0, 42),
            BIFF.formula(1, 0, 0, RESULT.text()),
            record(0x0207, [...u16(2), ...latin1("ok")]),
          ],
        },
      ],
      { version: 0x0500, sheetName: () => [gbk.length, ...gbk] },
    );
    const grids = await gridsOf(compoundFile({ Book: stream }).bytes);
    expect(grids).toEqual([{ sheet: "学校", topLeft: "A1", values: [["学校", 42], ["ok"]] }]);
  });
});

describe("the Compound File around the workbook", () => {
  const records = Array.from({ length: 300 }, (_, i) => BIFF.number(i, 0, 0, i + 0.5));
  const expected = records.map((_, i) => [i + 0.5]);
  const big = workbookStream([], [{ name: "学校", records }]);

  test("a workbook stream past the cutoff (in sectors) and one under it (in the mini stream) read alike", async () => {
    expect(big.length).toBeGreaterThan(4096);
    expect((await gridsOf(compoundFile({ Workbook: big }).bytes))[0].values).toEqual(expected);
    const small = workbookStream([], [{ name: "学校", records: records.slice(0, 10) }]);
    expect(small.length).toBeLessThan(4096);
    // another small stream first: the workbook's first mini sector is not its first sector of the file's
    const built = compoundFile({ "\x05SummaryInformation": new Uint8Array(200).fill(7), Workbook: small });
    expect(built.start.Workbook).toBe(4);
    expect((await gridsOf(built.bytes))[0].values).toEqual(expected.slice(0, 10));
  });

  test("version 4 (4,096-byte sectors) and a FAT of more than 109 sectors (an extra DIFAT sector)", async () => {
    expect((await gridsOf(compoundFile({ Workbook: big }, { version: 4 }).bytes))[0].values).toEqual(
      expected,
    );
    const small = workbookStream([], [{ name: "学校", records: records.slice(0, 3) }]);
    expect((await gridsOf(compoundFile({ Workbook: small }, { version: 4 }).bytes))[0].values).toEqual(
      expected.slice(0, 3),
    );
    // the stream's sectors past the 109 × 128 the header's FAT sectors cover: found through the DIFAT sector only
    const wide = compoundFile({ Workbook: big }, { leadingFree: 109 * 128 });
    expect(new DataView(wide.bytes.buffer).getUint32(72, true)).toBe(1); // one DIFAT sector
    expect(wide.start.Workbook).toBeGreaterThanOrEqual(109 * 128);
    expect((await gridsOf(wide.bytes))[0].values).toEqual(expected);
    const widest = compoundFile({ Workbook: big }, { version: 4, fatSectors: 1200 });
    expect(new DataView(widest.bytes.buffer).getUint32(72, true)).toBe(2);
    expect((await gridsOf(widest.bytes))[0].values).toEqual(expected);
  });

  test("a password-protected .xlsx (EncryptionInfo, EncryptedPackage) asks for the password to be removed", async () => {
    const problem = await problemOf(
      readFileSync(path.join(ROOT, "tests/trust/fixtures/xlsx/bad-encrypted.xlsx")),
    );
    expect(problem.code).toBe("xlsx-encrypted");
    expect(problem.message.zh).toContain("密码");
    expect(problem.message.en).toContain("password");
  });

  test("a password-protected .xls (FILEPASS) says so, in Chinese and in English", async () => {
    const stream = workbookStream([BIFF.filepass()], [{ name: "学校", records: [BIFF.number(0, 0, 0, 1)] }]);
    const problem = await problemOf(compoundFile({ Workbook: stream }).bytes);
    expect(problem.code).toBe("xls-encrypted");
    expect(problem.message.zh).toMatch(/^该 \.xls 工作簿设有打开密码/u);
    expect(problem.message.en).toMatch(/password-protected/u);
  });

  test("a Word or PowerPoint file, or a Compound File of neither, is said to be what it is", async () => {
    const word = await problemOf(
      compoundFile({ WordDocument: new Uint8Array(5000), "1Table": new Uint8Array(100) }).bytes,
    );
    expect(word.message.zh).toContain("Word 文档");
    const slides = await problemOf(compoundFile({ "PowerPoint Document": new Uint8Array(100) }).bytes);
    expect(slides.message.zh).toContain("PowerPoint");
    const other = await problemOf(compoundFile({ Contents: new Uint8Array(100) }).bytes);
    expect(other.code).toBe("no-sheet");
  });

  test("a FAT chain that loops is damage, told at once", async () => {
    const built = compoundFile({ Workbook: big });
    const view = new DataView(built.bytes.buffer);
    const start = built.start.Workbook;
    view.setUint32(built.fatOffsets[0] + (start + 2) * 4, start, true);
    const problem = await problemOf(built.bytes);
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toContain("循环");
    expect(problem.message.en).toContain("loops");
  });

  test("a mini FAT chain that loops, a DIFAT that loops, a sector past the end: damage", async () => {
    const small = workbookStream([], [{ name: "学校", records: records.slice(0, 10) }]);
    const mini = compoundFile({ Workbook: small });
    const view = new DataView(mini.bytes.buffer);
    // the mini FAT is the sector before the directory's: point the stream's second mini sector back at its first
    const miniFatAt = (view.getUint32(60, true) + 1) * mini.sectorSize;
    view.setUint32(miniFatAt + 4, 0, true);
    expect((await problemOf(mini.bytes)).message.en).toContain("loops");

    // 400 FAT sectors: 109 in the header, the rest in three DIFAT sectors; the first made to point at itself
    const wide = compoundFile({ Workbook: big }, { fatSectors: 400 });
    const w = new DataView(wide.bytes.buffer);
    expect(w.getUint32(72, true)).toBe(3);
    const difat = w.getUint32(68, true);
    w.setUint32((difat + 1) * 512 + 127 * 4, difat, true);
    expect((await problemOf(wide.bytes)).message.en).toContain("DIFAT chain loops");

    const far = compoundFile({ Workbook: big });
    new DataView(far.bytes.buffer).setUint32(48, 999999, true); // the directory's first sector
    expect((await problemOf(far.bytes)).message.en).toContain("sector 999999");
  });

  test("a file cut off (a download interrupted, a full USB stick) is damage, never an exception", async () => {
    const whole = compoundFile({ Workbook: big }).bytes;
    for (const length of [8, 100, 511, 512, 1024, 3000, whole.length - 700]) {
      const problem = await problemOf(whole.subarray(0, length));
      expect([length, problem.code]).toEqual([length, "xlsx-corrupt"]);
      expect(problem.message.zh).toMatch(/^工作簿已损坏/u);
    }
  });

  test("a workbook stream cut inside a record, or a record too short for its type, is damage named by where", async () => {
    const cut = big.subarray(0, big.length - 5);
    expect((await problemOf(compoundFile({ Workbook: cut }).bytes)).message.en).toContain("cut off");
    const short = xls([record(0x0203, [0, 0, 0, 0])]);
    expect((await problemOf(short)).message.zh).toContain("工作表“学校”");
    expect((await problemOf(xls([BIFF.labelSst(0, 0, 3)]))).message.en).toContain("shared string 3");
  });

  test("a cell pointing past the shared strings is named by its address, as in an .xlsx", async () => {
    const problem = await problemOf(xls([BIFF.labelSst(4, 2, 7)]));
    expect(problem.cell).toBe("学校!C5");
    expect(problem.message.zh).toBe("工作簿已损坏，无法读取（学校!C5 指向不存在的共享文本 7）");
    expect(problem.message.en).toContain("学校!C5 points to shared string 7");
  });
});
