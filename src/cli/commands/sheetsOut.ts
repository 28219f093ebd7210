/**
 * What `balance plan --out` and `balance whatif --out` share: the titles from --county and --year, and writing
 * the print-ready sheets the pane writes into a workbook of their own.
 */
import type { Lang } from "../../i18n/format";
import type { ReportSheet } from "../../report/model";
import { isSchoolYear, type TitleParts } from "../../report/print";
import type { CliIO } from "../io";
import { writeOut } from "../workbookOut";

type Bilingual = { zh: string; en: string };

/** --county and --year as the titles take them; a year that is no year is a usage error. */
export function titleOptions(values: {
  county?: string;
  year?: string;
}): { ok: true; parts: TitleParts } | { ok: false; message: Bilingual } {
  if (values.year !== undefined && !isSchoolYear(values.year)) {
    return {
      ok: false,
      message: {
        zh: `--year 应为年份或学年，如 2026 或 2025-2026（收到“${values.year}”）`,
        en: `--year takes a year or a school year, e.g. 2026 or 2025-2026 (got "${values.year}")`,
      },
    };
  }
  return { ok: true, parts: { county: values.county ?? null, year: values.year ?? null } };
}

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
