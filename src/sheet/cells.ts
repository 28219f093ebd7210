/**
 * What a cell holds, as the reader needs to know it. Hosts hand over Excel's values, exceljs's (formula results,
 * rich text, hyperlinks) or a test's; anything is accepted here and classified, nothing throws.
 */
export type CellReading =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; text: string }
  | { kind: "error"; text: string }
  /** a formula whose result was never calculated (a `{ formula }` cell of grid.ts): its value is unknown, not blank */
  | { kind: "formula"; text: string }
  /** NaN or ±Infinity: never a figure a person typed */
  | { kind: "notFinite"; text: string };

const EXCEL_ERRORS =
  /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|GETTING_DATA)$/iu;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Text of a cell for display in a message. */
export function shownValue(reading: CellReading): string {
  switch (reading.kind) {
    case "blank":
      return "";
    case "number":
      return String(reading.value);
    case "boolean":
      return reading.value ? "TRUE" : "FALSE";
    default:
      return reading.text;
  }
}

export function readCell(value: unknown, depth = 0): CellReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "notFinite", text: String(value) };
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (!text) return { kind: "blank" };
    // every error value starts with #: most cells are spared the pattern
    if (text.charCodeAt(0) === 35 && EXCEL_ERRORS.test(text)) return { kind: "error", text };
    return { kind: "text", text };
  }
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    const time = value.getTime();
    return { kind: "date", text: Number.isNaN(time) ? "Invalid Date" : value.toISOString().slice(0, 10) };
  }
  if (typeof value === "bigint") return readCell(Number(value), depth);
  if (isRecord(value) && depth < 3) {
    if (typeof value.error === "string") return { kind: "error", text: value.error };
    if ("formula" in value && value.result === undefined) {
      return { kind: "formula", text: typeof value.formula === "string" ? value.formula : "" };
    }
    // exceljs: a formula with its cached result, rich text, a hyperlink
    if ("result" in value) return readCell(value.result, depth + 1);
    if (Array.isArray(value.richText)) {
      const text = value.richText
        .map((run: unknown) => (isRecord(run) ? String(run.text ?? "") : ""))
        .join("");
      return readCell(text, depth + 1);
    }
    if (typeof value.text === "string") return readCell(value.text, depth + 1);
  }
  return { kind: "text", text: Object.prototype.toString.call(value) };
}

/** Conventional marks for "none" in Chinese statistical tables: read as a blank cell. */
const NONE_MARK = /^(?:-+|—+|–+|\/|\\)$/u;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

/**
 * A number written as text, as clerks write it: "1,234", "１２３" (full-width digits), " 45 ", "1，234"
 * (full-width comma). Returns null when the text is not a number.
 */
export function numberFromText(text: string): number | null {
  const s = text.normalize("NFKC").replace(/[\s\u2212]/gu, (c) => (c === "\u2212" ? "-" : ""));
  if (GROUPED.test(s)) return Number(s.replace(/,/gu, ""));
  if (PLAIN.test(s)) return Number(s);
  return null;
}

export type NumberReading =
  { kind: "blank" } | { kind: "number"; value: number } | { kind: "notNumber"; cell: CellReading };

/** A cell where a number belongs: a number, a number written as text, a blank (or a "none" mark), or not a number. */
export function readNumber(value: unknown): NumberReading {
  const cell = readCell(value);
  if (cell.kind === "blank") return cell;
  if (cell.kind === "number") return cell;
  if (cell.kind === "text") {
    const folded = cell.text.normalize("NFKC").replace(/\s+/gu, "");
    if (NONE_MARK.test(folded)) return { kind: "blank" };
    const n = numberFromText(cell.text);
    if (n !== null && Number.isFinite(n)) return { kind: "number", value: n };
  }
  return { kind: "notNumber", cell };
}

/** Text of a cell where text belongs (a name, a type). Numbers are accepted as text (a school named 1). */
export function readText(
  value: unknown,
): { kind: "blank" } | { kind: "text"; text: string } | { kind: "notText"; cell: CellReading } {
  const cell = readCell(value);
  if (cell.kind === "blank") return cell;
  if (cell.kind === "text") return cell;
  if (cell.kind === "number") return { kind: "text", text: String(cell.value) };
  return { kind: "notText", cell };
}

/** A line break typed into a cell (Alt+Enter) with the spaces around it. */
const LINE_BREAK = /[ \t\u3000]*[\r\n\u2028\u2029]+[ \t\u3000]*/gu;
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A name as one line: a cell wrapped by hand in a printed export (巴彦呼舒镇⏎第二小学) names the school without
 * the break. Between Chinese characters the break is dropped, elsewhere it is a space (No.1⏎Primary School).
 */
export function singleLine(text: string): string {
  if (!/[\r\n\u2028\u2029]/u.test(text)) return text;
  return text.replace(LINE_BREAK, (lineBreak: string, at: number) =>
    WIDE.test(text[at - 1] ?? "") || WIDE.test(text[at + lineBreak.length] ?? "") ? "" : " ",
  );
}
