/** The readable output of `balance batch` and `balance compare`. */
import { countedFirst, type CountyStanding, type LeagueSummary } from "../engine/league";
import type { CountyYears } from "../engine/monitor";
import type { Trend } from "../engine/trend";
import { revealed } from "../engine/names";
import { RELATIVE_TOLERANCE } from "../standard/comparison";
import { countOf } from "../i18n/count";
import { formatCoefficient, formatNumber, formatYuan, type Lang } from "../i18n/format";
import { STATUS_WORDS, noSchoolInCommonLabel, projectionLabel, unchangedLabel } from "../report/comparison";
import {
  NOT_COUNTED,
  RISK_TEXT,
  FAIL_MARK as NO,
  NOT_COUNTED_HEADING,
  NOT_COUNTED_WHY,
  PASS_MARK as OK,
  countyVerdictLabel,
  countyYearLabel,
  courseLabel,
  fileLabels,
  fileName,
  noYearsProjectionLabel,
  offCourseNote,
  planTotalLabel,
  projectionOverLabel,
  passingLine,
  repeatedLabel,
  unchangedYearsLabel,
  weakLine,
  yearsFilesLabel,
} from "../report/leagueCounty";
import { LEVEL_NAMES, LEVELS } from "../standard/indicators";
import type { Profile } from "../standard/profile";

/** A day as the reports print it, in the user's calendar: 2026-11-28. */
export function calendarDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Years left before the target year, or past it: 剩余 2 年 / 已过 1 年, 2 years left / 1 year past. */
export function yearsLeftText(yearsLeft: number, lang: Lang): string {
  const n = Math.abs(yearsLeft);
  if (lang === "zh") return yearsLeft >= 0 ? `剩余 ${n} 年` : `已过 ${n} 年`;
  return `${countOf(n, "year")} ${yearsLeft >= 0 ? "left" : "past"}`;
}

/** A county's line; `withFile` names its file too, for a county given in several files. */
function countyLine(
  s: CountyStanding,
  lang: Lang,
  withFile: boolean,
  label: (file: string) => string = fileName,
): string {
  const zh = lang === "zh";
  const sep = zh ? "；" : "; ";
  if (!s.levels) {
    return zh
      ? `${NO} ${s.county}（${s.file}）：未能评估，见上方问题`
      : `${NO} ${s.county} (${s.file}): not evaluated, see the problems above`;
  }
  const parts: string[] = [];
  parts.push(zh ? `${s.schools} 所学校` : countOf(s.schools, "school"));
  for (const level of LEVELS) {
    const l = s.levels[level];
    parts.push(passingLine(level, l, lang));
  }
  parts.push(
    zh
      ? `差异系数超限 ${s.failingCoefficients} 项`
      : `${countOf(s.failingCoefficients, "coefficient")} over the limit`,
  );
  parts.push(
    zh ? `资源配置${s.resourcesPass ? "达标" : "未达标"}` : `resources ${s.resourcesPass ? "pass" : "fail"}`,
  );
  parts.push(countyVerdictLabel(s, lang));
  if (s.targetYear !== null) {
    parts.push(
      zh
        ? `目标 ${s.targetYear} 年，${yearsLeftText(s.yearsLeft!, lang)}`
        : `target ${s.targetYear}, ${yearsLeftText(s.yearsLeft!, lang)}`,
    );
  } else {
    // a county the plan does not list (another league's, or a name mistyped): said, as the web app's card says it
    parts.push(
      zh
        ? "规划中没有该旗县市的目标年份，不判断按期达标风险"
        : "no target year in the plan for this county: not judged for risk",
    );
  }
  if (!s.counted) parts.push(NOT_COUNTED[lang]);
  if (s.plan) {
    parts.push(
      zh
        ? `最低成本方案 ${formatYuan(s.plan.total, lang)}（教师每年 ${formatYuan(s.plan.recurring, lang)}，一次性 ${formatYuan(s.plan.oneOff, lang)}）`
        : `least-cost plan ${formatYuan(s.plan.total, lang)} (teachers ${formatYuan(s.plan.recurring, lang)} a year, one-off ${formatYuan(s.plan.oneOff, lang)})`,
    );
  }
  const mark = s.countyPass ? OK : s.atRisk ? "⚠" : " ";
  const name = withFile ? `${s.county}${zh ? `（${label(s.file)}）` : ` (${label(s.file)})`}` : s.county;
  return `${mark} ${name}${zh ? "：" : ": "}${parts.join(sep)}`;
}

/** The league's view as text: each county, the weakest indicators, the counties at risk. */
export function leagueText(
  summary: LeagueSummary,
  profile: Profile,
  lang: Lang,
  byYear: readonly CountyYears[] = [],
): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  // a statistics export is one file of several counties; a county may be given in several files
  const files = new Set(summary.counties.map((s) => s.file)).size;
  const counties = summary.counties.filter((s) => s.counted).length;
  lines.push(
    zh
      ? `旗县市汇总（${summary.year} 年，${counties} 个旗县市${files === counties ? "" : `，${files} 个文件`}）`
      : `The league's counties (${summary.year}, ${countOf(counties, "county", "counties")}${files === counties ? "" : `, ${countOf(files, "file")}`})`,
  );
  // genuine problems first: two files of one year for a county, two years of the same figures
  for (const r of summary.repeated) {
    const text = repeatedLabel(r, lang);
    if (text) lines.push(`  ⚠ ${text}`);
  }
  for (const y of byYear)
    for (const u of y.unchanged) lines.push(`  ⚠ ${unchangedYearsLabel(y.county, u, lang)}`);
  const inSeveralFiles = new Set(summary.repeated.flatMap((r) => r.files));
  const label = fileLabels(summary.counties.map((s) => s.file));
  const line = (i: number) =>
    `  ${countyLine(summary.counties[i], lang, inSeveralFiles.has(summary.counties[i].file), label)}`;
  // the counted line of each county first, then the earlier years and copies under a heading of their own
  const order = countedFirst(summary.counties);
  for (const i of order.counted) lines.push(line(i));
  if (summary.planTotal) lines.push(`  ${planTotalLabel(summary.planTotal, lang)}`);
  if (order.others.length > 0) {
    lines.push(
      `  ${NOT_COUNTED_HEADING[lang]}${zh ? `（${NOT_COUNTED_WHY.zh}）：` : ` (${NOT_COUNTED_WHY.en}):`}`,
    );
    for (const i of order.others) lines.push(`  ${line(i)}`);
  }
  const years = yearsFilesLabel(summary.repeated, lang);
  if (years) lines.push(`  ${years}`);
  lines.push("");
  lines.push(zh ? "最薄弱的指标" : "The weakest indicators");
  const weak = summary.indicators.filter((r) => r.countiesFailing > 0);
  weak.slice(0, 10).forEach((r, i) => {
    const indicator = profile.indicators[r.indicator].shortName[lang];
    const name = zh
      ? `${LEVEL_NAMES[r.level].zh}${indicator}`
      : `${indicator} (${LEVEL_NAMES[r.level].en.toLowerCase()})`;
    lines.push(`  ${i + 1}. ${name}${weakLine(r, lang)}`);
  });
  if (weak.length === 0) lines.push(zh ? "  无" : "  None");
  lines.push("");
  lines.push(zh ? "可能无法按期达标的旗县市" : "Counties at risk of missing their target year");
  for (const s of summary.atRisk) {
    lines.push(
      zh
        ? `  ⚠ ${s.county}（目标 ${s.targetYear} 年，${yearsLeftText(s.yearsLeft!, lang)}）：${RISK_TEXT[s.risk!].zh}`
        : `  ⚠ ${s.county} (target ${s.targetYear}, ${yearsLeftText(s.yearsLeft!, lang)}): ${RISK_TEXT[s.risk!].en}`,
    );
  }
  if (summary.atRisk.length === 0) lines.push(zh ? "  无" : "  None");
  const offCourse = offCourseNote(byYear, lang);
  if (offCourse) lines.push(`  ${offCourse}`);
  return lines.join("\n") + "\n";
}

/**
 * The counties given in files of several years (`countiesByYear`), after the league's view: a line per year, then
 * the projection to the target year and the course it gives, both labelled as a projection. Empty when no county
 * has several years.
 */
export function yearsText(byYear: readonly CountyYears[], profile: Profile, lang: Lang): string {
  if (byYear.length === 0) return "";
  const zh = lang === "zh";
  const lines: string[] = ["", zh ? "逐年情况" : "Year by year"];
  for (const c of byYear) {
    const target =
      c.targetYear === null ? "" : zh ? `（目标 ${c.targetYear} 年）` : ` (target ${c.targetYear})`;
    lines.push(`  ${c.county}${target}`);
    for (const { year, standing } of c.years) lines.push(`    ${countyYearLabel(year, standing, lang)}`);
    const p = c.projection;
    if (p === null) {
      lines.push(`    ${noYearsProjectionLabel(c, lang)}`);
      continue;
    }
    lines.push(`    ${projectionOverLabel(p, profile, lang)}`);
    lines.push(`    ${courseLabel(c, lang)}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Why a comparison has no projection (`Trend.projection` null): the county has no target year, a year of the files
 * is not known, or the target year is not after the last year compared.
 */
export type NoProjection =
  | { why: "noTargetYear" }
  | { why: "yearsUnknown" }
  | { why: "targetYearReached"; targetYear: number; lastYear: number };

function noProjectionText(county: string, reason: NoProjection | undefined, lang: Lang): string {
  const zh = lang === "zh";
  switch (reason?.why) {
    case "noTargetYear":
      return zh
        ? `未作预测：标准方案中没有“${county}”的目标年份（用 --county 指定方案中的旗县市，或在 --profile 中给出它的目标年份）。`
        : `No projection: the profile sets no target year for "${county}" (name a county of the plan with --county, or give its target year in --profile).`;
    case "yearsUnknown":
      return zh
        ? "未作预测：不知道各文件的年份（用 --years 给出，或在文件名、文件夹名中写上年份）。"
        : "No projection: the files' years are not known (give them with --years, or put the year in the files' or folders' names).";
    case "targetYearReached":
      return zh
        ? `未作预测：目标年份 ${reason.targetYear} 年不晚于所对比的最后一年 ${reason.lastYear} 年，达标与否以该年数据的评估为准。`
        : `No projection: the target year ${reason.targetYear} is not after the last year compared, ${reason.lastYear}; that year's evaluation decides.`;
    default:
      return zh
        ? "未作预测：需要各文件的年份（--years 或文件名中的年份）、该旗县市的目标年份（--county 或 --profile），且目标年份晚于最后一年。"
        : "No projection: it needs each file's year (--years or a year in the file name) and the county's target year (--county or --profile), after the last year.";
  }
}

/** The comparison as text: schools, regressions, coefficients by year, the projection (or why there is none). */
export function trendText(
  trend: Trend,
  profile: Profile,
  county: string,
  lang: Lang,
  noProjection?: NoProjection,
): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(
    zh
      ? `${county ? `${county} ` : ""}年度对比：${trend.years.join(" → ")}`
      : `${county ? `${county}, y` : "Y"}ear over year: ${trend.years.join(" → ")}`,
  );
  for (const pair of trend.unchanged) lines.push(`  ⚠ ${unchangedLabel(pair, lang)}`);
  for (const pair of trend.noSchoolInCommon) lines.push(`  ⚠ ${noSchoolInCommonLabel(pair, lang)}`);
  const s = trend.schools;
  const list = (xs: string[]) => xs.join(zh ? "、" : ", ");
  const inYear = (x: { school: string; year: string }) =>
    zh ? `${x.school}（${x.year}）` : `${x.school} (${x.year})`;
  if (s.added.length > 0)
    lines.push(`  ${zh ? "新增学校" : "Opened"}${zh ? "：" : ": "}${list(s.added.map(inYear))}`);
  if (s.removed.length > 0)
    lines.push(`  ${zh ? "撤销学校" : "Closed"}${zh ? "：" : ": "}${list(s.removed.map(inYear))}`);
  if (s.merged.length > 0)
    lines.push(
      `  ${zh ? "合并" : "Merged"}${zh ? "：" : ": "}${list(s.merged.map((x) => inYear({ school: `${list(x.from)} → ${x.school}`, year: x.year })))}`,
    );
  if (s.renamed.length > 0)
    lines.push(
      `  ${zh ? "更名" : "Renamed"}${zh ? "：" : ": "}${list(s.renamed.map((x) => inYear({ school: `${x.from} → ${x.to}`, year: x.year })))}`,
    );
  if (s.respelled.length > 0)
    lines.push(
      `  ${zh ? "名称写法不同，按同一学校对比" : "Spelt otherwise, compared as one school"}${zh ? "：" : ": "}${list(s.respelled.map((x) => inYear({ school: `${revealed(x.from)} → ${revealed(x.to)}`, year: x.year })))}`,
    );
  lines.push("");
  lines.push(zh ? `退步（${trend.regressions.length} 项）` : `Regressions (${trend.regressions.length})`);
  for (const r of trend.regressions) {
    const level = LEVEL_NAMES[r.level][lang];
    const years = `${r.yearBefore} → ${r.yearAfter}`;
    if (r.kind === "coefficient") {
      const name = profile.indicators[r.indicator].shortName[lang];
      lines.push(
        zh
          ? `  ${NO} ${level}${name}差异系数 ${formatCoefficient(r.before, r.limit, RELATIVE_TOLERANCE, lang)} → ${formatCoefficient(r.after, r.limit, RELATIVE_TOLERANCE, lang)}，超过限值 ${formatNumber(r.limit, 2, lang)}（${years}）`
          : `  ${NO} ${level} ${name} coefficient ${formatCoefficient(r.before, r.limit, RELATIVE_TOLERANCE, lang)} → ${formatCoefficient(r.after, r.limit, RELATIVE_TOLERANCE, lang)}, over the limit ${formatNumber(r.limit, 2, lang)} (${years})`,
      );
    } else if (r.kind === "section") {
      lines.push(
        zh
          ? `  ${NO} ${r.school}（${level}）由达标变为不达标（${years}）`
          : `  ${NO} ${r.school} (${level}) no longer passes (${years})`,
      );
    } else {
      const name = profile.indicators[r.indicator].shortName[lang];
      lines.push(
        zh
          ? `  △ ${r.school}（${level}）${name} ${formatNumber(r.before, 2, lang)} → ${formatNumber(r.after, 2, lang)}：${STATUS_WORDS[r.statusBefore].zh} → ${STATUS_WORDS[r.statusAfter].zh}（${years}）`
          : `  △ ${r.school} (${level}) ${name} ${formatNumber(r.before, 2, lang)} → ${formatNumber(r.after, 2, lang)}: ${STATUS_WORDS[r.statusBefore].en} → ${STATUS_WORDS[r.statusAfter].en} (${years})`,
      );
    }
  }
  if (trend.regressions.length === 0) lines.push(zh ? "  无" : "  None");
  // the sections that came to pass: the good news of the years, which the workbook's 学校变化 and the 对比 view show
  const nowPassing = trend.sections.filter((c) => c.before === "fail" && c.after === "pass");
  lines.push("");
  lines.push(
    zh ? `新达标的学校（校区）（${nowPassing.length} 个）` : `Sections now passing (${nowPassing.length})`,
  );
  for (const c of nowPassing) {
    const level = LEVEL_NAMES[c.level][lang];
    lines.push(
      zh
        ? `  ${OK} ${c.school}（${level}）由不达标变为达标（${c.yearBefore} → ${c.yearAfter}）`
        : `  ${OK} ${c.school} (${level}) now passes (${c.yearBefore} → ${c.yearAfter})`,
    );
  }
  if (nowPassing.length === 0) lines.push(zh ? "  无" : "  None");
  if (trend.sections.length > 0)
    lines.push(
      zh
        ? `  各学校（校区）指标状态的全部变化（${trend.sections.length} 项）见 --out 工作簿的“学校变化”表，或 --json 的 sections`
        : `  Every change of a section's indicators (${trend.sections.length}): the --out workbook's sheet 学校变化, or sections in --json`,
    );
  lines.push("");
  lines.push(zh ? "差异系数逐年变化" : "Coefficients by year");
  for (const c of trend.coefficients) {
    const crossed =
      c.crossed === "up"
        ? zh
          ? "  超出限值"
          : "  now over the limit"
        : c.crossed === "down"
          ? zh
            ? "  回到限值内"
            : "  back within the limit"
          : "";
    lines.push(
      `  ${LEVEL_NAMES[c.level][lang]}${zh ? "" : " "}${profile.indicators[c.indicator].shortName[lang]}${zh ? "：" : ": "}` +
        `${c.values.map((v) => formatCoefficient(v, c.limit, RELATIVE_TOLERANCE, lang)).join(" → ")}${zh ? "（限值 " : " (limit "}${formatNumber(c.limit, 2, lang)}${zh ? "）" : ")"}${crossed}`,
    );
  }
  for (const e of trend.enrolment) {
    lines.push(
      zh
        ? `  ${LEVEL_NAMES[e.level].zh}在校生：${e.values.map((v) => formatNumber(v, 0, lang)).join(" → ")}`
        : `  ${LEVEL_NAMES[e.level].en} students: ${e.values.map((v) => formatNumber(v, 0, lang)).join(" → ")}`,
    );
  }
  const p = trend.projection;
  if (!p) {
    lines.push("");
    lines.push(noProjectionText(county, noProjection, lang));
  }
  if (p) {
    lines.push("");
    lines.push(projectionLabel(p.targetYear, lang));
    for (const c of p.coefficients.filter((x) => x.pass === false)) {
      lines.push(
        zh
          ? `  ${NO} ${LEVEL_NAMES[c.level].zh}${profile.indicators[c.indicator].shortName.zh}：预测 ${formatCoefficient(c.value, c.limit, RELATIVE_TOLERANCE, lang)}，超过限值 ${formatNumber(c.limit, 2, lang)}`
          : `  ${NO} ${LEVEL_NAMES[c.level].en} ${profile.indicators[c.indicator].shortName.en}: projected ${formatCoefficient(c.value, c.limit, RELATIVE_TOLERANCE, lang)}, over the limit ${formatNumber(c.limit, 2, lang)}`,
      );
    }
    if (p.coefficients.every((x) => x.pass !== false))
      lines.push(
        zh ? "  按趋势，各项差异系数均在限值内" : "  On the trend every coefficient stays within its limit",
      );
  }
  return lines.join("\n") + "\n";
}
