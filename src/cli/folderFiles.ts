/**
 * The spreadsheets in a folder that a command reads one by one (`balance batch`, `balance import`).
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isSpreadsheetName } from "../xlsx/spreadsheetFiles";

/** The lock files Excel and WPS keep beside an open workbook (~$…, .~…), and those macOS copies leave (._…). */
const NOT_A_WORKBOOK = /^(?:~\$|\.~|\._)/u;

/** Whether a file's name is that of a lock file Excel or WPS keeps beside an open workbook (`NOT_A_WORKBOOK`). */
export function isLockFileName(path: string): boolean {
  return NOT_A_WORKBOOK.test(path.split(/[\\/]/).pop() ?? path);
}

/**
 * The spreadsheets of `folder` (not of its subfolders), by name, without lock files. Old .xls (and .et) files
 * are read as .xlsx files are; spreadsheets in other formats (.ods, .csv …) are listed too: the reader says of
 * each what it is and to save it as .xlsx. Left out, a county or a school kept in another format would be
 * missing from the result without a word.
 */
export async function spreadsheetsIn(folder: string): Promise<string[]> {
  return (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && isSpreadsheetName(e.name) && !NOT_A_WORKBOOK.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The subfolders of `folder` that hold spreadsheets of their own (`spreadsheetsIn`), by name: what a command that
 * reads a folder's own files passes over, and says so, rather than leave their counties out without a word.
 */
export async function subfoldersWithSpreadsheets(folder: string): Promise<string[]> {
  const subfolders = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const holding: string[] = [];
  for (const name of subfolders) {
    const inside = await spreadsheetsIn(join(folder, name)).catch(() => []);
    if (inside.length > 0) holding.push(join(folder, name));
  }
  return holding;
}
