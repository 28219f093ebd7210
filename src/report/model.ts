/**
 * The report as host-neutral data: sheets of cells, formulas, formats and chart specs.
 * Built once (src/report/build.ts) and rendered by the Office.js writer in the pane and
 * by the .xlsx writer of `balance evaluate --out`, so both hold the same cells and formulas.
 */
export type ReportValue = string | number | boolean | null;

export type CellStyle = "title" | "header" | "pass" | "fail" | "warn" | "note" | "bold";

export interface ReportCell {
  value?: ReportValue;
  /** a native Excel formula, starting with "=" */
  formula?: string;
  /** Excel number format: "0.00", "0", "0.0000", "0.0%" */
  format?: string;
  style?: CellStyle;
}

export interface ChartSpec {
  title: string;
  /** clustered columns, or lines (a trend over years) */
  type: "columnClustered" | "line";
  /** A1 range on this sheet (a column or a row of cells) */
  categories: string;
  /** `line`: drawn as a line over the columns of a column chart (a limit), on the same axes */
  series: { name: string; values: string; line?: boolean }[];
  anchor: { from: string; to: string };
}

export interface ReportSheet {
  /** stable: "compliance" | "balance" | "summary" | "allItems" | "scenario" | "plan" | "rotation" */
  key: string;
  /** sheet name in the UI language (达标情况, 差异系数, 汇总, 全部指标 …) */
  name: string;
  /** rows from A1 */
  rows: ReportCell[][];
  /** column widths in characters */
  columnWidths?: number[];
  /** rows repeated on each printed page and frozen */
  headerRows?: number;
  freeze?: { rows: number; columns: number };
  print?: { orientation: "landscape" | "portrait"; paper: "A4"; fitToWidth?: boolean };
  /** merged ranges, e.g. "A1:H1" */
  merges?: string[];
  charts?: ChartSpec[];
}

export interface Report {
  sheets: ReportSheet[];
}
