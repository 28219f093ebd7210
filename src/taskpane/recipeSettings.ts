/**
 * A statistics export's recipe and county as the workbook keeps them (docs/import.md#recipe-format): per sheet, the
 * recipe the clerk changed, written as a recipe file would be (`"extends"` the built-in and the fields changed), and
 * the county chosen from a table of several.
 */
import { parseFormula } from "../sheet/recipe/formula";
import { parseRecipe } from "../sheet/recipe/load";
import type { TableRecipe } from "../sheet/recipe/schema";
import { planTable, type RecipeColumn } from "../sheet/recipe/table";

export const RECIPE_SETTINGS_KEY = "recipes";

export interface SavedRecipe {
  /** a recipe file's JSON: { "extends": "statistics-export", "fields": { … } } */
  recipe?: Record<string, unknown>;
  county?: string;
}

export type SavedRecipes = Record<string, SavedRecipe>;

/** What the reader is given for a sheet: its changed recipe (none: the built-in, where it fits) and county. */
export interface TableChoices {
  recipe?: TableRecipe;
  county?: string;
}

/** The reader's choices of a saved entry; a saved recipe that no longer passes is left out. */
export function choicesOf(saved: SavedRecipe | undefined): TableChoices {
  const choices: TableChoices = {};
  if (typeof saved?.county === "string") choices.county = saved.county;
  if (saved?.recipe) {
    const parsed = parseRecipe(saved.recipe);
    if (parsed.ok && parsed.recipe.kind === "table") choices.recipe = parsed.recipe;
  }
  return choices;
}

/**
 * The entry with one field's derivation changed to what a line of text says (formula.ts), on top of the recipe `base`
 * (the built-in's id); null when the line says no derivation, or one whose columns the table's header lacks.
 */
export function withDerivation(
  saved: SavedRecipe | undefined,
  base: string,
  field: string,
  text: string,
  columns: readonly RecipeColumn[],
): SavedRecipe | null {
  const derivation = parseFormula(text);
  if (derivation === null) return null;
  const recipe = saved?.recipe ?? { extends: base };
  const fields = { ...((recipe.fields as Record<string, unknown> | undefined) ?? {}), [field]: derivation };
  const next = { ...recipe, fields };
  const parsed = parseRecipe(next);
  if (!parsed.ok || parsed.recipe.kind !== "table") return null;
  const plan = planTable(parsed.recipe, columns);
  return plan?.fields.some((f) => f.field === field) ? { ...saved, recipe: next } : null;
}
