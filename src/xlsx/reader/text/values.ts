/**
 * A cell's value from the text a text table or a web page's table holds: a text table has no types, so a field
 * that is plainly a number is read as the number (as Excel opens a .csv), and anything else stays the text it is.
 * "Plainly" is narrower than what the school table reader accepts from a text cell (src/sheet/cells.ts
 * `numberFromText`, which gives the number): ASCII digits with an optional sign, point and thousands separators.
 * What looks like a number but is an identifier stays text, unlike in Excel: a leading zero (a code such as
 * 0012) and ten digits or more without a point or separators (学校标识码 has ten, a division's code twelve, an ID
 * number eighteen), which a number would lose or show as 2.15E+09; no figure of a school's table runs to ten
 * digits. Full-width digits, percentages and dates stay text; the school table reader reads each where
 * it belongs.
 */
import { numberFromText } from "../../../sheet/cells";
import type { CellValue } from "../../../sheet/grid";

const NUMBER_LIKE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/u;
const LEADING_ZERO = /^[+-]?0\d/u;
const IDENTIFIER = /^\d{10,}$/u;

/** The number a field plainly is, or null when it is text. */
export function plainNumber(text: string): number | null {
  const s = text.trim();
  if (!NUMBER_LIKE.test(s) || LEADING_ZERO.test(s) || IDENTIFIER.test(s)) return null;
  const n = numberFromText(s);
  return n !== null && Number.isFinite(n) ? n : null;
}

/** A field's text as a cell: blank when empty, a number when plainly one (`plainNumber`), else the text. */
export function valueOfText(text: string): CellValue {
  if (text === "") return null;
  return plainNumber(text) ?? text;
}
