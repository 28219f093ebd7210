/**
 * What the fit tests measure on a sheet of any report: the texts that would be cut off on screen or on paper with
 * the report's face (宋体), and the wrapped texts broken at the wrong places.
 */
import { STYLE_LOOK, fontSizeOf } from "../../src/report/look";
import type { ReportSheet } from "../../src/report/model";
import { breaksAtPlaces, pageEdges } from "../../src/report/fitRows";
import { wrappedHeight, wrappedLines } from "../../src/report/print";
import { breakLines } from "../../src/report/textFit";

/** Where a cell ends (its merge's last column) and which cells a merge covers, by 0-based row and column. */
function mergesOf(sheet: ReportSheet) {
  const lastColumn = new Map<string, number>();
  const covered = new Set<string>();
  const rowsDown = new Set<string>();
  const index = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const m of sheet.merges ?? []) {
    const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!;
    lastColumn.set(`${Number(r0) - 1}:${index(c0)}`, index(c1));
    if (r1 !== r0) rowsDown.add(`${Number(r0) - 1}:${index(c0)}`);
    for (let r = Number(r0) - 1; r < Number(r1); r++)
      for (let c = index(c0); c <= index(c1); c++) covered.add(`${r}:${c}`);
  }
  return { lastColumn, covered, rowsDown };
}

/** The texts of a sheet's tables that would be cut off: neither fitting, nor wrapping, nor running on. */
export function cutOff(sheet: ReportSheet): string[] {
  const widths = sheet.columnWidths ?? [];
  const { lastColumn, covered, rowsDown } = mergesOf(sheet);
  // a column that starts a page, or follows the columns repeated on every page, is not the same page's
  const edges = pageEdges(sheet.print);
  const out: string[] = [];
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string" || rowsDown.has(`${r}:${c}`)) return;
      const last = lastColumn.get(`${r}:${c}`) ?? c;
      for (let k = c + 1; k <= last; k++)
        if (edges.has(k)) out.push(`${sheet.name}!R${r + 1}C${c + 1} crosses a page's edge: ${cell.value}`);
      let width = 0;
      for (let k = c; k <= last; k++) width += widths[k] ?? 8.43;
      const size = fontSizeOf(cell.style);
      const lines = wrappedLines(cell.value, width, size);
      if (lines === 1) return;
      const wraps = cell.wrap || (cell.style !== undefined && STYLE_LOOK[cell.style].wrap);
      const height = sheet.rowHeights?.[r] ?? sheet.defaultRowHeight ?? 15;
      if (wraps && height >= wrappedHeight(cell.value, width, size) - 0.5) return;
      const align = cell.align ?? (cell.style ? STYLE_LOOK[cell.style].align : undefined);
      const next = cells[last + 1];
      const runsOn =
        !wraps &&
        align !== "center" &&
        align !== "right" &&
        last + 1 < widths.length &&
        !edges.has(last + 1) &&
        !covered.has(`${r}:${last + 1}`) &&
        (next?.value === undefined || next.value === null || next.value === "");
      if (!runsOn)
        out.push(`${sheet.name}!R${r + 1}C${c + 1} (${width} wide, ${lines} lines): ${cell.value}`);
    }),
  );
  return out;
}

/**
 * The wrapped headings (a table's header, a section's name) that do not hold their line breaks, or whose lines start with a closing
 * bracket or punctuation or end with an opening bracket.
 */
export function badBreaks(sheet: ReportSheet): string[] {
  const widths = sheet.columnWidths ?? [];
  const { lastColumn } = mergesOf(sheet);
  const out: string[] = [];
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string" || !breaksAtPlaces(cell)) return;
      const wraps = cell.wrap || (cell.style !== undefined && STYLE_LOOK[cell.style].wrap);
      const last = lastColumn.get(`${r}:${c}`) ?? c;
      let width = 0;
      for (let k = c; k <= last; k++) width += widths[k] ?? 8.43;
      const size = fontSizeOf(cell.style);
      const lines = wrappedLines(cell.value, width, size);
      if (!wraps || lines === 1) return;
      const broken = cell.value.split("\n");
      const bad = broken.filter((l) => /^[)）」』】》，。、；：！？%]/u.test(l) || /[（(「『【《]$/u.test(l));
      // a text left to the spreadsheet to break, where it can be broken at the right places
      const unbroken = broken.length === 1 && breakLines(cell.value, width, size) !== cell.value;
      if (unbroken || bad.length > 0)
        out.push(`${sheet.name}!R${r + 1}C${c + 1} (${width} wide, ${lines} lines): ${cell.value}`);
    }),
  );
  return out;
}
