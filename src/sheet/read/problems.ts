/**
 * The problems the reader reports: their stable codes and severities, and the wording shared by the steps that
 * find them. Every problem about a cell names it, in both languages.
 */
import type { SchoolType } from "../../engine/records";
import { COLUMNS } from "../../standard/columns";
import { shownValue, type CellReading } from "../cells";
import type { Problem } from "../../problems/problem";

/**
 * The stable codes of the problems the reader reports. Errors block the verdict; warnings do not. "excel-error"
 * and "not-text" are warnings in the optional text columns (城乡类型, 所属学校), errors elsewhere.
 */
export const READER_PROBLEM_CODES = {
  "no-header-row": "error",
  "no-schools": "error",
  "missing-column": "error",
  "blank-required": "error",
  "not-a-number": "error",
  "excel-error": "error",
  "date-not-number": "error",
  "formula-not-calculated": "error",
  "number-too-large": "error",
  "not-text": "error",
  "negative-number": "error",
  "fractional-count": "error",
  "duplicate-name": "error",
  "unknown-school-type": "error",
  "combined-missing-section": "error",
  "section-teachers-blank": "error",
  "type-contradicts-enrolment": "error",
  "section-facilities-incomplete": "error",
  "facilities-whole-and-section": "error",
  "indoor-sports-exceeds-teaching": "error",
  "equipment-unit-unknown": "error",
  "unit-conflict": "error",
  "parent-lacks-level": "error",
  "parent-cycle": "error",
  "parent-excluded": "error",
  "combined-no-senior": "warning",
  "equipment-implausible": "warning",
  "implausible-value": "warning",
  "teaching-point-no-parent": "warning",
  "parent-not-found": "warning",
  "parent-spelled-otherwise": "warning",
  "name-controls-removed": "warning",
  "unknown-locale": "warning",
  "unit-mismatch": "warning",
  "hidden-row": "warning",
  "hidden-column": "warning",
  "total-row-skipped": "warning",
  "header-repeated": "warning",
  "blank-row-skipped": "warning",
  "rows-after-blank": "warning",
  "rows-after-end": "warning",
  "duplicate-column": "warning",
  "mapping-unknown-column": "warning",
  "mapping-invalid": "warning",
  "bad-top-left": "warning",
} as const satisfies Record<string, Problem["severity"]>;
export type ReaderProblemCode = keyof typeof READER_PROBLEM_CODES;

export function problem(
  severity: Problem["severity"],
  code: ReaderProblemCode,
  cell: string | null,
  zh: string,
  en: string,
): Problem {
  return { severity, code, cell, message: { zh, en } };
}

const COLUMN_BY_ID: ReadonlyMap<string, (typeof COLUMNS)[number]> = new Map(COLUMNS.map((c) => [c.id, c]));

/** A column's name in both languages, for messages. */
export function columnName(id: string): { zh: string; en: string } {
  const c = COLUMN_BY_ID.get(id);
  return c ? { zh: c.zh, en: c.en } : { zh: id, en: id };
}

/** A number for a message: at most two decimals. */
export function round(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

const SCHOOL_TYPE_ZH: Record<SchoolType, string> = {
  primary: "小学",
  junior: "初中",
  nineYear: "九年一贯制学校",
  twelveYear: "十二年一贯制学校",
  complete: "完全中学",
  teachingPoint: "教学点",
  special: "特殊教育学校",
  vocational: "职业学校",
};
const SCHOOL_TYPE_EN: Record<SchoolType, string> = {
  primary: "primary school",
  junior: "junior secondary school",
  nineYear: "nine-year school",
  twelveYear: "twelve-year school",
  complete: "complete secondary school",
  teachingPoint: "teaching point",
  special: "special-education school",
  vocational: "vocational school",
};

export function typeWord(type: SchoolType): string {
  return SCHOOL_TYPE_ZH[type];
}
export function typeWordEn(type: SchoolType): string {
  return SCHOOL_TYPE_EN[type];
}

export function implausible(
  cell: string,
  col: { zh: string; en: string },
  value: number,
  zh: string,
  en: string,
): Problem {
  return problem(
    "warning",
    "implausible-value",
    cell,
    `${cell}“${col.zh}”为 ${value}，${zh}，远超一般学校，请核对。`,
    `${cell}: ${col.en} is ${value}, ${en}, far beyond what any school reports; please check.`,
  );
}

/** A formula never calculated: its value is unknown, not blank (docs/school-table.md#figures). */
function notCalculated(cell: string, col: { zh: string; en: string }, formula: string): Problem {
  const what = {
    zh: "请在 Excel 或 WPS 中打开并保存后再试。",
    en: "open and save the workbook in Excel or WPS, then try again.",
  };
  return {
    ...problem(
      "error",
      "formula-not-calculated",
      cell,
      `${cell}“${col.zh}”的公式尚未计算${formula ? `（${formula}）` : ""}：${what.zh}`,
      `${cell} (${col.en}): formula not calculated${formula ? ` (${formula})` : ""}; ${what.en}`,
    ),
    many: {
      zh: `“${col.zh}”的公式尚未计算：${what.zh}`,
      en: ` (${col.en}): formulas not calculated; ${what.en}`,
    },
  };
}

export function notANumber(reading: CellReading, cell: string, col: { zh: string; en: string }): Problem {
  const shown = shownValue(reading);
  switch (reading.kind) {
    case "error":
      return problem(
        "error",
        "excel-error",
        cell,
        `${cell}“${col.zh}”是 Excel 错误值 ${shown}，应为数字。`,
        `${cell} (${col.en}) holds the Excel error ${shown}; a number belongs there.`,
      );
    case "date":
      return problem(
        "error",
        "date-not-number",
        cell,
        `${cell}“${col.zh}”是日期（${shown}），应为数字；请把单元格格式改为“常规”或“数值”。`,
        `${cell} (${col.en}) holds a date (${shown}); a number belongs there: set the cell's format to General or Number.`,
      );
    case "formula":
      return notCalculated(cell, col, shown);
    default:
      return problem(
        "error",
        "not-a-number",
        cell,
        `${cell}“${col.zh}”的内容“${shown}”不是数字。`,
        `${cell} (${col.en}) holds "${shown}", which is not a number.`,
      );
  }
}

export function notText(
  reading: CellReading,
  cell: string,
  col: { zh: string; en: string },
  severity: Problem["severity"] = "error",
): Problem {
  const shown = shownValue(reading);
  if (reading.kind === "formula") return notCalculated(cell, col, shown);
  return reading.kind === "error"
    ? problem(
        severity,
        "excel-error",
        cell,
        `${cell}“${col.zh}”是 Excel 错误值 ${shown}。`,
        `${cell} (${col.en}) holds the Excel error ${shown}.`,
      )
    : problem(
        severity,
        "not-text",
        cell,
        `${cell}“${col.zh}”的内容“${shown}”不是文字。`,
        `${cell} (${col.en}) holds "${shown}", which is not text.`,
      );
}
