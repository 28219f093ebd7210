/**
 * The streaming reader gives the same grids as the exceljs reader it replaces, on every workbook the project
 * has — the trust catalogue, the sample county — and on what the project's own writers produce (the template,
 * the county sheet, a report full of formulas, merges and number formats): the same sheets in the same order,
 * the same value in every cell that holds one, the same hidden rows. Blank is blank however it is spelt (null,
 * absent, a trimmed row).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import type { CellValue, Grid } from "../../src/sheet/grid";

/** A formula the file holds without a calculated value, as the reader keeps it; null for any other cell. */
const uncalculatedFormula = (value: CellValue): string | null =>
  typeof value === "object" && value !== null && "formula" in value ? value.formula : null;
import { countySheetWorkbook } from "../../src/xlsx/countyTemplate";
import { readWorkbook } from "../../src/xlsx/reader";
import { reportBytes } from "../../src/xlsx/report";
import { schoolTableWorkbook } from "../../src/xlsx/template";
import { exceljsGrids } from "./exceljsReader";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "tests", "trust", "fixtures", "xlsx");

/** Workbooks exceljs cannot hold: a cell at XFD1048576 makes it build every row and column up to it (the
 * streaming reader's handling of it: tests/trust/hostileWorkbooks.test.ts, item 3). */
const BEYOND_EXCELJS = new Set(["huge-sparse-grid.xlsx"]);

const committed = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx") && !f.startsWith("bad-") && !BEYOND_EXCELJS.has(f))
    .map((f) => path.join(FIXTURES, f)),
  path.join(ROOT, "examples", "sample-county.xlsx"),
  // protected against editing, not encrypted: read as any other
  path.join(FIXTURES, "bad-sheet-protected.xlsx"),
];

const blank = (v: CellValue) => v === null || v === undefined || v === "";

function shown(v: CellValue): string {
  if (blank(v)) return "";
  if (v instanceof Date) return `date:${v.toISOString()}`;
  return JSON.stringify(v);
}

/** Every cell where the two grids differ, as "B3: old → new". */
function differences(old: Grid, fresh: Grid): string[] {
  const out: string[] = [];
  const height = Math.max(old.values.length, fresh.values.length);
  for (let r = 0; r < height; r++) {
    const a = old.values[r] ?? [];
    const b = fresh.values[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      // exceljs drops a formula's cached result of 0 (falsy) and reads the cell blank; the file holds <v>0</v>
      const droppedZero = (a[c] === null || a[c] === undefined) && b[c] === 0;
      // a formula with no cached value: exceljs reads it blank, the reader says it was never calculated (item 5)
      const uncalculated = blank(a[c]) && uncalculatedFormula(b[c]) !== null;
      if (shown(a[c]) !== shown(b[c]) && !droppedZero && !uncalculated)
        out.push(`${old.sheet}!R${r + 1}C${c + 1}: ${shown(a[c])} → ${shown(b[c])}`);
    }
  }
  return out;
}

async function expectSameGrids(bytes: Uint8Array): Promise<void> {
  const old = await exceljsGrids(bytes);
  const fresh = await readWorkbook(bytes);
  if (!fresh.ok) throw new Error(fresh.problem.message.en);
  expect(fresh.grids.map((g) => g.sheet)).toEqual(old.map((g) => g.sheet));
  old.forEach((g, i) => {
    expect(differences(g, fresh.grids[i])).toEqual([]);
    expect(fresh.grids[i].hiddenRows ?? []).toEqual(g.hiddenRows ?? []);
  });
  // the comparison can fail: a value read differently is seen
  const changed = structuredClone(fresh.grids[0]);
  const row = changed.values.findIndex((r) => r !== undefined && r.some((v) => !blank(v)));
  if (row >= 0) {
    changed.values[row] = changed.values[row].map((v) => (blank(v) ? v : "changed"));
    expect(differences(old[0], changed)).not.toEqual([]);
  }
}

describe("the same grids as the exceljs reader", () => {
  test.each(committed.map((f) => [path.relative(ROOT, f), f]))("%s", async (_name, file) => {
    await expectSameGrids(readFileSync(file));
  });

  test("the template, filled with the sample county, and the county sheet", async () => {
    await expectSameGrids(await schoolTableWorkbook({ records: sampleCountyRecords(), title: "白狼县" }));
    await expectSameGrids(await countySheetWorkbook("zh"));
  });

  test("a report workbook: formulas with cached results, merges, number formats, charts", async () => {
    const sample = await readWorkbook(readFileSync(path.join(ROOT, "examples", "sample-county.xlsx")));
    if (!sample.ok) throw new Error(sample.problem.message.en);
    const result = evaluateTable(sample.grids[0]);
    if (!result.evaluation) throw new Error("the sample county does not evaluate");
    const report = buildReport(
      {
        evaluation: result.evaluation,
        read: result.read,
        profile: result.profile,
        problems: result.problems,
      },
      { lang: "zh", sourceRange: "学校!A1:AA40", date: "2026-01-01" },
    );
    await expectSameGrids(await reportBytes(report));
  });
});
