import { PUNCTUATION, type Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import type { ReportSheet } from "../report/model";

/**
 * Writes a view's sheets (plan, scenario, comparison) into the workbook and says what became of them: the sheets
 * written, or why the write failed. Never throws, so a view shows the line whatever happened.
 */
export async function writeSheetsNote(
  write: (sheets: ReportSheet[]) => Promise<void>,
  sheets: ReportSheet[],
  lang: Lang,
): Promise<string> {
  try {
    await write(sheets);
    return t(lang, "sheetsWritten", { sheets: sheets.map((s) => s.name).join(PUNCTUATION[lang].list) });
  } catch (e) {
    return t(lang, "writeFailed", { message: String((e as Error)?.message ?? e) });
  }
}
