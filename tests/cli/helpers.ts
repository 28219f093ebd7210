import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { SchoolRecord } from "../../src/engine";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `balance …` in this process, capturing what it writes. */
export async function run(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "balance-cli-"));
}

/** Writes a workbook with one sheet per entry (rows under the canonical header) and returns its path. */
export async function writeWorkbook(
  dir: string,
  name: string,
  sheets: Record<string, (string | number | null)[][]>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(sheetName);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

/** The canonical header and the rows of these records. */
export function tableOf(records: SchoolRecord[]): (string | number | null)[][] {
  return [templateHeaderRow(), ...recordsToRows(records)];
}

/**
 * What a usage error under --json leaves on stdout (docs/json.md#usage-errors): one document, `ok: false` with the
 * one problem `usage` whose English is the message on stderr, and nothing evaluated.
 */
export function usageDocument(r: Run): { message: string; messages: { zh: string; en: string } } {
  const doc = JSON.parse(r.stdout) as { ok: boolean; problems: { code: string }[] };
  expect(Object.keys(doc)).toEqual(["ok", "problems"]);
  expect(doc.ok).toBe(false);
  expect(doc.problems).toHaveLength(1);
  const [problem] = doc.problems as {
    severity: string;
    code: string;
    cell: null;
    message: string;
    messages: { zh: string; en: string };
  }[];
  expect(problem).toMatchObject({ severity: "error", code: "usage", cell: null });
  expect(r.stderr.split("\n")[0]).toBe(`balance: ${problem.messages.zh}`);
  return problem;
}
