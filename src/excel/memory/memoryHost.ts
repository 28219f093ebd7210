/**
 * The pane's host over an in-memory workbook (the Excel double): demo mode, and the web app's workbook opened from
 * disk. It is the same Office.js code as inside Excel (createOfficeHost over the double's proxies); on top it keeps
 * what the pane made — report sheets as the report model, inserted sheets as their template — by sheet id, so that
 * the workbook can be written out as an .xlsx by the same renderer as `balance evaluate --out`.
 */
import type { ExcelDouble } from "../double/excel";
import type { ExcelHost } from "../host";
import { createOfficeHost } from "../officeHost";
import { retarget } from "../sheetWriter";
import { countyTemplateSheet, templateSheet, type TemplateSheet } from "../../report/templateSheets";
import type { ReportSheet } from "../../report/model";
import type { WorkbookView } from "./workbookView";
import { workbookView } from "./workbookView";

/** A sheet the pane added to the workbook. */
export type MadeSheet = { kind: "report"; sheet: ReportSheet } | { kind: "template"; sheet: TemplateSheet };

export interface MemoryWorkbook {
  excel: ExcelDouble;
  host: ExcelHost;
  /** the sheets as the pane's sheet viewer shows them */
  view: WorkbookView;
  /** sheets the pane made, by the double's sheet id, each under the name it carries in the workbook */
  made: Map<string, MadeSheet>;
}

export interface MemoryHostOptions {
  displayLanguage: () => string;
  theme: () => "light" | "dark";
}

/** A report sheet under the name the workbook gave it, its formulas pointing at the names the others were given. */
function renamed(sheet: ReportSheet, name: string, names: Map<string, string>): ReportSheet {
  const moved = [...names].some(([from, to]) => from !== to);
  if (!moved) return sheet.name === name ? sheet : { ...sheet, name };
  return {
    ...sheet,
    name,
    rows: sheet.rows.map((row) =>
      row.map((cell) => (cell?.formula ? { ...cell, formula: retarget(cell.formula, names) } : cell)),
    ),
  };
}

/** The host of an in-memory workbook: Office.js over the double, remembering what the pane made. */
export function memoryWorkbook(excel: ExcelDouble, options: MemoryHostOptions): MemoryWorkbook {
  const office = createOfficeHost({
    run: (batch) => excel.run((context) => batch(context as unknown as Excel.RequestContext)),
    template: templateSheet,
    displayLanguage: options.displayLanguage,
    theme: options.theme,
    seesHiddenLines: () => true,
  });
  const made = new Map<string, MadeSheet>();
  const idOf = (name: string) => excel.model.sheet(name)?.id;
  const remember = (name: string, sheet: MadeSheet) => {
    const id = idOf(name);
    if (id) made.set(id, sheet);
  };
  const forget = () => {
    // sheets replaced or deleted since
    const present = new Set(excel.model.sheets.map((s) => s.id));
    for (const id of made.keys()) if (!present.has(id)) made.delete(id);
  };

  const host: ExcelHost = {
    ...office,
    async insertTemplate(opts) {
      const name = await office.insertTemplate(opts);
      remember(name, { kind: "template", sheet: { ...templateSheet(opts), name } });
      return name;
    },
    async insertCountySheet(opts) {
      const name = await office.insertCountySheet(opts);
      remember(name, { kind: "template", sheet: { ...countyTemplateSheet(opts.lang), name } });
      return name;
    },
    async writeReport(report, opts) {
      const result = await office.writeReport(report, opts);
      forget();
      const names = new Map(report.sheets.map((s, i) => [s.name, result.written[i] ?? s.name]));
      report.sheets.forEach((sheet, i) => {
        const name = result.written[i];
        if (name) remember(name, { kind: "report", sheet: renamed(sheet, name, names) });
      });
      return result;
    },
  };
  return { excel, host, view: workbookView(excel.model), made };
}
