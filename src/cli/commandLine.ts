import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang } from "../i18n/format";
import { evaluateTable } from "../pipeline";
import type { SchoolRecord } from "../engine/records";
import type { Grid } from "../sheet/grid";
import { holdsSchoolTable } from "../sheet/read";
import type { Problem } from "../sheet/problems";
import { parseProfileText } from "../standard/load";
import { NATIONAL_2017 } from "../standard/national2017";
import type { Profile } from "../standard/profile";
import { chooseSheet, readWorkbookFile } from "../xlsx/read";
import { formatProblems } from "./verdict";
import { writeJsonDocument } from "./json";
import { EXIT, parseArgsError, parseLang, usageError, type Bilingual, type CliIO } from "./io";
import { readTextFile, unreadableWhy } from "./textFile";

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
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, ...COMMON } });
  } catch (error) {
    return usageError(io, parseArgsError(error), hint);
  }
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
  if (files === "one" && positionals.length > 1) {
    return usageError(
      io,
      { zh: `多余的参数 ${positionals[1]}`, en: `unexpected argument ${positionals[1]}` },
      hint,
    );
  }
  return { values: parsed.values as Values<O>, file: positionals[0], files: positionals, lang };
}

/** The profile named by --profile (the national standard without it); an invalid one is a usage error naming the field. */
export async function readProfileOption(io: CliIO, path: string | undefined): Promise<Profile | number> {
  if (path === undefined) return NATIONAL_2017;
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = unreadableWhy(code);
    return usageError(
      io,
      code === "ENOENT"
        ? { zh: `找不到标准文件“${path}”`, en: `profile file not found: "${path}"` }
        : {
            zh: `无法读取标准文件“${path}”（${why.zh}）`,
            en: `cannot read the profile "${path}" (${why.en})`,
          },
    );
  }
  const result = parseProfileText(text);
  if (result.ok) return result.profile;
  const fields = result.errors.map((e) => e.field).join(", ");
  io.stderr(
    `balance: 标准文件“${path}”无效 / the profile "${path}" is invalid (${fields})\n` +
      result.errors.map((e) => `  ${e.field}: ${e.message.zh}\n  ${e.field}: ${e.message.en}\n`).join(""),
  );
  return EXIT.usage;
}

/** Reads a JSON file named on the command line; a usage error when it is missing or not JSON. */
export async function readJsonFile(
  io: CliIO,
  path: string,
  what: Bilingual,
): Promise<{ ok: true; value: unknown } | { ok: false; code: number }> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    const why = unreadableWhy((error as NodeJS.ErrnoException).code);
    return {
      ok: false,
      code: usageError(io, {
        zh: `无法读取${what.zh}“${path}”（${why.zh}）`,
        en: `cannot read the ${what.en} "${path}" (${why.en})`,
      }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      code: usageError(io, {
        zh: `${what.zh}“${path}”不是有效的 JSON（${(error as Error).message}）`,
        en: `the ${what.en} "${path}" is not valid JSON (${(error as Error).message})`,
      }),
    };
  }
}

/**
 * The first steps of every command that reads a workbook: its sheets, and the sheet of the school table
 * (--sheet, else the first with a recognisable header). `grids` holds every sheet (the county sheet is
 * looked up among them).
 */
export async function readSchoolSheet(
  file: string,
  sheet: string | undefined,
): Promise<
  { ok: true; grids: Grid[]; grid: Grid; problems: Problem[] } | { ok: false; problems: Problem[] }
> {
  const workbook = await readWorkbookFile(file);
  if (!workbook.ok) return { ok: false, problems: [workbook.problem] };
  const chosen = chooseSheet(workbook.grids, sheet, holdsSchoolTable);
  if (!chosen.ok) return { ok: false, problems: [chosen.problem] };
  // problems of choosing the sheet (a hidden sheet passed over or read)
  return { ok: true, grids: workbook.grids, grid: chosen.grid, problems: chosen.problems };
}

/**
 * The school records of a workbook by the same path as `balance evaluate`: `readSchoolSheet`, then
 * `evaluateTable`. Errors in the table block, exactly as there.
 */
export async function readCountyRecords(
  file: string,
  sheet: string | undefined,
  profile: Profile,
): Promise<{ ok: true; records: SchoolRecord[]; problems: Problem[] } | { ok: false; problems: Problem[] }> {
  const chosen = await readSchoolSheet(file, sheet);
  if (!chosen.ok) return chosen;
  const result = withSheetProblems(evaluateTable(chosen.grid, profile), chosen.problems);
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, records: result.read.records, problems: result.problems };
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
    message: p.message[lang],
    messages: p.message,
  }));
}

/** Problems that stop a command: one JSON document on stdout with --json, else the list on stderr. Exit 1. */
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
