/**
 * `--out` of the commands that read several workbooks: checked against every input before anything is read,
 * written atomically once everything is built, with the message a clerk reads either way.
 */
import type { Lang } from "../i18n/format";
import type { Report } from "../report/model";
import { reportBytes } from "../xlsx/report";
import {
  EXIT,
  checkOutputPath,
  usageError,
  writeFailure,
  writeFileAtomic,
  type Bilingual,
  type CliIO,
} from "./io";

/** A usage error's exit code when `out` may not be written (an input, an existing file without --force); null when it may. */
export async function checkOutPath(
  io: CliIO,
  out: string | undefined,
  inputs: readonly string[],
  force: boolean,
): Promise<number | null> {
  if (out === undefined) return null;
  const check = await checkOutputPath(out, { force, extension: ".xlsx", inputs });
  return check.ok ? null : usageError(io, check.message);
}

/**
 * Writes the workbook; `what` names it (汇总工作簿 / the league workbook). The line to print once done, or the
 * exit code after saying why it could not be written.
 */
export async function writeOut(
  io: CliIO,
  out: string,
  report: Report,
  options: { force: boolean; lang: Lang; what: Bilingual },
): Promise<{ ok: true; wrote: string } | { ok: false; code: number }> {
  const { lang, what } = options;
  const written = await reportBytes(report).then(
    (bytes) => writeFileAtomic(out, bytes, { force: options.force }),
    (error: unknown) => ({ ok: false as const, code: String(error) }),
  );
  if (!written.ok) {
    io.stderr(`balance: ${writeFailure(out, written.code)[lang]}\n`);
    return { ok: false, code: EXIT.inputErrors };
  }
  return { ok: true, wrote: lang === "zh" ? `已写出${what.zh}：${out}\n` : `Wrote the ${what.en}: ${out}\n` };
}
