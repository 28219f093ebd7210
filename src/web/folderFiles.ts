/**
 * The county workbooks of a folder given to the web app whole, chosen (`<input webkitdirectory>`) or dropped: a
 * league bureau's 2024/, 2025/, 2026/ folders, each file with its path in the folder (2025/阿尔山市.xlsx), so that
 * its year is its folder's (src/sheet/countyName.ts `yearOfFile`). Subfolders are included: they are the years.
 * Only spreadsheets are taken, without the lock files Excel and WPS keep beside an open workbook, as the command
 * line lists a folder (src/cli/folderFiles.ts); the workbooks Balance wrote are left out when read
 * (src/web/readFiles.ts). Everything stays in the browser.
 */
import { TABLE_HEAD_BYTES, byPathInFolder, isFolderFileName, isNoteName } from "../xlsx/spreadsheetFiles";

/** A file with its path in the folder it came in (盟/2025/阿尔山市.xlsx), or its name when given alone. */
export interface FileAtPath {
  file: File;
  path: string;
}

/** A county file as the league is given it: a File (its path, if any, in `webkitRelativePath`) or one with its path. */
export type CountyFile = File | FileAtPath;

/** A county file with its path: the folder's path the browser gave, or the one found walking a dropped folder. */
export function atPath(file: CountyFile): FileAtPath {
  if ("file" in file && typeof file.path === "string") return file;
  const given = file as File;
  return { file: given, path: given.webkitRelativePath || given.name };
}

/**
 * The files given, each once: a file chosen again (with 添加文件… after it was read, twice in one drop) has the
 * same path, size and time of change as the first, and would be a second card of the same county, the summary
 * saying the county came in two files of which one is not counted. The repeats are named (by their paths), in order.
 */
export function withoutRepeats(files: readonly CountyFile[]): { files: CountyFile[]; repeated: string[] } {
  const seen = new Set<string>();
  const kept: CountyFile[] = [];
  const repeated: string[] = [];
  for (const given of files) {
    const { file, path } = atPath(given);
    const key = [path, file.size, file.lastModified].join("\u0000");
    if (seen.has(key)) {
      if (!repeated.includes(path)) repeated.push(path);
      continue;
    }
    seen.add(key);
    kept.push(given);
  }
  return { files: kept, repeated };
}

/**
 * Whether a file of a folder is a county workbook to read: a spreadsheet's name, or an archive's (a county sent
 * zipped: its spreadsheets are read from it, src/web/readFiles.ts), not a lock file.
 */
export function isFolderWorkbook(path: string): boolean {
  return isFolderFileName(path);
}

/**
 * Whether a file found in a folder is a county workbook to read (`isFolderWorkbook`) and, named as a note may be
 * (说明.txt, a page: `isNoteName`), a table by its first bytes, as the command line lists a folder: a note beside
 * the workbooks is no county. A file whose start cannot be read is taken: its read says why.
 */
export async function isFolderWorkbookFile(file: File, path: string): Promise<boolean> {
  if (!isFolderWorkbook(path)) return false;
  if (!isNoteName(path)) return true;
  try {
    const { startsAsTable } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/reader");
    return startsAsTable(new Uint8Array(await file.slice(0, TABLE_HEAD_BYTES).arrayBuffer()));
  } catch {
    return true;
  }
}

/**
 * The county workbooks among a chosen folder's files (`isFolderWorkbookFile`, each by its path in the folder), in
 * the order the command line takes a folder's files (`byPathInFolder`), not the order the browser lists them.
 */
export async function folderWorkbooks(files: readonly File[]): Promise<File[]> {
  const pathOf = (file: File) => file.webkitRelativePath || file.name;
  const taken: File[] = [];
  for (const file of files) if (await isFolderWorkbookFile(file, pathOf(file))) taken.push(file);
  return taken.sort((a, b) => byPathInFolder(pathOf(a), pathOf(b)));
}

/** The files and folders a dropped folder's walk looks at, at most: a drive dropped by mistake is not walked whole. */
export const MAX_FOLDER_ENTRIES = 10_000;

/** The county workbooks of what was dropped, and whether the walk stopped at `MAX_FOLDER_ENTRIES`. */
export interface DroppedFiles {
  files: CountyFile[];
  tooMany: boolean;
}

/** A folder's entries, batch after batch, until the reader gives none (it gives at most 100 at a time in Chrome). */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
    if (all.length > MAX_FOLDER_ENTRIES) return all;
  }
}

/** The File of a file entry. */
function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;

/**
 * What a drop gives, folders walked: every file of a dropped folder and its subfolders that is a county workbook
 * (`isFolderWorkbook`), with its path from the dropped folder on (盟/2025/阿尔山市.xlsx), in name order within a
 * folder; a file dropped alone is given as it is, whatever its name (the reader says what it is). Without the
 * browser's entries (`webkitGetAsEntry`), the drop's files. The entries must be taken while the drop is handled:
 * the browser empties the drop's items after.
 */
export function droppedFiles(data: DataTransfer): Promise<DroppedFiles> {
  const items = [...(data.items ?? [])].filter((item) => item.kind === "file");
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return Promise.resolve({ files: [...data.files], tooMany: false });
  }
  return walk(entries as FileSystemEntry[]);
}

/** Why a drop opened nothing: a folder too big to walk (`MAX_FOLDER_ENTRIES`), or folders of no county workbook. */
export type NothingDropped = "tooMany" | "empty";

/**
 * The county workbooks a drop brings (`droppedFiles`), or why it brings none; null for a drop of no file (a text
 * dragged). The league's drop zone and the first screen's both take a drop so: a folder walked the same way.
 */
export async function droppedWorkbooks(
  data: DataTransfer,
): Promise<{ files: CountyFile[] } | { nothing: NothingDropped } | null> {
  // counted while the drop is handled, as `droppedFiles` takes the entries: the browser empties them after
  const given = [...(data.items ?? [])].filter((item) => item.kind === "file").length || data.files.length;
  const read = await droppedFiles(data);
  if (read.tooMany) return { nothing: "tooMany" };
  if (read.files.length > 0) return { files: read.files };
  return given > 0 ? { nothing: "empty" } : null;
}

async function walk(dropped: FileSystemEntry[]): Promise<DroppedFiles> {
  const files: CountyFile[] = [];
  let seen = 0;
  const visit = async (entry: FileSystemEntry, inFolder: boolean): Promise<boolean> => {
    if (++seen > MAX_FOLDER_ENTRIES) return false;
    const path = entry.fullPath.replace(/^\//u, "") || entry.name;
    if (isFile(entry)) {
      if (inFolder && !isFolderWorkbook(path)) return true;
      const file = await fileOf(entry);
      if (!inFolder || (await isFolderWorkbookFile(file, path))) files.push({ file, path });
      return true;
    }
    if (!isDirectory(entry)) return true;
    const inside = (await entriesOf(entry)).sort((a, b) => byPathInFolder(a.name, b.name));
    for (const child of inside) if (!(await visit(child, true))) return false;
    return true;
  };
  for (const entry of dropped) if (!(await visit(entry, false))) return { files, tooMany: true };
  return { files, tooMany: false };
}
