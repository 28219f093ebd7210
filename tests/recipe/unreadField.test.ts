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

describe("the missing column added as the error says, under the school table's own header", () => {
  const sheet = exportSheet(leagueRows(), { rename: { 县级以上骨干教师: "市级骨干教师" } });
  const { zh } = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED }).problems.find(
    (p) => p.code === "section-teachers-blank",
  )!.message;
  // the headers the errors name, each added right of the header in its top row
  const headers = [...new Set([...zh.matchAll(/表头写作“([^”]+)”/gu)].map((m) => m[1]))];
  const values = sheet.values.map((row) => [...row]);
  const width = values[0].length;
  const headerRow = sheet.dataRows[0] - 4;
  const levelCol = columnOf(sheet, "学段");
  const typed = new Map<number, number>();
  for (const r of sheet.dataRows) typed.set(r, (r % 5) + 1);

  it("names the school table's header to write", () => {
    expect(headers.length).toBe(1);
    expect(headers[0]).toMatch(/^(小学|初中)县级以上骨干教师数$/u);
  });

  it("reads the figures typed under both levels' headers: no error, each school's key teachers as typed", () => {
    const both = ["小学县级以上骨干教师数", "初中县级以上骨干教师数"];
    for (const row of values) row.push(null, null);
    both.forEach((h, i) => (values[headerRow][width + i] = h));
    for (const r of sheet.dataRows) {
      const level = values[r][levelCol];
      if (level !== "初中") values[r][width] = typed.get(r)!;
      if (level !== "小学") values[r][width + 1] = typed.get(r)!;
    }
    const read = readSchoolTable({ ...gridOf(sheet), values }, { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.problems.filter((p) => p.code === "recipe-unmatched")).toEqual([]);
    // each school of one row, no campus joined to it, has as many as were typed on its row
    const rows = leagueRows();
    const single = rows.filter(
      (x) =>
        x.county === COUNTY_LISTED &&
        x.level === null &&
        x.counted === "是" &&
        !rows.some((y) => y !== x && (y.name === x.name || y.parent === x.name)),
    );
    expect(single.length).toBeGreaterThan(2);
    let checked = 0;
    for (const x of single) {
      const record = read.records.find((s) => s.name === x.name);
      if (!record) continue;
      checked++;
      const typedHere = typed.get(sheet.dataRows[rows.indexOf(x)])!;
      const levels = (["primary", "junior"] as const).filter((l) => record.students[l] > 0);
      for (const l of levels) expect([x.name, record.teachers[l].keyTeachers]).toEqual([x.name, typedHere]);
    }
    expect(checked).toBeGreaterThan(2);
  });
});
