/**
 * Whether a workbook is one Balance wrote (an evaluation report, a league or a comparison workbook), by its
 * sheets' names: a folder given to `balance batch` often holds last run's output beside the county files.
 */
import { SHEET_NAMES } from "./build";
import { COMPARISON_SHEETS } from "./comparison";
import { LEAGUE_SUMMARY_SHEET } from "./league";

const LANGS = ["zh", "en"] as const;

/** The league workbook's summary sheet as earlier versions named it: their output is Balance's too. */
const EARLIER_LEAGUE_SUMMARY_SHEETS = ["联盟汇总"];

export function isBalanceOutput(sheetNames: readonly string[]): boolean {
  const [first, second] = sheetNames;
  if (EARLIER_LEAGUE_SUMMARY_SHEETS.includes(first)) return true;
  return LANGS.some(
    (lang) =>
      first === LEAGUE_SUMMARY_SHEET[lang] ||
      (first === COMPARISON_SHEETS.summary[lang] && second === COMPARISON_SHEETS.coefficients[lang]) ||
      (first === SHEET_NAMES.compliance[lang] && second === SHEET_NAMES.balance[lang]),
  );
}
