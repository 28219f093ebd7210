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
import { chooseSheet } from "../../src/xlsx/reader";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { readSchoolTable } from "../../src/sheet/read";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { planRotation } from "../../src/engine/plan/rotation";
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { evaluateScenario, parseEdits } from "../../src/engine/scenario";
import { planSheet, rotationSheet } from "../../src/report/planSheets";
import { scenarioSheet } from "../../src/report/scenarioSheet";
import { whatIfCost } from "../../src/engine/whatifCost";
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
    const parsed = parseEdits(edits, NATIONAL_2017);
    const result = evaluateScenario(
      await sampleRecords(),
      parsed.edits,
      NATIONAL_2017,
      undefined,
      parsed.indexes,
    );
    const cost = whatIfCost(parsed.edits, result, DEFAULT_UNIT_COSTS);
    await expectSheetsInFile(out, [scenarioSheet(parsed.edits, result, cost, NATIONAL_2017, "zh")]);
  });
});

/** The texts of a written sheet, row by row, each row's cells joined as a reader reads them. */
async function sheetLines(path: string, name: string): Promise<string[]> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const lines: string[] = [];
  file.getWorksheet(name)!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.value !== null && cell.value !== undefined && cell.value !== "")
        cells.push(String(cell.value));
    });
    lines.push(cells.join(" | "));
  });
  return lines;
}

describe("the sheets --out writes say what the edits moved and cost, as the text does", () => {
  // a merger (moves 红石乡中心小学 into 青山镇中学, not priced) and a PE teacher at a bureau's 100,000 元 a year
  const edits = [
    { kind: "mergeSchool", school: "红石乡中心小学", into: "青山镇中学" },
    { kind: "hireTeachers", school: "白狼县第一小学", level: "primary", resource: "peArtTeachers", count: 1 },
  ];
  /** Runs `command` with the edits and the bureau's costs, writing `file`; its sheet `name`'s lines. */
  async function written(command: "whatif" | "plan", file: string, name: string) {
    const editsFile = join(dir, "merge-edits.json");
    writeFileSync(editsFile, JSON.stringify(edits));
    const costs = join(dir, "bureau-costs.json");
    writeFileSync(costs, JSON.stringify({ peArtTeachers: 100000 }));
    const out = join(dir, file);
    const r = await run(command, SAMPLE, "--edits", editsFile, "--costs", costs, "--out", out);
    expect(r.code).toBe(0);
    return { stdout: r.stdout, text: await sheetLines(out, name) };
  }

  /** The merger, what the text printed under it, word for word, then its cost; the teacher's cost; the total. */
  function expectEdits(text: string[], stdout: string) {
    const merge = text.indexOf("1 | 红石乡中心小学 并入 青山镇中学");
    expect(merge).toBeGreaterThan(0);
    const printed = stdout.split("\n");
    const effect = printed[printed.indexOf("  1. 红石乡中心小学 并入 青山镇中学") + 1].trim();
    expect(effect).toMatch(/^红石乡中心小学并入青山镇中学：小学在校生 \+/);
    expect(text.slice(merge + 1, merge + 6)).toEqual([
      effect,
      "费用：不计费用（撤并的交通、寄宿、改造等费用不在成本模型中）",
      expect.stringMatching(/^2 \| 白狼县第一小学 /),
      "费用：每年 10.00 万元",
      "费用合计（按规划的单位成本）：每年 10.00 万元；另有 1 项不计费用",
    ]);
  }

  test("balance whatif --out: each edit's effect and cost at the --costs prices, and the total", async () => {
    const { stdout, text } = await written("whatif", "模拟-撤并.xlsx", "模拟方案");
    expectEdits(text, stdout);
  });

  test("balance plan --edits --out: the edits with their cost first, the plan's totals with theirs", async () => {
    const { stdout, text } = await written("plan", "方案-撤并.xlsx", "补充方案");
    expect(text[2]).toBe("一、模拟修改（本方案按修改后的学校表求出，原表未改动）");
    expectEdits(text, stdout);
    // the line the text prints after the plan, on the sheet under the plan's totals
    const together = stdout.split("\n").find((l) => l.startsWith("连同修改清单本身的费用，合计："));
    expect(together).toMatch(/（修改清单中不计费用的 1 项未计入）$/);
    expect(text.indexOf(together!)).toBeGreaterThan(text.findIndex((l) => l.endsWith("、成本合计")));
  });
});
