/** UI language: Chinese first, English second. */
export type Lang = "zh" | "en";

const LOCALE: Record<Lang, string> = { zh: "zh-CN", en: "en-US" };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

/** A number as a person reads it: grouped thousands, fixed decimals (ratios 2, counts 0). "—" for none. */
export function formatNumber(value: number | null | undefined, decimals = 2, lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const rounded = formatter(lang, decimals).format(value);
  return rounded === "-0" || /^-0[.,]0+$/.test(rounded) ? rounded.slice(1) : rounded;
}

/** A share as a percentage: 0.853 → 85.3%. */
export function formatPercent(value: number | null | undefined, decimals = 1, lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatNumber(value * 100, decimals, lang)}%`;
}

/** 元 amounts: whole 元 below 10,000 元, otherwise 万元 with 2 decimals (as the statistics print them). */
export function formatYuan(value: number | null | undefined, lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 10000) {
    return lang === "zh"
      ? `${formatNumber(value / 10000, 2, lang)} 万元`
      : `${formatNumber(value, 0, lang)} yuan`;
  }
  return lang === "zh" ? `${formatNumber(value, 0, lang)} 元` : `${formatNumber(value, 0, lang)} yuan`;
}

/**
 * A number as a person types it into the pane, or copies it from what the pane shows: `7399`, `7,399`,
 * `7 399`, `7,399.50`, full-width `７，３９９` (NFKC folds full-width digits and marks). Null when the text
 * is not one number.
 */
export function parseNumberInput(text: string): number | null {
  const plain = text.normalize("NFKC").replace(/[\s\u00a0]/g, "");
  // digits in groups of three after the first, or no grouping at all; an optional fraction and sign
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(plain) || !/\d/.test(plain)) return null;
  const value = Number(plain.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/** The units the template's headers carry (㎡, 万元, 间), as the UI language writes them. */
const UNITS_EN: Record<string, string> = {
  "㎡": "m²",
  万元: "10,000 yuan",
  元: "yuan",
  间: "rooms",
  人: "people",
};

export function unitIn(lang: Lang, unit: string): string {
  return lang === "zh" ? unit : (UNITS_EN[unit] ?? unit);
}
