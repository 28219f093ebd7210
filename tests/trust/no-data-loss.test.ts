/**
 * No data loss (issue 7 item 3). In the workbook (the Office.js host over the in-memory Excel double): the add-in
 * writes only to sheets it created — never the input sheet, never a sheet of the user's that happens to bear a
 * report sheet's name — and a report that fails at any point leaves no half-written sheet. On disk (`balance
 * evaluate --out`): never the input workbook under any spelling, never an existing file without --force, and a
 * replaced report is never left half-written.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { ExcelDouble } from "../../src/excel/double/excel";
import { doubleHost } from "../../src/excel/double/host";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { evaluateTable } from "../../src/pipeline";
import { main } from "../../src/cli/main";
import { writeFileAtomic } from "../../src/cli/io";
import { reportBytes } from "../../src/xlsx/report";
import { baseRows, SHEET } from "./fixtures/catalogue";
import { gridOf } from "./catalogueRun";
import { CATALOGUE } from "./fixtures/catalogue";

const FIXTURES = path.join(__dirname, "fixtures", "xlsx");

function reportOf(caseId: string, lang: "zh" | "en"): Report {
  const c = CATALOGUE.find((k) => k.id === caseId);
  if (!c) throw new Error(caseId);
  const result = evaluateTable(gridOf(c));
  if (!result.evaluation) throw new Error(`${caseId} does not evaluate`);
  return buildReport(
    { evaluation: result.evaluation, read: result.read, profile: result.profile, problems: result.problems },
    { lang, sourceRange: `${SHEET}!A1:P6`, date: "2026-11-28" },
  );
}

/** What a person sees of the workbook: each sheet's name, visibility and values. */
function snapshot(excel: ExcelDouble): { name: string; visible: boolean; values: unknown[][] }[] {
  return excel.model.sheets.map((s) => ({
    name: s.name,
    visible: s.visibility === "Visible",
    values: excel.valuesOf(s.name),
  }));
}

/** A bureau's workbook: the school table, a sheet of the user's own named 达标情况, and a notes sheet. */
function userWorkbook(): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheetWithValues(
    SHEET,
    baseRows().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
  );
  excel.addSheetWithValues("达标情况", [
    ["这是我自己的表", 2024],
    ["请勿改动", 1],
  ]);
  excel.addSheetWithValues("备注", [["评估前核对：王某"]]);
  return excel;
}

const USER_SHEETS = [SHEET, "达标情况", "备注"];

/** The values each report sheet holds when written in full, by sheet key. */
async function fullSheets(report: Report): Promise<Map<string, unknown[][]>> {
  const excel = new ExcelDouble();
  const { written } = await doubleHost(excel).writeReport(report, { replaceExisting: true });
  return new Map(report.sheets.map((s, i) => [s.key, excel.valuesOf(written[i])]));
}

describe("the add-in writes only to sheets it created", () => {
  it("leaves the input sheet and the user's sheets — even one named 达标情况 — exactly as they were", async () => {
    const excel = userWorkbook();
    const before = snapshot(excel).filter((s) => USER_SHEETS.includes(s.name));
    const host = doubleHost(excel);
    const report = reportOf("base", "zh");
    const first = await host.writeReport(report, { replaceExisting: true });
    // the user's 达标情况 keeps its name and content; the report takes another name
    expect(first.written).not.toContain("达标情况");
    expect(first.written).toHaveLength(report.sheets.length);
    expect(await host.existingReportSheets(report)).toEqual(first.written);
    const second = await host.writeReport(reportOf("failing-county", "zh"), { replaceExisting: true });
    const after = snapshot(excel);
    expect(after.filter((s) => USER_SHEETS.includes(s.name))).toEqual(before);
    // replacing its own sheets does not pile them up
    expect(after.map((s) => s.name).sort()).toEqual([...USER_SHEETS, ...second.written].sort());
    expect(after.every((s) => s.visible)).toBe(true);
  });

  it("inserting the template never writes over a sheet of the same name", async () => {
    const excel = userWorkbook();
    const before = snapshot(excel);
    const host = doubleHost(excel);
    const first = await host.insertTemplate({ withSample: true, lang: "zh" });
    const second = await host.insertTemplate({ withSample: false, lang: "zh" });
    expect(USER_SHEETS).not.toContain(first);
    expect(USER_SHEETS).not.toContain(second);
    expect(second).not.toBe(first);
    const after = snapshot(excel);
    for (const sheet of before) expect(after).toContainEqual(sheet);
    expect(after).toHaveLength(before.length + 2);
  });

  it("without replacing, a new report is added beside the old one, which stays as it was", async () => {
    const excel = userWorkbook();
    const host = doubleHost(excel);
    const first = await host.writeReport(reportOf("base", "zh"), { replaceExisting: true });
    const old = snapshot(excel);
    const second = await host.writeReport(reportOf("failing-county", "zh"), { replaceExisting: false });
    expect(second.written.filter((n) => first.written.includes(n))).toEqual([]);
    const now = snapshot(excel);
    for (const sheet of old) expect(now).toContainEqual(sheet);
  });

  it("a sheet the user renamed from a report is still recognised as the add-in's; one the user made never is", async () => {
    const excel = userWorkbook();
    const host = doubleHost(excel);
    const report = reportOf("base", "zh");
    const first = await host.writeReport(report, { replaceExisting: true });
    // the user renames the add-in's summary sheet and makes a sheet of their own with the summary's name
    const summary = first.written[report.sheets.findIndex((s) => s.key === "summary")];
    excel.model.renameSheet(excel.model.requireSheet(summary), "我的汇总");
    excel.addSheetWithValues(summary, [["用户自己的表"]]);
    const mine = excel.valuesOf(summary);
    await host.writeReport(reportOf("failing-county", "zh"), { replaceExisting: true });
    expect(excel.valuesOf(summary)).toEqual(mine);
    expect(excel.model.sheets.some((s) => s.name === "我的汇总")).toBe(false);
  });
});

describe("a report that fails midway leaves no half-written sheet", () => {
  async function syncsOfWrite(replacing: boolean): Promise<{ start: number; end: number }> {
    const excel = userWorkbook();
    const host = doubleHost(excel);
    if (replacing) await host.writeReport(reportOf("base", "zh"), { replaceExisting: true });
    const start = excel.syncCount;
    await host.writeReport(reportOf("failing-county", "en"), { replaceExisting: true });
    return { start, end: excel.syncCount };
  }

  for (const replacing of [false, true]) {
    it(`at every sync of the write (${replacing ? "replacing an earlier report" : "first report"})`, async () => {
      const { start, end } = await syncsOfWrite(replacing);
      expect(end - start).toBeGreaterThanOrEqual(2);
      const oldReport = reportOf("base", "zh");
      const newReport = reportOf("failing-county", "en");
      const complete = [...(await fullSheets(oldReport)).values(), ...(await fullSheets(newReport)).values()];
      for (let k = start + 1; k <= end; k++) {
        const excel = userWorkbook();
        const host = doubleHost(excel);
        if (replacing) await host.writeReport(oldReport, { replaceExisting: true });
        const before = snapshot(excel);
        excel.failAtSync = k;
        await expect(host.writeReport(newReport, { replaceExisting: true })).rejects.toThrow();
        const after = snapshot(excel);
        // the user's sheets are untouched
        for (const name of USER_SHEETS) {
          expect(after.find((s) => s.name === name)).toEqual(before.find((s) => s.name === name));
        }
        // no temporary or hidden sheet is left, and every other sheet is a whole report sheet, old or new
        for (const sheet of after) {
          expect(sheet.name).not.toMatch(/~balance/);
          expect({ k, end, name: sheet.name, visible: sheet.visible }).toEqual({
            k,
            end,
            name: sheet.name,
            visible: true,
          });
          if (USER_SHEETS.includes(sheet.name)) continue;
          expect(complete).toContainEqual(sheet.values);
        }
        // a failure before the last step leaves the workbook exactly as it was
        if (k < end) expect(after).toEqual(before);
      }
    });
  }
});

describe("balance evaluate --out never loses a file", () => {
  let dir: string;
  let input: string;
  const bytesOf = (file: string) => readFileSync(file);

  async function balance(...argv: string[]): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    return { code, out };
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "balance-trust-out-"));
    input = path.join(dir, "白狼县.xlsx");
    copyFileSync(path.join(FIXTURES, "base.xlsx"), input);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("never writes over the input workbook, however it is named, even with --force", async () => {
    const original = bytesOf(input);
    mkdirSync(path.join(dir, "sub"));
    linkSync(input, path.join(dir, "hard-link.xlsx"));
    symlinkSync(input, path.join(dir, "soft-link.xlsx"));
    const spellings = [
      input,
      path.join(dir, ".", "白狼县.xlsx"),
      path.join(dir, "sub", "..", "白狼县.xlsx"),
      path.relative(process.cwd(), input),
      path.join(dir, "hard-link.xlsx"),
      path.join(dir, "soft-link.xlsx"),
    ];
    for (const out of spellings) {
      for (const force of [[], ["--force"]]) {
        const r = await balance("evaluate", input, "--out", out, ...force);
        expect(r.code).not.toBe(0);
        expect(r.out).not.toMatch(/^\s+at /m);
        expect(bytesOf(input)).toEqual(original);
      }
    }
  });

  it("never writes over an existing file without --force; with --force replaces it whole", async () => {
    const out = path.join(dir, "报告.xlsx");
    writeFileSync(out, "上一次的报告");
    const r = await balance("evaluate", input, "--out", out);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/--force/);
    expect(readFileSync(out, "utf8")).toBe("上一次的报告");
    const forced = await balance("evaluate", input, "--out", out, "--force");
    expect(forced.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
    // nothing is left beside it
    expect(readdirSync(dir).sort()).toEqual(["报告.xlsx", "白狼县.xlsx"].sort());
  });

  it("balance template never writes over an existing workbook without --force", async () => {
    const original = bytesOf(input);
    for (const args of [
      ["template", input],
      ["template", "--county", input],
    ]) {
      const r = await balance(...args);
      expect(r.code).not.toBe(0);
      expect(r.out).not.toMatch(/^\s+at /m);
      expect(bytesOf(input)).toEqual(original);
    }
  });

  it("writes no report when the table has errors, and none into a folder", async () => {
    const bad = path.join(dir, "bad.xlsx");
    copyFileSync(path.join(FIXTURES, "negative-count.xlsx"), bad);
    const out = path.join(dir, "报告.xlsx");
    expect((await balance("evaluate", bad, "--out", out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    mkdirSync(path.join(dir, "folder.xlsx"));
    const r = await balance("evaluate", input, "--out", path.join(dir, "folder.xlsx"), "--force");
    expect(r.code).not.toBe(0);
    expect(r.out).not.toMatch(/^\s+at /m);
  });

  it("a report that cannot be written leaves the old one whole and no partial file", async () => {
    const out = path.join(dir, "报告.xlsx");
    writeFileSync(out, "上一次的报告");
    // the report's folder is gone by the time it is written: nothing is created, the old file is untouched
    const bytes = await reportBytes(reportOf("base", "zh"));
    const result = await writeFileAtomic(path.join(dir, "missing", "报告.xlsx"), bytes, { force: true });
    expect(result.ok).toBe(false);
    expect(readFileSync(out, "utf8")).toBe("上一次的报告");
    expect(readdirSync(dir).sort()).toEqual(["报告.xlsx", "白狼县.xlsx"].sort());
  });
});
