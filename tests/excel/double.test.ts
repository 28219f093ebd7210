/** The in-memory Excel double keeps Office's load/sync semantics and computes the report's formulas. */
import { OfficeError } from "../../src/excel/double/context";
import { ExcelDouble, selectInDouble } from "../../src/excel/double/excel";
import { FormulaEvaluator, type Scalar } from "../../src/excel/double/formula";
import { differenceCoefficient } from "../../src/engine";

describe("load and sync", () => {
  test("a property throws until it is loaded and the context synced", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("学校", [["a", 1]]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("学校").getRange("A1:B1");
      // reading before sync is the mistake this test shows the double catching
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
  });

  test("writes are queued and applied only at sync; each sync is counted with its payload", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("S", [[1]]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
      expect(excel.valuesOf("S")).toEqual([[1]]);
      await context.sync();
      expect(excel.valuesOf("S")).toEqual([[2]]);
    });
    expect(excel.syncCount).toBe(1);
    expect(excel.requests[0].bytes).toBeGreaterThan(0);
  });

  test("a request over 5 MB is refused whole", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("S", [[1]]);
    const big = Array.from({ length: 60000 }, () => ["x".repeat(100)]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(excel.valuesOf("S")).toEqual([[1]]);
  });

  test("a failing operation stops the request after the ones before it were applied", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("S", [[1]]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add("T");
        context.workbook.worksheets.getItem("missing").getRange("A1").values = [[1]];
        context.workbook.worksheets.add("U");
        await context.sync();
      }),
    ).rejects.toThrow(OfficeError);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["S", "T"]);
  });

  test("null objects are known after sync", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("S", [[1]]);
    await excel.run(async (context) => {
      const a = context.workbook.worksheets.getItemOrNullObject("S");
      const b = context.workbook.worksheets.getItemOrNullObject("nope");
      const setting = context.workbook.settings.getItemOrNullObject("k");
      setting.load("value");
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => a.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect([a.isNullObject, b.isNullObject, setting.isNullObject]).toEqual([false, true, true]);
    });
  });

  test("renaming a sheet carries formulas that refer to it, as Excel does", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("Tmp", [[2, 3]]);
    excel.addSheetWithValues("Other", [["=SUM(Tmp!A1:B1)"]]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Tmp").name = "达标情况";
      await context.sync();
    });
    expect(excel.model.sheet("Other")!.rows[0][0]!.formula).toBe("=SUM(达标情况!A1:B1)");
    expect(excel.valuesOf("Other")).toEqual([[5]]);
  });

  test("the selection is read through getSelectedRange", async () => {
    const excel = new ExcelDouble();
    excel.addSheetWithValues("S", [
      [1, 2],
      [3, 4],
    ]);
    selectInDouble(excel, "S!B1:B2");
    const values = await excel.run(async (context) => {
      const r = context.workbook.getSelectedRange();
      r.load("values,address");
      await context.sync();
      return [r.values, r.address];
    });
    expect(values).toEqual([[[2], [4]], "S!B1:B2"]);
  });
});

describe("formula evaluator", () => {
  const cells: Record<string, Scalar> = {};
  const ev = new FormulaEvaluator((sheet, row, col) => cells[`${sheet}!${row},${col}`] ?? null);
  const put = (sheet: string, rows: Scalar[][]) =>
    rows.forEach((r, i) => r.forEach((v, j) => (cells[`${sheet}!${i},${j}`] = v)));

  test("docs/standard.md#coefficient published example: SUMPRODUCT formulas give CV 0.5153, the engine's value", () => {
    put("图书", [
      ["小学1", 45, 279 / 45],
      ["小学2", 37, 137 / 37],
      ["小学3", 89, 935 / 89],
      ["小学4", 76, 160 / 76],
      ["小学5", 55, 402 / 55],
    ]);
    const mean = ev.evaluate("=SUMPRODUCT(图书!B1:B5*图书!C1:C5)/SUM(图书!B1:B5)", "x") as number;
    expect(mean).toBeCloseTo(1913 / 302, 12);
    cells["x!0,0"] = mean;
    const s = ev.evaluate("=SQRT(SUMPRODUCT(图书!B1:B5*(图书!C1:C5-A1)^2)/SUM(图书!B1:B5))", "x") as number;
    const engine = differenceCoefficient(
      [279 / 45, 137 / 37, 935 / 89, 160 / 76, 402 / 55],
      [45, 37, 89, 76, 55],
    );
    expect(Math.abs(s / mean - engine.cv!)).toBeLessThan(1e-12);
    expect(s / mean).toBeCloseTo(0.5153, 4);
  });

  test("Excel's coercions: blank is 0 or empty text, booleans multiply as 1/0, text in SUMPRODUCT is 0", () => {
    put("S", [
      ["小学", 10, 2],
      ["初中", 20, null],
      ["小学", "x", 4],
    ]);
    expect(ev.evaluate('=SUMPRODUCT((S!A1:A3="小学")*S!C1:C3)', "S")).toBe(6);
    expect(ev.evaluate("=SUMPRODUCT(S!B1:B3)", "S")).toBe(30);
    expect(ev.evaluate("=S!C2=0", "S")).toBe(true);
    expect(ev.evaluate('=S!C2=""', "S")).toBe(true);
    expect(ev.evaluate("=S!B3*2", "S")).toEqual({ error: "#VALUE!" });
    expect(ev.evaluate("=1/0", "S")).toEqual({ error: "#DIV/0!" });
    expect(ev.evaluate('=IF(1>2,"a",IF(2<=2,"b","c"))', "S")).toBe("b");
    expect(ev.evaluate("=ABS(-2)^2+-1", "S")).toBe(3);
    expect(ev.evaluate("=0.5<=0.5*(1+1E-9)", "S")).toBe(true);
    expect(ev.evaluate('="a"&1', "S")).toBe("a1");
    expect(ev.evaluate("=NOPE(1)", "S")).toEqual({ error: "#NAME?" });
    expect(ev.evaluate("=SUMPRODUCT(S!B1:B2,S!C1:C3)", "S")).toEqual({ error: "#VALUE!" });
  });

  test("quoted sheet names and absolute references", () => {
    put("My sheet", [[1], [2]]);
    expect(ev.evaluate("=SUM('My sheet'!$A$1:$A$2)", "S")).toBe(3);
  });
});
