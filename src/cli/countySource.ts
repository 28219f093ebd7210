/**
 * The county workbooks a league command reads: files and folders named on the command line become county sources,
 * and each source is evaluated by the same path as `balance evaluate` (the workbook's sheets, the school table,
 * the county sheet, the full county verdict), its county named and its target year looked up.
 */
import { realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  evaluateCountyGrids,
  unreadCounty,
  type CountyFileResult,
  type CountySource,
} from "../countyWorkbook";
import type { Profile } from "../standard/profile";
import { isBalanceOutput } from "../report/outputs";
import { holdsSchoolTable, readSchoolTable } from "../sheet/read";
import { chooseSheet } from "../xlsx/reader";
import { spreadsheetsIn, subfoldersWithSpreadsheets } from "./folderFiles";
import { readWorkbookFile } from "./workbookFile";

export { type CountyFileResult, type CountySource } from "../countyWorkbook";

const samePath = async (a: string, b: string) =>
  (await realpath(a).catch(() => resolve(a))) === (await realpath(b).catch(() => resolve(b)));

/** The subfolders of the folders named that hold spreadsheets: `listCountySources` does not read them. */
export async function unreadSubfolders(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if ((await stat(path).catch(() => null))?.isDirectory())
      found.push(...(await subfoldersWithSpreadsheets(path)));
  }
  return found;
}

/**
 * The sources the command line names: a file as given; a folder's spreadsheets (`spreadsheetsIn`: the .xlsx files
 * and those that must be saved as .xlsx, which are read to say so), without the files in `exclude` (the output
 * being written).
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
    for (const name of await spreadsheetsIn(path)) {
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

/** Evaluates one county source as `balance evaluate` would; problems are data, never exceptions. */
export async function evaluateCountySource(
  source: CountySource,
  profile: Profile,
): Promise<CountyFileResult> {
  const workbook = await readWorkbookFile(source.file);
  if (!workbook.ok) return unreadCounty(source, profile, [workbook.problem]);
  return evaluateCountyGrids(source, workbook.grids, profile);
}
