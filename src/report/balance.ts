/**
 * 差异系数: per level and indicator, the enrolment P, county ratio X̄, standard deviation S, coefficient CV and
 * its verdict as native formulas over the level's block of 达标情况 (docs/standard.md#coefficient), each carrying
 * the engine's value. A4 portrait; the charts of each level's coefficients against their limit follow on a
 * page of their own.
 */
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../i18n/format";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES, type IndicatorId, type Level } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { columnLetters, sheetRef } from "../sheet/grid";
import { TOLERANCE, formatBeside } from "./chain";
import { COMPLIANCE_COLUMNS, type ComplianceLayout } from "./compliance";
import type { ChartSpec, ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks, tableTitle, type TitleParts } from "./print";
import { word } from "./words";

export const BALANCE_NAME = { zh: "差异系数", en: "Balance" } as const;
const TABLE = { zh: "校际差异系数", en: "Inter-school difference coefficients" } as const;

/** Rows and columns of 差异系数: one row per level and indicator, in LEVELS × INDICATOR_IDS order. */
export const BALANCE_LAYOUT = {
  firstRow: 4,
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
  /** 1-based row of a level's indicator */
  rowOf: (level: Level, indicator: IndicatorId) =>
    4 + LEVELS.indexOf(level) * INDICATOR_IDS.length + INDICATOR_IDS.indexOf(indicator),
} as const;

export function balanceSheet(
  evaluation: Evaluation,
  profile: Profile,
  compliance: ComplianceLayout,
  options: { lang: Lang; title: TitleParts },
): ReportSheet {
  const { lang } = options;
  const zh = lang === "zh";
  const b = new SheetBuilder([6, 32, 9, 11, 10, 10, 7, 8]);
  const last = 7;
  const src = sheetRef(compliance.sheet.name);
  const pass = word("pass", lang);
  const fail = word("fail", lang);
  b.title(
    tableTitle(options.title, TABLE, lang),
    last,
    `${zh ? "评估标准：" : "Standard: "}${profile.name[lang]}`,
  );
  const header = b.push(
    (zh
      ? ["学段", "指标", "在校生数 P（人）", "县域值 X̄", "标准差 S", "差异系数 CV", "限值", "结论"]
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
    ).map((value): ReportCell => ({ value, style: "header" })),
  );
  const charts: ChartSpec[] = [];
  for (const level of LEVELS) {
    const block = compliance.blocks[level];
    const range = (c: number) =>
      block ? `${src}!$${columnLetters(c)}$${block.first}:$${columnLetters(c)}$${block.last}` : "";
    const P = range(COMPLIANCE_COLUMNS.students);
    INDICATOR_IDS.forEach((id, i) => {
      const r = BALANCE_LAYOUT.rowOf(level, id);
      const balance = evaluation.levels[level].balance[id];
      const X = range(COMPLIANCE_COLUMNS.value(i));
      const [p, x, s, cv, limit] = ["C", "D", "E", "F", "G"].map((c) => `${c}${r}`);
      const row: ReportCell[] = [
        { value: LEVEL_NAMES[level][lang], align: "center" },
        { value: profile.indicators[id].name[lang], wrap: true },
      ];
      const ratioFormat = id === "equipmentValue" ? "#,##0.00" : "0.0000";
      if (!block) {
        // no section of the level: nothing to weigh, and the level passes (docs/standard.md#coefficient)
        row.push({ value: 0, format: "0" }, { value: null }, { value: null }, { value: null });
      } else {
        row.push(
          { formula: `=SUM(${P})`, value: evaluation.levels[level].students, format: "#,##0" },
          {
            formula: `=IF(${p}=0,"",SUMPRODUCT(${P},${X})/${p})`,
            value: balance.countyRatio,
            format: ratioFormat,
          },
          {
            formula: `=IF(${p}=0,"",SQRT(SUMPRODUCT(${P},(${X}-${x})^2)/${p}))`,
            value: balance.standardDeviation,
            format: ratioFormat,
          },
          {
            formula: `=IF(${p}=0,"",IF(${x}=0,"",${s}/ABS(${x})))`,
            value: balance.cv,
            format: formatBeside(balance.cv, [balance.limit], 4),
          },
        );
      }
      row.push({ value: balance.limit, format: "0.00", align: "center" });
      // the engine's comparison (docs/standard.md#comparison): CV ≤ limit + |limit| × tolerance
      row.push({
        formula: block
          ? `=IF(${p}=0,"${pass}",IF(${cv}="","${fail}",IF(${cv}<=${limit}+ABS(${limit})*${TOLERANCE},"${pass}","${fail}")))`
          : undefined,
        value: balance.pass ? pass : fail,
        style: balance.pass ? "pass" : "fail",
        align: "center",
      });
      b.push(row);
    });
  }
  b.border(header, 0, b.next - 1, last);
  b.spacer();
  b.note(
    zh
      ? `公式：P = Σ Pᵢ；X̄ = Σ Pᵢ·Xᵢ / P；S = √(Σ Pᵢ·(Xᵢ − X̄)² / P)；CV = S / X̄。Pᵢ、Xᵢ 为“${compliance.sheet.name}”表中纳入计算的各校（校区）在校生数和指标值，按在校生数加权。差异系数不超过限值为达标。`
      : `P = Σ Pᵢ; X̄ = Σ Pᵢ·Xᵢ / P; S = √(Σ Pᵢ·(Xᵢ − X̄)² / P); CV = S / X̄, over the evaluated sections of the sheet ${compliance.sheet.name}, weighted by enrolment. A coefficient within its limit passes.`,
    last,
  );
  b.signature(lang, last);
  // the charts on a page of their own, after the signed table, over a small table of their figures by short name
  const chartsFrom = b.next;
  b.pushSpan(
    {
      value: zh ? "附图：各项指标差异系数与限值" : "Charts: each coefficient against its limit",
      style: "section",
    },
    0,
    last,
  );
  const dataHeader = b.push(
    (zh
      ? [
          "",
          "指标（简称）",
          `${LEVEL_NAMES.primary.zh}差异系数`,
          "限值",
          `${LEVEL_NAMES.junior.zh}差异系数`,
          "限值",
        ]
      : ["", "Indicator", "Primary CV", "Limit", "Junior CV", "Limit"]
    ).map((value): ReportCell => ({ value: value || null, style: value ? "header" : undefined })),
  );
  const first = b.next;
  INDICATOR_IDS.forEach((id) => {
    const row: ReportCell[] = [{}, { value: profile.indicators[id].shortName[lang] }];
    for (const level of LEVELS) {
      const r = BALANCE_LAYOUT.rowOf(level, id);
      const balance = evaluation.levels[level].balance[id];
      row.push(
        {
          formula: `=IF(F${r}="",0,F${r})`,
          value: balance.cv ?? 0,
          format: formatBeside(balance.cv, [balance.limit], 4),
        },
        { formula: `=G${r}`, value: balance.limit, format: "0.00" },
      );
    }
    b.push(row);
  });
  const lastRow = b.next - 1;
  b.border(dataHeader, 1, lastRow, 5);
  const chartTops = LEVELS.map((_, k) => lastRow + 2 + k * 19);
  LEVELS.forEach((level, k) => {
    const top = chartTops[k];
    const cv = columnLetters(2 + 2 * k);
    const limit = columnLetters(3 + 2 * k);
    charts.push({
      title: `${LEVEL_NAMES[level][lang]} ${zh ? "差异系数与限值" : "CV against its limit"}`,
      type: "columnClustered",
      categories: `B${first}:B${lastRow}`,
      series: [
        { name: zh ? "差异系数" : "CV", values: `${cv}${first}:${cv}${lastRow}` },
        { name: zh ? "限值" : "Limit", values: `${limit}${first}:${limit}${lastRow}` },
      ],
      anchor: { from: `A${top}`, to: `I${top + 18}` },
      axes: { category: zh ? "指标" : "Indicator", value: zh ? "差异系数" : "Coefficient of variation" },
    });
  });
  return b.sheet({
    key: "balance",
    name: BALANCE_NAME[lang],
    freeze: { rows: header, columns: 0 },
    // landscape: on a portrait page its columns, at their widest (paperWidth.ts printedColumnWidth), would be scaled
    // and its 9-point notes and page numbers with them. A landscape page holds the charts' figures and one chart:
    // the second chart starts a page of its own, not cut in two
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      rowBreaks: [chartsFrom, ...chartTops.slice(1)],
      ...pageMarks(options.title, TABLE, lang),
    },
    charts,
  });
}
