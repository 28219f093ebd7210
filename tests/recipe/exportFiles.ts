/** The export and the clerk's template as .xlsx files (exceljs: kept apart from the generator, which the pane's tests
 * load in a browser-like environment). */
import ExcelJS from "exceljs";
import { templateHeaderRow, type TemplateCell } from "../../src/sheet/template";
import type { ExportSheet } from "./exportFixture";

/** The export as an .xlsx workbook. */
export async function exportWorkbook(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.sheet);
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The clerk's workbook: the template's header and these rows. */
export async function templateWorkbook(rows: TemplateCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("学校");
  [templateHeaderRow(), ...rows].forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
