/**
 * One county's sheet of the league workbook (src/report/league.ts): its standing, levels, coefficients against
 * the limit, the sections that fail with what they lack, and the problems of its file.
 */
import type { Evaluation } from "../engine/evaluate";
import {
  AT_RISK,
  type CountyStanding,
  type IndicatorRanking,
  type LeaguePlanTotal,
  type LevelStanding,
  type RepeatedCounty,
  type RiskReason,
} from "../engine/league";
import { worstCoefficient, type CountyYears, type UnchangedYears } from "../engine/monitor";
import type { Projection } from "../engine/trend";
import { RELATIVE_TOLERANCE } from "../standard/comparison";
import { projectionLabel, unchangedLabel } from "./comparison";
import { isArchiveName } from "../sheet/countyName";
import type { Problem } from "../problems/problem";
import type { Profile } from "../standard/profile";
import { countOf } from "../i18n/count";
import { formatCoefficient, formatNumber, formatYuan, type Lang } from "../i18n/format";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES, type Level } from "../standard/indicators";
import { t } from "../i18n/messages";
import { formatAmount } from "./build";
import { cell, headerRow, verdictCell } from "./cells";
import type { ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks } from "./print";

/** Why a county is at risk, as a person reads it (the rule: src/engine/league.ts AT_RISK). */
export const RISK_TEXT: Record<RiskReason, { zh: string; en: string }> = {
  due: { zh: "目标年份已到，尚未达标", en: "target year reached, not passing yet" },
  tight: {
    zh: `剩余不超过 ${AT_RISK.yearsLeft} 年，仍有差异系数超限或 ${AT_RISK.failingSections} 所以上学校（校区）未达标`,
    en: `${AT_RISK.yearsLeft} year or less left, with coefficients over the limit or ${AT_RISK.failingSections}+ failing sections`,
  },
};

/**
 * A file the league's counts do not take (`CountyStanding.counted` false: an earlier year, another copy of the
 * year): its line keeps its figures, but its county's risk is the counted file's, so none is judged on it.
 */
export const NOT_COUNTED = {
  zh: "未计入汇总：按期达标风险以所计文件为准",
  en: "not counted: the county's risk is its counted file's",
} as const;
/** `NOT_COUNTED` in a table's cell, under the heading of the risk (按期达标风险). */
const NOT_COUNTED_CELL = { zh: "未计入汇总", en: "Not counted" } as const;

/**
 * The league's plans added up (`LeagueSummary.planTotal`), as every host words it: how many counties, each once,
 * the sum, teachers a year and one-off apart, and how many a plan does not bring to pass.
 */
export function planTotalLabel(p: LeaguePlanTotal, lang: Lang): string {
  const still =
    p.stillFailing === 0
      ? ""
      : lang === "zh"
        ? `；其中 ${p.stillFailing} 个旗县市按方案补足后仍不能达标`
        : `; ${p.stillFailing} of them still short after their plan`;
  return lang === "zh"
    ? `全盟方案合计（${p.counties} 个旗县市，同一旗县市有几个文件的只计汇总所计的一个）：${formatYuan(p.total, lang)}（教师每年 ${formatYuan(p.recurring, lang)}，一次性 ${formatYuan(p.oneOff, lang)}）${still}`
    : `The league's plans in all (${countOf(p.counties, "county", "counties")}, a county of several files from the one counted): ${formatYuan(p.total, lang)} (teachers ${formatYuan(p.recurring, lang)} a year, one-off ${formatYuan(p.oneOff, lang)})${still}`;
}

export const RATIO = "0.00";
export const CV = "0.0000";
export const COUNT = "0";

/** A file's name without its folder: the sheets show what a clerk recognises. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * A file's name as a clerk finds it on disk: its name, or for a workbook read from a county's archive the archive
 * and the path in it (扎赉特旗.zip/扎赉特旗2026.xlsx): the folder holds the archive, not the workbook.
 */
function nameOnDisk(path: string): string {
  const parts = path.split(/[\\/]/);
  const archive = parts.findIndex((p, i) => i < parts.length - 1 && isArchiveName(p));
  return archive < 0 ? parts[parts.length - 1] : parts.slice(archive).join("/");
}

/**
 * Names for files as a clerk tells them apart: each file's name on disk (`nameOnDisk`), with its folder's before
 * it where another of `files` bears the same name (2025/扎赉特旗.xlsx beside 2026/扎赉特旗.xlsx, a league's years
 * kept in folders).
 */
export function fileLabels(files: readonly string[]): (file: string) => string {
  const named = new Map<string, number>();
  for (const file of new Set(files)) named.set(nameOnDisk(file), (named.get(nameOnDisk(file)) ?? 0) + 1);
  return (file) => {
    const name = nameOnDisk(file);
    if ((named.get(name) ?? 0) < 2) return name;
    const parts = file.split(/[\\/]/);
    const depth = name.split("/").length;
    return parts.length > depth ? `${parts[parts.length - depth - 1]}/${name}` : name;
  };
}

/**
 * The warning on a county given in several files of ONE year (`RepeatedCounty.sameYear`, or the same file twice),
 * wherever the league's view is shown: which file counts, by what rule (engine/league.ts countedFiles), and what to
 * do if it is not the one meant. Null for a county whose files are each a year: a league keeps those to watch its
 * counties, said in one line by `yearsFilesLabel`.
 */
export function repeatedLabel(r: RepeatedCounty, lang: Lang): string | null {
  if (r.sameYear.length === 0) return null;
  const label = fileLabels(r.files);
  const year = r.years[r.files.indexOf(r.counted)] ?? null;
  const files = [r.counted, ...r.sameYear].filter((f, i, all) => all.indexOf(f) === i).map(label);
  const n = r.sameYear.length + 1;
  return lang === "zh"
    ? `${r.county}${year === null ? "" : ` ${year} 年`}有 ${n} 个文件（“${files.join("”“")}”）：只计入“${label(r.counted)}”，“${r.sameYear.map(label).join("”“")}”未计入（同一年份的几个文件，计文件名标明“修改”“更正”等字样的一份，否则计排在最后的一份；如计错了，请把不用的文件移出文件夹后重新汇总）`
    : `${r.county} is in ${n} files${year === null ? "" : ` of ${year}`} ("${files.join('", "')}"): only "${label(r.counted)}" is counted, "${r.sameYear.map(label).join('", "')}" ${r.sameYear.length === 1 ? "is" : "are"} not (of one year's files, the one whose name says 修改, 更正 or the like counts, else the last; if that is the wrong one, move the others out of the folder and run the summary again)`;
}

/**
 * A weakest indicator's counts after its name, in the words the web's league view, the command and the workbook
 * share (`leagueWeakLine`): counties failing, of them over the limit, sections (学校（校区）) below the standard.
 */
export function weakLine(r: IndicatorRanking, lang: Lang): string {
  const n0 = (n: number) => formatNumber(n, 0, lang);
  return t(lang, "leagueWeakLine", {
    counties: n0(r.countiesFailing),
    cvCounties: n0(r.countiesCoefficientFailing),
    sections: n0(r.sectionsFailing),
  });
}

/** A level's sections passing of those evaluated, as the web's cards and the command say it (`leaguePassing`). */
export function passingLine(level: Level, l: LevelStanding, lang: Lang): string {
  const name = LEVEL_NAMES[level][lang];
  const n0 = (n: number) => formatNumber(n, 0, lang);
  return l.sections === 0
    ? t(lang, "leagueNoSections", { level: name })
    : t(lang, "leaguePassing", { level: name, passing: n0(l.passingSections), sections: n0(l.sections) });
}

/** The heading of the lines the league does not count: a county's earlier years, and copies of a year. */
export const NOT_COUNTED_HEADING = {
  zh: "历年及未计入的文件",
  en: "Earlier years and files not counted",
} as const;
/** What `NOT_COUNTED_HEADING` says of its lines, after it. */
export const NOT_COUNTED_WHY = {
  zh: "不计入全盟的薄弱指标、按期达标风险和方案合计",
  en: "not in the league's weakest indicators, risks or plan total",
} as const;

/**
 * The counties given in files of several years (`LeagueSummary.repeated`), in one short line: what a folder of
 * years is expected to hold, not a problem — each county counts its latest year, the others are listed under
 * `NOT_COUNTED_HEADING` and year by year. Null when no county has files of two years or more.
 */
export function yearsFilesLabel(repeated: readonly RepeatedCounty[], lang: Lang): string | null {
  const zh = lang === "zh";
  const counties = repeated.flatMap((r) => {
    const years = [...new Set(r.years.filter((y): y is number => y !== null))].sort((a, b) => a - b);
    if (years.length < 2) return [];
    return [zh ? `${r.county}（${years.join("、")} 年）` : `${r.county} (${years.join(", ")})`];
  });
  if (counties.length === 0) return null;
  return zh
    ? `历年文件：${counties.join("、")}，每个旗县市只计最新一年，其余列在“${NOT_COUNTED_HEADING.zh}”下，逐年变化见“逐年情况”`
    : `Files of several years: ${counties.join(", ")}; each county counts its latest year, the others are listed under "${NOT_COUNTED_HEADING.en}", the changes under "Year by year"`;
}

/**
 * The warning on two consecutive years of a county whose files hold the same figures (`CountyYears.unchanged`):
 * the words of `balance compare` (`unchangedLabel`), with the county and its two files.
 */
export function unchangedYearsLabel(county: string, u: UnchangedYears, lang: Lang): string {
  const label = fileLabels([u.fileBefore, u.fileAfter]);
  const pair = unchangedLabel({ yearBefore: String(u.yearBefore), yearAfter: String(u.yearAfter) }, lang);
  return lang === "zh"
    ? `${county}：${pair}（“${label(u.fileBefore)}”与“${label(u.fileAfter)}”）`
    : `${county}: ${pair} ("${label(u.fileBefore)}" and "${label(u.fileAfter)}")`;
}

export function riskCell(s: CountyStanding, lang: Lang): ReportCell {
  if (!s.counted) return cell(NOT_COUNTED_CELL[lang], "note");
  if (s.atRisk === null) return cell("—", "note");
  if (!s.atRisk || !s.risk) return cell(lang === "zh" ? "否" : "No");
  return cell(RISK_TEXT[s.risk][lang], "fail");
}

/** The county sheet's table, as its page header names it. */
const COUNTY_TABLE = { zh: "旗县市评估结果", en: "County evaluation" } as const;
/** Columns of the county sheet in characters: school or label, then level, indicator and figures. */
const COUNTY_WIDTHS = [22, 12, 12, 12, 12, 16];
/** A value or standard as a person writes it: thousands grouped, two decimals (1,678.60 元/生). */
const VALUE = "#,##0.00";

/**
 * One county's sheet, print-ready as the county report is: its page header and numbers, bordered tables, long
 * text wrapped onto rows tall enough, the failing sections' header repeated on each page they run onto, and the
 * lines it is signed on.
 */
export function countySheet(
  s: CountyStanding,
  detail: { evaluation: Evaluation | null; problems: readonly Problem[] },
  name: string,
  input: { profile: Profile },
  lang: Lang,
  /** the county as the summary tells its lines apart (突泉县（2024）), in the title and the page header */
  label = s.county,
): ReportSheet {
  const zh = lang === "zh";
  const { profile } = input;
  const last = COUNTY_WIDTHS.length - 1;
  const b = new SheetBuilder(COUNTY_WIDTHS);
  b.title(zh ? `${label} 义务教育优质均衡发展评估结果` : `${label}: evaluation`, last);
  // a label, and its value across the rest of the row: a long file name or plan wraps there
  const fact = (zhText: string, enText: string, value: ReportCell) => {
    b.pushSpan({ ...cell(zh ? zhText : enText, "bold") }, 0, 0);
    b.rows[b.next - 2][1] = { ...value, align: "left", wrap: true };
    b.merge(b.next - 1, 1, b.next - 1, last);
  };
  const factsFrom = b.next;
  fact("文件", "File", cell(fileName(s.file)));
  fact("学校数", "Schools", cell(s.schools, undefined, COUNT));
  fact(
    "资源配置",
    "Resource allocation",
    s.ok ? verdictCell(s.resourcesPass, lang) : cell(zh ? "未能评估" : "Not evaluated", "fail"),
  );
  fact("县域结论", "County verdict", verdictCell(s.countyPass, lang));
  fact(
    "未达标项 / 缺数据项",
    "Items failing / missing",
    cell(s.failingItems === null ? "—" : `${s.failingItems} / ${s.missingItems}`),
  );
  fact("目标年份", "Target year", cell(s.targetYear ?? "—", undefined, COUNT));
  fact("剩余年数", "Years left", cell(s.yearsLeft ?? "—", undefined, COUNT));
  fact("按期达标风险", "At risk", riskCell(s, lang));
  if (s.plan) {
    fact(
      "最低成本方案",
      "Least-cost plan",
      cell(
        zh
          ? `合计 ${formatNumber(s.plan.total, 0, lang)} 元，其中教师每年 ${formatNumber(s.plan.recurring, 0, lang)} 元，一次性 ${formatNumber(s.plan.oneOff, 0, lang)} 元`
          : `${formatNumber(s.plan.total, 0, lang)} yuan: teachers ${formatNumber(s.plan.recurring, 0, lang)} a year, one-off ${formatNumber(s.plan.oneOff, 0, lang)}`,
      ),
    );
  }
  b.border(factsFrom, 0, b.next - 1, last);
  let titleRows: [number, number] = [1, 1];
  const evaluation = detail.evaluation;
  if (evaluation && s.levels) {
    b.spacer();
    const levelsHeader = b.push(
      headerRow(
        zh
          ? ["学段", "纳入学校数", "达标学校数", "在校生数", "差异系数达标项", "结论"]
          : ["Level", "Sections", "Passing", "Students", "CV within limit", "Result"],
      ),
    );
    for (const level of LEVELS) {
      const l = s.levels[level];
      const within = INDICATOR_IDS.filter((id) => l.cvPass[id]).length;
      // a level without sections has no coefficient to be within the limit: the standard deems it to pass
      const none = l.sections === 0;
      b.push([
        cell(LEVEL_NAMES[level][lang]),
        cell(l.sections, undefined, COUNT),
        cell(l.passingSections, l.passingSections < l.sections ? "fail" : undefined, COUNT),
        cell(l.students, undefined, "#,##0"),
        none
          ? { ...cell("—", "note"), align: "center" }
          : {
              ...cell(
                `${within} / ${INDICATOR_IDS.length}`,
                within < INDICATOR_IDS.length ? "fail" : undefined,
              ),
              align: "center",
            },
        none
          ? { ...cell(zh ? "视为达标" : "Deemed to pass", "pass"), align: "center" }
          : { ...verdictCell(l.pass, lang), align: "center" },
      ]);
    }
    b.border(levelsHeader, 0, b.next - 1, last);
    b.keep(levelsHeader, b.next - 1);
    b.spacer();
    const cvHeader = b.push(
      headerRow(
        zh ? ["指标", "学段", "差异系数", "限值", "结论"] : ["Indicator", "Level", "CV", "Limit", "Result"],
      ),
    );
    for (const level of LEVELS) {
      // nothing to show of a level without sections (deemed to pass above)
      if (s.levels[level].sections === 0) continue;
      for (const id of INDICATOR_IDS) {
        const l = s.levels[level];
        b.push([
          cell(profile.indicators[id].shortName[lang]),
          { ...cell(LEVEL_NAMES[level][lang]), align: "center" },
          cell(l.cv[id], undefined, CV),
          cell(l.limit, undefined, RATIO),
          { ...verdictCell(l.cvPass[id], lang), align: "center" },
        ]);
      }
    }
    b.border(cvHeader, 0, b.next - 1, last - 1);
    b.keep(cvHeader, b.next - 1);
  }
  if (detail.problems.length > 0) {
    b.spacer();
    const from = b.next;
    b.pushSpan(
      cell(
        zh ? `数据问题（${detail.problems.length} 条）` : `Data problems (${detail.problems.length})`,
        "section",
      ),
      0,
      last,
    );
    b.problemTable(detail.problems, lang, last);
    // the heading with its table, as many rows as it lists
    b.keep(from, b.next - 1);
  }
  if (evaluation && s.levels) {
    // last: the header repeated on the pages it runs onto heads nothing else
    const failing = evaluation.sections.filter((x) => x.included && !x.pass);
    b.spacer();
    // the heading, the header and the first sections on one page
    b.keep(b.next, b.next + 3);
    b.pushSpan(
      cell(zh ? `未达标学校（${failing.length} 所）` : `Sections that fail (${failing.length})`, "section"),
      0,
      last,
    );
    if (failing.length === 0) b.note(zh ? "无" : "None", last);
    else {
      const failingHeader = b.push(
        headerRow(
          zh
            ? ["学校", "学段", "指标", "值", "标准", "达到标准需增加"]
            : ["School", "Level", "Indicator", "Value", "Standard", "To the standard"],
        ),
      );
      // the longest table: its header on every page it runs onto
      titleRows = [failingHeader, failingHeader];
      for (const x of failing) {
        for (const f of x.shortfalls) {
          b.push([
            cell(x.school),
            { ...cell(LEVEL_NAMES[x.level][lang]), align: "center" },
            cell(profile.indicators[f.indicator].shortName[lang]),
            cell(x.values[f.indicator], x.status[f.indicator] === "unmet" ? "fail" : "warn", VALUE),
            cell(profile.indicators[f.indicator].standard[x.level], undefined, VALUE),
            { ...cell(formatAmount(profile, f.indicator, f.toStandard, lang)), align: "right" },
          ]);
        }
      }
      b.border(failingHeader, 0, b.next - 1, last);
    }
  }
  b.signature(lang, last);
  return b.sheet({
    key: "leagueCounty",
    name,
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      titleRows,
      ...pageMarks({ county: label }, COUNTY_TABLE, lang),
    },
  });
}

/**
 * Why a county's years have no projection (`CountyYears.projection` null), wherever the years are shown: no target
 * year, fewer than two years evaluated, or the target year has come.
 */
export function noYearsProjectionLabel(c: CountyYears, lang: Lang): string {
  const zh = lang === "zh";
  const evaluated = c.years.filter((y) => y.standing.ok).map((y) => y.year);
  if (c.targetYear === null)
    return zh
      ? "未作预测：标准方案中没有该旗县市的目标年份"
      : "No projection: the profile sets no target year for this county";
  if (evaluated.length < 2)
    return zh ? "未作预测：能评估的年份不足两年" : "No projection: fewer than two years could be evaluated";
  return zh
    ? `未作预测：目标年份 ${c.targetYear} 年不晚于最后一年 ${Math.max(...evaluated)} 年，以该年的评估为准`
    : `No projection: the target year ${c.targetYear} is not after the last year, ${Math.max(...evaluated)}; that year's evaluation decides`;
}

/** The marks a line puts before a figure that passes or fails: ✓ 0.3200/0.50, ✗ 0.5300/0.50. */
export const PASS_MARK = "✓";
export const FAIL_MARK = "✗";

/** A county's verdict with its counts of items failing and missing, as the command's and the years' lines say it. */
export function countyVerdictLabel(s: CountyStanding, lang: Lang): string {
  return lang === "zh"
    ? `县域结论${s.countyPass ? "达标" : "未达标"}（不达标 ${s.failingItems} 项，缺数据 ${s.missingItems} 项）`
    : `county ${s.countyPass ? "passes" : "not yet"} (${countOf(s.failingItems, "item")} failing, ${s.missingItems} missing)`;
}

/**
 * One year of a county on one line, wherever the years are shown (`balance batch`, the web app's league view): its
 * verdict, sections passing per level, each level's highest coefficient against the limit, coefficients over.
 */
export function countyYearLabel(year: number, s: CountyStanding, lang: Lang): string {
  const zh = lang === "zh";
  if (!s.levels) {
    return zh ? `${year}：未能评估（${fileName(s.file)}）` : `${year}: not evaluated (${fileName(s.file)})`;
  }
  const parts: string[] = [countyVerdictLabel(s, lang)];
  for (const level of LEVELS) {
    const l = s.levels[level];
    // a county without junior sections (or primary ones) has nothing to show of that level
    if (l.sections === 0) continue;
    const worst = worstCoefficient(l);
    const cv =
      worst === null
        ? "—"
        : `${worst.pass ? PASS_MARK : FAIL_MARK} ${formatCoefficient(worst.cv, worst.limit, RELATIVE_TOLERANCE, lang)}/${formatNumber(worst.limit, 2, lang)}`;
    parts.push(
      zh
        ? `${LEVEL_NAMES[level].zh} ${l.passingSections}/${l.sections} 个学校（校区）达标，最大差异系数 ${cv}`
        : `${LEVEL_NAMES[level].en.toLowerCase()} ${l.passingSections} of ${countOf(l.sections, "section passes", "sections pass")}, highest CV ${cv}`,
    );
  }
  parts.push(
    zh
      ? `差异系数超限 ${s.failingCoefficients} 项`
      : `${countOf(s.failingCoefficients, "CV")} over the limit`,
  );
  return `${year}${zh ? "：" : ": "}${parts.join(zh ? "；" : "; ")}`;
}

/**
 * A county's projection to its target year (`CountyYears.projection`) on one line, wherever the years are shown:
 * labelled as a projection, then every coefficient projected over its limit, or that none is.
 */
export function projectionOverLabel(p: Projection, profile: Profile, lang: Lang): string {
  const zh = lang === "zh";
  const over = p.coefficients.filter((x) => x.pass === false);
  const overText = over
    .map((x) => {
      const name = `${LEVEL_NAMES[x.level][lang]}${zh ? "" : " "}${profile.indicators[x.indicator].shortName[lang]}`;
      return `${name} ${formatCoefficient(x.value, x.limit, RELATIVE_TOLERANCE, lang)} > ${formatNumber(x.limit, 2, lang)}`;
    })
    .join(zh ? "、" : ", ");
  return (
    `${projectionLabel(p.targetYear, lang)}${zh ? "：" : ": "}` +
    (over.length === 0
      ? zh
        ? "各项差异系数均在限值内"
        : "every coefficient within its limit"
      : zh
        ? `超限 ${overText}`
        : `over the limit: ${overText}`)
  );
}

/**
 * The year the failing sections are compared with: 较上年 / the year before; where years between are missing (no
 * file, or none evaluated), that year named and the years between said: 较 2024 年（2025 年没有可评估的文件）.
 */
function sinceText(years: CountyYears["course"]["comparedYears"], lang: Lang): string {
  const zh = lang === "zh";
  if (years === null || years.latest - years.before <= 1) return zh ? "较上年" : "the year before";
  const missing = Array.from({ length: years.latest - years.before - 1 }, (_, i) => years.before + 1 + i);
  return zh
    ? `较 ${years.before} 年（${missing.join("、")} 年没有可评估的文件）`
    : `${years.before} (no workbook of ${missing.join(", ")} evaluated)`;
}

/**
 * A county's course on its trend (`CountyYears.course`), wherever the years are shown: a projection, never the
 * at-risk rule (AT_RISK) nor a verdict.
 */
/**
 * Under the counties at risk: the counties whose course (engine/monitor.ts) is off for their target year, named,
 * so that a list reading 无 — the rule judges a county only in its last year — does not hide a trend the years'
 * section shows further on. Null when none is off course. A projection, never added to the at-risk list.
 */
export function offCourseNote(byYear: readonly CountyYears[], lang: Lang): string | null {
  const off = byYear.filter((c) => c.course.onCourse === false).map((c) => c.county);
  if (off.length === 0) return null;
  return lang === "zh"
    ? `另：按各年趋势预测，${off.join("、")}按期达标有困难（预测，不是评估结果，不计入上列风险），见“逐年情况”`
    : `Also: on the years' trend, ${off.join(", ")} ${off.length === 1 ? "is" : "are"} off course for the target year (a projection, not an evaluation, and not in the list above): see "Year by year"`;
}

export function courseLabel(c: CountyYears, lang: Lang): string {
  const zh = lang === "zh";
  const { onCourse, projectedOverLimit, failingSections, failingSectionsChange } = c.course;
  const target = c.projection?.targetYear ?? c.targetYear;
  if (onCourse === null) return noYearsProjectionLabel(c, lang);
  if (onCourse)
    return zh
      ? `趋势：可望在 ${target} 年按期达标（预测，不是评估结果）`
      : `Trend: on course for ${target} (a projection, not an evaluation)`;
  const why: string[] = [];
  if (projectedOverLimit)
    why.push(
      zh
        ? `${projectedOverLimit} 项差异系数预测超限`
        : `${countOf(projectedOverLimit, "coefficient")} projected over the limit`,
    );
  if (failingSectionsChange !== null && failingSectionsChange >= 0 && (failingSections ?? 0) > 0) {
    const change = failingSectionsChange === 0 ? "±0" : `+${failingSectionsChange}`;
    why.push(
      zh
        ? `未达标学校（校区）${failingSections} 所，${sinceText(c.course.comparedYears, lang)}未减少（${change}）`
        : `${countOf(failingSections, "failing section")}, not fewer than ${sinceText(c.course.comparedYears, lang)} (${change})`,
    );
  }
  return zh
    ? `趋势：按期（${target} 年）达标有困难——${why.join("；")}（预测，不是评估结果）`
    : `Trend: off course for ${target}: ${why.join("; ")} (a projection, not an evaluation)`;
}
