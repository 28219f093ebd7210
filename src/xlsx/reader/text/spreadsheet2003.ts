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
        if (isTrue(attributes.byLocalName("Hidden"))) {
          const hidden = (this.grid.hiddenColumns ??= []);
          for (let c = at; c <= at + span; c++) hidden.push(c);
        }
        this.column = at + span + 1;
        break;
      }
      case "Row": {
        if (!this.inTable || !this.grid) break;
        this.row = this.index(attributes, this.row + 1, { zh: "行序号（ss:Index）", en: "a row's ss:Index" });
        if (this.row >= MAX_ROWS) throw tooManyRows(this.where());
        this.col = 0;
        const span = count(attributes.byLocalName("Span")) ?? 0;
        if (isTrue(attributes.byLocalName("Hidden"))) {
          const hidden = (this.grid.hiddenRows ??= []);
          for (let r = this.row; r <= this.row + span; r++) hidden.push(r);
        }
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
        // merged cells of a sheet do not overlap: no more reach down through a row than it has columns
        if (down > 0 && this.covering.length < MAX_COLUMNS)
          this.covering.push({ left: col, right: col + across, top: this.row, bottom: this.row + down });
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
  /** the merged cells reaching down from rows above into this row or those below it */
  private covering: { left: number; right: number; top: number; bottom: number }[] = [];

  /**
   * The column a cell without ss:Index goes in: `col`, or past the merged cells of rows above that cover it. Excel
   * gives the next cell's ss:Index there; LibreOffice does not, and leaves the covered cells to be skipped.
   */
  private uncovered(col: number): number {
    let at = col;
    for (let moved = this.covering.length > 0; moved;) {
      moved = false;
      for (const m of this.covering)
        if (m.top < this.row && m.bottom >= this.row && at >= m.left && at <= m.right) {
          at = m.right + 1;
          moved = true;
        }
    }
    return at;
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
          const values = (this.grid.values[this.row] ??= []);
          while (values.length < cell.col) values.push(null);
          values[cell.col] = value;
        }
        this.cell = null;
        break;
      }
      case "Row":
        this.row += this.spanAfter;
        if (this.covering.length > 0) this.covering = this.covering.filter((m) => m.bottom > this.row);
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
        }
        this.grid = null;
        this.covering = [];
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
  return handler.grids;
}
