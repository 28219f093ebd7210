import { countOf } from "../i18n/count";
import { INDICATOR_IDS, type IndicatorId, type Level } from "../standard/indicators";
import { columnById, templateHeader } from "../standard/columns";
import { parseLevel } from "../sheet/recipe/table";
import type { Profile } from "../standard/profile";
import { valueError, FunctionError, RETURNABLE_ERRORS, type ExcelErrorKind } from "./errors";
import { readCell, readNumber, shownValue } from "../sheet/cells";
import { toCellValue } from "./problems";
import { tenThousand, wholeCount } from "../sheet/read/figures";
import { BEYOND_COMPUTATION, BEYOND_COMPUTATION_ZH, LARGEST_FIGURE } from "../standard/figures";

/** A cell as Excel passes it to a custom function: number, text, boolean, or empty (null or ""). */
export type ArgumentCell = unknown;
export type ArgumentMatrix = readonly (readonly ArgumentCell[])[];

export function isBlank(value: ArgumentCell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * 1-based position of a cell inside an argument range, for messages: counted within the range selected (the sheet's
 * own row for a whole column), which the message says, since a function does not know where its range sits.
 */
export function position(row: number, col: number): { zh: string; en: string } {
  return {
    zh: `所选区域第 ${row + 1} 行第 ${col + 1} 列`,
    en: `row ${row + 1}, column ${col + 1} of the range`,
  };
}

/** An argument as a message shows it: text in quotes, an error value by its code, TRUE and FALSE as Excel shows them. */
export function shown(value: ArgumentCell): string {
  if (typeof value === "string") return `“${value}”`;
  if (typeof value === "object" && value !== null)
    return `错误值 ${shownValue(readCell(toCellValue(value)))}`;
  return shownValue(readCell(value));
}

export function shownEn(value: ArgumentCell): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "object" && value !== null)
    return `the error value ${shownValue(readCell(toCellValue(value)))}`;
  return shownValue(readCell(value));
}

/**
 * A number argument. `what` names it in the message (e.g. 在校生数 / students). It is read as the reader reads a
 * number (src/sheet/cells.ts): "1,234" and full-width digits are numbers. Other text, booleans and blanks are
 * #VALUE!: none of them is an amount, a count or a change.
 */
export function numberArgument(value: ArgumentCell, what: { zh: string; en: string }): number {
  const cell = readNumber(toCellValue(value));
  if (cell.kind === "blank") throw valueError(`${what.zh}为空`, `${what.en} is blank`);
  if (cell.kind === "notNumber") {
    throw valueError(
      `${what.zh}应为数字，而不是 ${shown(value)}`,
      `${what.en} must be a number, not ${shownEn(value)}`,
    );
  }
  return cell.value;
}

/**
 * Single-cell arguments holding an error value (a lookup's #N/A, a division's #DIV/0!) pass it on, as Excel's own
 * functions do, so that IFNA and IFERROR around a BALANCE function keep working; the message names the argument.
 * An error Office does not let a function return (#REF!, #NAME?) is #VALUE!. Ranges are read cell by cell instead,
 * and an error value there is #VALUE! naming its cell.
 */
export function passOnErrors(
  ...args: readonly (readonly [ArgumentCell, { zh: string; en: string }])[]
): void {
  for (const [value, what] of args) {
    if (typeof value !== "object" || value === null || value instanceof Date) continue;
    const code = shownValue(readCell(toCellValue(value)));
    throw new FunctionError(RETURNABLE_ERRORS.has(code) ? (code as ExcelErrorKind) : "#VALUE!", {
      zh: `${what.zh}是错误值 ${code}`,
      en: `${what.en} is the error value ${code}`,
    });
  }
}

/** Within what the engine computes with (docs/school-table.md#figures `number-too-large`): 10¹⁵ either way. */
export function computable(value: number): boolean {
  return Math.abs(value) <= LARGEST_FIGURE;
}

/** The error of a figure beyond what can be computed: 1e308 would overflow to Infinity, and its square to NaN. */
export function tooLarge(what: { zh: string; en: string }, n: number): FunctionError {
  return valueError(
    `${what.zh}为 ${n}，${BEYOND_COMPUTATION_ZH}`,
    `${what.en} is ${n}, ${BEYOND_COMPUTATION}`,
  );
}

/**
 * A figure as the reader takes one from the school table (docs/school-table.md#figures): within what can be computed
 * (`number-too-large`: 10¹⁵ in the engine's unit, once `factor` has turned 万元 into 元 as the reader does, without
 * the binary noise of × 10,000), and a whole number where people or rooms are counted (`fractional-count`), cleared
 * of binary noise (20.99999999999 → 21). 12.5 teachers is a typing error, not an amount to divide: the message names
 * the argument. Areas and money may be fractional.
 * @returns the figure in the engine's unit
 */
function figure(n: number, what: { zh: string; en: string }, whole: boolean, factor = 1): number {
  const value = factor === 10000 ? tenThousand(n) : n * factor;
  if (!computable(value)) throw tooLarge(what, n);
  if (!whole) return value;
  const count = wholeCount(value);
  if (count === null) {
    throw valueError(
      `${what.zh}应为整数（收到 ${n}）：人数和间数没有小数`,
      `${what.en} must be a whole number (got ${n}): people and rooms are counted whole`,
    );
  }
  return count;
}

/** A number argument that cannot be negative: an amount of a resource or a count of students. */
export function nonNegativeNumber(value: ArgumentCell, what: { zh: string; en: string }): number {
  const n = numberArgument(value, what);
  if (n < 0) throw valueError(`${what.zh}不能为负数（${n}）`, `${what.en} cannot be negative (${n})`);
  return n;
}

/** A count of students: a number, not negative, and whole as the reader counts people (`fractional-count`). */
export function studentCount(value: ArgumentCell): number {
  return figure(nonNegativeNumber(value, ARGUMENT.students), ARGUMENT.students, true);
}

/** An indicator's resource as a function's amount names it: 高学历教师数量 / the amount of qualified teachers. */
function amountLabel(profile: Profile, indicator: IndicatorId): { zh: string; en: string } {
  const def = profile.indicators[indicator];
  return { zh: `${def.shortName.zh}数量`, en: `the amount of ${def.shortName.en.toLowerCase()}` };
}

/**
 * An amount of an indicator's resource (INDICATOR, SHORTFALL), in `unit`: not negative, and whole where the profile
 * counts the resource whole (`integral`: teachers and rooms in the national standard, docs/standard.md#indicators).
 * @returns the amount in the engine's unit (元 for equipment value) and the factor that turned it into it
 */
export function amountArgument(
  value: ArgumentCell,
  unit: ArgumentCell,
  indicator: IndicatorId,
  profile: Profile,
): { amount: number; factor: number } {
  const factor = amountFactor(unit, indicator, profile);
  const what = amountLabel(profile, indicator);
  const amount = figure(nonNegativeNumber(value, what), what, profile.indicators[indicator].integral, factor);
  return { amount, factor };
}

/**
 * A change of a resource (WHATIF), which may be negative: whole for people (`whole`) and rooms, as `amountArgument`.
 * @returns the change in the engine's unit
 */
export function changeArgument(value: ArgumentCell, whole: boolean, factor = 1): number {
  return figure(numberArgument(value, ARGUMENT.delta), ARGUMENT.delta, whole, factor);
}

/** Text of an optional argument, or undefined when it is omitted or blank. */
export function optionalText(value: ArgumentCell): string | undefined {
  if (isBlank(value)) return undefined;
  return String(value).trim();
}

/** The names of the single-cell arguments, for messages. */
export const ARGUMENT = {
  indicator: { zh: "指标", en: "the indicator" },
  level: { zh: "学段", en: "the level" },
  amount: { zh: "数量", en: "the amount" },
  students: { zh: "在校生数", en: "students" },
  unit: { zh: "单位", en: "the unit" },
  target: { zh: "目标", en: "the target" },
  resource: { zh: "资源", en: "the resource" },
  delta: { zh: "变化量", en: "the change" },
} as const;

/** Lower-case, trimmed, full-width letters and digits folded to half-width: how names are compared. */
export function normalizeName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * 小学 / 初中 / primary / junior → the level, read by the reader's own words for a 学段 (parseLevel: 小学部, 初中段,
 * 初级中学 …). 高中 is a level of its own, outside compulsory education, and named so.
 */
export function resolveLevel(value: ArgumentCell): Level {
  if (isBlank(value)) {
    throw valueError(
      "缺少学段：请填写“小学”或“初中”",
      "the level is missing: give 小学 (primary) or 初中 (junior)",
    );
  }
  const level = typeof value === "string" ? parseLevel(value) : null;
  if (level === "senior") {
    throw valueError(
      `${shown(value)}不是义务教育的学段：请填写“小学”或“初中”`,
      `${shownEn(value)} is not a level of compulsory education: give 小学 (primary) or 初中 (junior)`,
    );
  }
  if (!level) {
    throw valueError(
      `未知的学段${shown(value)}：请填写“小学”或“初中”`,
      `unknown level ${shownEn(value)}: give 小学 (primary) or 初中 (junior)`,
    );
  }
  return level;
}

/** An optional level: undefined when omitted or blank. */
export function optionalLevel(value: ArgumentCell): Level | undefined {
  return isBlank(value) ? undefined : resolveLevel(value);
}

/**
 * The indicator names of each profile, an index derived from the profile and owned by it: the WeakMap is keyed
 * by the profile, so an index lives exactly as long as its profile and goes with it. A profile is not changed
 * once loaded (the functions take the active one from profile.ts and never edit it), so its index never goes stale.
 */
const lookups = new WeakMap<Profile, ReadonlyMap<string, IndicatorId>>();

/** A level's word at the start of a column's name (小学高于规定学历教师数, Primary key teachers). */
const LEVEL_PREFIX = /^(?:小学|初中|primary|junior)/u;

/**
 * The school table's names for the resource an indicator is computed from (docs/school-table.md#columns): the
 * columns the reader matches (教学及辅助用房面积, 网络多媒体教室数（间）, 小学高于规定学历教师数 and their aliases), with
 * and without the level's word, so that a clerk may name an indicator as the table's header does.
 */
function resourceColumnNames(id: IndicatorId): string[] {
  const capitalized = id[0].toUpperCase() + id.slice(1);
  const names: string[] = [];
  for (const columnId of [id, `primary${capitalized}`, `junior${capitalized}`]) {
    const column = columnById(columnId);
    if (!column) continue;
    for (const name of [templateHeader(column), column.zh, column.en, ...(column.aliases ?? [])]) {
      const folded = normalizeName(name);
      names.push(folded, folded.replace(LEVEL_PREFIX, ""));
    }
  }
  return names;
}

/**
 * Names by which an indicator may be given: its id and the profile's names for it (short and full, Chinese
 * and English), then the school table's names for its resource. Built from the profile, so a profile that renames
 * an indicator is followed; a table's name never displaces a profile's.
 */
function indicatorLookup(profile: Profile): ReadonlyMap<string, IndicatorId> {
  const known = lookups.get(profile);
  if (known) return known;
  const lookup = new Map<string, IndicatorId>();
  for (const id of INDICATOR_IDS) {
    const def = profile.indicators[id];
    for (const name of [id, def.shortName.zh, def.shortName.en, def.name.zh, def.name.en]) {
      lookup.set(normalizeName(name), id);
    }
  }
  for (const id of INDICATOR_IDS) {
    for (const name of resourceColumnNames(id)) if (name && !lookup.has(name)) lookup.set(name, id);
  }
  lookups.set(profile, lookup);
  return lookup;
}

/** An indicator given by id (qualifiedTeachers …) or by name (高学历教师 …). */
export function resolveIndicator(value: ArgumentCell, profile: Profile): IndicatorId {
  const names = INDICATOR_IDS.map((id) => profile.indicators[id].shortName.zh).join("、");
  if (isBlank(value))
    throw valueError(`缺少指标：可用 ${names}`, `the indicator is missing: use ${INDICATOR_IDS.join(", ")}`);
  const id = typeof value === "string" ? indicatorLookup(profile).get(normalizeName(value)) : undefined;
  if (!id) {
    throw valueError(
      `未知的指标${shown(value)}：可用 ${names}`,
      `unknown indicator ${shownEn(value)}: use ${INDICATOR_IDS.join(", ")}`,
    );
  }
  return id;
}

/** Equipment value in 万元 or 元 (docs/standard.md#equipment-unit: the statistics record 万元). */
export type EquipmentUnit = "万元" | "元";

const EQUIPMENT_UNITS = new Map<string, EquipmentUnit>([
  ["万元", "万元"],
  ["10kyuan", "万元"],
  ["10,000yuan", "万元"],
  ["元", "元"],
  ["yuan", "元"],
]);

/**
 * The unit an amount is given in. Only equipment value has a choice (万元, the profile's default, or 元);
 * the other indicators accept their own resource unit or nothing.
 * @returns the factor that turns the amount into the engine's unit (元 for equipment value)
 */
export function amountFactor(unit: ArgumentCell, indicator: IndicatorId, profile: Profile): number {
  const text = optionalText(unit);
  const def = profile.indicators[indicator];
  if (indicator === "equipmentValue") {
    const chosen =
      text === undefined ? profile.equipmentDefaultUnit : EQUIPMENT_UNITS.get(normalizeName(text));
    if (!chosen) {
      throw valueError(
        `未知的单位${shown(unit)}：仪器设备值用“万元”或“元”`,
        `unknown unit ${shownEn(unit)}: equipment value is in 万元 or 元`,
      );
    }
    return chosen === "万元" ? 10000 : 1;
  }
  if (text === undefined) return 1;
  const own = [def.resourceUnit.zh, def.resourceUnit.en];
  if (def.resourceUnit.zh === "㎡") own.push("m2", "平方米");
  if (!own.map(normalizeName).includes(normalizeName(text))) {
    throw valueError(
      `${def.shortName.zh}的单位只能是“${def.resourceUnit.zh}”，而不是${shown(unit)}`,
      `the unit of ${def.shortName.en} can only be ${def.resourceUnit.en}, not ${shownEn(unit)}`,
    );
  }
  return 1;
}

/**
 * A range that must be a single row of cells (a school's row). A header row selected with it belongs in the
 * headers argument, which the message says.
 */
export function singleRow(range: ArgumentMatrix, what: { zh: string; en: string }): readonly ArgumentCell[] {
  if (range.length !== 1) {
    const cols = range[0]?.length ?? 0;
    throw valueError(
      `${what.zh}应为一所学校的一行（或一列）单元格，而所选区域为 ${range.length} 行 × ${cols} 列；表头行请作为第二个参数给出`,
      `${what.en} must be one school's single row (or column) of cells, not ${countOf(range.length, "row")} × ${countOf(cols, "column")}; ` +
        "give the header row as the second argument",
    );
  }
  return range[0];
}

export { FunctionError };
