import fc from "fast-check";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluateScenario } from "../../src/engine/scenario";
import { evaluate } from "../../src/engine/evaluate";
import { profileArb, recordsArb } from "./generators";

/*
 * The planner on counties of every shape the reader can produce: every school type, per-section facilities,
 * indoor sports areas, teaching points with and without parents, and the province variants of the profile.
 */
describe("trust: least-cost plans on generated counties", () => {
  test.each([
    ["by the coefficients' prices and the Lagrangian bound", { refine: false }, 150],
    ["refined by HiGHS", { refine: true, timeBudgetSeconds: 1 }, 30],
  ])(
    "%s: every plan passes by the engine, is what its edits give, and costs no less than its bound",
    async (_, options, numRuns) => {
      await fc.assert(
        fc.asyncProperty(recordsArb(10), profileArb, async (records, profile) => {
          const plan = await planLeastCost(records, profile, undefined, options);
          const after = evaluateScenario(records, plan.edits, profile).evaluation;
          expect(after.resourcesPass).toBe(plan.passesAfter);
          expect(plan.passesAfter).toBe(true);
          expect(plan.cv.remaining).toEqual([]);
          if (plan.cv.lowerBound !== null) {
            expect(plan.totalCost).toBeGreaterThanOrEqual(plan.cv.lowerBound * (1 - 1e-9));
          }
          for (const a of plan.additions) {
            expect(a.amount).toBeGreaterThan(0);
            if (profile.indicators[a.resource].integral) expect(Number.isInteger(a.amount)).toBe(true);
          }
          // a county that passes already needs nothing
          if (evaluate(records, profile).resourcesPass) expect(plan.additions).toEqual([]);
        }),
        { numRuns },
      );
    },
  );
});
