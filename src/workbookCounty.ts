/**
 * Which county a workbook is about: named by the user (--county), by its table's county column, by its county
 * sheet's or its school table's title, or by its file's name (sheet/countyName.ts), and looked up in the profile's plan for its spelling
 * and its target year. `balance evaluate`, `plan` and `whatif` title their sheets and give readiness by it;
 * `balance batch` and the web app's league view name their counties by it (countyWorkbook.ts).
 */
import { findCounty, plannedCounties } from "./engine/county/readiness";
import { countyStem } from "./engine/names";
import type { Problem } from "./problems/problem";
import {
  countyFileOf,
  countyInFileName,
  countyNamedIn,
  detectCountyName,
  type CountyClues,
  type CountyNameSource,
} from "./sheet/countyName";
import type { Grid } from "./sheet/grid";
import type { CountyTarget } from "./standard/county";
import type { Profile } from "./standard/profile";

export type { CountyClues } from "./sheet/countyName";

/** The counties the profile's plan names (the Xing'an League plan's by default), by every name they go by. */
export function knownCounties(profile: Profile): string[] {
  return plannedCounties(profile).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
}

/** The file's name without its folders, on any system: what a county is named after when nothing else names it. */
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A school table's rows above its header (`headerRow`, 0-based in the grid read): its title. */
export function titleRowsOf(grid: Grid, headerRow: number | null): Grid["values"] {
  return headerRow === null ? [] : grid.values.slice(0, headerRow);
}

/**
 * The county a workbook is about (`detectCountyName`: the file's name when nothing else names one), in the plan's
 * spelling where the plan knows it by any name.
 */
export function countyName(clues: CountyClues, profile: Profile) {
  const known = knownCounties(profile);
  const detected = detectCountyName({ ...clues, file: countyFileOf(clues.file, known), known });
  return { ...detected, name: findCounty(profile, detected.name)?.name ?? detected.name };
}

/** The county one workbook evaluated on its own is about (`workbookCounty`). */
export interface WorkbookCounty {
  /** in the plan's spelling where the plan knows it; null when nothing names it */
  name: string | null;
  /** "given": named by the user (--county); else what named it in the workbook */
  from: "given" | CountyNameSource | null;
  /** the plan's county, with its target year, where the plan knows it */
  target: CountyTarget | undefined;
  /**
   * another county the workbook names (its county sheet, its school table's title, or a county of the plan in the
   * file's name) than the one given: the wrong file, or a mistyped name, which the user should hear of
   */
  namedOtherwise: { name: string; from: CountyNameSource } | null;
}

/**
 * The county a workbook evaluated on its own (`balance evaluate`) is about, for its titles and its readiness for
 * its target year: the county given, else the one the workbook names for certain (sheet/countyName.ts
 * `countyNamedIn`: the county its table's rows were read for, its county sheet, a county of the plan its school
 * table's title or its file's name gives). A file's name that names no county of the plan names nothing here: a report titled after a file called
 * 学校统计表 would be wrongly titled, where a blank is filled in by hand.
 */
export function workbookCounty(clues: CountyClues & { given?: string }, profile: Profile): WorkbookCounty {
  const known = knownCounties(profile);
  const inPlan = (name: string) => findCounty(profile, name)?.name ?? name;
  const input = { ...clues, file: countyFileOf(clues.file, known), known };
  const given = clues.given?.trim();
  if (given) {
    const target = findCounty(profile, given);
    // with a county column the rows read are the given county's: the workbook names no other
    const named = clues.tableCounty ? null : countyNamedIn(input);
    const other = named && !sameCounty(inPlan(named.name), inPlan(given)) ? named : null;
    return {
      name: target?.name ?? clues.tableCounty ?? given,
      from: "given",
      target,
      namedOtherwise: other && { name: inPlan(other.name), from: other.from },
    };
  }
  const named = countyNamedIn(input);
  if (!named) return { name: null, from: null, target: undefined, namedOtherwise: null };
  const target = findCounty(profile, named.name);
  return { name: target?.name ?? named.name, from: named.from, target, namedOtherwise: null };
}

/**
 * The warning that the workbook names another county than the one given (`WorkbookCounty.namedOtherwise`): it is
 * evaluated as the county given, whose target year and titles it then carries.
 */
export function countyNamedOtherwise(county: WorkbookCounty, file: string): Problem | null {
  const other = county.namedOtherwise;
  if (!other || county.name === null) return null;
  const given = county.name;
  const where =
    other.from === "file"
      ? { zh: `文件名“${fileName(file)}”指的是`, en: `the file's name "${fileName(file)}" gives` }
      : other.from === "tableTitle"
        ? { zh: "学校表的标题写的是", en: "the school table's title names" }
        : { zh: "县级指标表的标题写的是", en: "the county sheet's title names" };
  return {
    severity: "warning",
    code: "county-named-otherwise",
    cell: null,
    message: {
      zh: `指定的旗县市是“${given}”，而${where.zh}“${other.name}”：按“${given}”评估，请核对是否选错了文件。`,
      en: `The county given is "${given}", but ${where.en} "${other.name}": evaluated as ${given}; check that this is the right file.`,
    },
  };
}

/**
 * The warning that the years compared are files of two counties (`balance compare` without `--county`): the year
 * `later` of the file `file` names the county `county`, the year `earlier` another, `first`. They are compared all the
 * same; most likely a file was chosen wrongly.
 */
export function countyOfYearDiffers(
  file: string,
  later: { label: string; county: string },
  earlier: { label: string; county: string },
): Problem {
  const when = (label: string) =>
    /^\d{4}$/.test(label) ? { zh: `${label} 年`, en: label } : { zh: label, en: label };
  return {
    severity: "warning",
    code: "compare-other-county",
    cell: null,
    message: {
      zh: `“${fileName(file)}”（${when(later.label).zh}）是“${later.county}”的，而 ${when(earlier.label).zh}的文件是“${earlier.county}”的：年度对比应是同一个旗县市各年的数据，请核对是否选错了文件。`,
      en: `"${fileName(file)}" (${later.label}) is of ${later.county}, but the file of ${earlier.label} is of ${earlier.county}: a comparison is of one county's years; check that these are the right files.`,
    },
  };
}

/** Two names of one county: alike but for their spacing, their width and their last 旗, 县, 市 or 区. */
export function sameCounty(a: string, b: string): boolean {
  return countyStem(a) === countyStem(b);
}

/**
 * The county a compared year's workbook names (`countyName`: a county column, a county sheet, a title, or a file's
 * name), in the plan's spelling; null where nothing names one — a file's name that is only its year (2026.xlsx)
 * names none. What `balance compare` and the 对比 views of the pane and the web app hold each year to.
 */
export function countyOfComparedYear(
  named: { name: string; from: CountyNameSource },
  file: string,
): string | null {
  if (named.from === "file" && countyInFileName(file) === null) return null;
  return named.name.trim() === "" ? null : named.name;
}

/** One year compared, for `otherCountyWarnings`: its file, its label, and the county its workbook names. */
export interface ComparedYearCounty {
  file: string;
  label: string;
  county: string | null;
}

/**
 * The warnings `compare-other-county` of a comparison whose county nobody gave (`balance compare` without
 * `--county`, the 对比 views of the pane and the web app): each year, in the order compared, whose workbook names
 * another county than the first year naming one, by `countyOfYearDiffers`; null for a year of the same county or
 * naming none. The one rule for every host: the command line, its --json and --out, the pane and the web app.
 */
export function otherCountyWarnings(years: readonly ComparedYearCounty[]): (Problem | null)[] {
  const first = years.find((y) => y.county !== null);
  return years.map((year) =>
    first?.county && year !== first && year.county !== null && !sameCounty(first.county, year.county)
      ? countyOfYearDiffers(
          year.file,
          { label: year.label, county: year.county },
          {
            label: first.label,
            county: first.county,
          },
        )
      : null,
  );
}

const COMPARED_COUNTY_CODES: readonly string[] = ["compare-other-county", "county-named-otherwise"];

/**
 * The warnings a comparison carries wherever it is shown or printed, of `problems` its years' files were read with:
 * a workbook of another county than the others (`compare-other-county`) or than the one given
 * (`county-named-otherwise`).
 */
export function comparedCountyWarnings(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => COMPARED_COUNTY_CODES.includes(p.code));
}

/** One year compared, for `comparedYearsWarnings`: its file or sheet as shown, its label and what names its county. */
export interface ComparedYearClues {
  /** the file's name (the web app), else the sheet's (inside Excel): what a warning names it by */
  shown: string;
  label: string;
  clues: CountyClues;
}

/**
 * The county warnings of a comparison, year by year, as `balance compare` gives them: with a county given for
 * every year (`--county`, or chosen in the 对比 view), each year whose workbook names another (`county-named-otherwise`,
 * `workbookCounty`); without one, each year whose workbook names another county than the first year naming one
 * (`compare-other-county`, `otherCountyWarnings`). Null for a year with nothing to warn of.
 */
export function comparedYearsWarnings(
  years: readonly ComparedYearClues[],
  given: string | null,
  profile: Profile,
): (Problem | null)[] {
  if (given !== null && given.trim() !== "")
    return years.map((y) => countyNamedOtherwise(workbookCounty({ ...y.clues, given }, profile), y.shown));
  return otherCountyWarnings(
    years.map((y) => ({
      file: y.shown,
      label: y.label,
      county: countyOfComparedYear(countyName(y.clues, profile), y.clues.file),
    })),
  );
}
