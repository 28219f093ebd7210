/**
 * An Excel 2003 XML Spreadsheet (`urn:schemas-microsoft-com:office:spreadsheet`, what Excel saves as "XML
 * Spreadsheet 2003" and some systems export) as grids, one a worksheet, by the XML scanner the .xlsx reader
 * uses (../xml.ts). A worksheet is named by ss:Name and hidden as its WorksheetOptions' Visible says
 * (SheetHidden, SheetVeryHidden). Rows and cells follow one another unless ss:Index places them (1-based, the
 * cells between left out); a cell's ss:MergeAcross and ss:MergeDown make a merged range whose master it is, and
 * the next cell of the row comes after the range. A cell's value is its Data by ss:Type: Number a number,
 * String the text (as written, never read as a number), Boolean true or false, DateTime a date, Error the
 * error value. Rows and columns with ss:Hidden are hidden rows and columns.
 */
import type { CellValue, Grid } from "../../../sheet/grid";
import { isoDate } from "../numberFormats";
import { put } from "../worksheet";
import { type Attributes, type XmlHandler, XmlScanner } from "../xml";
import { MAX_COLUMNS, MAX_ROWS, textTableFailure, tooManyColumns, tooManyRows } from "./limits";

/** An index or span attribute as a count, or null when it is not one. */
function count(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 0 ? n : null;
}

const isTrue = (value: string | undefined) => value !== undefined && /^(?:1|true)$/iu.test(value.trim());

class Spreadsheet2003 implements XmlHandler {
  readonly grids: Grid[] = [];
  private grid: Grid | null = null;
  private readonly path: string[] = [];
  private row = -1;
  private col = 0;
  /** the next column a <Column> without ss:Index describes */
  private column = 0;
  private cell: { col: number; type: string; text: string; inData: boolean } | null = null;
  private visible = "";
  private inVisible = false;
  private inTable = false;

  where() {
    const grid = this.grid;
    const sheet = grid ? `工作表“${grid.sheet}”` : "";
    const sheetEn = grid ? `sheet "${grid.sheet}"` : "";
    return this.row >= 0
      ? {
          zh: `Excel 2003 XML 表格${sheet}第 ${this.row + 1} 行`,
          en: `row ${this.row + 1} of ${sheetEn || "the Excel 2003 XML spreadsheet"}`,
          cell: null,
        }
      : { zh: `Excel 2003 XML 表格${sheet}`, en: sheetEn || "the Excel 2003 XML spreadsheet", cell: null };
  }

  private place(what: { zh: string; en: string }): never {
    const at = this.where();
    throw textTableFailure(
      "xml-spreadsheet-invalid",
      `${at.zh}的${what.zh}无效，无法读取`,
      `${what.en} in ${at.en} is not valid; the spreadsheet cannot be read`,
    );
  }

  private index(attributes: Attributes, after: number, what: { zh: string; en: string }): number {
    const raw = attributes.byLocalName("Index");
    if (raw === undefined) return after;
    const n = count(raw);
    if (n === null || n < 1 || n - 1 < after) this.place(what);
    return n - 1;
  }

  open(name: string, attributes: Attributes): void {
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    switch (name) {
      case "Worksheet":
        // a worksheet never closed before the next begins keeps its own hidden rows and columns
        this.finishOpen();
        this.grid = {
          sheet: attributes.byLocalName("Name") ?? `Sheet${this.grids.length + 1}`,
          topLeft: "A1",
          values: [],
        };
        this.grids.push(this.grid);
        this.row = -1;
        this.column = 0;
        this.visible = "";
        break;
      case "Table":
        this.inTable = parent === "Worksheet";
        break;
      case "Column": {
        if (!this.inTable || !this.grid) break;
        const at = this.index(attributes, this.column, {
          zh: "列序号（ss:Index）",
          en: "a column's ss:Index",
        });
        const span = count(attributes.byLocalName("Span")) ?? 0;
        if (at + span >= MAX_COLUMNS) throw tooManyColumns(this.where());
        if (isTrue(attributes.byLocalName("Hidden"))) this.hiddenColumns.push([at, at + span]);
        this.column = at + span + 1;
        break;
      }
      case "Row": {
        if (!this.inTable || !this.grid) break;
        this.row = this.index(attributes, this.row + 1, { zh: "行序号（ss:Index）", en: "a row's ss:Index" });
        if (this.row >= MAX_ROWS) throw tooManyRows(this.where());
        this.col = 0;
        const span = count(attributes.byLocalName("Span")) ?? 0;
        if (this.row + span >= MAX_ROWS) throw tooManyRows(this.where());
        if (isTrue(attributes.byLocalName("Hidden"))) this.hiddenRows.push([this.row, this.row + span]);
        // ss:Span: as many rows again like this one, without cells
        this.spanAfter = span;
        break;
      }
      case "Cell": {
        if (parent !== "Row" || !this.grid) break;
        const col =
          attributes.byLocalName("Index") === undefined
            ? this.uncovered(this.col)
            : this.index(attributes, this.col, { zh: "单元格序号（ss:Index）", en: "a cell's ss:Index" });
        const across = count(attributes.byLocalName("MergeAcross")) ?? 0;
        const down = count(attributes.byLocalName("MergeDown")) ?? 0;
        if (col + across >= MAX_COLUMNS) throw tooManyColumns(this.where());
        if (this.row + down >= MAX_ROWS) throw tooManyRows(this.where());
        if (across > 0 || down > 0)
          (this.grid.merges ??= []).push({
            top: this.row,
            left: col,
            bottom: this.row + down,
            right: col + across,
          });
        // what reaches down covers the rows below once this row is done (a cell of this row is never covered by it)
        if (down > 0) this.reaching.push({ left: col, right: col + across, bottom: this.row + down });
        this.cell = { col, type: "", text: "", inData: false };
        this.col = col + across + 1;
        break;
      }
      case "Data":
        if (parent === "Cell" && this.cell) {
          this.cell.inData = true;
          this.cell.type = attributes.byLocalName("Type") ?? "String";
        }
        break;
      case "Visible":
        this.inVisible = parent === "WorksheetOptions";
        break;
    }
  }

  private spanAfter = 0;
  /** the hidden rows and columns of the worksheet, ranges (0-based, inclusive) as ss:Span gives them */
  private hiddenRows: [number, number][] = [];
  private hiddenColumns: [number, number][] = [];

  /**
   * The hidden rows and columns within the worksheet's cells, as the .xlsx reader keeps them: a row hidden with
   * ss:Span="1048575" below the last cell costs nothing.
   */
  /** The hidden rows and columns of a worksheet left open (a file cut off), kept as a closed one's are. */
  finishOpen(): void {
    if (this.grid) this.hide(this.grid);
    this.hiddenRows = [];
    this.hiddenColumns = [];
    this.reaching = [];
    this.coveredTo = [];
    this.coveredRight = [];
  }

  private hide(grid: Grid): void {
    const height = grid.values.length;
    let width = 0;
    grid.values.forEach((row) => (width = Math.max(width, row.length)));
    const within = (ranges: [number, number][], end: number) => {
      const out: number[] = [];
      for (const [from, to] of ranges) for (let i = from; i <= to && i < end; i++) out.push(i);
      return out;
    };
    const rows = within(this.hiddenRows, height);
    const columns = within(this.hiddenColumns, width);
    if (rows.length > 0) grid.hiddenRows = rows;
    if (columns.length > 0) grid.hiddenColumns = columns;
  }
  /** the merged cells of this row reaching down, to cover the rows below once the row is done */
  private reaching: { left: number; right: number; bottom: number }[] = [];
  /**
   * per column, the last row a merged cell of the rows above covers, and where that merged cell ends to the right:
   * a cell passes a merged range in one step, and each column is written once per merged cell over it, so that
   * placing a row's cells costs at most the row's columns, however many merged cells reach down
   */
  private coveredTo: number[] = [];
  private coveredRight: number[] = [];

  /**
   * The column a cell without ss:Index goes in: `col`, or past the merged cells of rows above that cover it. Excel
   * gives the next cell's ss:Index there; LibreOffice does not, and leaves the covered cells to be skipped.
   */
  private uncovered(col: number): number {
    let at = col;
    while ((this.coveredTo[at] ?? -1) >= this.row) at = this.coveredRight[at] + 1;
    return at;
  }

  /** The merged cells of the row just done, covering the rows below it. */
  private coverBelow(): void {
    for (const m of this.reaching)
      for (let c = m.left; c <= m.right; c++)
        if (m.bottom > (this.coveredTo[c] ?? -1)) {
          this.coveredTo[c] = m.bottom;
          this.coveredRight[c] = m.right;
        }
    this.reaching = [];
  }

  text(text: string): void {
    if (this.cell?.inData) this.cell.text += text;
    else if (this.inVisible) this.visible += text;
  }

  close(name: string): void {
    this.path.pop();
    switch (name) {
      case "Data":
        if (this.cell) this.cell.inData = false;
        break;
      case "Cell": {
        const cell = this.cell;
        const value = cell && cell.type !== "" ? this.value(cell.type, cell.text) : null;
        // a cell without a value (one that only styles or ends the row) is left out, as a grid leaves blanks out
        if (cell && this.grid && value !== null) {
          // a cell far past the row's others leaves a hole, as the .xlsx reader leaves one, never a run of blanks
          const values = this.grid.values[this.row];
          if (values === undefined) this.grid.values[this.row] = put([], cell.col, value);
          else put(values, cell.col, value);
        }
        this.cell = null;
        break;
      }
      case "Row":
        this.row += this.spanAfter;
        this.coverBelow();
        this.spanAfter = 0;
        break;
      case "Table":
        this.inTable = false;
        break;
      case "Visible":
        this.inVisible = false;
        break;
      case "Worksheet":
        if (this.grid) {
          const visible = this.visible.trim();
          if (visible === "SheetHidden") this.grid.visibility = "hidden";
          else if (visible === "SheetVeryHidden") this.grid.visibility = "veryHidden";
          // rows without values after the last with one (a writer may give every row of the sheet) are no rows
          const values = this.grid.values;
          let end = values.length;
          while (end > 0 && (values[end - 1] ?? []).length === 0) end--;
          values.length = end;
          this.hide(this.grid);
        }
        this.grid = null;
        this.reaching = [];
        this.coveredTo = [];
        this.coveredRight = [];
        this.hiddenRows = [];
        this.hiddenColumns = [];
        this.row = -1;
        break;
    }
  }

  private value(type: string, text: string): CellValue {
    switch (type) {
      case "Number": {
        const n = Number(text.trim());
        return text.trim() !== "" && Number.isFinite(n) ? n : text;
      }
      case "Boolean":
        return isTrue(text) ? true : /^(?:0|false)$/iu.test(text.trim()) ? false : text;
      case "DateTime":
        return isoDate(text.trim()) ?? text;
      case "Error":
        return { error: text.trim() };
      default:
        return text === "" ? null : text;
    }
  }
}

/** The worksheets of an Excel 2003 XML spreadsheet given as text. */
export function readSpreadsheet2003(text: string): Grid[] {
  const handler = new Spreadsheet2003();
  const scanner = new XmlScanner("Excel 2003 XML", handler);
  scanner.write(text);
  scanner.end();
  handler.finishOpen();
  return handler.grids;
}
