/**
 * An OpenDocument spreadsheet (.ods, LibreOffice's own format and what it saves by default, or the flat .fods that
 * holds the same document in one XML file): the tables of its content.xml read into the same grids as an .xlsx's sheets. Each table is a sheet (hidden when its style says
 * `table:display="false"`); rows and cells repeated (`number-rows-repeated`, `number-columns-repeated`) are laid
 * out as a spreadsheet shows them, the empty ones that run to the sheet's last row and column costing nothing;
 * values by `office:value-type` (numbers, percentages and currency by `office:value`, dates, times, booleans,
 * text as its paragraphs joined by line breaks, errors as LibreOffice marks them); merged cells by
 * `number-rows-spanned` and `number-columns-spanned`; rows and columns hidden (`table:visibility`).
 */
import type { CellValue, Grid, MergedRange } from "../../sheet/grid";
import { isoDate } from "./numberFormats";
import { damaged } from "./problems";
import { finishGrid, put } from "./worksheet";
import { XmlScanner, parsePart, type Attributes, type XmlHandler } from "./xml";
import type { Zip } from "./zip";

const LAST_ROW = 1048576;
const LAST_COLUMN = 16384;
/** Cells a file's repeats may copy a value into, over every sheet: far more than any table, far less than memory. */
const MOST_COPIED_CELLS = 20_000_000;

/** PT12H30M15.5S (an ODF time) as the time of day on Excel's day 0, as a time cell of an .xlsx reads. */
function durationTime(text: string): Date | null {
  const m = /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text.trim());
  if (!m || text.trim() === "P" || text.trim() === "PT") return null;
  const [, d = "0", h = "0", mi = "0", s = "0"] = m;
  const ms = Math.round((((Number(d) * 24 + Number(h)) * 60 + Number(mi)) * 60 + Number(s)) * 1000);
  return new Date(Date.UTC(1899, 11, 30) + ms);
}

function count(attributes: Attributes, local: string): number {
  const n = Number(attributes.byLocalName(local) ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

interface Sheet {
  name: string;
  hidden: boolean;
  values: CellValue[][];
  hiddenRows: number[];
  hiddenColumns: [number, number][];
  merges: MergedRange[];
}

class ContentReader implements XmlHandler {
  readonly sheets: Sheet[] = [];
  /** table styles whose table:display is false: the sheets so styled are hidden */
  private readonly hiddenStyles = new Set<string>();
  private styleName: string | null = null;
  private sheet: Sheet | null = null;
  /** tables nested in a cell (a subtable): their text is the cell's, their cells no sheet's */
  private nested = 0;
  private row = 0;
  private rowRepeat = 1;
  private rowHidden = false;
  private line: CellValue[] = [];
  private col = 0;
  private column = 0;
  // the cell being read
  private inCell = false;
  private cellRepeat = 1;
  private cellValue: CellValue = null;
  private cellType: string | undefined;
  private error = false;
  private paragraphs: string[] = [];
  private paragraph: string | null = null;
  /** inside an annotation (a comment): its paragraphs are no part of the cell's text */
  private annotation = 0;
  private copied = 0;

  private damage(zh: string, en: string) {
    const sheet = this.sheet?.name ?? "";
    return damaged({ zh: `工作表“${sheet}”${zh}`, en: `sheet "${sheet}": ${en}` });
  }

  open(name: string, attributes: Attributes): void {
    if (this.inCell && this.textOpened(name, attributes)) return;
    switch (name) {
      case "style":
        this.styleName = attributes.byLocalName("name") ?? null;
        return;
      case "table-properties":
        if (this.styleName !== null && attributes.byLocalName("display") === "false")
          this.hiddenStyles.add(this.styleName);
        return;
      case "table":
        if (this.sheet !== null) {
          this.nested++;
          return;
        }
        this.sheet = {
          name: attributes.byLocalName("name") ?? `Sheet${this.sheets.length + 1}`,
          hidden: this.hiddenStyles.has(attributes.byLocalName("style-name") ?? ""),
          values: [],
          hiddenRows: [],
          hiddenColumns: [],
          merges: [],
        };
        this.row = 0;
        this.column = 0;
        return;
    }
    if (this.sheet === null || this.nested > 0) return;
    switch (name) {
      case "table-column": {
        const n = count(attributes, "number-columns-repeated");
        if ((attributes.byLocalName("visibility") ?? "visible") !== "visible" && this.column < LAST_COLUMN)
          this.sheet.hiddenColumns.push([this.column, Math.min(this.column + n, LAST_COLUMN) - 1]);
        this.column += n;
        return;
      }
      case "table-row":
        this.rowRepeat = count(attributes, "number-rows-repeated");
        this.rowHidden = (attributes.byLocalName("visibility") ?? "visible") !== "visible";
        this.line = [];
        this.col = 0;
        if (this.row >= LAST_ROW) throw this.damage("的行数超过 1048576", "more than 1,048,576 rows");
        return;
      case "table-cell":
      case "covered-table-cell":
        this.openCell(name, attributes);
        return;
    }
  }

  /**
   * The elements of a cell's text, in the cell or in a table nested in it (its text is the cell's): paragraphs,
   * spaces (`<text:s text:c="3"/>`), tabs and line breaks, and annotations (comments), which are not its text.
   */
  private textOpened(name: string, attributes: Attributes): boolean {
    switch (name) {
      case "annotation":
        this.annotation++;
        return true;
      case "p":
      case "h":
        if (this.annotation === 0) this.paragraph = "";
        return true;
      case "s":
        if (this.paragraph !== null) this.paragraph += " ".repeat(Math.min(count(attributes, "c"), 32767));
        return true;
      case "tab":
      case "line-break":
        if (this.paragraph !== null) this.paragraph += name === "tab" ? "\t" : "\n";
        return true;
    }
    return false;
  }

  private openCell(name: string, attributes: Attributes): void {
    const sheet = this.sheet!;
    this.inCell = true;
    this.cellRepeat = count(attributes, "number-columns-repeated");
    this.paragraphs = [];
    this.paragraph = null;
    this.cellValue = null;
    this.error = attributes.get("calcext:value-type") === "error";
    this.cellType = name === "covered-table-cell" ? undefined : attributes.byLocalName("value-type");
    const rows = count(attributes, "number-rows-spanned");
    const cols = count(attributes, "number-columns-spanned");
    if (name === "table-cell" && (rows > 1 || cols > 1))
      sheet.merges.push({
        top: this.row,
        left: this.col,
        bottom: Math.min(this.row + rows, LAST_ROW) - 1,
        right: Math.min(this.col + cols, LAST_COLUMN) - 1,
      });
    switch (this.cellType) {
      case "float":
      case "percentage":
      case "currency": {
        const n = Number(attributes.byLocalName("value"));
        this.cellValue = Number.isFinite(n) ? n : null;
        break;
      }
      case "date": {
        const text = attributes.byLocalName("date-value") ?? "";
        this.cellValue = isoDate(text) ?? (text || null);
        break;
      }
      case "time": {
        const text = attributes.byLocalName("time-value") ?? "";
        this.cellValue = durationTime(text) ?? (text || null);
        break;
      }
      case "boolean":
        this.cellValue = attributes.byLocalName("boolean-value") === "true";
        break;
      case "string": {
        const text = attributes.byLocalName("string-value");
        if (text !== undefined && text !== "") this.cellValue = text;
        break;
      }
    }
  }

  close(name: string): void {
    if (name === "table") {
      if (this.nested > 0) this.nested--;
      else if (this.sheet !== null) {
        this.sheets.push(this.sheet);
        this.sheet = null;
      }
      return;
    }
    if (name === "style") {
      this.styleName = null;
      return;
    }
    if (this.inCell && (name === "p" || name === "h")) {
      if (this.paragraph !== null) this.paragraphs.push(this.paragraph);
      this.paragraph = null;
      return;
    }
    if (this.inCell && name === "annotation") {
      this.annotation--;
      return;
    }
    if (this.sheet === null || this.nested > 0) return;
    switch (name) {
      case "table-cell":
      case "covered-table-cell":
        this.closeCell(name);
        return;
      case "table-row":
        this.closeRow();
        return;
    }
  }

  text(text: string): void {
    if (this.paragraph !== null && this.annotation === 0) this.paragraph += text;
  }

  private closeCell(name: string): void {
    this.inCell = false;
    let value: CellValue = null;
    if (name === "table-cell") {
      const text = this.paragraphs.join("\n");
      if (this.error) value = text !== "" ? { error: text.trim() } : null;
      else if (this.cellValue !== null) value = this.cellValue;
      else if (this.cellType === undefined || this.cellType === "string") value = text === "" ? null : text;
    }
    const from = this.col;
    this.col = Math.min(LAST_COLUMN, this.col + this.cellRepeat);
    if (value === null || value === "") return;
    if (from + this.cellRepeat > LAST_COLUMN)
      throw this.damage("的列数超过 16384", "more than 16,384 columns");
    this.count(this.cellRepeat);
    for (let c = from; c < this.col; c++) put(this.line, c, value);
  }

  private count(cells: number): void {
    this.copied += cells;
    if (this.copied > MOST_COPIED_CELLS)
      throw this.damage(
        `重复的单元格超过 ${MOST_COPIED_CELLS} 个`,
        `its repeated cells run past ${MOST_COPIED_CELLS.toLocaleString("en")}`,
      );
  }

  private closeRow(): void {
    const sheet = this.sheet!;
    const repeat = Math.min(this.rowRepeat, LAST_ROW - this.row);
    if (this.rowHidden) {
      this.count(repeat);
      for (let r = 0; r < repeat; r++) sheet.hiddenRows.push(this.row + r);
    }
    if (this.line.length > 0) {
      if (repeat > 1) this.count(this.line.length * (repeat - 1));
      for (let r = 0; r < repeat; r++) sheet.values[this.row + r] = r === 0 ? this.line : this.line.slice();
    }
    this.row += repeat;
  }
}

/** The tables of an OpenDocument spreadsheet's content.xml as grids, in order; none when it has no content.xml. */
export async function readOdsWorkbook(zip: Zip): Promise<Grid[]> {
  const entry = zip.entry("content.xml");
  if (!entry) return [];
  const reader = new ContentReader();
  await parsePart(zip, entry, reader);
  return gridsRead(reader);
}

/** The tables of a flat OpenDocument spreadsheet (.fods: the whole document in one XML file) as grids. */
export function readFlatOds(text: string): Grid[] {
  const reader = new ContentReader();
  const scanner = new XmlScanner("OpenDocument XML", reader);
  scanner.write(text);
  scanner.end();
  return gridsRead(reader);
}

function gridsRead(reader: ContentReader): Grid[] {
  return reader.sheets.map((sheet) => {
    const grid = finishGrid(sheet.name, sheet.values, sheet.hiddenRows, sheet.hiddenColumns, sheet.merges);
    if (sheet.hidden) grid.visibility = "hidden";
    return grid;
  });
}
