/**
 * The one path every host takes (docs/architecture.md): grid ──readSchoolTable──▶ records + problems
 * ──evaluate(profile)──▶ evaluation. Errors in the table block the verdict; warnings do not.
 */
import {
  evaluate,
  sectionCount,
  sectionPage,
  type Evaluation,
  type IndicatorStatus,
  type SectionResult,
} from "./engine/evaluate";
import type { Grid } from "./sheet/grid";
import { hasErrors, problemMessage, type Problem } from "./problems/problem";
import {
  holdsSchoolTable,
  readSchoolTable,
  type ReadOptions,
  type ReadResult,
  type SkippedRows,
} from "./sheet/read";
import { countyNames } from "./engine/county/readiness";
import { holdsRecipeTable } from "./sheet/recipe/inReader";
import { holdsCountyAsked, sheetNamedFor } from "./sheet/recipe/rowGroups";
import type { TableRecipe } from "./sheet/recipe/schema";
import { chooseSheet, readCountySheet, withoutOtherSheets } from "./xlsx/reader/chooseSheet";
import { INDICATOR_IDS, LEVELS, type IndicatorId, type Level } from "./standard/indicators";
import { NATIONAL_2017 } from "./standard/national2017";
import type { Profile } from "./standard/profile";
import type { Lang } from "./i18n/format";

export interface TableEvaluation {
  /** false when errors in the table blocked the verdict */
  ok: boolean;
  read: ReadResult;
  problems: Problem[];
  /** null when ok is false */
  evaluation: Evaluation | null;
  profile: Profile;
  /** the sheet the table was read from */
  sheet: string;
}

/** Reads a school table and evaluates it against a profile (the national standard by default). */
export function evaluateTable(
  grid: Grid,
  profile: Profile = NATIONAL_2017,
  options: ReadOptions = {},
): TableEvaluation {
  const read = readSchoolTable(grid, { ...options, profile });
  const problems = read.problems;
  const sheet = grid.sheet;
  if (hasErrors(problems)) return { ok: false, read, problems, evaluation: null, profile, sheet };
  return { ok: true, read, problems, evaluation: evaluate(read.records, profile), profile, sheet };
}

/** Which table of a workbook to evaluate: as --sheet, --county and --recipe say. */
export interface TableSource {
  /** the sheet holding the table; by default the first that holds one (`chooseSheet`) */
  sheet?: string;
  /** one county of an export holding several: the rows whose county column holds it */
  county?: string;
  /** the recipe of an export whose columns the built-in does not know */
  recipe?: TableRecipe;
}

/** Whether a sheet holds the source's table: by its recipe where it has one, else a school table's header. */
export function holdsTableOf(source: TableSource): (grid: Grid) => boolean {
  return source.recipe ? holdsRecipeTable(source.recipe) : holdsSchoolTable;
}

/**
 * The school table of a workbook's sheets, evaluated: the sheet named, else the one `chooseSheet` takes; for a
 * county asked for that the sheet's export lacks, the sheet of the workbook that holds it, as an export split
 * into a sheet per county keeps it (`readCountySheet`). `choosing` holds the problems of choosing the sheet (a
 * hidden sheet passed over or read). `balance evaluate`, the commands that read one county's table, and the
 * league's view (countyWorkbook.ts) all take this path.
 */
export function evaluateWorkbookTable(
  grids: readonly Grid[],
  profile: Profile,
  source: TableSource,
):
  | { ok: true; grid: Grid; choosing: Problem[]; evaluated: TableEvaluation }
  | { ok: false; problem: Problem } {
  const holdsTable = holdsTableOf(source);
  const chosen = chooseSheet(grids, source.sheet, holdsTable);
  if (!chosen.ok) return chosen;
  const options = { county: source.county, recipe: source.recipe };
  const evaluateSheet = (grid: Grid) => evaluateTable(grid, profile, options);
  if (source.sheet !== undefined || source.county === undefined)
    return { ok: true, grid: chosen.grid, choosing: chosen.problems, evaluated: evaluateSheet(chosen.grid) };
  const { grid, reading } = readCountySheet(
    grids,
    chosen.grid,
    holdsTable,
    evaluateSheet,
    (e) => holdsCountyAsked(e.read),
    sheetNamedFor(source.county, countyNames(profile, source.county)),
  );
  // the county asked for chose the sheet: the other sheets holding a table are other counties', not passed over
  const choosing = grid === chosen.grid ? withoutOtherSheets(chosen.problems) : [];
  return { ok: true, grid, choosing, evaluated: reading };
}

// ── The JSON contract of `balance evaluate --json` (issue 2). Field names are fixed; fields may be added. ──

export interface JsonProblem {
  severity: "error" | "warning";
  code: string;
  cell: string | null;
  /** in the language asked for */
  message: string;
  messages: { zh: string; en: string };
}

export interface JsonShortfall {
  indicator: IndicatorId;
  toStandard: number;
  toFloor: number;
  schoolToStandard: number | null;
  schoolToFloor: number | null;
}

export interface JsonSection {
  school: string;
  level: Level;
  students: number;
  included: boolean;
  /** why an excluded section is excluded: specialEducation, vocational, smallTeachingPoint, noStudents */
  exclusion: string | null;
  values: Record<IndicatorId, number | null>;
  met: Record<IndicatorId, boolean>;
  /** met, floor (below the standard but ≥ 85 % of it) or unmet */
  status: Record<IndicatorId, IndicatorStatus | null>;
  pass: boolean;
  shortfalls: JsonShortfall[];
  /** 1-based row of the school in its sheet, when known */
  sourceRow: number | null;
  /** share of the whole school's facilities attributed to the section; null when given per section */
  facilityShare: number | null;
}

export interface JsonLevel {
  sections: number;
  cv: Record<IndicatorId, number | null>;
  cvPass: Record<IndicatorId, boolean>;
  pass: boolean;
  students: number;
  passingSections: number;
  countyRatio: Record<IndicatorId, number | null>;
  sd: Record<IndicatorId, number | null>;
  limit: number;
}

export interface JsonContract {
  profile: string;
  ok: boolean;
  problems: JsonProblem[];
  sections: JsonSection[];
  /** null when ok is false */
  levels: Record<Level, JsonLevel> | null;
  /** null when ok is false */
  resourcesPass: boolean | null;
  /** where the table was read: sheet, 1-based header row, equipment unit, number of schools, and the rows left
   * out by reason (docs/school-table.md#skipped-rows); null when no table was read */
  table: {
    sheet: string;
    headerRow: number | null;
    equipmentUnit: "万元" | "元";
    schools: number;
    skippedRows: SkippedRows;
    /** the recipe a statistics export was read through (docs/import.md); null for a table read as the template */
    recipe: JsonRecipe | null;
  } | null;
}

export interface JsonRecipe {
  id: string | null;
  /** recognised from the header (the built-in), rather than given with --recipe */
  recognised: boolean;
  /** the county read, null when the table holds one */
  county: string | null;
  counties: string[];
  /** each field of the school table derived, and how */
  fields: { field: string; derivation: string }[];
}

function perIndicator<T>(f: (id: IndicatorId) => T): Record<IndicatorId, T> {
  const out = {} as Record<IndicatorId, T>;
  for (const id of INDICATOR_IDS) out[id] = f(id);
  return out;
}

function jsonSection(s: SectionResult, sourceRow: number | null): JsonSection {
  return {
    school: s.school,
    level: s.level,
    students: s.students,
    included: s.included,
    exclusion: s.exclusion ?? null,
    values: perIndicator((id) => s.values[id]),
    met: perIndicator((id) => s.met[id]),
    status: perIndicator((id) => s.status[id]),
    pass: s.pass,
    shortfalls: s.shortfalls.map((x) => ({
      indicator: x.indicator,
      toStandard: x.toStandard,
      toFloor: x.toFloor,
      schoolToStandard: x.schoolToStandard,
      schoolToFloor: x.schoolToFloor,
    })),
    sourceRow,
    facilityShare: s.facilityShare,
  };
}

function jsonProblem(p: Problem, lang: Lang): JsonProblem {
  return {
    severity: p.severity,
    code: p.code,
    cell: p.cell,
    // the JSON contract is the command line's: what to do is said with its options
    message: problemMessage(p, lang, "commandLine"),
    messages: { zh: problemMessage(p, "zh", "commandLine"), en: problemMessage(p, "en", "commandLine") },
  };
}

/** The JSON document when no table could be read at all (an unreadable file, a missing sheet). */
export function blockedJsonContract(
  profile: Profile,
  problems: readonly Problem[],
  lang: Lang = "zh",
): JsonContract {
  return {
    profile: profile.id,
    ok: false,
    problems: problems.map((p) => jsonProblem(p, lang)),
    sections: [],
    levels: null,
    resourcesPass: null,
    table: null,
  };
}

/** How many sections' results the JSON document's sections are made from at a time (`jsonContractOf`). */
const JSON_SECTION_PAGE = 256;

/** The JSON document of `balance evaluate --json`: values unrounded, an undefined CV null. */
export function toJsonContract(result: TableEvaluation, lang: Lang = "zh"): JsonContract {
  return jsonContractOf(result, lang, (sections) => Array.from(sections));
}

/**
 * The JSON document with its sections as `sectionList` gives them: an array, or a list a writer fills as it
 * goes, so that a county of 300,000 schools never holds all its JSON sections at once. The fields keep the
 * order of the contract.
 */
export function jsonContractOf<S>(
  result: TableEvaluation,
  lang: Lang,
  sectionList: (sections: Iterable<JsonSection>) => S,
): Omit<JsonContract, "sections"> & { sections: S } {
  const { evaluation, read } = result;
  const problems = result.problems.map((p) => jsonProblem(p, lang));
  const table = {
    sheet: result.sheet,
    headerRow: read.headerRow === null ? null : read.headerRow + 1,
    equipmentUnit: read.equipmentUnit,
    schools: read.records.length,
    skippedRows: { ...read.skippedRows },
    recipe: read.recipe
      ? {
          id: read.recipe.id,
          recognised: read.recipe.recognised,
          county: read.recipe.county,
          counties: [...read.recipe.counties],
          fields: read.recipe.fields.map((f) => ({ field: f.field, derivation: f.text })),
        }
      : null,
  };
  if (!evaluation) {
    return {
      profile: result.profile.id,
      ok: false,
      problems,
      sections: sectionList([]),
      levels: null,
      resourcesPass: null,
      table,
    };
  }
  const evaluated = evaluation;
  // a page of results at a time (`sectionPage`), each page garbage once written: `evaluation.sections` would make
  // every section's result at once, about 1 KB each, and keep them all as long as the evaluation
  function* sections(): Generator<JsonSection> {
    const total = sectionCount(evaluated);
    for (let start = 0; start < total; start += JSON_SECTION_PAGE)
      for (const s of sectionPage(evaluated, start, JSON_SECTION_PAGE))
        yield jsonSection(s, read.records[s.recordIndex]?.source?.row ?? null);
  }
  const levels = {} as Record<Level, JsonLevel>;
  for (const level of LEVELS) {
    const l = evaluation.levels[level];
    levels[level] = {
      sections: l.sections,
      cv: perIndicator((id) => l.balance[id].cv),
      cvPass: perIndicator((id) => l.balance[id].pass),
      pass: l.pass,
      students: l.students,
      passingSections: l.passingSections,
      countyRatio: perIndicator((id) => l.balance[id].countyRatio),
      sd: perIndicator((id) => l.balance[id].standardDeviation),
      limit: result.profile.cvLimit[level],
    };
  }
  return {
    profile: evaluation.profile,
    ok: true,
    problems,
    sections: sectionList(sections()),
    levels,
    resourcesPass: evaluation.resourcesPass,
    table,
  };
}
