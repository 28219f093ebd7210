/**
 * The pass rule as the columnar engine counts it (docs/standard.md#pass-rule): a section's statuses tallied into
 * one number, indicator by indicator (`statusTally`), and read back by `tallyPasses`. Every one of the 3⁷
 * combinations of statuses is tried, with values placed by hand on either side of each threshold; the expected
 * verdict is the rule as the standard words it, counted here: no indicator below its floor, at least 6 met.
 */
import { BELOW_FLOOR, standardAndFloor, statusTally, tallyPasses } from "../../src/engine/sectionResult";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { profileWith } from "./helpers";

type Status = "met" | "floor" | "unmet";
const STATUSES: Status[] = ["met", "floor", "unmet"];

/** The least values that meet a standard of 4.2 and reach its floor of 85 %, as the engine gives them. */
const MET_FROM = 4.2;
const FLOOR_FROM = 0.85 * 4.2;

/** A value of each status, chosen by hand: at a threshold itself, just under it, far off, and without a value. */
const VALUES: Record<Status, number[]> = {
  met: [MET_FROM, MET_FROM + 1e-12, 1e9, Infinity],
  floor: [FLOOR_FROM, (FLOOR_FROM + MET_FROM) / 2, MET_FROM - 1e-12],
  unmet: [FLOOR_FROM - 1e-12, 0, -1, NaN],
};

function* combinations(n: number): Generator<Status[]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of combinations(n - 1)) for (const s of STATUSES) yield [...rest, s];
}

describe("the pass rule over a tally of statuses", () => {
  test("a count of met indicators never reaches the weight of one below its floor", () => {
    expect(INDICATOR_IDS.length).toBeLessThan(BELOW_FLOOR);
  });

  test("each value adds what its status says: 1 if met, BELOW_FLOOR if below its floor, else nothing", () => {
    for (const value of VALUES.met) expect(statusTally(value, MET_FROM, FLOOR_FROM)).toBe(1);
    for (const value of VALUES.floor) expect(statusTally(value, MET_FROM, FLOOR_FROM)).toBe(0);
    for (const value of VALUES.unmet) expect(statusTally(value, MET_FROM, FLOOR_FROM)).toBe(8);
  });

  test.each([
    ["the national rule (6 of 7 met)", NATIONAL_2017, 6],
    ["a profile asking all 7", profileWith((p) => (p.passRule.minMet = 7)), 7],
    ["a profile asking 5", profileWith((p) => (p.passRule.minMet = 5)), 5],
  ])("every combination of 7 statuses gives the rule's verdict: %s", (_name, profile, minMet) => {
    let combination = 0;
    let passing = 0;
    for (const statuses of combinations(INDICATOR_IDS.length)) {
      // a different value of each status from one combination to the next
      let tally = 0;
      statuses.forEach((s, x) => {
        const values = VALUES[s];
        tally += statusTally(values[(combination + x) % values.length], MET_FROM, FLOOR_FROM);
      });
      const met = statuses.filter((s) => s === "met").length;
      const unmet = statuses.filter((s) => s === "unmet").length;
      const expected = unmet === 0 && met >= minMet;
      expect([statuses.join(","), tallyPasses(profile, tally)]).toEqual([
        statuses.join(","),
        Number(expected),
      ]);
      if (expected) passing++;
      combination++;
    }
    expect(combination).toBe(3 ** 7);
    // all met, or all but the ones allowed in the floor band: Σ C(7, k) for k ≤ 7 − minMet
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    let allowed = 0;
    for (let k = 0; k <= 7 - minMet; k++) allowed += choose(7, k);
    expect(passing).toBe(allowed);
  });
});

describe("an indicator's standard and floor, as every host shows them (docs/standard.md#pass-rule)", () => {
  test("the national standard and 85 % of it, figures of docs/standard.md#indicators", () => {
    // 生均教学及辅助用房面积, primary: 4.5 ㎡, and 85 % of it 3.825 ㎡
    const teaching = standardAndFloor(NATIONAL_2017, "teachingArea", "primary");
    expect(teaching.standard).toBe(4.5);
    expect(teaching.floor).toBeCloseTo(3.825, 12);
    // 生均教学仪器设备值, junior: 2,500 元, and 85 % of it 2,125 元
    const equipment = standardAndFloor(NATIONAL_2017, "equipmentValue", "junior");
    expect(equipment.standard).toBe(2500);
    expect(equipment.floor).toBeCloseTo(2125, 9);
  });

  test("a profile's own floor ratio moves the floor, not the standard", () => {
    const profile = profileWith((p) => {
      p.passRule.floorRatio = 0.9;
    });
    const { standard, floor } = standardAndFloor(profile, "sportsArea", "junior");
    expect(standard).toBe(10.2);
    expect(floor).toBeCloseTo(9.18, 12);
  });
});
