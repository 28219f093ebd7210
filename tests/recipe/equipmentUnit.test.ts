/**
 * An export whose equipment column states no unit though its figures are in 元 (教学仪器设备资产值 with no unit row
 * and no unit in the header). The standard's default unit (万元) applies, and the warning that the figure is
 * implausible says so of the export's own cell, with the hint to state 元 in its header (docs/import.md#problems).
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

describe("an equipment column in 元 that states no unit", () => {
  const sheet = exportSheet(leagueRows(), { equipmentUnit: "元", unitRow: false });
  const column = sheet.columns.find((c) => c.path.join("›") === "教学仪器设备资产值");
  const read = readSchoolTable(
    { sheet: sheet.sheet, topLeft: "A1", values: sheet.values, merges: sheet.merges },
    { county: COUNTY_LISTED },
  );
  const warnings = read.problems.filter((p) => p.code === "equipment-implausible");

  it("is read in the default 万元, and the warnings say so of the export's cells", () => {
    expect(column).toBeDefined();
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w.cell).toMatch(new RegExp(`^${sheet.sheet}!`, "u"));
      expect(w.message.zh).toContain(w.cell as string);
      expect(w.message.zh).toContain("按单位“万元”读取");
      expect(w.message.zh).toContain("该列可能以元填报");
      expect(w.message.en).toContain("read in 10k yuan");
    }
  });
});

describe("an equipment column whose unit follows a slash (教学仪器设备资产值/元)", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows, {
    equipmentUnit: "元",
    unitRow: false,
    rename: { 教学仪器设备资产值: "教学仪器设备资产值/元" },
  });

  it("is found, and read in 元, as the same schools typed into the template", () => {
    const read = readSchoolTable(
      { sheet: sheet.sheet, topLeft: "A1", values: sheet.values, merges: sheet.merges },
      { county: COUNTY_LISTED },
    );
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.problems.map((p) => p.code)).not.toContain("recipe-unmatched");
    expect(read.problems.map((p) => p.code)).not.toContain("equipment-implausible");
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });
});

describe("an equipment column whose unit row says 元 under a header in 万元", () => {
  const sheet = exportSheet(leagueRows());
  const col = sheet.columns.findIndex((c) => c.path[0].startsWith("教学仪器设备资产值"));
  const unitRow = sheet.dataRows[0] - 1;
  const values = sheet.values.map((row, r) =>
    r === unitRow ? row.map((v, c) => (c === col ? "元" : v)) : row,
  );

  it("is an error naming the unit row's cell, as in the school table", () => {
    const read = readSchoolTable(
      { sheet: sheet.sheet, topLeft: "A1", values, merges: sheet.merges },
      { county: COUNTY_LISTED },
    );
    const conflict = read.problems.find((p) => p.code === "unit-conflict");
    expect(conflict?.severity).toBe("error");
    expect(conflict?.cell).toBe(sheet.columns[col].unit?.cell);
    expect(conflict?.message.zh).toContain("教学仪器设备资产值（万元）");
  });
});
