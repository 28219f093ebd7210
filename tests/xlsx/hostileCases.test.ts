/**
 * The hostile files that once got past the reader's contract (hostile.test.ts), each kept at its smallest: what
 * it once did, and what it must do now. Expected grids are counted by hand from the bytes written here.
 */
import { inflateWithZlib } from "../../src/cli/workbookFile";
import type { Grid } from "../../src/sheet/grid";
import { readWorkbook, type ReadWorkbookOptions } from "../../src/xlsx/reader";
import { XmlScanner } from "../../src/xlsx/reader/xml";
import { expectContract, gridSize } from "./hostileHelpers";
import {
  DAMAGED_PART,
  OVERLAP,
  csvOfOneHugeField,
  numberCell as number,
  pageOfHugeSpans,
  spreadsheet2003 as book,
  spreadsheet2003BillionHiddenRows,
  xlsPastLastColumn,
  xlsSheetsSharingASubstream,
  xlsOfOverlappingMerges,
  xlsxOfDamagedDeflate,
  xlsxOfOverlappingMerges,
} from "./hostileFiles";
import { rawWorkbook, sheetData } from "./rawWorkbook";
import { BIFF, compoundFile, workbookStream } from "./xlsBytes";

async function read(bytes: Uint8Array, name?: string, options: ReadWorkbookOptions = {}) {
  const result = await readWorkbook(bytes, { ...options, name });
  expectContract(result, bytes.length);
  return result;
}

async function gridsOf(bytes: Uint8Array, name?: string): Promise<Grid[]> {
  const result = await read(bytes, name);
  if (!result.ok) throw new Error(result.problem.message.en);
  return result.grids;
}

async function problemOf(bytes: Uint8Array, name?: string, options: ReadWorkbookOptions = {}) {
  const result = await read(bytes, name, options);
  if (result.ok) throw new Error("read, though it should not have been");
  return result.problem;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** How many cells a row holds, blanks filled in included (holes are not cells). */
const cellsOf = (row: unknown[]) => row.reduce<number>((n) => n + 1, 0);

describe("old binary .xls", () => {
  const xls = (stream: Uint8Array) => compoundFile({ Workbook: stream }).bytes;

  it("a multiple-cell record running past column 16,384 is damage named by its row, not a row 65,536 wide", async () => {
    const problem = await problemOf(xlsPastLastColumn());
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toContain("工作表“学校”第 3 行有一个单元格在第 65535 列");
    expect(problem.message.en).toContain("16,384 columns");
  });

  it("two sheets pointing to one substream are damage, never the same cells read once per sheet", async () => {
    const problem = await problemOf(xlsSheetsSharingASubstream());
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toBe(
      "工作簿已损坏，无法读取（工作表“乙”与工作表“甲”指向工作簿流中的同一位置）",
    );
  });

  it("a sheet of its own each still reads (the check above leaves honest files alone)", async () => {
    const stream = workbookStream(
      [],
      [
        { name: "甲", records: [BIFF.number(0, 0, 0, 1)] },
        { name: "乙", records: [BIFF.number(0, 0, 0, 2), BIFF.mulrk(1, 16382, [[0, 6]])] },
      ],
    );
    const grids = await gridsOf(xls(stream));
    expect(grids.map((g) => g.sheet)).toEqual(["甲", "乙"]);
    expect(grids[1].values[1][16382]).toBe(1);
  });
});

describe("web pages", () => {
  it("a cell spanning 65,534 rows and 1,000 columns costs its columns, never a set of 65 million", async () => {
    // sixteen such cells in a row: rows × columns covered would be a billion; the columns they cover are 16,000
    const [grid] = await gridsOf(pageOfHugeSpans());
    // row 1: x at columns 0, 1000, …, 15000 (spans held at 65,534 × 1,000 as a browser holds them), y after
    expect(grid.values[0].length).toBe(16001);
    expect(grid.values[0][15000]).toBe("x");
    expect(grid.values[0][16000]).toBe("y");
    // row 2: every column up to 16,000 is covered from above; z goes in the first free one
    expect(grid.values[1].length).toBe(16001);
    expect(grid.values[1][16000]).toBe("z");
    expect(grid.merges).toHaveLength(16);
    expect(grid.merges![15]).toEqual({ top: 0, left: 15000, bottom: 1, right: 15999 });
  });
});

describe("web pages, rows under spanning cells", () => {
  it("rows under cells spanning 16,000 columns cost a cell each, not 16,000 blanks each", async () => {
    const spanning = '<td rowspan="65534" colspan="1000">x</td>'.repeat(16);
    const page = utf8(`<table><tr>${spanning}</tr>${"<tr><td>1".repeat(2000)}</table>`);
    const [grid] = await gridsOf(page);
    expect(grid.values.length).toBe(2001);
    // each row below: its one cell in the first column the spans leave free, the covered ones a hole before it
    expect(grid.values[1][16000]).toBe(1);
    expect(grid.values[2000][16000]).toBe(1);
    expect(cellsOf(grid.values[2000])).toBe(1);
    // the first row: sixteen x, each followed by the 999 blanks of its span
    expect(cellsOf(grid.values[0])).toBe(16000 - 999);
  });
});

describe("web pages, long cells", () => {
  it("a cell of 100,000 tags after more text than a cell holds costs the text it keeps, not the tags × it", async () => {
    const page = `<table><tr><td>${"x".repeat(140_000)}${"<b>y".repeat(100_000)}</td><td>2</td></tr></table>`;
    const [grid] = await gridsOf(utf8(page), "导出.xls");
    // what a cell holds: 32,767 characters, the first of the text
    expect(grid.values).toEqual([["x".repeat(32_767), 2]]);
  });
});

describe("web pages' style sheets", () => {
  const textCell = '<table><tr><td class="xl65">12.50</td><td class="xl66">12.50</td></tr></table>';

  it("a style sheet of 200,000 characters without a brace is read in one pass, its classes none", async () => {
    const page = `<html><head><style>${"a".repeat(200_000)}</style></head><body>${textCell}</body></html>`;
    const [grid] = await gridsOf(utf8(page));
    // no rule: neither class is text, and 12.50 reads as the number it plainly is
    expect(grid.values).toEqual([[12.5, 12.5]]);
  });

  it("a class the number format @ gives is text, each style sheet read on its own as a browser reads it", async () => {
    const page =
      '<style>.xl65 {mso-number-format:"\\@";} .xl66</style><style>{mso-number-format:"\\@";}</style>' +
      textCell;
    const [grid] = await gridsOf(utf8(page));
    // .xl66 ends the first sheet without a rule; the second's rule has no selector: only xl65 is text
    expect(grid.values).toEqual([["12.50", 12.5]]);
  });
});

describe("Excel 2003 XML", () => {
  it("a hidden row spanning a billion rows is past a sheet's rows, said so, not a billion rows hidden", async () => {
    const problem = await problemOf(spreadsheet2003BillionHiddenRows());
    expect(problem.code).toBe("table-too-large");
    expect(problem.message.zh).toContain("1,048,576 行");
  });

  it("hidden rows and columns spanning far past the cells cost nothing past them", async () => {
    const [grid] = await gridsOf(
      book(
        '<Column ss:Hidden="1" ss:Span="16000"/>' +
          `<Row ss:Hidden="1" ss:Span="1">${number(1)}${number(2)}</Row>` +
          `<Row>${number(3)}</Row>` +
          '<Row ss:Hidden="1" ss:Span="1048000"/>',
      ),
    );
    expect(grid.values).toEqual([[1, 2], , [3]]);
    // rows 1 and 2 hidden (the span's second row has no cells but lies within them); columns A and B
    expect(grid.hiddenRows).toEqual([0, 1]);
    expect(grid.hiddenColumns).toEqual([0, 1]);
    // two rows, three cells, two hidden rows, two hidden columns
    expect(gridSize(grid)).toBe(2 + 3 + 2 + 2);
  });

  it("cells placed past merged cells above them cost the columns they pass, never merges × merges", async () => {
    // 8,000 merged cells reaching down, each a column to the left of the one above it; then 1,000 rows whose one
    // cell without ss:Index goes past all of them, to column 8,001
    const merges = 8000;
    const reaching = Array.from(
      { length: merges },
      (_, i) => `<Row><Cell ss:Index="${merges - i}" ss:MergeDown="1040000"/></Row>`,
    ).join("");
    const [grid] = await gridsOf(book(reaching + `<Row>${number(7)}</Row>`.repeat(1000)));
    expect(grid.values.length).toBe(merges + 1000);
    expect(grid.values[merges][merges]).toBe(7);
    expect(grid.values[merges + 999][merges]).toBe(7);
    expect(cellsOf(grid.values[merges + 999])).toBe(1);
    expect(grid.merges).toHaveLength(merges);
  });

  it("a cell at ss:Index 16,384 is one cell, not 16,383 blanks before it", async () => {
    const [grid] = await gridsOf(book(`<Row>${number(1)}${number(2, ' ss:Index="16384"')}</Row>`));
    expect(grid.values[0][0]).toBe(1);
    expect(grid.values[0][16383]).toBe(2);
    expect(cellsOf(grid.values[0])).toBe(2);
  });
});

describe(".xlsx", () => {
  it("a part whose compressed data is damaged is said so in Chinese, not in the inflater's English", async () => {
    const zip = xlsxOfDamagedDeflate();
    const part = DAMAGED_PART;
    // fflate, as in the browser, and Node's zlib, as the command line inflates
    for (const options of [{}, { inflateWhole: inflateWithZlib }]) {
      const problem = await problemOf(zip, undefined, options);
      expect(problem.code).toBe("xlsx-corrupt");
      expect(problem.message.zh).toBe(
        `工作簿已损坏，无法读取（压缩包中的“${part}”无法解压：压缩的数据已损坏）`,
      );
      expect(problem.message.en).toBe(
        `the workbook is damaged and cannot be read (zip: ${part} cannot be unpacked: its compressed data is damaged)`,
      );
    }
  });
});

describe("text tables", () => {
  it("one quoted field of 10 MB is said to be no table, by its line, not read into a cell", async () => {
    const problem = await problemOf(csvOfOneHugeField(), "学校.csv");
    expect(problem.code).toBe("text-quote-unclosed");
    expect(problem.message.zh).toContain("文本表格第 2 行的引号");
  });
});

describe("merged ranges over the same cells again and again", () => {
  // 1,000 ranges × 2,000 rows: 2 million steps, past the million more than the rows' lengths any sheet of ranges
  // that do not overlap takes
  it.each([
    [".xls", xlsOfOverlappingMerges],
    [".xlsx", xlsxOfOverlappingMerges],
  ])("%s: damage named by its sheet, never ranges × cells of work", async (_, make) => {
    expect(OVERLAP.rows * OVERLAP.merges).toBeGreaterThan(1_000_000 + OVERLAP.rows);
    const problem = await problemOf(make());
    expect(problem.code).toBe("xlsx-corrupt");
    expect(problem.message.zh).toBe("工作簿已损坏，无法读取（工作表“学校”的合并单元格大量相互重叠）");
  });

  it("a range listed twice over a few cells still reads, cleared as Excel shows it", async () => {
    const [grid] = await gridsOf(
      rawWorkbook({
        sheets: [
          {
            name: "学校",
            xml:
              sheetData([
                '<row r="1"><c r="A1"><v>1</v></c></row>',
                '<row r="2"><c r="A2"><v>2</v></c></row>',
              ]) + '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="A1:A2"/></mergeCells>',
          },
        ],
      }),
    );
    expect(grid.values).toEqual([[1]]);
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 0, bottom: 1, right: 0 },
    ]);
  });
});

describe("XML written in pieces", () => {
  /** The elements and texts a scanner meets in `pieces`, written one after another. */
  function events(pieces: string[]): string[] {
    const met: string[] = [];
    const scanner = new XmlScanner("x.xml", {
      open: (name) => met.push(`<${name}>`),
      close: (name) => met.push(`</${name}>`),
      text: (text) => met.push(text),
    });
    for (const piece of pieces) scanner.write(piece);
    scanner.end();
    return met;
  }
  const inPieces = (text: string, size: number) =>
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  it("a comment of 2 million characters written 16 at a time is scanned a few times over, not once a piece", async () => {
    // once a piece: 125,000 pieces × a million characters on average, hours; now a few passes over 2 million
    const xml = `<x><!--${"a".repeat(2_000_000)}--><a/>${"b".repeat(2_000_000)}<c/></x>`;
    const met = events(inPieces(xml, 16));
    expect(met.filter((e) => e.startsWith("<"))).toEqual(["<x>", "<a>", "</a>", "<c>", "</c>", "</x>"]);
    expect(met.filter((e) => !e.startsWith("<")).join("")).toBe("b".repeat(2_000_000));
  });

  it("what a long token in pieces gives is what the whole gives", async () => {
    const xml = `<x a="${"q".repeat(100_000)}">${"t".repeat(70_000)}<![CDATA[${"d".repeat(90_000)}]]><y/></x>`;
    const whole = events([xml]);
    for (const size of [1000, 16_384, 65_536])
      expect(events(inPieces(xml, size)).join("|")).toBe(whole.join("|"));
  });
});
