/** UI language: Chinese first, English second. */
export type Lang = "zh" | "en";

/**
 * The shortest decimal that reads back as the same double (1.005, not 1.00499999999999989…), as its whole and
 * fraction digits: 1.005 → ["1", "005"], 1e21 → ["1000000000000000000000", ""], 1e-7 → ["0", "0000001"].
 */
function shortestDigits(abs: number): [whole: string, fraction: string] {
  const text = String(abs);
  if (text.indexOf("e") < 0) {
    const point = text.indexOf(".");
    return point < 0 ? [text, ""] : [text.slice(0, point), text.slice(point + 1)];
  }
  const [mantissa, exponent] = abs.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const power = Number(exponent);
  return power >= 0
    ? [digits.slice(0, power + 1).padEnd(power + 1, "0"), digits.slice(power + 1)]
    : ["0", "0".repeat(-power - 1) + digits];
}

/** A whole number written in decimal digits, plus one: "199" → "200", "99" → "100". */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  const carried = "0".repeat(digits.length - 1 - i);
  return i < 0 ? `1${carried}` : `${digits.slice(0, i)}${Number(digits[i]) + 1}${carried}`;
}

/** The shortest decimal of `abs` rounded half away from zero to `decimals` places: "1.01" for 1.005 and 2. */
function roundShortest(abs: number, decimals: number): string {
  let [whole, fraction] = shortestDigits(abs);
  if (fraction.length <= decimals) {
    fraction = fraction.padEnd(decimals, "0");
  } else {
    const roundsUp = fraction.charCodeAt(decimals) >= 53; /* "5" */
    fraction = fraction.slice(0, decimals);
    if (roundsUp) {
      const digits = plusOne(whole + fraction);
      whole = digits.slice(0, digits.length - decimals);
      fraction = digits.slice(digits.length - decimals);
    }
  }
  return decimals > 0 ? `${whole}.${fraction}` : whole;
}

/**
 * A number rounded to `decimals` places as Intl.NumberFormat writes it in zh-CN and en-US alike: the shortest
 * decimal of the double rounded half away from zero, thousands grouped by ",", no sign on a zero. Done by hand:
 * the first Intl.NumberFormat loads ICU's locale data, which takes longer than the rest of `balance evaluate`
 * on a county, and each later call costs more than this.
 */
function roundedText(value: number, decimals: number): string {
  const abs = Math.abs(value);
  const scale = 10 ** decimals;
  const scaled = abs * scale;
  let whole: string;
  let fraction: string;
  let zero: boolean;
  // Rounding the exact double (as toFixed does) and its shortest decimal (as Intl does) differ only at a tie
  // (1.005 is stored as 1.00499…), and a tie is within rounding error of a half in `scaled`. Elsewhere, below
  // 10¹², `scaled` rounds to the same whole number as the exact product: the digits are then that number's.
  if (scaled < 1e12 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-3) {
    const units = Math.round(scaled);
    const wholeUnits = Math.floor(units / scale);
    whole = String(wholeUnits);
    fraction = decimals > 0 ? String(units - wholeUnits * scale).padStart(decimals, "0") : "";
    zero = units === 0;
  } else {
    const rounded = roundShortest(abs, decimals);
    const point = decimals > 0 ? rounded.length - decimals - 1 : rounded.length;
    whole = rounded.slice(0, point);
    fraction = rounded.slice(point + 1);
    zero = !/[1-9]/.test(rounded);
  }
  let text = value < 0 && !zero ? "-" : "";
  if (whole.length <= 3) text += whole;
  else {
    // thousands grouped by ",": the first group takes what is left over from groups of three
    const first = ((whole.length - 1) % 3) + 1;
    text += whole.slice(0, first);
    for (let at = first; at < whole.length; at += 3) text += "," + whole.slice(at, at + 3);
  }
  return decimals > 0 ? `${text}.${fraction}` : text;
}

/** A number as a person reads it: grouped thousands, fixed decimals (ratios 2, counts 0). "—" for none. */
export function formatNumber(value: number | null | undefined, decimals = 2, _lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return roundedText(value, decimals);
}

/** The figure a person reads when `value` is shown to `decimals` places. */
function shownAt(value: number, decimals: number): number {
  return Number(roundedText(value, decimals).replace(/,/g, ""));
}

/**
 * The most decimals `decimalsBeside` and `exactPlaces` give: more than a value a tolerance of 10⁻⁹ off a threshold as small as
 * 10⁻⁶ needs (the figures of the standard are far larger).
 */
const MOST_DECIMALS = 20;

/**
 * The decimals to show `value` with beside a `threshold` it is judged against (docs/standard.md#comparison):
 * `decimals`, or as many more as it takes for the figure shown to stand on the same side of the threshold as the
 * value itself. Rounded, 84.99 % would read 85.0 % beside a requirement of 85 %, and a coefficient of 0.50002 over
 * its limit would read 0.5000: shown so, a failing figure looks like a passing one. A value within `tolerance` of
 * the threshold (relative: the engine's, which judges it to be at the threshold) is written with the places the
 * threshold takes (`exactPlaces`): at a floor of 3.825, 3.825 rather than 3.83. No value keeps `decimals`.
 */
export function decimalsBeside(
  value: number | null,
  threshold: number,
  decimals: number,
  tolerance: number,
): number {
  if (value === null) return decimals;
  const gap = value - threshold;
  // a gap of a unit of the last place or more is more than rounding moves a figure
  if (!(Math.abs(gap) < 10 ** -decimals)) return decimals;
  // at the threshold: written as the threshold is (3.825 at a floor of 3.825, not 3.83)
  if (Math.abs(gap) <= Math.abs(threshold) * tolerance) return exactPlaces(threshold, decimals, tolerance);
  for (let d = decimals; d < MOST_DECIMALS; d++) {
    if (Math.sign(shownAt(value, d) - threshold) === Math.sign(gap)) return d;
  }
  return Math.max(decimals, MOST_DECIMALS);
}

/**
 * The places that write a threshold as it is, from `decimals` (up to `MOST_DECIMALS`): 85 % of 4.5 is written
 * 3.825, not 3.82 or 3.83, which would misstate the line a value is judged against; 4.5 keeps `decimals`. Within
 * `tolerance` (relative: the engine's) of the threshold is near enough: 0.85 × 0.9 is 0.7650000000000001 in binary.
 */
export function exactPlaces(value: number, decimals: number, tolerance: number): number {
  for (let d = decimals; d < MOST_DECIMALS; d++) {
    if (Math.abs(shownAt(value, d) - value) <= Math.abs(value) * tolerance) return d;
  }
  return Math.max(decimals, MOST_DECIMALS);
}

/**
 * A difference coefficient to 4 places, as the report prints it (at 2, 0.5004 would read "0.50" over its limit of
 * 0.50), or with the places that show it on its side of its `limit` (`decimalsBeside`): 0.50000002, not 0.5000.
 * "—" for none.
 */
export function formatCoefficient(
  cv: number | null,
  limit: number,
  tolerance: number,
  lang: Lang = "zh",
): string {
  return formatNumber(cv, decimalsBeside(cv, limit, 4, tolerance), lang);
}

/** A share as a percentage: 0.853 → 85.3%. */
export function formatPercent(value: number | null | undefined, decimals = 1, lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatNumber(value * 100, decimals, lang)}%`;
}

/**
 * 元 amounts: whole 元 below 10,000 元, otherwise 万元 with 2 decimals (as the statistics print them); `decimals`
 * more places of 元 below 10,000 where a threshold needs them (`decimalsBeside`).
 */
export function formatYuan(value: number | null | undefined, lang: Lang = "zh", decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) >= 10000) {
    return lang === "zh"
      ? `${formatNumber(value / 10000, 2, lang)} 万元`
      : `${formatNumber(value, 0, lang)} yuan`;
  }
  const yuan = formatNumber(value, decimals, lang);
  return lang === "zh" ? `${yuan} 元` : `${yuan} yuan`;
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

/** 元 amounts in 万元, whatever their size, as plans and their costs are read: 12.00 万元, 0.35 万元. */
export function formatWan(value: number | null | undefined, lang: Lang = "zh"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return lang === "zh"
    ? `${formatNumber(value / 10000, 2, lang)} 万元`
    : `${formatNumber(value, 0, lang)} yuan`;
}

/** How each language punctuates a list's items (甲、乙), a label before its value (人数：), clauses in a row (；). */
export const PUNCTUATION: Readonly<
  Record<Lang, { list: string; label: string; clause: string; sentence: string }>
> = {
  zh: { list: "、", label: "：", clause: "；", sentence: "" },
  en: { list: ", ", label: ": ", clause: "; ", sentence: " " },
};
