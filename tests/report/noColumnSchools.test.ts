/**
 * A county item naming schools where the school table has no column for it (an export without 音乐专用教室): each
 * school is listed with what it lacks, as the command line says it, not as a bare name twice (music and art rooms)
 * with no reason — in 全部指标 and in the pane's list (countyItemsOf).
 */
import { evaluateCountyWorkbook } from "../../src/countyVerdict";
import { evaluateTable } from "../../src/pipeline";
import { countyItemsOf } from "../../src/report/allItems";
import { buildReport } from "../../src/report/build";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import type { Grid } from "../../src/sheet/grid";
import { gridOf } from "../excel/county";

/** The sample county's table without the music and art rooms' columns. */
function withoutRoomColumns(): Grid {
  const grid = gridOf(sampleCountyRecords());
  const header = grid.values[1];
  const gone = new Set(
    header.flatMap((h, c) => (typeof h === "string" && /^(音乐|美术)专用教室/u.test(h) ? [c] : [])),
  );
  expect(gone.size).toBeGreaterThanOrEqual(2);
  return { ...grid, values: grid.values.map((row) => row.filter((_, c) => !gone.has(c))) };
}

describe("schools an item names without a cell say what they lack", () => {
  const result = evaluateTable(withoutRoomColumns());
  const verdict = evaluateCountyWorkbook(result, null).verdict;
  const first = result.read.records[0].name;

  it("countyItemsOf: the school with what is missing, once per thing missing", () => {
    const rooms = countyItemsOf(verdict, "zh").items.find((i) => i.part === "guarantee" && i.item === 3)!;
    expect(rooms.status).toBe("missing");
    const mine = rooms.schools!.filter((s) => s.school === first);
    expect(mine).toHaveLength(2);
    expect(mine.map((s) => [s.cell, s.what])).toEqual([
      [null, expect.stringMatching(/^音乐专用教室数未填写（学校表无此列）$/u)],
      [null, expect.stringMatching(/^美术专用教室数未填写（学校表无此列）$/u)],
    ]);
  });

  it("全部指标 prints what is lacking once, then each school once", () => {
    const report = buildReport(
      {
        evaluation: result.evaluation!,
        read: result.read,
        profile: result.profile,
        problems: result.problems,
        county: verdict,
        countyProblems: [],
      },
      { lang: "zh", sourceRange: "学校!A1:AA40", date: "2026-11-28", county: "白狼县", year: "2026" },
    );
    const all = report.sheets.find((s) => s.key === "allItems")!;
    const text = all.rows.flatMap((row) => row.map((c) => (c && typeof c.value === "string" ? c.value : "")));
    const places = text.join("\n");
    expect(places).toContain("音乐专用教室数未填写（学校表无此列）；美术专用教室数未填写（学校表无此列）；");
    expect(places.split("音乐专用教室数未填写").length).toBe(2);
    expect(places.split(`${first}；`).length).toBe(2);
  });

  it("in English, the same in English", () => {
    const rooms = countyItemsOf(verdict, "en").items.find((i) => i.part === "guarantee" && i.item === 3)!;
    const mine = rooms.schools!.filter((s) => s.school === first);
    expect(mine.every((s) => s.what !== undefined && /no such column/u.test(s.what))).toBe(true);
  });
});
