/**
 * An export split into a sheet per county whose tables have no county column: each sheet is known by its name
 * (docs/import.md#counties). --county reads the sheet named for the county, not the first sheet under its name.
 */
import type { Grid } from "../../src/sheet/grid";
import { evaluateEveryCounty } from "../../src/countyWorkbook";
import { evaluateWorkbookTable } from "../../src/pipeline";
import { sheetNamedFor } from "../../src/sheet/recipe/rowGroups";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
} from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

const rows = leagueRows();

/** The county's rows as a sheet named `sheet`, without the county column (its merges left out with it). */
function sheetWithoutCounty(
  county: string,
  sheet: string,
  title = `${county}2024年教育事业统计 学校基本情况`,
): Grid {
  const s = exportSheet(
    rows.filter((r) => r.county === county),
    { sheet, titles: [title] },
  );
  const col = columnOf(s, "统计三级");
  const merges = s.merges
    .filter((m) => !(m.left === col && m.right === col))
    .map((m) => ({
      ...m,
      left: m.left > col ? m.left - 1 : m.left,
      right: m.right >= col ? m.right - 1 : m.right,
    }));
  const values = s.values.map((row) => row.filter((_, c) => c !== col));
  return { sheet, topLeft: "A1", values, merges };
}

describe("a sheet per county, without a county column", () => {
  const grids = [
    sheetWithoutCounty(COUNTY_LISTED, COUNTY_LISTED),
    sheetWithoutCounty(COUNTY_UNLISTED, "扎鲁特"),
  ];

  it.each([COUNTY_LISTED, COUNTY_UNLISTED])("reads the sheet named for %s", (county) => {
    const read = evaluateWorkbookTable(grids, NATIONAL_2017, { county });
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.evaluated.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, county));
    expect(rounded(verdictOf(read.evaluated.read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("keeps the first sheet for a county no sheet is named for", () => {
    const read = evaluateWorkbookTable(grids, NATIONAL_2017, { county: "突泉县" });
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.grid.sheet).toBe(COUNTY_LISTED);
  });

  it("knows a sheet by the county's name, its short name, or the plan's other name", () => {
    const named = sheetNamedFor("科右前旗", ["科尔沁右翼前旗"]);
    expect(["科右前旗", "科右前", "科尔沁右翼前旗", " 科右前旗 "].map((sheet) => named({ sheet }))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(named({ sheet: "扎鲁特旗" })).toBe(false);
  });
});

describe("the league's view of a sheet per county without a county column", () => {
  // titles that name no county: only the sheets' names say which county each is
  const title = "2024年教育事业统计 学校基本情况";
  const grids = [
    sheetWithoutCounty(COUNTY_LISTED, COUNTY_LISTED, title),
    sheetWithoutCounty(COUNTY_UNLISTED, COUNTY_UNLISTED, title),
  ];

  it("evaluates each sheet as the county it is named for, none passed over", () => {
    const results = evaluateEveryCounty({ file: "兴安盟分旗县.xlsx" }, grids, NATIONAL_2017);
    expect(results.map((r) => r.county)).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    for (const r of results) {
      const typed = templateRecords(templateRowsOf(rows, r.county));
      expect(rounded(verdictOf(r.table?.read.records ?? []))).toEqual(rounded(verdictOf(typed)));
    }
  });

  it("reads every sheet even where their names are no counties'", () => {
    const named = grids.map((g, i) => ({ ...g, sheet: `学校基本情况${i + 1}` }));
    const results = evaluateEveryCounty({ file: "兴安盟分旗县.xlsx" }, named, NATIONAL_2017);
    expect(results.map((r) => r.table?.sheet)).toEqual(["学校基本情况1", "学校基本情况2"]);
  });
});

describe("a copy of a county's sheet whose county column spells it otherwise", () => {
  it("adds no second county: the counties read already are matched by the rule of names", () => {
    const own = rows.filter((r) => r.county === COUNTY_UNLISTED);
    const grid = (s: ReturnType<typeof exportSheet>, sheet: string): Grid => ({
      sheet,
      topLeft: "A1",
      values: s.values,
      merges: s.merges,
    });
    const grids = [
      grid(exportSheet(own), "学校基本情况"),
      // the same county copied with a zero-width space in its name (docs/school-table.md#names)
      grid(
        exportSheet(own.map((r) => ({ ...r, county: COUNTY_UNLISTED.replace(/(.)$/u, "\u200b$1") }))),
        "副本",
      ),
    ];
    const results = evaluateEveryCounty({ file: "兴安盟.xlsx" }, grids, NATIONAL_2017);
    expect(results.map((r) => [r.county, r.table?.sheet])).toEqual([[COUNTY_UNLISTED, "学校基本情况"]]);
  });
});
