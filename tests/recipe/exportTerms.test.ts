/**
 * A problem of a figure the export gives in one column speaks of that column as the export heads it, then of the
 * school table's name for it: the clerk looks for 网络多媒体教室（间） in the export, not 网络多媒体教室数.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { columnLetters } from "../../src/sheet/grid";
import { COUNTY_LISTED, columnOf, exportSheet, leagueRows } from "./exportFixture";
import { gridOf } from "./helpers";

const rows = leagueRows();
// a school without campuses, whose figures are its own row's
const at = rows.findIndex((r) => r.name === "归流河镇中心小学");

function blankAt(label: string) {
  const sheet = exportSheet(rows);
  const r = sheet.dataRows[at];
  const c = columnOf(sheet, label);
  sheet.values[r][c] = null;
  const cell = `${sheet.sheet}!${columnLetters(c)}${r + 1}`;
  const problems = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED }).problems;
  return { cell, atCell: problems.filter((p) => p.cell === cell) };
}

describe("a blank figure of the export is named by the export's header (docs/import.md#problems)", () => {
  it("a column taken as it is: its header, then the school table's name", () => {
    const { cell, atCell } = blankAt("网络多媒体教室（间）");
    expect(atCell.map((p) => p.code)).toEqual(["blank-required"]);
    expect(atCell[0].message.zh).toBe(
      `${cell}“网络多媒体教室（间）”（网络多媒体教室数）为空，校舍和设备数据每校必填（没有请填 0）。`,
    );
    expect(atCell[0].message.en).toMatch(
      new RegExp(`^${cell} \\("网络多媒体教室（间）", Multimedia rooms\\) is blank`, "u"),
    );
  });

  it("a derived figure keeps its derivation and every source cell", () => {
    const { cell, atCell } = blankAt("校舍建筑面积›教学及辅助用房›计");
    expect(atCell.map((p) => p.code)).toEqual(["blank-required"]);
    expect(atCell[0].message.zh).toContain(
      `教学及辅助用房面积 = 教学及辅助用房›计 − 其中：室内体育用房（${cell} − `,
    );
  });
});
