/**
 * An export whose header leaves out the middle level of a path — 专任教师 straight over 本科 and 体育与健康 (no
 * 按学历分, 按授课课程分), 教学及辅助用房 over 计 and 其中：室内体育用房 (no 校舍建筑面积 above) — as a two-row header
 * draws it. The built-in recipe reads it as the three-level export (docs/import.md#statistics-export), the figures
 * as the clerk typed them; before, no teacher or teaching-room column was found and every school was an error.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf, type ExportSheet } from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

const LEFT_OUT = new Set(["按学历分", "按授课课程分", "校舍建筑面积"]);

/** The export with its three header rows written as one row of paths, the middle levels left out. */
function shortened(sheet: ExportSheet): ExportSheet {
  const headerTop = sheet.dataRows[0] - 4;
  const header = sheet.columns.map((c) => {
    const path = c.path.length > 2 ? c.path.filter((label) => !LEFT_OUT.has(label)) : c.path;
    return path.join("›");
  });
  const values = [...sheet.values.slice(0, headerTop), header, ...sheet.values.slice(headerTop + 3)];
  return {
    ...sheet,
    values,
    merges: sheet.merges.filter((m) => m.bottom < headerTop),
    dataRows: sheet.dataRows.map((r) => r - 2),
  };
}

describe("a header without the middle levels of its paths", () => {
  const rows = leagueRows();
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
  const sheet = shortened(exportSheet(rows));

  it("is read through the built-in recipe, every figure as typed", () => {
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.recipe?.id).toBe("statistics-export");
    expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    const derivation = (field: string) => read.recipe?.fields.find((f) => f.field === field)?.text;
    expect(derivation("primaryQualifiedTeachers")).toBe("专任教师›博士研究生 + 硕士研究生 + 本科 + 专科");
    expect(derivation("teachingArea")).toBe("教学及辅助用房›计 − 其中：室内体育用房");
  });
});
