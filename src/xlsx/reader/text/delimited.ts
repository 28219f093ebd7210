/**
 * A text table (.csv, .tsv, Excel's "Unicode text") as one grid: RFC 4180 fields — a field in double quotes may
 * hold the separator, line breaks and doubled quotes — separated by the comma, the tab or the semicolon the text
 * itself shows (or its first line names, as Excel's `sep=;`), lines ending in CRLF, LF or CR. Each field is a
 * value as `valueOfText` reads it; `="0012"`, which systems write to keep a code's zeros in Excel, is the text
 * inside. A text that cannot be a table (binary bytes, a quote never closed, a line longer than Excel holds) is a
 * problem naming its line.
 */
import type { CellValue, Grid } from "../../../sheet/grid";
import { MAX_CELL, MAX_COLUMNS, MAX_ROWS, textTableFailure, tooManyColumns, tooManyRows } from "./limits";
import { valueOfText } from "./values";

export type Delimiter = "," | "\t" | ";";
const CANDIDATES: readonly Delimiter[] = ["\t", ",", ";"];
/** lines looked at to tell the separator by */
const SAMPLE_LINES = 50;
const SAMPLE_CHARACTERS = 1 << 16;

const SEP_LINE = /^sep=([,;\t|])[ \t]*(?:\r\n|\n|\r|$)/u;
const EXCEL_TEXT = /^="(.*)"$/su;

/** How many times each candidate separates the fields of the first lines, quotes heeded: one count a line. */
function sampleCounts(text: string): Map<Delimiter, number[]> {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, [0]]));
  let quoted = false;
  let lines = 1;
  const end = Math.min(text.length, SAMPLE_CHARACTERS);
  for (let i = 0; i < end && lines <= SAMPLE_LINES; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      lines++;
      for (const list of counts.values()) list.push(0);
    } else {
      const list = counts.get(c as Delimiter);
      if (list) list[list.length - 1]++;
    }
  }
  return counts;
}

/** How many sampled lines agree with the first on how many fields they have (a title line may not). */
function agreement(list: number[]): { first: number; agreeing: number } {
  const lines = list.filter((n, i) => n > 0 || i === 0);
  let best = 0;
  let bestCount = 0;
  const seen = new Map<number, number>();
  for (const n of lines) {
    if (n === 0) continue;
    const c = (seen.get(n) ?? 0) + 1;
    seen.set(n, c);
    if (c > bestCount) [best, bestCount] = [n, c];
  }
  return { first: best, agreeing: bestCount };
}

/**
 * The separator the text shows: the one that separates the most sampled lines into the same number of fields,
 * the tab before the comma when as many, the semicolon only when it does so for more lines than the comma
 * (a semicolon inside Chinese text is common; as a separator, only where the decimal sign is a comma).
 */
export function delimiterOf(text: string): Delimiter {
  const counts = sampleCounts(text);
  const tab = agreement(counts.get("\t")!);
  const comma = agreement(counts.get(",")!);
  const semicolon = agreement(counts.get(";")!);
  if (tab.agreeing > 0 && tab.agreeing >= comma.agreeing && tab.agreeing >= semicolon.agreeing) return "\t";
  if (semicolon.agreeing > comma.agreeing) return ";";
  return ",";
}

const lineWords = (line: number) => ({ zh: `第 ${line} 行`, en: `line ${line}` });

/** The rows of the text table, read by the RFC 4180 rules with the separator given. */
function parse(text: string, delimiter: string, firstLine: number): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let line = firstLine;
  let quoteLine = 0;
  const endField = () => {
    if (field.length > MAX_CELL) {
      throw textTableFailure(
        "text-field-too-long",
        `文本表格第 ${line} 行有一个超过 ${MAX_CELL} 个字符的字段（Excel 单元格的上限），不像是表格，未读取`,
        `line ${line} of the text table has a field of more than ${MAX_CELL} characters (the most an Excel cell holds): it is not a table and was not read`,
      );
    }
    const excelText = wasQuoted ? null : EXCEL_TEXT.exec(field);
    row.push(excelText ? excelText[1] : valueOfText(field));
    if (row.length > MAX_COLUMNS) throw tooManyColumns(lineWords(line));
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    if (rows.length > MAX_ROWS) throw tooManyRows({ zh: "文本表格", en: "the text table" });
    row = [];
  };
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) {
      throw textTableFailure(
        "text-binary",
        `该文件第 ${line} 行有不属于文本的字节（二进制数据），不是文本格式的表格，未读取`,
        `line ${line} of the file holds bytes that are not text (binary data): it is not a text table and was not read`,
      );
    }
    if (quoted) {
      if (code === 34 /* " */) {
        field += text.slice(start, i);
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else quoted = false;
        start = i + 1;
      } else if (code === 10 || code === 13) {
        if (!(code === 10 && text.charCodeAt(i - 1) === 13)) line++;
      }
      if (i - start > MAX_CELL) {
        throw textTableFailure(
          "text-quote-unclosed",
          `文本表格第 ${quoteLine} 行的引号（"）之后超过 ${MAX_CELL} 个字符未见结束的引号：引号不配对，未读取`,
          `the double quote (") on line ${quoteLine} of the text table is not closed within ${MAX_CELL} characters: its quotes do not pair, and it was not read`,
        );
      }
      continue;
    }
    if (code === 34 && field.length === 0 && i === start) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      start = i + 1;
    } else if (text[i] === delimiter) {
      field += text.slice(start, i);
      endField();
      start = i + 1;
    } else if (code === 10 || code === 13) {
      field += text.slice(start, i);
      endRow();
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      start = i + 1;
    } else if (i - start > MAX_CELL) {
      field += text.slice(start, i);
      start = i;
      endField();
    }
  }
  if (quoted) {
    throw textTableFailure(
      "text-quote-unclosed",
      `文本表格第 ${quoteLine} 行的引号（"）直到文件末尾都没有结束的引号：引号不配对（文件可能被截断），未读取`,
      `the double quote (") on line ${quoteLine} of the text table is never closed: its quotes do not pair (the file may be cut short), and it was not read`,
    );
  }
  field += text.slice(start);
  if (field.length > 0 || row.length > 0) endRow();
  return rows;
}

/** The text table as a grid named `sheet`. */
export function readDelimited(text: string, sheet: string): Grid {
  const sep = SEP_LINE.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const delimiter = sep ? sep[1] : delimiterOf(body);
  return { sheet, topLeft: "A1", values: parse(body, delimiter, sep ? 2 : 1) };
}
