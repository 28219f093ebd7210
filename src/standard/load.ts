import { profileSchema, type Profile } from "./profile";
import { NATIONAL_2017 } from "./national2017";
import { readHandJson } from "../problems/handJson";
import { schemaIssueText, WITH_INPUT } from "../problems/schemaIssue";

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileError[] };
export interface ProfileError {
  /** dotted path of the bad field, e.g. `indicators.teachingArea.standard.primary` */
  field: string;
  message: { zh: string; en: string };
}

/** Built-in profiles by id. */
export const BUILT_IN_PROFILES: Record<string, Profile> = { [NATIONAL_2017.id]: NATIONAL_2017 };

/**
 * Validates a custom profile (parsed JSON). A profile may give every field, or `"extends": "national-2017"`
 * and only the fields it changes (objects are merged deeply).
 */
export function parseProfile(json: unknown): ProfileResult {
  const unsafe = unsafeKeys(json, []);
  if (unsafe.length > 0) {
    return {
      ok: false,
      errors: unsafe.map((field) => ({
        field,
        message: {
          zh: `字段名 ${field} 不允许使用（__proto__、constructor、prototype 不能作为字段名）`,
          en: `the field name ${field} is not allowed (__proto__, constructor and prototype are never fields)`,
        },
      })),
    };
  }
  let candidate = json;
  if (isPlainObject(json) && Object.prototype.hasOwnProperty.call(json, "extends")) {
    const name = json.extends;
    // an own built-in only: "toString" names no profile, however objects answer to it
    const base =
      typeof name === "string" && Object.prototype.hasOwnProperty.call(BUILT_IN_PROFILES, name)
        ? BUILT_IN_PROFILES[name]
        : undefined;
    if (!base) {
      const known = Object.keys(BUILT_IN_PROFILES).join("、");
      return {
        ok: false,
        errors: [
          {
            field: "extends",
            message: {
              zh: `未知的基础标准“${String(name)}”（可用：${known}）`,
              en: `unknown base profile "${String(name)}" (known: ${Object.keys(BUILT_IN_PROFILES).join(", ")})`,
            },
          },
        ],
      };
    }
    const { extends: _ignored, ...rest } = json;
    candidate = deepMerge(base, rest);
  }
  const parsed = profileSchema.safeParse(candidate, WITH_INPUT);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((issue): ProfileError[] => {
      const path = issue.path.map(String);
      if (issue.code === "unrecognized_keys") {
        // one error per unknown field, named by its whole path: cvLimit.juniour
        return issue.keys.map((key) => {
          const field = [...path, key].join(".");
          return {
            field,
            message: {
              zh: `未知字段 ${field}（拼写有误？标准文件中的每个字段都须是已知字段）`,
              en: `unknown field ${field} (misspelt? every field of a profile must be a known one)`,
            },
          };
        });
      }
      const field = path.join(".") || "(root)";
      const text = schemaIssueText(issue);
      return [
        {
          field,
          message: {
            zh: `字段 ${field} 无效：${text.zh}`,
            en: `field ${field} is invalid: ${text.en}`,
          },
        },
      ];
    }),
  };
}

/**
 * Parses a profile's text as a person wrote it (docs/cli.md#hand-written, `readHandJson`): a fault of its JSON — a
 * key written twice, a Chinese comma, 1e400 — is reported like a bad field, at its line and column.
 */
export function parseProfileText(text: string): ProfileResult {
  const json = readHandJson(text);
  if (!json.ok) return { ok: false, errors: [{ field: "(json)", message: json.message }] };
  return parseProfile(json.value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keys that would reach an object's prototype if merged (a parsed file has them as own fields). */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The dotted paths of every unsafe key, at any depth. */
function unsafeKeys(value: unknown, path: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeKeys(item, [...path, String(i)]));
  if (!isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key) =>
    UNSAFE_KEYS.has(key) ? [[...path, key].join(".")] : unsafeKeys(value[key], [...path, key]),
  );
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    // defined, never assigned: an assignment to __proto__ would set the prototype (the keys are refused before)
    const own = Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined;
    Object.defineProperty(merged, key, {
      value: deepMerge(own, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}
