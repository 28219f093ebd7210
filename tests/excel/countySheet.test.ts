/**
 * The pane's 插入县级指标表 over the Excel double: the county sheet as `balance template --county` writes it (the
 * sheet layer's rows, a 是/否 drop-down on the questions answered yes or no), in a constant number of syncs, and
 * read back by the pane's read button as every item still missing.
 */
import { doubleHost } from "../../src/excel/double/host";
import { ExcelDouble } from "../../src/excel/double/excel";
import { countyChecklist } from "../../src/engine/county/checklist";
import { evaluateCounty } from "../../src/engine/county/verdict";
import {
  COUNTY_SHEET_ROWS,
  COUNTY_TEMPLATE_HEADER_ROW,
  countyTemplateRows,
  isCountySheet,
  readCountySheet,
} from "../../src/sheet/countySheet";
import { COUNTY_MEASURES } from "../../src/standard/county";
import { soundPrimary } from "../county/helpers";

/** The template's rows as Office gives them back: blanks as "", every row as wide as the header. */
function asWritten(lang: "zh" | "en"): (string | number | boolean)[][] {
  const rows = countyTemplateRows(lang);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}

function workbook(): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheetWithValues("学校", [["学校名称"]]);
  return excel;
}

/** Row (1-based) of every value cell that carries a drop-down, with its list. */
function dropDowns(excel: ExcelDouble, name: string): Map<number, string> {
  const sheet = excel.model.requireSheet(name);
  const out = new Map<number, string>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell?.validation) return;
      expect(c).toBe(4); // 填报值
      expect(cell.validation.list.inCellDropDown).toBe(true);
      out.set(r + 1, cell.validation.list.source);
    }),
  );
  return out;
}

describe("insertCountySheet", () => {
  test("writes the rows of the county sheet, header frozen, under a free name", async () => {
    const excel = workbook();
    const host = doubleHost(excel);
    expect(await host.insertCountySheet({ lang: "zh" })).toBe("县级指标");
    expect(excel.valuesOf("县级指标")).toEqual(asWritten("zh"));
    const sheet = excel.model.requireSheet("县级指标");
    expect(sheet.freeze).toEqual({ rows: COUNTY_TEMPLATE_HEADER_ROW + 1, columns: 0 });
    expect(sheet.rows[COUNTY_TEMPLATE_HEADER_ROW]?.every((c) => c?.format?.bold)).toBe(true);
    expect(sheet.columnWidths.size).toBe(7);
    expect(excel.model.activeSheet).toBe("县级指标");
    // a second insert leaves the filled-in sheet alone
    expect(await host.insertCountySheet({ lang: "zh" })).toBe("县级指标 (2)");
    expect(excel.valuesOf("学校")).toEqual([["学校名称"]]);
  });

  test("a 是/否 drop-down on the value cell of exactly the questions answered yes or no", async () => {
    const excel = workbook();
    await doubleHost(excel).insertCountySheet({ lang: "zh" });
    const first = COUNTY_TEMPLATE_HEADER_ROW + 2;
    const yesNoRows = COUNTY_SHEET_ROWS.flatMap((r, i) => (r.yesNo ? [first + i] : []));
    const attestedRows = COUNTY_SHEET_ROWS.flatMap((r, i) => (r.kind === "attested" ? [first + i] : []));
    const lists = dropDowns(excel, "县级指标");
    expect([...lists.keys()].sort((a, b) => a - b)).toEqual(yesNoRows);
    expect(attestedRows.length).toBeGreaterThan(0);
    for (const row of attestedRows) expect(lists.get(row)).toBe("是,否");
    // a share or an amount takes any figure: no list there
    const figureRow = COUNTY_SHEET_ROWS.findIndex((r) => r.kind === "percent");
    expect(figureRow).toBeGreaterThanOrEqual(0);
    expect(lists.has(first + figureRow)).toBe(false);
  });

  test("the English sheet also offers yes and no", async () => {
    const excel = workbook();
    const name = await doubleHost(excel).insertCountySheet({ lang: "en" });
    expect(excel.valuesOf(name)).toEqual(asWritten("en"));
    expect(new Set(dropDowns(excel, name).values())).toEqual(new Set(["是,否,yes,no"]));
  });

  test("the rule reads back through the proxy after a sync, not before", async () => {
    const excel = workbook();
    await doubleHost(excel).insertCountySheet({ lang: "zh" });
    const row = COUNTY_TEMPLATE_HEADER_ROW + 2 + COUNTY_SHEET_ROWS.findIndex((r) => r.kind === "attested");
    await excel.run(async (context) => {
      const validation = context.workbook.worksheets.getItem("县级指标").getRange(`E${row}`).dataValidation;
      validation.load("rule");
      expect(() => validation.rule).toThrow(/not available/);
      await context.sync();
      expect(validation.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    });
  });

  test("two syncs, the same for a workbook of many sheets", async () => {
    const small = workbook();
    let s0 = small.syncCount;
    await doubleHost(small).insertCountySheet({ lang: "zh" });
    expect(small.syncCount - s0).toBe(2);
    const large = workbook();
    for (let i = 0; i < 30; i++) large.addSheetWithValues(`Sheet${i}`, [[i]]);
    await doubleHost(large).insertCountySheet({ lang: "zh" });
    s0 = large.syncCount;
    await doubleHost(large).insertCountySheet({ lang: "en" });
    expect(large.syncCount - s0).toBe(2);
  });

  test("read back by the pane's read button, every item the county reports is missing", async () => {
    const excel = workbook();
    const host = doubleHost(excel);
    await host.insertCountySheet({ lang: "zh" });
    const grid = await host.readTable("usedRange");
    expect(grid.sheet).toBe("县级指标");
    expect(isCountySheet(grid)).toBe(true);
    const read = readCountySheet(grid);
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.answers).sort()).toEqual(COUNTY_MEASURES.map((m) => m.id).sort());
    expect(Object.values(read.answers).every((a) => a?.value === null)).toBe(true);
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    // G3–G5 are computed from the school table, not read from the sheet
    const statuses = countyChecklist(verdict)
      .filter((e) => !["G3", "G4", "G5"].includes(e.key))
      .map((e) => e.status);
    expect(new Set(statuses)).toEqual(new Set(["missing"]));
  });
});
