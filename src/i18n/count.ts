import { formatNumber } from "./format";

/**
 * A count of things in English, the noun agreeing with the number: "1 school", "2 schools", "0 schools",
 * "1,200 students". The number is written as `formatNumber` writes a count (whole, thousands grouped; "—" for
 * none, as in "— schools").
 * `other` is the plural, for a noun that does not take a plain "s" ("county", "counties"); `one` and `other` may
 * carry words after the noun, so that a verb agrees too ("teacher moves", "teachers move").
 * Chinese has no plural: its messages write the number and the measure word (3 所学校) and need no helper.
 */
export function countOf(n: number | null | undefined, one: string, other = `${one}s`): string {
  return countShown(formatNumber(n, 0, "en"), one, other);
}

/**
 * A count already written out (as `countOf` or `formatNumber` writes it) with its noun: singular after "1" (or
 * "-1"), plural after any other figure ("0", "1.5", "1,000").
 */
export function countShown(shown: string, one: string, other = `${one}s`): string {
  return `${shown} ${/^[-−]?1$/.test(shown) ? one : other}`;
}
