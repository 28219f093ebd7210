/**
 * The margin a page printed at 100 % keeps (src/report/paperWidth.ts, PAGE_WIDTH_SPARE): every sheet of the report
 * split between column groups rather than fitted to the page's width (达标情况) has each page across within the
 * printable width less the margin, its columns counted at their widest — Excel's own width with 宋体, or
 * LibreOffice's with the widest face that may stand in for 宋体. The slow print test measures the same pages in
 * LibreOffice's PDF.
 */
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { PAGE_WIDTH_SPARE, pagesAcross } from "../../src/report/paperWidth";
import { REPORT_FONT, fontSizeOf } from "../../src/report/look";
import { pageWidth } from "../../src/report/pages";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { gridOf, randomCounty } from "../excel/county";
import { columnPoints } from "./printCheck";

function reportOf(records: Parameters<typeof gridOf>[0], lang: "zh" | "en"): Report {
  const result = evaluateTable(gridOf(records));
  return buildReport(
    { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: result.problems },
    { lang, sourceRange: "学校!A1:AA40", date: "2026-11-28", county: "科尔沁右翼前旗", year: "2026" },
  );
}

const long = randomCounty(40, 9).map((r, i) => ({
  ...r,
  name: `科尔沁右翼前旗额尔格图镇中心小学（东校区）${i}`,
}));

test.each([
  ["the sample county", sampleCountyRecords(), "zh"],
  ["the sample county in English", sampleCountyRecords(), "en"],
  ["a county of long names", long, "zh"],
] as const)("%s: each page across of a sheet at 100 %% keeps its margin", (_, records, lang) => {
  const atFull = reportOf(records, lang).sheets.filter((s) => s.print && !s.print.fitToWidth);
  // 学校数据 too: fitted to one page wide, its text would print under 9 pt with the widest face
  expect(atFull.map((s) => s.key)).toEqual(["compliance", "schoolData"]);
  for (const sheet of atFull) {
    const widths = sheet.columnWidths!;
    const print = sheet.print!;
    const pages = pagesAcross(widths, print);
    expect(pages.length).toBe((print.columnBreaks?.length ?? 0) + 1);
    for (const w of pages) expect(w).toBeLessThanOrEqual(pageWidth(print) * (1 - PAGE_WIDTH_SPARE));
    // the widest is never narrower than Excel's own width with 宋体, page by page
    const edges = [0, ...(print.columnBreaks ?? []), widths.length];
    const [t0, t1] = print.titleColumns ?? [0, -1];
    edges.slice(1).forEach((end, k) => {
      let excel = 0;
      for (let c = edges[k]; c < end; c++) excel += columnPoints(widths[c]);
      if (k > 0) for (let c = t0; c <= t1; c++) excel += columnPoints(widths[c]);
      expect(pages[k]).toBeGreaterThanOrEqual(excel);
    });
  }
});

/**
 * A cell's text as its number format shows it, for the formats of the standards row: "≥" then the number with
 * the format's decimals, grouped by thousands where the format says #,##0.
 */
function shown(value: number, format: string): string {
  const body = format.replace(/^"≥"/, "");
  const decimals = /\.(0+)/.exec(body)?.[1].length ?? 0;
  const text = body.includes(",")
    ? value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
  return `${format.startsWith('"≥"') ? "≥" : ""}${text}`;
}

test("each standard's 85 % floor fits its status column in 宋体 with no padding, as LibreOffice and WPS draw it", () => {
  const compliance = reportOf(sampleCountyRecords(), "zh").sheets.find((s) => s.key === "compliance")!;
  const floors = compliance.rows.flatMap((row) =>
    row.flatMap((cell, c) => (cell?.format?.startsWith('"≥"') ? [{ cell, c }] : [])),
  );
  // two levels, seven indicators each
  expect(floors).toHaveLength(14);
  for (const { cell, c } of floors) {
    const text = shown(cell.value as number, cell.format!);
    const size = fontSizeOf(cell.style);
    // 宋体: ≥ a full em, digits and punctuation half of one; the column: its characters at 10 pt's half em, less 2 pt
    const needed = [...text].reduce((w, ch) => w + (ch === "≥" ? size : size / 2), 0);
    const room = compliance.columnWidths![c] * (REPORT_FONT.size / 2) - 2;
    expect([text, needed <= room]).toEqual([text, true]);
  }
});
