/**
 * The catalogue through the add-in's own path: each case is put into a workbook of the in-memory Excel double the
 * way Excel holds it (a date is a serial number with a date format, an error cell reads as "#N/A", a formula as
 * its result), read back with the pane's host (`readTable("usedRange")`, the Office.js code), and evaluated.
 * Each must give what it gives as a grid: the clear problem with its cell, or the evaluation.
 */
import { ExcelDouble } from "../../src/excel/double/excel";
import { doubleHost } from "../../src/excel/double/host";
import { isDateFormat } from "../../src/excel/readRange";
import { evaluateTable } from "../../src/pipeline";
import { CATALOGUE, type Case, type FixtureCell } from "./fixtures/catalogue";
import { expectCaseOutcome, expectClearProblems, hostValue, outcomeOf } from "./catalogueRun";
import { cellError } from "../../src/sheet/grid";

/**
 * Cases whose promise rests on what only a file reader knows: Excel calculates every formula before the pane reads
 * it, so none is left without its value; and a used range reaching XFD1048576 is one dense values array there,
 * where a file reader reads only the cells that exist. (Hidden rows and columns the host learns from Office,
 * ExcelApi 1.2: those cases run here too.)
 */
const HOST_SPECIFIC = new Set(["uncalculated-formula", "formula-residue-uncalculated", "huge-sparse-grid"]);
const CASES = CATALOGUE.filter((c) => !c.gridOnly && !HOST_SPECIFIC.has(c.id));

const DAY_MS = 86400000;

/** A cell as Excel keeps it: dates as serial numbers (formatted as dates), errors and formulas by their values. */
function excelCell(cell: FixtureCell): { value: string | number | boolean; format?: string } {
  const v = hostValue(cell);
  if (v instanceof Date) return { value: v.getTime() / DAY_MS + 25569, format: "yyyy-mm-dd" };
  if (v === null || v === undefined) return { value: "" };
  if (typeof v === "object") return { value: cellError(v) ?? "" };
  return { value: v };
}

async function workbookOf(c: Case): Promise<ExcelDouble> {
  const excel = new ExcelDouble();
  const cells = c.rows.map((row) => row.map(excelCell));
  excel.addSheetWithValues(
    c.sheet,
    cells.map((row) => row.map((x) => x.value)),
  );
  const formatted = cells
    .flatMap((row, r) => row.map((x, col) => ({ ...x, r, col })))
    .filter((x) => x.format);
  if (formatted.length > 0) {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(c.sheet);
      for (const x of formatted) ws.getRangeByIndexes(x.r, x.col, 1, 1).numberFormat = [[x.format as string]];
      await context.sync();
    });
  }
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(c.sheet);
    // hidden as a clerk hides them, through Office
    for (const r of c.hiddenRows ?? []) ws.getRangeByIndexes(r, 0, 1, 1).rowHidden = true;
    for (const col of c.hiddenColumns ?? []) ws.getRangeByIndexes(0, col, 1, 1).columnHidden = true;
    ws.activate();
    await context.sync();
  });
  return excel;
}

describe("catalogue through the add-in's host (Office.js code over the Excel double)", () => {
  it("covers most of the catalogue", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s", async (_id, c: Case) => {
    const excel = await workbookOf(c);
    const host = doubleHost(excel);
    let grid;
    try {
      grid = await host.readTable("usedRange");
    } catch (error) {
      // the pane shows a host's refusal as a message; only an empty sheet may end here
      expect(c.rows.length).toBe(0);
      expect((error as { message?: unknown }).message).toBeTruthy();
      return;
    }
    const result = evaluateTable(grid);
    expectClearProblems(result.problems);
    expectCaseOutcome(c, outcomeOf(result.read, result.evaluation, result.problems));
  });

  it("tells date formats from number formats", () => {
    for (const f of [
      "yyyy-mm-dd",
      "m/d/yy",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy/m/d",
      "h:mm",
      "[h]:mm:ss",
      "d-mmm",
    ]) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ["General", "0", "0.00", "#,##0", '#,##0 "人"', "0%", "@", "[Red]0.00", "0.00E+00", ""]) {
      expect(isDateFormat(f)).toBe(false);
    }
  });
});
