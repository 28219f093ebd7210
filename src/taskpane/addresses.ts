import type { Grid } from "../sheet/grid";
import { gridRangeAddress } from "../xlsx/reportFile";

/** Splits "学校!F12" or "'My sheet'!$F$12" into sheet and cell. */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cell: address.replace(/\$/g, "") };
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, "") };
}

/**
 * "学校!A1:AB40": the range a grid was read from, for the summary sheet. Rows are looked at one by one: a grid of
 * a million rows is more than one call takes arguments, and a file's grid may lack rows.
 */
export function gridRange(grid: Grid): string {
  return gridRangeAddress(grid);
}

/** Today as the report prints it (ISO date, local time). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
