/**
 * The web app's reading path (src/web/readFiles.ts, the reader the command line uses) on a statistics export as a
 * county prints it: the header repeated on each page, names wrapped by hand, a sign-off line under the table.
 * The web app reads each county of it as `balance batch` does, with the same problems.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { readCountyFiles } from "../../src/web/readFiles";
import { run, tempDir } from "../cli/helpers";
import { exportWorkbook } from "../recipe/exportFiles";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  printedOnPages,
  templateRowsOf,
} from "../recipe/exportFixture";
import { rounded, templateRecords, verdictOf } from "../recipe/helpers";

const dir = tempDir();
const asFile = (file: string) => new File([readFileSync(file)], path.basename(file));

describe("a printed statistics export opened in the web app", () => {
  it("is each of its counties, read as balance batch reads it and as the clerk would type it", async () => {
    const rows = leagueRows();
    const sheet = exportSheet(rows);
    // a name wrapped by hand in its cell
    const nameRow = sheet.dataRows.find((r) => sheet.values[r][2] === COUNTY_LISTED) as number;
    const name = String(sheet.values[nameRow][0]);
    sheet.values[nameRow][0] = `${name.slice(0, 4)}\n${name.slice(4)}`;
    const at = rows.findIndex((r, i) => i > 2 && r.name !== rows[i - 1].name);
    const file = path.join(dir, "兴安盟教育事业统计（打印）.xlsx");
    writeFileSync(file, await exportWorkbook([printedOnPages(sheet, at)]));

    const results = await readCountyFiles([asFile(file)], NATIONAL_2017);
    expect(results.map((r) => [r.county, r.ok])).toEqual([
      [COUNTY_LISTED, true],
      [COUNTY_UNLISTED, true],
    ]);
    const batch = JSON.parse((await run("batch", file, "--json", "--year", "2026")).stdout);
    results.forEach((r, i) => {
      const cli = batch.counties[i];
      expect(r.problems.map((p) => p.message.zh)).toEqual(
        cli.problems.map((p: { message: string }) => p.message),
      );
      expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(r.problems.map((p) => p.code)).toContain("header-repeated");
      const typed = templateRecords(templateRowsOf(rows, r.county));
      expect(rounded(verdictOf(r.table!.read.records))).toEqual(rounded(verdictOf(typed)));
    });
  });
});
