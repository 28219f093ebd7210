/**
 * docs/plans.md#whatif-cost: a what-if's edits priced at the plan's unit costs. Every expected figure is worked by
 * hand from the table of default unit costs in docs/plans.md#costs (a qualified or PE/art teacher 120,000 元 a
 * year, a key teacher 150,000, a m² of teaching rooms 3,500, of sports ground 400, a 元 of equipment 1, a
 * multimedia room 50,000), never taken from the code under test.
 */
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import { editCostWords, whatIfCost, whatIfCostWords } from "../../src/engine/whatifCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { NEW_SCHOOL } from "./schools";

const records = sampleCountyRecords();
const costOf = (edits: Edit[], costs = DEFAULT_UNIT_COSTS) =>
  whatIfCost(edits, evaluateScenario(records, edits, NATIONAL_2017), costs);

const enrol: Edit = { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 200 };
const build: Edit = { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 1200 };
const hire: Edit = {
  kind: "hireTeachers",
  school: "青山镇中学",
  level: "junior",
  resource: "keyTeachers",
  count: 2,
};
const rotate: Edit = {
  kind: "transferTeachers",
  from: "永安乡中心小学",
  to: "红石乡中心小学",
  fromLevel: "primary",
  toLevel: "primary",
  resource: "peArtTeachers",
  count: 1,
};
const merge: Edit = { kind: "mergeSchool", school: "红石乡柳树屯教学点", into: "红石乡中心小学" };

describe("what-if cost", () => {
  test("each edit at the unit costs, the total in one-off and recurring parts, the unpriced counted", () => {
    const cost = costOf([enrol, build, hire, rotate, merge]);
    expect(cost.edits.map((c) => [c.edit, c.priced])).toEqual([
      [0, false],
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    // 1,200 m² × 3,500 元
    expect(cost.edits[1]).toMatchObject({ oneOffCost: 4200000, recurringCost: 0, totalCost: 4200000 });
    expect(cost.edits[1].priced && cost.edits[1].items).toEqual([
      { resource: "teachingArea", amount: 1200, cost: 4200000 },
    ]);
    // 2 key teachers × 150,000 元 a year
    expect(cost.edits[2]).toMatchObject({ oneOffCost: 0, recurringCost: 300000, totalCost: 300000 });
    // a transfer moves a teacher already paid: priced, at nothing, and said why
    expect(cost.edits[3]).toMatchObject({
      recurringCost: 0,
      oneOffCost: 0,
      note: { zh: expect.any(String) },
    });
    expect(cost).toMatchObject({
      oneOffCost: 4200000,
      recurringCost: 300000,
      totalCost: 4500000,
      unpriced: 2,
    });
  });

  test("the pupils enrolling, a merge and a facility taken away are not priced, never a silent zero", () => {
    const removed: Edit = {
      kind: "addFacility",
      school: "白狼县实验小学",
      resource: "sportsArea",
      amount: -100,
    };
    const close: Edit = { kind: "closeSchool", school: "红石乡柳树屯教学点" };
    const cost = costOf([enrol, removed, close]);
    expect(cost.edits.every((c) => !c.priced)).toBe(true);
    expect(cost.unpriced).toBe(3);
    expect(editCostWords(cost.edits[0], "zh")).toMatch(/^不计费用（.+）$/u);
    expect(editCostWords(cost.edits[0], "en")).toMatch(/^not priced \(.+\)$/);
    expect(whatIfCostWords(cost, "zh")).toBe("费用合计（按规划的单位成本）：0.00 万元；另有 3 项不计费用");
    expect(whatIfCostWords(cost, "en")).toBe(
      "Cost in all (at the plan's unit costs): 0 yuan; 3 edits not priced",
    );
  });

  test("a new school: its teachers a year, its buildings, ground, equipment and rooms once", () => {
    const open = NEW_SCHOOL;
    const [c] = costOf([open]).edits;
    // 30 × 120,000 + 7 × 150,000 + 6 × 120,000 = 5,370,000 a year
    expect(c).toMatchObject({ priced: true, recurringCost: 5370000 });
    // 3,000 × 3,500 + 5,000 × 400 + 1,500,000 × 1 + 15 × 50,000 = 14,750,000 once
    expect(c).toMatchObject({ oneOffCost: 14750000, totalCost: 20120000 });
    expect(editCostWords(c, "zh")).toMatch(/^一次性投入 1,475\.00 万元，每年 537\.00 万元（.+）$/u);
  });

  test("a teacher fewer saves a year of pay; a bureau's own unit costs are the ones used", () => {
    const leave: Edit = { ...hire, resource: "qualifiedTeachers", count: -1 } as Edit;
    const cost = costOf([leave, build], { ...DEFAULT_UNIT_COSTS, teachingArea: 4200 });
    // −1 × 120,000 a year; 1,200 m² × 4,200 元
    expect(cost).toMatchObject({
      recurringCost: -120000,
      oneOffCost: 5040000,
      totalCost: 4920000,
      unpriced: 0,
    });
    expect(editCostWords(cost.edits[1], "zh")).toBe("一次性投入 504.00 万元");
    expect(editCostWords(cost.edits[1], "en")).toBe("5,040,000 yuan once");
    expect(editCostWords(cost.edits[0], "zh")).toMatch(/^每年 -12\.00 万元（.+）$/u);
  });

  test("an edit the scenario did not apply costs nothing and is not listed", () => {
    const nowhere: Edit = { ...build, school: "不存在的学校" } as Edit;
    const cost = costOf([nowhere, hire]);
    expect(cost.edits.map((c) => c.edit)).toEqual([1]);
    expect(cost).toMatchObject({ oneOffCost: 0, recurringCost: 300000, totalCost: 300000 });
  });
});
