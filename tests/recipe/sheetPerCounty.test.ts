/**
 * A league's export split into a sheet per county, as a clerk saves it for the counties to check: `balance import
 * --county` reads the sheet that holds the county asked for, not the first sheet's county-not-found
 * (docs/import.md#counties).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { readSchoolTable } from "../../src/sheet/read";
import { run, tempDir } from "../cli/helpers";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { exportWorkbook } from "./exportFiles";
import { rounded, templateRecords, verdictOf } from "./helpers";

describe("balance import of an export with a sheet per county", () => {
  const rows = leagueRows();
  const dir = tempDir();
  const file = join(dir, "兴安盟分旗县.xlsx");

  beforeAll(async () => {
    const sheets = [COUNTY_LISTED, COUNTY_UNLISTED].map((county) =>
      exportSheet(
        rows.filter((r) => r.county === county),
        { sheet: county },
      ),
    );
    writeFileSync(file, await exportWorkbook(sheets));
  });

  it("reads the sheet of the county asked for when it is not the first", async () => {
    const out = join(dir, "导入.xlsx");
    const r = await run("import", file, "--county", COUNTY_UNLISTED, "--out", out);
    expect(r.stderr).not.toContain("county-not-found");
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    const book = await readWorkbookFile(out);
    if (!book.ok) throw new Error(book.problem.message.en);
    const imported = readSchoolTable(book.grids[0]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_UNLISTED));
    expect(rounded(verdictOf(imported.records))).toEqual(rounded(verdictOf(typed)));
    const sources = book.grids[1].values.map((row) => row.filter((v) => v !== null).join(" | ")).join("\n");
    expect(sources).toContain(`工作表“${COUNTY_UNLISTED}”`);
  });
});
