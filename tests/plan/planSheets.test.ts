import { planLeastCost } from "../../src/engine/plan/leastCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { planSheet } from "../../src/report/planSheets";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { generateCounty } from "./county";

describe("the plan as a sheet", () => {
  test("its notes give the simple top-up in 万元 and the proven gap as a percentage, Chinese and English", async () => {
    const records = generateCounty(12, 10, { low: 0.2, high: 4.5 });
    const plan = await planLeastCost(records, NATIONAL_2017, undefined, { refine: false });
    expect(plan.method).toBe("coefficients");
    const notes = (lang: "zh" | "en") =>
      planSheet(plan, DEFAULT_UNIT_COSTS, NATIONAL_2017, lang)
        .rows.flat()
        .filter((cell) => cell.style === "note")
        .map((cell) => String(cell.value));
    const zh = notes("zh");
    const gap = ((plan.cv.gap as number) * 100).toFixed(3);
    const wan = (plan.baselineCost / 10000).toLocaleString("zh-CN", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    expect(zh.some((n) => n.includes(`简单方案成本：${wan} 万元`))).toBe(true);
    expect(zh.some((n) => n.includes(`与已证明的下界相差 ${gap}%`))).toBe(true);
    const en = notes("en");
    expect(en.some((n) => n.includes(`within ${gap}% of the proven lower bound`))).toBe(true);
    expect(en.some((n) => /\d{1,3}(,\d{3})+ yuan/.test(n))).toBe(true);
  });
});
