/**
 * The per-school 教基 form workbooks (docs/import.md#jiaoji-forms): one workbook per school, sheets named 教基3112,
 * 教基4155, 教基5170, … (with a suffix such as _小学). A figure is where a row label meets a column's header path
 * — 总计 × 在校生数›合计 — found by the labels, not by a fixed cell, so that the forms of different years and school
 * types, whose rows and columns shift, read alike.
 */
import { readCell, readText } from "../cells";
import { columnLetters, sheetRef, type Grid } from "../grid";
import { equipmentUnitOf, foldHeader } from "../headers";
import type { Problem } from "../problems";
import type { SchoolType } from "../../engine/records";
import { bindDerivation, derivationText, deriveValue, type BoundLeaf, type DerivedValue } from "./derive";
import { columnsNamed, labelMatches, parsePattern, shownPattern, type HeaderPattern } from "./patterns";
import type { Derivation, FormCell, FormLabel, FormRecipe } from "./schema";
import { fieldsSplitBySource, type ImportedSchool, type SourceRow } from "./schools";
import { typeOfWord } from "./table";
import { readSourceRows, type ExportOptions, type ExportReading } from "./readExport";
import type { ReadResult } from "../read";
import { foldLabel } from "./patterns";

/** One school's workbook: its file name and sheets. */
export interface FormWorkbook {
  file: string;
  grids: readonly Grid[];
}

interface FormLeaf extends BoundLeaf {
  grid: Grid;
  row: number;
  col: number;
}

const isNumber = (value: unknown) => readCell(value).kind === "number";
const textOf = (value: unknown): string | null => {
  const t = readText(value);
  return t.kind === "text" && !isNumber(value) ? t.text : null;
};

/** The sheet a locator names: the first whose name starts with it (教基4155 reads 教基4155_小学). */
export function formSheet(grids: readonly Grid[], prefix: string): Grid | undefined {
  const wanted = foldHeader(prefix);
  return grids.find((g) => foldHeader(g.sheet).startsWith(wanted));
}

/** The columns of a form that hold its row labels: those left of the first column with figures in two rows. */
function labelColumns(grid: Grid): number {
  const counts: number[] = [];
  for (const row of grid.values) {
    row.forEach((value, c) => {
      if (isNumber(value)) counts[c] = (counts[c] ?? 0) + 1;
    });
  }
  const first = counts.findIndex((n) => (n ?? 0) >= 2);
  return first < 0 ? 1 : Math.max(1, first);
}

/** The first row whose label (in the label columns) is one of the level's spellings. */
function labelRow(
  grid: Grid,
  level: HeaderPattern["levels"][number],
  labels: number,
): { row: number; label: string } | null {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < Math.min(labels, row.length); c++) {
      const text = textOf(row[c]);
      if (text !== null && labelMatches(level, text)) return { row: r, label: text };
    }
  }
  return null;
}

/**
 * The header rows over a form's data, above row `below`: the run of rows with labels and no figures right of the
 * label columns, nearest above the data (blank rows and the data's own rows between are passed over).
 */
function headerBand(grid: Grid, below: number, labels: number): number[] {
  const right = (r: number) => (grid.values[r] ?? []).slice(labels);
  const hasNumber = (r: number) => right(r).some(isNumber);
  const hasText = (r: number) => right(r).some((v) => textOf(v) !== null);
  let h = below - 1;
  while (h >= 0 && (hasNumber(h) || !hasText(h))) h--;
  const band: number[] = [];
  while (h >= 0 && hasText(h) && !hasNumber(h)) band.unshift(h--);
  return band;
}

/** Each column's header path over the band: a merged label over every column it covers, a group label spread right
 * over the blank cells whose lower level has labels (where the host gives no merged ranges). */
function columnPaths(
  grid: Grid,
  band: readonly number[],
  labels: number,
): { index: number; path: string[] }[] {
  const width = Math.max(0, ...band.map((r) => (grid.values[r] ?? []).length));
  const merges = grid.merges ?? null;
  const at = (r: number, c: number) => textOf(grid.values[r]?.[c]);
  const columns: { index: number; path: string[] }[] = [];
  for (let c = labels; c < width; c++) {
    const path: string[] = [];
    const seen: string[] = [];
    band.forEach((r, level) => {
      let text = at(r, c);
      let key = `${r},${c}`;
      if (text === null && merges) {
        const m = merges.find((g) => g.top <= r && r <= g.bottom && g.left <= c && c <= g.right);
        if (m) {
          text = at(m.top, m.left);
          key = `${m.top},${m.left}`;
        }
      } else if (text === null && level < band.length - 1 && at(band[level + 1], c) !== null) {
        for (let k = c - 1; k >= labels && text === null; k--) {
          text = at(r, k);
          key = `${r},${k}`;
        }
      }
      if (text !== null && !seen.includes(key)) {
        seen.push(key);
        path.push(text);
      }
    });
    if (path.length > 0) columns.push({ index: c, path });
  }
  return columns;
}

/** The unit a form states for a figure: in its row's label, its column's, or a 计量单位 cell of its row. */
function formUnit(
  grid: Grid,
  row: number,
  rowLabel: string,
  path: readonly string[],
  labels: number,
): "万元" | "元" | null {
  const candidates = [
    rowLabel,
    path[path.length - 1] ?? "",
    ...(grid.values[row] ?? []).slice(0, labels).map((v) => textOf(v) ?? ""),
  ];
  for (const text of candidates) {
    const unit = equipmentUnitOf(text);
    if (unit === "万元" || unit === "元") return unit;
  }
  return null;
}

/** Where a cell of a form workbook is: `[学校.xlsx]教基4155_小学!C9`. */
function formAddress(file: string, grid: Grid, row: number, col: number): string {
  return `[${file}]${sheetRef(grid.sheet)}!${columnLetters(col)}${row + 1}`;
}

type Binding = { ok: true; leaf: FormLeaf } | { ok: false; missing: string };

/** A form's figure located by its labels; missing names the sheet when the workbook lacks it. */
function locate(workbook: FormWorkbook, cell: FormCell, labelsNotFound: string[]): Binding {
  const grid = formSheet(workbook.grids, cell.sheet);
  const named = `${cell.sheet}›${shownPattern(cell.row)}›${shownPattern(cell.column)}`;
  if (!grid) return { ok: false, missing: named };
  const labels = labelColumns(grid);
  const rowPattern = parsePattern(cell.row) as HeaderPattern;
  const found = labelRow(grid, rowPattern.levels[rowPattern.levels.length - 1], labels);
  const column = found
    ? columnsNamed(
        parsePattern(cell.column) as HeaderPattern,
        columnPaths(grid, headerBand(grid, found.row, labels), labels),
      )[0]
    : undefined;
  if (!found || !column) {
    labelsNotFound.push(`${grid.sheet}›${shownPattern(found ? cell.column : cell.row)}`);
    return { ok: false, missing: named };
  }
  return {
    ok: true,
    leaf: {
      grid,
      row: found.row,
      col: column.index,
      labels: [grid.sheet, found.label, ...column.path],
      unit: formUnit(grid, found.row, found.label, column.path, labels),
    },
  };
}

/** The value written beside a label: the last cell right of it in its row. */
function besideLabel(workbook: FormWorkbook, rule: FormLabel): { text: string | null; cell: string | null } {
  const grid = formSheet(workbook.grids, rule.sheet);
  if (!grid) return { text: null, cell: null };
  const level = (parsePattern(rule.label) as HeaderPattern).levels[0];
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const label = textOf(row[c]);
      if (label === null || !labelMatches(level, label)) continue;
      for (let k = row.length - 1; k > c; k--) {
        const t = readText(row[k]);
        if (t.kind === "text") return { text: t.text, cell: formAddress(workbook.file, grid, r, k) };
      }
      return { text: null, cell: formAddress(workbook.file, grid, r, Math.min(c + 1, 16383)) };
    }
  }
  return { text: null, cell: null };
}

function leafKeys<L>(derivation: Derivation<L>): string[] {
  if (typeof derivation === "object" && derivation !== null) {
    if ("sum" in derivation) return derivation.sum.flatMap(leafKeys);
    if ("difference" in derivation) return derivation.difference.flatMap(leafKeys);
    if ("firstOf" in derivation) return derivation.firstOf.flatMap(leafKeys);
  }
  return [JSON.stringify(derivation)];
}

/** Reads one school's workbook under a form recipe: its identity beside its labels, each field derived. */
export function readFormWorkbook(
  recipe: FormRecipe,
  workbook: FormWorkbook,
  index: number,
  defaultUnit: "万元" | "元",
  problems: Problem[],
): { row: SourceRow; derivations: Map<string, string> } {
  const identity = (rule: FormLabel | undefined) =>
    rule ? besideLabel(workbook, rule) : { text: null, cell: null };
  const name = identity(recipe.rows.name);
  const type = identity(recipe.rows.type);
  const county = identity(recipe.rows.county);
  const parent = identity(recipe.rows.parent);
  const locale = identity(recipe.rows.locale);
  const types: Record<string, SchoolType | null> = {};
  for (const [word, t] of Object.entries(recipe.types ?? {})) types[foldLabel(word)] = t;
  const fields = new Map<string, DerivedValue>();
  const derivations = new Map<string, string>();
  const notFound: string[] = [];
  for (const [field, derivation] of Object.entries(recipe.fields)) {
    if (derivation === undefined) continue;
    const bound = bindDerivation<FormCell, FormLeaf>(derivation, (cell) => locate(workbook, cell, notFound));
    if (!bound.ok) continue;
    const text = derivationText(bound.node);
    derivations.set(field, text);
    fields.set(
      field,
      deriveValue(
        bound.node,
        (leaf) => ({
          raw: leaf.grid.values[leaf.row]?.[leaf.col],
          cell: formAddress(workbook.file, leaf.grid, leaf.row, leaf.col),
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
      county: county.text,
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
  return readSourceRows(rows, derived, problems, options, fileOf, readTable);
}
