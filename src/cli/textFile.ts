/**
 * The text of a file a person wrote (a profile, an edits file, a costs file, a rename map), as Windows editors save
 * it (docs/cli.md#hand-written): UTF-8 with or without a byte-order mark; UTF-16 with one (Notepad's "Unicode"),
 * or without one, which a JSON file shows by its NUL bytes; else GB18030, of which GBK is part (Notepad's "ANSI" on
 * a Chinese Windows) — bytes that are not UTF-8 are never UTF-8 text, so this is no guess. Bytes that are neither
 * are refused, as is a workbook given where text is wanted.
 */
import { readFile } from "node:fs/promises";

/** Thrown for bytes that are no text in any of these encodings: `code` is NOT_UTF8. */
export const NOT_UTF8 = "NOT_UTF8";
/** Thrown for an .xlsx, .zip or .xls given where text is wanted: `code` is A_WORKBOOK. */
export const A_WORKBOOK = "A_WORKBOOK";

/** The text of these bytes, without a byte-order mark; throws NOT_UTF8 or A_WORKBOOK. */
export function decodeHandText(bytes: Uint8Array, path: string): string {
  const starts = (...b: number[]) => b.every((x, k) => bytes[k] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0))
    throw Object.assign(new Error(`${path} is a workbook`), { code: A_WORKBOOK });
  if (starts(0xff, 0xfe)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (starts(0xfe, 0xff)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // JSON's first character is ASCII: in UTF-16 without a mark one of its two bytes is 0, which no other text has
  if (bytes.length >= 2 && bytes.length % 2 === 0 && (bytes[0] === 0) !== (bytes[1] === 0))
    return new TextDecoder(bytes[1] === 0 ? "utf-16le" : "utf-16be").decode(bytes);
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      // TextDecoder drops a UTF-8 byte-order mark by itself
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // the next encoding
    }
  }
  throw Object.assign(new Error(`${path} is not text`), { code: NOT_UTF8 });
}

/** The file's text without its byte-order mark; a file system error is thrown as it comes (ENOENT, EISDIR…). */
export async function readTextFile(path: string): Promise<string> {
  return decodeHandText(await readFile(path), path);
}

/** Why a file could not be read, in both languages: its encoding, or the system's error code. */
export function unreadableWhy(code: string | undefined): { zh: string; en: string } {
  if (code === NOT_UTF8) {
    return {
      zh: "不是文本文件，或编码无法识别；请在记事本中“另存为”并选择编码 UTF-8",
      en: "not text, or in an encoding not recognised; save it again with the encoding UTF-8",
    };
  }
  if (code === A_WORKBOOK)
    return {
      zh: "这是 Excel 工作簿，不是 JSON 文本文件；请给出 .json 文件（可用记事本编写，见 docs/cli.md#hand-written）",
      en: "it is an Excel workbook, not a JSON text file; give the .json file (written in Notepad, docs/cli.md#hand-written)",
    };
  // the system's codes are no words for a clerk: the usual ones said, the code kept in English for support
  if (code === "ENOENT") return { zh: "文件不存在，请检查路径和文件名", en: "no such file (ENOENT)" };
  if (code === "EACCES" || code === "EPERM")
    return { zh: "没有读取该文件的权限", en: `permission denied (${code})` };
  if (code === "EISDIR") return { zh: "这是一个文件夹，不是文件", en: "it is a folder, not a file (EISDIR)" };
  return { zh: code ?? "未知原因", en: code ?? "unknown reason" };
}
