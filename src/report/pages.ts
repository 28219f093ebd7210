/**
 * Where a printed sheet's pages end, worked out as the spreadsheet lays them out (A4, the report's margins, the
 * sheet at 100 % even where it is fitted, the repeated rows on every page after the first), so that a
 * table that fits on a page is not cut by a page's end: a sheet of several tables repeats only one header, and a
 * table split across pages would go on without its header, a section's heading would stand alone at a page's foot.
 * A table longer than a page gets a copy of its header on each page it runs on to (`SheetBuilder.repeatHeader`),
 * placed where `pageLayout` says each page starts.
 */
import { ceilWhole } from "../standard/comparison";
import { MARGINS } from "./look";
import type { PrintSetup } from "./model";

/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 };

/**
 * Rows (1-based, inclusive) to print on one page where they fit on one; else their first `head` rows together. A
 * block may hold another (the signature's lines in the block of a table's last rows and them): where the outer
 * block is cut, the inner is still kept together, the page breaking before it rather than inside it.
 */
export interface KeepTogether {
  from: number;
  to: number;
  head: number;
}

/**
 * The height of the page's printable area in the sheet's own points. A sheet fitted to the page's width is
 * counted at 100 %: each spreadsheet scales it by its own columns' widths, which its fonts make (LibreOffice
 * without 宋体 draws columns narrower than Excel, and does not scale a sheet Excel scales to 84 %), and a page
 * at 100 % is the least any of them holds.
 */
function pageHeight(print: PrintSetup): number {
  const paperHeight = print.orientation === "portrait" ? A4.long : A4.short;
  // a little to spare: a spreadsheet's own rounding (each row is rounded up to Excel's pixel, below), and the
  // taller page header and footer LibreOffice draws in a workbook whose default font is larger (宋体 12, an
  // export's, which the pane and the web app write the report's sheets into)
  return (paperHeight - (MARGINS.top + MARGINS.bottom) * 72) * 0.96;
}

/** The width of the page's printable area in points: the paper's, less the left and right margins. */
export function pageWidth(print: PrintSetup): number {
  const paperWidth = print.orientation === "portrait" ? A4.short : A4.long;
  return paperWidth - (MARGINS.left + MARGINS.right) * 72;
}

/** A row's height as Excel draws it, rounded up to a whole pixel at 96 dpi (0.75 pt). */
function drawnHeight(points: number): number {
  return ceilWhole(points / 0.75) * 0.75;
}

/**
 * The rows that start a page: those the sheet sets, and one before each block to keep together that would
 * otherwise run past a page's end.
 */
export function pageBreaks(
  print: PrintSetup,
  rowCount: number,
  heightOf: (row: number) => number,
  keeps: readonly KeepTogether[],
): number[] {
  return pageLayout(print, rowCount, heightOf, keeps).breaks;
}

/**
 * The page breaks to set (`breaks`, as `pageBreaks`) and every row that starts a page once they are set
 * (`starts`): those and the ones where a page runs out of room, past the first row.
 *
 * A block to keep together moves to the next page where the page it starts on has no room for it and a fresh one
 * has: for the whole block, else for its first `head` rows. A block whose first `head` rows a fresh page cannot
 * hold either stays where it starts: moved, it would be cut all the same, a page later, and leave the page it
 * left part empty. A fresh page holds the sheet's repeated rows and, where it starts in a table whose header is
 * copied to each page (`copyOf`), that copy too. A block moves only off a page holding a row of content
 * before it: moving it never leaves a page of repeated rows or a header's copy alone, nor moves it twice. A block
 * that would carry away the last rows of another started before it on the page (a table's last rows and the
 * signature, from a table kept together) takes that one with it where a fresh page holds both.
 *
 * A table (`tables`) broken across pages leaves at least `LEAST_ROWS` of its rows on each page it spans: the pages
 * are laid out again with a break added where one is wanting (`lonelyRowBreak`), a break at a time.
 */
export function pageLayout(
  print: PrintSetup,
  rowCount: number,
  rowHeight: (row: number) => number,
  keeps: readonly KeepTogether[],
  /** rows that head a page as the repeated rows do (a table's header copied there): no content of the page */
  headerRows: ReadonlySet<number> = new Set(),
  /**
   * the header rows (first, last) copied to the top of a page that starts at a row, in a table whose header heads
   * each page it runs on to; null where none is
   */
  copyOf: (row: number) => readonly [number, number] | null = () => null,
  /** the sheet's tables: each page a table is broken across holds at least `LEAST_ROWS` of its rows */
  tables: readonly Table[] = [],
): { breaks: number[]; starts: number[] } {
  const given = print.rowBreaks ?? [];
  const added = new Set<number>();
  // each turn adds a break no turn added before: never more turns than the sheet has rows
  for (let turn = 0; ; turn++) {
    const layout = laidOut(
      { ...print, rowBreaks: [...given, ...added] },
      rowCount,
      rowHeight,
      keeps,
      headerRows,
      copyOf,
    );
    const at = turn < rowCount ? lonelyRowBreak(layout.starts, print, keeps, headerRows, tables) : null;
    if (at === null || added.has(at) || given.includes(at)) return layout;
    added.add(at);
  }
}

/**
 * A table (`from`..`to` its header, to `last` its body) on the sheet: a table broken across pages leaves at least
 * this many of its rows on each page it spans, or all of them where it has fewer.
 */
export interface Table {
  from: number;
  to: number;
  last: number;
}

/** The fewest of a table's rows on a page it is broken across: one alone looks like a mistake on a form. */
export const LEAST_ROWS = 2;

/**
 * A page break that leaves no page with a lone row of a table broken across pages, or null where none is wanting
 * (or none would help): a table whose first page holds one row of it under its header (an orphan) starts the next
 * page, heading and all; one whose last page holds one row (a widow) takes the row before it there too. A break
 * is added only after a row of content on its page, where the page it ends still holds `LEAST_ROWS` of the table,
 * and never inside a block kept together: one the pages do not cut, or the first `head` rows of one they do.
 */
function lonelyRowBreak(
  starts: readonly number[],
  print: PrintSetup,
  keeps: readonly KeepTogether[],
  headerRows: ReadonlySet<number>,
  tables: readonly Table[],
): number | null {
  const t1 = print.titleRows?.[1] ?? -1;
  const given = new Set(print.rowBreaks ?? []);
  const firsts = [1, ...starts];
  const pageOf = (r: number) => firsts.filter((s) => s <= r).length - 1;
  const cut = (keep: KeepTogether) => starts.some((s) => s > keep.from && s <= keep.to);
  const inside = (r: number) =>
    keeps.find((k) => k.from < r && r <= k.to && (!cut(k) || r < k.from + k.head)) ?? null;
  /** the row itself, or the start of the block kept together it falls in */
  const outside = (r: number) => {
    let at = r;
    for (let k = inside(at); k; k = inside(at)) at = k.from;
    return at;
  };
  for (const table of tables) {
    const body: number[] = [];
    for (let r = table.to + 1; r <= table.last; r++) if (!headerRows.has(r)) body.push(r);
    const pages = body.map(pageOf);
    const first = pages[0];
    const last = pages[pages.length - 1];
    if (first === undefined || first === last) continue;
    const on = (page: number, before = Infinity) =>
      body.filter((r, i) => pages[i] === page && r < before).length;
    /** the table, with the heading kept with its header, starting the next page; null where it cannot */
    const startOver = () => {
      const lead = outside(table.from);
      const page = pageOf(lead);
      // a break the sheet sets under its first rows would cut the table there all the same
      if ([...given].some((s) => s > lead && s <= body[Math.min(LEAST_ROWS, body.length) - 1])) return null;
      // as a block kept together moves (`pageLayout`): off a page holding a row before it, and one below the
      // repeated rows only off a page holding a row below them
      for (let r = firsts[page]; r < lead; r++) if (!headerRows.has(r) && (r > t1 || lead <= t1)) return lead;
      return null;
    };
    // the orphan: the table starts the next page
    if (on(first) < LEAST_ROWS && startOver() !== null) return startOver();
    if (on(last) < LEAST_ROWS) {
      // the widow: the row before it goes over with it, where the page it leaves keeps enough of the table; else,
      // a table on two pages only, it starts the next page whole
      const alone = body[body.length - 1];
      const at = outside(body[body.length - 2]);
      const page = pageOf(at);
      const between = [...given].some((s) => s > at && s <= alone);
      if (!between && at > firsts[page] && on(page, at) >= LEAST_ROWS) return at;
      if (!between && pages.every((p) => p === first || p === last) && startOver() !== null)
        return startOver();
    }
  }
  return null;
}

/** One pass of `pageLayout`: the pages as they fill, with the sheet's breaks given. */
function laidOut(
  print: PrintSetup,
  rowCount: number,
  rowHeight: (row: number) => number,
  keeps: readonly KeepTogether[],
  headerRows: ReadonlySet<number>,
  copyOf: (row: number) => readonly [number, number] | null,
): { breaks: number[]; starts: number[] } {
  const heightOf = (r: number) => drawnHeight(rowHeight(r));
  const breaks = new Set(print.rowBreaks ?? []);
  const starts: number[] = [];
  const page = pageHeight(print);
  const [t0, t1] = print.titleRows ?? [0, -1];
  let repeated = 0;
  for (let r = t0; r <= t1; r++) repeated += heightOf(r);
  const span = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= Math.min(to, rowCount); r++) h += heightOf(r);
    return h;
  };
  // the height used on the page so far; a new page starts with the repeated rows once they are past
  let used = 0;
  // whether the page holds a row of the table under the repeated header (`below`), or any row at all (`rows`): a
  // block under the header is not moved off a page of the sheet's title and the header alone; a block above the
  // repeated header (an earlier table of the sheet) moves off any page that holds a row before it
  let below = false;
  let rows = false;
  const newPage = (r: number) => {
    if (r > 1 && starts[starts.length - 1] !== r) starts.push(r);
    used = r > t1 ? repeated : 0;
    below = false;
    rows = false;
  };
  /** the height a block starting at row `r` needs on its page: 0 where a fresh page would not keep it either */
  const needed = (keep: KeepTogether, r: number) => {
    const copy = copyOf(r);
    const room = page - (r > t1 ? repeated : 0) - (copy ? span(copy[0], copy[1]) : 0);
    const whole = span(keep.from, keep.to);
    if (whole <= room) return whole;
    const head = span(keep.from, Math.min(keep.to, keep.from + keep.head - 1));
    return head <= room ? head : 0;
  };
  /** the row each page starts at, by row; and whether a block starting at the row may move off its page */
  const pageFrom: number[] = [];
  const movable: boolean[] = [];
  /**
   * The first row of a block kept together that the block `keep`, moving at row `r`, would cut (one started
   * before it on this page, running on into it), where a fresh page holds the two together and that block may move
   * off its page: the page breaks there, the table whole with its last rows and the signature under them, rather
   * than its last rows going over without its header. Null where there is none.
   */
  const overlapped = (keep: KeepTogether, r: number): number | null => {
    let outer: number | null = null;
    for (const other of keeps) {
      const from = other.from;
      if (from >= r || other.to < r || pageFrom[from] !== pageFrom[r] || !movable[from]) continue;
      if (from === pageFrom[r] || (outer !== null && from >= outer)) continue;
      const copy = copyOf(from);
      const room = page - (from > t1 ? repeated : 0) - (copy ? span(copy[0], copy[1]) : 0);
      if (span(from, Math.max(other.to, keep.to)) <= room) outer = from;
    }
    return outer;
  };
  for (let r = 1; r <= rowCount; r++) {
    if (breaks.has(r)) newPage(r);
    pageFrom[r] = starts[starts.length - 1] ?? 1;
    movable[r] = r > t1 ? below : rows;
    for (const keep of keeps) {
      if (keep.from !== r || !movable[r]) continue;
      const h = needed(keep, r);
      if (h > 0 && used + h > page) {
        const outer = overlapped(keep, r);
        if (outer !== null) {
          return laidOut(
            { ...print, rowBreaks: [...breaks, outer] },
            rowCount,
            rowHeight,
            keeps,
            headerRows,
            copyOf,
          );
        }
        breaks.add(r);
        newPage(r);
      }
    }
    const h = heightOf(r);
    if (used + h > page) newPage(r);
    used += h;
    if (headerRows.has(r)) continue;
    rows = true;
    if (r > t1) below = true;
  }
  return { breaks: [...breaks].sort((a, b) => a - b), starts };
}
