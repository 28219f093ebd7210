import fc from "fast-check";
import type { CellValue, Grid } from "../../src/sheet/grid";
import {
  READER_PROBLEM_CODES,
  readSchoolTable,
  type ReadOptions,
  type ReaderProblemCode,
} from "../../src/sheet/read";
import { SCHOOL_TYPE_CHOICES, templateHeaderRow } from "../../src/sheet/template";
import { NATIONAL_2017 } from "../../src/standard/national2017";

/** Text a county workbook may hold: headers, types, totals, numbers as text, errors, and anything at all. */
const WORDS = [
  ...templateHeaderRow(),
  ...SCHOOL_TYPE_CHOICES,
  "学校名称",
  "School",
  "Type",
  "小学",
  "初中",
  "在校生数",
  "合计",
  "小计",
  "总 计",
  "注：",
  "城区",
  "乡村",
  "1,234",
  "１２３",
  " 45 ",
  "1，234",
  "-",
  "—",
  "#N/A",
  "#DIV/0!",
  "教学仪器设备值（元）",
  "教学仪器设备值（千元）",
  "",
  " ",
  "\n",
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(..."小学初中合计校一二三１２３,，．.（）() \u3000"), maxLength: 8 }),
  fc.double(),
  fc.integer({ min: -5, max: 30_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({ error: fc.constantFrom("#N/A", "#VALUE!", "#REF!", "") }),
);

const rowArb = fc.array(cellArb, { maxLength: 14 });

/** Random shapes, sometimes with a real header somewhere so that the data path is exercised too. */
const valuesArb: fc.Arbitrary<CellValue[][]> = fc.oneof(
  fc.array(rowArb, { maxLength: 16 }),
  fc
    .tuple(fc.array(rowArb, { maxLength: 4 }), fc.array(rowArb, { maxLength: 12 }))
    .map(([above, below]) => [...above, templateHeaderRow(), ...below]),
);

const gridArb: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.oneof(fc.constant("学校"), fc.string({ maxLength: 10 })),
  topLeft: fc.oneof(
    fc.constant("A1"),
    fc.constantFrom("B3", "$C$5", "XFD1", "A0", "", "11", "no"),
    fc.string({ maxLength: 4 }),
  ),
  values: valuesArb,
  hiddenRows: fc.option(fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 4 }), { nil: undefined }),
});

const optionsArb: fc.Arbitrary<ReadOptions> = fc.record(
  {
    mapping: fc.dictionary(
      fc.constantFrom("name", "type", "primaryStudents", "teachingArea", "equipmentValue", "nonsense"),
      fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 16 }), fc.double()),
    ),
    profile: fc.constantFrom(NATIONAL_2017, { ...NATIONAL_2017, equipmentDefaultUnit: "元" as const }),
  },
  { requiredKeys: [] },
);

describe("any grid yields records or problems, never an exception (issue 2 item 7)", () => {
  it("reads random grids of every kind of cell", () => {
    fc.assert(
      fc.property(gridArb, optionsArb, (grid, options) => {
        const result = readSchoolTable(grid, options);

        expect(result.records.length + result.problems.length).toBeGreaterThan(0);
        expect(result.rows).toHaveLength(result.records.length);
        for (let i = 1; i < result.rows.length; i++)
          expect(result.rows[i]).toBeGreaterThan(result.rows[i - 1]);
        if (result.headerRow === null) {
          expect(result.records).toEqual([]);
          expect(result.problems.some((p) => p.code === "no-header-row")).toBe(true);
        } else {
          expect(result.headerRow).toBeLessThan(10);
          for (const row of result.rows) expect(row).toBeGreaterThan(result.headerRow);
        }
        expect(["万元", "元"]).toContain(result.equipmentUnit);

        for (const p of result.problems) {
          expect(["error", "warning"]).toContain(p.severity);
          expect(Object.keys(READER_PROBLEM_CODES)).toContain(p.code);
          if (p.code !== "excel-error" && p.code !== "not-text") {
            expect(p.severity).toBe(READER_PROBLEM_CODES[p.code as ReaderProblemCode]);
          }
          expect(p.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(p.cell === null || /!/.test(p.cell)).toBe(true);
          expect(p.message.zh.length).toBeGreaterThan(0);
          expect(p.message.en.length).toBeGreaterThan(0);
        }
        for (const record of result.records) {
          expect(record.name.trim().length).toBeGreaterThan(0);
          const numbers = [
            ...Object.values(record.students),
            ...Object.values(record.teachers.primary),
            ...Object.values(record.teachers.junior),
            ...Object.values(record.facilities),
          ];
          for (const n of numbers) {
            expect(Number.isFinite(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("survives grids that break the type: missing fields, holes, rows that are not arrays", () => {
    const odd = [
      {} as Grid,
      { sheet: "学校", topLeft: "A1" } as Grid,
      { sheet: "学校", topLeft: "A1", values: [] },
      { sheet: "学校", topLeft: "A1", values: [[]] },
      { sheet: "学校", topLeft: "A1", values: [null, undefined, "row", 5] as unknown as CellValue[][] },
      {
        sheet: "学校",
        topLeft: "A1",
        values: [templateHeaderRow(), [, , "小学"], , ["一小", "小学"]] as CellValue[][],
      },
      { sheet: null, topLeft: 7, values: [templateHeaderRow()] } as unknown as Grid,
      {
        sheet: "学校",
        topLeft: "A1",
        values: [templateHeaderRow(), [{ richText: "x" }, { result: { result: {} } }]],
      } as unknown as Grid,
    ];
    for (const grid of odd) {
      const result = readSchoolTable(grid, { mapping: null as unknown as Record<string, number> });
      expect(result.records.length + result.problems.length).toBeGreaterThan(0);
    }
    expect(readSchoolTable(null as unknown as Grid).problems.map((p) => p.code)).toEqual(["no-header-row"]);
  });
});
