/*
 * BALANCE.* custom functions: Excel's arguments → the pure functions of this folder → Excel values or errors.
 * The JSDoc of each function below is the source of dist/functions.json (custom-functions-metadata-plugin);
 * functions-zh-CN.json carries the same functions in Chinese.
 */
import { activeProfile, onActiveProfileChange } from "./profile";
import { FunctionError } from "./errors";
import { diffCoef } from "./diffcoef";
import { cvLimitFor, indicatorOf, shortfallOf, standardFor } from "./thresholds";
import { SchoolRowCache, checkRow, detailRow } from "./school";
import { countyTable } from "./county";
import { whatifRow } from "./whatif";
import { excelRuntime, toExcelError } from "./runtime";

/**
 * Registration. The build (custom-functions-metadata-plugin) also appends `CustomFunctions.associate(id, fn)`
 * for every function of this file; those calls resolve to this binding first, so they go to Office once inside
 * Excel and do nothing in a plain browser (the pane's demo mode) or in Node, where there is no Office registry.
 */
const CustomFunctions = excelRuntime();

/**
 * The rows CHECK, DETAIL and WHATIF have read and evaluated, and the reader's plan of the template's header: kept
 * by this runtime for as long as Excel keeps the functions loaded (rowCache.ts).
 */
const schoolRows = new SchoolRowCache();

function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FunctionError) throw toExcelError(error);
    throw error;
  }
}

/**
 * The enrolment-weighted difference coefficient of the 2017 standard.
 * @customfunction DIFFCOEF
 * @helpurl https://localhost:3000/help/functions.html#diffcoef
 * @param values Each school's value (leave the total row out), or one two-column range of (value, students) pairs.
 * @param [students] Each school's students, a range of the same shape as the values.
 * @returns The difference coefficient.
 */
export function balanceDiffcoef(values: unknown[][], students?: unknown[][]): number {
  return run(() => diffCoef(values, students));
}

/**
 * Whether one row of the school table meets the standard: 达标 (pass), 不达标 (fail) or 不参评 (excluded).
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help/functions.html#check
 * @param row One school's row of the school table, or its column where a school has a column.
 * @param [headers] The header row; without it the row is read in the template's column order.
 * @param [level] Check one level only: 小学 (primary) or 初中 (junior).
 * @returns 达标, 不达标 or 不参评.
 */
export function balanceCheck(row: unknown[][], headers?: unknown[][], level?: unknown): string {
  return run(() => checkRow(activeProfile(), row, headers, level, schoolRows));
}

/**
 * The seven indicators of one school: level, indicator, value, standard and status.
 * @customfunction DETAIL
 * @helpurl https://localhost:3000/help/functions.html#detail
 * @param row One school's row of the school table, or its column where a school has a column.
 * @param [headers] The header row; without it the row is read in the template's column order.
 * @param [level] One level only: 小学 (primary) or 初中 (junior).
 * @returns The indicators, one per row, under a header row.
 */
export function balanceDetail(
  row: unknown[][],
  headers?: unknown[][],
  level?: unknown,
): Array<Array<string | number>> {
  return run(() => detailRow(activeProfile(), row, headers, level, schoolRows));
}

/**
 * The indicator's value for an amount of the resource and an enrolment.
 * @customfunction INDICATOR
 * @helpurl https://localhost:3000/help/functions.html#indicator
 * @param indicator The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level The level: 小学 (primary) or 初中 (junior).
 * @param amount The amount of the resource: teachers, m², equipment value or rooms.
 * @param students The section's students.
 * @param [unit] Unit of an equipment value: 万元 (10k yuan, the default) or 元 (yuan).
 * @returns The indicator's value.
 */
export function balanceIndicator(
  indicator: unknown,
  level: unknown,
  amount: unknown,
  students: unknown,
  unit?: unknown,
): number {
  return run(() => indicatorOf(activeProfile(), indicator, level, amount, students, unit));
}

/**
 * The standard of an indicator at a level, from the active profile.
 * @customfunction STANDARD
 * @helpurl https://localhost:3000/help/functions.html#standard
 * @param indicator The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level The level: 小学 (primary) or 初中 (junior).
 * @returns The standard.
 */
export function balanceStandard(indicator: unknown, level: unknown): number {
  return run(() => standardFor(activeProfile(), indicator, level));
}

/**
 * The limit on each indicator's difference coefficient at a level, from the active profile.
 * @customfunction CVLIMIT
 * @helpurl https://localhost:3000/help/functions.html#cvlimit
 * @param level The level: 小学 (primary) or 初中 (junior).
 * @returns The limit.
 */
export function balanceCvlimit(level: unknown): number {
  return run(() => cvLimitFor(activeProfile(), level));
}

/**
 * How much more of the resource a section needs to reach the standard, or its 85 % floor.
 * @customfunction SHORTFALL
 * @helpurl https://localhost:3000/help/functions.html#shortfall
 * @param indicator The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level The level: 小学 (primary) or 初中 (junior).
 * @param amount The amount of the resource the section has.
 * @param students The section's students.
 * @param [target] standard (the default) or floor (85 % of the standard).
 * @param [unit] Unit of an equipment value: 万元 (10k yuan, the default) or 元 (yuan).
 * @returns The amount still needed, in the unit of the amount; 0 when met.
 */
export function balanceShortfall(
  indicator: unknown,
  level: unknown,
  amount: unknown,
  students: unknown,
  target?: unknown,
  unit?: unknown,
): number {
  return run(() => shortfallOf(activeProfile(), indicator, level, amount, students, target, unit));
}

/**
 * The county's balance table: per level and indicator the difference coefficient, its limit and verdict, and the passing schools.
 * @customfunction COUNTY
 * @helpurl https://localhost:3000/help/functions.html#county
 * @param table The whole school table, headers included.
 * @returns The balance table, under a header row.
 */
export function balanceCounty(table: unknown[][]): Array<Array<string | number>> {
  return run(() => countyTable(activeProfile(), table));
}

/**
 * The verdict of one row of the school table after a change: 达标 (pass), 不达标 (fail) or 不参评 (excluded).
 * @customfunction WHATIF
 * @helpurl https://localhost:3000/help/functions.html#whatif
 * @param row One school's row of the school table, or its column where a school has a column.
 * @param headers The header row; leave it empty to read the row in the template's column order.
 * @param resource What changes: an indicator's resource (qualifiedTeachers, 教学用房 …) or students (在校生).
 * @param delta The change: people, m², rooms, students, or equipment in the table's unit (万元, or 元 when the header says so); negative removes.
 * @param [level] The section: 小学 (primary) or 初中 (junior); needed for teachers and students of a combined school.
 * @returns 达标, 不达标 or 不参评 after the change.
 */
export function balanceWhatif(
  row: unknown[][],
  headers: unknown[][],
  resource: unknown,
  delta: unknown,
  level?: unknown,
): string {
  return run(() => whatifRow(activeProfile(), row, headers, resource, delta, level, schoolRows));
}

CustomFunctions.associate("DIFFCOEF", balanceDiffcoef);
CustomFunctions.associate("CHECK", balanceCheck);
CustomFunctions.associate("DETAIL", balanceDetail);
CustomFunctions.associate("INDICATOR", balanceIndicator);
CustomFunctions.associate("STANDARD", balanceStandard);
CustomFunctions.associate("CVLIMIT", balanceCvlimit);
CustomFunctions.associate("SHORTFALL", balanceShortfall);
CustomFunctions.associate("COUNTY", balanceCounty);
CustomFunctions.associate("WHATIF", balanceWhatif);

// The functions are not volatile: when the pane chooses another profile, every result must be recomputed.
onActiveProfileChange(() => {
  if (typeof Excel === "undefined") return;
  Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  }).catch(() => undefined);
});

/** The ids registered by this file, in order (for tests and the task pane's diagnostics). */
export const registeredIds: readonly string[] = CustomFunctions.associated;
