/**
 * Exports that spell the built-in recipe's headers as other years' and provinces' exports do — 在校学生数 for
 * 在校生数, 专任教师数 for 专任教师, 学历 for 按学历分, the 教基4155 form's 博士研究生毕业 / 硕士研究生毕业, 多媒体教室 for
 * 网络多媒体教室 — are recognised without a recipe file (docs/import.md#statistics-export), and give the figures the
 * clerk typed into the school table for the same schools.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

const SPELLINGS: Readonly<Record<string, Record<string, string>>> = {
  在校学生数: { 在校生数: "在校学生数" },
  专任教师数: { 专任教师: "专任教师数" },
  "学历›博士研究生毕业": {
    按学历分: "学历",
    博士研究生: "博士研究生毕业",
    硕士研究生: "硕士研究生毕业",
    本科: "本科毕业",
    专科: "专科毕业",
  },
  多媒体教室: { "网络多媒体教室（间）": "多媒体教室（间）" },
};

describe("the export's headers as other exports spell them", () => {
  const rows = leagueRows();
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));

  it.each(Object.keys(SPELLINGS))(
    "%s: read through the built-in recipe, every figure as typed",
    (spelling) => {
      const sheet = exportSheet(rows, { rename: SPELLINGS[spelling] });
      const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.problems.filter((p) => p.code === "recipe-unmatched").map((p) => p.message.zh)).toEqual([]);
      expect(read.recipe?.id).toBe("statistics-export");
      expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    },
  );
});
