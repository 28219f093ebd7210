import { whatifRow } from "../../src/functions/whatif";
import { checkRow } from "../../src/functions/school";
import { FunctionError } from "../../src/functions/errors";
import { excelError } from "../functions/helpers";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { HEADER, NINE_YEAR_PASS, PRIMARY_PASS, templateRow, type RowSpec } from "../functions/rows";

const P = NATIONAL_2017;
const row = (spec: RowSpec) => [templateRow(spec)];
const whatif = (
  spec: RowSpec,
  resource: unknown,
  delta: unknown,
  level?: unknown,
  headers: unknown[][] = [[null]],
) => whatifRow(P, row(spec), headers, resource, delta, level);

describe("BALANCE.WHATIF: the verdict after one change, through the scenario engine", () => {
  test("a change of zero gives BALANCE.CHECK's verdict", () => {
    expect(whatif(PRIMARY_PASS, "教学用房", 0)).toBe(checkRow(P, row(PRIMARY_PASS)));
    expect(whatif(NINE_YEAR_PASS, "在校生", 0, "小学")).toBe(checkRow(P, row(NINE_YEAR_PASS)));
  });

  test("docs/standard.md#indicators: +120 students take two indicators below standard and the school fails", () => {
    // 25 qualified teachers for 620: 4.03 < 4.2; 6 key teachers: 0.97 < 1.0 → two below standard
    expect(whatif(PRIMARY_PASS, "在校生", 120)).toBe("不达标");
    // +60: 25/560 = 4.46, 6/560 = 1.07, 5/560 = 0.89 (band), 2500/560 = 4.46 (band) → two in the band: fails
    expect(whatif(PRIMARY_PASS, "students", 60, "小学")).toBe("不达标");
  });

  test("docs/standard.md#pass-rule: one indicator may sit in the 85 % band; a second makes the school fail", () => {
    // removing 400 m² of 2,500: 4.2 m² per pupil ≥ 0.85 × 4.5 → in the band, still passes
    expect(whatif(PRIMARY_PASS, "teachingArea", -400)).toBe("达标");
    // and removing 2 key teachers too is not one change: instead remove 700 m² → 3.6 < 3.825, fails
    expect(whatif(PRIMARY_PASS, "教学用房", -700)).toBe("不达标");
  });

  test("equipment changes in the table's unit (万元)", () => {
    // 120 万元 for 500 pupils = 2,400 元; −30 万元 → 1,800 元, in the band (≥ 1,700): passes; −40 → 1,600: fails
    expect(whatif(PRIMARY_PASS, "仪器设备", -30)).toBe("达标");
    expect(whatif(PRIMARY_PASS, "equipmentValue", -40)).toBe("不达标");
  });

  test("equipment changes in 元 when the row's header says 仪器设备值（元）, as CHECK reads the row", () => {
    const inYuan = [HEADER.map((h) => h.replace("（万元）", "（元）"))];
    // 800,000 元 for 500 pupils = 1,600 元 < 1,700 (85 % of 2,000): fails
    const short = { ...PRIMARY_PASS, equipmentValue: 800_000 };
    expect(checkRow(P, row(short), inYuan)).toBe("不达标");
    // +40 元 changes nothing that shows; +100,000 元 → 1,800 元, in the band: passes
    expect(whatif(short, "仪器设备", 40, undefined, inYuan)).toBe("不达标");
    expect(whatif(short, "仪器设备", 100_000, undefined, inYuan)).toBe("达标");
    // columns in another order under the same header words: read as a table, the unit from its header
    const order = [...inYuan[0].keys()].reverse();
    const reordered = [order.map((i) => inYuan[0][i])];
    const cells = templateRow(short);
    const shortRow = [order.map((i) => cells[i])];
    expect(whatifRow(P, shortRow, reordered, "仪器设备", 40)).toBe("不达标");
    expect(whatifRow(P, shortRow, reordered, "仪器设备", 100_000)).toBe("达标");
    // the same school in the template's 万元 changes in 万元
    expect(whatif({ ...short, equipmentValue: 80 }, "仪器设备", 10)).toBe("达标");
  });

  test("docs/standard.md#apportioning: teachers of a combined school need the level; facilities go to the whole school", () => {
    expect(() => whatif(NINE_YEAR_PASS, "骨干教师", -3)).toThrow(FunctionError);
    expect(whatif(NINE_YEAR_PASS, "骨干教师", 2, "初中")).toBe("达标");
    expect(() => whatif(PRIMARY_PASS, "骨干教师", 1, "初中")).toThrow(/没有初中学段/);
  });

  test("people and rooms change by whole numbers, read as INDICATOR reads them; binary noise is not a fraction", () => {
    // =0.1*3*10 is 3.0000000000000004: three key teachers, as the reader and INDICATOR take it
    const noisy = 0.1 * 3 * 10;
    expect(Number.isInteger(noisy)).toBe(false);
    expect(whatif(PRIMARY_PASS, "骨干教师", -noisy)).toBe(whatif(PRIMARY_PASS, "骨干教师", -3));
    expect(whatif(PRIMARY_PASS, "多媒体教室", -noisy)).toBe(whatif(PRIMARY_PASS, "多媒体教室", -3));
    const e = excelError(() => whatif(PRIMARY_PASS, "多媒体教室", 2.5));
    expect(e.zh).toContain("变化量应为整数（收到 2.5）");
    expect(e.en).toContain("the change must be a whole number (got 2.5)");
  });

  test("with a header row; errors are #VALUE! with a message", () => {
    expect(whatifRow(P, row(PRIMARY_PASS), [HEADER], "在校生", 120)).toBe("不达标");
    expect(() => whatif(PRIMARY_PASS, "图书", 1)).toThrow(/未知的指标/);
    expect(() => whatif(PRIMARY_PASS, "骨干教师", 1.5)).toThrow(/整数/);
    expect(() => whatif(PRIMARY_PASS, "骨干教师", -99)).toThrow(/骨干教师只有 6 人，不能减少 99 人，未应用/);
    expect(() => whatif(PRIMARY_PASS, "骨干教师", "many")).toThrow(/数字/);
  });

  test("an error value in the change, the resource or the level is passed on, as Excel's functions do", () => {
    for (const [resource, delta, level, what] of [
      ["教学用房", { code: "#N/A" }, undefined, "变化量"],
      [{ code: "#N/A" }, 600, undefined, "资源"],
      ["教学用房", 600, { code: "#N/A" }, "学段"],
    ] as const) {
      const e = excelError(() => whatif(PRIMARY_PASS, resource, delta, level));
      expect([e.kind, e.zh]).toEqual(["#N/A", `${what}是错误值 #N/A`]);
    }
  });

  test("a change written as text is read as the reader reads a number; what is not a number is named", () => {
    expect(whatif(PRIMARY_PASS, "教学用房", "-700")).toBe(whatif(PRIMARY_PASS, "教学用房", -700));
    expect(whatif(PRIMARY_PASS, "在校生", "１２０")).toBe(whatif(PRIMARY_PASS, "在校生", 120));
    expect(whatif(PRIMARY_PASS, "教学用房", "1,200")).toBe(whatif(PRIMARY_PASS, "教学用房", 1200));
    expect(() => whatif(PRIMARY_PASS, "骨干教师", "2 人")).toThrow(/变化量应为数字，而不是 “2 人”/);
  });
});
