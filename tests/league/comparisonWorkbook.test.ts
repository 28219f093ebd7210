/**
 * The comparison workbook as it prints (src/report/comparison.ts): warnings and the projection's method across the
 * table and as tall as their text, a merger's long list of schools wrapped, each trend chart on a page of its own.
 */
import { evaluate } from "../../src/engine";
import { compareYears, type TrendYear } from "../../src/engine/trend";
import type { SchoolRecord } from "../../src/engine/records";
import { buildComparisonReport } from "../../src/report/comparison";
import type { ReportSheet } from "../../src/report/model";
import { ROW_HEIGHT } from "../../src/report/print";
import { columnLetters } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { primarySchool } from "./records";
import { otherCountyWarnings } from "../../src/workbookCounty";

const year = (y: number, records: SchoolRecord[]): TrendYear => ({
  year: y,
  label: String(y),
  evaluation: evaluate(records, NATIONAL_2017),
});
const schools = () => [
  primarySchool("阿尔山市第一小学", 500),
  primarySchool("阿尔山市第七小学", 400),
  primarySchool("阿尔山市第八小学", 300),
];
const merged = [primarySchool("阿尔山市第一小学", 500), primarySchool("阿尔山市实验小学", 700)];
// 2025 given again as 2026 (a warning), then 第七 and 第八 merge in 2027; the target year 2028 is projected
const trend = compareYears([year(2025, schools()), year(2026, schools()), year(2027, merged)], {
  renames: { 阿尔山市第七小学: "阿尔山市实验小学", 阿尔山市第八小学: "阿尔山市实验小学" },
  targetYear: 2028,
});
const [summary, coefficients, sections] = buildComparisonReport(trend, NATIONAL_2017, {
  lang: "zh",
  county: "阿尔山市",
  date: "2027-12-01",
}).sheets;

const rowStarting = (s: ReportSheet, text: string) =>
  s.rows.findIndex((r) => typeof r[0]?.value === "string" && (r[0].value as string).startsWith(text)) + 1;
const lastColumn = (s: ReportSheet) => columnLetters(s.columnWidths!.length - 1);

test("a warning spans the summary's table and is as tall as its text", () => {
  const r = rowStarting(summary, "2025 与 2026 两年各学校的数据完全相同");
  expect(r).toBeGreaterThan(0);
  expect(summary.merges).toContain(`A${r}:${lastColumn(summary)}${r}`);
  expect(summary.rowHeights![r - 1]).toBeGreaterThan(ROW_HEIGHT);
});

test("a merger's schools are wrapped in their cell, the row tall enough", () => {
  const r = summary.rows.findIndex((row) => row[0]?.value === "合并");
  expect(summary.rows[r][1]).toMatchObject({
    value: "阿尔山市第七小学、阿尔山市第八小学 → 阿尔山市实验小学",
    wrap: true,
  });
  expect(summary.rows[r][2].value).toBe("2027");
  expect(summary.rowHeights![r]).toBeGreaterThan(ROW_HEIGHT);
});

test("the projection's label and method span the coefficient tables", () => {
  for (const text of ["2028 年预测", "预测方法"]) {
    const r = rowStarting(coefficients, text);
    expect(r).toBeGreaterThan(0);
    expect(coefficients.merges).toContain(`A${r}:${lastColumn(coefficients)}${r}`);
  }
});

test("each trend chart starts a page of its own, below the tables", () => {
  const breaks = coefficients.print?.rowBreaks ?? [];
  const charts = coefficients.charts!;
  expect(charts).toHaveLength(2);
  expect(breaks).toHaveLength(2);
  const lastFilled = coefficients.rows.reduce(
    (n, row, i) => (row.some((c) => c?.value != null) ? i + 1 : n),
    0,
  );
  const chartRows = charts.map((c) => [c.anchor.from, c.anchor.to].map((a) => Number(/\d+/.exec(a)![0])));
  expect(breaks[0]).toBeGreaterThan(lastFilled);
  // each chart between its own break and the next
  expect(chartRows[0][0]).toBeGreaterThanOrEqual(breaks[0]);
  expect(chartRows[0][1]).toBeLessThan(breaks[1]);
  expect(chartRows[1][0]).toBeGreaterThanOrEqual(breaks[1]);
});

test("every sheet numbers its pages and fits its wrapped headers", () => {
  for (const s of [summary, coefficients, sections]) expect(s.print?.footer?.center).toContain("&P");
  // the sections sheet's header row (在校生（前）…) is made as tall as its wrapped headers
  expect(sections.rowHeights![1]).toBeGreaterThan(ROW_HEIGHT);
});

test("对比汇总 and 学校变化 end with the lines they are signed on, as the report's tables do", () => {
  for (const sheet of [summary, sections]) {
    const text = sheet.rows
      .slice(-3)
      .flatMap((r) => r.map((c) => String(c?.value ?? "")))
      .join(" ");
    expect([sheet.name, text]).toEqual([sheet.name, expect.stringMatching(/填报单位（盖章）[\s\S]*审核人/)]);
  }
  expect(coefficients.rows.flat().some((c) => String(c?.value ?? "").includes("盖章"))).toBe(false);
});

test("the warning that the years' files are of two counties is printed in the summary, spanning it", () => {
  // the rule every host takes (workbookCounty.ts): 2026's file is of 突泉县, 2025's of 阿尔山市
  const warnings = otherCountyWarnings([
    { file: "阿尔山市2025.xlsx", label: "2025", county: "阿尔山市" },
    { file: "突泉县2026.xlsx", label: "2026", county: "突泉县" },
  ]).filter((p) => p !== null);
  expect(warnings).toHaveLength(1);
  for (const lang of ["zh", "en"] as const) {
    const [printed] = buildComparisonReport(trend, NATIONAL_2017, {
      lang,
      county: "阿尔山市",
      date: "2027-12-01",
      warnings,
    }).sheets;
    const r = rowStarting(printed, warnings[0]!.message[lang]);
    expect(r).toBeGreaterThan(0);
    expect(printed.merges).toContain(`A${r}:${lastColumn(printed)}${r}`);
    expect(printed.rows[r - 1][0]).toMatchObject({ value: warnings[0]!.message[lang], wrap: true });
  }
  // without them, no such line
  expect(summary.rows.some((row) => String(row[0]?.value ?? "").includes("突泉县"))).toBe(false);
});
