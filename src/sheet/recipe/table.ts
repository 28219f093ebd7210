/**
 * A table recipe bound to a table's header (docs/import.md#recipe-format): each row rule and each field's leaves
 * matched to the header's columns by their paths, then every row read — its identity, and each field derived with
 * the cells it came from.
 */
import { equipmentUnitOf } from "../headers";
import { hiddenColumnRead, unitConflict } from "../read/columnPlan";
import { readCell, readText } from "../cells";
import type { SchoolType } from "../../engine/records";
import { parseSchoolType } from "../vocabulary";
import { levelOfWord } from "../../engine/words";
import type { Problem } from "../../problems/problem";
import { COLUMNS, columnById, templateHeader, type ColumnKind } from "../../standard/columns";
import { recipeProblem } from "./problem";
import {
  bindDerivation,
  derivationText,
  deriveValue,
  leavesOf,
  type BoundLeaf,
  type BoundNode,
  type DerivedValue,
  type SaidCell,
} from "./derive";
import { columnsNamed, foldLabel, parsePattern, pathFit, shownPattern, type HeaderPattern } from "./patterns";
import type { TableRecipe, TypeWords } from "./schema";
import { typeNameOfCoded, withoutDivisionCode } from "./statisticsCodes";
import { fieldsSplitBySource, type IdentityCells, type RowLevel, type SourceRow } from "./schools";

/** A column of the table's header as the reader gives it (the reader's HeaderColumn). */
export interface RecipeColumn {
  /** 0-based index of the column in the grid's rows */
  index: number;
  /** its labels, top level first */
  path: readonly string[];
  /** the cell of each label */
  cells: readonly string[];
  /** the unit the table states for it (unit row or header), as written, or null */
  unit: { unit: string; cell: string } | null;
  /** the column is hidden in the sheet */
  hidden?: boolean;
}

export interface ColumnLeaf extends BoundLeaf {
  column: RecipeColumn;
}

export interface FieldPlan {
  field: string;
  node: BoundNode<ColumnLeaf>;
  /** the derivation as a person reads it: 教学及辅助用房›计 − 其中：室内体育用房 */
  text: string;
  /** read from a column headed with the school table's own name (docs/import.md#template-columns), not the
   * recipe's derivation: left out of how well the recipe fits */
  byTemplateHeader?: true;
}

export const ROW_RULES = [
  "name",
  "type",
  "county",
  "counted",
  "parent",
  "locale",
  "level",
  "place",
  "placeCode",
] as const;
export type RowRule = (typeof ROW_RULES)[number];

export interface TablePlan {
  recipe: TableRecipe;
  /** the column of each row rule the table has */
  rules: Partial<Record<RowRule, RecipeColumn>>;
  fields: FieldPlan[];
  /** fields of the recipe the table does not have, with the patterns that name no column */
  unbound: { field: string; missing: string[] }[];
  /** problems of the header: ambiguous patterns */
  problems: Problem[];
  /** the level fields derived from other columns than the same field of the other level (schools.ts) */
  splitByColumns: ReadonlySet<string>;
  types: TypeWords;
}

/** The money unit a column states (its unit row, else its header's brackets): 万元, 元, "other" or null. */
function moneyUnit(column: RecipeColumn): "万元" | "元" | "other" | null {
  const stated = column.unit ? equipmentUnitOf(column.unit.unit) : null;
  return stated ?? equipmentUnitOf(column.path[column.path.length - 1] ?? "");
}

/** A money column whose unit row states another money unit than its header's brackets: an error naming both. */
function unitsInConflict(column: RecipeColumn): Problem | null {
  const label = column.path[column.path.length - 1] ?? "";
  const ofRow = column.unit ? equipmentUnitOf(column.unit.unit) : null;
  const ofHeader = equipmentUnitOf(label);
  if (!column.unit || ofRow === null || ofHeader === null || ofRow === ofHeader) return null;
  const headerCell = column.cells[column.cells.length - 1] ?? "";
  return unitConflict({ cell: column.unit.cell, text: column.unit.unit }, { cell: headerCell, text: label });
}

/** A money column in a unit the reader does not convert (千元, 亿元) is an error naming where the unit is said. */
function unitProblem(column: RecipeColumn): Problem {
  const cell = column.unit?.cell ?? column.cells[column.cells.length - 1] ?? null;
  const said = column.path.join("›");
  return recipeProblem(
    "error",
    "equipment-unit-unknown",
    cell,
    `“${said}”的金额单位无法换算，请使用万元或元。`,
    `The money unit of "${said}" cannot be converted; use 万元 (10k yuan) or 元 (yuan).`,
  );
}

/**
 * Binds a table recipe to a header's columns. Each pattern takes the column it fits most closely (the leftmost of
 * equals, with a warning naming both). Null when the table has no column for the school's name or type.
 */
export function planTable(recipe: TableRecipe, columns: readonly RecipeColumn[]): TablePlan | null {
  const problems: Problem[] = [];
  const warned = new Set<string>();
  // the recipe names a column in several fields (室内体育用房 twice): each pattern read and looked for once
  const found = new Map<string, RecipeColumn | null>();
  const find = (text: string): RecipeColumn | null => {
    let column = found.get(text);
    if (column === undefined) {
      column = findColumn(text);
      found.set(text, column);
    }
    return column;
  };
  const findColumn = (text: string): RecipeColumn | null => {
    const pattern = parsePattern(text) as HeaderPattern;
    const named = columnsNamed(pattern, columns);
    if (named.length === 0) return null;
    // of the columns fitting alike, a visible one before a hidden one (a stale copy hidden in the sheet)
    const best = pathFit(pattern, named[0].path);
    const alike = named.filter((c) => pathFit(pattern, c.path) === best);
    const chosen = alike.find((c) => !c.hidden) ?? alike[0];
    const other = alike.find((c) => c !== chosen);
    if (other && !warned.has(text)) {
      warned.add(text);
      const cellA = lastCell(chosen);
      const cellB = lastCell(other);
      const hiddenZh = (c: RecipeColumn) => (c.hidden ? "（隐藏列）" : "");
      const hiddenEn = (c: RecipeColumn) => (c.hidden ? " (hidden)" : "");
      problems.push({
        severity: "warning",
        code: "recipe-column-ambiguous",
        cell: cellB,
        message: {
          zh: `配方的“${shownPattern(text)}”与 ${cellA}${hiddenZh(chosen)} 和 ${cellB}${hiddenZh(other)} 两列都相符，读取了 ${cellA}。`,
          en: `The recipe's "${shownPattern(text)}" fits both ${cellA}${hiddenEn(chosen)} and ${cellB}${hiddenEn(other)}; ${cellA} was read.`,
        },
      });
    }
    return chosen;
  };
  const rules: Partial<Record<RowRule, RecipeColumn>> = {};
  for (const rule of ROW_RULES) {
    const text = recipe.rows[rule];
    const column = text === undefined ? null : find(text);
    if (column) rules[rule] = column;
  }
  if (!rules.name || !rules.type) return null;

  const fields: FieldPlan[] = [];
  const unbound: TablePlan["unbound"] = [];
  for (const [field, derivation] of Object.entries(recipe.fields)) {
    if (derivation === undefined) continue;
    const money = columnById(field)?.kind === "money";
    const bound = bindDerivation<string, ColumnLeaf>(derivation, (text) => {
      const column = find(text);
      if (!column) return { ok: false, missing: shownPattern(text) };
      const unit = moneyUnit(column);
      if (money && unit === "other") problems.push(unitProblem(column));
      const conflict = money ? unitsInConflict(column) : null;
      if (conflict) problems.push(conflict);
      return { ok: true, leaf: { column, labels: column.path, unit: unit === "other" ? null : unit } };
    });
    if (bound.ok) fields.push({ field, node: bound.node, text: derivationText(bound.node) });
    else unbound.push({ field, missing: bound.missing });
  }
  // a figure the recipe does not derive (or the table lacks its columns for) is read from a column the clerk adds
  // under the school table's own header: 音乐专用教室数, 小学最大班额 (docs/import.md#template-columns)
  const derived = new Set(fields.map((f) => f.field));
  for (const column of COLUMNS) {
    if (derived.has(column.id) || !FIGURE_KINDS.has(column.kind)) continue;
    const spellings = [templateHeader(column), column.zh, ...(column.aliases ?? [])];
    const found = find(spellings.map((s) => s.replace(/[|›>]/gu, "")).join("|"));
    if (!found) continue;
    const money = column.kind === "money";
    const unit = moneyUnit(found);
    if (money && unit === "other") problems.push(unitProblem(found));
    const leaf: ColumnLeaf = { column: found, labels: found.path, unit: unit === "other" ? null : unit };
    const node: BoundNode<ColumnLeaf> = { kind: "leaf", leaf };
    fields.push({ field: column.id, node, text: derivationText(node), byTemplateHeader: true });
    const i = unbound.findIndex((u) => u.field === column.id);
    if (i >= 0) unbound.splice(i, 1);
  }
  problems.push(...hiddenColumnsRead(rules, fields));
  const splitByColumns = fieldsSplitBySource(
    new Map(fields.map((f) => [f.field, new Set(leavesOf(f.node).map((l) => String(l.column.index)))])),
  );
  const types: Record<string, SchoolType | null> = {};
  for (const [word, type] of Object.entries(recipe.types ?? {})) types[foldLabel(word)] = type;
  return { recipe, rules, fields, unbound, problems, splitByColumns, types };
}

function lastCell(column: RecipeColumn): string {
  return column.cells[column.cells.length - 1] ?? "";
}

/** A column read that is hidden in the sheet is read, and said to be hidden, as the template's reader says it. */
function hiddenColumnsRead(
  rules: Partial<Record<RowRule, RecipeColumn>>,
  fields: readonly FieldPlan[],
): Problem[] {
  const read = new Set<RecipeColumn>([
    ...Object.values(rules),
    ...fields.flatMap((f) => leavesOf(f.node).map((l) => l.column)),
  ]);
  return [...read]
    .filter((column) => column.hidden)
    .sort((a, b) => a.index - b.index)
    .map((column) => hiddenColumnRead(lastCell(column), column.path.join("›")));
}

/**
 * How well a recipe fits a header: the share of its fields the header has (0 to 1), 0 without the name and type
 * columns. The reader takes a built-in recipe when it fits at least half.
 */
export function recipeFit(plan: TablePlan | null): number {
  if (!plan) return 0;
  const own = plan.fields.filter((f) => !f.byTemplateHeader).length;
  const total = Object.values(plan.recipe.fields).filter((d) => d !== undefined).length;
  return total === 0 ? 0 : own / total;
}

/** The school table's columns a clerk may add to an export by their own header: figures, not names or words. */
const FIGURE_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["count", "area", "money", "rooms"]);

/** 是否计校数 as the statistics write it: 是/否, 1/0, TRUE/FALSE, Y/N. */
const COUNTED_YES: ReadonlySet<string> = new Set(["是", "1", "true", "y", "yes", "计"]);
const COUNTED_NO: ReadonlySet<string> = new Set(["否", "0", "false", "n", "no", "不计"]);

/** A 学段 as a recipe or a row writes it, in the words of the engine's vocabulary (levelOfWord). */
export function parseLevel(text: string): RowLevel | null {
  return levelOfWord(foldLabel(text));
}

/** The type a 办学类型 word names: the recipe's words first (null: out of scope), then the school table's. */
export function typeOfWord(text: string, types: TypeWords): SchoolType | null | undefined {
  const folded = foldLabel(text);
  if (Object.prototype.hasOwnProperty.call(types, folded)) return types[folded];
  const direct = parseSchoolType(text);
  if (direct) return direct;
  // a name given with its code (211小学, 218): the code's name, read as the name would be
  const named = typeNameOfCoded(text);
  return named === null ? undefined : typeOfWord(named, types);
}

function warn(problems: Problem[], code: string, cell: string, zh: string, en: string): void {
  problems.push({ severity: "warning", code, cell, message: { zh, en } });
}

/** What reading rows needs besides the plan: where cells are, the default money unit, where problems go. */
export interface TableRowContext {
  /** the address of a cell: 0-based grid row and column */
  address(row: number, col: number): string;
  defaultUnit: "万元" | "元";
  problems: Problem[];
}

/** Reads one row of the table under a recipe: its identity and each field derived. */
export function readTableRow(
  plan: TablePlan,
  row: readonly unknown[],
  rowNumber: number,
  gridRow: number,
  ctx: TableRowContext,
): SourceRow {
  const { rules } = plan;
  const cellOf = (rule: RowRule): string | null =>
    rules[rule] ? ctx.address(gridRow, (rules[rule] as RecipeColumn).index) : null;
  const textOf = (rule: RowRule): string | null => {
    const column = rules[rule];
    if (!column) return null;
    const t = readText(row[column.index]);
    return t.kind === "text" ? t.text : null;
  };
  const cells: IdentityCells = {
    name: cellOf("name") as string,
    type: cellOf("type"),
    county: cellOf("county"),
    counted: cellOf("counted"),
    parent: cellOf("parent"),
    locale: cellOf("locale"),
    level: cellOf("level"),
  };
  const typeText = textOf("type");
  const countyText = textOf("county");
  const countedText = rules.counted ? readCell(row[rules.counted.index]) : null;
  let counted = true;
  if (countedText && countedText.kind !== "blank") {
    const word = foldLabel(
      countedText.kind === "number" || countedText.kind === "boolean"
        ? String(countedText.value)
        : "text" in countedText
          ? countedText.text
          : "",
    );
    if (COUNTED_NO.has(word)) counted = false;
    else if (!COUNTED_YES.has(word)) {
      warn(
        ctx.problems,
        "counted-unknown",
        cells.counted as string,
        `${cells.counted}“是否计校数”应为“是”或“否”，按“是”处理。`,
        `${cells.counted}: 是否计校数 should be 是 (yes) or 否 (no); read as 是.`,
      );
    }
  }
  const levelText = textOf("level");
  const level = levelText === null ? null : parseLevel(levelText);
  if (levelText !== null && level === null) {
    warn(
      ctx.problems,
      "level-unknown",
      cells.level as string,
      `${cells.level}学段“${levelText}”无法识别（应为小学、初中或高中），已忽略。`,
      `${cells.level}: the 学段 "${levelText}" is not known (小学, 初中 or 高中); ignored.`,
    );
  }
  const fields = new Map<string, DerivedValue>();
  const said = new Map<string, SaidCell>();
  for (const f of plan.fields) {
    fields.set(
      f.field,
      deriveValue(
        f.node,
        (leaf) => ({ raw: row[leaf.column.index], cell: ctx.address(gridRow, leaf.column.index) }),
        {
          field: f.field,
          derivation: f.text,
          defaultUnit: ctx.defaultUnit,
          report: (p) => ctx.problems.push(p),
          said,
        },
      ),
    );
  }
  return {
    row: rowNumber,
    gridRow,
    cells,
    name: textOf("name"),
    typeText,
    type: typeText === null ? undefined : typeOfWord(typeText, plan.types),
    county: countyText === null ? null : withoutDivisionCode(countyText),
    counted,
    parent: textOf("parent"),
    locale: textOf("locale"),
    level,
    fields,
  };
}
