/**
 * The league workbook's summary sheet (src/report/league.ts) when no county could be evaluated: its empty list of
 * weakest indicators is not a pass.
 */
import { leagueCountyInput, unreadCounty } from "../../src/countyWorkbook";
import { leagueSummary } from "../../src/engine/league";
import { buildLeagueReport } from "../../src/report/league";
import { NATIONAL_2017 } from "../../src/standard/national2017";

const unread = (file: string) =>
  unreadCounty({ file }, NATIONAL_2017, [
    {
      severity: "error",
      code: "xlsx-corrupt",
      cell: null,
      message: { zh: "工作簿已损坏，无法读取", en: "the workbook is damaged" },
    },
  ]);

/** The text of every cell of the summary sheet. */
function summaryTexts(results: ReturnType<typeof unread>[], lang: "zh" | "en"): string[] {
  const summary = leagueSummary(
    results.map((r) => leagueCountyInput(r)),
    2026,
  );
  const report = buildLeagueReport(
    {
      summary,
      details: results.map((r) => ({ evaluation: r.table?.evaluation ?? null, problems: r.problems })),
      profile: NATIONAL_2017,
    },
    { lang, date: "2026-12-06" },
  );
  return report.sheets[0].rows.flat().map((c) => String(c.value ?? ""));
}

describe("the league workbook's weakest indicators", () => {
  it("with no county evaluated, says there is nothing to compare, not that every indicator passes", () => {
    const texts = summaryTexts([unread("突泉县.xlsx"), unread("扎赉特旗.xlsx")], "zh");
    expect(texts).toContain("无从比较：没有一个旗县市得到评估");
    expect(texts.filter((t) => t.includes("均达标"))).toEqual([]);
    expect(summaryTexts([unread("突泉县.xlsx")], "en")).toContain(
      "Nothing to compare: no county could be evaluated",
    );
  });
});
