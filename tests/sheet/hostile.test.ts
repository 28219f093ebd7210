/**
 * Hostile and messy tables (issue 13): nothing dropped silently, no stale column chosen, no grid built to the
 * size of a huge used range, values read as they are or refused, teaching points merged without losing pupils,
 * combined schools by one rule.
 */
import { evaluate } from "../../src/engine";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { templateHeaderRow } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
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
  type RowValues,
} from "./helpers";

const at = (id: string, row: number) => `学校!${letter(id)}${row}`;
const school = (name: string, base: RowValues = PRIMARY): RowValues => ({ ...base, name });

describe("nothing dropped silently (item 1)", () => {
  it("a 合计 between the town's and the villages' schools is skipped, the schools below it read", () => {
    const result = readSchoolTable(
      templateGrid([
        school("城关一小"),
        school("城关二小"),
        { name: "城区学校合计", primaryStudents: 1200, teachingArea: 6000 },
        school("乡村一小"),
        { name: "乡村学校小计", primaryStudents: 600 },
        { name: "全县总计", primaryStudents: 1800 },
      ]),
    );
    expect(result.records.map((r) => r.name)).toEqual(["城关一小", "城关二小", "乡村一小"]);
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["total-row-skipped", "warning", "学校!A4"],
    ]);
    expect(result.skippedRows).toEqual({
      aboveHeader: 0,
      legend: 0,
      subtotal: 1,
      total: 2,
      note: 0,
      blank: 0,
      header: 0,
      afterEnd: 0,
    });
  });

  it.each([
    ["合 计", "total"],
    ["合　计", "total"],
    ["合计：", "total"],
    ["全县合计(12所)", "total"],
    ["乡镇学校共计", "total"],
    ["以上合计", "total"],
    ["TOTAL:", "total"],
    ["Grand-total", "total"],
    ["城区小计（3所）", "subtotal"],
    ["小 计", "subtotal"],
    ["Sub-total", "subtotal"],
    ["其中:公办", "subtotal"],
  ] as const)("%s between two groups is a %s row: skipped, every school below it read", (name, kind) => {
    const result = readSchoolTable(
      templateGrid([school("一小"), school("二小"), { name, primaryStudents: 1200 }, school("三小")]),
    );
    expect(result.records.map((r) => r.name)).toEqual(["一小", "二小", "三小"]);
    expect(result.skippedRows[kind]).toBe(1);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual(
      kind === "total" ? [["total-row-skipped", "学校!A4"]] : [],
    );
  });

  it("every row left out is counted by its reason", () => {
    const grid: Grid = templateGrid(
      [
        school("一小"),
        { name: "城区小计" },
        { name: "城区合计" },
        school("二小"),
        {},
        school("三小"),
        { name: "合计" },
        { name: "注：数据截至9月" },
        {},
      ],
      { above: [["白狼县学校情况"], [], ["填报单位：教育局"]] },
    );
    grid.values.splice(
      4,
      0,
      TEMPLATE_COLUMNS.map((c) => (c.kind === "count" ? "人" : null)),
    );
    const result = readSchoolTable(grid);
    expect(result.records.map((r) => r.name)).toEqual(["一小", "二小", "三小"]);
    expect(result.skippedRows).toEqual({
      aboveHeader: 2,
      legend: 1,
      subtotal: 1,
      total: 2,
      note: 1,
      blank: 1,
      header: 0,
      afterEnd: 0,
    });
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ["total-row-skipped", "学校!A8"],
      ["blank-row-skipped", "学校!A10"],
    ]);
  });

  it("schools below a total and a note, where the table ended, are named in a warning", () => {
    const result = readSchoolTable(
      templateGrid([school("一小"), { name: "合计" }, { name: "注：" }, school("二小")]),
    );
    expect(result.records.map((r) => r.name)).toEqual(["一小"]);
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["rows-after-end", "warning", "学校!A5"],
    ]);
    expect(result.problems[0].message.zh).toContain("第 3 行是合计行");
    expect(result.skippedRows).toMatchObject({ total: 1, note: 1, afterEnd: 1 });
  });

  it("the clerk's signature under a total ends the table quietly: it is no school", () => {
    const grid = templateGrid([school("一小"), { name: "合计" }]);
    grid.values.push(["填表人：王某", null, "审核人：李某"]);
    const result = readSchoolTable(grid);
    expect(result.problems).toEqual([]);
    // the sign-off line spread over its cells is a note (docs/school-table.md#skipped-rows)
    expect(result.skippedRows).toMatchObject({ total: 1, note: 1, afterEnd: 0 });
  });
});

describe("no stale column chosen (item 2)", () => {
  const withCopy = (copyFirst: boolean, hidden: "copy" | "original") => {
    const grid = templateGrid([PRIMARY, JUNIOR]);
    const col = TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea");
    // a stale copy of 教学及辅助用房面积, with last year's figures
    grid.values = grid.values.map((row, r) => {
      const copy = r === 0 ? row[col] : 1;
      return copyFirst ? [copy, ...row] : [...row, copy];
    });
    const copyCol = copyFirst ? 0 : TEMPLATE_COLUMNS.length;
    const originalCol = copyFirst ? col + 1 : col;
    return { ...grid, hiddenColumns: [hidden === "copy" ? copyCol : originalCol] };
  };

  it("a repeated column is never read from a hidden copy over a visible one, wherever the copy stands", () => {
    const first = readSchoolTable(withCopy(true, "copy"));
    expect(first.records.map((r) => r.facilities.teachingArea)).toEqual([3000, 5200]);
    const p = findProblem(first.problems, "duplicate-column");
    expect(p).toMatchObject({ severity: "warning", cell: "学校!A1" });
    expect(p?.message.zh).toContain("隐藏列");
    expect(p?.message.zh).toContain(`读取了 学校!${"Q"}1`);
    expect(p?.message.en).toMatch(/Q1 was read and 学校!A1, a hidden column, was not/);
    expect(first.columns.find((c) => c.columnId === "teachingArea")?.col).toBe(16);
    const last = readSchoolTable(withCopy(false, "copy"));
    expect(last.records.map((r) => r.facilities.teachingArea)).toEqual([3000, 5200]);
  });

  it("where the original is the hidden one, the visible copy is read, and the warning says so", () => {
    const result = readSchoolTable(withCopy(false, "original"));
    expect(result.records.map((r) => r.facilities.teachingArea)).toEqual([1, 1]);
    const p = findProblem(result.problems, "duplicate-column");
    expect(p?.cell).toBe(at("teachingArea", 1));
    expect(p?.message.en).toContain("a hidden column");
  });

  it("a hidden column with no visible copy is read, with a warning naming it", () => {
    const result = readSchoolTable({ ...templateGrid([PRIMARY]), hiddenColumns: [1] });
    expect(result.records[0].type).toBe("primary");
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["hidden-column", "warning", "学校!B1"],
    ]);
  });

  it("hidden rows inside the table are read, and warned about, as before", () => {
    const result = readSchoolTable({ ...templateGrid([PRIMARY, JUNIOR]), hiddenRows: [2] });
    expect(result.records).toHaveLength(2);
    expect(codes(result.problems)).toEqual(["hidden-row"]);
  });
});

/** Counts reads of the array's elements: what the reader touches, not how long it takes. */
function counted<T>(array: T[], counter: { reads: number }): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/u.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

describe("ragged and huge sparse grids (item 3)", () => {
  it("reads ragged rows: shorter rows, missing rows, empty rows", () => {
    const values: CellValue[][] = [templateHeaderRow()];
    values[1] = templateRow(PRIMARY).slice(0, 19); // through the multimedia rooms, the rest missing
    values[2] = templateRow(JUNIOR);
    // row 3 is a hole: no array at all; row 4 an empty one
    values[4] = [];
    values[5] = templateRow(NINE_YEAR);
    const result = readSchoolTable({ sheet: "学校", topLeft: "A1", values });
    expect(result.records.map((r) => r.name)).toEqual([PRIMARY.name, JUNIOR.name, NINE_YEAR.name]);
    expect(result.records[0].classes).toEqual({ primary: 14 });
    expect(findProblem(result.problems, "blank-row-skipped")?.cell).toBe("学校!A4");
    expect(result.skippedRows).toMatchObject({ blank: 2, afterEnd: 0 });
  });

  it("a stray cell at XFD1048576: the grid is walked by the cells it holds, not by its rectangle", () => {
    const rows = counted<CellValue[]>([templateHeaderRow(), templateRow(PRIMARY), templateRow(JUNIOR)], {
      reads: 0,
    });
    const stray: CellValue[] = [];
    stray[16383] = "x";
    const rowReads = { reads: 0 };
    const values = counted<CellValue[]>([], rowReads);
    values.push(templateHeaderRow(), templateRow(PRIMARY), templateRow(JUNIOR));
    values[1048575] = counted(stray, rowReads);
    rowReads.reads = 0;
    const result = readSchoolTable({ sheet: "学校", topLeft: "A1", values });
    expect(result.records.map((r) => r.name)).toEqual([PRIMARY.name, JUNIOR.name]);
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([["rows-after-blank", "学校!XFD1048576"]]);
    expect(result.skippedRows).toMatchObject({ blank: 1048572, afterEnd: 1 });
    // a few hundred reads for three rows and one stray cell, not a million
    expect(rowReads.reads).toBeLessThan(2000);
    expect(rows.length).toBe(3);
  });

  it("a stray cell far right of the header row does not make every row as wide", () => {
    const header: CellValue[] = templateHeaderRow();
    header[16383] = "备注";
    const reads = { reads: 0 };
    const values = [counted(header, reads), templateRow(PRIMARY)];
    const result = readSchoolTable({ sheet: "学校", topLeft: "A1", values });
    expect(result.records).toHaveLength(1);
    expect(result.unmatchedHeaders).toEqual([{ header: "备注", col: 16383, cell: "学校!XFD1" }]);
    expect(reads.reads).toBeLessThan(2000);
  });
});

describe("values read as they are, or refused (item 5)", () => {
  const P = (values: RowValues, profile: Profile = NATIONAL_2017) =>
    readSchoolTable(templateGrid([{ ...PRIMARY, ...values }]), { profile });

  it.each([
    ["primaryStudents", new Date(Date.UTC(2024, 8, 1))],
    ["teachingArea", new Date(Date.UTC(2024, 0, 1))],
    ["equipmentValue", new Date(Date.UTC(2024, 0, 1))],
  ])("a date in %s is an error naming the cell, not a number of days", (id, date) => {
    const result = P({ [id]: date });
    expect(errors(result.problems)).toEqual([
      expect.objectContaining({ code: "date-not-number", cell: at(id, 2) }),
    ]);
  });

  it("a formula never calculated is reported as such, wherever it stands, never as blank", () => {
    const result = readSchoolTable(
      templateGrid([
        { ...PRIMARY, primaryStudents: { formula: "SUM(E3:E9)" } },
        { ...JUNIOR, name: { formula: 'B3&"中学"' } },
      ]),
    );
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ["formula-not-calculated", at("primaryStudents", 2)],
      ["formula-not-calculated", at("name", 3)],
    ]);
    expect(result.problems[0].message.zh).toContain("公式尚未计算");
    expect(result.problems[0].message.zh).toContain("请在 Excel 或 WPS 中打开并保存");
    expect(result.problems[0].message.en).toContain("formula not calculated");
    expect(result.problems[0].message.en).toContain("open and save the workbook in Excel");
  });

  it.each<[string, RowValues, string]>([
    ["1e305 万元 of equipment (Infinity in 元)", { equipmentValue: 1e305 }, "equipmentValue"],
    ["1e308 pupils", { primaryStudents: 1e308 }, "primaryStudents"],
    ["1e300 m² of grounds", { sportsArea: 1e300 }, "sportsArea"],
    ["1e16 as text", { teachingArea: "10000000000000000" }, "teachingArea"],
  ])("%s: an error naming the cell, never a figure", (_, values, id) => {
    const result = P(values);
    expect(errors(result.problems)).toEqual([
      expect.objectContaining({ code: "number-too-large", cell: at(id, 2) }),
    ]);
  });

  it("the largest figure still computed with gives finite values throughout", () => {
    const result = P({ teachingArea: 1e15, equipmentValue: 1e11 });
    expect(errors(result.problems)).toEqual([]);
    const evaluation = evaluate(result.records, NATIONAL_2017);
    for (const s of evaluation.sections)
      for (const v of Object.values(s.values)) expect(Number.isFinite(v)).toBe(true);
  });

  it('"1,500" is 1500; malformed separators are errors, never 1 or 15', () => {
    expect(P({ sportsArea: "1,500" }).records[0].facilities.sportsArea).toBe(1500);
    expect(P({ sportsArea: "1，500" }).records[0].facilities.sportsArea).toBe(1500);
    expect(P({ sportsArea: "12,345,678.5" }).records[0].facilities.sportsArea).toBe(12_345_678.5);
    for (const text of ["1,50", "1,5000", "1.500,00", "15,00,000", ",500", "1,500,", "1 500 0,0"]) {
      const result = P({ sportsArea: text });
      expect([text, codes(errors(result.problems))]).toEqual([text, ["not-a-number"]]);
    }
  });
});

describe("teaching points merged into their parents (item 7)", () => {
  const merging: Profile = { ...NATIONAL_2017, teachingPoints: "mergeIntoParent" };
  const point = (name: string, parent: string | null): RowValues => ({ ...TEACHING_POINT, name, parent });

  it("a parent without the point's level (a 初中) is an error naming the point's 所属学校 cell", () => {
    const result = readSchoolTable(templateGrid([JUNIOR, point("一号教学点", JUNIOR.name as string)]), {
      profile: merging,
    });
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["parent-lacks-level", "error", at("parent", 3)],
    ]);
    expect(result.problems[0].message.zh).toContain("学校!A2");
  });

  it("a point that is its own parent, or whose parent is another point, is an error", () => {
    const self = readSchoolTable(templateGrid([PRIMARY, point("一号教学点", "一号教学点")]), {
      profile: merging,
    });
    expect(self.problems.map((p) => [p.code, p.cell])).toEqual([["parent-cycle", at("parent", 3)]]);
    const cycle = readSchoolTable(
      templateGrid([PRIMARY, point("一号教学点", "二号教学点"), point("二号教学点", "一号教学点")]),
      { profile: merging },
    );
    expect(cycle.problems.map((p) => [p.code, p.cell])).toEqual([
      ["parent-cycle", at("parent", 3)],
      ["parent-cycle", at("parent", 4)],
    ]);
  });

  it("without the option a parent only names the point's school: none of these is a problem", () => {
    const result = readSchoolTable(templateGrid([JUNIOR, point("一号教学点", JUNIOR.name as string)]));
    expect(result.problems).toEqual([]);
  });

  it("a point whose parent has primary pupils merges, and the reader reports nothing", () => {
    const result = readSchoolTable(templateGrid([PRIMARY, point("一号教学点", PRIMARY.name as string)]), {
      profile: merging,
    });
    expect(result.problems).toEqual([]);
    const sections = evaluate(result.records, merging).sections;
    expect(sections.map((s) => [s.school, s.students])).toEqual([[PRIMARY.name, 624]]);
  });

  it("indoor sports rooms above the teaching area, where the profile moves them: an error naming both cells", () => {
    const moving: Profile = { ...NATIONAL_2017, indoorSportsMovesToSportsArea: true };
    const grid = templateGrid([PRIMARY]);
    grid.values[0] = [...grid.values[0], "室内体育用房面积（㎡）"];
    grid.values[1] = [...grid.values[1], 3500];
    const result = readSchoolTable(grid, { profile: moving });
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["indoor-sports-exceeds-teaching", "error", "学校!AB2"],
    ]);
    expect(result.problems[0].message.zh).toContain(at("teachingArea", 2));
    expect(readSchoolTable(grid).problems).toEqual([]);
  });
});

describe("combined schools, one rule (item 8, docs/standard.md#combined-schools)", () => {
  const twelve: RowValues = { ...NINE_YEAR, type: "十二年一贯制学校", seniorStudents: 300 };

  it("a blank or 0 compulsory section is an error; a blank or 0 senior section is read as none, with a warning", () => {
    for (const junior of [null, 0]) {
      const nine = readSchoolTable(templateGrid([{ ...NINE_YEAR, juniorStudents: junior }]));
      expect(nine.problems.map((p) => [p.code, p.severity])).toEqual([["combined-missing-section", "error"]]);
    }
    for (const senior of [null, 0]) {
      const result = readSchoolTable(templateGrid([{ ...twelve, seniorStudents: senior }]));
      expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
        ["combined-no-senior", "warning", at("seniorStudents", 2)],
      ]);
      expect(result.records[0].students.senior).toBe(0);
    }
    const complete = readSchoolTable(templateGrid([{ ...JUNIOR, type: "完全中学" }]));
    expect(codes(complete.problems)).toEqual(["combined-no-senior"]);
    expect(readSchoolTable(templateGrid([twelve])).problems).toEqual([]);
  });

  it("whole-school and per-section facilities together: an error naming both cells unless they agree", () => {
    const perSection = [
      "教学及辅助用房面积（㎡）",
      "体育运动场馆面积（㎡）",
      "教学仪器设备值（万元）",
      "网络多媒体教室数（间）",
    ];
    const header = [
      ...templateHeaderRow(),
      ...perSection.map((h) => `小学${h}`),
      ...perSection.map((h) => `初中${h}`),
    ];
    // NINE_YEAR gives 2,100 m², 4,000 m², 90 万元 and 9 rooms for the whole school
    const read = (primaryTeaching: number, junior: CellValue[]) =>
      readSchoolTable({
        sheet: "学校",
        topLeft: "A1",
        values: [header, [...templateRow(NINE_YEAR), primaryTeaching, 1800, 40, 4, ...junior]],
      });
    const disagree = read(1000, [1200, 2200, 50, 5]);
    expect(disagree.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["facilities-whole-and-section", "error", at("teachingArea", 2)],
    ]);
    expect(disagree.problems[0].message.zh).toContain("学校!AB2");
    // the sections add up to the whole school's 2,100 m²: one figure given twice, nothing to choose
    const agree = read(900, [1200, 2200, 50, 5]);
    expect(agree.problems).toEqual([]);
    expect(agree.records[0].sectionFacilities?.junior).toEqual({
      teachingArea: 1200,
      sportsArea: 2200,
      equipmentValue: 500_000,
      multimediaRooms: 5,
    });
    // one section only beside the whole school's figures: what is left for the other is unclear
    expect(codes(read(900, [null, null, null, null]).problems)).toEqual(
      Array(4).fill("facilities-whole-and-section"),
    );
  });
});
