import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STATISTICS_EXPORT, parseRecipeText } from "../../src/sheet/recipe/load";
import type { TableRecipe } from "../../src/sheet/recipe/schema";
import { planTable, recipeFit } from "../../src/sheet/recipe/table";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { PROVINCE_LABELS } from "./fixtures/province";
import { readExportSheet, rounded, templateRecords, verdictOf } from "./helpers";

function provinceRecipe(): TableRecipe {
  const parsed = parseRecipeText(readFileSync(join(__dirname, "fixtures", "province-recipe.json"), "utf8"));
  if (!parsed.ok || parsed.recipe.kind !== "table") throw new Error(JSON.stringify(parsed));
  return parsed.recipe;
}

describe("a province's differently named export (docs/import.md#recipe-format)", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows, { rename: PROVINCE_LABELS });

  it("is not read as the statistics export", () => {
    expect(recipeFit(planTable(STATISTICS_EXPORT, sheet.columns))).toBe(0);
  });

  it("is read by a recipe file, as the same schools typed into the template", () => {
    const reading = readExportSheet(sheet, { county: COUNTY_LISTED, recipe: provinceRecipe() });
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("shows the recipe file's derivations in the province's words", () => {
    const plan = planTable(provinceRecipe(), sheet.columns);
    const text = new Map(plan?.fields.map((f) => [f.field, f.text]));
    expect(text.get("teachingArea")).toBe("教学辅助用房›计 − 其中：风雨操场");
    expect(text.get("primaryQualifiedTeachers")).toBe("学历›博士研究生 + 硕士研究生 + 大学本科 + 大专");
  });
});

describe("the unit row under the header", () => {
  it("reads equipment in 元 where the unit row says 元", () => {
    const rows = leagueRows();
    const sheet = exportSheet(rows, { equipmentUnit: "元" });
    const reading = readExportSheet(sheet, { county: COUNTY_LISTED });
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
  });
});
