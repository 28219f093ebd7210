/**
 * What a row of the table is, besides a school (docs/school-table.md#skipped-rows): a total (合计, 总计) or subtotal
 * (小计), a legend under the header (units, column numbers), a unit row, a note under the table (注：…, 填表人：…).
 */
import { readNumber, readText } from "../cells";
import { foldText } from "../vocabulary";
import { GridView } from "./gridView";
import { unitOfText, unitRowCell, type UnitWord } from "./units";

/**
 * A total's name, folded: 合计, 总计, 小计 or 共计 at its start or its end, where the end may carry a colon or a
 * bracketed count (全县合计（12所）, 合计：), or the English words.
 */
export const TOTAL_ROW =
  /^(?:合计|总计|小计|总合计|共计)|(?:合计|总计|小计|共计)[:：]?(?:[(（][^()（）]*[)）])?[:：]?$|^(?:total|sub-?total|grand-?total|sum)[:：]?$/u;
/** Subtotals, and the breakdown rows of statistical forms (其中：小学, 其中：民办), skipped as the rows around them
 * are read. */
export const SUBTOTAL_ROW = /^小计|小计[:：]?(?:[(（][^()（）]*[)）])?[:：]?$|^sub-?total[:：]?$|^其中/u;
/** Notes under a table (注：…, 填表人：…) end it as a blank row would. */
const NOTE_ROW =
  /^(?:注|说明|备注|填表|填报人|制表|审核|负责人|单位负责人|统计负责人|联系人|联系电话|报出日期|note)/u;
/** A note's label followed by its colon (单位负责人：张三): the printed sign-off line spreads such labels over the
 * row (单位负责人：… 填表人：… 联系电话：…), each in a cell of its own, and no school's name holds a colon. */
const NOTE_LABEL = new RegExp(`${NOTE_ROW.source}[^:：]{0,4}[:：]`, "u");
/** What a legend row holds in the name column, folded. */
export const LEGEND_NAMES: ReadonlySet<string> = new Set(["甲", "栏次", "(甲)"]);
const LEGEND_CELL = /^[(（【[][^()（）]*[)）】\]]$/u;

/**
 * The cell left of or at the name column whose text is a total of the pattern, or −1: the word 合计 may stand
 * in a 序号 column left of the names.
 */
export function totalCell(
  view: GridView,
  r: number,
  nameCol: number | undefined,
  pattern = TOTAL_ROW,
): number {
  const row = view.row(r);
  const last = Math.min(nameCol ?? 0, row.length - 1);
  for (let c = 0; c <= last; c++) {
    const text = view.text(r, c);
    if (text && pattern.test(foldText(text))) return c;
  }
  return -1;
}

/**
 * A label column right of the names (the county, the 学段, the type) whose cell names a total or a subtotal, or −1:
 * a county's subtotal written in the county column with the name left blank (科右前旗合计), a combined school's
 * 学段 row of 合计 above its 小学 and 初中 rows. The rows it sums are in the table too: it is a subtotal.
 */
export function labelTotalCell(view: GridView, r: number, columns: TableColumns): number {
  for (const c of columns.labelCols ?? []) {
    if (c <= (columns.nameCol ?? 0)) continue;
    const text = view.text(r, c);
    if (!text) continue;
    const folded = foldText(text);
    if (TOTAL_ROW.test(folded) || SUBTOTAL_ROW.test(folded)) return c;
  }
  return -1;
}

/** A division's name heading its schools: a banner, county, city, district, town, township or sumu (科右前旗, 城区,
 * 归流河镇), after an ordinal (一、科右前旗). No school's name ends so, and a campus (南校区) is a school's. */
const DIVISION_HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])?[^校学园点]*(?:盟|旗|县|市|区|镇|乡|苏木|街道)$/u;
/** What a 序号 column left of the names holds on a group's heading: an ordinal or nothing. */
const ORDINAL = /^(?:[一二三四五六七八九十]+|\d+)[、.．]?$|^[(（](?:[一二三四五六七八九十]+|\d+)[)）]$/u;

/**
 * Whether row r heads a group of schools with its division's name alone (甲旗 over 甲旗's schools, in an export of
 * several counties): the name column names a division, nothing right of it is filled, and left of it at most an
 * ordinal. It is no school, and the schools under it are read.
 */
export function isGroupHeading(view: GridView, r: number, nameCol: number | undefined): boolean {
  const col = nameCol ?? 0;
  const name = view.text(r, col);
  if (!name || !DIVISION_HEADING.test(foldText(name))) return false;
  let heading = true;
  view.forEachFilled(r, (c, value) => {
    if (c > col) heading = false;
    else if (c < col) {
      const n = readNumber(value);
      heading = n.kind === "number" || ORDINAL.test(foldText(view.text(r, c)));
    }
    return heading;
  });
  return heading;
}

/** The marks of a legend's columns after 甲: 乙 丙 丁 … */
const COLUMN_MARK = /^[(（]?[乙丙丁戊己庚辛壬癸][)）]?$/u;

/**
 * What a row named as a legend (`LEGEND_NAMES`: 甲, 栏次) holds in its other filled cells, left to right, is a
 * legend's: column marks (乙 丙 …, bracketed units) and column numbers counting up by one (1 2 3 …), or nothing. A
 * school someone named 甲 holds its figures there instead, and is read as a school.
 */
export function holdsLegendMarks(cells: readonly unknown[]): boolean {
  let last: number | undefined;
  for (const v of cells) {
    const n = readNumber(v);
    if (n.kind === "blank") continue;
    if (n.kind === "number") {
      if (last !== undefined && n.value !== last + 1) return false;
      last = n.value;
      continue;
    }
    const t = readText(v);
    if (t.kind !== "text") return false;
    const text = t.text.trim();
    if (!COLUMN_MARK.test(text) && !LEGEND_CELL.test(text) && !LEGEND_NAMES.has(foldText(text))) return false;
  }
  return true;
}

/**
 * Statistical forms put a legend under the header: the units of each column (（人） （㎡）) or the column numbers
 * (甲 乙 1 2 3 …, 栏次). It is no school.
 */
export function isLegendRow(view: GridView, r: number, nameCol: number | undefined): boolean {
  if (LEGEND_NAMES.has(foldText(view.text(r, nameCol ?? 0)))) {
    const rest: unknown[] = [];
    view.forEachFilled(r, (c, v) => {
      if (c !== (nameCol ?? 0)) rest.push(v);
    });
    return holdsLegendMarks(rest);
  }
  // more than one filled cell, each a bracketed unit; or column numbers alone, 1 2 3 … (no 甲 乙 before them)
  let filled = 0;
  let legend = true;
  let numbered = true;
  let last = 0;
  view.forEachFilled(r, (_, v) => {
    filled++;
    numbered &&= typeof v === "number" && v === last + 1;
    last = typeof v === "number" ? v : last;
    const t = readText(v);
    legend = t.kind === "text" && LEGEND_CELL.test(t.text.trim());
    return legend || numbered;
  });
  return (legend && filled > 1) || (numbered && filled > 2);
}

/**
 * The units of a unit row under the header (人 ㎡ 元 （万元） 间, 单位：元), by column; null when row r is no unit
 * row: each of its filled cells states a unit or labels the row, and one at least states a unit.
 */
export function unitRowUnits(
  view: GridView,
  r: number,
): Map<number, { unit: UnitWord; text: string }> | null {
  const units = new Map<number, { unit: UnitWord; text: string }>();
  let other = false;
  view.forEachFilled(r, (c, v) => {
    const t = readText(v);
    const kind = t.kind === "text" ? unitRowCell(t.text) : null;
    if (kind === null) {
      other = true;
      return false;
    }
    if (kind === "unit" && t.kind === "text")
      units.set(c, { unit: unitOfText(t.text) as UnitWord, text: t.text });
  });
  return other || units.size === 0 ? null : units;
}

/**
 * Whether row r is a note under the table: one cell beginning as notes do (注：…, 填表人：张敏), or a sign-off line
 * whose first cell is a note's label with its colon, whatever the cells after it hold (单位负责人： 张三 填表人： 李四
 * 联系电话： 0482…).
 */
export function isNoteRow(view: GridView, r: number): boolean {
  const c = view.firstFilled(r);
  const first = c < 0 ? null : readText(view.value(r, c));
  if (first?.kind !== "text") return false;
  let filled = 0;
  view.forEachFilled(r, () => ++filled < 2);
  return isNoteLine(foldText(first.text), filled > 1);
}

/** `isNoteRow` for a row whose first filled cell reads `folded` (folded text) and which has `more` filled cells
 * after it or not. */
export function isNoteLine(folded: string, more: boolean): boolean {
  return NOTE_LABEL.test(folded) || (!more && NOTE_ROW.test(folded));
}

/** The columns of the table that tell a school's row: its name, its type and its figures. */
export interface TableColumns {
  nameCol: number | undefined;
  typeCol: number | undefined;
  /** the columns labelling a row besides its name (county, 学段, type…), where a subtotal may be named */
  labelCols?: readonly number[];
  /** the figures read (the grid column of each, −1 for one derived from several) */
  figures: readonly ({ col: number } | undefined)[];
}

/** Text in a name or type cell, as a person typed it: a formula's 0 or error left in the column is none. */
function typedText(view: GridView, r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const value = view.value(r, c);
  return value === 0 ? "" : view.text(r, c);
}

/** Whether a figure cell holds what a person typed: a number other than 0, text, a date (errors, formulas never
 * calculated, logical values and 0 are what a formula filled down leaves in rows without a school). */
function typedFigure(value: unknown): boolean {
  const reading = readNumber(value);
  if (reading.kind === "number") return reading.value !== 0;
  if (reading.kind === "blank") return false;
  const kind = reading.cell.kind;
  return kind === "text" || kind === "date";
}

/**
 * Whether a row holds anything a person typed: a number other than 0, text, a date. A row holding only what a
 * formula filled down to the sheet's end leaves (0, "", #DIV/0!, FALSE, a formula never calculated) holds no
 * school: it is read as a blank row, not as a million rows of errors.
 */
export function holdsTypedData(view: GridView, r: number): boolean {
  let typed = false;
  view.forEachFilled(r, (_, value) => {
    typed = typedFigure(value);
    return !typed;
  });
  return typed;
}

/**
 * Whether a row looks like a school's: a name that is no total or note, and a school type or a figure beside it
 * (or, in a table whose figures are not known, something more than the name). Used only to decide whether a table
 * goes on after a total or a blank row, and whether rows below its end were schools.
 */
export function isSchoolLike(view: GridView, r: number, columns: TableColumns): boolean {
  const { nameCol, typeCol } = columns;
  const name = typedText(view, r, nameCol ?? 0);
  if (!name || TOTAL_ROW.test(foldText(name)) || isNoteRow(view, r)) return false;
  if (typeCol !== undefined && view.text(r, typeCol) !== "") return true;
  let figures = false;
  for (const figure of columns.figures) {
    if (figure && figure.col >= 0 && figure.col !== nameCol && typedFigure(view.value(r, figure.col))) {
      figures = true;
      break;
    }
  }
  if (figures || typeCol !== undefined) return figures;
  let filled = 0;
  view.forEachFilled(r, () => ++filled < 2);
  return filled > 1;
}
