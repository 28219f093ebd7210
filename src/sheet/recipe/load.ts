/**
 * Recipe files (docs/import.md#recipe-format): a recipe is given whole, or as `"extends": "<built-in id>"` and the
 * parts it changes. Extending replaces per key — a field's derivation, a row rule, a type word — and never merges
 * two derivations into one.
 */
import { readHandJson } from "../../problems/handJson";
import { BUILT_IN_RECIPES } from "./builtin";
import {
  checkRecipe,
  formRecipeSchema,
  tableRecipeSchema,
  type Recipe,
  type RecipeError,
  type RecipeResult,
} from "./schema";

export { BUILT_IN_RECIPES, JIAOJI_FORMS, STATISTICS_EXPORT } from "./builtin";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The parts of a recipe an extending file replaces key by key. */
const KEYED = ["rows", "types", "fields"] as const;

function extend(base: Recipe, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...patch };
  for (const key of KEYED) {
    const own = patch[key];
    if (isPlainObject(own)) merged[key] = { ...(base[key] ?? {}), ...own };
  }
  return merged;
}

function error(field: string, zh: string, en: string): { ok: false; errors: RecipeError[] } {
  return { ok: false, errors: [{ field, message: { zh, en } }] };
}

/** Checks a recipe (parsed JSON): `kind` is "table" unless the recipe says "forms" or extends a forms recipe. */
export function parseRecipe(json: unknown): RecipeResult<Recipe> {
  if (!isPlainObject(json)) {
    return error("(root)", "配方应为一个 JSON 对象", "a recipe must be a JSON object");
  }
  let candidate: Record<string, unknown> = json;
  if (json.extends !== undefined) {
    const base = typeof json.extends === "string" ? BUILT_IN_RECIPES[json.extends] : undefined;
    if (!base) {
      const known = Object.keys(BUILT_IN_RECIPES).join(", ");
      return error(
        "extends",
        `未知的内置配方“${String(json.extends)}”（可用：${known}）`,
        `unknown built-in recipe "${String(json.extends)}" (known: ${known})`,
      );
    }
    const { extends: _base, ...rest } = json;
    candidate = extend(base, rest);
    // an extending recipe is a new recipe: it keeps the base's id only if it names none of its own
    if (rest.id === undefined) delete candidate.id;
  }
  const kind = candidate.kind ?? "table";
  if (kind === "forms") return checkRecipe(formRecipeSchema, candidate);
  return checkRecipe(tableRecipeSchema, { ...candidate, kind });
}

/**
 * Parses a recipe's text as a person wrote it (docs/cli.md#hand-written, `readHandJson`): a fault of its JSON — a key
 * written twice, a Chinese comma, 1e400 — is reported like a bad field, at its line and column.
 */
export function parseRecipeText(text: string): RecipeResult<Recipe> {
  const json = readHandJson(text);
  if (!json.ok) return { ok: false, errors: [{ field: "(json)", message: json.message }] };
  return parseRecipe(json.value);
}
