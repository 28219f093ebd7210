import { parseFormula, formulaText } from "../../src/sheet/recipe/formula";
import { STATISTICS_EXPORT } from "../../src/sheet/recipe/load";
import { planTable } from "../../src/sheet/recipe/table";
import { exportSheet, leagueRows } from "./exportFixture";

describe("a derivation as a line of text (the pane's editor)", () => {
  it("reads sums and differences", () => {
    expect(parseFormula("运动场地面积")).toBe("运动场地面积");
    expect(parseFormula("A + B + C")).toEqual({ sum: ["A", "B", "C"] });
    expect(parseFormula("教学及辅助用房›计 − 其中：室内体育用房")).toEqual({
      difference: ["教学及辅助用房›计", "其中：室内体育用房"],
    });
    expect(parseFormula("A + B - C")).toEqual({ difference: [{ sum: ["A", "B"] }, "C"] });
    // a hyphen inside a label is no minus
    expect(parseFormula("高中阶段-以下")).toBe("高中阶段-以下");
  });

  it("refuses what it cannot say without brackets, and empty terms", () => {
    expect(parseFormula("A − B + C")).toBeNull();
    expect(parseFormula("A + ")).toBeNull();
    expect(parseFormula("")).toBeNull();
  });

  it("writes every bound derivation so that it reads back to the same columns", () => {
    const sheet = exportSheet(leagueRows());
    const plan = planTable(STATISTICS_EXPORT, sheet.columns);
    for (const f of plan?.fields ?? []) {
      const text = formulaText(f.node);
      const again = planTable(
        { ...STATISTICS_EXPORT, fields: { [f.field]: parseFormula(text) ?? "" } },
        sheet.columns,
      );
      expect(again?.fields[0].text).toBe(f.text);
    }
    const teaching = plan?.fields.find((f) => f.field === "teachingArea");
    expect(formulaText(teaching!.node)).toBe(
      "校舍建筑面积›教学及辅助用房›计 − 校舍建筑面积›教学及辅助用房›其中：室内体育用房",
    );
  });
});
