/**
 * `balance batch` over the folders a league's clerk really keeps (docs/standard.md#league-plan): a county's file
 * sent again as a corrected copy beside the first (科右前旗(修改).xlsx), a county written with its division code or
 * without its 旗/县, a county the plan does not list, and year folders named 2025年, 2026 or 二〇二四年, a year
 * missing between them. Each county is named once in the plan's spelling, counted once, from the right file, with
 * its target year; each year's figures are those of `balance evaluate` on that file alone.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LEVELS } from "../../src/standard/indicators";
import { run, tempDir } from "../cli/helpers";
import { randomCounty, writeCounty } from "./helpers";

const dir = tempDir();
const flat = join(dir, "各旗县");
const years = ["二〇二四年", "2025年", "2026"].map((y) => join(dir, "逐年", y));

type Level = { sections: number; passingSections: number; cv: Record<string, number | null> };
type County = {
  file: string;
  county: string;
  ok: boolean;
  counted: boolean;
  countyPass: boolean | null;
  resourcesPass: boolean | null;
  targetYear: number | null;
  yearsLeft: number | null;
  levels: Record<string, Level> | null;
  years?: {
    series: { year: number; file: string }[];
    projection: { fromYears: number[]; targetYear: number } | null;
  };
};

beforeAll(async () => {
  for (const folder of [flat, ...years]) mkdirSync(folder, { recursive: true });
  await writeCounty(flat, "科右前旗.xlsx", randomCounty(8101, 10, "前旗"));
  await writeCounty(flat, "科右前旗(修改).xlsx", randomCounty(8102, 11, "前旗"));
  await writeCounty(flat, "152224突泉.xlsx", randomCounty(8103, 9, "突泉"));
  await writeCounty(flat, "扎赉特.xlsx", randomCounty(8104, 8, "扎旗"));
  // a county of another league: no target year, and its corrected copy is the same county
  await writeCounty(flat, "科尔沁左翼中旗.xlsx", randomCounty(8105, 8, "左中"));
  await writeCounty(flat, "科尔沁左翼中旗（更正版）.xlsx", randomCounty(8106, 8, "左中"));
  // 阿尔山市 in all three year folders; 突泉县 in 2024 and 2026, none in 2025
  for (const [i, folder] of years.entries())
    await writeCounty(folder, "阿尔山市.xlsx", randomCounty(8110 + i, 9, "阿市"));
  await writeCounty(years[0], "突泉县.xlsx", randomCounty(8120, 9, "突泉"));
  await writeCounty(years[2], "突泉县.xlsx", randomCounty(8121, 9, "突泉"));
});

async function batch(...paths: string[]): Promise<{ counties: County[]; repeated: unknown[] }> {
  const r = await run("batch", ...paths, "--json", "--year", "2026");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The county's figures as `balance evaluate --json` gives them for its file alone. */
async function alone(file: string) {
  const r = await run("evaluate", file, "--json");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

async function expectAsAlone(county: County): Promise<void> {
  const doc = await alone(county.file);
  expect(county.countyPass).toBe(doc.countyPass);
  expect(county.resourcesPass).toBe(doc.resourcesPass);
  for (const level of LEVELS) {
    expect(county.levels![level].sections).toBe(doc.levels[level].sections);
    expect(county.levels![level].passingSections).toBe(doc.levels[level].passingSections);
  }
}

describe("a league clerk's folder of county files", () => {
  test("a corrected copy is counted, a code or a missing 旗/县 still names the plan's county", async () => {
    const doc = await batch(flat);
    const names = (c: County) => [c.county, c.file.split("/").pop(), c.counted, c.targetYear, c.yearsLeft];
    expect(doc.counties.map(names).sort()).toEqual(
      [
        ["突泉县", "152224突泉.xlsx", true, 2028, 2],
        ["扎赉特旗", "扎赉特.xlsx", true, 2028, 2],
        ["科右前旗", "科右前旗(修改).xlsx", true, 2028, 2],
        ["科右前旗", "科右前旗.xlsx", false, 2028, 2],
        ["科尔沁左翼中旗", "科尔沁左翼中旗.xlsx", false, null, null],
        ["科尔沁左翼中旗", "科尔沁左翼中旗（更正版）.xlsx", true, null, null],
      ].sort(),
    );
    expect(doc.repeated).toEqual([
      {
        county: "科右前旗",
        files: [join(flat, "科右前旗(修改).xlsx"), join(flat, "科右前旗.xlsx")],
        counted: join(flat, "科右前旗(修改).xlsx"),
        years: [null, null],
        sameYear: [join(flat, "科右前旗.xlsx")],
      },
      {
        county: "科尔沁左翼中旗",
        files: [join(flat, "科尔沁左翼中旗.xlsx"), join(flat, "科尔沁左翼中旗（更正版）.xlsx")],
        counted: join(flat, "科尔沁左翼中旗（更正版）.xlsx"),
        years: [null, null],
        sameYear: [join(flat, "科尔沁左翼中旗.xlsx")],
      },
    ]);
    for (const county of doc.counties) await expectAsAlone(county);
  });

  test("text: a county the plan does not list is said to have no target year, the plan's counties their years", async () => {
    const r = await run("batch", flat, "--year", "2026");
    expect(r.code).toBe(0);
    const line = (file: string) => r.stdout.split("\n").find((l) => l.includes(`（${file}）`))!;
    expect(line("科尔沁左翼中旗（更正版）.xlsx")).toMatch(
      /；规划中没有该旗县市的目标年份，不判断按期达标风险$/u,
    );
    expect(line("科右前旗(修改).xlsx")).toMatch(/；目标 2028 年，剩余 2 年$/u);
    // which copy of one year counts, why, and what to do if it is the wrong one
    expect(r.stdout).toContain(
      "⚠ 科右前旗有 2 个文件（“科右前旗(修改).xlsx”“科右前旗.xlsx”）：只计入“科右前旗(修改).xlsx”，“科右前旗.xlsx”未计入（同一年份的几个文件，计文件名标明“修改”“更正”等字样的一份，否则计排在最后的一份；如计错了，请把不用的文件移出文件夹后重新汇总）",
    );
    const en = await run("batch", flat, "--year", "2026", "--lang", "en");
    expect(en.stdout).toContain("; no target year in the plan for this county: not judged for risk");
  });

  test("year folders named 二〇二四年, 2025年 and 2026: each year in the series, a missing year left out", async () => {
    const doc = await batch(...years);
    const counted = (name: string) => doc.counties.find((c) => c.county === name && c.counted)!;
    const arxan = counted("阿尔山市");
    expect(arxan.file).toBe(join(years[2], "阿尔山市.xlsx"));
    expect(arxan.years!.series.map((y) => [y.year, y.file])).toEqual(
      years.map((folder, i) => [2024 + i, join(folder, "阿尔山市.xlsx")]),
    );
    const tuquan = counted("突泉县");
    expect(tuquan.years!.series.map((y) => y.year)).toEqual([2024, 2026]);
    // the projection is balance compare's, over the years the files give, the missing one not made up
    expect(tuquan.years!.projection).toMatchObject({ fromYears: [2024, 2026], targetYear: 2028 });
    const compared = await run(
      "compare",
      join(years[0], "突泉县.xlsx"),
      join(years[2], "突泉县.xlsx"),
      "--county",
      "突泉县",
      "--json",
    );
    expect(compared.code).toBe(0);
    expect(tuquan.years!.projection).toEqual(JSON.parse(compared.stdout).projection);
    for (const county of doc.counties) await expectAsAlone(county);
  });
});
