/**
 * The pane's 对比 labels each year by its year, else by the file it came from without its extension, else as the
 * earlier and the later table (useComparison.ts `trendYears`).
 */
import { evaluate } from "../../src/engine";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { trendYears } from "../../src/taskpane/compare/useComparison";
import { withoutSpreadsheetExtension } from "../../src/xlsx/spreadsheetFiles";
import { twoYearsWithRegression } from "./records";

const years = twoYearsWithRegression();
const earlier = evaluate(years[2025], NATIONAL_2017);
const later = evaluate(years[2026], NATIONAL_2017);

describe("the labels of the years the pane compares", () => {
  test("files without years are labelled by their names, .xlsx and .xlsm alike", () => {
    const trend = trendYears(
      { evaluation: earlier, file: "去年的表.xlsm", year: "" },
      { evaluation: later, file: "今年的表.XLSX", year: "" },
      "zh",
    );
    expect(trend?.map((y) => [y.year, y.label])).toEqual([
      [null, "去年的表"],
      [null, "今年的表"],
    ]);
  });

  test("years given label the years; two files of one name fall back to earlier and later", () => {
    const given = trendYears(
      { evaluation: earlier, file: "表.xlsm", year: "2025" },
      { evaluation: later, file: "表.xlsx", year: "2026" },
      "zh",
    );
    expect(given?.map((y) => [y.year, y.label])).toEqual([
      [2025, "2025"],
      [2026, "2026"],
    ]);
    const same = trendYears(
      { evaluation: earlier, file: "表.xlsm", year: "" },
      { evaluation: later, file: "表.xlsx", year: "" },
      "en",
    );
    expect(same?.[0].label).not.toBe(same?.[1].label);
    expect(same?.map((y) => y.label).join(" ")).not.toContain("表");
  });

  test("only a spreadsheet's extension is taken off", () => {
    expect(withoutSpreadsheetExtension("阿尔山市.2025.xlsm")).toBe("阿尔山市.2025");
    expect(withoutSpreadsheetExtension("科右前旗.ods")).toBe("科右前旗");
    expect(withoutSpreadsheetExtension("科右前旗.备份")).toBe("科右前旗.备份");
    expect(withoutSpreadsheetExtension("无扩展名")).toBe("无扩展名");
  });
});
