import type { WorkbookModel } from "../double/model";

/** A cell as the demo's sheet viewer shows it: the text Excel would display, and how to shade it. */
export interface ShownCell {
  text: string;
  numeric: boolean;
  /** the cell's fill and font as the sheet sets them (CSS colours) */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/**
 * The rows and columns the viewer shows of a sheet, from A1: a sheet with a stray value at XFD1048576 is shown by
 * its corner, never built whole (17 billion cells).
 */
export const SHOWN_ROWS = 400;
export const SHOWN_COLUMNS = 200;

export interface ShownSheet {
  name: string;
  /** at most SHOWN_ROWS rows of at most SHOWN_COLUMNS cells */
  rows: ShownCell[][];
  /** the sheet's used range from A1, shown or not */
  rowCount: number;
  columnCount: number;
}

/** The in-memory workbook of demo mode, as the viewer reads it (formulas already calculated). */
export interface WorkbookView {
  sheets(): Promise<ShownSheet[]>;
}

type Scalar = ReturnType<WorkbookModel["valueAt"]>;

/** Thousands grouped with commas, as both zh-CN and en-US Excel show them. */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The text Excel shows for a value under a number format — the formats the report uses: General,
 * "0", "0.00", "0.0000", "#,##0", "#,##0.00", "0.0%". Other formats fall back to General.
 */
export function displayText(value: Scalar, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const f = format && format !== "General" ? format : null;
  if (!f || !/0/.test(f)) {
    // General: up to 10 significant digits, as Excel shows in a normal-width column
    return String(Number(value.toPrecision(10)));
  }
  const percent = f.includes("%");
  const decimals = /\.(0+)/.exec(f)?.[1].length ?? 0;
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const negative = scaled < 0 && Number(fixed) !== 0;
  const text = (f.includes(",") ? group(int) : int) + (frac ? `.${frac}` : "");
  return `${negative ? "-" : ""}${text}${percent ? "%" : ""}`;
}

/** The visible sheets of the double's workbook, values calculated, as the demo's sheet viewer shows them. */
export function workbookView(model: WorkbookModel): WorkbookView {
  return {
    async sheets(): Promise<ShownSheet[]> {
      return model.sheets
        .filter((sheet) => sheet.visibility === "Visible")
        .map((sheet) => {
          const used = model.usedRect(sheet);
          const rows: ShownCell[][] = [];
          if (used) {
            for (let r = 0; r <= Math.min(used.r1, SHOWN_ROWS - 1); r++) {
              const row: ShownCell[] = [];
              for (let c = 0; c <= Math.min(used.c1, SHOWN_COLUMNS - 1); c++) {
                const cell = model.cell(sheet, r, c);
                const value = cell ? model.valueAt(sheet.name, r, c) : null;
                const shown: ShownCell = {
                  text: displayText(value, cell?.numberFormat),
                  numeric: typeof value === "number",
                };
                if (cell?.format?.fill) shown.fill = cell.format.fill;
                if (cell?.format?.fontColor) shown.fontColor = cell.format.fontColor;
                if (cell?.format?.bold) shown.bold = true;
                row.push(shown);
              }
              rows.push(row);
            }
          }
          return {
            name: sheet.name,
            rows,
            rowCount: used ? used.r1 + 1 : 0,
            columnCount: used ? used.c1 + 1 : 0,
          };
        });
    },
  };
}
