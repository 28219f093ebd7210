/**
 * The built-in recipes (docs/import.md#recognition), as the product ships them. They are read without their schema
 * so that opening a workbook does not load the schema library; tests/recipe/recipe.test.ts checks that each passes
 * its schema unchanged, so a built-in that does not is found before it ships.
 */
import statisticsExport from "./builtin/statistics-export.json";
import jiaojiForms from "./builtin/jiaoji-forms.json";
import type { FormRecipe, Recipe, TableRecipe } from "./schema";

/** The statistics system's per-school export (教育事业统计): recognised without any setting. */
export const STATISTICS_EXPORT = statisticsExport as unknown as TableRecipe;

/** The per-school 教基 form workbooks: one workbook per school, figures found by their row and column labels. */
export const JIAOJI_FORMS = jiaojiForms as unknown as FormRecipe;

export const BUILT_IN_RECIPES: Readonly<Record<string, Recipe>> = {
  [STATISTICS_EXPORT.id as string]: STATISTICS_EXPORT,
  [JIAOJI_FORMS.id as string]: JIAOJI_FORMS,
};
