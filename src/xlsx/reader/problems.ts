/**
 * What keeps a workbook from being read, as problems (docs: never an exception or a stack trace for a user's
 * file). The reader's parts throw `WorkbookFailure`; `readWorkbook` turns it, and anything else thrown while
 * reading, into the one problem of its result.
 */
import type { Problem } from "../../problems/problem";

export type Bilingual = { zh: string; en: string };

export function fileProblem(code: string, zh: string, en: string): Problem {
  return { severity: "error", code, cell: null, message: { zh, en } };
}

/**
 * What reading gave when it threw: the problem a WorkbookFailure carries, or for any other error (a fault of the
 * program's, not damage the reader found) `what` the file is said to be, with the program's own words, in English,
 * in the English message only — never a stack trace.
 */
export function failureProblem(error: unknown, code: string, what: Bilingual): Problem {
  if (error instanceof WorkbookFailure) return error.problem;
  const detail = error instanceof Error ? error.message : String(error);
  return fileProblem(
    code,
    `${what.zh}（读取时出现意外的错误）`,
    `${what.en} (an unexpected error while reading: ${detail})`,
  );
}

/** Thrown inside the reader; carries the problem the user is told. */
export class WorkbookFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}

/** The file is damaged: `detail` says where (a part of the zip, a cell) and what, in both languages. */
export function damaged(detail: Bilingual, cell: string | null = null): WorkbookFailure {
  return new WorkbookFailure({
    ...fileProblem(
      "xlsx-corrupt",
      `工作簿已损坏，无法读取（${detail.zh}）`,
      `the workbook is damaged and cannot be read (${detail.en})`,
    ),
    cell,
  });
}

/** More XML than the file's size can honestly hold: a zip bomb, or a file damaged into one. */
export function tooLarge(part: Bilingual, limitMiB: number): WorkbookFailure {
  return new WorkbookFailure(
    fileProblem(
      "xlsx-too-large",
      `工作簿中的${part.zh}解压后超过 ${limitMiB} MB，与文件大小不符（可能已损坏，或是恶意构造的文件），未读取`,
      `${part.en} in the workbook unpacks to more than ${limitMiB} MB, out of all proportion to the file's size (damaged or built to harm); it was not read`,
    ),
  );
}

/** A password-protected (encrypted) .xlsx: a Compound File holding EncryptionInfo and EncryptedPackage. */
export const ENCRYPTED = (): Problem =>
  fileProblem(
    "xlsx-encrypted",
    "该工作簿设有打开密码，无法读取：请在 Excel 或 WPS 中用密码打开，取消密码后保存，再试",
    "the workbook is password-protected and cannot be read: open it with its password in Excel or WPS, remove the password and save it, then try again",
  );

/** An .xls whose records are encrypted (a FILEPASS record): it has a password to open. */
export const XLS_ENCRYPTED = (): Problem =>
  fileProblem(
    "xls-encrypted",
    "该 .xls 工作簿设有打开密码，无法读取：请在 Excel 或 WPS 中用密码打开，取消密码后保存，再试",
    "the .xls workbook is password-protected and cannot be read: open it with its password in Excel or WPS, remove the password and save it, then try again",
  );

/** A workbook stream of a BIFF version older than Excel 5.0, or none at all. */
export const OLD_BIFF = (version: number): Problem =>
  fileProblem(
    "xls-unsupported",
    `该 .xls 工作簿的格式版本（BIFF ${version.toString(16)}）过旧，无法读取：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试`,
    `the .xls workbook is in a format too old to read (BIFF ${version.toString(16)}): open it in Excel or WPS and save it as .xlsx, then try again`,
  );

export const NOT_XLSX = (): Problem =>
  fileProblem(
    "not-xlsx",
    "该文件不是 Excel 工作簿，也不是能读取的其他格式的表格（.xls、.csv、网页或 XML 格式的表格）；若是其他格式的表格，请在 Excel 或 WPS 中另存为 .xlsx 后再试",
    "the file is not an Excel workbook, nor a table in another format that can be read (.xls, .csv, a web page's or XML table); a table in any other format can be saved as .xlsx in Excel or WPS",
  );

/**
 * A lock file Excel or WPS keeps beside a workbook it has open (~$白狼县.xlsx, .~白狼县.xlsx), or the file macOS
 * leaves beside one it copies to a USB stick (._白狼县.xlsx), chosen in place of the workbook it is named for.
 */
export function companionFileProblem(name: string): Problem {
  const base = name.split(/[\\/]/u).pop() ?? name;
  const prefix = base.startsWith("._") ? "._" : base.startsWith(".~") ? ".~" : "~$";
  const workbook = base.slice(prefix.length);
  return prefix === "._"
    ? fileProblem(
        "not-xlsx",
        `该文件是 macOS 复制文件时留下的附属文件（文件名以“._”开头），不是工作簿：请选择同一文件夹中的“${workbook}”`,
        `the file is one macOS leaves beside a file it copies (its name begins with "._"), not a workbook: choose "${workbook}" in the same folder`,
      )
    : fileProblem(
        "not-xlsx",
        `该文件是 Excel 或 WPS 打开工作簿时留下的临时文件（文件名以“${prefix}”开头），不是工作簿：请选择同一文件夹中不带“${prefix}”的工作簿`,
        `the file is the lock file Excel or WPS keeps while a workbook is open (its name begins with "${prefix}"), not a workbook: choose the workbook without "${prefix}" in the same folder`,
      );
}

/** A file of no bytes at all: saved or copied only in part, not a table in another format. */
export const EMPTY_FILE = (): Problem =>
  fileProblem(
    "not-xlsx",
    "该文件是空的（0 字节），不是 Excel 工作簿：可能保存或复制时中断了，请重新保存或复制后再试",
    "the file is empty (0 bytes), not an Excel workbook: it may have been cut off while saved or copied; save or copy it again, then try again",
  );

/** An Excel Binary Workbook (.xlsb): a zip as an .xlsx is, its parts binary records rather than XML. */
export const XLSB = (): Problem =>
  fileProblem(
    "xlsb-unsupported",
    "该文件是 Excel 二进制工作簿（.xlsb），本工具不读取这种格式：请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再试",
    "the file is an Excel Binary Workbook (.xlsb), a format this tool does not read: open it in Excel and save it as an Excel Workbook (.xlsx), then try again",
  );

/** Kinds of file a clerk may be sent in place of a table, told by their first bytes (otherFormats.ts). */
export type KnownFile = "pdf" | "rar" | "7z" | "gzip" | "image";

/** what each is, the Chinese spaced from the 是 before it where it begins with a Latin letter or digit */
const KNOWN_FILES: Record<KnownFile, Bilingual> = {
  pdf: { zh: " PDF 文档", en: "a PDF document" },
  rar: { zh: " RAR 压缩包", en: "a RAR archive" },
  "7z": { zh: " 7z 压缩包", en: "a 7z archive" },
  gzip: { zh: " gzip 压缩文件", en: "a gzip archive" },
  image: { zh: "图片", en: "a picture" },
};

/**
 * A file that is no table but something else a clerk may be sent or pick by mistake: a PDF or a picture of a
 * table (its figures cannot be read), an archive to unpack first.
 */
export function knownFileProblem(kind: KnownFile): Problem {
  const what = KNOWN_FILES[kind];
  const archive = kind === "rar" || kind === "7z" || kind === "gzip";
  return archive
    ? fileProblem(
        "not-xlsx",
        `该文件是${what.zh}，不是 Excel 工作簿：请先解压，再读取解压出的工作簿`,
        `the file is ${what.en}, not an Excel workbook: unpack it, then read the workbook it holds`,
      )
    : fileProblem(
        "not-xlsx",
        `该文件是${what.zh}，不是表格，其中的数字无法读取：请使用统计系统导出或 Excel 保存的工作簿（.xlsx、.xls）`,
        `the file is ${what.en}, not a table, and its figures cannot be read: use the workbook (.xlsx, .xls) the statistics system exports or Excel saves`,
      );
}

/**
 * A zip archive that is no Office file (no [Content_Types].xml): a workbook zipped to be sent, to unpack first;
 * `inside` names the spreadsheets it holds.
 */
export function zipArchive(inside: readonly string[]): Problem {
  const shown = inside.slice(0, 5);
  const more = inside.length - shown.length;
  const zh = shown.map((n) => `“${n}”`).join("、") + (more > 0 ? ` 等 ${inside.length} 个` : "");
  const en = shown.map((n) => `"${n}"`).join(", ") + (more > 0 ? ` and ${more} more` : "");
  return inside.length > 0
    ? fileProblem(
        "no-sheet",
        `该文件是 zip 压缩包，不是 Excel 工作簿；其中有表格文件${zh}：请先解压，再读取解压出的文件`,
        `the file is a zip archive, not an Excel workbook; it holds the spreadsheet${inside.length > 1 ? "s" : ""} ${en}: unpack it, then read the file${inside.length > 1 ? "s" : ""} unpacked`,
      )
    : fileProblem(
        "no-sheet",
        "该文件是 zip 压缩包，不是 Excel 工作簿，其中也没有表格文件（.xlsx、.xls、.csv 等）",
        "the file is a zip archive, not an Excel workbook, and holds no spreadsheet (.xlsx, .xls, .csv …)",
      );
}

/**
 * A Compound File (the container of an .xls) without a workbook's stream in it: no Workbook or Book, nor a Word or
 * PowerPoint document. Named .et or .ett, it is WPS's own format in a form other than the .xls WPS mostly writes;
 * otherwise a file of another program. Either way, saved as .xlsx where it was made, it can be read.
 */
export function compoundWithoutWorkbook(name: string | undefined): Problem {
  const extension = /\.(et|ett)$/i.exec(name ?? "")?.[1].toLowerCase();
  return extension !== undefined
    ? fileProblem(
        "no-sheet",
        `该文件是 WPS 表格文件（.${extension}），但其中没有能读取的工作簿数据（不是 .xls 格式保存的）：请在 WPS 中打开它，另存为“Excel 工作簿（.xlsx）”后再试`,
        `the file is a WPS Spreadsheets file (.${extension}) holding no workbook data that can be read (it was not saved in the .xls format): open it in WPS and save it as an Excel Workbook (.xlsx), then try again`,
      )
    : fileProblem(
        "no-sheet",
        "该文件是 Office 复合文档（与旧版 .xls 同一种容器），但其中没有 Excel 工作簿的数据，无法读取：若它是表格，请在制作它的程序（Excel、WPS 等）中打开，另存为 .xlsx 后再试",
        "the file is an Office compound document (the container of an old .xls) but holds no Excel workbook data and cannot be read: if it is a table, open it in the program that made it (Excel, WPS …) and save it as .xlsx, then try again",
      );
}

/**
 * A zip archive without a workbook in it; `kind` names what it is when that can be told ("ods": an OpenDocument
 * file whose tables, if any, could not be read: a text document, or a spreadsheet without a table).
 */
export function notAWorkbook(kind: "ods" | "docx" | "pptx" | null): Problem {
  const code = "no-sheet";
  switch (kind) {
    case "ods":
      return fileProblem(
        code,
        "该文件是 OpenDocument 文件（.ods 等），其中没有能读取的表格：若它是表格，请在 WPS 或 LibreOffice 中另存为 .xlsx 后再试",
        "the file is an OpenDocument file (.ods …) holding no table that can be read: if it is a table, save it as .xlsx in WPS or LibreOffice, then try again",
      );
    case "docx":
      return fileProblem(
        code,
        "该文件是 Word 文档，不是 Excel 工作簿",
        "the file is a Word document, not an Excel workbook",
      );
    case "pptx":
      return fileProblem(
        code,
        "该文件是 PowerPoint 演示文稿，不是 Excel 工作簿",
        "the file is a PowerPoint presentation, not an Excel workbook",
      );
    default:
      return fileProblem(
        code,
        "该文件不是 Excel 工作簿，或工作簿中没有工作表",
        "the file is not an Excel workbook, or the workbook has no sheet",
      );
  }
}
