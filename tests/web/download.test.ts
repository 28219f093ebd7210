/* eslint-disable office-addins/call-sync-before-read -- exceljs cells, not Office.js proxies: nothing to sync */
/**
 * The web app's workbook, in Node: a file read by the command line's reader into the in-memory workbook gives the
 * pane the same table as the command line; 下载工作簿 keeps every original sheet as exceljs reads it and adds the
 * report sheets as `balance evaluate --out` renders them, under names that do not clash, formulas following.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Report } from "../../src/report/model";
import { reportWorkbook } from "../../src/xlsx/report";
import { readWorkbook } from "../../src/xlsx/reader";
import { gridRangeAddress } from "../../src/xlsx/reportFile";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { downloadBytes, downloadName } from "../../src/web/download";
import { memoryWorkbook, type MemoryWorkbook } from "../../src/excel/memory/memoryHost";
import { doubleFromGrids, sheetsForExcel, startOn } from "../../src/web/workbook";
import { countyRows, rawBook, rawSheet } from "../trust/hostileBooks";

const options = { displayLanguage: () => "zh-CN", theme: () => "light" as const };

/** A county's workbook as a clerk keeps it: a cover sheet with formulas and formats, the school table, and a
 * sheet already named like a report sheet. */
async function countyFile(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const cover = book.addWorksheet("说明");
  cover.getCell("A1").value = "白狼县 2024 年义务教育学校基本情况";
  cover.getCell("A1").font = { bold: true, size: 14 };
  cover.mergeCells("A1:D1");
  cover.getCell("A2").value = "填报日期";
  cover.getCell("B2").value = new Date(Date.UTC(2024, 8, 1));
  cover.getCell("B2").numFmt = "yyyy-mm-dd";
  cover.getCell("A3").value = "学校数";
  cover.getCell("B3").value = { formula: "COUNTA(学校!A2:A100)", result: sampleCountyRecords().length };
  cover.getCell("A4").value = "备注";
  cover.getCell("B4").value = "=不是公式";
  cover.getCell("C4").value = { error: "#N/A" };
  cover.getColumn(1).width = 18;
  const schools = book.addWorksheet("学校");
  [templateHeaderRow(), ...recordsToRows(sampleCountyRecords())].forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "") schools.getCell(r + 1, c + 1).value = v;
    }),
  );
  schools.getCell("R2").numFmt = "0.00";
  book.addWorksheet("达标情况").getCell("A1").value = "去年手工做的表";
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The file opened as the web app opens it: its sheets under names Excel takes, in the in-memory workbook. */
async function openedWorkbook(bytes: Uint8Array) {
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new Error(read.problem.message.en);
  const excel = doubleFromGrids(sheetsForExcel(read.grids).grids);
  startOn(excel, "学校");
  return { read, workbook: memoryWorkbook(excel, options) };
}

/** The report of the active sheet's used range, written into the workbook as the pane writes it. */
async function writeReport(workbook: MemoryWorkbook): Promise<{ written: string[]; report: Report }> {
  const grid = await workbook.host.readTable("usedRange");
  const result = evaluateTable(grid);
  const report = buildReport(
    {
      evaluation: result.evaluation!,
      read: result.read,
      profile: result.profile,
      problems: result.problems,
    },
    { lang: "zh", sourceRange: gridRangeAddress(grid), date: "2025-01-01" },
  );
  const { written } = await workbook.host.writeReport(report, { replaceExisting: true });
  return { written, report };
}

describe("a workbook opened from disk", () => {
  it("gives the pane every sheet as the reader read it: text, dates, errors, formulas' results", async () => {
    const { read, workbook } = await openedWorkbook(await countyFile());
    expect(workbook.excel.model.sheets.map((s) => s.name)).toEqual(["说明", "学校", "达标情况"]);
    await workbook.host.activateSheet("说明");
    const cover = await workbook.host.readTable("usedRange");
    // as Office gives them: blanks as "", error values as their text; the merged title's blank tail left out
    const asOffice = (v: unknown) =>
      v === null || v === undefined ? "" : typeof v === "object" && "error" in v ? v.error : v;
    const width = Math.max(...cover.values.map((r) => r.length));
    // the reader gives only the cells that exist (a row ends at its last value); Office gives the rectangle
    const rectangle = Array.from(read.grids[0].values, (row) =>
      Array.from({ length: width }, (_, c) => asOffice(row?.[c])),
    );
    expect(cover.values).toEqual(rectangle);
    expect(cover.values[3][2]).toBe("#N/A");
    // the text "=不是公式" stays text; the date comes back as a date
    expect(cover.values[3][1]).toBe("=不是公式");
    expect(cover.values[1][1]).toEqual(new Date(Date.UTC(2024, 8, 1)));
  });

  it("evaluates the school sheet as `balance evaluate` does", async () => {
    const { read, workbook } = await openedWorkbook(await countyFile());
    const grid = await workbook.host.readTable("selection");
    const pane = evaluateTable(grid);
    const cli = evaluateTable(read.grids[1]);
    expect(pane.ok).toBe(true);
    expect(pane.evaluation).toEqual(cli.evaluation);
  });
});

describe("hidden sheets of a workbook opened from disk", () => {
  it("stay out of sight, as in Excel: neither listed by the pane nor shown by the viewer", async () => {
    const { workbook } = await openedWorkbook(
      rawBook([
        rawSheet(countyRows(), { name: "学校" }),
        rawSheet(countyRows(), { name: "去年", state: "veryHidden" }),
        rawSheet([["备用"]], { name: "备用", state: "hidden" }),
      ]),
    );
    expect((await workbook.host.listSheets()).map((s) => s.name)).toEqual(["学校"]);
    expect((await workbook.view.sheets()).map((s) => s.name)).toEqual(["学校"]);
    // still there, as in the file
    expect(workbook.excel.model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["学校", "Visible"],
      ["去年", "VeryHidden"],
      ["备用", "Hidden"],
    ]);
  });

  it("a workbook that hides every sheet, which Excel would not open as it is, shows them all", async () => {
    const read = await readWorkbook(rawBook([rawSheet(countyRows(), { name: "学校", state: "hidden" })]));
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(doubleFromGrids(read.grids).model.sheets.map((s) => s.visibility)).toEqual(["Visible"]);
  });
});

describe("下载工作簿", () => {
  it("keeps the original sheets and adds the report under free names, formulas following", async () => {
    const original = await countyFile();
    const { workbook } = await openedWorkbook(original);
    const { written, report } = await writeReport(workbook);
    expect(written).toEqual(["汇总", "达标情况 (2)", "差异系数", "学校数据"]);

    const { bytes, copied } = await downloadBytes(original, workbook);
    expect(copied).toBe(true);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    expect(file.worksheets.map((w) => w.name)).toEqual(["说明", "学校", "达标情况", ...written]);

    // every original sheet as it was: values (formulas with their results), formats, merges, widths
    for (const sheet of before.worksheets) {
      const after = file.getWorksheet(sheet.name)!;
      const cells: string[] = [];
      sheet.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = after.getCell(r, c);
          if (JSON.stringify(cell.value) !== JSON.stringify(other.value) || cell.numFmt !== other.numFmt)
            cells.push(`${sheet.name}!${cell.address}`);
        }),
      );
      expect(cells).toEqual([]);
      expect(after.rowCount).toBe(sheet.rowCount);
      expect(after.getColumn(1).width).toBe(sheet.getColumn(1).width);
    }
    expect(file.getWorksheet("说明")!.getCell("D1").isMerged).toBe(true);
    expect(file.getWorksheet("说明")!.getCell("B3").value).toEqual({
      formula: "COUNTA(学校!A2:A100)",
      result: sampleCountyRecords().length,
    });

    // the report sheets hold the cells the `--out` renderer writes, pointing at the renamed sheet
    const rendered = reportWorkbook({
      sheets: report.sheets.map((s, i) => ({ ...s, name: written[i] })),
    });
    const balance = file.getWorksheet("差异系数")!;
    const formulas: string[] = [];
    balance.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (f) formulas.push(f);
      }),
    );
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.every((f) => !/(^|[^'])达标情况!/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes("'达标情况 (2)'!"))).toBe(true);
    const compliance = file.getWorksheet("达标情况 (2)")!;
    rendered.getWorksheet("达标情况 (2)")!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        expect([r, c, compliance.getCell(r, c).value]).toEqual([r, c, cell.value]);
      }),
    );
    // the charts of the summary sheet are in the file
    const zip = await (await import("jszip")).default.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBe(
      report.sheets.flatMap((s) => s.charts ?? []).length,
    );
  });

  it("adds the county sheet the pane inserted, to be filled in in Excel or WPS", async () => {
    const original = await countyFile();
    const { workbook } = await openedWorkbook(original);
    const name = await workbook.host.insertCountySheet({ lang: "zh" });
    const file = new ExcelJS.Workbook();
    await file.xlsx.load((await downloadBytes(original, workbook)).bytes as unknown as ArrayBuffer);
    expect(file.worksheets.map((w) => w.name)).toEqual(["说明", "学校", "达标情况", name]);
    const inserted = file.getWorksheet(name)!;
    const pane = workbook.excel.valuesOf(name);
    expect(inserted.getCell(1, 1).value).toBe(pane[0][0]);
    expect(inserted.rowCount).toBe(pane.length);
    // the yes/no questions keep their drop-down
    const validations = (
      inserted as unknown as { dataValidations: { model: Record<string, { type: string }> } }
    ).dataValidations.model;
    expect(Object.values(validations).some((v) => v.type === "list")).toBe(true);
  });

  it("writes the sample county, which came from no file, sheet by sheet", async () => {
    const { startDemo } = await import("../../src/excel/memory/demo");
    const demo = startDemo({ lang: "zh", theme: "light", displayLanguage: "zh-CN" });
    const { bytes } = await downloadBytes(null, demo);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(file.worksheets.map((w) => w.name)).toEqual([demo.sheet]);
    const values = demo.excel.valuesOf(demo.sheet);
    expect(file.getWorksheet(demo.sheet)!.getCell(3, 1).value).toBe(values[2][0]);
  });

  it("a file exceljs cannot copy (sheets alike but for case) is downloaded as the sheets it was read into", async () => {
    // the reader reads it; exceljs refuses the second name, so the original cannot be copied as it is
    const original = rawBook([
      rawSheet(countyRows(), { name: "学校" }),
      rawSheet([["旧表", 12, { xml: '<c r="$REF" t="e"><v>#DIV/0!</v></c>' }]], { name: "xuexiao" }),
      rawSheet([["备注"]], { name: "XUEXIAO", state: "hidden" }),
    ]);
    const { workbook } = await openedWorkbook(original);
    const { written } = await writeReport(workbook);
    const { bytes, copied } = await downloadBytes(original, workbook);
    expect(copied).toBe(false);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(file.worksheets.map((w) => w.name)).toEqual(["学校", "xuexiao", "XUEXIAO (2)", ...written]);
    // every value as read, nothing dropped
    expect(file.getWorksheet("xuexiao")!.getCell("B1").value).toBe(12);
    expect(file.getWorksheet("xuexiao")!.getCell("C1").value).toEqual({ error: "#DIV/0!" });
    expect(file.getWorksheet("XUEXIAO (2)")!.state).toBe("hidden");
    const schools = file.getWorksheet("学校")!;
    countyRows().forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") expect([r, c, schools.getCell(r + 1, c + 1).value]).toEqual([r, c, v]);
      }),
    );
  });

  it("a file exceljs loads without a word but loses cells or sheets of is downloaded as the sheets read", async () => {
    const parts = unzipSync(readFileSync(path.join(__dirname, "..", "..", "examples", "sample-county.xlsx")));
    // part names in another case (OPC's names are case-insensitive): exceljs finds no sheet
    const cased: Zippable = {};
    for (const [name, bytes] of Object.entries(parts)) cased[name.replace(/^xl\//, "XL/")] = bytes;
    // inline rich text with a phonetic guide: exceljs drops the rows from the first such cell on
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]).replace(
      /<c r="A3"([^>]*) t="s"><v>\d+<\/v><\/c>/,
      '<c r="A3"$1 t="inlineStr"><is><r><t>白狼县</t></r><r><t>第一小学</t></r><rPh sb="0" eb="1"><t>バ</t></rPh></is></c>',
    );
    const inline: Zippable = { ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet) };
    for (const original of [zipSync(cased), zipSync(inline)]) {
      const { read, workbook } = await openedWorkbook(original);
      const { bytes, copied } = await downloadBytes(original, workbook);
      expect(copied).toBe(false);
      const file = new ExcelJS.Workbook();
      await file.xlsx.load(bytes as unknown as ArrayBuffer);
      const schools = file.getWorksheet("学校")!;
      read.grids[0].values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== "") expect([r, c, schools.getCell(r + 1, c + 1).value]).toEqual([r, c, v]);
        }),
      );
    }
  });

  it("names the download after the original", () => {
    expect(downloadName("白狼县.xlsx", "zh")).toBe("白狼县-均衡评估.xlsx");
    expect(downloadName("County.XLSX", "en")).toBe("County-balance.xlsx");
    expect(downloadName(".xlsx", "zh")).toBe("工作簿-均衡评估.xlsx");
    expect(downloadName("白狼县.xlsm", "zh")).toBe("白狼县-均衡评估.xlsx");
    expect(downloadName("白狼县.v2", "zh")).toBe("白狼县.v2-均衡评估.xlsx");
  });
});
