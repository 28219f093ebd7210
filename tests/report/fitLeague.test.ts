/**
 * Nothing of the league workbook (`balance batch --out`) or of the comparison workbook (`balance compare --out`)
 * is cut off, measured as tests/report/fit.test.ts measures the county report (宋体 widths): counties the project
 * has never seen, with long file names, a plan's totals, a county that could not be read, one given twice, and
 * years with schools opened, closed and merged; in Chinese and in English.
 */
import { evaluate } from "../../src/engine";
import { leagueSummary, type LeagueCountyInput } from "../../src/engine/league";
import { countiesByYear } from "../../src/engine/monitor";
import type { SchoolRecord } from "../../src/engine/records";
import { compareYears } from "../../src/engine/trend";
import type { Lang } from "../../src/i18n/format";
import { buildComparisonReport } from "../../src/report/comparison";
import { buildLeagueReport } from "../../src/report/league";
import type { Report } from "../../src/report/model";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { randomCounty } from "../league/helpers";
import { badBreaks, cutOff } from "./fitCheck";

const COUNTIES: [string, string, number | null][] = [
  ["阿尔山市", "阿尔山市2026年义务教育学校统计表（终稿）.xlsx", 2026],
  ["乌兰浩特市", "乌兰浩特市.xlsx", 2028],
  ["扎赉特旗", "扎赉特旗.xlsx", 2028],
  ["科尔沁右翼前旗", "科尔沁右翼前旗-均衡评估-2025.xlsx", 2028],
  ["突泉县", "突泉县2024.xlsx", 2028],
  ["突泉县", "突泉县2025.xlsx", 2028],
  ["科尔沁右翼中旗", "科尔沁右翼中旗.xlsx", null],
];

function league(lang: Lang, withPlan: boolean): Report {
  const inputs: LeagueCountyInput[] = COUNTIES.map(([county, file, targetYear], i) => {
    const unread = i === COUNTIES.length - 1;
    const evaluation = unread ? null : evaluate(randomCounty(4100 + i, 6 + 5 * i, county), NATIONAL_2017);
    return {
      file: `/home/县教育局/2026年上报/${file}`,
      county,
      evaluation,
      verdict: null,
      schools: evaluation ? evaluation.sections.length : 0,
      targetYear,
      plan:
        withPlan && evaluation
          ? { total: 123456789 * (i + 1), recurring: 2345678, oneOff: 98765432, passesAfter: true }
          : null,
      fileYear: /(20\d\d)/.exec(file) ? Number(/(20\d\d)/.exec(file)![1]) : null,
    };
  });
  const summary = leagueSummary(inputs, 2026);
  return buildLeagueReport(
    {
      summary,
      byYear: countiesByYear(inputs, summary.counties),
      details: inputs.map((i) => ({ evaluation: i.evaluation, problems: [] })),
      profile: NATIONAL_2017,
    },
    { lang, date: "2026-12-06" },
  );
}

/**
 * Counties over several years for the sheet of their years: a long name over three years (one could not be read),
 * a county of no target year, one whose target year has come, and long file names.
 */
function leagueOverYears(lang: Lang): Report {
  const years: [string, number, number | null, boolean][] = [
    ["科尔沁右翼中旗巴彦呼舒镇教育管理中心", 2024, 2028, true],
    ["科尔沁右翼中旗巴彦呼舒镇教育管理中心", 2025, 2028, false],
    ["科尔沁右翼中旗巴彦呼舒镇教育管理中心", 2026, 2028, true],
    ["某自治旗", 2025, null, true],
    ["某自治旗", 2026, null, true],
    ["阿尔山市", 2025, 2026, true],
    ["阿尔山市", 2026, 2026, true],
  ];
  const inputs: LeagueCountyInput[] = years.map(([county, year, targetYear, read], i) => {
    const evaluation = read ? evaluate(randomCounty(6100 + i, 8 + 3 * i, county), NATIONAL_2017) : null;
    return {
      file: `/home/县教育局/${year}年上报/${county}${year}年义务教育学校统计表（终稿）.xlsx`,
      county,
      evaluation,
      verdict: null,
      schools: evaluation ? evaluation.sections.length : 0,
      targetYear,
      fileYear: year,
    };
  });
  const summary = leagueSummary(inputs, 2026);
  return buildLeagueReport(
    {
      summary,
      byYear: countiesByYear(inputs, summary.counties),
      details: inputs.map((i) => ({ evaluation: i.evaluation, problems: [] })),
      profile: NATIONAL_2017,
    },
    { lang, date: "2026-12-06" },
  );
}

function comparison(lang: Lang): Report {
  const years = [2025, 2026, 2027].map((year, k) => {
    const records: SchoolRecord[] = randomCounty(5200 + k, 24 - k * 2, "科尔沁右翼中旗巴彦呼舒镇");
    return { year, label: String(year), evaluation: evaluate(records, NATIONAL_2017) };
  });
  const renames = {
    科尔沁右翼中旗巴彦呼舒镇第23小学: "科尔沁右翼中旗巴彦呼舒镇第一小学",
    科尔沁右翼中旗巴彦呼舒镇第24教学点: "科尔沁右翼中旗巴彦呼舒镇第一小学",
  };
  const trend = compareYears(years, { renames, targetYear: 2028 });
  return buildComparisonReport(trend, NATIONAL_2017, { lang, county: "科尔沁右翼中旗", date: "2027-12-01" });
}

describe("no text of the league and comparison workbooks is cut off", () => {
  test("every sheet of the league workbook, with and without the plan, in Chinese and in English", () => {
    const reports = [league("zh", false), league("zh", true), league("en", true)];
    // 突泉县's two years give the sheet of the counties' years, its projection and course
    expect(reports.map((r) => r.sheets[1].name)).toEqual(["逐年情况", "逐年情况", "Year by year"]);
    expect(reports.flatMap((r) => r.sheets.flatMap(cutOff))).toEqual([]);
    expect(reports.flatMap((r) => r.sheets.flatMap(badBreaks))).toEqual([]);
  });

  test("the sheet of the counties' years: an unread year, no target year, a target year come", () => {
    const reports = [leagueOverYears("zh"), leagueOverYears("en")];
    expect(reports.map((r) => r.sheets[1].name)).toEqual(["逐年情况", "Year by year"]);
    expect(reports.flatMap((r) => r.sheets.flatMap(cutOff))).toEqual([]);
    expect(reports.flatMap((r) => r.sheets.flatMap(badBreaks))).toEqual([]);
  });

  test("the comparison's summary repeats the regressions' header on the pages they run onto", () => {
    const [summary] = comparison("zh").sheets;
    const [first, last] = summary.print!.titleRows!;
    expect(last).toBe(first);
    // the last table of the sheet: a header repeated on the pages after it heads only its own rows
    expect(summary.rows[first - 1].map((cell) => cell?.value)).toEqual([
      "类别",
      "学校",
      "学段",
      "指标",
      "年份",
      "之前",
      "之后",
    ]);
    expect(summary.rows.length - first).toBeGreaterThan(20);
  });

  test("every sheet of the comparison workbook, in Chinese and in English", () => {
    const reports = [comparison("zh"), comparison("en")];
    expect(reports.flatMap((r) => r.sheets.flatMap(cutOff))).toEqual([]);
    expect(reports.flatMap((r) => r.sheets.flatMap(badBreaks))).toEqual([]);
  });
});
