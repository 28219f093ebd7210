/**
 * Fuzzing the engine (issue 7 item 2): for any county the engine answers without throwing, and its answers keep
 * the invariants a bureau relies on. Each property is bounded in time (numRuns and interruptAfterTimeLimit) so
 * the suite stays fast on a shared machine.
 */
import fc from "fast-check";
import { evaluate, type Evaluation, type SchoolRecord } from "../../src/engine";
import { differenceCoefficient } from "../../src/engine/coefficient";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  LEVELS,
  TEACHER_INDICATORS,
} from "../../src/standard/indicators";
import { SECTIONS_OF_TYPE } from "../../src/engine/records";
import { profileArb, recordsArb } from "./generators";

const BUDGET = { numRuns: 300, interruptAfterTimeLimit: 8000 };

function sectionKey(s: { school: string; level: string }): string {
  return `${s.school}|${s.level}`;
}

function byKey(evaluation: Evaluation) {
  return new Map(evaluation.sections.map((s) => [sectionKey(s), s]));
}

describe("engine fuzzing", () => {
  it("never throws and every difference coefficient is ≥ 0 (docs/standard.md#coefficient: S ≥ 0, X̄ > 0)", () => {
    fc.assert(
      fc.property(recordsArb(), profileArb, (records, profile) => {
        const evaluation = evaluate(records, profile);
        for (const level of LEVELS) {
          const result = evaluation.levels[level];
          for (const id of INDICATOR_IDS) {
            const b = result.balance[id];
            if (b.cv !== null) expect(b.cv).toBeGreaterThanOrEqual(0);
            if (b.standardDeviation !== null) expect(b.standardDeviation).toBeGreaterThanOrEqual(0);
            // an undefined coefficient over included sections is never reported as balanced (docs/standard.md#coefficient)
            if (result.sections > 0 && b.cv === null) expect(b.pass).toBe(false);
          }
          expect(result.passingSections).toBeLessThanOrEqual(result.sections);
        }
        // excluded sections never pass (docs/standard.md#scope: they are not evaluated)
        for (const s of evaluation.sections) if (!s.included) expect(s.pass).toBe(false);
      }),
      BUDGET,
    );
  });

  it("differenceCoefficient is ≥ 0 for any finite values and non-negative weights", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
            weight: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100000 })),
          }),
          { maxLength: 50 },
        ),
        (entries) => {
          const dc = differenceCoefficient(
            entries.map((e) => e.value),
            entries.map((e) => e.weight),
          );
          if (dc.cv !== null) expect(dc.cv).toBeGreaterThanOrEqual(0);
          if (dc.standardDeviation !== null) expect(dc.standardDeviation).toBeGreaterThanOrEqual(0);
        },
      ),
      BUDGET,
    );
  });

  it("never throws on hostile numbers (NaN, ∞, negatives) that a careless host might pass", () => {
    const hostile = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, Number.MAX_VALUE, Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(
        recordsArb(6),
        profileArb,
        fc.array(hostile, { minLength: 16, maxLength: 16 }),
        (records, profile, xs) => {
          const spoiled = records.map((r, i) => ({
            ...r,
            students: { primary: xs[i % 16], junior: xs[(i + 1) % 16], senior: xs[(i + 2) % 16] },
            facilities: {
              teachingArea: xs[(i + 3) % 16],
              sportsArea: xs[(i + 4) % 16],
              equipmentValue: xs[(i + 5) % 16],
              multimediaRooms: xs[(i + 6) % 16],
            },
            teachers: {
              primary: {
                qualifiedTeachers: xs[(i + 7) % 16],
                keyTeachers: xs[(i + 8) % 16],
                peArtTeachers: xs[9],
              },
              junior: { qualifiedTeachers: xs[10], keyTeachers: xs[11], peArtTeachers: xs[(i + 12) % 16] },
            },
          }));
          expect(() => evaluate(spoiled, profile)).not.toThrow();
        },
      ),
      BUDGET,
    );
  });

  it("adding a resource to a school never turns a passing section into a failing one (docs/standard.md#indicators)", () => {
    const additionArb = fc.record({
      school: fc.nat(),
      level: fc.constantFrom(...LEVELS),
      indicator: fc.constantFrom(...INDICATOR_IDS),
      amount: fc.oneof(
        fc.constant(1),
        fc.double({ min: 0, max: 50000, noNaN: true, noDefaultInfinity: true }),
      ),
    });
    fc.assert(
      fc.property(recordsArb(), profileArb, additionArb, (records, profile, add) => {
        const before = evaluate(records, profile);
        const target = records[add.school % records.length];
        const changed: SchoolRecord = structuredClone(target);
        const teacher = (TEACHER_INDICATORS as readonly string[]).includes(add.indicator);
        const amount = profile.indicators[add.indicator].integral ? Math.ceil(add.amount) : add.amount;
        if (teacher) {
          const id = add.indicator as (typeof TEACHER_INDICATORS)[number];
          changed.teachers[add.level][id] += amount;
        } else {
          const id = add.indicator as (typeof FACILITY_INDICATORS)[number];
          const given = changed.sectionFacilities?.[add.level];
          if (given) given[id] += amount;
          else changed.facilities[id] += amount;
        }
        const after = byKey(
          evaluate(
            records.map((r) => (r === target ? changed : r)),
            profile,
          ),
        );
        for (const s of before.sections) {
          const a = after.get(sectionKey(s));
          if (s.pass) expect(a?.pass).toBe(true);
        }
      }),
      BUDGET,
    );
  });

  it("adding students never turns a failing included section into a passing one (docs/standard.md#indicators)", () => {
    const enrolArb = fc.record({
      school: fc.nat(),
      which: fc.constantFrom("primary", "junior", "senior") as fc.Arbitrary<"primary" | "junior" | "senior">,
      amount: fc.integer({ min: 1, max: 800 }),
    });
    fc.assert(
      fc.property(recordsArb(), profileArb, enrolArb, (records, profile, add) => {
        const before = evaluate(records, profile);
        const target = records[add.school % records.length];
        const levels: readonly string[] = SECTIONS_OF_TYPE[target.type];
        const seniorApplies = target.type === "twelveYear" || target.type === "complete";
        fc.pre(levels.includes(add.which) || (add.which === "senior" && seniorApplies));
        const changed: SchoolRecord = structuredClone(target);
        changed.students[add.which] += add.amount;
        const after = byKey(
          evaluate(
            records.map((r) => (r === target ? changed : r)),
            profile,
          ),
        );
        for (const s of before.sections) {
          if (!s.included || s.pass) continue;
          expect(after.get(sectionKey(s))?.pass).toBe(false);
        }
      }),
      BUDGET,
    );
  });

  it("is deterministic and leaves its input untouched: same county, deep-equal evaluation", () => {
    fc.assert(
      fc.property(recordsArb(), profileArb, (records, profile) => {
        const snapshot = structuredClone(records);
        const first = evaluate(records, profile);
        const second = evaluate(structuredClone(records), structuredClone(profile));
        expect(second).toEqual(first);
        expect(records).toEqual(snapshot);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 6000 },
    );
  });

  it("the generator reaches both verdicts, so the properties above are not vacuous", () => {
    const samples = fc.sample(recordsArb(), { numRuns: 200, seed: 7 });
    let pass = 0;
    let fail = 0;
    for (const records of samples) {
      for (const s of evaluate(records, NATIONAL_2017).sections) {
        if (!s.included) continue;
        if (s.pass) pass++;
        else fail++;
      }
    }
    expect(pass).toBeGreaterThan(20);
    expect(fail).toBeGreaterThan(20);
  });
});
