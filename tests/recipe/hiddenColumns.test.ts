/**
 * Hidden columns of an export read through a recipe, as the template's reader treats them
 * (docs/school-table.md#headers): of two columns fitting alike, the visible one is read, never a stale copy hidden
 * in the sheet; a column read that is hidden is said to be.
 */
import { columnLetters } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import {
  COUNTY_LISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
  type ExportSheet,
} from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The sheet with a column inserted at `at`: `label` in the header's top row, `unit` under it, `value` in each row. */
function withColumn(sheet: ExportSheet, at: number, label: string, unit: string, value: number): ExportSheet {
  const headerTop = sheet.dataRows[0] - 4;
  const values = sheet.values.map((row, r) => {
    const cell =
      r === headerTop ? label : r === headerTop + 3 ? unit : sheet.dataRows.includes(r) ? value : null;
    return [...row.slice(0, at), cell, ...row.slice(at)];
  });
  const merges = sheet.merges.map((m) =>
    m.left >= at
      ? { ...m, left: m.left + 1, right: m.right + 1 }
      : m.right >= at
        ? { ...m, right: m.right + 1 }
        : m,
  );
  return {
    ...sheet,
    values,
    merges: [...merges, { top: headerTop, left: at, bottom: headerTop + 2, right: at }],
  };
}

describe("hidden columns of an export", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
  // last year's sports grounds, left in a hidden column near the names
  const stale = withColumn(sheet, 1, "运动场地面积", "平方米", 1);
  const sports = columnOf(sheet, "运动场地面积") + 1;

  it("reads the visible column, not a stale copy hidden left of it, and says which was read", () => {
    const read = readSchoolTable({ ...gridOf(stale), hiddenColumns: [1] }, { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    const sportsLetter = columnLetters(sports);
    const ambiguous = read.problems.find((p) => p.code === "recipe-column-ambiguous");
    expect(ambiguous?.message.zh).toBe(
      `配方的“运动场地面积”与 学校基本情况!${sportsLetter}3 和 学校基本情况!B3（隐藏列） 两列都相符，读取了 学校基本情况!${sportsLetter}3。`,
    );
    expect(read.problems.map((p) => p.code)).not.toContain("hidden-column");
  });

  it("reads a hidden column that has no visible copy, with a warning naming its header", () => {
    const col = columnOf(sheet, "运动场地面积");
    const read = readSchoolTable({ ...gridOf(sheet), hiddenColumns: [col] }, { county: COUNTY_LISTED });
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    const hidden = read.problems.filter((p) => p.code === "hidden-column");
    expect(hidden.map((p) => [p.severity, p.cell])).toEqual([
      ["warning", `学校基本情况!${columnLetters(col)}3`],
    ]);
  });
});
