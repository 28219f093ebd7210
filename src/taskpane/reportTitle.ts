/**
 * The county and the year the report's titles name (issue 15: from --county / --year on the command line, asked
 * in the pane), as the workbook keeps them: per sheet of the school table, like the column mapping, so that the
 * next report of the same table is titled alike.
 */
import { withoutControls } from "../engine/names";
import { isSchoolYear, type TitleParts } from "../report/print";

export const TITLE_SETTINGS_KEY = "reportTitle";

/** What the clerk typed: a county and a year (2026) or school year (2025-2026); empty when not given. */
export interface TitleFields {
  county: string;
  year: string;
}

export type SavedTitles = Record<string, TitleFields>;

export const NO_TITLE: TitleFields = { county: "", year: "" };

/** A sheet's saved fields; anything else the settings hold (an older or foreign value) reads as none. */
export function savedTitleOf(saved: SavedTitles | null, sheet: string): TitleFields {
  const entry = saved?.[sheet] as Partial<TitleFields> | undefined;
  return {
    county: typeof entry?.county === "string" ? entry.county : "",
    year: typeof entry?.year === "string" ? entry.year : "",
  };
}

/** Whether the year field holds something that is no year (an empty field is fine: a blank in the title). */
export function yearIsWrong(year: string): boolean {
  return year.trim() !== "" && !isSchoolYear(year);
}

/**
 * The county typed, without controls (`withoutControls`, docs/school-table.md#names), as the command line takes
 * --county: what the titles and the county's target year go by; the controls removed, for the field to say so.
 * The field keeps what was typed.
 */
export function typedCounty(fields: TitleFields): { name: string; removed: string[] } {
  return withoutControls(fields.county.trim());
}

/**
 * The titles' parts: the county typed (`typedCounty`), else the county chosen from a statistics export of several; the year when
 * it is one. Whatever is missing is left as a blank to fill in by hand (report/print.ts tableTitle).
 */
export function titleParts(fields: TitleFields, chosenCounty?: string | null): TitleParts {
  const county = typedCounty(fields).name || chosenCounty?.trim() || null;
  const year = fields.year.trim() !== "" && !yearIsWrong(fields.year) ? fields.year.trim() : null;
  return { county, year };
}
