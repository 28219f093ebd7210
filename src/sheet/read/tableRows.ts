/**
 * Where the table's rows are (docs/school-table.md#skipped-rows), in one pass from the header down: the legend and
 * unit rows under the header, subtotals between groups of schools, totals, notes, blank rows. Every row left out is
 * counted by its reason; a total with schools below it (城区学校合计 between the town's and the villages' schools)
 * is skipped with a warning, and schools below the table's end are named in a warning.
 */
import { readText } from "../cells";
import { foldText } from "../vocabulary";
import type { GridView } from "./gridView";
import { problem } from "./problems";
import type { ProblemSink } from "./figures";
import {
  SUBTOTAL_ROW,
  holdsTypedData,
  isLegendRow,
  isGroupHeading,
  isNoteRow,
  isSchoolLike,
  labelTotalCell,
  totalCell,
  unitRowUnits,
  type TableColumns,
} from "./rowKinds";

/** The rows the reader left out of a table, by reason. */
export interface SkippedRows {
  /** rows holding something above the header: titles, the reporting unit, dates */
  aboveHeader: number;
  /** rows under the header stating units or column numbers (人 ㎡ 元; 甲 乙 1 2 3) */
  legend: number;
  /** subtotal rows (小计) */
  subtotal: number;
  /** total rows (合计, 总计): the one ending the table and any between groups of schools */
  total: number;
  /** notes under the table (注：…, 填表人：…) */
  note: number;
  /** blank rows between the header and the last row holding anything */
  blank: number;
  /** the header printed again on each page of a printed export, with the unit row under it */
  header: number;
  /** other rows below the table's end (the first of them named in a warning) */
  afterEnd: number;
}

export function noSkippedRows(): SkippedRows {
  return { aboveHeader: 0, legend: 0, subtotal: 0, total: 0, note: 0, blank: 0, header: 0, afterEnd: 0 };
}

type Kind = "blank" | "empty" | "subtotal" | "total" | "note" | "legend" | "header" | "row";

/** The header's labels, folded, by row of the header and column. */
type HeaderLabels = readonly ReadonlyMap<number, string>[];

function headerLabels(view: GridView, headerRows: readonly number[]): HeaderLabels {
  return headerRows.map((h) => {
    const labels = new Map<number, string>();
    view.forEachFilled(h, (c, v) => {
      const t = readText(v);
      if (t.kind === "text") labels.set(c, foldText(t.text));
    });
    return labels;
  });
}

/**
 * Whether row r repeats a row of the header, as a printed export repeats it at the top of each page: two cells at
 * least, each holding the label that row of the header holds in its column (学校名称 办学类型 在校生数 …). A school's
 * row holds its name, which no header labels.
 */
function repeatsHeader(view: GridView, r: number, labels: HeaderLabels): boolean {
  return labels.some((row) => {
    let filled = 0;
    let same = true;
    view.forEachFilled(r, (c, v) => {
      const t = readText(v);
      same = t.kind === "text" && row.get(c) === foldText(t.text);
      filled++;
      return same;
    });
    return same && filled >= 2;
  });
}

function kindOf(
  view: GridView,
  r: number,
  columns: TableColumns,
  beforeData: boolean,
  labels: HeaderLabels,
): Kind {
  if (view.isBlankRow(r)) return "blank";
  if (repeatsHeader(view, r, labels)) return "header";
  const { nameCol } = columns;
  // a subtotal between groups of schools (城区小计) is skipped: the schools below it still belong to the table
  if (totalCell(view, r, nameCol, SUBTOTAL_ROW) >= 0) return "subtotal";
  if (beforeData && (isLegendRow(view, r, nameCol) || unitRowUnits(view, r) !== null)) return "legend";
  if (totalCell(view, r, nameCol) >= 0) return "total";
  if (labelTotalCell(view, r, columns) >= 0) return "subtotal";
  if (isNoteRow(view, r)) return "note";
  // a division's name heading its schools (甲旗 above 甲旗's schools) is skipped as a subtotal between groups is
  if (isGroupHeading(view, r, nameCol)) return "subtotal";
  // what a formula filled down leaves: no school, a blank row of the table
  if (!holdsTypedData(view, r)) return "empty";
  return "row";
}

/**
 * Walks the rows below the header (docs/school-table.md#skipped-rows): calls readRow for each row of the table, in
 * order (a hidden one with a warning), and returns the rows left out by reason.
 */
export function walkTable(
  view: GridView,
  headerRows: readonly number[],
  columns: TableColumns,
  sink: ProblemSink,
  readRow: (r: number) => void,
): SkippedRows {
  const skipped = noSkippedRows();
  const top = headerRows[0];
  for (let r = view.nextPresentRow(0); r < top; r = view.nextPresentRow(r + 1)) {
    if (!view.isBlankRow(r)) skipped.aboveHeader++;
  }
  let end: TableEnd | null = null;
  let beforeData = true;
  let totals: number[] = [];
  /** blank rows since the last row that held something, counted once something follows them */
  let blanks = 0;
  /** the first row of the blank rows met inside the table, −1 when none is pending */
  let gap = -1;
  let warned = false;
  const labels = headerLabels(view, headerRows);
  /** the rows repeating the header, the first of them named in a warning */
  const repeated: number[] = [];
  const bottom = headerRows[headerRows.length - 1];
  for (let r = bottom + 1; r < view.height; r++) {
    const present = view.nextPresentRow(r);
    // rows the grid does not hold are blank
    if (present > r) {
      blanks += present - r;
      if (end === null && gap < 0) gap = r;
      r = present - 1;
      continue;
    }
    const kind = kindOf(view, r, columns, beforeData, labels);
    if (kind === "blank" || kind === "empty") {
      if (kind === "blank") blanks++;
      else skipped.blank++;
      if (end === null && gap < 0) gap = r;
      continue;
    }
    skipped.blank += blanks;
    blanks = 0;
    if (gap >= 0 && (kind === "row" || kind === "note")) {
      // blank rows with schools below them (subtotals and totals between) do not end the table: they are skipped
      // and the schools read
      if (kind === "row" && isSchoolLike(view, r, columns))
        warnBlankInside(view, sink, gap, r, columns.nameCol);
      else end = endAt(totals, "blank", gap);
      gap = -1;
    }
    if (end !== null) {
      countAfterEnd(skipped, kind);
      if (kind !== "row" || warned) continue;
      if (end.reason === "blank" || isSchoolLike(view, r, columns)) {
        warned = true;
        warnAfterEnd(view, sink, end, r);
      }
      continue;
    }
    switch (kind) {
      case "subtotal":
        skipped.subtotal++;
        continue;
      case "legend":
        skipped.legend++;
        continue;
      case "header":
        // the unit row under a repeated header is a legend as the one under the header is
        repeated.push(r);
        beforeData = true;
        continue;
      case "total":
        totals.push(r);
        continue;
      case "note":
        skipped.note++;
        end = endAt(totals, "note", r);
        continue;
    }
    if (totals.length > 0) {
      if (!isSchoolLike(view, r, columns)) {
        // a total not followed by schools ends the table: what follows it is no school
        end = { reason: "total", row: totals[0] };
        skipped.afterEnd++;
        continue;
      }
      for (const t of totals) warnTotalInside(view, sink, t, columns.nameCol);
      skipped.total += totals.length;
      totals = [];
    }
    beforeData = false;
    if (view.hiddenRows.has(r)) warnHidden(view, sink, r, columns.nameCol);
    readRow(r);
  }
  skipped.total += totals.length;
  skipped.header = repeated.length;
  if (repeated.length > 0) warnHeaderRepeated(view, sink, repeated, columns.nameCol);
  return skipped;
}

interface TableEnd {
  reason: "blank" | "total" | "note";
  /** the row that ended the table */
  row: number;
}

/** What ends the table at row r: the first of the totals above it, if any, else the row itself. */
function endAt(totals: readonly number[], reason: "blank" | "note", r: number): TableEnd {
  return totals.length > 0 ? { reason: "total", row: totals[0] } : { reason, row: r };
}

function countAfterEnd(skipped: SkippedRows, kind: Kind): void {
  if (kind === "header") skipped.header++;
  else if (kind === "subtotal") skipped.subtotal++;
  else if (kind === "total") skipped.total++;
  else if (kind === "note") skipped.note++;
  else skipped.afterEnd++;
}

function warnTotalInside(view: GridView, sink: ProblemSink, r: number, nameCol: number | undefined): void {
  const c = totalCell(view, r, nameCol);
  const cell = view.address(r, Math.max(0, c));
  const text = view.text(r, Math.max(0, c));
  sink.report(
    problem(
      "warning",
      "total-row-skipped",
      cell,
      `${cell}“${text}”是合计行，其下还有学校：该行已跳过，其后的学校照常读取。`,
      `${cell} ("${text}") is a total row with schools below it: the row was skipped and the schools below were read.`,
    ),
  );
}

/** A row of the table is read whether hidden or not (docs/school-table.md#skipped-rows), with a warning. */
function warnHidden(view: GridView, sink: ProblemSink, r: number, nameCol: number | undefined): void {
  const cell = view.address(r, nameCol ?? 0);
  const rowNumber = view.sheetRow(r);
  sink.report(
    problem(
      "warning",
      "hidden-row",
      cell,
      `第 ${rowNumber} 行是隐藏行，仍已读取；请取消隐藏，核对该行是否应当评估。`,
      `Row ${rowNumber} is hidden; it was read all the same: unhide it and check that it belongs in the evaluation.`,
    ),
  );
}

function warnHeaderRepeated(
  view: GridView,
  sink: ProblemSink,
  rows: readonly number[],
  nameCol: number | undefined,
): void {
  const first = rows[0];
  const cell = view.address(first, nameCol ?? Math.max(0, view.firstFilled(first)));
  const at = view.sheetRow(first);
  const n = rows.length;
  sink.report(
    problem(
      "warning",
      "header-repeated",
      cell,
      `第 ${at} 行${n > 1 ? `等 ${n} 行` : ""}重复了表头（打印的导出表每页重复表头）：已跳过，其下的学校照常读取。`,
      `Row ${at}${n > 1 ? ` and ${n - 1} more` : ""} repeat${n > 1 ? "" : "s"} the header (a printed export repeats it on each page): skipped, the schools below were read.`,
    ),
  );
}

function warnBlankInside(
  view: GridView,
  sink: ProblemSink,
  gap: number,
  r: number,
  nameCol: number | undefined,
): void {
  const cell = view.address(gap, nameCol ?? 0);
  const from = view.sheetRow(gap);
  const to = view.sheetRow(r) - 1;
  const rows = from === to ? `第 ${from} 行` : `第 ${from}–${to} 行`;
  const rowsEn = from === to ? `Row ${from}` : `Rows ${from}–${to}`;
  sink.report(
    problem(
      "warning",
      "blank-row-skipped",
      cell,
      `${rows}没有学校数据，其下第 ${to + 1} 行起还有学校：已跳过，其后的学校照常读取。`,
      `${rowsEn} hold no school, and schools follow from row ${to + 1}: ${from === to ? "it was" : "they were"} skipped and the schools below were read.`,
    ),
  );
}

function warnAfterEnd(view: GridView, sink: ProblemSink, end: TableEnd, r: number): void {
  const cell = view.address(r, Math.max(0, view.firstFilled(r)));
  const endRow = view.sheetRow(end.row);
  const row = view.sheetRow(r);
  if (end.reason === "blank") {
    sink.report(
      problem(
        "warning",
        "rows-after-blank",
        cell,
        `第 ${endRow} 行为空行，表格到此结束；其下从第 ${row} 行起的数据未读取。`,
        `Row ${endRow} is blank, so the table ends there; the data from row ${row} on was not read.`,
      ),
    );
    return;
  }
  const why =
    end.reason === "total"
      ? { zh: `第 ${endRow} 行是合计行`, en: `row ${endRow} is a total row` }
      : { zh: `第 ${endRow} 行是表注`, en: `row ${endRow} is a note` };
  sink.report(
    problem(
      "warning",
      "rows-after-end",
      cell,
      `${why.zh}，表格到此结束；其下第 ${row} 行起像是学校的数据未读取。`,
      `${why.en}, so the table ends there; what looks like schools from row ${row} on was not read.`,
    ),
  );
}
