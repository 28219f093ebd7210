/** The sample county's least-cost plan, rotation plan and a two-edit scenario as report sheets, for the print tests. */
import { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { planRotation } from "../../src/engine/plan/rotation";
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { ReportSheet } from "../../src/report/model";
import { planSheet, rotationSheet } from "../../src/report/planSheets";
import { whatIfCost } from "../../src/engine/whatifCost";
import { scenarioSheet } from "../../src/report/scenarioSheet";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";

/** 补充方案, 交流轮岗 and 模拟方案 (three edits, one a merger) of the sample county, titled 白狼县 2026 年. */
export async function samplePlanSheets(): Promise<ReportSheet[]> {
  const records = sampleCountyRecords();
  const plan = await planLeastCost(records, NATIONAL_2017, DEFAULT_UNIT_COSTS, {
    projects: DEFAULT_PROJECT_SIZES,
  });
  const rotation = await planRotation(records, NATIONAL_2017);
  const edits: Edit[] = [
    { kind: "addFacility", school: "白狼县第一小学", resource: "sportsArea", amount: 2000 },
    { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 120 },
    // what a merger moved, a long sentence under its edit, and its cost (not priced) under that
    { kind: "mergeSchool", school: "红石乡中心小学", into: "青山镇中学" },
  ];
  const result = evaluateScenario(records, edits, NATIONAL_2017);
  const title = { county: "白狼县", year: "2026" };
  return [
    planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, "zh", { title, projects: DEFAULT_PROJECT_SIZES }),
    rotationSheet(rotation, NATIONAL_2017, "zh", { title }),
    scenarioSheet(edits, result, whatIfCost(edits, result, DEFAULT_UNIT_COSTS), NATIONAL_2017, "zh", {
      title,
    }),
  ];
}
