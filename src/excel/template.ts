import type { Lang } from "../i18n/format";
import { sampleCountyRecords, SAMPLE_COUNTY_TITLE } from "../sample/sampleCounty";
import { recordsToRows, templateColumnWidths, templateHeaderRow } from "../sheet/template";
import type { TemplateSheet } from "./officeHost";

/**
 * The template sheet the pane inserts: the same header as `balance template` (canonical Chinese headers with
 * units, which the reader matches), optionally with the sample county's rows under a title row.
 */
export function templateSheet(options: { withSample: boolean; lang: Lang }): TemplateSheet {
  const header = templateHeaderRow();
  // the widths of `balance template`, so that the sheet prints one page wide
  const columnWidths = templateColumnWidths();
  const name = options.lang === "zh" ? "学校" : "Schools";
  if (!options.withSample) return { name, rows: [header], columnWidths, headerRow: 0 };
  return {
    name,
    rows: [[SAMPLE_COUNTY_TITLE], header, ...recordsToRows(sampleCountyRecords())],
    columnWidths,
    headerRow: 1,
  };
}
