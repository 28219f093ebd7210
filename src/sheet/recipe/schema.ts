/**
 * Recipes as data (docs/import.md#recipe-format): how the figures of the school table are derived from another
 * table's columns — one column, a sum, a difference, the first alternative the table has — and which columns say
 * what a row is (its school, type, county, whether it counts as a school, the school it belongs to, its 学段).
 * A recipe is a JSON file checked here, like a profile (src/standard/load.ts): objects are strict, and every error
 * names the path of the field that is wrong.
 */
import { z } from "zod";
import { SCHOOL_TYPES, type SchoolType } from "../../engine/records";
import { COLUMNS } from "../../standard/columns";
import { parsePattern } from "./patterns";
import { schemaIssueText, WITH_INPUT } from "../../problems/schemaIssue";

/** The identity columns of the template, which a recipe gives as row rules rather than as figures. */
export const IDENTITY_FIELDS = ["name", "type", "locale", "parent"] as const;

/** The fields a recipe may derive: every column of the school table that holds a figure. */
export const RECIPE_FIELD_IDS: readonly string[] = COLUMNS.map((c) => c.id).filter(
  (id) => !(IDENTITY_FIELDS as readonly string[]).includes(id),
);

/** A leaf of a derivation in a table recipe: a header path pattern (patterns.ts). */
const patternText = z
  .string()
  .min(1)
  .refine((text) => parsePattern(text) !== null, { message: "表头路径为空 / the header path is empty" });

/** A leaf of a derivation in a form recipe: the figure where a row label meets a column label on a sheet. */
const formCell = z
  .object({
    /** the sheet's name starts with this (教基4155 reads 教基4155_小学) */
    sheet: z.string().min(1),
    /** the row's label (a pattern level: spellings separated by |) */
    row: patternText,
    /** the column's header path pattern */
    column: patternText,
  })
  .strict();

/** A leaf of a form recipe's row rules: the value written beside a label (学校名称 | 某某小学). */
const formLabel = z.object({ sheet: z.string().min(1), label: patternText }).strict();

export type FormCell = z.infer<typeof formCell>;
export type FormLabel = z.infer<typeof formLabel>;

/** How a field is derived: a leaf, or a sum, a difference (the first less the others), the first alternative found. */
export type Derivation<Leaf> =
  Leaf | { sum: Derivation<Leaf>[] } | { difference: Derivation<Leaf>[] } | { firstOf: Derivation<Leaf>[] };

function derivationSchema<Leaf>(leaf: z.ZodType<Leaf>): z.ZodType<Derivation<Leaf>> {
  const node: z.ZodType<Derivation<Leaf>> = z.lazy(() =>
    z.union([
      leaf,
      z.object({ sum: z.array(node).min(1) }).strict(),
      z.object({ difference: z.array(node).min(2) }).strict(),
      z.object({ firstOf: z.array(node).min(1) }).strict(),
    ]),
  ) as z.ZodType<Derivation<Leaf>>;
  return node;
}

function fieldsSchema<Leaf>(leaf: z.ZodType<Leaf>) {
  const derivation = derivationSchema(leaf);
  return z
    .object(Object.fromEntries(RECIPE_FIELD_IDS.map((id) => [id, derivation.optional()])))
    .strict() as unknown as z.ZodType<Partial<Record<string, Derivation<Leaf>>>>;
}

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * Extra words of a 办学类型 column: the school type each means, or null for rows outside compulsory education
 * (高级中学, 幼儿园), which are left out.
 */
const typeWords = z.record(z.string().min(1), z.enum(SCHOOL_TYPES).nullable());

export const tableRecipeSchema = z
  .object({
    kind: z.literal("table"),
    id: z.string().min(1).optional(),
    name: bilingual.optional(),
    /** the columns that say what a row is */
    rows: z
      .object({
        name: patternText,
        type: patternText,
        /** the county of the row: a table of several counties is read one county at a time */
        county: patternText.optional(),
        /** 所在地区: the row's place, a path or a name, its county read when the table has no county column */
        place: patternText.optional(),
        /** 行政区划代码: the row's division code, its first six digits the county's, read when no other says it */
        placeCode: patternText.optional(),
        /** 是否计校数: a row that does not count as a school (是否计校数 = 否) joins its parent unless a teaching point */
        counted: patternText.optional(),
        /** 隶属学校: the school an uncounted campus or a teaching point belongs to */
        parent: patternText.optional(),
        locale: patternText.optional(),
        /** 学段: a combined school given as one row per 学段 */
        level: patternText.optional(),
      })
      .strict(),
    types: typeWords.optional(),
    fields: fieldsSchema(patternText),
  })
  .strict();

export const formRecipeSchema = z
  .object({
    kind: z.literal("forms"),
    id: z.string().min(1).optional(),
    name: bilingual.optional(),
    rows: z
      .object({
        name: formLabel,
        type: formLabel,
        county: formLabel.optional(),
        parent: formLabel.optional(),
        locale: formLabel.optional(),
      })
      .strict(),
    types: typeWords.optional(),
    fields: fieldsSchema(formCell),
  })
  .strict();

export type TableRecipe = z.infer<typeof tableRecipeSchema>;
export type FormRecipe = z.infer<typeof formRecipeSchema>;
export type Recipe = TableRecipe | FormRecipe;
export type TableDerivation = Derivation<string>;

export interface RecipeError {
  /** dotted path of the bad field, e.g. `fields.teachingArea.difference.1` */
  field: string;
  message: { zh: string; en: string };
}

export type RecipeResult<R> = { ok: true; recipe: R } | { ok: false; errors: RecipeError[] };

/** The extra type words of a recipe as a map of folded word → type (null: not evaluated). */
export type TypeWords = Readonly<Record<string, SchoolType | null>>;

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: Issue[][];
  keys?: string[];
}

/** The issue a person needs among a union's alternatives: the one that got furthest into the value. */
function deepest(issue: Issue, prefix: PropertyKey[]): { path: PropertyKey[]; issue: Issue } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || !issue.errors) return { path, issue };
  let best: { path: PropertyKey[]; issue: Issue } | null = null;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const found = deepest(inner, path);
      const moreSpecific = inner.code !== "invalid_type" || found.path.length > path.length;
      if (!best || (moreSpecific && found.path.length > best.path.length)) best = found;
    }
  }
  return best && best.path.length > path.length ? best : { path, issue };
}

function recipeError(issue: Issue): RecipeError {
  const found = deepest(issue, []);
  const field = found.path.map(String).join(".") || "(root)";
  if (found.issue.code === "unrecognized_keys") {
    const given = found.issue.keys ?? [];
    const keys = given.join(", ");
    const unknown = given.length === 1 ? "unknown key" : "unknown keys";
    return {
      field,
      message: { zh: `${field} 中有未知的键：${keys}`, en: `${unknown} in ${field}: ${keys}` },
    };
  }
  if (found.issue.code === "invalid_union") {
    return {
      field,
      message: {
        zh: `字段 ${field} 无效：应为表头路径（文字），或 {"sum": […]}、{"difference": […]}、{"firstOf": […]} 之一`,
        en: `field ${field} is invalid: expected a header path (text) or one of {"sum": […]}, {"difference": […]}, {"firstOf": […]}`,
      },
    };
  }
  const text = schemaIssueText(found.issue as unknown as z.core.$ZodIssue);
  return {
    field,
    message: { zh: `字段 ${field} 无效：${text.zh}`, en: `field ${field} is invalid: ${text.en}` },
  };
}

/** Checks a parsed recipe against a schema, errors naming their paths. */
export function checkRecipe<R>(schema: z.ZodType<R>, json: unknown): RecipeResult<R> {
  const parsed = schema.safeParse(json, WITH_INPUT);
  if (parsed.success) return { ok: true, recipe: parsed.data };
  return { ok: false, errors: (parsed.error.issues as unknown as Issue[]).map(recipeError) };
}
