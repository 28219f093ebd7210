/* eslint-disable office-addins/call-sync-before-read -- exceljs cells, not Office.js proxies: nothing to sync */
/**
 * `balance plan --out` and `balance whatif --out` (issue 15): the workbook holds the same print-ready sheets the
 * pane writes, built by the same report-layer builders from the same plan.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";
import { evaluateTable } from "../../src/pipeline";
import { chooseSheet, readWorkbookFile } from "../../src/xlsx/read";
import { readSchoolTable } from "../../src/sheet/read";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { planRotation } from "../../src/engine/plan/rotation";
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { evaluateScenario, parseEdits } from "../../src/engine/scenario";
import { planSheet, rotationSheet } from "../../src/report/planSheets";
import { scenarioSheet } from "../../src/report/scenarioSheet";
import type { ReportSheet } from "../../src/report/model";
import { NATIONAL_2017 } from "../../src/standard/national2017";

const SAMPLE = "examples/sample-county.xlsx";
const dir = tempDir();

async function sampleRecords() {
  const workbook = await readWorkbookFile(SAMPLE);
  if (!workbook.ok) throw new Error("the sample is unreadable");
  const chosen = chooseSheet(workbook.grids, undefined, (g) => readSchoolTable(g).headerRow !== null);
  if (!chosen.ok) throw new Error("no school sheet");
  return evaluateTable(chosen.grid).read.records;
}

/** Every cell of the built sheet against the file: value or formula, and number format. */
async function expectSheetsInFile(path: string, sheets: ReportSheet[]) {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  expect(file.worksheets.map((ws) => ws.name)).toEqual(sheets.map((s) => s.name));
  const mismatches: string[] = [];
  for (const sheet of sheets) {
    const ws = file.getWorksheet(sheet.name)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: sheet.print!.orientation });
    expect(ws.headerFooter.oddFooter).toMatch(/第 &P 页 共 &N 页$/);
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (!cell) return;
        const got = ws.getCell(r + 1, c + 1);
        if (got.isMerged && got.master.address !== got.address) return;
        const where = `${sheet.name}!${got.address}`;
        if (cell.formula) {
          if (`=${got.formula}` !== cell.formula)
            mismatches.push(`${where} ${got.formula} ≠ ${cell.formula}`);
        } else if ((got.value ?? null) !== (cell.value ?? null))
          mismatches.push(`${where} ${got.value} ≠ ${cell.value}`);
        if (cell.format && got.numFmt !== cell.format) mismatches.push(`${where} format`);
      }),
    );
  }
  expect(mismatches).toEqual([]);
}

describe("--out writes the sheets the pane writes", () => {
  test("balance plan --out: the plan and the rotation, titled, costs recurring and one-off apart", async () => {
    const out = join(dir, "方案.xlsx");
    const r = await run("plan", SAMPLE, "--rotation", "--out", out, "--county", "白狼县", "--year", "2026");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已写出工作表：${out}`);
    const records = await sampleRecords();
    const plan = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, {
      projects: DEFAULT_PROJECT_SIZES,
    });
    const rotation = await planRotation(records, NATIONAL_2017);
    const title = { county: "白狼县", year: "2026" };
    await expectSheetsInFile(out, [
      planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh", { title, projects: DEFAULT_PROJECT_SIZES }),
      rotationSheet(rotation, NATIONAL_2017, "zh", { title }),
    ]);
    // an existing file needs --force; a bad year is a usage error
    expect((await run("plan", SAMPLE, "--out", out)).code).toBe(2);
    expect((await run("plan", SAMPLE, "--out", join(dir, "x.xlsx"), "--year", "去年")).code).toBe(2);
  });

  test("balance plan --json: recurring and one-off costs, the project sizes, no addition below its least size", async () => {
    const doc = JSON.parse((await run("plan", SAMPLE, "--json")).stdout);
    expect(doc.recurringCost + doc.oneOffCost).toBeCloseTo(doc.totalCost, 6);
    expect(doc.projectSizes).toEqual(DEFAULT_PROJECT_SIZES);
    for (const a of doc.additions) {
      if (a.level !== null) continue;
      expect(a.amount).toBeGreaterThanOrEqual(doc.projectSizes.minimum[a.resource]);
    }
  });

  test("balance whatif --out: the scenario sheet", async () => {
    const edits = [
      { kind: "addFacility", school: "白狼县第一小学", resource: "sportsArea", amount: 2000 },
      {
        kind: "hireTeachers",
        school: "红石乡中心小学",
        level: "primary",
        resource: "peArtTeachers",
        count: 1,
      },
    ];
    const editsFile = join(dir, "edits.json");
    writeFileSync(editsFile, JSON.stringify(edits));
    const out = join(dir, "模拟.xlsx");
    const r = await run("whatif", SAMPLE, "--edits", editsFile, "--out", out);
    expect(r.code).toBe(0);
    const parsed = parseEdits(edits);
    const result = evaluateScenario(
      await sampleRecords(),
      parsed.edits,
      NATIONAL_2017,
      undefined,
      parsed.indexes,
    );
    await expectSheetsInFile(out, [scenarioSheet(parsed.edits, result, NATIONAL_2017, "zh")]);
  });
});
