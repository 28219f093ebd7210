import type ExcelJS from "exceljs";
import type { SchoolRecord } from "../engine/records";
import { LOCALE_CHOICES, SCHOOL_TYPE_CHOICES, recordsToRows, templateHeaderRow } from "../sheet/template";
import { TEMPLATE_COLUMNS } from "../standard/columns";
import { addSchoolTableSheet, newWorkbook, workbookBytes } from "./write";

export interface SchoolTableOptions {
  /** rows to fill in (none: the empty template) */
  records?: readonly SchoolRecord[];
  /** a title row above the header */
  title?: string;
  equipmentUnit?: "万元" | "元";
  sheetName?: string;
}

/** Column widths in characters by column id: names wide, numbers narrow. */
const WIDTHS: Record<string, number> = { name: 28, type: 16, locale: 10, parent: 24 };

/** Adds the school table (docs/school-table.md#headers) to a workbook: canonical headers with units, drop-downs, frozen header. */
export function addSchoolTable(
  workbook: ExcelJS.Workbook,
  options: SchoolTableOptions = {},
): ExcelJS.Worksheet {
  const unit = options.equipmentUnit ?? "万元";
  const index = (id: string) => TEMPLATE_COLUMNS.findIndex((c) => c.id === id);
  const numberFormats: Record<number, string> = {};
  numberFormats[index("equipmentValue")] = unit === "万元" ? "0.00" : "#,##0";
  return addSchoolTableSheet(workbook, {
    sheetName: options.sheetName ?? "学校",
    title: options.title,
    header: templateHeaderRow(unit),
    widths: TEMPLATE_COLUMNS.map((c) => WIDTHS[c.id]),
    rows: recordsToRows(options.records ?? [], unit),
    choices: { [index("type")]: SCHOOL_TYPE_CHOICES, [index("locale")]: LOCALE_CHOICES },
    numberFormats,
  });
}

/** The school-table workbook as bytes; the same input always gives the same bytes. */
export async function schoolTableWorkbook(options: SchoolTableOptions = {}): Promise<Buffer> {
  const workbook = newWorkbook();
  addSchoolTable(workbook, options);
  return workbookBytes(workbook);
}
