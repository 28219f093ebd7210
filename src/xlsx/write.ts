import type ExcelJS from "exceljs";

export type Row = (string | number | null)[];

/** One school table to write: an optional title row, the header row, data rows and drop-down lists. */
export interface SchoolTableSheet {
  /** default 学校 */
  sheetName?: string;
  /** a title row above the header, as county returns have */
  title?: string;
  header: string[];
  /** column widths in characters, parallel to header (a width from the header's length when absent) */
  widths?: (number | undefined)[];
  rows: Row[];
  /** drop-down lists by 0-based column index */
  choices?: Record<number, readonly string[]>;
  /** number of rows under the header that get the drop-downs (default: the data rows, at least 500) */
  validationRows?: number;
  /** number formats by 0-based column index, e.g. "0.00" */
  numberFormats?: Record<number, string>;
}

/** The moment written into the workbook's properties and zip entries, so that the same input gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9C1" } };

/** Display width of a header: CJK characters count double. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

export function addSchoolTableSheet(workbook: ExcelJS.Workbook, table: SchoolTableSheet): ExcelJS.Worksheet {
  const headerRowNumber = table.title ? 2 : 1;
  const sheet = workbook.addWorksheet(table.sheetName ?? "学校", {
    views: [{ state: "frozen", xSplit: 1, ySplit: headerRowNumber }],
  });
  if (table.title) {
    sheet.getCell(1, 1).value = table.title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getRow(1).height = 24;
  }
  const header = sheet.getRow(headerRowNumber);
  table.header.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  header.height = 45;
  table.header.forEach((text, i) => {
    const given = table.widths?.[i];
    // wrapped over about two lines, never narrower than a number needs
    sheet.getColumn(i + 1).width = given ?? Math.max(10, Math.min(24, Math.ceil(displayWidth(text) / 2) + 2));
  });
  table.rows.forEach((values, r) => {
    const row = sheet.getRow(headerRowNumber + 1 + r);
    values.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== "") row.getCell(c + 1).value = value;
    });
  });
  for (const [col, format] of Object.entries(table.numberFormats ?? {})) {
    sheet.getColumn(Number(col) + 1).numFmt = format;
  }
  const validationRows = table.validationRows ?? Math.max(500, table.rows.length);
  const validations = (sheet as unknown as { dataValidations: { add(address: string, v: object): void } })
    .dataValidations;
  for (const [col, list] of Object.entries(table.choices ?? {})) {
    const letter = sheet.getColumn(Number(col) + 1).letter;
    const first = headerRowNumber + 1;
    validations.add(`${letter}${first}:${letter}${first + validationRows - 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "请从列表中选择 / Choose from the list",
      error: list.join("、"),
    });
  }
  return sheet;
}

/**
 * An empty exceljs workbook. exceljs is loaded here, when a command first writes a workbook, and never by
 * reading one: loading it takes longer (0.3–0.5 s) than reading and evaluating a county.
 */
export function excelWorkbook(): ExcelJS.Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const exceljs = require("exceljs") as typeof ExcelJS;
  return new exceljs.Workbook();
}

/** A new workbook with fixed properties (author, dates) so that its bytes depend only on its content. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = excelWorkbook();
  workbook.creator = "Balance 均衡";
  workbook.lastModifiedBy = "Balance 均衡";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** Writes a workbook to bytes, with the zip entries' times fixed (exceljs stamps them with the current time). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return fixZipTimes(data, FIXED_DATE);
}

/**
 * Sets the modification time of every entry of a zip archive. The time is outside the checksums, so the archive
 * stays valid; it is what makes two writes of the same content byte-identical.
 */
export function fixZipTimes(zip: Buffer, date: Date): Buffer {
  const dosTime =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const out = Buffer.from(zip);
  // end of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65557); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries && out.readUInt32LE(p) === 0x02014b50; n++) {
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(dosTime, local + 10);
      out.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
