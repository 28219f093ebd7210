import type { Problem } from "../problems";

/**
 * A problem of reading through a recipe (docs/import.md#problems). Its codes are the reader's where the problem is
 * the same (not-a-number, negative-number…), and the recipe's own otherwise (several-counties, campus-parent-missing…).
 */
export function recipeProblem(
  severity: Problem["severity"],
  code: string,
  cell: string | null,
  zh: string,
  en: string,
): Problem {
  return { severity, code, cell, message: { zh, en } };
}
