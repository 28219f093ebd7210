/** The titles of the written tables, from --county and --year (docs/cli.md#output-files). */
import { isSchoolYear, type TitleParts } from "../../i18n/titleParts";

type Bilingual = { zh: string; en: string };

/**
 * A year as a clerk types it, as the options take it: full-width digits and dashes made ASCII (NFKC), and 年, 年度
 * or 学年 after it left off (2026年 → 2026, 2025年-2026学年 → 2025-2026).
 */
export function typedYear(text: string): string {
  return text
    .normalize("NFKC")
    .trim()
    .replace(/\s*(?:学年度|学年|年度|年)$/u, "")
    .replace(/年(?=\s*[-–—~至])/u, "");
}

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
