/**
 * `balance import --out 学校.xlsx` (docs/import.md#balance-import): the canonical school table the recipe made —
 * the template's headers, drop-downs and units, equipment in 万元 — and the sheet 来源 (report/importSheets.ts).
 */
import type ExcelJS from "exceljs";
import { importSources, importedTable, type ImportMeta } from "../report/importSheets";
import type { RecipeReading } from "../sheet/recipe/reading";
import { LOCALE_CHOICES, SCHOOL_TYPE_CHOICES, templateColumnWidth } from "../sheet/template";
import { columnById } from "../standard/columns";
import { wrappedHeight } from "../report/print";
import {
  TABLE_BORDER,
  addSchoolTableSheet,
  newWorkbook,
  tableFont,
  tablePageSetup,
  workbookBytes,
} from "./write";

/** Widths of 来源's columns (列, 推导, 来源列, 说明): one landscape A4 page wide at 100 %, the long ones wrapping. */
const SOURCE_WIDTHS = [22, 36, 52, 30];
const SOURCE_SIZE = 10;

/**
 * The sheet 来源 as it prints: its lines over the table's width, the table bordered with its header repeated,
 * every text wrapping onto a row as tall as it needs, on landscape A4 with page numbers.
 */
function addSourcesSheet(workbook: ExcelJS.Workbook, reading: RecipeReading, meta: ImportMeta): void {
  const sheet = workbook.addWorksheet("来源");
  const { lines, header, rows } = importSources(reading, meta);
  SOURCE_WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const total = SOURCE_WIDTHS.reduce((a, b) => a + b, 0);
  const last = SOURCE_WIDTHS.length;
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    const size = i === 0 ? 13 : SOURCE_SIZE;
    cell.value = text;
    cell.font = tableFont(size, i === 0);
    cell.alignment = { wrapText: true, vertical: "top" };
    sheet.mergeCells(i + 1, 1, i + 1, last);
    sheet.getRow(i + 1).height = wrappedHeight(text, total, size);
  });
  const top = lines.length + 2;
  const fill = (values: readonly (string | null | undefined)[], r: number, bold: boolean) => {
    let height = 0;
    SOURCE_WIDTHS.forEach((width, c) => {
      const cell = sheet.getCell(r, c + 1);
      const value = values[c];
      if (value !== null && value !== undefined && value !== "") cell.value = value;
      cell.font = tableFont(SOURCE_SIZE, bold);
      cell.alignment = { wrapText: true, vertical: bold ? "middle" : "top" };
      cell.border = TABLE_BORDER;
      height = Math.max(height, wrappedHeight(String(value ?? ""), width, SOURCE_SIZE));
    });
    sheet.getRow(r).height = height;
  };
  fill(header, top, true);
  rows.forEach((values, r) => fill(values, top + 1 + r, false));
  tablePageSetup(sheet, { headerRow: top, name: "来源", lang: "zh" });
}

/** The import's workbook: 学校 (the canonical table) and 来源. The same reading always gives the same bytes. */
export async function importWorkbook(reading: RecipeReading, meta: ImportMeta): Promise<Buffer> {
  const workbook = newWorkbook();
  const ids = reading.table.columnIds;
  const index = (id: string) => ids.indexOf(id);
  const table = importedTable(reading, meta);
  addSchoolTableSheet(workbook, {
    sheetName: "学校",
    title: table.title,
    header: table.header,
    rows: table.rows,
    // the template's widths: a school's name, its type and the school it belongs to are not cut to 5 characters
    widths: ids.map((id) => {
      const column = columnById(id);
      return column ? templateColumnWidth(column) : undefined;
    }),
    choices: { [index("type")]: SCHOOL_TYPE_CHOICES, [index("locale")]: LOCALE_CHOICES },
    numberFormats: Object.fromEntries(
      ids.flatMap((id, i) => (columnById(id)?.kind === "money" ? [[i, "0.00"]] : [])),
    ),
  });
  addSourcesSheet(workbook, reading, meta);
  return workbookBytes(workbook);
}
