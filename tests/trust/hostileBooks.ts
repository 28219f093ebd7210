/**
 * Hostile workbooks (issue 13), built apart from the catalogue: one small county typed into the clean template
 * that `balance template` writes, and the same county as a clerk or a careless program saves it — raw XML through
 * fflate, or exceljs. What each must give is the clean template's verdict, or an error naming its cell.
 */
import { evaluate, type Evaluation } from "../../src/engine";
import { holdsSchoolTable } from "../../src/sheet/read";
import { columnLetters, type CellValue } from "../../src/sheet/grid";
import type { Problem } from "../../src/problems/problem";
import { templateHeaderRow } from "../../src/sheet/template";
import { readSchoolTable } from "../../src/sheet/read";
import { evaluateTable } from "../../src/pipeline";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { chooseSheet, readWorkbook } from "../../src/xlsx/reader";
import { schoolTableWorkbook } from "../../src/xlsx/template";
import { escapeXml, rawWorkbook, type RawSheet, type RawWorkbook } from "../xlsx/rawWorkbook";
import {
  JUNIOR,
  NINE_YEAR,
  PRIMARY,
  TEACHING_POINT,
  letter,
  templateRow,
  type RowValues,
} from "../sheet/helpers";

/**
 * The county: two town primaries, a junior school, a nine-year school, a village primary that fails (its
 * qualified teachers below 85 % of the standard, so that dropping its row would turn the verdict to a pass) and a
 * teaching point of 24 pupils.
 */
export const COUNTY: RowValues[] = [
  { ...PRIMARY, name: "城关第一小学" },
  { ...PRIMARY, name: "城关第二小学", primaryStudents: 540, primaryQualifiedTeachers: 27 },
  JUNIOR,
  NINE_YEAR,
  { ...PRIMARY, name: "乌兰乡小学", locale: "乡村", primaryStudents: 300, primaryQualifiedTeachers: 8 },
  { ...TEACHING_POINT, parent: "城关第一小学" },
];

/** Index in COUNTY of the school whose failure decides the verdict. */
export const FAILING = 4;

/** The county's rows as the template lays them out, header first (row 1), schools from row 2. */
export function countyRows(county: RowValues[] = COUNTY): CellValue[][] {
  return [templateHeaderRow(), ...county.map(templateRow)];
}

/** The cell of a template column in sheet row `row` (1-based), on sheet 学校 unless named. */
export function cellOf(id: string, row: number, sheet = "学校"): string {
  return `${sheet}!${letter(id)}${row}`;
}

/** The county typed into the clean template (src/xlsx/template.ts, what `balance template` writes). */
export async function cleanTemplate(county: RowValues[] = COUNTY): Promise<Uint8Array> {
  const read = readSchoolTable({ sheet: "学校", topLeft: "A1", values: countyRows(county) });
  if (read.problems.some((p) => p.severity === "error")) throw new Error("the county itself has errors");
  return schoolTableWorkbook({ records: read.records });
}

/** A cell of a raw sheet: a value written the plain way, or the whole `<c>` element with `$REF` for its address. */
export type RawCell = CellValue | { xml: string };

function cellXml(value: RawCell, ref: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "xml" in value) return value.xml.replace(/\$REF/g, ref);
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  throw new Error(`no raw form for ${JSON.stringify(value)}`);
}

/** `<row>` elements of rows from sheet row `first` on; an undefined row is left out of the file (a hole). */
export function rowsXml(rows: (RawCell[] | undefined)[], first = 1, hidden: readonly number[] = []): string {
  return rows
    .map((row, i) => {
      if (!row) return "";
      const r = first + i;
      const cells = row.map((v, c) => cellXml(v, `${columnLetters(c)}${r}`)).join("");
      return `<row r="${r}"${hidden.includes(r) ? ' hidden="1"' : ""}>${cells}</row>`;
    })
    .join("");
}

export interface RawSheetOptions {
  name?: string;
  state?: RawSheet["state"];
  /** written before sheetData: <dimension>, <cols> */
  before?: string;
  /** written inside sheetData after the rows */
  extraRows?: string;
  /** written after sheetData: <mergeCells> */
  after?: string;
  /** 1-based sheet rows hidden */
  hiddenRows?: number[];
}

/** One worksheet of raw XML holding the rows. */
export function rawSheet(rows: (RawCell[] | undefined)[], options: RawSheetOptions = {}): RawSheet {
  return {
    name: options.name ?? "学校",
    ...(options.state ? { state: options.state } : {}),
    xml:
      (options.before ?? "") +
      `<sheetData>${rowsXml(rows, 1, options.hiddenRows)}${options.extraRows ?? ""}</sheetData>` +
      (options.after ?? ""),
  };
}

/** A workbook of raw XML sheets (styles: numFmts and cellXfs, for dates). */
export function rawBook(sheets: RawSheet[], rest: Omit<RawWorkbook, "sheets"> = {}): Uint8Array {
  return rawWorkbook({ sheets, ...rest });
}

/** The county's rows with some cells replaced: `changes[sheetRow][columnId]`. */
export function withCells(
  changes: Record<number, Record<string, RawCell>>,
  rows = countyRows(),
): RawCell[][] {
  return rows.map((row, i) => {
    const change = changes[i + 1];
    if (!change) return row;
    const copy: RawCell[] = row.slice();
    for (const [id, value] of Object.entries(change)) copy[columnIndexOf(id)] = value;
    return copy;
  });
}

function columnIndexOf(id: string): number {
  const l = letter(id);
  let n = 0;
  for (const ch of l) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A verdict as data to compare: the sections, the levels and the county's resource verdict, no rows or cells. */
export function verdictOf(evaluation: Evaluation): unknown {
  return {
    sections: evaluation.sections.map((s) => ({
      school: s.school,
      level: s.level,
      students: s.students,
      included: s.included,
      exclusion: s.exclusion ?? null,
      values: s.values,
      pass: s.pass,
    })),
    levels: evaluation.levels,
    resourcesPass: evaluation.resourcesPass,
  };
}

export interface BookOutcome {
  ok: boolean;
  /** the sheet read */
  sheet: string | null;
  problems: { code: string; severity: string; cell: string | null }[];
  messages: Problem["message"][];
  verdict: unknown;
  skippedRows: Record<string, number> | null;
}

/**
 * A workbook's outcome by the command line's path, in process: the file read, the sheet chosen as `--sheet` or
 * the first visible one with a header, the sheet choice's problems first, then the table's.
 */
export async function outcomeOfBook(
  bytes: Uint8Array,
  options: { sheet?: string; profile?: Profile } = {},
): Promise<BookOutcome> {
  const workbook = await readWorkbook(bytes);
  const none = { ok: false, sheet: null, verdict: null, skippedRows: null };
  if (!workbook.ok) {
    const p = workbook.problem;
    return {
      ...none,
      problems: [{ code: p.code, severity: p.severity, cell: p.cell }],
      messages: [p.message],
    };
  }
  const chosen = chooseSheet(workbook.grids, options.sheet, holdsSchoolTable);
  if (!chosen.ok) {
    const p = chosen.problem;
    return {
      ...none,
      problems: [{ code: p.code, severity: p.severity, cell: p.cell }],
      messages: [p.message],
    };
  }
  const result = evaluateTable(chosen.grid, options.profile ?? NATIONAL_2017);
  const problems = [...chosen.problems, ...result.problems];
  return {
    ok: result.ok,
    sheet: chosen.grid.sheet,
    problems: problems.map((p) => ({ code: p.code, severity: p.severity, cell: p.cell })),
    messages: problems.map((p) => p.message),
    verdict: result.evaluation ? verdictOf(result.evaluation) : null,
    skippedRows: { ...result.read.skippedRows },
  };
}

/** The clean template's verdict, the reference every hostile variant of the county is held to. */
export async function cleanVerdict(county: RowValues[] = COUNTY, profile: Profile = NATIONAL_2017) {
  const outcome = await outcomeOfBook(await cleanTemplate(county), { profile });
  if (!outcome.ok) throw new Error("the clean template does not evaluate");
  return outcome.verdict;
}

/** The verdict of records evaluated directly (to show a test would see a school dropped). */
export function verdictWithout(index: number, county: RowValues[] = COUNTY): unknown {
  const rows = county.filter((_, i) => i !== index);
  const read = readSchoolTable({ sheet: "学校", topLeft: "A1", values: countyRows(rows) });
  return verdictOf(evaluate(read.records, NATIONAL_2017));
}
