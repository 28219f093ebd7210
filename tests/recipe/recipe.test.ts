import { JIAOJI_FORMS, STATISTICS_EXPORT, parseRecipe, parseRecipeText } from "../../src/sheet/recipe/load";
import { planTable, recipeFit } from "../../src/sheet/recipe/table";
import { exportSheet, leagueRows } from "./exportFixture";

describe("recipe files (docs/import.md#recipe-format)", () => {
  it("checks the built-in recipes against their schema", () => {
    expect(STATISTICS_EXPORT.kind).toBe("table");
    expect(JIAOJI_FORMS.kind).toBe("forms");
    // shipped without their schema: each must pass it unchanged (no default filled in, no field dropped)
    for (const recipe of [STATISTICS_EXPORT, JIAOJI_FORMS]) {
      const checked = parseRecipe(JSON.parse(JSON.stringify(recipe)));
      expect(checked.ok && checked.recipe).toEqual(recipe);
    }
  });

  it("names the path of a wrong derivation", () => {
    const result = parseRecipe({
      rows: { name: "学校名称", type: "办学类型" },
      fields: { teachingArea: { difference: ["教学及辅助用房", 12] } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["fields.teachingArea.difference.1"]);
  });

  it("refuses a field the school table does not have, and a misspelt key", () => {
    const result = parseRecipe({
      rows: { name: "学校名称", type: "办学类型" },
      fields: { teachersQualified: "本科" },
      colums: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = JSON.stringify(result.errors);
    expect(text).toContain("teachersQualified");
    expect(text).toContain("colums");
  });

  it("refuses a difference of one term and an empty header path", () => {
    const one = parseRecipe({
      rows: { name: "学校名称", type: "办学类型" },
      fields: { sportsArea: { difference: ["a"] } },
    });
    expect(one.ok).toBe(false);
    const empty = parseRecipe({ rows: { name: " | ", type: "办学类型" }, fields: {} });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0].field).toBe("rows.name");
  });

  it("extends a built-in recipe key by key: one field switched, the others kept", () => {
    const result = parseRecipe({
      extends: "statistics-export",
      fields: { teachingArea: "校舍建筑面积›教学及辅助用房›计" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok || result.recipe.kind !== "table") return;
    expect(result.recipe.fields.teachingArea).toBe("校舍建筑面积›教学及辅助用房›计");
    expect(result.recipe.fields.sportsArea).toEqual(STATISTICS_EXPORT.fields.sportsArea);
    expect(result.recipe.rows).toEqual(STATISTICS_EXPORT.rows);
  });

  it("reports an unknown base recipe and text that is not JSON", () => {
    const base = parseRecipe({ extends: "hebei-export" });
    expect(base.ok || base.errors[0].field).toBe("extends");
    const text = parseRecipeText("{ fields: }");
    expect(text.ok || text.errors[0].field).toBe("(json)");
  });
});

describe("a recipe bound to a header", () => {
  const sheet = exportSheet(leagueRows());
  const plan = planTable(STATISTICS_EXPORT, sheet.columns);

  it("fits the statistics export whole", () => {
    expect(plan).not.toBeNull();
    expect(recipeFit(plan)).toBe(1);
    expect(plan?.unbound).toEqual([]);
  });

  it("writes each derivation as a clerk reads it, shared levels said once", () => {
    const text = new Map(plan?.fields.map((f) => [f.field, f.text]));
    expect(text.get("teachingArea")).toBe("教学及辅助用房›计 − 其中：室内体育用房");
    expect(text.get("sportsArea")).toBe("运动场地面积 + 校舍建筑面积›教学及辅助用房›其中：室内体育用房");
    expect(text.get("primaryQualifiedTeachers")).toBe("按学历分›博士研究生 + 硕士研究生 + 本科 + 专科");
    expect(text.get("juniorQualifiedTeachers")).toBe("按学历分›博士研究生 + 硕士研究生 + 本科");
    expect(text.get("primaryPeArtTeachers")).toBe("按授课课程分›体育与健康 + 音乐 + 美术 + 艺术");
    expect(text.get("equipmentValue")).toBe("教学仪器设备资产值（万元）");
    expect(text.get("primaryStudents")).toBe("在校生数›小学");
  });

  it("takes a table without indoor sports rooms as its teaching rooms alone (the recipe's firstOf)", () => {
    const columns = sheet.columns.filter((c) => !c.path.includes("其中：室内体育用房"));
    const without = planTable(STATISTICS_EXPORT, columns);
    const text = new Map(without?.fields.map((f) => [f.field, f.text]));
    expect(text.get("teachingArea")).toBe("校舍建筑面积›教学及辅助用房›计");
    expect(text.get("sportsArea")).toBe("运动场地面积");
  });

  it("does not fit a table without the school's name or type", () => {
    expect(
      planTable(
        STATISTICS_EXPORT,
        sheet.columns.filter((c) => c.path[0] !== "办学类型"),
      ),
    ).toBeNull();
  });
});
