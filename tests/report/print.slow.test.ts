/**
 * The report as a clerk prints it (issue 15): LibreOffice exports it to PDF; every page is A4, no text prints
 * under 9 pt, each table's header rows head each of its pages, every page is numbered, and each table takes the
 * pages it should. The page set-up is read back from the file as well.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { reportBytes } from "../../src/xlsx/report";
import { schoolTableWorkbook } from "../../src/xlsx/template";
import { countySheetWorkbook } from "../../src/xlsx/countyTemplate";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { PAGE_WIDTH_SPARE } from "../../src/report/paperWidth";
import { PAGE_MARK_SIZE } from "../../src/report/look";
import { run } from "../cli/helpers";
import { gridOf, randomCounty } from "../excel/county";
import {
  hasPoppler,
  hasSoffice,
  pdfPageCount,
  pdfPages,
  printToPdf,
  recalculatedSheets,
  simSunDigits,
} from "./libreoffice";
import { samplePlanSheets } from "./samplePlanSheets";
import {
  isA4,
  pageInk,
  pageSetupOf,
  pdfPageSizes,
  pdfWords,
  smallestPrinted,
  smallestTextAgainstFooter,
} from "./printCheck";

const describePrint = hasSoffice() && hasPoppler() ? describe : describe.skip;

function reportFor(records: Parameters<typeof gridOf>[0], title: { county?: string; year?: string }): Report {
  const result = evaluateTable(gridOf(records));
  return buildReport(
    { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: result.problems },
    { lang: "zh", sourceRange: "学校!A1:AA40", date: "2026-11-28", ...title },
  );
}

/** The table each page belongs to, by the table name in its page header. */
function tablesOfPages(pages: string[], report: Report): string[] {
  const names = report.sheets.map((s) => s.print!.header!.right!);
  return pages.map((text) => {
    const head = text.split("\n").find((l) => l.trim() !== "") ?? "";
    return names.find((n) => head.includes(n)) ?? `? ${head.trim()}`;
  });
}

describePrint("the report prints to A4 through LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-print-"));
  const sample = reportFor(sampleCountyRecords(), { county: "白狼县", year: "2026" });
  const large = reportFor(randomCounty(120, 77), {});
  let pdfs: string[];
  let files: string[];

  beforeAll(async () => {
    files = [join(dir, "sample.xlsx"), join(dir, "large.xlsx")];
    writeFileSync(files[0], await reportBytes(sample));
    writeFileSync(files[1], await reportBytes(large));
    pdfs = printToPdf(files, dir);
  }, 300_000);

  test("the sample county: 汇总 and 达标情况 paged as in Excel, 差异系数 and its charts, 学校数据", () => {
    const pages = pdfPages(pdfs[0]);
    expect(pdfPageCount(pdfs[0])).toBe(pages.length);
    // 汇总, landscape, runs past its page: its last rows and signature take a second page. 达标情况 is two pages
    // wide and three long, its signature with its last rows. 差异系数, landscape: its table, then one chart a
    // page. 学校数据 at 100 %: two pages wide (students and teachers; facilities), the schools' names on each
    expect(tablesOfPages(pages, sample)).toEqual([
      "资源配置评估汇总",
      "资源配置评估汇总",
      "学校资源配置达标情况",
      "学校资源配置达标情况",
      "学校资源配置达标情况",
      "学校资源配置达标情况",
      "学校资源配置达标情况",
      "学校资源配置达标情况",
      "校际差异系数",
      "校际差异系数",
      "校际差异系数",
      "评估所用学校数据",
      "评估所用学校数据",
      "评估所用学校数据",
      "评估所用学校数据",
    ]);
    expect(pdfPageSizes(pdfs[0]).every(isA4)).toBe(true);
    for (const text of pages.slice(11)) expect(text).toContain("学校名称");
    // across, then down: the school's type, students and teachers, then the facilities' and where each row was read,
    // of the same schools
    for (const k of [11, 13])
      expect([k, /学校类型/.test(pages[k]), /原表位置/.test(pages[k])]).toEqual([k, true, false]);
    for (const k of [12, 14])
      expect([k, /学校类型/.test(pages[k]), /原表位置/.test(pages[k])]).toEqual([k, false, true]);
    for (const k of [11, 12]) expect(pages[k]).toContain("白狼县第一小学");
    for (const k of [13, 14]) expect(pages[k]).toContain("新发乡西屯教学点");
    pages.forEach((text, i) =>
      expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)),
    );
    // the title names the county and the year
    expect(pages[0]).toMatch(/白狼县 2026 年义务教育优质均衡发展 资源配置评估汇总/);
    // every page of 达标情况 has the header rows and the schools' names; the teachers' pages come first
    for (const text of pages.slice(2, 8)) {
      expect(text).toContain("学校名称");
      expect(text).toContain("白狼县");
    }
    // the headers wrap at their own line breaks
    expect(pages[2]).toMatch(/每百名学生拥有[\s\S]*于规定/);
    expect(pages[3]).toMatch(/生均教学[\s\S]*及辅助/);
    // the signature lines close the tables
    expect(pages[1]).toMatch(/填报单位（盖章）/);
    expect(pages[7]).toMatch(/填报单位（盖章）/);
    // the failing coefficient named with its value and limit
    expect(pages[0]).toMatch(/小学 生均体育运动场馆面积 差异系数\s+0\.562\s+限值 0\.50/);
  });

  test("no text prints under 9 pt: every word at least as tall as the 9-point page numbers at 100 %", () => {
    for (const pdf of pdfs) {
      expect(smallestTextAgainstFooter(pdfWords(pdf), /^第$/)).toBeGreaterThanOrEqual(0.98);
      for (const { page, text, size } of smallestPrinted(pdfWords(pdf), PAGE_MARK_SIZE))
        expect([pdf, page, text, size >= 9 * 0.99]).toEqual([pdf, page, text, true]);
    }
  });

  test("a county of 120 schools: 达标情况 runs on over pages, header rows on each", () => {
    const pages = pdfPages(pdfs[1]);
    const tables = tablesOfPages(pages, large);
    const compliance = pages.filter((_, i) => tables[i] === "学校资源配置达标情况");
    // in pairs of pages, but for the facilities' side of a page of schools not evaluated only, which is blank
    expect(compliance.length).toBeGreaterThanOrEqual(6);
    for (const text of compliance) expect(text).toMatch(/序号[\s\S]*学校名称/);
    expect(pdfPageSizes(pdfs[1]).every(isA4)).toBe(true);
    // a blank title is left to fill in by hand
    expect(pages[0]).toMatch(/＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展/);
  });

  test("the page set-up read back: A4, fitted without shrinking text under 9 pt, titles, page numbers, borders", async () => {
    for (const file of files) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      for (const ws of workbook.worksheets) {
        expect([ws.name, ws.pageSetup.paperSize]).toEqual([ws.name, 9]);
        const check = pageSetupOf(ws);
        expect([ws.name, check.printedFont >= 9, check.printedMarks >= 9]).toEqual([ws.name, true, true]);
        expect(check.footer).toMatch(/第 &P 页 共 &N 页$/);
        expect(check.bordered).toBeGreaterThan(10);
      }
      expect(workbook.getWorksheet("达标情况")!.pageSetup.printTitlesRow).toBe("3:4");
      expect(workbook.getWorksheet("达标情况")!.pageSetup.printTitlesColumn).toBe("A:B");
    }
  });
});

/** Names of schools as long as a county's are: a banner's and a town's names, the school's, its campus. */
const LONG_NAMES = [
  "科尔沁右翼前旗额尔格图镇中心小学（东校区）",
  "科尔沁右翼前旗第三中学",
  "乌兰浩特市义勒力特镇蒙古族九年一贯制学校",
  "阿尔山市白狼镇林业第一小学",
  "扎赉特旗好力保镇巴达尔胡农场学校（北校区）",
];

describePrint(
  "every page of 达标情况 leaves its margin clear, with 宋体's digits and with LibreOffice's wider fallback",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "balance-print-margin-"));
    const long = reportFor(
      randomCounty(22, 3).map((r, i) => ({ ...r, name: `${LONG_NAMES[i % LONG_NAMES.length]}${i + 1}` })),
      { county: "科尔沁右翼前旗", year: "2026" },
    );
    const printed: { file: string; face: string; pdf: string }[] = [];

    beforeAll(async () => {
      const files = [join(dir, "sample.xlsx"), join(dir, "export.xlsx"), join(dir, "long.xlsx")];
      // as a clerk writes them: balance evaluate <file> --out 报表.xlsx
      expect(
        (await run("evaluate", "examples/sample-county.xlsx", "--county", "白狼县", "--out", files[0])).code,
      ).toBe(0);
      expect(
        (await run("evaluate", "tests/fixtures/xls/export.xlsx", "--county", "科右前旗", "--out", files[1]))
          .code,
      ).toBe(0);
      writeFileSync(files[2], await reportBytes(long));
      // LibreOffice's own fallback for 宋体 (DejaVu Sans here, digits 27 % wider), and a face with 宋体's digits
      const faces: [string, string | undefined][] = [["fallback", undefined]];
      const simsun = join(dir, "simsun");
      mkdirSync(simsun);
      const conf = simSunDigits(simsun);
      if (conf) faces.push(["simsun", conf]);
      for (const [face, fontconfig] of faces) {
        const out = join(dir, face);
        mkdirSync(out, { recursive: true });
        printToPdf(files, out, fontconfig).forEach((pdf, i) => printed.push({ file: files[i], face, pdf }));
      }
    }, 600_000);

    test("the table on each page, both pages across, within the printable width less its margin", () => {
      expect(printed.length).toBeGreaterThanOrEqual(3);
      for (const { file, face, pdf } of printed) {
        const pages = pdfPages(pdf);
        const ink = pageInk(pdf);
        expect(ink.length).toBe(pages.length);
        const compliance = ink.filter((_, i) => pages[i].includes("学校资源配置达标情况"));
        // two pages across (teachers; facilities), each group of rows on a pair: none cut onto a third
        expect([file, face, compliance.length % 2, compliance.length > 0]).toEqual([file, face, 0, true]);
        for (const { page, ink: width, printable } of compliance)
          expect([file, face, page, width <= printable * (1 - PAGE_WIDTH_SPARE)]).toEqual([
            file,
            face,
            page,
            true,
          ]);
        // a sheet fitted to the page's width is scaled to it: nothing of any page runs past the margins
        for (const { page, ink: width, printable } of ink)
          expect([file, face, page, width <= printable + 1]).toEqual([file, face, page, true]);
      }
    });

    test("no text prints under 9 pt, measured against the 9-point page numbers of a page at 100 %", () => {
      for (const { file, face, pdf } of printed) {
        const pages = smallestPrinted(pdfWords(pdf), PAGE_MARK_SIZE);
        expect(pages.length).toBe(pdfPages(pdf).length);
        for (const { page, text, size } of pages)
          expect([file, face, page, text, size >= 9 * 0.99]).toEqual([file, face, page, text, true]);
        // the sizes are measured, the 9-point page numbers (and notes) at 9, not over
        expect(Math.min(...pages.map((p) => p.size))).toBeCloseTo(9, 0);
      }
    });

    test("a county of long names: every page of 达标情况 has the header and schools' rows under it", () => {
      for (const { face, pdf } of printed.filter((p) => p.file.endsWith("long.xlsx"))) {
        const pages = pdfPages(pdf).filter((page) => page.includes("学校资源配置达标情况"));
        for (const page of pages)
          expect([face, /学校名称/.test(page), /乌兰浩特市|阿尔山市|扎赉特旗/.test(page)]).toEqual([
            face,
            true,
            true,
          ]);
      }
    });
  },
);

describePrint("the templates print legibly on one page wide (balance template, template --county)", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-print-templates-"));
  let pdfs: string[];

  beforeAll(async () => {
    const files = [join(dir, "school.xlsx"), join(dir, "county.xlsx"), join(dir, "sample.xlsx")];
    writeFileSync(files[0], await schoolTableWorkbook());
    writeFileSync(files[1], await countySheetWorkbook());
    writeFileSync(files[2], readFileSync("examples/sample-county.xlsx"));
    pdfs = printToPdf(files, dir);
  }, 300_000);

  test("the empty school table: one landscape A4 page with its title, instructions, header and rows to fill in", () => {
    expect(pdfPageSizes(pdfs[0])).toEqual([[841.89, 595.304]]);
    const [page] = pdfPages(pdfs[0]);
    expect(page).toMatch(/＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 学校办学条件统计表/);
    expect(page).toContain("填表说明");
    expect(page).toContain("学校名称");
    expect(page).toContain("班额");
  });

  test("the county sheet and the sample county: every page A4 landscape, one page wide, the header on each", () => {
    for (const pdf of pdfs.slice(1)) {
      const sizes = pdfPageSizes(pdf);
      expect(sizes.every(([w, h]) => isA4([w, h]) && w > h)).toBe(true);
      const pages = pdfPages(pdf);
      expect(pages.length).toBe(sizes.length);
      for (const text of pages) expect(text).toMatch(/编号|学校名称/);
    }
    // one page wide: every column of the sample on each page
    for (const text of pdfPages(pdfs[2])) expect(text).toContain("班额");
  });

  test("no text under 9 pt", () => {
    for (const pdf of pdfs)
      expect(smallestTextAgainstFooter(pdfWords(pdf), /^第$/)).toBeGreaterThanOrEqual(0.98);
  });
});

describePrint("the plan, rotation and scenario sheets print to A4 and recompute in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "balance-print-plans-"));
  let sheets: Report["sheets"];
  let pdf: string;
  let file: string;

  beforeAll(async () => {
    sheets = await samplePlanSheets();
    file = join(dir, "plans.xlsx");
    writeFileSync(file, await reportBytes({ sheets }));
    [pdf] = printToPdf([file], dir);
  }, 300_000);

  test("A4, each table on the pages it should, numbered, no text under 9 pt", () => {
    const pages = pdfPages(pdf);
    const names = pages.map((text) => (text.split("\n").find((l) => l.trim() !== "") ?? "").trim());
    expect(names.map((n) => n.replace(/^白狼县 2026 年\s+/, ""))).toEqual([
      "资源配置补充方案（最低成本）",
      "资源配置补充方案（最低成本）",
      "教师交流轮岗方案",
      "模拟方案",
      "模拟方案",
      "模拟方案",
    ]);
    expect(pdfPageSizes(pdf).every(isA4)).toBe(true);
    expect(pages[0]).toMatch(/经常性支出：新增教师（每年）\s+[\d,.]+\s+万元\/年/);
    expect(pages[0]).toMatch(/一次性投入：校舍、场馆、设备和多媒体教室\s+[\d,.]+\s+万元/);
    // the scenario's section table keeps its header on its later pages
    for (const page of pages.slice(4)) expect(page).toMatch(/学校\s+学段\s+在校生/);
    expect(smallestTextAgainstFooter(pdfWords(pdf), /^第$/)).toBeGreaterThanOrEqual(0.98);
    for (const { page, text, size } of smallestPrinted(pdfWords(pdf), PAGE_MARK_SIZE))
      expect([page, text, size >= 9 * 0.99]).toEqual([page, text, true]);
  });

  test("every cost and total recomputes to the plan's figures", () => {
    const computed = recalculatedSheets([file], [sheets.map((s) => s.name)]).get(file)!;
    let formulas = 0;
    for (const sheet of sheets) {
      sheet.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (!cell?.formula) return;
          formulas++;
          const got = Number(computed.get(sheet.name)![r][c]);
          expect([
            sheet.name,
            r,
            c,
            Math.abs(got - Number(cell.value)) <= 1e-9 * Math.max(1, Math.abs(Number(cell.value))),
          ]).toEqual([sheet.name, r, c, true]);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(5);
  });
});

describePrint("扎鲁特旗's 汇总 from the statistics export, printed", () => {
  let pages: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "balance-print-sign-"));
    const file = join(dir, "zhalute.xlsx");
    const argv = ["evaluate", "tests/fixtures/xls/export.xlsx", "--county", "扎鲁特旗", "--out", file];
    expect((await run(...argv)).code).toBe(0);
    // 汇总 is the first sheet: its pages are those whose page header names its table
    pages = pdfPages(printToPdf([file], dir)[0]).filter((text) => text.includes("资源配置评估汇总"));
  }, 300_000);

  test("the signature's lines print together, under the source's rows and the figures the export lacks", () => {
    // its last block fits no page under the shortfalls' header copied there; its second line once printed alone
    const signed = pages.filter((text) => /填报单位（盖章）|审核人/.test(text));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/四、导出表缺少的数[\s\S]*评估标准[\s\S]*填报单位（盖章）[\s\S]*审核人/);
    expect(signed[0]).toBe(pages[pages.length - 1]);
    // every page holds more than its page header and footer
    const bare = pages.filter((text) => text.split("\n").filter((l) => l.trim() !== "").length <= 2);
    expect(bare).toEqual([]);
  });
});
