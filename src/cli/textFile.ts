/**
 * The text of a JSON file a person wrote (a profile, an edits file, a cost file), as Windows editors save it:
 * UTF-8 with or without a byte-order mark, or UTF-16 with one (Notepad's "Unicode"). Text in another encoding
 * (GBK, Notepad's "ANSI" on a Chinese Windows) is refused: read as UTF-8 its Chinese would be garbled unseen.
 */
import { readFile } from "node:fs/promises";

/** Thrown for a file that is not UTF-8 or UTF-16: `code` is NOT_UTF8. */
export const NOT_UTF8 = "NOT_UTF8";

/** The file's text without its byte-order mark; a file system error is thrown as it comes (ENOENT, EISDIR…). */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 byte-order mark by itself
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw Object.assign(new Error(`${path} is not UTF-8`), { code: NOT_UTF8 });
  }
}

/** Why a file could not be read, in both languages: its encoding, or the system's error code. */
export function unreadableWhy(code: string | undefined): { zh: string; en: string } {
  if (code === NOT_UTF8) {
    return {
      zh: "不是 UTF-8 编码；请在记事本中“另存为”并选择编码 UTF-8",
      en: "not UTF-8 text; save it again with the encoding UTF-8",
    };
  }
  // the system's codes are no words for a clerk: the usual ones said, the code kept in English for support
  if (code === "ENOENT") return { zh: "文件不存在，请检查路径和文件名", en: "no such file (ENOENT)" };
  if (code === "EACCES" || code === "EPERM")
    return { zh: "没有读取该文件的权限", en: `permission denied (${code})` };
  if (code === "EISDIR") return { zh: "这是一个文件夹，不是文件", en: "it is a folder, not a file (EISDIR)" };
  return { zh: code ?? "未知原因", en: code ?? "unknown reason" };
}
