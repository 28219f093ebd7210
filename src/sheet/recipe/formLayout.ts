/**
 * How a 教基 form lays out its figures (docs/import.md#jiaoji-forms): row labels in the columns left of the
 * figures, a header of one or more rows over the figures' columns, and a figure where a row's label meets a
 * column's header path. Everything is found by its labels, through the reader's view of a sheet (sparse rows,
 * merged ranges, addresses).
 */
import { readCell, readNumber, readText } from "../cells";
import { equipmentUnitOf, foldHeader } from "../headers";
import type { GridView } from "../read/gridView";
import { columnsNamed, labelMatches, type HeaderPattern, type PatternLevel } from "./patterns";

const isNumber = (value: unknown) => readCell(value).kind === "number";

/** The text of a label cell; null for a blank cell or a number. */
export function labelText(value: unknown): string | null {
  const t = readText(value);
  return t.kind === "text" && !isNumber(value) ? t.text : null;
}

/** The sheet a locator names: the first whose name starts with it (教基4155 reads 教基4155_小学). */
export function formSheet(views: readonly GridView[], prefix: string): GridView | undefined {
  const wanted = foldHeader(prefix);
  return views.find((v) => foldHeader(v.sheet).startsWith(wanted));
}

/** The columns of a form that hold its row labels: those left of the first column with figures in two rows. */
export function labelColumns(view: GridView): number {
  const counts: number[] = [];
  for (let r = 0; r < view.height; r++) {
    view.forEachFilled(r, (c, value) => {
      if (isNumber(value)) counts[c] = (counts[c] ?? 0) + 1;
    });
  }
  let first = -1;
  counts.forEach((n, c) => {
    if (first < 0 && n >= 2) first = c;
  });
  return first < 0 ? 1 : Math.max(1, first);
}

/** The first row whose label (in the label columns) is one of the level's spellings. */
export function labelRow(
  view: GridView,
  level: PatternLevel,
  labels: number,
): { row: number; label: string } | null {
  for (let r = 0; r < view.height; r++) {
    let found: string | null = null;
    view.forEachFilled(r, (c, value) => {
      if (c >= labels) return false;
      const text = labelText(value);
      if (text !== null && labelMatches(level, text)) found = text;
      return found === null;
    });
    if (found !== null) return { row: r, label: found };
  }
  return null;
}

/** Whether a cell right of the label columns of row r passes the test. */
function someRight(view: GridView, r: number, labels: number, test: (value: unknown) => boolean): boolean {
  let found = false;
  view.forEachFilled(r, (c, value) => {
    if (c >= labels && test(value)) found = true;
    return !found;
  });
  return found;
}

/**
 * A figure's cell right of the label columns, as a clerk may fill it: a number, a number written as text (" ３６ "),
 * or a mark for none (-, —, /). None of them labels a column.
 */
function isFigure(value: unknown): boolean {
  const n = readNumber(value);
  return n.kind === "number" || (n.kind === "blank" && readCell(value).kind !== "blank");
}

/**
 * The header rows over a form's data, above row `below`: the run of rows with labels and no figures right of the
 * label columns, nearest above the data (blank rows and the data's own rows between are passed over).
 */
function headerBand(view: GridView, below: number, labels: number): number[] {
  const hasNumber = (r: number) => someRight(view, r, labels, isFigure);
  const hasText = (r: number) => someRight(view, r, labels, (v) => labelText(v) !== null && !isFigure(v));
  let h = below - 1;
  while (h >= 0 && (hasNumber(h) || !hasText(h))) h--;
  const band: number[] = [];
  while (h >= 0 && hasText(h) && !hasNumber(h)) band.unshift(h--);
  return band;
}

/**
 * Each column's header path over the band: a merged label over every column it covers; where the host gives no
 * merged ranges, a group label spread right over the blank cells whose lower level has labels.
 */
function columnPaths(
  view: GridView,
  band: readonly number[],
  labels: number,
): { index: number; path: string[] }[] {
  const width = Math.max(0, ...band.map((r) => view.row(r).length));
  const at = (r: number, c: number) => labelText(view.value(r, c));
  const columns: { index: number; path: string[] }[] = [];
  for (let c = labels; c < width; c++) {
    const path: string[] = [];
    const seen: string[] = [];
    band.forEach((r, level) => {
      let text = at(r, c);
      let key = `${r},${c}`;
      if (text === null && view.merges) {
        const m = view.mergeAt(r, c);
        if (m) {
          text = at(m.top, m.left);
          key = `${m.top},${m.left}`;
        }
      } else if (text === null && level < band.length - 1 && at(band[level + 1], c) !== null) {
        for (let k = c - 1; k >= labels && text === null; k--) {
          text = at(r, k);
          key = `${r},${k}`;
        }
      }
      if (text !== null && !seen.includes(key)) {
        seen.push(key);
        path.push(text);
      }
    });
    if (path.length > 0) columns.push({ index: c, path });
  }
  return columns;
}

/** The unit a form states for a figure: in its row's label, its column's, or a 计量单位 cell of its row. */
function formUnit(
  view: GridView,
  row: number,
  rowLabel: string,
  path: readonly string[],
  labels: number,
): "万元" | "元" | null {
  const texts = [rowLabel, path[path.length - 1] ?? ""];
  view.forEachFilled(row, (c, v) => {
    if (c >= labels) return false;
    texts.push(labelText(v) ?? "");
  });
  for (const text of texts) {
    const unit = equipmentUnitOf(text);
    if (unit === "万元" || unit === "元") return unit;
  }
  return null;
}

/** A figure of a form found by its labels: its cell, its labels (sheet, row, column path) and unit. */
export interface FormFigure {
  row: number;
  col: number;
  labels: string[];
  unit: "万元" | "元" | null;
}

/**
 * The figure where the row labelled by the row pattern's last level meets the column the column pattern names, or
 * which of the two was not found.
 */
export function findFigure(
  view: GridView,
  row: HeaderPattern,
  column: HeaderPattern,
): { ok: true; figure: FormFigure } | { ok: false; notFound: "row" | "column" } {
  const labels = labelColumns(view);
  const found = labelRow(view, row.levels[row.levels.length - 1], labels);
  if (!found) return { ok: false, notFound: "row" };
  const named = columnsNamed(column, columnPaths(view, headerBand(view, found.row, labels), labels))[0];
  if (!named) return { ok: false, notFound: "column" };
  return {
    ok: true,
    figure: {
      row: found.row,
      col: named.index,
      labels: [view.sheet, found.label, ...named.path],
      unit: formUnit(view, found.row, found.label, named.path, labels),
    },
  };
}

/** The heads of a form's column of row codes (项目 | 编号 | 内容: 统计三级 | 06 | 突泉县). */
const CODE_HEADS: ReadonlySet<string> = new Set(["编号", "栏次", "代码", "序号", "行次"]);

/** Whether column c holds the row codes: a cell above row r heads it 编号 (or 栏次, 代码…). */
function isCodeColumn(view: GridView, c: number, r: number): boolean {
  for (let k = 0; k < r; k++) {
    const text = labelText(view.value(k, c));
    if (text !== null && CODE_HEADS.has(foldHeader(text))) return true;
  }
  return false;
}

/**
 * The value written beside a label (学校名称 | 某某小学): the last cell right of it in its row, not the row's code
 * (统计三级 | 06 | blank is blank, not "06"). A blank value is named by its cell right of the label and its code.
 */
export function besideLabel(
  view: GridView,
  level: PatternLevel,
): { text: string | null; row: number; col: number } | null {
  for (let r = 0; r < view.height; r++) {
    const row = view.row(r);
    for (let c = 0; c < row.length; c++) {
      const label = labelText(row[c]);
      if (label === null || !labelMatches(level, label)) continue;
      for (let k = row.length - 1; k > c; k--) {
        const t = readText(row[k]);
        if (t.kind === "text" && !isCodeColumn(view, k, r)) return { text: t.text, row: r, col: k };
      }
      let col = c + 1;
      while (isCodeColumn(view, col, r)) col++;
      return { text: null, row: r, col };
    }
  }
  return null;
}
