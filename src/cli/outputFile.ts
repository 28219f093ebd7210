/**
 * Files the command line writes (evaluate --out, template, plan/whatif --out): one path for all of them.
 *
 * Before any work the output path is checked, so that a mistake costs nothing: the name's extension, the folder
 * (there, a folder, writable), no symbolic link at the name (the file is never written through a link to
 * another file), never an input file, an existing file only with --force.
 *
 * The file is then written whole or not at all: into a temporary file beside it, flushed to the disk, and
 * renamed (or, without --force, linked) into place. Ctrl-C (SIGINT), SIGTERM or SIGHUP while writing removes the
 * temporary file and ends the command with 130, 143 or 129, as a shell reports a command ended by that signal.
 * Only SIGKILL or a power cut can leave the temporary file behind; the target is never half-written.
 */
import { unlinkSync } from "node:fs";
import {
  link,
  lstat,
  open,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
  type FileHandle,
} from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Bilingual } from "../standard/county";

export type OutputCheck = { ok: true } | { ok: false; message: Bilingual };

export interface OutputOptions {
  /** replace an existing file */
  force: boolean;
  /** the name must end so, e.g. ".xlsx" (any case) */
  extension?: string;
  /** files the output must never replace, whatever --force says (the input workbook) */
  inputs?: readonly string[];
}

/** Whether a file can be created in a folder: null, or the error code that stops it. */
export type FolderProbe = (folder: string) => Promise<string | null>;

/** The exit codes of a command ended by a signal while writing: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** The longest file name most disks take, in bytes (255 on ext4, NTFS and APFS alike, counting UTF-8 bytes). */
const LONGEST_NAME_BYTES = 255;

/** The name cut to at most `bytes` bytes of UTF-8, never inside a character. */
function cutName(name: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const ch of name) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * A name in the output's folder that no other run uses: `.报告.xlsx.1234.9f3a….tmp`, the output's name cut so that
 * the temporary name is no longer than a name the disk takes.
 */
function temporaryName(out: string): string {
  // the global Web Crypto, loaded only when a file is written: importing node:crypto costs every command's start
  const random = globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
  const tail = `.${process.pid}.${random.toString(16).padStart(8, "0")}.tmp`;
  const stem = cutName(basename(out), LONGEST_NAME_BYTES - 1 - Buffer.byteLength(tail));
  return join(dirname(out), `.${stem}${tail}`);
}

/**
 * Creates and removes a file in the folder: what the system really allows. Permission bits alone do not say it
 * (root writes anywhere they allow, yet not on a read-only disk, nor under /proc).
 */
export const probeFolder: FolderProbe = async (folder) => {
  const probe = temporaryName(join(folder, "balance"));
  try {
    const handle = await open(probe, "wx");
    await handle.close();
    await unlink(probe);
    return null;
  } catch (error) {
    return errorCode(error);
  }
};

function whyNotWritable(code: string): Bilingual {
  if (code === "EROFS") return { zh: "只读的磁盘", en: "a read-only disk" };
  if (code === "EACCES" || code === "EPERM") return { zh: "没有写入权限", en: "no permission to write" };
  if (code === "ENOSPC") return { zh: "磁盘已满", en: "the disk is full" };
  // a folder whose system creates no files in it (/proc)
  if (code === "ENOENT") return { zh: "该文件夹不能新建文件", en: "no file can be created there" };
  return { zh: code, en: code };
}

/** Whether two paths are one file or folder: by their real paths, else by device and inode (a hard link). */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(a)) === (await real(b))) return true;
  // a hard link, or another spelling on a case-insensitive disk: the same file by device and inode
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * For each of `paths`, the earlier one naming the same file (the same path, two spellings of it, a link to it), else
 * null. A path that cannot be resolved (a missing file) is compared as it is written, to be said when it is read.
 */
export async function earlierNames(paths: readonly string[]): Promise<(string | null)[]> {
  const first = new Map<string, string>();
  const earlier: (string | null)[] = [];
  for (const path of paths) {
    // one file by device and inode (a link, another spelling on a case-insensitive disk), else by its real path
    const info = await stat(path).catch(() => null);
    const key =
      info !== null && info.ino !== 0
        ? `${info.dev}:${info.ino}`
        : await realpath(path).catch(() => resolve(path));
    earlier.push(first.get(key) ?? null);
    if (!first.has(key)) first.set(key, path);
  }
  return earlier;
}

const refuse = (zh: string, en: string): OutputCheck => ({ ok: false, message: { zh, en } });

/**
 * The owner file an office program keeps beside a workbook it has open, if there is one: Excel's and WPS's
 * `~$名称.xlsx` (for a longer name, `~$` in place of its first two characters) and LibreOffice's `.~lock.名称.xlsx#`.
 */
async function ownerFileOf(path: string): Promise<string | null> {
  const name = basename(path);
  for (const lock of [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`]) {
    if ((await lstat(join(dirname(path), lock)).catch(() => null))?.isFile()) return lock;
  }
  return null;
}

/** Checks an output path before anything is computed; the message names the path in both languages. */
export async function checkOutputPath(
  out: string,
  options: OutputOptions,
  canCreateIn: FolderProbe = probeFolder,
): Promise<OutputCheck> {
  const { extension } = options;
  if (extension && !out.toLowerCase().endsWith(extension.toLowerCase())) {
    // a folder given for the file, or another format's name: the name to type instead
    if ((await stat(out).catch(() => null))?.isDirectory()) {
      const inside = join(out, `文件名${extension}`);
      return refuse(
        `“${out}”是一个文件夹；请写出其中的文件名，如“${inside}”`,
        `"${out}" is a folder; name a file in it, e.g. "${inside}"`,
      );
    }
    const named = basename(out);
    const dot = named.lastIndexOf(".");
    const instead =
      dot > 0 ? `${out.slice(0, out.length - named.length + dot)}${extension}` : `${out}${extension}`;
    return refuse(
      `输出文件须以 ${extension} 结尾：“${out}”（只写出 Excel 工作簿；可改为“${instead}”）`,
      `the output file must end in ${extension}: "${out}" (only Excel workbooks are written; "${instead}" would do)`,
    );
  }
  if (Buffer.byteLength(basename(out)) > LONGEST_NAME_BYTES) {
    return refuse(
      `文件名过长（超过 ${LONGEST_NAME_BYTES} 字节，约 85 个汉字）：“${out}”`,
      `the file name is too long (over ${LONGEST_NAME_BYTES} bytes): "${out}"`,
    );
  }
  const folder = dirname(out);
  const folderStat = await stat(folder).catch((error: unknown) => errorCode(error));
  if (folderStat === "ENOENT") {
    return refuse(
      `文件夹“${folder}”不存在，无法写入“${out}”`,
      `the folder "${folder}" does not exist, so "${out}" cannot be written`,
    );
  }
  if (typeof folderStat === "string" || !folderStat.isDirectory()) {
    return refuse(
      `“${folder}”不是文件夹，无法写入“${out}”`,
      `"${folder}" is not a folder, so "${out}" cannot be written`,
    );
  }
  const existing = await lstat(out).catch(() => null);
  if (existing?.isSymbolicLink()) {
    const target = await readlink(out).catch(() => "?");
    const dangling = (await stat(out).catch(() => null)) === null;
    return dangling
      ? refuse(
          `“${out}”是符号链接，指向不存在的“${target}”；不会通过链接写入，请换一个文件名`,
          `"${out}" is a symbolic link to "${target}", which does not exist; links are not written through: choose another name`,
        )
      : refuse(
          `“${out}”是指向“${target}”的符号链接；不会通过链接改写另一个文件，请换一个文件名`,
          `"${out}" is a symbolic link to "${target}"; another file is never written through a link: choose another name`,
        );
  }
  for (const input of options.inputs ?? []) {
    if (await samePath(out, input)) {
      // a costs, edits, profile or recipe file read is named for what it is, not as a workbook
      return /\.json$/i.test(input)
        ? refuse(`不能写入输入的文件“${out}”`, `the output cannot replace the input file "${out}"`)
        : refuse(`不能写入输入的工作簿“${out}”`, `the output cannot replace the input workbook "${out}"`);
    }
  }
  if (existing?.isDirectory()) return refuse(`“${out}”是一个文件夹`, `"${out}" is a folder`);
  // a file open in Excel, WPS or LibreOffice (its owner file beside it): writing over it fails on Windows, after the
  // work, or leaves the program showing what is no longer on disk
  const lock = existing?.isFile() ? await ownerFileOf(out) : null;
  if (lock !== null) {
    return refuse(
      `“${out}”正在 Excel、WPS 或 LibreOffice 中打开（旁边有临时文件“${lock}”）：请先关闭它再试；若已关闭，删除该临时文件即可`,
      `"${out}" is open in Excel, WPS or LibreOffice (its lock file "${lock}" is beside it): close it first; if it is closed, delete the lock file`,
    );
  }
  // a file marked read-only (Windows' attribute, chmod a-w) is kept, as Excel keeps it: --force does not undo that
  if (existing?.isFile() && (existing.mode & 0o222) === 0) {
    return refuse(
      `文件“${out}”是只读的，不会覆盖（加 --force 也不会）；请换一个文件名，或先取消该文件的只读属性`,
      `"${out}" is read-only and is not overwritten, even with --force: choose another name, or clear its read-only mark first`,
    );
  }
  if (existing && !options.force) {
    return refuse(
      `文件“${out}”已存在；如要覆盖，请加 --force`,
      `"${out}" already exists; add --force to overwrite it`,
    );
  }
  const blocked = await canCreateIn(folder);
  if (blocked !== null) {
    const why = whyNotWritable(blocked);
    return refuse(
      `无法在文件夹“${folder}”中写入“${out}”（${why.zh}）`,
      `"${out}" cannot be written in the folder "${folder}" (${why.en})`,
    );
  }
  return { ok: true };
}

/** While it is installed, a signal removes the temporary file and ends the process with 128 + its number. */
function removeOnSignals(temp: string): () => void {
  const handlers = (Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]).map((signal) => {
    const handler = () => {
      try {
        unlinkSync(temp);
      } catch {
        // not created yet, or already renamed into place: nothing partial is left either way
      }
      process.exit(SIGNAL_EXIT[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/**
 * For the tests of the signals only: with BALANCE_TEST_HOLD_WRITE=1 the write stops after its first part, says so
 * on stderr, and waits for a signal, so that a test can interrupt a write at a known point without timing it.
 */
async function holdForTest(temp: string): Promise<void> {
  if (process.env.BALANCE_TEST_HOLD_WRITE !== "1") return;
  process.stderr.write(`balance: test hold ${temp}\n`);
  await new Promise(() => setInterval(() => undefined, 1 << 30));
}

async function syncFolder(folder: string): Promise<void> {
  // the rename itself reaches the disk; a system that cannot open a folder (Windows) does it anyway
  const handle = await open(folder, "r").catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/** Moves the finished temporary file to the name; without --force an existing file is never replaced. */
async function moveIntoPlace(temp: string, out: string, force: boolean): Promise<void> {
  if (force) return rename(temp, out);
  try {
    // link fails if the name was taken after the check; rename would replace it
    await link(temp, out);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") throw error;
    // a disk without hard links (FAT, some shares): look, then rename
    if ((await lstat(out).catch(() => null)) !== null)
      throw Object.assign(new Error(out), { code: "EEXIST" });
    return rename(temp, out);
  }
  // the file is in place; a temporary name left behind by a failing unlink is only a second name of it
  await unlink(temp).catch(() => undefined);
}

/**
 * Writes a file whole or not at all (see the top of this file). A failure leaves the target as it was and no
 * temporary file; the result names the system's error code (EEXIST when the name was taken meanwhile).
 */
export async function writeFileAtomic(
  out: string,
  bytes: Uint8Array,
  options: { force: boolean },
): Promise<{ ok: true } | { ok: false; code: string }> {
  const temp = temporaryName(out);
  const release = removeOnSignals(temp);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, "wx");
    // in parts, so that the test hold finds a partial file
    const part = Math.max(1, Math.min(1 << 20, Math.ceil(bytes.length / 2)));
    for (let at = 0; at < bytes.length; at += part) {
      await handle.write(bytes, at, Math.min(part, bytes.length - at));
      if (at === 0) await holdForTest(temp);
    }
    await handle.sync();
    await handle.close();
    handle = null;
    await moveIntoPlace(temp, out, options.force);
    await syncFolder(dirname(out));
    return { ok: true };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    return { ok: false, code: errorCode(error) };
  } finally {
    release();
  }
}

/** The message of a write that failed after the check, naming the file. */
export function writeFailure(out: string, code: string): Bilingual {
  if (code === "EEXIST") {
    return {
      zh: `文件“${out}”在写入前已被创建；如要覆盖，请加 --force`,
      en: `"${out}" was created meanwhile; add --force to overwrite it`,
    };
  }
  const why = whyNotWritable(code);
  return { zh: `无法写入“${out}”（${why.zh}）`, en: `cannot write "${out}" (${why.en})` };
}
