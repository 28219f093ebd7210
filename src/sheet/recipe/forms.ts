/**
 * The per-school 教基 form workbooks (docs/import.md#jiaoji-forms): one workbook per school, sheets named 教基3112,
 * 教基4155, 教基5170, … (with a suffix such as _小学). A figure is where a row label meets a column's header path
 * — 总计 × 在校生数›合计 — found by the labels, not by a fixed cell, so that the forms of different years and school
 * types, whose rows and columns shift, read alike.
 */
import type { Grid } from "../grid";
import { GridView } from "../read/gridView";
import type { Problem } from "../../problems/problem";
import type { SchoolType } from "../../engine/records";
import { bindDerivation, derivationText, deriveValue, type BoundLeaf, type DerivedValue } from "./derive";
import { besideLabel, findFigure, formSheet } from "./formLayout";
import { parsePattern, shownPattern, type HeaderPattern } from "./patterns";
import type { Derivation, FormCell, FormLabel, FormRecipe } from "./schema";
import { fieldsSplitBySource, type ImportedSchool, type SourceRow } from "./schools";
import { typeOfWord } from "./table";
import { readSourceRows, type ExportOptions, type ExportReading } from "./readExport";
import { selectCounty } from "./rowGroups";
import type { ReadResult } from "../read";
import { foldLabel } from "./patterns";
import { withoutDivisionCode } from "./statisticsCodes";

/** One school's workbook: its file name and sheets. */
export interface FormWorkbook {
  file: string;
  grids: readonly Grid[];
}

interface FormLeaf extends BoundLeaf {
  view: GridView;
  row: number;
  col: number;
}

/** Where a cell of a form workbook is: `[学校.xlsx]教基4155_小学!C9`. */
function formAddress(file: string, view: GridView, row: number, col: number): string {
  return `[${file}]${view.address(row, col)}`;
}

type Binding = { ok: true; leaf: FormLeaf } | { ok: false; missing: string };

/** A form's figure located by its labels; missing names the sheet when the workbook lacks it. */
function locate(views: readonly GridView[], cell: FormCell, labelsNotFound: string[]): Binding {
  const view = formSheet(views, cell.sheet);
  const named = `${cell.sheet}›${shownPattern(cell.row)}›${shownPattern(cell.column)}`;
  if (!view) return { ok: false, missing: named };
  const found = findFigure(
    view,
    parsePattern(cell.row) as HeaderPattern,
    parsePattern(cell.column) as HeaderPattern,
  );
  if (!found.ok) {
    labelsNotFound.push(`${view.sheet}›${shownPattern(found.notFound === "row" ? cell.row : cell.column)}`);
    return { ok: false, missing: named };
  }
  const { row, col, labels, unit } = found.figure;
  return { ok: true, leaf: { view, row, col, labels, unit } };
}

/** A row rule's value: written beside its label. */
function identity(
  workbook: FormWorkbook,
  views: readonly GridView[],
  rule: FormLabel | undefined,
): { text: string | null; cell: string | null } {
  const view = rule ? formSheet(views, rule.sheet) : undefined;
  const found =
    view && rule ? besideLabel(view, (parsePattern(rule.label) as HeaderPattern).levels[0]) : null;
  if (!view || !found) return { text: null, cell: null };
  return { text: found.text, cell: formAddress(workbook.file, view, found.row, found.col) };
}

function leafKeys<L>(derivation: Derivation<L>): string[] {
  if (typeof derivation === "object" && derivation !== null) {
    if ("sum" in derivation) return derivation.sum.flatMap(leafKeys);
    if ("difference" in derivation) return derivation.difference.flatMap(leafKeys);
    if ("firstOf" in derivation) return derivation.firstOf.flatMap(leafKeys);
  }
  return [JSON.stringify(derivation)];
}

/** A warning for each sheet of the school's name and type that the workbook lacks, naming the sheets it has. */
function missingSheetProblems(
  workbook: FormWorkbook,
  views: readonly GridView[],
  recipe: FormRecipe,
  problems: Problem[],
): void {
  const sheets = [...new Set([recipe.rows.name.sheet, recipe.rows.type.sheet])];
  const has = views.map((v) => v.sheet);
  for (const sheet of sheets.filter((name) => !formSheet(views, name))) {
    problems.push({
      severity: "warning",
      code: "form-sheet-missing",
      cell: null,
      message: {
        zh: `${workbook.file}：工作簿中没有名称以“${sheet}”开头的表，读不出学校名称和办学类型。工作簿中的表：${has.join("、") || "（无）"}。`,
        en: `${workbook.file}: no sheet's name begins with "${sheet}", so the school's name and type cannot be read. The workbook's sheets: ${has.join(", ") || "(none)"}.`,
      },
    });
  }
}

/** Reads one school's workbook under a form recipe: its identity beside its labels, each field derived. */
export function readFormWorkbook(
  recipe: FormRecipe,
  workbook: FormWorkbook,
  index: number,
  defaultUnit: "万元" | "元",
  problems: Problem[],
): { row: SourceRow; derivations: Map<string, string> } {
  const views = workbook.grids.map((grid) => new GridView(grid, []));
  const name = identity(workbook, views, recipe.rows.name);
  const type = identity(workbook, views, recipe.rows.type);
  const county = identity(workbook, views, recipe.rows.county);
  const parent = identity(workbook, views, recipe.rows.parent);
  const locale = identity(workbook, views, recipe.rows.locale);
  const types: Record<string, SchoolType | null> = {};
  for (const [word, t] of Object.entries(recipe.types ?? {})) types[foldLabel(word)] = t;
  const fields = new Map<string, DerivedValue>();
  const derivations = new Map<string, string>();
  const notFound: string[] = [];
  // the school's name and type are required: a sheet or label they lack is said, not left to a blank
  for (const rule of [recipe.rows.name, recipe.rows.type]) {
    const view = formSheet(views, rule.sheet);
    if (view && identity(workbook, views, rule).cell === null)
      notFound.push(`${view.sheet}›${shownPattern(rule.label)}`);
  }
  missingSheetProblems(workbook, views, recipe, problems);
  for (const [field, derivation] of Object.entries(recipe.fields)) {
    if (derivation === undefined) continue;
    // a label an alternative lacks is said only when no alternative of the field could be read
    const lacking: string[] = [];
    const bound = bindDerivation<FormCell, FormLeaf>(derivation, (cell) => locate(views, cell, lacking));
    if (!bound.ok) {
      notFound.push(...lacking);
      continue;
    }
    const text = derivationText(bound.node);
    derivations.set(field, text);
    fields.set(
      field,
      deriveValue(
        bound.node,
        (leaf) => ({
          raw: leaf.view.value(leaf.row, leaf.col),
          cell: formAddress(workbook.file, leaf.view, leaf.row, leaf.col),
        }),
        { field, derivation: text, defaultUnit, report: (p) => problems.push(p) },
      ),
    );
  }
  for (const where of [...new Set(notFound)]) {
    problems.push({
      severity: "warning",
      code: "form-label-not-found",
      cell: null,
      message: {
        zh: `${workbook.file}：表中找不到“${where}”，该项未读取。`,
        en: `${workbook.file}: "${where}" is not in the form; that figure was not read.`,
      },
    });
  }
  const nameCell = name.cell ?? `[${workbook.file}]`;
  return {
    row: {
      row: Number(/(\d+)$/u.exec(nameCell)?.[1] ?? 1),
      gridRow: index,
      cells: {
        name: nameCell,
        type: type.cell,
        county: county.cell,
        counted: null,
        parent: parent.cell,
        locale: locale.cell,
        level: null,
      },
      name: name.text,
      typeText: type.text,
      type: type.text === null ? undefined : typeOfWord(type.text, types),
      county: county.text === null ? null : withoutDivisionCode(county.text),
      counted: true,
      parent: parent.text,
      locale: locale.text,
      level: null,
      fields,
    },
    derivations,
  };
}

/** The level fields a school of several levels still gives from its forms: those read from their own cells. */
export function formFieldsSplit(recipe: FormRecipe): Set<string> {
  const keys = new Map<string, Set<string>>();
  for (const [field, derivation] of Object.entries(recipe.fields)) {
    if (derivation !== undefined) keys.set(field, new Set(leafKeys(derivation)));
  }
  return fieldsSplitBySource(keys);
}

/** A form recipe's derivation as written, before any workbook: `教基5170›教学及辅助用房›合计 − 室内体育用房›合计`. */
export function formDerivationText(derivation: Derivation<FormCell>): string {
  const bound = bindDerivation<FormCell, BoundLeaf>(derivation, (cell) => ({
    ok: true,
    leaf: {
      labels: [cell.sheet, shownPattern(cell.row), ...shownPattern(cell.column).split("›")],
      unit: null,
    },
  }));
  return bound.ok ? derivationText(bound.node) : "";
}

/**
 * Reads a folder's workbooks under a form recipe, one school each, through the school-table reader: the schools of
 * one county (the recipe's county label), or a `several-counties` problem.
 */
export function readFormWorkbooks(
  recipe: FormRecipe,
  workbooks: readonly FormWorkbook[],
  options: ExportOptions,
  readTable: (grid: Grid) => ReadResult,
): ExportReading {
  const problems: Problem[] = [];
  const rows = workbooks.map((w, i) => readFormWorkbook(recipe, w, i, options.defaultUnit, problems).row);
  const fields = Object.entries(recipe.fields)
    .filter((e): e is [string, Derivation<FormCell>] => e[1] !== undefined)
    .map(([field, derivation]) => ({ field, text: formDerivationText(derivation) }));
  const fileOf = (school: ImportedSchool) => workbooks[school.rows[0].gridRow]?.file ?? "";
  const derived = { fields, splitByColumns: formFieldsSplit(recipe), levelsOfOwnSources: true };
  const selected = selectCounty(
    rows.map((r) => r.county),
    (i) => rows[i].cells.county ?? rows[i].cells.name,
    options.county,
    problems,
    options.countyNames,
    (i) => rows[i].name,
  );
  const kept = selected.keep.map((i) => rows[i]);
  return readSourceRows(kept, selected, derived, problems, options, fileOf, readTable);
}
