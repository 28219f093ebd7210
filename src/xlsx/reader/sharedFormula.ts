/**
 * A shared formula (`<f t="shared" si="0"/>`) is written once, in its first cell; every other cell of its range
 * holds the same formula moved by its distance from that cell, as Excel fills a formula down or across. The
 * reader needs the moved text only for a formula that was never calculated, to name it in a message.
 */
import { columnIndex, columnLetters } from "../../sheet/grid";

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;

const WORD = /[A-Za-z0-9_.$\\]+/y;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function movedColumn(fixed: string, letters: string, columns: number): string | null {
  const col = columnIndex(letters) + (fixed ? 0 : columns);
  return col < 0 || col >= LAST_COLUMN ? null : fixed + columnLetters(col);
}

function movedRow(fixed: string, digits: string, rows: number): string | null {
  const row = Number(digits) + (fixed ? 0 : rows);
  return row < 1 || row > LAST_ROW ? null : fixed + String(row);
}

/** The word moved, or null when it is not a reference (a function's or a name's word stays as it is). */
function movedReference(word: string, before: string, after: string, rows: number, columns: number) {
  if (after === "(" || after === "!") return null;
  const cell = CELL.exec(word);
  if (cell) {
    const col = movedColumn(cell[1], cell[2], columns);
    const row = movedRow(cell[3], cell[4], rows);
    return col === null || row === null ? "#REF!" : col + row;
  }
  // whole columns (A:C) and whole rows (3:5) only beside their colon
  if (before !== ":" && after !== ":") return null;
  const column = COLUMN.exec(word);
  if (column) return movedColumn(column[1], column[2], columns) ?? "#REF!";
  const row = ROW.exec(word);
  if (row) return movedRow(row[1], row[2], rows) ?? "#REF!";
  return null;
}

/** The formula `text` moved `rows` down and `columns` right: relative references move, $-fixed ones stay. */
export function moveFormula(text: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      // a text, a quoted sheet name, a structured or external reference: copied as it is
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      while (j < text.length && !(text[j] === close && text[j + 1] !== close)) j += text[j] === close ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (!word) {
      out += ch;
      i++;
      continue;
    }
    const end = i + word[0].length;
    const moved = movedReference(word[0], text[i - 1] ?? "", text[end] ?? "", rows, columns);
    out += moved ?? word[0];
    i = end;
  }
  return out;
}
