/**
 * The report as data, one builder for every host (the pane, the web app, `balance evaluate --out`):
 * 汇总 first, then 达标情况, 差异系数, 全部指标 when the county verdict was evaluated, and 学校数据, the school
 * table every figure is computed from. Every indicator value, status, section pass, county ratio, coefficient
 * and verdict is a formula over 学校数据 that carries the engine's value; nothing is decided here.
 */
import type { Evaluation, SchoolRecord } from "../engine";
import type { CountyVerdict } from "../engine/county/results";
import type { Lang } from "../i18n/format";
import type { Profile } from "../standard/profile";
import type { Problem } from "../problems/problem";
import type { Report } from "./model";
import type { TableHeader } from "../sheet/read/headerPaths";
import type { RecipeReading } from "../sheet/recipe/reading";
import { supplyHint } from "../sheet/recipe/supply";
import { ALL_ITEMS_NAME, allItemsSheet, allItemsStatusRange, countyItemsOf } from "./allItems";
import { BALANCE_NAME, balanceSheet } from "./balance";
import { COMPLIANCE_NAME, complianceSheet } from "./compliance";
import { SCHOOL_DATA_NAME, schoolDataSheet } from "./schoolData";
import { SUMMARY_NAME, summarySheet } from "./summary";
import type { TitleParts } from "./print";

export { BALANCE_LAYOUT } from "./balance";
export { COMPLIANCE_COLUMNS } from "./compliance";
export { formatAmount } from "../i18n/amount";

/** What the report is built from: the one data path's result (src/pipeline.ts evaluateTable). */
export interface ReportInput {
  evaluation: Evaluation;
  read: { records: readonly SchoolRecord[]; recipe?: RecipeReading; header?: TableHeader | null };
  profile: Profile;
  problems: readonly Problem[];
  /** the full county verdict (guarantee, quality, recognition, vetoes, src/engine/county/) when evaluated */
  county?: CountyVerdict | null;
  /** what the county sheet held and could not be read (src/countyVerdict.ts CountyEvaluation.problems) */
  countyProblems?: readonly Problem[];
}

export interface ReportOptions extends TitleParts {
  lang: Lang;
  /** where the school table was read, e.g. 学校!A2:AA40 */
  sourceRange: string;
  /** the evaluation date as the user reads it, e.g. 2026-11-28 */
  date: string;
}

/** Stable keys of the sheets the report builds, in their order. */
export const REPORT_SHEET_KEYS = ["summary", "compliance", "balance", "allItems", "schoolData"] as const;

export const SHEET_NAMES: Record<(typeof REPORT_SHEET_KEYS)[number], Record<Lang, string>> = {
  summary: SUMMARY_NAME,
  compliance: COMPLIANCE_NAME,
  balance: BALANCE_NAME,
  allItems: ALL_ITEMS_NAME,
  schoolData: SCHOOL_DATA_NAME,
};

export function buildReport(input: ReportInput, options: ReportOptions): Report {
  const { lang } = options;
  const title: TitleParts = { county: options.county ?? null, year: options.year ?? null };
  const records = input.read.records;
  const data = schoolDataSheet(records, input.profile, { lang, title, sourceRange: options.sourceRange });
  const compliance = complianceSheet(input.evaluation, records, input.profile, data, { lang, title });
  const balance = balanceSheet(input.evaluation, input.profile, compliance, { lang, title });
  const items = input.county ? countyItemsOf(input.county, lang) : null;
  const summary = summarySheet(
    {
      evaluation: input.evaluation,
      profile: input.profile,
      problems: input.problems,
      compliance,
      balanceName: balance.name,
      countyStatuses: items && { range: allItemsStatusRange(items, lang), pass: items.countyPass },
      // listed on 全部指标, which is there only with the county's items
      countyProblems: items ? input.countyProblems : [],
      supply: supplyHint(input.read),
      sourceRange: options.sourceRange,
      date: options.date,
    },
    { lang, title },
  );
  const sheets = [summary.sheet, compliance.sheet, balance];
  if (items) {
    const { resourcesCell } = summary;
    sheets.push(allItemsSheet(items, { lang, title, resourcesCell, problems: input.countyProblems }));
  }
  sheets.push(data.sheet);
  return { sheets };
}
