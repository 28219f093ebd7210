/**
 * The text of a file a person wrote (a profile, an edits file, a costs file, a rename map), as Windows editors save
 * it (docs/cli.md#hand-written): UTF-8 with or without a byte-order mark; UTF-16 with one (Notepad's "Unicode"),
 * or without one, which a JSON file shows by its NUL bytes; else GB18030, of which GBK is part (Notepad's "ANSI" on
 * a Chinese Windows) — bytes that are not UTF-8 are never UTF-8 text, so this is no guess. Bytes that are neither
 * are refused, as is a workbook given where text is wanted.
 */
import { readFile } from "node:fs/promises";
import { A_WORKBOOK, NOT_UTF8, decodeHandText } from "../problems/handText";

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
