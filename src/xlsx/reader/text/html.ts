/**
 * The tables of a web page — what many systems save as ".xls" when they "export to Excel", and what Excel writes
 * as "Web Page" — as grids, laid out as a browser lays them out: each cell at the first column its row leaves
 * free after the cells spanning down into it from rows above, a cell spanning rows or columns (rowspan, colspan)
 * a merged range whose master cell holds the value. Each table not inside another is a sheet, in the page's
 * order; a table inside a cell is that cell's text. A sheet is named as Excel named it (`<x:Name>` of the page's
 * `<x:ExcelWorksheet>`, in order), else by the file (one table) or as Sheet1, Sheet2 ….
 *
 * A cell's text is its text with tags stripped, entities resolved, white space collapsed as a browser does, and
 * `<br>` a line break. It is a value as a text table's field is (`valueOfText`), unless Excel marked it as text
 * (`x:str`, or the number format "@", `mso-number-format:"\@"`, on the cell or its class); Excel's `x:num`
 * and LibreOffice's `sdval` give the number itself when the text shows it formatted. A row or a column (`<col>`) Excel hid
 * (`display:none`) is a hidden row or column.
 *
 * The page is scanned by a tokenizer of its own, which needs of HTML only its tags, comments and entities and is
 * forgiving as browsers are: tags left unclosed (`<td>` before the next `<td>`, `<tr>` before the next) close
 * where the next begins, and nothing here throws on a malformed page.
 */
import type { CellValue, Grid, MergedRange } from "../../../sheet/grid";
import { MAX_CELL, MAX_COLUMNS, MAX_ROWS, textTableFailure, tooManyColumns, tooManyRows } from "./limits";
import { valueOfText } from "./values";
import { put } from "../worksheet";

const ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  middot: "·",
  times: "×",
  divide: "÷",
  plusmn: "±",
  deg: "°",
  yen: "¥",
  cent: "¢",
  pound: "£",
  euro: "€",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  bull: "•",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  sup2: "²",
  sup3: "³",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  permil: "‰",
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,9}));?/gu;

/** Resolves character and entity references; an unknown entity stays as written, as a browser keeps it. */
export function resolveEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : "\ufffd";
  });
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, resolveEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

/** A span attribute as a browser reads it: its leading digits, 1 when there are none or they are 0, at most `max`. */
function span(value: string | undefined, max: number): number {
  const n = value === undefined ? NaN : parseInt(value.trim(), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** The number format "@" (text), as Excel writes it in a style: mso-number-format:"\@" or '\@' or \@. */
const TEXT_FORMAT = /mso-number-format\s*:\s*["']?\\?@["']?\s*(?:;|$)/iu;
/**
 * Adds the classes a style sheet gives the number format "@" (`.xl65 { mso-number-format:"\@"; }`) to `classes`:
 * each rule a selector and the declarations in the braces after it, found brace by brace in one pass (a regular
 * expression for "selector { declarations }" takes time as the square of a long run of text without braces).
 */
function addTextClasses(styles: string, classes: Set<string>): void {
  const braces = /[{}]/gu;
  /** just past the brace before the one met, where a selector begins */
  let afterBrace = 0;
  let selectorFrom = 0;
  /** the "{" met last, while no brace has followed it */
  let open = -1;
  for (let m = braces.exec(styles); m !== null; m = braces.exec(styles)) {
    if (m[0] === "{") {
      open = m.index;
      selectorFrom = afterBrace;
    } else if (open >= 0) {
      const selector = styles.slice(selectorFrom, open);
      if (selector !== "" && TEXT_FORMAT.test(styles.slice(open + 1, m.index).trim()))
        for (const c of selector.matchAll(/\.([A-Za-z0-9_-]+)/gu)) classes.add(c[1]);
      open = -1;
    }
    afterBrace = m.index + 1;
  }
}

/** The sheet names of Excel's HTML, in order: <x:ExcelWorksheet><x:Name>学校</x:Name> (inside a comment). */
function excelSheetNames(page: string): string[] {
  return [...page.matchAll(/<x:ExcelWorksheet>\s*<x:Name>([^<]*)<\/x:Name>/giu)].map((m) =>
    resolveEntities(m[1]).trim(),
  );
}

interface PlacedCell {
  row: number;
  col: number;
  value: CellValue;
}

/** One table being laid out: its cells placed as a browser places them, each row's free columns tracked. */
class TableLayout {
  readonly values: CellValue[][] = [];
  readonly merges: MergedRange[] = [];
  readonly hiddenRows: number[] = [];
  readonly hiddenColumns: number[] = [];
  /** the next column a <col> describes */
  private described = 0;
  /**
   * per column, the last row a cell spanning down from a row above covers, and the last column of that cell: what
   * a row leaves free is read from them as rows come, a spanning cell passed in one step, so that a cell spanning
   * 65,534 rows and 1,000 columns costs its columns, never rows × columns
   */
  private readonly coveredTo: number[] = [];
  private readonly coveredRight: number[] = [];
  row = -1;
  private col = 0;
  constructor(private readonly name: { zh: string; en: string }) {}

  startRow(hidden: boolean): void {
    this.row++;
    if (this.row >= MAX_ROWS) throw tooManyRows(this.name);
    this.col = 0;
    if (hidden) this.hiddenRows.push(this.row);
  }

  /** A <col>: `span` columns, hidden when Excel hid them (display:none). */
  describeColumns(span: number, hidden: boolean): void {
    if (this.described + span > MAX_COLUMNS) throw tooManyColumns(this.name);
    if (hidden) for (let c = 0; c < span; c++) this.hiddenColumns.push(this.described + c);
    this.described += span;
  }

  place(value: CellValue, rowSpan: number, colSpan: number): void {
    if (this.row < 0) this.startRow(false);
    // a cell of this row spanning down covers only columns left of this.col: only rows above are met here
    while ((this.coveredTo[this.col] ?? -1) >= this.row) this.col = this.coveredRight[this.col] + 1;
    const cell: PlacedCell = { row: this.row, col: this.col, value };
    if (cell.col + colSpan > MAX_COLUMNS) throw tooManyColumns(this.name);
    // the columns covered from above are blanks, a long run of them a hole (as the .xlsx reader leaves one): rows
    // under sixteen cells spanning a thousand columns each cost a cell each, not sixteen thousand
    const values = put((this.values[cell.row] ??= []), cell.col, value);
    for (let c = 1; c < colSpan; c++) values[cell.col + c] = null;
    const bottom = cell.row + rowSpan - 1;
    if (rowSpan > 1)
      for (let c = cell.col; c < cell.col + colSpan; c++)
        if (bottom > (this.coveredTo[c] ?? -1)) {
          this.coveredTo[c] = bottom;
          this.coveredRight[c] = cell.col + colSpan - 1;
        }
    if (rowSpan > 1 || colSpan > 1)
      this.merges.push({
        top: cell.row,
        left: cell.col,
        bottom: cell.row + rowSpan - 1,
        right: cell.col + colSpan - 1,
      });
    this.col += colSpan;
  }

  /** The grid of the table: merges running past its last row end there, as a browser ends them. */
  grid(sheet: string): Grid {
    const last = Math.max(this.row, this.values.length - 1);
    for (let r = 0; r <= last; r++) {
      const values = (this.values[r] ??= []);
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
    }
    const merges = this.merges.map((m) => ({ ...m, bottom: Math.min(m.bottom, last) }));
    const grid: Grid = { sheet, topLeft: "A1", values: this.values };
    if (merges.length > 0) grid.merges = merges;
    if (this.hiddenRows.length > 0) grid.hiddenRows = this.hiddenRows;
    if (this.hiddenColumns.length > 0) grid.hiddenColumns = this.hiddenColumns;
    return grid;
  }
}

/** The cell being read: its text so far and how its value is to be read. */
interface OpenCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  asText: boolean;
  number: number | null;
}

const collapse = (text: string) => text.replace(/[ \t\n\r\f]+/gu, " ");

/** A cell's value from its collected text: lines trimmed, no-break spaces read as spaces. */
function cellValue(cell: OpenCell): CellValue {
  const text = cell.text
    .replace(/\u00a0/gu, " ")
    .split("\n")
    .map((line) => line.replace(/^ +| +$/gu, ""))
    .join("\n")
    .replace(/^\n+|\n+$/gu, "")
    .slice(0, MAX_CELL);
  if (cell.number !== null) return cell.number;
  if (cell.asText) return text === "" ? null : text;
  return valueOfText(text);
}

const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xml"]);
const LINE_ENDS = new Set(["p", "div", "li", "tr", "table"]);

/** The tables of a web page as grids; `fileName` names the sheet of a page holding one table. */
export function readHtmlTables(page: string, fileName: string | undefined): Grid[] {
  const names = excelSheetNames(page);
  const tables: { layout: TableLayout; name: string | undefined }[] = [];
  let layout: TableLayout | null = null;
  /** tables open, the outermost first; only the outermost is laid out */
  let depth = 0;
  let cell: OpenCell | null = null;
  /** the classes the page's style sheets, each read once as met, give the number format "@" */
  const textClassSet = new Set<string>();

  const closeCell = () => {
    if (cell && layout) layout.place(cellValue(cell), cell.rowSpan, cell.colSpan);
    cell = null;
  };
  const text = (raw: string) => {
    // a cell's text past what a cell holds is left out as it comes: cut back at each piece of text once past it,
    // each of a hundred thousand tags in a long cell copied the text held (a page of 400 KB took minutes)
    if (!cell || cell.text.length >= MAX_CELL * 4) return;
    cell.text += collapse(resolveEntities(raw));
    if (cell.text.length > MAX_CELL * 4) cell.text = cell.text.slice(0, MAX_CELL * 4);
  };

  let i = 0;
  const n = page.length;
  while (i < n) {
    const lt = page.indexOf("<", i);
    if (lt < 0) {
      text(page.slice(i));
      break;
    }
    if (lt > i) text(page.slice(i, lt));
    i = lt;
    if (page.startsWith("<!--", i)) {
      const close = page.indexOf("-->", i + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (page[i + 1] === "!" || page[i + 1] === "?") {
      const close = page.indexOf(">", i + 2);
      i = close < 0 ? n : close + 1;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9:_-]*)/u.exec(page.slice(i, i + 64));
    if (!tag) {
      text("<");
      i++;
      continue;
    }
    // the tag's end: the first ">" outside a quoted attribute value
    let j = i + tag[0].length;
    let quote = "";
    for (; j < n; j++) {
      const c = page[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    const closing = tag[1] === "/";
    const name = tag[2].toLowerCase();
    const source = page.slice(i + tag[0].length, j);
    i = j + 1;
    if (!closing && RAW_TEXT.has(name)) {
      const closer = new RegExp(`</${name}`, "giu");
      closer.lastIndex = i;
      const end = closer.exec(page)?.index ?? -1;
      const body = page.slice(i, end < 0 ? n : end);
      if (name === "style") {
        addTextClasses(body, textClassSet);
      }
      i = end < 0 ? n : end;
      continue;
    }
    if (name === "table") {
      if (!closing) {
        depth++;
        if (depth === 1) {
          const index = tables.length;
          const where = { zh: `网页中的第 ${index + 1} 个表格`, en: `table ${index + 1} of the page` };
          layout = new TableLayout(where);
          tables.push({ layout, name: names[index] });
        } else if (cell) cell.text += "\n";
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          closeCell();
          layout = null;
        }
      }
      continue;
    }
    if (depth === 0 || layout === null) continue;
    if (depth > 1) {
      // a table inside a cell: its cells are that cell's text, a row to a line, cells apart by a space
      if (cell && !closing && (name === "tr" || name === "br")) cell.text += "\n";
      else if (cell && !closing && (name === "td" || name === "th")) cell.text += " ";
      continue;
    }
    const attributes = closing ? null : attributesOf(source);
    switch (name) {
      case "tr":
        closeCell();
        if (!closing) layout.startRow(/display\s*:\s*none/iu.test(attributes!.get("style") ?? ""));
        break;
      case "td":
      case "th":
        closeCell();
        if (!closing) {
          const a = attributes!;
          const classes = (a.get("class") ?? "").split(/\s+/u).filter(Boolean);
          // Excel's x:num, LibreOffice's sdval: the number a cell shows formatted
          const num = a.get("x:num") ?? a.get("sdval");
          const number = num !== undefined && num.trim() !== "" ? Number(num) : NaN;
          cell = {
            text: "",
            rowSpan: span(a.get("rowspan"), 65534),
            colSpan: span(a.get("colspan"), 1000),
            asText:
              a.has("x:str") ||
              TEXT_FORMAT.test(a.get("style") ?? "") ||
              classes.some((c) => textClassSet.has(c)),
            number: Number.isFinite(number) ? number : null,
          };
        }
        break;
      case "br":
        if (cell) cell.text += "\n";
        break;
      case "col":
        if (!closing && layout.row < 0)
          layout.describeColumns(
            span(attributes!.get("span"), 1000),
            /display\s*:\s*none/iu.test(attributes!.get("style") ?? ""),
          );
        break;
      default:
        if (cell && closing && LINE_ENDS.has(name)) cell.text += "\n";
    }
  }
  // a table the page never closes: a page cut short (a download or copy broken off), whose rows past the cut are
  // lost; read as it is, a county short of schools would be evaluated without a word (</table> is never optional)
  if (depth > 0) {
    const table = tables.length;
    throw textTableFailure(
      "table-truncated",
      `网页格式的表格不完整：第 ${table} 个表格没有结尾（</table>），文件可能在导出、下载或复制时中断了，其后的行缺失；请重新导出或下载后再试`,
      `the web page's table ${table} has no end (</table>): the file was likely cut short while exported, downloaded or copied, and the rows after the cut are missing; export or download it again`,
    );
  }
  closeCell();
  return tables.map((t, index) =>
    t.layout.grid(
      t.name ??
        (tables.length === 1 && fileName !== undefined && fileName !== "" ? fileName : `Sheet${index + 1}`),
    ),
  );
}
