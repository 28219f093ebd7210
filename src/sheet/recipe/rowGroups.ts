/**
 * The rules that put an export's rows together (docs/import.md#campuses, docs/import.md#counties): one county's rows
 * from a table of several, a campus to the school it belongs to, and what a combined school given on one row can
 * and cannot say.
 */
import { countyStem } from "../../engine/names";
import { ENROLMENT_LEVELS } from "../vocabulary";
import type { Problem } from "../../problems/problem";
import { foldLabel } from "./patterns";
import type { SchoolsOptions, SourceRow } from "./schools";
import { recipeProblem } from "./problem";

const fold = (text: string) => foldLabel(text);

const TEACHER_FIELDS = [
  "primaryQualifiedTeachers",
  "juniorQualifiedTeachers",
  "primaryKeyTeachers",
  "juniorKeyTeachers",
  "primaryPeArtTeachers",
  "juniorPeArtTeachers",
];

/**
 * Of an export read for a county (`county` of the read options): whether its table holds that county (true), is
 * a table of counties without it (false, `county-not-found`), or names no counties (null: no table of an export,
 * or an export without a county column).
 */
export function holdsCountyAsked(read: {
  recipe?: { counties: readonly string[] } | null;
  problems: readonly Problem[];
}): boolean | null {
  if (!read.recipe || read.recipe.counties.length === 0) return null;
  return !read.problems.some((p) => p.code === "county-not-found");
}

/**
 * Whether a sheet is named for the county asked for (科右前旗, 科右前, or `otherNames`, the plan's other names for
 * it): how a sheet of an export split into a sheet per county is known when its table names no counties.
 */
export function sheetNamedFor(
  county: string,
  otherNames: readonly string[],
): (grid: { sheet: string }) => boolean {
  const stems = [county, ...otherNames].map(countyStem);
  return (grid) => stems.includes(countyStem(grid.sheet));
}

/**
 * Which rows to read from a table whose rows say their county (`counties`, in row order, null where blank): the
 * county asked for, or all of them when the table holds one; none, with a problem, when it holds several and none
 * was asked for, or not the one asked for. Decided before any figure is read, so that one county of a province's
 * export costs its own rows. `cellOf` names the county cell of a row. `county` is the county read as the table
 * spells it: the one it names when it names one, asked for or not (so that a county's own export titles its
 * report and finds its target year); the name asked for where the table names none; null when it names none and
 * none was asked for. `otherNames` are the
 * names the county asked for goes by in the profile's plan, any of which the table may write. A row whose county
 * is blank is the county's in a table of one; in a table of several it cannot be placed: it is not read, and an
 * error names it (`nameOf` its school), for the county asked for may be the one it belongs to. `unselectedWarns`:
 * a table naming no county at all, read for a county, warns that every row is read as it.
 */
export function selectCounty(
  counties: readonly (string | null)[],
  cellOf: (index: number) => string | null,
  county: string | undefined,
  problems: Problem[],
  otherNames: readonly string[] = [],
  nameOf: (index: number) => string | null = () => null,
  unselectedWarns = false,
): { keep: number[]; counties: string[]; county: string | null } {
  // a province's rows repeat a few hundred county names: each folded once
  const folds = new Map<string, string>();
  const folded = (c: string) => {
    let f = folds.get(c);
    if (f === undefined) {
      f = fold(c);
      folds.set(c, f);
    }
    return f;
  };
  const names = new Map<string, string>();
  counties.forEach((c) => {
    if (c !== null && !names.has(folded(c))) names.set(folded(c), c);
  });
  const list = [...names.values()];
  const all = counties.map((_, i) => i);
  if (county !== undefined && list.length === 0 && unselectedWarns) {
    // nothing to choose by: the schools read are all the table's, which the clerk must know
    problems.push(
      recipeProblem(
        "warning",
        "county-not-in-table",
        null,
        `表中没有旗县信息（统计三级、旗县、所在地区或行政区划代码列都没有写出旗县），无法按“${county}”选出学校：表中全部 ${counties.length} 行学校都按“${county}”评估。表中有几个旗县的学校时，结果不是“${county}”的。`,
        `The table holds no county (no 统计三级, 旗县, 所在地区 or 行政区划代码 column naming one), so "${county}" cannot select its schools: all ${counties.length} rows of the table are evaluated as "${county}". Where the table holds several counties' schools, the result is not "${county}"'s.`,
      ),
    );
  }
  if (county === undefined || list.length === 0) {
    if (county !== undefined || list.length <= 1)
      return { keep: all, counties: list, county: list.length === 1 ? list[0] : (county ?? null) };
    const first = counties.findIndex((c) => c !== null);
    // where to choose is the host's: a step of the page, or an option of the command
    problems.push({
      ...recipeProblem(
        "error",
        "several-counties",
        first < 0 ? null : cellOf(first),
        `表中有 ${list.length} 个旗县市区（${list.join("、")}）。`,
        `The table holds ${list.length} counties (${list.join(", ")}).`,
      ),
      how: {
        pane: {
          zh: "请在第 2 步“核对列”中选择要评估的一个。",
          en: "Choose the one to evaluate in step 2, Columns.",
        },
        commandLine: {
          zh: "请用 --county 名称 指定要评估的一个。",
          en: "Name the one to evaluate with --county NAME.",
        },
        // the earlier year's table of 对比 is read for the county of this year's (`balance compare --county`)
        earlierYear: {
          zh: "对比只取本旗县市的学校：请在下方“旗县市”中选择本旗县市，较早一年的表格即按它重新读取。",
          en: "The comparison takes one county's schools: choose this county under “County” below, and the earlier table is read again for it.",
        },
      },
    });
    return { keep: [], counties: list, county: null };
  }
  let wanted = fold(county);
  if (!names.has(wanted)) {
    // named without its 市, 旗, 县 or 区, as the profile's counties may be (findCounty): the one county so named
    const stemmed = [...names.keys()].filter((k) => countyStem(k) === countyStem(wanted));
    if (stemmed.length === 1) wanted = stemmed[0];
  }
  // or by another name the plan knows it by (科尔沁右翼前旗 for 科右前旗)
  if (!names.has(wanted)) wanted = otherNames.map(fold).find((n) => names.has(n)) ?? wanted;
  if (!names.has(wanted)) {
    problems.push(
      recipeProblem(
        "error",
        "county-not-found",
        null,
        `表中没有“${county}”的学校；表中的旗县市区：${list.join("、")}。`,
        `The table has no school of "${county}"; its counties: ${list.join(", ")}.`,
      ),
    );
    return { keep: [], counties: list, county: null };
  }
  const chosen = names.get(wanted) as string;
  if (list.length > 1) unplacedRows(counties, cellOf, nameOf, chosen, problems);
  // in a table of one county a blank county is that county's, as when none is asked for
  const own = (c: string | null) => (c === null ? list.length === 1 : folded(c) === wanted);
  return {
    keep: all.filter((i) => own(counties[i])),
    counties: list,
    county: chosen,
  };
}

/** An error for each row of a table of several counties whose county is blank: the county read may lack it. */
function unplacedRows(
  counties: readonly (string | null)[],
  cellOf: (index: number) => string | null,
  nameOf: (index: number) => string | null,
  county: string,
  problems: Problem[],
): void {
  counties.forEach((c, i) => {
    if (c !== null) return;
    const cell = cellOf(i);
    const at = cell === null ? "" : `${cell}：`;
    const atEn = cell === null ? "" : `${cell}: `;
    const name = nameOf(i);
    const school = name === null ? "该行" : `“${name}”`;
    const schoolEn = name === null ? "this row" : `"${name}"`;
    problems.push(
      recipeProblem(
        "error",
        "county-blank",
        cell,
        `${at}${school}的旗县市区为空。表中有几个旗县市区，无法确定该校属于哪一个，未读入“${county}”：请填写旗县市区（合并单元格的，取消合并后逐行填写）。`,
        `${atEn}the county of ${schoolEn} is blank. The table holds several counties, so the school's cannot be told; it was not read into "${county}". Fill in its county (unmerge a merged cell and fill in every row).`,
      ),
    );
  });
}

/** The school a campus joins: the one its 隶属学校 names, following a campus of a campus up to its school. */
export function parentGroup(
  campus: SourceRow[],
  byName: ReadonlyMap<string, SourceRow[]>,
  campusByName: ReadonlyMap<string, SourceRow[]>,
  problems: Problem[],
): SourceRow[] | null {
  const seen = new Set<SourceRow[]>([campus]);
  let at = campus;
  const cell = campus[0].cells.parent ?? campus[0].cells.name;
  const name = campus[0].name ?? "";
  for (;;) {
    const parent = at.find((r) => r.parent)?.parent ?? null;
    if (!parent) {
      problems.push(
        recipeProblem(
          "error",
          "campus-parent-missing",
          cell,
          `${cell}“${name}”不计校数（是否计校数 = 否），应并入其隶属学校，但隶属学校为空：请填写隶属学校。`,
          `${cell}: "${name}" is not counted as a school (是否计校数 = 否) and joins the school it belongs to, but 隶属学校 is blank; fill it in.`,
        ),
      );
      return null;
    }
    const group = byName.get(fold(parent));
    if (group && group[0].type !== "teachingPoint") return group;
    const next = campusByName.get(fold(parent));
    if (!next || seen.has(next)) {
      problems.push(
        recipeProblem(
          "error",
          "campus-parent-missing",
          cell,
          `${cell}“${name}”不计校数，应并入隶属学校“${parent}”，但本表（本旗县）中没有这所学校。`,
          `${cell}: "${name}" is not counted as a school and joins "${parent}", which is not in the table (in this county).`,
        ),
      );
      return null;
    }
    seen.add(next);
    at = next;
  }
}

/**
 * A combined school on one row: its sections' teachers can be told apart only when the recipe derives them from
 * different columns; a senior part on the same row may be counted in the junior section.
 */
export function checkOneRowCombined(
  groups: SourceRow[][],
  options: SchoolsOptions,
  problems: Problem[],
): void {
  for (const group of groups) {
    if (group.length !== 1) continue;
    const row = group[0];
    if (row.level !== null || !row.type) continue;
    const levels = ENROLMENT_LEVELS[row.type].filter((l) => l !== "senior");
    const senior = ENROLMENT_LEVELS[row.type].includes("senior");
    if (row.type !== "nineYear" && row.type !== "twelveYear" && row.type !== "complete") continue;
    const cell = row.cells.name;
    const name = row.name ?? "";
    if (levels.length > 1 && TEACHER_FIELDS.some((f) => !options.splitByColumns.has(f))) {
      problems.push(
        recipeProblem(
          "error",
          "combined-school-one-row",
          cell,
          `${cell}“${name}”（${row.typeText ?? ""}）只有一行：教师无法分小学、初中学段计算。请在导出表中按学段分行（学段列），或在学校表中分学段填写教师数。`,
          `${cell}: "${name}" (${row.typeText ?? ""}) is given on one row: its teachers cannot be split between primary and junior. Give one row per 学段 (a 学段 column), or fill in the teachers per level in the school table.`,
        ),
      );
    } else if (senior) {
      problems.push(
        recipeProblem(
          "warning",
          "combined-school-one-row",
          cell,
          `${cell}“${name}”（${row.typeText ?? ""}）只有一行：高中部的教师可能计入了初中学段。宜按学段分行导出。`,
          `${cell}: "${name}" (${row.typeText ?? ""}) is given on one row: its senior teachers may be counted in the junior section. Export one row per 学段 if you can.`,
        ),
      );
    }
  }
}
