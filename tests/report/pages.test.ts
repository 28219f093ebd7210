/**
 * Where a printed sheet's pages end (src/report/pages.ts): a table that fits on a page is moved whole onto the
 * next rather than cut, a table longer than a page keeps its heading with its first rows, and the rows repeated on
 * every page count on each page after the first. A signed block no page holds keeps its signature's lines together.
 */
import type { PrintSetup } from "../../src/report/model";
import { pageBreaks, pageLayout } from "../../src/report/pages";
import { SheetBuilder } from "../../src/report/print";

// portrait A4, not fitted: 841.89 − 2 × 0.6 in, less 4 % to spare ≈ 725.3 pt a page
const portrait: PrintSetup = { orientation: "portrait", paper: "A4" };
const rows15 = () => 15;

test("a table that would run past the page's end starts the next page, whole", () => {
  // 40 rows of 15 pt (600 pt), then a table of 12 rows (180 pt) from row 41: it does not fit under them
  expect(pageBreaks(portrait, 60, rows15, [{ from: 41, to: 52, head: 4 }])).toEqual([41]);
  // from row 21 (300 pt used) it fits, and nothing moves
  expect(pageBreaks(portrait, 60, rows15, [{ from: 21, to: 32, head: 4 }])).toEqual([]);
});

test("a table longer than a page keeps its heading with its first rows", () => {
  // rows 48..120 (1095 pt) cannot be on one page: rows 48..51 must be, and at 705 pt used they are not
  expect(pageBreaks(portrait, 120, rows15, [{ from: 48, to: 120, head: 4 }])).toEqual([48]);
  // at row 40 (585 pt used) its first four rows fit: the table starts there and runs on
  expect(pageBreaks(portrait, 120, rows15, [{ from: 40, to: 120, head: 4 }])).toEqual([]);
});

test("the sheet's own breaks stay, and the repeated rows take room on each later page", () => {
  const print: PrintSetup = { ...portrait, rowBreaks: [10], titleRows: [1, 1] };
  // a page starts at row 10 with the 100-pt row 1 repeated (100.5 pt as Excel draws it, in whole pixels); 36
  // rows of 15 pt then fill 640.5 pt: a 6-row table from row 46 (90 pt) no longer fits
  const height = (r: number) => (r === 1 ? 100 : 15);
  expect(pageBreaks(print, 80, height, [{ from: 46, to: 51, head: 4 }])).toEqual([10, 46]);
  // from row 45 it does
  expect(pageBreaks(print, 80, height, [{ from: 45, to: 50, head: 4 }])).toEqual([10]);
});

test("a sheet fitted to the page's width is paged as at 100 %, the least a page holds in any spreadsheet", () => {
  // Excel would scale a sheet of five 40-character columns to about 0.49 and hold twice the rows; LibreOffice,
  // whose columns come out narrower, may not scale it at all: the table from row 41 starts the next page
  const fitted: PrintSetup = { ...portrait, fitToWidth: true };
  expect(pageBreaks(fitted, 60, rows15, [{ from: 41, to: 52, head: 4 }])).toEqual([41]);
});

test("rows count as tall as Excel draws them, in whole pixels at 96 dpi", () => {
  // a 10-pt row is drawn 14 pixels (10.5 pt) tall: 69 of them take 724.5 pt, and a 2-row table (21 pt) from row
  // 70 no longer fits on the page (at 10 pt, 690 + 20 pt would)
  expect(pageBreaks(portrait, 100, () => 10, [{ from: 70, to: 71, head: 2 }])).toEqual([70]);
});

test("a table is not moved off a page that would hold nothing but the sheet's title and the table's header", () => {
  // a title of 321 pt (rows 1..2), a header of 60 pt (rows 3..4) repeated on every page, a table of 26 rows of
  // 15 pt (390 pt) from row 5: under the title it does not fit, on a page of its own with the header it would.
  // Moved, the first page would hold the title and the header alone; it starts under them and runs on
  const print: PrintSetup = { ...portrait, titleRows: [3, 4] };
  const height = (r: number) => (r <= 2 ? 160.5 : r <= 4 ? 30 : 15);
  expect(pageBreaks(print, 30, height, [{ from: 5, to: 30, head: 4 }])).toEqual([]);
  // after a row of its own on the page the table does move, whole
  expect(pageBreaks(print, 31, height, [{ from: 6, to: 31, head: 4 }])).toEqual([6]);
});

test("a block of a table above the rows repeated on every page moves as any block does", () => {
  // rows of 15 pt, the rows repeated on every page those of a later table (row 90): a 2-row block from row 41
  // (600 pt used) fits under the rows before it; one from row 49 (720 pt used, 750 with it, past the page's
  // 740.4 pt) starts the next page, whole, though no row of the later table is yet on the page
  const print: PrintSetup = { ...portrait, titleRows: [90, 90] };
  expect(pageBreaks(print, 100, rows15, [{ from: 41, to: 42, head: 2 }])).toEqual([]);
  expect(pageBreaks(print, 100, rows15, [{ from: 49, to: 50, head: 2 }])).toEqual([49]);
});

test("a block is not moved off a page that holds only a table header's copy", () => {
  // a page starts at row 41 with a header's copy (rows 41..42); the block from row 43 (48 rows, 720 pt) does not
  // fit under it (60 + 720 > 740.4 pt), but moved on it would leave the copy alone on its page: it starts under it
  const print: PrintSetup = { ...portrait, rowBreaks: [41] };
  const height = (r: number) => (r === 41 || r === 42 ? 30 : 15);
  const keeps = [{ from: 43, to: 90, head: 4 }];
  expect(pageLayout(print, 100, height, keeps, new Set([41, 42])).breaks).toEqual([41]);
  // rows that are no copy are content: the block moves on, whole
  expect(pageLayout(print, 100, height, keeps).breaks).toEqual([41, 43]);
});

test("a block that overlaps a table kept together takes the whole table with it where a fresh page holds both", () => {
  // rows of 15 pt; a table kept together at rows 35..44 (150 pt; 510 pt used before it, 660 with it: it fits),
  // and a block of its last two rows and the signature under it, rows 43..50 (120 pt): at row 43 630 pt are used,
  // 750 with it, past the page's 725.3 pt. Moved alone, it would carry the table's last two rows onto the next page
  // without the table's header; the table and the block together (rows 35..50, 240 pt) fit on a fresh page
  const keeps = [
    { from: 35, to: 44, head: 4 },
    { from: 43, to: 50, head: 8 },
  ];
  expect(pageBreaks(portrait, 60, rows15, keeps)).toEqual([35]);
  // a table from row 2 (rows 2..50 together: 49 × 15 = 735 pt) no fresh page holds with the block: the block
  // moves alone, as before
  const long = [
    { from: 2, to: 44, head: 4 },
    { from: 43, to: 50, head: 8 },
  ];
  expect(pageBreaks(portrait, 60, rows15, long)).toEqual([43]);
});

describe("a signed block taller than what a page holds under a header", () => {
  // the page of 725.27 pt (841.89 − 86.4, less 4 %) holds a block of a table's last 2 rows (15 pt), a spacer (8 pt,
  // drawn 8.25), `n` rows of notes (15 pt), a spacer and the signature's 2 lines (20 pt, drawn 20.25): 87 + 15n pt,
  // and the 60 pt of a header above it
  const page = 725.27;
  const header = 60;
  const blockHeight = (n: number) => 87 + 15 * n;
  /**
   * A sheet of rows of 15 pt, a bordered table to row `from` + 1 and the block the signature keeps together from
   * there: the table's last two rows, a spacer, `n` notes and the signature's lines (`SheetBuilder.signature`),
   * with the blocks it keeps
   */
  function signedBlock(from: number, n: number) {
    const b = new SheetBuilder([40, 40, 40]);
    for (let r = 1; r <= from + 1; r++) b.push([{ value: `行${r}` }]);
    b.border(1, 0, from + 1, 2);
    b.spacer();
    for (let k = 1; k <= n; k++) b.note(`说明${k}`, 2);
    b.signature("zh", 2);
    const lines = b.rows.flatMap((cells, i) => (cells.some((c) => c?.style === "signature") ? [i + 1] : []));
    expect(lines).toEqual([from + 4 + n, from + 5 + n]);
    const height = (r: number) => b.rowHeights[r - 1] ?? 15;
    return { lines, keeps: b.keeps, height, to: b.rows.length };
  }
  /** the 1-based page row `row` prints on */
  const pageOf = (starts: readonly number[], row: number) => 1 + starts.filter((s) => s <= row).length;
  /** the pages (first and last rows) holding no row but those given */
  const pagesOnlyOf = (starts: readonly number[], rowCount: number, only: (r: number) => boolean) =>
    [1, ...starts]
      .map((first, k) => [first, (starts[k] ?? rowCount + 1) - 1])
      .filter(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i).every(only));

  test("under a header's copy: whole where it fits, else the page breaks before the signature's lines", () => {
    // a page starts at row 41 with a header's copy (rows 41..42, 30 pt each), the block from row 43
    const print: PrintSetup = { ...portrait, rowBreaks: [41] };
    const copy = new Set([41, 42]);
    for (let n = 30; n <= 50; n++) {
      const block = signedBlock(43, n);
      const height = (r: number) => (copy.has(r) ? 30 : r < 41 ? 15 : block.height(r));
      const rowCount = block.to + 3;
      const { starts } = pageLayout(print, rowCount, height, block.keeps, copy);
      const [first, second] = block.lines.map((r) => pageOf(starts, r));
      expect([n, second]).toEqual([n, first]);
      // on the page of the copy where the two fit there, and the copy is never left alone on a page
      if (header + blockHeight(n) <= page) expect([n, first]).toEqual([n, pageOf(starts, 41)]);
      expect(pagesOnlyOf(starts, rowCount, (r) => copy.has(r))).toEqual([]);
    }
    // 39 rows of notes: 732 pt under the copy, the last line past the page's end. The page breaks before the lines,
    // where the block had run on to the second alone
    const block = signedBlock(43, 39);
    const height = (r: number) => (copy.has(r) ? 30 : r < 41 ? 15 : block.height(r));
    expect(pageLayout(print, 90, height, block.keeps, copy)).toEqual({ breaks: [41, 86], starts: [41, 86] });
  });

  test("under the sheet's repeated rows: moved whole where a fresh page holds it, else it stays and runs on", () => {
    // the repeated rows 1..2 (30 pt each) head every page; a table of rows of 15 pt to row 42, its last two rows the
    // block's first, from row 41 (690 pt used)
    const print: PrintSetup = { ...portrait, titleRows: [1, 2] };
    for (let n = 30; n <= 50; n++) {
      const block = signedBlock(41, n);
      const height = (r: number) => (r <= 2 ? 30 : r < 41 ? 15 : block.height(r));
      const { breaks, starts } = pageLayout(print, block.to + 3, height, block.keeps);
      const [first, second] = block.lines.map((r) => pageOf(starts, r));
      expect([n, second]).toEqual([n, first]);
      // a fresh page holds the block under the repeated rows: it moves there, whole; else moving it would not keep
      // it together either, and it starts where it is, on the first page
      const fits = header + blockHeight(n) <= page;
      expect([n, breaks.includes(41)]).toEqual([n, fits]);
      expect([n, pageOf(starts, 41)]).toEqual([n, fits ? 2 : 1]);
      if (fits) expect([n, first]).toEqual([n, 2]);
    }
    // 39 rows of notes (732 pt under the repeated rows): the first page runs on to three of them (713.25 pt), the
    // second holds the rest and the lines; moved, the block would have left the second line alone on a third page
    const block = signedBlock(41, 39);
    const height = (r: number) => (r <= 2 ? 30 : r < 41 ? 15 : block.height(r));
    expect(pageLayout(print, 88, height, block.keeps)).toEqual({ breaks: [], starts: [47] });
  });

  test("in a table whose header is copied to each page: moved whole only where it fits under the copy", () => {
    // a table's header (rows 1..2, 30 pt each) is copied to the top of each page its body (rows 3..42) runs on to;
    // the block starts at row 41, its last two rows
    const copyOf = (r: number) => (r >= 3 && r <= 42 ? ([1, 2] as const) : null);
    for (let n = 30; n <= 50; n++) {
      const block = signedBlock(41, n);
      const height = (r: number) => (r <= 2 ? 30 : r < 41 ? 15 : block.height(r));
      const { breaks, starts } = pageLayout(portrait, block.to + 3, height, block.keeps, new Set(), copyOf);
      const [first, second] = block.lines.map((r) => pageOf(starts, r));
      expect([n, second]).toEqual([n, first]);
      expect([n, breaks.includes(41)]).toEqual([n, header + blockHeight(n) <= page]);
    }
    // 39 rows of notes: 672 pt, which a fresh page holds, but not under the copy it gets (732 pt)
    const block = signedBlock(41, 39);
    const height = (r: number) => (r <= 2 ? 30 : r < 41 ? 15 : block.height(r));
    expect(pageLayout(portrait, 88, height, block.keeps, new Set(), copyOf).breaks).toEqual([]);
    expect(pageLayout(portrait, 88, height, block.keeps).breaks).toEqual([41]);
    // 38 (717 pt under the copy) moves whole
    const fits = signedBlock(41, 38);
    const fitsHeight = (r: number) => (r <= 2 ? 30 : r < 41 ? 15 : fits.height(r));
    expect(pageLayout(portrait, 88, fitsHeight, fits.keeps, new Set(), copyOf).breaks).toEqual([41]);
  });
});
