/**
 * One row's figures (docs/school-table.md#figures): every cell where a number belongs read by its plan into one
 * array, in 元 where money is given in 万元, with its state — absent (no such column), blank, invalid (reported),
 * or a number. A cell is blank, a number, or a number written as text ("1,500", "１２３"); anything else, a
 * negative number, a fraction where people or rooms are counted, and a number too large to compute with are
 * reported with the cell.
 */
import { nearlyEqual } from "../../standard/comparison";
import { LARGEST_FIGURE } from "../../standard/figures";
import { readNumber } from "../cells";
import type { Problem } from "../../problems/problem";
import type { ColumnPlan, FieldSource } from "./columnPlan";
import { FIGURE_IDS } from "./fields";
import { columnName, notANumber, problem } from "./problems";

export const ABSENT = 0;
export const BLANK = 1;
export const INVALID = 2;
export const OK = 3;

/**
 * The largest figure computed with, in engine units (people, m², 元, rooms): 10¹⁵, a million times what any
 * county holds, the one limit of src/standard/figures.ts. Beyond it sums lose their units and per-student values
 * their meaning, and 万元 × 10,000 may overflow: such a cell is an error, never a figure.
 */
export { LARGEST_FIGURE };

/** Where a row's problems go. The template-row path only needs to know whether there is an error. */
export interface ProblemSink {
  /** whether warnings are wanted: the checks that only warn are skipped when not */
  readonly warnings: boolean;
  report(problem: Problem): void;
}

/** A sink that keeps every problem, in order. */
export function collect(problems: Problem[]): ProblemSink {
  return { warnings: true, report: (p) => problems.push(p) };
}

/** A sink that notes only whether an error was found. */
export class ErrorFlag implements ProblemSink {
  readonly warnings = false;
  failed = false;
  report(problem: Problem): void {
    if (problem.severity === "error") this.failed = true;
  }
}

export interface RowFigures {
  /** by FIGURE_IDS: the number where the state is OK */
  values: Float64Array;
  /** by FIGURE_IDS: ABSENT, BLANK, INVALID or OK */
  states: Uint8Array;
}

/** Room for the figures of the row being read: a plan reads one row at a time and keeps one (see ColumnPlan). */
export function rowFigures(): RowFigures {
  return { values: new Float64Array(FIGURE_IDS.length), states: new Uint8Array(FIGURE_IDS.length) };
}

/** 万元 → 元, cleared of the binary noise of ×10,000 (12.34 × 10000 = 123400.00000000001). */
export function tenThousand(value: number): number {
  const yuan = value * 10000;
  // a whole number of 元 below 10¹⁵ is exact already: toPrecision(15) would give it back unchanged
  if (Number.isInteger(yuan) && Math.abs(yuan) < 1e15) return yuan;
  return Number(yuan.toPrecision(15));
}

/**
 * What the reader takes from a cell where a number belongs when it has nothing to report about it: the number,
 * made whole where people or rooms are counted; NaN for a blank cell; undefined for a cell it reports.
 */
export function plainFigure(raw: unknown, whole: boolean): number | undefined {
  let value: number;
  if (typeof raw === "number" && Number.isFinite(raw)) value = raw;
  else if (raw === null || raw === undefined) return NaN;
  else {
    const reading = readNumber(raw);
    if (reading.kind === "blank") return NaN;
    if (reading.kind === "notNumber") return undefined;
    value = reading.value;
  }
  if (value < 0) return undefined;
  return whole ? (wholeCount(value) ?? undefined) : value;
}

/**
 * A count of people or rooms as the reader takes it: the whole number it is, cleared of binary noise (44.99999999999
 * → 45), or null for a fraction (docs/school-table.md#figures, `fractional-count`).
 */
export function wholeCount(value: number): number | null {
  const rounded = Math.round(value);
  return nearlyEqual(value, rounded) ? rounded : null;
}

/** The problem of a cell that plainFigure does not take. */
function figureProblem(raw: unknown, id: string, cell: string): Problem {
  const reading = readNumber(raw);
  const name = columnName(id);
  if (reading.kind === "notNumber") return notANumber(reading.cell, cell, name);
  const value = reading.kind === "number" ? reading.value : 0;
  if (value < 0) {
    return problem(
      "error",
      "negative-number",
      cell,
      `${cell}“${name.zh}”为负数（${value}），应不小于 0。`,
      `${cell} (${name.en}) is negative (${value}); it must be 0 or more.`,
    );
  }
  return problem(
    "error",
    "fractional-count",
    cell,
    `${cell}“${name.zh}”为 ${value}，人数和间数应为整数。`,
    `${cell} (${name.en}) is ${value}; counts of people and rooms are whole numbers.`,
  );
}

function tooLarge(raw: unknown, id: string, cell: string): Problem {
  const name = columnName(id);
  const reading = readNumber(raw);
  const shown = reading.kind === "number" ? String(reading.value) : "";
  return problem(
    "error",
    "number-too-large",
    cell,
    `${cell}“${name.zh}”为 ${shown}，超出可计算的范围（换算后不超过 10¹⁵）；请核对数值和单位。`,
    `${cell} (${name.en}) is ${shown}, beyond what can be computed (at most 10^15 after conversion); check the figure and its unit.`,
  );
}

/** The cell a figure's source is read from. */
function sourceValue(source: FieldSource, row: readonly unknown[]): unknown {
  switch (source.kind) {
    case "column":
      return row[source.column.index];
  }
}

/** The address of figure i's cell in the row of the sheet numbered rowNumber. */
export function figureCell(plan: ColumnPlan, i: number, rowNumber: number): string {
  return `${plan.figures[i]?.cellPrefix ?? ""}${rowNumber}`;
}

/**
 * Reads every figure of a row into the plan's room for them (valid until the plan reads its next row); each one
 * reported goes to the sink.
 */
export function readFigures(
  plan: ColumnPlan,
  row: readonly unknown[],
  rowNumber: number,
  sink: ProblemSink,
): RowFigures {
  const n = FIGURE_IDS.length;
  const room = plan.rowFigures;
  const { values, states } = room;
  const figures = plan.figures;
  for (let i = 0; i < n; i++) {
    const figure = figures[i];
    if (figure === undefined) {
      states[i] = ABSENT;
      continue;
    }
    const raw = figure.col >= 0 ? row[figure.col] : sourceValue(figure.source, row);
    if (raw === null || raw === undefined) {
      states[i] = BLANK;
      continue;
    }
    let value = plainFigure(raw, figure.whole);
    if (value === undefined) {
      states[i] = INVALID;
      sink.report(figureProblem(raw, FIGURE_IDS[i], figureCell(plan, i, rowNumber)));
      continue;
    }
    if (Number.isNaN(value)) {
      states[i] = BLANK;
      continue;
    }
    if (figure.tenThousand) value = tenThousand(value);
    if (!(value <= LARGEST_FIGURE)) {
      states[i] = INVALID;
      sink.report(tooLarge(raw, FIGURE_IDS[i], figureCell(plan, i, rowNumber)));
      continue;
    }
    states[i] = OK;
    values[i] = value;
  }
  return room;
}
