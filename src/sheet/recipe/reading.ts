/**
 * What a reading through a recipe tells beside the records (docs/import.md): each field's derivation and the source
 * columns it reads, the row rules' columns, the fields the source lacks, the counties, and the canonical table the
 * schools make — for the pane's step 2, the JSON document and the 来源 sheet of `balance import`.
 */
import type { CanonicalTable } from "./canonical";
import { formDerivationText } from "./forms";
import { formulaText } from "./formula";
import { leavesOf } from "./derive";
import type { ExportReading } from "./readExport";
import type { FormCell, FormLabel, FormRecipe } from "./schema";
import { shownPattern } from "./patterns";
import { ROW_RULES, type RowRule, type TablePlan } from "./table";

/** A source column (or a form's figure) as a person finds it: its labels, and the cell of the last. */
export interface SourceColumnRef {
  path: string[];
  cell: string | null;
}

export interface RecipeReading {
  id: string | null;
  name: { zh: string; en: string } | null;
  /** whether the recipe was recognised from the header (the built-in) rather than given */
  recognised: boolean;
  /** each field derived: its derivation as a person reads it, as a line to edit (every column's whole path), and
   * the columns it reads */
  fields: { field: string; text: string; formula: string; columns: SourceColumnRef[] }[];
  /** the column of each row rule the source has (name, type, county, 是否计校数, 隶属学校, 城乡分类, 学段) */
  rules: { rule: RowRule; column: SourceColumnRef }[];
  /** the recipe's fields the source does not have, with what was looked for */
  unbound: { field: string; missing: string[] }[];
  /** the header cell of the table's county column, or null */
  countyColumn: string | null;
  /** the counties of the source, in order of appearance */
  counties: string[];
  /** the county read (the one the source names, when it names one), or null for all the source holds */
  county: string | null;
  /** the school table the schools make, equipment in 元 */
  table: CanonicalTable;
}

const lastCell = (cells: readonly string[]) => cells[cells.length - 1] ?? null;

export function tableRecipeReading(
  plan: TablePlan,
  recognised: boolean,
  exported: ExportReading,
  county: string | null,
): RecipeReading {
  const rules: RecipeReading["rules"] = [];
  for (const rule of ROW_RULES) {
    const column = plan.rules[rule];
    if (column) rules.push({ rule, column: { path: [...column.path], cell: lastCell(column.cells) } });
  }
  return {
    id: plan.recipe.id ?? null,
    name: plan.recipe.name ?? null,
    recognised,
    fields: plan.fields.map((f) => ({
      field: f.field,
      text: f.text,
      formula: formulaText(f.node),
      columns: leavesOf(f.node).map((l) => ({ path: [...l.column.path], cell: lastCell(l.column.cells) })),
    })),
    rules,
    unbound: plan.unbound.map((u) => ({ field: u.field, missing: [...u.missing] })),
    countyColumn: plan.rules.county ? lastCell(plan.rules.county.cells) : null,
    counties: exported.counties,
    county,
    table: exported.table,
  };
}

function formLeaves(derivation: unknown): FormCell[] {
  if (typeof derivation !== "object" || derivation === null) return [];
  if ("sheet" in derivation) return [derivation as FormCell];
  const parts = Object.values(derivation).find(Array.isArray) as unknown[] | undefined;
  // a firstOf is described by its first alternative, as its derivation text is
  if ("firstOf" in derivation) return formLeaves(parts?.[0]);
  return (parts ?? []).flatMap(formLeaves);
}

/** A form recipe's reading: its derivations as written (each workbook's figures are found by their labels). */
export function formRecipeReading(
  recipe: FormRecipe,
  exported: ExportReading,
  county: string | null,
): RecipeReading {
  const ref = (l: FormLabel): SourceColumnRef => ({ path: [l.sheet, shownPattern(l.label)], cell: null });
  const rules: RecipeReading["rules"] = [];
  for (const rule of ["name", "type", "county", "parent", "locale"] as const) {
    const label = recipe.rows[rule];
    if (label) rules.push({ rule, column: ref(label) });
  }
  const fields = Object.entries(recipe.fields).flatMap(([field, derivation]) =>
    derivation === undefined
      ? []
      : [
          {
            field,
            text: formDerivationText(derivation),
            formula: formDerivationText(derivation),
            columns: formLeaves(derivation).map((c) => ({
              path: [c.sheet, shownPattern(c.row), ...shownPattern(c.column).split("›")],
              cell: null,
            })),
          },
        ],
  );
  return {
    id: recipe.id ?? null,
    name: recipe.name ?? null,
    recognised: false,
    fields,
    rules,
    unbound: [],
    countyColumn: null,
    counties: exported.counties,
    county,
    table: exported.table,
  };
}
