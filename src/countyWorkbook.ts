/**
 * One county's workbook, once its sheets are read (by the command line from disk, by the web app from a file the
 * user opened): the sheet holding the school table evaluated by the path of `balance evaluate`, the county sheet
 * and the full county verdict, the county named and its target year looked up. `balance batch` and the web app's
 * league view both take this path, so a county gets the same verdict in either.
 */
import { evaluateCountyWorkbook, findCountySheet, type CountyEvaluation } from "./countyVerdict";
import { findCounty } from "./engine/county/readiness";
import { nameKey } from "./engine/names";
import type { LeagueCountyInput, PlanTotals } from "./engine/league";
import { evaluateWorkbookTable, holdsTableOf, type TableEvaluation } from "./pipeline";
import { isBalanceOutput } from "./report/outputs";
import { isRevisedCopy, yearOfFile, type CountyNameSource } from "./sheet/countyName";
import type { Grid } from "./sheet/grid";
import type { Problem } from "./problems/problem";
import type { TableRecipe } from "./sheet/recipe/schema";
import type { Profile } from "./standard/profile";
import { countyName, countyNamedOtherwise, titleRowsOf, workbookCounty } from "./workbookCounty";
import { isShown, withoutOtherSheets } from "./xlsx/reader/chooseSheet";
import { gridRangeAddress } from "./xlsx/reportFile";
import type { WorkbookResult } from "./xlsx/reader";
import type { ArchivedFile } from "./xlsx/reader/archive";
import { readArchived } from "./xlsx/reader/readArchived";

/**
 * One county to evaluate: a workbook, and — for a statistics export that holds several counties — which of them.
 * Without `county` the whole workbook is one county.
 */
export interface CountySource {
  /** the file as the user named it: a path on the command line, a file's name in the browser */
  file: string;
  /** one county of a multi-county workbook: the rows whose county column holds this name */
  county?: string;
  /**
   * `county` is the one the user gave for every file (`balance compare --county`), not one of an export's: a
   * workbook naming another county (its county sheet, its title, its file's name) is warned of, as `evaluate` warns
   */
  given?: boolean;
  /**
   * one of the county files of a league's view (a folder's, those named to `balance batch`, as a shell's *.xlsx
   * names a folder's, or files chosen together in the web app): a workbook Balance wrote among them is left out,
   * `skipped`, rather than read as a county (a report holds the schools it was made from) or reported as failing
   */
  listed?: boolean;
  /** the recipe of an export whose columns the built-in does not know (--recipe, docs/import.md#recipe-format) */
  recipe?: TableRecipe;
  /** the sheet holding the school table (--sheet); by default the first that holds one, as evaluate chooses */
  sheet?: string;
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

/** A county whose workbook could not be read or holds no school table: named by its file, with its problems. */
export function unreadCounty(
  source: CountySource,
  profile: Profile,
  problems: Problem[],
  skipped = false,
): CountyFileResult {
  const { name, from } = countyName({ file: source.file, tableCounty: source.county }, profile);
  return {
    source,
    county: name,
    countyFrom: from,
    ok: false,
    skipped,
    problems,
    table: null,
    verdict: null,
    targetYear: findCounty(profile, name)?.targetYear ?? null,
    sourceRange: null,
  };
}

/** Evaluates one county from its workbook's sheets as `balance evaluate` would; problems are data, never thrown. */
export function evaluateCountyGrids(
  source: CountySource,
  grids: readonly Grid[],
  profile: Profile,
): CountyFileResult {
  if (source.listed && isBalanceOutput(grids.map((g) => g.sheet)))
    return unreadCounty(source, profile, [], true);
  const chosen = evaluateWorkbookTable(grids, profile, source);
  if (!chosen.ok) return unreadCounty(source, profile, [chosen.problem]);
  const { evaluated } = chosen;
  // the problems of choosing the sheet (a hidden sheet passed over or read) first
  const table = { ...evaluated, problems: [...chosen.choosing, ...evaluated.problems] };
  const countySheet = findCountySheet(grids, undefined, chosen.grid.sheet);
  const countyGrid = countySheet.ok ? countySheet.grid : null;
  const { name, from } = countyName(
    {
      file: source.file,
      tableCounty: table.read.recipe?.county ?? source.county,
      countySheet: countyGrid,
      tableTitle: titleRowsOf(chosen.grid, table.read.headerRow),
    },
    profile,
  );
  const verdict = evaluateCountyWorkbook(table, countyGrid);
  const otherwise = source.given
    ? countyNamedOtherwise(
        workbookCounty(
          {
            file: source.file,
            given: source.county,
            tableCounty: table.read.recipe?.county ?? null,
            countySheet: countyGrid,
            tableTitle: titleRowsOf(chosen.grid, table.read.headerRow),
          },
          profile,
        ),
        source.file,
      )
    : null;
  return {
    source,
    county: name,
    countyFrom: from,
    ok: table.ok,
    skipped: false,
    problems: [...table.problems, ...verdict.problems, ...(otherwise ? [otherwise] : [])],
    table,
    verdict,
    targetYear: findCounty(profile, name)?.targetYear ?? null,
    sourceRange: gridRangeAddress(chosen.grid),
  };
}

/**
 * Every county of one workbook, each evaluated by `evaluateCountyGrids`: the workbook as one county, or — a
 * statistics export holding several counties (docs/import.md#counties), which read whole stops at its county column
 * before any figure (sheet/recipe/rowGroups.ts selectCounty) — each of its counties. An export split into a sheet
 * per county holds the counties of its other shown sheets too: each sheet's own, those not read already, are
 * evaluated from it. `balance batch` and the web app's league view both read a workbook so.
 */
export function evaluateEveryCounty(
  source: CountySource,
  grids: readonly Grid[],
  profile: Profile,
): CountyFileResult[] {
  if (source.county !== undefined) return [evaluateCountyGrids(source, grids, profile)];
  const results = countiesOfSheet(source, grids, profile);
  const first = results[0].table;
  // a school table of the template has no county column: its workbook is one county, whatever else it holds
  if (source.sheet !== undefined || !first?.read.recipe) return results;
  const holdsTable = holdsTableOf(source);
  const others = grids.filter((g) => g.sheet !== first.sheet && isShown(g) && holdsTable(g));
  // the other sheets holding a table are read here, each for its counties: none is passed over
  if (others.length > 0) results.forEach(forgetOtherSheets);
  // the counties read, by the rule of names (`nameKey`): a copy whose county column spells one otherwise adds none
  const read = new Set(results.map((r) => nameKey(r.county)));
  // an export split into a sheet per county without a county column: each sheet is the county it is named for
  if (others.length > 0 && first.read.recipe.counties.length === 0) {
    const sheets = [first.sheet, ...others.map((g) => g.sheet)];
    const named = sheets.map((sheet) => countyOfSheetName(sheet, profile));
    if (named.every((n) => n !== null) && new Set(named).size === named.length)
      return sheets.map((sheet, i) =>
        evaluateCountyGrids({ ...source, sheet, county: named[i] as string }, grids, profile),
      );
  }
  for (const grid of others) {
    const ofSheet = countiesOfSheet({ ...source, sheet: grid.sheet }, grids, profile);
    if (!ofSheet[0].table?.read.recipe) continue;
    // a sheet of counties its county column names, read already (another copy of one), adds none; a sheet of an
    // export without a county column is never passed over for its name
    if (ofSheet.some((r) => r.countyFrom === "table" && read.has(nameKey(r.county)))) continue;
    for (const r of ofSheet) read.add(nameKey(r.county));
    results.push(...ofSheet);
  }
  return results;
}

/** A county's result without the warning that other sheets hold a table: for a batch that reads them too. */
function forgetOtherSheets(result: CountyFileResult): void {
  result.problems = withoutOtherSheets(result.problems);
  if (result.table) result.table = { ...result.table, problems: withoutOtherSheets(result.table.problems) };
}

/**
 * The counties of the spreadsheets a zip archive of the league's folder holds (xlsx/reader/archive.ts
 * `archivedSpreadsheets`), each read by `read` and evaluated as if it lay in the folder (`evaluateEveryCounty`),
 * named by its path through the archive (盟/白狼县.zip/白狼县2025.xlsx: its county and year from its own name); a file
 * the archive could not give is a county with its problem. `balance batch` and the web app's league view both
 * read an archive so.
 */
export async function evaluateArchivedCounties(
  archive: CountySource,
  files: readonly ArchivedFile[],
  profile: Profile,
  read: (bytes: Uint8Array, name: string) => Promise<WorkbookResult>,
): Promise<CountyFileResult[]> {
  const results: CountyFileResult[] = [];
  for await (const { name, workbook } of readArchived(files, read)) {
    const source = { ...archive, file: `${archive.file}/${name}` };
    results.push(
      ...(workbook.ok
        ? evaluateEveryCounty(source, workbook.grids, profile)
        : [unreadCounty(source, profile, [workbook.problem])]),
    );
  }
  return results;
}

/** A sheet's name as a county's (科右前旗, 突泉县): a county of the plan, or a short name ending as a county's does. */
function countyOfSheetName(sheet: string, profile: Profile): string | null {
  const name = sheet.trim();
  return findCounty(profile, name)?.name ?? (COUNTY_LIKE.test(name) ? name : null);
}
const COUNTY_LIKE = /^[\u4e00-\u9fa5]{1,10}(?:自治县|自治旗|县|旗|市|区)$/u;

/** The counties of the source's sheet (the one chosen when it names none), each evaluated: the sheet as one
 * county, or each county of an export holding several. */
function countiesOfSheet(source: CountySource, grids: readonly Grid[], profile: Profile): CountyFileResult[] {
  const whole = evaluateCountyGrids(source, grids, profile);
  const counties = whole.table?.read.recipe?.counties ?? [];
  if (counties.length <= 1) return [whole];
  return counties.map((county) => evaluateCountyGrids({ ...source, county }, grids, profile));
}

/** What the league's view (src/engine/league.ts) takes of an evaluated county, with its plan's totals if asked. */
export function leagueCountyInput(
  result: CountyFileResult,
  plan: PlanTotals | null = null,
): LeagueCountyInput {
  return {
    file: result.source.file,
    county: result.county,
    evaluation: result.table?.evaluation ?? null,
    verdict: result.verdict?.verdict ?? null,
    schools: result.table?.read.records.length ?? 0,
    targetYear: result.targetYear,
    plan,
    fileYear: yearOfFile(result.source.file),
    revised: isRevisedCopy(result.source.file),
  };
}
