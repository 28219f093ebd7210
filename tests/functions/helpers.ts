import { FunctionError, type ExcelErrorKind } from "../../src/functions/errors";

/** Runs `fn`, which must throw a FunctionError, and returns what Excel would show. */
export function excelError(fn: () => unknown): { kind: ExcelErrorKind; zh: string; en: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunctionError) return { kind: error.kind, zh: error.zh, en: error.en };
    throw error;
  }
  throw new Error("expected a FunctionError, but the function returned");
}
