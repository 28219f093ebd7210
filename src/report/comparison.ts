/**
 * The comparison workbook (`balance compare --out`): one county over two or more years — a summary (schools
 * opened, closed, renamed or merged; enrolment; the regressions), the difference coefficients year by year with a
 * line chart per level and the projection to the target year, and the sections whose indicators changed status.
 * Every figure comes from the engine's comparison (src/engine/trend.ts).
 */
import type { IndicatorStatus } from "../engine/evaluate";
import { revealed } from "../engine/names";
import type { Regression, SectionVerdict, Trend } from "../engine/trend";
import type { Lang } from "../i18n/format";
import type { Problem } from "../problems/problem";
import { columnLetters } from "../sheet/grid";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { cell, headerRow, verdictCell } from "./cells";
import type { ChartSpec, Report, ReportCell, ReportSheet } from "./model";
import { BLANK, SheetBuilder, pageMarks } from "./print";

export interface ComparisonReportOptions {
  lang: Lang;
  /** the county compared, as detected or named; empty when nothing names it (a blank is left to fill in) */
  county: string;
  date: string;
  /**
   * the warnings that the years' files are of another county than the others or than the one given
   * (workbookCounty.ts `comparedCountyWarnings`), printed among the summary's warnings for whoever reads it
   */
  warnings?: readonly Problem[];
}

export const COMPARISON_SHEETS = {
  summary: { zh: "对比汇总", en: "Comparison" },
  coefficients: { zh: "差异系数趋势", en: "Coefficient trends" },
  sections: { zh: "学校变化", en: "School changes" },
} as const;

export const STATUS_WORDS: Record<IndicatorStatus, { zh: string; en: string }> = {
  met: { zh: "达标", en: "Met" },
  floor: { zh: "≥85%", en: "≥ 85%" },
  unmet: { zh: "未达标", en: "Not met" },
};
const VERDICT_WORDS: Record<SectionVerdict, { zh: string; en: string }> = {
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "不达标", en: "Fail" },
  excluded: { zh: "不纳入", en: "Excluded" },
};

/** The projection's label wherever it is shown: it is an extrapolation, not an evaluation. */
export function projectionLabel(targetYear: number, lang: Lang): string {
  return lang === "zh"
    ? `${targetYear} 年预测（按各年差异系数的线性趋势外推，不是评估结果）`
    : `Projection for ${targetYear} (straight-line trend of each year's coefficient; not an evaluation)`;
}

/**
 * The warning on two consecutive years whose tables are the same (`Trend.unchanged`), wherever the comparison is
 * shown: nothing compared between them can have changed.
 */
export function unchangedLabel(pair: Trend["unchanged"][number], lang: Lang): string {
  return lang === "zh"
    ? `${pair.yearBefore} 与 ${pair.yearAfter} 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新`
    : `${pair.yearBefore} and ${pair.yearAfter}: every school's figures are the same in both years. Check that the right files were chosen and that the later year's data was updated`;
}

/**
 * The warning on two consecutive years with no school in common (`Trend.noSchoolInCommon`), wherever the comparison
 * is shown: they are most likely two different counties.
 */
export function noSchoolInCommonLabel(pair: Trend["noSchoolInCommon"][number], lang: Lang): string {
  return lang === "zh"
    ? `${pair.yearBefore} 与 ${pair.yearAfter} 两年没有一所学校相同：请确认两个文件是同一个旗县市的；学校只是改了名的，可把旧名对应到新名`
    : `${pair.yearBefore} and ${pair.yearAfter} have no school in common: check that both files are of the same county. Schools that were only renamed can be matched, old name to new`;
}

const statusText = (s: IndicatorStatus | null, lang: Lang) => (s === null ? "—" : STATUS_WORDS[s][lang]);
/** A status with the indicator's value after it, in the language's brackets: 达标（4.34）, Met (4.34). */
const withValue = (status: string, value: number | null, lang: Lang) => {
  const shown = value === null ? "—" : value.toFixed(2);
  return lang === "zh" ? `${status}（${shown}）` : `${status} (${shown})`;
};

function regressionRow(r: Regression, profile: Profile, lang: Lang): ReportCell[] {
  const zh = lang === "zh";
  const years = `${r.yearBefore} → ${r.yearAfter}`;
  const level = LEVEL_NAMES[r.level][lang];
  switch (r.kind) {
    case "coefficient":
      return [
        cell(zh ? "差异系数超限" : "Coefficient over its limit", "fail"),
        cell("—"),
        cell(level),
        cell(profile.indicators[r.indicator].shortName[lang]),
        cell(years),
        cell(r.before, undefined, "0.0000"),
        cell(r.after, "fail", "0.0000"),
      ];
    case "section":
      return [
        cell(zh ? "学校由达标变为不达标" : "Section no longer passes", "fail"),
        cell(r.school),
        cell(level),
        cell("—"),
        cell(years),
        cell(VERDICT_WORDS.pass[lang]),
        cell(VERDICT_WORDS.fail[lang], "fail"),
      ];
    case "indicator":
      return [
        cell(zh ? "指标状态下降" : "Indicator fell", "warn"),
        cell(r.school),
        cell(level),
        cell(profile.indicators[r.indicator].shortName[lang]),
        cell(years),
        cell(withValue(statusText(r.statusBefore, lang), r.before, lang)),
        cell(
          withValue(statusText(r.statusAfter, lang), r.after, lang),
          r.statusAfter === "unmet" ? "fail" : "warn",
        ),
      ];
  }
}

function summarySheet(trend: Trend, profile: Profile, options: ComparisonReportOptions): ReportSheet {
  const { lang } = options;
  const zh = lang === "zh";
  const span = `${trend.years[0]} — ${trend.years[trend.years.length - 1]}`;
  const last = 6;
  const b = new SheetBuilder([22, 28, 10, 14, 14, 16, 16]);
  b.title(
    zh
      ? `${options.county} 义务教育优质均衡发展 年度对比（${span}）`
      : `${options.county}: year-over-year comparison (${span})`,
    last,
  );
  b.push([cell(zh ? "年份" : "Years", "bold"), cell(trend.years.join("、"))]);
  b.push([cell(zh ? "评估标准" : "Standard", "bold"), cell(profile.name[lang])]);
  b.push([cell(zh ? "评估日期" : "Date", "bold"), cell(options.date)]);
  const warnings = [
    ...(options.warnings ?? []).map((p) => p.message[lang]),
    ...trend.unchanged.map((pair) => unchangedLabel(pair, lang)),
    ...trend.noSchoolInCommon.map((pair) => noSchoolInCommonLabel(pair, lang)),
  ];
  for (const text of warnings) b.pushSpan({ ...cell(text, "warn"), wrap: true }, 0, last);
  b.push();
  const schoolsFrom = b.push([cell(zh ? "学校变化" : "Schools", "bold")]);
  const schoolsHeader = b.push(headerRow(zh ? ["变化", "学校", "年份"] : ["Change", "School", "Year"]));
  // a merger names every school merged: wrapped in its cell, never cut off
  const school = (text: string): ReportCell => ({ ...cell(text), wrap: true });
  const schoolRows = [
    ...trend.schools.added.map((x) => [cell(zh ? "新增" : "Opened"), school(x.school), cell(x.year)]),
    ...trend.schools.removed.map((x) => [
      cell(zh ? "撤销" : "Closed", "warn"),
      school(x.school),
      cell(x.year),
    ]),
    ...trend.schools.merged.map((x) => [
      cell(zh ? "合并" : "Merged"),
      school(`${x.from.join("、")} → ${x.school}`),
      cell(x.year),
    ]),
    ...trend.schools.renamed.map((x) => [
      cell(zh ? "更名" : "Renamed"),
      school(`${x.from} → ${x.to}`),
      cell(x.year),
    ]),
    ...trend.schools.respelled.map((x) => [
      cell(zh ? "写法不同" : "Spelt otherwise", "warn"),
      // what tells the spellings apart, which paper would not show: a zero-width space as <U+200B>
      school(`${revealed(x.from)} → ${revealed(x.to)}`),
      cell(x.year),
    ]),
  ];
  for (const row of schoolRows) b.push(row);
  if (schoolRows.length === 0) b.note(zh ? "无" : "None", 2);
  else b.border(schoolsHeader, 0, b.next - 1, 2);
  b.repeatHeader(schoolsHeader, schoolsHeader, b.next - 1);
  b.keep(schoolsFrom, b.next - 1);

  b.push();
  const enrolmentFrom = b.push([cell(zh ? "纳入计算的在校生数" : "Students in included sections", "bold")]);
  const enrolmentHeader = b.push(headerRow([zh ? "学段" : "Level", ...trend.years, zh ? "变化" : "Change"]));
  for (const e of trend.enrolment) {
    b.push([
      cell(LEVEL_NAMES[e.level][lang]),
      ...e.values.map((v) => cell(v, undefined, "0")),
      cell(e.change, undefined, "+0;-0;0"),
    ]);
  }
  b.border(enrolmentHeader, 0, b.next - 1, trend.years.length + 1);
  b.keep(enrolmentFrom, b.next - 1);

  b.push();
  const regressionsFrom = b.push([
    cell(zh ? `退步（${trend.regressions.length} 项）` : `Regressions (${trend.regressions.length})`, "bold"),
  ]);
  const regressionsHeader = b.push(
    headerRow(
      zh
        ? ["类别", "学校", "学段", "指标", "年份", "之前", "之后"]
        : ["Kind", "School", "Level", "Indicator", "Years", "Before", "After"],
    ),
  );
  for (const r of trend.regressions) {
    const row = regressionRow(r, profile, lang);
    row[1] = { ...row[1], wrap: true };
    b.push(row);
  }
  if (trend.regressions.length === 0) b.note(zh ? "无" : "None", last);
  else b.border(regressionsHeader, 0, b.next - 1, last);
  b.repeatHeader(regressionsHeader, regressionsHeader, b.next - 1);
  b.keep(regressionsFrom, b.next - 1);
  // the comparison is handed over with the report: signed like it
  b.signature(lang, last);
  return b.sheet({
    key: "comparisonSummary",
    name: COMPARISON_SHEETS.summary[lang],
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      // a header repeats on every page after its own: the regressions', which run to the sheet's end, where
      // there are any; else the school changes' (the enrolment under them is a few rows)
      titleRows:
        trend.regressions.length > 0
          ? [regressionsHeader, regressionsHeader]
          : schoolRows.length > 0
            ? [schoolsHeader, schoolsHeader]
            : [1, 1],
      ...pageMarks({ county: options.county }, COMPARISON_SHEETS.summary, lang),
    },
  });
}

function coefficientSheet(trend: Trend, profile: Profile, options: ComparisonReportOptions): ReportSheet {
  const { lang } = options;
  const zh = lang === "zh";
  const n = trend.years.length;
  const projection = trend.projection;
  const width = 1 + n + 3 + (projection ? 2 : 0);
  const last = width - 1;
  const b = new SheetBuilder([16, ...trend.years.map(() => 10), 8, 10, 12, ...(projection ? [30, 10] : [])]);
  b.title(
    zh ? `${options.county} 差异系数逐年变化` : `${options.county}: difference coefficients by year`,
    last,
  );
  const charts: ChartSpec[] = [];
  const yearCol = (i: number) => columnLetters(1 + i);
  for (const level of LEVELS) {
    b.push();
    const headerAt = b.push(
      headerRow([
        `${LEVEL_NAMES[level][lang]}${zh ? "指标" : " indicator"}`,
        ...trend.years,
        zh ? "限值" : "Limit",
        zh ? "变化" : "Change",
        zh ? "越限" : "Crossed",
        ...(projection ? [projectionLabel(projection.targetYear, lang), zh ? "预测结论" : "Projected"] : []),
      ]),
    );
    const first = b.next;
    for (const id of INDICATOR_IDS) {
      const c = trend.coefficients.find((x) => x.level === level && x.indicator === id)!;
      const p = projection?.coefficients.find((x) => x.level === level && x.indicator === id);
      const crossed =
        c.crossed === "up"
          ? cell(zh ? "超出限值" : "over the limit", "fail")
          : c.crossed === "down"
            ? cell(zh ? "回到限值内" : "back within", "pass")
            : cell("—");
      b.push([
        cell(profile.indicators[id].shortName[lang]),
        ...c.values.map((v, i) => cell(v, c.pass[i] ? undefined : "fail", "0.0000")),
        cell(c.limit, undefined, "0.00"),
        cell(c.change, undefined, "+0.0000;-0.0000;0.0000"),
        crossed,
        ...(projection
          ? [
              cell(p?.value ?? null, "note", "0.0000"),
              p?.pass == null ? cell("—") : verdictCell(p.pass, lang),
            ]
          : []),
      ]);
    }
    b.border(headerAt, 0, b.next - 1, last);
    const limit = trend.coefficients.find((x) => x.level === level)?.limit ?? profile.cvLimit[level];
    const limitRow = b.push([
      cell(zh ? "限值" : "Limit", "note"),
      ...trend.years.map(() => cell(limit, "note", "0.00")),
    ]);
    charts.push({
      title: zh
        ? `${LEVEL_NAMES[level].zh}差异系数逐年变化`
        : `${LEVEL_NAMES[level].en}: coefficients by year`,
      type: "line",
      categories: `${yearCol(0)}${headerAt}:${yearCol(n - 1)}${headerAt}`,
      series: [
        ...INDICATOR_IDS.map((id, i) => ({
          name: profile.indicators[id].shortName[lang],
          values: `${yearCol(0)}${first + i}:${yearCol(n - 1)}${first + i}`,
        })),
        { name: zh ? "限值" : "Limit", values: `${yearCol(0)}${limitRow}:${yearCol(n - 1)}${limitRow}` },
      ],
      anchor: { from: "A1", to: "A1" },
      axes: { category: zh ? "年份" : "Year", value: zh ? "差异系数" : "Coefficient of variation" },
    });
  }
  if (projection) {
    b.push();
    b.note(projectionLabel(projection.targetYear, lang), last);
    b.note(
      zh
        ? `预测方法：对 ${projection.fromYears.join("、")} 年的差异系数逐项作最小二乘直线，延伸到 ${projection.targetYear} 年（低于 0 按 0 计）。这只是趋势外推，达标与否以当年数据的评估为准。`
        : `Method: a least-squares straight line through each coefficient of ${projection.fromYears.join(", ")}, extended to ${projection.targetYear} (below 0 read as 0). A trend, not an evaluation: that year's data decide.`,
      last,
    );
  }
  // each chart on a page of its own: two of them are taller than a landscape page, and a chart cut by a page
  // break prints in two halves
  const rowBreaks: number[] = [];
  let top = b.next + 1;
  for (const chart of charts) {
    rowBreaks.push(top);
    chart.anchor = { from: `A${top + 1}`, to: `I${top + 18}` };
    top += 20;
  }
  return b.sheet({
    key: "comparisonCoefficients",
    name: COMPARISON_SHEETS.coefficients[lang],
    freeze: { rows: 1, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [1, 1],
      rowBreaks,
      ...pageMarks({ county: options.county }, COMPARISON_SHEETS.coefficients, lang),
    },
    charts,
  });
}

function sectionsSheet(trend: Trend, profile: Profile, lang: Lang, county: string): ReportSheet {
  const zh = lang === "zh";
  // one landscape page wide at 100 % with the widest face that may stand in for 宋体 (120 characters, 763 of the
  // page's 770 pt): fitted, its text is not scaled under 9 pt; a long school's name wraps
  const b = new SheetBuilder([20, 6, 12, 8, 8, 8, 8, 14, 9, 9, 9, 9]);
  const last = 11;
  b.title(
    zh
      ? "学校（校区）指标状态变化（退步在前）"
      : "Sections whose indicators changed status (regressions first)",
    last,
  );
  const header = b.push(
    headerRow(
      zh
        ? [
            "学校",
            "学段",
            "年份",
            "之前",
            "之后",
            "在校生（前）",
            "在校生（后）",
            "指标",
            "之前值",
            "之后值",
            "之前状态",
            "之后状态",
          ]
        : [
            "School",
            "Level",
            "Years",
            "Before",
            "After",
            "Students before",
            "Students after",
            "Indicator",
            "Value before",
            "Value after",
            "Status before",
            "Status after",
          ],
    ),
  );
  for (const s of trend.sections) {
    const lead = [
      { ...cell(s.school), wrap: true },
      cell(LEVEL_NAMES[s.level][lang]),
      cell(`${s.yearBefore} → ${s.yearAfter}`),
      cell(VERDICT_WORDS[s.before][lang]),
      cell(VERDICT_WORDS[s.after][lang], s.before === "pass" && s.after === "fail" ? "fail" : undefined),
      cell(s.studentsBefore, undefined, "0"),
      cell(s.studentsAfter, undefined, "0"),
    ];
    if (s.changes.length === 0) b.push(lead);
    for (const c of s.changes) {
      b.push([
        ...lead,
        cell(profile.indicators[c.indicator].shortName[lang]),
        cell(c.before, undefined, "0.00"),
        cell(c.after, c.regression ? (c.statusAfter === "unmet" ? "fail" : "warn") : undefined, "0.00"),
        cell(statusText(c.statusBefore, lang)),
        cell(statusText(c.statusAfter, lang), c.regression ? "fail" : undefined),
      ]);
    }
  }
  if (trend.sections.length === 0) b.note(zh ? "无变化" : "No change", last);
  else b.border(header, 0, b.next - 1, last);
  b.signature(lang, last);
  return b.sheet({
    key: "comparisonSections",
    name: COMPARISON_SHEETS.sections[lang],
    freeze: { rows: 2, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [1, 2],
      ...pageMarks({ county }, COMPARISON_SHEETS.sections, lang),
    },
  });
}

/** The comparison workbook: summary, coefficients by year with their charts, section changes. */
export function buildComparisonReport(
  trend: Trend,
  profile: Profile,
  given: ComparisonReportOptions,
): Report {
  const county = given.county.trim() || (given.lang === "zh" ? `${BLANK}县` : `${BLANK} County`);
  const options = { ...given, county };
  return {
    sheets: [
      summarySheet(trend, profile, options),
      coefficientSheet(trend, profile, options),
      sectionsSheet(trend, profile, options.lang, options.county),
    ],
  };
}
