/**
 * The spreadsheets inside a zip archive a county sent its workbook in (白狼县.zip holding 白狼县2025.xlsx), for the
 * league's folder (`balance batch`, the web app's 盟市汇总): each read as if it lay in the folder, rather than the
 * county go missing from the summary. Bounded as a folder's walk is: at most `MAX_ARCHIVE_FILES` files, at most
 * `MAX_ARCHIVE_BYTES` unpacked in all (and the reader's own budget for a zip's size); an archive inside the archive
 * is not unpacked but named, to be unpacked by hand. No Node API: both hosts share it.
 */
import type { Problem } from "../../problems/problem";
import type { Grid } from "../../sheet/grid";
import {
  TABLE_HEAD_BYTES,
  isArchiveName,
  isLockFileName,
  isNoteName,
  isSpreadsheetName,
} from "../spreadsheetFiles";
import { startsAsTable } from "./otherFormats";
import { failureProblem, fileProblem, type Bilingual } from "./problems";
import { Zip, type InflateWhole } from "./zip";

/** Files an archive's spreadsheets (and archives) may number, at most; more, and it is said to be unpacked by hand. */
export const MAX_ARCHIVE_FILES = 200;
/** Bytes an archive's spreadsheets may unpack to in all, at most: past it, each further file is a problem. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

/** A file found in an archive, by its path in it: its bytes, or why it was not unpacked. */
export type ArchivedFile = { name: string; bytes: Uint8Array } | { name: string; problem: Problem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An archive inside the archive: not unpacked (one level only), named to be unpacked by hand. */
function nestedArchive(name: string): Problem {
  return fileProblem(
    "archive-nested",
    `压缩包中的压缩包“${name}”未读取：请先解压，再读取解压出的工作簿`,
    `the archive "${name}" inside the archive was not read: unpack it, then read the workbooks it holds`,
  );
}

/** The unpacked bytes of the archive's files have passed `MAX_ARCHIVE_BYTES`: this one is not unpacked. */
function archiveTooLarge(name: string, limit: number): Problem {
  const mib = Math.round(limit / 1048576);
  return fileProblem(
    "archive-too-large",
    `压缩包中的文件解压后合计超过 ${mib} MB，“${name}”未读取：请先解压，再读取解压出的工作簿`,
    `the archive's files unpack to more than ${mib} MB in all; "${name}" was not read: unpack it, then read the workbooks it holds`,
  );
}

/** One entry's bytes, inflated by the archive's `Zip` (its budget, its damage said) and counted against `left`. */
async function unpack(zip: Zip, name: string, left: number): Promise<Uint8Array | null> {
  const entry = zip.entry(name);
  if (!entry || entry.size > left) return null;
  const pieces: Uint8Array[] = [];
  let length = 0;
  const over = new Error("over");
  try {
    await zip.stream(entry, (bytes) => {
      length += bytes.length;
      if (length > left) throw over;
      pieces.push(bytes.slice());
    });
  } catch (error) {
    if (error === over) return null;
    throw error;
  }
  const whole = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

/**
 * The spreadsheets in a zip archive (and the archives in it, each with its problem), by their paths in it, in name
 * order; without lock files, macOS's companions (__MACOSX/, ._…), and files named as notes (说明.txt) whose start is
 * no table, as a folder is listed (src/cli/folderFiles.ts). Null when the bytes are no plain zip of files (an .xlsx
 * renamed .zip, a .rar, a damaged archive), hold no spreadsheet, or hold more than `MAX_ARCHIVE_FILES`: read as a
 * file, the reader then says what it is, naming the spreadsheets it holds to unpack by hand.
 */
export async function archivedSpreadsheets(
  data: Uint8Array,
  inflateWhole?: InflateWhole,
  /** the bounds, `MAX_ARCHIVE_FILES` and `MAX_ARCHIVE_BYTES` but where a test makes them small */
  limits = { files: MAX_ARCHIVE_FILES, bytes: MAX_ARCHIVE_BYTES },
): Promise<ArchivedFile[] | null> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) return null;
  let zip: Zip;
  try {
    zip = new Zip(data, inflateWhole);
  } catch {
    return null;
  }
  // an Office file (a workbook renamed .zip) or an OpenDocument file: the reader reads it or says what it is
  if (zip.has("[Content_Types].xml") || zip.has("mimetype")) return null;
  const names = zip.names
    .filter((name) => !name.startsWith("__MACOSX/") && !isLockFileName(name))
    .filter((name) => isSpreadsheetName(name) || isArchiveName(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0 || names.length > limits.files) return null;
  const files: ArchivedFile[] = [];
  let left = limits.bytes;
  for (const name of names) {
    if (isArchiveName(name)) {
      files.push({ name, problem: nestedArchive(name) });
      continue;
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await unpack(zip, name, left);
    } catch (error) {
      const problem = failureProblem(error, "xlsx-corrupt", {
        zh: "压缩包已损坏",
        en: "the archive is damaged",
      });
      files.push({ name, problem });
      continue;
    }
    if (bytes === null) {
      files.push({ name, problem: archiveTooLarge(name, limits.bytes) });
      continue;
    }
    left -= bytes.length;
    // a note beside the workbooks is no county, in an archive as in a folder
    if (isNoteName(name) && !startsAsTable(bytes.subarray(0, TABLE_HEAD_BYTES))) continue;
    files.push({ name, bytes });
  }
  return files.length === 0 ? null : files;
}

/** A workbook as read: its sheets, or the one problem that kept it from being read (index.ts `WorkbookResult`). */
type Read = { ok: true; grids: Grid[] } | { ok: false; problem: Problem };

/**
 * The workbook a clerk gives a command or the web app as theirs, sent zipped (白狼县2025.zip holding
 * 白狼县2025.xlsx): the one spreadsheet of the archive as `archivedSpreadsheets` finds it (lock files, macOS's
 * companions and notes left out), read by `read`, with its name in the archive; a file that cannot be read is named
 * in its problem; `bytes`, the workbook's, when read. Null when the bytes are no such archive, or it holds several spreadsheets: read as a file, the
 * reader then names them, to be unpacked (or read together, as the league's folder is).
 */
export async function readOnlyArchived(
  data: Uint8Array,
  read: (bytes: Uint8Array, name: string) => Promise<Read>,
  inflateWhole?: InflateWhole,
): Promise<{ inside: string; bytes?: Uint8Array; workbook: Read } | null> {
  const files = await archivedSpreadsheets(data, inflateWhole);
  if (files?.length !== 1) return null;
  const [file] = files;
  if ("problem" in file) return { inside: file.name, workbook: { ok: false, problem: file.problem } };
  const workbook = await read(file.bytes, file.name);
  if (workbook.ok) return { inside: file.name, bytes: file.bytes, workbook };
  const { zh, en } = workbook.problem.message;
  const message = { zh: `压缩包中的“${file.name}”：${zh}`, en: `"${file.name}" in the archive: ${en}` };
  return { inside: file.name, workbook: { ok: false, problem: { ...workbook.problem, message } } };
}

/** Where the workbook read came from: the one spreadsheet `inside` the zip archive `archive` (its file name). */
export function readFromArchive(archive: string, inside: string): Bilingual {
  return {
    zh: `读取压缩包“${archive}”中的“${inside}”`,
    en: `reading "${inside}" from the archive "${archive}"`,
  };
}
