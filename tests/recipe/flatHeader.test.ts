/**
 * An export whose header is one row, each column's path written in its cell (在校生数›小学, 专任教师 > 按学历分 > 本科),
 * as some systems flatten a merged header: read as the same paths (docs/import.md#statistics-export).
 */
import { readSchoolTable } from "../../src/sheet/read";
import { columnLetters } from "../../src/sheet/grid";
import {
  COUNTY_LISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
  type ExportSheet,
} from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The export with its three header rows written as one, each column's labels joined by `separator`. */
function flattened(sheet: ExportSheet, separator: string): ExportSheet {
  const headerTop = sheet.dataRows[0] - 4;
  const header = sheet.columns.map((c) => c.path.join(separator));
  const values = [...sheet.values.slice(0, headerTop), header, ...sheet.values.slice(headerTop + 3)];
  return { ...sheet, values, merges: sheet.merges.filter((m) => m.bottom < headerTop) };
}

describe("a header of one row, each column's path in its cell", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));

  it.each(["›", " > ", "＞"])("reads paths joined by “%s” as the merged header's", (separator) => {
    const flat = flattened(sheet, separator);
    const read = readSchoolTable(gridOf(flat), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.recipe?.id).toBe("statistics-export");
    expect(read.header?.rows).toEqual([2]);
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    const teaching = read.recipe?.fields.find((f) => f.field === "teachingArea");
    // each level named by the one cell of the header row that writes the path
    const cellOf = (label: string) => `学校基本情况!${columnLetters(columnOf(sheet, label))}3`;
    expect(teaching?.columns).toEqual([
      { path: ["校舍建筑面积", "教学及辅助用房", "计"], cell: cellOf("校舍建筑面积›教学及辅助用房›计") },
      {
        path: ["校舍建筑面积", "教学及辅助用房", "其中：室内体育用房"],
        cell: cellOf("校舍建筑面积›教学及辅助用房›其中：室内体育用房"),
      },
    ]);
  });
});
