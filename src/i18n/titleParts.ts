/**
 * What a title names, checked where it is typed (--year, the pane's year box) without loading the sheet builders.
 */

/** Who and when the tables are about: from --county and --year, or asked in the pane. */
export interface TitleParts {
  /** 白狼县; null leaves a blank to fill in */
  county?: string | null;
  /** "2026" or "2025-2026" (a school year); null leaves a blank */
  year?: string | null;
}

/** A year as --year takes it: four digits, or a school year of two consecutive years. */
export function isSchoolYear(text: string): boolean {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return Number(t) >= 2000 && Number(t) <= 2100;
  const span = /^(\d{4})\s*[-–—~至]\s*(\d{4})$/.exec(t);
  return span !== null && Number(span[2]) === Number(span[1]) + 1;
}
