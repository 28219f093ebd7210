/**
 * What of the clerk's workbook the downloaded copy lacks (src/xlsx/originalParts.ts), in words: sheet by sheet,
 * then the workbook's own — 工作表“统计”中的 2 个图表、1 个数据透视表；宏（VBA 工程） / on sheet 统计: 2 charts,
 * 1 pivot table; the macros (VBA project).
 */
import { PUNCTUATION, type Lang } from "./format";

/** What the download lacks of the original (found by src/xlsx/originalParts.ts). */
export type NotCarriedKind =
  | "chart"
  | "shape"
  | "chartSheet"
  | "otherSheet"
  | "pivotTable"
  | "slicer"
  | "timeline"
  | "sparklines"
  | "extValidation"
  | "formControl"
  | "activeX"
  | "embeddedObject"
  | "threadedComment"
  | "macros"
  | "externalLink"
  | "customXml";

/** Something of the original the download lacks: how many, and on which sheet (null: the workbook's own). */
export interface NotCarried {
  kind: NotCarriedKind;
  sheet: string | null;
  count: number;
}

/** Each kind counted: its Chinese measure word and noun, its English noun alone and in the plural. */
const COUNTED: Record<
  Exclude<NotCarriedKind, "chartSheet" | "otherSheet" | "macros">,
  [string, string, string]
> = {
  chart: ["个图表", "chart", "charts"],
  shape: ["个形状或文本框", "shape or text box", "shapes or text boxes"],
  pivotTable: ["个数据透视表", "pivot table", "pivot tables"],
  slicer: ["个切片器", "slicer", "slicers"],
  timeline: ["个日程表", "timeline", "timelines"],
  sparklines: ["组迷你图", "group of sparklines", "groups of sparklines"],
  extValidation: [
    "条数据验证（下拉列表等）",
    "data validation (drop-down list…)",
    "data validations (drop-down lists…)",
  ],
  formControl: ["个表单控件", "form control", "form controls"],
  activeX: ["个 ActiveX 控件", "ActiveX control", "ActiveX controls"],
  embeddedObject: ["个嵌入对象", "embedded object", "embedded objects"],
  threadedComment: ["个批注（可回复的批注）", "threaded comment", "threaded comments"],
  externalLink: ["个指向其他工作簿的链接", "link to another workbook", "links to other workbooks"],
  customXml: ["份自定义 XML 数据", "custom XML part", "custom XML parts"],
};

function itemText(item: NotCarried, lang: Lang): string {
  const sheet = item.sheet ?? "";
  if (item.kind === "chartSheet") return lang === "zh" ? `图表工作表“${sheet}”` : `the chart sheet ${sheet}`;
  if (item.kind === "otherSheet")
    return lang === "zh"
      ? `工作表“${sheet}”（宏表或对话框表）`
      : `the sheet ${sheet} (a macro or dialog sheet)`;
  if (item.kind === "macros") return lang === "zh" ? "宏（VBA 工程）" : "the macros (VBA project)";
  const [zh, one, many] = COUNTED[item.kind];
  return lang === "zh" ? `${item.count} ${zh}` : `${item.count} ${item.count === 1 ? one : many}`;
}

/** The things not carried, grouped by sheet in the order given, the workbook's own after them. */
export function notCarriedText(items: readonly NotCarried[], lang: Lang): string {
  const groups: string[] = [];
  const sheets = [...new Set(items.map((i) => i.sheet))];
  for (const sheet of sheets) {
    const own = items.filter((i) => i.sheet === sheet);
    const whole = own.filter((i) => i.kind === "chartSheet" || i.kind === "otherSheet");
    const counted = own.filter((i) => !whole.includes(i)).map((i) => itemText(i, lang));
    groups.push(...whole.map((i) => itemText(i, lang)));
    if (counted.length === 0) continue;
    const list = counted.join(PUNCTUATION[lang].list);
    if (sheet === null) groups.push(list);
    else groups.push(lang === "zh" ? `工作表“${sheet}”中的 ${list}` : `on sheet ${sheet}: ${list}`);
  }
  return groups.join(PUNCTUATION[lang].clause);
}
