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
 * 按在校生数加权的校际差异系数（教督〔2017〕6号）。 / The enrolment-weighted difference coefficient of the 2017 standard.
 * @customfunction DIFFCOEF
 * @helpurl https://localhost:3000/help/functions.html#diffcoef
 * @param values 各校的指标值（不含合计行）；或一个两列区域（指标值，在校生数）。 / Each school's value (leave the total row out), or one two-column range of (value, students) pairs.
 * @param [students] 各校在校生数（人），与数值区域格数相同（一行对一列亦可）。 / Each school's students, as many cells as the values (a row against a column will do).
 * @returns The difference coefficient.
 */
export function balanceDiffcoef(values: unknown[][], students?: unknown[][]): number {
  return run(() => diffCoef(values, students));
}

/**
 * 学校表的一行是否达到标准：达标、不达标或不参评。 / Whether one row of the school table meets the standard: 达标 (pass), 不达标 (fail) or 不参评 (excluded).
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help/functions.html#check
 * @param row 学校表中一所学校的一行；每校一列的表选该校的一列。 / One school's row of the school table, or its column where a school has a column.
 * @param [headers] 表头行；省略时按模板的列序读取学校行。 / The header row; without it the row is read in the template's column order.
 * @param [level] 只检查一个学段：小学或初中。 / Check one level only: 小学 (primary) or 初中 (junior).
 * @returns 达标, 不达标 or 不参评.
 */
export function balanceCheck(row: unknown[][], headers?: unknown[][], level?: unknown): string {
  return run(() => checkRow(activeProfile(), row, headers, level, schoolRows));
}

/**
 * 一所学校的七项指标：学段、指标、数值、标准和状态。 / The seven indicators of one school: level, indicator, value, standard and status.
 * @customfunction DETAIL
 * @helpurl https://localhost:3000/help/functions.html#detail
 * @param row 学校表中一所学校的一行；每校一列的表选该校的一列。 / One school's row of the school table, or its column where a school has a column.
 * @param [headers] 表头行；省略时按模板的列序读取学校行。 / The header row; without it the row is read in the template's column order.
 * @param [level] 只列出一个学段：小学或初中。 / One level only: 小学 (primary) or 初中 (junior).
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
 * 由资源数量和在校生数计算指标值：教师（人）和多媒体教室（间）按每百名学生计，面积按生均㎡，仪器设备值按生均元。 / The indicator's value for an amount of the resource and an enrolment: teachers and rooms per 100 students, m² and yuan per student.
 * @customfunction INDICATOR
 * @helpurl https://localhost:3000/help/functions.html#indicator
 * @param indicator 指标名称（如 高学历教师）或编号（如 qualifiedTeachers）。 / The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level 小学或初中。 / The level: 小学 (primary) or 初中 (junior).
 * @param amount 资源数量：教师（人）、面积（㎡）、仪器设备值（万元或元）或多媒体教室（间）。 / The amount of the resource: teachers, m², equipment value (万元 or 元) or rooms.
 * @param students 该学段的在校生数。 / The section's students.
 * @param [unit] 仪器设备值的单位：万元（默认）或元。 / Unit of an equipment value: 万元 (10k yuan, the default) or 元 (yuan).
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
 * 当前标准方案中某项指标在某学段的标准值，单位同指标值：教师（人）和多媒体教室（间）按每百名学生计，面积按生均㎡，仪器设备值按生均元。 / The standard of an indicator at a level, from the active profile, in the indicator's unit: teachers and rooms per 100 students, m² and yuan per student.
 * @customfunction STANDARD
 * @helpurl https://localhost:3000/help/functions.html#standard
 * @param indicator 指标名称（如 高学历教师）或编号（如 qualifiedTeachers）。 / The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level 小学或初中。 / The level: 小学 (primary) or 初中 (junior).
 * @returns The standard.
 */
export function balanceStandard(indicator: unknown, level: unknown): number {
  return run(() => standardFor(activeProfile(), indicator, level));
}

/**
 * 当前标准方案中某学段各项指标差异系数的上限。 / The limit on each indicator's difference coefficient at a level, from the active profile.
 * @customfunction CVLIMIT
 * @helpurl https://localhost:3000/help/functions.html#cvlimit
 * @param level 小学或初中。 / The level: 小学 (primary) or 初中 (junior).
 * @returns The limit.
 */
export function balanceCvlimit(level: unknown): number {
  return run(() => cvLimitFor(activeProfile(), level));
}

/**
 * 达到标准（或标准的 85%）还需增加的资源数量，单位同数量（人、㎡、万元或元、间）；已达到时为 0。 / How much more of the resource a section needs to reach the standard, or its 85 % floor, in the amount's unit.
 * @customfunction SHORTFALL
 * @helpurl https://localhost:3000/help/functions.html#shortfall
 * @param indicator 指标名称（如 高学历教师）或编号（如 qualifiedTeachers）。 / The indicator: its id (qualifiedTeachers …) or Chinese name (高学历教师 …).
 * @param level 小学或初中。 / The level: 小学 (primary) or 初中 (junior).
 * @param amount 现有的资源数量：教师（人）、面积（㎡）、仪器设备值（万元或元）或多媒体教室（间）。 / The amount of the resource the section has: teachers, m², equipment value (万元 or 元) or rooms.
 * @param students 该学段的在校生数。 / The section's students.
 * @param [target] “标准”（达到标准，默认）或“85%”（达到标准的 85%）；也可写 standard、floor。 / standard (the default) or floor (85 % of the standard).
 * @param [unit] 仪器设备值的单位：万元（默认）或元。 / Unit of an equipment value: 万元 (10k yuan, the default) or 元 (yuan).
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
 * 县域均衡表：各学段各项指标的差异系数、限值、是否达标，以及参评和达标学校数。 / The county's balance table: per level and indicator the difference coefficient, its limit and verdict, and the passing schools.
 * @customfunction COUNTY
 * @helpurl https://localhost:3000/help/functions.html#county
 * @param table 整张学校表（含表头行）。 / The whole school table, headers included.
 * @returns The balance table, under a header row.
 */
export function balanceCounty(table: unknown[][]): Array<Array<string | number>> {
  return run(() => countyTable(activeProfile(), table));
}

/**
 * 学校表的一行在一项变化之后是否达标：达标、不达标或不参评。 / The verdict of one row of the school table after a change: 达标 (pass), 不达标 (fail) or 不参评 (excluded).
 * @customfunction WHATIF
 * @helpurl https://localhost:3000/help/functions.html#whatif
 * @param row 学校表中一所学校的一行；每校一列的表选该校的一列。 / One school's row of the school table, or its column where a school has a column.
 * @param headers 表头行；留空时按模板的列序读取学校行。 / The header row; leave it empty to read the row in the template's column order.
 * @param resource 变化的资源：某项指标的资源（高学历教师、教学用房……）或在校生。 / What changes: an indicator's resource (qualifiedTeachers, 教学用房 …) or students (在校生).
 * @param delta 变化量：人数、㎡、间数、学生数，仪器设备按表中单位（万元；表头写“元”时为元）；负数表示减少。 / The change: people, m², rooms, students, or equipment in the table's unit (万元, or 元 when the header says so); negative removes.
 * @param [level] 学段：小学或初中；九年一贯制等学校改教师或学生时须填写。 / The section: 小学 (primary) or 初中 (junior); needed for teachers and students of a combined school.
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
