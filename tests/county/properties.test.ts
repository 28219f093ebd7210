import fc from "fast-check";
import { evaluateCounty } from "../../src/engine/county/verdict";
import { readCountySheet } from "../../src/sheet/countySheet";
import { parseMeasureValue } from "../../src/sheet/countyValues";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { COUNTY_MEASURES, type MeasureKind } from "../../src/standard/county";
import { passingAnswers, soundPrimary } from "./helpers";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.constantFrom("是", "否", "95%", "９５％", "Ⅲ级", "保障9", "质量9-2", "否决1", "编号", "填报值", "", " "),
  fc.double(),
  fc.integer({ min: -1000, max: 10000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.constant({ error: "#N/A" }),
);

const KINDS: MeasureKind[] = ["percent", "ratio", "yuan", "attested", "level", "rate", "percentOrAttested"];

describe("the county sheet reader is total", () => {
  it("parseMeasureValue never throws and gives a value or a problem, never both wrong", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), cell, (kind, c) => {
        const parsed = parseMeasureValue(kind, c);
        if (parsed.error) expect(parsed.value).toBeNull();
        if (typeof parsed.value === "number") expect(Number.isFinite(parsed.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("readCountySheet never throws for any grid", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }), (values) => {
        const grid: Grid = { sheet: "县级指标", topLeft: "A1", values };
        const read = readCountySheet(grid);
        for (const p of read.problems) expect(p.message.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("docs/standard.md#parts: missing is never pass", () => {
  it("removing any answer from a passing county withholds countyPass; it never turns a part to fail", () => {
    const records = [soundPrimary()];
    fc.assert(
      fc.property(
        fc.subarray(
          COUNTY_MEASURES.map((m) => m.id),
          { minLength: 1 },
        ),
        (removed) => {
          const answers = passingAnswers();
          for (const id of removed) delete answers[id];
          const verdict = evaluateCounty({ records, evaluation: null, answers });
          expect(verdict.countyPass).toBe(false);
          for (const part of ["guarantee", "quality", "recognition", "vetoes"] as const) {
            expect(verdict.parts[part]).not.toBe("fail");
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
