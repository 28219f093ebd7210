/**
 * The audit chain recomputed by another spreadsheet (issue 15): LibreOffice opens the report, recalculates every
 * formula from the school data the report carries, and gets the engine's numbers (docs/standard.md#coefficient,
 * docs/standard.md#pass-rule, docs/standard.md#apportioning) to 1e-9, for the sample county and for generated
 * counties with combined schools, teaching points merged or not, facilities given per section and indoor
 * sports rooms moved.
 */
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluate, type Evaluation } from "../../src/engine";
import { evaluateCountyWorkbook } from "../../src/countyVerdict";
import { evaluateTable } from "../../src/pipeline";
import { BALANCE_LAYOUT, COMPLIANCE_COLUMNS, buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { readSchoolTable } from "../../src/sheet/read";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import type { Profile } from "../../src/standard/profile";
import { reportBytes } from "../../src/xlsx/report";
import { chooseSheet } from "../../src/xlsx/reader";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { randomCounty } from "../excel/county";
import { profileArb, recordsArb } from "../trust/generators";
import { formulaMismatches, hasSoffice, recalculatedSheets } from "./libreoffice";

const describeLo = hasSoffice() ? describe : describe.skip;

interface Case {
  name: string;
  report: Report;
  evaluation: Evaluation;
}

async function sampleCase(): Promise<Case> {
  const workbook = await readWorkbookFile("examples/sample-county.xlsx");
  if (!workbook.ok) throw new Error("the sample is unreadable");
  const chosen = chooseSheet(workbook.grids, undefined, (g) => readSchoolTable(g).headerRow !== null);
  if (!chosen.ok) throw new Error("no school sheet in the sample");
  const result = evaluateTable(chosen.grid);
  const county = evaluateCountyWorkbook(result, null).verdict;
  const report = buildReport(
    {
      evaluation: result.evaluation!,
      read: result.read,
      profile: result.profile,
      problems: result.problems,
      county,
    },
    { lang: "zh", sourceRange: "学校!A2:AA40", date: "2026-11-28", county: "白狼县", year: "2026" },
  );
  return { name: "sample", report, evaluation: result.evaluation! };
}

function generatedCase(
  name: string,
  records: Parameters<typeof evaluate>[0],
  profile: Profile,
  lang: "zh" | "en" = "zh",
): Case {
  const evaluation = evaluate(records, profile);
  const report = buildReport(
    { evaluation, read: { records }, profile, problems: [] },
    { lang, sourceRange: "学校!A1:Q30", date: "2026-11-28" },
  );
  return { name, report, evaluation };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Every formula cell of the report against what LibreOffice computed; returns the mismatches and the count. */
function compare(c: Case, sheets: Map<string, string[][]>): { mismatches: string[]; formulas: number } {
  return formulaMismatches(c.name, c.report.sheets, sheets);
}

/** The engine's own figures, straight from the evaluation, at the cells that hold them. */
function expectEngineFigures(c: Case, sheets: Map<string, string[][]>): void {
  const find = (key: string) => c.report.sheets.find((s) => s.key === key)!;
  const balance = sheets.get(find("balance").name)!;
  const pass = c.report.sheets[0].name === "汇总" ? "达标" : "Pass";
  for (const level of LEVELS) {
    for (const id of INDICATOR_IDS) {
      const row = balance[BALANCE_LAYOUT.rowOf(level, id) - 1];
      const b = c.evaluation.levels[level].balance[id];
      const C = BALANCE_LAYOUT.columns;
      if (b.cv === null) expect(row[C.cv]).toBe("");
      else expect([level, id, close(Number(row[C.cv]), b.cv)]).toEqual([level, id, true]);
      expect(row[C.pass] === pass).toBe(b.pass);
    }
  }
  const compliance = find("compliance");
  const values = sheets.get(compliance.name)!;
  // the data rows are the included sections, a block per level in LEVELS order, each in the engine's order
  const rows = compliance.rows.flatMap((cells, r) => (cells[COMPLIANCE_COLUMNS.pass]?.formula ? [r] : []));
  const included = LEVELS.flatMap((level) =>
    c.evaluation.sections.filter((s) => s.included && s.level === level),
  );
  expect(rows.length).toBe(included.length);
  included.forEach((s, k) => {
    const r = rows[k];
    expect(compliance.rows[r][COMPLIANCE_COLUMNS.school].value).toBe(s.school);
    INDICATOR_IDS.forEach((id, k) => {
      expect([
        s.school,
        id,
        close(Number(values[r][COMPLIANCE_COLUMNS.value(k)]), s.values[id] as number),
      ]).toEqual([s.school, id, true]);
    });
    expect(values[r][COMPLIANCE_COLUMNS.pass] === pass).toBe(s.pass);
  });
}

describeLo("LibreOffice recomputes every formula of the report to the engine's numbers (1e-9)", () => {
  let cases: Case[];
  let computed: Map<string, Map<string, string[][]>>;
  let files: string[];

  beforeAll(async () => {
    const generated = fc.sample(fc.tuple(recordsArb(25), profileArb), { seed: 15, numRuns: 6 });
    cases = [
      await sampleCase(),
      generatedCase("random40", randomCounty(40, 2026), generatedProfile()),
      generatedCase("random25en", randomCounty(25, 7), generatedProfile(), "en"),
      ...generated.map(([records, profile], i) => generatedCase(`generated${i}`, records, profile)),
    ];
    const dir = mkdtempSync(join(tmpdir(), "balance-recalc-"));
    files = [];
    for (const c of cases) {
      const file = join(dir, `${c.name}.xlsx`);
      writeFileSync(file, await reportBytes(c.report));
      files.push(file);
    }
    computed = recalculatedSheets(
      files,
      cases.map((c) => c.report.sheets.map((s) => s.name)),
    );
  }, 300_000);

  test("the sample county: every formula cell, and the engine's figures at their cells", () => {
    const c = cases[0];
    const sheets = computed.get(files[0])!;
    const { mismatches, formulas } = compare(c, sheets);
    expect(mismatches).toEqual([]);
    // values, statuses, counts and passes of each section, the coefficients, the summary and the county verdict
    expect(formulas).toBeGreaterThan(c.evaluation.sections.filter((s) => s.included).length * 17);
    expectEngineFigures(c, sheets);
  });

  test("generated counties with combined schools, merged teaching points, per-section and indoor sports figures", () => {
    let shares = 0;
    cases.slice(1).forEach((c, i) => {
      const sheets = computed.get(files[i + 1])!;
      const { mismatches } = compare(c, sheets);
      expect(mismatches).toEqual([]);
      expectEngineFigures(c, sheets);
      const compliance = c.report.sheets.find((s) => s.key === "compliance")!;
      shares += compliance.rows.filter((r) => r[COMPLIANCE_COLUMNS.share]?.formula).length;
    });
    // apportioned facilities were among them: their share is a formula too
    expect(shares).toBeGreaterThan(5);
  });
});

function generatedProfile(): Profile {
  return fc.sample(profileArb, { seed: 3, numRuns: 1 })[0];
}
