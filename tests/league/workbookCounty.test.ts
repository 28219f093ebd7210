/**
 * Which county one workbook evaluated on its own is about (src/workbookCounty.ts): the county given, else the one
 * the workbook names, looked up in the plan; and the warning when the workbook names another than the one given.
 */
import { countyTemplateRows } from "../../src/sheet/countySheet";
import type { Grid } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { countyNamedOtherwise, workbookCounty } from "../../src/workbookCounty";

const countySheet = (title: string): Grid => ({
  sheet: "县级指标",
  topLeft: "A1",
  values: [[title], ["说明"], ...countyTemplateRows().slice(2)],
});
const about = (input: Partial<Parameters<typeof workbookCounty>[0]>) =>
  workbookCounty({ file: "学校统计表.xlsx", tableCounty: null, countySheet: null, ...input }, NATIONAL_2017);

describe("the county a workbook is about", () => {
  test("a file named after a county of the plan: that county, its target year, from the file", () => {
    const county = about({ file: "/data/2026/阿尔山市学校统计表.xlsx" });
    expect(county).toMatchObject({ name: "阿尔山市", from: "file", namedOtherwise: null });
    expect(county.target?.targetYear).toBe(2026);
  });

  test("a file whose name holds no county of the plan: nothing, where batch would name the county after it", () => {
    expect(about({ file: "sample-county.xlsx" })).toEqual({
      name: null,
      from: null,
      target: undefined,
      namedOtherwise: null,
    });
  });

  test("the table's county column, in the plan's spelling (科尔沁右翼前旗 is 科右前旗)", () => {
    const county = about({ file: "统计导出.xlsx", tableCounty: "科尔沁右翼前旗" });
    expect(county).toMatchObject({ name: "科右前旗", from: "table" });
    expect(county.target?.targetYear).toBe(2028);
  });

  test("the county sheet's title before the file's name; a county the plan does not list has no target", () => {
    const county = about({
      file: "阿尔山市.xlsx",
      countySheet: countySheet("白狼县义务教育优质均衡发展县级指标"),
    });
    expect(county).toMatchObject({ name: "白狼县", from: "countySheet", target: undefined });
  });

  test("a county given comes first, in the plan's spelling, with its target year", () => {
    const county = about({ file: "阿尔山市.xlsx", given: "扎赉特" });
    expect(county).toMatchObject({ name: "扎赉特旗", from: "given" });
    expect(county.target?.targetYear).toBe(2028);
  });
});

describe("a workbook that names another county than the one given", () => {
  test("by its file's name: a warning naming both, evaluated as the county given", () => {
    const county = about({ file: "/data/阿尔山市.xlsx", given: "科右前旗" });
    expect(county.namedOtherwise).toEqual({ name: "阿尔山市", from: "file" });
    const problem = countyNamedOtherwise(county, "/data/阿尔山市.xlsx");
    expect(problem).toMatchObject({ severity: "warning", code: "county-named-otherwise", cell: null });
    expect(problem?.message.zh).toContain("“科右前旗”");
    expect(problem?.message.zh).toContain("文件名“阿尔山市.xlsx”");
    expect(problem?.message.en).toContain('"阿尔山市"');
  });

  test("by its county sheet's title", () => {
    const county = about({ given: "突泉县", countySheet: countySheet("白狼县 县级指标") });
    expect(county.namedOtherwise).toEqual({ name: "白狼县", from: "countySheet" });
    expect(countyNamedOtherwise(county, "学校统计表.xlsx")?.message.zh).toContain("县级指标表");
  });

  test.each([
    ["the same county by its short name", "阿尔山市.xlsx", "阿尔山", null],
    ["the same county by its full name", "科右前旗2026.xlsx", "科尔沁右翼前旗", null],
    ["a county unknown to the plan, spelt without its 县", "学校统计表.xlsx", "白狼", "白狼县 县级指标"],
  ])("no warning: %s", (_, file, given, title) => {
    const county = about({ file, given, countySheet: title === null ? null : countySheet(title) });
    expect(county.namedOtherwise).toBeNull();
    expect(countyNamedOtherwise(county, file)).toBeNull();
  });

  test("a table with a county column read for the county given names no other, whatever the file says", () => {
    const county = about({ file: "阿尔山市.xlsx", given: "科右前旗", tableCounty: "科尔沁右翼前旗" });
    expect(county.namedOtherwise).toBeNull();
    expect(countyNamedOtherwise(county, "阿尔山市.xlsx")).toBeNull();
  });
});
