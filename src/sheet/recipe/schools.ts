/**
 * Rows of an export → the schools of the school table (docs/import.md#campuses): one county's rows; a row that does
 * not count as a school (是否计校数 = 否) and is not a teaching point joins the school named in 隶属学校 — students,
 * teachers and facilities added; a teaching point stays a school of its own under its parent, for the standard's
 * teaching-point rule (docs/standard.md#teaching-points); a combined school given as one row per 学段 becomes one
 * school, its facilities counted once. Pure: rows in, schools and problems out.
 */
import { countOf } from "../../i18n/count";
import { nearlyEqual } from "../../standard/comparison";
import { ENROLMENT_LEVELS } from "../vocabulary";
import type { SchoolType } from "../../engine/records";
import { columnById } from "../../standard/columns";
import type { Problem } from "../../problems/problem";
import type { DerivedValue } from "./derive";
import { foldLabel } from "./patterns";
import { checkOneRowCombined, parentGroup } from "./rowGroups";
import { recipeProblem } from "./problem";

export type RowLevel = "primary" | "junior" | "senior";

/** The cells of a row's identity, where the table has them. */
export interface IdentityCells {
  name: string;
  type: string | null;
  county: string | null;
  counted: string | null;
  parent: string | null;
  locale: string | null;
  level: string | null;
}

/** One row of an export (or one form workbook), its identity read and its fields derived. */
export interface SourceRow {
  /** 1-based row in its sheet; the first row of a form workbook's table */
  row: number;
  /** 0-based index of the row in the grid it came from (−1 for a form workbook) */
  gridRow: number;
  cells: IdentityCells;
  name: string | null;
  typeText: string | null;
  /** the school type; undefined for a word the reader does not know (it reports it), null for a row outside
   * compulsory education (高级中学, 幼儿园: left out) */
  type: SchoolType | null | undefined;
  county: string | null;
  /** 是否计校数: false for a row that is not counted as a school */
  counted: boolean;
  parent: string | null;
  locale: string | null;
  /** 学段 of a combined school given one row per level */
  level: RowLevel | null;
  fields: ReadonlyMap<string, DerivedValue>;
}

/** A field of a school, combined over its rows. */
export interface CombinedValue {
  value: number | null;
  invalid: boolean;
  /** the derived value of each row that gave it, in order */
  parts: DerivedValue[];
  /** the source cells written out: `学校!K7 − 学校!L7`, `（学校!K7 − 学校!L7） + （学校!K9 − 学校!L9）` */
  cells: string;
}

export interface ImportedSchool {
  name: string | null;
  typeText: string | null;
  type: SchoolType | undefined;
  locale: string | null;
  /** the parent of a teaching point (隶属学校) */
  parent: string | null;
  /** its own rows: one, or one per 学段 */
  rows: SourceRow[];
  /** rows that do not count as schools and joined it */
  campuses: SourceRow[];
  fields: Map<string, CombinedValue>;
}

export interface SchoolsOptions {
  /**
   * The level fields a row of several levels (a school of one row, no 学段) still gives: those the recipe derives
   * from other columns than the same field of the other level (初中教师 from columns of their own). The others —
   * read from the whole school's columns — cannot be split between levels.
   */
  splitByColumns: ReadonlySet<string>;
  /** every level's figures come from that level's own sources (the 教基 forms: 4155 primary, 4156 junior): a
   * combined school's one row is no problem */
  levelsOfOwnSources?: boolean;
}

export interface SchoolsResult {
  schools: ImportedSchool[];
  problems: Problem[];
}

/** The level a field of the school table belongs to, or null for the whole school. */
export function levelOfField(id: string): RowLevel | null {
  if (id.startsWith("primary") || id === "grade1LargestClass") return "primary";
  if (id.startsWith("junior") || id === "grade7LargestClass") return "junior";
  if (id.startsWith("senior")) return "senior";
  return null;
}

const STUDENT_FIELDS: ReadonlySet<string> = new Set(["primaryStudents", "juniorStudents", "seniorStudents"]);

/** The levels a row holds: its 学段, else every level its type enrols (all, for a type not known). */
function levelsOfRow(row: SourceRow): readonly RowLevel[] {
  if (row.level) return [row.level];
  return row.type ? ENROLMENT_LEVELS[row.type] : ["primary", "junior", "senior"];
}

/**
 * Whether a row gives a field: students by its 学段 only; other level fields by the levels the row holds, and for a
 * row of several levels only where the recipe splits the field by columns (a special school of one row gives no
 * teachers: it needs none, docs/school-table.md#columns).
 */
function rowGives(row: SourceRow, field: string, split: ReadonlySet<string>): boolean {
  const level = levelOfField(field);
  if (level === null) return true;
  if (STUDENT_FIELDS.has(field)) return row.level === null || row.level === level;
  const levels = levelsOfRow(row);
  if (!levels.includes(level)) return false;
  return row.level !== null || levels.filter((l) => l !== "senior").length <= 1 || split.has(field);
}

/** The same field of the other level: primaryKeyTeachers ↔ juniorKeyTeachers, grade1 ↔ grade7. */
function otherLevel(field: string): string | null {
  if (field.startsWith("primary")) return `junior${field.slice("primary".length)}`;
  if (field.startsWith("junior")) return `primary${field.slice("junior".length)}`;
  if (field === "grade1LargestClass") return "grade7LargestClass";
  if (field === "grade7LargestClass") return "grade1LargestClass";
  return null;
}

/**
 * The level fields whose sources (by key: a column, a form's cell) the same field of the other level does not
 * read: a row of several levels can give them (SchoolsOptions.splitByColumns).
 */
export function fieldsSplitBySource(sources: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const split = new Set<string>();
  for (const [field, own] of sources) {
    const other = otherLevel(field);
    const theirs = other === null ? undefined : sources.get(other);
    if (!theirs || [...own].every((key) => !theirs.has(key))) split.add(field);
  }
  return split;
}

type Combine = "sum" | "min" | "max";
function combinationOf(field: string): Combine {
  if (field.startsWith("smallest")) return "min";
  if (field.endsWith("LargestClass")) return "max";
  return "sum";
}

function combine(field: string, parts: DerivedValue[]): CombinedValue {
  const invalid = parts.some((p) => p.invalid);
  const given = parts.map((p) => p.value).filter((v): v is number => v !== null);
  const how = combinationOf(field);
  let value: number | null = null;
  if (!invalid && given.length > 0) {
    value =
      how === "min"
        ? Math.min(...given)
        : how === "max"
          ? Math.max(...given)
          : given.reduce((s, v) => s + v, 0);
  }
  const shown = parts.map((p) => (parts.length > 1 && /[+−]/u.test(p.cells) ? `（${p.cells}）` : p.cells));
  const cells =
    parts.length <= 1 ? (shown[0] ?? "") : how === "sum" ? shown.join(" + ") : `${how}(${shown.join(", ")})`;
  return { value, invalid, parts, cells };
}

/** A whole-school figure of a school given one row per 学段: counted once, from the first row that gives it. */
function onceAcrossLevels(field: string, rows: readonly SourceRow[], problems: Problem[]): DerivedValue[] {
  const given = rows.map((r) => r.fields.get(field)).filter((d): d is DerivedValue => d !== undefined);
  const first = given.find((d) => d.value !== null || d.invalid);
  if (!first) return given.slice(0, 1);
  for (const other of given) {
    if (other === first || other.value === null || first.value === null) continue;
    if (!nearlyEqual(other.value, first.value)) {
      const name = columnById(field) ?? { zh: field, en: field };
      problems.push(
        recipeProblem(
          "warning",
          "combined-rows-differ",
          other.sources[0]?.cell ?? null,
          `同一学校按学段分行，全校的“${name.zh}”只计一次：取 ${first.cells} 的值，${other.cells} 的值不同，未计入。`,
          `A school given one row per 学段 counts its ${name.en} once: the value of ${first.cells} was taken; ${other.cells} differs and was not counted.`,
        ),
      );
    }
  }
  return [first];
}

/** A field's values from one unit of rows (a school's own, or a campus's): whole-school figures once per unit. */
function unitParts(
  unit: readonly SourceRow[],
  field: string,
  split: ReadonlySet<string>,
  problems: Problem[],
): DerivedValue[] {
  if (levelOfField(field) === null && unit.length > 1) return onceAcrossLevels(field, unit, problems);
  return unit
    .filter((r) => rowGives(r, field, split))
    .map((r) => r.fields.get(field))
    .filter((d): d is DerivedValue => d !== undefined);
}

function schoolOf(
  rows: SourceRow[],
  campuses: SourceRow[][],
  fieldIds: readonly string[],
  split: ReadonlySet<string>,
  problems: Problem[],
): ImportedSchool {
  const first = rows[0];
  const fields = new Map<string, CombinedValue>();
  for (const field of fieldIds) {
    const parts = [rows, ...campuses].flatMap((unit) => unitParts(unit, field, split, problems));
    fields.set(field, combine(field, parts));
  }
  return {
    name: first.name,
    typeText: first.typeText,
    type: first.type ?? undefined,
    locale: first.locale,
    parent: first.type === "teachingPoint" ? first.parent : null,
    rows,
    campuses: campuses.flat(),
    fields,
  };
}

const fold = (text: string) => foldLabel(text);

/**
 * The schools of the rows: one county's, out-of-scope rows left out, one-row-per-学段 schools joined, campuses
 * joined to their parents. `fieldIds` are the fields the recipe derives.
 */
export function importSchools(
  rows: readonly SourceRow[],
  fieldIds: readonly string[],
  options: SchoolsOptions,
): SchoolsResult {
  const problems: Problem[] = [];
  const inScope = rows.filter((r) => r.type !== null);
  const outOfScope = rows.filter((r) => r.type === null);
  if (outOfScope.length > 0) {
    const words = [...new Set(outOfScope.map((r) => r.typeText ?? ""))].join("、");
    problems.push(
      recipeProblem(
        "warning",
        "rows-out-of-scope",
        outOfScope[0].cells.type,
        `${outOfScope.length} 行不属义务教育阶段（${words}），未读取。`,
        `${countOf(outOfScope.length, "row is", "rows are")} outside compulsory education (${words}) and were not read.`,
      ),
    );
  }

  // the rows of one school: one, or one per 学段 (the same name, different 学段)
  const units: SourceRow[][] = [];
  const byNameAll = new Map<string, SourceRow[]>();
  for (const row of inScope) {
    const key = row.name === null ? null : fold(row.name);
    const unit = key === null ? undefined : byNameAll.get(key);
    if (unit && row.level !== null && unit.every((r) => r.level !== null && r.level !== row.level)) {
      unit.push(row);
      continue;
    }
    const created = [row];
    units.push(created);
    if (key !== null && !unit) byNameAll.set(key, created);
  }
  // a unit no row of which counts as a school, and not a teaching point, is a campus of another school
  const isCampus = (unit: SourceRow[]) => unit.every((r) => !r.counted) && unit[0].type !== "teachingPoint";
  const groups = units.filter((u) => !isCampus(u));
  const campuses = units.filter(isCampus);
  if (!options.levelsOfOwnSources) checkOneRowCombined(groups, options, problems);

  const byName = new Map<string, SourceRow[]>();
  for (const g of groups)
    if (g[0].name !== null && !byName.has(fold(g[0].name))) byName.set(fold(g[0].name), g);
  const campusByName = new Map<string, SourceRow[]>();
  for (const c of campuses) if (c[0].name !== null) campusByName.set(fold(c[0].name), c);
  const joined = new Map<SourceRow[], SourceRow[][]>(groups.map((g) => [g, []]));
  for (const campus of campuses) {
    const home = parentGroup(campus, byName, campusByName, problems);
    if (home) joined.get(home)?.push(campus);
  }
  const schools = groups.map((g) =>
    schoolOf(g, joined.get(g) ?? [], fieldIds, options.splitByColumns, problems),
  );
  return { schools, problems };
}
