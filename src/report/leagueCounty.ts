/**
 * One county's sheet of the league workbook (src/report/league.ts): its standing, levels, coefficients against
 * the limit, the sections that fail with what they lack, and the problems of its file.
 */
import type { Evaluation } from "../engine/evaluate";
import { AT_RISK, type CountyStanding, type RepeatedCounty, type RiskReason } from "../engine/league";
import type { Problem } from "../problems/problem";
import type { Profile } from "../standard/profile";
import { formatNumber, type Lang } from "../i18n/format";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../standard/indicators";
import { formatAmount } from "./build";
import { cell, headerRow, verdictCell } from "./cells";
import type { ReportCell, ReportSheet } from "./model";

/** Why a county is at risk, as a person reads it (the rule: src/engine/league.ts AT_RISK). */
export const RISK_TEXT: Record<RiskReason, { zh: string; en: string }> = {
  due: { zh: "目标年份已到，尚未达标", en: "target year reached, not passing yet" },
  tight: {
    zh: `剩余不超过 ${AT_RISK.yearsLeft} 年，仍有差异系数超限或 ${AT_RISK.failingSections} 所以上学校（校区）未达标`,
    en: `${AT_RISK.yearsLeft} year or less left, with coefficients over the limit or ${AT_RISK.failingSections}+ failing sections`,
  },
};

export const RATIO = "0.00";
export const CV = "0.0000";
export const COUNT = "0";

/** A file's name without its folder: the sheets show what a clerk recognises. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The warning on a county given in several files (`LeagueSummary.repeated`), wherever the league's view is shown:
 * each file keeps its line, and the league's counts take the county once.
 */
export function repeatedLabel(r: RepeatedCounty, lang: Lang): string {
  const files = r.files.map(fileName);
  return lang === "zh"
    ? `${r.county}出现在 ${files.length} 个文件中（${files.join("、")}）：薄弱指标和按期达标风险只按“${fileName(r.counted)}”计一次；一个旗县市的不同年份请用年度对比`
    : `${r.county} is in ${files.length} files (${files.join(", ")}): the weakest indicators and the counties at risk count it once, from "${fileName(r.counted)}"; compare one county's years year over year instead`;
}

export function riskCell(s: CountyStanding, lang: Lang): ReportCell {
  if (s.atRisk === null) return cell("—", "note");
  if (!s.atRisk || !s.risk) return cell(lang === "zh" ? "否" : "No");
  return cell(RISK_TEXT[s.risk][lang], "fail");
}

export function countySheet(
  s: CountyStanding,
  detail: { evaluation: Evaluation | null; problems: readonly Problem[] },
  name: string,
  input: { profile: Profile },
  lang: Lang,
): ReportSheet {
  const zh = lang === "zh";
  const { profile } = input;
  const label = (zhText: string, enText: string) => cell(zh ? zhText : enText, "bold");
  const rows: ReportCell[][] = [
    [cell(zh ? `${s.county} 义务教育优质均衡发展评估结果` : `${s.county}: evaluation`, "title")],
    [label("文件", "File"), cell(fileName(s.file))],
    [label("学校数", "Schools"), cell(s.schools, undefined, COUNT)],
    [
      label("资源配置", "Resource allocation"),
      s.ok ? verdictCell(s.resourcesPass, lang) : cell(zh ? "未能评估" : "Not evaluated", "fail"),
    ],
    [label("县域结论", "County verdict"), verdictCell(s.countyPass, lang)],
    [
      label("未达标项 / 缺数据项", "Items failing / missing"),
      cell(s.failingItems === null ? "—" : `${s.failingItems} / ${s.missingItems}`),
    ],
    [label("目标年份", "Target year"), cell(s.targetYear ?? "—", undefined, COUNT)],
    [label("剩余年数", "Years left"), cell(s.yearsLeft ?? "—", undefined, COUNT)],
    [label("按期达标风险", "At risk"), riskCell(s, lang)],
  ];
  if (s.plan) {
    rows.push([
      label("最低成本方案", "Least-cost plan"),
      cell(
        zh
          ? `合计 ${formatNumber(s.plan.total, 0, lang)} 元，其中教师每年 ${formatNumber(s.plan.recurring, 0, lang)} 元，一次性 ${formatNumber(s.plan.oneOff, 0, lang)} 元`
          : `${formatNumber(s.plan.total, 0, lang)} yuan: teachers ${formatNumber(s.plan.recurring, 0, lang)} a year, one-off ${formatNumber(s.plan.oneOff, 0, lang)}`,
      ),
    ]);
  }
  const evaluation = detail.evaluation;
  if (evaluation && s.levels) {
    rows.push(
      [],
      headerRow(
        zh
          ? ["学段", "纳入学校数", "达标学校数", "在校生数", "差异系数达标项", "结论"]
          : ["Level", "Sections", "Passing", "Students", "CV within limit", "Result"],
      ),
    );
    for (const level of LEVELS) {
      const l = s.levels[level];
      const within = INDICATOR_IDS.filter((id) => l.cvPass[id]).length;
      rows.push([
        cell(LEVEL_NAMES[level][lang]),
        cell(l.sections, undefined, COUNT),
        cell(l.passingSections, l.passingSections < l.sections ? "fail" : undefined, COUNT),
        cell(l.students, undefined, COUNT),
        cell(`${within} / ${INDICATOR_IDS.length}`, within < INDICATOR_IDS.length ? "fail" : undefined),
        verdictCell(l.pass, lang),
      ]);
    }
    rows.push(
      [],
      headerRow(
        zh ? ["学段", "指标", "差异系数", "限值", "结论"] : ["Level", "Indicator", "CV", "Limit", "Result"],
      ),
    );
    for (const level of LEVELS) {
      for (const id of INDICATOR_IDS) {
        const l = s.levels[level];
        rows.push([
          cell(LEVEL_NAMES[level][lang]),
          cell(profile.indicators[id].shortName[lang]),
          cell(l.cv[id], undefined, CV),
          cell(l.limit, undefined, RATIO),
          verdictCell(l.cvPass[id], lang),
        ]);
      }
    }
    const failing = evaluation.sections.filter((x) => x.included && !x.pass);
    rows.push(
      [],
      [cell(zh ? `未达标学校（${failing.length} 所）` : `Sections that fail (${failing.length})`, "bold")],
    );
    rows.push(
      headerRow(
        zh
          ? ["学校", "学段", "指标", "值", "标准", "达到标准需增加"]
          : ["School", "Level", "Indicator", "Value", "Standard", "To the standard"],
      ),
    );
    for (const x of failing) {
      for (const f of x.shortfalls) {
        rows.push([
          cell(x.school),
          cell(LEVEL_NAMES[x.level][lang]),
          cell(profile.indicators[f.indicator].shortName[lang]),
          cell(x.values[f.indicator], x.status[f.indicator] === "unmet" ? "fail" : "warn", RATIO),
          cell(profile.indicators[f.indicator].standard[x.level], undefined, RATIO),
          cell(formatAmount(profile, f.indicator, f.toStandard, lang)),
        ]);
      }
    }
    if (failing.length === 0) rows.push([cell(zh ? "无" : "None", "note")]);
  }
  if (detail.problems.length > 0) {
    rows.push(
      [],
      [
        cell(
          zh ? `数据问题（${detail.problems.length} 条）` : `Data problems (${detail.problems.length})`,
          "bold",
        ),
      ],
    );
    rows.push(headerRow(zh ? ["单元格", "级别", "说明"] : ["Cell", "Severity", "Message"]));
    for (const p of detail.problems) {
      const severity = p.severity === "error" ? (zh ? "错误" : "Error") : zh ? "警告" : "Warning";
      rows.push([
        cell(p.cell),
        cell(severity, p.severity === "error" ? "fail" : "warn"),
        cell(p.message[lang]),
      ]);
    }
  }
  return {
    key: "leagueCounty",
    name,
    rows,
    columnWidths: [22, 14, 12, 12, 12, 22],
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, titleRows: [1, 1] },
    merges: ["A1:F1"],
  };
}
