/**
 * What a file that is no workbook is, when its first bytes tell: a web page's table, which systems that export
 * "Excel" often save as .xls, or a text table (.csv, .txt) in UTF-8 or GBK. The reader reads neither; it says
 * what the file is and how to save it as .xlsx, rather than only that it is not a workbook.
 */
import type { Problem } from "../../problems/problem";
import { NOT_XLSX, fileProblem } from "./problems";

/** The start of a file as text: enough to tell a web page or a text table by, decoded as Latin-1 (bytes kept). */
function head(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < Math.min(data.length, 2048); i++) s += String.fromCharCode(data[i]);
  return s.replace(/^\xef\xbb\xbf/u, "").trimStart();
}

/** Whether bytes hold text: no NUL and no control characters but tab, line feed and carriage return. */
function isText(data: Uint8Array): boolean {
  for (let i = 0; i < Math.min(data.length, 2048); i++) {
    const b = data[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** The problem of a file that is neither a zip nor a Compound File: what it is, as far as its start tells. */
export function notAWorkbookFile(data: Uint8Array): Problem {
  const start = head(data);
  if (/^<(?:!doctype\s+html|html|table|meta|head|body)\b/iu.test(start) || /<table\b/iu.test(start))
    return fileProblem(
      "not-xlsx",
      "该文件不是 Excel 工作簿（.xlsx），而是网页格式的表格（系统导出的“.xls”常是这样）：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试",
      'the file is not an Excel workbook (.xlsx) but a web page\'s table (what systems export as ".xls" often is): open it in Excel or WPS and save it as .xlsx, then try again',
    );
  if (/^<\?xml\b/iu.test(start) && /urn:schemas-microsoft-com:office:spreadsheet/iu.test(start))
    return fileProblem(
      "not-xlsx",
      "该文件不是 Excel 工作簿（.xlsx），而是 Excel 2003 的 XML 表格：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试",
      "the file is not an Excel workbook (.xlsx) but an Excel 2003 XML spreadsheet: open it in Excel or WPS and save it as .xlsx, then try again",
    );
  const firstLine = start.split(/\r?\n/u, 1)[0];
  if (isText(data) && /[,\t]/u.test(firstLine))
    return fileProblem(
      "not-xlsx",
      "该文件不是 Excel 工作簿（.xlsx），而是文本格式的表格（如 .csv）：请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再试；打开后若是乱码，请在 Excel 中用“数据 → 自文本/CSV”导入，并选择文件的编码（UTF-8 或 GBK 简体中文）",
      "the file is not an Excel workbook (.xlsx) but a text table (such as .csv): open it in Excel or WPS and save it as .xlsx, then try again; if the text is garbled, import it in Excel with Data → From Text/CSV and choose its encoding (UTF-8 or GBK Simplified Chinese)",
    );
  return NOT_XLSX();
}
