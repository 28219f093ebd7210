/**
 * The pane's host over Office.js (`Excel.run`). Thin: every decision about what a sheet holds is made in
 * src/report; this layer queues few, large writes and syncs as seldom as Office's request limit allows.
 *
 * Syncs per call, whatever the number of schools (up to Office's 5 MB request limit, past which blocks are
 * split and each extra block costs one sync):
 * - readTable: 2 (3 for an Excel table): the range's size, then its values; one more where some of its rows or
 *   columns are hidden, to learn which (a selection is read within the sheet's used range);
 * - writeReport: 1 to learn the workbook's sheets, 1 to write every sheet into new temporary sheets,
 *   1 to delete the replaced report sheets and rename the new ones. A failure while writing deletes the
 *   temporary sheets again, so the workbook is left as it was.
 */
import type { Lang } from "../i18n/format";
import { REPORT_FONT, STYLE_LOOK, columnWidthPoints } from "../report/look";
import type { Report } from "../report/model";
import { wrappedHeight } from "../report/print";
import { countyTemplateSheet, type TemplateSheet } from "../report/templateSheets";
import { columnLetters, type Grid } from "../sheet/grid";
import type { ExcelHost, TableSource } from "./host";
import { REQUEST_BUDGET_BYTES, textInput } from "./layout";
import { clipped, hiddenLines, readValues, usedParts } from "./readRange";
import { queuePrint, queueSheet } from "./sheetWriter";

/** Excel.run, or the double's run. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Workbook setting listing the sheets the add-in made: [{ id, key }] (ids survive a rename by the user). */
export const REPORT_SHEETS_SETTING = "balance.reportSheets";

interface MadeSheet {
  id: string;
  key: string;
}

export interface OfficeHostOptions {
  run: RunBatch;
  template: (options: { withSample: boolean; lang: Lang }) => TemplateSheet;
  displayLanguage?: () => string;
  theme?: () => "light" | "dark";
  /** bytes per request before a write is split (tests lower it) */
  requestBudget?: number;
  /**
   * Whether the host can tell hidden rows and columns (Range.rowHidden / columnHidden, ExcelApi 1.2). Without it
   * a table is read as if nothing were hidden: the reader cannot warn of a hidden row, nor prefer the visible copy
   * of a repeated column.
   */
  seesHiddenLines?: () => boolean;
}

/** A failure the user can act on, with its message in both languages. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    readonly messages: { zh: string; en: string },
  ) {
    super(messages.en);
    this.name = "HostError";
  }
}

function parseMade(value: unknown): MadeSheet[] {
  const v = typeof value === "string" ? safeJson(value) : value;
  return Array.isArray(v)
    ? v.filter((m): m is MadeSheet => typeof m?.id === "string" && typeof m?.key === "string")
    : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "学校!F12" or "'My sheet'!A1:B2" → sheet name and local address. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function uniqueName(wanted: string, taken: Set<string>): string {
  const lower = (s: string) => s.toLowerCase();
  const takenLower = new Set([...taken].map(lower));
  if (!takenLower.has(lower(wanted))) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!takenLower.has(lower(name))) return name;
  }
}

/**
 * After a failure in the last step (deletes and renames only, every sheet already written): give each new
 * sheet still under its temporary name its final name, or a free one, so that no temporary sheet is left.
 */
async function finishRenames(
  context: Excel.RequestContext,
  ids: string[],
  finalNames: string[],
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const taken = new Set(sheets.items.map((s) => s.name));
  sheets.items.forEach((s) => {
    const i = ids.indexOf(s.id);
    if (i < 0) return;
    // a sheet renamed before the failure may still be hidden: every new sheet is shown
    s.visibility = "Visible";
    if (s.name === finalNames[i]) return;
    const name = uniqueName(finalNames[i], taken);
    taken.add(name);
    s.name = name;
  });
  await context.sync();
}

export function createOfficeHost(options: OfficeHostOptions): ExcelHost {
  const run = options.run;
  const limit = options.requestBudget ?? REQUEST_BUDGET_BYTES;

  /**
   * A range's values as a grid: one sync for its size, then its values in blocks (`readValues`). With `within`
   * (the sheet's used range), only the part of the range inside it is read: a selection of whole columns (A:AA)
   * is a million rows, nearly all of them empty.
   */
  async function readRange(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    range: Excel.Range,
    within?: Excel.Range,
  ): Promise<Grid> {
    const seesHidden = options.seesHiddenLines?.() ?? false;
    ws.load("name");
    range.load(`rowIndex,columnIndex,rowCount,columnCount${seesHidden ? ",rowHidden,columnHidden" : ""}`);
    within?.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    // values in row blocks under the response limit: one block, one sync, for any county's table
    let shape = {
      row: range.rowIndex,
      column: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
    if (within) shape = clipped(shape, within);
    const topLeft = `${columnLetters(shape.column)}${shape.row + 1}`;
    const parts = await usedParts(context, ws, shape);
    if (parts.length === 1 && parts[0] === shape) {
      const cut = shape.rows !== range.rowCount || shape.columns !== range.columnCount;
      // which of the lines read are hidden: asked of the part read, in the same request as its first values
      const lines = cut ? ws.getRangeByIndexes(shape.row, shape.column, shape.rows, shape.columns) : range;
      if (cut && seesHidden) lines.load("rowHidden,columnHidden");
      const grid: Grid = { sheet: ws.name, topLeft, values: await readValues(context, ws, shape, limit) };
      if (!seesHidden) return grid;
      // a hidden row is read with a warning; of a repeated column the visible copy is read (src/sheet/read)
      const hidden = await hiddenLines(context, ws, lines, shape);
      if (hidden.rows.length > 0) grid.hiddenRows = hidden.rows;
      if (hidden.columns.length > 0) grid.hiddenColumns = hidden.columns;
      return grid;
    }
    // the parts placed where they are in the range; rows and cells between them absent, as the .xlsx reader
    // leaves the rows and cells a file does not have
    const values: Grid["values"] = [];
    const hiddenRows = new Set<number>();
    const hiddenColumns = new Set<number>();
    for (const part of parts) {
      const top = part.row - shape.row;
      const left = part.column - shape.column;
      const block = await readValues(context, ws, part, limit);
      block.forEach((cells, i) => {
        const line = (values[top + i] ??= []);
        cells.forEach((value, j) => {
          if (value !== "" || line.length > left + j) line[left + j] = value;
        });
      });
      if (!seesHidden) continue;
      const partRange = ws.getRangeByIndexes(part.row, part.column, part.rows, part.columns);
      partRange.load("rowHidden,columnHidden");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const hidden = await hiddenLines(context, ws, partRange, part);
      for (const r of hidden.rows) hiddenRows.add(top + r);
      for (const c of hidden.columns) hiddenColumns.add(left + c);
    }
    const grid: Grid = { sheet: ws.name, topLeft, values };
    if (hiddenRows.size > 0) grid.hiddenRows = [...hiddenRows].sort((a, b) => a - b);
    if (hiddenColumns.size > 0) grid.hiddenColumns = [...hiddenColumns].sort((a, b) => a - b);
    return grid;
  }

  async function readState(context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    const marker = context.workbook.settings.getItemOrNullObject(REPORT_SHEETS_SETTING);
    marker.load("value");
    await context.sync();
    const made = marker.isNullObject ? [] : parseMade(marker.value);
    const present = sheets.items.map((s) => ({ id: s.id, name: s.name }));
    const ids = new Set(present.map((s) => s.id));
    // sheets the user deleted are forgotten
    return { present, made: made.filter((m) => ids.has(m.id)) };
  }

  /** Adds a sheet under a free name and fills it: one sync to learn the names, one to write, whatever its size. */
  async function insertSheet(template: TemplateSheet): Promise<string> {
    return run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueName(template.name, new Set(sheets.items.map((s) => s.name)));
      const ws = sheets.add(name);
      let width = 1;
      for (const r of template.rows) if (r.length > width) width = r.length;
      const rows = template.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
      ws.getRangeByIndexes(0, 0, rows.length, width).values = rows.map((r) =>
        r.map((v) => (typeof v === "string" ? textInput(v) : v)),
      );
      ws.getRangeByIndexes(0, 0, rows.length, width).format.font.name = REPORT_FONT.name;
      const header = ws.getRangeByIndexes(template.headerRow, 0, 1, width);
      header.format.font.bold = true;
      header.format.fill.color = STYLE_LOOK.header.fill as string;
      header.format.wrapText = true;
      const widths = template.columnWidths ?? [];
      widths.forEach((w, c) => {
        ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
      });
      // the header as tall as its wrapped text; the sheet prints on A4, one page wide, the header on every page
      const headerTexts = rows[template.headerRow].map((h, c) => ({
        text: String(h),
        width: widths[c] ?? 8,
      }));
      header.format.rowHeight = Math.max(
        ...headerTexts.map((h) => wrappedHeight(h.text, h.width, REPORT_FONT.size)),
      );
      queuePrint(ws, {
        orientation: "landscape",
        paper: "A4",
        fitToWidth: true,
        titleRows: [template.headerRow + 1, template.headerRow + 1],
        header: { right: template.name },
        footer: { center: "第 &P 页 共 &N 页" },
      });
      for (const cell of template.choices?.cells ?? []) {
        ws.getRange(cell).dataValidation.rule = {
          list: { inCellDropDown: true, source: template.choices!.values.join(",") },
        };
      }
      ws.freezePanes.freezeRows(template.headerRow + 1);
      ws.activate();
      await context.sync();
      return name;
    });
  }

  const host: ExcelHost = {
    async readTable(source: TableSource): Promise<Grid> {
      return run(async (context) => {
        // the selection, the used range and the table are all on the active sheet
        const ws = context.workbook.worksheets.getActiveWorksheet();
        let range: Excel.Range;
        if (source === "selection") {
          return readRange(context, ws, context.workbook.getSelectedRange(), ws.getUsedRange(true));
        } else if (source === "usedRange") range = ws.getUsedRange(true);
        else {
          // the table the selection is in; a sheet's only table wherever the selection is
          const tables = context.workbook.worksheets.getActiveWorksheet().tables;
          tables.load("items/name");
          const around = context.workbook.getSelectedRange().getTables(false);
          around.load("items/name");
          await context.sync();
          if (tables.items.length === 0) {
            throw new HostError("no-table", {
              zh: "当前工作表中没有 Excel 表格，请改用选定区域或已用区域。",
              en: "The active sheet has no Excel table: use the selection or the used range instead.",
            });
          }
          const chosen =
            around.items.length === 1 ? around.items[0] : tables.items.length === 1 ? tables.items[0] : null;
          if (!chosen) {
            const names = tables.items.map((t) => t.name).join("、");
            throw new HostError("which-table", {
              zh: `当前工作表有 ${tables.items.length} 个 Excel 表格（${names}），请先选中学校表中的一个单元格，再读取。`,
              en: `The active sheet has ${tables.items.length} Excel tables (${names}): select a cell of the school table, then read it.`,
            });
          }
          range = chosen.getRange();
        }
        return readRange(context, ws, range);
      });
    },

    async listSheets(): Promise<{ name: string; report: boolean }[]> {
      return run(async (context) => {
        // one load of the collection with every property needed: a second load of it would replace the first
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id,items/visibility");
        const marker = context.workbook.settings.getItemOrNullObject(REPORT_SHEETS_SETTING);
        marker.load("value");
        await context.sync();
        const ours = new Set((marker.isNullObject ? [] : parseMade(marker.value)).map((m) => m.id));
        return sheets.items
          .filter((s) => s.visibility === "Visible")
          .map((s) => ({ name: s.name, report: ours.has(s.id) }));
      });
    },

    async readSheet(name: string): Promise<Grid> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        return readRange(context, ws, ws.getUsedRange(true));
      });
    },

    async insertTemplate(opts: { withSample: boolean; lang: Lang }): Promise<string> {
      return insertSheet(options.template(opts));
    },

    async insertCountySheet(opts: { lang: Lang }): Promise<string> {
      return insertSheet(countyTemplateSheet(opts.lang));
    },

    async existingReportSheets(report: Report): Promise<string[]> {
      return run(async (context) => {
        const { present, made } = await readState(context);
        const keys = new Set(report.sheets.map((s) => s.key));
        const ours = new Set(made.filter((m) => keys.has(m.key)).map((m) => m.id));
        return present.filter((s) => ours.has(s.id)).map((s) => s.name);
      });
    },

    async writeReport(
      report: Report,
      opts: { replaceExisting: boolean },
    ): Promise<{ written: string[]; replaced: string[] }> {
      return run(async (context) => {
        const { present, made } = await readState(context);
        const keys = new Set(report.sheets.map((s) => s.key));
        const replaced = opts.replaceExisting ? made.filter((m) => keys.has(m.key)) : [];
        const replacedIds = new Set(replaced.map((m) => m.id));
        // names that stay taken: every sheet not being replaced
        const taken = new Set(present.filter((s) => !replacedIds.has(s.id)).map((s) => s.name));
        const finalNames: string[] = [];
        for (const sheet of report.sheets) {
          const name = uniqueName(sheet.name, taken);
          taken.add(name);
          finalNames.push(name);
        }
        const all = new Set([...present.map((s) => s.name), ...finalNames]);
        const tempNames = report.sheets.map((_, i) => uniqueName(`~balance-new-${i + 1}`, all));
        // formulas of the report name the sheets by their wanted names; point them at the temporary sheets
        const retargets = new Map<string, string>();
        report.sheets.forEach((s, i) => retargets.set(s.name, tempNames[i]));

        // the new sheets stay hidden until they are complete and carry their final names
        const added = tempNames.map((name) => {
          const ws = context.workbook.worksheets.add(name);
          ws.visibility = "Hidden";
          return ws;
        });
        const budget = {
          pending: 0,
          limit,
          flush: async () => {
            await context.sync();
            budget.pending = 0;
          },
        };
        try {
          for (let i = 0; i < report.sheets.length; i++) {
            await queueSheet(context, added[i], report.sheets[i], retargets, budget);
          }
          for (const ws of added) ws.load("id");
          await context.sync();
        } catch (error) {
          // leave no half-written sheet behind
          const leftovers = tempNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
          await context.sync().catch(() => undefined);
          for (const ws of leftovers) if (!ws.isNullObject) ws.delete();
          await context.sync().catch(() => undefined);
          throw error;
        }
        const ids = added.map((ws) => ws.id);
        // the new sheets are marked as the add-in's before anything is deleted, so that whatever a failure
        // in this last step leaves is still recognised (ids of deleted sheets are dropped when next read)
        const next: MadeSheet[] = [...made, ...report.sheets.map((s, i) => ({ id: ids[i], key: s.key }))];
        context.workbook.settings.add(REPORT_SHEETS_SETTING, JSON.stringify(next));
        for (const m of replaced) context.workbook.worksheets.getItem(m.id).delete();
        added.forEach((ws, i) => {
          ws.name = finalNames[i];
          ws.visibility = "Visible";
        });
        if (added.length > 0) added[0].activate();
        try {
          await context.sync();
        } catch (error) {
          await finishRenames(context, ids, finalNames).catch(() => undefined);
          throw error;
        }
        return {
          written: finalNames,
          replaced: present.filter((s) => replacedIds.has(s.id)).map((s) => s.name),
        };
      });
    },

    async selectCell(address: string): Promise<void> {
      await run(async (context) => {
        const { sheet, local } = splitAddress(address);
        const ws = sheet
          ? context.workbook.worksheets.getItem(sheet)
          : context.workbook.worksheets.getActiveWorksheet();
        ws.activate();
        ws.getRange(local).select();
        await context.sync();
      });
    },

    async activateSheet(name: string): Promise<void> {
      await run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    },

    async loadSettings<T>(key: string): Promise<T | null> {
      return run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(key);
        item.load("value");
        await context.sync();
        if (item.isNullObject) return null;
        const v = item.value as unknown;
        return (typeof v === "string" ? safeJson(v) : v) as T | null;
      });
    },

    async saveSettings<T>(key: string, value: T): Promise<void> {
      await run(async (context) => {
        context.workbook.settings.add(key, JSON.stringify(value));
        await context.sync();
      });
    },

    displayLanguage(): string {
      if (options.displayLanguage) return options.displayLanguage();
      return officeGlobal()?.context?.displayLanguage ?? globalThis.navigator?.language ?? "zh-CN";
    },

    theme(): "light" | "dark" {
      if (options.theme) return options.theme();
      return officeTheme();
    },
  };
  return host;
}

/** Relative luminance (0 black, 1 white) of a background below which the theme is dark. */
const DARK_BELOW = 0.5;

/**
 * Office's global where office.js has run, typed as @types/office-js types it (so that the scan of the Office.js
 * members the add-in uses, docs/task-pane.md#api-sets, sees what is read of it), though any part may be missing.
 */
function officeGlobal(): Partial<typeof Office> | undefined {
  return (globalThis as { Office?: Partial<typeof Office> }).Office;
}

/** Light or dark from Office's theme colours, else from the browser's preference. */
export function officeTheme(): "light" | "dark" {
  const bg = officeGlobal()?.context?.officeTheme?.bodyBackgroundColor;
  const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg) : null;
  if (m) {
    const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < DARK_BELOW ? "dark" : "light";
  }
  const media = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
  return media?.matches ? "dark" : "light";
}
