import { profileSchema, type Profile } from "./profile";
import { NATIONAL_2017 } from "./national2017";

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
  let candidate = json;
  if (isPlainObject(json) && typeof json.extends === "string") {
    const base = BUILT_IN_PROFILES[json.extends];
    if (!base) {
      return {
        ok: false,
        errors: [
          {
            field: "extends",
            message: {
              zh: `未知的基础标准“${json.extends}”`,
              en: `unknown base profile "${json.extends}"`,
            },
          },
        ],
      };
    }
    const { extends: _ignored, ...rest } = json;
    candidate = deepMerge(base, rest);
  }
  const parsed = profileSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join(".") || "(root)";
      return {
        field,
        message: {
          zh: `字段 ${field} 无效：${issue.message}`,
          en: `field ${field} is invalid: ${issue.message}`,
        },
      };
    }),
  };
}

/** Parses profile JSON text; a syntax error is reported like a bad field. */
export function parseProfileText(text: string): ProfileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        { field: "(json)", message: { zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` } },
      ],
    };
  }
  return parseProfile(json);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}
