import { evaluate } from "../../src/engine";
import { findHeaderRow, readSchoolTable } from "../../src/sheet/read";
import { templateHeaderRow } from "../../src/sheet/template";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import type { CellValue, Grid } from "../../src/sheet/grid";
import {
  JUNIOR,
  NINE_YEAR,
  PRIMARY,
  TEACHING_POINT,
  codes,
  errors,
  findProblem,
  letter,
  templateGrid,
  templateRow,
} from "./helpers";

describe("reading a clean template table", () => {
  const result = readSchoolTable(templateGrid([PRIMARY, JUNIOR, NINE_YEAR, TEACHING_POINT]));

  it("reads one record per row, with no problem", () => {
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(0);
    expect(result.rows).toEqual([1, 2, 3, 4]);
    expect(result.records.map((r) => r.name)).toEqual([
      "城关第一小学",
      "城关中学",
      "白音胡硕学校",
      "哈拉黑教学点",
    ]);
    expect(result.records.map((r) => r.type)).toEqual(["primary", "junior", "nineYear", "teachingPoint"]);
  });

  it("matches every template header to its column, in place", () => {
    expect(result.columns.map((c) => c.columnId)).toEqual(TEMPLATE_COLUMNS.map((c) => c.id));
    expect(result.columns.every((c, i) => c.col === i)).toBe(true);
    expect(result.columns.find((c) => c.columnId === "teachingArea")).toEqual({
      columnId: "teachingArea",
      col: 15,
      header: "教学及辅助用房面积（㎡）",
      cell: "学校!P1",
      path: ["教学及辅助用房面积（㎡）"],
      headerCells: ["学校!P1"],
      unit: "㎡",
      unitCell: "学校!P1",
    });
    expect(result.unmatchedHeaders).toEqual([]);
  });

  it("holds the whole record as the row gives it, equipment in 元 (the header says 万元)", () => {
    expect(result.equipmentUnit).toBe("万元");
    const { source: _source, ...record } = result.records[0];
    expect(record).toEqual({
      name: "城关第一小学",
      type: "primary",
      locale: "urban",
      students: { primary: 600, junior: 0, senior: 0 },
      classes: { primary: 14 },
      teachers: {
        primary: { qualifiedTeachers: 30, keyTeachers: 8, peArtTeachers: 6 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      },
      facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1_500_000, multimediaRooms: 15 },
    });
    expect(result.records[1].facilities.equipmentValue).toBe(2_605_000);
    // guarantee items left blank stay undefined: "missing", not failing (docs/standard.md#guarantee)
    expect(record).not.toHaveProperty("rooms");
    expect(record).not.toHaveProperty("largestClass");
    expect(result.records[1]).not.toHaveProperty("classes");
  });

  it("records where each field came from", () => {
    const source = result.records[2].source;
    expect(source?.sheet).toBe("学校");
    expect(source?.row).toBe(4);
    expect(source?.cells.name).toBe("学校!A4");
    expect(source?.cells.equipmentValue).toBe(`学校!${letter("equipmentValue")}4`);
    expect(source?.cells.grade7LargestClass).toBe("学校!AA4");
  });

  it("writes a record's source as JSON as its sheet, row and cells alone", () => {
    const source = result.records[2].source;
    const json = JSON.parse(JSON.stringify(result.records[2])) as { source: Record<string, unknown> };
    expect(Object.keys(json.source).sort()).toEqual(["cells", "row", "sheet"]);
    expect(json.source).toEqual({ sheet: "学校", row: 4, cells: { ...source?.cells } });
    expect(json.source.cells).toMatchObject({ name: "学校!A4", grade7LargestClass: "学校!AA4" });
  });

  it("gives the engine records it evaluates (the nine-year school splits into two sections, docs/standard.md#combined-schools)", () => {
    const evaluation = evaluate(result.records, NATIONAL_2017);
    const nine = evaluation.sections.filter((s) => s.school === "白音胡硕学校");
    expect(nine.map((s) => s.level)).toEqual(["primary", "junior"]);
  });
});

describe("finding the header row", () => {
  it("skips title rows above the header (docs/school-table.md#skipped-rows)", () => {
    const grid = templateGrid([PRIMARY], {
      above: [["科右前旗义务教育学校基本情况统计表"], [null, null, "填报日期：2025年9月"]],
    });
    const result = readSchoolTable(grid);
    expect(result.headerRow).toBe(2);
    expect(result.rows).toEqual([3]);
    expect(result.records[0].source?.row).toBe(4);
    expect(result.problems).toEqual([]);
  });

  it("looks only within the first 10 rows", () => {
    const above = Array.from({ length: 10 }, (_, i) => [`说明 ${i + 1}`]);
    const result = readSchoolTable(templateGrid([PRIMARY], { above }));
    expect(result.headerRow).toBeNull();
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "error", code: "no-header-row", cell: null }),
    ]);
    const nine = readSchoolTable(templateGrid([PRIMARY], { above: above.slice(1) }));
    expect(nine.headerRow).toBe(9);
  });

  it("says a sheet with nothing in it is empty, and one with text but no header has no header", () => {
    for (const values of [[], [[]], [["", null, "  "]]]) {
      const empty = readSchoolTable({ sheet: "Sheet1", topLeft: "A1", values });
      expect(codes(empty.problems)).toEqual(["no-header-row"]);
      expect(empty.problems[0].message.zh).toContain("该工作表是空的");
      expect(empty.problems[0].message.en).toContain("The sheet is empty");
    }
    const titled = readSchoolTable({ sheet: "学校", topLeft: "A1", values: [["兴安盟学校表"]] });
    expect(titled.problems[0].message.zh).toContain("找不到表头");
    expect(titled.problems[0].message.zh).not.toContain("空的");
  });

  it("needs the school-name column and a few others", () => {
    const onlyName = readSchoolTable({
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["学校名称", "备注"],
        ["一小", ""],
      ],
    });
    expect(codes(onlyName.problems)).toEqual(["no-header-row"]);
    const noName = readSchoolTable({
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["学校类型", "小学在校生数", "教学及辅助用房面积"],
        ["小学", 100, 500],
      ],
    });
    expect(codes(noName.problems)).toEqual(["no-header-row"]);
  });

  it("reads a two-row header: group headers (小学 / 初中) over their columns", () => {
    const grid: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        [
          "学校名称",
          "学校类型",
          "小学",
          null,
          null,
          null,
          "初中",
          null,
          null,
          null,
          "教学及辅助用房面积（㎡）",
          "体育运动场馆面积（㎡）",
          "教学仪器设备值（万元）",
          "网络多媒体教室数（间）",
        ],
        [
          null,
          null,
          "在校生数",
          "高于规定学历教师数",
          "县级以上骨干教师数",
          "体育艺术专任教师数",
          "在校生数",
          "高于规定学历教师数",
          "县级以上骨干教师数",
          "体育艺术专任教师数",
          null,
          null,
          null,
          null,
        ],
        ["白音胡硕学校", "九年一贯制", 166, 12, 3, 2, 210, 15, 3, 3, 2100, 4000, 90, 9],
      ],
    };
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.columns.find((c) => c.columnId === "juniorKeyTeachers")).toMatchObject({
      col: 8,
      cell: "学校!I2",
    });
    expect(result.columns.find((c) => c.columnId === "name")).toMatchObject({ col: 0, cell: "学校!A1" });
    const [record] = result.records;
    expect(record.students).toEqual({ primary: 166, junior: 210, senior: 0 });
    expect(record.teachers.junior).toEqual({ qualifiedTeachers: 15, keyTeachers: 3, peArtTeachers: 3 });
    expect(record.facilities.equipmentValue).toBe(900_000);
  });

  it("names cells from the grid's top-left address", () => {
    const grid = {
      ...templateGrid([{ ...PRIMARY, primaryStudents: "很多" }]),
      topLeft: "C5",
      sheet: "2025 学校",
    };
    const result = readSchoolTable(grid);
    const p = findProblem(result.problems, "not-a-number");
    // E is the 5th template column; from C it lands on G; data row 2 of the grid is sheet row 6
    expect(p?.cell).toBe("'2025 学校'!G6");
    expect(result.records[0].source?.row).toBe(6);
  });

  it("reports a top-left address it cannot read and names cells from A1", () => {
    const result = readSchoolTable({ ...templateGrid([PRIMARY]), topLeft: "not an address" });
    expect(findProblem(result.problems, "bad-top-left")?.severity).toBe("warning");
    expect(result.records[0].source?.cells.name).toBe("学校!A2");
  });
});

describe("where the table ends (docs/school-table.md#skipped-rows: rows the reader skips)", () => {
  it("stops at a total row (合计, 总计 in the name column) with no school below it", () => {
    for (const total of ["合计", "总 计", "全旗合计"]) {
      const result = readSchoolTable(
        templateGrid([PRIMARY, JUNIOR, { name: total, primaryStudents: 600 }, { name: "注：" }]),
      );
      expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
      expect(result.problems).toEqual([]);
      expect(result.skippedRows).toMatchObject({ total: 1, note: 1, afterEnd: 0 });
    }
  });

  it("skips a total row with schools below it, and says so with its cell (issue 13 item 1)", () => {
    for (const total of ["合计", "总 计", "城区学校合计"]) {
      const result = readSchoolTable(templateGrid([PRIMARY, { name: total, primaryStudents: 600 }, JUNIOR]));
      expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
      expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
        ["total-row-skipped", "warning", "学校!A3"],
      ]);
      expect(result.problems[0].message.zh).toContain(total);
      expect(result.skippedRows.total).toBe(1);
    }
  });

  it("skips a subtotal row (小计) between groups and reads the schools below it", () => {
    for (const subtotal of ["小计", "城区小计"]) {
      const result = readSchoolTable(
        templateGrid([PRIMARY, { name: subtotal, primaryStudents: 600 }, JUNIOR]),
      );
      expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
      expect(result.problems).toEqual([]);
    }
  });

  it("stops at a total row whose word stands left of the name column", () => {
    const grid: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        ["序号", ...templateHeaderRow()],
        [1, ...templateRow(PRIMARY)],
        ["合计", null, ...templateRow({ primaryStudents: 600 }).slice(1)],
      ],
    };
    const result = readSchoolTable(grid);
    expect(result.records).toHaveLength(1);
    expect(result.unmatchedHeaders).toEqual([{ header: "序号", col: 0, cell: "学校!A1" }]);
    expect(result.problems).toEqual([]);
  });

  it("skips a blank row with schools below it, reading them, and says so", () => {
    const grid = templateGrid([PRIMARY, {}, JUNIOR]);
    const result = readSchoolTable(grid);
    expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
    const p = findProblem(result.problems, "blank-row-skipped");
    expect(p).toMatchObject({ severity: "warning", cell: "学校!A3" });
    expect(result.skippedRows).toMatchObject({ blank: 1, afterEnd: 0 });
  });

  it("stops at the first blank row when what follows is no school, and warns about data below it", () => {
    const grid = templateGrid([PRIMARY, {}]);
    grid.values.push(["附：已撤并学校"], templateRow(JUNIOR));
    const result = readSchoolTable(grid);
    expect(result.records.map((r) => r.name)).toEqual(["城关第一小学"]);
    const p = findProblem(result.problems, "rows-after-blank");
    expect(p).toMatchObject({ severity: "warning", cell: "学校!A4" });
  });

  it("skips the legend under a statistical form's header: column units or column numbers", () => {
    const units = templateHeaderRow().map((h) =>
      /（(.+)）$/u.exec(h) ? `（${/（(.+)）$/u.exec(h)?.[1]}）` : null,
    );
    const numbers = [
      "甲",
      "乙",
      ...templateHeaderRow()
        .slice(2)
        .map((_, i) => i + 1),
    ];
    for (const legend of [units, numbers]) {
      const grid = templateGrid([PRIMARY, JUNIOR]);
      grid.values.splice(1, 0, legend);
      const result = readSchoolTable(grid);
      expect(result.problems).toEqual([]);
      expect(result.rows).toEqual([2, 3]);
    }
  });

  it("reads a school named 甲 under the header as a school: its figures are no legend's", () => {
    const grid = templateGrid([
      { ...PRIMARY, name: "甲" },
      { ...JUNIOR, name: "乙" },
    ]);
    const result = readSchoolTable(grid);
    expect(result.records.map((r) => r.name)).toEqual(["甲", "乙"]);
    expect(result.skippedRows.legend).toBe(0);
    // a legend of column numbers typed as text, and marks in brackets, is still a legend
    const legend = [
      "甲",
      "（乙）",
      ...templateHeaderRow()
        .slice(2)
        .map((_, i) => String(i + 1)),
    ];
    const withLegend = templateGrid([PRIMARY, JUNIOR]);
    withLegend.values.splice(1, 0, legend);
    expect(readSchoolTable(withLegend).rows).toEqual([2, 3]);
  });

  it("a header with no school under it is an error, not a county where every school passes", () => {
    for (const grid of [
      templateGrid([]),
      templateGrid([{}, { name: "注：无" }, PRIMARY]),
      templateGrid([{ name: "合计" }]),
    ]) {
      const result = readSchoolTable(grid);
      expect(result.records).toEqual([]);
      expect(findProblem(result.problems, "no-schools")).toMatchObject({
        severity: "error",
        cell: "学校!A2",
      });
    }
  });

  it("stops at a note under the table", () => {
    const grid = templateGrid([PRIMARY]);
    grid.values.push(["填表人：张敏    审核人：王磊"]);
    const result = readSchoolTable(grid);
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });

  it("stops at a printed sign-off line spread over its cells, blank row or not above it", () => {
    const signOff = ["单位负责人：", "张敏", null, "填表人：李娜", null, "联系电话：", 4821234567];
    for (const below of [[signOff], [[], signOff], [[], ["报出日期：2025年9月1日", null, "审核人：王磊"]]]) {
      const grid = templateGrid([PRIMARY, JUNIOR]);
      grid.values.push(...below);
      const result = readSchoolTable(grid);
      expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "城关中学"]);
      expect(result.problems).toEqual([]);
      expect(result.skippedRows).toMatchObject({ note: 1, afterEnd: 0 });
    }
  });

  it("reads a name wrapped by hand over two lines as one line (docs/school-table.md#columns)", () => {
    const grid = templateGrid([
      { ...PRIMARY, name: "城关\n第一小学" },
      { ...JUNIOR, name: "No.1 \r\nMiddle School" },
      { ...TEACHING_POINT, parent: "城关第一\n 小学" },
    ]);
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.name)).toEqual(["城关第一小学", "No.1 Middle School", "哈拉黑教学点"]);
    expect(result.records[2].parent).toBe("城关第一小学");
  });

  it("reads hidden rows and says so", () => {
    const grid = { ...templateGrid([PRIMARY, JUNIOR]), hiddenRows: [0, 2] };
    const result = readSchoolTable(grid);
    expect(result.records).toHaveLength(2);
    const hidden = result.problems.filter((p) => p.code === "hidden-row");
    expect(hidden).toEqual([expect.objectContaining({ severity: "warning", cell: "学校!A3" })]);
  });
});

describe("the equipment unit (docs/standard.md#equipment-unit: the statistics record 万元)", () => {
  const withHeader = (header: string, value: number) => {
    const headers = templateHeaderRow().map((h, i) =>
      TEMPLATE_COLUMNS[i].id === "equipmentValue" ? header : h,
    );
    return readSchoolTable(templateGrid([{ ...PRIMARY, equipmentValue: value }], { header: headers }));
  };

  it("takes 元 from a header that says so", () => {
    for (const header of ["教学仪器设备值（元）", "教学仪器设备值(元)", "Equipment value (yuan)"]) {
      const result = withHeader(header, 1_500_000);
      expect(result.equipmentUnit).toBe("元");
      expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
      expect(result.problems).toEqual([]);
    }
  });

  it("takes 万元 from the header, and by default when the header says nothing", () => {
    for (const header of [
      "教学仪器设备值（万元）",
      "Equipment value (10k yuan)",
      "教学仪器设备值",
      "仪器设备值",
    ]) {
      const result = withHeader(header, 150);
      expect(result.equipmentUnit).toBe("万元");
      expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
    }
  });

  it("follows the profile's default unit when the header says nothing", () => {
    const headers = templateHeaderRow().map((h, i) =>
      TEMPLATE_COLUMNS[i].id === "equipmentValue" ? "教学仪器设备值" : h,
    );
    const profile = { ...NATIONAL_2017, equipmentDefaultUnit: "元" as const };
    const result = readSchoolTable(
      templateGrid([{ ...PRIMARY, equipmentValue: 1_500_000 }], { header: headers }),
      {
        profile,
      },
    );
    expect(result.equipmentUnit).toBe("元");
    expect(result.records[0].facilities.equipmentValue).toBe(1_500_000);
  });

  it("warns when the per-student value in 元 is below the profile's threshold (the sheet is probably in 万元)", () => {
    const result = withHeader("教学仪器设备值（元）", 150);
    const p = findProblem(result.problems, "equipment-implausible");
    expect(p).toMatchObject({ severity: "warning", cell: `学校!${letter("equipmentValue")}2` });
    expect(p?.message.zh).toContain("万元");
    expect(errors(result.problems)).toEqual([]);
    // 150 元 for 600 pupils is 0.25 元 each: below 50. 30,000 元 is 50 each: not below.
    expect(
      findProblem(withHeader("教学仪器设备值（元）", 30_000).problems, "equipment-implausible"),
    ).toBeUndefined();
  });

  it("warns when a sheet in 元 is read as 万元 (millions of 元 per pupil)", () => {
    const result = withHeader("教学仪器设备值（万元）", 1_500_000);
    expect(findProblem(result.problems, "equipment-implausible")?.message.en).toContain("yuan");
  });

  it("refuses a unit it cannot convert", () => {
    const result = withHeader("教学仪器设备值（千元）", 1500);
    expect(findProblem(result.problems, "equipment-unit-unknown")).toMatchObject({
      severity: "error",
      cell: "学校!R1",
    });
  });

  it("keeps binary noise out of 万元 × 10,000", () => {
    expect(withHeader("教学仪器设备值（万元）", 12.34).records[0].facilities.equipmentValue).toBe(123_400);
  });
});

describe("numbers written as text (issue 2 item 3)", () => {
  it.each([
    ["1,234", 1234],
    ["１２３", 123],
    [" 45 ", 45],
    ["1，234", 1234],
    ["１，２３４．５", 1234.5],
    ["\u00a0600\u3000", 600],
  ])("reads %j as %d", (text, value) => {
    const result = readSchoolTable(templateGrid([{ ...PRIMARY, teachingArea: text }]));
    expect(result.problems).toEqual([]);
    expect(result.records[0].facilities.teachingArea).toBe(value);
  });

  it("reads the statistics' dash for none as a blank", () => {
    const result = readSchoolTable(templateGrid([{ ...PRIMARY, primaryClasses: "—", juniorStudents: "-" }]));
    expect(result.problems).toEqual([]);
    expect(result.records[0].classes).toBeUndefined();
  });
});

describe("errors: each blocks the verdict and names its cell", () => {
  const P = (values: Record<string, unknown>) =>
    readSchoolTable(templateGrid([{ ...PRIMARY, ...values }] as never));
  const cellOf = (id: string, row = 2) => `学校!${letter(id)}${row}`;

  it.each([
    ["excel-error", { teachingArea: { error: "#N/A" } }, "teachingArea"],
    ["excel-error", { teachingArea: "#DIV/0!" }, "teachingArea"],
    ["date-not-number", { primaryStudents: new Date(Date.UTC(2025, 8, 1)) }, "primaryStudents"],
    ["not-a-number", { primaryStudents: true }, "primaryStudents"],
    ["not-a-number", { sportsArea: "约5000" }, "sportsArea"],
    ["not-a-number", { sportsArea: "1,23" }, "sportsArea"],
    ["not-a-number", { sportsArea: Number.NaN }, "sportsArea"],
    ["not-a-number", { sportsArea: Number.POSITIVE_INFINITY }, "sportsArea"],
    ["negative-number", { multimediaRooms: -3 }, "multimediaRooms"],
    ["fractional-count", { primaryKeyTeachers: 2.5 }, "primaryKeyTeachers"],
    ["fractional-count", { multimediaRooms: "7.5" }, "multimediaRooms"],
    ["blank-required", { teachingArea: null }, "teachingArea"],
    ["blank-required", { name: null }, "name"],
    ["blank-required", { type: " " }, "type"],
    ["blank-required", { primaryStudents: null }, "primaryStudents"],
    ["unknown-school-type", { type: "幼儿园" }, "type"],
    ["section-teachers-blank", { primaryPeArtTeachers: null }, "primaryPeArtTeachers"],
    ["type-contradicts-enrolment", { juniorStudents: 120 }, "juniorStudents"],
  ])("%s for %j", (code, values, id) => {
    const result = P(values);
    const p = findProblem(result.problems, code);
    expect(p).toMatchObject({ severity: "error", cell: cellOf(id) });
    expect(p?.message.zh).toContain(cellOf(id));
    expect(p?.message.en).toContain(cellOf(id));
    expect(errors(result.problems)).toHaveLength(1);
  });

  it("words a figure's problem with its cell, its column and the value as read", () => {
    const message = (values: Record<string, unknown>) => errors(P(values).problems)[0].message;
    expect(message({ multimediaRooms: "-3" })).toEqual({
      zh: "学校!S2“网络多媒体教室数”为负数（-3），应不小于 0。",
      en: "学校!S2 (Multimedia rooms) is negative (-3); it must be 0 or more.",
    });
    expect(message({ primaryKeyTeachers: "2.5" })).toEqual({
      zh: "学校!L2“小学县级以上骨干教师数”为 2.5，人数和间数应为整数。",
      en: "学校!L2 (Primary key teachers) is 2.5; counts of people and rooms are whole numbers.",
    });
    expect(message({ sportsArea: "约5000" })).toEqual({
      zh: "学校!Q2“体育运动场馆面积”的内容“约5000”不是数字。",
      en: '学校!Q2 (Sports area) holds "约5000", which is not a number.',
    });
  });

  it("accepts fractional areas and money, and whole numbers written with .0", () => {
    const result = P({
      teachingArea: 3000.5,
      equipmentValue: 150.25,
      primaryStudents: 600.0,
      multimediaRooms: "15.0",
    });
    expect(result.problems).toEqual([]);
    expect(result.records[0].facilities.teachingArea).toBe(3000.5);
  });

  it("duplicate school name (full-width or spaced spellings are the same name)", () => {
    const result = readSchoolTable(templateGrid([PRIMARY, JUNIOR, { ...JUNIOR, name: " 城关 中学" }]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "duplicate-name", severity: "error", cell: "学校!A4" }),
    ]);
    expect(result.problems[0].message.zh).toContain("学校!A3");
  });

  it("a combined school without the enrolment of one of its sections (docs/standard.md#combined-schools)", () => {
    for (const juniorStudents of [null, 0]) {
      const result = readSchoolTable(templateGrid([{ ...NINE_YEAR, juniorStudents }]));
      expect(result.problems).toEqual([
        expect.objectContaining({
          code: "combined-missing-section",
          severity: "error",
          cell: cellOf("juniorStudents"),
        }),
      ]);
    }
    const twelve = readSchoolTable(
      templateGrid([{ ...NINE_YEAR, type: "十二年一贯制", primaryStudents: null }]),
    );
    expect(findProblem(twelve.problems, "combined-missing-section")?.cell).toBe(cellOf("primaryStudents"));
  });

  it("a section that exists with its teacher columns blank, whichever the type", () => {
    const result = readSchoolTable(
      templateGrid([
        { ...NINE_YEAR, juniorQualifiedTeachers: null, juniorKeyTeachers: null, juniorPeArtTeachers: 0 },
      ]),
    );
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ["section-teachers-blank", cellOf("juniorQualifiedTeachers")],
      ["section-teachers-blank", cellOf("juniorKeyTeachers")],
    ]);
  });

  it("a school type that contradicts the enrolment", () => {
    const junior = readSchoolTable(templateGrid([{ ...JUNIOR, primaryStudents: 30 }]));
    expect(findProblem(junior.problems, "type-contradicts-enrolment")?.cell).toBe(cellOf("primaryStudents"));
    const nine = readSchoolTable(templateGrid([{ ...NINE_YEAR, seniorStudents: 40 }]));
    expect(findProblem(nine.problems, "type-contradicts-enrolment")?.cell).toBe(cellOf("seniorStudents"));
    // a 完全中学 has senior students; a special-education school may have any level
    const complete = readSchoolTable(templateGrid([{ ...JUNIOR, type: "完中", seniorStudents: 600 }]));
    expect(complete.problems).toEqual([]);
  });

  it("a missing column that some school needs, once and with no cell", () => {
    const headers = templateHeaderRow();
    const index = TEMPLATE_COLUMNS.findIndex((c) => c.id === "multimediaRooms");
    const grid = templateGrid([PRIMARY, JUNIOR]);
    grid.values = grid.values.map((row) => row.filter((_, i) => i !== index));
    expect(grid.values[0]).toEqual(headers.filter((_, i) => i !== index));
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "missing-column", severity: "error", cell: null }),
    ]);
    expect(result.problems[0].message.zh).toContain("网络多媒体教室数");
  });

  it("a missing teacher column matters only when a school has that section", () => {
    const index = TEMPLATE_COLUMNS.findIndex((c) => c.id === "juniorKeyTeachers");
    const drop = (grid: Grid) => ({
      ...grid,
      values: grid.values.map((row) => row.filter((_, i) => i !== index)),
    });
    expect(readSchoolTable(drop(templateGrid([PRIMARY]))).problems).toEqual([]);
    expect(codes(readSchoolTable(drop(templateGrid([PRIMARY, JUNIOR]))).problems)).toEqual([
      "missing-column",
    ]);
  });

  it("text where text belongs but a date or an error is there", () => {
    const result = readSchoolTable(
      templateGrid([
        { ...PRIMARY, name: { error: "#REF!" } },
        { ...JUNIOR, type: false },
      ]),
    );
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ["excel-error", "学校!A2"],
      ["not-text", "学校!B3"],
    ]);
    expect(result.records).toEqual([]);
  });

  it("reports every problem of a row, not only the first", () => {
    const result = P({ teachingArea: "x", sportsArea: -1, multimediaRooms: 1.5 });
    expect(codes(result.problems)).toEqual(["not-a-number", "negative-number", "fractional-count"]);
  });
});

describe("warnings: do not block the verdict", () => {
  it("a teaching point without a parent school, or with a parent not in the table", () => {
    const none = readSchoolTable(templateGrid([PRIMARY, { ...TEACHING_POINT, parent: null }]));
    expect(none.problems).toEqual([
      expect.objectContaining({
        code: "teaching-point-no-parent",
        severity: "warning",
        cell: `学校!${letter("parent")}3`,
      }),
    ]);
    const elsewhere = readSchoolTable(templateGrid([PRIMARY, { ...TEACHING_POINT, parent: "索伦中心校" }]));
    expect(elsewhere.problems).toEqual([
      expect.objectContaining({
        code: "parent-not-found",
        severity: "warning",
        cell: `学校!${letter("parent")}3`,
      }),
    ]);
    expect(elsewhere.records[1].parent).toBe("索伦中心校");
  });

  it("takes the parent's name as the table spells it, so that merging finds it", () => {
    const result = readSchoolTable(templateGrid([PRIMARY, { ...TEACHING_POINT, parent: "城关第一小学 " }]));
    expect(result.problems).toEqual([]);
    expect(result.records[1].parent).toBe("城关第一小学");
  });

  it("values far outside what any school reports", () => {
    const students = readSchoolTable(
      templateGrid([
        {
          ...PRIMARY,
          primaryStudents: 25_000,
          teachingArea: 120_000,
          sportsArea: 200_000,
          equipmentValue: 6000,
        },
      ]),
    );
    expect(students.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["implausible-value", "warning", `学校!${letter("primaryStudents")}2`],
    ]);
    const area = readSchoolTable(templateGrid([{ ...PRIMARY, teachingArea: 61_000 }]));
    expect(area.problems.map((p) => [p.code, p.cell])).toEqual([
      ["implausible-value", `学校!${letter("teachingArea")}2`],
    ]);
    const teachers = readSchoolTable(
      templateGrid([
        { ...TEACHING_POINT, parent: null, name: "x", type: "小学", primaryQualifiedTeachers: 30 },
      ]),
    );
    expect(findProblem(teachers.problems, "implausible-value")?.cell).toBe(
      `学校!${letter("primaryQualifiedTeachers")}2`,
    );
    const classes = readSchoolTable(templateGrid([{ ...PRIMARY, primaryLargestClass: 300 }]));
    expect(findProblem(classes.problems, "implausible-value")?.cell).toBe(
      `学校!${letter("primaryLargestClass")}2`,
    );
    expect(errors(students.problems)).toEqual([]);
  });

  it("more teachers than a section's one pupil: the warning counts the pupil in the singular", () => {
    const result = readSchoolTable(
      templateGrid([
        {
          ...TEACHING_POINT,
          parent: null,
          name: "x",
          type: "小学",
          primaryStudents: 1,
          primaryQualifiedTeachers: 2,
        },
      ]),
    );
    const cell = `学校!${letter("primaryQualifiedTeachers")}2`;
    const warning = result.problems.find((p) => p.code === "implausible-value" && p.cell === cell);
    expect(warning?.message.en).toMatch(/is 2, more than the section's 1 student; please check\.$/);
    expect(warning?.message.zh).toMatch(/为 2，多于该学段在校生 1 人，请核对。$/);
  });

  it("a locale it does not know is ignored, with a warning", () => {
    const result = readSchoolTable(templateGrid([{ ...PRIMARY, locale: "牧区" }]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "unknown-locale", severity: "warning", cell: "学校!C2" }),
    ]);
    expect(result.records[0].locale).toBeUndefined();
  });

  it("a second column with the same meaning is not read", () => {
    const grid: Grid = { ...templateGrid([PRIMARY]) };
    grid.values = grid.values.map((row, i) => [...row, i === 0 ? "学校名称" : "别名"]);
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "duplicate-column", severity: "warning", cell: "学校!AB1" }),
    ]);
    expect(result.records[0].name).toBe("城关第一小学");
    expect(result.unmatchedHeaders).toEqual([{ header: "学校名称", col: 27, cell: "学校!AB1" }]);
  });
});

describe("schools the standard excludes (docs/standard.md#scope)", () => {
  it("special-education and vocational schools need no teacher or facility figures", () => {
    const result = readSchoolTable(
      templateGrid([
        { name: "科右前旗特殊教育学校", type: "特教", primaryStudents: 40, juniorStudents: 25 },
        { name: "科右前旗职业中学", type: "职业高中", seniorStudents: 700 },
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.type)).toEqual(["special", "vocational"]);
  });

  it("unless the profile counts them", () => {
    const profile = {
      ...NATIONAL_2017,
      exclusions: { ...NATIONAL_2017.exclusions, specialEducation: false },
    };
    const result = readSchoolTable(
      templateGrid([{ name: "特教学校", type: "特殊教育学校", primaryStudents: 40 }]),
      {
        profile,
      },
    );
    expect(codes(result.problems)).toContain("section-teachers-blank");
    expect(codes(result.problems)).toContain("blank-required");
  });
});

describe("facilities per section, indoor sports rooms, guarantee items", () => {
  const header = [
    ...templateHeaderRow(),
    "小学教学及辅助用房面积（㎡）",
    "初中教学及辅助用房面积(m2)",
    "小学体育运动场馆面积",
    "初中体育运动场馆面积",
    "小学教学仪器设备值（万元）",
    "初中教学仪器设备值（元）",
    "小学网络多媒体教室数",
    "初中网络多媒体教室数",
    "室内体育用房面积",
  ];
  const row = (values: Record<string, unknown>, extra: CellValue[]): CellValue[] => [
    ...templateRow(values as never),
    ...extra,
  ];

  it("fills sectionFacilities (used as given, not apportioned) and needs no whole-school figures", () => {
    const grid: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        header,
        row(
          { ...NINE_YEAR, teachingArea: null, sportsArea: null, equipmentValue: null, multimediaRooms: null },
          [900, 1200, 1800, 2200, 40, 500_000, 4, 5, 300],
        ),
      ],
    };
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([]);
    const [record] = result.records;
    expect(record.sectionFacilities).toEqual({
      primary: { teachingArea: 900, sportsArea: 1800, equipmentValue: 400_000, multimediaRooms: 4 },
      junior: { teachingArea: 1200, sportsArea: 2200, equipmentValue: 500_000, multimediaRooms: 5 },
    });
    expect(record.facilities).toEqual({
      teachingArea: 2100,
      sportsArea: 4000,
      equipmentValue: 900_000,
      multimediaRooms: 9,
    });
    expect(record.indoorSportsArea).toBe(300);
    const evaluation = evaluate(result.records, NATIONAL_2017);
    expect(evaluation.sections.map((s) => s.values.teachingArea)).toEqual([900 / 166, 1200 / 210]);
  });

  it("refuses per-section facilities given in part", () => {
    const wholeBlank = { teachingArea: null, sportsArea: null, equipmentValue: null, multimediaRooms: null };
    const grid: Grid = {
      sheet: "学校",
      topLeft: "A1",
      values: [
        header,
        row({ ...NINE_YEAR, ...wholeBlank }, [900, 1200, null, 2200, 40, 500_000, 4, 5, null]),
      ],
    };
    const result = readSchoolTable(grid);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ["section-facilities-incomplete", "学校!AD2"],
    ]);
    expect(result.records[0].sectionFacilities).toEqual({
      junior: { teachingArea: 1200, sportsArea: 2200, equipmentValue: 500_000, multimediaRooms: 5 },
    });
  });

  it("fills classes, rooms and largest classes; blanks stay undefined", () => {
    const result = readSchoolTable(
      templateGrid([
        {
          ...NINE_YEAR,
          primaryClasses: 6,
          juniorClasses: 6,
          musicRooms: 1,
          artRooms: 1,
          smallestMusicRoom: 96.5,
          smallestArtRoom: null,
          primaryLargestClass: 42,
          grade7LargestClass: 48,
        },
      ]),
    );
    expect(result.problems).toEqual([]);
    const [r] = result.records;
    expect(r.classes).toEqual({ primary: 6, junior: 6 });
    expect(r.rooms).toEqual({ music: 1, art: 1, smallestMusic: 96.5 });
    expect(r.largestClass).toEqual({ primary: 42, grade7: 48 });
  });
});

describe("the user's column mapping", () => {
  const odd: Grid = {
    sheet: "学校",
    topLeft: "A1",
    values: [
      [
        "学校名称",
        "学校类型",
        "学生",
        "小学高于规定学历教师数",
        "小学县级以上骨干教师数",
        "小学体育艺术专任教师数",
        "教学及辅助用房面积",
        "体育运动场馆面积",
        "教学仪器设备值",
        "网络多媒体教室数",
        "备注",
      ],
      ["城关第一小学", "小学", 600, 30, 8, 6, 3000, 5000, 150, 15, "2025 年新建"],
    ],
  };

  it("without it, an unknown header is listed and the column it should be is missing", () => {
    const result = readSchoolTable(odd);
    expect(result.unmatchedHeaders.map((h) => h.header)).toEqual(["学生", "备注"]);
    expect(result.records[0].students.primary).toBe(0);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([["missing-column", null]]);
  });

  it("points a column id at a grid column", () => {
    const result = readSchoolTable(odd, { mapping: { primaryStudents: 2 } });
    expect(result.problems).toEqual([]);
    expect(result.records[0].students.primary).toBe(600);
    expect(result.columns.find((c) => c.columnId === "primaryStudents")).toEqual({
      columnId: "primaryStudents",
      col: 2,
      header: "学生",
      cell: "学校!C1",
      path: ["学生"],
      headerCells: ["学校!C1"],
      unit: null,
      unitCell: null,
    });
    expect(result.unmatchedHeaders.map((h) => h.header)).toEqual(["备注"]);
  });

  it("moves a column from the header's match to the user's choice, and unmaps one", () => {
    const moved = readSchoolTable(odd, {
      mapping: { primaryStudents: 2, seniorStudents: 9, multimediaRooms: null },
    });
    expect(moved.columns.map((c) => c.columnId)).not.toContain("multimediaRooms");
    expect(moved.records[0].students.senior).toBe(15);
    expect(moved.problems.map((p) => [p.code, p.cell])).toEqual([
      ["type-contradicts-enrolment", "学校!J2"],
      ["missing-column", null],
    ]);
  });

  it("lets a table without a recognisable name header be read", () => {
    const grid: Grid = { ...odd, values: [["单位", ...odd.values[0].slice(1)], odd.values[1]] };
    expect(readSchoolTable(grid).headerRow).toBeNull();
    const result = readSchoolTable(grid, { mapping: { name: 0, primaryStudents: 2 } });
    expect(result.headerRow).toBe(0);
    expect(result.records[0].name).toBe("城关第一小学");
  });

  it("refuses a column beyond Excel's last (XFD) rather than walk to it", () => {
    const result = readSchoolTable(odd, { mapping: { name: 1e300, primaryStudents: 16384 } });
    expect(codes(result.problems)).toEqual(["mapping-invalid", "mapping-invalid", "missing-column"]);
    expect(result.records[0].name).toBe("城关第一小学");
  });

  it("ignores, with a warning, entries it cannot use", () => {
    const result = readSchoolTable(odd, { mapping: { primaryStudents: 2, nonsense: 3, teachingArea: -1 } });
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ["mapping-unknown-column", "warning"],
      ["mapping-invalid", "warning"],
    ]);
    expect(result.records[0].facilities.teachingArea).toBe(3000);
  });
});

describe("findHeaderRow: the header alone, for a host choosing a sheet", () => {
  it("gives the header row readSchoolTable finds, without reading a school", () => {
    const grid = templateGrid([PRIMARY, { ...JUNIOR, teachingArea: "x" }], { above: [["标题"]] });
    expect(findHeaderRow(grid)).toBe(1);
    expect(findHeaderRow(grid)).toBe(readSchoolTable(grid).headerRow);
    expect(findHeaderRow({ sheet: "说明", topLeft: "A1", values: [["本表说明"]] })).toBeNull();
  });
});
