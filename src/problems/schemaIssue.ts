/**
 * What is wrong with a field of a file a person wrote (an edits list, a profile, a recipe, unit costs, a rename
 * map), said in Chinese and in English. The files are checked with zod, whose own messages are English only: a
 * clerk reading "修改无效（Invalid input: expected number, received string）" is told half of it in a language the
 * message is not in. The issues the files' schemas raise are said here in both; a message a schema gives itself
 * (BEYOND_COMPUTATION) keeps its own words.
 */
import type { z } from "zod";
import { countShown } from "../i18n/count";
import { BEYOND_COMPUTATION, BEYOND_COMPUTATION_ZH } from "../standard/figures";

export interface IssueText {
  zh: string;
  en: string;
}

/** The issues of a failed check, with what each field held: parse with this to have `received` said. */
export const WITH_INPUT = { reportInput: true } as const;

const TYPE_ZH: Record<string, string> = {
  number: "数字",
  int: "整数",
  string: "文字",
  boolean: "true 或 false",
  object: "对象 { … }",
  array: "数组 [ … ]",
  null: "null",
};

const TYPE_EN: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  object: "an object { … }",
  array: "a list [ … ]",
  null: "null",
};

/** The kind of a value as JSON has it, for "received …". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "number";
  return typeof value;
}

/** A value as the file wrote it, short enough for a message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * What a file may say for a field, as a Chinese list: each value as it must be written, with its meaning from
 * `glossary` where the value is a code ("primary"（小学）).
 */
const choicesZh = (values: readonly unknown[], glossary: Glossary) =>
  values.map((v) => (typeof v === "string" && glossary[v] ? `${shown(v)}（${glossary[v]}）` : shown(v)));
const choicesEn = (values: readonly unknown[]) => values.map((v) => shown(v));

/** Chinese meanings of the codes a file writes (primary → 小学), shown beside them in the list of choices. */
export type Glossary = Readonly<Record<string, string>>;

/**
 * "One of these": the values a field may hold as the file must write them, each code with its meaning from
 * `glossary`, and the value found where there is one.
 */
export function oneOf(values: readonly unknown[], glossary: Glossary = {}, found?: unknown): IssueText {
  const had = found === undefined ? null : shown(found);
  return {
    zh: `应为以下之一：${choicesZh(values, glossary).join("、")}${had ? `；这里是 ${had}` : ""}`,
    en: `expected one of ${choicesEn(values).join(", ")}${had ? `; found ${had}` : ""}`,
  };
}

/** The issue's bound as a number, a date or a count, as written. */
const bound = (value: unknown) => String(value);

/**
 * An issue of a file's check in both languages. A missing field is said to be missing; a field of the wrong kind
 * is said with what it held (when the check kept it, `WITH_INPUT`).
 */
export function schemaIssueText(issue: z.core.$ZodIssue, glossary: Glossary = {}): IssueText {
  if (issue.message === BEYOND_COMPUTATION) return { zh: BEYOND_COMPUTATION_ZH, en: BEYOND_COMPUTATION };
  const held = "input" in issue && issue.input !== undefined;
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected);
      const zhExpected = TYPE_ZH[expected] ?? expected;
      const enExpected = TYPE_EN[expected] ?? expected;
      if (!held) return { zh: `缺少此项，应为${zhExpected}`, en: `missing: expected ${enExpected}` };
      const received = kindOf(issue.input);
      // a number as it is; text in its quotes, said to be text; of anything else its kind only
      if (received === "number" || received === "int") {
        return {
          zh: `应为${zhExpected}，这里是 ${shown(issue.input)}`,
          en: `expected ${enExpected}, found ${shown(issue.input)}`,
        };
      }
      const value = received === "string" ? ` ${shown(issue.input)}` : "";
      // a number typed in quotes ("12", "１２"): what to write, without the quotes and in ASCII digits
      const bare =
        received === "string" && expected === "number"
          ? (issue.input as string)
              .trim()
              .replace(/[０-９．－]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
          : "";
      if (bare !== "" && Number.isFinite(Number(bare)) && /^-?\d/u.test(bare))
        return {
          zh: `应为${zhExpected}，这里是${TYPE_ZH[received] ?? received}${value}；数字不加引号，请写 ${Number(bare)}`,
          en: `expected ${enExpected}, found ${TYPE_EN[received] ?? received}${value}; a number has no quotes: write ${Number(bare)}`,
        };
      return {
        zh: `应为${zhExpected}，这里是${TYPE_ZH[received] ?? received}${value}`,
        en: `expected ${enExpected}, found ${TYPE_EN[received] ?? received}${value}`,
      };
    }
    case "invalid_value": {
      const zh = choicesZh(issue.values, glossary);
      const en = choicesEn(issue.values);
      const found = held ? shown(issue.input) : "";
      if (en.length === 1) {
        return {
          zh: `应为 ${zh[0]}${found ? `，这里是 ${found}` : ""}`,
          en: `expected ${en[0]}${found ? `, found ${found}` : ""}`,
        };
      }
      return oneOf(issue.values, glossary, held ? issue.input : undefined);
    }
    case "too_small": {
      if (issue.origin === "string") return { zh: "不能为空", en: "must not be empty" };
      if (issue.origin === "array" || issue.origin === "set") {
        return {
          zh: `至少应有 ${bound(issue.minimum)} 项`,
          en: `must have at least ${countShown(bound(issue.minimum), "item")}`,
        };
      }
      return issue.inclusive === false
        ? { zh: `应大于 ${bound(issue.minimum)}`, en: `must be more than ${bound(issue.minimum)}` }
        : { zh: `不能小于 ${bound(issue.minimum)}`, en: `must be at least ${bound(issue.minimum)}` };
    }
    case "too_big": {
      if (issue.origin === "string") {
        return {
          zh: `不能超过 ${bound(issue.maximum)} 个字`,
          en: `must be at most ${countShown(bound(issue.maximum), "character")}`,
        };
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return {
          zh: `最多 ${bound(issue.maximum)} 项`,
          en: `must have at most ${countShown(bound(issue.maximum), "item")}`,
        };
      }
      return issue.inclusive === false
        ? { zh: `应小于 ${bound(issue.maximum)}`, en: `must be less than ${bound(issue.maximum)}` }
        : { zh: `不能大于 ${bound(issue.maximum)}`, en: `must be at most ${bound(issue.maximum)}` };
    }
    case "unrecognized_keys":
      return {
        zh: `未知字段 ${issue.keys.join("、")}（拼写有误？）`,
        en: `unknown field(s) ${issue.keys.join(", ")} (misspelt?)`,
      };
    case "invalid_union": {
      // a discriminated union (an edit's kind): the field that says which form, what it may say and what it said
      const { options, discriminator } = issue as { options?: readonly unknown[]; discriminator?: string };
      if (options && options.length > 0) {
        const input = held ? issue.input : undefined;
        const said =
          discriminator !== undefined && typeof input === "object" && input !== null
            ? (input as Record<string, unknown>)[discriminator]
            : undefined;
        return oneOf(options, glossary, said);
      }
      return { zh: "格式不对", en: "not in any of the forms it may take" };
    }
    case "invalid_format":
      return { zh: "格式不对", en: issue.message };
    case "not_multiple_of":
      return {
        zh: `应为 ${bound(issue.divisor)} 的倍数`,
        en: `must be a multiple of ${bound(issue.divisor)}`,
      };
    default:
      return { zh: "值无效", en: issue.message };
  }
}
