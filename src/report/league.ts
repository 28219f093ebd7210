/**
 * The league workbook (`balance batch --out`): a summary sheet over the counties — standing, the weakest
 * indicators, the counties at risk of missing their target year, and per level a chart of every county's
 * difference coefficients against the limit — then one sheet per county. Every figure comes from the engine's
 * league view (src/engine/league.ts) and the counties' evaluations; nothing is judged here.
 */
import type { Evaluation } from "../engine/evaluate";
import { AT_RISK, countedFirst, type CountyStanding, type LeagueSummary } from "../engine/league";
import type { CountyYears } from "../engine/monitor";
import type { Lang } from "../i18n/format";
import type { Problem } from "../problems/problem";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { columnLetters } from "../sheet/grid";
import { yearOfFile } from "../sheet/countyName";
import { cell, headerRow, uniqueSheetNames, verdictCell } from "./cells";
import {
  COUNT,
  CV,
  NOT_COUNTED_HEADING,
  NOT_COUNTED_WHY,
  RATIO,
  countySheet,
  fileLabels,
  offCourseNote,
  planTotalLabel,
  repeatedLabel,
  riskCell,
  unchangedYearsLabel,
  yearsFilesLabel,
} from "./leagueCounty";
import { leagueYearsSheet } from "./leagueYears";
import type { ChartSpec, Report, ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks } from "./print";

export interface LeagueReportInput {
  summary: LeagueSummary;
  /** parallel to summary.counties: the county's evaluation (null when it could not be evaluated) and problems */
  details: readonly { evaluation: Evaluation | null; problems: readonly Problem[] }[];
  profile: Profile;
  /** the counties given in files of several years (src/engine/monitor.ts): a sheet of them after the summary */
  byYear?: readonly CountyYears[];
}

export interface LeagueReportOptions {
  lang: Lang;
  /** the day the workbook is written, as the user reads it: 2026-11-28 */
  date: string;
}

export const LEAGUE_SUMMARY_SHEET = { zh: "盟市汇总", en: "League summary" } as const;

function passingText(s: CountyStanding, level: (typeof LEVELS)[number]): string {
  const l = s.levels?.[level];
  return l ? `${l.passingSections} / ${l.sections}` : "—";
}

/**
 * Each evaluated county as the CV tables, the charts and the sheets' tabs name it: its name, and where the county
 * is given in several files (two years of 突泉县) the year its file's name gives; of several files of one year (or
 * of none), the one the league counts by that year alone and the others marked as not counted (未计入), numbered
 * when there are several — short enough for a chart's axis, never two of the same name, and never a bare ordinal
 * that says nothing of the file.
 */
function countyLabels(counties: readonly CountyStanding[], lang: Lang): string[] {
  const key = (s: CountyStanding) => s.county.replace(/\s/g, "");
  // the year as batch and compare read it: from the file's name, else its folder's (2025/突泉县.xlsx)
  const yearOf = (s: CountyStanding) => yearOfFile(s.file);
  const zh = lang === "zh";
  return counties.map((s, i) => {
    const same = counties.filter((c) => key(c) === key(s));
    if (same.length === 1) return s.county;
    const year = yearOf(s);
    const ofYear = same.filter((c) => yearOf(c) === year);
    const marks: string[] = year === null ? [] : [String(year)];
    if (ofYear.length > 1 && !s.counted) {
      const uncounted = ofYear.filter((c) => !c.counted);
      const n = counties.slice(0, i + 1).filter((c) => ofYear.includes(c) && !c.counted).length;
      marks.push((zh ? "未计入" : "not counted") + (uncounted.length > 1 ? ` ${n}` : ""));
    }
    if (marks.length === 0) return s.county;
    return zh ? `${s.county}（${marks.join("，")}）` : `${s.county} (${marks.join(", ")})`;
  });
}

/** The counties as the summary shows them: the counted line of each first (`countedFirst`), then the others. */
function shownOrder(counties: readonly CountyStanding[]): CountyStanding[] {
  const order = countedFirst(counties);
  return [...order.counted, ...order.others].map((i) => counties[i]);
}

/**
 * The rows of 15 pt a chart of the summary spans: most of the landscape page it has to itself under the title row
 * (about 458 pt), so that the bars of a league of many counties, under their names set slanting, can be read.
 */
const CHART_ROWS = 26;

/** The county table's column widths in characters; the plan's three columns come last when asked for. */
const SUMMARY_WIDTHS = [14, 26, 10, 12, 12, 12, 10, 10, 9, 9, 9, 9, 24, 14, 14, 14];

/**
 * The tables under the county table share its columns: each cell of a row spans as many of them as `spans` says
 * (1 where not given), so that a short column of the county table does not squeeze an indicator's name.
 */
function spreadRow(b: SheetBuilder, cells: readonly ReportCell[], spans: readonly number[]): number {
  const row: ReportCell[] = [];
  const merges: [number, number][] = [];
  let c = 0;
  cells.forEach((x, i) => {
    const span = spans[i] ?? 1;
    row[c] = x;
    for (let k = 1; k < span; k++) row[c + k] = { style: x.style === "header" ? "header" : undefined };
    if (span > 1) merges.push([c, c + span - 1]);
    c += span;
  });
  const r = b.push(row);
  for (const [c0, c1] of merges) b.merge(r, c0, r, c1);
  return r;
}

/** The columns the weakest indicators' table takes: the indicator's name over two. */
const WEAK_SPANS = [1, 1, 2, 1, 1, 1, 1];
const WEAK_LAST = 7;
/** The coefficient tables: the county over two columns, then the seven indicators and the limit. */
const CV_SPANS = [2];
const CV_LAST = 9;

/** The summary sheet, print-ready as the county report is: notes across the table, rows as tall as their text, the charts on a page of their own. */
function summarySheet(input: LeagueReportInput, options: LeagueReportOptions): ReportSheet {
  const { summary, profile } = input;
  const { lang } = options;
  const zh = lang === "zh";
  const withPlan = summary.counties.some((c) => c.plan !== null);
  const width = 13 + (withPlan ? 3 : 0);
  const last = width - 1;
  const b = new SheetBuilder(SUMMARY_WIDTHS.slice(0, width));
  b.title(
    zh ? "义务教育优质均衡发展 旗县市汇总" : "Balanced compulsory education: the league's counties",
    last,
  );
  b.push([cell(zh ? "评估标准" : "Standard", "bold"), cell(profile.name[lang])]);
  b.push([cell(zh ? "年份" : "Year", "bold"), { ...cell(summary.year, undefined, COUNT), align: "left" }]);
  b.push([cell(zh ? "评估日期" : "Date", "bold"), cell(options.date)]);
  // genuine problems above the table: two files of one year for a county, two years of the same figures
  const warnings = [
    ...summary.repeated.flatMap((r) => repeatedLabel(r, lang) ?? []),
    ...(input.byYear ?? []).flatMap((y) => y.unchanged.map((u) => unchangedYearsLabel(y.county, u, lang))),
  ];
  for (const text of warnings) b.pushSpan({ ...cell(text, "warn"), wrap: true }, 0, last);
  b.push();
  const countyHeader = b.push(
    headerRow([
      ...(zh
        ? [
            "旗县市",
            "文件",
            "学校数",
            "小学达标/纳入",
            "初中达标/纳入",
            "差异系数超限项",
            "资源配置",
            "县域结论",
          ]
        : [
            "County",
            "File",
            "Schools",
            "Primary passing",
            "Junior passing",
            "CVs over limit",
            "Resources",
            "County",
          ]),
      ...(zh
        ? ["未达标项", "缺数据项", "目标年份", "剩余年数", "按期达标风险"]
        : ["Items failing", "Items missing", "Target year", "Years left", "At risk"]),
      ...(withPlan
        ? zh
          ? ["方案合计（元）", "教师（每年，元）", "一次性（元）"]
          : ["Plan (yuan)", "Teachers per year", "One-off"]
        : []),
    ]),
  );
  const label = fileLabels(summary.counties.map((s) => s.file));
  const countyRow = (s: CountyStanding) => {
    const row: ReportCell[] = [
      cell(s.county, "bold"),
      // a clerk's file name is long (阿尔山市2025年学校统计表.xlsx): wrapped, never cut off
      { ...cell(label(s.file)), wrap: true },
      cell(s.schools, undefined, COUNT),
      cell(
        passingText(s, "primary"),
        s.levels && s.levels.primary.passingSections < s.levels.primary.sections ? "fail" : undefined,
      ),
      cell(
        passingText(s, "junior"),
        s.levels && s.levels.junior.passingSections < s.levels.junior.sections ? "fail" : undefined,
      ),
      cell(s.failingCoefficients, s.failingCoefficients ? "fail" : undefined, COUNT),
      s.ok ? verdictCell(s.resourcesPass, lang) : cell(zh ? "未能读取" : "Not read", "fail"),
      verdictCell(s.countyPass, lang),
      cell(s.failingItems, s.failingItems ? "fail" : undefined, COUNT),
      cell(s.missingItems, s.missingItems ? "warn" : undefined, COUNT),
      cell(s.targetYear ?? "—", undefined, COUNT),
      cell(s.yearsLeft ?? "—", undefined, COUNT),
      { ...riskCell(s, lang), wrap: true },
    ];
    if (withPlan) {
      row.push(
        cell(s.plan?.total ?? null, undefined, "#,##0"),
        cell(s.plan?.recurring ?? null, undefined, "#,##0"),
        cell(s.plan?.oneOff ?? null, undefined, "#,##0"),
      );
    }
    b.push(row);
  };
  // the counted line of each county first, what the leadership reads the league by; the earlier years and copies
  // under a heading of their own after the league's total
  const order = countedFirst(summary.counties);
  for (const i of order.counted) countyRow(summary.counties[i]);
  if (withPlan && summary.planTotal) {
    // the counted files' plans added up (engine/league.ts): under the plan columns, what it counts across the rest
    const p = summary.planTotal;
    const total: ReportCell[] = [
      cell(zh ? "全盟合计" : "League total", "bold"),
      { ...cell(planTotalLabel(p, lang)), wrap: true },
    ];
    total[last - 2] = cell(p.total, "bold", "#,##0");
    total[last - 1] = cell(p.recurring, "bold", "#,##0");
    total[last] = cell(p.oneOff, "bold", "#,##0");
    const r = b.push(total);
    b.merge(r, 1, r, last - 3);
  }
  if (order.others.length > 0) {
    b.pushSpan(
      cell(
        `${NOT_COUNTED_HEADING[lang]}${zh ? `（${NOT_COUNTED_WHY.zh}）` : ` (${NOT_COUNTED_WHY.en})`}`,
        "bold",
      ),
      0,
      last,
    );
    for (const i of order.others) countyRow(summary.counties[i]);
  }
  b.border(countyHeader, 0, b.next - 1, last);
  // a folder of years is what a league keeps: one line after the table, never a paragraph per county above it
  const years = yearsFilesLabel(summary.repeated, lang);
  if (years) b.pushSpan({ ...cell(years, "note"), wrap: true }, 0, last);

  b.push();
  const weakFrom = b.push([cell(zh ? "最薄弱的指标" : "The weakest indicators", "bold")]);
  const weakHeader = spreadRow(
    b,
    headerRow(
      zh
        ? [
            "排名",
            "学段",
            "指标",
            "未达标旗县市数",
            "低于标准的学校（校区）数",
            "差异系数超限旗县市数",
            "低于 85% 的学校（校区）数",
          ]
        : [
            "Rank",
            "Level",
            "Indicator",
            "Counties failing",
            "Sections below standard",
            "Counties with CV over limit",
            "Sections below 85 %",
          ],
    ),
    WEAK_SPANS,
  );
  const weak = summary.indicators.filter((r) => r.countiesFailing > 0);
  weak.forEach((r, i) =>
    spreadRow(
      b,
      [
        cell(i + 1, undefined, COUNT),
        cell(LEVEL_NAMES[r.level][lang]),
        cell(profile.indicators[r.indicator].shortName[lang]),
        cell(r.countiesFailing, "fail", COUNT),
        cell(r.sectionsFailing, undefined, COUNT),
        cell(r.countiesCoefficientFailing, undefined, COUNT),
        cell(r.sectionsBelowFloor, undefined, COUNT),
      ],
      WEAK_SPANS,
    ),
  );
  // no county evaluated is no evidence that every indicator passes
  const anyEvaluated = summary.counties.some((c) => c.ok && c.counted);
  if (weak.length === 0)
    b.pushSpan(
      anyEvaluated
        ? {
            value: zh
              ? "无：已评估的旗县市各项指标均达标"
              : "None: every indicator passes in every county evaluated",
            style: "note",
          }
        : {
            value: zh
              ? "无从比较：没有一个旗县市得到评估"
              : "Nothing to compare: no county could be evaluated",
            style: "fail",
          },
      0,
      WEAK_LAST,
    );
  else b.border(weakHeader, 0, b.next - 1, WEAK_LAST);
  b.keep(weakFrom, b.next - 1);

  b.push();
  const riskFrom = b.push([
    cell(zh ? "可能无法按期达标的旗县市" : "Counties at risk of missing their target year", "bold"),
  ]);
  // the reason across the rest of the county table's width
  const riskSpans = [1, 1, 1, last - 2];
  const riskHeader = spreadRow(
    b,
    headerRow(
      zh ? ["旗县市", "目标年份", "剩余年数", "原因"] : ["County", "Target year", "Years left", "Why"],
    ),
    riskSpans,
  );
  for (const s of summary.atRisk) {
    spreadRow(
      b,
      [
        cell(s.county, "bold"),
        cell(s.targetYear, undefined, COUNT),
        cell(s.yearsLeft, undefined, COUNT),
        { ...riskCell(s, lang), wrap: true },
      ],
      riskSpans,
    );
  }
  if (summary.atRisk.length === 0) b.note(zh ? "无" : "None", last);
  else b.border(riskHeader, 0, b.next - 1, last);
  const offCourse = offCourseNote(input.byYear ?? [], lang);
  if (offCourse) b.pushSpan({ ...cell(offCourse, "warn"), wrap: true }, 0, last);
  b.note(
    zh
      ? `判定规则：目标年份已到（剩余 ≤ 0 年）仍未达标；或剩余不超过 ${AT_RISK.yearsLeft} 年且仍有差异系数超限或 ${AT_RISK.failingSections} 所以上学校（校区）未达标。年份按公历年计，目标年份即验收年份。`
      : `Rule: the target year has come (0 or fewer years left) and the county does not pass; or ${AT_RISK.yearsLeft} year or less is left and a coefficient is over its limit or ${AT_RISK.failingSections} or more sections fail. Years are calendar years; the target year is the year of acceptance.`,
    last,
  );
  b.keep(riskFrom, b.next - 1);

  const charts: ChartSpec[] = [];
  const evaluatedCounties = shownOrder(summary.counties).filter((s) => s.levels !== null);
  const labels = countyLabels(evaluatedCounties, lang);
  const evaluated = evaluatedCounties.map((s, i) => ({ s, label: labels[i] }));
  for (const level of LEVELS) {
    b.push();
    const cvFrom = b.push([
      cell(
        zh
          ? `各旗县市${LEVEL_NAMES[level].zh}差异系数`
          : `${LEVEL_NAMES[level].en} difference coefficients by county`,
        "bold",
      ),
    ]);
    const cvHeader = spreadRow(
      b,
      headerRow([
        zh ? "旗县市" : "County",
        ...INDICATOR_IDS.map((id) => profile.indicators[id].shortName[lang]),
        zh ? "限值" : "Limit",
      ]),
      CV_SPANS,
    );
    const first = b.next;
    for (const { s, label } of evaluated) {
      const l = s.levels![level];
      spreadRow(
        b,
        [
          { ...cell(label), wrap: true },
          ...INDICATOR_IDS.map((id) => cell(l.cv[id], l.cvPass[id] ? undefined : "fail", CV)),
          cell(l.limit, undefined, RATIO),
        ],
        CV_SPANS,
      );
    }
    const lastRow = b.next - 1;
    b.border(cvHeader, 0, lastRow, CV_LAST);
    b.keep(cvFrom, lastRow);
    if (evaluated.length === 0) continue;
    const col = (i: number) => columnLetters(i);
    charts.push({
      title: zh
        ? `各旗县市${LEVEL_NAMES[level].zh}差异系数与限值`
        : `${LEVEL_NAMES[level].en}: coefficients by county against the limit`,
      type: "columnClustered",
      categories: `A${first}:A${lastRow}`,
      series: [
        ...INDICATOR_IDS.map((id, i) => ({
          name: profile.indicators[id].shortName[lang],
          values: `${col(i + 2)}${first}:${col(i + 2)}${lastRow}`,
        })),
        {
          name: zh ? "限值" : "Limit",
          values: `${col(CV_LAST)}${first}:${col(CV_LAST)}${lastRow}`,
          line: true,
        },
      ],
      anchor: { from: "A1", to: "A1" },
      axes: { category: zh ? "旗县市" : "County", value: zh ? "差异系数" : "Coefficient of variation" },
    });
  }
  // the league bureau signs the summary it hands on
  b.signature(lang, last);
  // the charts below everything, on pages of their own (a chart cut by a page break prints in two halves), one
  // under the other, as wide as the county table's first page
  const chartsFrom = b.next + 1;
  let top = chartsFrom + 1;
  const chartTops: number[] = [];
  for (const chart of charts) {
    chart.anchor = { from: `A${top}`, to: `J${top + CHART_ROWS}` };
    chartTops.push(top);
    top += CHART_ROWS + 2;
  }
  // where the sheet is printed on pages across, each names the county and its file
  b.nameColumns = [0, 1];
  return b.sheet({
    key: "leagueSummary",
    name: LEAGUE_SUMMARY_SHEET[lang],
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [1, 1],
      // each chart on a page of its own: the sheet, too wide to fit one page legibly, prints at 100 %
      // (SheetBuilder.legible), where a landscape page holds one chart
      ...(charts.length > 0 ? { rowBreaks: [chartsFrom, ...chartTops.slice(1)] } : {}),
      ...pageMarks({ year: String(summary.year) }, LEAGUE_SUMMARY_SHEET, lang),
    },
    charts,
  });
}

/**
 * The league workbook: the summary sheet, the counties' years where some county is given in several years, then
 * one sheet per county in the summary's order.
 */
export function buildLeagueReport(input: LeagueReportInput, options: LeagueReportOptions): Report {
  const summary = summarySheet(input, options);
  const byYear = input.byYear ?? [];
  const years = byYear.length === 0 ? [] : [leagueYearsSheet(byYear, input.summary.year, options.lang)];
  // two years of one county are two tabs: named by their files' years where they tell them apart
  // the county sheets in the summary's order: the counted line of each county, then the others
  const order = countedFirst(input.summary.counties);
  const shown = [...order.counted, ...order.others];
  const labels = countyLabels(shownOrder(input.summary.counties), options.lang);
  const names = uniqueSheetNames(labels, [summary.name, ...years.map((s) => s.name)]);
  const counties = shown.map((i, k) =>
    countySheet(
      input.summary.counties[i],
      input.details[i] ?? { evaluation: null, problems: [] },
      names[k],
      input,
      options.lang,
      labels[k],
    ),
  );
  return { sheets: [summary, ...years, ...counties] };
}
