/**
 * A money unit stated in a line above the header (金额单位：元, 单位：人、平方米、万元) is the unit of a money column whose
 * header and unit row state none (docs/standard.md#equipment-unit): an export in 元 with such a line gives the verdict
 * of the same schools typed into the template, and so does a clerk's table.
 */
import type { Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { templateHeaderRow, type TemplateCell } from "../../src/sheet/template";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

const rows = leagueRows();
const gridOf = (titles: string[]): Grid => {
  const sheet = exportSheet(rows, { equipmentUnit: "元", unitRow: false, titles });
  return { sheet: sheet.sheet, topLeft: "A1", values: sheet.values, merges: sheet.merges };
};

describe("a money unit stated above the header", () => {
  it.each([
    ["金额单位：元", "填报单位：兴安盟教育局    金额单位：元    面积单位：平方米"],
    ["单位：人、平方米、元", "单位：人、平方米、元"],
  ])("reads an export in 元 under %s as the template", (_what, line) => {
    const grid = gridOf(["2024年教育事业统计 学校基本情况", line]);
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.problems.map((p) => p.code)).not.toContain("equipment-implausible");
      expect(read.equipmentUnit).toBe("元");
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });

  it("keeps the default (万元) where the lines state no money unit, or both", () => {
    for (const line of ["填报单位：兴安盟教育局", "金额单位：元；另表单位：万元"]) {
      const read = readSchoolTable(gridOf(["学校基本情况", line]), { county: COUNTY_LISTED });
      expect(read.equipmentUnit).toBe("万元");
    }
  });

  it("reads a clerk's table whose equipment header states no unit by the line above it", () => {
    const typed = templateRowsOf(rows, COUNTY_LISTED);
    const header = templateHeaderRow().map((h) => (h === "教学仪器设备值（万元）" ? "教学仪器设备值" : h));
    const column = header.indexOf("教学仪器设备值");
    const inYuan = typed.map((row) =>
      row.map((v, c): TemplateCell => (c === column && typeof v === "number" ? Math.round(v * 10000) : v)),
    );
    const read = readSchoolTable({
      sheet: "学校",
      topLeft: "A1",
      values: [["学校基本情况"], ["金额单位：元"], header, ...inYuan],
    });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.equipmentUnit).toBe("元");
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(templateRecords(typed))));
  });
});
