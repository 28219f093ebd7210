import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STATISTICS_EXPORT, parseRecipeText } from "../../src/sheet/recipe/load";
import { PROVINCE_LABELS } from "./fixtures/province";
import { readSchoolTable } from "../../src/sheet/read";
import { readWorkbook } from "../../src/xlsx/reader";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { exportWorkbook } from "./exportFiles";
import { WITH_AND_WITHOUT_MERGES, gridOf, rounded, templateRecords, verdictOf } from "./helpers";

describe("the reader recognises the statistics export without any setting (docs/import.md#recognition)", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);

  it.each(WITH_AND_WITHOUT_MERGES)("reads the header's three rows and its unit row %s", (_what, merges) => {
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

describe("a recipe given to the reader", () => {
  const rows = leagueRows();

  it("reads a province's export the built-in does not fit", () => {
    const parsed = parseRecipeText(readFileSync(join(__dirname, "fixtures", "province-recipe.json"), "utf8"));
    if (!parsed.ok || parsed.recipe.kind !== "table") throw new Error("recipe");
    const grid = gridOf(exportSheet(rows, { rename: PROVINCE_LABELS }), false);
    expect(readSchoolTable(grid, { county: COUNTY_LISTED }).recipe).toBeUndefined();
    const read = readSchoolTable(grid, { county: COUNTY_LISTED, recipe: parsed.recipe });
    expect(read.recipe?.recognised).toBe(false);
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("says when the table has no header the recipe describes", () => {
    const read = readSchoolTable(gridOf(exportSheet(rows)), {
      recipe: { ...STATISTICS_EXPORT, rows: { name: "单位全称", type: "办学类型" } },
    });
    expect(read.problems.map((p) => p.code)).toEqual(["recipe-no-header"]);
    expect(read.records).toEqual([]);
  });

  it("refuses a money unit it cannot convert, naming the header", () => {
    const sheet = exportSheet(rows, {
      unitRow: false,
      rename: { "教学仪器设备资产值（万元）": "教学仪器设备资产值（千元）" },
    });
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    const problem = read.problems.find((p) => p.code === "equipment-unit-unknown");
    expect(problem?.severity).toBe("error");
    expect(problem?.cell).toBe("学校基本情况!AB3");
  });
});
