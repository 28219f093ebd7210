import { existsSync } from "node:fs";
import type { parseArgs, ParseArgsConfig } from "node:util";
import type { Lang } from "../i18n/format";
import { evaluateWorkbookTable, type TableEvaluation } from "../pipeline";
import type { SchoolRecord } from "../engine/records";
import type { Grid } from "../sheet/grid";
import { problemMessage, type Problem } from "../problems/problem";
import type { ProjectSizes, UnitCosts } from "../engine/plan/costs";
import type { Recipe, TableRecipe } from "../sheet/recipe/schema";
import { NATIONAL_2017 } from "../standard/national2017";
import { controlsRemovedWords, withoutControls } from "../engine/names";
import type { Profile } from "../standard/profile";
import { findCountySheet } from "../countyVerdict";
import { countyNamedOtherwise, titleRowsOf, workbookCounty, type WorkbookCounty } from "../workbookCounty";
import { archiveLine, archivedPath, readWorkbookFile } from "./workbookFile";
import { formatProblems, problemLine } from "./verdict";
import { writeJsonDocument } from "./json";
import type { TitleParts } from "../i18n/titleParts";
import { titleOptions, typedYear } from "./commands/titles";
import { EXIT, checkOutputPath, parseLang, usageError, type Bilingual, type CliIO } from "./io";
import { readTextFile, unreadableWhy } from "./textFile";
import { readHandJson } from "../problems/handJson";
import { parseOptions } from "./options";
import { isFolderFileName } from "../xlsx/spreadsheetFiles";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
const COMMON = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsOptionsConfig;

type Values<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O & typeof COMMON }>
>["values"];

export interface CommandLine<O extends ParseArgsOptionsConfig> {
  values: Values<O>;
  /** the one file the command works on (the first, for a command that takes several) */
  file: string;
  /** every file named, for a command that takes several */
  files: string[];
  lang: Lang;
}

/**
 * Parses a command's arguments: its own options plus --lang and --help, and exactly one file (at least one with
 * `files: "many"`). A usage error, or --help, gives the exit code instead.
 */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  io: CliIO,
  command: { name: string; help: string },
  args: string[],
  options: O,
  missingFile: Bilingual = { zh: "缺少工作簿文件名", en: "the workbook file is missing" },
  files: "one" | "many" = "one",
): CommandLine<O> | number {
  const hint = `balance ${command.name} --help`;
  const parsed = parseOptions(args, { ...options, ...COMMON }, true);
  if (!parsed.ok) return usageError(io, parsed.message, hint);
  const common = parsed.values as { lang?: string; help?: boolean };
  const { positionals } = parsed;
  if (common.help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  const lang = parseLang(common.lang);
  if (!lang) {
    return usageError(io, {
      zh: `--lang 只能是 zh 或 en（收到“${common.lang}”）`,
      en: `--lang must be zh or en (got "${common.lang}")`,
    });
  }
  if (positionals.length === 0) return usageError(io, missingFile, hint);
  if (files === "one" && positionals.length > 1)
    return usageError(io, extraArgument(args, positionals, { ...options, ...COMMON }), hint);
  const values = parsed.values as Values<O> & { county?: unknown; year?: unknown };
  // 2026年 is the year 2026 (`typedYear`)
  if (typeof values.year === "string") values.year = typedYear(values.year);
  // a county of controls only is none given
  if (typeof values.county === "string") values.county = typedCounty(io, values.county, lang) || undefined;
  return { values, file: positionals[0], files: positionals, lang };
}

/**
 * The usage error of a second file where one is taken. Most often a name with a space typed without quotes
 * (--sheet 学 校, D:\\My Files\\县.xlsx, which the shell splits in two): the words joined in quotes are shown.
 * A value given to a switch (template --county 白狼县) is said to be one the switch does not take.
 */
function extraArgument(
  args: readonly string[],
  positionals: readonly string[],
  options: ParseArgsOptionsConfig,
): Bilingual {
  const extra = positionals[1];
  const said = { zh: `多余的参数 ${extra}`, en: `unexpected argument ${extra}` };
  const at = args.lastIndexOf(extra);
  const before = args[at - 1];
  if (at < 1) return said;
  // a value given to a switch (template --county 白狼县, where --county names no county)
  const name = before.startsWith("--") ? before.slice(2) : null;
  const switched = name !== null && Object.hasOwn(options, name) && options[name].type === "boolean";
  // a second file after a switch is only a second file
  if (switched && !existsSync(extra) && !isFolderFileName(extra)) {
    return {
      zh: `${said.zh}（${before} 是开关，不带值）`,
      en: `${said.en} (${before} is a switch and takes no value)`,
    };
  }
  if (before.startsWith("-")) return said;
  // the word before it: the file given (a name that is no file, split at its space), or an option's value
  const option = before === positionals[0] ? null : args[at - 2];
  if (option === null ? existsSync(before) : !(option?.startsWith("--") && !option.includes("=")))
    return said;
  let end = at + 1;
  while (end < args.length && !args[end].startsWith("-")) end++;
  const words = `"${args.slice(at - 1, end).join(" ")}"`;
  const quoted = option === null ? words : `${option} ${words}`;
  return {
    zh: `${said.zh}（名称中有空格时请加英文引号：${quoted}）`,
    en: `${said.en} (put a name holding a space in quotes: ${quoted})`,
  };
}

/**
 * The county named by --county without controls (`withoutControls`, docs/school-table.md#names), as a county's name
 * read from a workbook is: it names the results, the JSON and the written workbooks' titles. The controls removed
 * are told of on stderr, before anything else, naming the option.
 */
function typedCounty(io: CliIO, county: string, lang: Lang): string {
  const { name, removed } = withoutControls(county);
  if (removed.length === 0) return county;
  const words = controlsRemovedWords(removed, name);
  const problem: Problem = {
    severity: "warning",
    code: "name-controls-removed",
    cell: null,
    message: { zh: `--county 所给名称中${words.zh}`, en: `the name given by --county ${words.en}` },
  };
  io.stderr(`${problemLine(problem, lang)}\n`);
  return name;
}

type FieldErrors = { field: string; message: Bilingual }[];

/**
 * A JSON file of settings named by an option (a profile, a recipe), checked by `parse`: a file that cannot be read
 * or does not pass is a usage error, each wrong field named in both languages.
 */
async function readSettingsFile<T>(
  io: CliIO,
  path: string,
  what: Bilingual,
  parse: (json: unknown) => Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors }>,
): Promise<T | number> {
  const file = await readJsonFile(io, path, what);
  if (!file.ok) return file.code;
  const result = await parse(file.value);
  if (result.ok) return result.value;
  const fields = result.errors.map((e) => e.field).join(", ");
  io.stderr(
    `balance: ${what.zh}“${path}”无效 / the ${what.en} "${path}" is invalid (${fields})\n` +
      result.errors.map((e) => `  ${e.field}: ${e.message.zh}\n  ${e.field}: ${e.message.en}\n`).join(""),
  );
  return EXIT.usage;
}

/**
 * The profile named by --profile (the national standard without it); an invalid one is a usage error naming the
 * field. The profile's schema (zod) is loaded only to check a file that is given.
 */
export async function readProfileOption(io: CliIO, path: string | undefined): Promise<Profile | number> {
  if (path === undefined) return NATIONAL_2017;
  return readSettingsFile(io, path, { zh: "标准文件", en: "profile" }, async (json) => {
    const { parseProfile } = await import("../standard/load");
    const r = parseProfile(json);
    return r.ok ? { ok: true, value: r.profile } : r;
  });
}

/** The recipe named by --recipe (none without it); an invalid one is a usage error naming the field. */
export async function readRecipeOption(
  io: CliIO,
  path: string | undefined,
): Promise<Recipe | undefined | number> {
  if (path === undefined) return undefined;
  return readSettingsFile(io, path, { zh: "配方文件", en: "recipe" }, async (json) => {
    const { parseRecipe } = await import("../sheet/recipe/load");
    const r = parseRecipe(json);
    return r.ok ? { ok: true, value: r.recipe } : r;
  });
}

/** A table recipe for a command that reads one workbook; a form recipe is for a folder (balance import). */
export function tableRecipeOption(io: CliIO, recipe: Recipe | undefined): TableRecipe | undefined | number {
  if (recipe === undefined || recipe.kind === "table") return recipe;
  return usageError(io, {
    zh: "教基报表配方读取的是每校一个工作簿的文件夹：请用 balance import <文件夹>",
    en: "a 教基 forms recipe reads a folder of one workbook per school: use balance import <folder>",
  });
}

/** --recipe of a command that reads school tables: read and checked, a usage error when it cannot be used. */
export async function tableRecipeFile(
  io: CliIO,
  path: string | undefined,
): Promise<TableRecipe | undefined | number> {
  const recipeFile = await readRecipeOption(io, path);
  if (typeof recipeFile === "number") return recipeFile;
  return tableRecipeOption(io, recipeFile);
}

/** The options of every command that reads one county's school table: its sheet, one county of an export, a recipe. */
export const TABLE_OPTIONS = {
  sheet: { type: "string" },
  county: { type: "string" },
  recipe: { type: "string" },
} as const satisfies ParseArgsOptionsConfig;

/** The help of --recipe, alike for every command that takes it. */
export const RECIPE_HELP = `  --recipe FILE.json   配方文件：列名不同的统计导出表如何读（docs/import.md）；默认自动识别内置配方
                       a recipe file for an export with other column names; the built-in is recognised by default`;

/**
 * The options of a command that reads one county's school table and writes sheets of its own with --out
 * (evaluate, plan, whatif): the table's, --profile, --json, --out, --force and --year.
 */
export const COUNTY_TABLE_OPTIONS = {
  ...TABLE_OPTIONS,
  profile: { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  force: { type: "boolean" },
  year: { type: "string" },
} as const satisfies ParseArgsOptionsConfig;

/**
 * The first checks of plan and whatif, before anything is read: --year (a year or a school year) and --out (an
 * .xlsx that is none of `inputs`, the files the command reads, and not an existing file without --force). The
 * title parts from --county and --year, or the exit code of the usage error.
 */
export async function sheetsOutOptions(
  io: CliIO,
  values: { county?: string; year?: string; out?: string; force?: boolean },
  inputs: readonly (string | undefined)[],
): Promise<TitleParts | number> {
  const title = titleOptions(values);
  if (!title.ok) return usageError(io, title.message);
  if (values.out !== undefined) {
    const read = inputs.filter((f): f is string => f !== undefined);
    const check = await checkOutputPath(values.out, {
      force: values.force === true,
      extension: ".xlsx",
      inputs: read,
    });
    if (!check.ok) return usageError(io, check.message);
  }
  return title.parts;
}

/** How a command reads its school table, from --sheet, --county and --recipe (`tableOptions`). */
export interface TableChoice {
  sheet: string | undefined;
  /**
   * --county as given: the rows of a multi-county export whose county column holds it; the county the workbook
   * is about (countyWorkbook.ts `workbookCounty`)
   */
  county: string | undefined;
  recipe: TableRecipe | undefined;
}

/**
 * --sheet, --county and --recipe of a command that reads one county's school table, as `balance evaluate` takes
 * them: a recipe file is read and checked (a usage error when it cannot be used), and a county the profile does not
 * list is read all the same, without a target year.
 */
export async function tableOptions(
  io: CliIO,
  values: { sheet?: string; county?: string; recipe?: string },
): Promise<TableChoice | number> {
  const recipe = await tableRecipeFile(io, values.recipe);
  if (typeof recipe === "number") return recipe;
  return { sheet: values.sheet, county: values.county, recipe };
}

/**
 * Reads a JSON file named on the command line (docs/cli.md#hand-written): a usage error when it is missing, no
 * text, or not JSON, naming the file, the line and column, the path there from `root`, and what to type instead.
 */
export async function readJsonFile(
  io: CliIO,
  path: string,
  what: Bilingual,
  root = "",
): Promise<{ ok: true; value: unknown } | { ok: false; code: number }> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = unreadableWhy(code);
    return {
      ok: false,
      code: usageError(
        io,
        code === "ENOENT"
          ? {
              zh: `找不到${what.zh}“${path}”（${why.zh}）`,
              en: `${what.en} not found: "${path}" (${why.en})`,
            }
          : {
              zh: `无法读取${what.zh}“${path}”（${why.zh}）`,
              en: `cannot read the ${what.en} "${path}" (${why.en})`,
            },
      ),
    };
  }
  const parsed = readHandJson(text, root);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    code: usageError(io, {
      zh: `${what.zh}“${path}”${parsed.message.zh}`,
      en: `the ${what.en} "${path}", ${parsed.message.en}`,
    }),
  };
}

/** Problems of a file named on the command line (an edits file, a costs file), each message naming the file first. */
export function inFile<P extends Problem>(problems: readonly P[], what: Bilingual, path: string): P[] {
  return problems.map((p) => ({
    ...p,
    message: {
      zh: `${what.zh}“${path}”：${p.message.zh}`,
      en: `the ${what.en} "${path}": ${p.message.en}`,
    },
  }));
}

/**
 * The first steps of every command that reads a county's workbook: its sheets, and its school table evaluated
 * (pipeline.ts `evaluateWorkbookTable`: --sheet, else the first sheet with a recognisable header, else for
 * --county the sheet that holds it). `grids` holds every sheet (the county sheet is looked up among them);
 * `problems` are those of choosing the sheet (a hidden sheet passed over or read).
 */
export async function readWorkbookTable(
  file: string,
  table: TableChoice,
  profile: Profile,
): Promise<
  | {
      ok: true;
      grids: Grid[];
      grid: Grid;
      problems: Problem[];
      evaluated: TableEvaluation;
      inside?: string;
    }
  | { ok: false; problems: Problem[]; inside?: string }
> {
  const workbook = await readWorkbookFile(file);
  const { inside } = workbook;
  if (!workbook.ok) return { ok: false, problems: [workbook.problem], inside };
  const read = evaluateWorkbookTable(workbook.grids, profile, table);
  if (!read.ok) return { ok: false, problems: [read.problem], inside };
  return {
    ok: true,
    grids: workbook.grids,
    grid: read.grid,
    problems: read.choosing,
    evaluated: read.evaluated,
    inside,
  };
}

/**
 * Says which workbook of a zip archive given was read (读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”), first
 * of the output: on stdout above the text's heading, on stderr beside a JSON document.
 */
export function sayArchive(
  io: CliIO,
  file: string,
  inside: string | undefined,
  lang: Lang,
  json: boolean,
): void {
  const line = archiveLine(file, inside, lang);
  if (line) (json ? io.stderr : io.stdout)(line);
}

/**
 * The school records of a workbook by the same path as `balance evaluate`: `readWorkbookTable`. Errors in the table block, exactly as there. `county` is the county the workbook is about
 * (countyWorkbook.ts `workbookCounty`), as evaluate's report is titled; a workbook that names another than the one
 * given has the warning among the problems.
 */
export async function readCountyRecords(
  file: string,
  table: TableChoice,
  profile: Profile,
): Promise<
  | { ok: true; records: SchoolRecord[]; problems: Problem[]; county: WorkbookCounty; inside?: string }
  | { ok: false; problems: Problem[]; inside?: string }
> {
  const chosen = await readWorkbookTable(file, table, profile);
  const { inside } = chosen;
  if (!chosen.ok) return chosen;
  const { evaluated } = chosen;
  const countySheet = findCountySheet(chosen.grids, undefined, chosen.grid.sheet);
  const county = workbookCounty(
    {
      file: archivedPath(file, inside),
      given: table.county,
      tableCounty: evaluated.read.recipe?.county ?? null,
      countySheet: countySheet.ok ? countySheet.grid : null,
      tableTitle: titleRowsOf(chosen.grid, evaluated.read.headerRow),
    },
    profile,
  );
  const otherwise = countyNamedOtherwise(county, archivedPath(file, inside));
  const result = withSheetProblems(evaluated, otherwise ? [...chosen.problems, otherwise] : chosen.problems);
  if (!result.ok) return { ok: false, problems: result.problems, inside };
  return { ok: true, records: result.read.records, problems: result.problems, county, inside };
}

/**
 * The school records of plan and whatif: --sheet, --county and --recipe taken as `balance evaluate` takes them
 * (`tableOptions`), the records read by `readCountyRecords`, and errors in the table printed (exit 1, headed by
 * the file). `titles` carries the county the workbook is about, which names the sheets as in evaluate's report.
 */
export async function countyRecordsOption(
  io: CliIO,
  file: string,
  values: { sheet?: string; county?: string; recipe?: string },
  profile: Profile,
  title: TitleParts,
  output: { lang: Lang; json: boolean },
): Promise<{ records: SchoolRecord[]; problems: Problem[]; titles: TitleParts } | number> {
  const table = await tableOptions(io, values);
  if (typeof table === "number") return table;
  const county = await readCountyRecords(file, table, profile);
  sayArchive(io, file, county.inside, output.lang, output.json);
  if (!county.ok) return inputProblems(io, county.problems, output.lang, output.json, file);
  return {
    records: county.records,
    problems: county.problems,
    titles: { ...title, county: county.county.name },
  };
}

/** A table's evaluation with the problems of choosing its sheet (a hidden sheet passed over or read) first. */
export function withSheetProblems<T extends { problems: Problem[] }>(
  result: T,
  sheetProblems: readonly Problem[],
): T {
  return sheetProblems.length === 0
    ? result
    : { ...result, problems: [...sheetProblems, ...result.problems] };
}

export function jsonProblems(problems: readonly Problem[], lang: Lang) {
  return problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    cell: p.cell,
    message: problemMessage(p, lang, "commandLine"),
    messages: { zh: problemMessage(p, "zh", "commandLine"), en: problemMessage(p, "en", "commandLine") },
  }));
}

/** Problems that stop a command: one JSON document on stdout with --json, else the list on stderr. Exit 1. */
const COSTS_FILE = { zh: "成本文件", en: "costs file" };
/** What an edits file is called in messages; paths in it start at `edits` (edits[2].count). */
export const EDITS_FILE = { zh: "修改清单", en: "edits file" };

/**
 * The plan's unit costs and project sizes: the defaults, or those of `--costs FILE.json` (checked, every problem
 * naming its field). A number is the exit code after saying why the file could not be used.
 */
export async function readCostsOption(
  io: CliIO,
  path: string | undefined,
  lang: Lang,
  json: boolean,
): Promise<{ costs: UnitCosts; projects: ProjectSizes; warnings: Problem[] } | number> {
  // the costs' schema (zod) loads with the plan, never on evaluate's path
  const { DEFAULT_PROJECT_SIZES, DEFAULT_UNIT_COSTS, parseCosts } = await import("../engine/plan/costs");
  if (path === undefined)
    return { costs: { ...DEFAULT_UNIT_COSTS }, projects: DEFAULT_PROJECT_SIZES, warnings: [] };
  const file = await readJsonFile(io, path, COSTS_FILE);
  if (!file.ok) return file.code;
  const parsed = parseCosts(file.value);
  if (parsed.problems.length > 0)
    return inputProblems(io, inFile(parsed.problems, COSTS_FILE, path), lang, json);
  // a cost that looks like 万元 is used as given, and said
  return {
    costs: parsed.costs,
    projects: parsed.projects,
    warnings: inFile(parsed.warnings, COSTS_FILE, path),
  };
}

export async function inputProblems(
  io: CliIO,
  problems: readonly Problem[],
  lang: Lang,
  json: boolean,
  heading?: string,
): Promise<number> {
  if (json) await writeJsonDocument(io, { ok: false, problems: jsonProblems(problems, lang) });
  else io.stderr(`${heading ? `${heading}\n` : ""}${formatProblems(problems, lang).join("\n")}\n`);
  return EXIT.inputErrors;
}
