/** Runs catalogue cases through the one data path and checks what each must give. */
import { columnIndex, type CellValue, type Grid, type MergedRange } from "../../src/sheet/grid";
import type { Problem } from "../../src/problems/problem";
import type { SchoolRecord } from "../../src/engine/records";
import type { Evaluation } from "../../src/engine/evaluate";
import type { Case, FixtureCell, Outcome } from "./fixtures/catalogue";
import { noSkippedRows } from "../../src/sheet/read/tableRows";

/** The cell as a host gives it: a formula's cached result, or the formula itself where Excel never computed it. */
export function hostValue(cell: FixtureCell): CellValue {
  if (cell && typeof cell === "object" && !(cell instanceof Date) && "formula" in cell) {
    const { formula, result } = cell as { formula: string; result?: CellValue };
    return result === undefined ? { formula } : result;
  }
  return cell as CellValue;
}

/** "A2:C4" → a merged range of 0-based indices. */
export function mergedRange(range: string): MergedRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/u.exec(range);
  if (!m) throw new Error(`not a range: ${range}`);
  return {
    left: columnIndex(m[1]),
    top: Number(m[2]) - 1,
    right: columnIndex(m[3]),
    bottom: Number(m[4]) - 1,
  };
}

export function gridOf(c: Case): Grid {
  return {
    sheet: c.sheet,
    topLeft: "A1",
    values: c.rows.map((row) => row.map(hostValue)),
    ...(c.hiddenRows ? { hiddenRows: c.hiddenRows } : {}),
    ...(c.hiddenColumns ? { hiddenColumns: c.hiddenColumns } : {}),
    ...(c.merges ? { merges: c.merges.map(mergedRange) } : {}),
  };
}

export function outcomeOf(
  read: {
    records: SchoolRecord[];
    problems: Problem[];
    unmatchedHeaders: { header: string }[];
    headerRow: number | null;
    skippedRows: Outcome["skippedRows"];
  },
  evaluation: Evaluation | null,
  problems: Problem[] = read.problems,
): Outcome {
  return {
    ok: evaluation !== null,
    records: read.records,
    problems: problems.map((p) => ({ code: p.code, severity: p.severity, cell: p.cell })),
    unmatchedHeaders: read.unmatchedHeaders.map((h) => h.header),
    headerRow: read.headerRow,
    skippedRows: { ...read.skippedRows },
    resourcesPass: evaluation ? evaluation.resourcesPass : null,
    includedSections: evaluation ? evaluation.sections.filter((s) => s.included).length : 0,
  };
}

/** Every problem is data a person can act on: a known severity, a code, a message in both languages, a cell. */
export function expectClearProblems(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(["error", "warning"]).toContain(p.severity);
    expect(p.code).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(p.message.zh.length).toBeGreaterThan(3);
    expect(p.message.en.length).toBeGreaterThan(3);
    // Chinese for the clerk, English beside it: the two are not the same text
    expect(p.message.zh).toMatch(/\p{Script=Han}/u);
    expect(p.message.en).toMatch(/[A-Za-z]{3}/);
    expect(p.message.en).not.toBe(p.message.zh);
    if (p.cell !== null) expect(p.cell).toMatch(/^(?:[^!']+|'(?:[^']|'')+')![A-Z]{1,3}\d+$/);
  }
}

/** The case's promise: evaluated or blocked, with the problems it must name. */
export function expectCaseOutcome(c: Case, outcome: Outcome): void {
  const errors = outcome.problems.filter((p) => p.severity === "error");
  if (c.evaluates) {
    expect(errors).toEqual([]);
    expect(outcome.ok).toBe(true);
  } else {
    expect(outcome.ok).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
  }
  for (const p of c.problems ?? []) expect(outcome.problems).toContainEqual(p);
  if (c.skipped) expect(outcome.skippedRows).toEqual(expectedSkipped(c));
  c.check?.(outcome);
}

/** The rows a case must count as left out: its own counts, every other reason 0. */
export function expectedSkipped(c: Case): Outcome["skippedRows"] {
  return { ...noSkippedRows(), ...c.skipped };
}
