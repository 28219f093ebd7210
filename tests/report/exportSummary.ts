import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "../cli/helpers";

/**
 * A county's 汇总 as `balance evaluate` writes it from the statistics export (tests/fixtures/xls/export.xlsx): the
 * workbook's bytes (for its page breaks, `pageStartsIn`) and the sheet read back.
 */
export async function exportSummary(county: string): Promise<{ bytes: Buffer; sheet: ExcelJS.Worksheet }> {
  const out = join(tempDir(), `${county}.xlsx`);
  const argv = ["evaluate", "tests/fixtures/xls/export.xlsx", "--county", county, "--out", out];
  const result = await run(...argv);
  if (result.code !== 0) throw new Error(`balance evaluate --county ${county} ended ${result.code}`);
  const bytes = readFileSync(out);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, sheet: workbook.getWorksheet("汇总")! };
}
