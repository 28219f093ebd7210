/**
 * An export whose only place column is 所在地区 (a path such as 内蒙古自治区兴安盟阿尔山市, or a county's name) or
 * 行政区划代码 (docs/import.md#counties): the county is read from it, so --county selects that county's schools and
 * a table of several counties is told as such; a table with no place at all, read for a county, says so.
 */
import type { Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { countyOfPlace } from "../../src/sheet/recipe/statisticsCodes";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { columnOf } from "./exportFixture";
import { rounded, templateRecords, verdictOf, withColumnRewritten } from "./helpers";

const rows = leagueRows();
const headed = (label: string) => exportSheet(rows, { rename: { 统计三级: label } });
/** the export with its county column headed `label`, each county written as `write` says */
const placed = (label: string, write: Record<string, string>): Grid => {
  const sheet = headed(label);
  return withColumnRewritten(sheet, columnOf(sheet, label), (v) => write[v]);
};
const PATHS = {
  [COUNTY_LISTED]: "内蒙古自治区兴安盟阿尔山市",
  [COUNTY_UNLISTED]: "内蒙古自治区›兴安盟›乌兰浩特市›都林街道",
};
const errors = (grid: Grid, county?: string) =>
  readSchoolTable(grid, county === undefined ? {} : { county }).problems.filter(
    (p) => p.severity === "error",
  );

describe("the county of a place", () => {
  it.each([
    ["内蒙古自治区兴安盟阿尔山市", "阿尔山市"],
    ["内蒙古自治区兴安盟乌兰浩特市", "乌兰浩特市"],
    ["内蒙古自治区›兴安盟›科尔沁右翼前旗›归流河镇", "科尔沁右翼前旗"],
    ["内蒙古自治区/通辽市/扎鲁特旗/鲁北镇", "扎鲁特旗"],
    ["内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇", "鄂温克族自治旗"],
    ["内蒙古自治区 呼伦贝尔市 额尔古纳市 拉布大林街道", "额尔古纳市"],
    ["内蒙古自治区锡林郭勒盟东乌珠穆沁旗满都宝力格苏木", "东乌珠穆沁旗"],
    ["阿尔山市", "阿尔山市"],
    ["152202阿尔山市", "阿尔山市"],
    ["152202", "152202"],
    ["152202100000", "152202"],
    ["内蒙古自治区兴安盟", null],
  ])("reads %s as %s", (text, county) => {
    expect(countyOfPlace(text)).toBe(county);
  });
});

describe("an export whose counties are in 所在地区 or 行政区划代码", () => {
  const cases: [string, Grid, string, string][] = [
    ["所在地区 as paths", placed("所在地区", PATHS), "阿尔山市", "乌兰浩特市"],
    [
      "所在地区 as names",
      placed("所在地区", { [COUNTY_LISTED]: "阿尔山市", [COUNTY_UNLISTED]: "乌兰浩特市" }),
      "阿尔山市",
      "乌兰浩特市",
    ],
    [
      "行政区划代码 of twelve digits and six",
      placed("行政区划代码", { [COUNTY_LISTED]: "152202100000", [COUNTY_UNLISTED]: "152201" }),
      "152202",
      "152201",
    ],
  ];

  // a clerk's export mixing the ways: paths, names and codes with names, row by row
  let nth = 0;
  const mixed: Record<string, string[]> = {
    [COUNTY_LISTED]: ["内蒙古自治区兴安盟阿尔山市", "阿尔山市", "152202阿尔山市", "兴安盟阿尔山市白狼镇"],
    [COUNTY_UNLISTED]: ["乌兰浩特市", "内蒙古自治区/兴安盟/乌兰浩特市", "乌兰浩特市（152201）"],
  };
  const sheet = headed("所在地区");
  cases.push([
    "所在地区 written in several ways",
    withColumnRewritten(sheet, columnOf(sheet, "所在地区"), (v) => mixed[v][nth++ % mixed[v].length]),
    "阿尔山市",
    "乌兰浩特市",
  ]);

  it.each(cases)("%s: --county reads that county's schools alone", (_how, grid, first, second) => {
    expect(readSchoolTable(grid).recipe?.counties).toEqual([first, second]);
    expect(errors(grid).map((p) => p.code)).toEqual(["several-counties"]);
    for (const [county, fixture] of [
      [first, COUNTY_LISTED],
      [second, COUNTY_UNLISTED],
    ]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      const own = rows.filter((r) => r.county === fixture).length;
      expect(read.records.length).toBeGreaterThan(0);
      expect(read.records.length).toBeLessThanOrEqual(own);
      const typed = templateRecords(templateRowsOf(rows, fixture));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });

  it("a table with no place at all, read for a county, warns that every row is read as it", () => {
    const grid = placed("备注", { [COUNTY_LISTED]: "", [COUNTY_UNLISTED]: "" });
    const read = readSchoolTable(grid, { county: "阿尔山市" });
    const said = read.problems.filter((p) => p.code === "county-not-in-table");
    expect(said).toHaveLength(1);
    expect(said[0].severity).toBe("warning");
    expect(said[0].message.zh).toContain("阿尔山市");
    expect(said[0].message.zh).toContain("所在地区");
    // nor does a 所在地区 naming the league alone
    const league = placed("所在地区", {
      [COUNTY_LISTED]: "内蒙古自治区兴安盟",
      [COUNTY_UNLISTED]: "内蒙古自治区兴安盟",
    });
    expect(
      readSchoolTable(league, { county: "阿尔山市" }).problems.filter(
        (p) => p.code === "county-not-in-table",
      ),
    ).toHaveLength(1);
    // without --county nothing is said
    expect(readSchoolTable(grid).problems.filter((p) => p.code === "county-not-in-table")).toEqual([]);
  });
});
