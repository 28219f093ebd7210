/**
 * The 模拟方案 and plan sheets carry what the screen says of each edit (docs/plans.md#whatif-cost, #effects,
 * #plan-edits): what a merger moved, each edit's cost or why it has none, the edits' cost in all and, on a plan made
 * after them, the plan's cost and theirs together. Costs by hand at the default unit costs: a key teacher 150,000 元
 * a year, so two are 30.00 万元 a year; 1,000 ㎡ of building at 3,500 元 is 350.00 万元 once.
 */
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { planLeastCost } from "../../src/engine/plan/leastCost";
import { editedCounty, evaluateScenario, type Edit } from "../../src/engine/scenario";
import { whatIfCost } from "../../src/engine/whatifCost";
import type { Lang } from "../../src/i18n/format";
import type { ReportSheet } from "../../src/report/model";
import { planSheet } from "../../src/report/planSheets";
import { scenarioSheet } from "../../src/report/scenarioSheet";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { cutOff } from "../report/fitCheck";
import { juniorSchool, school } from "./schools";

const records = () => [school("甲小学", 500), juniorSchool("乙中学")];
const edits: Edit[] = [
  { kind: "hireTeachers", school: "甲小学", level: "primary", resource: "keyTeachers", count: 2 },
  { kind: "addStudents", school: "甲小学", level: "primary", value: 10 },
  { kind: "mergeSchool", school: "乙中学", into: "甲小学" },
  { kind: "addFacility", school: "乙中学", resource: "teachingArea", amount: 1000 },
  { kind: "addFacility", school: "甲小学", resource: "teachingArea", amount: 1000 },
];

/** Each row's text, its cells joined: what a reader of the printed sheet reads on that line. */
const lines = (sheet: ReportSheet) =>
  sheet.rows.map((row) =>
    row
      .map((c) => (c?.value === null || c?.value === undefined ? "" : String(c.value)))
      .filter(Boolean)
      .join(" | "),
  );

function scenario(lang: Lang) {
  const result = evaluateScenario(records(), edits, NATIONAL_2017);
  const cost = whatIfCost(edits, result, DEFAULT_UNIT_COSTS);
  return { result, sheet: scenarioSheet(edits, result, cost, NATIONAL_2017, lang) };
}

describe("the 模拟方案 sheet says what each edit moved and cost", () => {
  test("under each edit its effect and its cost; an edit not applied marked, with none; the total", () => {
    const { result, sheet } = scenario("zh");
    // the fourth edit names 乙中学, which the merger before it took away
    expect(result.applied).toEqual([0, 1, 2, 4]);
    const text = lines(sheet);
    const at = (needle: string) => text.findIndex((l) => l.startsWith(needle));
    const hire = at("1 | 甲小学");
    expect(text[hire + 1]).toBe("费用：每年 30.00 万元");
    expect(text[hire + 2]).toBe("2 | 甲小学 小学在校生 +10");
    expect(text[hire + 3]).toBe("费用：不计费用（在校生变化不是成本模型计价的投入）");
    expect(text[hire + 4]).toBe("3 | 乙中学 并入 甲小学");
    expect(text[hire + 5]).toMatch(
      /^乙中学并入甲小学：初中在校生 \+400 人，.*学校类型由小学改为九年一贯制学校；/,
    );
    expect(text[hire + 5]).toBe(result.effects[0].words.zh);
    expect(text[hire + 6]).toBe("费用：不计费用（撤并的交通、寄宿、改造等费用不在成本模型中）");
    expect(text[hire + 7]).toMatch(/^4 \| 乙中学 .*（未应用）$/);
    expect(text[hire + 8]).toMatch(/^5 \| 甲小学 /);
    expect(text[hire + 9]).toBe("费用：一次性投入 350.00 万元");
    expect(text[hire + 10]).toBe(
      "费用合计（按规划的单位成本）：一次性投入 350.00 万元，每年 30.00 万元；另有 2 项不计费用",
    );
    // the long merger wraps in its cell, nothing cut off; an edit's lines stay on one page
    expect(cutOff(sheet)).toEqual([]);
  });

  test("in English too", () => {
    const text = lines(scenario("en").sheet);
    expect(text.filter((l) => l.startsWith("Cost: "))).toEqual([
      "Cost: 300,000 yuan a year",
      "Cost: not priced (enrolment is not something the cost model prices)",
      "Cost: not priced (a merge's transport, boarding and refitting are not in the cost model)",
      "Cost: 3,500,000 yuan once",
    ]);
    expect(text.some((l) => l.startsWith("乙中学 merged into 甲小学: junior students +400"))).toBe(true);
    expect(text.some((l) => /^4 \| .* \(not applied\)$/.test(l))).toBe(true);
    expect(text).toContain(
      "Cost in all (at the plan's unit costs): 3,500,000 yuan once, 300,000 yuan a year; 2 edits not priced",
    );
  });
});

describe("a plan made after edits lists them with their cost, and adds theirs to its own", () => {
  async function sheet(lang: Lang, notApplied?: number) {
    const applied = editedCounty(records(), edits, NATIONAL_2017, lang);
    const cost = whatIfCost(edits, applied, DEFAULT_UNIT_COSTS);
    const plan = await planLeastCost(applied.records, NATIONAL_2017, DEFAULT_UNIT_COSTS);
    return {
      plan,
      sheet: planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, lang, {
        edits: { ...applied, cost, notApplied },
      }),
    };
  }

  test("the edits first, each with what it moved and cost; the plan's totals with the edits' beside", async () => {
    const { plan, sheet: s } = await sheet("zh", 1);
    const text = lines(s);
    expect(text[2]).toBe("一、模拟修改（本方案按修改后的学校表求出，原表未改动）");
    expect(text[4]).toMatch(/^1 \| 甲小学 /);
    expect(text[5]).toBe("费用：每年 30.00 万元");
    expect(text.indexOf("3 | 乙中学 并入 甲小学")).toBeGreaterThan(5);
    expect(text[text.indexOf("3 | 乙中学 并入 甲小学") + 1]).toMatch(
      /^乙中学并入甲小学：初中在校生 \+400 人，/,
    );
    // the fourth edit was not applied: it is not among those the plan was made after
    expect(text.filter((l) => /^\d \| /.test(l))).toHaveLength(4);
    expect(text).toContain(
      "费用合计（按规划的单位成本）：一次性投入 350.00 万元，每年 30.00 万元；另有 2 项不计费用",
    );
    expect(text).toContain("另有 1 项修改未能应用，不计入规划，见“模拟”页。");
    // the plan's parts follow, numbered on from the edits
    expect(text).toContain("二、新增教师（经常性支出，按年计）");
    expect(text).toContain("四、成本合计");
    // the plan and the edits together, part by part, the edits not priced left out (by hand: 万元 of each part)
    const wan = (yuan: number) => (yuan / 10000).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const together = text.find((l) => l.startsWith("连同修改清单本身的费用，合计："));
    expect(together).toBe(
      `连同修改清单本身的费用，合计：一次性投入 ${wan(plan.oneOffCost + 3_500_000)} 万元，每年 ${wan(plan.recurringCost + 300_000)} 万元（修改清单中不计费用的 2 项未计入）`,
    );
    expect(text.indexOf(together!)).toBeGreaterThan(text.indexOf("四、成本合计"));
    // no longer a note that repeats the edits
    expect(text.some((l) => l.startsWith("本方案按修改后的学校表求出"))).toBe(false);
    expect(cutOff(s)).toEqual([]);
  });

  test("in English; a plan for the table as read has none of it", async () => {
    const text = lines((await sheet("en")).sheet);
    expect(text[2]).toBe(
      "1. What-if edits (planned for the table after them; the table itself is unchanged)",
    );
    expect(text).toContain("Cost: 300,000 yuan a year");
    expect(text.some((l) => l.startsWith("With the edits' own cost, in all: "))).toBe(true);
    expect(text).toContain("2. Teachers to add (a cost every year)");
    const plain = lines(
      planSheet(
        await planLeastCost(records(), NATIONAL_2017, DEFAULT_UNIT_COSTS),
        DEFAULT_UNIT_COSTS,
        NATIONAL_2017,
        "zh",
      ),
    );
    expect(plain[2]).toBe("一、新增教师（经常性支出，按年计）");
    expect(plain.some((l) => l.includes("修改"))).toBe(false);
  });
});

describe("a long list of edits prints as the other tables do", () => {
  test("its header again at the top of each page it runs on to, no edit's rows parted from its number", () => {
    // 40 edits, each with its cost under it: some 80 rows, more than a landscape page holds
    const many: Edit[] = Array.from({ length: 40 }, (_, k) => ({
      kind: "hireTeachers",
      school: "甲小学",
      level: "primary",
      resource: "keyTeachers",
      count: k + 1,
    }));
    const result = evaluateScenario(records(), many, NATIONAL_2017);
    const sheet = scenarioSheet(
      many,
      result,
      whatIfCost(many, result, DEFAULT_UNIT_COSTS),
      NATIONAL_2017,
      "zh",
    );
    const text = lines(sheet);
    const header = text.indexOf("序号 | 修改") + 1;
    const copies = text.flatMap((l, i) => (l === "序号 | 修改" && i + 1 > header ? [i + 1] : []));
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(sheet.print!.rowBreaks).toEqual(expect.arrayContaining(copies));
    // under each copy an edit starts, with its number; every edit's number spans its own two rows
    for (const r of copies) expect(text[r]).toMatch(/^\d+ \| 甲小学 小学骨干教师 \+\d+ 人$/);
    const numbers = sheet.merges!.filter((m) => /^A\d+:A\d+$/.test(m));
    expect(numbers).toHaveLength(40);
    for (const m of numbers) {
      const [r0, r1] = m.split(":").map((end) => Number(end.slice(1)));
      expect([m, r1 - r0]).toEqual([m, 1]);
      expect(text[r1 - 1]).toMatch(/^费用：每年 [\d,.]+ 万元$/);
    }
  });
});
