/**
 * 汇总, the first sheet: the verdict, each level's counts and coefficients passed, then every failing item named
 * with its value and its standard or limit (小学 生均体育运动场馆面积 差异系数 0.562，限值 0.50), the shortfalls of
 * the failing schools, the data problems, and the basis of the evaluation. Verdicts, counts, values, standards
 * and limits are formulas over 达标情况 and 差异系数; the shortfalls are the engine's, as a person reads them.
 */
import type { Evaluation, SectionResult, Shortfall } from "../engine/evaluate";
import type { Lang } from "../i18n/format";
import { formatAmount } from "../i18n/amount";
import { countOf } from "../i18n/count";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { columnLetters, sheetRef } from "../sheet/grid";
import type { Problem } from "../problems/problem";
import { supplyHintLines, type SupplyHint } from "../sheet/recipe/supply";
import { ALL_ITEMS_NAME } from "./allItems";
import { BALANCE_LAYOUT } from "./balance";
import { formatBeside, formatExact } from "./chain";
import { COMPLIANCE_COLUMNS, thresholdsOf, type ComplianceLayout } from "./compliance";
import type { ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks, tableTitle, type TitleParts } from "./print";
import { word } from "./words";

export const SUMMARY_NAME = { zh: "汇总", en: "Summary" } as const;
const TABLE = { zh: "资源配置评估汇总", en: "Resource allocation: summary" } as const;

export interface SummaryInput {
  evaluation: Evaluation;
  profile: Profile;
  problems: readonly Problem[];
  compliance: ComplianceLayout;
  balanceName: string;
  /** the problems of the county sheet, listed on 全部指标 (named here so that a signer learns of them first) */
  countyProblems?: readonly Problem[];
  /** what an export read leaves items 3 and 5 of the guarantee without, and how to add it (sheet/recipe/supply.ts) */
  supply?: SupplyHint | null;
  /** where the county verdict's statuses are (全部指标), when it was evaluated */
  countyStatuses?: { range: string; pass: boolean } | null;
  sourceRange: string;
  date: string;
}

/** 汇总, and the cell holding the resource verdict (for 全部指标). */
export function summarySheet(
  input: SummaryInput,
  options: { lang: Lang; title: TitleParts },
): { sheet: ReportSheet; resourcesCell: string } {
  const { evaluation, profile, compliance } = input;
  const { lang } = options;
  const zh = lang === "zh";
  const last = 7;
  const b = new SheetBuilder([6, 16, 12, 12, 12, 11, 12, 10]);
  const pass = word("pass", lang);
  const fail = word("fail", lang);
  const verdictCell = (formula: string, ok: boolean): ReportCell => ({
    formula,
    value: ok ? pass : fail,
    style: ok ? "pass" : "fail",
    align: "center",
  });
  const C = sheetRef(compliance.sheet.name);
  const B = sheetRef(input.balanceName);
  // each part from its heading to its end on one page where it fits (else its heading with the first rows)
  let part = 0;
  const endPart = () => b.keep(part, b.next - 1);
  const heading = (text: string) => (part = b.pushSpan({ value: text, style: "section" }, 0, last, 22));

  b.title(
    tableTitle(options.title, TABLE, lang),
    last,
    `${zh ? "评估标准：" : "Standard: "}${profile.name[lang]}`,
  );

  // 一、各学段情况 (the resource verdict follows from them)
  heading(zh ? "一、资源配置（校校达标、项项达标）" : "1. Resource allocation (every school, every item)");
  const header = b.push(
    (zh
      ? [
          "学段",
          "纳入计算学校（校区）数",
          "达标学校数",
          "未达标学校数",
          "在校生数（人）",
          "差异系数达标项数",
          "差异系数项数",
          "结论",
        ]
      : [
          "Level",
          "Sections evaluated",
          "Passing",
          "Failing",
          "Students",
          "Coefficients within limit",
          "Coefficients",
          "Result",
        ]
    ).map((value): ReportCell => ({ value, style: "header" })),
  );
  const levelRows: number[] = [];
  for (const level of LEVELS) {
    const l = evaluation.levels[level];
    const block = compliance.blocks[level];
    const r = b.next;
    levelRows.push(r);
    const range = (c: number) =>
      block ? `${C}!$${columnLetters(c)}$${block.first}:$${columnLetters(c)}$${block.last}` : null;
    const passRange = range(COMPLIANCE_COLUMNS.pass);
    const firstCv = BALANCE_LAYOUT.rowOf(level, INDICATOR_IDS[0]);
    const cvRange = `${B}!$H$${firstCv}:$H$${firstCv + INDICATOR_IDS.length - 1}`;
    const within = INDICATOR_IDS.filter((id) => l.balance[id].pass).length;
    const counted = (formula: string | null, value: number, style?: ReportCell["style"]): ReportCell =>
      formula
        ? { formula, value, format: "#,##0", align: "center", style }
        : { value, format: "#,##0", align: "center", style };
    b.push([
      { value: LEVEL_NAMES[level][lang], align: "center" },
      counted(passRange && `=ROWS(${passRange})`, l.sections),
      counted(passRange && `=COUNTIF(${passRange},"${pass}")`, l.passingSections),
      counted(
        passRange && `=COUNTIF(${passRange},"${fail}")`,
        l.sections - l.passingSections,
        l.passingSections < l.sections ? "fail" : undefined,
      ),
      counted(block && `=SUM(${range(COMPLIANCE_COLUMNS.students)})`, l.students),
      counted(`=COUNTIF(${cvRange},"${pass}")`, within, within < INDICATOR_IDS.length ? "fail" : undefined),
      { value: INDICATOR_IDS.length, format: "0", align: "center" },
      verdictCell(`=IF(AND(C${r}=B${r},F${r}=G${r}),"${pass}","${fail}")`, l.pass),
    ]);
  }
  const resourcesRow = b.next;
  const verdictRow: ReportCell[] = [{ value: zh ? "资源配置结论" : "Resource allocation", style: "bold" }];
  verdictRow[last] = verdictCell(
    `=IF(AND(${levelRows.map((r) => `H${r}="${pass}"`).join(",")}),"${pass}","${fail}")`,
    evaluation.resourcesPass,
  );
  b.push(verdictRow);
  b.merge(resourcesRow, 0, resourcesRow, last - 1);
  let countyRow: number | null = null;
  if (input.countyStatuses) {
    const { range, pass: ok } = input.countyStatuses;
    countyRow = b.next;
    const row: ReportCell[] = [
      {
        value: zh
          ? "县域综合结论（含政府保障程度、教育质量、社会认可度和一票否决，见“全部指标”）"
          : "County verdict (all parts; see All items)",
        style: "bold",
      },
    ];
    row[last] = verdictCell(
      `=IF(COUNTIF(${range},"${word("fail", lang)}")+COUNTIF(${range},"${word("missing", lang)}")=0,"${pass}","${fail}")`,
      ok,
    );
    b.push(row);
    b.merge(countyRow, 0, countyRow, last - 1);
  }
  b.border(header, 0, b.next - 1, last);

  // 二、未达标项目: each coefficient over its limit, each indicator of a failing school below its standard
  const failingCvs = LEVELS.flatMap((level) =>
    INDICATOR_IDS.filter((id) => !evaluation.levels[level].balance[id].pass).map((id) => ({ level, id })),
  );
  const failing = evaluation.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.included && !s.pass);
  const items =
    failingCvs.length +
    failing.reduce((n, { s }) => n + INDICATOR_IDS.filter((id) => s.status[id] !== "met").length, 0);
  endPart();
  b.spacer();
  heading(zh ? `二、未达标项目（${items} 项）` : `2. Items that fail (${items})`);
  if (items === 0) b.pushSpan({ value: zh ? "无" : "None", style: "note" }, 0, last);
  else {
    const top = b.push(
      (zh
        ? ["序号", "项目", "", "", "", "值", "标准或限值", "状态"]
        : ["No.", "Item", "", "", "", "Value", "Standard or limit", "Status"]
      ).map((value): ReportCell => ({ value: value || null, style: "header" })),
    );
    b.merge(top, 1, top, 4);
    let n = 0;
    const item = (text: string, value: ReportCell, limit: ReportCell, status: ReportCell) => {
      const r = b.push([
        { value: ++n, format: "0", align: "center" },
        // the item as the report names it, not data: it breaks at its places
        { value: text, wrap: true, label: true },
        {},
        {},
        {},
        value,
        limit,
        status,
      ]);
      b.merge(r, 1, r, 4);
    };
    for (const { level, id } of failingCvs) {
      const r = BALANCE_LAYOUT.rowOf(level, id);
      const bal = evaluation.levels[level].balance[id];
      item(
        `${LEVEL_NAMES[level][lang]} ${profile.indicators[id].name[lang]} ${zh ? "差异系数" : "coefficient"}`,
        {
          formula: `=${B}!F${r}`,
          value: bal.cv,
          format: formatBeside(bal.cv, [bal.limit], 3),
          style: "fail",
          align: "right",
        },
        {
          formula: `=${B}!G${r}`,
          value: bal.limit,
          format: zh ? `"限值 "0.00` : `"limit "0.00`,
          align: "right",
        },
        { formula: `=${B}!H${r}`, value: fail, style: "fail", align: "center" },
      );
    }
    for (const { s, i } of failing) {
      const r = compliance.rowOf.get(i)!;
      INDICATOR_IDS.forEach((id, k) => {
        const status = s.status[id];
        if (status === "met" || status === null) return;
        const c = columnLetters(COMPLIANCE_COLUMNS.value(k));
        const standardRow = standardRowOf(compliance, s);
        const def = profile.indicators[id];
        const equipment = id === "equipmentValue";
        item(
          `${s.school}（${LEVEL_NAMES[s.level][lang]}） ${def.name[lang]}（${def.unit[lang]}）`,
          {
            formula: `=${C}!${c}${r}`,
            value: s.values[id],
            format: formatBeside(s.values[id], thresholdsOf(profile, s, id), 2, equipment),
            style: status === "unmet" ? "fail" : "warn",
            align: "right",
          },
          {
            formula: `=${C}!${c}${standardRow}`,
            value: def.standard[s.level],
            format: `${zh ? '"标准 "' : '"standard "'}${formatExact(def.standard[s.level], equipment ? 0 : 2, equipment)}`,
            align: "right",
          },
          {
            formula: `=${C}!${columnLetters(COMPLIANCE_COLUMNS.value(k) + 1)}${r}`,
            value: word(status, lang),
            style: status === "unmet" ? "fail" : "warn",
            align: "center",
          },
        );
      });
    }
    b.border(top, 0, b.next - 1, last);
    b.repeatHeader(top, top, b.next - 1);
  }

  // 三、未达标学校的差距
  if (failing.length > 0) {
    endPart();
    b.spacer();
    heading(
      zh
        ? "三、未达标学校补足差距（按现有在校生数）"
        : "3. What the failing sections lack (at present enrolment)",
    );
    const top = b.push(
      (zh
        ? ["学校", "", "学段", "指标", "", "达到标准需增加", "达到85%需增加", "全校需增加（合用设施）"]
        : ["School", "", "Level", "Indicator", "", "To the standard", "To 85 %", "Whole school (shared)"]
      ).map((value): ReportCell => ({ value: value || null, style: "header" })),
    );
    b.merge(top, 0, top, 1);
    b.merge(top, 3, top, 4);
    for (const { s } of failing) for (const f of s.shortfalls) shortfallRow(b, profile, s, f, lang);
    b.border(top, 0, b.next - 1, last);
    b.repeatHeader(top, top, b.next - 1);
  }

  const countyProblems = input.countyProblems ?? [];
  const problemCount = input.problems.length + countyProblems.length;
  if (problemCount > 0) {
    endPart();
    b.spacer();
    heading(zh ? `四、数据问题（${problemCount} 条）` : `4. Data problems (${problemCount})`);
    if (input.problems.length > 0) b.problemTable(input.problems, lang, last);
    if (countyProblems.length > 0) countyProblemsLine(b, countyProblems, lang, last);
  }
  if (input.supply) {
    // what the export lacks for the county verdict, and where to add it: a part of its own
    const said = supplyHintLines(input.supply);
    endPart();
    b.spacer();
    heading(
      zh
        ? `${problemCount > 0 ? "五" : "四"}、导出表缺少的数`
        : `${problemCount > 0 ? 5 : 4}. Figures the export lacks`,
    );
    for (const line of [said.what, ...said.columns, said.how]) b.note(line[lang], last);
  }

  endPart();
  b.spacer();
  for (const [label, value] of [
    [zh ? "评估标准" : "Standard", profile.name[lang]],
    [
      zh ? "数据来源" : "Source",
      `${input.sourceRange}${zh ? "（数据见“学校数据”表）" : " (see the school data sheet)"}`,
    ],
    [zh ? "评估日期" : "Date", input.date],
  ]) {
    const r = b.push([{ value: label, style: "bold" }, {}, { value }]);
    b.merge(r, 0, r, 1);
    b.merge(r, 2, r, last);
  }
  b.signature(lang, last);
  const sheet = b.sheet({
    key: "summary",
    name: SUMMARY_NAME[lang],
    freeze: { rows: 2, columns: 0 },
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      ...pageMarks(options.title, TABLE, lang),
    },
  });
  return { sheet, resourcesCell: `${sheetRef(sheet.name)}!${columnLetters(last)}${b.rowOf(resourcesRow)}` };
}

/** The 1-based row of 达标情况 holding the standards of a section's level: the row above its block's first. */
function standardRowOf(compliance: ComplianceLayout, s: SectionResult): number {
  return compliance.blocks[s.level]!.first - 1;
}

function shortfallRow(b: SheetBuilder, profile: Profile, s: SectionResult, f: Shortfall, lang: Lang): void {
  const id = f.indicator;
  const status = s.status[id];
  const r = b.push([
    { value: s.school },
    {},
    { value: LEVEL_NAMES[s.level][lang], align: "center" },
    { value: profile.indicators[id].shortName[lang] },
    {},
    { value: formatAmount(profile, id, f.toStandard, lang), align: "right" },
    { value: status === "unmet" ? formatAmount(profile, id, f.toFloor, lang) : "—", align: "right" },
    {
      value: f.schoolToStandard === null ? "—" : formatAmount(profile, id, f.schoolToStandard, lang),
      align: "right",
    },
  ]);
  b.merge(r, 0, r, 1);
  b.merge(r, 3, r, 4);
}

/**
 * Where the county sheet's problems are listed (全部指标, by cell), and how many of each severity: the items they
 * concern count as missing, which the signer of 汇总 learns here rather than on a later sheet.
 */
function countyProblemsLine(b: SheetBuilder, problems: readonly Problem[], lang: Lang, last: number): void {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const sheet = ALL_ITEMS_NAME[lang];
  const text =
    lang === "zh"
      ? `县级指标表有 ${problems.length} 条问题（错误 ${errors} 条，警告 ${warnings} 条），逐条列于“${sheet}”表末尾，注明单元格；读不出的指标按缺数据计。`
      : `The county sheet has ${countOf(problems.length, "problem")} (${countOf(errors, "error")}, ${countOf(warnings, "warning")}), listed by cell at the end of the ${sheet} sheet; an item that could not be read counts as missing.`;
  b.pushSpan({ value: text, style: errors > 0 ? "fail" : "warn", wrap: true }, 0, last);
}
