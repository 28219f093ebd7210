/**
 * The state of the in-memory Excel double: sheets of cells with values, formulas, number formats and styles,
 * charts, tables, page layout, and the workbook's settings and names. The proxies in ./excel.ts change it
 * only when a request is synced, as Office does.
 */
import { columnIndex, columnLetters, sheetRef } from "../../sheet/grid";
import { FormulaEvaluator, isError, type Scalar } from "./formula";

export type BorderSide = "top" | "bottom" | "left" | "right";

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
  /** Office's horizontalAlignment: Left, Center, Right */
  align?: string;
  verticalAlign?: string;
  /** the line style of each side that has a border (Continuous) */
  borders?: Partial<Record<BorderSide, string>>;
}

/** Office's page layout of a sheet, as far as the writers set it. */
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  fitToWidth: boolean;
  scale: number | null;
  printOrder: string;
  centerHorizontally: boolean;
  /** points */
  margins: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
  headersFooters: Record<string, string>;
  /** A1 addresses of the cells before which a page starts (rows: horizontal breaks; columns: vertical) */
  rowBreaks: string[];
  columnBreaks: string[];
}

/** A list of answers offered in the cell (Office's `dataValidation.rule.list`). */
export interface CellValidation {
  list: { inCellDropDown: boolean; source: string };
}

export interface CellModel {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
  validation?: CellValidation;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ChartModel {
  type: string;
  title: string;
  /** the axes' titles, once set */
  axisTitles?: { category?: string; value?: string };
  series: { name: string; values: string; categories?: string }[];
  position?: { from: string; to: string };
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  rows: (CellModel | undefined)[][];
  columnWidths: Map<number, number>;
  merges: Rect[];
  freeze: { rows: number; columns: number } | null;
  rowHeights: Map<number, number>;
  /** 0-based indices of the rows and columns hidden in the sheet */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  pageLayout: PageLayoutModel;
  charts: ChartModel[];
  tables: { name: string; rect: Rect }[];
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Parses "A1", "A1:C3", "$A$1:$C$3", "A:C" or "1:3" into a 0-based rectangle. */
export function parseRect(address: string): Rect {
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: bad address ${address}`);
    return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = cell(a);
  const q = cell(b);
  const r0 = p.row ?? 0;
  const r1 = q.row ?? MAX_ROWS - 1;
  const c0 = p.col ?? 0;
  const c1 = q.col ?? MAX_COLUMNS - 1;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The longest name Excel gives a sheet, and the characters it refuses in one. */
export const LONGEST_SHEET_NAME = 31;
export const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  names = new Map<string, string>();
  activeSheet: string | null = null;
  selection: { sheet: string; rect: Rect } | null = null;
  private nextId = 1;
  private cache = new Map<string, Scalar>();
  private evaluating = new Set<string>();
  private evaluator = new FormulaEvaluator((sheet, row, col) => this.valueAt(sheet, row, col));

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    if (!name || name.length > LONGEST_SHEET_NAME || FORBIDDEN_IN_SHEET_NAME.test(name))
      throw new Error(`InvalidArgument: sheet name ${name}`);
    const sheet: SheetModel = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      rows: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      merges: [],
      freeze: null,
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        printTitleRows: null,
        printTitleColumns: null,
        fitToWidth: false,
        scale: null,
        printOrder: "DownThenOver",
        centerHorizontally: false,
        margins: {},
        headersFooters: {},
        rowBreaks: [],
        columnBreaks: [],
      },
      charts: [],
      tables: [],
    };
    this.sheets.push(sheet);
    if (this.activeSheet === null) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1)
      throw new Error("InvalidOperation: a workbook keeps at least one visible sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet?.toLowerCase() === sheet.name.toLowerCase()) this.activeSheet = this.sheets[0].name;
    this.changed();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    if (this.activeSheet === sheet.name) this.activeSheet = name;
    if (this.selection?.sheet === sheet.name) this.selection.sheet = name;
    // as Excel does, formulas that refer to the sheet follow it to its new name
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.'])${escapeRegExp(sheetRef(sheet.name))}!`, "gu");
    const replacement = `${sheetRef(name)}!`;
    for (const s of this.sheets) {
      for (const row of s.rows) {
        if (!row) continue;
        for (const cell of row) {
          if (cell?.formula) cell.formula = cell.formula.replace(pattern, () => replacement);
        }
      }
    }
    sheet.name = name;
    this.changed();
  }

  /** Drops every computed value: called after any write. */
  changed(): void {
    this.cache.clear();
  }

  cell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.rows[row]?.[col];
  }

  ensureCell(sheet: SheetModel, row: number, col: number): CellModel {
    let r = sheet.rows[row];
    if (!r) r = sheet.rows[row] = [];
    let c = r[col];
    if (!c) c = r[col] = { value: null };
    return c;
  }

  /**
   * Writes what Office's `formulas` (or `values`) setter writes: a string starting with "=" is a formula, one
   * starting with an apostrophe the text after it, kept as text whatever it looks like.
   */
  writeInput(sheet: SheetModel, row: number, col: number, input: unknown): void {
    const cell = this.ensureCell(sheet, row, col);
    if (typeof input === "string" && input.startsWith("'")) {
      delete cell.formula;
      cell.value = input.length > 1 ? input.slice(1) : null;
    } else if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
      cell.formula = input;
      cell.value = null;
    } else {
      delete cell.formula;
      cell.value =
        input === "" || input === null || input === undefined
          ? null
          : typeof input === "number" || typeof input === "boolean" || typeof input === "string"
            ? input
            : String(input);
    }
  }

  /** The value of a cell as Excel computes it (formulas evaluated, blank as null). */
  valueAt(sheetName: string, row: number, col: number): Scalar {
    const sheet = this.sheet(sheetName);
    if (!sheet) return { error: "#REF!" };
    const cell = this.cell(sheet, row, col);
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    const key = `${sheet.id}:${row}:${col}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(key)) return { error: "#CIRC!" };
    this.evaluating.add(key);
    const value = this.evaluator.evaluate(cell.formula, sheet.name);
    this.evaluating.delete(key);
    this.cache.set(key, value);
    return value;
  }

  /** A value as Office's `values` returns it: "" for blank, "#DIV/0!" for errors. */
  officeValue(sheet: SheetModel, row: number, col: number): number | string | boolean {
    const v = this.valueAt(sheet.name, row, col);
    if (v === null) return "";
    if (isError(v)) return v.error;
    return v as number | string | boolean;
  }

  /** The used range of the sheet, or of the part of it within `within`: null when nothing is there. */
  usedRect(sheet: SheetModel, valuesOnly = false, within?: Rect): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    sheet.rows.forEach((row, r) => {
      if (!row || (within && (r < within.r0 || r > within.r1))) return;
      row.forEach((cell, c) => {
        if (!cell || (within && (c < within.c0 || c > within.c1))) return;
        const hasValue = cell.formula !== undefined || (cell.value !== null && cell.value !== "");
        if (valuesOnly && !hasValue) return;
        if (!hasValue && !cell.numberFormat && !cell.format) return;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  address(sheet: SheetModel, rect: Rect): string {
    return `${sheetRef(sheet.name)}!${rectAddress(rect)}`;
  }

  /** A deep copy of everything a user could see, to compare a workbook before and after. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        sheets: this.sheets.map((s) => ({
          ...s,
          columnWidths: [...s.columnWidths.entries()],
          rowHeights: [...s.rowHeights.entries()],
        })),
        settings: [...this.settings.entries()],
        names: [...this.names.entries()],
      }),
    );
  }
}
