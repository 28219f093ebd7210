/**
 * The county workbooks a league command reads: files and folders named on the command line become county sources,
 * and each source is evaluated by the same path as `balance evaluate` (the workbook's sheets, the school table,
 * the county sheet, the full county verdict), its county named and its target year looked up.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { evaluateCountyWorkbook, findCountySheet, type CountyEvaluation } from "../countyVerdict";
import { findCounty } from "../engine/county";
import { evaluateTable, type TableEvaluation } from "../pipeline";
import { isBalanceOutput } from "../report/outputs";
import { detectCountyName, type CountyNameSource } from "../sheet/countyName";
import type { Problem } from "../sheet/problems";
import { withSheetProblems } from "./commandLine";
import { holdsSchoolTable } from "../sheet/read";
import { XING_AN_LEAGUE_PLAN } from "../standard/county";
import type { Profile } from "../standard/profile";
import { chooseSheet, readWorkbookFile } from "../xlsx/read";
import { readSchoolTable } from "../sheet/read";
import { gridRangeAddress } from "../xlsx/reportFile";

/**
 * One county to evaluate: a workbook, and — for a statistics export that holds several counties — which of them.
 * Without `county` the whole workbook is one county.
 */
export interface CountySource {
  file: string;
  /** one county of a multi-county workbook: the rows whose county column holds this name */
  county?: string;
  /** found by listing a folder: a workbook Balance wrote there is left out rather than reported as failing */
  listed?: boolean;
}

export interface CountyFileResult {
  source: CountySource;
  county: string;
  countyFrom: CountyNameSource;
  /** the table was read and evaluated; false when the file could not be read or errors blocked the verdict */
  ok: boolean;
  /** a workbook Balance wrote, found in a folder: not a county, left out */
  skipped: boolean;
  /** the file's, the school table's and the county sheet's problems */
  problems: Problem[];
  table: TableEvaluation | null;
  /** the full county verdict (school table and county sheet) */
  verdict: CountyEvaluation | null;
  targetYear: number | null;
  /** where the school table was read, e.g. 学校!A1:AA40 */
  sourceRange: string | null;
}

const samePath = async (a: string, b: string) =>
  (await realpath(a).catch(() => resolve(a))) === (await realpath(b).catch(() => resolve(b)));

/**
 * The sources the command line names: a file as given; a folder's .xlsx files (not its subfolders), sorted by
 * name, without Excel's lock files (~$…) and without the files in `exclude` (the output being written).
 */
export async function listCountySources(
  paths: readonly string[],
  exclude: readonly string[] = [],
): Promise<CountySource[]> {
  const sources: CountySource[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      sources.push({ file: path });
      continue;
    }
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$"))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const file = join(path, name);
      let excluded = false;
      for (const x of exclude) if (await samePath(file, x)) excluded = true;
      if (!excluded) sources.push({ file, listed: true });
    }
  }
  return sources;
}

/**
 * The sources with every county of a multi-county workbook made a source of its own (a statistics export of the
 * whole league, docs/import.md#counties): the workbook's table is read once to find its counties.
 */
export async function withEveryCounty(
  sources: readonly CountySource[],
  profile: Profile,
): Promise<CountySource[]> {
  const out: CountySource[] = [];
  for (const source of sources) {
    if (source.county !== undefined) {
      out.push(source);
      continue;
    }
    const workbook = await readWorkbookFile(source.file);
    const counties: string[] = [];
    if (workbook.ok && !(source.listed && isBalanceOutput(workbook.grids.map((g) => g.sheet)))) {
      const chosen = chooseSheet(workbook.grids, undefined, holdsSchoolTable);
      if (chosen.ok) counties.push(...(readSchoolTable(chosen.grid, { profile }).recipe?.counties ?? []));
    }
    if (counties.length > 1) for (const county of counties) out.push({ ...source, county });
    else out.push(source);
  }
  return out;
}

/** The counties the profile's plan names (the Xing'an League plan's by default). */
export function knownCounties(profile: Profile): string[] {
  return (profile.counties ?? XING_AN_LEAGUE_PLAN.counties).map((c) => c.name);
}

/** Evaluates one county source as `balance evaluate` would; problems are data, never exceptions. */
export async function evaluateCountySource(
  source: CountySource,
  profile: Profile,
): Promise<CountyFileResult> {
  const known = knownCounties(profile);
  const name = (countySheet: Parameters<typeof detectCountyName>[0]["countySheet"] = null) =>
    detectCountyName({ file: basename(source.file), tableCounty: source.county, countySheet, known });
  const targetOf = (county: string) => findCounty(profile, county)?.targetYear ?? null;
  const failed = (problems: Problem[], skipped = false): CountyFileResult => {
    const { name: county, from } = name();
    return {
      source,
      county,
      countyFrom: from,
      ok: false,
      skipped,
      problems,
      table: null,
      verdict: null,
      targetYear: targetOf(county),
      sourceRange: null,
    };
  };
  const workbook = await readWorkbookFile(source.file);
  if (!workbook.ok) return failed([workbook.problem]);
  if (source.listed && isBalanceOutput(workbook.grids.map((g) => g.sheet))) return failed([], true);
  const chosen = chooseSheet(workbook.grids, undefined, holdsSchoolTable);
  if (!chosen.ok) return failed([chosen.problem]);
  const table = withSheetProblems(
    evaluateTable(chosen.grid, profile, { county: source.county }),
    chosen.problems,
  );
  const countySheet = findCountySheet(workbook.grids, undefined, chosen.grid.sheet);
  const countyGrid = countySheet.ok ? countySheet.grid : null;
  const { name: county, from } = name(countyGrid);
  const evaluation = evaluateCountyWorkbook(table, countyGrid);
  return {
    source,
    county,
    countyFrom: from,
    ok: table.ok,
    skipped: false,
    problems: [...table.problems, ...evaluation.problems],
    table,
    verdict: evaluation,
    targetYear: targetOf(county),
    sourceRange: gridRangeAddress(chosen.grid),
  };
}
