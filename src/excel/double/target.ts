/** Where a range proxy points when its request runs: a sheet and a rectangle of it. */
import { OfficeError } from "./context";
import { rectAddress, type Rect, type SheetModel } from "./model";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function dims(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.r1 - rect.r0 + 1, cols: rect.c1 - rect.c0 + 1 };
}

export function check2d(value: unknown, rect: Rect, what: string): unknown[][] {
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

/** A range as charts and freeze panes take it: anything that finds its target when the request runs. */
export interface TargetedRange {
  target(): RangeTarget;
}
