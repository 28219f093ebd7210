/**
 * The web app's reading of files the user chose (src/web/readFiles.ts), in Node with the platform's File: county
 * files evaluated as `balance batch` evaluates them, a damaged file reported with the command line's words while
 * the others go on; the earlier year's workbook read from the sheet `balance compare` reads.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { leagueCountyInput } from "../../src/countyWorkbook";
import { leagueSummary } from "../../src/engine/league";
import { countiesByYear } from "../../src/engine/monitor";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { parseRecipeText } from "../../src/sheet/recipe/load";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { openEarlierYear, readCountyFiles } from "../../src/web/readFiles";
import { run, tempDir } from "../cli/helpers";
import { randomCounty, writeCounty, writeThreeCounties } from "../league/helpers";
import { exportWorkbook } from "../recipe/exportFiles";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows } from "../recipe/exportFixture";
import { PROVINCE_LABELS } from "../recipe/fixtures/province";

const dir = tempDir();
const DAMAGED = path.join(__dirname, "../trust/fixtures/xlsx/bad-corrupt-zip.xlsx");
const asFile = (file: string) => new File([readFileSync(file)], path.basename(file));

describe("the web app reads county files as balance batch does", () => {
  it("gives each county the command line's name, verdicts and coefficients; a damaged file its problem", async () => {
    const [first, , third] = await writeThreeCounties(dir);
    const files = [first, DAMAGED, third];
    const told: string[] = [];
    const results = await readCountyFiles(files.map(asFile), NATIONAL_2017, (i, f) =>
      told.push(`${i}:${f.name}`),
    );
    expect(told).toEqual(["0:科右前旗-均衡评估.xlsx", "1:bad-corrupt-zip.xlsx", "2:县C.xlsx"]);
    const batch = JSON.parse((await run("batch", ...files, "--json", "--year", "2026")).stdout);
    expect(results.map((r) => r.county)).toEqual(batch.counties.map((c: { county: string }) => c.county));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    results.forEach((r, i) => {
      const cli = batch.counties[i];
      expect(r.problems.map((p) => p.message.zh)).toEqual(
        cli.problems.map((p: { message: string }) => p.message),
      );
      if (!r.ok) return;
      expect(r.table!.read.records.length).toBe(cli.schools);
      expect(r.verdict!.verdict.countyPass).toBe(cli.countyPass);
      for (const level of ["primary", "junior"] as const) {
        const l = r.table!.evaluation!.levels[level];
        expect(Object.fromEntries(Object.entries(l.balance).map(([id, b]) => [id, b.cv]))).toEqual(
          cli.levels[level].cv,
        );
      }
    });
  });
});

describe("a folder of year folders chosen whole", () => {
  it("gives each file its path in the folder, so that the folder's year is the file's, as on disk", async () => {
    const paths: string[] = [];
    for (const [year, seed] of [
      ["2025", 7201],
      ["2026", 7202],
    ] as const) {
      mkdirSync(path.join(dir, "years", year), { recursive: true });
      paths.push(
        await writeCounty(path.join(dir, "years", year), "扎赉特旗.xlsx", randomCounty(seed, 8, "扎旗")),
      );
    }
    // a browser gives a file of a folder chosen whole its path in the folder; Node's File has none
    const inFolder = (file: string) => {
      const f = asFile(file);
      const relative = path.relative(dir, file).split(path.sep).join("/");
      Object.defineProperty(f, "webkitRelativePath", { value: relative });
      return f;
    };
    const results = await readCountyFiles(paths.map(inFolder), NATIONAL_2017);
    expect(results.map((r) => r.source.file)).toEqual([
      "years/2025/扎赉特旗.xlsx",
      "years/2026/扎赉特旗.xlsx",
    ]);
    const inputs = results.map((r) => leagueCountyInput(r));
    const byYear = countiesByYear(inputs, leagueSummary(inputs, 2026).counties);
    expect(byYear.map((c) => [c.county, c.years.map((y) => y.year)])).toEqual([["扎赉特旗", [2025, 2026]]]);
    // a folder dropped whole: each file with the path found walking the folder, carried beside it
    const dropped = await readCountyFiles(
      paths.map((p) => ({ file: asFile(p), path: path.relative(dir, p).split(path.sep).join("/") })),
      NATIONAL_2017,
    );
    expect(dropped.map((r) => r.source.file)).toEqual([
      "years/2025/扎赉特旗.xlsx",
      "years/2026/扎赉特旗.xlsx",
    ]);
    const droppedInputs = dropped.map((r) => leagueCountyInput(r));
    expect(
      countiesByYear(droppedInputs, leagueSummary(droppedInputs, 2026).counties).map((c) =>
        c.years.map((y) => y.year),
      ),
    ).toEqual([[2025, 2026]]);
    // files chosen one by one have their names only: no year to tell them apart
    const named = await readCountyFiles(paths.map(asFile), NATIONAL_2017);
    expect(named.map((r) => r.source.file)).toEqual(["扎赉特旗.xlsx", "扎赉特旗.xlsx"]);
  });
});

describe("a workbook Balance wrote among the county files chosen", () => {
  it("is left out, as balance batch leaves it out of a folder", async () => {
    const [first] = await writeThreeCounties(dir);
    const report = path.join(dir, "评估报告.xlsx");
    expect((await run("evaluate", first, "--out", report, "--force")).code).toBe(0);
    const results = await readCountyFiles([asFile(first), asFile(report)], NATIONAL_2017);
    expect(results.map((r) => [r.source.file, r.skipped])).toEqual([
      ["科右前旗-均衡评估.xlsx", false],
      ["评估报告.xlsx", true],
    ]);
  });
});

describe("a league's statistics export among the county files", () => {
  it("is each of its counties, as balance batch evaluates it", async () => {
    const [first] = await writeThreeCounties(dir);
    const league = path.join(dir, "兴安盟教育事业统计.xlsx");
    writeFileSync(league, await exportWorkbook([exportSheet(leagueRows())]));
    const results = await readCountyFiles([asFile(league), asFile(first)], NATIONAL_2017);
    expect(results.map((r) => [r.county, r.source.county, r.ok])).toEqual([
      [COUNTY_LISTED, COUNTY_LISTED, true],
      [COUNTY_UNLISTED, COUNTY_UNLISTED, true],
      ["科右前旗", undefined, true],
    ]);
    const batch = JSON.parse((await run("batch", league, first, "--json", "--year", "2026")).stdout);
    expect(batch.counties.map((c: { county: string }) => c.county)).toEqual(results.map((r) => r.county));
    results.forEach((r, i) => {
      expect(r.table!.read.records.length).toBe(batch.counties[i].schools);
      expect(r.verdict!.verdict.countyPass).toBe(batch.counties[i].countyPass);
    });
    // each county alone: the schools of its rows only
    const alone = JSON.parse((await run("evaluate", league, "--county", COUNTY_UNLISTED, "--json")).stdout);
    expect(results[1].table!.read.records.length).toBe(alone.table.schools);
  });
});

describe("a province's renamed export, through a recipe", () => {
  it("is read as balance batch --recipe reads it, where without the recipe it fails", async () => {
    const renamed = path.join(dir, "某省导出.xlsx");
    writeFileSync(renamed, await exportWorkbook([exportSheet(leagueRows(), { rename: PROVINCE_LABELS })]));
    const recipeFile = path.join(__dirname, "../recipe/fixtures/province-recipe.json");
    const parsed = parseRecipeText(readFileSync(recipeFile, "utf8"));
    if (!parsed.ok || parsed.recipe.kind !== "table") throw new Error("the fixture is a table recipe");

    const without = await readCountyFiles([asFile(renamed)], NATIONAL_2017);
    expect(without.map((r) => r.ok)).toEqual([false]);
    const results = await readCountyFiles([asFile(renamed)], NATIONAL_2017, undefined, parsed.recipe);
    const batch = JSON.parse(
      (await run("batch", renamed, "--recipe", recipeFile, "--json", "--year", "2026")).stdout,
    );
    expect(results.map((r) => [r.county, r.ok])).toEqual([
      [COUNTY_LISTED, true],
      [COUNTY_UNLISTED, true],
    ]);
    expect(batch.counties.map((c: { county: string }) => c.county)).toEqual(results.map((r) => r.county));
    results.forEach((r, i) => {
      expect(r.table!.read.records.length).toBe(batch.counties[i].schools);
      for (const level of ["primary", "junior"] as const) {
        const l = r.table!.evaluation!.levels[level];
        expect(Object.fromEntries(Object.entries(l.balance).map(([id, b]) => [id, b.cv]))).toEqual(
          batch.counties[i].levels[level].cv,
        );
      }
    });
  });
});

describe("the earlier year for 对比", () => {
  it("is the sheet holding the school table, past a cover sheet; a damaged file says why", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("封面").getCell("A1").value = "2025 年学校基本情况";
    const table = book.addWorksheet("学校统计");
    [templateHeaderRow(), ...recordsToRows(randomCounty(1604, 6, "甲"))].forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) table.getCell(r + 1, c + 1).value = v;
      }),
    );
    const file = path.join(dir, "2025.xlsx");
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const opened = await openEarlierYear(asFile(file));
    if (!opened.ok) throw new Error(opened.message.en);
    expect(opened.grid.sheet).toBe("学校统计");
    expect(opened.grid.values.length).toBe(7);

    const damaged = await openEarlierYear(asFile(DAMAGED));
    const cli = await run("evaluate", DAMAGED);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(cli.stderr).toContain(damaged.message.zh);
  });
});

describe("an old .xls chosen in the web app", () => {
  it("is read as the .xlsx it was saved from: the same county, verdict and earlier year", async () => {
    const xls = path.join(__dirname, "../fixtures/xls/sample-county.xls");
    const xlsx = path.join(dir, "sample-county.xlsx");
    writeFileSync(xlsx, readFileSync(path.join(__dirname, "../../examples/sample-county.xlsx")));
    const [fromXls] = await readCountyFiles([asFile(xls)], NATIONAL_2017);
    const [fromXlsx] = await readCountyFiles([asFile(xlsx)], NATIONAL_2017);
    expect(fromXls.ok).toBe(true);
    expect(fromXls.problems).toEqual([]);
    expect({ ...fromXls, source: null }).toEqual({ ...fromXlsx, source: null });
    const earlier = await openEarlierYear(asFile(xls));
    expect(earlier).toEqual(await openEarlierYear(asFile(xlsx)));
  });
});

describe("a county's table as a system exports it: a .csv, a web page saved as .xls", () => {
  const FIXTURES = path.join(__dirname, "../xlsx/fixtures/text");
  it.each(["sample-gbk.csv", "sample-web.xls"])("%s is read as balance batch reads it", async (name) => {
    const file = path.join(FIXTURES, name);
    const [result] = await readCountyFiles([asFile(file)], NATIONAL_2017);
    const batch = JSON.parse((await run("batch", file, "--json", "--year", "2026")).stdout);
    const [cli] = batch.counties;
    expect(result.ok).toBe(true);
    expect(result.table!.read.records.length).toBe(cli.schools);
    expect(result.problems.map((p) => p.message.zh)).toEqual(
      cli.problems.map((p: { message: string }) => p.message),
    );
    // the sheet is named for the file, as the command line names it
    expect(
      result.problems.every(
        (p) => p.cell === null || p.cell.startsWith(`'${name.replace(/\.[a-z]+$/u, "")}'!`),
      ),
    ).toBe(true);
    const xlsx = JSON.parse(
      (await run("batch", path.join(FIXTURES, "sample.xlsx"), "--json", "--year", "2026")).stdout,
    );
    expect(cli.levels).toEqual(xlsx.counties[0].levels);
  });
});
