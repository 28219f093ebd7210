/**
 * An in-memory Excel with Office's load/sync semantics, for tests and the pane's demo mode outside Office.
 * It implements the subset of the Excel JavaScript API that src/excel uses:
 * - proxy objects whose properties throw until they are loaded and the context synced;
 * - writes queued and applied, in order, only at `context.sync()`; a failing operation stops the request
 *   after the ones before it were applied (Office's batches are not transactions either);
 * - a sync counter, the payload size of each request and Office's 5 MB request limit;
 * - a way to make a chosen sync fail midway, to test what a failure leaves behind.
 */
import { columnLetters, parseAddress } from "../../sheet/grid";
import { payloadBytes } from "./bytes";
import { PageBreakCollection, PageLayout, RangeBorders } from "./pageLayout";
import {
  parseRect,
  rectAddress,
  WorkbookModel,
  type CellFormat,
  type CellValidation,
  type Rect,
  type SheetModel,
} from "./model";

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export { payloadBytes };

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeError";
  }
}

interface Operation {
  name: string;
  bytes: number;
  apply: () => void;
}

export interface RequestRecord {
  sync: number;
  operations: number;
  bytes: number;
  responseBytes?: number;
  names: string[];
}

/** Size of loaded data in a response; proxies (collection items) count as a small object each. */
function responseBytes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + responseBytes(v), 2);
  if (value instanceof ClientObject) return 64;
  return payloadBytes(value);
}

function errorWithCode(e: unknown): OfficeError {
  if (e instanceof OfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const m = /^(\w+): (.*)$/s.exec(message);
  return m ? new OfficeError(m[1], m[2]) : new OfficeError("GeneralException", message);
}

export class ExcelDouble {
  readonly model = new WorkbookModel();
  syncCount = 0;
  readonly requests: RequestRecord[] = [];
  /** loaded values of the request being run, handed to their proxies only if the whole request succeeds */
  private staged: { bytes: number; commit: () => void }[] = [];
  /** the sync (1-based, counted over the double's life) that fails after applying half its operations */
  failAtSync: number | null = null;
  requestLimit = REQUEST_LIMIT_BYTES;

  /** Excel.run: runs the batch, then syncs whatever it left queued. */
  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new RequestContext(this);
    const result = await batch(context);
    if (context.pending.length > 0) await context.sync();
    return result;
  }

  /** A sheet with the given rows from A1 (test and demo set-up, outside any request). */
  addSheetWithValues(name: string, rows: unknown[][]): SheetModel {
    const sheet = this.model.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => this.model.writeInput(sheet, r, c, v)));
    this.model.changed();
    return sheet;
  }

  /** Values of a sheet as Office returns them, over its used range from A1. */
  valuesOf(name: string): (number | string | boolean)[][] {
    const sheet = this.model.requireSheet(name);
    const used = this.model.usedRect(sheet);
    if (!used) return [];
    const out: (number | string | boolean)[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: (number | string | boolean)[] = [];
      for (let c = 0; c <= used.c1; c++) row.push(this.model.officeValue(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Runs the queued operations of a request: the whole of it, or up to a failure. */
  execute(ops: Operation[]): void {
    this.syncCount++;
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    this.requests.push({
      sync: this.syncCount,
      operations: ops.length,
      bytes,
      names: ops.map((o) => o.name),
    });
    if (bytes > this.requestLimit) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${bytes} bytes over ${this.requestLimit}`,
      );
    }
    const failing = this.failAtSync === this.syncCount;
    const stop = failing ? Math.floor(ops.length / 2) : ops.length;
    this.staged = [];
    try {
      for (let i = 0; i < stop; i++) ops[i].apply();
    } finally {
      this.model.changed();
    }
    if (failing)
      throw new OfficeError("GeneralException", `the double failed sync ${this.syncCount} on purpose`);
    // Office's responses have the same 5 MB limit: a request loading more fails and loads nothing
    const response = this.staged.reduce((n, s) => n + s.bytes, 0);
    this.requests[this.requests.length - 1].responseBytes = response;
    if (response > this.requestLimit) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${response} bytes over ${this.requestLimit}`,
      );
    }
    for (const s of this.staged) s.commit();
  }

  /** Called by a load while a request runs: the values reach the proxy when the request succeeds. */
  stage(bytes: number, commit: () => void): void {
    this.staged.push({ bytes, commit });
  }
}

export class RequestContext {
  pending: Operation[] = [];
  readonly workbook: Workbook;
  constructor(readonly excel: ExcelDouble) {
    this.workbook = new Workbook(this);
  }
  get model(): WorkbookModel {
    return this.excel.model;
  }
  queue(name: string, bytes: number, apply: () => void): void {
    this.pending.push({ name, bytes: bytes + name.length + 16, apply });
  }
  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    try {
      this.excel.execute(ops);
    } catch (e) {
      throw errorWithCode(e);
    }
  }
}

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

function loadList(option: LoadOption): string[] | null {
  if (option === undefined) return null;
  const raw = typeof option === "string" || Array.isArray(option) ? option : (option.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

/** A proxy: reading a property before `load` + `sync` throws, as in Office. */
abstract class ClientObject {
  protected loaded: Record<string, unknown> = {};
  protected synced = false;
  constructor(protected readonly ctx: RequestContext) {}

  protected abstract readProperty(name: string): unknown;
  protected abstract scalarProperties(): string[];

  protected prop<T>(name: string): T {
    if (!(name in this.loaded)) {
      throw new OfficeError(
        "PropertyNotLoaded",
        `"${name}" is not available: load it and call context.sync()`,
      );
    }
    return this.loaded[name] as T;
  }

  load(option?: LoadOption): this {
    const props = loadList(option) ?? this.scalarProperties();
    // "items/name,items/id" loads the items once with both properties
    const heads = new Map<string, string[]>();
    for (const p of props) {
      const [head, ...rest] = p.split("/");
      const subs = heads.get(head) ?? [];
      if (rest.length) subs.push(rest.join("/"));
      heads.set(head, subs);
    }
    this.ctx.queue("load", 8 * props.length, () => {
      const values: [string, unknown][] = [];
      let bytes = 0;
      for (const [head, subs] of heads) {
        const value = this.readProperty(subs.length ? `${head}/${subs.join(",")}` : head);
        values.push([head, value]);
        bytes += responseBytes(value);
      }
      this.ctx.excel.stage(bytes, () => {
        for (const [head, value] of values) this.loaded[head] = value;
      });
    });
    return this;
  }
}

// ---- ranges ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function dims(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.r1 - rect.r0 + 1, cols: rect.c1 - rect.c0 + 1 };
}

function check2d(value: unknown, rect: Rect, what: string): unknown[][] {
  const { rows, cols } = dims(rect);
  if (
    !Array.isArray(value) ||
    value.length !== rows ||
    value.some((r) => !Array.isArray(r) || r.length !== cols)
  ) {
    throw new OfficeError(
      "InvalidArgument",
      `${what}: a ${rows}×${cols} array is needed for ${rectAddress(rect)}`,
    );
  }
  return value as unknown[][];
}

class FormatPart {
  constructor(
    private readonly owner: { applyFormat(name: string, f: (c: CellFormat) => void, bytes: number): void },
    private readonly fields: Record<string, keyof CellFormat>,
  ) {}
  set(name: string, value: unknown): void {
    const key = this.fields[name];
    this.owner.applyFormat(
      `format.${name}`,
      (f) => ((f as Record<string, unknown>)[key] = value),
      payloadBytes(value),
    );
  }
}

class RangeFill {
  constructor(private readonly part: FormatPart) {}
  set color(v: string) {
    this.part.set("fill", v);
  }
  clear(): void {
    this.part.set("fill", undefined);
  }
}

class RangeFont {
  constructor(private readonly part: FormatPart) {}
  set bold(v: boolean) {
    this.part.set("bold", v);
  }
  set italic(v: boolean) {
    this.part.set("italic", v);
  }
  set color(v: string) {
    this.part.set("fontColor", v);
  }
  set size(v: number) {
    this.part.set("size", v);
  }
  set name(v: string) {
    this.part.set("fontName", v);
  }
}

class RangeFormat {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  readonly borders: RangeBorders;
  private readonly part: FormatPart;
  constructor(
    private readonly range: {
      applyFormat(name: string, f: (c: CellFormat) => void, bytes: number): void;
      ctx: RequestContext;
      target(): RangeTarget;
    },
  ) {
    this.part = new FormatPart(range, {
      fill: "fill",
      bold: "bold",
      italic: "italic",
      fontColor: "fontColor",
      fontName: "fontName",
      size: "size",
      wrap: "wrap",
      horizontalAlignment: "align",
      verticalAlignment: "verticalAlign",
    });
    this.fill = new RangeFill(this.part);
    this.font = new RangeFont(this.part);
    this.borders = new RangeBorders({
      applyCells: (name, f, bytes) =>
        range.ctx.queue(name, bytes, () => {
          const { sheet, rect } = range.target();
          for (let r = rect.r0; r <= rect.r1; r++) {
            for (let c = rect.c0; c <= rect.c1; c++) {
              const cell = range.ctx.model.ensureCell(sheet, r, c);
              cell.format = { ...cell.format };
              f(cell.format, r, c, rect);
            }
          }
        }),
    });
  }
  set rowHeight(points: number) {
    this.range.ctx.queue("format.rowHeight", 8, () => {
      const { sheet, rect } = this.range.target();
      for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, points);
    });
  }
  set verticalAlignment(v: string) {
    this.part.set("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.part.set("wrap", v);
  }
  set columnWidth(points: number) {
    this.range.ctx.queue("format.columnWidth", 8, () => {
      const { sheet, rect } = this.range.target();
      for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, points);
    });
  }
  set horizontalAlignment(v: string) {
    this.part.set("horizontalAlignment", v);
  }
  autofitColumns(): void {
    this.range.ctx.queue("format.autofitColumns", 0, () => undefined);
  }
}

/**
 * A range's data validation: only list rules are modelled. Setting `rule` applies to every cell of the range
 * when synced; a loaded `rule` is that of the range's first cell ({} without one), as Office gives a uniform one.
 */
class DataValidation extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly range: { target(): RangeTarget },
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["rule"];
  }
  protected readProperty(name: string): unknown {
    if (name !== "rule") throw new OfficeError("InvalidArgument", `the double has no dataValidation.${name}`);
    const { sheet, rect } = this.range.target();
    const validation = this.ctx.model.cell(sheet, rect.r0, rect.c0)?.validation;
    return validation ? { list: { ...validation.list } } : {};
  }
  get rule(): { list?: CellValidation["list"] } {
    return this.prop("rule");
  }
  set rule(v: { list?: Partial<CellValidation["list"]> }) {
    const list = v.list;
    if (!list || typeof list.source !== "string") {
      throw new OfficeError("InvalidArgument", "the double models list rules only");
    }
    const validation = { list: { inCellDropDown: list.inCellDropDown ?? true, source: list.source } };
    this.ctx.queue("dataValidation.rule", payloadBytes(validation), () => {
      const { sheet, rect } = this.range.target();
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          this.ctx.model.ensureCell(sheet, r, c).validation = { list: { ...validation.list } };
        }
      }
    });
  }
}

export class Range extends ClientObject {
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  constructor(
    ctx: RequestContext,
    private readonly resolve: () => RangeTarget | null,
  ) {
    super(ctx);
    this.format = new RangeFormat({
      ctx,
      target: () => this.target(),
      applyFormat: (name, f, bytes) => this.applyFormat(name, f, bytes),
    });
    this.dataValidation = new DataValidation(ctx, { target: () => this.target() });
  }

  target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new OfficeError("InvalidObjectPath", "the range does not exist");
    return t;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }
  /** marks this proxy as a null-object range: isNullObject is known after the next sync */
  trackNull(): this {
    this.ctx.queue("isNullObject", 0, () => (this.loaded.isNullObject = this.resolve() === null));
    return this;
  }

  protected scalarProperties(): string[] {
    return [
      "address",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "values",
      "formulas",
      "numberFormat",
    ];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    const model = this.ctx.model;
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: T[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return model.address(sheet, rect);
      case "rowCount":
        return dims(rect).rows;
      case "columnCount":
        return dims(rect).cols;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "values":
        return grid((r, c) => model.officeValue(sheet, r, c));
      case "formulas":
        return grid((r, c) => {
          const cell = model.cell(sheet, r, c);
          return cell?.formula ?? (cell?.value === null || cell?.value === undefined ? "" : cell.value);
        });
      case "numberFormat":
        return grid((r, c) => model.cell(sheet, r, c)?.numberFormat ?? "General");
      default:
        throw new OfficeError("InvalidArgument", `the double has no range property ${name}`);
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.writeCells("range.values", v);
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeCells("range.formulas", v);
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue("range.numberFormat", payloadBytes(v), () => {
      const { sheet, rect } = this.target();
      const rows = check2d(v, rect, "numberFormat");
      rows.forEach((row, i) =>
        row.forEach((f, j) => {
          const cell = this.ctx.model.ensureCell(sheet, rect.r0 + i, rect.c0 + j);
          if (f === null || f === "" || f === "General") delete cell.numberFormat;
          else cell.numberFormat = String(f);
        }),
      );
    });
  }

  private writeCells(name: string, v: unknown[][]): void {
    this.ctx.queue(name, payloadBytes(v), () => {
      const { sheet, rect } = this.target();
      const rows = check2d(v, rect, name);
      rows.forEach((row, i) =>
        row.forEach((x, j) => this.ctx.model.writeInput(sheet, rect.r0 + i, rect.c0 + j, x)),
      );
    });
  }

  applyFormat(name: string, f: (c: CellFormat) => void, bytes: number): void {
    this.ctx.queue(name, bytes, () => {
      const { sheet, rect } = this.target();
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.ctx.model.ensureCell(sheet, r, c);
          cell.format = { ...cell.format };
          f(cell.format);
        }
      }
    });
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.ctx, () => this.target().sheet);
  }

  getCell(row: number, column: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.target();
      const r = rect.r0 + row;
      const c = rect.c0 + column;
      return { sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }

  merge(_across = false): void {
    this.ctx.queue("range.merge", 8, () => {
      const { sheet, rect } = this.target();
      sheet.merges.push({ ...rect });
    });
  }

  select(): void {
    this.ctx.queue("range.select", 8, () => {
      const { sheet, rect } = this.target();
      this.ctx.model.activeSheet = sheet.name;
      this.ctx.model.selection = { sheet: sheet.name, rect };
    });
  }
}

/** Several areas of one sheet (worksheet.getRanges): formats apply to each. */
export class RangeAreas {
  readonly format: RangeFormat;
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetModel,
    private readonly address: string,
  ) {
    this.format = new RangeFormat({
      ctx,
      target: () => {
        throw new OfficeError("InvalidArgument", "column widths are set on ranges, not on areas");
      },
      applyFormat: (name, f, bytes) =>
        ctx.queue(`areas.${name}`, bytes + payloadBytes(address), () => {
          const sheet = this.sheet();
          for (const part of this.address.split(",")) {
            const rect = parseRect(part);
            for (let r = rect.r0; r <= rect.r1; r++) {
              for (let c = rect.c0; c <= rect.c1; c++) {
                const cell = this.ctx.model.ensureCell(sheet, r, c);
                cell.format = { ...cell.format };
                f(cell.format);
              }
            }
          }
        }),
    });
  }
}

// ---- worksheets -----------------------------------------------------------------------------------------

class FreezePanes {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  freezeRows(count: number): void {
    this.ctx.queue("freezePanes.freezeRows", 8, () => (this.sheet().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.ctx.queue("freezePanes.freezeColumns", 8, () => (this.sheet().freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: Range | string): void {
    this.ctx.queue("freezePanes.freezeAt", 16, () => {
      const rect = typeof range === "string" ? parseRect(range) : range.target().rect;
      this.sheet().freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.ctx.queue("freezePanes.unfreeze", 8, () => (this.sheet().freeze = null));
  }
}

class ChartTitle {
  constructor(private readonly chart: Chart) {}
  set text(v: string) {
    this.chart.update("chart.title", (m) => (m.title = v));
  }
}

class ChartSeries {
  constructor(
    private readonly chart: Chart,
    private readonly index: () => number,
  ) {}
  set name(v: string) {
    this.chart.update("series.name", (m) => (m.series[this.index()].name = v));
  }
  setValues(range: Range): void {
    this.chart.update(
      "series.setValues",
      (m) => (m.series[this.index()].values = rectAddress(range.target().rect)),
    );
  }
  setXAxisValues(range: Range): void {
    this.chart.update("series.setXAxisValues", (m) => {
      m.series[this.index()].categories = rectAddress(range.target().rect);
    });
  }
}

class ChartSeriesCollection {
  constructor(private readonly chart: Chart) {}
  add(name?: string): ChartSeries {
    let index = -1;
    this.chart.update("series.add", (m) => {
      m.series.push({ name: name ?? `Series${m.series.length + 1}`, values: "" });
      index = m.series.length - 1;
    });
    return new ChartSeries(this.chart, () => index);
  }
  getItemAt(i: number): ChartSeries {
    return new ChartSeries(this.chart, () => i);
  }
}

export class Chart {
  readonly title: ChartTitle;
  readonly series: ChartSeriesCollection;
  constructor(
    private readonly ctx: RequestContext,
    readonly model: () => import("./model").ChartModel,
  ) {
    this.title = new ChartTitle(this);
    this.series = new ChartSeriesCollection(this);
  }
  update(name: string, f: (m: import("./model").ChartModel) => void): void {
    this.ctx.queue(name, 32, () => f(this.model()));
  }
  setPosition(from: Range | string, to?: Range | string): void {
    const a = (x: Range | string) => (typeof x === "string" ? x : rectAddress(x.target().rect));
    this.update(
      "chart.setPosition",
      (m) => (m.position = { from: a(from), to: to === undefined ? a(from) : a(to) }),
    );
  }
}

class ChartCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    let model: import("./model").ChartModel | null = null;
    this.ctx.queue("charts.add", 32, () => {
      const { rect } = sourceData.target();
      const byRows = seriesBy === "Rows";
      const count = byRows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
      const series = [];
      for (let i = 0; i < count; i++) {
        const part = byRows
          ? { ...rect, r0: rect.r0 + i, r1: rect.r0 + i }
          : { ...rect, c0: rect.c0 + i, c1: rect.c0 + i };
        series.push({ name: `Series${i + 1}`, values: rectAddress(part) });
      }
      model = { type, title: "", series };
      this.sheet().charts.push(model);
    });
    return new Chart(this.ctx, () => {
      if (!model) throw new OfficeError("InvalidObjectPath", "the chart was not created");
      return model;
    });
  }
}

class Table extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => SheetModel,
    private readonly index: () => number,
  ) {
    super(ctx);
  }
  private table() {
    const t = this.sheet().tables[this.index()];
    if (!t) throw new OfficeError("ItemNotFound", `table ${this.index()}`);
    return t;
  }
  protected scalarProperties(): string[] {
    return ["name"];
  }
  protected readProperty(name: string): unknown {
    if (name === "name") return this.table().name;
    throw new OfficeError("InvalidArgument", `the double has no table property ${name}`);
  }
  get name(): string {
    return this.prop("name");
  }
  getRange(): Range {
    return new Range(this.ctx, () => ({ sheet: this.sheet(), rect: this.table().rect }));
  }
}

class TableCollection extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(name: string): unknown {
    if (name === "items" || name.startsWith("items/")) {
      return this.sheet().tables.map((_, i) => {
        const t = new Table(this.ctx, this.sheet, () => i);
        (t as unknown as { loaded: Record<string, unknown> }).loaded.name = this.sheet().tables[i].name;
        return t;
      });
    }
    throw new OfficeError("InvalidArgument", `the double has no tables property ${name}`);
  }
  get items(): Table[] {
    return this.prop("items");
  }
  getItemAt(index: number): Table {
    return new Table(this.ctx, this.sheet, () => index);
  }
  add(address: string, _hasHeaders: boolean): Table {
    let index = -1;
    this.ctx.queue("tables.add", 16, () => {
      const sheet = this.sheet();
      const all = this.ctx.model.sheets.flatMap((s) => s.tables);
      sheet.tables.push({ name: `Table${all.length + 1}`, rect: parseRect(address.replace(/^.*!/, "")) });
      index = sheet.tables.length - 1;
    });
    return new Table(this.ctx, this.sheet, () => index);
  }
}

export class Worksheet extends ClientObject {
  readonly freezePanes: FreezePanes;
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  readonly verticalPageBreaks: PageBreakCollection;
  readonly charts: ChartCollection;
  readonly tables: TableCollection;
  constructor(
    ctx: RequestContext,
    private readonly resolve: () => SheetModel | undefined,
  ) {
    super(ctx);
    const sheet = () => this.sheet();
    this.freezePanes = new FreezePanes(ctx, sheet);
    this.pageLayout = new PageLayout(ctx, sheet);
    this.horizontalPageBreaks = new PageBreakCollection(ctx, sheet, "rowBreaks");
    this.verticalPageBreaks = new PageBreakCollection(ctx, sheet, "columnBreaks");
    this.charts = new ChartCollection(ctx, sheet);
    this.tables = new TableCollection(ctx, sheet);
  }
  sheet(): SheetModel {
    const s = this.resolve();
    if (!s) throw new OfficeError("ItemNotFound", "the worksheet does not exist");
    return s;
  }
  trackNull(): this {
    this.ctx.queue("isNullObject", 0, () => (this.loaded.isNullObject = this.resolve() === undefined));
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  protected scalarProperties(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected readProperty(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.ctx.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      default:
        throw new OfficeError("InvalidArgument", `the double has no worksheet property ${name}`);
    }
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.ctx.queue("worksheet.name", payloadBytes(v), () => this.ctx.model.renameSheet(this.sheet(), v));
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.queue("worksheet.visibility", 16, () => (this.sheet().visibility = v));
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, () => ({
      sheet: this.sheet(),
      rect: address === undefined ? { r0: 0, c0: 0, r1: 1048575, c1: 16383 } : parseRect(address),
    }));
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range {
    return new Range(this.ctx, () => ({
      sheet: this.sheet(),
      rect: { r0: row, c0: column, r1: row + rowCount - 1, c1: column + columnCount - 1 },
    }));
  }
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.ctx, () => this.sheet(), address);
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const sheet = this.sheet();
      // Office gives A1 for an empty sheet
      return { sheet, rect: this.ctx.model.usedRect(sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const sheet = this.sheet();
      const rect = this.ctx.model.usedRect(sheet, valuesOnly);
      return rect ? { sheet, rect } : null;
    }).trackNull();
  }
  activate(): void {
    this.ctx.queue("worksheet.activate", 8, () => (this.ctx.model.activeSheet = this.sheet().name));
  }
  delete(): void {
    this.ctx.queue("worksheet.delete", 8, () => this.ctx.model.deleteSheet(this.sheet()));
  }
}

class WorksheetCollection extends ClientObject {
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(name: string): unknown {
    if (name === "items" || name.startsWith("items/")) {
      const props = name.includes("/")
        ? name.slice(name.indexOf("/") + 1).split(",")
        : ["name", "id", "position", "visibility"];
      return this.ctx.model.sheets.map((s) => {
        const w = new Worksheet(this.ctx, () => s);
        const loaded = (w as unknown as { loaded: Record<string, unknown> }).loaded;
        for (const p of props)
          loaded[p] = (w as unknown as { readProperty(n: string): unknown }).readProperty(p);
        return w;
      });
    }
    throw new OfficeError("InvalidArgument", `the double has no worksheets property ${name}`);
  }
  get items(): Worksheet[] {
    return this.prop("items");
  }
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this.ctx.queue("worksheets.add", payloadBytes(name ?? ""), () => {
      let n = name;
      for (let i = this.ctx.model.sheets.length + 1; !n; i++)
        if (!this.ctx.model.sheet(`Sheet${i}`)) n = `Sheet${i}`;
      created = this.ctx.model.addSheet(n);
    });
    return new Worksheet(this.ctx, () => created);
  }
  getItem(name: string): Worksheet {
    // an id or a name, as in Office
    return new Worksheet(this.ctx, () => this.find(name) ?? this.missing(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.find(name)).trackNull();
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => {
      const m = this.ctx.model;
      return (m.activeSheet ? m.sheet(m.activeSheet) : undefined) ?? m.sheets[0];
    });
  }
  private find(key: string): SheetModel | undefined {
    return this.ctx.model.sheets.find((s) => s.id === key) ?? this.ctx.model.sheet(key);
  }
  private missing(name: string): never {
    throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
  }
}

class Setting extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["key", "value"];
  }
  protected readProperty(name: string): unknown {
    if (!this.ctx.model.settings.has(this.key))
      throw new OfficeError("ItemNotFound", `no setting ${this.key}`);
    if (name === "key") return this.key;
    if (name === "value") return structuredClone(this.ctx.model.settings.get(this.key));
    throw new OfficeError("InvalidArgument", `the double has no setting property ${name}`);
  }
  trackNull(): this {
    this.ctx.queue(
      "isNullObject",
      0,
      () => (this.loaded.isNullObject = !this.ctx.model.settings.has(this.key)),
    );
    return this;
  }
  override load(option?: LoadOption): this {
    // loading a null object's properties gives nothing rather than failing the request
    const props = loadList(option) ?? this.scalarProperties();
    this.ctx.queue("load", 16, () => {
      if (!this.ctx.model.settings.has(this.key)) return;
      for (const p of props) this.loaded[p] = this.readProperty(p);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  get value(): unknown {
    return this.prop("value");
  }
  delete(): void {
    this.ctx.queue("setting.delete", 8, () => this.ctx.model.settings.delete(this.key));
  }
}

class SettingCollection {
  constructor(private readonly ctx: RequestContext) {}
  add(key: string, value: unknown): Setting {
    this.ctx.queue("settings.add", payloadBytes(key) + payloadBytes(JSON.stringify(value)), () =>
      this.ctx.model.settings.set(key, structuredClone(value)),
    );
    return new Setting(this.ctx, key);
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.ctx, key).trackNull();
  }
  getItem(key: string): Setting {
    return new Setting(this.ctx, key);
  }
}

class NamedItem extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["name", "formula"];
  }
  protected readProperty(name: string): unknown {
    const formula = this.ctx.model.names.get(this.key);
    if (formula === undefined) throw new OfficeError("ItemNotFound", `no name ${this.key}`);
    return name === "name" ? this.key : formula;
  }
  trackNull(): this {
    this.ctx.queue("isNullObject", 0, () => (this.loaded.isNullObject = !this.ctx.model.names.has(this.key)));
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  delete(): void {
    this.ctx.queue("name.delete", 8, () => this.ctx.model.names.delete(this.key));
  }
}

class NamedItemCollection {
  constructor(private readonly ctx: RequestContext) {}
  add(name: string, reference: Range | string, _comment?: string): NamedItem {
    this.ctx.queue("names.add", payloadBytes(name) + 32, () => {
      const formula =
        typeof reference === "string"
          ? reference
          : `=${this.ctx.model.address(reference.target().sheet, reference.target().rect)}`;
      this.ctx.model.names.set(name, formula);
    });
    return new NamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, name).trackNull();
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  readonly names: NamedItemCollection;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.settings = new SettingCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }
  getSelectedRange(): Range {
    return new Range(this.ctx, () => {
      const m = this.ctx.model;
      if (m.selection) return { sheet: m.requireSheet(m.selection.sheet), rect: m.selection.rect };
      const sheet = (m.activeSheet ? m.sheet(m.activeSheet) : undefined) ?? m.sheets[0];
      return { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}

/** Selects a range in the double (test and demo set-up, outside any request), e.g. "学校!A1:Z40". */
export function selectInDouble(excel: ExcelDouble, address: string): void {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : excel.model.activeSheet!;
  const rect = parseRect(address.slice(bang + 1));
  excel.model.activeSheet = excel.model.requireSheet(sheet).name;
  excel.model.selection = { sheet: excel.model.activeSheet, rect };
}

export { columnLetters, parseAddress };
