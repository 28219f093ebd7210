/** The readable verdict of `balance evaluate`: per level, each indicator, the failing sections, the verdict. */
import type { Evaluation, SectionResult, Shortfall } from "../engine";
import { RELATIVE_TOLERANCE } from "../standard/comparison";
import { eachFailingSection, excludedSections } from "../engine/evaluate";
import { standardAndFloor } from "../engine/sectionResult";
import { decimalsBeside, exactPlaces, formatCoefficient, formatNumber, type Lang } from "../i18n/format";
import { cellInMessage, groupProblems, problemMessage, type Problem } from "../problems/problem";
import { formatAmount } from "../i18n/amount";
import { countOf, countShown } from "../i18n/count";
import { t as message } from "../i18n/messages";
import { INDICATOR_IDS, LEVEL_NAMES, LEVELS, type IndicatorId, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";

const OK = "✓";
const NO = "✗";

const T = {
  zh: {
    heading: (file: string, sheet: string, schools: number, profile: string) =>
      `${file}（工作表“${sheet}”）：${formatNumber(schools, 0, "zh")} 所学校；评估标准：${profile}`,
    problems: (n: number) => `发现 ${n} 个问题：`,
    error: "错误",
    warning: "提示",
    blocked: "表中有错误，无法得出结论。请改正上述单元格后再试。",
    level: (name: string, n: number, passing: number, students: string) =>
      `${name}：参评 ${formatNumber(n, 0, "zh")} 个学校（校区），达标 ${formatNumber(passing, 0, "zh")} 个；在校生 ${students} 人`,
    // the pane's and the web app's words (shared keys), so the hosts cannot drift apart
    noSections: (name: string) => `${message("zh", "levelNone", { level: name })}（视为达标）`,
    columns: ["指标", "县域值", "差异系数", "限值"],
    failing: `${message("zh", "failingSectionsTitle")}：`,
    students: (n: string) => `${n} 人`,
    standardIs: (v: string) => `标准 ${v}`,
    floorIs: (v: string) => `85% 为 ${v}`,
    need: (toStandard: string, toFloor: string | null) =>
      toFloor === null ? `达标需增 ${toStandard}` : `达标需增 ${toStandard}，达 85% 需增 ${toFloor}`,
    school: (addition: string) => `（按全校计需增 ${addition}）`,
    metCount: (n: number) => `达标 ${n} 项`,
    excluded: "不参评：",
    exclusion: {
      specialEducation: "特殊教育学校",
      vocational: "职业学校",
      smallTeachingPoint: "教学点不足 50 人",
    } as Record<string, string>,
    noStudents: (level: string) => `${level}无在校生`,
    verdictPass: `结论：资源配置达标 ${OK}（校校达标、项项达标）`,
    verdictFail: `结论：资源配置未达标 ${NO}`,
    sectionsFail: (level: string, n: number) => `${level}有 ${formatNumber(n, 0, "zh")} 个学校（校区）未达标`,
    cvFail: (level: string, name: string, cv: string, limit: string) =>
      `${level}${name}差异系数 ${cv} 超过 ${limit}`,
    cvUndefined: (level: string, name: string) => `${level}${name}县域值为 0，差异系数无法计算`,
    sep: "；",
    legend: `（${OK} 达标　△ 未达标但不低于标准的 85%　${NO} 低于标准的 85% 或差异系数超限）`,
  },
  en: {
    heading: (file: string, sheet: string, schools: number, profile: string) =>
      `${file} (sheet "${sheet}"): ${countOf(schools, "school")}; standard: ${profile}`,
    problems: (n: number) => `${countOf(n, "problem")} found:`,
    error: "error",
    warning: "warning",
    blocked: "The table has errors, so there is no verdict. Correct the cells above and try again.",
    level: (name: string, n: number, passing: number, students: string) =>
      `${name}: ${countOf(n, "section")} evaluated, ${countOf(passing, "passes", "pass")}; ${countShown(students, "student")}`,
    noSections: (name: string) => `${message("en", "levelNone", { level: name })} (passes)`,
    columns: ["Indicator", "County", "CV", "Limit"],
    failing: `${message("en", "failingSectionsTitle")}:`,
    students: (n: string) => countShown(n, "student"),
    standardIs: (v: string) => `standard ${v}`,
    floorIs: (v: string) => `85 % is ${v}`,
    need: (toStandard: string, toFloor: string | null) =>
      toFloor === null ? `needs ${toStandard} more` : `needs ${toStandard} more (${toFloor} to reach 85 %)`,
    school: (addition: string) => ` (whole school: ${addition} more)`,
    metCount: (n: number) => `${n} of 7 met`,
    excluded: "Not evaluated:",
    exclusion: {
      specialEducation: "special-education school",
      vocational: "vocational school",
      smallTeachingPoint: "teaching point under 50 students",
    } as Record<string, string>,
    noStudents: (level: string) => `no ${level.toLowerCase()} students`,
    verdictPass: `Verdict: resource allocation passes ${OK} (every school, every indicator)`,
    verdictFail: `Verdict: resource allocation does not pass ${NO}`,
    sectionsFail: (level: string, n: number) =>
      `${level}: ${countOf(n, "section does", "sections do")} not pass`,
    cvFail: (level: string, name: string, cv: string, limit: string) =>
      `${level}: CV of ${name} ${cv} over ${limit}`,
    cvUndefined: (level: string, name: string) => `${level}: ${name} is 0 county-wide, its CV is undefined`,
    sep: "; ",
    legend: `(${OK} met   △ below the standard but at least 85 % of it   ${NO} below 85 %, or CV over its limit)`,
  },
};

/** Punctuation between the parts of a line: full-width in Chinese, ASCII in English. */
const PUNCTUATION: Record<Lang, { comma: string; open: string; close: string; colon: string }> = {
  zh: { comma: "，", open: "（", close: "）", colon: "：" },
  en: { comma: ", ", open: " (", close: ")", colon: ": " },
};

/** Display width: CJK characters take two columns in a terminal. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}
const padEnd = (text: string, n: number) => text + " ".repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => " ".repeat(Math.max(0, n - width(text))) + text;

/** An indicator value in its unit, rounded to 2 decimals for reading (docs/standard.md#indicators). */
export function formatValue(
  profile: Profile,
  indicator: IndicatorId,
  value: number | null,
  lang: Lang,
): string {
  return `${formatNumber(value, 2, lang)} ${profile.indicators[indicator].unit[lang]}`;
}

export function formatProblems(problems: readonly Problem[], lang: Lang): string[] {
  const t = T[lang];
  const lines = [t.problems(problems.length)];
  // many cells of a column with the same problem are one line: their range, their count, what to do once
  const ordered = groupProblems(problems).sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  for (const p of ordered) lines.push(`  ${problemLine(p, lang)}`);
  return lines;
}

/**
 * One problem as a line: its severity, its cell once, its message. A message that already names its cell
 * (`学校!A3“学校名称”为空`) is printed as it is, its cell leading; another gets the cell in front.
 */
export function problemLine(problem: Problem, lang: Lang): string {
  const t = T[lang];
  const tag = problem.severity === "error" ? `${NO} ${t.error}` : `! ${t.warning}`;
  const message = problemMessage(problem, lang, "commandLine");
  if (!problem.cell) return `${tag}${lang === "zh" ? "：" : ": "}${message}`;
  const at = cellInMessage(message, problem.cell);
  if (at === 0) return `${tag} ${message}`;
  if (at > 0) return `${tag}${lang === "zh" ? "：" : ": "}${message}`;
  return `${tag} ${problem.cell}${lang === "zh" ? "：" : ": "}${message}`;
}

/**
 * What every shortfall line of an indicator at a level repeats, written once per level: its name, the text
 * after a section's value (unit, standard and 85 % floor), and the unit of what is lacking.
 */
interface IndicatorWords {
  id: IndicatorId;
  name: string;
  /** the standard and its 85 % floor, which a section's value is shown beside */
  standard: number;
  floor: number;
  /** `人，标准 4.20（85% 为 3.57）`: from the value's unit up to the status mark */
  afterValue: string;
  /** an amount lacking, as every host shows it (i18n/amount.ts `formatAmount`) */
  amount: (amount: number) => string;
}

function indicatorWords(profile: Profile, level: Level, lang: Lang): Record<IndicatorId, IndicatorWords> {
  const t = T[lang];
  const p = PUNCTUATION[lang];
  const words = {} as Record<IndicatorId, IndicatorWords>;
  for (const id of INDICATOR_IDS) {
    const def = profile.indicators[id];
    const { standard: standardValue, floor: floorValue } = standardAndFloor(profile, id, level);
    // 2 decimals, or the places that write the threshold as it is (85 % of 4.5 is 3.825, not 3.82)
    const standard = formatNumber(standardValue, exactPlaces(standardValue, 2, RELATIVE_TOLERANCE), lang);
    const floor = formatNumber(floorValue, exactPlaces(floorValue, 2, RELATIVE_TOLERANCE), lang);
    words[id] = {
      id,
      name: def.name[lang],
      standard: standardValue,
      floor: floorValue,
      afterValue:
        ` ${def.unit[lang]}${p.comma}${t.standardIs(standard)}${p.open}${t.floorIs(floor)}${p.close}` +
        `${lang === "zh" ? "" : " "}`,
      amount: (amount) => formatAmount(profile, id, amount, lang),
    };
  }
  return words;
}

/**
 * A section's value below its standard, to 2 decimals, or the places it takes to stand below the standard, and
 * on its side of the 85 % floor: 4.499 ㎡ is not shown 4.50 beside a standard of 4.50.
 */
function formatValueBeside(value: number, words: IndicatorWords, lang: Lang): string {
  const places = Math.max(
    decimalsBeside(value, words.standard, 2, RELATIVE_TOLERANCE),
    decimalsBeside(value, words.floor, 2, RELATIVE_TOLERANCE),
  );
  return formatNumber(value, places, lang);
}

function shortfallLine(section: SectionResult, s: Shortfall, words: IndicatorWords, lang: Lang): string {
  const t = T[lang];
  const toFloor = s.toFloor > 0 ? words.amount(s.toFloor) : null;
  const mark = section.status[s.indicator] === "unmet" ? NO : "△";
  const line =
    `      ${words.name} ${formatValueBeside(section.values[s.indicator] as number, words, lang)}${words.afterValue}${mark}` +
    `${PUNCTUATION[lang].colon}${t.need(words.amount(s.toStandard), toFloor)}`;
  return s.schoolToStandard !== null && s.schoolToStandard > 0
    ? line + t.school(words.amount(s.schoolToStandard))
    : line;
}

/** A level's heading and its table of indicators (or the line saying it has no section). */
function levelHeading(profile: Profile, evaluation: Evaluation, level: Level, lang: Lang): string[] {
  const t = T[lang];
  const l = evaluation.levels[level];
  const levelName = LEVEL_NAMES[level][lang];
  if (l.sections === 0) return [t.noSections(levelName)];
  const lines = [
    `${t.level(levelName, l.sections, l.passingSections, formatNumber(l.students, 0, lang))}  ${l.pass ? OK : NO}`,
  ];
  // the standard's full names in Chinese; the short names in English, whose full names are long
  const names = INDICATOR_IDS.map((id) => profile.indicators[id][lang === "zh" ? "name" : "shortName"][lang]);
  const nameWidth = Math.max(...names.map(width), width(t.columns[0]));
  const ratios = INDICATOR_IDS.map((id) => formatValue(profile, id, l.balance[id].countyRatio, lang));
  const ratioWidth = Math.max(...ratios.map(width), width(t.columns[1]));
  lines.push(
    `  ${padEnd(t.columns[0], nameWidth)}  ${padStart(t.columns[1], ratioWidth)}  ${padStart(t.columns[2], 8)}  ${t.columns[3]}`,
  );
  for (const [i, id] of INDICATOR_IDS.entries()) {
    const b = l.balance[id];
    const cv = formatCoefficient(b.cv, b.limit, RELATIVE_TOLERANCE, lang);
    lines.push(
      `  ${padEnd(names[i], nameWidth)}  ${padStart(ratios[i], ratioWidth)}  ${padStart(cv, 6)} ${b.pass ? OK : NO}  ≤ ${formatNumber(b.limit, 2, lang)}`,
    );
  }
  return lines;
}

/** The failing section's own line: its school, students and indicators met. */
function sectionLine(section: SectionResult, lang: Lang): string {
  const t = T[lang];
  const p = PUNCTUATION[lang];
  const students = t.students(formatNumber(section.students, 0, lang));
  return `    ${section.school}${p.open}${students}${p.comma}${t.metCount(section.metCount)}${p.close}`;
}

/**
 * The sections left out (docs/standard.md#scope), each school once for a reason: a school with no pupils (a closed
 * school still listed) too, by its level, so that the clerk sees which schools took no part, and why.
 */
function excludedLines(evaluation: Evaluation, lang: Lang): string[] {
  const t = T[lang];
  const excluded = excludedSections(evaluation);
  if (excluded.length === 0) return [];
  const items = excluded.map((s) => {
    const reason =
      s.exclusion === "noStudents"
        ? t.noStudents(LEVEL_NAMES[s.level][lang])
        : (t.exclusion[s.exclusion ?? ""] ?? s.exclusion);
    return lang === "zh" ? `${s.school}（${reason}）` : `${s.school} (${reason})`;
  });
  // a school excluded with both its sections is named once
  const unique = [...new Set(items)];
  return [`${t.excluded}${lang === "zh" ? "" : " "}${unique.join(lang === "zh" ? "、" : "; ")}`, ""];
}

/** The verdict's line, with what keeps resource allocation from passing. */
function verdictLine(evaluation: Evaluation, profile: Profile, lang: Lang): string {
  const t = T[lang];
  if (evaluation.resourcesPass) return t.verdictPass;
  const reasons: string[] = [];
  for (const level of LEVELS) {
    const l = evaluation.levels[level];
    const name = LEVEL_NAMES[level][lang];
    const failing = l.sections - l.passingSections;
    if (failing > 0) reasons.push(t.sectionsFail(name, failing));
    for (const id of INDICATOR_IDS) {
      const b = l.balance[id];
      if (b.pass) continue;
      const indicator = profile.indicators[id].name[lang];
      reasons.push(
        b.cv === null
          ? t.cvUndefined(name, indicator)
          : t.cvFail(
              name,
              indicator,
              formatCoefficient(b.cv, b.limit, RELATIVE_TOLERANCE, lang),
              formatNumber(b.limit, 2, lang),
            ),
      );
    }
  }
  return `${t.verdictFail}${lang === "zh" ? "：" : ": "}${reasons.join(t.sep)}`;
}

/**
 * The whole readable verdict, line by line: a county of 300,000 schools has more lines than one call takes
 * arguments and more text than one string holds, so it is written as it is made. The failing sections' lines,
 * nearly all of a large county's, are made here; the rest by the functions above.
 */
export function* verdictLines(
  evaluation: Evaluation,
  profile: Profile,
  heading: { file: string; sheet: string; schools: number },
  problems: readonly Problem[],
  lang: Lang,
): Generator<string> {
  const t = T[lang];
  yield* [t.heading(heading.file, heading.sheet, heading.schools, profile.name[lang]), t.legend, ""];
  if (problems.length > 0) yield* [...formatProblems(problems, lang), ""];
  for (const level of LEVELS) {
    yield* levelHeading(profile, evaluation, level, lang);
    if (evaluation.levels[level].sections > 0) {
      const words = indicatorWords(profile, level, lang);
      let first = true;
      for (const section of eachFailingSection(evaluation, level)) {
        if (first) yield `  ${t.failing}`;
        first = false;
        yield sectionLine(section, lang);
        for (const s of section.shortfalls) yield shortfallLine(section, s, words[s.indicator], lang);
      }
    }
    yield "";
  }
  yield* excludedLines(evaluation, lang);
  yield verdictLine(evaluation, profile, lang);
}

export { T as VERDICT_TEXT };
