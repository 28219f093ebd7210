/**
 * Whether a workbook is one Balance wrote (an evaluation report, a plan, a what-if scenario, a league or a
 * comparison workbook), by its sheets' names: a folder given to `balance batch` often holds last run's output
 * beside the county files. A county's own workbook, into which the pane writes the same sheets beside its school
 * table, is never one: it has a sheet Balance does not write.
 */
import { SHEET_NAMES } from "./build";
import { COMPARISON_SHEETS } from "./comparison";
import { LEAGUE_SUMMARY_SHEET } from "./league";
import { PLAN_SHEET_NAMES } from "./planSheets";
import { SCENARIO_SHEET_NAME } from "./scenarioSheet";

const LANGS = ["zh", "en"] as const;

/** The league workbook's summary sheet as earlier versions named it: their output is Balance's too. */
const EARLIER_LEAGUE_SUMMARY_SHEETS = ["联盟汇总"];

/** Every name a set of sheets goes by, in either language. */
const namesOf = (sheets: readonly Record<(typeof LANGS)[number], string>[]) =>
  new Set(LANGS.flatMap((lang) => sheets.map((sheet) => sheet[lang])));

const REPORT_SHEETS = namesOf(Object.values(SHEET_NAMES));
const PLAN_SHEETS = namesOf(Object.values(PLAN_SHEET_NAMES));
const SCENARIO_SHEETS = namesOf([SCENARIO_SHEET_NAME]);

export function isBalanceOutput(sheetNames: readonly string[]): boolean {
  const [first, second] = sheetNames;
  if (EARLIER_LEAGUE_SUMMARY_SHEETS.includes(first)) return true;
  const only = (names: ReadonlySet<string>) => sheetNames.length > 0 && sheetNames.every((n) => names.has(n));
  // an evaluation report: its sheets only, among them the compliance and the coefficients sheets
  const report =
    only(REPORT_SHEETS) &&
    LANGS.some(
      (lang) =>
        sheetNames.includes(SHEET_NAMES.compliance[lang]) && sheetNames.includes(SHEET_NAMES.balance[lang]),
    );
  return (
    report ||
    only(PLAN_SHEETS) ||
    only(SCENARIO_SHEETS) ||
    LANGS.some(
      (lang) =>
        first === LEAGUE_SUMMARY_SHEET[lang] ||
        (first === COMPARISON_SHEETS.summary[lang] && second === COMPARISON_SHEETS.coefficients[lang]),
    )
  );
}
