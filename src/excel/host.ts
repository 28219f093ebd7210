import type { Lang } from "../i18n/format";
import type { Report } from "../report/model";
import type { Grid } from "../sheet/grid";

/** Where the school table is taken from. */
export type TableSource = "selection" | "table" | "usedRange";

/**
 * What the task pane calls. Implemented over Office.js (`Excel.run`, src/excel/officeHost.ts)
 * and over the in-memory Excel double (demo mode, tests, end-to-end runs).
 */
export interface ExcelHost {
  /** reads the school table; a constant number of syncs whatever the number of schools */
  readTable(source: TableSource): Promise<Grid>;
  /**
   * the workbook's visible sheets in their order; `report` marks the sheets the add-in made (for choosing another
   * year's school table, which is never one of them)
   */
  listSheets(): Promise<{ name: string; report: boolean }[]>;
  /** reads a sheet's used range by the sheet's name, as readTable reads the active sheet's */
  readSheet(name: string): Promise<Grid>;
  /** inserts the template sheet (as `balance template`); returns the sheet's name */
  insertTemplate(options: { withSample: boolean; lang: Lang }): Promise<string>;
  /** inserts the county sheet (县级指标, as `balance template --county`) to fill in; returns the sheet's name */
  insertCountySheet(options: { lang: Lang }): Promise<string>;
  /**
   * builds every sheet fully, then replaces; touches only sheets the add-in made. `written`: the new sheets' names;
   * `replaced`: the names the replaced sheets had, gone from the workbook unless a new sheet took the same name
   */
  writeReport(
    report: Report,
    options: { replaceExisting: boolean },
  ): Promise<{ written: string[]; replaced: string[] }>;
  /** the report sheets that already exist (for the confirmation before replacing) */
  existingReportSheets(report: Report): Promise<string[]>;
  /** selects a cell, e.g. "学校!F12" */
  selectCell(address: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** workbook settings (the column mapping) */
  loadSettings<T>(key: string): Promise<T | null>;
  saveSettings<T>(key: string, value: T): Promise<void>;
  /** Office.context.displayLanguage, or navigator.language outside Office */
  displayLanguage(): string;
  theme(): "light" | "dark";
}
