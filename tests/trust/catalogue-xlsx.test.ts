/**
 * The catalogue as real .xlsx files (issue 7 item 1), the way the command line meets them: read through
 * src/xlsx into the same path, and run through the real `node bin/balance.js evaluate` as a child process — exit 0
 * when it evaluates, 1 with a message naming the cell when it cannot, never a stack trace. The files are made by
 * scripts/make-trust-fixtures.mjs; the damaged, encrypted and disguised ones are made there too.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { evaluateTable } from "../../src/pipeline";
import { CATALOGUE, HEADER, baseSchools, type Case } from "./fixtures/catalogue";
import { expectCaseOutcome, expectClearProblems, expectedSkipped, outcomeOf } from "./catalogueRun";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures", "xlsx");
const BIN = path.join(ROOT, "bin", "balance.js");
const run = promisify(execFile);

const XLSX_CASES = CATALOGUE.filter((c) => !c.gridOnly);

/** The special files and what must be said about each. */
const BAD_FILES: { file: string; code: string | null; zh: RegExp; en: RegExp; exit: number }[] = [
  { file: "bad-corrupt-zip.xlsx", code: "xlsx-corrupt", zh: /损坏/, en: /damaged/, exit: 1 },
  { file: "bad-encrypted.xlsx", code: "xlsx-encrypted", zh: /密码/, en: /password/, exit: 1 },
  {
    file: "bad-empty-file.xlsx",
    code: "not-xlsx",
    zh: /不是 Excel 工作簿/,
    en: /not an Excel workbook/,
    exit: 1,
  },
  { file: "bad-zip-not-workbook.xlsx", code: null, zh: /工作簿|工作表/, en: /workbook|sheet/, exit: 1 },
];

interface CliRun {
  code: number;
  out: string;
}

async function balance(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Runs the command on many files, two at a time (the machine's two cores are shared). */
async function runAll(jobs: { key: string; args: string[] }[]): Promise<Map<string, CliRun>> {
  const results = new Map<string, CliRun>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      results.set(job.key, await balance(job.args));
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function expectNoStackTrace(out: string): void {
  expect(out).not.toMatch(/^\s+at .+(?:\(|:\d+)/m);
  expect(out).not.toMatch(/internal error|内部错误|TypeError|ReferenceError|RangeError|SyntaxError/);
}

beforeAll(() => {
  // the command as a user runs it: bin/balance.js over the bundle `npm run build:cli` makes
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, stdio: "pipe" });
}, 120_000);

describe("catalogue as .xlsx, read in process", () => {
  it("has a file for every case and every special file", () => {
    for (const c of XLSX_CASES) expect(existsSync(path.join(FIXTURES, `${c.id}.xlsx`))).toBe(true);
    for (const b of BAD_FILES) expect(existsSync(path.join(FIXTURES, b.file))).toBe(true);
    expect(XLSX_CASES.length + BAD_FILES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XLSX_CASES.map((c) => [c.id, c] as const))("%s", async (_id, c: Case) => {
    const workbook = await readWorkbookFile(path.join(FIXTURES, `${c.id}.xlsx`));
    if (!workbook.ok) throw new Error(`${c.id}: ${workbook.problem.message.en}`);
    expect(workbook.grids[0].sheet).toBe(c.sheet);
    const result = evaluateTable(workbook.grids[0]);
    expectClearProblems(result.problems);
    expectCaseOutcome(c, outcomeOf(result.read, result.evaluation, result.problems));
  });

  it.each(BAD_FILES.map((b) => [b.file, b] as const))("%s is a problem, not an exception", async (_f, b) => {
    const workbook = await readWorkbookFile(path.join(FIXTURES, b.file));
    expect(workbook.ok).toBe(false);
    if (workbook.ok) return;
    if (b.code) expect(workbook.problem.code).toBe(b.code);
    expect(workbook.problem.severity).toBe("error");
    expect(workbook.problem.message.zh).toMatch(b.zh);
    expect(workbook.problem.message.en).toMatch(b.en);
  });

  it("a text table named .xlsx is read by what it is: its missing columns are said, not that it is no workbook", async () => {
    const workbook = await readWorkbookFile(path.join(FIXTURES, "bad-text-named-xlsx.xlsx"));
    if (!workbook.ok) throw new Error(workbook.problem.message.en);
    expect(workbook.grids[0].values[0]).toEqual(["学校名称", "学校类型", "小学在校生数"]);
    const result = evaluateTable(workbook.grids[0]);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.code === "missing-column")).toBe(true);
  });

  it("a sheet protected against editing (not encrypted) reads as any other", async () => {
    const workbook = await readWorkbookFile(path.join(FIXTURES, "bad-sheet-protected.xlsx"));
    expect(workbook.ok).toBe(true);
    if (workbook.ok) expect(evaluateTable(workbook.grids[0]).ok).toBe(true);
  });
});

describe("catalogue as .xlsx, through `node bin/balance.js evaluate`", () => {
  let runs: Map<string, CliRun>;

  beforeAll(async () => {
    runs = await runAll([
      ...XLSX_CASES.map((c) => ({ key: c.id, args: ["evaluate", path.join(FIXTURES, `${c.id}.xlsx`)] })),
      ...XLSX_CASES.filter((c) => c.skipped).map((c) => ({
        key: `json:${c.id}`,
        args: ["evaluate", path.join(FIXTURES, `${c.id}.xlsx`), "--json"],
      })),
      ...BAD_FILES.map((b) => ({ key: b.file, args: ["evaluate", path.join(FIXTURES, b.file)] })),
      ...BAD_FILES.map((b) => ({
        key: `en:${b.file}`,
        args: ["evaluate", path.join(FIXTURES, b.file), "--lang", "en"],
      })),
      { key: "protected", args: ["evaluate", path.join(FIXTURES, "bad-sheet-protected.xlsx")] },
      { key: "json:encrypted", args: ["evaluate", path.join(FIXTURES, "bad-encrypted.xlsx"), "--json"] },
      { key: "json:negative", args: ["evaluate", path.join(FIXTURES, "negative-count.xlsx"), "--json"] },
      { key: "missing", args: ["evaluate", path.join(FIXTURES, "no-such-file.xlsx")] },
      { key: "directory", args: ["evaluate", FIXTURES] },
    ]);
  }, 600_000);

  it.each(XLSX_CASES.map((c) => [c.id, c] as const))("%s", (_id, c: Case) => {
    const r = runs.get(c.id) as CliRun;
    expectNoStackTrace(r.out);
    expect(r.code).toBe(c.evaluates ? 0 : 1);
    for (const p of c.problems ?? []) if (p.cell && p.severity === "error") expect(r.out).toContain(p.cell);
    expect(r.out.trim().length).toBeGreaterThan(0);
  });

  it.each(XLSX_CASES.filter((c) => c.skipped).map((c) => [c.id, c] as const))(
    "%s: the JSON's table counts the rows left out, by reason",
    (_id, c: Case) => {
      const r = runs.get(`json:${c.id}`) as CliRun;
      const doc = JSON.parse(r.out) as { table: { skippedRows: unknown } };
      expect(doc.table.skippedRows).toEqual(expectedSkipped(c));
    },
  );

  it.each(BAD_FILES.map((b) => [b.file, b] as const))("%s exits %#1 with a message", (_f, b) => {
    const zh = runs.get(b.file) as CliRun;
    const en = runs.get(`en:${b.file}`) as CliRun;
    for (const r of [zh, en]) {
      expectNoStackTrace(r.out);
      expect(r.code).toBe(b.exit);
    }
    expect(zh.out).toMatch(b.zh);
    expect(en.out).toMatch(b.en);
  });

  it("a protected sheet evaluates (exit 0)", () => {
    expect(runs.get("protected")?.code).toBe(0);
  });

  it("--json gives one JSON document with ok false, for a bad file and for a bad cell", () => {
    for (const key of ["json:encrypted", "json:negative"]) {
      const r = runs.get(key) as CliRun;
      expect(r.code).toBe(1);
      expectNoStackTrace(r.out);
    }
    const negative = runs.get("json:negative") as CliRun;
    const doc = JSON.parse(negative.out) as { ok: boolean; problems: { code: string; cell: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({ code: "negative-number", cell: "学校!D4" }),
    );
  });

  it("a missing file and a folder are messages, not stack traces", () => {
    for (const key of ["missing", "directory"]) {
      const r = runs.get(key) as CliRun;
      expectNoStackTrace(r.out);
      expect([1, 2]).toContain(r.code);
      expect(r.out.trim().length).toBeGreaterThan(0);
    }
  });
});

describe("100,000 rows", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "balance-trust-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a 100,000-school grid reads and evaluates (bounded by the test's time limit)", () => {
    const rows = [
      HEADER.slice(),
      ...Array.from({ length: 100_000 }, (_, i) => {
        const row = baseSchools()[i % 4].slice();
        row[0] = `第${i + 1}学校`;
        return row;
      }),
    ];
    const result = evaluateTable({ sheet: "学校", topLeft: "A1", values: rows as never });
    expect(result.ok).toBe(true);
    expect(result.read.records).toHaveLength(100_000);
    expect(result.evaluation?.sections.filter((s) => s.included)).toHaveLength(125_000);
  }, 240_000);

  it("a 100,000-school workbook through the command line exits 0 with a verdict", async () => {
    const file = path.join(dir, "big.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = writer.addWorksheet("学校");
    sheet.addRow(HEADER).commit();
    for (let i = 0; i < 100_000; i++) {
      const row = baseSchools()[i % 4].slice();
      row[0] = `第${i + 1}学校`;
      sheet.addRow(row as ExcelJS.CellValue[]).commit();
    }
    sheet.commit();
    await writer.commit();
    const r = await balance(["evaluate", file]);
    expectNoStackTrace(r.out);
    expect(r.code).toBe(0);
    // the readable verdict: 100,000 schools read, the primary level evaluated (the JSON would run to 100 MB)
    expect(r.out).toContain("100,000");
    expect(r.out).toMatch(/小学：参评 75,000 个/);
  }, 400_000);
});
