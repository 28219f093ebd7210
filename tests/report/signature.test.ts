/**
 * The lines a table is signed on never print alone on a page: the table's last rows go with them. Every page of
 * a signed sheet ends where the page model worked it out to, with a break the spreadsheet keeps, so that a
 * spreadsheet whose pages hold more (LibreOffice's) does not run the table on and leave the signature under
 * nothing but the repeated header. Where the table's last rows, what follows them and the signature fit on no page
 * together (扎鲁特旗's 汇总 from the statistics export), the signature's lines still print together. No page ends
 * with a section's heading. The heading of the schools not evaluated holds on one line in the columns the
 * facilities' page repeats.
 */
import { fontSizeOf } from "../../src/report/look";
import type { ReportSheet } from "../../src/report/model";
import { pageLayout } from "../../src/report/pages";
import { ROW_HEIGHT, ROWS_WITH_SIGNATURE, SheetBuilder, wrappedLines } from "../../src/report/print";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { randomCounty } from "../excel/county";
import { countyReport, filledCountySheet } from "./countySheets";
import { manyCounties } from "./manyCounties";
import { exportSummary } from "./exportSummary";
import { pageStartsIn } from "./printCheck";

const heightOf = (sheet: ReportSheet) => (r: number) => sheet.rowHeights?.[r - 1] ?? ROW_HEIGHT;

/** The pages of a sheet (1-based first and last rows) as its page set-up, breaks and all, lays them out. */
function pagesOf(sheet: ReportSheet, print = sheet.print!): [number, number][] {
  const { starts } = pageLayout(print, sheet.rows.length, heightOf(sheet), []);
  const firsts = [1, ...starts];
  return firsts.map((first, k) => [first, (firsts[k + 1] ?? sheet.rows.length + 1) - 1]);
}

/** Rows (1-based) inside a bordered range of the sheet. */
function tableRows(sheet: ReportSheet): Set<number> {
  const rows = new Set<number>();
  for (const range of sheet.borders ?? []) {
    const [r0, r1] = range.split(":").map((end) => Number(/\d+$/.exec(end)![0]));
    for (let r = r0; r <= r1; r++) rows.add(r);
  }
  return rows;
}

const firstSignatureRow = (sheet: ReportSheet) =>
  sheet.rows.findIndex((cells) => cells.some((cell) => cell?.style === "signature")) + 1;

/** Rows of a bordered table, past the repeated title rows, on the page of the signature's first line. */
function tableRowsWithSignature(sheet: ReportSheet): number {
  const signature = firstSignatureRow(sheet);
  const [first] = pagesOf(sheet).find(([a, b]) => a <= signature && signature <= b)!;
  const [, t1] = sheet.print?.titleRows ?? [0, 0];
  const table = tableRows(sheet);
  let n = 0;
  for (let r = Math.max(first, t1 + 1); r < signature; r++) if (table.has(r)) n++;
  return n;
}

/** A table of `n` rows of 15 pt under a title, then its signature. */
function signedTable(n: number): ReportSheet {
  const b = new SheetBuilder([30, 30, 30]);
  b.title("白狼县 2026 年义务教育优质均衡发展 测试表", 2);
  const header = b.push([
    { value: "学校", style: "header" },
    { value: "项目", style: "header" },
    { value: "值", style: "header" },
  ]);
  for (let k = 1; k <= n; k++) b.push([{ value: `学校${k}` }, { value: "项目" }, { value: k }]);
  b.border(header, 0, b.next - 1, 2);
  b.signature("zh", 2);
  return b.sheet({
    key: "summary",
    name: "测试",
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, titleRows: [header, header] },
  });
}

test("a table whose last page would hold only its signature takes its last rows onto that page", () => {
  // the number of rows that fill the first page to just above where the signature's lines would start
  let alone: ReportSheet | null = null;
  for (let n = 20; n <= 80 && !alone; n++) {
    const sheet = signedTable(n);
    const plain = pagesOf(sheet, { ...sheet.print!, rowBreaks: [] });
    const signature = firstSignatureRow(sheet);
    // as the spreadsheet pages it by itself: a page starts between the table's end and its signature
    if (plain.some(([first]) => first > signature - 3 && first <= signature)) alone = sheet;
  }
  expect(alone).not.toBeNull();
  expect(tableRowsWithSignature(alone!)).toBeGreaterThanOrEqual(ROWS_WITH_SIGNATURE);
});

test("every page of a signed sheet ends at a break the sheet sets, where the page model ends it", () => {
  const sheet = signedTable(120);
  const starts = pagesOf(sheet).map(([first]) => first);
  expect(starts.length).toBeGreaterThanOrEqual(3);
  expect(sheet.print!.rowBreaks).toEqual(starts.slice(1));
});

describe("the county report of counties small and large", () => {
  const reports = [
    countyReport(sampleCountyRecords(), filledCountySheet()).report,
    countyReport(sampleCountyRecords(), null).report,
    countyReport(manyCounties(3), filledCountySheet()).report,
    countyReport(randomCounty(57, 7), filledCountySheet(), "某某某某某某自治县").report,
  ];
  // 全部指标 of county sheets with evidence of many lengths: its rows of many heights end its pages anywhere
  for (let v = 0; v < 24; v++) {
    const sheet = filledCountySheet();
    sheet.values.forEach((row, i) => {
      if (i > 0 && i % (2 + (v % 5)) === 0) row[5] = "佐证材料".repeat(1 + ((v * 7 + i) % 9));
    });
    const { report } = countyReport(sampleCountyRecords(), sheet);
    reports.push({ ...report, sheets: report.sheets.filter((s) => s.key === "allItems") });
  }
  const signed = reports.flatMap((report) => report.sheets.filter((s) => firstSignatureRow(s) > 0));

  test("each sheet's signature has its table's last rows on its page", () => {
    const short = signed
      .map((sheet) => [sheet.name, tableRowsWithSignature(sheet)] as const)
      .filter(([, n]) => n < ROWS_WITH_SIGNATURE);
    expect(short).toEqual([]);
  });

  test("no page ends with a section's heading", () => {
    const headings = signed.flatMap((sheet) =>
      pagesOf(sheet)
        .slice(0, -1)
        .filter(([, last]) => sheet.rows[last - 1].some((cell) => cell?.style === "section"))
        .map(([, last]) => `${sheet.name}!${last}`),
    );
    expect(headings).toEqual([]);
  });

  test("全部指标 of a county failing an item in every school: rows within Excel's tallest, every school listed", () => {
    const { report, county } = countyReport(randomCounty(57, 7), filledCountySheet(), "某某某某某某自治县");
    const items = report.sheets.find((s) => s.key === "allItems")!;
    const tallest = Math.max(...Object.values(items.rowHeights ?? {}));
    expect(tallest).toBeLessThanOrEqual(409);
    // the rooms item fails in dozens of schools: each with its cell, on the item's row and the rows continuing it
    const rooms = county.verdict.guarantee.find((g) => (g.schools ?? []).length > 20)!;
    const listed = items.rows
      .filter((cells) => String(cells[2]?.value ?? "").startsWith(rooms.title.zh.replace(/\s/g, "")))
      .map((cells) => String(cells[6]?.value ?? ""))
      .join("；");
    expect(listed.split("；").length).toBe((rooms.schools ?? []).length);
    // 汇总's county verdict counts the statuses of every row of 全部指标's table
    const summary = report.sheets.find((s) => s.key === "summary")!;
    const verdict = summary.rows.flat().find((cell) => cell?.formula?.includes("全部指标"))!;
    const last = Number(/:\$F\$(\d+)/.exec(verdict.formula!)![1]);
    expect(items.rows[last - 1][0]?.value).toBeTruthy();
    expect(items.rows[last]?.[0]?.value ?? null).toBeNull();
  });

  test("达标情况: the heading of the schools not evaluated holds on one line in the number's and name's columns", () => {
    for (const report of reports.slice(0, 4)) {
      const sheet = report.sheets.find((s) => s.key === "compliance")!;
      const heading = sheet.rows
        .flat()
        .find((cell) => cell?.style === "section" && /^三、/.test(String(cell.value)))!;
      expect(heading).toBeDefined();
      // the columns the facilities' page repeats
      const [c0, c1] = sheet.print!.titleColumns!;
      let width = 0;
      for (let c = c0; c <= c1; c++) width += sheet.columnWidths![c];
      expect([heading.value, wrappedLines(String(heading.value), width, fontSizeOf("section"))]).toEqual([
        heading.value,
        1,
      ]);
    }
  });
});

test("汇总 of 扎鲁特旗 from the statistics export: the signature's lines on one page, under the rows before them", async () => {
  // its last block (the shortfalls' last rows, the figures the export lacks, the source, the signature) fits no
  // page under the shortfalls' header copied there; the page once broke between the signature's two lines
  const { bytes, sheet } = await exportSummary("扎鲁特旗");
  const textOf = (r: number) =>
    (sheet.getRow(r).values as unknown[])
      .map((v) => (v === null || v === undefined ? "" : String(v)))
      .join("");
  const rows = Array.from({ length: sheet.rowCount }, (_, i) => i + 1);
  const lines = rows.filter((r) => /^(填报单位（盖章）|审核人)/.test(textOf(r)));
  const source = rows.find((r) => sheet.getCell(r, 1).value === "评估标准")!;
  const lacking = rows.find((r) => /^四、导出表缺少的数/.test(textOf(r)))!;
  expect(lines).toEqual([sheet.rowCount - 1, sheet.rowCount]);
  expect(source).toBeLessThan(lines[0]);
  expect(lacking).toBeLessThan(source);
  const starts = pageStartsIn(bytes, "汇总");
  expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
  // no page starts at the second line, nor at the first: the page of the lines holds the source's rows and the
  // figures the export lacks above them
  const page = starts.filter((s) => s <= lines[0]).pop()!;
  expect(starts.filter((s) => s > page && s <= lines[1])).toEqual([]);
  expect(page).toBeLessThanOrEqual(lacking);
  // and every page holds a row of text
  const firsts = [1, ...starts];
  const empty = firsts.filter((first, k) =>
    rows.slice(first - 1, (firsts[k + 1] ?? sheet.rowCount + 1) - 1).every((r) => textOf(r) === ""),
  );
  expect(empty).toEqual([]);
});
