/* eslint-disable office-addins/call-sync-before-read -- exceljs cells, not Office.js proxies: nothing to sync */
/**
 * `balance evaluate --out report.xlsx` (issue 4 item 5): the workbook it writes holds the same cells and
 * formulas as the pane's report of the same table; it never overwrites the input, nor an existing file
 * without --force.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { doubleHost } from "../../src/excel/double/host";
import { ExcelDouble } from "../../src/excel/double/excel";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import { readSchoolTable } from "../../src/sheet/read";
import { chooseSheet, readWorkbookFile } from "../../src/xlsx/read";
import { gridRangeAddress } from "../../src/xlsx/reportFile";
import { run, tempDir } from "../cli/helpers";

const SAMPLE = "examples/sample-county.xlsx";
const dir = tempDir();

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The pane's report of the sample workbook: its school sheet in the Excel double, read and written by the host. */
async function paneReport() {
  const workbook = await readWorkbookFile(SAMPLE);
  if (!workbook.ok) throw new Error("sample unreadable");
  const chosen = chooseSheet(workbook.grids, undefined, (g) => readSchoolTable(g).headerRow !== null);
  if (!chosen.ok) throw new Error("no school sheet");
  const excel = new ExcelDouble();
  excel.addSheetWithValues(chosen.grid.sheet, chosen.grid.values as unknown[][]);
  const host = doubleHost(excel);
  const grid = await host.readTable("usedRange");
  const result = evaluateTable(grid);
  const report = buildReport(
    { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: result.problems },
    { lang: "zh", sourceRange: gridRangeAddress(grid), date: today() },
  );
  await host.writeReport(report, { replaceExisting: true });
  return { excel, report };
}

describe("balance evaluate --out", () => {
  test("writes the report workbook; it and the pane's report hold the same cells and formulas", async () => {
    const out = join(dir, "report.xlsx");
    const r = await run("evaluate", SAMPLE, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const { excel, report } = await paneReport();
    const mismatches: string[] = [];
    let formulas = 0;
    for (const sheet of report.sheets) {
      const pane = excel.model.requireSheet(sheet.name);
      const ws = file.getWorksheet(sheet.name);
      if (!ws) {
        mismatches.push(`no sheet ${sheet.name} in the file`);
        continue;
      }
      const rows = Math.max(pane.rows.length, ws.rowCount);
      for (let r0 = 0; r0 < rows; r0++) {
        const width = Math.max(pane.rows[r0]?.length ?? 0, ws.getRow(r0 + 1).cellCount);
        for (let c = 0; c < width; c++) {
          const a = pane.rows[r0]?.[c];
          const b = ws.getCell(r0 + 1, c + 1);
          const where = `${sheet.name}!${b.address}`;
          const fileFormula = b.formula ? `=${b.formula}` : undefined;
          if (fileFormula !== a?.formula) mismatches.push(`${where}: ${fileFormula} ≠ ${a?.formula}`);
          if (a?.formula) formulas++;
          const slave = b.isMerged && b.master.address !== b.address;
          const norm = (v: unknown) => (v === undefined || v === "" ? null : v);
          if (!a?.formula && !slave && norm(b.value) !== norm(a?.value)) {
            mismatches.push(`${where}: ${String(b.value)} ≠ ${String(a?.value)}`);
          }
          if ((b.numFmt || null) !== (a?.numberFormat ?? null)) mismatches.push(`${where}: format`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // every formula of the report, the audit chain from 学校数据 to the verdict
    expect(formulas).toBe(report.sheets.flatMap((s) => s.rows.flat()).filter((c) => c?.formula).length);
    expect(formulas).toBeGreaterThan(500);
  });

  test("--county and --year title every sheet; a year that is no year is a usage error", async () => {
    const out = join(dir, "titled.xlsx");
    const r = await run("evaluate", SAMPLE, "--county", "白狼县", "--year", "2026", "--out", out);
    expect(r.code).toBe(0);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(file.worksheets.map((ws) => ws.name)).toEqual(["汇总", "达标情况", "差异系数", "学校数据"]);
    for (const ws of file.worksheets) {
      const title = ws.getRow(1).values as unknown[];
      expect(title.find((v) => typeof v === "string")).toMatch(/^白狼县 2026 年义务教育优质均衡发展 /);
    }
    const bad = await run("evaluate", SAMPLE, "--year", "明年", "--out", join(dir, "never2.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--year");
    expect(existsSync(join(dir, "never2.xlsx"))).toBe(false);
  });

  test("refuses an existing file without --force, overwrites it with --force", async () => {
    const out = join(dir, "existing.xlsx");
    writeFileSync(out, "keep me");
    const refused = await run("evaluate", SAMPLE, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await run("evaluate", SAMPLE, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("never overwrites the input workbook, even with --force", async () => {
    const input = join(dir, "input.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const r = await run("evaluate", input, "--out", input, "--force");
    expect(r.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("a name that is not .xlsx is a usage error; input errors write no report", async () => {
    expect((await run("evaluate", SAMPLE, "--out", join(dir, "report.csv"))).code).toBe(2);
    const bad = join(dir, "bad.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("学校").addRow(["学校名称", "学校类型", "小学在校生数"]);
    wb.getWorksheet("学校")!.addRow(["一小", "不明类型", -5]);
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(dir, "never.xlsx");
    const r = await run("evaluate", bad, "--out", out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test("with --json stdout stays one JSON document", async () => {
    const out = join(dir, "json-report.xlsx");
    const r = await run("evaluate", SAMPLE, "--json", "--out", out);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(existsSync(out)).toBe(true);
  });
});
