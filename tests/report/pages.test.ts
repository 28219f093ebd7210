/**
 * Where a printed sheet's pages end (src/report/pages.ts): a table that fits on a page is moved whole onto the
 * next rather than cut, a table longer than a page keeps its heading with its first rows, and the rows repeated on
 * every page count on each page after the first.
 */
import type { PrintSetup } from "../../src/report/model";
import { pageBreaks, pageLayout } from "../../src/report/pages";

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
