import { parseAddress, type CellValue } from "../sheet/grid";
import type { Problem } from "../problems/problem";
import { FunctionError } from "./errors";
import type { ArgumentCell } from "./args";

/** The sheet name of the grids the functions build; the reader's messages name cells of this sheet. */
export const ARGUMENT_SHEET = "学校";

/**
 * An argument cell as the reader takes it: Excel's error values become an error cell, named by their code when
 * Excel gives one (a CustomFunctions.Error's `code`, such as "#N/A"), so that a message names the error the cell holds.
 */
export function toCellValue(value: ArgumentCell): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const code = (value as { code?: unknown }).code;
  return { error: typeof code === "string" && code.startsWith("#") ? code : "#VALUE!" };
}

/**
 * The first error of a read as a #VALUE! for Excel. A function does not know where its argument sits in the
 * workbook, so the reader's cell address (学校!J2 of the grid built from the argument) is replaced by `where`, a
 * description relative to the argument; the rest of the message is the reader's own.
 */
export function firstReadError(
  problems: readonly Problem[],
  where: (cell: { row: number; col: number; letters: string }) => { zh: string; en: string },
): FunctionError | null {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return null;
  const first = errors[0];
  let { zh, en } = first.message;
  if (first.cell !== null && first.cell.startsWith(`${ARGUMENT_SHEET}!`)) {
    const address = first.cell.slice(ARGUMENT_SHEET.length + 1);
    const at = parseAddress(address);
    const letters = address.replace(/\d+$/, "");
    const place = where({ row: at.row, col: at.col, letters });
    zh = zh.split(first.cell).join(place.zh);
    en = en.split(first.cell).join(place.en);
  }
  if (errors.length > 1) {
    zh += `（另有 ${errors.length - 1} 处错误）`;
    en += ` (and ${errors.length - 1} more)`;
  }
  return new FunctionError("#VALUE!", { zh, en });
}
