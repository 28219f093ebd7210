/**
 * The pane where Excel lacks a requirement set. The double is told the highest ExcelApi set it has: its
 * isSetSupported answers as that Excel does, and a request using a member of a later set fails with ApiNotFound.
 * With exactly the set the pane requires (PANE_EXCEL_API, manifest-pane.xml), the pane's main flow runs through —
 * read the school table, the verdict, select the cells to fix, write the report — so no call above it is left
 * unguarded; with the sets of perpetual Excel 2016 (1.1) and 2019 (1.7), or 1.8, the pane's start check stops
 * before any call into Excel and names the web app, and the flow without that check would fail partway.
 */
import { OfficeError } from "../../src/excel/double/context";
import { doubleHost } from "../../src/excel/double/host";
import { PANE_EXCEL_API, unsupportedHost } from "../../src/taskpane/boot";
import { countyWorkbook, randomCounty, reportOf } from "./county";

const WEB = "https://example.org/web/index.html";

async function mainFlow(excelApi: string | null) {
  const excel = countyWorkbook(randomCounty(30, 7));
  excel.excelApi = excelApi;
  const host = doubleHost(excel, { seesHiddenLines: () => excel.isSetSupported("ExcelApi", "1.2") });
  await host.activateSheet("学校");
  const grid = await host.readTable("usedRange");
  const { result, report } = reportOf(grid);
  const cells = result.problems.map((p) => p.cell).filter((c): c is string => !!c);
  // a cell to fix: a problem's, or the first school's name when the table has none
  await host.selectCell(cells[0] ?? "学校!A3");
  const { written } = await host.writeReport(report, { replaceExisting: true });
  return { excel, result, written };
}

describe("the Excel double told which requirement sets it has", () => {
  it("answers isSetSupported as an Excel with those sets", () => {
    const excel = countyWorkbook(randomCounty(3, 1));
    expect(excel.isSetSupported("ExcelApi", "1.17")).toBe(true);
    excel.excelApi = "1.1";
    const { isSetSupported } = excel.office().context.requirements;
    expect([
      isSetSupported("ExcelApi", "1.1"),
      isSetSupported("ExcelApi"),
      isSetSupported("ExcelApi", "1.2"),
    ]).toEqual([true, true, false]);
    excel.excelApi = "1.10";
    expect([isSetSupported("ExcelApi", "1.9"), isSetSupported("ExcelApi", "1.10")]).toEqual([true, true]);
    expect(isSetSupported("ExcelApi", "1.11")).toBe(false);
  });

  it("fails a request using a member of a later set with ApiNotFound, at its sync; 1.1 members still work", async () => {
    const excel = countyWorkbook(randomCounty(3, 1));
    excel.excelApi = "1.1";
    const a1 = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("学校").getRange("A1:B2");
      range.load("values");
      await context.sync();
      return range.values[0][0];
    });
    expect(a1).toBe("测试县学校统计表");
    const fails = (batch: Parameters<typeof excel.run>[0]) =>
      excel.run(batch).then(
        () => null,
        (e: unknown) => (e instanceof OfficeError ? e.code : String(e)),
      );
    // a method of 1.7, a property of 1.2 named in a load, an argument of 1.2, a property of 1.4
    expect(
      await fails(async (c) => {
        c.workbook.worksheets.getItem("学校").getRangeByIndexes(0, 0, 1, 1).load("values");
        await c.sync();
      }),
    ).toBe("ApiNotFound");
    expect(
      await fails(async (c) => {
        c.workbook.worksheets.getItem("学校").getRange("A1").load("rowHidden");
        await c.sync();
      }),
    ).toBe("ApiNotFound");
    expect(
      await fails(async (c) => {
        c.workbook.worksheets.getItem("学校").getUsedRange(true).load("address");
        await c.sync();
      }),
    ).toBe("ApiNotFound");
    expect(
      await fails(async (c) => {
        c.workbook.settings.add("k", "v");
        await c.sync();
      }),
    ).toBe("ApiNotFound");
    expect(
      await fails(async (c) => {
        c.workbook.worksheets.getItem("学校").getUsedRange().load("values");
        await c.sync();
      }),
    ).toBeNull();
  });
});

describe("the pane's main flow by the ExcelApi set Excel has", () => {
  it(`with exactly ExcelApi ${PANE_EXCEL_API}, the set the pane requires: read, verdict, cells to fix, report`, async () => {
    const everything = await mainFlow(null);
    const { excel, result, written } = await mainFlow(PANE_EXCEL_API);
    expect(result.evaluation).toBeDefined();
    expect(written).toEqual(everything.written);
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) expect(excel.valuesOf(name)).toEqual(everything.excel.valuesOf(name));
  });

  it.each([
    ["1.1", "perpetual Excel 2016"],
    ["1.2", "Excel 2016 retail of Version 1601"],
    ["1.7", "volume-licensed Excel 2019"],
    ["1.8", "the last set before the pane's"],
  ])("with ExcelApi %s (%s): the start check says so and names the web app", async (excelApi) => {
    const excel = countyWorkbook(randomCounty(30, 7));
    excel.excelApi = excelApi;
    const note = unsupportedHost("Excel", excel.office(), WEB);
    expect(note?.zh).toContain("缺少均衡任务窗格所需的功能");
    expect(note?.zh).toContain(WEB);
    expect(note?.en).toContain(WEB);
    // the check is needed: without it the flow would fail partway, on a member this Excel lacks
    await expect(mainFlow(excelApi)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
