/**
 * docs/plans.md#budget: within a budget short of the full plan, the additions that bring the most failing
 * sections to pass, then the cheapest; checked against brute force on small counties and applied as what-ifs.
 */
import { planWithinBudget } from "../../src/engine/plan/budget";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario } from "../../src/engine/scenario";
import type { Level } from "../../src/standard/indicators";
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { bruteForceSchool, SMALL, smallCounty, SMALL_COSTS as COSTS } from "./county";

/** For each school, every set of its failing levels with the least cost of making them pass, by brute force. */
function schoolChoices(seed: number): { count: number; cost: number }[][] | null {
  const records = smallCounty(3, seed);
  const sections = evaluate(records, SMALL).sections;
  const out: { count: number; cost: number }[][] = [];
  for (const record of records) {
    const failing = sections
      .filter((s) => s.school === record.name && s.included && !s.pass)
      .map((s) => s.level);
    const choices = [{ count: 0, cost: 0 }];
    for (let set = 1; set < 1 << failing.length; set++) {
      const levels: Level[] = failing.filter((_, i) => set & (1 << i));
      const brute = bruteForceSchool(record, SMALL, COSTS, levels);
      if (brute.combos > 2500) return null;
      choices.push({ count: levels.length, cost: brute.cost });
    }
    out.push(choices);
  }
  return out;
}

/** The most sections any choice per school brings to pass within the budget, and the least cost of that many. */
function bestWithin(choices: { count: number; cost: number }[][], budget: number) {
  let best = { count: 0, cost: 0 };
  const walk = (i: number, count: number, cost: number) => {
    if (cost > budget) return;
    if (i === choices.length) {
      if (count > best.count || (count === best.count && cost < best.cost)) best = { count, cost };
      return;
    }
    for (const c of choices[i]) walk(i + 1, count + c.count, cost + c.cost);
  };
  walk(0, 0, 0);
  return best;
}

describe("plan --budget: the most sections brought to pass, then the least cost", () => {
  test("equals brute force on small counties at every budget between their costs", async () => {
    let checked = 0;
    for (let seed = 1; checked < 5 && seed < 200; seed++) {
      const choices = schoolChoices(seed);
      if (!choices) continue;
      const records = smallCounty(3, seed);
      const totals = new Set<number>();
      const gather = (i: number, cost: number) => {
        if (i === choices.length) return void totals.add(cost);
        for (const c of choices[i]) gather(i + 1, cost + c.cost);
      };
      gather(0, 0);
      const budgets = [...totals]
        .sort((x, y) => x - y)
        .flatMap((c) => [c - 1, c])
        .filter((b) => b >= 0);
      const full = await planLeastCost(records, SMALL, COSTS);
      for (const budget of budgets) {
        const result = await planWithinBudget(records, SMALL, budget, COSTS, { full });
        const after = evaluateScenario(records, result.plan.edits, SMALL).evaluation;
        const passing = after.sections.filter((s) => s.included && s.pass).length;
        expect(passing).toBe(result.passingAfter);
        expect(result.plan.totalCost).toBeLessThanOrEqual(budget);
        if (result.fits) {
          expect(after.resourcesPass).toBe(true);
          continue;
        }
        const best = bestWithin(choices, budget);
        expect([budget, result.passingAfter - result.passingBefore, result.plan.totalCost]).toEqual([
          budget,
          best.count,
          best.cost,
        ]);
      }
      checked++;
    }
    expect(checked).toBe(5);
  });
});

describe("plan --budget on the sample county", () => {
  const records = sampleCountyRecords();
  const options = { projects: DEFAULT_PROJECT_SIZES };

  test("a budget the least-cost plan fits in is that plan; one below its proven bound says no pass is in reach", async () => {
    const full = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, options);
    expect(full.passesAfter).toBe(true);
    const enough = await planWithinBudget(records, NATIONAL_2017, full.totalCost, DEFAULT_UNIT_COSTS, {
      ...options,
      full,
    });
    expect([enough.fits, enough.plan]).toEqual([true, full]);
    const bound = full.cv.lowerBound as number;
    const short = await planWithinBudget(records, NATIONAL_2017, bound / 3, DEFAULT_UNIT_COSTS, {
      ...options,
      full,
    });
    expect([short.fits, short.provenShort, short.plan.method]).toEqual([false, true, "budget"]);
    expect(short.plan.totalCost).toBeLessThanOrEqual(bound / 3);
    // applied as a what-if: the sections it reports passing pass, and those it reports failing fail
    const after = evaluateScenario(records, short.plan.edits, NATIONAL_2017).evaluation;
    const failing = after.sections.filter((s) => s.included && !s.pass);
    expect(failing.map((s) => ({ school: s.school, level: s.level }))).toEqual(short.remainingSections);
    expect(short.passingAfter).toBeGreaterThan(short.passingBefore);
    // between the bound and the plan's cost no pass was found, and none is ruled out
    if (bound < full.totalCost) {
      const between = await planWithinBudget(records, NATIONAL_2017, bound, DEFAULT_UNIT_COSTS, {
        ...options,
        full,
      });
      expect([between.fits, between.provenShort]).toEqual([false, false]);
    }
  });
});
