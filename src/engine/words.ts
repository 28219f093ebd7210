/**
 * The words people write for the engine's codes (school types, locales, levels), folded as typed text is: one
 * vocabulary for the school table's reader (src/sheet) and for the edits file (./edits.ts), so that a word one
 * accepts the other accepts too.
 */
import type { EnrolmentLevel, Locale, SchoolType } from "./records";

/**
 * Text as a person may have typed it, and the one rule by which two names are the same (`nameKey`,
 * docs/school-table.md#names): full-width folded to half-width (NFKC: （一） is (一), 第１ is 第1), spaces of every
 * kind and line breaks removed (the no-break space, the ideographic space 　), invisible characters removed
 * (\p{Cf}: zero-width spaces and joiners, byte-order marks, the bidirectional marks, overrides and isolates pasted
 * in from web pages, WeChat or PDFs; \p{Cc}: control characters), letters lower-cased.
 */
export function foldText(text: string): string {
  const plain = plainCase(text);
  if (plain === "lower") return text;
  if (plain === "capitals") return text.toLowerCase();
  return text
    .normalize("NFKC")
    .replace(/[\s\p{Cf}\p{Cc}]+/gu, "")
    .toLowerCase();
}

/**
 * Whether the text is of printable ASCII (no spaces) and CJK unified ideographs only, as most names are, and whether
 * it has capitals: NFKC leaves such text as it is and it holds nothing to remove, so folding it is lower-casing it,
 * and text without capitals is folded already (lower-casing a Chinese name would copy it all the same).
 */
function plainCase(text: string): "lower" | "capitals" | null {
  let capitals = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) capitals = true;
    else if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return null;
  }
  return capitals ? "capitals" : "lower";
}

/** A word of a closed vocabulary (school type, locale): folded, with hyphens and dots between words dropped too. */
export function foldWord(text: string): string {
  return foldText(text).replace(/[-_·・.]/gu, "");
}

/**
 * Spellings of the school types seen in county workbooks (docs/school-table.md#types 学校类型), folded with foldText. The
 * statistics' own names come first, then the short forms clerks write, then English.
 */
const SCHOOL_TYPE_SPELLINGS: Record<SchoolType, readonly string[]> = {
  primary: ["小学", "完全小学", "完小", "primary", "primaryschool"],
  junior: [
    "初中",
    "初级中学",
    "独立初中",
    "junior",
    "juniorsecondaryschool",
    "juniorhighschool",
    "middleschool",
  ],
  nineYear: ["九年一贯制学校", "九年一贯制", "九年制学校", "九年制", "nineyear", "nineyearschool"],
  twelveYear: [
    "十二年一贯制学校",
    "十二年一贯制",
    "十二年制学校",
    "十二年制",
    "twelveyear",
    "twelveyearschool",
  ],
  complete: ["完全中学", "完中", "complete", "completesecondaryschool", "completeschool"],
  teachingPoint: ["教学点", "teachingpoint"],
  special: [
    "特殊教育学校",
    "特殊教育",
    "特教",
    "特教学校",
    "特校",
    "special",
    "specialeducationschool",
    "specialschool",
  ],
  vocational: [
    "职业学校",
    "职校",
    "职业高中",
    "职高",
    "职业中学",
    "中等职业学校",
    "vocational",
    "vocationalschool",
  ],
};

/** Each folded spelling → the value it spells; built once, never changed. */
function bySpelling<T extends string>(spellings: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const [value, words] of Object.entries(spellings) as [T, readonly string[]][]) {
    for (const s of words) index.set(foldWord(s), value);
  }
  return index;
}

const SCHOOL_TYPE_BY_SPELLING = bySpelling(SCHOOL_TYPE_SPELLINGS);

/** 学校类型 as written in a workbook → the engine's SchoolType, or null when it is none of them. */
export function parseSchoolType(text: string): SchoolType | null {
  if (typeof text !== "string") return null;
  return SCHOOL_TYPE_BY_SPELLING.get(foldWord(text)) ?? null;
}

/** 城乡类型: the template's three words, the older 城市/县镇/农村, and the statistics' urban–rural codes' names. */
const LOCALE_SPELLINGS: Record<Locale, readonly string[]> = {
  urban: ["城区", "城市", "主城区", "城乡结合区", "urban"],
  town: ["镇区", "县镇", "镇", "镇中心区", "镇乡结合区", "特殊区域", "town"],
  rural: ["乡村", "农村", "乡", "村", "乡中心区", "村庄", "rural"],
};

const LOCALE_BY_SPELLING = bySpelling(LOCALE_SPELLINGS);

/**
 * The statistics' urban–rural codes (统计用城乡分类代码), as an export's 城乡分类 column may give them alone or before
 * or after their names (`220`, `111主城区`, `镇中心区（121）`): 11x 城区, 12x 镇区, 2xx 乡村.
 */
const LOCALE_BY_CODE: ReadonlyMap<string, Locale> = new Map([
  ["111", "urban"],
  ["112", "urban"],
  ["121", "town"],
  ["122", "town"],
  ["123", "town"],
  ["210", "rural"],
  ["220", "rural"],
]);
const LOCALE_CODED = /^(\d{3})?([^\d]*?)(?:[(（]?(\d{3})[)）]?)?$/u;

export function parseLocale(text: string): Locale | null {
  if (typeof text !== "string") return null;
  const folded = foldWord(text);
  const named = LOCALE_BY_SPELLING.get(folded);
  if (named) return named;
  const m = LOCALE_CODED.exec(folded);
  const code = m?.[1] ?? m?.[3];
  if (!m || code === undefined || (m[1] !== undefined && m[3] !== undefined)) return null;
  const byCode = LOCALE_BY_CODE.get(code);
  // a name beside the code must agree with it
  const name = m[2].replace(/[(（)）:：]/gu, "");
  return byCode && (name === "" || LOCALE_BY_SPELLING.get(name) === byCode) ? byCode : null;
}

/** The template's word for each locale (docs/school-table.md#locales: 城区, 镇区, 乡村). */
export const LOCALE_WORDS: Record<Locale, string> = { urban: "城区", town: "镇区", rural: "乡村" };

/** 学段 words: 小学, 初中, 高中 (and 初级中学, 高级中学, the English codes), with 部/段/学段/阶段 after them. */
const LEVEL_WORDS: Readonly<Record<string, EnrolmentLevel>> = {
  小学: "primary",
  初中: "junior",
  初级中学: "junior",
  高中: "senior",
  高级中学: "senior",
  primary: "primary",
  junior: "junior",
  senior: "senior",
};

const LEVEL_SUFFIXES = ["", "学段", "阶段", "部", "段"];

/**
 * The level a folded 学段 word names (foldText or finer), or null. Each ending is tried in turn, so that 小学段 is
 * 小学 + 段, not 小 + 学段.
 */
export function levelOfWord(folded: string): EnrolmentLevel | null {
  for (const suffix of LEVEL_SUFFIXES) {
    if (!folded.endsWith(suffix)) continue;
    const word = folded.slice(0, folded.length - suffix.length);
    if (Object.prototype.hasOwnProperty.call(LEVEL_WORDS, word)) return LEVEL_WORDS[word];
  }
  return null;
}
