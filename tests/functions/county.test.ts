import fc from "fast-check";
import { evaluateTable } from "../../src/pipeline";
import { countyTable, COUNTY_HEADER } from "../../src/functions/county";
import { diffCoef } from "../../src/functions/diffcoef";
import { INDICATOR_IDS, LEVELS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { excelError } from "./helpers";
import { HEADER, NINE_YEAR_PASS, PRIMARY_PASS, templateRow, type RowSpec } from "./rows";

const P = NATIONAL_2017;

const SCHOOLS: RowSpec[] = [
  PRIMARY_PASS,
  {
    ...PRIMARY_PASS,
    name: "第二小学",
    primaryStudents: 820,
    primaryQualifiedTeachers: 30,
    multimediaRooms: 15,
  },
  { ...PRIMARY_PASS, name: "第三小学", primaryStudents: 120, sportsArea: 2500, equipmentValue: 20 },
  NINE_YEAR_PASS,
  { ...NINE_YEAR_PASS, name: "第二九年制", juniorQualifiedTeachers: 10 },
  {
    name: "第一中学",
    type: "初中",
    juniorStudents: 900,
    juniorQualifiedTeachers: 50,
    juniorKeyTeachers: 10,
    juniorPeArtTeachers: 9,
    teachingArea: 5400,
    sportsArea: 9500,
    equipmentValue: 230,
    multimediaRooms: 22,
  },
  { ...PRIMARY_PASS, name: "特教学校", type: "特殊教育学校" },
];

function table(specs: RowSpec[]): (string | number | null)[][] {
  return [HEADER, ...specs.map(templateRow)];
}

/** What COUNTY must show, straight from evaluateTable. */
function expectedFromPipeline(values: (string | number | null)[][]): (string | number)[][] {
  const result = evaluateTable({ sheet: "学校", topLeft: "A1", values }, P);
  expect(result.ok).toBe(true);
  const rows: (string | number)[][] = [[...COUNTY_HEADER]];
  for (const level of LEVELS) {
    const lv = result.evaluation!.levels[level];
    for (const id of INDICATOR_IDS) {
      const b = lv.balance[id];
      rows.push([
        level === "primary" ? "小学" : "初中",
        P.indicators[id].shortName.zh,
        b.cv ?? "—",
        b.limit,
        b.pass ? "达标" : "未达标",
        lv.sections,
        lv.passingSections,
      ]);
    }
  }
  return rows;
}

describe("BALANCE.COUNTY (docs/standard.md#balance 项项达标, docs/standard.md#coefficient)", () => {
  test("agrees exactly with evaluateTable on the same table", () => {
    const values = table(SCHOOLS);
    expect(countyTable(P, values)).toEqual(expectedFromPipeline(values));
  });

  test("shape: a header row, then 7 indicators for each level with the level's section counts", () => {
    const out = countyTable(P, table(SCHOOLS));
    expect(out).toHaveLength(15);
    expect(out[0]).toEqual(["学段", "指标", "差异系数", "限值", "差异系数达标", "参评学校数", "达标学校数"]);
    // primary: 3 primary schools + 2 nine-year primary sections, the special school excluded; 第二小学 (key
    // teachers 0.73 and rooms 1.83, two below standard) and 第三小学 (1,667 元 < 85 % of 2,000) fail
    expect(out[1].slice(5)).toEqual([5, 3]);
    expect(out[1][3]).toBe(0.5);
    // junior: 2 nine-year junior sections + 1 junior school; one fails
    expect(out[8].slice(5)).toEqual([3, 2]);
    expect(out[8][3]).toBe(0.45);
  });

  test("the coefficient of a single-level county equals DIFFCOEF over the schools' values", () => {
    const primaries = SCHOOLS.slice(0, 3);
    const out = countyTable(P, table(primaries));
    const values = primaries.map((s) => [
      ((s.primaryQualifiedTeachers as number) * 100) / (s.primaryStudents as number),
      s.primaryStudents,
    ]);
    expect(out[1][2]).toBeCloseTo(diffCoef(values), 12);
  });

  test("a level with no school shows no coefficient", () => {
    const out = countyTable(P, table([PRIMARY_PASS]));
    expect(out[8][2]).toBe("—");
    expect(out[8][5]).toBe(0);
    // one school: CV 0 (docs/standard.md#coefficient edge case)
    expect(out[1][2]).toBe(0);
  });

  test("title rows above the header are skipped, as the reader does", () => {
    const values = [["白狼县义务教育学校基本情况表", null], [null, null], ...table(SCHOOLS)].map((r) => {
      const row = [...r];
      while (row.length < HEADER.length) row.push(null);
      return row;
    });
    expect(countyTable(P, values)).toEqual(expectedFromPipeline(table(SCHOOLS)));
  });

  test("whole columns (学校!A:AA): the million blank rows under the table change nothing", () => {
    const values: unknown[][] = table(SCHOOLS);
    const blank = HEADER.map(() => "");
    while (values.length < 1_048_576) values.push(blank);
    expect(countyTable(P, values)).toEqual(expectedFromPipeline(table(SCHOOLS)));
  });

  test("agrees with evaluateTable on generated tables", () => {
    const school = fc.record({
      students: fc.integer({ min: 1, max: 2000 }),
      qualified: fc.integer({ min: 0, max: 120 }),
      key: fc.integer({ min: 0, max: 30 }),
      peArt: fc.integer({ min: 0, max: 30 }),
      area: fc.integer({ min: 0, max: 20000 }),
      sports: fc.integer({ min: 0, max: 30000 }),
      equipment: fc.integer({ min: 0, max: 800 }),
      rooms: fc.integer({ min: 0, max: 60 }),
      junior: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 12 }), (schools) => {
        const specs: RowSpec[] = schools.map((s, i) => {
          const level = s.junior ? "junior" : "primary";
          return {
            name: `学校${i + 1}`,
            type: s.junior ? "初中" : "小学",
            [`${level}Students`]: s.students,
            [`${level}QualifiedTeachers`]: s.qualified,
            [`${level}KeyTeachers`]: s.key,
            [`${level}PeArtTeachers`]: s.peArt,
            teachingArea: s.area,
            sportsArea: s.sports,
            equipmentValue: s.equipment,
            multimediaRooms: s.rooms,
          };
        });
        const values = table(specs);
        expect(countyTable(P, values)).toEqual(expectedFromPipeline(values));
      }),
      { numRuns: 60 },
    );
  });

  describe("bad tables", () => {
    test("an error in the table: #VALUE! with the reader's message, the cell named within the selection", () => {
      const values = table([PRIMARY_PASS, { ...PRIMARY_PASS, name: "第二小学", teachingArea: "很大" }]);
      const e = excelError(() => countyTable(P, values));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("所选区域的 P3");
      expect(e.zh).toContain("很大");
      expect(e.en).toContain("P3 of the selected range");
    });

    test("only a header, or a single row: #VALUE!", () => {
      expect(excelError(() => countyTable(P, [HEADER])).kind).toBe("#VALUE!");
      expect(excelError(() => countyTable(P, table([]))).kind).toBe("#VALUE!");
    });

    test("no header row: #VALUE!", () => {
      expect(
        excelError(() => countyTable(P, [templateRow(PRIMARY_PASS), templateRow(NINE_YEAR_PASS)])).kind,
      ).toBe("#VALUE!");
    });
  });
});
