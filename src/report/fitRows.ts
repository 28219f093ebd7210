/**
 * Rows tall enough for their wrapped text: which cells of a printed sheet wrap (a heading, a note, or text wider
 * than its column that cannot run on into an empty cell to its right), where a heading breaks onto its lines, and
 * the height each row then needs. `SheetBuilder.sheet` fits a sheet's rows once its page set-up is known.
 */
import { columnIndex } from "../sheet/grid";
import { STYLE_LOOK, fontSizeOf } from "./look";
import type { CellStyle, PrintSetup, ReportCell } from "./model";
import { breakLines, wrappedHeight, wrappedLines } from "./textFit";

/** What a sheet's rows are fitted by: its cells, merges and columns' widths, and the heights its rows are given. */
export interface RowsToFit {
  readonly rows: ReportCell[][];
  readonly merges: readonly string[];
  readonly columnWidths: readonly number[];
  readonly rowHeights: Record<number, number>;
}

/**
 * Heights for rows whose wrapped text (headers, notes, titles) needs more than one line. Text wider than its
 * column that cannot run on into an empty cell to its right (a neighbour holds something or is merged, the
 * text is centred or right-aligned, it is the table's last column, or the next column prints on another page
 * or past the columns repeated on every page) wraps, rather than be cut off on the screen and on paper. A
 * heading that wraps is broken onto its lines at the places a person breaks it (`breakLines`), not wherever
 * the spreadsheet runs out of room.
 */
export function fitWrappedRows(sheet: RowsToFit, print?: PrintSetup): Record<number, number> {
  const walls = pageEdges(print);
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    const ca = /^[A-Z]+/.exec(a)![0];
    const cb = /^[A-Z]+/.exec(b)![0];
    const r0 = Number(a.slice(ca.length));
    const r1 = Number(b.slice(cb.length));
    spans.set(`${r0 - 1}:${columnIndex(ca)}`, (r1 - r0) * 1000 + columnIndex(cb));
    for (let r = r0 - 1; r < r1; r++)
      for (let c = columnIndex(ca); c <= columnIndex(cb); c++) covered.add(`${r}:${c}`);
  }
  sheet.rows.forEach((cells, r) => {
    // a row given its height keeps it
    if (sheet.rowHeights[r] !== undefined) return;
    let height = 0;
    cells.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string") return;
      const span = spans.get(`${r}:${c}`);
      const last = span === undefined ? c : span % 1000;
      let width = 0;
      for (let k = c; k <= last; k++) width += sheet.columnWidths[k] ?? 8;
      const size = fontSizeOf(cell.style);
      // a cell merged down several rows shares their height: it is fitted with them, not alone, but its
      // heading breaks at its places all the same
      if (span !== undefined && span >= 1000) {
        if (breaksAtPlaces(cell)) cell.value = breakLines(cell.value, width, size);
        return;
      }
      if (!(cell.wrap || wraps(cell.style))) {
        if (wrappedLines(cell.value, width, size) === 1 || runsOn(sheet, walls, cell, r, last, covered))
          return;
        cell.wrap = true;
      }
      if (breaksAtPlaces(cell)) cell.value = breakLines(cell.value, width, size);
      height = Math.max(height, wrappedHeight(cell.value, width, size));
    });
    if (height > 0) sheet.rowHeights[r] = height;
  });
  return sheet.rowHeights;
}

/**
 * Whether text ending at column `last` runs on into the empty cell to its right, as left-aligned text does: not
 * into a column behind one of the `walls` (`pageEdges`).
 */
function runsOn(
  sheet: RowsToFit,
  walls: ReadonlySet<number>,
  cell: ReportCell,
  r: number,
  last: number,
  covered: ReadonlySet<string>,
): boolean {
  const align = cell.align ?? (cell.style ? STYLE_LOOK[cell.style].align : undefined);
  if (align === "center" || align === "right") return false;
  if (last + 1 >= sheet.columnWidths.length || covered.has(`${r}:${last + 1}`)) return false;
  if (walls.has(last + 1)) return false;
  const next = sheet.rows[r][last + 1];
  return (
    next === undefined ||
    next === null ||
    next.value === null ||
    next.value === undefined ||
    next.value === ""
  );
}

/**
 * Whether a cell's text is a heading of the sheet's own (a table's header, a section's name) or a label it
 * composes, that may be given line breaks: data (a school's name, a file's) is never changed, titles and notes are left to the spreadsheet.
 */
export function breaksAtPlaces(cell: ReportCell): boolean {
  return (
    cell.formula === undefined && (cell.label === true || cell.style === "header" || cell.style === "section")
  );
}

function wraps(style: CellStyle | undefined): boolean {
  return style === "header" || style === "note" || style === "title" || style === "signature";
}

/**
 * The columns text cannot run on into from the column before: each column that starts a page, and the one after
 * the columns repeated at the left of every page (on the later pages, what follows them is another column).
 */
export function pageEdges(print: PrintSetup | undefined): Set<number> {
  const edges = new Set(print?.columnBreaks ?? []);
  if (print?.titleColumns) edges.add(print.titleColumns[1] + 1);
  return edges;
}
