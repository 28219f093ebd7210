/**
 * `--out` of the commands that read several workbooks: checked against every input before anything is read,
 * written once everything is built, with the message a clerk reads either way.
 */
import type { Lang } from "../i18n/format";
import type { Report } from "../report/model";
import { checkReportPath, writeReportFile } from "../xlsx/reportFile";
import { EXIT, usageError, type Bilingual, type CliIO } from "./io";

/** A usage error's exit code when `out` may not be written (an input, an existing file without --force); null when it may. */
export async function checkOutPath(
  io: CliIO,
  out: string | undefined,
  inputs: readonly string[],
  force: boolean,
): Promise<number | null> {
  if (out === undefined) return null;
  for (const input of inputs) {
    const check = await checkReportPath(out, { input, force });
    if (!check.ok) return usageError(io, check.message);
  }
  return null;
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
  const written = await writeReportFile(out, report, { force: options.force });
  if (!written.ok) {
    io.stderr(
      lang === "zh"
        ? `balance: 无法写入${what.zh}“${out}”（${written.code}）\n`
        : `balance: cannot write the ${what.en} "${out}" (${written.code})\n`,
    );
    return { ok: false, code: EXIT.inputErrors };
  }
  return { ok: true, wrote: lang === "zh" ? `已写出${what.zh}：${out}\n` : `Wrote the ${what.en}: ${out}\n` };
}
