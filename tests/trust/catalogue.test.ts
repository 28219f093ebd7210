/**
 * The catalogue of malformed and tricky inputs (issue 7 item 1) read as grids, the way the add-in receives them
 * from Excel: each case gives a clear problem naming its cell, or a correct evaluation; none throws.
 */
import { evaluateTable } from "../../src/pipeline";
import { CATALOGUE } from "./fixtures/catalogue";
import { expectCaseOutcome, expectClearProblems, gridOf, outcomeOf } from "./catalogueRun";

describe("catalogue of tricky school tables, as grids", () => {
  it("holds at least 40 cases with distinct ids", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CATALOGUE.map((c) => c.id)).size).toBe(CATALOGUE.length);
  });

  it.each(CATALOGUE.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    // the one path every host takes: grid → readSchoolTable → evaluate
    const result = evaluateTable(gridOf(c));
    expectClearProblems(result.problems);
    expectCaseOutcome(c, outcomeOf(result.read, result.evaluation, result.problems));
  });
});
