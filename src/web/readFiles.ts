/**
 * Workbooks the web app reads from disk, in the browser, by the reader the command line uses (src/xlsx/reader,
 * loaded in a chunk of its own on first use): the workbook to work on, the earlier year to compare with, and the
 * counties of the league's view. A file that cannot be read is a problem, in the command line's words.
 */
import {
  evaluateArchivedCounties,
  evaluateEveryCounty,
  unreadCounty,
  type CountyFileResult,
} from "../countyWorkbook";
import { evaluateWorkbookTable, holdsTableOf } from "../pipeline";
import type { TableRecipe } from "../sheet/recipe/schema";
import type { Profile } from "../standard/profile";
import type { EarlierFile, EarlierSource } from "../taskpane/compare/useComparison";
import type { WorkbookResult } from "../xlsx/reader";
import { fileProblem, type Bilingual } from "../xlsx/reader/problems";
import { isArchiveName } from "../xlsx/spreadsheetFiles";
import { atPath, type CountyFile } from "./folderFiles";

const reader = () => import(/* webpackChunkName: "xlsx" */ "../xlsx/reader");

/**
 * A workbook the user chose or dropped, as read: its sheets (or the problem), its name and its bytes; of a zip
 * archive of one spreadsheet, that workbook's, and `from` says so (读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”).
 */
export type ChosenWorkbook = WorkbookResult & { name: string; bytes: Uint8Array; from?: Bilingual };

/**
 * The sheets of a workbook the user chose or dropped: an .xlsx or an old .xls, or a .csv or a web page's .xls a
 * system exported (named by the file, as a text table's sheet is); of a county's workbook sent zipped, the one
 * spreadsheet in the archive, as the command line reads it. An archive of several is said to be opened in the
 * league's summary (盟市汇总), which reads them together.
 */
export async function readXlsxFile(file: File): Promise<ChosenWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { readWorkbook, readOnlyArchived, readFromArchive, archivedSpreadsheets } = await reader();
  const read = (data: Uint8Array, name: string) => readWorkbook(data, { name });
  const archived = isArchiveName(file.name) ? await readOnlyArchived(bytes, read) : null;
  if (archived !== null) {
    const { inside, workbook } = archived;
    const from = readFromArchive(file.name, inside);
    return { ...workbook, name: inside, bytes: archived.bytes ?? bytes, from };
  }
  const workbook = await read(bytes, file.name);
  if (workbook.ok || !isArchiveName(file.name)) return { ...workbook, name: file.name, bytes };
  const several = ((await archivedSpreadsheets(bytes)) ?? []).length > 1;
  if (!several) return { ...workbook, name: file.name, bytes };
  const { zh, en } = workbook.problem.message;
  const message = {
    zh: `${zh}；要一并读取其中的各个工作簿，请在“盟市汇总”中打开这个压缩包`,
    en: `${en}; to read its workbooks together, open the archive in the league summary (盟市汇总)`,
  };
  return { ok: false, problem: { ...workbook.problem, message }, name: file.name, bytes };
}

/**
 * The earlier year's workbook for 对比, read as the first screen reads a workbook (`readXlsxFile`: of a zip archive,
 * its one workbook): the sheet `balance compare` would read, or why it cannot be read; with the
 * county and the recipe of this year's table, the sheet `balance compare --county --recipe` reads (pipeline.ts
 * `evaluateWorkbookTable`: of an export split into a sheet per county, the county's).
 */
export async function openEarlierYear(file: File, table?: EarlierSource): Promise<EarlierFile> {
  const workbook = await readXlsxFile(file);
  if (!workbook.ok) return { ok: false, message: workbook.problem.message };
  // of a zip archive of one workbook, that workbook, by its path through the archive, as `balance compare` names it
  const name = workbook.from ? `${file.name}/${workbook.name}` : undefined;
  if (table?.county !== undefined) {
    const found = evaluateWorkbookTable(workbook.grids, table.profile, table);
    if (!found.ok) return { ok: false, message: found.problem.message };
    return { ok: true, grid: found.grid, problems: found.choosing, name };
  }
  const { chooseSheet } = await reader();
  const chosen = chooseSheet(workbook.grids, undefined, holdsTableOf(table ?? {}));
  if (!chosen.ok) return { ok: false, message: chosen.problem.message };
  return { ok: true, grid: chosen.grid, problems: chosen.problems, name };
}

/**
 * Each county file evaluated as `balance batch` evaluates it (src/countyWorkbook.ts), in the order given: every
 * county of a statistics export holding several; a file that cannot be read is a county with its problem, and the
 * others go on. `onFile` is told before each file. A file is named by its path in the folder it came in, if any.
 * `recipe` reads every file as `balance batch --recipe` does.
 * Files chosen together are read as `balance batch` reads a folder: a workbook Balance wrote (a report, last
 * year's league workbook) is left out, as a result marked `skipped`; a .zip's spreadsheets are read from it, each
 * named by its path through the archive (白狼县.zip/白狼县2025.xlsx), as the command line reads them.
 */
export async function readCountyFiles(
  files: readonly CountyFile[],
  profile: Profile,
  onFile: (index: number, file: File) => void = () => undefined,
  recipe?: TableRecipe,
): Promise<CountyFileResult[]> {
  const results: CountyFileResult[] = [];
  for (const [i, given] of files.entries()) {
    // a folder chosen or dropped whole gives each file's path in it (2025/阿尔山市.xlsx): its year is the
    // folder's, as on disk
    const { file, path } = atPath(given);
    onFile(i, file);
    const source = { file: path, recipe, listed: true };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { readWorkbook, archivedSpreadsheets } = await reader();
      // a county's workbook sent zipped: the spreadsheets in the archive, each as if it lay in the folder
      const archived = isArchiveName(path) ? await archivedSpreadsheets(bytes) : null;
      if (archived !== null) {
        const read = (data: Uint8Array, name: string) => readWorkbook(data, { name });
        results.push(...(await evaluateArchivedCounties(source, archived, profile, read)));
        continue;
      }
      const workbook = await readWorkbook(bytes, { name: file.name });
      results.push(
        ...(workbook.ok
          ? evaluateEveryCounty(source, workbook.grids, profile)
          : [unreadCounty(source, profile, [workbook.problem])]),
      );
    } catch (error) {
      // the browser could not give the file's bytes (removed meanwhile, no permission): that file's problem only
      const detail = error instanceof Error ? error.message : String(error);
      results.push(
        unreadCounty(source, profile, [
          fileProblem(
            "file-unreadable",
            `无法读取文件“${file.name}”（${detail}）`,
            `cannot read "${file.name}" (${detail})`,
          ),
        ]),
      );
    }
  }
  return results;
}
