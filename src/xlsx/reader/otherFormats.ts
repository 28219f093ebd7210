/**
 * Files that are no workbook but a table in another format, as statistics systems export "Excel": a web page's
 * table saved as .xls (text/html.ts), an Excel 2003 XML spreadsheet (text/spreadsheet2003.ts) and a text table,
 * .csv, .tsv or Excel's "Unicode text" (text/delimited.ts), in UTF-8, UTF-16 or GBK (text/decode.ts). Each is
 * told by its first bytes, whatever its name says, and read into the grids an .xlsx gives; a file that is none
 * of them is said to be not a workbook, in words that say what it is when its start tells.
 */
import type { Grid } from "../../sheet/grid";
import type { Problem } from "../../problems/problem";
import { isLockFileName } from "../spreadsheetFiles";
import {
  NOT_XLSX,
  WorkbookFailure,
  companionFileProblem,
  failureProblem,
  fileProblem,
  knownFileProblem,
  notAWorkbook,
  type KnownFile,
} from "./problems";
import { decodeText, latin1Head } from "./text/decode";
import { readDelimited } from "./text/delimited";
import { readHtmlTables } from "./text/html";
import { textTableNote } from "./text/limits";
import { readSpreadsheet2003 } from "./text/spreadsheet2003";
import { readFlatOds } from "./ods";

export type OtherFormat = "html" | "xml2003" | "fods" | "text";

/** The start of a file as text: UTF-16 decoded, else each byte a character (enough to tell a format by). */
function head(data: Uint8Array): string {
  const utf16 =
    data[0] === 0xff && data[1] === 0xfe
      ? "utf-16le"
      : data[0] === 0xfe && data[1] === 0xff
        ? "utf-16be"
        : null;
  const start = utf16 ? new TextDecoder(utf16).decode(data.subarray(2, 4098)) : latin1Head(data);
  return start.replace(/^\xef\xbb\xbf/u, "").trimStart();
}

/** Whether the text holds no control characters but tab, line feed and carriage return. */
function isText(start: string): boolean {
  for (let i = 0; i < start.length; i++) {
    const c = start.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** A flat OpenDocument file (.fods, .fodt …): its root, office:document, in OpenDocument's namespaces. */
const FLAT_OPENDOCUMENT = /<(?:[\w.-]+:)?document\s[^>]*urn:oasis:names:tc:opendocument:/u;
/** A flat OpenDocument spreadsheet's root says what it is: office:mimetype="…opendocument.spreadsheet". */
const FLAT_ODS_ROOT =
  /<(?:[\w.-]+:)?document\s[^>]*mimetype\s*=\s*["']application\/vnd\.oasis\.opendocument\.spreadsheet(?:-template)?["']/u;

const TEXT_TABLE_NAME = /\.(?:csv|tsv|txt|tab)$/iu;

/**
 * What the file is, by its start, or null when none of these: a text table has a separator on one of its first
 * lines, or is named as a text table (a table of one column).
 */
export function otherFormatOf(data: Uint8Array, name?: string): OtherFormat | null {
  const start = head(data);
  if (/^<\?xml\b/iu.test(start) && /urn:schemas-microsoft-com:office:spreadsheet/iu.test(start))
    return "xml2003";
  if (/^<\?xml\b/iu.test(start) && FLAT_OPENDOCUMENT.test(start)) return "fods";
  if (/^<(?:!doctype\s+html|html|table|meta|head|body)\b/iu.test(start) || /<table\b/iu.test(start))
    return "html";
  if (/^</u.test(start) || !isText(start)) return null;
  // a title above the header may stand alone on its line
  const firstLines = start.split(/\r?\n|\r/u, 5);
  if (firstLines.some((line) => /[,\t;]/u.test(line))) return "text";
  if (name !== undefined && TEXT_TABLE_NAME.test(name) && start !== "") return "text";
  return null;
}

/**
 * Whether a file's first bytes are a table in text as the reader reads one, whatever its name: a text table's
 * lines separated into columns (a .txt of prose is none), an Excel 2003 spreadsheet, a page holding a table.
 */
export function startsAsTable(start: Uint8Array): boolean {
  const format = otherFormatOf(start);
  if (format !== "html") return format !== null;
  // a page is a table only when it holds one (a page of Excel's has its styles first)
  return /<table\b/iu.test(new TextDecoder("latin1").decode(start));
}

/** The file's name without folder and extension, as Excel names the sheet of a .csv it opens (31 characters). */
export function sheetNameOfFile(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.split(/[\\/]/u).pop() ?? name;
  const dot = base.lastIndexOf(".");
  const plain = (dot > 0 ? base.slice(0, dot) : base)
    .replace(/[[\]:*?/\\]/gu, "_")
    .trim()
    .slice(0, 31);
  return plain === "" ? undefined : plain;
}

const TEXT_TABLE_READ = (): Problem =>
  textTableNote(
    "text-table",
    "该文件是文本格式的表格（如 .csv），不含工作表、单元格格式和公式：已读为一张工作表；形如数字的内容读作数字，以 0 开头或 10 位以上的数字（如学校标识码）读作文本，日期读作文本",
    "the file is a text table (such as .csv), without sheets, cell formats or formulas: it was read as one sheet; what is plainly a number is read as a number, digits with a leading zero or of ten or more (such as school codes) as text, and dates as text",
  );

/** Reads a file of another format into grids; a file it cannot read throws the WorkbookFailure saying why. */
function readGrids(format: OtherFormat, data: Uint8Array, name: string | undefined): Grid[] {
  const { text, cutShort } = decodeText(data);
  // the rows past the cut are lost: never read as a table short of them
  if (cutShort)
    throw new WorkbookFailure(
      fileProblem(
        "text-cut-short",
        "文件的结尾不完整（最后一个字符只有一部分）：文件可能在导出、下载或复制时中断了，其后的内容缺失；请重新导出或下载后再试",
        "the file ends within a character: it was likely cut short while exported, downloaded or copied, and what followed is lost; export or download it again",
      ),
    );
  const sheet = sheetNameOfFile(name);
  switch (format) {
    case "html": {
      const grids = readHtmlTables(text, sheet);
      if (grids.length === 0)
        throw new WorkbookFailure(
          fileProblem(
            "no-sheet",
            "该文件是网页，但其中没有表格",
            "the file is a web page, but it holds no table",
          ),
        );
      return grids;
    }
    case "xml2003": {
      const grids = readSpreadsheet2003(text);
      if (grids.length === 0)
        throw new WorkbookFailure(
          fileProblem(
            "no-sheet",
            "该文件是 Excel 2003 的 XML 表格，但其中没有工作表",
            "the file is an Excel 2003 XML spreadsheet, but it holds no sheet",
          ),
        );
      return grids;
    }
    case "fods": {
      // a flat text document may hold tables too: only a spreadsheet's are read
      const grids = FLAT_ODS_ROOT.test(text.slice(0, 65536)) ? readFlatOds(text) : [];
      if (grids.length === 0) throw new WorkbookFailure(notAWorkbook("ods"));
      return grids;
    }
    case "text": {
      const grid = readDelimited(text, sheet ?? "Sheet1");
      grid.notes = [TEXT_TABLE_READ()];
      return [grid];
    }
  }
}

/** Files told by their first bytes that a clerk may be sent in place of a table: [kind, signature]. */
const SIGNATURES: readonly [KnownFile, readonly number[]][] = [
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["rar", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]], // Rar!␚␇
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["gzip", [0x1f, 0x8b]],
  ["image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], // PNG
  ["image", [0xff, 0xd8, 0xff]], // JPEG
  ["image", [0x47, 0x49, 0x46, 0x38]], // GIF8
];

/** What a file that is no table is, when its first bytes tell it: a PDF, an archive, a picture. */
function knownFileOf(data: Uint8Array): KnownFile | null {
  const found = SIGNATURES.find(([, magic]) => magic.every((b, i) => data[i] === b));
  return found ? found[0] : null;
}

/**
 * A file that is neither a zip nor a Compound File: its grids when it is a table in one of the other formats,
 * else the problem saying it is not a workbook. `name` is the file's name, for the sheet of a text table.
 */
export function readOtherFormat(
  data: Uint8Array,
  name?: string,
): { ok: true; grids: Grid[] } | { ok: false; problem: Problem } {
  // told first: a PDF or a picture named .csv is no text table either
  const known = knownFileOf(data);
  if (known !== null) return { ok: false, problem: knownFileProblem(known) };
  const format = otherFormatOf(data, name);
  if (format === null) {
    const companion = name !== undefined && isLockFileName(name);
    return { ok: false, problem: companion ? companionFileProblem(name) : NOT_XLSX() };
  }
  try {
    return { ok: true, grids: readGrids(format, data, name) };
  } catch (error) {
    return {
      ok: false,
      problem: failureProblem(error, "table-unreadable", {
        zh: "该文件无法作为表格读取",
        en: "the file cannot be read as a table",
      }),
    };
  }
}
