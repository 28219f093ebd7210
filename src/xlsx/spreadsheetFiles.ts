import { ARCHIVE_EXTENSIONS, isArchiveName } from "../sheet/countyName";

/**
 * The files a clerk may hold a table in, by how their names end: what a folder given to the command line is
 * listed for (src/cli/folderFiles.ts) and what the web app's and the pane's file choosers show. The reader reads
 * .xlsx and .xlsm, old binary .xls (and WPS's .et, when it is the same Compound File), LibreOffice's .ods, and the tables in text
 * systems export (a web page's .xls, .htm, Excel 2003 .xml, .csv, .tsv, .txt) by what their bytes are; of the
 * others it says what they are and to save them as .xlsx, rather than have a chooser hide them or a folder's
 * listing pass them over without a word.
 */
export const SPREADSHEET_EXTENSIONS = [
  "xlsx",
  "xlsm",
  "xltx",
  "xltm",
  "xls",
  "xlsb",
  "xlt",
  "et",
  "ett",
  "ods",
  // the flat OpenDocument spreadsheet: the same document in one XML file (src/xlsx/reader/ods.ts)
  "fods",
  "csv",
  // tables in text that systems export as "Excel", read by the reader (src/xlsx/reader/otherFormats.ts)
  "tsv",
  "txt",
  "xml",
  "htm",
  "html",
] as const;

/** Whether a file's name ends as a spreadsheet's (any case). */
export function isSpreadsheetName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return (
    dot >= 0 && (SPREADSHEET_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase())
  );
}

// the archives a county's workbook may be sent in (.zip, .rar, .7z): a file name's, as a year in it is
export { ARCHIVE_EXTENSIONS, isArchiveName };

/** Whether a file found in a folder of workbooks is one to read: a spreadsheet or an archive, not a lock file. */
export function isFolderFileName(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return (isSpreadsheetName(name) || isArchiveName(name)) && !isLockFileName(name);
}

/** The lock files Excel and WPS keep beside an open workbook (~$…, .~…), and those macOS copies leave (._…). */
const NOT_A_WORKBOOK = /^(?:~\$|\.~|\._)/u;

/**
 * Whether a file's name (or the last part of its path, / or \\) is that of a lock file Excel or WPS keeps beside
 * an open workbook (`NOT_A_WORKBOOK`): no county, in a folder the command line lists or the web app is given.
 */
export function isLockFileName(path: string): boolean {
  return NOT_A_WORKBOOK.test(path.split(/[\\/]/).pop() ?? path);
}

/**
 * Names that a table in text may bear but that a folder of workbooks also holds for other reasons: a 说明.txt
 * beside the counties' workbooks, a page or an XML file of something else. Such a file found in a folder is a
 * county only when its start is a table (reader/otherFormats.ts `startsAsTable`, on its first `TABLE_HEAD_BYTES`);
 * `.csv` and `.tsv` name nothing but tables and are always taken.
 */
export function isNoteName(path: string): boolean {
  return /\.(?:txt|xml|htm|html)$/iu.test(path);
}

/** Enough of a file's start to tell a table in text from other text, and to find a page's table after its styles. */
export const TABLE_HEAD_BYTES = 65536;

/**
 * The order a folder's files are taken in, by every host: names by their UTF-16 code units (as `balance batch`
 * lists a folder), and paths in a folder (2025/阿尔山市.xlsx) folder by folder, so that a folder's files come
 * together and before a later folder's. Of two copies of one year the league counts the later
 * (src/engine/league.ts `countedFiles`): the order must not be the disk's, which a browser gives.
 */
export function byPathInFolder(a: string, b: string): number {
  const [x, y] = [a.split("/"), b.split("/")];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** A file's name without the extension of a spreadsheet (阿尔山市2025.xlsm → 阿尔山市2025): the name a year or a county is labelled by. */
export function withoutSpreadsheetExtension(name: string): string {
  return isSpreadsheetName(name) ? name.slice(0, name.lastIndexOf(".")) : name;
}

/** A file chooser's `accept`: every spreadsheet file, .xlsx's and .xls's types named too for the systems that go by type. */
export const SPREADSHEET_ACCEPT = [
  ...SPREADSHEET_EXTENSIONS.map((extension) => `.${extension}`),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
].join(",");

/**
 * The web app's file choosers' `accept` (the first screen's, 对比's, the league's): every spreadsheet, and the
 * archives counties send theirs in (a .zip's workbooks are read from it; a .rar or .7z is said to be unpacked).
 */
export const COUNTY_FILES_ACCEPT = [
  SPREADSHEET_ACCEPT,
  ...ARCHIVE_EXTENSIONS.map((extension) => `.${extension}`),
  "application/zip",
].join(",");
