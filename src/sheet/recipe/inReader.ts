/**
 * Recipes in the reader (docs/import.md#recognition): a table whose header the built-in statistics-export recipe
 * fits is read through it without any setting; a recipe the caller gives is used whatever the header. The header is
 * found and its rows walked as for any table (headerPaths, tableRows); the rows are then read through the recipe.
 */
import type { Grid } from "../grid";
import type { Problem } from "../../problems/problem";
import { collect } from "../read/figures";
import { GridView, isBlank } from "../read/gridView";
import { findHeader, withUnitRow, type HeaderReading, type MatchHeader } from "../read/headerPaths";
import { noSkippedRows, walkTable } from "../read/tableRows";
import { statedMoneyUnit } from "../read/units";
import type { ReadResult } from "../read/table";
import { STATISTICS_EXPORT } from "./builtin";
import { leavesOf } from "./derive";
import { foldLabel, parsePattern } from "./patterns";
import { readExport } from "./readExport";
import type { TableRecipe } from "./schema";
import { ROW_RULES, planTable, recipeFit } from "./table";
import { tableRecipeReading, type RecipeReading } from "./reading";

export type { RecipeReading } from "./reading";

/** A recipe fits a header when the header has at least this share of its fields. */
export const RECIPE_FIT = 0.5;

/** The id a label names for finding the header under a recipe: the row rule or field whose last level it spells. */
function recipeMatcher(recipe: TableRecipe): MatchHeader {
  const ids = new Map<string, string>();
  const add = (id: string, text: string) => {
    const pattern = parsePattern(text);
    const last = pattern?.levels[pattern.levels.length - 1];
    for (const spelling of last?.spellings ?? []) if (!ids.has(spelling)) ids.set(spelling, id);
  };
  for (const rule of ROW_RULES) {
    const text = recipe.rows[rule];
    if (text !== undefined) add(rule, text);
  }
  const leaves = (d: unknown): string[] =>
    typeof d === "string"
      ? [d]
      : typeof d === "object" && d !== null
        ? Object.values(d).flatMap((v) => (Array.isArray(v) ? v.flatMap(leaves) : []))
        : [];
  for (const [field, derivation] of Object.entries(recipe.fields)) {
    for (const text of leaves(derivation)) add(`recipe:${field}:${text}`, text);
  }
  // a header's labels are matched over and over while its rows are tried as blocks: each text once, for this read
  const matched = new Map<string, string | null>();
  return (text) => {
    let id = matched.get(text);
    if (id === undefined) {
      const folded = foldLabel(text);
      id = ids.get(folded) ?? ids.get(folded.replace(/\([^)]*\)$/u, "")) ?? null;
      matched.set(text, id);
    }
    return id;
  };
}

/**
 * Whether a sheet holds a table the recipe describes, for choosing the sheet to read through a recipe given: its
 * header is looked for in the top rows only, as holdsSchoolTable looks for the template's.
 */
export function holdsRecipeTable(recipe: TableRecipe): (grid: Grid) => boolean {
  const match = recipeMatcher(recipe);
  return (grid) => findHeader(new GridView(grid, []), match, false) !== null;
}

/**
 * A data row as the recipe reads it: a blank cell of a row rule's column (学校名称, 统计三级, 办学类型…) inside a
 * range merged down from a data row above takes that range's value, for a county or a school written once over its
 * rows (a combined school's 学段 rows under one merged name) belongs to each of them. Figures are not spread: a
 * merged number is one school's, counted once.
 */
function rowOfMergedLabels(
  view: GridView,
  labelColumns: readonly number[],
  firstDataRow: number,
): (r: number) => readonly unknown[] {
  if (view.merges === null || view.merges.length === 0) return (r) => view.row(r);
  return (r) => {
    let row = view.row(r);
    for (const c of labelColumns) {
      if (!isBlank(row[c])) continue;
      const m = view.mergeAt(r, c);
      if (!m || m.top >= r || m.top < firstDataRow) continue;
      if (row === view.row(r)) row = [...row];
      (row as unknown[])[c] = view.value(m.top, m.left);
    }
    return row;
  };
}

/** Whether the plain reading of a header already has the teachers of the school table: no recipe is tried then. */
function hasTemplateTeachers(found: HeaderReading | null): boolean {
  return found !== null && [...found.ids].some((id) => /QualifiedTeachers$/u.test(id));
}

export interface RecipeOptions {
  /** a recipe given by the caller; undefined: the built-in, where it fits the header */
  recipe?: TableRecipe;
  county?: string;
  /** the other names `county` goes by in the profile's plan (`countyNames`) */
  countyNames?: readonly string[];
  defaultUnit: "万元" | "元";
}

/**
 * Reads a table through a recipe, or returns null when none applies (no recipe given and the built-in does not fit):
 * the reader then reads the table as it reads the template. `found` is the reader's own reading of the header;
 * `readCanonical` reads the canonical table the recipe makes.
 */
export function readWithRecipe(
  view: GridView,
  found: HeaderReading | null,
  options: RecipeOptions,
  problems: Problem[],
  readCanonical: (grid: Grid) => ReadResult,
): (ReadResult & { recipe: RecipeReading }) | null {
  const given = options.recipe !== undefined;
  if (!given && hasTemplateTeachers(found)) return null;
  const recipe = options.recipe ?? STATISTICS_EXPORT;
  // the header's rows as the recipe reads them: a third level the reader names nothing in (按学历分›本科) is its own
  const header = findHeader(view, recipeMatcher(recipe), false);
  if (!header) {
    if (!given) return null;
    problems.push({
      severity: "error",
      code: "recipe-no-header",
      cell: null,
      message: {
        zh: `前几行中找不到配方所说的表头：须有学校名称列“${recipe.rows.name}”和办学类型列“${recipe.rows.type}”。`,
        en: `No header the recipe describes in the first rows: it needs the school column "${recipe.rows.name}" and the type column "${recipe.rows.type}".`,
      },
    });
    return null;
  }
  const nameCol = header.matches.find((m) => m.id === "name")?.column.index;
  const reading = withUnitRow(view, header, nameCol);
  const plan = planTable(recipe, reading.header.columns);
  if (!plan || (!given && recipeFit(plan) < RECIPE_FIT)) {
    if (given) {
      problems.push({
        severity: "error",
        code: "recipe-no-header",
        cell: null,
        message: {
          zh: `表头中找不到配方的学校名称列“${recipe.rows.name}”或办学类型列“${recipe.rows.type}”。`,
          en: `The header has no school column "${recipe.rows.name}" or type column "${recipe.rows.type}" of the recipe.`,
        },
      });
    }
    return null;
  }
  // a money unit stated above the header (金额单位：元) is the unit of a money column stating none
  const defaultUnit = statedMoneyUnit(view, reading.header.rows[0]) ?? options.defaultUnit;
  const dataRows: number[] = [];
  const labelColumns = Object.values(plan.rules).map((column) => column.index);
  const columns = {
    nameCol: plan.rules.name?.index,
    typeCol: plan.rules.type?.index,
    labelCols: labelColumns,
    figures: plan.fields.flatMap((f) => leavesOf(f.node).map((leaf) => ({ col: leaf.column.index }))),
  };
  const skippedRows = walkTable(view, reading.header.rows, columns, collect(problems), (r) =>
    dataRows.push(r),
  );
  const headerEnd = reading.header.rows[reading.header.rows.length - 1] + 1;
  const exported = readExport(
    {
      sheet: view.sheet,
      row: rowOfMergedLabels(view, labelColumns, headerEnd),
      dataRows,
      address: (r, c) => view.address(r, c),
      sheetRow: (r) => view.sheetRow(r),
    },
    plan,
    { county: options.county, countyNames: options.countyNames, defaultUnit },
    readCanonical,
  );
  const equipment = plan.fields.find((f) => f.field === "equipmentValue");
  const equipmentUnit =
    (equipment && equipment.node.kind === "leaf" ? equipment.node.leaf.unit : null) ?? defaultUnit;
  return {
    ...exported.read,
    problems: [...problems, ...exported.read.problems],
    headerRow: reading.header.rows[reading.header.rows.length - 1],
    equipmentUnit,
    header: reading.header,
    skippedRows: skippedRows ?? noSkippedRows(),
    recipe: tableRecipeReading(plan, !given, exported, exported.county),
  };
}
