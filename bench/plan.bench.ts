// Plans and what-if re-evaluation on generated counties (deterministic: tests/plan/county.ts).
import { medianMs, medianMsAsync, report } from "./harness";
import { generateCounty } from "../tests/plan/county";
import { NATIONAL_2017 } from "../src/standard/national2017";
import { evaluate } from "../src/engine/evaluate";
import { evaluateScenario, type Edit } from "../src/engine/scenario";
import { additionsToEdits, planLeastCost } from "../src/engine/plan/leastCost";
import { buildPlanModel } from "../src/engine/plan/model";
import { planBaseline } from "../src/engine/plan/perSchool";
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS } from "../src/engine/plan/costs";
import { planRotation } from "../src/engine/plan/rotation";
import { loadHighs } from "../src/engine/plan/highs";

async function main(): Promise<void> {
  await loadHighs();
  const P = NATIONAL_2017;

  // what-if: one stepper change re-evaluates the whole county against a baseline already known (the pane's case)
  const county300 = generateCounty(300, 300);
  const baseline = evaluate(county300, P);
  let k = 0;
  const whatif = medianMs(() => {
    const edits: Edit[] = [
      { kind: "addStudents", school: county300[k % 300].name, level: "primary", value: 10 },
      { kind: "addFacility", school: county300[(k * 7) % 300].name, resource: "teachingArea", amount: 100 },
    ];
    k++;
    return evaluateScenario(county300, edits, P, baseline);
  }, 21);
  report("what-if re-evaluation, 300 schools", whatif, 50);
  const full = medianMs(() => evaluate(county300, P), 21);
  report(
    "baseline: one evaluation, 300 schools",
    full,
    undefined,
    `(what-if / evaluate = ${(whatif / full).toFixed(2)})`,
  );

  // least-cost plan where the difference coefficients do not bind: the exact per-school method, verified
  for (const [n, goal] of [
    [300, 2000],
    [3000, 20000],
  ] as const) {
    const records = generateCounty(n, n);
    const plan = await planLeastCost(records, P);
    const ms = await medianMsAsync(() => planLeastCost(records, P), n >= 3000 ? 3 : 5, 1);
    report(
      `least-cost plan, ${n} schools`,
      ms,
      goal,
      `[method ${plan.method}, passesAfter ${plan.passesAfter}, cost ${Math.round(plan.totalCost)} vs per-school baseline ${Math.round(plan.baselineCost)}]`,
    );
  }

  // coefficients that bind (resources spread from 0.2× to 4.5× the standard): the coefficients' prices and the
  // Lagrangian bound; on a small county HiGHS then refines it in a counted number of rounds. Facilities as
  // projects, as the command line and the pane plan them. Same goals; the baseline beside each is one evaluation
  // of the same county.
  const asHosts = { projects: DEFAULT_PROJECT_SIZES };
  for (const [n, goal, runs] of [
    [30, 2000, 3],
    [300, 2000, 5],
    [3000, 20000, 3],
  ] as const) {
    const skewed = generateCounty(n, n + 1, { low: 0.2, high: 4.5 });
    const plan = await planLeastCost(skewed, P, DEFAULT_UNIT_COSTS, asHosts);
    const ms = await medianMsAsync(() => planLeastCost(skewed, P, DEFAULT_UNIT_COSTS, asHosts), runs, 1);
    const once = medianMs(() => evaluate(skewed, P), 11);
    const model = buildPlanModel(skewed, P, DEFAULT_UNIT_COSTS);
    const topUpPasses = evaluateScenario(skewed, additionsToEdits(model, planBaseline(model)), P).evaluation
      .resourcesPass;
    report(
      `least-cost plan with binding coefficients, ${n} schools`,
      ms,
      goal,
      `[${(ms / once).toFixed(0)}× one evaluation (${once.toFixed(2)} ms); rounds ${plan.cv.iterations}, passesAfter ` +
        `${plan.passesAfter}, cost ${Math.round(plan.totalCost)} vs ${Math.round(plan.baselineCost)} for topping each ` +
        `failing section up on its own (${topUpPasses ? "passes" : "fails the coefficients"}), ` +
        `proven gap to the least cost ${plan.cv.gap === null ? "—" : (plan.cv.gap * 100).toFixed(3) + "%"}]`,
    );
  }

  // rotation (交流轮岗), exact MILP
  const rotationMs = await medianMsAsync(() => planRotation(county300, P), 3, 1);
  const rotation = await planRotation(county300, P);
  report(
    "rotation plan, 300 schools",
    rotationMs,
    undefined,
    `[passing ${rotation.passingBefore} → ${rotation.passingAfter}, ${rotation.teachersMoved} teachers moved, optimal ${rotation.optimal}]`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
