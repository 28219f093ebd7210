/**
 * The Excel errors a BALANCE function can return. The strings are the values of Office's
 * CustomFunctions.ErrorCode (invalidValue, divisionByZero, notAvailable, invalidNumber, nullReference).
 */
export type ExcelErrorKind = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!" | "#NULL!";

/** The error values a function may return as they are (Office takes #REF! and #NAME? in, never out). */
export const RETURNABLE_ERRORS: ReadonlySet<string> = new Set<ExcelErrorKind>([
  "#VALUE!",
  "#DIV/0!",
  "#N/A",
  "#NUM!",
  "#NULL!",
]);

/**
 * A bad argument, as data the Excel layer turns into an error value. The message is bilingual because
 * Excel shows it as it is, whatever the display language.
 */
export class FunctionError extends Error {
  readonly kind: ExcelErrorKind;
  readonly zh: string;
  readonly en: string;

  constructor(kind: ExcelErrorKind, message: { zh: string; en: string }) {
    super(`${message.zh} / ${message.en}`);
    this.name = "FunctionError";
    this.kind = kind;
    this.zh = message.zh;
    this.en = message.en;
  }
}

export function valueError(zh: string, en: string): FunctionError {
  return new FunctionError("#VALUE!", { zh, en });
}
