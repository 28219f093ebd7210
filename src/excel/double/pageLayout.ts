/**
 * The double's proxies of what a sheet prints like: a range's borders, and a worksheet's page layout (page
 * set-up, margins, repeated rows and columns, header and footer) and page breaks. Like every proxy of the
 * double, they change the model only when the request is synced.
 */
import type { RequestContext } from "./excel";
import { payloadBytes } from "./bytes";
import type { BorderSide, CellFormat, PageLayoutModel, Rect, SheetModel } from "./model";

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/** One edge of a range's borders: setting its style draws it on the sides of the cells that edge covers. */
class RangeBorder {
  constructor(
    private readonly owner: {
      applyCells(
        name: string,
        f: (c: CellFormat, r: number, col: number, rect: Rect) => void,
        bytes: number,
      ): void;
    },
    private readonly edge: BorderEdge,
  ) {}
  set style(v: string) {
    const edge = this.edge;
    this.owner.applyCells(
      `format.borders.${edge}.style`,
      (f, r, c, rect) => {
        const sides: BorderSide[] = [];
        if (edge === "EdgeTop" && r === rect.r0) sides.push("top");
        if (edge === "EdgeBottom" && r === rect.r1) sides.push("bottom");
        if (edge === "EdgeLeft" && c === rect.c0) sides.push("left");
        if (edge === "EdgeRight" && c === rect.c1) sides.push("right");
        if (edge === "InsideHorizontal") {
          if (r > rect.r0) sides.push("top");
          if (r < rect.r1) sides.push("bottom");
        }
        if (edge === "InsideVertical") {
          if (c > rect.c0) sides.push("left");
          if (c < rect.c1) sides.push("right");
        }
        if (sides.length === 0) return;
        f.borders = { ...f.borders };
        for (const side of sides) {
          if (v === "None") delete f.borders[side];
          else f.borders[side] = v;
        }
      },
      16,
    );
  }
  set weight(_v: string) {
    this.owner.applyCells(`format.borders.${this.edge}.weight`, () => undefined, 8);
  }
  set color(_v: string) {
    this.owner.applyCells(`format.borders.${this.edge}.color`, () => undefined, 8);
  }
}

export class RangeBorders {
  constructor(
    private readonly owner: {
      applyCells(
        name: string,
        f: (c: CellFormat, r: number, col: number, rect: Rect) => void,
        bytes: number,
      ): void;
    },
  ) {}
  getItem(edge: BorderEdge): RangeBorder {
    return new RangeBorder(this.owner, edge);
  }
}

export class PageLayout {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  set orientation(v: string) {
    this.ctx.queue("pageLayout.orientation", 16, () => (this.sheet().pageLayout.orientation = v));
  }
  set paperSize(v: string) {
    this.ctx.queue("pageLayout.paperSize", 16, () => (this.sheet().pageLayout.paperSize = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.ctx.queue("pageLayout.zoom", 32, () => {
      const layout = this.sheet().pageLayout;
      layout.fitToWidth = v.horizontalFitToPages === 1;
      layout.scale = v.scale ?? null;
    });
  }
  setPrintTitleRows(address: string): void {
    this.ctx.queue(
      "pageLayout.setPrintTitleRows",
      16,
      () => (this.sheet().pageLayout.printTitleRows = address),
    );
  }
  setPrintTitleColumns(address: string): void {
    this.ctx.queue(
      "pageLayout.setPrintTitleColumns",
      16,
      () => (this.sheet().pageLayout.printTitleColumns = address),
    );
  }
  set printOrder(v: string) {
    this.ctx.queue("pageLayout.printOrder", 16, () => (this.sheet().pageLayout.printOrder = v));
  }
  set centerHorizontally(v: boolean) {
    this.ctx.queue(
      "pageLayout.centerHorizontally",
      8,
      () => (this.sheet().pageLayout.centerHorizontally = v),
    );
  }
  private margin(side: keyof PageLayoutModel["margins"], points: number): void {
    this.ctx.queue(`pageLayout.${side}Margin`, 8, () => (this.sheet().pageLayout.margins[side] = points));
  }
  set leftMargin(v: number) {
    this.margin("left", v);
  }
  set rightMargin(v: number) {
    this.margin("right", v);
  }
  set topMargin(v: number) {
    this.margin("top", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottom", v);
  }
  set headerMargin(v: number) {
    this.margin("header", v);
  }
  set footerMargin(v: number) {
    this.margin("footer", v);
  }
  /** headersFooters.defaultForAllPages: the six parts of the header and footer of every page */
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const parts = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
    const pages = {} as Record<string, string>;
    for (const part of parts) {
      Object.defineProperty(pages, part, {
        set: (v: string) =>
          ctx.queue(
            `headersFooters.${part}`,
            payloadBytes(v),
            () => (sheet().pageLayout.headersFooters[part] = v),
          ),
      });
    }
    return { defaultForAllPages: pages };
  }
}

/** A worksheet's horizontal or vertical page breaks: `add` starts a page at a cell's row or column. */
export class PageBreakCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: () => SheetModel,
    private readonly kind: "rowBreaks" | "columnBreaks",
  ) {}
  add(address: string): void {
    this.ctx.queue(`${this.kind}.add`, payloadBytes(address), () =>
      this.sheet().pageLayout[this.kind].push(address),
    );
  }
}
