/**
 * What a cell of the county sheet (countySheet.ts) says, and how a measure's value is shown: the answers clerks
 * write (是/否, √, 已落实, 95%, 0.95, 1.2万元, 1.05:1, 良好) read into the values the engine judges
 * (docs/standard.md#guarantee, docs/standard.md#quality, docs/standard.md#veto), and those values written back as
 * the checklist and the report show them.
 */
import { RELATIVE_TOLERANCE, atMost } from "../standard/comparison";
import {
  RECOGNITION_ITEM,
  type Bilingual,
  type MeasureDefinition,
  type MeasureKind,
  measureById,
} from "../standard/county";
import type { ChecklistEntry } from "../engine/county/checklist";
import type { ItemValue, MeasureResult } from "../engine/county/results";
import { decimalsBeside, formatNumber, formatPercent, formatYuan, type Lang } from "../i18n/format";
import { cellError, type CellValue } from "./grid";
import { foldText } from "./vocabulary";

export interface ParsedValue {
  value: number | boolean | null;
  error?: { code: string; message: Bilingual };
}

const YES: ReadonlySet<string> = new Set([
  "是",
  "有",
  "已",
  "已落实",
  "落实",
  "符合",
  "达标",
  "达到",
  "存在",
  "健全",
  "合理",
  "已制定",
  "已建立",
  "已完成",
  "完成",
  "yes",
  "y",
  "true",
  "✓",
  "✔",
  "√",
]);
const NO: ReadonlySet<string> = new Set([
  "否",
  "无",
  "没有",
  "未",
  "未落实",
  "不符合",
  "不达标",
  "未达到",
  "不存在",
  "不健全",
  "不合理",
  "未制定",
  "未建立",
  "未完成",
  "no",
  "n",
  "false",
  "✗",
  "✘",
  "×",
  "x",
]);

/**
 * 是/否 as clerks answer it; `grades` are the measure's own (docs/standard.md#quality-6: 良好 meets 良好以上). For a
 * veto, 是 and 存在 say that it applies.
 */
function parseYesNo(cell: CellValue, grades?: MeasureDefinition["grades"]): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "string") return null;
  // an emoji's variation selector (✔️) is no part of the answer
  const t = foldText(cell)
    .replace(/\ufe0f/g, "")
    // only from where the run of marks begins: tried from each mark of a long run, it would cost the run squared
    .replace(/(?<![。.!！])[。.!！]+$/, "")
    .replace(/^(等级|评价|评定为?)[:：]?/, "")
    .replace(/(等次|等级)$/, "");
  if (grades?.meet.includes(t)) return true;
  if (grades?.fail.includes(t)) return false;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/**
 * A number from a cell, with a trailing % noted: "95 %", "９５％", "1,234", "1，234"; an amount's currency sign
 * goes ("￥6,000", "¥6000").
 */
function parseNumberText(cell: CellValue): { n: number; percent: boolean; rest: string } | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? { n: cell, percent: false, rest: "" } : null;
  if (typeof cell !== "string") return null;
  const t = cell.normalize("NFKC").replace(/\s+/g, "").replace(/,/g, "").replace(/^¥/, "");
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)(%?)(.*)$/.exec(t);
  if (!m) return null;
  return { n: Number(m[1]), percent: m[2] === "%", rest: m[3] };
}

const invalid = (code: string, zh: string, en: string): ParsedValue => ({
  value: null,
  error: { code, message: { zh, en } },
});

/**
 * A requirement written where the figure belongs: "≥95%", "不低于 85%", "95%以上". It says the county meets the
 * threshold, not what its figure is, so it is not read as one.
 */
const BOUND =
  /^(≥|≤|>|<|>=|<=|不低于|不少于|不小于|不超过|不高于|不大于|高于|低于|大于|小于|达到|超过)|(以上|以下|及以上)$/;

/** "1.05:1", "1∶1": a ratio written with a colon, as a number (a ÷ b); null when the text is not one. */
function colonRatio(cell: CellValue): number | null {
  if (typeof cell !== "string") return null;
  const m = /^(\d+(?:\.\d+)?)[:∶](\d+(?:\.\d+)?)$/.exec(cell.normalize("NFKC").replace(/\s+/g, ""));
  if (!m || Number(m[2]) === 0) return null;
  return Number(m[1]) / Number(m[2]);
}

/**
 * Monitoring levels as written: Ⅲ (NFKC: iii), 三, and the names the national monitoring gives its levels
 * (水平Ⅳ 优秀, Ⅲ 良好, Ⅱ 中等, Ⅰ 待提高).
 */
const LEVELS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  待提高: 1,
  中等: 2,
  良好: 3,
  优秀: 4,
};

/**
 * Reads a value of the given kind. Blank → null with no problem (not yet provided). Shares: a plain number up to 1
 * is a fraction (0.95, and 1 = 100 %), above 1 and up to 100 it is percentage points (95); "95%" is 95 %.
 */
export function parseMeasureValue(
  kind: MeasureKind,
  cell: CellValue,
  grades?: MeasureDefinition["grades"],
): ParsedValue {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))
    return { value: null };
  if (cell instanceof Date)
    return invalid("county-not-a-value", "日期不是有效的填报值", "a date is not a valid value");
  if (typeof cell === "object") {
    const error = cellError(cell);
    if (error === null)
      return invalid(
        "formula-not-calculated",
        "公式尚未计算：请在 Excel 中打开并保存后再试",
        "formula not calculated: open and save the workbook in Excel, then try again",
      );
    return invalid("county-not-a-value", `单元格有错误 ${error}`, `the cell holds ${error}`);
  }
  if (kind === "attested" || kind === "percentOrAttested") {
    const yn = parseYesNo(cell, grades);
    if (yn !== null) return { value: yn };
    if (kind === "attested")
      return invalid("county-not-yes-no", "应填“是”或“否”", 'expected "是" (yes) or "否" (no)');
  }
  if (typeof cell === "boolean") return invalid("county-not-a-number", "应填数值", "expected a number");
  if (kind === "level") {
    const t = foldText(String(cell))
      .replace(/^(level|水平|等级)/, "")
      .replace(/(级|以上|及以上)+$/, "");
    const n = /^[1-4]$/.test(t) ? Number(t) : LEVELS[t];
    if (n === undefined) return invalid("county-not-a-level", "应填等级 Ⅰ–Ⅳ", "expected a level Ⅰ–Ⅳ");
    return { value: n };
  }
  if (typeof cell === "string" && BOUND.test(foldText(cell)))
    return invalid(
      "county-requirement-not-value",
      `“${cell.trim()}”是要求的写法，请填写实际的数值（如 96.5%）`,
      `"${cell.trim()}" states the requirement: give the figure itself (e.g. 96.5%)`,
    );
  const ratio = kind === "ratio" ? colonRatio(cell) : null;
  if (ratio !== null) return ratioValue(ratio);
  const parsed = parseNumberText(cell);
  if (!parsed)
    return invalid("county-not-a-number", `“${String(cell)}”不是数值`, `"${String(cell)}" is not a number`);
  const { n, percent, rest } = parsed;
  if (n < 0) return invalid("county-negative", "不能为负数", "cannot be negative");
  switch (kind) {
    case "percent":
    case "percentOrAttested": {
      // 1:3 could be a third or a quarter (one to three others): the share itself is asked for
      if (/^[:∶]/.test(rest))
        return invalid(
          "county-not-a-number",
          `“${String(cell)}”是比，不是百分比：请填所占的百分比（如 25%）`,
          `"${String(cell)}" is a ratio, not a percentage: give the share (e.g. 25%)`,
        );
      if (rest !== "")
        return invalid(
          "county-not-a-number",
          `“${String(cell)}”不是百分比`,
          `"${String(cell)}" is not a percentage`,
        );
      const share = percent ? n / 100 : n <= 1 ? n : n / 100;
      if (!atMost(share, 1))
        return invalid("county-out-of-range", "百分比不能超过 100%", "a percentage cannot exceed 100 %");
      return { value: share };
    }
    case "ratio": {
      if (rest !== "")
        return invalid(
          "county-not-a-number",
          `“${String(cell)}”不是比值`,
          `"${String(cell)}" is not a ratio`,
        );
      return ratioValue(percent ? n / 100 : n);
    }
    case "rate": {
      if (rest !== "")
        return invalid(
          "county-not-a-number",
          `“${String(cell)}”不是数值`,
          `"${String(cell)}" is not a number`,
        );
      const rate = percent ? n / 100 : n;
      if (rate > 1)
        return invalid("county-out-of-range", "差异率应写作 0.12 或 12%", "write the rate as 0.12 or 12%");
      return { value: rate };
    }
    case "yuan": {
      if (percent) return invalid("county-not-a-number", "应填金额（元）", "expected an amount in yuan");
      if (rest === "" || /^元/.test(rest)) return { value: n };
      if (/^万(元)?/.test(rest)) return { value: n * 10000 };
      return invalid(
        "county-not-a-number",
        `“${String(cell)}”不是金额`,
        `"${String(cell)}" is not an amount`,
      );
    }
    default:
      return invalid("county-not-a-number", "无法识别的填报值", "unrecognised value");
  }
}

function ratioValue(ratio: number): ParsedValue {
  if (ratio > 10)
    return invalid(
      "county-out-of-range",
      "比值过大，应写作 1.05 或 105%",
      "ratio too large: write 1.05 or 105%",
    );
  return { value: ratio };
}

// ---------------------------------------------------------------------------------------------------------------
// Display

const LEVEL_LABEL = ["", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"];

/**
 * A measure's value as a person reads it: 95.0%, 1.02, 6,000 元, Ⅲ级, 是/否, "—" when not given. Beside the
 * measure's `threshold`, with the places it takes to show which side of it the value is on (`decimalsBeside`):
 * 84.99% and 5,999.99 元, never a failing 85.0% or 6,000 元.
 */
export function formatMeasureValue(
  kind: MeasureKind,
  value: number | boolean | null,
  lang: Lang = "zh",
  threshold?: number,
): string {
  if (value === null) return lang === "zh" ? "未提供" : "not provided";
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  // a value's places beside the threshold, the value and the threshold being on the scale shown (× 100 for a share)
  const places = (decimals: number, scale = 1) =>
    threshold === undefined
      ? decimals
      : decimalsBeside(value * scale, threshold * scale, decimals, RELATIVE_TOLERANCE);
  switch (kind) {
    case "percent":
    case "percentOrAttested":
      return formatPercent(value, places(1, 100), lang);
    case "ratio":
      return formatNumber(value, places(2), lang);
    case "rate":
      return formatNumber(value, places(3), lang);
    case "yuan":
      return formatYuan(value, lang, places(0));
    case "level":
      return lang === "zh" ? `${LEVEL_LABEL[value] ?? value}级` : `level ${LEVEL_LABEL[value] ?? value}`;
    default:
      return formatNumber(value, places(2), lang);
  }
}

/** One measure's value as a person reads it, beside its threshold (see `formatMeasureValue`). */
export function formatMeasureResult(
  m: Pick<MeasureResult, "id" | "kind" | "value" | "unread">,
  lang: Lang = "zh",
): string {
  // a cell that holds what cannot be read is not blank: say what it holds
  if (m.value === null && m.unread)
    return lang === "zh" ? `无法识别（“${m.unread}”）` : `unreadable ("${m.unread}")`;
  return formatMeasureValue(m.kind, m.value, lang, measureById(m.id)?.threshold);
}

/** An item's value for the checklist and the report: measures joined; derived items as counts of schools. */
export function formatItemValue(
  entry: Pick<ChecklistEntry, "measures" | "value" | "key" | "unread">,
  lang: Lang = "zh",
): string {
  if (entry.measures.length > 0) {
    if (entry.measures.every((m) => m.value === null && !m.unread))
      return formatMeasureValue("attested", null, lang);
    return entry.measures.map((m) => formatMeasureResult(m, lang)).join(lang === "zh" ? "；" : "; ");
  }
  const v: ItemValue = entry.value;
  if (v === null && entry.unread)
    return formatMeasureResult({ id: "", kind: "attested", value: null, unread: entry.unread }, lang);
  if (v !== null && typeof v === "object") {
    const n = (k: string) => Number(v[k] ?? 0);
    if ("checked" in v) {
      // class size is checked per section (a combined school has two), the other items per school
      const unit =
        "largeClasses" in v ? { zh: "个学校（校区）", en: "sections" } : { zh: "所", en: "schools" };
      const base =
        lang === "zh"
          ? `核查 ${n("checked")} ${unit.zh}，不达标学校 ${n("failing")} 所，缺数据学校 ${n("missing")} 所`
          : `${n("checked")} ${unit.en} checked; schools failing ${n("failing")}, missing data ${n("missing")}`;
      if ("largeClasses" in v) {
        // sections without their largest class are not known to hold none
        const unknown = n("largeClassesUnknown");
        if (unknown > 0 && unknown >= n("checked"))
          return lang === "zh" ? `${base}；大班额缺数据` : `${base}; large classes: missing data`;
        const apart =
          unknown === 0
            ? ""
            : lang === "zh"
              ? `（另有 ${unknown} 个学校（校区）未填最大班额）`
              : ` (${unknown} more without their largest class)`;
        return lang === "zh"
          ? `${base}；大班额 ${n("largeClasses")}，超大班额 ${n("veryLargeClasses")}${apart}`
          : `${base}; large classes ${n("largeClasses")}, very large ${n("veryLargeClasses")}${apart}`;
      }
      return base;
    }
  }
  if (typeof v === "boolean") return formatMeasureValue("attested", v, lang);
  // the one number without measures: the recognition veto's (V5), the recognition survey's result
  if (typeof v === "number")
    return formatMeasureValue("percent", v, lang, RECOGNITION_ITEM.measures[0].threshold);
  return formatMeasureValue("attested", null, lang);
}
