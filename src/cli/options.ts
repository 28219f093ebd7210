/**
 * Reading a command's options as a clerk types them (docs/cli.md#command-line): node:util parseArgs, and what it
 * lets pass or says only in English made plain — a misspelt option or command named with the near one, an option
 * typed with one dash or a dash a word processor made (–json, —json, －－json), and an option given twice with two
 * different values, which parseArgs would settle by taking the last without a word.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Bilingual } from "./io";
import { nearestName } from "../engine/names";

export { nearestName };

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** "；是否要用 X？" / "; did you mean X?" after a message, when there is a near name. */
export function didYouMean(message: Bilingual, near: string | null): Bilingual {
  return near === null
    ? message
    : { zh: `${message.zh}；是否要用 ${near}？`, en: `${message.en}; did you mean ${near}?` };
}

/** Dashes other than "-" that an option may be typed with: copied from a document, or a Chinese input method's. */
const OTHER_DASHES = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+/u;

/** The messages of node:util parseArgs errors, in both languages, naming the near option of `options`. */
function parseArgsError(error: unknown, options: OptionsConfig): Bilingual {
  const e = error as { code?: string; message?: string };
  const detail = e.message ?? String(error);
  const option = /'([^']+)'/.exec(detail)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const near = nearestName(option.replace(/^-+/u, ""), Object.keys(options));
      return didYouMean(
        { zh: `未知选项 ${option}`, en: `unknown option ${option}` },
        near === null ? null : `--${near}`,
      );
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = option.split(" ")[0];
      if (/does not take an argument/u.test(detail))
        return {
          zh: `选项 ${name} 不带值（只写 ${name}）`,
          en: `the option ${name} takes no value (just ${name})`,
        };
      return {
        zh: `选项 ${name} 缺少值或值无效（值写在选项之后，如 ${name} 值）`,
        en: `option ${name} has a missing or invalid value (the value follows it: ${name} VALUE)`,
      };
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return { zh: `多余的参数 ${option}`, en: `unexpected argument ${option}` };
    default:
      return { zh: `命令行有误：${detail}`, en: `bad command line: ${detail}` };
  }
}

/**
 * An argument before "--" that is an option of `options` typed wrongly: with one dash (-json, which parseArgs
 * would take as -j -s -o -n) or with another dash (–json, —json, －－json, which it would take as a file).
 */
function mistypedOption(args: readonly string[], options: OptionsConfig): Bilingual | null {
  for (const arg of args) {
    if (arg === "--") break;
    const other = OTHER_DASHES.exec(arg);
    const single = /^-[^-]/u.test(arg) ? arg.slice(1) : null;
    const word = (other ? arg.slice(other[0].length) : single)?.split("=")[0];
    if (word === undefined || word.length < 2 || !Object.hasOwn(options, word)) continue;
    return {
      zh: `选项 ${arg} 应以两个英文（半角）短横线开头：--${word}`,
      en: `the option ${arg} takes two ASCII hyphens: --${word}`,
    };
  }
  return null;
}

/**
 * A string option given twice with different values (--out a.xlsx --out b.xlsx): which one was meant is not
 * ours to guess. The same value twice, or a flag twice, is harmless and taken.
 */
function givenTwice(tokens: readonly Token[]): Bilingual | null {
  const values = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== "option" || token.value === undefined) continue;
    const before = values.get(token.name);
    if (before !== undefined && before !== token.value) {
      return {
        zh: `选项 --${token.name} 给了两次，值不同（“${before}”和“${token.value}”）；请只给一次`,
        en: `the option --${token.name} is given twice with different values ("${before}" and "${token.value}"); give it once`,
      };
    }
    values.set(token.name, token.value);
  }
  return null;
}

type Token = { kind: string; name?: string; value?: string } & (
  { kind: "option"; name: string; value: string | undefined } | { kind: "positional" | "option-terminator" }
);

/**
 * parseArgs (strict) of `args` with `options`, or why they are wrong in both languages (`parseArgsError`,
 * `mistypedOption`, `givenTwice`).
 */
export function parseOptions<O extends OptionsConfig>(
  args: string[],
  options: O,
  allowPositionals: boolean,
):
  | { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { ok: false; message: Bilingual } {
  const mistyped = mistypedOption(args, options);
  if (mistyped !== null) return { ok: false, message: mistyped };
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals, strict: true, options, tokens: true });
  } catch (error) {
    return { ok: false, message: parseArgsError(error, options) };
  }
  const twice = givenTwice(parsed.tokens as Token[]);
  if (twice !== null) return { ok: false, message: twice };
  return {
    ok: true,
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
}
