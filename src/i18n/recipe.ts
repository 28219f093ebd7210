/**
 * The words of the pane's step 2 for a table read through a recipe (docs/import.md), in the same key set as
 * ./messages.ts, which merges them in. Chinese is the reference; English has every key (the type says so).
 */
export const RECIPE_ZH = {
  recipeReadBy: "按配方“{name}”读取",
  recipeRecognised: "（自动识别为统计导出表）",
  recipeChanged: "已修改",
  recipeCounty: "评估哪个旗县市区",
  recipeCountyAsk: "表中有 {n} 个旗县市区，请选择要评估的一个。",
  recipeCountyNone: "（请选择）",
  recipeFieldsHelp:
    "每一列由导出表的哪些列算出。点“修改”可改写推导：各项写表头路径（如 专任教师›按学历分›本科），用 + 相加、− 相减。",
  recipeKept: "改动和所选旗县随工作簿保存。",
  recipeSession: "改动和所选旗县只在本次打开期间有效，不会写进下载的工作簿；下次打开时需重新选择。",
  recipeSources: "来源：{cells}",
  recipeNotFound: "表中找不到：{missing}",
  recipeEdit: "修改",
  recipeApply: "应用",
  recipeCancel: "取消",
  recipeInvalid: "无法使用这个推导：各项须是表中的表头路径，用 + 或 − 连接（减去之后不能再加）。",
  recipeReset: "恢复内置配方",
  convertToTable: "转换为标准学校表",
  convertHelp:
    "把读取结果写成两张新工作表：“标准学校表”（模板格式，一校一行）和“来源”（每列的推导和来源列）。",
};

export type RecipeMessageKey = keyof typeof RECIPE_ZH;

export const RECIPE_EN: Record<RecipeMessageKey, string> = {
  recipeReadBy: 'Read through the recipe "{name}"',
  recipeRecognised: " (recognised as a statistics export)",
  recipeChanged: "changed",
  recipeCounty: "County to evaluate",
  recipeCountyAsk: "The table holds {n} counties; choose the one to evaluate.",
  recipeCountyNone: "(choose)",
  recipeFieldsHelp:
    "Which of the export's columns each field is computed from. Change a derivation with “Change”: write header paths (such as 专任教师›按学历分›本科) joined by + and −.",
  recipeKept: "Changes and the county chosen are saved with the workbook.",
  recipeSession:
    "Changes and the county chosen last while the workbook is open here; they are not kept in the downloaded workbook, so choose again next time.",
  recipeSources: "Sources: {cells}",
  recipeNotFound: "Not in the table: {missing}",
  recipeEdit: "Change",
  recipeApply: "Apply",
  recipeCancel: "Cancel",
  recipeInvalid:
    "This derivation cannot be used: each term must be a header path of the table, joined by + or − (nothing added after a subtraction).",
  recipeReset: "Back to the built-in recipe",
  convertToTable: "Convert to the school table",
  convertHelp:
    "Writes what was read as two new sheets: 标准学校表 (the template's layout, one row per school) and 来源 (each column's derivation and source columns).",
};
