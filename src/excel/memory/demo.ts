import { ExcelDouble, selectInDouble } from "../double/excel";
import { templateSheet } from "../../report/templateSheets";
import type { Lang } from "../../i18n/format";
import { columnLetters, sheetRef } from "../../sheet/grid";
import { COLUMNS, templateHeader } from "../../standard/columns";
import { memoryWorkbook, type MemoryWorkbook } from "./memoryHost";

/**
 * A header as county offices often write it in their own returns. The reader does not recognise it, so the
 * demo shows the column step doing its work: the user points 小学县级以上骨干教师数 at this column once.
 */
export const DEMO_RENAMED_HEADER = { columnId: "primaryKeyTeachers", header: "小学骨干教师（县级及以上）" };

/** The demo's school table: the sample county under a title row, with one header in a county's own words. */
export function demoSheet(): { name: string; rows: (string | number | null)[][]; columnWidths?: number[] } {
  const template = templateSheet({ withSample: true, lang: "zh" });
  const column = COLUMNS.find((c) => c.id === DEMO_RENAMED_HEADER.columnId);
  const rows = template.rows.map((row, r) =>
    r === template.headerRow && column
      ? row.map((h) => (h === templateHeader(column) ? DEMO_RENAMED_HEADER.header : h))
      : row,
  );
  return { name: template.name, rows, columnWidths: template.columnWidths };
}

export interface Demo extends MemoryWorkbook {
  /** the sheet holding the sample county */
  sheet: string;
}

/**
 * Demo mode: the pane on an in-memory workbook (the Excel double, with Office's load/sync semantics and
 * a formula evaluator) holding the sample county, driven through the same host as a workbook opened in the
 * web app, and the same Office.js code as inside Excel.
 */
export function startDemo(options: { lang: Lang; theme: "light" | "dark"; displayLanguage: string }): Demo {
  const excel = new ExcelDouble();
  const template = demoSheet();
  const sheet = excel.addSheetWithValues(template.name, template.rows);
  template.columnWidths?.forEach((w, c) => sheet.columnWidths.set(c, w));
  excel.model.activeSheet = sheet.name;
  // the table is selected, as a clerk would before choosing “current selection”
  const width = Math.max(...template.rows.map((r) => r.length));
  selectInDouble(excel, `${sheetRef(sheet.name)}!A1:${columnLetters(width - 1)}${template.rows.length}`);
  const workbook = memoryWorkbook(excel, {
    displayLanguage: () => options.displayLanguage,
    theme: () => options.theme,
  });
  return { ...workbook, sheet: sheet.name };
}
