import { countyChecklist, type CountyVerdict } from "../engine/county";
import type { Lang } from "../i18n/format";
import { formatItemValue } from "../sheet/countySheet";
import type { CellStyle, ReportCell, ReportSheet } from "./model";

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
  /** schools that fail the item, with the offending cell */
  schools?: { school: string; cell?: string | null }[];
  evidence?: string | null;
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
 * The county verdict of the engine (src/engine/county.ts) as rows: the checklist's items and vetoes, each
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
    schools: e.schools.filter((s) => s.status !== "pass").map((s) => ({ school: s.school, cell: s.cell })),
    evidence: e.evidence.join("；") || null,
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

/** 全部指标 / All items: one row per item of every part, its requirement, value and status. */
export function allItemsSheet(county: CountyItems, lang: Lang, name: string): ReportSheet {
  const zh = lang === "zh";
  const head = (
    zh
      ? ["部分", "序号", "指标", "要求", "值", "状态", "涉及学校"]
      : ["Part", "No.", "Item", "Requirement", "Value", "Status", "Schools"]
  ).map((h): ReportCell => ({ value: h, style: "header" }));
  const rows: ReportCell[][] = [
    [
      {
        value: zh ? "县域义务教育优质均衡发展 全部指标" : "All items of the county evaluation",
        style: "title",
      },
      {},
      {},
      {},
      {},
      {
        value: county.countyPass ? STATUS_NAMES.pass[lang] : STATUS_NAMES.fail[lang],
        style: county.countyPass ? "pass" : "fail",
      },
    ],
    head,
  ];
  for (const item of county.items) {
    const requirement = typeof item.requirement === "string" ? item.requirement : item.requirement[lang];
    const schools = (item.schools ?? [])
      .map((s) => (s.cell ? `${s.school}（${s.cell}）` : s.school))
      .join("；");
    rows.push([
      { value: PART_NAMES[item.part][lang] },
      { value: item.item },
      { value: item.name[lang] },
      { value: requirement },
      { value: item.value },
      { value: STATUS_NAMES[item.status][lang], style: STATUS_STYLE[item.status] },
      { value: schools || null },
    ]);
  }
  return {
    key: "allItems",
    name,
    rows,
    columnWidths: [14, 6, 40, 30, 12, 10, 40],
    headerRows: 2,
    freeze: { rows: 2, columns: 0 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    merges: ["A1:E1"],
  };
}
