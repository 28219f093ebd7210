import { cellAddress, sheetRef } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { PRIMARY, letter, templateGrid } from "./helpers";

describe("sheetRef: a sheet name as a formula reads it (issue 13 item 9)", () => {
  it.each([
    "A1",
    "a1",
    "AB12",
    "XFD1048576",
    "R1C1",
    "R2C3",
    "r1c1",
    "RC",
    "R",
    "C",
    "R5",
    "C12",
    "TRUE",
    "FALSE",
    "true",
  ])("quotes %j, which reads as a reference or a logical value", (name) => {
    expect(sheetRef(name)).toBe(`'${name}'`);
  });

  it.each(["学校", "Sheet1", "ABCD1", "School_2024", "学校.2024", "Rural", "CR7x"])(
    "leaves %j as it is",
    (name) => {
      expect(sheetRef(name)).toBe(name);
    },
  );

  it.each([
    ["My sheet", "'My sheet'"],
    ["O'Brien", "'O''Brien'"],
    ["2024", "'2024'"],
    ["学校-1", "'学校-1'"],
  ])("quotes %j as %j", (name, ref) => {
    expect(sheetRef(name)).toBe(ref);
  });

  it("names a cell of such a sheet with quotes", () => {
    expect(cellAddress({ sheet: "A1", topLeft: "A1" }, 3, 3)).toBe("'A1'!D4");
    expect(cellAddress({ sheet: "TRUE", topLeft: "B2" }, 0, 0)).toBe("'TRUE'!B2");
  });

  it("every cell the reader names on a sheet called A1 is quoted", () => {
    const grid = { ...templateGrid([{ ...PRIMARY, teachingArea: -1 }]), sheet: "A1" };
    const result = readSchoolTable(grid);
    expect(result.problems.map((p) => p.cell)).toEqual([`'A1'!${letter("teachingArea")}2`]);
    expect(result.problems[0].message.zh).toContain(`'A1'!${letter("teachingArea")}2`);
    expect(result.records[0].source?.cells.name).toBe("'A1'!A2");
    expect(result.columns[0].cell).toBe("'A1'!A1");
  });
});
