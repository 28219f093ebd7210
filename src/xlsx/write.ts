import { printable } from "../engine/names";
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { Lang } from "../i18n/format";
import { BORDER_COLOR, MARGINS, PAGE_MARK_SIZE, REPORT_FONT, STYLE_LOOK } from "../report/look";
import { displayWidth, wrappedHeight } from "../report/print";
import type { HeaderFooter } from "../report/model";

export type Row = (string | number | null)[];

/** One school table to write: optional title and instruction rows, the header row, data rows and drop-down lists. */
export interface SchoolTableSheet {
  /** default 学校 */
  sheetName?: string;
  /** a title row above the header, as county returns have */
  title?: string;
  /** the table's name in the printed page header (default the sheet's name) */
  tableName?: string;
  /** how to fill the table in, in a row between the title and the header */
  instruction?: string;
  header: string[];
  /** column widths in characters, parallel to header (a width from the header's length when absent) */
  widths?: (number | undefined)[];
  rows: Row[];
  /** bordered empty rows under the data, to fill in on paper (default none) */
  blankRows?: number;
  /** drop-down lists by 0-based column index */
  choices?: Record<number, readonly string[]>;
  /** number of rows under the header that get the drop-downs (default: the data rows, at least 500) */
  validationRows?: number;
  /** number formats by 0-based column index, e.g. "0.00" */
  numberFormats?: Record<number, string>;
}

/** A header or footer in Excel's codes (&L, &C, &R), in the report's font. */
export function headerFooterCode(part: HeaderFooter | undefined): string | undefined {
  if (!part) return undefined;
  const font = `&"${REPORT_FONT.name},Regular"&${PAGE_MARK_SIZE}`;
  const code = (["left", "center", "right"] as const)
    .filter((k) => part[k])
    // a text that starts with a digit (2025 年) would run into the size code (&92025): a space keeps them apart
    .map((k) => `&${k[0].toUpperCase()}${font}${/^\d/.test(part[k]!) ? " " : ""}${printable(part[k]!)}`)
    .join("");
  return code || undefined;
}

/** The moment written into the workbook's properties and zip entries, so that the same input gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(STYLE_LOOK.header.fill!) },
};
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };
export const TABLE_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A column width as exceljs writes it: it leaves out a width of exactly 9 characters, its own default, and the
 * spreadsheet then uses its default (8.43 in Excel), so 9 is written a hair wider.
 */
export function columnWidth(characters: number): number {
  return characters === 9 ? 9.01 : characters;
}

/** Font of a table's cells: the report's face, at a size. */
export function tableFont(size: number, bold = false): Partial<ExcelJS.Font> {
  return {
    name: REPORT_FONT.name,
    charset: REPORT_FONT.charset,
    family: REPORT_FONT.family,
    size,
    bold: bold || undefined,
  };
}

/**
 * A4 page set-up of a table filled in and handed in on paper: landscape, one page wide, the header row repeated,
 * narrow margins, the table's name in the page header and page numbers in the footer.
 */
export function tablePageSetup(
  ws: ExcelJS.Worksheet,
  options: { headerRow: number; name: string; lang: Lang },
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: {
      left: 0.4,
      right: 0.4,
      top: MARGINS.top,
      bottom: MARGINS.bottom,
      header: MARGINS.header,
      footer: MARGINS.footer,
    },
    printTitlesRow: `${options.headerRow}:${options.headerRow}`,
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: headerFooterCode({ right: options.name }),
    oddFooter: headerFooterCode({ center: options.lang === "zh" ? "第 &P 页 共 &N 页" : "Page &P of &N" }),
  };
}

/** Sizes of the school table: the header legible when the table is fitted to one landscape page. */
const HEADER_SIZE = 10;
const BODY_SIZE = 11;

export function addSchoolTableSheet(workbook: ExcelJS.Workbook, table: SchoolTableSheet): ExcelJS.Worksheet {
  const headerRowNumber = 1 + (table.title ? 1 : 0) + (table.instruction ? 1 : 0);
  const width = table.header.length;
  const sheet = workbook.addWorksheet(table.sheetName ?? "学校", {
    views: [{ state: "frozen", xSplit: 1, ySplit: headerRowNumber }],
  });
  const widths = table.header.map(
    // wrapped over a few lines, never narrower than a number needs
    (text, i) => table.widths?.[i] ?? Math.max(5, Math.min(12, Math.ceil(displayWidth(text) / 4) + 1)),
  );
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = columnWidth(w)));
  let r = 1;
  if (table.title) {
    const cell = sheet.getCell(r, 1);
    cell.value = table.title;
    cell.font = tableFont(14, true);
    cell.alignment = { horizontal: "center", vertical: "middle" };
    sheet.mergeCells(r, 1, r, width);
    sheet.getRow(r).height = 26;
    r++;
  }
  if (table.instruction) {
    const cell = sheet.getCell(r, 1);
    cell.value = table.instruction;
    cell.font = tableFont(HEADER_SIZE);
    cell.alignment = { wrapText: true, vertical: "top" };
    sheet.mergeCells(r, 1, r, width);
    const total = widths.reduce((a, b) => a + b, 0);
    sheet.getRow(r).height = wrappedHeight(table.instruction, total, HEADER_SIZE);
    r++;
  }
  const header = sheet.getRow(headerRowNumber);
  let headerHeight = 0;
  table.header.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = tableFont(HEADER_SIZE, true);
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = TABLE_BORDER;
    headerHeight = Math.max(headerHeight, wrappedHeight(text, widths[i], HEADER_SIZE));
  });
  header.height = headerHeight;
  const bordered = table.rows.length + (table.blankRows ?? 0);
  for (let k = 0; k < bordered; k++) {
    const row = sheet.getRow(headerRowNumber + 1 + k);
    const values = table.rows[k] ?? [];
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      const value = values[c];
      if (value !== null && value !== undefined && value !== "") cell.value = value;
      cell.border = TABLE_BORDER;
      cell.font = tableFont(BODY_SIZE);
    }
  }
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
  tablePageSetup(sheet, {
    headerRow: headerRowNumber,
    name: table.tableName ?? table.sheetName ?? "学校",
    lang: "zh",
  });
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
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  withReportFont(files);
  return fixZipTimes(Buffer.from(zipSync(files, { level: 6, mtime: FIXED_DATE })), FIXED_DATE);
}

/**
 * Makes the report's face the workbook's default font, which exceljs leaves at Calibri: empty cells and the
 * height of rows follow it, and a Latin default would print digits in one face and Chinese in a fallback.
 * Changes the archive's files in place.
 */
export function withReportFont(files: Zippable): void {
  withDefaultFont(
    files,
    `<font><sz val="${REPORT_FONT.size}"/><color theme="1"/><name val="${REPORT_FONT.name}"/>` +
      `<family val="${REPORT_FONT.family}"/><charset val="${REPORT_FONT.charset}"/></font>`,
  );
}

/**
 * Makes a font element (<font>…</font>) the workbook's default font, the first of styles.xml, in place of the one
 * exceljs writes (Calibri 11, whatever the workbook it read had).
 */
export function withDefaultFont(files: Zippable, font: string): void {
  const styles = files["xl/styles.xml"];
  if (!(styles instanceof Uint8Array)) return;
  files["xl/styles.xml"] = strToU8(
    strFromU8(styles).replace(/(<fonts[^>]*>)<font>[\s\S]*?<\/font>/, (_, fonts: string) => fonts + font),
  );
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
