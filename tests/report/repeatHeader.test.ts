/**
 * A sheet of several tables that each run on over pages (汇总's items and shortfalls, a plan's teachers, buildings
 * and schools, 对比汇总's school changes): a spreadsheet repeats one set of title rows on every page, so each
 * other table gets a copy of its header, after a page break, at the top of each page it runs on to. The copies
 * move the rows under them: every formula of the sheet still points at the rows it did, and the sheet's totals
 * still add up.
 */
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { ReportCell, ReportSheet } from "../../src/report/model";
import { planSheet } from "../../src/report/planSheets";
import { SheetBuilder } from "../../src/report/print";
import { shiftFormula } from "../../src/report/shiftFormula";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { gridOf } from "../excel/county";
import { manyCounties } from "./manyCounties";

const text = (cells: readonly (ReportCell | undefined)[]) => cells.map((c) => String(c?.value ?? ""));

/** The rows (1-based) that are a copy of the header row `header`, past it. */
function copiesOf(sheet: ReportSheet, header: number): number[] {
  const want = JSON.stringify(text(sheet.rows[header - 1]));
  return sheet.rows.flatMap((cells, i) =>
    i + 1 > header && JSON.stringify(text(cells)) === want ? [i + 1] : [],
  );
}

test("a reference to a row of the sheet's own moves with it; other sheets' and quoted text do not", () => {
  expect(shiftFormula("=D12*F12", 10, 1)).toBe("=D13*F13");
  expect(shiftFormula("=D9*F9", 10, 1)).toBe("=D9*F9");
  expect(shiftFormula("=SUM(G5:G40)", 30, 2)).toBe("=SUM(G5:G42)");
  expect(shiftFormula("=SUM($G$31:$G$40)", 30, 2)).toBe("=SUM($G$33:$G$42)");
  expect(shiftFormula('=COUNTIF(达标情况!$V$7:$V$26,"达标")+B31', 10, 1)).toBe(
    '=COUNTIF(达标情况!$V$7:$V$26,"达标")+B32',
  );
  expect(shiftFormula("='达标情况 (2)'!G17&\"A12\"&H12", 10, 3)).toBe("='达标情况 (2)'!G17&\"A12\"&H15");
  expect(shiftFormula("=LOG10(A11)+ROUND(B11,2)", 10, 1)).toBe("=LOG10(A12)+ROUND(B12,2)");
});

test("a table running on over pages gets its header at the top of each, after a page break", () => {
  const b = new SheetBuilder([10, 10]);
  b.push([{ value: "标题", style: "title" }], 30);
  const first = b.push([
    { value: "学校", style: "header" },
    { value: "数量", style: "header" },
  ]);
  for (let k = 1; k <= 120; k++) b.push([{ value: `学校${k}` }, { value: k }]);
  const total = b.push([{ value: "合计" }, { formula: `=SUM(B${first + 1}:B${b.next - 1})`, value: 7260 }]);
  b.border(first, 0, total, 1);
  b.repeatHeader(first, first, total);
  const second = b.push([
    { value: "序号", style: "header" },
    { value: "项目", style: "header" },
  ]);
  for (let k = 1; k <= 60; k++) b.push([{ value: k }, { value: `项目${k}` }]);
  b.repeatHeader(second, second, b.next - 1);
  const sheet = b.sheet({
    key: "summary",
    name: "汇总",
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
  });
  // 180 rows of 15 pt (2,700 pt): four pages at least, each after the first starting with a header
  const copies = [...copiesOf(sheet, first), ...copiesOf(sheet, b.rowOf(second))];
  expect(copies.length).toBeGreaterThanOrEqual(3);
  expect(sheet.print!.rowBreaks).toEqual(expect.arrayContaining(copies));
  // the copies sit inside their tables, never under the first's total
  const totalRow = b.rowOf(total);
  expect(copiesOf(sheet, first).every((r) => r < totalRow)).toBe(true);
  expect(sheet.rows[totalRow - 1][0]?.value).toBe("合计");
  // the total adds the same 120 rows as before, the copies of its header (text) among them
  const sum = /^=SUM\(B(\d+):B(\d+)\)$/.exec(sheet.rows[totalRow - 1][1]!.formula!)!;
  expect(Number(sum[1])).toBe(first + 1);
  expect(Number(sum[2])).toBe(totalRow - 1);
  const numbers = sheet.rows
    .slice(Number(sum[1]) - 1, Number(sum[2]))
    .map((cells) => cells[1]?.value)
    .filter((v) => typeof v === "number");
  expect(numbers).toEqual(Array.from({ length: 120 }, (_, k) => k + 1));
  // the border runs to the moved total
  expect(sheet.borders![0]).toBe(`A${first}:B${totalRow}`);
});

test("a plan of many additions: its teachers' and buildings' tables repeat their headers, costs add up", async () => {
  const records = manyCounties(12);
  const plan = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS);
  const sheet = planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh", {
    title: { county: "白狼县", year: "2026" },
  });
  const headers = sheet.rows.flatMap((cells, i) => (cells[0]?.value === "学校" ? [i + 1] : []));
  const breaks = sheet.print!.rowBreaks ?? [];
  // the breaks inside the two tables of additions (from the header to the total) each start a header's copy
  const totals = sheet.rows.flatMap((cells, i) =>
    cells.some((c) => c?.formula?.startsWith("=SUM(")) ? [i + 1] : [],
  );
  // each table from its first header (the first after the table before it) to its total
  const tables = totals.map((t, k) => [headers.find((h) => h > (totals[k - 1] ?? 0)) ?? t, t]);
  const inside = breaks.filter((r) => tables.some(([h, t]) => r > h && r < t));
  expect(inside.length).toBeGreaterThanOrEqual(2);
  for (const r of inside) expect([r, sheet.rows[r - 1][0]?.value]).toEqual([r, "学校"]);
  expect(inside.map((r) => sheet.rows[r - 1][1]?.value)).toEqual(expect.arrayContaining(["学段", "范围"]));
  expect(headers.length).toBeGreaterThan(3);
  // each cost is its own row's amount times its unit cost; each total adds its table's rows
  const formulas = sheet.rows.flatMap((cells, i) =>
    cells.flatMap((c) => (c?.formula ? [{ row: i + 1, formula: c.formula, value: c.value }] : [])),
  );
  const costs = formulas.filter((f) => /^=D\d+\*F\d+$/.test(f.formula));
  expect(costs.length).toBe(plan.additions.length);
  for (const f of costs) expect(f.formula).toBe(`=D${f.row}*F${f.row}`);
  const sums = formulas.filter((f) => f.formula.startsWith("=SUM("));
  expect(sums.length).toBe(2);
  for (const s of sums) {
    const [, a, b] = /^=SUM\(G(\d+):G(\d+)\)$/.exec(s.formula)!.map(Number);
    expect(b).toBe(s.row - 1);
    const inRange = costs.filter((c) => c.row >= a && c.row <= b);
    const total = inRange.reduce((t, c) => t + (c.value as number), 0);
    expect(Math.abs(total - (s.value as number))).toBeLessThan(1e-9 * Math.max(1, total));
  }
  expect(costs.filter((c) => sums.some((s) => c.row < s.row)).length).toBe(costs.length);
  // the totals below point at the tables' totals
  for (const f of formulas.filter((f) => /^=G\d+$/.test(f.formula)))
    expect(sums.map((s) => s.row)).toContain(Number(f.formula.slice(2)));
});

test("汇总 of a county failing everywhere: the items' header heads each page; the resources cell still holds the verdict", () => {
  const records = manyCounties(4).map((r) => ({
    ...r,
    facilities: { ...r.facilities, teachingArea: r.facilities.teachingArea / 3 },
  }));
  const result = evaluateTable(gridOf(records));
  const report = buildReport(
    { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: result.problems },
    { lang: "zh", sourceRange: "学校!A1:AA200", date: "2026-11-28", county: "白狼县", year: "2026" },
  );
  const summary = report.sheets.find((s) => s.key === "summary")!;
  const breaks = summary.print!.rowBreaks ?? [];
  const itemsHeader = summary.rows.findIndex((cells) => cells[0]?.value === "序号") + 1;
  const shortfallHeader = summary.rows.findIndex((cells) => cells[0]?.value === "学校") + 1;
  const copies = [...copiesOf(summary, itemsHeader), ...copiesOf(summary, shortfallHeader)];
  expect(copiesOf(summary, itemsHeader).length).toBeGreaterThanOrEqual(2);
  expect(copiesOf(summary, shortfallHeader).length).toBeGreaterThanOrEqual(1);
  expect(breaks).toEqual(expect.arrayContaining(copies));
  // the verdict row of 资源配置 is where the verdict formula is
  const verdict = summary.rows.findIndex((cells) => cells[0]?.value === "资源配置结论");
  expect(summary.rows[verdict][7]?.formula).toMatch(/^=IF\(/);
  expect(verdict + 1).toBeLessThan(itemsHeader);
});

test("a row of a table taller than a page leaves with its header's copy: the sheet is built, a copy a page", () => {
  const b = new SheetBuilder([10, 10]);
  const first = b.push([
    { value: "学校", style: "header" },
    { value: "说明", style: "header" },
  ]);
  for (let k = 1; k <= 60; k++) b.push([{ value: `学校${k}` }, { value: k }]);
  // a row as tall as a whole page: under the header's copy it fits no page, and a copy above it would only move it
  // on again
  b.push([{ value: "学校61" }, { value: 61 }], 800);
  for (let k = 62; k <= 120; k++) b.push([{ value: `学校${k}` }, { value: k }]);
  b.repeatHeader(first, first, b.next - 1);
  const sheet = b.sheet({ key: "summary", name: "汇总", print: { orientation: "portrait", paper: "A4" } });
  // every school once, in order, among at most one copy of the header a page (8 pages at the very most)
  const schools = sheet.rows.flatMap((cells) =>
    typeof cells[0]?.value === "string" && cells[0].value.startsWith("学校") && cells[0].value !== "学校"
      ? [cells[0].value]
      : [],
  );
  expect(schools).toEqual(Array.from({ length: 120 }, (_, k) => `学校${k + 1}`));
  const copies = copiesOf(sheet, first);
  expect(copies.length).toBeGreaterThanOrEqual(1);
  expect(copies.length).toBeLessThanOrEqual(8);
});

test("a signed sheet whose last block fits no page under its table's header copy: lines together, no empty page", () => {
  // a table of 40 schools, its header (51 pt) copied to each page it runs on to, then `n` lines of notes and the
  // signature: the block of the table's last rows, the notes and the signature (87 + 18n pt) fits a page under the
  // copy up to 32 notes, and no page past 35. At each length the sheet is built, every page holds a row other than a
  // header's copy, and the signature's lines print on one page (they were cut apart at 32 and 33)
  const alone: number[] = [];
  for (let n = 0; n <= 40; n++) {
    const b = new SheetBuilder([20, 20, 20]);
    b.push([{ value: "标题", style: "title" }], 30);
    const top = b.push(
      ["学校", "项目", "需增加"].map((value): ReportCell => ({ value, style: "header" })),
      51,
    );
    for (let k = 1; k <= 40; k++) b.push([{ value: `学校${k}` }, { value: "项目" }, { value: k }]);
    b.border(top, 0, b.next - 1, 2);
    b.repeatHeader(top, top, b.next - 1);
    b.spacer();
    for (let k = 1; k <= n; k++) b.push([{ value: `说明${k}`, style: "note" }], 18);
    b.signature("zh", 2);
    const sheet = b.sheet({ key: "summary", name: "汇总", print: { orientation: "portrait", paper: "A4" } });
    const copies = new Set(copiesOf(sheet, top));
    const starts = sheet.print!.rowBreaks ?? [];
    const firsts = [1, ...starts];
    const pages = firsts.map((first, k) => [first, (firsts[k + 1] ?? sheet.rows.length + 1) - 1]);
    const lines = sheet.rows.flatMap((cells, i) =>
      cells.some((c) => c?.style === "signature") ? [i + 1] : [],
    );
    const pageOf = (r: number) => pages.findIndex(([a, z]) => a <= r && r <= z);
    if (new Set(lines.map(pageOf)).size > 1) alone.push(n);
    // a page of nothing but a header's copy, or of nothing at all
    const bare = pages.filter(([a, z]) => {
      for (let r = a; r <= z; r++)
        if (!copies.has(r) && sheet.rows[r - 1].some((c) => c?.value !== null && c?.value !== undefined))
          return false;
      return true;
    });
    expect([n, bare]).toEqual([n, []]);
    expect([n, starts]).toEqual([n, [...new Set(starts)].sort((x, y) => x - y)]);
  }
  expect(alone).toEqual([]);
});
