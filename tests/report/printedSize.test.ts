/**
 * No text of the report prints under 9 pt where a wider face stands in for 宋体 (WPS on Kylin or UOS, LibreOffice
 * without 宋体): each sheet as the file holds it — the sample county and a county's export as `balance evaluate
 * --out` writes them, a county of long names with its county sheet, the plan sheets — its smallest text (a cell's,
 * or the 9-point page header's and footer's) scaled as fitting its columns at their widest (`printedColumnWidth`,
 * WIDEST_DIGIT_EM) to one page wide scales it. The slow
 * print test measures the same sizes in LibreOffice's PDF.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../../src/engine";
import { leagueSummary, type LeagueCountyInput } from "../../src/engine/league";
import { countiesByYear } from "../../src/engine/monitor";
import { compareYears } from "../../src/engine/trend";
import { buildComparisonReport } from "../../src/report/comparison";
import { buildLeagueReport } from "../../src/report/league";
import { printedColumnWidth } from "../../src/report/paperWidth";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { randomCounty as leagueCounty } from "../league/helpers";
import { reportBytes } from "../../src/xlsx/report";
import { randomCounty } from "../excel/county";
import { run, tempDir } from "../cli/helpers";
import { countyReport, filledCountySheet } from "./countySheets";
import { pageSetupOf } from "./printCheck";
import { samplePlanSheets } from "./samplePlanSheets";

const LONG_NAMES = [
  "科尔沁右翼前旗额尔格图镇中心小学（东校区）",
  "乌兰浩特市义勒力特镇蒙古族九年一贯制学校",
  "扎赉特旗好力保镇巴达尔胡农场学校（北校区）",
];

async function sheetsOf(file: string): Promise<ExcelJS.Worksheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook.worksheets;
}

const dir = tempDir();

/** The report `balance evaluate <file> --county <county> --out` writes, as a clerk writes it. */
const evaluated = (file: string, county: string, name: string) => async () => {
  const out = join(dir, name);
  expect((await run("evaluate", file, "--county", county, "--out", out)).code).toBe(0);
  return out;
};

const files: [string, () => Promise<string>][] = [
  [
    "the sample county (balance evaluate --out)",
    evaluated("examples/sample-county.xlsx", "白狼县", "sample.xlsx"),
  ],
  [
    "a county's export (balance evaluate --out)",
    evaluated("tests/fixtures/xls/export.xlsx", "科右前旗", "export.xlsx"),
  ],
  [
    "a county of long names with its county sheet",
    async () => {
      const records = randomCounty(30, 5).map((r, i) => ({
        ...r,
        name: `${LONG_NAMES[i % LONG_NAMES.length]}${i + 1}`,
      }));
      const out = join(dir, "long.xlsx");
      writeFileSync(
        out,
        await reportBytes(countyReport(records, filledCountySheet(), "科尔沁右翼前旗").report),
      );
      return out;
    },
  ],
  [
    "the plan, rotation and scenario sheets",
    async () => {
      const out = join(dir, "plans.xlsx");
      writeFileSync(out, await reportBytes({ sheets: await samplePlanSheets() }));
      return out;
    },
  ],
  [
    "a league of counties over two years with a plan (balance batch --out)",
    async () => {
      const names = ["科尔沁右翼中旗巴彦呼舒镇教育管理中心", "突泉县", "阿尔山市"];
      const inputs: LeagueCountyInput[] = [2025, 2026].flatMap((year) =>
        names.map((county, i) => {
          const evaluation = evaluate(leagueCounty(300 + i + year, 8 + 4 * i, county), NATIONAL_2017);
          return {
            file: `/home/县教育局/${year}年上报/${county}${year}年义务教育学校统计表（终稿）.xlsx`,
            county,
            evaluation,
            verdict: null,
            schools: evaluation.sections.length,
            targetYear: 2028,
            plan: { total: 123456789, recurring: 2345678, oneOff: 98765432, passesAfter: true },
            fileYear: year,
          };
        }),
      );
      const summary = leagueSummary(inputs, 2026);
      const report = buildLeagueReport(
        {
          summary,
          byYear: countiesByYear(inputs, summary.counties),
          details: inputs.map((i) => ({ evaluation: i.evaluation, problems: [] })),
          profile: NATIONAL_2017,
        },
        { lang: "zh", date: "2026-12-06" },
      );
      const out = join(dir, "league.xlsx");
      writeFileSync(out, await reportBytes(report));
      return out;
    },
  ],
  [
    "a county's years compared (balance compare --out)",
    async () => {
      const years = [2025, 2026, 2027].map((year, k) => ({
        year,
        label: String(year),
        evaluation: evaluate(leagueCounty(5200 + k, 24 - k * 2, "科尔沁右翼中旗巴彦呼舒镇"), NATIONAL_2017),
      }));
      const trend = compareYears(years, { targetYear: 2028 });
      const out = join(dir, "compare.xlsx");
      writeFileSync(
        out,
        await reportBytes(
          buildComparisonReport(trend, NATIONAL_2017, {
            lang: "zh",
            county: "科尔沁右翼中旗",
            date: "2027-12-01",
          }),
        ),
      );
      return out;
    },
  ],
];

test.each(files)(
  "%s: no sheet's smallest text prints under 9 pt with the widest face",
  async (_, write) => {
    const sheets = await sheetsOf(await write());
    const fitted = sheets.filter((ws) => ws.pageSetup.fitToPage);
    expect(fitted.length).toBeGreaterThan(0);
    for (const ws of sheets) {
      const widest = pageSetupOf(ws, printedColumnWidth);
      // never narrower than Excel draws it with 宋体
      expect(widest.scale).toBeLessThanOrEqual(pageSetupOf(ws).scale);
      expect([ws.name, widest.smallestFont, widest.printedFont >= 9, widest.printedMarks >= 9]).toEqual([
        ws.name,
        widest.smallestFont,
        true,
        true,
      ]);
    }
  },
  60_000,
);
