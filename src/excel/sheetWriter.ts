/**
 * How one report sheet is queued into an Office.js worksheet: its cells in blocks under the request limit, its
 * styles, alignment, borders, widths and heights grouped into few calls, its frozen panes, page set-up and
 * charts. Every decision about what the sheet holds is made in src/report; this only queues it.
 */
import {
  BORDER_COLOR,
  MARGINS,
  PAGE_MARK_SIZE,
  REPORT_FONT,
  STYLE_LOOK,
  columnWidthPoints,
} from "../report/look";
import type { PrintSetup, ReportSheet } from "../report/model";
import { columnLetters, sheetRef } from "../sheet/grid";
import { alignmentAreas, areaGroups, cellBlocks, sheetWidth, styleAreas, wrapAreas } from "./layout";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Points formulas at the temporary sheets; Excel carries them to the final names on rename. */
export function retarget(formula: string, names: Map<string, string>): string {
  let out = formula;
  for (const [from, to] of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.'])${escapeRegExp(sheetRef(from))}!`, "gu");
    out = out.replace(pattern, () => `${sheetRef(to)}!`);
  }
  return out;
}

/** Office.js names of the edges a table's thin borders are drawn on. */
const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

const ALIGNMENT = { left: "Left", center: "Center", right: "Right" } as const;

/** Queues every write of one sheet; calls `flush` before a block that would overflow the request. */
export async function queueSheet(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: ReportSheet,
  names: Map<string, string>,
  budget: { pending: number; limit: number; flush: () => Promise<void> },
): Promise<void> {
  const width = sheetWidth(sheet);
  // the report's font for every cell of the sheet, before the styles change some of them
  const whole = ws.getRangeByIndexes(0, 0, Math.max(1, sheet.rows.length), width);
  whole.format.font.name = REPORT_FONT.name;
  whole.format.font.size = REPORT_FONT.size;
  whole.format.verticalAlignment = "Center";
  if (sheet.defaultRowHeight) whole.format.rowHeight = sheet.defaultRowHeight;
  for (const block of cellBlocks(sheet, budget.limit)) {
    if (budget.pending + block.bytes > budget.limit) await budget.flush();
    const range = ws.getRangeByIndexes(block.row, 0, block.rowCount, block.columnCount);
    range.formulas = block.formulas.map((row) =>
      // formulas only: a text that names a sheet (a school called 汇总!A1) is kept as written
      row.map((v) => (typeof v === "string" && v.startsWith("=") ? retarget(v, names) : v)),
    );
    if (block.numberFormat) range.numberFormat = block.numberFormat;
    budget.pending += block.bytes;
  }
  const queueAreas = async (areas: string[], apply: (target: Excel.RangeAreas) => void) => {
    for (const address of areaGroups(areas)) {
      if (budget.pending + address.length * 2 > budget.limit) await budget.flush();
      apply(ws.getRanges(address));
      budget.pending += address.length * 2 + 200;
    }
  };
  for (const [style, areas] of styleAreas(sheet)) {
    const look = STYLE_LOOK[style];
    await queueAreas(areas, (target) => {
      if (look.fill) target.format.fill.color = look.fill;
      if (look.fontColor) target.format.font.color = look.fontColor;
      if (look.bold) target.format.font.bold = true;
      if (look.size) target.format.font.size = look.size;
      if (look.wrap) target.format.wrapText = true;
    });
  }
  await queueAreas(wrapAreas(sheet), (target) => (target.format.wrapText = true));
  for (const [align, areas] of alignmentAreas(sheet)) {
    await queueAreas(areas, (target) => (target.format.horizontalAlignment = ALIGNMENT[align]));
  }
  for (const address of sheet.borders ?? []) {
    const borders = ws.getRange(address).format.borders;
    for (const edge of BORDER_EDGES) {
      const border = borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = BORDER_COLOR;
    }
  }
  (sheet.columnWidths ?? []).forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
  });
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) {
    ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  }
  for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
  const freeze = sheet.freeze;
  if (freeze && freeze.columns > 0) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, freeze.rows), freeze.columns));
  } else if (freeze && freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
  if (sheet.print) queuePrint(ws, sheet.print);
  for (const spec of sheet.charts ?? []) {
    const [first, ...rest] = spec.series;
    if (!first) continue;
    const type = spec.type === "line" ? "Line" : "ColumnClustered";
    // a series laid out along a row (a trend over years) is one series of that row, not one per column
    const rows = /^\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(first.values);
    const seriesBy = rows && rows[1] === rows[2] ? "Rows" : "Columns";
    const chart = ws.charts.add(type, ws.getRange(first.values), seriesBy);
    chart.title.text = spec.title;
    chart.axes.categoryAxis.title.text = spec.axes.category;
    chart.axes.valueAxis.title.text = spec.axes.value;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(ws.getRange(spec.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(ws.getRange(spec.categories));
      if (s.line) series.chartType = "Line";
    }
    chart.setPosition(spec.anchor.from, spec.anchor.to);
  }
  void context;
}

/** The page set-up: A4, orientation, fit, repeated rows and columns, margins, header and footer, page breaks. */
export function queuePrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = print.fitToWidth ? { horizontalFitToPages: 1 } : { scale: 100 };
  layout.printOrder = print.overThenDown ? "OverThenDown" : "DownThenOver";
  layout.centerHorizontally = true;
  // Office.js takes margins in points
  layout.leftMargin = MARGINS.left * 72;
  layout.rightMargin = MARGINS.right * 72;
  layout.topMargin = MARGINS.top * 72;
  layout.bottomMargin = MARGINS.bottom * 72;
  layout.headerMargin = MARGINS.header * 72;
  layout.footerMargin = MARGINS.footer * 72;
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  if (print.titleColumns) {
    const [a, b] = print.titleColumns.map(columnLetters);
    layout.setPrintTitleColumns(`$${a}:$${b}`);
  }
  const pages = layout.headersFooters.defaultForAllPages;
  const font = `&"${REPORT_FONT.name},Regular"&${PAGE_MARK_SIZE}`;
  const code = (text: string | undefined) => (text ? `${font}${text}` : "");
  pages.leftHeader = code(print.header?.left);
  pages.centerHeader = code(print.header?.center);
  pages.rightHeader = code(print.header?.right);
  pages.leftFooter = code(print.footer?.left);
  pages.centerFooter = code(print.footer?.center);
  pages.rightFooter = code(print.footer?.right);
  for (const c of print.columnBreaks ?? []) ws.verticalPageBreaks.add(`${columnLetters(c)}1`);
  for (const r of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
}
