/**
 * `balance evaluate --out report.xlsx`: where the report may be written. The input workbook is never
 * overwritten, not even with --force; an existing file only with --force.
 */
import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Report } from "../report/model";
import { columnLetters, parseAddress, sheetRef } from "../sheet/grid";
import { reportBytes } from "./report";

type Bilingual = { zh: string; en: string };

export type OutCheck = { ok: true } | { ok: false; message: Bilingual };

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  if ((await real(a)) === (await real(b))) return true;
  // a hard link, or another spelling on a case-insensitive disk: the same file by device and inode
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
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
  // built in full before the disk is touched: a failure while building leaves no file at all
  let bytes: Buffer;
  try {
    bytes = await reportBytes(report);
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  }
  return writeWorkbookFile(out, bytes, options);
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Writes a workbook built in full; without --force an existing file is refused even if it appeared after the check. */
export async function writeWorkbookFile(
  out: string,
  bytes: Uint8Array,
  options: { force: boolean },
): Promise<{ ok: true } | { ok: false; code: string }> {
  if (!options.force) {
    try {
      await writeFile(out, bytes, { flag: "wx" });
      return { ok: true };
    } catch (error) {
      // a file this call created and could not finish is removed; one that existed is not touched ("wx")
      if (errorCode(error) !== "EEXIST") await unlink(out).catch(() => undefined);
      return { ok: false, code: errorCode(error) };
    }
  }
  // replacing an existing file: write beside it, then rename over it, so it is never half-written
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    await rename(temp, out);
    return { ok: true };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return { ok: false, code: errorCode(error) };
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
