/** How a report sheet becomes few, large writes: blocks under the request budget, styles as rectangles. */
import fc from "fast-check";
import { areaGroups, cellBlocks, cellInput, sheetWidth, styleAreas } from "../../src/excel/layout";
import type { ReportCell, ReportSheet } from "../../src/report/model";
import { parseRect } from "../../src/excel/double/model";

const sheetOf = (rows: ReportCell[][]): ReportSheet => ({ key: "k", name: "n", rows });

describe("cellBlocks", () => {
  test("a small sheet is one block; formulas win over cached values; blanks are empty strings", () => {
    const blocks = cellBlocks(
      sheetOf([
        [
          { value: 1, format: "0" },
          { formula: "=A1*2", value: 2 },
        ],
        [{ value: null }],
      ]),
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ row: 0, rowCount: 2, columnCount: 2 });
    expect(blocks[0].formulas).toEqual([
      [1, "=A1*2"],
      ["", ""],
    ]);
    expect(blocks[0].numberFormat).toEqual([
      ["0", "General"],
      ["General", "General"],
    ]);
    expect(cellInput(undefined)).toBe("");
  });

  test("a name's control and bidirectional characters are shown as code points, as the .xlsx writer shows them", () => {
    expect(cellInput({ value: "白狼县\u202e第三小学" })).toBe("'白狼县<U+202E>第三小学");
    expect(cellInput({ value: "甲\u001b[2J小学" })).toBe("'甲<U+001B>[2J小学");
    // a zero-width space is no control: the name stays as the clerk wrote it
    expect(cellInput({ value: "甲\u200b小学" })).toBe("'甲\u200b小学");
  });

  test("blocks cover every row once, in order, each under the budget", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
            maxLength: 6,
          }),
          {
            maxLength: 200,
          },
        ),
        fc.integer({ min: 200, max: 3000 }),
        (values, budget) => {
          const rows = values.map((r) => r.map((value): ReportCell => ({ value })));
          const blocks = cellBlocks(sheetOf(rows), budget);
          let next = 0;
          for (const b of blocks) {
            expect(b.row).toBe(next);
            expect(b.formulas).toHaveLength(b.rowCount);
            // a single row larger than the budget still gets its own block
            if (b.rowCount > 1) expect(b.bytes).toBeLessThanOrEqual(budget);
            next += b.rowCount;
          }
          expect(next).toBe(rows.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("a sheet of more rows than a call takes arguments", () => {
  test("300,000 rows: its width found, its rows in blocks (Math.max(...rows) throws past ~120,000)", () => {
    const rows: ReportCell[][] = Array.from({ length: 300_000 }, (_, r) =>
      r === 150_000 ? [{ value: 1 }, { value: 2 }, { value: 3 }] : [{ value: r }],
    );
    expect(sheetWidth(sheetOf(rows))).toBe(3);
    const blocks = cellBlocks(sheetOf(rows));
    expect(blocks.every((b) => b.columnCount === 3)).toBe(true);
    expect(blocks.reduce((n, b) => n + b.rowCount, 0)).toBe(300_000);
  });
});

describe("styleAreas", () => {
  test("runs down a column, joined across neighbouring columns with the same rows", () => {
    const fail: ReportCell = { value: 0, style: "fail" };
    const rows: ReportCell[][] = [
      [fail, fail, {}, fail],
      [fail, fail, {}, {}],
      [{}, {}, {}, fail],
    ];
    const areas = styleAreas(sheetOf(rows)).get("fail")!;
    expect(areas.sort()).toEqual(["A1:B2", "D1", "D3"]);
  });

  test("the areas cover exactly the styled cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { maxLength: 8 }), { maxLength: 40 }), (mask) => {
        const rows = mask.map((r) => r.map((on): ReportCell => (on ? { style: "fail" } : {})));
        const covered = new Set<string>();
        for (const a of styleAreas(sheetOf(rows)).get("fail") ?? []) {
          const r = parseRect(a);
          for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) covered.add(`${i},${j}`);
        }
        const styled = new Set(mask.flatMap((r, i) => r.flatMap((on, j) => (on ? [`${i},${j}`] : []))));
        expect(covered).toEqual(styled);
      }),
      { numRuns: 200 },
    );
  });

  test("address lists are split into bounded groups", () => {
    const areas = Array.from({ length: 500 }, (_, i) => `F${i * 2 + 1}`);
    const groups = areaGroups(areas, 200);
    expect(groups.every((g) => g.length <= 200)).toBe(true);
    expect(groups.join(",").split(",")).toEqual(areas);
  });
});
