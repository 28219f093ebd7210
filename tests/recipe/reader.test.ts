import type { Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { readWorkbook } from "../../src/xlsx/read";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  exportWorkbook,
  leagueRows,
  templateRowsOf,
  type ExportSheet,
} from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

const gridOf = (sheet: ExportSheet, merges = true): Grid => ({
  sheet: sheet.sheet,
  topLeft: "A1",
  values: sheet.values,
  ...(merges ? { merges: sheet.merges } : {}),
});

describe("the reader recognises the statistics export without any setting (docs/import.md#recognition)", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);

  it.each([
    ["with merged ranges", true],
    ["without them (labels spread over blanks)", false],
  ])("reads the header's three rows and its unit row %s", (_what, merges) => {
    const read = readSchoolTable(gridOf(sheet, merges), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.recipe?.id).toBe("statistics-export");
    expect(read.recipe?.recognised).toBe(true);
    expect(read.header?.rows).toEqual([2, 3, 4]);
    expect(read.header?.unitRow).toBe(5);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("reads the export from an .xlsx file as the same schools typed into the template", async () => {
    const book = await readWorkbook(await exportWorkbook([sheet]));
    if (!book.ok) throw new Error(book.problem.message.en);
    const read = readSchoolTable(book.grids[0], { county: COUNTY_UNLISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_UNLISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("lists the counties and refuses to guess among them", () => {
    const read = readSchoolTable(gridOf(sheet));
    expect(read.recipe?.counties).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    expect(read.problems.map((p) => p.code)).toContain("several-counties");
    expect(read.records).toEqual([]);
  });

  it("reads the template as the template", () => {
    const read = readSchoolTable({
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["学校名称", "学校类型", "小学在校生数", "小学高于规定学历教师数"],
        ["一小", "小学", 100, 5],
      ],
    });
    expect(read.recipe).toBeUndefined();
  });
});
