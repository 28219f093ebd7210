/**
 * The county workbooks a league command reads: files and folders named on the command line become county sources,
 * and each source is evaluated by the same path as `balance evaluate` (the workbook's sheets, the school table,
 * the county sheet, the full county verdict), its county named and its target year looked up.
 */
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  evaluateArchivedCounties,
  evaluateCountyGrids,
  evaluateEveryCounty,
  unreadCounty,
  type CountyFileResult,
  type CountySource,
} from "../countyWorkbook";
import type { Profile } from "../standard/profile";
import type { Grid } from "../sheet/grid";
import { samePath } from "./outputFile";
import { spreadsheetsIn, subfoldersWithSpreadsheets, unreadableFolder } from "./folderFiles";
import {
  archivedInFile,
  archivedPath,
  readFileBytes,
  readWorkbookBytes,
  readWorkbookFile,
} from "./workbookFile";

export { type CountyFileResult, type CountySource } from "../countyWorkbook";

/**
 * Whether `out`, the workbook a command is to write, is a file already in one of the folders it reads that is not
 * `ours` to replace (batch: a workbook Balance wrote; import: a school table): a county's workbook, a school's
 * form, which the listing leaves out as the output and `--force` would put the output over. One that cannot be
 * read is not ours either.
 */
export async function inputAsOut(
  out: string,
  paths: readonly string[],
  ours: (grids: readonly Grid[]) => boolean,
): Promise<boolean> {
  if (!(await stat(out).catch(() => null))?.isFile()) return false;
  let inFolderRead = false;
  for (const path of paths) {
    if ((await stat(path).catch(() => null))?.isDirectory() && (await samePath(dirname(out), path)))
      inFolderRead = true;
  }
  return inFolderRead && !(await workbookIs(out, ours));
}

/** Whether the file at `path` reads as a workbook that is `ours` (false when it cannot be read). */
export async function workbookIs(path: string, ours: (grids: readonly Grid[]) => boolean): Promise<boolean> {
  const workbook = await readWorkbookFile(path);
  return workbook.ok && ours(workbook.grids);
}

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
 * The sources the command line names, all to be read as a league's files (`CountySource.listed`): a file as given; a
 * folder's spreadsheets (`spreadsheetsIn`: the .xlsx files
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
      // a file named is one of the league's files too, as a shell's *.xlsx names those of a folder
      sources.push({ file: path, listed: true });
      continue;
    }
    const names = await spreadsheetsIn(path).catch(() => null);
    if (names === null) {
      // a folder that cannot be listed is a line of its own, its problem said (`evaluateSourceCounties`)
      sources.push({ file: path, listed: true });
      continue;
    }
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
 * Every county of one source's workbook, read once (`evaluateEveryCounty`): each county of a statistics export of
 * the whole league (docs/import.md#counties), else the workbook as one county; a file that cannot be read is one
 * county with its problem.
 */
export async function evaluateSourceCounties(
  source: CountySource,
  profile: Profile,
): Promise<CountyFileResult[]> {
  const folder = await unreadableFolder(source.file);
  if (folder !== null) return [unreadCounty(source, profile, [folder])];
  const file = await readFileBytes(source.file);
  if (!file.ok) return [unreadCounty(source, profile, [file.problem])];
  // a county's workbook sent zipped: the spreadsheets in the archive, each as if it lay in the folder
  const archived = await archivedInFile(source.file, file.data);
  if (archived !== null) return evaluateArchivedCounties(source, archived, profile, readWorkbookBytes);
  const workbook = await readWorkbookBytes(file.data, source.file);
  if (!workbook.ok) return [unreadCounty(source, profile, [workbook.problem])];
  return evaluateEveryCounty(source, workbook.grids, profile);
}

/**
 * Sources evaluated in turn as `balance evaluate` would (`evaluateCountyGrids`); problems are data, never
 * exceptions. A workbook is read once for the sources after one another that are its sheets (`balance compare
 * --sheets`: the years of one workbook).
 */
export async function evaluateCountySources(
  sources: readonly CountySource[],
  profile: Profile,
): Promise<CountyFileResult[]> {
  type Read = { file: string; workbook: Awaited<ReturnType<typeof readWorkbookFile>> };
  let last = null as Read | null;
  const results: CountyFileResult[] = [];
  for (const source of sources) {
    if (last?.file !== source.file)
      last = { file: source.file, workbook: await readWorkbookFile(source.file) };
    const { workbook } = last;
    // a workbook read from a zip archive is named by its path through it, as `balance batch` names it
    const read = { ...source, file: archivedPath(source.file, workbook.inside) };
    results.push(
      workbook.ok
        ? evaluateCountyGrids(read, workbook.grids, profile)
        : unreadCounty(read, profile, [workbook.problem]),
    );
  }
  return results;
}
