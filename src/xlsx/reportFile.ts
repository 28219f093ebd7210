/**
 * `balance evaluate --out report.xlsx`: where the report may be written. The input workbook is never
 * overwritten, not even with --force; an existing file only with --force.
 */
import { realpath, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Report } from "../report/model";
import { columnLetters, parseAddress, sheetRef } from "../sheet/grid";
import { reportBytes } from "./report";

type Bilingual = { zh: string; en: string };

export type OutCheck = { ok: true } | { ok: false; message: Bilingual };

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** Checks the --out path before anything is evaluated, so that a mistake costs nothing. */
export async function checkReportPath(
  out: string,
  options: { input: string; force: boolean },
): Promise<OutCheck> {
  if (!/\.xlsx$/i.test(out)) {
    return {
      ok: false,
      message: { zh: `报告文件须以 .xlsx 结尾：“${out}”`, en: `the report file must end in .xlsx: "${out}"` },
    };
  }
  if (await samePath(out, options.input)) {
    return {
      ok: false,
      message: {
        zh: `报告不能写入输入的工作簿“${out}”`,
        en: `the report cannot overwrite the input workbook "${out}"`,
      },
    };
  }
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory())
    return { ok: false, message: { zh: `“${out}”是一个文件夹`, en: `"${out}" is a folder` } };
  if (existing && !options.force) {
    return {
      ok: false,
      message: {
        zh: `文件“${out}”已存在；如要覆盖，请加 --force`,
        en: `"${out}" already exists; add --force to overwrite it`,
      },
    };
  }
  return { ok: true };
}

/** Writes the report; without --force an existing file is refused even if it appeared after the check. */
export async function writeReportFile(
  out: string,
  report: Report,
  options: { force: boolean },
): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    await writeFile(out, await reportBytes(report), { flag: options.force ? "w" : "wx" });
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** The A1 range a grid covers, e.g. 学校!A1:AA40, for the report's 数据来源. */
export function gridRangeAddress(grid: { sheet: string; topLeft: string; values: unknown[][] }): string {
  const origin = parseAddress(grid.topLeft);
  const width = Math.max(1, ...grid.values.map((r) => r.length));
  const height = Math.max(1, grid.values.length);
  const last = `${columnLetters(origin.col + width - 1)}${origin.row + height}`;
  return `${sheetRef(grid.sheet)}!${columnLetters(origin.col)}${origin.row + 1}:${last}`;
}
