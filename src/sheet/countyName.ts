/**
 * Which county a workbook is about, for the league's view (docs/standard.md#league-plan). In order: the county
 * the school table names (a county column of a statistics export that holds several counties), the county sheet
 * (县级指标) when its title rows name one, else the file's name without its extension and without words such as
 * 均衡评估 or a year. A name the plan knows (阿尔山市 in "2025阿尔山市学校统计表") is given in the plan's spelling.
 */
import { nameKey, printable, withoutControls } from "../engine/names";
import { readCountySheet } from "./countySheet";
import type { Grid } from "./grid";

export type CountyNameSource = "table" | "countySheet" | "tableTitle" | "file";

/**
 * A county's name as read from a cell, a title or a file's name: without controls (`withoutControls`,
 * docs/school-table.md#names), null when nothing else was there.
 */
function cleanName(text: string | null | undefined): string | null {
  const name = text ? withoutControls(text.trim()).name : "";
  return name === "" ? null : name;
}

/** A known county named inside a text (the longest such name, so that 科右前旗 wins over a shorter one). */
function knownIn(text: string, known: readonly string[]): string | null {
  const t = nameKey(text);
  let best: string | null = null;
  for (const name of known) {
    if (t.includes(nameKey(name)) && (best === null || nameKey(name).length > nameKey(best).length))
      best = name;
  }
  return best;
}

/**
 * A county of the plan that a school table's title (its rows above the header, each row's first text) names, the
 * one named first where it names several: 阿尔山市 in “兴安盟阿尔山市义务教育学校办学条件统计表”, 科右前旗 in
 * “科右前旗学校表（由“兴安盟统计.xlsx”转换）”. Only a county the plan knows: a title may begin with 全市 or 本县,
 * which are no county's names. Null when the title names none.
 */
export function countyInTitle(
  rows: readonly (readonly unknown[] | undefined)[],
  known: readonly string[],
): string | null {
  for (const row of rows) {
    const first = (row ?? []).find((c): c is string => typeof c === "string" && c.trim() !== "");
    if (first === undefined) continue;
    const text = nameKey(first);
    let named: { name: string; at: number } | null = null;
    for (const name of known) {
      const at = text.indexOf(nameKey(name));
      if (at < 0) continue;
      if (!named || at < named.at || (at === named.at && name.length > named.name.length))
        named = { name, at };
    }
    if (named) return named.name;
  }
  return null;
}

/** Labels of a cell that holds the county's name next to it, or after a colon: 旗县市：阿尔山市. */
const LABEL = /^(旗县市区?|旗县(市)?名称|县(（市、区）|\(市、区\))?(名称)?|县区|区县|县名|地区|county)$/i;
/** A title that starts with a county's name: 白狼县义务教育…, 兴安盟阿尔山市… (县域 is a word, not a county). */
const TITLE_PREFIX = /^([\u4e00-\u9fa5]{1,10}?(?:自治县|自治旗|县|旗|市|区))(?!域|级|城)/u;

/**
 * The county a county sheet's title rows (above its header) name: a known county anywhere in them, a labelled
 * cell (旗县市：阿尔山市, or the name in the cell beside the label), or a title that starts with a county's name.
 * Null when they name none.
 */
export function countyNameInSheet(grid: Grid, known: readonly string[] = []): string | null {
  const header = readCountySheet(grid).headerRow;
  const top = grid.values.slice(0, header ?? 3);
  for (const row of top) {
    for (const cell of row ?? []) {
      if (typeof cell !== "string") continue;
      const name = knownIn(cell, known);
      if (name) return name;
    }
  }
  for (const row of top) {
    const cells = (row ?? []).map((c) => (typeof c === "string" ? c.trim() : c));
    for (let c = 0; c < cells.length; c++) {
      const text = cells[c];
      if (typeof text !== "string") continue;
      const labelled = /^(.+?)[:：]\s*(.+)$/.exec(text);
      if (labelled && LABEL.test(nameKey(labelled[1]))) return labelled[2].trim();
      const next = cells[c + 1];
      if (LABEL.test(nameKey(text.replace(/[:：]$/, ""))) && typeof next === "string" && next.trim() !== "") {
        return next.trim();
      }
    }
  }
  for (const row of top) {
    const first = (row ?? []).find((c) => typeof c === "string" && c.trim() !== "");
    if (typeof first !== "string") continue;
    const prefix = TITLE_PREFIX.exec(nameKey(first));
    if (prefix) return prefix[1];
  }
  return null;
}

/** Words of a file's name that are not the county's: what the file is, and years. */
const FILE_WORDS = [
  "优质均衡发展",
  "均衡发展",
  "均衡评估",
  "优质均衡",
  "义务教育",
  "办学条件",
  "学校统计表",
  "基础数据",
  "统计表",
  "评估表",
  "数据",
  "评估",
  "报表",
  "报告",
  "学校",
  "汇总",
  "县级指标",
];
/** A year written in Chinese numerals, as a folder or a title may name it: 二〇二五, 二零二五 (○ typed for 〇). */
const CHINESE_YEAR = "[一二][〇零○九][〇零○一二三四五六七八九]{2}";
/** A day written as eight digits after a year, as files are often named: 20250930 (its month and day). */
const MONTH_DAY = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";
const YEAR = `(?:(?:19|20)\\d{2}(?:${MONTH_DAY}(?!\\d))?|${CHINESE_YEAR})(?:年度?|学年)?`;
const SEPARATORS = "[-_—–·.\\s（）()【】\\[\\]]";
/**
 * What a clerk adds to the name of a county's file sent again (科右前旗(修改).xlsx, 突泉县-更正版.xlsx): the copy
 * that replaces an earlier one (`isRevisedCopy`).
 */
const REVISION_WORDS = [
  "修改后",
  "修改版",
  "修改",
  "修订版",
  "修订",
  "更正版",
  "更正",
  "修正版",
  "修正",
  "改正",
  "订正",
  "最新版",
  "最新",
  "最终版",
  "终稿",
  "定稿",
];
/** What a file manager or a browser adds to a copy's name: 科右前旗 - 副本.xlsx, 科右前旗(1).xlsx. */
const COPY_WORDS = ["副本", "复制", "拷贝"];
/** A division code (行政区划代码), six digits or twelve, before or after the name: 152224突泉县.xlsx. */
const DIVISION_CODE = "\\d{6}(?:\\d{6})?";
const COPY_NUMBER = "[（(]\\d{1,2}[)）]";
const TRAILING = new RegExp(
  `(?:${SEPARATORS}|${YEAR}|${COPY_NUMBER}|${[...FILE_WORDS, ...REVISION_WORDS, ...COPY_WORDS].join("|")})+$`,
  "u",
);
const LEADING = new RegExp(`^(?:${SEPARATORS}|${YEAR}|${DIVISION_CODE}(?!\\d))+`, "u");
const TRAILING_CODE = new RegExp(`(?<!\\d)${DIVISION_CODE}$`, "u");

/** A file's name without its folder and its extension. */
function fileStem(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]+$/, "");
}

/**
 * The county a file's name gives: the name without its folder and extension, and without the words and years
 * around the county (阿尔山市-均衡评估.xlsx, 2025_突泉县_学校统计表.xlsx); null when nothing is left (2026.xlsx and
 * 学校统计表.xlsx name no county).
 */
export function countyInFileName(path: string, known: readonly string[] = []): string | null {
  const stem = fileStem(path);
  const name = knownIn(stem, known);
  if (name) return name;
  let current = cleanName(stem) ?? "";
  for (let i = 0; i < 8; i++) {
    const next = current.replace(TRAILING, "").replace(TRAILING_CODE, "").replace(LEADING, "");
    if (next === current) break;
    current = next;
  }
  return current.trim() === "" ? null : current.trim();
}

/**
 * The part of a county file's path whose name names its county: the file's own, but for a file in a county's archive
 * (白狼县.zip/学校统计表.xlsx) whose own name names none, the archive's when it names one. Two counties sending the
 * same 学校统计表.xlsx zipped are then two counties, not one file sent twice.
 */
export function countyFileOf(path: string, known: readonly string[] = []): string {
  const parts = path.split(/[\\/]/);
  const own = parts[parts.length - 1];
  const archive = parts.findIndex((part, i) => i < parts.length - 1 && isArchiveName(part));
  if (archive < 0 || countyInFileName(own, known) !== null) return own;
  return countyInFileName(parts[archive], known) !== null ? parts[archive] : own;
}

/** The county a file's name gives (`countyInFileName`), else the plain name: a label for a county's file. */
export function countyNameFromFile(path: string, known: readonly string[] = []): string {
  return countyInFileName(path, known) ?? cleanName(fileStem(path)) ?? printable(fileStem(path));
}

/** What a workbook may name its county by. */
export interface CountyClues {
  /** the file as the user named it */
  file: string;
  /** the county the school table's rows were read for, as its county column spells it */
  tableCounty?: string | null;
  /** the county sheet (县级指标) */
  countySheet?: Grid | null;
  /** the school table's rows above its header: its title */
  tableTitle?: readonly (readonly unknown[] | undefined)[];
}

/** The counties the profile's plan names, to give a name in its spelling. */
type Known = { known?: readonly string[] };

/**
 * The county's name by the order of this module: the table's, the county sheet's, the table title's, the file's
 * (its name without the words around the county when it names no county of the plan).
 */
export function detectCountyName(input: CountyClues & Known): { name: string; from: CountyNameSource } {
  return countyNamedIn(input) ?? { name: countyNameFromFile(input.file, input.known), from: "file" };
}

/**
 * The county a workbook names for certain, in `detectCountyName`'s order: its table's county column, its county
 * sheet's title rows, a county of the plan its school table's title begins with (`countyInTitle`), else a county
 * of the plan in the file's name. Null when none of them names one: a file's name alone (学校统计表.xlsx) is no
 * county's.
 */
export function countyNamedIn(input: CountyClues & Known): { name: string; from: CountyNameSource } | null {
  const known = input.known ?? [];
  const table = cleanName(input.tableCounty);
  if (table) return { name: knownIn(table, known) ?? table, from: "table" };
  const fromSheet = input.countySheet ? cleanName(countyNameInSheet(input.countySheet, known)) : null;
  if (fromSheet) return { name: knownIn(fromSheet, known) ?? fromSheet, from: "countySheet" };
  const fromTitle = input.tableTitle ? countyInTitle(input.tableTitle, known) : null;
  if (fromTitle) return { name: fromTitle, from: "tableTitle" };
  const fromFile = knownIn(fileStem(input.file), known);
  return fromFile ? { name: fromFile, from: "file" } : null;
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  "○": "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/**
 * A year in a file's or a sheet's name: 2025 in 阿尔山市2025.xlsx, 2025年阿尔山市.xlsx, 学校2025, a year folder
 * named ２０２５年 (full-width digits) or 二〇二五年 (Chinese numerals); null when none.
 */
export function yearInName(path: string): number | null {
  const base = (path.split(/[\\/]/).pop() ?? path)
    .normalize("NFKC")
    .replace(new RegExp(CHINESE_YEAR, "gu"), (year) => [...year].map((c) => CHINESE_DIGITS[c]).join(""));
  const m = new RegExp(`(?:^|[^\\d])((?:19|20)\\d{2})(?:${MONTH_DAY})?(?!\\d)`, "u").exec(base);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a county's file is named as a copy sent again to replace an earlier one: 科右前旗(修改).xlsx,
 * 突泉县-更正版.xlsx, 扎赉特旗最终版.xlsx (`REVISION_WORDS`, after the county's name). Of two files of one county and
 * one year, the league counts the revised one (src/engine/league.ts `countedFiles`).
 */
export function isRevisedCopy(path: string): boolean {
  const stem = nameKey(fileStem(path));
  return REVISION_WORDS.some((word) => stem.includes(word));
}

/**
 * The archives a county's workbook may be sent in: found in a folder of workbooks, a .zip's spreadsheets are read
 * (`balance batch`, the web app's 盟市汇总: src/xlsx/reader/archive.ts), and any other is read to say what it is
 * and to unpack it, rather than a county sent zipped go missing without a word.
 */
export const ARCHIVE_EXTENSIONS = ["zip", "rar", "7z"] as const;

/** Whether a file's name ends as an archive's (any case). */
export function isArchiveName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot >= 0 && (ARCHIVE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/**
 * The year of a county's file: in its name (阿尔山市2026.xlsx), else in its folder's (2026/阿尔山市.xlsx), as a clerk
 * who keeps a folder per year names them; null when neither gives one.
 */
export function yearOfFile(path: string): number | null {
  const parts = path.split(/[\\/]/);
  // a file in a county's archive (2026/阿尔山市.zip/阿尔山市.xlsx): its own year, else the archive's, as it would
  // be unpacked beside it
  const archive = parts.findIndex((part, i) => i < parts.length - 1 && isArchiveName(part));
  if (archive >= 0) return yearOfParts(parts.slice(archive + 1)) ?? yearOfParts(parts.slice(0, archive + 1));
  return yearOfParts(parts);
}

/** The year in a path's last part's name, else in its folder's. */
function yearOfParts(parts: readonly string[]): number | null {
  return (
    yearInName(parts[parts.length - 1]) ?? (parts.length > 1 ? yearInName(parts[parts.length - 2]) : null)
  );
}
