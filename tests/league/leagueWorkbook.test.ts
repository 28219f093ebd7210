/**
 * The league workbook's summary sheet as it prints (src/report/league.ts): long notes across the table and as tall
 * as their text, a clerk's long file names wrapped rather than cut off, the charts on a page of their own, and a
 * county given in two files told apart in the coefficient tables and on the charts' axes.
 */
import ExcelJS from "exceljs";
import { evaluate } from "../../src/engine";
import { leagueSummary, type LeagueCountyInput } from "../../src/engine/league";
import { buildLeagueReport } from "../../src/report/league";
import type { ReportSheet } from "../../src/report/model";
import { ROW_HEIGHT } from "../../src/report/print";
import { columnLetters } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { reportBytes } from "../../src/xlsx/report";
import { primarySchool } from "./records";

const county = (file: string, name: string, fileYear: number | null, ok = true): LeagueCountyInput => ({
  file,
  county: name,
  evaluation: ok
    ? evaluate(
        [primarySchool("甲小学", 400), primarySchool("乙小学", 600, { sportsArea: 0.8 })],
        NATIONAL_2017,
      )
    : null,
  verdict: null,
  schools: ok ? 2 : 0,
  targetYear: 2028,
  fileYear,
});

const inputs = [
  county("league/乌兰浩特市（2025年）学校统计表.xlsx", "乌兰浩特市", 2025),
  county("league/突泉县2024.xlsx", "突泉县", 2024),
  county("league/突泉县2025.xlsx", "突泉县", 2025),
  county("league/科右中旗2025年学校统计表.xlsx", "科右中旗", 2025, false),
];
const summary = leagueSummary(inputs, 2025);
const report = buildLeagueReport(
  {
    summary,
    details: inputs.map((i) => ({ evaluation: i.evaluation, problems: [] })),
    profile: NATIONAL_2017,
  },
  { lang: "zh", date: "2025-12-01" },
);
const sheet = report.sheets[0];

/**
 * A row's first cell holding something: a line across the table starts right of the county's and the file's
 * columns, which print again on each of the sheet's pages across.
 */
const firstOf = (row: ReportSheet["rows"][number]) => row.find((c) => c?.value != null && c.value !== "");
/** The 1-based row whose first text starts with `text`. */
const rowOf = (s: ReportSheet, text: string) =>
  s.rows.findIndex((r) => {
    const value = firstOf(r)?.value;
    return typeof value === "string" && value.startsWith(text);
  }) + 1;

test("the at-risk rule and the line of the counties' years span the table and are as tall as their text", () => {
  // too wide for one page legibly, the sheet prints on pages across, the county and its file on each: a line
  // across the table spans the first page's columns right of them
  const [, names] = sheet.print!.titleColumns!;
  const pageEnd = sheet.print!.columnBreaks![0] - 1;
  for (const text of ["判定规则", "历年文件：突泉县（2024、2025 年）"]) {
    const r = rowOf(sheet, text);
    expect(r).toBeGreaterThan(0);
    expect(sheet.rows[r - 1][names + 1]?.value).toMatch(new RegExp(`^${text}`));
    expect(sheet.merges).toContain(`${columnLetters(names + 1)}${r}:${columnLetters(pageEnd)}${r}`);
  }
  // the rule wraps onto two lines even across the whole table
  expect(sheet.rowHeights![rowOf(sheet, "判定规则") - 1]).toBeGreaterThan(ROW_HEIGHT);
});

test("a long file name is wrapped in its cell, its row made tall enough, not cut off", () => {
  const r = sheet.rows.findIndex((row) => row[1]?.value === "乌兰浩特市（2025年）学校统计表.xlsx");
  expect(sheet.rows[r][1].wrap).toBe(true);
  expect(sheet.rowHeights![r]).toBeGreaterThan(ROW_HEIGHT);
});

test("the charts start on a page of their own, below every row of the tables", () => {
  // the first break past the tables; those before it keep a table whole on a page, those after it start each
  // chart after the first on a page of its own
  const breaks = sheet.print?.rowBreaks ?? [];
  const lastFilled = sheet.rows.reduce((n, row, i) => (row.some((c) => c?.value != null) ? i + 1 : n), 0);
  const chartsFrom = breaks.find((r) => r > lastFilled)!;
  expect(chartsFrom).toBeGreaterThan(lastFilled);
  expect(sheet.charts).toHaveLength(2);
  const tops = sheet.charts!.map((chart) => Number(/\d+/.exec(chart.anchor.from)![0]));
  for (const top of tops) expect(top).toBeGreaterThan(chartsFrom);
  expect(breaks.filter((r) => r > lastFilled)).toEqual([chartsFrom, tops[1]]);
  expect(sheet.print?.footer?.center).toContain("&P");
});

test("one county from two files is told apart by the files' years; an unread file has no row", () => {
  const primary = rowOf(sheet, "各旗县市小学差异系数") + 2;
  const labels = sheet.rows.slice(primary - 1, primary + 2).map((r) => r[0].value);
  // in the summary's order: the counted lines, then the earlier year
  expect(labels).toEqual(["乌兰浩特市", "突泉县（2025）", "突泉县（2024）"]);
  expect(sheet.charts![0].categories).toBe(`A${primary}:A${primary + 2}`);
});

test("the county sheets of one county from two files are named by the files' years", () => {
  expect(report.sheets.map((s) => s.name)).toEqual([
    "盟市汇总",
    "乌兰浩特市",
    "突泉县（2025）",
    "科右中旗",
    "突泉县（2024）",
  ]);
});

test("the counted line of each county first, then the earlier years under a heading; the years in one line after", () => {
  const header = rowOf(sheet, "旗县市");
  const countyRows = (from: number, to: number) =>
    sheet.rows.slice(from, to - 1).map((r) => `${r[0]?.value}:${r[1]?.value}`);
  const heading = rowOf(sheet, "历年及未计入的文件");
  expect(heading).toBeGreaterThan(header);
  expect(countyRows(header, heading)).toEqual([
    "乌兰浩特市:乌兰浩特市（2025年）学校统计表.xlsx",
    "突泉县:突泉县2025.xlsx",
    "科右中旗:科右中旗2025年学校统计表.xlsx",
  ]);
  expect(firstOf(sheet.rows[heading - 1])?.value).toBe(
    "历年及未计入的文件（不计入全盟的薄弱指标、按期达标风险和方案合计）",
  );
  const years = rowOf(sheet, "历年文件：");
  expect(countyRows(heading, years)).toEqual(["突泉县:突泉县2024.xlsx"]);
  // nothing of the repeated county above the table: a folder of years is no problem
  expect(sheet.rows.slice(0, header - 1).filter((r) => String(r[0]?.value ?? "").includes("突泉县"))).toEqual(
    [],
  );
  expect(firstOf(sheet.rows[years - 1])?.value).toBe(
    "历年文件：突泉县（2024、2025 年），每个旗县市只计最新一年，其余列在“历年及未计入的文件”下，逐年变化见“逐年情况”",
  );
});

test("two files of one year for a county stay a warning above the table, naming both files", () => {
  const copies = [...inputs, county("league/突泉县2025(副本).xlsx", "突泉县", 2025)];
  const twice = buildLeagueReport(
    {
      summary: leagueSummary(copies, 2025),
      details: copies.map((i) => ({ evaluation: i.evaluation, problems: [] })),
      profile: NATIONAL_2017,
    },
    { lang: "zh", date: "2025-12-01" },
  ).sheets[0];
  const warning = rowOf(twice, "突泉县 2025 年有 2 个文件");
  expect(warning).toBeGreaterThan(0);
  expect(warning).toBeLessThan(rowOf(twice, "旗县市"));
  expect(firstOf(twice.rows[warning - 1])?.style).toBe("warn");
  const text = String(firstOf(twice.rows[warning - 1])?.value);
  expect(text).toContain("“突泉县2025.xlsx”");
  expect(text).toContain("“突泉县2025(副本).xlsx”");
  expect(text).toContain("只计入“突泉县2025(副本).xlsx”");
});

test("a page header that starts with a year keeps its year (&9 and 2025 would read as a size of 92025)", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await reportBytes(report)) as unknown as ArrayBuffer);
  const header = book.worksheets[0].headerFooter.oddHeader ?? "";
  expect(header).toContain("2025 年");
  expect(header).not.toMatch(/&\d+2025/);
});

test("a county sheet shows no coefficients of a level without sections, and that level passes as deemed", () => {
  // 乌兰浩特市 has two primary schools and no junior one: the standard counts its junior level as passing with
  // nothing to compare, so its sheet lists the 7 primary coefficients alone and says the junior level is deemed
  const countySheet = report.sheets.find((s) => s.name === "乌兰浩特市")!;
  const cvHeader = countySheet.rows.findIndex((r) => r[0]?.value === "指标" && r[2]?.value === "差异系数");
  expect(cvHeader).toBeGreaterThan(0);
  // the table's rows: those under its header up to the first without a level (the failing schools follow)
  const below = countySheet.rows.slice(cvHeader + 1);
  const end = below.findIndex((r) => r[1]?.value !== "小学" && r[1]?.value !== "初中");
  const levelsOfCv = below.slice(0, end).map((r) => r[1].value);
  expect(levelsOfCv).toEqual(Array(7).fill("小学"));
  const junior = countySheet.rows.find((r) => r[0]?.value === "初中" && typeof r[1]?.value === "number")!;
  // sections 0, passing 0, students 0; no coefficient to be within the limit; deemed to pass
  expect(junior.slice(1, 6).map((c) => c.value)).toEqual([0, 0, 0, "—", "视为达标"]);
});

test("the sheets of one county's two years are titled and headed with the year, as their tabs are named", () => {
  // printed, the sheets of 突泉县 2024 and 2025 would otherwise carry the same title and page header
  for (const year of [2024, 2025]) {
    const label = `突泉县（${year}）`;
    const yearSheet = report.sheets.find((s) => s.name === label)!;
    expect(yearSheet.rows[0][0].value).toBe(`${label} 义务教育优质均衡发展评估结果`);
    expect(yearSheet.print?.header?.left).toContain(label);
  }
  // a county given once keeps its plain name
  const once = report.sheets.find((s) => s.name === "乌兰浩特市")!;
  expect(once.rows[0][0].value).toBe("乌兰浩特市 义务教育优质均衡发展评估结果");
});

test("the signature's lines on the summary's first page across break between fields, never inside one", () => {
  // the summary prints on pages across: its signature spans the first page's columns right of the county and the
  // file (C..H, 10 + 12 + 12 + 12 + 10 + 10 = 66 characters wide). 审核人 (8 + 12), 联系电话 (10 + 14) and
  // 填报日期 (10 + 16) with two gaps of 4 take 78: the date would be cut, 填报日期：＿＿年＿＿月 on one line, ＿＿日 on the next
  const signature = sheet.rows.flatMap((row, i) =>
    row.flatMap((c, j) =>
      c?.style === "signature" ? [{ text: String(c.value), row: i + 1, column: j }] : [],
    ),
  );
  expect(signature).toHaveLength(2);
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
  const fields = [
    "填报单位（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿",
    "填表人：＿＿＿＿＿＿",
    "审核人：＿＿＿＿＿＿",
    "联系电话：＿＿＿＿＿＿＿",
    "填报日期：＿＿年＿＿月＿＿日",
  ];
  const lines = signature.flatMap((s) => s.text.split("\n").map((line) => line.trim()));
  for (const field of fields) expect(lines.filter((line) => line.includes(field))).toHaveLength(1);
  for (const s of signature) {
    const merge = sheet.merges!.find((m) => m.startsWith(`${columnLetters(s.column)}${s.row}:`))!;
    const end = /^([A-Z]+)/.exec(merge.split(":")[1])![1];
    let room = 0;
    for (let c = s.column; c <= columnIndexOf(end); c++) room += sheet.columnWidths![c];
    expect(room).toBe(66);
    for (const line of s.text.split("\n")) expect([line, width(line) <= room]).toEqual([line, true]);
  }
});

/** The 0-based column of a column's letters (A is 0). */
function columnIndexOf(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

test("each chart fills most of its landscape page, so that fourteen counties' bars can be read", () => {
  // a landscape A4 page prints 595.28 − 2 × 0.6 × 72 = 508.88 pt; under the 30-pt title row repeated on it, a
  // chart of rows of 15 pt taking at least 70 % of the page (356.2 pt) is at least 24 rows, and at most
  // (508.88 × 0.96 − 30) / 15 = 30.5 rows to stay on its page with some to spare
  expect(sheet.rowHeights![0]).toBe(30);
  for (const chart of sheet.charts!) {
    const from = Number(/\d+/.exec(chart.anchor.from)![0]);
    const to = Number(/\d+/.exec(chart.anchor.to)![0]);
    for (let r = from; r < to; r++) expect(sheet.rowHeights![r - 1] ?? 15).toBe(15);
    expect(to - from).toBeGreaterThanOrEqual(24);
    expect(to - from).toBeLessThanOrEqual(30);
  }
});

test("the at-risk table ends at the first page's edge with its reason: no empty boxes on the page across", () => {
  // 突泉县 due in 2025 and not passing: at risk. Its reason spans the rest of the first page across; past the page's
  // edge the table has nothing, and a bordered, shaded box there would print a page of empty cells
  const due = [county("league/突泉县2025.xlsx", "突泉县", 2025)].map((c) => ({ ...c, targetYear: 2025 }));
  const risky = buildLeagueReport(
    {
      summary: leagueSummary(due, 2025),
      details: due.map((i) => ({ evaluation: i.evaluation, problems: [] })),
      profile: NATIONAL_2017,
    },
    { lang: "zh", date: "2025-12-01" },
  ).sheets[0];
  const header = rowOf(risky, "可能无法按期达标的旗县市") + 1;
  expect(risky.rows[header - 1][0].value).toBe("旗县市");
  expect(risky.rows[header][3].value).toBe("目标年份已到，尚未达标");
  const pageEnd = risky.print!.columnBreaks![0] - 1;
  const border = risky.borders!.find((b) => new RegExp(`^A${header}:`).test(b))!;
  expect(border).toBe(`A${header}:${columnLetters(pageEnd)}${header + 1}`);
  for (const r of [header, header + 1])
    for (let c = pageEnd + 1; c < risky.columnWidths!.length; c++) {
      const x = risky.rows[r - 1][c];
      expect([r, c, x?.value ?? null, x?.style ?? null]).toEqual([r, c, null, null]);
    }
});
