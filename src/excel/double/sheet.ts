/**
 * The double's ranges and worksheets, which refer to each other as in Office's object model (`range.worksheet`,
 * `worksheet.getRange()`), and a worksheet's tables.
 */
import { payloadBytes } from "./bytes";
import { ChartCollection } from "./charts";
import { ClientObject } from "./clientObject";
import { OfficeError, type ProxyContext } from "./context";
import { FreezePanes } from "./freezePanes";
import { parseRect, type CellFormat, type Rect, type SheetModel } from "./model";
import { PageBreakCollection, PageLayout } from "./pageLayout";
import { DataValidation, RangeFormat } from "./rangeFormat";
import { check2d, dims, type RangeTarget } from "./target";

export class Range extends ClientObject {
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  constructor(
    ctx: ProxyContext,
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
      "rowHidden",
      "columnHidden",
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
      case "rowHidden":
        return allOrNone(sheet.hiddenRows, rect.r0, rect.r1);
      case "columnHidden":
        return allOrNone(sheet.hiddenColumns, rect.c0, rect.c1);
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

  /** Office: true when every row of the range is hidden, false when none is, null when some are. */
  get rowHidden(): boolean | null {
    return this.prop("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.ctx.queue("range.rowHidden", 8, () => {
      const { sheet, rect } = this.target();
      hideLines(sheet.hiddenRows, rect.r0, rect.r1, hidden);
    });
  }
  /** Office: true when every column of the range is hidden, false when none is, null when some are. */
  get columnHidden(): boolean | null {
    return this.prop("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.ctx.queue("range.columnHidden", 8, () => {
      const { sheet, rect } = this.target();
      hideLines(sheet.hiddenColumns, rect.c0, rect.c1, hidden);
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

  /** The used part of this range (Office's Range.getUsedRangeOrNullObject): a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.target();
      const used = this.ctx.model.usedRect(sheet, valuesOnly, rect);
      return used ? { sheet, rect: used } : null;
    }).trackNull();
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

  /** The range's `row`-th row (0-based). */
  getRow(row: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.target();
      const r = rect.r0 + row;
      return r > rect.r1 ? null : { sheet, rect: { ...rect, r0: r, r1: r } };
    });
  }

  /** The range's `column`-th column (0-based). */
  getColumn(column: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.target();
      const c = rect.c0 + column;
      return c > rect.c1 ? null : { sheet, rect: { ...rect, c0: c, c1: c } };
    });
  }

  /** The tables of the range's sheet that share a cell with it, or lie wholly inside it (ExcelApi 1.9). */
  getTables(fullyContained = false): TableCollection {
    return new TableCollection(this.ctx, () => this.target().sheet, {
      rect: () => this.target().rect,
      fullyContained,
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

/** Office's rowHidden / columnHidden of the lines `from`..`to`: all hidden, none, or null for some. */
function allOrNone(hidden: ReadonlySet<number>, from: number, to: number): boolean | null {
  let count = 0;
  for (const line of hidden) if (line >= from && line <= to) count++;
  return count === 0 ? false : count === to - from + 1 ? true : null;
}

function hideLines(hidden: Set<number>, from: number, to: number, hide: boolean): void {
  for (let line = from; line <= to; line++) {
    if (hide) hidden.add(line);
    else hidden.delete(line);
  }
}

/** Several areas of one sheet (worksheet.getRanges): formats apply to each. */
export class RangeAreas {
  readonly format: RangeFormat;
  constructor(
    private readonly ctx: ProxyContext,
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

class Table extends ClientObject {
  constructor(
    ctx: ProxyContext,
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

/** Whether two rectangles share a cell, or whether `inner` lies wholly inside `outer`. */
function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1;
}

class TableCollection extends ClientObject {
  /**
   * A sheet's tables; with `around`, only those that share a cell with that range (Range.getTables), or that lie
   * wholly inside it when `fullyContained`.
   */
  constructor(
    ctx: ProxyContext,
    private readonly sheet: () => SheetModel,
    private readonly around?: { rect: () => Rect; fullyContained: boolean },
  ) {
    super(ctx);
  }
  protected scalarProperties(): string[] {
    return ["items"];
  }
  protected readProperty(name: string): unknown {
    if (name === "items" || name.startsWith("items/")) {
      const tables = this.sheet().tables;
      const around = this.around;
      const range = around?.rect();
      return tables.flatMap((table, i) => {
        if (around && range) {
          const inside = around.fullyContained ? contains(range, table.rect) : overlaps(range, table.rect);
          if (!inside) return [];
        }
        const t = new Table(this.ctx, this.sheet, () => i);
        (t as unknown as { loaded: Record<string, unknown> }).loaded.name = table.name;
        return [t];
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
    ctx: ProxyContext,
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
    this.ctx.queue("worksheet.activate", 8, () => {
      const model = this.ctx.model;
      model.activeSheet = this.sheet().name;
      // the selection is always on the active sheet: another sheet's is not carried over
      if (model.selection && model.selection.sheet !== model.activeSheet) model.selection = null;
    });
  }
  delete(): void {
    this.ctx.queue("worksheet.delete", 8, () => this.ctx.model.deleteSheet(this.sheet()));
  }
}
