import { evaluateTable } from "../../src/pipeline";
import {
  checkRow,
  detailRow,
  readRow,
  DETAIL_HEADER,
  ROW_MEMO_SIZE,
  SchoolRowCache,
} from "../../src/functions/school";
import { readSchoolRecords } from "../../src/sheet/read";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { parseProfile } from "../../src/standard/load";
import { excelError } from "./helpers";
import { HEADER, NINE_YEAR_PASS, PRIMARY_PASS, templateRow, type RowSpec } from "./rows";

const P = NATIONAL_2017;
const check = (spec: RowSpec, level?: string) => checkRow(P, [templateRow(spec)], undefined, level);

describe("BALANCE.CHECK on template rows (docs/standard.md#pass-rule, docs/standard.md#scope)", () => {
  test("a school meeting all seven indicators: 达标", () => {
    expect(check(PRIMARY_PASS)).toBe("达标");
  });

  test("one indicator below 85 % of its standard: 不达标", () => {
    // 15 qualified teachers per 500 = 3.0 < 0.85 × 4.2 = 3.57
    expect(check({ ...PRIMARY_PASS, primaryQualifiedTeachers: 15 })).toBe("不达标");
  });

  test("one indicator between 85 % and the standard, six met: 达标", () => {
    // 11 rooms per 500 = 2.2: below 2.3, above 0.85 × 2.3 = 1.955
    expect(check({ ...PRIMARY_PASS, multimediaRooms: 11 })).toBe("达标");
  });

  test("two indicators between 85 % and the standard (only five met): 不达标", () => {
    expect(check({ ...PRIMARY_PASS, multimediaRooms: 11, teachingArea: 2200 })).toBe("不达标");
  });

  test("a value exactly at its standard meets it", () => {
    // 21 per 500 = 4.2
    expect(check({ ...PRIMARY_PASS, primaryQualifiedTeachers: 21 })).toBe("达标");
  });

  test("excluded rows: 不参评 (special-education school, teaching point under 50 students)", () => {
    expect(check({ ...PRIMARY_PASS, name: "特教学校", type: "特殊教育学校" })).toBe("不参评");
    expect(
      check({ ...PRIMARY_PASS, name: "教学点", type: "教学点", primaryStudents: 30, parent: "第一小学" }),
    ).toBe("不参评");
  });

  test("a teaching point of 50 or more counts as a primary school", () => {
    const point: RowSpec = {
      ...PRIMARY_PASS,
      name: "教学点",
      type: "教学点",
      parent: "第一小学",
      primaryStudents: 60,
      primaryQualifiedTeachers: 3,
      primaryKeyTeachers: 1,
      primaryPeArtTeachers: 1,
      teachingArea: 300,
      sportsArea: 500,
      equipmentValue: 15,
      multimediaRooms: 2,
    };
    expect(check(point)).toBe("达标");
    expect(check({ ...point, primaryQualifiedTeachers: 1 })).toBe("不达标");
  });

  test("a combined school passes when each of its sections passes", () => {
    expect(check(NINE_YEAR_PASS)).toBe("达标");
    // junior 10 qualified per 300 = 3.33 < 0.85 × 5.3 = 4.505
    const juniorFails = { ...NINE_YEAR_PASS, juniorQualifiedTeachers: 10 };
    expect(check(juniorFails)).toBe("不达标");
  });

  test("level restricts the check to one section", () => {
    const juniorFails = { ...NINE_YEAR_PASS, juniorQualifiedTeachers: 10 };
    expect(check(juniorFails, "小学")).toBe("达标");
    expect(check(juniorFails, "初中")).toBe("不达标");
    expect(check(juniorFails, "junior")).toBe("不达标");
  });

  test("a level the school does not have: #N/A", () => {
    const e = excelError(() => check(PRIMARY_PASS, "初中"));
    expect(e.kind).toBe("#N/A");
    expect(e.zh).toBe("第一小学没有初中学段");
  });

  test("empty cells as Excel passes them (empty text) read as blanks", () => {
    const row = templateRow(PRIMARY_PASS).map((v) => (v === null ? "" : v));
    expect(checkRow(P, [row], undefined, "")).toBe("达标");
  });

  test("a total, subtotal or blank row is named as not a school, not as a table with no school under its header", () => {
    // the reader skips such rows (docs/school-table.md#skipped-rows); the function's header is not the sheet's row 1
    const rows: [string, unknown[]][] = [
      ["合计", templateRow({ ...PRIMARY_PASS, name: "合计", primaryStudents: 1500 })],
      ["小计", templateRow({ ...PRIMARY_PASS, name: "城区小计" })],
      ["blank", templateRow({})],
    ];
    for (const [what, row] of rows) {
      for (const fn of [
        () => checkRow(P, [row]),
        () => detailRow(P, [row]),
        () => checkRow(P, [row], [HEADER]),
      ]) {
        const e = excelError(fn);
        expect([what, e.kind]).toEqual([what, "#VALUE!"]);
        expect([what, e.zh]).toEqual([what, expect.stringContaining("这一行不是学校")]);
        expect(e.zh).not.toContain("表头（第 1 行）");
        expect(e.en).toContain("not a school");
      }
    }
  });

  test("a row shorter than the template is padded with blanks (the guarantee columns may be left out)", () => {
    const short = templateRow(PRIMARY_PASS).slice(0, 19);
    expect(checkRow(P, [short])).toBe("达标");
  });

  test("agrees with evaluateTable, row by row, over a table", () => {
    const specs = [
      PRIMARY_PASS,
      { ...PRIMARY_PASS, name: "第二小学", primaryQualifiedTeachers: 15 },
      { ...PRIMARY_PASS, name: "第三小学", multimediaRooms: 11 },
      NINE_YEAR_PASS,
      { ...NINE_YEAR_PASS, name: "第二九年制", juniorQualifiedTeachers: 10 },
      { ...PRIMARY_PASS, name: "特教学校", type: "特殊教育学校" },
    ];
    const table = evaluateTable(
      { sheet: "学校", topLeft: "A1", values: [HEADER, ...specs.map(templateRow)] },
      P,
    );
    expect(table.ok).toBe(true);
    for (const spec of specs) {
      const sections = table.evaluation!.sections.filter((s) => s.school === spec.name && s.included);
      const expected = sections.length === 0 ? "不参评" : sections.every((s) => s.pass) ? "达标" : "不达标";
      expect(check(spec)).toBe(expected);
    }
  });
});

describe("every school type at its thresholds, by hand (docs/standard.md#indicators, #apportioning, #scope)", () => {
  /** 1,000 primary students exactly at the seven standards: 42, 10, 9 teachers; 4,500 and 7,500 ㎡; 200 万元; 23 rooms */
  const PRIMARY_AT: RowSpec = {
    name: "阈值小学",
    type: "小学",
    primaryStudents: 1000,
    primaryQualifiedTeachers: 42,
    primaryKeyTeachers: 10,
    primaryPeArtTeachers: 9,
    teachingArea: 4500,
    sportsArea: 7500,
    equipmentValue: 200,
    multimediaRooms: 23,
  };
  /** 1,000 junior students at the standards: 53, 10, 9 teachers; 5,800 and 10,200 ㎡; 250 万元; 24 rooms */
  const JUNIOR_AT: RowSpec = {
    name: "阈值初中",
    type: "初中",
    juniorStudents: 1000,
    juniorQualifiedTeachers: 53,
    juniorKeyTeachers: 10,
    juniorPeArtTeachers: 9,
    teachingArea: 5800,
    sportsArea: 10200,
    equipmentValue: 250,
    multimediaRooms: 24,
  };
  const values = (spec: RowSpec) =>
    detailRow(P, [templateRow(spec)])
      .slice(1)
      .map((r) => [r[2], r[4]]);

  test("小学 and 初中 exactly at every standard: 达标, each indicator 达标", () => {
    expect(values(PRIMARY_AT)).toEqual([
      [4.2, "达标"],
      [1, "达标"],
      [0.9, "达标"],
      [4.5, "达标"],
      [7.5, "达标"],
      [2000, "达标"],
      [2.3, "达标"],
    ]);
    expect(check(PRIMARY_AT)).toBe("达标");
    expect(values(JUNIOR_AT).map((v) => v[1])).toEqual(Array(7).fill("达标"));
    expect(check(JUNIOR_AT)).toBe("达标");
    // 10,199 ㎡ is 10.199 < 10.2, within 85 %: six met, 达标; 9 key teachers (0.9 < 1.0) besides: 不达标
    expect(check({ ...JUNIOR_AT, sportsArea: 10199 })).toBe("达标");
    expect(check({ ...JUNIOR_AT, sportsArea: 10199, juniorKeyTeachers: 9 })).toBe("不达标");
  });

  test("exactly 85 % of a standard is within the floor: 357 per 10,000 = 3.57 = 0.85 × 4.2", () => {
    const big = {
      ...PRIMARY_AT,
      primaryStudents: 10000,
      primaryQualifiedTeachers: 357,
      primaryKeyTeachers: 100,
      primaryPeArtTeachers: 90,
      teachingArea: 45000,
      sportsArea: 75000,
      equipmentValue: 2000,
      multimediaRooms: 230,
    };
    expect(values(big)[0]).toEqual([3.57, "85%以上"]);
    expect(check(big)).toBe("达标");
    expect(check({ ...big, primaryQualifiedTeachers: 356 })).toBe("不达标");
  });

  test("九年一贯制 and 十二年一贯制: facilities by 1 : 1.1 (: 1.32 for senior pupils)", () => {
    // 1,000 + 1,000 pupils weigh 1,000 + 1,100 = 2,100: 12,600 ㎡ gives primary 6.0 and junior 6.6 ㎡ per pupil;
    // 49 rooms give primary 49 × 1,000/2,100 × 100/1,000 = 2.333 and junior 2.567
    const nine: RowSpec = {
      name: "九年",
      type: "九年一贯制",
      primaryStudents: 1000,
      juniorStudents: 1000,
      primaryQualifiedTeachers: 42,
      primaryKeyTeachers: 10,
      primaryPeArtTeachers: 9,
      juniorQualifiedTeachers: 53,
      juniorKeyTeachers: 10,
      juniorPeArtTeachers: 9,
      teachingArea: 12600,
      sportsArea: 21420,
      equipmentValue: 525,
      multimediaRooms: 49,
    };
    const nineValues = values(nine);
    expect(nineValues[3][0]).toBeCloseTo(6, 9);
    expect(nineValues[6][0]).toBeCloseTo(2.3333333, 6);
    expect(nineValues[10][0]).toBeCloseTo(6.6, 9);
    expect(nineValues[13][0]).toBeCloseTo(2.5666667, 6);
    expect(check(nine)).toBe("达标");
    // with 500 senior pupils the weights are 1,000 + 1,100 + 660 = 2,760: primary teaching area
    // 12,600 × 1,000/2,760/1,000 = 4.565 (met), rooms 49 × 1,000/2,760 × 100/1,000 = 1.775 (< 0.85 × 2.3): 不达标
    const twelve = { ...nine, type: "十二年一贯制", seniorStudents: 500 };
    const twelveValues = values(twelve);
    expect(twelveValues[3][0]).toBeCloseTo(4.5652174, 6);
    expect(twelveValues[6]).toEqual([expect.closeTo(1.7753623, 6), "未达标"]);
    expect(check(twelve)).toBe("不达标");
    expect(check(twelve, "小学")).toBe("不达标");
  });

  test("完全中学: the junior section's share is 1 : 1.2 against senior pupils, at its standards exactly", () => {
    // 1,000 junior + 500 senior weigh 1,000 + 600: the junior share is 0.625; 9,280 ㎡ × 0.625 / 1,000 = 5.8
    const complete: RowSpec = {
      ...JUNIOR_AT,
      name: "完中",
      type: "完全中学",
      seniorStudents: 500,
      teachingArea: 9280,
      sportsArea: 16320,
      equipmentValue: 400,
      multimediaRooms: 39,
    };
    expect(values(complete).map((v) => v[0])).toEqual([
      5.3,
      1,
      0.9,
      5.8,
      10.2,
      2500,
      expect.closeTo(2.4375, 9),
    ]);
    expect(check(complete)).toBe("达标");
    // the junior school's own facilities, shared with 500 senior pupils, fall short
    expect(check({ ...JUNIOR_AT, type: "完全中学", seniorStudents: 500 })).toBe("不达标");
  });

  test("教学点 of exactly 50 pupils counts; 49 does not; 特殊教育 never does", () => {
    const point = { ...PRIMARY_AT, type: "教学点", primaryStudents: 50 };
    expect(check(point)).toBe("达标");
    expect(check({ ...point, primaryStudents: 49 })).toBe("不参评");
    expect(check({ ...PRIMARY_AT, type: "特殊教育" })).toBe("不参评");
  });
});

describe("the same row again", () => {
  test("answers from the row's content and the profile, never from an earlier row", () => {
    const row = [templateRow(PRIMARY_PASS)];
    expect(checkRow(P, row)).toBe("达标");
    expect(checkRow(P, [templateRow({ ...PRIMARY_PASS, primaryQualifiedTeachers: 15 })])).toBe("不达标");
    expect(checkRow(P, row)).toBe("达标");
    const parsed = parseProfile({
      extends: "national-2017",
      id: "strict",
      indicators: { keyTeachers: { standard: { primary: 2 } } },
    });
    if (!parsed.ok) throw new Error("profile");
    // key teachers 1.2 per 100 < 85 % of 2
    expect(checkRow(parsed.profile, row)).toBe("不达标");
    expect(checkRow(P, row)).toBe("达标");
  });

  test("a row whose cells change in place is read again", () => {
    const row = [templateRow(PRIMARY_PASS)];
    expect(checkRow(P, row)).toBe("达标");
    row[0][9] = 15; // 小学高于规定学历教师数
    expect(checkRow(P, row)).toBe("不达标");
  });

  test("more distinct rows than the memo holds: each still answered from its own cells", () => {
    const rows = Array.from({ length: ROW_MEMO_SIZE + 50 }, (_, i) => [
      templateRow({ ...PRIMARY_PASS, name: `学校${i}`, primaryQualifiedTeachers: i % 2 ? 15 : 25 }),
    ]);
    const verdicts = rows.map((r) => checkRow(P, r));
    expect(rows.map((r) => checkRow(P, r))).toEqual(verdicts);
    expect(verdicts.slice(0, 4)).toEqual(["达标", "不达标", "达标", "不达标"]);
  });

  test("a row whose error value changes is told the new one, however often the old was seen", () => {
    const cache = new SchoolRowCache();
    const row: unknown[][] = [templateRow(PRIMARY_PASS)];
    row[0][16] = { code: "#N/A" }; // 体育运动场馆面积
    for (let i = 0; i < 3; i++)
      expect(excelError(() => checkRow(P, row, null, null, cache)).zh).toContain("#N/A");
    row[0][16] = { code: "#DIV/0!" };
    expect(excelError(() => checkRow(P, row, null, null, cache)).zh).toContain("#DIV/0!");
  });

  test("a bad row gives the same error every time", () => {
    const bad = [templateRow({ ...PRIMARY_PASS, sportsArea: -1 })];
    const first = excelError(() => checkRow(P, bad));
    expect(excelError(() => checkRow(P, bad))).toEqual(first);
  });
});

describe("BALANCE.CHECK with a header row", () => {
  test("columns are matched like the reader matches them: any order, English or aliased headers", () => {
    const headers = [
      [
        "School",
        "学校类型",
        "Primary students",
        "多媒体教室数",
        "仪器设备值（万元）",
        "教学及辅助用房面积",
        "Sports area",
        "小学高于规定学历教师数",
        "小学县级以上骨干教师数",
        "小学体育艺术专任教师数",
      ],
    ];
    const row = [["第一小学", "小学", 500, 13, 120, 2500, 4000, 25, 6, 5]];
    expect(checkRow(P, row, headers)).toBe("达标");
    row[0][7] = 15;
    expect(checkRow(P, row, headers)).toBe("不达标");
  });

  test("a two-row header: group headers (小学) above the column headers", () => {
    const headers = [
      [
        "学校名称",
        "学校类型",
        "小学",
        null,
        null,
        null,
        "教学及辅助用房面积",
        "体育运动场馆面积",
        "教学仪器设备值（万元）",
        "网络多媒体教室数",
      ],
      [
        null,
        null,
        "在校生数",
        "高于规定学历教师数",
        "县级以上骨干教师数",
        "体育艺术专任教师数",
        null,
        null,
        null,
        null,
      ],
    ];
    const row = [["第一小学", "小学", 500, 25, 6, 5, 2500, 4000, 120, 13]];
    expect(checkRow(P, row, headers)).toBe("达标");
    row[0][3] = 15;
    expect(checkRow(P, row, headers)).toBe("不达标");
    expect(excelError(() => checkRow(P, row, [...headers, headers[1]])).kind).toBe("#VALUE!");
  });

  test("equipment in 元 when the header says so", () => {
    const headers = [HEADER.map((h) => h.replace("（万元）", "（元）"))];
    expect(checkRow(P, [templateRow({ ...PRIMARY_PASS, equipmentValue: 1_200_000 })], headers)).toBe("达标");
    expect(checkRow(P, [templateRow({ ...PRIMARY_PASS, equipmentValue: 800_000 })], headers)).toBe("不达标");
  });

  test("the template's own header row: the row read as without headers, as the reader reads it in a table", () => {
    const row = [templateRow({ ...PRIMARY_PASS, name: "ABC", equipmentValue: 12.34 })];
    const table = readSchoolRecords(
      { sheet: "学校", topLeft: "A1", values: [HEADER, row[0]] },
      { profile: P, headerRow: 0 },
    );
    expect(table.problems).toEqual([]);
    expect(readRow(P, row, [HEADER])).toStrictEqual(table.records[0]);
    expect(readRow(P, row)).toStrictEqual(table.records[0]);
    const bad = [templateRow({ ...PRIMARY_PASS, primaryQualifiedTeachers: "二十五" })];
    expect(excelError(() => checkRow(P, bad, [HEADER])).zh).toContain("学校行第 10 格（J）");
  });

  test("a school given down a column (fields down the rows), with its column of field names or none", () => {
    const column = (cells: readonly unknown[]) => cells.map((x) => [x]);
    const pass = templateRow(PRIMARY_PASS);
    const fail = templateRow({ ...PRIMARY_PASS, primaryQualifiedTeachers: 15 });
    expect(checkRow(P, column(pass))).toBe("达标");
    expect(checkRow(P, column(fail))).toBe("不达标");
    expect(checkRow(P, column(fail), column(HEADER))).toBe("不达标");
    // fields in another order, named beside the column: matched by name, as in a row
    const order = [...HEADER.keys()].reverse();
    expect(
      checkRow(
        P,
        order.map((i) => [pass[i]]),
        order.map((i) => [HEADER[i]]),
      ),
    ).toBe("达标");
    expect(detailRow(P, column(fail))).toEqual(detailRow(P, [fail]));
  });

  test("a school's column and its column of field names of another height: #VALUE! saying both must be as tall", () => {
    const column = (cells: readonly unknown[]) => cells.map((x) => [x]);
    const e = excelError(() => checkRow(P, column(templateRow(PRIMARY_PASS)), column(HEADER.slice(0, 20))));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toBe("学校列有 27 格，而表头列有 20 格，两者应一样高：请选同样的行");
    expect(e.en).toContain("equally tall");
  });

  test("a school's row with its field names given down a column: the names are read across, as the row", () => {
    const column = (cells: readonly unknown[]) => cells.map((x) => [x]);
    // 19 qualified teachers per 500 = 3.8 < 4.2 (within 85 %), 4 key teachers = 0.8 < 1.0: two below, 不达标
    const fail = templateRow({ ...PRIMARY_PASS, primaryQualifiedTeachers: 19, primaryKeyTeachers: 4 });
    expect(checkRow(P, [templateRow(PRIMARY_PASS)], column(HEADER))).toBe("达标");
    expect(checkRow(P, [fail], column(HEADER))).toBe("不达标");
  });

  test("whole columns or whole rows with their headers: the blank cells past the last field are not read", () => {
    const rows = 1_048_576;
    const school: unknown[][] = Array.from({ length: rows }, () => [""]);
    const names: unknown[][] = Array.from({ length: rows }, () => [null]);
    templateRow(PRIMARY_PASS).forEach((x, i) => (school[i] = [x]));
    HEADER.forEach((h, i) => (names[i] = [h]));
    expect(checkRow(P, school, names)).toBe("达标");
    const wide = (cells: readonly unknown[]) => [
      ...cells,
      ...new Array<string>(16384 - cells.length).fill(""),
    ];
    const fail = templateRow({ ...PRIMARY_PASS, primaryKeyTeachers: 2 });
    expect(checkRow(P, [wide(fail)], [wide(HEADER)])).toBe("不达标");
  });

  test("headers given as one empty cell are no headers, as WHATIF takes them", () => {
    const fail = [templateRow({ ...PRIMARY_PASS, primaryKeyTeachers: 2 })];
    for (const empty of [[[null]], [[""]], [["  "]]]) {
      expect(checkRow(P, fail, empty)).toBe("不达标");
      expect(detailRow(P, fail, empty)).toEqual(detailRow(P, fail));
    }
  });

  test("a header row selected with the school's row: #VALUE! saying the header is the second argument", () => {
    const e = excelError(() => checkRow(P, [HEADER, templateRow(PRIMARY_PASS)]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("2 行 × 27 列");
    expect(e.zh).toContain("表头行请作为第二个参数");
    expect(e.en).toContain("second argument");
  });

  test("headers and row of different widths agree where the longer one's extra cells are blank", () => {
    const fail = templateRow({ ...PRIMARY_PASS, primaryKeyTeachers: 2 });
    const blanks = (n: number) => new Array<string>(n).fill("");
    expect(checkRow(P, [[...fail, ...blanks(3)]], [HEADER])).toBe("不达标");
    expect(checkRow(P, [[...fail, ...blanks(16384 - fail.length)]], [HEADER])).toBe("不达标");
    expect(checkRow(P, [fail], [[...HEADER, ...blanks(5)]])).toBe("不达标");
    // a row that stops short of named headers is a selection gone wrong, not blanks
    expect(excelError(() => checkRow(P, [fail.slice(0, 20)], [HEADER])).zh).toContain("一样宽");
    const e = excelError(() => checkRow(P, [[...fail, "", "备注"]], [HEADER]));
    expect(e.zh).toContain("一样宽");
  });

  test("headers and row of different widths: #VALUE!", () => {
    const e = excelError(() => checkRow(P, [templateRow(PRIMARY_PASS)], [HEADER.slice(0, 10)]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("一样宽");
    expect(e.en).toContain("equally wide");
  });
});

describe("BALANCE.CHECK on bad rows", () => {
  test("more cells than the template without headers: #VALUE!", () => {
    const e = excelError(() => checkRow(P, [[...templateRow(PRIMARY_PASS), "备注"]]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("27 列");
  });

  test("a whole row (5:5) without headers: the blank cells past the template's columns are not read", () => {
    const wholeRow = [...templateRow(PRIMARY_PASS), ...new Array<string>(16384 - HEADER.length).fill("")];
    expect(checkRow(P, [wholeRow])).toBe(checkRow(P, [templateRow(PRIMARY_PASS)]));
    wholeRow[16000] = "备注";
    expect(excelError(() => checkRow(P, [wholeRow])).zh).toContain("16384 列");
  });

  test("several rows: #VALUE!", () => {
    const e = excelError(() => checkRow(P, [templateRow(PRIMARY_PASS), templateRow(PRIMARY_PASS)]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("一行");
  });

  test("text where a number belongs: #VALUE! with the reader's message, the cell named within the row", () => {
    const e = excelError(() => check({ ...PRIMARY_PASS, primaryQualifiedTeachers: "二十五" }));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("学校行第 10 格（J）");
    expect(e.zh).toContain("二十五");
    expect(e.zh).not.toContain("学校!J2");
    expect(e.en).toContain("cell 10 (J) of the row");
  });

  test("negative number: #VALUE!", () => {
    expect(excelError(() => check({ ...PRIMARY_PASS, sportsArea: -4000 })).kind).toBe("#VALUE!");
  });

  test("blank required cell: #VALUE!, counting the other errors", () => {
    const e = excelError(() => check({ ...PRIMARY_PASS, teachingArea: null, sportsArea: null }));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("另有 1 处错误");
  });

  test("a cell Excel passes as an object is an error value in any column, text-like or not", () => {
    const row = templateRow(PRIMARY_PASS) as unknown[];
    row[0] = { text: "第一小学" };
    const e = excelError(() => checkRow(P, [row]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("学校行第 1 格（A）");
  });

  test("an error value Excel passes with its code is named by that code", () => {
    const row = templateRow(PRIMARY_PASS) as unknown[];
    row[4] = { code: "#N/A" };
    const e = excelError(() => checkRow(P, [row]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("学校行第 5 格（E）");
    expect(e.zh).toContain("#N/A");
    expect(e.en).toContain("#N/A");
  });

  test("a blank row: #VALUE!", () => {
    expect(excelError(() => checkRow(P, [templateRow({})])).kind).toBe("#VALUE!");
  });

  test("a level that is an error value is passed on, for CHECK and DETAIL alike", () => {
    const row = [templateRow(PRIMARY_PASS)];
    for (const fn of [checkRow, detailRow]) {
      const e = excelError(() => fn(P, row, null, { code: "#N/A" }));
      expect([e.kind, e.zh]).toEqual(["#N/A", "学段是错误值 #N/A"]);
    }
  });

  test("unknown level: #VALUE!", () => {
    expect(excelError(() => check(PRIMARY_PASS, "高中")).kind).toBe("#VALUE!");
  });
});

describe("BALANCE.DETAIL", () => {
  test("spills a header and the seven indicators with value, standard and status", () => {
    const out = detailRow(P, [
      templateRow({ ...PRIMARY_PASS, multimediaRooms: 11, primaryQualifiedTeachers: 15 }),
    ]);
    expect(out[0]).toEqual([...DETAIL_HEADER]);
    expect(out).toHaveLength(8);
    expect(out.slice(1).map((r) => r[1])).toEqual([
      "高学历教师",
      "骨干教师",
      "体艺教师",
      "教学用房",
      "运动场馆",
      "仪器设备",
      "多媒体教室",
    ]);
    const byName = Object.fromEntries(out.slice(1).map((r) => [r[1], r]));
    expect(byName["高学历教师"]).toEqual(["小学", "高学历教师", 3, 4.2, "未达标"]);
    expect(byName["多媒体教室"]).toEqual(["小学", "多媒体教室", 2.2, 2.3, "85%以上"]);
    expect(byName["骨干教师"]).toEqual(["小学", "骨干教师", 1.2, 1, "达标"]);
    expect(byName["仪器设备"][2]).toBeCloseTo(2400, 9);
    expect(byName["仪器设备"][3]).toBe(2000);
  });

  test("a combined school lists both sections; level lists one", () => {
    const both = detailRow(P, [templateRow(NINE_YEAR_PASS)]);
    expect(both).toHaveLength(15);
    expect(both.slice(1, 8).every((r) => r[0] === "小学")).toBe(true);
    expect(both.slice(8).every((r) => r[0] === "初中")).toBe(true);
    // apportioned teaching area, junior: 4000 × 330/730 / 300
    expect(both[11][2]).toBeCloseTo((4000 * 330) / 730 / 300, 12);
    expect(both[11][3]).toBe(5.8);
    const junior = detailRow(P, [templateRow(NINE_YEAR_PASS)], undefined, "初中");
    expect(junior).toHaveLength(8);
    expect(junior.slice(1).every((r) => r[0] === "初中" && r[4] === "达标")).toBe(true);
  });

  test("an excluded school shows 不参评 as its status", () => {
    const out = detailRow(P, [templateRow({ ...PRIMARY_PASS, type: "特殊教育学校" })]);
    expect(out.slice(1).every((r) => r[4] === "不参评")).toBe(true);
  });

  test("the floor band's label follows the profile's floor ratio", () => {
    const parsed = parseProfile({ extends: "national-2017", id: "strict", passRule: { floorRatio: 0.9 } });
    if (!parsed.ok) throw new Error("profile");
    const out = detailRow(parsed.profile, [templateRow({ ...PRIMARY_PASS, multimediaRooms: 11 })]);
    expect(out[7][4]).toBe("90%以上");
  });
});
