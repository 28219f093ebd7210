import { countOf } from "../i18n/count";
import { foldText } from "./words";

/**
 * A school's or a county's name as names are matched across tables, years, files and edits: its folded text
 * (`foldText`, docs/school-table.md#names), so that “青石 县” and “青石县”, “第１小学” and “第1小学”, and a name with
 * a zero-width space or a bidirectional mark pasted into it and the same name without are one name. The name is
 * shown as the clerk wrote it, but for its controls, removed when it is read (`withoutControls`); where two
 * spellings were matched, the clerk is told.
 */
export function nameKey(name: string): string {
  return foldText(name);
}

/**
 * Whether two names are the same name (`nameKey`) spelt differently, spaces at their ends aside: matched, but
 * worth telling the clerk.
 */
export function spelledOtherwise(a: string, b: string): boolean {
  return a.trim() !== b.trim() && nameKey(a) === nameKey(b);
}

/**
 * A name with each character `nameKey` leaves out but the plain space shown as its code point (“红石乡中心<U+200B>小学”):
 * in a message about two spellings of one name, what tells them apart, which the clerk could not see otherwise.
 */
export function revealed(name: string): string {
  return name.replace(/[^\S ]|[\p{Cf}\p{Cc}]/gu, (c) => codePoint(c));
}

const codePoint = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`;

/**
 * A county's name without the one character at its end that says what it is (市, 旗, 县 or 区), matched as `nameKey`
 * matches names: a clerk may write “阿尔山” for 阿尔山市, or “科右前” for 科右前旗.
 */
export function countyStem(name: string): string {
  return nameKey(name).replace(/(市|旗|县|区)$/, "");
}

/**
 * What a screen, a terminal or a spreadsheet takes as commands rather than text: the C0 controls but tab and
 * newline, DEL, the C1 controls, and Unicode's bidirectional marks, overrides and isolates. A name copied from a
 * web page, or a hostile workbook (_x001B_ in its XML), can carry them: printed raw, ESC [2J clears the clerk's
 * screen and the text after it can forge a verdict, and an override (U+202E) shows the name the wrong way round,
 * so that one school passes for another. No text of Balance's own holds one.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with each control shown as its code point, <U+202E>, never acted on: text output and written workbooks,
 * for text other than names (a message quoting a cell as the clerk typed it). Names have none (`withoutControls`).
 */
export function printable(text: string): string {
  return text.replace(CONTROLS, codePoint);
}

/**
 * A name as it is read (the school table's 学校名称 and 所属学校, a county's name from a table, a sheet's title or a
 * file's name: docs/school-table.md#names): without the controls `printable` shows, which no name means and which
 * would show it reversed, or as another school's, on every screen and page; and the controls removed, as their code
 * points (“<U+202E>”), in order, for the warning that tells the clerk. Spaces the removal leaves at the ends go too.
 */
export function withoutControls(name: string): { name: string; removed: string[] } {
  const removed = name.match(CONTROLS);
  if (!removed) return { name, removed: [] };
  return { name: name.replace(CONTROLS, "").trim(), removed: removed.map(codePoint) };
}

/**
 * What a warning says of the controls `withoutControls` removed from a name: how many, which (as code points) and
 * the name left, after the place the warning names (a cell, an edits file's field, an option): “有 1 个不可见的控制
 * 字符（<U+202E>），已去除，读作“城关小学”” / “held 1 invisible control character (<U+202E>), removed; read as
 * "城关小学"”. One wording for a name read from a workbook and one typed (docs/school-table.md#names).
 */
export function controlsRemovedWords(removed: readonly string[], name: string): { zh: string; en: string } {
  const shown = removed.join("");
  const n = removed.length;
  return {
    zh: `有 ${n} 个不可见的控制字符（${shown}），已去除${name ? `，读作“${name}”` : ""}`,
    en: `held ${countOf(n, "invisible control character")} (${shown}), removed${name ? `; read as "${name}"` : ""}`,
  };
}

/** The number of edits (insert, delete, change, swap two neighbours) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The name of `names` that `given` most likely meant: the nearest by edits (one for a short name, two for a longer
 * one, case aside), else the only one it begins (--prof for --profile). Null when none is near.
 */
export function nearestName(given: string, names: readonly string[]): string | null {
  const word = given.toLowerCase();
  if (word === "") return null;
  const allowed = word.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const name of names) {
    const distance = editDistance(word, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  if (best !== null) return best;
  const begun = word.length >= 3 ? names.filter((n) => n.toLowerCase().startsWith(word)) : [];
  return begun.length === 1 ? begun[0] : null;
}
