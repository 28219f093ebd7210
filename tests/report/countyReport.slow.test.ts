/**
 * The report a clerk hands to inspectors, with the county sheet filled in (docs/county.md#county-sheet): printed
 * by LibreOffice, 全部指标 is A4 landscape, one page wide, its header on every page, every item, value, evidence
 * and note on paper, the county sheet's unreadable cells listed, signed and numbered, no ### and no text under
 * 9 pt; recalculated by LibreOffice, the county verdict of 汇总 and the resources item of 全部指标 are the
 * engine's, for a county that fails many items and one that passes everything.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CountyEvaluation } from "../../src/countyVerdict";
import type { SchoolRecord } from "../../src/engine";
import type { Report } from "../../src/report/model";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import type { Grid } from "../../src/sheet/grid";
import { reportBytes } from "../../src/xlsx/report";
import { countyReport, filledCountySheet, passingCounty, passingCountySheet } from "./countySheets";
import { hasPoppler, hasSoffice, pdfPages, printToPdf, recalculatedSheets } from "./libreoffice";
import { isA4, pdfPageSizes, pdfWords, smallestTextAgainstFooter } from "./printCheck";

const describePrint = hasSoffice() && hasPoppler() ? describe : describe.skip;

interface Case {
  report: Report;
  county: CountyEvaluation;
  file: string;
}

function caseOf(dir: string, name: string, records: SchoolRecord[], sheet: Grid, county: string): Case {
  return { ...countyReport(records, sheet, county), file: join(dir, `${name}.xlsx`) };
}

/** The pages of a PDF whose page header names the table. */
const pagesOf = (pages: string[], table: string) =>
  pages.filter((text) => (text.split("\n").find((l) => l.trim() !== "") ?? "").includes(table));

/** Text without the spaces and line breaks the layout puts in. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

/**
 * Whether a cell's text is on the page, every character in order: the lines of a wrapped cell are laid out
 * among those of the cells beside it.
 */
function inOrder(page: string, text: string): boolean {
  let at = 0;
  for (const ch of squeezed(text)) {
    at = page.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

describePrint("the report with the county sheet, printed and recalculated by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-county-report-"));
  let failing: Case;
  let passing: Case;
  let pdfs: string[];
  let computed: Map<string, Map<string, string[][]>>;

  beforeAll(async () => {
    failing = caseOf(dir, "failing", sampleCountyRecords(), filledCountySheet(), "白狼县");
    passing = caseOf(dir, "passing", passingCounty(), passingCountySheet(), "阿尔山市");
    for (const c of [failing, passing]) writeFileSync(c.file, await reportBytes(c.report));
    pdfs = printToPdf([failing.file, passing.file], dir);
    computed = recalculatedSheets(
      [failing.file, passing.file],
      [failing, passing].map((c) => c.report.sheets.map((s) => s.name)),
    );
  }, 300_000);

  test("全部指标 on A4 landscape, its header on each page, every item, value, evidence and note, signed", () => {
    const pages = pdfPages(pdfs[0]);
    const items = pagesOf(pages, "县域评估全部指标");
    expect(items.length).toBeGreaterThanOrEqual(2);
    const sizes = pdfPageSizes(pdfs[0]);
    pages.forEach((text, i) => {
      expect(isA4(sizes[i])).toBe(true);
      expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
      expect(text).not.toContain("###");
    });
    for (const text of items) {
      // 涉及学校、填报行 over （单元格）: its column narrowed so that the sheet fits a page at 100 % with the widest face
      expect(text).toMatch(/部分\s+序号\s+指标\s+要求\s+值\s+状态\s+佐证材料、备注/);
      expect(text).toMatch(/涉及学校、填报行[\s\S]*（单元格）/);
      const at = pages.indexOf(text);
      expect(sizes[at][0]).toBeGreaterThan(sizes[at][1]);
    }
    const all = squeezed(items.join("\n"));
    // each item by its title, with the whole of the long values and of what the clerk wrote beside them
    for (const entry of failing.county.verdict.guarantee) expect(all).toContain(squeezed(entry.title.zh));
    for (const entry of failing.county.verdict.quality) expect(all).toContain(squeezed(entry.title.zh));
    for (const text of [
      "核查 36 个学校（校区），不达标学校 2 所，缺数据学校 0 所；大班额 1，超大班额 0",
      "《白狼县中小学布局规划（2021—2030）》县政府常务会议纪要",
      "备注：2025年数据，4所村小按100人核定",
    ])
      expect([text, inOrder(all, text)]).toEqual([text, true]);
    // the county sheet's cells that could not be read, named
    expect(all).toContain("县级指标表的问题（2条）");
    expect(all).toMatch(/县级指标!E15错误保障11-1：“全部”不是数值/);
    // the signature lines close the table
    expect(items[items.length - 1]).toMatch(/填报单位（盖章）/);
    expect(items[items.length - 1]).toMatch(/填报日期/);
  });

  test("no text under 9 pt", () => {
    for (const pdf of pdfs)
      expect(smallestTextAgainstFooter(pdfWords(pdf), /^第$/)).toBeGreaterThanOrEqual(0.98);
  });

  test("the county verdict and the resources item recompute to the engine's, failing and passing", () => {
    for (const c of [failing, passing]) {
      const sheets = computed.get(c.file)!;
      const summary = c.report.sheets.find((s) => s.key === "summary")!;
      const items = c.report.sheets.find((s) => s.key === "allItems")!;
      const word = (pass: boolean) => (pass ? "达标" : "不达标");
      // 汇总: the row of the county's verdict, its formula's value as LibreOffice computed it
      const verdictRow = summary.rows.findIndex((row) =>
        String(row[0]?.value ?? "").startsWith("县域综合结论"),
      );
      const verdictColumn = summary.rows[verdictRow].findIndex((cell) => cell?.formula);
      expect(sheets.get(summary.name)![verdictRow][verdictColumn]).toBe(word(c.county.verdict.countyPass));
      const resourcesRow = items.rows.findIndex((row) => row[0]?.value === "资源配置");
      const resourcesColumn = items.rows[resourcesRow].findIndex((cell) => cell?.formula);
      expect(sheets.get(items.name)![resourcesRow][resourcesColumn]).toBe(
        word(c.county.verdict.resourcesPass === true),
      );
    }
    expect(failing.county.verdict.countyPass).toBe(false);
    expect(passing.county.verdict.countyPass).toBe(true);
  });
});
