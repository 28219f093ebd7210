import {
  countyJson,
  countySummaryText,
  evaluateCountyWorkbook,
  findCountySheet,
  type SchoolTableResult,
} from "../../src/countyVerdict";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateTable } from "../../src/pipeline";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import {
  COUNTY_SHEET_ROWS,
  countyTemplateRows,
  COUNTY_TEMPLATE_HEADER_ROW,
} from "../../src/sheet/countySheet";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { goodPrimary } from "../engine/helpers";
import { countyChecklist } from "../../src/engine/county/checklist";
import { countyItemsOf } from "../../src/report/allItems";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { countyReport } from "../report/countySheets";
import { soundPrimary } from "./helpers";

function table(ok = true): SchoolTableResult {
  const records = [goodPrimary("第一小学"), goodPrimary("第二小学")].map((r, i) => ({
    ...soundPrimary(r.name, 3 + i),
    students: r.students,
    teachers: r.teachers,
    facilities: r.facilities,
  }));
  return {
    ok,
    evaluation: ok ? evaluate(records, NATIONAL_2017) : null,
    read: { records, columns: [{ columnId: "musicRooms", cell: "学校!T2" }] },
    profile: NATIONAL_2017,
  };
}

function countyGrid(fill: (code: string) => CellValue, sheet = "县级指标"): Grid {
  const rows: CellValue[][] = countyTemplateRows().map((r) => [...r]);
  for (const row of rows.slice(COUNTY_TEMPLATE_HEADER_ROW + 1)) {
    const def = COUNTY_SHEET_ROWS.find((r) => r.code === row[0]);
    if (def?.measureId) row[4] = fill(def.code);
  }
  return { sheet, topLeft: "A1", values: rows };
}

const passing = (code: string): CellValue => {
  const def = COUNTY_SHEET_ROWS.find((r) => r.code === code);
  if (code.startsWith("否决")) return "否";
  if (def?.yesNo) return "是";
  if (code === "保障7") return 6000;
  if (code === "保障8-1") return 1;
  if (code === "质量9-1") return "Ⅲ";
  if (code === "质量9-2") return 0.1;
  return "100%";
};

describe("finding the county sheet in a workbook", () => {
  const school: Grid = { sheet: "学校", topLeft: "A1", values: [["学校名称", "学校类型"]] };

  it("by the name 县级指标, by its header, or as named; none is null", () => {
    const named = countyGrid(passing);
    expect(findCountySheet([school, named])).toEqual({ ok: true, grid: named, problems: [] });
    const other = countyGrid(passing, "保障与质量");
    expect(findCountySheet([school, other])).toEqual({ ok: true, grid: other, problems: [] });
    expect(findCountySheet([school])).toEqual({ ok: true, grid: null, problems: [] });
    expect(findCountySheet([school, other], "保障与质量")).toEqual({ ok: true, grid: other, problems: [] });
    const missing = findCountySheet([school], "县级");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem.code).toBe("county-sheet-not-found");
  });

  it("never takes the school table's own sheet", () => {
    const named = countyGrid(passing);
    expect(findCountySheet([named], undefined, "县级指标")).toEqual({ ok: true, grid: null, problems: [] });
  });
});

describe("the county verdict of a workbook", () => {
  it("a passing school table and a fully passing county sheet: countyPass", () => {
    const result = evaluateCountyWorkbook(table(), countyGrid(passing));
    expect(result.verdict.countyPass).toBe(true);
    const json = countyJson(result);
    expect(json.countyPass).toBe(true);
    expect(json.guarantee).toHaveLength(15);
    expect(json.quality).toHaveLength(9);
    expect(json.vetoes).toHaveLength(5);
    expect(json.guarantee[6]).toMatchObject({
      item: 7,
      status: "pass",
      value: 6000,
      requirement: "≥ 6,000 元/生·年",
    });
    expect(json.quality[8].value).toEqual({ level: 3, differenceRate: 0.1 });
    expect(json.recognition).toMatchObject({ item: 1, status: "pass", value: 1 });
  });

  it("without a county sheet: the county items are missing, resources unchanged, countyPass false", () => {
    const result = evaluateCountyWorkbook(table(), null);
    expect(result.sheet).toBeNull();
    expect(result.verdict.parts.resources).toBe("pass");
    const json = countyJson(result);
    expect(json.countyPass).toBe(false);
    expect(
      json.guarantee.filter((i) => ![3, 4, 5].includes(i.item)).every((i) => i.status === "missing"),
    ).toBe(true);
    expect(json.vetoes.every((v) => v.status === "missing")).toBe(true);
    expect(countySummaryText(result)).toContain("未找到县级指标表");
  });

  it("a school table blocked by input errors leaves resources and the derived items missing", () => {
    const result = evaluateCountyWorkbook(table(false), countyGrid(passing));
    expect(result.verdict.parts.resources).toBe("missing");
    expect(result.verdict.guarantee[2].status).toBe("missing");
    expect(result.verdict.countyPass).toBe(false);
  });

  it("schools failing a derived item are listed with their cells in the JSON", () => {
    const t = table();
    t.read.records[1] = {
      ...t.read.records[1],
      rooms: { music: 2, art: 2, smallestMusic: 80, smallestArt: 95 },
    };
    const json = countyJson(evaluateCountyWorkbook(t, countyGrid(passing)));
    expect(json.guarantee[2]).toMatchObject({ item: 3, status: "fail" });
    expect(json.guarantee[2].schools).toEqual([
      expect.objectContaining({ school: "第二小学", check: "smallestMusicRoom", value: 80, cell: "学校!V4" }),
    ]);
  });

  it("shows readiness for the target year part by part", () => {
    const grid = countyGrid((code) => (code === "保障9" ? "98%" : code === "质量3" ? null : passing(code)));
    const result = evaluateCountyWorkbook(table(), grid, {
      county: { name: "阿尔山市", targetYear: 2026 },
      today: { year: 2026, month: 10, day: 1 },
    });
    const text = countySummaryText(result);
    expect(text).toContain("目标年份：阿尔山市 2026 年创建达标（即为今年）");
    expect(text).toContain("✗ 政府保障程度 — 未达标：教师培训完成率");
    expect(text).toContain("？ 教育质量 — 缺数据：学校章程与信息化管理");
    expect(text).toMatch(/第9项 教师培训完成率：98\.0%；要求 = 100%\s+\[县级指标!E\d+\]/);
    const json = countyJson(result, "en");
    expect(json.readiness).toMatchObject({ county: "阿尔山市", targetYear: 2026, yearsRemaining: 0 });
    expect(json.readiness?.parts[1]).toEqual({
      part: "guarantee",
      status: "fail",
      failing: ["Teacher training"],
      missing: [],
    });
    expect(countySummaryText(result, "en")).toContain(
      "Target: 阿尔山市 to be recognised in 2026 (this year)",
    );
  });
});

describe("through the reader: the school table as a county writes it", () => {
  function grid(records: ReturnType<typeof soundPrimary>[], drop: string[] = []): Grid {
    const header = templateHeaderRow();
    const rows = recordsToRows(records);
    const keep = header.map((h) => !drop.some((d) => h.startsWith(d)));
    return {
      sheet: "学校",
      topLeft: "A1",
      values: [header.filter((_, i) => keep[i]), ...rows.map((r) => r.filter((_, i) => keep[i]))],
    };
  }

  function withResources(name: string, row: number) {
    const good = goodPrimary(name);
    return {
      ...soundPrimary(name, row),
      students: good.students,
      teachers: good.teachers,
      facilities: good.facilities,
    };
  }

  it("a blank guarantee cell is missing and named by its address", () => {
    const blank = { ...withResources("第二小学", 3), rooms: { art: 2, smallestArt: 95 } };
    const table = evaluateTable(grid([withResources("第一小学", 2), blank]));
    expect(table.ok).toBe(true);
    const result = evaluateCountyWorkbook(table, null);
    const g3 = result.verdict.guarantee[2];
    expect(g3.status).toBe("missing");
    const musicColumn = table.read.columns.find((c) => c.columnId === "musicRooms");
    const letter = /!([A-Z]+)\d+$/.exec(musicColumn?.cell ?? "")?.[1];
    expect(g3.schools).toEqual([
      expect.objectContaining({
        school: "第二小学",
        check: "musicRooms",
        status: "missing",
        cell: `学校!${letter}3`,
      }),
    ]);
  });

  it("a workbook without the guarantee columns still evaluates, with items 3 and 5 missing", () => {
    const table = evaluateTable(
      grid(
        [withResources("第一小学", 2)],
        ["小学班级数", "初中班级数", "音乐", "美术", "小学最大班额", "初中最大班额", "小学起始", "初中起始"],
      ),
    );
    expect(table.ok).toBe(true);
    expect(table.evaluation?.resourcesPass).toBe(true);
    const result = evaluateCountyWorkbook(table, null);
    expect(result.verdict.guarantee[2].status).toBe("missing");
    expect(result.verdict.guarantee[3].status).toBe("pass");
    expect(result.verdict.guarantee[4].status).toBe("missing");
    expect(result.verdict.guarantee[4].schools[0]).toMatchObject({ cell: null });
    expect(result.verdict.guarantee[4].schools[0].message.zh).toContain("学校表无此列");
  });
});

describe("what to fix, row by row: every failing or missing row of the county sheet with its cell", () => {
  // item 15 fails on both its rows, item 11 fails on one and misses the other, veto 2 is blank, and the clerk
  // deleted the rows of 保障2 and 质量5
  const answers: Record<string, CellValue> = {
    "保障15-1": "84.99%",
    "保障15-2": "否",
    "保障11-1": "9%",
    "保障11-2": null,
    否决2: null,
  };
  const grid = (): Grid => {
    const g = countyGrid((code) => (code in answers ? answers[code] : passing(code)));
    return { ...g, values: g.values.filter((r) => r[0] !== "保障2" && r[0] !== "质量5") };
  };
  const cellOf = (code: string) => `县级指标!E${grid().values.findIndex((r) => r[0] === code) + 1}`;

  it("the checklist gives each such row, its code and its cell, or null where the sheet has no such row", () => {
    const result = evaluateCountyWorkbook(table(), grid());
    const entries = Object.fromEntries(countyChecklist(result.verdict).map((e) => [e.key, e.rows]));
    expect(entries.G15).toEqual([
      { code: { zh: "保障15-1", en: "G15-1" }, status: "fail", cell: cellOf("保障15-1") },
      { code: { zh: "保障15-2", en: "G15-2" }, status: "fail", cell: cellOf("保障15-2") },
    ]);
    expect(entries.G11).toEqual([
      { code: { zh: "保障11-1", en: "G11-1" }, status: "fail", cell: cellOf("保障11-1") },
      { code: { zh: "保障11-2", en: "G11-2" }, status: "missing", cell: cellOf("保障11-2") },
    ]);
    expect(entries.G2).toEqual([{ code: { zh: "保障2", en: "G2" }, status: "missing", cell: null }]);
    expect(entries.V2).toEqual([
      { code: { zh: "否决2", en: "V2" }, status: "missing", cell: cellOf("否决2") },
    ]);
    // what passes has nothing to fix, and the derived items name their schools instead
    expect([entries.G1, entries.G3, entries.V1]).toEqual([[], [], []]);
    // without a county sheet there is no row to point at: the sheet itself is to be written
    const none = countyChecklist(evaluateCountyWorkbook(table(), null).verdict);
    expect(none.every((e) => e.rows.length === 0)).toBe(true);
    // nor when its header cannot be found: its problem says what to fix, not that every row is lacking
    const headless: Grid = {
      sheet: "县级指标",
      topLeft: "A1",
      values: [
        ["项目", "说明"],
        ["保障9", "100%"],
      ],
    };
    const unread = evaluateCountyWorkbook(table(), headless);
    expect(unread.problems.map((p) => p.code)).toEqual(["county-no-header"]);
    expect(countyChecklist(unread.verdict).every((e) => e.rows.length === 0)).toBe(true);
    expect(countySummaryText(unread)).not.toContain("没有“保障1”行");
  });

  it("the text names each row below an item of several, and a deleted row as one to add", () => {
    const text = countySummaryText(evaluateCountyWorkbook(table(), grid()));
    expect(text).toContain(
      `✗ 保障15-1 随迁子女在公办学校和政府购买服务的民办学校就读比例：84.99%；要求 ≥ 85%  [${cellOf("保障15-1")}]`,
    );
    expect(text).toContain(`✗ 保障15-2 留守儿童关爱体系健全：否；要求 是  [${cellOf("保障15-2")}]`);
    expect(text).toContain(
      `？ 保障11-2 骨干教师占交流轮岗教师总数的比例：未提供；要求 ≥ 20%  [${cellOf("保障11-2")}]`,
    );
    expect(text).toContain("？ 第2项 城乡统一标准：未提供；要求 是  [县级指标表中没有“保障2”行]");
    expect(text).toContain("？ 第5项 信息化教学与设施利用：未提供；要求 是  [县级指标表中没有“质量5”行]");
    const en = countySummaryText(evaluateCountyWorkbook(table(), grid()), "en");
    expect(en).toContain("[no row G2 on the county sheet]");
    expect(en).toContain(
      `✗ G15-2 Care system for left-behind children in place: no; required yes  [${cellOf("保障15-2")}]`,
    );
  });

  it("全部指标 names them in its column of schools and rows, as the task pane's checklist does", () => {
    const items = countyItemsOf(evaluateCountyWorkbook(table(), grid()).verdict, "zh").items;
    const item = (key: string) => items.find((i) => i.name.zh === key);
    expect(item("随迁子女与留守儿童")?.rows).toEqual([
      { code: "保障15-1", cell: cellOf("保障15-1"), place: cellOf("保障15-1") },
      { code: "保障15-2", cell: cellOf("保障15-2"), place: cellOf("保障15-2") },
    ]);
    const { report } = countyReport(sampleCountyRecords(), grid());
    const sheet = report.sheets.find((s) => s.key === "allItems")!;
    const rowOf = (title: string) => sheet.rows.find((r) => r.some((c) => c?.value === title))!;
    const values = (title: string) => rowOf(title).map((c) => c?.value);
    expect(values("随迁子女与留守儿童")).toContain(
      `保障15-1（${cellOf("保障15-1")}）；保障15-2（${cellOf("保障15-2")}）`,
    );
    expect(values("城乡统一标准")).toContain("县级指标表中没有“保障2”行");
    expect(values("违规择校")).toContain(`否决2（${cellOf("否决2")}）`);
  });
});
