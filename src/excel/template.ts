import type { Lang } from "../i18n/format";
import { sampleCountyRecords, SAMPLE_COUNTY_TITLE } from "../sample/sampleCounty";
import { recordsToRows, templateHeaderRow } from "../sheet/template";
import type { TemplateSheet } from "./officeHost";

/** Display width of a header in characters: CJK characters count double. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * The template sheet the pane inserts: the same header as `balance template` (canonical Chinese headers with
 * units, which the reader matches), optionally with the sample county's rows under a title row.
 */
export function templateSheet(options: { withSample: boolean; lang: Lang }): TemplateSheet {
  const header = templateHeaderRow();
  const columnWidths = header.map((h) => Math.min(24, Math.max(8, Math.ceil(widthOf(h) / 2) + 2)));
  const name = options.lang === "zh" ? "学校" : "Schools";
  if (!options.withSample) return { name, rows: [header], columnWidths, headerRow: 0 };
  return {
    name,
    rows: [[SAMPLE_COUNTY_TITLE], header, ...recordsToRows(sampleCountyRecords())],
    columnWidths,
    headerRow: 1,
  };
}
