/**
 * Reading, one by one, the files found in a zip archive (archive.ts `archivedSpreadsheets`). Apart from archive.ts,
 * with nothing but types imported, so that the league's view (src/countyWorkbook.ts) uses it without drawing the
 * reader into the web app's first bundle.
 */
import type { ArchivedFile } from "./archive";
import type { WorkbookResult } from "./index";

/**
 * Each file `archivedSpreadsheets` found, in turn, with its path in the archive: read by `read`, or the problem that
 * kept it from being unpacked. One at a time, so that a league's archive never holds all its workbooks at once:
 * `balance batch` and the web app's league view read an archive's counties so, `balance import <folder>` the
 * schools' forms of an archive in the folder.
 */
export async function* readArchived(
  files: readonly ArchivedFile[],
  read: (bytes: Uint8Array, name: string) => Promise<WorkbookResult>,
): AsyncGenerator<{ name: string; workbook: WorkbookResult }> {
  for (const file of files) {
    const workbook: WorkbookResult =
      "problem" in file ? { ok: false, problem: file.problem } : await read(file.bytes, file.name);
    yield { name: file.name, workbook };
  }
}
