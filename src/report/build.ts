import type {
  Evaluation,
  SectionResult,
  Shortfall,
  SchoolRecord,
  IndicatorStatus,
  ExclusionReason,
} from "../engine";
import { SCHOOL_TYPE_NAMES } from "../engine/records";
import { formatNumber, formatYuan, type Lang } from "../i18n/format";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES, type IndicatorId, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { columnLetters, sheetRef } from "../sheet/grid";
import type { Problem } from "../sheet/problems";
import type { CellStyle, ChartSpec, Report, ReportCell, ReportSheet } from "./model";
import { allItemsSheet, countyItemsOf } from "./allItems";
import type { CountyVerdict } from "../engine/county";

/** What the report is built from: the one data path's result (src/pipeline.ts evaluateTable). */
export interface ReportInput {
  evaluation: Evaluation;
  read: { records: readonly SchoolRecord[] };
  profile: Profile;
  problems: readonly Problem[];
  /** the full county verdict (guarantee, quality, recognition, vetoes, src/engine/county.ts) when evaluated */
  county?: CountyVerdict | null;
}

export interface ReportOptions {
  lang: Lang;
  /** where the school table was read, e.g. 学校!A2:AA40 */
  sourceRange: string;
  /** the evaluation date as the user reads it, e.g. 2026-11-28 */
  date: string;
}

/** Stable keys of the sheets the report builds. */
export const REPORT_SHEET_KEYS = ["compliance", "balance", "summary", "allItems"] as const;

export const SHEET_NAMES: Record<(typeof REPORT_SHEET_KEYS)[number], Record<Lang, string>> = {
  compliance: { zh: "达标情况", en: "Compliance" },
  balance: { zh: "差异系数", en: "Balance" },
  summary: { zh: "汇总", en: "Summary" },
  allItems: { zh: "全部指标", en: "All items" },
};

/** Words written into cells; formulas compare against some of them, so each sheet uses one language. */
const WORDS = {
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "不达标", en: "Fail" },
  met: { zh: "达标", en: "Met" },
  floor: { zh: "≥85%", en: "≥ 85%" },
  unmet: { zh: "未达标", en: "Not met" },
} as const;

const EXCLUSION_NAMES: Record<ExclusionReason, Record<Lang, string>> = {
  specialEducation: { zh: "不纳入：特殊教育学校", en: "Excluded: special education" },
  vocational: { zh: "不纳入：职业学校", en: "Excluded: vocational" },
  smallTeachingPoint: { zh: "不纳入：不足50人教学点", en: "Excluded: teaching point under 50" },
  noStudents: { zh: "不纳入：无在校生", en: "Excluded: no students" },
};

/** Column layout of the compliance sheet; the balance formulas refer to it. */
export const COMPLIANCE_LAYOUT = {
  /** rows above the first section: title, indicator names, value/standard/status */
  headerRows: 3,
  school: 0,
  level: 1,
  type: 2,
  students: 3,
  included: 4,
  /** first of the 3 columns (value, standard, status) of the i-th indicator */
  indicator: (i: number) => 5 + 3 * i,
  pass: 5 + 3 * INDICATOR_IDS.length,
} as const;

const c = (value: ReportCell["value"], style?: CellStyle, format?: string): ReportCell => {
  const cell: ReportCell = { value };
  if (style) cell.style = style;
  if (format) cell.format = format;
  return cell;
};

function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

function statusWord(status: IndicatorStatus | null, lang: Lang): string | null {
  return status === null ? null : word(status, lang);
}

const RATIO_FORMAT = "0.00";
const COUNT_FORMAT = "0";

function complianceSheet(input: ReportInput, lang: Lang): ReportSheet {
  const { evaluation, profile, read } = input;
  const L = COMPLIANCE_LAYOUT;
  const width = L.pass + 1;
  const title =
    lang === "zh" ? "义务教育优质均衡发展 学校资源配置达标情况" : "Resource allocation by school section";
  const rows: ReportCell[][] = [[c(title, "title")]];
  const groups: ReportCell[] = [
    c(lang === "zh" ? "学校" : "School", "header"),
    c(lang === "zh" ? "学段" : "Level", "header"),
    c(lang === "zh" ? "学校类型" : "Type", "header"),
    c(lang === "zh" ? "在校生数" : "Students", "header"),
    c(lang === "zh" ? "纳入计算" : "Included", "header"),
  ];
  const subs: ReportCell[] = groups.map(() => c(null, "header"));
  const merges = [`A1:${columnLetters(width - 1)}1`];
  for (let col = 0; col < L.indicator(0); col++) merges.push(`${columnLetters(col)}2:${columnLetters(col)}3`);
  INDICATOR_IDS.forEach((id, i) => {
    const def = profile.indicators[id];
    groups.push(
      c(`${def.shortName[lang]}（${def.unit[lang]}）`, "header"),
      c(null, "header"),
      c(null, "header"),
    );
    subs.push(
      c(lang === "zh" ? "值" : "Value", "header"),
      c(lang === "zh" ? "标准" : "Standard", "header"),
      c(lang === "zh" ? "状态" : "Status", "header"),
    );
    merges.push(`${columnLetters(L.indicator(i))}2:${columnLetters(L.indicator(i) + 2)}2`);
  });
  groups.push(c(lang === "zh" ? "学校达标" : "Section passes", "header"));
  subs.push(c(null, "header"));
  merges.push(`${columnLetters(L.pass)}2:${columnLetters(L.pass)}3`);
  rows.push(groups, subs);

  for (const s of evaluation.sections) {
    const record = read.records[s.recordIndex];
    const row: ReportCell[] = [
      c(s.school),
      c(LEVEL_NAMES[s.level][lang]),
      c(record ? SCHOOL_TYPE_NAMES[record.type][lang] : null),
      c(s.students, undefined, COUNT_FORMAT),
      c(s.included ? word("yes", lang) : word("no", lang)),
    ];
    for (const id of INDICATOR_IDS) {
      const status = s.status[id];
      const style: CellStyle | undefined =
        !s.included || status === null || status === "met" ? undefined : status === "floor" ? "warn" : "fail";
      row.push(
        c(s.values[id], style, RATIO_FORMAT),
        c(profile.indicators[id].standard[s.level], undefined, RATIO_FORMAT),
        c(statusWord(status, lang), style),
      );
    }
    row.push(
      s.included
        ? c(s.pass ? word("pass", lang) : word("fail", lang), s.pass ? "pass" : "fail")
        : c(EXCLUSION_NAMES[s.exclusion ?? "noStudents"][lang], "note"),
    );
    rows.push(row);
  }
  const columnWidths = [22, 6, 14, 9, 8];
  for (let i = 0; i < INDICATOR_IDS.length; i++) columnWidths.push(8, 7, 8);
  columnWidths.push(lang === "zh" ? 20 : 26);
  return {
    key: "compliance",
    name: SHEET_NAMES.compliance[lang],
    rows,
    columnWidths,
    headerRows: L.headerRows,
    freeze: { rows: L.headerRows, columns: 1 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    merges,
  };
}

/** Rows of the balance sheet: one per level and indicator, in LEVELS × INDICATOR_IDS order, from row 3. */
export const BALANCE_LAYOUT = {
  headerRows: 2,
  firstRow: 3,
  columns: {
    level: 0,
    indicator: 1,
    students: 2,
    countyRatio: 3,
    standardDeviation: 4,
    cv: 5,
    limit: 6,
    pass: 7,
  },
  rowOf: (level: Level, indicator: IndicatorId) =>
    3 + LEVELS.indexOf(level) * INDICATOR_IDS.length + INDICATOR_IDS.indexOf(indicator),
} as const;

function balanceSheet(input: ReportInput, lang: Lang, complianceName: string): ReportSheet {
  const { evaluation, profile } = input;
  const L = COMPLIANCE_LAYOUT;
  const B = BALANCE_LAYOUT;
  const first = L.headerRows + 1;
  const last = Math.max(first, L.headerRows + evaluation.sections.length);
  const src = sheetRef(complianceName);
  const col = (index: number) => `${src}!$${columnLetters(index)}$${first}:$${columnLetters(index)}$${last}`;
  const students = col(L.students);
  const included = `(${col(L.included)}="${word("yes", lang)}")`;
  const passWord = word("pass", lang);
  const failWord = word("fail", lang);

  const title = lang === "zh" ? "义务教育优质均衡发展 校际差异系数" : "Inter-school difference coefficients";
  const header = (
    lang === "zh"
      ? ["学段", "指标", "在校生数 P", "县域比值 X̄", "标准差 S", "差异系数 CV", "限值", "结论"]
      : [
          "Level",
          "Indicator",
          "Students P",
          "County ratio X̄",
          "Std. dev. S",
          "Coefficient CV",
          "Limit",
          "Result",
        ]
  ).map((h) => c(h, "header"));
  const rows: ReportCell[][] = [[c(title, "title")], header];
  const charts: ChartSpec[] = [];

  for (const level of LEVELS) {
    const levelFilter = `(${col(L.level)}="${LEVEL_NAMES[level][lang]}")`;
    const firstOfLevel = B.rowOf(level, INDICATOR_IDS[0]);
    INDICATOR_IDS.forEach((id, i) => {
      const r = B.rowOf(level, id);
      const values = col(L.indicator(i));
      const balance = evaluation.levels[level].balance[id];
      const P = `C${r}`;
      const X = `D${r}`;
      const S = `E${r}`;
      const CV = `F${r}`;
      const limit = `G${r}`;
      const weights = `${levelFilter}*${included}*${students}`;
      const total = evaluation.sections
        .filter((s: SectionResult) => s.level === level && s.included)
        .reduce((sum, s) => sum + s.students, 0);
      // the engine's 1e-9 relative tolerance (src/engine/compare.ts) so that a CV exactly at its limit passes
      rows.push([
        c(LEVEL_NAMES[level][lang]),
        c(profile.indicators[id].shortName[lang]),
        { formula: `=SUMPRODUCT(${weights})`, value: total, format: COUNT_FORMAT },
        {
          formula: `=IF(${P}=0,"",SUMPRODUCT(${weights}*${values})/${P})`,
          value: balance.countyRatio,
          format: id === "equipmentValue" ? "0.00" : "0.0000",
        },
        {
          formula: `=IF(${P}=0,"",SQRT(SUMPRODUCT(${weights}*(${values}-${X})^2)/${P}))`,
          value: balance.standardDeviation,
          format: "0.0000",
        },
        { formula: `=IF(${P}=0,"",IF(${X}=0,"",${S}/${X}))`, value: balance.cv, format: "0.0000" },
        c(balance.limit, undefined, RATIO_FORMAT),
        {
          formula: `=IF(${P}=0,"${passWord}",IF(${X}=0,"${failWord}",IF(${CV}<=${limit}*(1+1E-9),"${passWord}","${failWord}")))`,
          value: balance.pass ? passWord : failWord,
          style: balance.pass ? "pass" : "fail",
        },
      ]);
    });
    const lastOfLevel = firstOfLevel + INDICATOR_IDS.length - 1;
    const anchorRow = 2 + LEVELS.indexOf(level) * 18;
    charts.push({
      title: `${LEVEL_NAMES[level][lang]} ${lang === "zh" ? "差异系数与限值" : "CV against its limit"}`,
      type: "columnClustered",
      categories: `B${firstOfLevel}:B${lastOfLevel}`,
      series: [
        { name: lang === "zh" ? "差异系数" : "CV", values: `F${firstOfLevel}:F${lastOfLevel}` },
        { name: lang === "zh" ? "限值" : "Limit", values: `G${firstOfLevel}:G${lastOfLevel}` },
      ],
      anchor: { from: `J${anchorRow}`, to: `Q${anchorRow + 16}` },
    });
  }
  rows.push([]);
  rows.push([
    c(
      lang === "zh"
        ? "公式：X̄ = Σ Pᵢ·Xᵢ / P；S = √(Σ Pᵢ·(Xᵢ − X̄)² / P)；CV = S / X̄（按在校生数加权，只计纳入计算的学校）。数据取自“" +
            complianceName +
            "”表，可直接审核。"
        : "Formulas: X̄ = Σ Pᵢ·Xᵢ / P; S = √(Σ Pᵢ·(Xᵢ − X̄)² / P); CV = S / X̄, weighted by enrolment over included sections, read from the sheet " +
            complianceName +
            ".",
      "note",
    ),
  ]);
  return {
    key: "balance",
    name: SHEET_NAMES.balance[lang],
    rows,
    columnWidths: [8, 14, 11, 13, 11, 13, 8, 9],
    headerRows: B.headerRows,
    freeze: { rows: B.headerRows, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    merges: ["A1:H1"],
    charts,
  };
}

/** A shortfall in the resource's natural unit, as a person reads it: 3 人, 120.50 ㎡, 2.35 万元, 2 间. */
export function formatAmount(profile: Profile, indicator: IndicatorId, amount: number, lang: Lang): string {
  if (indicator === "equipmentValue") return formatYuan(amount, lang);
  const def = profile.indicators[indicator];
  return `${formatNumber(amount, def.integral ? 0 : 2, lang)} ${def.resourceUnit[lang]}`;
}

function shortfallRow(input: ReportInput, s: SectionResult, f: Shortfall, lang: Lang): ReportCell[] {
  const { profile } = input;
  const id = f.indicator;
  const status = s.status[id];
  return [
    c(s.school),
    c(LEVEL_NAMES[s.level][lang]),
    c(profile.indicators[id].shortName[lang]),
    c(s.values[id], status === "unmet" ? "fail" : "warn", RATIO_FORMAT),
    c(profile.indicators[id].standard[s.level], undefined, RATIO_FORMAT),
    c(formatAmount(profile, id, f.toStandard, lang)),
    c(status === "unmet" ? formatAmount(profile, id, f.toFloor, lang) : null),
    c(f.schoolToStandard === null ? null : formatAmount(profile, id, f.schoolToStandard, lang)),
  ];
}

function summarySheet(input: ReportInput, options: ReportOptions): ReportSheet {
  const { evaluation, profile, problems, county } = input;
  const lang = options.lang;
  const zh = lang === "zh";
  const verdict = (pass: boolean) =>
    c(pass ? word("pass", lang) : word("fail", lang), pass ? "pass" : "fail");
  const rows: ReportCell[][] = [
    [c(zh ? "义务教育优质均衡发展 评估汇总" : "Balanced compulsory education: summary", "title")],
    [c(zh ? "资源配置结论" : "Resource allocation", "bold"), verdict(evaluation.resourcesPass)],
  ];
  if (county) rows.push([c(zh ? "县域综合结论" : "County verdict", "bold"), verdict(county.countyPass)]);
  rows.push(
    [c(zh ? "评估标准" : "Standard", "bold"), c(profile.name[lang])],
    [c(zh ? "评估日期" : "Date", "bold"), c(options.date)],
    [c(zh ? "数据来源" : "Source", "bold"), c(options.sourceRange)],
    [],
    (zh
      ? ["学段", "纳入学校数", "达标学校数", "在校生数", "差异系数达标项", "结论"]
      : ["Level", "Sections", "Passing", "Students", "CV within limit", "Result"]
    ).map((h) => c(h, "header")),
  );
  for (const level of LEVELS) {
    const l = evaluation.levels[level];
    const within = INDICATOR_IDS.filter((id) => l.balance[id].pass).length;
    rows.push([
      c(LEVEL_NAMES[level][lang]),
      c(l.sections, undefined, COUNT_FORMAT),
      c(l.passingSections, l.passingSections < l.sections ? "fail" : undefined, COUNT_FORMAT),
      c(l.students, undefined, COUNT_FORMAT),
      c(`${within} / ${INDICATOR_IDS.length}`, within < INDICATOR_IDS.length ? "fail" : undefined),
      verdict(l.pass),
    ]);
  }
  rows.push([]);
  const failing = evaluation.sections.filter((s) => s.included && !s.pass);
  rows.push([
    c(zh ? `未达标学校（${failing.length} 所）` : `Sections that fail (${failing.length})`, "bold"),
  ]);
  rows.push(
    (zh
      ? ["学校", "学段", "指标", "值", "标准", "达到标准需增加", "达到85%需增加", "全校需增加（共享设施）"]
      : [
          "School",
          "Level",
          "Indicator",
          "Value",
          "Standard",
          "To the standard",
          "To 85 %",
          "Whole school (shared)",
        ]
    ).map((h) => c(h, "header")),
  );
  for (const s of failing) for (const f of s.shortfalls) rows.push(shortfallRow(input, s, f, lang));
  if (failing.length === 0) rows.push([c(zh ? "无" : "None", "note")]);
  if (problems.length > 0) {
    rows.push([]);
    rows.push([c(zh ? `数据问题（${problems.length} 条）` : `Data problems (${problems.length})`, "bold")]);
    rows.push((zh ? ["单元格", "级别", "说明"] : ["Cell", "Severity", "Message"]).map((h) => c(h, "header")));
    for (const p of problems) {
      const severity = p.severity === "error" ? (zh ? "错误" : "Error") : zh ? "警告" : "Warning";
      rows.push([c(p.cell), c(severity, p.severity === "error" ? "fail" : "warn"), c(p.message[lang])]);
    }
  }
  return {
    key: "summary",
    name: SHEET_NAMES.summary[lang],
    rows,
    columnWidths: [22, 12, 14, 12, 12, 18, 16, 20],
    headerRows: 1,
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    merges: ["A1:H1"],
  };
}

/**
 * The report as data: 达标情况 (per section), 差异系数 (native formulas over 达标情况), 汇总, and 全部指标 when
 * the county verdict was evaluated. Every figure comes from the evaluation; nothing is recomputed here.
 */
export function buildReport(input: ReportInput, options: ReportOptions): Report {
  const compliance = complianceSheet(input, options.lang);
  const sheets = [
    compliance,
    balanceSheet(input, options.lang, compliance.name),
    summarySheet(input, options),
  ];
  if (input.county) {
    const items = countyItemsOf(input.county, options.lang);
    sheets.push(allItemsSheet(items, options.lang, SHEET_NAMES.allItems[options.lang]));
  }
  return { sheets };
}
