/**
 * The spreadsheets in a folder that a command reads one by one (`balance batch`, `balance import`).
 */
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { startsAsTable } from "../xlsx/reader/otherFormats";
import { TABLE_HEAD_BYTES, byPathInFolder, isFolderFileName, isNoteName } from "../xlsx/spreadsheetFiles";
import { fileProblem } from "../xlsx/reader/problems";
import type { Problem } from "../problems/problem";

/**
 * Why a folder named on the command line cannot be listed (no permission to read it: a colleague's folder on a
 * shared disk), as a problem naming it; null when it is no folder or can be listed. Said where its files would be
 * read, never an exception.
 */
export async function unreadableFolder(folder: string): Promise<Problem | null> {
  if (!(await stat(folder).catch(() => null))?.isDirectory()) return null;
  const code = await readdir(folder).then(
    () => null,
    (error: unknown) => (error as NodeJS.ErrnoException).code ?? "?",
  );
  if (code === null) return null;
  const denied = code === "EACCES" || code === "EPERM";
  return fileProblem(
    "folder-unreadable",
    `无法读取文件夹“${folder}”（${denied ? "没有读取该文件夹的权限" : code}），其中的文件都未读取`,
    `cannot read the folder "${folder}" (${denied ? `permission denied (${code})` : code}): none of its files is read`,
  );
}

/** Whether a name in a folder is hidden (.git, .白狼县.xlsx), as Linux and macOS hide it. */
function isHiddenName(name: string): boolean {
  return name.startsWith(".");
}

/** Whether a file named as text holds a table by its first bytes (`startsAsTable`). */
async function holdsTextTable(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const head = new Uint8Array(TABLE_HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, TABLE_HEAD_BYTES, 0);
    return startsAsTable(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/**
 * The spreadsheets of `folder` (not of its subfolders), by name, without lock files. Old .xls (and .et) files
 * are read as .xlsx files are, and tables in text (.csv …) as the reader reads them; spreadsheets in formats it
 * cannot read (.xlsb …) are listed too: the reader says of each what it is and to save it as .xlsx. Left out, a
 * county or a school kept in another format would be missing from the result without a word. A .txt, .xml or
 * .htm(l) file is listed only when its start is a table (`holdsTextTable`): a note beside the workbooks is no
 * county. Archives are listed too (`isFolderFileName`): a county's workbook sent as 白狼县.zip is read from it
 * (`balance batch`) or said to be unpacked, never passed over. Hidden files (.白狼县.xlsx) are left out, as a file
 * manager and `*.xlsx` leave them: the clerk never sees them among the counties, and a workbook being written
 * (ours, or another program's) is a hidden temporary file until it is whole.
 */
export async function spreadsheetsIn(folder: string): Promise<string[]> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && !isHiddenName(e.name) && isFolderFileName(e.name))
    .map((e) => e.name)
    .sort(byPathInFolder);
  const listed: string[] = [];
  for (const name of names) {
    if (!isNoteName(name) || (await holdsTextTable(join(folder, name)).catch(() => true))) listed.push(name);
  }
  return listed;
}

/**
 * The subfolders of `folder` that hold spreadsheets of their own (`spreadsheetsIn`), by name: what a command that
 * reads a folder's own files passes over, and says so, rather than leave their counties out without a word.
 */
export async function subfoldersWithSpreadsheets(folder: string): Promise<string[]> {
  // a folder that cannot be listed is said where its own files are read (`unreadableFolder`)
  const subfolders = (await readdir(folder, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !isHiddenName(e.name))
    .map((e) => e.name)
    .sort(byPathInFolder);
  const holding: string[] = [];
  for (const name of subfolders) {
    const inside = await spreadsheetsIn(join(folder, name)).catch(() => []);
    if (inside.length > 0) holding.push(join(folder, name));
  }
  return holding;
}
