/**
 * The header read as paths, and the unit row under it (issue 14 item 1, docs/school-table.md#headers): headers of
 * one, two or three rows, merged or written once over blank cells, a title above, a unit row below.
 */
import type { CellValue, Grid } from "../../src/sheet/grid";
import { mergedRange } from "../trust/catalogueRun";
import { readSchoolTable } from "../../src/sheet/read";
import { MAX_LABEL_LENGTH, findHeader } from "../../src/sheet/read/headerPaths";
import { GridView } from "../../src/sheet/read/gridView";
import { matchHeader } from "../../src/sheet/headers";
import { templateHeaderRow } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { JUNIOR, PRIMARY, codes, errors, findProblem, letter, templateGrid, templateRow } from "./helpers";

const _ = null;

const merge = mergedRange;

/** A statistics export of the kind issue 14 describes: a title, a three-row header, a unit row. */
const TITLE: CellValue[] = ["白狼县2024年义务教育学校基本情况", ...Array<CellValue>(14).fill(_)];
const LEVEL_1: CellValue[] = [
  "学校名称",
  "学校类型",
  "在校生数",
  _,
  _,
  "专任教师",
  _,
  _,
  _,
  _,
  _,
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值",
  "网络多媒体教室数",
];
const LEVEL_2: CellValue[] = [_, _, "小学", "初中", "高中", "小学", _, _, "初中", _, _, _, _, _, _];
const LEVEL_3: CellValue[] = [
  _,
  _,
  _,
  _,
  _,
  "高于规定学历教师数",
  "县级以上骨干教师数",
  "体育艺术专任教师数",
  "高于规定学历教师数",
  "县级以上骨干教师数",
  "体育艺术专任教师数",
  _,
  _,
  _,
  _,
];
const UNITS: CellValue[] = [
  "单位",
  _,
  "人",
  "人",
  "人",
  "人",
  "人",
  "人",
  "人",
  "人",
  "人",
  "㎡",
  "㎡",
  "元",
  "间",
];
const SCHOOLS: CellValue[][] = [
  ["第一小学", "小学", 1000, _, _, 50, 12, 10, _, _, _, 5000, 8000, 2_500_000, 25],
  ["民族学校", "九年一贯制学校", 400, 300, _, 20, 5, 4, 18, 4, 3, 4500, 7000, 2_000_000, 20],
];
const MERGES = [
  "A1:O1",
  "A2:A4",
  "B2:B4",
  "C2:E2",
  "C3:C4",
  "D3:D4",
  "E3:E4",
  "F2:K2",
  "F3:H3",
  "I3:K3",
  "L2:L4",
  "M2:M4",
  "N2:N4",
  "O2:O4",
].map(merge);

function exportGrid(options: { merges?: boolean; units?: CellValue[] | null } = {}): Grid {
  const units = options.units === undefined ? UNITS : options.units;
  return {
    sheet: "学校",
    topLeft: "A1",
    values: [TITLE, LEVEL_1, LEVEL_2, LEVEL_3, ...(units ? [units] : []), ...SCHOOLS],
    ...(options.merges === false ? {} : { merges: MERGES }),
  };
}

describe("a three-row merged header under a title, with a unit row", () => {
  it.each([
    ["with the host's merged ranges", true],
    ["without them (a group label written once over blank cells)", false],
  ])("reads every column by its path, %s", (_how, merges) => {
    const result = readSchoolTable(exportGrid({ merges }));
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(3);
    expect(result.header?.rows).toEqual([1, 2, 3]);
    expect(result.header?.unitRow).toBe(4);
    const byId = new Map(result.columns.map((c) => [c.columnId, c]));
    expect(byId.get("primaryStudents")).toEqual({
      columnId: "primaryStudents",
      col: 2,
      header: "在校生数 小学",
      cell: "学校!C3",
      path: ["在校生数", "小学"],
      headerCells: ["学校!C2", "学校!C3"],
      unit: "人",
      unitCell: "学校!C5",
    });
    expect(byId.get("juniorKeyTeachers")).toMatchObject({
      col: 9,
      path: ["专任教师", "初中", "县级以上骨干教师数"],
      headerCells: ["学校!F2", "学校!I3", "学校!J4"],
      cell: "学校!J4",
    });
    expect(byId.get("name")).toMatchObject({ path: ["学校名称"], headerCells: ["学校!A2"], cell: "学校!A2" });
    expect(byId.get("equipmentValue")).toMatchObject({ unit: "元", unitCell: "学校!N5" });
    expect(result.columns).toHaveLength(15);
    expect(result.unmatchedHeaders).toEqual([]);
    // the unit row says 元: read in 元, not 10,000 times too high
    expect(result.equipmentUnit).toBe("元");
    expect(result.records.map((r) => r.facilities.equipmentValue)).toEqual([2_500_000, 2_000_000]);
    expect(result.records[1].teachers.junior).toEqual({
      qualifiedTeachers: 18,
      keyTeachers: 4,
      peArtTeachers: 3,
    });
    // the title and the unit row are left out, and counted
    expect(result.skippedRows).toMatchObject({ aboveHeader: 1, legend: 1 });
    // the header's every column, for a later recipe to bind fields to
    expect(result.header?.columns.map((c) => c.path.join("›"))).toContain("专任教师›小学›体育艺术专任教师数");
  });

  it("a title row is never a level of the header", () => {
    const twoRows: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["白狼县学校情况", _, _, _],
        ["学校名称", "学校类型", "小学", _],
        [_, _, "在校生数", "高于规定学历教师数"],
        ["第一小学", "小学", 100, 5],
      ],
    };
    for (const merges of [undefined, [merge("A1:D1"), merge("A2:A3"), merge("B2:B3"), merge("C2:D2")]]) {
      const result = readSchoolTable({ ...twoRows, ...(merges ? { merges } : {}) });
      expect(result.header?.rows).toEqual([1, 2]);
      expect(result.columns.find((c) => c.columnId === "primaryStudents")?.path).toEqual([
        "小学",
        "在校生数",
      ]);
      expect(result.records.map((r) => r.students.primary)).toEqual([100]);
    }
  });

  it("without the unit row, equipment is read in the profile's default unit (万元), as before", () => {
    const result = readSchoolTable(exportGrid({ units: null }));
    expect(result.header?.unitRow).toBeNull();
    expect(result.equipmentUnit).toBe("万元");
    expect(result.records[0].facilities.equipmentValue).toBe(25_000_000_000);
    expect(codes(result.problems)).toContain("equipment-implausible");
  });
});

describe("a unit row under a one-row header (issue 14: the cases a new user met)", () => {
  const unitRow = (unitOf: (id: string, i: number) => CellValue): CellValue[] =>
    TEMPLATE_COLUMNS.map((c, i) => unitOf(c.id, i));
  const header = templateHeaderRow().map((h, i) =>
    TEMPLATE_COLUMNS[i].id === "equipmentValue" ? "教学仪器设备值" : h,
  );
  const withUnits = (units: CellValue[], equipment: number) => {
    // JUNIOR's equipment in the same unit as PRIMARY's (2,605,000 元 = 260.5 万元)
    const junior = { ...JUNIOR, equipmentValue: (equipment / 150) * 260.5 };
    const grid = templateGrid([{ ...PRIMARY, equipmentValue: equipment }, junior], { header });
    grid.values.splice(1, 0, units);
    return readSchoolTable(grid);
  };

  it("（元） under the equipment column: read in 元, not 10,000 times too high", () => {
    const units = unitRow((id) => (id === "equipmentValue" ? "（元）" : id === "name" ? "甲" : null));
    const result = withUnits(units, 1_500_000);
    expect(result.problems).toEqual([]);
    expect(result.equipmentUnit).toBe("元");
    expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
    expect(result.columns.find((c) => c.columnId === "equipmentValue")).toMatchObject({
      unit: "元",
      unitCell: `学校!${letter("equipmentValue")}2`,
    });
    expect(result.records[1].facilities.equipmentValue).toBe(2_605_000);
  });

  it("a bare 人 / ㎡ / 元 / 间 row is a unit row, not a school with 25 blank cells", () => {
    const kinds: Record<string, string> = { count: "人", area: "㎡", money: "万元", rooms: "间" };
    const units = unitRow((id, i) => (i < 4 ? null : (kinds[TEMPLATE_COLUMNS[i].kind] ?? null)));
    const result = withUnits(units, 150);
    expect(errors(result.problems)).toEqual([]);
    expect(result.records.map((r) => r.name)).toEqual([PRIMARY.name, JUNIOR.name]);
    expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
    expect(result.skippedRows.legend).toBe(1);
  });

  it("单位：元 and 单位：万元 are read too", () => {
    for (const [written, unit, value] of [
      ["单位：元", "元", 1_500_000],
      ["(单位:万元)", "万元", 150],
    ] as const) {
      const result = withUnits(
        unitRow((id) => (id === "equipmentValue" ? written : null)),
        value,
      );
      expect(result.equipmentUnit).toBe(unit);
      expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
    }
  });

  it("a unit row and a header that disagree on the money unit: an error naming the unit cell", () => {
    const grid = templateGrid([PRIMARY]);
    grid.values.splice(
      1,
      0,
      unitRow((id) => (id === "equipmentValue" ? "元" : null)),
    );
    const result = readSchoolTable(grid);
    expect(findProblem(result.problems, "unit-conflict")).toMatchObject({
      severity: "error",
      cell: `学校!${letter("equipmentValue")}2`,
    });
  });

  it("a money unit the reader cannot convert, in the unit row: an error at its cell", () => {
    const result = withUnits(
      unitRow((id) => (id === "equipmentValue" ? "千元" : null)),
      1500,
    );
    expect(findProblem(result.problems, "equipment-unit-unknown")).toMatchObject({
      severity: "error",
      cell: `学校!${letter("equipmentValue")}2`,
    });
  });

  it("a unit row shifted by a column is questioned, not trusted silently", () => {
    // the areas' ㎡ one column to the left: under a count of teachers
    const units = unitRow((_id, i) => (TEMPLATE_COLUMNS[i + 1]?.kind === "area" ? "㎡" : null));
    const result = withUnits(units, 150);
    expect(findProblem(result.problems, "unit-mismatch")).toMatchObject({
      severity: "warning",
      cell: `学校!${letter("juniorPeArtTeachers")}2`,
    });
  });
});

describe("the header's own unit, as before", () => {
  it("ColumnMatch names the unit in the header's brackets and its cell", () => {
    const result = readSchoolTable(templateGrid([PRIMARY]));
    expect(result.columns.find((c) => c.columnId === "sportsArea")).toMatchObject({
      unit: "㎡",
      unitCell: `学校!${letter("sportsArea")}1`,
    });
    expect(result.columns.find((c) => c.columnId === "name")).toMatchObject({ unit: null, unitCell: null });
    expect(result.header?.unitRow).toBeNull();
  });

  it("a row of numbers under the header is a school, not a legend", () => {
    const grid = templateGrid([PRIMARY]);
    grid.values.push(templateRow({ ...JUNIOR }));
    expect(readSchoolTable(grid).records).toHaveLength(2);
  });
});

describe("a text far longer than any header in the header rows", () => {
  // a cell of Excel's most (32,767 characters), as a damaged or hostile file repeats it across its first rows at
  // the cost of a few bytes a cell: read for every block of rows the header is sought in, it would cost minutes
  const NOTE = `填表说明：${"各项数据以统计年报为准。".repeat(2978)}`.slice(0, 32767);
  const notes = (rows: number) => Array.from({ length: rows }, () => Array<CellValue>(30).fill(NOTE));

  test("is no label: the matcher is never handed it, and the header below it is read", () => {
    const grid = templateGrid([PRIMARY], { above: notes(3) });
    const handed: string[] = [];
    const match = (text: string) => {
      handed.push(text);
      return matchHeader(text);
    };
    const found = findHeader(new GridView(grid, []), match, false);
    expect(found?.header.rows).toEqual([3]);
    expect(handed.filter((text) => text.length > MAX_LABEL_LENGTH)).toEqual([]);
    const read = readSchoolTable(grid);
    expect(read.headerRow).toBe(3);
    expect(read.records.map((r) => r.name)).toEqual([PRIMARY.name]);
  });
});
