import type ExcelJS from "exceljs";
import type { SchoolRecord } from "../engine/records";
import {
  LOCALE_CHOICES,
  SCHOOL_TYPE_CHOICES,
  recordsToRows,
  templateColumnWidths,
  templateHeaderRow,
} from "../sheet/template";
import { TEMPLATE_COLUMNS } from "../standard/columns";
import { addSchoolTableSheet, newWorkbook, workbookBytes } from "./write";
import { tableTitle } from "../report/print";

const TABLE = { zh: "学校办学条件统计表", en: "School table" } as const;

export interface SchoolTableOptions {
  /** rows to fill in (none: the empty template) */
  records?: readonly SchoolRecord[];
  /** a title row above the header */
  title?: string;
  equipmentUnit?: "万元" | "元";
  sheetName?: string;
}

/** How to fill the school table in, printed above its header. */
const INSTRUCTION =
  "填表说明：每所学校（含教学点）填一行。九年一贯制、十二年一贯制学校和完全中学只填一行，在校生数、班级数和教师数按学段分别填写；" +
  "学校没有的学段，其列留空。面积填平方米，教学仪器设备值填万元。学校类型、城乡类型从下拉列表中选择；教学点须填所属学校。" +
  "面积、设备和多媒体教室按全校填写，由系统按学段分摊。";

/** Bordered empty rows of the blank template: one printed page to fill in by hand. */
const BLANK_ROWS = 20;

/** Adds the school table (docs/school-table.md#headers) to a workbook: canonical headers with units, drop-downs, frozen header. */
export function addSchoolTable(
  workbook: ExcelJS.Workbook,
  options: SchoolTableOptions = {},
): ExcelJS.Worksheet {
  const unit = options.equipmentUnit ?? "万元";
  const index = (id: string) => TEMPLATE_COLUMNS.findIndex((c) => c.id === id);
  const numberFormats: Record<number, string> = {};
  numberFormats[index("equipmentValue")] = unit === "万元" ? "0.00" : "#,##0";
  const blank = (options.records ?? []).length === 0;
  return addSchoolTableSheet(workbook, {
    sheetName: options.sheetName ?? "学校",
    title: options.title ?? (blank ? tableTitle({}, TABLE, "zh") : undefined),
    instruction: blank ? INSTRUCTION : undefined,
    tableName: TABLE.zh,
    blankRows: blank ? BLANK_ROWS : 0,
    header: templateHeaderRow(unit),
    widths: templateColumnWidths(),
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
