/**
 * Check-and-report for a 300-school county against the Excel double (goal < 2 s): read the table, evaluate,
 * build the report and write it, through the same Office.js code the pane runs in Excel. Prints the median,
 * the syncs each run takes, and the ratio to the part that needs no workbook (evaluate + build), measured in
 * the same run.
 */
import { medianMsAsync, medianMs, report } from "./harness";
import { ExcelDouble } from "../src/excel/double/excel";
import { doubleHost } from "../src/excel/double/host";
import { evaluateTable } from "../src/pipeline";
import { buildReport } from "../src/report/build";
import { sampleCountyRecords } from "../src/sample/sampleCounty";
import { recordsToRows, templateHeaderRow } from "../src/sheet/template";
import type { Grid } from "../src/sheet/grid";
import type { SchoolRecord } from "../src/engine";

/** The sample county repeated under new names until it has `n` schools (teaching points keep their parent). */
function countyOf(n: number): SchoolRecord[] {
  const base = sampleCountyRecords();
  const out: SchoolRecord[] = [];
  for (let copy = 0; out.length < n; copy++) {
    for (const r of base) {
      if (out.length >= n) break;
      const suffix = copy === 0 ? "" : `（${copy + 1}）`;
      out.push({ ...r, name: r.name + suffix, parent: r.parent ? r.parent + suffix : undefined });
    }
  }
  return out;
}

const records = countyOf(300);
const rows = [["白狼县学校统计表"], templateHeaderRow(), ...recordsToRows(records)];

function reportOfGrid(grid: Grid) {
  const result = evaluateTable(grid);
  if (!result.evaluation) throw new Error("the bench county has errors");
  return buildReport(
    { evaluation: result.evaluation, read: result.read, profile: result.profile, problems: result.problems },
    { lang: "zh", sourceRange: "学校!A1", date: "2026-11-28" },
  );
}

async function checkAndReport(): Promise<number> {
  const excel = new ExcelDouble();
  excel.addSheetWithValues("学校", rows);
  const host = doubleHost(excel);
  const grid = await host.readTable("usedRange");
  await host.writeReport(reportOfGrid(grid), { replaceExisting: true });
  return excel.syncCount;
}

async function main() {
  const syncs = await checkAndReport();
  const ms = await medianMsAsync(checkAndReport, 7, 2);
  const grid: Grid = { sheet: "学校", topLeft: "A1", values: rows };
  const baseline = medianMs(() => reportOfGrid(grid), 7, 2);
  report("check-and-report, 300 schools, Excel double", ms, 2000, `(${syncs} syncs: read 2, write 3)`);
  report(
    "baseline: evaluate + build report, no workbook",
    baseline,
    undefined,
    `ratio ${(ms / baseline).toFixed(1)}×`,
  );
}

void main();
