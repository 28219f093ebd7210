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
    expect(findCountySheet([school, named])).toEqual({ ok: true, grid: named });
    const other = countyGrid(passing, "保障与质量");
    expect(findCountySheet([school, other])).toEqual({ ok: true, grid: other });
    expect(findCountySheet([school])).toEqual({ ok: true, grid: null });
    expect(findCountySheet([school, other], "保障与质量")).toEqual({ ok: true, grid: other });
    const missing = findCountySheet([school], "县级");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problem.code).toBe("county-sheet-not-found");
  });

  it("never takes the school table's own sheet", () => {
    const named = countyGrid(passing);
    expect(findCountySheet([named], undefined, "县级指标")).toEqual({ ok: true, grid: null });
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
