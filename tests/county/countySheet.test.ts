import {
  COUNTY_SHEET_ROWS,
  COUNTY_TEMPLATE_HEADER_ROW,
  absentMeasures,
  countyTemplateRows,
  isCountySheet,
  readCountySheet,
} from "../../src/sheet/countySheet";
import { formatItemValue, formatMeasureValue, parseMeasureValue } from "../../src/sheet/countyValues";
import { countyChecklist } from "../../src/engine/county/checklist";
import { evaluateCounty } from "../../src/engine/county/verdict";
import { COUNTY_MEASURES } from "../../src/standard/county";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { soundPrimary } from "./helpers";

/** The template with values filled in by code (zh codes), as a grid named 县级指标. */
function filledSheet(
  values: Record<string, CellValue>,
  extra: Partial<Record<string, CellValue[]>> = {},
): Grid {
  const rows: CellValue[][] = countyTemplateRows().map((r) => [...r]);
  for (const row of rows.slice(COUNTY_TEMPLATE_HEADER_ROW + 1)) {
    const code = row[0] as string;
    if (code in values) row[4] = values[code];
    if (extra[code]) row.splice(5, 2, ...(extra[code] as CellValue[]));
  }
  return { sheet: "县级指标", topLeft: "A1", values: rows };
}

/** Every measure answered so that it passes, as a clerk would type it. */
function allPassing(): Record<string, CellValue> {
  const v: Record<string, CellValue> = {};
  for (const r of COUNTY_SHEET_ROWS) {
    if (!r.measureId) continue;
    if (r.code.startsWith("否决")) v[r.code] = "否";
    else if (r.yesNo) v[r.code] = "是";
  }
  Object.assign(v, {
    保障7: 6500,
    "保障8-1": 1.03,
    保障9: "100%",
    "保障11-1": 0.12,
    "保障11-2": "25 %",
    保障12: 1,
    "保障13-1": 100,
    "保障13-2": "９６％",
    保障14: 0.55,
    "保障15-1": 0.9,
    质量1: 0.97,
    质量2: "95%",
    质量4: 0.06,
    "质量9-1": "Ⅲ级",
    "质量9-2": 0.11,
    认可度: 0.9,
  });
  return v;
}

describe("the county sheet template", () => {
  it("has one row per measure of every guarantee and quality item, recognition and each veto", () => {
    const rows = countyTemplateRows();
    expect(rows[COUNTY_TEMPLATE_HEADER_ROW]).toEqual([
      "编号",
      "部分",
      "指标",
      "要求",
      "填报值",
      "佐证材料",
      "备注",
    ]);
    const codes = rows.slice(COUNTY_TEMPLATE_HEADER_ROW + 1).map((r) => r[0]);
    for (const m of COUNTY_MEASURES) expect(codes).toContain(m.code);
    // the derived items 3, 4, 5 and the recognition veto have rows too, with their value explained
    for (const code of ["保障3", "保障4", "保障5", "否决5"]) expect(codes).toContain(code);
    const g5 = rows.find((r) => r[0] === "保障5");
    expect(g5?.[4]).toContain("学校表");
    // every guarantee item 1–15 and quality item 1–9 is on the sheet
    for (let n = 1; n <= 15; n++)
      expect(codes.some((c) => c === `保障${n}` || c?.startsWith(`保障${n}-`))).toBe(true);
    for (let n = 1; n <= 9; n++)
      expect(codes.some((c) => c === `质量${n}` || c?.startsWith(`质量${n}-`))).toBe(true);
  });

  it("shows the threshold in the requirement column", () => {
    const rows = countyTemplateRows();
    expect(rows.find((r) => r[0] === "保障7")?.[3]).toContain("6,000");
    expect(rows.find((r) => r[0] === "保障11-2")?.[3]).toContain("20%");
    expect(rows.find((r) => r[0] === "质量9-2")?.[3]).toContain("< 0.15");
    expect(rows.find((r) => r[0] === "认可度")?.[3]).toContain("85%");
    // a share the standard wants whole (达到100%) is asked for as 100 %, not "at least" it
    for (const code of ["保障9", "保障12", "保障13-1"])
      expect([code, rows.find((r) => r[0] === code)?.[3]]).toEqual([code, "= 100%"]);
  });

  it("has an English version with the English codes", () => {
    const rows = countyTemplateRows("en");
    expect(rows[COUNTY_TEMPLATE_HEADER_ROW]).toEqual([
      "Code",
      "Part",
      "Item",
      "Requirement",
      "Value",
      "Evidence",
      "Notes",
    ]);
    expect(rows.map((r) => r[0])).toContain("G11-2");
  });

  it("an empty template reads back as all missing, with no problem", () => {
    const grid: Grid = { sheet: "县级指标", topLeft: "A1", values: countyTemplateRows() };
    const read = readCountySheet(grid);
    expect(read.problems).toEqual([]);
    expect(read.headerRow).toBe(COUNTY_TEMPLATE_HEADER_ROW);
    expect(Object.keys(read.answers).sort()).toEqual(COUNTY_MEASURES.map((m) => m.id).sort());
    expect(Object.values(read.answers).every((a) => a?.value === null)).toBe(true);
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    const statuses = countyChecklist(verdict)
      .filter((e) => !["G3", "G4", "G5"].includes(e.key))
      .map((e) => e.status);
    expect(new Set(statuses)).toEqual(new Set(["missing"]));
  });
});

describe("reading a filled county sheet", () => {
  it("reads every kind of value as clerks write it, with the value's cell, evidence and notes", () => {
    const grid = filledSheet(allPassing(), { 保障9: ["县教育局培训台账", "2025 年"] });
    const read = readCountySheet(grid);
    expect(read.problems).toEqual([]);
    expect(read.answers["g9.training"]).toEqual({
      value: 1,
      cell: `县级指标!E${4 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === "保障9")}`,
      evidence: "县教育局培训台账",
      notes: "2025 年",
    });
    expect(read.answers["g13.primary"]?.value).toBe(1);
    expect(read.answers["g13.junior"]?.value).toBeCloseTo(0.96, 12);
    expect(read.answers["g11.keyShare"]?.value).toBeCloseTo(0.25, 12);
    expect(read.answers["q9.level"]?.value).toBe(3);
    expect(read.answers["v1.examAdmission"]?.value).toBe(false);
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    expect(verdict.parts).toMatchObject({
      guarantee: "pass",
      quality: "pass",
      recognition: "pass",
      vetoes: "pass",
    });
  });

  it("blanks give missing, never fail: a half-filled sheet lists what is not yet provided", () => {
    const values = allPassing();
    delete values["保障9"];
    delete values["质量3"];
    delete values["否决2"];
    const read = readCountySheet(filledSheet(values));
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    expect(verdict.guarantee[8].status).toBe("missing");
    expect(verdict.quality[2].status).toBe("missing");
    expect(verdict.vetoes[1].status).toBe("missing");
    const failing = countyChecklist(verdict).filter((e) => e.status === "fail");
    expect(failing).toEqual([]);
  });

  it("a value below its threshold fails the item", () => {
    const values = { ...allPassing(), "保障11-1": "9.9%", 质量1: 94 };
    const verdict = evaluateCounty({
      records: [soundPrimary()],
      evaluation: null,
      answers: readCountySheet(filledSheet(values)).answers,
    });
    expect(verdict.guarantee[10].status).toBe("fail");
    expect(verdict.quality[0].status).toBe("fail");
  });

  it("a value that cannot be read is a problem naming its cell; the item is missing", () => {
    const values = { ...allPassing(), 保障12: "全部", 保障1: "可能", "质量9-1": "Ⅴ级", 质量2: 120 };
    const read = readCountySheet(filledSheet(values));
    const row = (code: string) => 4 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code);
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ["county-not-yes-no", `县级指标!E${row("保障1")}`],
      ["county-not-a-number", `县级指标!E${row("保障12")}`],
      ["county-out-of-range", `县级指标!E${row("质量2")}`],
      ["county-not-a-level", `县级指标!E${row("质量9-1")}`],
    ]);
    expect(read.problems[0].message.zh).toContain("保障1");
    expect(read.answers["g12.certified"]?.value).toBeNull();
  });

  it("a value with a remark in brackets is read, the remark kept as a note and named in a warning", () => {
    const values = {
      ...allPassing(),
      保障2: "否（标准未出台）",
      保障9: "96.5%（2025年）",
      保障10: "是 (见附件3)",
      保障12: "全部（见说明）",
    };
    const read = readCountySheet(filledSheet(values, { 保障9: [null, "培训台账"] }));
    const cell = (code: string) => `县级指标!E${4 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code)}`;
    expect(read.answers["g2.attested"]).toMatchObject({ value: false, notes: "标准未出台" });
    expect(read.answers["g9.training"]).toMatchObject({ value: 0.965, notes: "培训台账；2025年" });
    expect(read.answers["g10.attested"]).toMatchObject({ value: true, notes: "见附件3" });
    // what cannot be read before its remark either stays a problem, and the item missing
    expect(read.answers["g12.certified"]?.value).toBeNull();
    expect(read.problems.map((p) => [p.severity, p.code, p.cell])).toEqual([
      ["warning", "county-value-with-remark", cell("保障2")],
      ["warning", "county-value-with-remark", cell("保障9")],
      ["warning", "county-value-with-remark", cell("保障10")],
      ["error", "county-not-a-number", cell("保障12")],
    ]);
    expect(read.problems[0].message.zh).toBe(
      "保障2：括号中的说明“标准未出台”已记为备注，填报值按“否”读取；说明请写在备注列",
    );
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    expect([verdict.guarantee[1].status, verdict.guarantee[8].status]).toEqual(["fail", "fail"]);
  });

  it("finds the header below title rows in any sheet; rows are matched by code (zh or en), unknown codes warned", () => {
    const grid: Grid = {
      sheet: "Sheet1",
      topLeft: "B2",
      values: [
        ["某县县级指标"],
        [],
        ["Code", "Value", "Evidence"],
        ["g9", "100%", "doc"],
        ["V1", "no", null],
        ["X99", "1", null],
      ],
    };
    expect(isCountySheet(grid)).toBe(true);
    const read = readCountySheet(grid);
    expect(read.answers["g9.training"]).toMatchObject({ value: 1, cell: "Sheet1!C5", evidence: "doc" });
    expect(read.answers["v1.examAdmission"]?.value).toBe(false);
    expect(read.problems).toEqual([
      expect.objectContaining({ code: "county-unknown-row", cell: "Sheet1!B7" }),
    ]);
    expect(absentMeasures(read.answers).length).toBe(COUNTY_MEASURES.length - 2);
  });

  it("a sheet without a code and a value column is not a county sheet", () => {
    const grid: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["学校名称", "学校类型"],
        ["一小", "小学"],
      ],
    };
    expect(isCountySheet(grid)).toBe(false);
    expect(readCountySheet(grid).problems[0].code).toBe("county-no-header");
  });
});

describe("parseMeasureValue", () => {
  it.each([
    [0.95, 0.95],
    [95, 0.95],
    ["95%", 0.95],
    ["95 %", 0.95],
    ["９５％", 0.95],
    ["95％", 0.95],
    [" 0.95 ", 0.95],
    [1, 1],
    [100, 1],
    ["100%", 1],
    [0, 0],
  ])("percent %p → %p", (cell, expected) => {
    expect(parseMeasureValue("percent", cell).value).toBeCloseTo(expected, 12);
  });

  it("percent rejects text, negatives, over 100 % and dates", () => {
    expect(parseMeasureValue("percent", "九成").error?.code).toBe("county-not-a-number");
    expect(parseMeasureValue("percent", -5).error?.code).toBe("county-negative");
    expect(parseMeasureValue("percent", "101%").error?.code).toBe("county-out-of-range");
    expect(parseMeasureValue("percent", new Date()).error?.code).toBe("county-not-a-value");
    expect(parseMeasureValue("percent", { error: "#N/A" }).error?.code).toBe("county-not-a-value");
  });

  it("blank is null with no problem", () => {
    for (const blank of [null, undefined, "", "  "])
      expect(parseMeasureValue("percent", blank)).toEqual({ value: null });
  });

  it("是/否 in their usual spellings", () => {
    for (const yes of ["是", " 是 ", "有", "Yes", "Y", "√", true])
      expect(parseMeasureValue("attested", yes).value).toBe(true);
    for (const no of ["否", "无", "No", "×", false])
      expect(parseMeasureValue("attested", no).value).toBe(false);
    expect(parseMeasureValue("attested", 1).error?.code).toBe("county-not-yes-no");
  });

  it("是/否 and levels copied with an invisible character are read as typed without it (foldText)", () => {
    expect(parseMeasureValue("attested", "是\u200b").value).toBe(true);
    expect(parseMeasureValue("attested", "\u202a否\u202c").value).toBe(false);
    expect(parseMeasureValue("level", "Ⅲ\ufeff").value).toBe(3);
  });

  it("yuan, ratio, rate and level", () => {
    expect(parseMeasureValue("yuan", "6,000").value).toBe(6000);
    expect(parseMeasureValue("yuan", "6000元").value).toBe(6000);
    expect(parseMeasureValue("yuan", "0.6万元").value).toBeCloseTo(6000, 9);
    expect(parseMeasureValue("ratio", 1.02).value).toBe(1.02);
    expect(parseMeasureValue("ratio", "102%").value).toBeCloseTo(1.02, 12);
    expect(parseMeasureValue("ratio", 102).error?.code).toBe("county-out-of-range");
    expect(parseMeasureValue("rate", "12%").value).toBeCloseTo(0.12, 12);
    expect(parseMeasureValue("rate", 0.15).value).toBe(0.15);
    expect(parseMeasureValue("rate", 12).error?.code).toBe("county-out-of-range");
    for (const [cell, level] of [
      ["Ⅲ", 3],
      ["Ⅲ级", 3],
      ["III", 3],
      ["Ⅳ级以上", 4],
      [2, 2],
      ["三级", 3],
    ] as [CellValue, number][]) {
      expect(parseMeasureValue("level", cell).value).toBe(level);
    }
  });

  it("item 6 takes 是/否 or a share", () => {
    expect(parseMeasureValue("percentOrAttested", "是").value).toBe(true);
    expect(parseMeasureValue("percentOrAttested", "100%").value).toBe(1);
  });
});

describe("values as clerks write them", () => {
  const verdictOf = (values: Record<string, CellValue>) => {
    const read = readCountySheet(filledSheet({ ...allPassing(), ...values }));
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: read.answers });
    const status = Object.fromEntries(countyChecklist(verdict).map((e) => [e.key, e.status]));
    return { read, status };
  };

  it("answers a question in its own words: 存在/不存在 a veto, 健全, 合理, 已建立 an attested item", () => {
    const { read, status } = verdictOf({
      否决1: "不存在",
      否决2: "存在",
      保障1: "合理",
      "保障15-2": "健全",
      保障10: "已建立",
      质量3: "✔️",
      质量8: "不合理",
    });
    expect(read.problems).toEqual([]);
    expect([status.V1, status.V2]).toEqual(["pass", "fail"]);
    expect([status.G1, status.G15, status.G10, status.Q3, status.Q8]).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
      "fail",
    ]);
  });

  it("quality item 6 takes the grade its requirement names: 良好 or 优秀 meet 良好以上, 合格 does not", () => {
    expect(verdictOf({ 质量6: "良好" }).status.Q6).toBe("pass");
    expect(verdictOf({ 质量6: "优秀等次" }).status.Q6).toBe("pass");
    expect(verdictOf({ 质量6: "合格" }).status.Q6).toBe("fail");
    // a grade answers only the item that is graded: for another it is no 是/否
    const other = verdictOf({ 质量5: "良好" });
    expect(other.status.Q5).toBe("missing");
    expect(other.read.problems.map((p) => p.code)).toEqual(["county-not-yes-no"]);
  });

  it("monitoring levels by the names the monitoring gives them: 良好 is Ⅲ, 中等 is Ⅱ", () => {
    expect(parseMeasureValue("level", "良好").value).toBe(3);
    expect(parseMeasureValue("level", "优秀").value).toBe(4);
    expect(verdictOf({ "质量9-1": "良好" }).status.Q9).toBe("pass");
    expect(verdictOf({ "质量9-1": "中等" }).status.Q9).toBe("fail");
  });

  it("an amount with its currency sign, and the pay ratio written with a colon", () => {
    expect(parseMeasureValue("yuan", "￥6,500").value).toBe(6500);
    expect(parseMeasureValue("yuan", "¥6000元").value).toBe(6000);
    expect(parseMeasureValue("ratio", "1.05:1").value).toBeCloseTo(1.05, 12);
    expect(parseMeasureValue("ratio", "1：1").value).toBe(1);
    // a colon is no way to write a share: which part of what would it be?
    expect(parseMeasureValue("percent", "1:3").error).toEqual({
      code: "county-not-a-number",
      message: {
        zh: "“1:3”是比，不是百分比：请填所占的百分比（如 25%）",
        en: '"1:3" is a ratio, not a percentage: give the share (e.g. 25%)',
      },
    });
    // exactly at the threshold passes; a hair under fails
    expect(verdictOf({ "保障8-1": "1:1" }).status.G8).toBe("pass");
    expect(verdictOf({ "保障8-1": "0.98∶1" }).status.G8).toBe("fail");
  });

  it("a requirement written for the figure (≥85%, 95%以上, 不低于6000元) is no figure: missing, the cell named", () => {
    const { read, status } = verdictOf({ 认可度: "≥85%", 质量1: "95%以上", 保障7: "不低于6000元" });
    expect([status.R1, status.Q1, status.G7]).toEqual(["missing", "missing", "missing"]);
    const cell = (code: string) => `县级指标!E${4 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code)}`;
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ["county-requirement-not-value", cell("保障7")],
      ["county-requirement-not-value", cell("质量1")],
      ["county-requirement-not-value", cell("认可度")],
    ]);
    expect(read.problems[2].message.zh).toBe(
      "认可度：“≥85%”是要求的写法，请填写实际的数值（如 96.5%）（该项按“未提供”处理）",
    );
  });
});

describe("rows the verdict does not read", () => {
  it("a value written over a derived row's explanation is warned as not read, saying where it comes from", () => {
    const read = readCountySheet(filledSheet({ ...allPassing(), 保障3: "是", 保障5: "达标", 否决5: "否" }));
    const cell = (code: string) => `县级指标!E${4 + COUNTY_SHEET_ROWS.findIndex((r) => r.code === code)}`;
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ["county-derived-row-value", cell("保障3")],
      ["county-derived-row-value", cell("保障5")],
      ["county-derived-row-value", cell("否决5")],
    ]);
    expect(read.problems[0].message.zh).toBe(
      "保障3：由学校表逐校计算，此处所填“是”不读取；请在学校表中填写相应各列",
    );
    expect(read.problems[2].message.zh).toBe("否决5：由社会认可度（认可度一行）得出，此处所填“否”不读取");
    // the template's own explanation, in either language, is no answer and no problem
    const english: Grid = { sheet: "County items", topLeft: "A1", values: countyTemplateRows("en") };
    expect(readCountySheet(english).problems).toEqual([]);
  });
});

describe("a county sheet laid out by the county", () => {
  it("reads rows in any order; headings and notes are no rows; an item of several rows names them", () => {
    const grid: Grid = {
      sheet: "自评表",
      topLeft: "A1",
      values: [
        ["某县义务教育优质均衡发展县级指标自评表"],
        ["序号", "评估内容", "完成情况", "佐证材料"],
        ["一、教育质量"],
        ["质量9-2", "校际差异率", 0.12, "监测报告"],
        ["质量1", "巩固率", "95.0％"],
        ["二、政府保障程度"],
        ["保障13", "就近入学", "100%"],
        [null, "（初中）", "96%"],
        ["社会认可度", "满意度调查", "85%"],
        ["保障16", "（本县自定）", null],
        ["说明：本表数据截至2025年底。"],
      ],
    };
    const read = readCountySheet(grid);
    expect(read.answers["q9.differenceRate"]).toMatchObject({ value: 0.12, cell: "自评表!C4" });
    expect(read.answers["q1.retention"]?.value).toBeCloseTo(0.95, 12);
    expect(read.answers["r1.recognition"]).toMatchObject({ value: 0.85, cell: "自评表!C9" });
    expect(read.answers["g13.primary"]).toBeUndefined();
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([
      ["county-item-in-rows", "自评表!A7"],
      ["county-unknown-row", "自评表!A10"],
    ]);
    expect(read.problems[0].message.zh).toMatch(/^“保障13”分 2 行填报：保障13-1（.+）、保障13-2（.+）；/);
  });
});

describe("a county's own form, its rows numbered within each part", () => {
  it("reads 序号 under the part its rows are in: the part cell merged down, or a heading above", () => {
    const grid: Grid = {
      sheet: "自评表",
      topLeft: "A1",
      values: [
        ["某县义务教育优质均衡发展督导评估自评表"],
        ["评估内容", "序号", "评估指标", "评估标准", "自评结果", "佐证材料"],
        ["一、资源配置"],
        ["资源配置", 1, "每百名学生拥有高于规定学历教师数", "4.2", "达标", null],
        ["二、政府保障程度（15项）"],
        ["政府保障程度", 1, "规划布局合理", "是", "是", "布局规划"],
        [null, 9, "教师培训完成率", "100%", "100%", null],
        [null, "13.1", "就近入学（小学）", "100%", "100%", null],
        [null, 13.2, "就近入学（初中）", "≥95%", "96%", null],
        ["教育质量", "9-1", "学业水平", "≥Ⅲ级", "Ⅲ级", null],
        ["社会认可度", 1, "社会认可度", "≥85%", "88%", null],
        ["一票否决", 3, "设重点校或重点班", "否", "否", null],
        [null, 16, "（本县自加）", null, "否", null],
      ],
      merges: [{ top: 5, left: 0, bottom: 8, right: 0 }],
    };
    const read = readCountySheet(grid);
    expect(read.answers["g1.attested"]).toMatchObject({
      value: true,
      cell: "自评表!E6",
      evidence: "布局规划",
    });
    expect(read.answers["g9.training"]).toMatchObject({ value: 1, cell: "自评表!E7" });
    expect(read.answers["g13.primary"]).toMatchObject({ value: 1, cell: "自评表!E8" });
    expect(read.answers["g13.junior"]?.value).toBeCloseTo(0.96, 12);
    expect(read.answers["q9.level"]).toMatchObject({ value: 3, cell: "自评表!E10" });
    expect(read.answers["r1.recognition"]).toMatchObject({ value: 0.88, cell: "自评表!E11" });
    expect(read.answers["v3.keySchools"]).toMatchObject({ value: false, cell: "自评表!E12" });
    // the resource rows are the school table's, read there; a number the part has no row of is unknown
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([["county-unknown-row", "自评表!B13"]]);
  });

  it("a number under no part is no row: it is warned, not guessed", () => {
    const grid: Grid = {
      sheet: "S",
      topLeft: "A1",
      values: [
        ["序号", "填报值"],
        [9, "100%"],
      ],
    };
    const read = readCountySheet(grid);
    expect(read.answers).toEqual({});
    expect(read.problems.map((p) => p.code)).toEqual(["county-unknown-row"]);
  });
});

describe("a county sheet's header as counties write it", () => {
  it("of two rows, 填报情况 over 数值 and 佐证材料: values and evidence read from the rows below both", () => {
    const grid: Grid = {
      sheet: "自评表",
      topLeft: "A1",
      values: [
        ["县域义务教育优质均衡发展自评表"],
        ["编号", "指标", "标准", "填报情况", null, "备注"],
        [null, null, null, "数值", "佐证材料", null],
        ["保障9", "培训完成率", "100%", "100%", "培训台账", null],
        ["认可度", "社会认可度", "≥85%", 0.85, null, "抽样调查"],
      ],
      merges: [{ top: 1, left: 3, bottom: 1, right: 4 }],
    };
    const read = readCountySheet(grid);
    expect(read.problems).toEqual([]);
    expect(read.headerRow).toBe(1);
    expect(read.answers["g9.training"]).toEqual({
      value: 1,
      cell: "自评表!D4",
      evidence: "培训台账",
      notes: null,
    });
    expect(read.answers["r1.recognition"]).toMatchObject({
      value: 0.85,
      cell: "自评表!D5",
      notes: "抽样调查",
    });
  });

  it("a column by the sheet's own name (编号) is read before another (序号) that numbers the rows", () => {
    const grid: Grid = {
      sheet: "县级指标",
      topLeft: "A1",
      values: [
        ["序号", "编号", "指标", "数值", "填报值"],
        [1, "保障9", "培训完成率", "（%）", "100%"],
        [2, "认可度", "社会认可度", null, 0.9],
      ],
    };
    const read = readCountySheet(grid);
    expect(read.problems).toEqual([]);
    expect(read.answers["g9.training"]).toMatchObject({ value: 1, cell: "县级指标!E2" });
    expect(read.answers["r1.recognition"]).toMatchObject({ value: 0.9, cell: "县级指标!E3" });
  });

  it("a self-evaluation form's 自评结果 is the value column", () => {
    const grid: Grid = {
      sheet: "Sheet2",
      topLeft: "A1",
      values: [
        ["序号", "评估指标", "评估标准", "自评结果", "佐证材料"],
        ["保障9", "培训完成率", "100%", "100%", "台账"],
      ],
    };
    expect(isCountySheet(grid)).toBe(true);
    expect(readCountySheet(grid).answers["g9.training"]).toMatchObject({ value: 1, cell: "Sheet2!D2" });
  });
});

/** Each checklist entry's value as shown and its status, for a county sheet of these values. */
function shownOf(values: Record<string, CellValue>, lang: "zh" | "en" = "zh"): Record<string, string[]> {
  const verdict = evaluateCounty({
    records: [soundPrimary()],
    evaluation: null,
    answers: readCountySheet(filledSheet(values)).answers,
  });
  return Object.fromEntries(
    countyChecklist(verdict).map((e) => [e.key, [formatItemValue(e, lang), e.status]]),
  );
}

describe("display", () => {
  it("formats values as a Chinese reader expects, and not-provided plainly", () => {
    expect(formatMeasureValue("percent", 0.955)).toBe("95.5%");
    expect(formatMeasureValue("yuan", 6500)).toBe("6,500 元");
    expect(formatMeasureValue("level", 3)).toBe("Ⅲ级");
    expect(formatMeasureValue("attested", true)).toBe("是");
    expect(formatMeasureValue("attested", null)).toBe("未提供");
    expect(formatMeasureValue("attested", false, "en")).toBe("no");
  });

  it("shows a value beside its threshold on the side of it the verdict puts it, however near", () => {
    // each a hair short of its threshold (fails), or for the difference rate a hair under it (passes): rounded
    // to the usual places every one would read as the threshold itself, beside its 不达标 or 达标
    const values = {
      保障7: 5999.99,
      "保障8-1": 0.999,
      保障9: "99.99%",
      "保障11-1": 0.09999,
      "质量9-2": 0.1499,
      认可度: "84.99%",
    };
    const shown = shownOf(values);
    expect(shown.G7).toEqual(["5,999.99 元", "fail"]);
    expect(shown.G8[0]).toMatch(/^0\.999；/);
    expect(shown.G9).toEqual(["99.99%", "fail"]);
    expect(shown.G11[0]).toMatch(/^9\.999%；/);
    expect(shown.Q9[0]).toMatch(/；0\.1499$/);
    expect(shown.R1).toEqual(["84.99%", "fail"]);
    expect(shown.V5).toEqual(["84.99%", "fail"]);
  });

  it("keeps the usual places for a value at its threshold or clear of it", () => {
    expect(formatMeasureValue("percent", 0.85, "zh", 0.85)).toBe("85.0%");
    expect(formatMeasureValue("percent", 0.9, "zh", 0.85)).toBe("90.0%");
    expect(formatMeasureValue("yuan", 6000, "zh", 6000)).toBe("6,000 元");
    expect(formatMeasureValue("ratio", 1, "zh", 1)).toBe("1.00");
    // 0.15 itself fails the strict "below 0.15": shown as it is
    expect(formatMeasureValue("rate", 0.15, "zh", 0.15)).toBe("0.150");
    // within the engine's tolerance of the threshold a value is at it (docs/standard.md#comparison)
    expect(formatMeasureValue("percent", 0.85 * (1 - 1e-12), "zh", 0.85)).toBe("85.0%");
  });

  it("says what a cell held that could not be read, never that it was not provided", () => {
    const values = {
      ...allPassing(),
      保障12: { error: "#N/A" },
      保障1: "待定",
      保障9: "—",
      "保障15-1": "≥85%",
      否决1: "待查",
      认可度: null,
    };
    const shown = shownOf(values);
    expect(shown.G1).toEqual(["无法识别（“待定”）", "missing"]);
    expect(shown.G9).toEqual(["无法识别（“—”）", "missing"]);
    expect(shown.G15).toEqual(["无法识别（“≥85%”）；是", "missing"]);
    expect(shown.V1).toEqual(["无法识别（“待查”）", "missing"]);
    expect(shown.G12).toEqual(["无法识别（“#N/A”）", "missing"]);
    // a blank is what was not provided
    expect(shown.R1).toEqual(["未提供", "missing"]);
    expect(shownOf(values, "en").G1).toEqual(['unreadable ("待定")', "missing"]);
  });

  it("formats derived items as counts of schools", () => {
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation: null, answers: null });
    const g5 = countyChecklist(verdict).find((e) => e.key === "G5");
    expect(g5 && formatItemValue(g5)).toBe(
      "核查 1 个学校（校区），不达标学校 0 所，缺数据学校 0 所；大班额 0，超大班额 0",
    );
  });

  it("says 大班额 are missing data where no section gives its largest class, and counts apart those without", () => {
    const without = { ...soundPrimary(), name: "无班额小学", largestClass: undefined };
    const g5Of = (records: ReturnType<typeof soundPrimary>[]) =>
      countyChecklist(evaluateCounty({ records, evaluation: null, answers: null })).find(
        (e) => e.key === "G5",
      );
    const none = g5Of([without]);
    expect(none && formatItemValue(none)).toBe(
      "核查 1 个学校（校区），不达标学校 0 所，缺数据学校 1 所；大班额缺数据",
    );
    const some = g5Of([soundPrimary(), without]);
    expect(some && formatItemValue(some)).toBe(
      "核查 2 个学校（校区），不达标学校 0 所，缺数据学校 1 所；大班额 0，超大班额 0（另有 1 个学校（校区）未填最大班额）",
    );
  });
});
