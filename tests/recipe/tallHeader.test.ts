/**
 * An export whose header is drawn a row taller than its levels: every label merged down over one more row, the
 * unit row (元) under that. The row the merged labels reach into is the header's: the unit row under it gives the
 * equipment's unit. Before, that row was a blank row of the table (blank-row-skipped), the unit row was not read as
 * one, and equipment given in 元 was read in the default 万元, 10,000 times too high.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf, type ExportSheet } from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The sheet with the header's last row's labels merged down over a row inserted under it. */
function drawnTaller(sheet: ExportSheet): ExportSheet {
  const unitRow = sheet.dataRows[0] - 1;
  const bottom = unitRow - 1;
  const width = sheet.values[bottom].length;
  const merges = sheet.merges.map((m) => {
    if (m.top > bottom) return { ...m, top: m.top + 1, bottom: m.bottom + 1 };
    if (m.bottom === bottom) return { ...m, bottom: bottom + 1 };
    return m;
  });
  for (let c = 0; c < width; c++) {
    const covered = sheet.merges.some(
      (m) => m.top <= bottom && bottom <= m.bottom && m.left <= c && c <= m.right,
    );
    if (!covered) merges.push({ top: bottom, left: c, bottom: bottom + 1, right: c });
  }
  const blank: ExportSheet["values"][number] = new Array<null>(width).fill(null);
  const values = [...sheet.values.slice(0, bottom + 1), blank, ...sheet.values.slice(bottom + 1)];
  return { ...sheet, values, merges, dataRows: sheet.dataRows.map((r) => r + 1) };
}

describe("a header drawn a row taller than its levels, the unit row under it", () => {
  const rows = leagueRows();
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
  const sheet = drawnTaller(exportSheet(rows, { equipmentUnit: "元" }));
  const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });

  it("reads the unit row: equipment in 元, every figure as typed", () => {
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.equipmentUnit).toBe("元");
    expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("takes the row the labels reach into for the header's, not a blank row of the table", () => {
    const unitRow = sheet.dataRows[0] - 1;
    expect(read.header?.rows.at(-1)).toBe(unitRow - 1);
    expect(read.header?.unitRow).toBe(unitRow);
    expect(read.problems.map((p) => p.code)).not.toContain("blank-row-skipped");
    expect(read.skippedRows.blank).toBe(0);
  });
});
