/**
 * Header path patterns (docs/import.md#recipe-format): `专任教师›按学历分›本科` names a column by the labels over it,
 * top level first. A pattern's levels are separated by `›` (or `>`), and a level may list spellings separated by
 * `|` (`县|区县|旗县市区`). Labels are compared folded: full-width and half-width alike, spaces and line breaks
 * ignored, the marks statistics forms put before a label (`#`, `其中：`, `一、`, `(1)`) dropped, and a unit in
 * brackets or after a slash — `（万元）`, `(间)`, `/元` — optional on either side.
 */
import { foldHeader } from "../headers";

/** One level of a pattern: the spellings it accepts, folded. */
export interface PatternLevel {
  /** each spelling folded, with and without its bracketed unit */
  spellings: string[];
}

export interface HeaderPattern {
  /** the pattern as written in the recipe */
  text: string;
  levels: PatternLevel[];
}

/** A column a pattern may name: its header path, top level first (HeaderColumn of the reader). */
export interface PathColumn {
  path: readonly string[];
}

/** The separators of levels a recipe may use: ›, and > for keyboards without it. */
const LEVEL_SEPARATOR = /\s*[›>]\s*/u;

/** Marks before a label: #, 其中, an enumeration such as 一、 1. (1) （一）. */
const LEADING_MARKS =
  /^(?:#|其中|[一二三四五六七八九十]+[、.]|\d{1,2}[、.](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]+\))+/u;

/**
 * A unit at the end of a folded label, in brackets or after a slash: (万元), (元), (间), (m2), (平方米), (人), (个),
 * (所), /元, /平方米.
 */
const BRACKETED_UNIT =
  /(?:\((?:万元|元|千元|间|m2|平方米|平米|人|个|所|册|台|件|名|单位[^)]*)\)|\/(?:万元|元|千元|间|m2|平方米|平米|人|个|所|册|台|件|名))$/u;

/** A label folded for comparison with a pattern's spelling. */
export function foldLabel(label: string): string {
  return foldHeader(label).replace(LEADING_MARKS, "");
}

function spellingsOf(text: string): string[] {
  const folded = foldLabel(text);
  const bare = folded.replace(BRACKETED_UNIT, "");
  return bare !== folded ? [folded, bare] : [folded];
}

/** Parses a pattern's text; null when it names no label at all. */
export function parsePattern(text: string): HeaderPattern | null {
  const levels: PatternLevel[] = [];
  for (const level of text.split(LEVEL_SEPARATOR)) {
    const spellings = level
      .split("|")
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .flatMap(spellingsOf)
      .filter((s) => s.length > 0);
    if (spellings.length === 0) return null;
    levels.push({ spellings: [...new Set(spellings)] });
  }
  return levels.length > 0 ? { text, levels } : null;
}

/** Whether a label is one of the level's spellings. */
export function labelMatches(level: PatternLevel, label: string): boolean {
  const folded = foldLabel(label);
  if (level.spellings.includes(folded)) return true;
  const bare = folded.replace(BRACKETED_UNIT, "");
  return bare !== folded && level.spellings.includes(bare);
}

/**
 * How closely a path fits a pattern: the levels of the pattern must name labels of the path in order, its last
 * level the path's last label (the column itself), or the label over it when that is the group's total (计, 合计:
 * 在校生数›小学›计 beside 在校生数›小学›其中：女); other labels may stand between or above them (a table's title
 * level, a `按学历分` group the pattern leaves out). Returns the number of the path's labels the pattern passes over
 * (0 = an exact fit), or null when it does not fit.
 */
export function pathFit(pattern: HeaderPattern, path: readonly string[]): number | null {
  const fit = exactFit(pattern, path);
  if (fit !== null || path.length < 2 || !TOTAL_LABEL.test(foldLabel(path[path.length - 1]))) return fit;
  // the total under a group split into its total and breakdowns (在校生数›小学›计 beside ›其中：女) is the group's
  // column: the 计 is one label passed over
  const group = exactFit(pattern, path.slice(0, -1));
  return group === null ? null : group + 1;
}

/** The label of a group's total column under it: 计, 合计, 小计, 总计, 共计. */
const TOTAL_LABEL = /^(?:计|合计|小计|总计|共计)$/u;

function exactFit(pattern: HeaderPattern, path: readonly string[]): number | null {
  const { levels } = pattern;
  if (path.length === 0 || levels.length > path.length) return null;
  if (!labelMatches(levels[levels.length - 1], path[path.length - 1])) return null;
  let p = path.length - 2;
  for (let l = levels.length - 2; l >= 0; l--) {
    while (p >= 0 && !labelMatches(levels[l], path[p])) p--;
    if (p < 0) return null;
    p--;
  }
  return path.length - levels.length;
}

/**
 * The columns a pattern names, closest fit first (then left to right): the first is the one read, and a second of
 * the same fit makes the pattern ambiguous.
 */
export function columnsNamed<C extends PathColumn>(pattern: HeaderPattern, columns: readonly C[]): C[] {
  const fits: { column: C; fit: number; order: number }[] = [];
  columns.forEach((column, order) => {
    const fit = pathFit(pattern, column.path);
    if (fit !== null) fits.push({ column, fit, order });
  });
  fits.sort((a, b) => a.fit - b.fit || a.order - b.order);
  return fits.map((f) => f.column);
}

/** How a pattern reads to a person: its levels joined with ›, the spellings as the recipe wrote the first one. */
export function shownPattern(text: string): string {
  return text
    .split(LEVEL_SEPARATOR)
    .map((level) => level.split("|")[0].trim())
    .join("›");
}
