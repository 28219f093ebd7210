/**
 * No page holds a lone row of a table broken across pages (src/report/pages.ts): a table's last row alone on a
 * page of its own (a widow) takes the row before it there; a table's first row alone under its header at a page's
 * foot (an orphan) moves, header and heading too, onto the next page. Never an empty page, never a break inside a
 * block kept together. 扎鲁特旗's 汇总 from the statistics export once printed the 二 table's last row alone.
 */
import type { PrintSetup } from "../../src/report/model";
import { pageLayout, type KeepTogether, type Table } from "../../src/report/pages";
import { SheetBuilder } from "../../src/report/print";
import { exportSummary } from "./exportSummary";
import { pageStartsIn } from "./printCheck";

// portrait A4, not fitted: (841.89 − 2 × 0.6 × 72) × 0.96 ≈ 725.27 pt a page: 48 rows of 15 pt (720 pt), not 49
const portrait: PrintSetup = { orientation: "portrait", paper: "A4" };
const rows15 = () => 15;

/** The pages (first and last rows, 1-based) of a sheet of `rowCount` rows whose later pages start at `starts`. */
function pagesOf(starts: readonly number[], rowCount: number): [number, number][] {
  const firsts = [1, ...starts];
  return firsts.map((first, k) => [first, (firsts[k + 1] ?? rowCount + 1) - 1]);
}

/** How many of `body`'s rows each page holding any of them holds. */
function rowsPerPage(pages: readonly [number, number][], body: readonly number[]): number[] {
  return pages.map(([a, b]) => body.filter((r) => a <= r && r <= b).length).filter((n) => n > 0);
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

describe("hand-worked", () => {
  test("a table's last row alone on the next page takes the row before it there", () => {
    // a header (row 1) and 48 rows: rows 1..48 fill the first page (720 pt), row 49 would be alone on the second
    const table: Table = { from: 1, to: 1, last: 49 };
    expect(pageLayout(portrait, 49, rows15, []).starts).toEqual([49]);
    expect(pageLayout(portrait, 49, rows15, [], new Set(), () => null, [table]).starts).toEqual([48]);
    // a header (row 46) and 3 rows: two of them end the first page, the third would be alone on the next; pulled
    // down, it would leave one there: the table starts the next page whole
    const short: Table = { from: 46, to: 46, last: 49 };
    expect(pageLayout(portrait, 49, rows15, []).starts).toEqual([49]);
    expect(pageLayout(portrait, 49, rows15, [], new Set(), () => null, [short]).starts).toEqual([46]);
  });

  test("under a header's copy: the page of the copy keeps its rows, the last page gets two", () => {
    // a header (row 1), the body to row 97 with a copy of the header at row 49 (a break before it); the second
    // page holds the copy and rows 50..96 (720 pt): row 97 would be alone on a third page
    const print: PrintSetup = { ...portrait, rowBreaks: [49] };
    const table: Table = { from: 1, to: 1, last: 97 };
    const copy = new Set([49]);
    expect(pageLayout(print, 97, rows15, [], copy).starts).toEqual([49, 97]);
    const { starts } = pageLayout(print, 97, rows15, [], copy, () => null, [table]);
    expect(starts).toEqual([49, 96]);
  });

  test("a table's first row alone under its header at a page's foot: the table starts the next page", () => {
    // 46 rows of text, then a table: its header (row 47) and first row (48) end the first page, row 49 starts the
    // next
    const table: Table = { from: 47, to: 47, last: 80 };
    expect(pageLayout(portrait, 80, rows15, []).starts).toEqual([49]);
    expect(pageLayout(portrait, 80, rows15, [], new Set(), () => null, [table]).starts).toEqual([47]);
    // no page is left empty: a table at a page's top stays, one of a page's only rows is not pulled off
    // a header at row 1 and one row, the page holding nothing before them: nothing moves (the second page has the
    // rest)
    const tall = (r: number) => (r === 1 ? 700 : 15);
    const top: Table = { from: 1, to: 1, last: 10 };
    expect(pageLayout(portrait, 10, tall, [], new Set(), () => null, [top]).starts).toEqual([3]);
    // a page of 2 rows of the table (rows of 300 pt) and a last one alone: pulling it would leave one behind
    const big = () => 300;
    const two: Table = { from: 1, to: 1, last: 7 };
    expect(pageLayout(portrait, 7, big, []).starts).toEqual([3, 5, 7]);
    expect(pageLayout(portrait, 7, big, [], new Set(), () => null, [two]).starts).toEqual([3, 5, 7]);
  });

  test("an orphan moves with the heading kept with its header; a widow does not break the block under it", () => {
    // a heading (row 46) kept with the header (47): the page breaks before the heading, not between them
    // (the table, 1,125 pt, longer than a page: its heading and header start the page, not the table whole)
    const heading: KeepTogether = { from: 46, to: 120, head: 2 };
    const table: Table = { from: 47, to: 47, last: 120 };
    expect(pageLayout(portrait, 120, rows15, [heading]).starts).toEqual([49, 97]);
    expect(pageLayout(portrait, 120, rows15, [heading], new Set(), () => null, [table]).starts).toEqual([
      46, 94,
    ]);
    // the widow's row before it starts a block of 3 rows kept together (rows 47..49): the block goes over whole
    const last: Table = { from: 1, to: 1, last: 49 };
    const block: KeepTogether = { from: 46, to: 48, head: 3 };
    const { starts } = pageLayout(portrait, 49, rows15, [block], new Set(), () => null, [last]);
    expect(starts).toEqual([46]);
  });
});

describe("over a sweep of tables and pages", () => {
  /** Checks no page the table is broken across holds exactly one of its rows, and no page is empty. */
  function check(
    label: string,
    starts: readonly number[],
    rowCount: number,
    body: readonly number[],
    content: (r: number) => boolean,
  ) {
    const pages = pagesOf(starts, rowCount);
    const counts = rowsPerPage(pages, body);
    const lone = counts.length > 1 && counts.some((n) => n < 2);
    const empty = pages.filter(([a, b]) => !range(a, b).some(content));
    expect([label, lone, empty]).toEqual([label, false, []]);
  }

  test("rows of many heights, tables of many lengths, with and without the sheet's repeated header", () => {
    for (const height of [15, 22, 37]) {
      for (const before of [0, 5, 17, 30, 41, 46, 47]) {
        for (let n = 1; n <= 90; n++) {
          for (const repeated of [false, true]) {
            // rows 1..before of text, the table's header (row before + 1), its n rows; then a kept table of 4
            const header = before + 1;
            const last = header + n;
            const rowCount = last + 4;
            const print: PrintSetup = repeated ? { ...portrait, titleRows: [header, header] } : portrait;
            const keeps = [{ from: last + 1, to: rowCount, head: 4 }];
            const tables = [{ from: header, to: header, last }];
            const heightOf = (r: number) => (r === header ? 30 : height);
            const { starts } = pageLayout(print, rowCount, heightOf, keeps, new Set(), () => null, tables);
            check(
              `${height}/${before}/${n}/${repeated}`,
              starts,
              rowCount,
              range(header + 1, last),
              () => true,
            );
          }
        }
      }
    }
  });

  test("a sheet's table whose header is copied to each page it runs on to", () => {
    for (const before of [0, 9, 23, 40, 44, 45, 46, 47]) {
      for (let n = 1; n <= 110; n++) {
        const b = new SheetBuilder([20, 20]);
        for (let r = 1; r <= before; r++) b.push([{ value: `说明${r}` }]);
        const header = b.push([
          { value: "学校", style: "header" },
          { value: "数量", style: "header" },
        ]);
        for (let k = 1; k <= n; k++) b.push([{ value: `行${k}` }, { value: k }]);
        b.border(header, 0, b.next - 1, 1);
        b.repeatHeader(header, header, b.next - 1);
        const after = b.push([{ value: "序号", style: "header" }]);
        for (let k = 1; k <= 3; k++) b.push([{ value: `项${k}` }]);
        b.border(after, 0, b.next - 1, 0);
        b.keep(after, b.next - 1);
        const sheet = b.sheet({ key: "summary", name: "汇总", print: { ...portrait } });
        const rowCount = sheet.rows.length;
        const body = range(1, rowCount).filter((r) => /^行/.test(String(sheet.rows[r - 1][0]?.value)));
        expect(body.length).toBe(n);
        const starts = sheet.print!.rowBreaks ?? [];
        const content = (r: number) => sheet.rows[r - 1].every((c) => c?.style !== "header") || r === header;
        check(`${before}/${n}`, starts, rowCount, body, content);
      }
    }
  });
});

test("汇总 of 扎鲁特旗 from the statistics export: the 二 table's last row shares its page with the row before", async () => {
  const { bytes, sheet } = await exportSummary("扎鲁特旗");
  // the 二 table's rows: numbered 1, 2, … in its first column, under its header 序号 and its copies
  const rows = range(1, sheet.rowCount);
  const numbered = rows.filter((r) => typeof sheet.getCell(r, 1).value === "number");
  expect(numbered.map((r) => sheet.getCell(r, 1).value)).toEqual(range(1, 26));
  const pages = pagesOf(pageStartsIn(bytes, "汇总"), sheet.rowCount);
  const counts = rowsPerPage(pages, numbered);
  expect(counts.length).toBeGreaterThan(1);
  expect(counts.filter((n) => n < 2)).toEqual([]);
  // row 26 prints under 25, and every page after the first starting in the table starts at a copy of its header
  const pageOf = (r: number) => pages.findIndex(([a, b]) => a <= r && r <= b);
  expect(pageOf(numbered[25])).toBe(pageOf(numbered[24]));
  for (const [first] of pages.slice(1))
    if (first > numbered[0] && first <= numbered[25]) expect(sheet.getCell(first, 1).value).toBe("序号");
});
