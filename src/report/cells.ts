/**
 * Small helpers shared by the league and comparison sheets: a cell, a row of headers, a verdict word, and sheet
 * names Excel accepts.
 */
import type { Lang } from "../i18n/format";
import type { CellStyle, ReportCell } from "./model";

export function cell(value: ReportCell["value"], style?: CellStyle, format?: string): ReportCell {
  const out: ReportCell = { value };
  if (style) out.style = style;
  if (format) out.format = format;
  return out;
}

export function headerRow(titles: readonly string[]): ReportCell[] {
  return titles.map((t) => cell(t, "header"));
}

/** 达标 / 不达标 in a green or red cell; a dash when not known. */
export function verdictCell(pass: boolean | null, lang: Lang): ReportCell {
  if (pass === null) return cell("—", "note");
  return pass
    ? cell(lang === "zh" ? "达标" : "Pass", "pass")
    : cell(lang === "zh" ? "不达标" : "Fail", "fail");
}

/**
 * Sheet names Excel accepts, one per name: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end, not blank,
 * not History (which Excel keeps for itself), and no two alike (Excel compares them case-insensitively); `taken` are
 * names already used in the workbook. A name is cut at 31 UTF-16 units, never inside a character outside the basic
 * plane (𠮷), which half would leave the workbook's XML unreadable.
 */
export function uniqueSheetNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(["history", ...taken.map((n) => n.toLowerCase())]);
  /** the text cut to `units` UTF-16 units, a character whole, with no apostrophe left at its end */
  const fit = (text: string, units: number) => {
    const cut = text.slice(0, units);
    return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).replace(/'+$/, "");
  };
  return names.map((name) => {
    const base =
      fit(
        name
          .replace(/[:\\/?*[\]]/g, "_")
          .replace(/^'+|'+$/g, "")
          .trim(),
        31,
      ) || "Sheet";
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `(${n})`;
      candidate = `${fit(base, 31 - suffix.length)}${suffix}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
