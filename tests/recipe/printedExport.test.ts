/**
 * The statistics export as a county prints it and saves the print to Excel: the header repeated at the top of
 * each page with its unit row, and a sign-off line under the table (单位负责人： … 填表人： … 联系电话： …).
 * docs/school-table.md#skipped-rows
 */
import { readSchoolTable } from "../../src/sheet/read";
import { readWorkbook } from "../../src/xlsx/reader";
import { COUNTY_LISTED, exportSheet, leagueRows, printedOnPages, templateRowsOf } from "./exportFixture";
import { exportWorkbook } from "./exportFiles";
import { JUNIOR, PRIMARY, templateGrid } from "../sheet/helpers";
import { WITH_AND_WITHOUT_MERGES, gridOf, rounded, templateRecords, verdictOf } from "./helpers";

describe("a printed export: the header on each page, a sign-off line under the table", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);
  // a page breaks before a school of the listed county that is not the first row's
  const at = rows.findIndex((r, i) => i > 2 && r.county === COUNTY_LISTED && r.name !== rows[i - 1].name);
  const paged = printedOnPages(sheet, at);
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
  const repeatedAt = sheet.dataRows[at];

  it.each(WITH_AND_WITHOUT_MERGES)(
    "reads the same schools as the export printed on one page, %s",
    (_what, merges) => {
      const read = readSchoolTable(gridOf(paged, merges), { county: COUNTY_LISTED });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
      const warning = read.problems.find((p) => p.code === "header-repeated");
      expect(warning).toMatchObject({ severity: "warning", cell: `学校基本情况!A${repeatedAt + 1}` });
      expect(warning?.message.zh).toMatch(new RegExp(`^第 ${repeatedAt + 1} 行`));
      expect(read.problems.map((p) => p.code)).not.toContain("rows-after-blank");
      expect(read.skippedRows).toMatchObject({ header: 3, note: 1, afterEnd: 0 });
    },
  );

  it("reads it so from an .xlsx file", async () => {
    const book = await readWorkbook(await exportWorkbook([paged]));
    if (!book.ok) throw new Error(book.problem.message.en);
    const read = readSchoolTable(book.grids[0], { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("reads a hidden school row of the export, with a warning naming it, as the template's", () => {
    const hidden = sheet.dataRows[at];
    const read = readSchoolTable({ ...gridOf(sheet), hiddenRows: [hidden] }, { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.problems.filter((p) => p.code === "hidden-row").map((p) => p.cell)).toEqual([
      `学校基本情况!A${hidden + 1}`,
    ]);
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("skips the template's header repeated among its schools, as the export's", () => {
    const grid = templateGrid([PRIMARY, JUNIOR]);
    grid.values.splice(2, 0, [...grid.values[0]]);
    const read = readSchoolTable(grid);
    expect(read.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([["header-repeated", "学校!A3"]]);
  });
});
