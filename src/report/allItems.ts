import { countyChecklist } from "../engine/county/checklist";
import { type CountyVerdict } from "../engine/county/results";
import type { Lang } from "../i18n/format";
import { checklistRowPlace } from "../sheet/countySheet";
import { formatItemValue } from "../sheet/countyValues";
import type { Problem } from "../problems/problem";
import type { CellStyle, ReportCell, ReportSheet } from "./model";
import { sheetRef } from "../sheet/grid";
import { fontSizeOf } from "./look";
import { SheetBuilder, pageMarks, tableTitle, wrappedLines, type TitleParts } from "./print";

type Text = { zh: string; en: string };

/** One item of the full county verdict (docs/standard.md#parts, docs/standard.md#guarantee, docs/standard.md#quality), as the engine states it. */
export interface CountyItem {
  part: "resources" | "guarantee" | "quality" | "recognition" | "vetoes";
  /** number of the item within its part (§5 1–15, §6 1–9), or a short id for vetoes */
  item: number | string;
  name: Text;
  requirement: Text | string;
  /** the value as read or derived; null when missing */
  value: string | number | null;
  status: "pass" | "fail" | "missing";
  /**
   * schools that fail the item, with the offending cell; without one (the table has no such column), what is
   * missing: a school named twice (its music and its art rooms) is otherwise two names and no reason
   */
  schools?: { school: string; cell?: string | null; what?: string }[];
  /**
   * the county sheet's rows that fail or are missing: the code, its cell (null when the sheet has no such row)
   * and where to fix it in words
   */
  rows?: { code: string; cell: string | null; place: string }[];
  evidence?: string | null;
  /** what the county sheet's 备注 column says of the item's measures */
  notes?: string | null;
}

/** The full county verdict: resources, guarantee, quality, recognition and vetoes. */
export interface CountyItems {
  countyPass: boolean;
  items: CountyItem[];
}

const PART_NAMES: Record<CountyItem["part"], Text> = {
  resources: { zh: "资源配置", en: "Resources" },
  guarantee: { zh: "政府保障程度", en: "Government guarantee" },
  quality: { zh: "教育质量", en: "Education quality" },
  recognition: { zh: "社会认可度", en: "Social recognition" },
  vetoes: { zh: "一票否决", en: "Veto" },
};

const STATUS_NAMES: Record<CountyItem["status"], Text> = {
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "不达标", en: "Fail" },
  missing: { zh: "缺数据", en: "Missing" },
};

const STATUS_STYLE: Record<CountyItem["status"], CellStyle> = { pass: "pass", fail: "fail", missing: "warn" };

/**
 * The county verdict of the engine (src/engine/county/) as rows: the checklist's items and vetoes, each
 * value as a person reads it, the failing or blank schools with their cells.
 */
export function countyItemsOf(verdict: CountyVerdict, lang: Lang): CountyItems {
  const items: CountyItem[] = countyChecklist(verdict).map((e) => ({
    part: e.part,
    item: e.number,
    name: e.title,
    requirement: e.requirement,
    value: formatItemValue(e, lang),
    status: e.status,
    schools: e.schools
      .filter((s) => s.status !== "pass")
      .map((s) =>
        s.cell ? { school: s.school, cell: s.cell } : { school: s.school, cell: null, what: s.message[lang] },
      ),
    rows: e.rows.map((r) => ({ code: r.code[lang], cell: r.cell, place: checklistRowPlace(r, lang) })),
    evidence: e.evidence.join("；") || null,
    notes:
      e.measures
        .map((m) => m.notes)
        .filter((n): n is string => Boolean(n))
        .join("；") || null,
  }));
  const resources: CountyItem = {
    part: "resources",
    item: 1,
    name: {
      zh: "7 项资源配置指标（校校达标、项项达标）",
      en: "The 7 resource indicators (every school, every item)",
    },
    requirement: {
      zh: "每校至少 6 项达标、其余 ≥ 85%；各项差异系数不超过限值",
      en: "each school meets 6 of 7, the other ≥ 85 %; every CV within its limit",
    },
    value: null,
    status: verdict.resourcesPass === null ? "missing" : verdict.resourcesPass ? "pass" : "fail",
  };
  return { countyPass: verdict.countyPass, items: [resources, ...items] };
}

export const ALL_ITEMS_NAME = { zh: "全部指标", en: "All items" } as const;
const TABLE = { zh: "县域评估全部指标", en: "All items of the county evaluation" } as const;

/** Rows of 全部指标: title, subtitle, header, then one row per item from row 4; statuses in column F. */
const FIRST_ITEM_ROW = 4;
const STATUS_COLUMN = "F";

/** The range of the items' statuses on 全部指标, for the county verdict's formula on 汇总. */
export function allItemsStatusRange(county: CountyItems, lang: Lang): string {
  const rows = county.items.reduce((n, item) => n + placesOf(item).length, 0);
  return `${sheetRef(ALL_ITEMS_NAME[lang])}!$${STATUS_COLUMN}$${FIRST_ITEM_ROW}:$${STATUS_COLUMN}$${FIRST_ITEM_ROW + rows - 1}`;
}

/**
 * Widths of 部分, 序号, 指标, 要求, 值, 状态, 涉及学校和填报行, 佐证材料: one landscape A4 page wide at 100 % with the
 * widest face that may stand in for 宋体 (118 × 0.636 em × 10 pt = 750 of the page's 770 pt), so that its 9-point
 * text prints at 9 pt; the text wraps onto as many lines as it needs.
 */
const WIDTHS = [12, 5, 19, 24, 16, 8, 18, 16];
const PLACES_COLUMN = 6;
/** The most lines of schools and rows one row holds: well within a page, and Excel's tallest row (409 pt). */
const MOST_PLACE_LINES = 12;

/**
 * A school the item names without a cell, with what it lacks, as the pane lists it: `科右前旗第一小学：音乐专用教室数
 * 未填写（学校表无此列）`.
 */
export function schoolAndWhat(s: { school: string; what?: string }): string {
  return s.what ? `${s.school}${/^[A-Za-z]/u.test(s.what) ? ": " : "："}${s.what}` : s.school;
}

/**
 * Where to fix an item (the schools with their cells, the county sheet's rows with theirs, or that one is to be
 * added), in parts of at most `MOST_PLACE_LINES` lines: a county whose every school fails an item lists them
 * all, over rows that continue the item, rather than on one row taller than a page, which the spreadsheet cuts.
 */
function placesOf(item: CountyItem): string[] {
  const schools = item.schools ?? [];
  // on paper, what the table lacks is said once, then each school once: not 66 times 学校表无此列
  const lacking = [...new Set(schools.flatMap((s) => (!s.cell && s.what ? [s.what] : [])))];
  const places = [
    ...lacking,
    ...new Set(schools.map((s) => (s.cell ? `${s.school}（${s.cell}）` : s.school))),
    ...(item.rows ?? []).map((r) => (r.cell ? `${r.code}（${r.cell}）` : r.place)),
  ];
  const parts: string[][] = [[]];
  for (const place of places) {
    const part = parts[parts.length - 1];
    const longer = [...part, place].join("；");
    if (part.length > 0 && wrappedLines(longer, WIDTHS[PLACES_COLUMN], fontSizeOf("note")) > MOST_PLACE_LINES)
      parts.push([place]);
    else part.push(place);
  }
  return parts.map((part) => part.join("；"));
}

/**
 * 全部指标 / All items: one row per item of every part, its requirement, value, status, the schools concerned,
 * and the evidence and notes the county sheet gives, then what could not be read from the county sheet. The
 * resources item's status is a formula over the resource verdict of 汇总 (`resourcesCell`); the others are the
 * engine's verdicts on the county sheet, which the report does not carry.
 */
export function allItemsSheet(
  county: CountyItems,
  options: { lang: Lang; title: TitleParts; resourcesCell: string; problems?: readonly Problem[] },
): ReportSheet {
  const { lang } = options;
  const zh = lang === "zh";
  const b = new SheetBuilder(WIDTHS);
  const last = WIDTHS.length - 1;
  b.title(
    tableTitle(options.title, TABLE, lang),
    last,
    zh
      ? "资源配置、政府保障程度、教育质量、社会认可度和一票否决"
      : "Resources, guarantee, quality, recognition and vetoes",
  );
  const header = b.push(
    (zh
      ? ["部分", "序号", "指标", "要求", "值", "状态", "涉及学校、填报行（单元格）", "佐证材料、备注"]
      : ["Part", "No.", "Item", "Requirement", "Value", "Status", "Schools, rows (cells)", "Evidence, notes"]
    ).map((h): ReportCell => ({ value: h, style: "header" })),
  );
  for (const item of county.items) {
    const requirement = typeof item.requirement === "string" ? item.requirement : item.requirement[lang];
    const [schools, ...more] = placesOf(item);
    const evidence = [item.evidence, item.notes && `${zh ? "备注：" : "Notes: "}${item.notes}`]
      .filter(Boolean)
      .join(zh ? "；" : "; ");
    const status: ReportCell = {
      value: STATUS_NAMES[item.status][lang],
      style: STATUS_STYLE[item.status],
      align: "center",
    };
    if (item.part === "resources" && item.status !== "missing") status.formula = `=${options.resourcesCell}`;
    b.push([
      { value: PART_NAMES[item.part][lang] },
      { value: item.item, align: "center" },
      { value: item.name[lang], style: "note" },
      { value: requirement, style: "note" },
      { value: item.value, align: "center" },
      status,
      { value: schools || null, style: "note" },
      { value: evidence || null, style: "note" },
    ]);
    for (const places of more) {
      const row: ReportCell[] = [
        { value: PART_NAMES[item.part][lang] },
        { value: item.item, align: "center" },
        { value: `${item.name[lang]}${zh ? "（续）" : " (continued)"}`, style: "note" },
      ];
      row[PLACES_COLUMN] = { value: places, style: "note" };
      b.push(row);
    }
  }
  b.border(header, 0, b.next - 1, last);
  const problems = options.problems ?? [];
  if (problems.length > 0) {
    // what the county sheet held but could not be read: such an item counts as missing; the cell is named
    b.spacer();
    const heading = b.pushSpan(
      {
        value: zh
          ? `县级指标表的问题（${problems.length} 条）`
          : `Problems of the county sheet (${problems.length})`,
        style: "section",
      },
      0,
      last,
    );
    b.problemTable(problems, lang, last);
    // the heading is not left alone at a page's foot
    b.keep(heading, b.next - 1);
  }
  b.signature(lang, last);
  return b.sheet({
    key: "allItems",
    name: ALL_ITEMS_NAME[lang],
    freeze: { rows: header, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [header, header],
      ...pageMarks(options.title, TABLE, lang),
    },
  });
}
