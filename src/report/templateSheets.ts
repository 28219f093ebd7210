/**
 * The sheets the add-in inserts for a clerk to fill in, described as data for every host: the school table's
 * template (optionally with the sample county's rows) and the county sheet (县级指标).
 */
import type { Lang } from "../i18n/format";
import { sampleCountyRecords, SAMPLE_COUNTY_TITLE } from "../sample/sampleCounty";
import { recordsToRows, templateColumnWidths, templateHeaderRow } from "../sheet/template";
import {
  COUNTY_COLUMN_WIDTHS,
  COUNTY_SHEET_NAME,
  COUNTY_SHEET_NAME_EN,
  COUNTY_SHEET_ROWS,
  COUNTY_TEMPLATE_HEADER_ROW,
  YES_NO_CHOICES,
  countyTemplateRows,
} from "../sheet/countySheet";
import { columnLetters } from "../sheet/grid";

/** The template sheet to insert: its name and rows from A1. */
export interface TemplateSheet {
  name: string;
  rows: (string | number | null)[][];
  columnWidths?: number[];
  headerRow: number;
  /** cells (A1 addresses) that take one of a few answers from an in-cell drop-down */
  choices?: { cells: string[]; values: string[] };
}

/** The value column (填报值) of the county sheet. */
const COUNTY_VALUE_COLUMN = 4;

/**
 * The county sheet (县级指标) as `balance template --county` writes it: the rows of the sheet layer, with a 是/否
 * drop-down in the value cell of every question answered yes or no.
 */
export function countyTemplateSheet(lang: Lang): TemplateSheet {
  const headerRow = COUNTY_TEMPLATE_HEADER_ROW;
  const cells = COUNTY_SHEET_ROWS.flatMap((row, i) =>
    row.yesNo ? [`${columnLetters(COUNTY_VALUE_COLUMN)}${headerRow + 2 + i}`] : [],
  );
  return {
    name: lang === "zh" ? COUNTY_SHEET_NAME : COUNTY_SHEET_NAME_EN,
    rows: countyTemplateRows(lang),
    columnWidths: [...COUNTY_COLUMN_WIDTHS],
    headerRow,
    choices: { cells, values: lang === "zh" ? YES_NO_CHOICES : [...YES_NO_CHOICES, "yes", "no"] },
  };
}

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
