/**
 * An export without a column some school needs (no 县级以上骨干教师 column): each school's error says the column is
 * not in the table, at the school's name cell, never that a cell is blank and to be filled in (docs/import.md#problems).
 */
import { columnLetters } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, columnOf, exportSheet, leagueRows } from "./exportFixture";
import { gridOf } from "./helpers";

describe("an export without a column the schools need", () => {
  const sheet = exportSheet(leagueRows(), { rename: { 县级以上骨干教师: "市级骨干教师" } });
  const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
  const errors = read.problems.filter((p) => p.severity === "error");

  it("says, for each school needing it, that the table has no such column", () => {
    expect(errors.length).toBeGreaterThan(0);
    const nameCol = columnOf(sheet, "学校名称");
    for (const p of errors) {
      expect(p.code).toBe("section-teachers-blank");
      const row = Number(/\d+$/u.exec(p.cell ?? "")?.[0]) - 1;
      expect(p.cell).toBe(`学校基本情况!${columnLetters(nameCol)}${row + 1}`);
      const name = String(sheet.values[row][nameCol]);
      expect(p.message.zh).toMatch(
        new RegExp(
          `^学校基本情况!A${row + 1}“${name}”须有“(小学|初中)县级以上骨干教师数”，而表中找不到“县级以上骨干教师”列`,
        ),
      );
      expect(p.message.zh).not.toContain("为空");
    }
  });

  it("still warns once per field that the recipe found no column", () => {
    expect(read.problems.filter((p) => p.code === "recipe-unmatched").map((p) => p.message.zh)).toEqual([
      "表中找不到“县级以上骨干教师”，未读取“小学县级以上骨干教师数”。",
      "表中找不到“县级以上骨干教师”，未读取“初中县级以上骨干教师数”。",
    ]);
  });
});
