/**
 * Reading an .xlsx file from disk, for the command line: the file's problems (missing, a folder, unreadable)
 * here, everything else by the reader every host shares (src/xlsx/reader, no Node API).
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { basename, dirname, join } from "node:path";
import {
  archivedSpreadsheets,
  readFromArchive,
  readOnlyArchived,
  readWorkbook,
  type ArchivedFile,
  type WorkbookResult,
} from "../xlsx/reader";
import { isArchiveName, isFolderFileName } from "../xlsx/spreadsheetFiles";
import { nearestName } from "./options";
import { fileProblem } from "../xlsx/reader/problems";
import type { Problem } from "../problems/problem";
import { unreadableWhy } from "./textFile";

/**
 * Node's zlib for the parts of a workbook small enough to hold whole: faster than fflate on a county's sheet,
 * with nothing to warm up. Null when the part inflates to more than `limit` bytes (the reader then streams it).
 */
export function inflateWithZlib(raw: Uint8Array, limit: number): Uint8Array | null {
  try {
    return inflateRawSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
}

/**
 * The file a path not found most likely meant, as a clerk types or pastes it: without the quotes or spaces around
 * it (“白狼县.xlsx”), with the extension left off (白狼县 → 白狼县.xlsx), or the one file of its folder a letter or
 * two away (白狼.xlsx → 白狼县.xlsx). Null when there is none.
 */
async function nearFile(path: string): Promise<string | null> {
  const exists = async (p: string) => (await stat(p).catch(() => null))?.isFile() === true;
  const bare = path
    .trim()
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/gu, "")
    .trim();
  if (bare !== path && (await exists(bare))) return bare;
  for (const extension of [".xlsx", ".xls", ".et", ".csv"]) {
    if (await exists(`${bare}${extension}`)) return `${bare}${extension}`;
  }
  const folder = dirname(bare);
  const names = await readdir(folder).catch(() => [] as string[]);
  const near = nearestName(basename(bare), names.filter(isFolderFileName));
  return near === null ? null : join(folder, near);
}

/** A file's bytes from disk, or (missing, a folder, unreadable) its problem, never an exception. */
export async function readFileBytes(
  path: string,
): Promise<{ ok: true; data: Buffer } | { ok: false; problem: Problem }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return {
        ok: false,
        problem: fileProblem(
          "file-is-directory",
          `“${path}”是一个文件夹，不是工作簿`,
          `"${path}" is a folder, not a workbook`,
        ),
      };
    }
    return { ok: true, data: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      const near = await nearFile(path);
      return {
        ok: false,
        problem: fileProblem(
          "file-not-found",
          `找不到文件“${path}”${near === null ? "" : `；是否要用“${near}”？`}`,
          `file not found: "${path}"${near === null ? "" : `; did you mean "${near}"?`}`,
        ),
      };
    }
    // the system's code (EACCES) is no word for a clerk: the usual ones said as a hand-written file's are
    const why = unreadableWhy(code);
    return {
      ok: false,
      problem: fileProblem(
        "file-unreadable",
        `无法读取文件“${path}”（${why.zh}）`,
        `cannot read "${path}" (${why.en})`,
      ),
    };
  }
}

/** A workbook read from disk; `inside`, the name in the zip archive given of the one spreadsheet read from it. */
export type WorkbookFileResult = WorkbookResult & { inside?: string };

/**
 * Reads an .xlsx file from disk. A missing, unreadable or non-xlsx file is a problem, never an exception. A zip
 * archive holding one spreadsheet (a county's workbook sent zipped) is read as that workbook, named by `inside`;
 * the archive is only read, never unpacked on disk.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFileResult> {
  const file = await readFileBytes(path);
  if (!file.ok) return file;
  const archived = isArchiveName(path)
    ? await readOnlyArchived(file.data, readWorkbookBytes, inflateWithZlib)
    : null;
  if (archived !== null) return { ...archived.workbook, inside: archived.inside };
  return readWorkbookBytes(file.data, path);
}

/**
 * The spreadsheets of a zip archive in a folder being read (`balance batch`, `balance import <folder>`), each to be
 * read as if it lay in the folder (xlsx/reader/archive.ts `archivedSpreadsheets`: its bounds, its nested archives
 * named). Null when the file is no zip archive of spreadsheets (a .rar, a damaged archive): read as a file, the
 * reader says what it is and to unpack it.
 */
export async function archivedInFile(path: string, data: Uint8Array): Promise<ArchivedFile[] | null> {
  return isArchiveName(path) ? archivedSpreadsheets(data, inflateWithZlib) : null;
}

/**
 * The path a workbook read from a zip archive goes by, as `balance batch` names it (白狼县.zip/白狼县2025.xlsx):
 * its county and year come from its own name, else from the archive's.
 */
export function archivedPath(path: string, inside: string | undefined): string {
  return inside === undefined ? path : `${path}/${inside}`;
}

/** The line saying a workbook was read from a zip archive (读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”). */
export function archiveLine(path: string, inside: string | undefined, lang: "zh" | "en"): string {
  return inside === undefined ? "" : `${readFromArchive(basename(path), inside)[lang]}\n`;
}

/** Reads a workbook's bytes as the command line reads a file (Node's zlib for the parts it can hold whole). */
export function readWorkbookBytes(data: Uint8Array, name: string): Promise<WorkbookResult> {
  return readWorkbook(data, { inflateWhole: inflateWithZlib, name });
}
