import fc from "fast-check";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { evaluateScenario } from "../../src/engine/scenario";
import { evaluate } from "../../src/engine/evaluate";
import { profileArb, recordsArb } from "./generators";
import { DEFAULT_PROJECT_SIZES } from "../../src/engine/plan/costs";

/*
 * The planner on counties of every shape the reader can produce: every school type, per-section facilities,
 * indoor sports areas, teaching points with and without parents, and the province variants of the profile.
 */
describe("trust: least-cost plans on generated counties", () => {
  test.each([
    ["by the coefficients' prices and the Lagrangian bound", { refine: false }, 150],
    ["refined by HiGHS", { refine: true, refineRounds: 2 }, 30],
    ["facilities as projects", { refine: false, projects: DEFAULT_PROJECT_SIZES }, 60],
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
            // a facility addition is a project: at least its least size, never a few square metres, unless the
            // school is so small that what gives it the standard is less (bounded here from its enrolment)
            const projects = "projects" in options ? options.projects : null;
            if (projects && a.level === null) {
              const id = a.resource as keyof typeof projects.minimum;
              expect(
                Math.abs(a.amount / projects.step[id] - Math.round(a.amount / projects.step[id])),
              ).toBeLessThan(1e-9);
              if (a.amount < projects.minimum[id]) {
                const r = records.find((x) => x.name === a.school)!;
                const def = profile.indicators[id];
                const perStudent =
                  Math.max(def.standard.primary, def.standard.junior) / (def.scale === "per100" ? 100 : 1);
                const weighted = r.students.primary + 1.2 * r.students.junior + 1.32 * r.students.senior;
                expect(a.amount).toBeLessThanOrEqual(perStudent * weighted + projects.step[id]);
              }
            }
          }
          expect(plan.recurringCost + plan.oneOffCost).toBeCloseTo(plan.totalCost, 3);
          // a county that passes already needs nothing
          if (evaluate(records, profile).resourcesPass) expect(plan.additions).toEqual([]);
        }),
        { numRuns },
      );
    },
  );
});
