/* eslint-disable office-addins/call-sync-before-read -- exceljs cells, not Office.js proxies: nothing to sync */
/**
 * One report, two writers (issue 4 item 5): the .xlsx of `balance evaluate --out` and the pane's workbook
 * (the Office.js writer into the Excel double) hold the same cells, formulas, formats and charts.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { doubleHost } from "../../src/excel/double/host";
import { reportBytes } from "../../src/xlsx/report";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { countyWorkbook, randomCounty, reportOf } from "../excel/county";
import type { ExcelDouble } from "../../src/excel/double/excel";
import type { Report } from "../../src/report/model";
import { REPORT_FONT } from "../../src/report/look";

async function paneAndFile(excel: ExcelDouble) {
  const host = doubleHost(excel);
  const { report, evaluation } = reportOf(await host.readTable("usedRange"));
  await host.writeReport(report, { replaceExisting: true });
  const bytes = await reportBytes(report);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { report, evaluation, bytes, workbook };
}

function normalise(v: unknown): unknown {
  return v === undefined || v === "" ? null : v;
}

function expectSameCells(excel: ExcelDouble, workbook: ExcelJS.Workbook, report: Report) {
  let compared = 0;
  const mismatches: string[] = [];
  for (const sheet of report.sheets) {
    const pane = excel.model.requireSheet(sheet.name);
    const file = workbook.getWorksheet(sheet.name)!;
    expect(file).toBeDefined();
    const rows = Math.max(pane.rows.length, file.rowCount);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(pane.rows[r]?.length ?? 0, file.getRow(r + 1).cellCount);
      for (let c = 0; c < width; c++) {
        const a = pane.rows[r]?.[c];
        const b = file.getCell(r + 1, c + 1);
        const fileFormula = b.formula ? `=${b.formula}` : undefined;
        const where = `${sheet.name}!${b.address}`;
        if (fileFormula !== a?.formula) mismatches.push(`${where} formula ${fileFormula} ≠ ${a?.formula}`);
        // a merged cell's other cells read back as the master's value in exceljs
        const slave = b.isMerged && b.master.address !== b.address;
        if (!a?.formula && !slave && normalise(b.value) !== normalise(a?.value)) {
          mismatches.push(`${where} value ${String(b.value)} ≠ ${String(a?.value)}`);
        }
        if ((b.numFmt || null) !== (a?.numberFormat ?? null)) {
          mismatches.push(`${where} format ${b.numFmt} ≠ ${a?.numberFormat}`);
        }
        const fill = b.fill && "fgColor" in b.fill ? `#${b.fill.fgColor!.argb!.slice(2)}` : null;
        if (fill !== (a?.format?.fill ?? null)) mismatches.push(`${where} fill ${fill} ≠ ${a?.format?.fill}`);
        compared++;
        if (slave) continue;
        // a cell exceljs wrote no font for has the workbook's default font, the report's (checked below)
        const font = b.font?.name ?? REPORT_FONT.name;
        if (a?.format?.fontName && font !== a.format.fontName)
          mismatches.push(`${where} font ${font} ≠ ${a.format.fontName}`);
        if ((b.font?.size ?? REPORT_FONT.size) !== (a?.format?.size ?? REPORT_FONT.size))
          mismatches.push(`${where} size ${b.font?.size} ≠ ${a?.format?.size}`);
        const sides = (["top", "bottom", "left", "right"] as const).filter(
          (k) => b.border?.[k]?.style === "thin",
        );
        const paneSides = (["top", "bottom", "left", "right"] as const).filter(
          (k) => a?.format?.borders?.[k],
        );
        if (sides.join() !== paneSides.join()) mismatches.push(`${where} borders ${sides} ≠ ${paneSides}`);
      }
    }
    expect(file.views[0]).toMatchObject({
      state: "frozen",
      ySplit: pane.freeze!.rows,
      xSplit: pane.freeze!.columns,
    });
    expect(file.pageSetup.orientation).toBe(pane.pageLayout.orientation.toLowerCase());
    expect(file.pageSetup.paperSize).toBe(9);
    const titles = file.pageSetup.printTitlesRow;
    expect(titles ? `$${titles.replace(":", ":$")}` : null).toBe(pane.pageLayout.printTitleRows);
    expect(file.pageSetup.fitToPage ?? false).toBe(pane.pageLayout.fitToWidth);
    expect(file.pageSetup.pageOrder === "overThenDown").toBe(pane.pageLayout.printOrder === "OverThenDown");
    const merges = (file.model as { merges?: string[] }).merges ?? [];
    expect(merges.length).toBe(pane.merges.length);
  }
  expect(mismatches).toEqual([]);
  return compared;
}

describe("the .xlsx report and the pane's report hold the same cells", () => {
  test("the sample county: cells, formulas, formats, fills, frozen panes, print set-up", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const { report, workbook } = await paneAndFile(excel);
    expect(expectSameCells(excel, workbook, report)).toBeGreaterThan(1000);
  });

  test("the workbook's default font is the report's, declared for Chinese (GB2312)", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const { bytes } = await paneAndFile(excel);
    const styles = strFromU8(unzipSync(new Uint8Array(bytes))["xl/styles.xml"]);
    const first = /<fonts[^>]*><font>([\s\S]*?)<\/font>/.exec(styles)![1];
    expect(first).toContain(`<name val="${REPORT_FONT.name}"/>`);
    expect(first).toContain('<charset val="134"/>');
    expect(styles).not.toContain("Calibri");
  });

  test("a random county of 60 schools", async () => {
    const excel = countyWorkbook(randomCounty(60, 42));
    const { report, workbook } = await paneAndFile(excel);
    expectSameCells(excel, workbook, report);
  });

  test("formulas carry the engine's value as their cached result", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const { workbook, evaluation } = await paneAndFile(excel);
    const cv = workbook.getWorksheet("差异系数")!.getCell("F4");
    expect(cv.formula).toMatch(/^IF\(/);
    expect((cv.value as ExcelJS.CellFormulaValue).result).toBe(
      evaluation.levels.primary.balance.qualifiedTeachers.cv,
    );
  });

  test("each level's chart is a native chart with the same series as the pane's", async () => {
    const excel = countyWorkbook(sampleCountyRecords());
    const { bytes } = await paneAndFile(excel);
    const zip = unzipSync(bytes);
    const text = (name: string) => strFromU8(zip[name]);
    const charts = Object.keys(zip)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
    expect(charts).toHaveLength(2);
    const pane = excel.model.requireSheet("差异系数").charts;
    for (let i = 0; i < charts.length; i++) {
      const xml = text(charts[i]);
      expect(xml).toContain('<c:barDir val="col"/>');
      const refs = [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/\$/g, ""));
      const expected = pane[i].series.flatMap((s) => [`差异系数!${s.categories}`, `差异系数!${s.values}`]);
      expect(refs).toEqual(expected);
      // titled axes, in the file and in the pane alike: what the columns are and what they measure
      const titles = [...xml.matchAll(/<c:title>.*?<a:t>([^<]+)<\/a:t>/g)].map((m) => m[1]);
      expect(titles.slice(1)).toEqual(["指标", "差异系数"]);
      expect(pane[i].axisTitles).toEqual({ category: "指标", value: "差异系数" });
    }
    const types = text("[Content_Types].xml");
    expect(types).toContain("/xl/drawings/drawing1.xml");
    const rels = Object.keys(zip).filter((f) => /worksheets\/_rels\/.+\.rels$/.test(f));
    const relsText = rels.map(text);
    expect(relsText.join("")).toContain("../drawings/drawing1.xml");
  });
});
