/**
 * Fuzzing the reader (issue 7 item 2): any grid a host may hand over is read without an exception, each problem
 * is data a person can act on, and a county typed in any of the ways the reader tolerates (numbers as text, with
 * separators, in full-width digits, padded) evaluates exactly as the records it came from.
 */
import fc from "fast-check";
import { readSchoolTable } from "../../src/sheet/read";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { hasErrors } from "../../src/problems/problem";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { evaluate, type SchoolRecord } from "../../src/engine";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { gridArb, recordsArb } from "./generators";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { expectClearProblems } from "./catalogueRun";

const BUDGET = { numRuns: 250, interruptAfterTimeLimit: 8000 };

/** A number as a clerk may have typed it; every spelling reads back as the same number. */
const spellingArb = fc.constantFrom("plain", "text", "grouped", "fullWidth", "padded", "fullWidthComma");

function spell(value: number, how: string): CellValue {
  switch (how) {
    case "text":
      return String(value);
    case "grouped":
      return value.toLocaleString("en-US", { maximumFractionDigits: 20 });
    case "fullWidth":
      return String(value).replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case "padded":
      return ` ${value}\u00a0`;
    case "fullWidthComma":
      return value.toLocaleString("en-US", { maximumFractionDigits: 20 }).replace(/,/g, "，");
    default:
      return value;
  }
}

/** What the template can carry: facilities given per section and indoor sports are not template columns. */
function templateOnly(records: SchoolRecord[]): SchoolRecord[] {
  return records.map(({ sectionFacilities: _s, indoorSportsArea: _i, ...rest }) => rest);
}

/** The records read evaluate as the records typed: the same sections, verdicts and county verdict. */
function expectSameVerdicts(records: SchoolRecord[], read: SchoolRecord[]) {
  const expected = evaluate(records, NATIONAL_2017);
  const actual = evaluate(read, NATIONAL_2017);
  expect(actual.sections.map((s) => [s.school, s.level, s.included, s.pass])).toEqual(
    expected.sections.map((s) => [s.school, s.level, s.included, s.pass]),
  );
  expect(actual.resourcesPass).toBe(expected.resourcesPass);
  return { expected, actual };
}

describe("reader fuzzing", () => {
  it("reads any grid without throwing; every problem is clear; the engine takes whatever it accepts", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const read = readSchoolTable(grid);
        expectClearProblems(read.problems);
        expect(read.rows.length).toBe(read.records.length);
        if (!hasErrors(read.problems)) expect(() => evaluate(read.records, NATIONAL_2017)).not.toThrow();
        // reading is deterministic
        expect(readSchoolTable(grid)).toEqual(read);
      }),
      BUDGET,
    );
  });

  it("never throws on grids that are not grids (a host's bug must not become the user's crash)", () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant({}),
      fc.record({
        sheet: fc.anything(),
        topLeft: fc.anything(),
        values: fc.anything(),
        hiddenRows: fc.anything(),
      }),
      fc.record({
        sheet: fc.string(),
        topLeft: fc.string(),
        values: fc.array(fc.anything(), { maxLength: 5 }),
      }),
      // a real header over rows of anything: rich text, formula results, errors and boxed values of any shape
      fc
        .array(
          fc.array(
            fc.oneof(
              fc.anything({
                withBoxedValues: true,
                withNullPrototype: true,
                withBigInt: true,
                withDate: true,
              }),
              fc.record({ richText: fc.anything() }),
              fc.record({ formula: fc.string(), result: fc.anything() }),
              fc.record({ error: fc.anything() }),
            ),
            { maxLength: 19 },
          ),
          { maxLength: 4 },
        )
        .map((rows) => ({ sheet: "学校", topLeft: "A1", values: [templateHeaderRow(), ...rows] })),
    );
    fc.assert(
      fc.property(junk, (grid) => {
        expect(() => readSchoolTable(grid as unknown as Grid)).not.toThrow();
      }),
      BUDGET,
    );
  });

  it("a county typed with text numbers, separators and full-width digits evaluates as its records do", () => {
    let compared = 0;
    fc.assert(
      fc.property(
        recordsArb(8),
        fc.array(spellingArb, { minLength: 64, maxLength: 64 }),
        (generated, spellings) => {
          const records = templateOnly(generated);
          let k = 0;
          const rows = recordsToRows(records).map((row) =>
            row.map((cell) => (typeof cell === "number" ? spell(cell, spellings[k++ % 64]) : cell)),
          );
          const grid: Grid = { sheet: "学校", topLeft: "A1", values: [templateHeaderRow(), ...rows] };
          const read = readSchoolTable(grid);
          expectClearProblems(read.problems);
          if (hasErrors(read.problems)) return; // e.g. a nine-year school generated without junior pupils
          compared++;
          const { expected, actual } = expectSameVerdicts(records, read.records);
          actual.sections.forEach((s, i) => {
            for (const id of INDICATOR_IDS) {
              const a = s.values[id];
              const e = expected.sections[i].values[id];
              if (e === null) expect(a).toBeNull();
              else expect(Math.abs((a as number) - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
            }
          });
        },
      ),
      { numRuns: 120, interruptAfterTimeLimit: 6000 },
    );
    expect(compared).toBeGreaterThan(20);
  });

  it("a county in a messy table (titles, a unit row, totals and blank rows between groups, a hidden stale column, ragged rows, a formula filled down below) evaluates as its records do", () => {
    let compared = 0;
    const messArb = fc.record({
      titles: fc.nat({ max: 2 }),
      unitRow: fc.boolean(),
      cuts: fc.array(fc.nat({ max: 8 }), { maxLength: 3 }),
      totalWords: fc.array(
        fc.constantFrom(
          "城区学校合计",
          "城区小计",
          "镇区合计",
          "小计",
          "总计",
          "全县合计（12所）",
          "合计：",
          "其中：民办",
          "共计",
        ),
        { minLength: 3, maxLength: 3 },
      ),
      // blank rows before some schools (indices into the schools), and what a formula filled down leaves below
      gaps: fc.array(fc.nat({ max: 8 }), { maxLength: 3 }),
      residue: fc.record({
        rows: fc.nat({ max: 40 }),
        left: fc.constantFrom<CellValue>(0, { error: "#DIV/0!" }, { formula: "M9/D9" }, ""),
      }),
      staleCopyOf: fc.option(fc.nat({ max: TEMPLATE_COLUMNS.length - 1 }), { nil: undefined }),
      ragged: fc.boolean(),
    });
    fc.assert(
      fc.property(recordsArb(8), messArb, (generated, mess) => {
        const records = templateOnly(generated);
        const header: CellValue[] = templateHeaderRow();
        let rows: CellValue[][] = recordsToRows(records);
        if (mess.ragged) {
          rows = rows.map((row) => {
            let end = row.length;
            while (end > 0 && row[end - 1] === null) end--;
            return row.slice(0, end);
          });
        }
        // totals and subtotals between groups of schools, a grand total at the end
        const cuts = [...new Set(mess.cuts.filter((c) => c > 0 && c < rows.length))].sort((a, b) => b - a);
        cuts.forEach((cut, i) => rows.splice(cut, 0, [mess.totalWords[i], null, null, null, 1]));
        // blank rows before schools (never before a total): one warning per run of them
        const schoolRows = rows.map((row, i) => (typeof row[1] === "string" ? i : -1)).filter((i) => i >= 0);
        const gaps = [...new Set(mess.gaps.map((g) => schoolRows[g % schoolRows.length]))].sort(
          (a, b) => b - a,
        );
        for (const g of gaps) rows.splice(g, 0, []);
        rows.push(["合计", null, null, null, 1]);
        // a computed column beside the table, filled far below it
        const residueCol = TEMPLATE_COLUMNS.length + 2;
        for (let i = 0; i < mess.residue.rows; i++) {
          const row: CellValue[] = [];
          row[residueCol] = mess.residue.left;
          rows.push(row);
        }
        const residueRows = mess.residue.left === "" ? 0 : mess.residue.rows;
        const body: CellValue[][] = [
          header,
          ...(mess.unitRow ? [TEMPLATE_COLUMNS.map((c) => c.unit ?? null)] : []),
          ...rows,
        ];
        let values: CellValue[][] = [
          ...Array.from({ length: mess.titles }, (_, i) => [`标题 ${i + 1}`]),
          ...body,
        ];
        let hiddenColumns: number[] | undefined;
        if (mess.staleCopyOf !== undefined) {
          // a hidden copy of a column, first, holding last year's figures
          const col = mess.staleCopyOf;
          const firstSchool = mess.titles + (mess.unitRow ? 2 : 1);
          // (only in rows with a name: blank rows and what the formula left below stay as they are)
          values = values.map((row, r) => [
            r === mess.titles ? header[col] : r < firstSchool || row[0] == null ? null : 7,
            ...row,
          ]);
          hiddenColumns = [0];
        }
        const grid: Grid = {
          sheet: "学校",
          topLeft: "A1",
          values,
          ...(hiddenColumns ? { hiddenColumns } : {}),
        };
        const read = readSchoolTable(grid);
        expectClearProblems(read.problems);
        expect(read.records).toHaveLength(records.length);
        expect(read.skippedRows.aboveHeader).toBe(mess.titles);
        expect(read.skippedRows.legend).toBe(mess.unitRow ? 1 : 0);
        expect(read.skippedRows.subtotal + read.skippedRows.total).toBe(cuts.length + 1);
        expect(read.problems.filter((p) => p.code === "total-row-skipped")).toHaveLength(
          mess.totalWords.slice(0, cuts.length).filter((w) => !w.includes("小计") && !w.startsWith("其中"))
            .length,
        );
        expect(read.skippedRows.blank).toBe(gaps.length + residueRows);
        expect(read.skippedRows.afterEnd).toBe(0);
        expect(read.problems.filter((p) => p.code === "blank-row-skipped")).toHaveLength(gaps.length);
        if (hasErrors(read.problems)) return; // e.g. a nine-year school generated without junior pupils
        compared++;
        expectSameVerdicts(records, read.records);
      }),
      { numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
