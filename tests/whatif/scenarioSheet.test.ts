import { evaluateScenario } from "../../src/engine/scenario";
import { whatIfCost } from "../../src/engine/whatifCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { scenarioSheet } from "../../src/report/scenarioSheet";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { goodPrimary } from "../engine/helpers";

describe("the scenario sheet", () => {
  test("a coefficient a hair over its limit passes, as the engine's tolerant comparison says (docs/standard.md#comparison)", () => {
    // two primary schools of 100 pupils: sports area 3.00000000001 and 1 ㎡ per pupil give a CV of
    // 0.5 + 1.25e-12, over 0.50 in floating point but within the engine's tolerance
    const a = goodPrimary("甲校");
    const b = goodPrimary("乙校");
    a.facilities.sportsArea = 200;
    b.facilities.sportsArea = 100;
    const edits = [
      {
        kind: "addFacility" as const,
        school: "甲校",
        resource: "sportsArea" as const,
        amount: 100.000000001,
      },
    ];
    const result = evaluateScenario([a, b], edits, NATIONAL_2017);
    const after = result.evaluation.levels.primary.balance.sportsArea;
    expect(after.cv! > 0.5).toBe(true);
    expect(after.pass).toBe(true);
    const sheet = scenarioSheet(
      edits,
      result,
      whatIfCost(edits, result, DEFAULT_UNIT_COSTS),
      NATIONAL_2017,
      "zh",
    );
    const row = sheet.rows.find((r) => r[1]?.value === NATIONAL_2017.indicators.sportsArea.shortName.zh)!;
    expect(row[4]).toMatchObject({ value: after.cv, style: "pass" });
  });
});
