import type { ExcelHost, TableSource } from "../../src/excel/host";
import type { Lang } from "../../src/i18n/format";
import type { Report } from "../../src/report/model";
import { COUNTY_SHEET_NAME, countyTemplateRows } from "../../src/sheet/countySheet";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { TEMPLATE_COLUMNS, templateHeader } from "../../src/standard/columns";

/**
 * An ExcelHost over plain arrays, recording every call the pane makes. Report sheets it writes are
 * remembered as the add-in's own, so a second write finds them and the pane must ask before replacing.
 */
export class FakeHost implements ExcelHost {
  sheets = new Map<string, CellValue[][]>();
  active = "学校";
  settings = new Map<string, unknown>();
  reportSheets = new Set<string>();
  calls: { method: string; args: unknown[] }[] = [];
  written: Report[] = [];
  failNextWrite: Error | null = null;

  constructor(
    table: CellValue[][],
    private readonly language = "zh-CN",
    private readonly officeTheme: "light" | "dark" = "light",
  ) {
    this.sheets.set(this.active, table);
  }

  private log(method: string, ...args: unknown[]) {
    this.calls.push({ method, args });
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async readTable(source: TableSource): Promise<Grid> {
    this.log("readTable", source);
    const values = this.sheets.get(this.active) ?? [];
    return { sheet: this.active, topLeft: "A1", values: values.map((r) => [...r]) };
  }

  async listSheets(): Promise<{ name: string; report: boolean }[]> {
    this.log("listSheets");
    return [...this.sheets.keys()].map((name) => ({ name, report: this.reportSheets.has(name) }));
  }

  async readSheet(name: string): Promise<Grid> {
    this.log("readSheet", name);
    const values = this.sheets.get(name);
    if (!values) throw new Error(`no sheet ${name}`);
    return { sheet: name, topLeft: "A1", values: values.map((r) => [...r]) };
  }

  async insertTemplate(options: { withSample: boolean; lang: Lang }): Promise<string> {
    this.log("insertTemplate", options);
    const name = this.sheets.has("学校数据") ? "学校数据 (2)" : "学校数据";
    this.sheets.set(name, [TEMPLATE_COLUMNS.map(templateHeader)]);
    this.active = name;
    return name;
  }

  failNextCountySheet: Error | null = null;

  async insertCountySheet(options: { lang: Lang }): Promise<string> {
    this.log("insertCountySheet", options);
    if (this.failNextCountySheet) {
      const error = this.failNextCountySheet;
      this.failNextCountySheet = null;
      throw error;
    }
    const name = this.sheets.has(COUNTY_SHEET_NAME) ? `${COUNTY_SHEET_NAME} (2)` : COUNTY_SHEET_NAME;
    this.sheets.set(name, countyTemplateRows(options.lang));
    this.active = name;
    return name;
  }

  async writeReport(
    report: Report,
    options: { replaceExisting: boolean },
  ): Promise<{ written: string[]; replaced: string[] }> {
    this.log("writeReport", report, options);
    if (this.failNextWrite) {
      const error = this.failNextWrite;
      this.failNextWrite = null;
      throw error;
    }
    const clash = report.sheets.filter((s) => this.reportSheets.has(s.name));
    if (clash.length > 0 && !options.replaceExisting) throw new Error("report sheets exist");
    const replaced = clash.map((s) => s.name);
    for (const sheet of report.sheets) {
      this.sheets.set(
        sheet.name,
        sheet.rows.map((row) => row.map((cell) => (cell.formula ?? cell.value ?? null) as CellValue)),
      );
      this.reportSheets.add(sheet.name);
    }
    this.written.push(report);
    return { written: report.sheets.map((s) => s.name), replaced };
  }

  async existingReportSheets(report: Report): Promise<string[]> {
    this.log("existingReportSheets", report);
    return report.sheets.map((s) => s.name).filter((n) => this.reportSheets.has(n));
  }

  async selectCell(address: string): Promise<void> {
    this.log("selectCell", address);
  }

  async activateSheet(name: string): Promise<void> {
    this.log("activateSheet", name);
    if (!this.sheets.has(name)) throw new Error(`no sheet ${name}`);
    this.active = name;
  }

  async loadSettings<T>(key: string): Promise<T | null> {
    this.log("loadSettings", key);
    return this.settings.has(key) ? (JSON.parse(JSON.stringify(this.settings.get(key))) as T) : null;
  }

  async saveSettings<T>(key: string, value: T): Promise<void> {
    this.log("saveSettings", key, value);
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  }

  displayLanguage(): string {
    return this.language;
  }

  theme(): "light" | "dark" {
    return this.officeTheme;
  }
}
