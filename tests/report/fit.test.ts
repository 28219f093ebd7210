/**
 * Nothing of the report is cut off: in Excel and WPS, with the report's face (宋体: a Chinese character as wide as
 * two digits, a column's width counted in digits), every text of a table fits its column, wraps onto a row tall
 * enough for it, or runs on into an empty cell to its right. A county sheet filled in as a clerk does, with long
 * values (the derived items' counts), evidence and notes, and cells that cannot be read, is among the inputs:
 * all of it is on 全部指标.
 */
import type { Report } from "../../src/report/model";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { countyTemplateRows } from "../../src/sheet/countySheet";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { gridOf, randomCounty } from "../excel/county";
import { countyReport, filledCountySheet } from "./countySheets";
import { badBreaks, cutOff } from "./fitCheck";
import { samplePlanSheets } from "./samplePlanSheets";

const reportWith = (records: Parameters<typeof gridOf>[0], sheet: Grid | null): Report =>
  countyReport(records, sheet).report;

describe("no text of the report is cut off", () => {
  test("全部指标 with a filled county sheet: the derived items' counts, two measures, evidence and notes", () => {
    const report = reportWith(sampleCountyRecords(), filledCountySheet());
    const items = report.sheets.find((s) => s.key === "allItems")!;
    expect(cutOff(items)).toEqual([]);
    const text = items.rows.flat().map((cell) => String(cell?.value ?? ""));
    // the counts of item 5, whole, in a cell that wraps
    expect(
      text.some((t) =>
        /^核查 \d+ 个学校（校区），不达标学校 2 所，缺数据学校 0 所；大班额 1，超大班额 0$/.test(t),
      ),
    ).toBe(true);
    // the evidence and the notes the clerk wrote are there, by their item
    const rowOf = (needle: string) => items.rows.find((row) => row.some((cell) => cell?.value === needle))!;
    expect(rowOf("规划布局合理").map((cell) => cell?.value)).toContain(
      "《白狼县中小学布局规划（2021—2030）》县政府常务会议纪要",
    );
    expect(rowOf("小规模学校公用经费").map((cell) => cell?.value)).toContain(
      "备注：2025年数据，4所村小按100人核定",
    );
    expect(rowOf("教师培训完成率").map((cell) => cell?.value)).toContain("教师培训学时台账");
  });

  test("全部指标 of a county sheet whose formulas were never calculated: each value on the lines it takes", () => {
    // a generator's county sheet: 保障11-1 a formula without its result, 保障11-2 left blank
    const values: CellValue[][] = countyTemplateRows("zh").map((row) =>
      row[0] === "保障11-1" ? [...row.slice(0, 4), { formula: "0.5+14" }, ...row.slice(5)] : [...row],
    );
    const items = reportWith(sampleCountyRecords(), { sheet: "县级指标", topLeft: "A1", values }).sheets.find(
      (s) => s.key === "allItems",
    )!;
    const r = items.rows.findIndex((row) => row[2]?.value === "教师交流轮岗");
    const value = String(items.rows[r][4]?.value);
    expect(value).toBe("无法识别（“=0.5+14”）；未提供");
    // in its 18-character column the bracketed formula cannot share the line of 无法识别, and 未提供 does not fit
    // after it: three lines of 10-point text (LibreOffice's print), each at least 1.3 × 10 points high
    expect(items.rowHeights?.[r]).toBeGreaterThanOrEqual(3 * 10 * 1.3);
    expect(cutOff(items)).toEqual([]);
  });

  test("全部指标 lists what the county sheet held and could not be read, by cell", () => {
    const report = reportWith(sampleCountyRecords(), filledCountySheet());
    const items = report.sheets.find((s) => s.key === "allItems")!;
    const rows = items.rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(rows.some((row) => row[0] === "县级指标表的问题（2 条）")).toBe(true);
    const problem = (cell: string) => rows.find((row) => row[0] === cell);
    expect(problem("县级指标!E5")).toEqual(
      expect.arrayContaining(["警告", expect.stringMatching(/^保障2：括号中的说明“标准未出台”已记为备注/)]),
    );
    expect(problem("县级指标!E15")).toEqual(
      expect.arrayContaining(["错误", expect.stringMatching(/^保障11-1：“全部”不是数值/)]),
    );
  });

  test("汇总, the sheet a signer reads first, says the county sheet has problems and where they are listed", () => {
    const summaryTexts = (report: Report) =>
      report.sheets[0].rows.flat().map((cell) => String(cell?.value ?? ""));
    const texts = summaryTexts(reportWith(sampleCountyRecords(), filledCountySheet()));
    expect(texts).toContain("四、数据问题（2 条）");
    expect(texts).toContain(
      "县级指标表有 2 条问题（错误 1 条，警告 1 条），逐条列于“全部指标”表末尾，注明单元格；读不出的指标按缺数据计。",
    );
    const en = summaryTexts(
      countyReport(sampleCountyRecords(), filledCountySheet(), "Bailang County", "en").report,
    );
    expect(
      en.some((t) =>
        t.startsWith(
          "The county sheet has 2 problems (1 error, 1 warning), listed by cell at the end of the All items sheet",
        ),
      ),
    ).toBe(true);
    // a county sheet with nothing wrong adds nothing
    const clean = summaryTexts(reportWith(sampleCountyRecords(), null));
    expect(clean.filter((t) => t.includes("县级指标表有"))).toEqual([]);
  });

  test("汇总's failing items wrap at their places: a unit in brackets is not split", () => {
    const summary = reportWith(sampleCountyRecords(), null).sheets[0];
    const items = summary.rows
      .flat()
      .map((cell) => String(cell?.value ?? ""))
      .filter((t) => t.replace(/\n/g, "").endsWith("每百名学生拥有网络多媒体教室数（间/百生）"));
    // too long for its cell: the report sets its breaks, it does not leave them to the spreadsheet
    expect(items.filter((t) => t.includes("\n")).length).toBeGreaterThan(0);
    for (const text of items) {
      expect(text).toContain("（间/百生）");
      expect(text.split("\n").filter((line) => /^[）)]/.test(line))).toEqual([]);
    }
  });

  test("every sheet of the sample county's report and of generated counties", () => {
    const reports = [
      reportWith(sampleCountyRecords(), filledCountySheet()),
      reportWith(sampleCountyRecords(), null),
      // the blanks of a title to fill in by hand, and a county's full name
      countyReport(sampleCountyRecords(), filledCountySheet(), "").report,
      countyReport(sampleCountyRecords(), filledCountySheet(), "科尔沁右翼前旗").report,
      countyReport(sampleCountyRecords(), filledCountySheet(), "Bailang County", "en").report,
      reportWith(randomCounty(60, 2026), filledCountySheet()),
      reportWith(randomCounty(25, 7), null),
    ];
    expect(reports.flatMap((report) => report.sheets.flatMap(cutOff))).toEqual([]);
    // a header wraps at the places a person breaks it: 纳入计算学校 / （校区）数, never a lone ）
    expect(reports.flatMap((report) => report.sheets.flatMap(badBreaks))).toEqual([]);
  });

  test("the plan, rotation and scenario sheets: the narrow 交流轮岗 takes its signature on three lines", async () => {
    const sheets = await samplePlanSheets();
    expect(sheets.flatMap(cutOff)).toEqual([]);
    expect(sheets.flatMap(badBreaks)).toEqual([]);
    const signature = sheets[1].rows.flat().filter((cell) => cell?.style === "signature");
    expect(signature.map((cell) => cell!.value)).toEqual([
      "填报单位（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿",
      "填表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿",
      "联系电话：＿＿＿＿＿＿＿　　填报日期：＿＿年＿＿月＿＿日",
    ]);
  });
});
