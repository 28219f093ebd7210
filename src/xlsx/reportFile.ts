/** Where the report's 数据来源 says the table was read. */
import { columnLetters, parseAddress, sheetRef } from "../sheet/grid";

/** The A1 range a grid covers, e.g. 学校!A1:AA40, for the report's 数据来源. */
export function gridRangeAddress(grid: { sheet: string; topLeft: string; values: unknown[][] }): string {
  const origin = parseAddress(grid.topLeft);
  // a loop, not Math.max(...rows): a county of 300,000 rows is more arguments than a call can take
  let width = 1;
  for (const row of grid.values) width = Math.max(width, row.length);
  const height = Math.max(1, grid.values.length);
  const last = `${columnLetters(origin.col + width - 1)}${origin.row + height}`;
  return `${sheetRef(grid.sheet)}!${columnLetters(origin.col)}${origin.row + 1}:${last}`;
}
