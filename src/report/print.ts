/**
 * What every printed sheet has: a title naming the county and the year (or blanks to fill in by hand), the
 * table's name and page numbers in the page header and footer, the lines a submission table is signed on, and
 * rows tall enough for their wrapped text (`fitRows.ts`). `SheetBuilder` gathers a sheet's rows with its merges,
 * borders and row heights.
 */
import { atLeast, nearlyEqual } from "../standard/comparison";
import type { Lang } from "../i18n/format";
import { columnIndex, columnLetters } from "../sheet/grid";
import { fontSizeOf } from "./look";
import { groupProblems, type Problem } from "../problems/problem";
import type { PrintSetup, ReportCell, ReportSheet } from "./model";
import type { TitleParts } from "../i18n/titleParts";
import { wrappedHeight, wrappedLines } from "./textFit";
import { fitWrappedRows } from "./fitRows";
import { pageLayout, type KeepTogether, type Table } from "./pages";
import { LEAST_PRINTED_SIZE, breaksAcross, printedSmallestSize } from "./paperWidth";
import { shiftFormula } from "./shiftFormula";

export { displayWidth, wrappedHeight, wrappedLines } from "./textFit";

export { isSchoolYear, type TitleParts } from "../i18n/titleParts";

/** A blank a clerk fills in by hand. */
export const BLANK = "＿＿＿＿";

/** A school year as a title reads it: 2026 年, 2025—2026 学年; null for none. */
export function yearText(year: string | null | undefined, lang: Lang): string | null {
  if (!year) return null;
  const span = /^(\d{4})\s*[-–—~至]\s*(\d{4})$/.exec(year.trim());
  if (span) return lang === "zh" ? `${span[1]}—${span[2]} 学年` : `${span[1]}–${span[2]} school year`;
  return lang === "zh" ? `${year.trim()} 年` : year.trim();
}

/**
 * The title of a table: 白狼县 2026 年义务教育优质均衡发展 学校资源配置达标情况; without the county or the year,
 * blanks in their place (＿＿＿＿县 ＿＿＿＿ 年…), so that the printed table is completed by hand, not left vague.
 */
export function tableTitle(parts: TitleParts, table: { zh: string; en: string }, lang: Lang): string {
  const year = yearText(parts.year, lang);
  if (lang === "zh") {
    const county = parts.county?.trim() || `${BLANK}县`;
    return `${county} ${year ?? `${BLANK} 年`}义务教育优质均衡发展 ${table.zh}`;
  }
  const county = parts.county?.trim() || `${BLANK} County`;
  return `${county}, ${year ?? BLANK}: ${table.en}`;
}

/** Excel's header and footer codes treat & as a command: a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The page header (county and year, the table's name) and footer (第 &P 页 共 &N 页) of a table. */
export function pageMarks(parts: TitleParts, table: { zh: string; en: string }, lang: Lang) {
  const who = [parts.county?.trim(), yearText(parts.year, lang)].filter(Boolean).join(" ");
  return {
    header: { left: who ? headerText(who) : undefined, right: headerText(table[lang]) },
    footer: { center: lang === "zh" ? "第 &P 页 共 &N 页" : "Page &P of &N" },
  } satisfies Pick<PrintSetup, "header" | "footer">;
}

/**
 * The number format of a figure as a person writes it: thousands grouped, as many decimals as the figure has
 * (up to `most`) and none when it is whole — 618 ㎡, not 618.00 ㎡; 12,197.5 ㎡.
 */
export function figureFormat(value: number, most = 4, suffix = ""): string {
  let decimals = 0;
  while (decimals < most && !nearlyEqual(value * 10 ** decimals, Math.round(value * 10 ** decimals)))
    decimals++;
  return `#,##0${decimals > 0 ? "." + "0".repeat(decimals) : ""}${suffix}`;
}

/** The height of a row of one line of body text, in points. */
export const ROW_HEIGHT = 15;

/** The table's last rows printed on the page of its signature lines, with whatever is between them. */
export const ROWS_WITH_SIGNATURE = 2;

/** Between two fields of a signature's line: 填报单位（盖章）：＿＿　　填表人：＿＿. */
const SIGNATURE_GAPS = /　　| {4}/;

/**
 * A signature's line of fields, as `SheetBuilder.signature` joins them, broken between its fields onto as many
 * lines as a cell `width` characters wide needs: a field (填报日期：＿＿年＿＿月＿＿日) is never cut in two.
 */
function signatureLines(text: string, width: number, size: number): string {
  const gap = text.includes("　　") ? "　　" : "    ";
  const lines: string[] = [];
  for (const field of text.split(SIGNATURE_GAPS)) {
    const joined = lines.length > 0 ? `${lines[lines.length - 1]}${gap}${field}` : field;
    if (lines.length > 0 && wrappedLines(joined, width, size) === 1) lines[lines.length - 1] = joined;
    else lines.push(field);
  }
  return lines.join("\n");
}

/** A table whose header rows (`from`..`to`) print again at the top of each page its body (to `last`) runs on to. */
export interface RepeatedHeader {
  from: number;
  to: number;
  last: number;
}

/**
 * Rows of a sheet under construction: each row's cells, the merges, the bordered tables and row heights, with
 * row numbers as Excel counts them (1-based).
 */
export class SheetBuilder {
  readonly rows: ReportCell[][] = [];
  readonly merges: string[] = [];
  readonly borders: string[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** blocks of rows (a table with its caption, the signature's lines) to print on one page where they fit */
  readonly keeps: KeepTogether[] = [];
  /** tables whose header is copied to the top of each page their body runs on to */
  readonly repeats: RepeatedHeader[] = [];
  /** the headers' copies put in when the sheet was made: `by` rows before row `at`, in the order put in */
  private readonly inserted: { at: number; by: number }[] = [];
  /** the rows of those copies, as the sheet's rows are now numbered: a page holding only them holds no content */
  private copyRows: ReadonlySet<number> = new Set();

  /**
   * The columns naming a row (a school's, a county's name), repeated at the left of each page across where the
   * sheet is too wide to fit one page legibly (`legible`); the frozen columns where not set
   */
  nameColumns?: [number, number];

  constructor(readonly columnWidths: number[]) {}

  /** the 1-based number of the next row */
  get next(): number {
    return this.rows.length + 1;
  }

  /** Adds a row and returns its 1-based number. */
  push(cells: ReportCell[] = [], height?: number): number {
    this.rows.push(cells);
    if (height !== undefined) this.rowHeights[this.rows.length - 1] = height;
    return this.rows.length;
  }

  /** A narrow empty row between two parts of a sheet. */
  spacer(): number {
    return this.push([], 8);
  }

  /** A cell spanning columns c0..c1 (0-based) of a new row. */
  pushSpan(cell: ReportCell, c0: number, c1: number, height?: number): number {
    const row: ReportCell[] = [];
    row[c0] = cell;
    const r = this.push(row, height);
    if (c1 > c0) this.merge(r, c0, r, c1);
    return r;
  }

  /**
   * Rows from..to (1-based) printed on one page where they fit on one, else their first `head` rows together: a
   * table and its caption are not cut by a page's end, a heading not left alone at a page's foot.
   */
  keep(from: number, to: number, head = 4): void {
    if (to >= from) this.keeps.push({ from, to, head });
  }

  /**
   * A table of several pages whose header rows (from..to) print again on each page its body (to `last`) runs on
   * to. A sheet repeats one set of rows on every page (its title rows); a sheet of several tables that may each
   * run on (汇总's items, a plan's teachers and its buildings) gets a copy of the header at the top of each page
   * instead, with a page break before it.
   */
  repeatHeader(from: number, to: number, last: number): void {
    if (last > to) this.repeats.push({ from, to, last });
  }

  /** Where a row pushed as row `row` (1-based) is in the finished sheet, after the headers' copies put in. */
  rowOf(row: number): number {
    let r = row;
    for (const { at, by } of this.inserted) if (r >= at) r += by;
    return r;
  }

  merge(r0: number, c0: number, r1: number, c1: number): void {
    this.merges.push(`${columnLetters(c0)}${r0}:${columnLetters(c1)}${r1}`);
  }

  border(r0: number, c0: number, r1: number, c1: number): void {
    if (r1 >= r0) this.borders.push(`${columnLetters(c0)}${r0}:${columnLetters(c1)}${r1}`);
  }

  /** The title over columns c0..c1 and an optional line under it. */
  title(text: string, c1: number, subtitle?: string, c0 = 0): void {
    // a title longer than its columns (a long county's name, the blanks to fill in) wraps onto a taller row
    let width = 0;
    for (let k = c0; k <= c1; k++) width += this.columnWidths[k] ?? 8;
    const size = fontSizeOf("title");
    const wraps = wrappedLines(text, width, size) > 1;
    const height = wraps ? Math.max(30, wrappedHeight(text, width, size)) : 30;
    this.pushSpan({ value: text, style: "title", ...(wraps ? { wrap: true } : {}) }, c0, c1, height);
    if (subtitle) this.pushSpan({ value: subtitle, style: "subtitle" }, c0, c1);
  }

  /** A note over columns c0..c1, as tall as its text needs. */
  note(text: string, c1: number, c0 = 0): void {
    this.pushSpan({ value: text, style: "note" }, c0, c1);
  }

  /**
   * The lines a submission table is signed on (填报单位（盖章）, 填表人, 审核人, 联系电话, 填报日期), under the
   * table, over columns c0..c1: on two lines where the table is wide enough to hold each whole, else on three.
   */
  signature(lang: Lang, c1: number, c0 = 0): void {
    // the table's last rows go onto the signature's page with it: a signature alone under the repeated header
    // (a page's end falling between the table and its lines) signs nothing
    const tail = this.tableTail();
    this.spacer();
    const zh = lang === "zh";
    const unit = zh ? `填报单位（盖章）：${BLANK}${BLANK}${BLANK}` : "Reporting unit (seal): ______________";
    const clerk = zh ? `填表人：${BLANK}＿＿` : "Prepared by: ____________";
    const checker = zh ? `审核人：${BLANK}＿＿` : "Checked by: ____________";
    const phone = zh ? `联系电话：${BLANK}＿＿＿` : "Telephone: ______________";
    const date = zh ? "填报日期：＿＿年＿＿月＿＿日" : "Date: ____-__-__";
    const gap = zh ? "　　" : "    ";
    let width = 0;
    for (let k = c0; k <= c1; k++) width += this.columnWidths[k] ?? 8;
    const two = [
      [unit, clerk],
      [checker, phone, date],
    ];
    const three = [[unit], [clerk, checker], [phone, date]];
    const fits = (lines: string[][]) =>
      lines.every((fields) => wrappedLines(fields.join(gap), width, fontSizeOf("signature")) === 1);
    const first = this.next;
    for (const fields of fits(two) ? two : three)
      this.pushSpan({ value: fields.join(gap), style: "signature" }, c0, c1, 20);
    this.keep(tail, this.next - 1, this.next - tail);
    // where the table's last rows and what follows them fit on no page together, the lines a person signs still
    // print together: the page breaks before them, not between them
    this.keep(first, this.next - 1, this.next - first);
  }

  /**
   * The first of the rows to print with the signature: the last `ROWS_WITH_SIGNATURE` rows of the last bordered
   * table (what follows it, a note, with them), or the last rows of a sheet with no table.
   */
  private tableTail(): number {
    let table: [number, number] | null = null;
    for (const range of this.borders) {
      const [r0, r1] = range.split(":").map((end) => Number(/\d+$/.exec(end)![0]));
      if (r1 < this.next && (!table || r1 > table[1])) table = [r0, r1];
    }
    if (!table) return Math.max(1, this.next - ROWS_WITH_SIGNATURE);
    return Math.max(table[0], table[1] - ROWS_WITH_SIGNATURE + 1);
  }

  /**
   * A table of data problems over columns 0..c1: each problem's cell, its severity and its message, the message
   * in columns 3..c1; many cells of a column with the same problem one row (`groupProblems`: their range, their
   * count, what to do once), as the check lists them.
   */
  problemTable(problems: readonly Problem[], lang: Lang, c1: number): void {
    const zh = lang === "zh";
    const top = this.push(
      (zh ? ["单元格", "", "级别", "说明"] : ["Cell", "", "Severity", "Message"]).map(
        (value): ReportCell => ({ value: value || null, style: "header" }),
      ),
    );
    this.merge(top, 0, top, 1);
    this.merge(top, 3, top, c1);
    for (const p of groupProblems(problems)) {
      const error = p.severity === "error";
      const r = this.push([
        { value: p.cell },
        {},
        {
          value: error ? (zh ? "错误" : "Error") : zh ? "警告" : "Warning",
          style: error ? "fail" : "warn",
          align: "center",
        },
        { value: p.message[lang], style: "note" },
      ]);
      this.merge(r, 0, r, 1);
      this.merge(r, 3, r, c1);
    }
    this.border(top, 0, this.next - 1, c1);
    this.repeatHeader(top, top, this.next - 1);
  }

  /**
   * The page set-up with a page break before each block to keep together that would run past a page's end, and
   * at every other row a page starts on as `pageLayout` works them out. The pages worked out are the shortest any
   * spreadsheet prints (Excel's, with some to spare): breaks set where each ends make every spreadsheet end its
   * pages there too. A spreadsheet left to end its own pages (LibreOffice's hold more) would end them elsewhere,
   * and the blocks kept together on the pages worked out (the signature with the table's last rows) could come
   * apart on its.
   */
  private paginated(print: PrintSetup): PrintSetup {
    const { breaks, starts } = this.layout(print);
    const all = [...new Set([...breaks, ...starts])].sort((a, b) => a - b);
    return all.length > 0 ? { ...print, rowBreaks: all } : print;
  }

  /**
   * Where the sheet's pages end as `pageLayout` works them out, with the headers' copies already put in and the
   * copy of its header a page starting in a table's body would get (`repeatHeader`; not the sheet's title rows,
   * which every page repeats): a block is moved whole only onto a page that holds it under that copy.
   */
  private layout(print: PrintSetup): { breaks: number[]; starts: number[] } {
    const heightOf = (r: number) => this.rowHeights[r - 1] ?? ROW_HEIGHT;
    const [t0, t1] = print.titleRows ?? [0, -1];
    const copyOf = (r: number): [number, number] | null => {
      const table = this.repeats.find((t) => r > t.to && r <= t.last && !(t.from === t0 && t.to === t1));
      return table && !this.copyRows.has(r - 1) ? [table.from, table.to] : null;
    };
    return pageLayout(print, this.rows.length, heightOf, this.keeps, this.copyRows, copyOf, this.tables());
  }

  /**
   * The sheet's tables, for `pageLayout` to leave none of them a lone row on a page: those whose header is copied
   * to each page, and each other bordered table whose first rows are a header
   */
  private tables(): Table[] {
    const tables: Table[] = this.repeats.map(({ from, to, last }) => ({ from, to, last }));
    for (const range of this.borders) {
      const [from, last] = range.split(":").map((end) => Number(/\d+$/.exec(end)![0]));
      if (tables.some((t) => t.from === from)) continue;
      let to = from - 1;
      while (to < last && this.rows[to]?.some((cell) => cell?.style === "header")) to++;
      if (to >= from && to < last) tables.push({ from, to, last });
    }
    return tables;
  }

  /**
   * The page set-up with a copy of a table's header, after a page break, at each page its body runs on to
   * (`repeatHeader`); the sheet's own title rows already repeat theirs. Pages are worked out as `pageLayout`
   * does, again after each copy.
   */
  private headersOnEachPage(print: PrintSetup): PrintSetup {
    let setup = print;
    let copies = new Set<number>();
    // the first row after each copy: a page that starts there again holds the copy alone (the row after it is
    // taller than what the page leaves), and another copy would do the same, page after page
    let afterCopies = new Set<number>();
    // each turn copies a header or moves one heading: never more turns than the sheet had rows
    const turns = this.rows.length;
    for (let guard = 0; guard <= turns; guard++) {
      const { starts } = this.layout(setup);
      const [t0, t1] = setup.titleRows ?? [0, -1];
      let found: { at: number; table: RepeatedHeader } | null = null;
      for (const at of starts) {
        if (copies.has(at) || afterCopies.has(at)) continue;
        const table = this.repeats.find((t) => at > t.to && at <= t.last && !(t.from === t0 && t.to === t1));
        if (table) {
          found = { at, table };
          break;
        }
      }
      if (!found) {
        // once a table runs over pages with its header copied, every page starts where it was worked out to: a
        // spreadsheet whose pages hold more (LibreOffice's) would otherwise run a page on and start the next in a
        // table's body, with no header over it. A sheet none of whose tables runs over is left to paginate itself
        if (copies.size === 0) return setup;
        return {
          ...setup,
          rowBreaks: [...new Set([...(setup.rowBreaks ?? []), ...starts])].sort((a, b) => a - b),
        };
      }
      const { at, table } = found;
      // a header left alone at a page's foot goes over with its body, and the heading kept with it too
      const lead = Math.min(
        table.from,
        ...this.keeps.filter((k) => k.from < table.from && table.from <= k.to).map((k) => k.from),
      );
      if (at === table.to + 1 && !starts.includes(lead) && lead > 1) {
        setup = { ...setup, rowBreaks: [...(setup.rowBreaks ?? []), lead].sort((a, b) => a - b) };
        continue;
      }
      // a block kept together that the page now starting at `at` cuts is on two pages: what comes before `at`
      // is kept together, and the copy, which lengthens it, does not move it whole onto another page after all
      for (const keep of this.keeps) if (keep.from < at && at <= keep.to) keep.to = at - 1;
      const by = this.insertHeaderCopy(table, at);
      const shift = (r: number) => (r >= at ? r + by : r);
      copies = new Set([...copies].map(shift));
      copies.add(at);
      afterCopies = new Set([...afterCopies].map(shift));
      afterCopies.add(at + by);
      setup = {
        ...setup,
        rowBreaks: [...(setup.rowBreaks ?? []).map(shift), at].sort((a, b) => a - b),
        ...(setup.titleRows
          ? { titleRows: [shift(setup.titleRows[0]), shift(setup.titleRows[1])] as [number, number] }
          : {}),
      };
    }
    return setup;
  }

  /**
   * The print set-up that keeps the sheet's smallest text at `LEAST_PRINTED_SIZE` or more with the widest face. A
   * sheet fitted to one page wide stays so where its scale allows; a portrait one whose columns fit a landscape
   * page is turned landscape; one wider still prints at 100 % on landscape pages across, as 达标情况 does, its name
   * columns repeated on each, no page starting inside a table's header over several columns. What spans past a
   * page's edge (the title, a note, the signature's lines, a chart) spans the columns of the page it starts on.
   */
  private legible(
    print: PrintSetup,
    freeze: ReportSheet["freeze"],
    charts: ReportSheet["charts"],
  ): PrintSetup {
    if (!print.fitToWidth || print.columnBreaks?.length) return print;
    const enough = (p: PrintSetup) =>
      atLeast(printedSmallestSize(this.columnWidths, p, this.rows), LEAST_PRINTED_SIZE);
    if (enough(print)) return print;
    const landscape: PrintSetup = { ...print, orientation: "landscape" };
    if (enough(landscape)) return landscape;
    const last = this.columnWidths.length - 1;
    const names =
      this.nameColumns ??
      (freeze && freeze.columns > 0 ? ([0, freeze.columns - 1] as [number, number]) : undefined);
    const spans = this.merges.map((m) => {
      const [a, b] = m.split(":");
      return [columnIndex(/^[A-Z]+/.exec(a)![0]), columnIndex(/^[A-Z]+/.exec(b)![0])] as [number, number];
    });
    // a table's header over several columns, and a cell merged down rows, are not cut by a page's edge; one over
    // the table's last columns (a message's, running to the sheet's edge) spans to its page's edge
    const joined = this.merges.map((m, i) => {
      const [a, b] = m.split(":");
      const r0 = Number(/\d+/.exec(a)![0]);
      const header = r0 !== Number(/\d+/.exec(b)![0]) || this.rows[r0 - 1]?.[spans[i][0]]?.style === "header";
      return header && spans[i][1] < last;
    });
    const breaks = breaksAcross(
      this.columnWidths,
      landscape,
      names,
      spans.filter((_, i) => joined[i]),
    );
    const groupEnd = (c: number) => (breaks.find((k) => k > c) ?? last + 1) - 1;
    // what spans past its page's edge (a title, a note, the signature's lines) spans the columns of its own page,
    // right of the name columns repeated on the pages after the first, which would otherwise print a piece of it
    const wall = names && breaks.length > 0 ? names[1] + 1 : 0;
    this.merges.forEach((m, i) => {
      const [c0, c1] = spans[i];
      if (joined[i]) return;
      const start = c0 < wall && c1 >= wall ? wall : c0;
      const end = Math.min(c1, groupEnd(start));
      if (start === c0 && end === c1) return;
      const r0 = Number(/\d+/.exec(m.split(":")[0])![0]);
      const r1 = Number(/\d+/.exec(m.split(":")[1])![0]);
      this.merges[i] = `${columnLetters(start)}${r0}:${columnLetters(end)}${r1}`;
      const row = this.rows[r0 - 1];
      if (start !== c0) [row[start], row[c0]] = [row[c0], {}];
      // a row given its height for the sheet's whole width (a title's, a signature's) grows to the lines its
      // page's width needs
      const cell = row[start];
      const given = this.rowHeights[r0 - 1];
      if (given === undefined || r0 !== r1 || !cell || typeof cell.value !== "string") return;
      let width = 0;
      for (let k = start; k <= end; k++) width += this.columnWidths[k] ?? 8;
      const size = fontSizeOf(cell.style);
      if (wrappedLines(cell.value, width, size) > 1) {
        // the signature's fields laid out for the whole width: each goes whole onto a line of the page's width
        if (cell.style === "signature") cell.value = signatureLines(cell.value, width, size);
        cell.wrap = true;
        this.rowHeights[r0 - 1] = Math.max(given, wrappedHeight(cell.value, width, size));
      }
    });
    if (breaks.length > 0) this.trimBorders(groupEnd);
    for (const chart of charts ?? []) {
      const from = columnIndex(/^[A-Z]+/.exec(chart.anchor.from)![0]);
      const to = /^([A-Z]+)(\d+)$/.exec(chart.anchor.to)!;
      const end = Math.min(columnIndex(to[1]), groupEnd(from));
      chart.anchor = { ...chart.anchor, to: `${columnLetters(end)}${to[2]}` };
    }
    const { fitToWidth: _fitted, ...atFull } = landscape;
    return {
      ...atFull,
      ...(breaks.length > 0
        ? { columnBreaks: breaks, overThenDown: true, ...(names ? { titleColumns: names } : {}) }
        : {}),
    };
  }

  /**
   * A bordered table on pages across whose cells past a page's edge hold nothing once what spans past it is
   * narrowed to its page (the at-risk table's reason, across the rest of the first page) ends at that edge: its
   * border and its header's shading there would print boxes of nothing on the page across.
   */
  private trimBorders(groupEnd: (c: number) => number): void {
    this.borders.forEach((range, i) => {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) return;
      const [c0, r0, c1, r1] = [columnIndex(m[1]), Number(m[2]), columnIndex(m[3]), Number(m[4])];
      let used = c0;
      for (let r = r0; r <= r1; r++) {
        this.rows[r - 1]?.forEach((cell, c) => {
          if (c <= c1 && cell?.value != null && cell.value !== "") used = Math.max(used, c);
        });
      }
      for (const merge of this.merges) {
        const x = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge)!;
        if (Number(x[2]) <= r1 && Number(x[4]) >= r0 && columnIndex(x[1]) <= c1)
          used = Math.max(used, Math.min(c1, columnIndex(x[3])));
      }
      const end = groupEnd(used);
      if (end >= c1) return;
      this.borders[i] = `${columnLetters(c0)}${r0}:${columnLetters(end)}${r1}`;
      for (let r = r0; r <= r1; r++) {
        const row = this.rows[r - 1];
        for (let c = end + 1; c <= c1; c++) if (row?.[c]) row[c] = {};
      }
    });
  }

  /** Puts a copy of a table's header rows before row `at` of its body; every row from `at` on moves down. */
  private insertHeaderCopy(table: RepeatedHeader, at: number): number {
    const by = table.to - table.from + 1;
    const shift = (r: number) => (r >= at ? r + by : r);
    const shiftRange = (range: string) =>
      range.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${shift(Number(r))}`);
    const copy = this.rows.slice(table.from - 1, table.to).map((cells) => cells.map((cell) => ({ ...cell })));
    const headerMerges = this.merges.filter((m) =>
      m.split(":").every((end) => {
        const r = Number(/\d+$/.exec(end)![0]);
        return r >= table.from && r <= table.to;
      }),
    );
    for (const cells of this.rows)
      for (const cell of cells) if (cell?.formula) cell.formula = shiftFormula(cell.formula, at, by);
    this.merges.splice(0, this.merges.length, ...this.merges.map(shiftRange));
    this.borders.splice(0, this.borders.length, ...this.borders.map(shiftRange));
    const heights = Object.entries(this.rowHeights).map(([k, h]) => [shift(Number(k) + 1) - 1, h] as const);
    for (const k of Object.keys(this.rowHeights)) delete this.rowHeights[Number(k)];
    for (const [k, h] of heights) this.rowHeights[k] = h;
    for (const keep of this.keeps) Object.assign(keep, { from: shift(keep.from), to: shift(keep.to) });
    for (const t of this.repeats)
      Object.assign(t, { from: shift(t.from), to: shift(t.to), last: shift(t.last) });
    this.rows.splice(at - 1, 0, ...copy);
    for (let r = table.from; r <= table.to; r++) {
      const h = this.rowHeights[r - 1];
      if (h !== undefined) this.rowHeights[at - 1 + r - table.from] = h;
    }
    for (const m of headerMerges)
      this.merges.push(
        m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) - table.from + at}`),
      );
    this.inserted.push({ at, by });
    const copied = [...this.copyRows].map(shift);
    for (let r = at; r < at + by; r++) copied.push(r);
    this.copyRows = new Set(copied);
    return by;
  }

  /** The sheet: rows, widths, merges, borders and row heights as gathered. */
  sheet(
    given: Omit<ReportSheet, "rows" | "columnWidths" | "merges" | "borders" | "rowHeights">,
  ): ReportSheet {
    const fields = given.print
      ? { ...given, print: this.legible(given.print, given.freeze, given.charts) }
      : given;
    fitWrappedRows(this, fields.print);
    // pages are worked out for a sheet fitted to one page wide or printed at 100 %; one fitted and split between
    // column groups would be scaled by each spreadsheet its own way. A sheet split between column groups at 100 %
    // (达标情况) has the same rows on each group's pages, in every spreadsheet
    const pageable = !!fields.print && !(fields.print.fitToWidth && fields.print.columnBreaks?.length);
    let print = fields.print;
    if (pageable && this.repeats.length > 0) print = this.headersOnEachPage(print!);
    // a sheet on pages across ends each page where it was worked out to, so that the pages across hold the same
    // rows in every spreadsheet, whatever its default font
    if (pageable && (this.keeps.length > 0 || !!print?.columnBreaks?.length)) print = this.paginated(print!);
    return {
      // one line of 10-point text with the leading Chinese faces need, in every spreadsheet alike
      defaultRowHeight: ROW_HEIGHT,
      ...fields,
      ...(print ? { print } : {}),
      rows: this.rows,
      columnWidths: this.columnWidths,
      merges: this.merges,
      borders: this.borders,
      rowHeights: this.rowHeights,
    };
  }
}
