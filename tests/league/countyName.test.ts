/** Which county a workbook is about (src/sheet/countyName.ts): the table's, the county sheet's, the file's. */
import {
  countyInTitle,
  countyNamedIn,
  countyNameFromFile,
  countyNameInSheet,
  detectCountyName,
  isRevisedCopy,
  yearOfFile,
} from "../../src/sheet/countyName";
import { countyTemplateRows } from "../../src/sheet/countySheet";
import type { Grid } from "../../src/sheet/grid";

const PLAN = ["阿尔山市", "乌兰浩特市", "扎赉特旗", "科右前旗", "突泉县", "科右中旗"];

const sheet = (title: (string | null)[][]): Grid => ({
  sheet: "县级指标",
  topLeft: "A1",
  values: [...title, ...countyTemplateRows().slice(2)],
});

describe("countyNameFromFile", () => {
  test.each([
    ["阿尔山市-均衡评估.xlsx", "阿尔山市"],
    ["/data/2025_突泉县_学校统计表.xlsx", "突泉县"],
    ["C:\\统计\\扎赉特旗2026年.xlsx", "扎赉特旗"],
    ["白狼县 义务教育优质均衡 2025.xlsx", "白狼县"],
    ["白狼县（2025年）.xlsx", "白狼县"],
    ["2025年度-黑山县-数据.xlsx", "黑山县"],
    ["county-a.xlsx", "county-a"],
    // a division code (行政区划代码) before or after the name, a corrected copy, a copy's mark
    ["152224突泉.xlsx", "突泉"],
    ["152224-突泉县.xlsx", "突泉县"],
    ["黑山县152299.xlsx", "黑山县"],
    ["黑山县(修改).xlsx", "黑山县"],
    ["黑山县（更正版）.xlsx", "黑山县"],
    ["黑山县 - 副本.xlsx", "黑山县"],
    ["黑山县(1).xlsx", "黑山县"],
    ["黑山县二〇二五年.xlsx", "黑山县"],
    // a day the file was made, as eight digits
    ["黑山县20250930.xlsx", "黑山县"],
    ["20251008_黑山县.xlsx", "黑山县"],
    ["2025.xlsx", "2025"],
  ])("%s → %s", (file, name) => {
    expect(countyNameFromFile(file, PLAN)).toBe(name);
  });

  test("a county of the plan is given in the plan's spelling wherever it stands in the name", () => {
    expect(countyNameFromFile("兴安盟科右中旗学校统计表2025.xlsx", PLAN)).toBe("科右中旗");
  });
});

describe("yearOfFile and isRevisedCopy", () => {
  test.each([
    ["盟/2025年/阿尔山市.xlsx", 2025],
    ["盟/2025/阿尔山市.xlsx", 2025],
    ["盟/二〇二五年/阿尔山市.xlsx", 2025],
    ["盟/二零二四年度/阿尔山市.xlsx", 2024],
    ["盟/二○二六年/阿尔山市.xlsx", 2026],
    ["盟/２０２６年/阿尔山市.xlsx", 2026],
    ["阿尔山市二〇二六年.xlsx", 2026],
    ["阿尔山市20250930.xlsx", 2025],
    ["盟/20261008报送/阿尔山市.xlsx", 2026],
    ["阿尔山市20251399.xlsx", null],
    ["152202阿尔山市.xlsx", null],
    ["盟/新建文件夹/阿尔山市.xlsx", null],
  ])("%s → %s", (path, year) => {
    expect(yearOfFile(path)).toBe(year);
  });

  test("a name that says the copy was sent again to correct the first", () => {
    expect(
      ["科右前旗(修改).xlsx", "突泉县-更正版.xlsx", "扎赉特旗最终版.xlsx", "阿尔山市（修订）.xls"].map(
        isRevisedCopy,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ["科右前旗.xlsx", "科右前旗 - 副本.xlsx", "科右前旗(1).xlsx", "2026/科右前旗.xlsx"].map(isRevisedCopy),
    ).toEqual([false, false, false, false]);
  });
});

describe("countyNameInSheet", () => {
  test("the template's own title names no county", () => {
    expect(
      countyNameInSheet({ sheet: "县级指标", topLeft: "A1", values: countyTemplateRows() }, PLAN),
    ).toBeNull();
  });
  test("a county of the plan in the title rows", () => {
    expect(countyNameInSheet(sheet([["科右前旗 县级指标"], ["填写说明"]]), PLAN)).toBe("科右前旗");
  });
  test("a labelled cell, with a colon or beside its label", () => {
    expect(countyNameInSheet(sheet([["县级指标"], ["旗县市：白狼县"]]), PLAN)).toBe("白狼县");
    expect(countyNameInSheet(sheet([["县级指标"], ["县（市、区）", "黑山县"]]), PLAN)).toBe("黑山县");
  });
  test("a title that starts with a county's name (县域 is a word, not a county)", () => {
    expect(countyNameInSheet(sheet([["白狼县义务教育优质均衡发展县级指标"], ["说明"]]), PLAN)).toBe("白狼县");
    expect(countyNameInSheet(sheet([["县域义务教育优质均衡发展 县级指标"], ["说明"]]), PLAN)).toBeNull();
  });
  test("rows under the header are never read as a title", () => {
    const grid = sheet([["县级指标"], ["说明"]]);
    grid.values.push(["白狼县"]);
    expect(countyNameInSheet(grid, PLAN)).toBeNull();
  });
});

test("detectCountyName: the table's county first, then the county sheet's, then the file's", () => {
  const named = sheet([["突泉县 县级指标"], ["说明"]]);
  expect(
    detectCountyName({ file: "阿尔山市.xlsx", tableCounty: "科右中旗", countySheet: named, known: PLAN }),
  ).toEqual({
    name: "科右中旗",
    from: "table",
  });
  expect(detectCountyName({ file: "阿尔山市.xlsx", countySheet: named, known: PLAN })).toEqual({
    name: "突泉县",
    from: "countySheet",
  });
  expect(
    detectCountyName({ file: "阿尔山市.xlsx", countySheet: sheet([["县级指标"], ["说明"]]), known: PLAN }),
  ).toEqual({
    name: "阿尔山市",
    from: "file",
  });
});

describe("countyInTitle: a county of the plan a school table's title names", () => {
  test.each([
    [[["兴安盟阿尔山市义务教育学校办学条件统计表"]], "阿尔山市"],
    [[["科右前旗学校表（由“兴安盟阿尔山市统计.xlsx”转换）"]], "科右前旗"],
    [
      [
        [null, "  "],
        [2025, "2025年 突泉县 学校基本情况"],
      ],
      "突泉县",
    ],
    [[["科尔沁右翼前旗义务教育学校"]], "科尔沁右翼前旗"],
  ])("%j → %s", (rows, name) => {
    expect(countyInTitle(rows, [...PLAN, "科尔沁右翼前旗"])).toBe(name);
  });
  test("a title that names no county of the plan names none, whatever its first words", () => {
    expect(countyInTitle([["全市义务教育学校办学条件统计表"]], PLAN)).toBeNull();
    expect(countyInTitle([["白狼县义务教育学校办学条件统计表（2025年）"]], PLAN)).toBeNull();
    expect(countyInTitle([], PLAN)).toBeNull();
  });
  test("in detectCountyName: after the county sheet, before the file's name", () => {
    const title = [["突泉县学校表"]];
    expect(
      detectCountyName({
        file: "阿尔山市.xlsx",
        countySheet: sheet([["科右中旗 县级指标"]]),
        tableTitle: title,
        known: PLAN,
      }),
    ).toEqual({ name: "科右中旗", from: "countySheet" });
    expect(detectCountyName({ file: "阿尔山市.xlsx", tableTitle: title, known: PLAN })).toEqual({
      name: "突泉县",
      from: "tableTitle",
    });
  });
});

describe("countyNamedIn: only what names a county for certain", () => {
  test("a file's name that holds no county of the plan names none", () => {
    expect(countyNamedIn({ file: "学校统计表2025.xlsx", known: PLAN })).toBeNull();
    expect(countyNamedIn({ file: "sample-county.xlsx", known: PLAN })).toBeNull();
  });
  test("a county of the plan in the file's name, the county sheet's title, the table's county column", () => {
    expect(countyNamedIn({ file: "2026/兴安盟科右前旗学校统计.xlsx", known: PLAN })).toEqual({
      name: "科右前旗",
      from: "file",
    });
    const named = sheet([["白狼县义务教育优质均衡发展县级指标"], ["说明"]]);
    expect(countyNamedIn({ file: "学校统计表.xlsx", countySheet: named, known: PLAN })).toEqual({
      name: "白狼县",
      from: "countySheet",
    });
    expect(
      countyNamedIn({ file: "阿尔山市.xlsx", tableCounty: " 突泉县 ", countySheet: named, known: PLAN }),
    ).toEqual({ name: "突泉县", from: "table" });
  });
});
