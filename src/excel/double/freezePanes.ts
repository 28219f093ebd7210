/** The double's freeze panes of a worksheet. */
import type { ProxyContext } from "./context";
import { parseRect, type SheetModel } from "./model";
import type { TargetedRange } from "./target";

export class FreezePanes {
  constructor(
    private readonly ctx: ProxyContext,
    private readonly sheet: () => SheetModel,
  ) {}
  freezeRows(count: number): void {
    this.ctx.queue("freezePanes.freezeRows", 8, () => (this.sheet().freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.ctx.queue("freezePanes.freezeColumns", 8, () => (this.sheet().freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: TargetedRange | string): void {
    this.ctx.queue("freezePanes.freezeAt", 16, () => {
      const rect = typeof range === "string" ? parseRect(range) : range.target().rect;
      this.sheet().freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.ctx.queue("freezePanes.unfreeze", 8, () => (this.sheet().freeze = null));
  }
}
