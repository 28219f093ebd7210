/**
 * What `balance plan --out` and `balance whatif --out` share: writing the print-ready sheets the pane writes into
 * a workbook of their own (their titles: ./titles.ts).
 */
import type { Lang } from "../../i18n/format";
import type { ReportSheet } from "../../report/model";
import type { CliIO } from "../io";
import { writeOut } from "../workbookOut";

/** Writes the sheets to `out`; the line to print, or null (with the reason on stderr) when it could not. */
export async function writtenSheets(
  io: CliIO,
  out: string,
  sheets: ReportSheet[],
  force: boolean,
  lang: Lang,
): Promise<string | null> {
  const written = await writeOut(io, out, { sheets }, { force, lang, what: { zh: "工作表", en: "sheets" } });
  return written.ok ? written.wrote : null;
}
