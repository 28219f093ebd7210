/** Where the report's 数据来源 says the table was read. */
import { columnLetters, parseAddress, sheetRef } from "../sheet/grid";

/** The A1 range a grid covers, e.g. 学校!A1:AA40, for the report's 数据来源. */
export function gridRangeAddress(grid: {
  sheet: string;
  topLeft: string;
  values: readonly (readonly unknown[] | undefined)[];
}): string {
  const origin = parseAddress(grid.topLeft);
  // rows may be absent or short (a file's grid holds only the cells that exist), and a million long
  let width = 1;
  for (const row of grid.values) if (row !== undefined && row.length > width) width = row.length;
  const height = Math.max(1, grid.values.length);
  const last = `${columnLetters(origin.col + width - 1)}${origin.row + height}`;
  return `${sheetRef(grid.sheet)}!${columnLetters(origin.col)}${origin.row + 1}:${last}`;
}
