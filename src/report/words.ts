import type { Lang } from "../i18n/format";

/**
 * Words written into cells. Formulas compare against some of them (a status, a verdict), so each report is in
 * one language and its formulas use that language's words.
 */
export const WORDS = {
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "不达标", en: "Fail" },
  met: { zh: "达标", en: "Met" },
  floor: { zh: "≥85%", en: "≥ 85%" },
  unmet: { zh: "未达标", en: "Not met" },
  missing: { zh: "缺数据", en: "Missing" },
} as const;

export function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}
