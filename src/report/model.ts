/**
 * Every sheet as host-neutral data: cells, formulas, formats, print set-up and chart specs.
 * Built once (src/report) and rendered by the Office.js writer in the pane and by the .xlsx writer of the
 * command line, so both hold the same cells, formulas and page set-up.
 */
export type ReportValue = string | number | boolean | null;

export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "section"
  | "pass"
  | "fail"
  | "warn"
  | "note"
  | "bold"
  | "signature"
  | "floor";

export interface ReportCell {
  value?: ReportValue;
  /** a native Excel formula, starting with "=" */
  formula?: string;
  /** Excel number format: "0.00", "#,##0", "0.0000", "0.0%" */
  format?: string;
  style?: CellStyle;
  /** horizontal alignment where the default (text left, numbers right) reads badly */
  align?: "left" | "center" | "right";
  /** long text wrapped onto more lines (the row is made tall enough) */
  wrap?: boolean;
  /**
   * text the report composes (an item's name), not data read back: where it wraps it is given its line breaks,
   * as headers are (src/report/textFit.ts)
   */
  label?: boolean;
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
  /** the axes' titles: what the categories are (指标, 旗县市, 年份) and what the values are (差异系数) */
  axes: { category: string; value: string };
}

/** Text of a page header or footer part, in Excel's codes: &P the page, &N the pages, && an ampersand. */
export interface HeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** scale the columns onto one page wide, rows running on over as many pages as they need */
  fitToWidth?: boolean;
  /** 1-based first and last row repeated at the top of every printed page */
  titleRows?: [number, number];
  /** 0-based first and last column repeated at the left of every printed page */
  titleColumns?: [number, number];
  /** 0-based columns that start a new page (a table too wide for one page, split between column groups) */
  columnBreaks?: number[];
  /** 1-based rows that start a new page */
  rowBreaks?: number[];
  /** pages across first, then down: each group of columns of the same rows follow each other */
  overThenDown?: boolean;
  header?: HeaderFooter;
  footer?: HeaderFooter;
}

export interface ReportSheet {
  /** stable: "summary" | "compliance" | "balance" | "allItems" | "schoolData" | "scenario" | "plan" | "rotation" */
  key: string;
  /** sheet name in the UI language (汇总, 达标情况, 差异系数, 全部指标, 学校数据 …) */
  name: string;
  /** rows from A1 */
  rows: ReportCell[][];
  /** column widths in characters */
  columnWidths?: number[];
  /** row heights in points by 0-based row */
  rowHeights?: Record<number, number>;
  /** the height in points of the rows not in rowHeights (else the spreadsheet's own default) */
  defaultRowHeight?: number;
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** merged ranges, e.g. "A1:H1" */
  merges?: string[];
  /** ranges whose every cell gets a thin border: the tables of the sheet */
  borders?: string[];
  charts?: ChartSpec[];
}

export interface Report {
  sheets: ReportSheet[];
}
