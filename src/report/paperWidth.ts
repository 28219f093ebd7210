/**
 * How wide a printed sheet is (docs/architecture.md, the paper model): each column at its widest — as Excel draws it
 * with 宋体 or as a wider face drawn in 宋体's place draws it — the pages across a sheet at 100 % and the margin each
 * keeps, the columns a page across can take, and the size a sheet fitted to the page's width prints its smallest
 * text at. `SheetBuilder` (print.ts) lays out each sheet by these rules; pages.ts does the same down the page.
 */
import { PAGE_MARK_SIZE, REPORT_FONT, columnWidthPoints, fontSizeOf } from "./look";
import type { PrintSetup, ReportCell } from "./model";
import { pageWidth } from "./pages";

/**
 * The widest digit, in em, of a face a spreadsheet may draw the report's 宋体 in: DejaVu Sans's (1303/2048),
 * LibreOffice's fallback where 宋体 is not installed, 27 % wider than 宋体's half em. A column's width counts the
 * default font's digits, so a wider face widens every column with it: 达标情况's facilities' page, 682 pt wide in
 * Excel with 宋体, printed 762 pt wide of the 770 pt of the page in LibreOffice with DejaVu Sans. The faces a
 * clerk's machine may put in 宋体's place (WPS's own metrics, 等线 or Microsoft YaHei where 宋体 is missing) have
 * digits between the two.
 */
export const WIDEST_DIGIT_EM = 1303 / 2048;

/**
 * The share of the printable width a page printed at 100 % leaves clear with the widest face: room for what was
 * not measured here — WPS's own rounding, a digit rounded to whole pixels at another screen resolution (7 px at
 * 96 dpi is 8.75 at 120 dpi, drawn as 9: 3 %), a pixel more on each of a page's 14 columns (1.4 %) — so that
 * no page's last columns spill onto a page of their own.
 */
export const PAGE_WIDTH_SPARE = 0.06;

/**
 * A column's printed width in points at its widest: as Excel draws it with 宋体 10 (whole pixels at 96 dpi, 7
 * a digit and 5 of padding, as src/xlsx/digitWidth.ts counts them) or as LibreOffice draws it with the widest
 * face (its digits, no padding), whichever is wider.
 */
export function printedColumnWidth(characters: number): number {
  return Math.max(columnWidthPoints(characters), characters * WIDEST_DIGIT_EM * REPORT_FONT.size);
}

/**
 * The printed width in points (`printedColumnWidth`) of each page across of a sheet printed at 100 %: the
 * columns between its column breaks, with the columns repeated at the left of every page on the pages after the
 * first.
 */
export function pagesAcross(widths: readonly number[], print: PrintSetup): number[] {
  const edges = [0, ...(print.columnBreaks ?? []), widths.length];
  const [t0, t1] = print.titleColumns ?? [0, -1];
  const span = (from: number, to: number) => {
    let w = 0;
    for (let c = from; c <= to; c++) w += printedColumnWidth(widths[c] ?? 8);
    return w;
  };
  return edges.slice(1).map((end, k) => (k > 0 ? span(t0, t1) : 0) + span(edges[k], end - 1));
}

/** Whether every page across of a sheet printed at 100 % leaves `PAGE_WIDTH_SPARE` of the page clear. */
export function fitsAcross(widths: readonly number[], print: PrintSetup): boolean {
  const room = pageWidth(print) * (1 - PAGE_WIDTH_SPARE);
  return pagesAcross(widths, print).every((w) => w <= room);
}

/**
 * The width, at most `most`, to give column `column` of a sheet printed at 100 % so that every page across fits
 * (`fitsAcross`): the room the other columns leave it, in whole characters.
 */
export function widthThatFits(
  widths: readonly number[],
  column: number,
  print: PrintSetup,
  most: number,
): number {
  const trial = [...widths];
  for (let w = most; w > 1; w--) {
    trial[column] = w;
    if (fitsAcross(trial, print)) return w;
  }
  return 1;
}

/** The least size, in points, any text of the report prints at once a sheet is scaled to the page (look.ts). */
export const LEAST_PRINTED_SIZE = 9;

/**
 * The scale a sheet fitted to one page wide prints at with the widest face (`printedColumnWidth`): 1 where its
 * columns fit the page at 100 %. No margin is kept: a face a little wider than the widest measured scales the
 * sheet a little more, where a page at 100 % would spill its last column onto a page of its own.
 */
export function fittedScale(widths: readonly number[], print: PrintSetup): number {
  let wide = 0;
  for (const w of widths) wide += printedColumnWidth(w ?? 8);
  return Math.min(1, pageWidth(print) / wide);
}

/** The least size a sheet's text is set in: that of its smallest style among the cells holding something. */
export function smallestSetSize(rows: readonly (readonly (ReportCell | undefined | null)[])[]): number {
  let least: number = REPORT_FONT.size;
  for (const cells of rows)
    for (const cell of cells)
      if (
        cell &&
        (cell.formula !== undefined || (cell.value !== null && cell.value !== undefined && cell.value !== ""))
      )
        least = Math.min(least, fontSizeOf(cell.style));
  return least;
}

/**
 * The size a sheet's smallest text prints at with the widest face: its cells' smallest size, or its page header's
 * and footer's, scaled as a sheet fitted to one page wide is (`fittedScale`); a sheet at 100 % prints it as set.
 */
export function printedSmallestSize(
  widths: readonly number[],
  print: PrintSetup,
  rows: readonly (readonly (ReportCell | undefined | null)[])[],
): number {
  const marks = print.header || print.footer ? PAGE_MARK_SIZE : Infinity;
  return Math.min(smallestSetSize(rows), marks) * (print.fitToWidth ? fittedScale(widths, print) : 1);
}

/**
 * The columns that start each page across of a sheet printed at 100 % with columns `names` repeated at the left of
 * each page after the first: as many columns on each page as fit it with its margin (`fitsAcross`), a page never
 * starting inside a merge of `joined` (a table's cells merged across columns: a header over two).
 */
export function breaksAcross(
  widths: readonly number[],
  print: PrintSetup,
  names: [number, number] | undefined,
  joined: readonly [number, number][] = [],
): number[] {
  const room = pageWidth(print) * (1 - PAGE_WIDTH_SPARE);
  const inside = (c: number) => joined.some(([c0, c1]) => c0 < c && c <= c1);
  const breaks: number[] = [];
  let start = 0;
  while (start < widths.length) {
    let used = 0;
    if (breaks.length > 0 && names)
      for (let c = names[0]; c <= names[1]; c++) used += printedColumnWidth(widths[c] ?? 8);
    let end = start;
    while (end < widths.length && used + printedColumnWidth(widths[end] ?? 8) <= room)
      used += printedColumnWidth(widths[end++] ?? 8);
    if (end >= widths.length) break;
    let at = end;
    while (at > start + 1 && inside(at)) at--;
    if (at <= start) at = Math.max(end, start + 1);
    breaks.push(at);
    start = at;
  }
  return breaks;
}
