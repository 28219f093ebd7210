/** The double's formats of a range (fill, font, borders, alignment, number format) and its data validation. */
import { payloadBytes } from "./bytes";
import { ClientObject } from "./clientObject";
import { OfficeError, type ProxyContext } from "./context";
import type { CellFormat, CellValidation } from "./model";
import { RangeBorders } from "./pageLayout";
import type { RangeTarget } from "./target";

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

export class RangeFormat {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  readonly borders: RangeBorders;
  private readonly part: FormatPart;
  constructor(
    private readonly range: {
      applyFormat(name: string, f: (c: CellFormat) => void, bytes: number): void;
      ctx: ProxyContext;
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
export class DataValidation extends ClientObject {
  constructor(
    ctx: ProxyContext,
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
