/**
 * `balance import --out 学校.xlsx` (docs/import.md#balance-import): the canonical school table the recipe made —
 * the template's headers, drop-downs and units, equipment in 万元 — and the sheet 来源 (report/importSheets.ts).
 */
import type ExcelJS from "exceljs";
import { importSources, importedTable, type ImportMeta } from "../report/importSheets";
import type { RecipeReading } from "../sheet/recipe/reading";
import { LOCALE_CHOICES, SCHOOL_TYPE_CHOICES } from "../sheet/template";
import { columnById } from "../standard/columns";
import { addSchoolTableSheet, newWorkbook, workbookBytes } from "./write";

function addSourcesSheet(workbook: ExcelJS.Workbook, reading: RecipeReading, meta: ImportMeta): void {
  const sheet = workbook.addWorksheet("来源");
  const { lines, header, rows } = importSources(reading, meta);
  lines.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const top = lines.length + 2;
  header.forEach((text, i) => {
    const c = sheet.getCell(top, i + 1);
    c.value = text;
    c.font = { bold: true };
  });
  rows.forEach((values, r) => values.forEach((v, c) => (sheet.getCell(top + 1 + r, c + 1).value = v)));
  [24, 46, 70, 36].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
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
    choices: { [index("type")]: SCHOOL_TYPE_CHOICES, [index("locale")]: LOCALE_CHOICES },
    numberFormats: Object.fromEntries(
      ids.flatMap((id, i) => (columnById(id)?.kind === "money" ? [[i, "0.00"]] : [])),
    ),
  });
  addSourcesSheet(workbook, reading, meta);
  return workbookBytes(workbook);
}
