import ExcelJS from "exceljs";
import { countySheetWorkbook, addCountySheet } from "../../src/xlsx/countyTemplate";
import { readWorkbook } from "../../src/xlsx/read";
import { newWorkbook, workbookBytes } from "../../src/xlsx/write";
import { COUNTY_SHEET_ROWS, COUNTY_TEMPLATE_HEADER_ROW, readCountySheet } from "../../src/sheet/countySheet";
import { COUNTY_MEASURES } from "../../src/standard/county";
import { evaluateCounty } from "../../src/engine/county";
import { soundPrimary } from "./helpers";
import { pageSetupOf } from "../report/printCheck";

const firstRow = COUNTY_TEMPLATE_HEADER_ROW + 2; // 1-based row of the first item

describe("the county sheet workbook (balance template --county)", () => {
  it("writes 县级指标 with the header, every row, requirements and a 是/否 drop-down for attested items", async () => {
    const bytes = await countySheetWorkbook();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("县级指标");
    expect(sheet).toBeDefined();
    const ws = sheet as ExcelJS.Worksheet;
    expect(ws.getRow(COUNTY_TEMPLATE_HEADER_ROW + 1).values).toEqual([
      undefined,
      "编号",
      "部分",
      "指标",
      "要求",
      "填报值",
      "佐证材料",
      "备注",
    ]);
    COUNTY_SHEET_ROWS.forEach((r, i) => expect(ws.getCell(firstRow + i, 1).value).toBe(r.code));
    const g1 = firstRow + COUNTY_SHEET_ROWS.findIndex((r) => r.code === "保障1");
    const validation = (
      ws as unknown as { dataValidations: { find(a: string): { formulae: string[] } | undefined } }
    ).dataValidations.find(`E${g1}`);
    expect(validation?.formulae).toEqual(['"是,否"']);
    const g7 = firstRow + COUNTY_SHEET_ROWS.findIndex((r) => r.code === "保障7");
    expect(ws.getCell(g7, 4).value).toContain("6,000");
  });

  it("prints on A4 landscape at 100 %: header repeated, rows as tall as their wrapped text, pages numbered", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await countySheetWorkbook()) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet("县级指标")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toBe(
      `${COUNTY_TEMPLATE_HEADER_ROW + 1}:${COUNTY_TEMPLATE_HEADER_ROW + 1}`,
    );
    const check = pageSetupOf(ws);
    // the columns fit the page: nothing is shrunk
    expect(check.scale).toBe(1);
    expect(check.printedFont).toBeGreaterThanOrEqual(9);
    expect(check.footer).toMatch(/第 &P 页 共 &N 页$/);
    // a requirement that wraps onto three lines gets a row three lines tall
    const g3 = firstRow + COUNTY_SHEET_ROWS.findIndex((r) => r.code === "保障3");
    expect(ws.getRow(g3).height).toBeGreaterThanOrEqual(40);
    const g7 = firstRow + COUNTY_SHEET_ROWS.findIndex((r) => r.code === "保障7");
    expect(ws.getRow(g7).height).toBeLessThan(ws.getRow(g3).height!);
  });

  it("is byte-stable", async () => {
    expect(Buffer.compare(await countySheetWorkbook(), await countySheetWorkbook())).toBe(0);
  });

  it("filled in Excel and read back: values, blanks as missing, cells named", async () => {
    const workbook = newWorkbook();
    const ws = addCountySheet(workbook);
    const rowOf = (code: string) => firstRow + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code);
    ws.getCell(rowOf("保障9"), 5).value = 1;
    ws.getCell(rowOf("保障1"), 5).value = "是";
    ws.getCell(rowOf("保障1"), 6).value = "县政府〔2025〕12号";
    ws.getCell(rowOf("保障11-1"), 5).value = 0.08;
    ws.getCell(rowOf("否决3"), 5).value = "否";
    const read = await readWorkbook(await workbookBytes(workbook));
    if (!read.ok) throw new Error(read.problem.message.en);
    const grid = read.grids.find((g) => g.sheet === "县级指标");
    if (!grid) throw new Error("no county sheet");
    const answers = readCountySheet(grid);
    expect(answers.problems).toEqual([]);
    expect(Object.keys(answers.answers)).toHaveLength(COUNTY_MEASURES.length);
    expect(answers.answers["g1.attested"]).toMatchObject({
      value: true,
      cell: `县级指标!E${rowOf("保障1")}`,
      evidence: "县政府〔2025〕12号",
    });
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: answers.answers });
    expect(verdict.guarantee.map((i) => i.status).slice(0, 12)).toEqual([
      "pass",
      "missing",
      "pass",
      "pass",
      "pass",
      "missing",
      "missing",
      "missing",
      "pass",
      "missing",
      "fail",
      "missing",
    ]);
    expect(verdict.vetoes[2].status).toBe("pass");
    expect(verdict.countyPass).toBe(false);
  });
});
