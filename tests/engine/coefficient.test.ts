import fc from "fast-check";
import { differenceCoefficient } from "../../src/engine";

// docs/standard.md#coefficient: the worked example published with the method (生均图书册数, five primary schools)
const students = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const perStudent = books.map((b, i) => b / students[i]);

describe("differenceCoefficient — docs/standard.md#coefficient", () => {
  test("published worked example: X̄ = 6.3344, S = 3.2639, CV = 0.5153", () => {
    const dc = differenceCoefficient(perStudent, students);
    expect(dc.totalWeight).toBe(302);
    expect(dc.mean).toBeCloseTo(1913 / 302, 12);
    expect(dc.mean).toBeCloseTo(6.3344, 4);
    expect(dc.standardDeviation).toBeCloseTo(3.2639, 4);
    expect(dc.cv).toBeCloseTo(0.5153, 4);
    expect(dc.count).toBe(5);
  });

  test("the unweighted (0.489) and sample (0.546) forms do not give the published figure", () => {
    const dc = differenceCoefficient(perStudent, students);
    const n = perStudent.length;
    const mean = perStudent.reduce((a, b) => a + b, 0) / n;
    const ss = perStudent.reduce((a, x) => a + (x - mean) ** 2, 0);
    const unweighted = Math.sqrt(ss / n) / mean;
    const sample = Math.sqrt(ss / (n - 1)) / mean;
    expect(unweighted).toBeCloseTo(0.489, 3);
    expect(sample).toBeCloseTo(0.546, 3);
    expect(Math.abs((dc.cv as number) - unweighted)).toBeGreaterThan(0.02);
    expect(Math.abs((dc.cv as number) - sample)).toBeGreaterThan(0.02);
  });

  test("one section only → CV 0", () => {
    const dc = differenceCoefficient([7.3], [120]);
    expect(dc.cv).toBe(0);
    expect(dc.mean).toBe(7.3);
  });

  test("X̄ = 0 → CV undefined (null), no division by zero", () => {
    const dc = differenceCoefficient([0, 0, 0], [10, 20, 30]);
    expect(dc.mean).toBe(0);
    expect(dc.cv).toBeNull();
  });

  test("sections with 0 students take no part", () => {
    const withEmpty = differenceCoefficient([...perStudent, 1000], [...students, 0]);
    const without = differenceCoefficient(perStudent, students);
    expect(withEmpty.cv).toBe(without.cv);
    expect(withEmpty.count).toBe(5);
  });

  test("no weight at all → every figure null", () => {
    expect(differenceCoefficient([], [])).toEqual({
      totalWeight: 0,
      mean: null,
      standardDeviation: null,
      cv: null,
      count: 0,
    });
    expect(differenceCoefficient([3, 4], [0, 0]).cv).toBeNull();
  });
});

describe("differenceCoefficient — properties (docs/standard.md#coefficient)", () => {
  const value = fc.double({ min: 0.01, max: 1e5, noNaN: true, noDefaultInfinity: true });
  const weight = fc.integer({ min: 1, max: 5000 });
  const sections = fc.array(fc.tuple(value, weight), { minLength: 1, maxLength: 40 });
  const cvOf = (s: [number, number][]) =>
    differenceCoefficient(
      s.map((x) => x[0]),
      s.map((x) => x[1]),
    ).cv as number;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

  test("invariant under permuting the sections", () => {
    fc.assert(
      fc.property(
        sections.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([s, shuffled]) => close(cvOf(s), cvOf(shuffled)),
      ),
    );
  });

  test("invariant under scaling every value", () => {
    fc.assert(
      fc.property(sections, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (s, k) =>
        close(cvOf(s), cvOf(s.map(([v, w]) => [v * k, w]))),
      ),
    );
  });

  test("invariant under scaling every enrolment", () => {
    fc.assert(
      fc.property(sections, fc.integer({ min: 2, max: 50 }), (s, k) =>
        close(cvOf(s), cvOf(s.map(([v, w]) => [v, w * k]))),
      ),
    );
  });

  test("0 when every value is equal", () => {
    fc.assert(
      fc.property(value, fc.array(weight, { minLength: 1, maxLength: 40 }), (v, ws) => {
        const cv = differenceCoefficient(
          ws.map(() => v),
          ws,
        ).cv as number;
        return Math.abs(cv) <= 1e-12;
      }),
    );
  });

  test("never negative", () => {
    fc.assert(fc.property(sections, (s) => cvOf(s) >= 0));
  });
});
