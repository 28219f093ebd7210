/**
 * The statistics' codes written beside the names an export gives: the school type's (办学类型) and the county's
 * division code (行政区划代码).
 *
 * 办学类型 written with its code (GB/T 33782-2017, the statistics' school-type codes): an export may give the code
 * alone, or before or after the name (`211`, `211小学`, `218-小学教学点`, `九年一贯制学校（312）`). The code names the
 * type; a name beside it must be the code's own name (beside a code not listed here, the name is read). Only the codes of the rows an export of compulsory
 * education holds are known: those of the schools it reads, and those it leaves out as outside its scope.
 */
import { withoutControls } from "../../engine/names";
import { foldLabel } from "./patterns";

const TYPE_BY_CODE: ReadonlyMap<string, string> = new Map([
  ["111", "幼儿园"],
  ["119", "附设幼儿班"],
  ["211", "小学"],
  ["218", "小学教学点"],
  ["311", "初级中学"],
  ["312", "九年一贯制学校"],
  ["321", "职业初中"],
  ["341", "完全中学"],
  ["342", "高级中学"],
  ["345", "十二年一贯制学校"],
]);

/** A code alone, before the name or after it (bracketed or not), with a dash or a colon between them. */
const CODED = /^(\d{3})?[-－—_:：.、\s]*([^\d]*?)[-－—_:：\s]*(?:[(（]?(\d{3})[)）]?)?$/u;

/**
 * The name a coded 办学类型 stands for (`211小学` → 小学, `218` → 小学教学点); null when the text carries no code, when
 * an unknown code stands alone, or when the name beside a code is another type's.
 */
export function typeNameOfCoded(text: string): string | null {
  const trimmed = text.normalize("NFKC").trim();
  const m = CODED.exec(trimmed);
  const code = m?.[1] ?? m?.[3];
  if (!m || code === undefined || (m[1] !== undefined && m[3] !== undefined)) return null;
  const named = TYPE_BY_CODE.get(code);
  // a code not listed here (511特殊教育学校): its name, when it has one
  if (!named) return m[2] === "" ? null : m[2];
  return m[2] === "" || foldLabel(m[2]) === foldLabel(named) ? named : null;
}

/** A division code (行政区划代码: 6 digits, or 9 and 12 with the township's and village's) before or after a name. */
const DIVISION_CODE_BEFORE = /^(?:\d{12}|\d{9}|\d{6})[-－—_:：.、\s]*(?=\D)/u;
/**
 * After a character not a digit, begun only where a run of separators begins (or one into it, after a digit): the
 * match a start anywhere after a non-digit finds, without trying every character of a long run, at the run's
 * length each (seconds for a cell of spaces).
 */
const DIVISION_CODE_AFTER =
  /(?<=[^\d\-－—_:：\s]|(?:^|[^\-－—_:：\s])[-－—_:：\s])[-－—_:：\s]*[(（]?(?:\d{12}|\d{9}|\d{6})[)）]?$/u;

/**
 * A county's name as an export's 统计三级 may write it with its division code (`152221科右前旗`, `152221 科右前旗`,
 * `科右前旗（152221）`): the name alone, and without controls, as every name is read (`withoutControls`,
 * docs/school-table.md#names). A text that is a code alone is kept as it is.
 */
export function withoutDivisionCode(text: string): string {
  const name = withoutControls(text).name;
  return name.replace(DIVISION_CODE_BEFORE, "").replace(DIVISION_CODE_AFTER, "").trim() || name;
}

/** A place's parts as a path writes them: each name up to the word that says its level (省, 盟, 旗, 镇…). */
const PLACE_PART =
  /.+?(?:特别行政区|自治区|自治州|自治旗|自治县|地区|街道|苏木|嘎查|省|盟|州|市|旗|县|区|镇|乡|村)/gu;
/** the parts below a county: a path ending in one holds the county before it */
const BELOW_COUNTY = /(?:街道|苏木|嘎查|镇|乡|村)$/u;
/** the parts above a county, even where their word is a county's (内蒙古自治区, 北京市 is read as a county) */
const ABOVE_COUNTY = /(?:特别行政区|自治区|自治州|地区|省|盟|州)$/u;

/**
 * The county of a row whose only place is 所在地区 (docs/import.md#counties): its last 旗, 县, 市 or 区 part of a
 * path (`内蒙古自治区兴安盟阿尔山市` is 阿尔山市, `…科右前旗归流河镇` 科右前旗), a county's name alone as it is,
 * or for a division code (`152202`, `152202000000`) its first six digits, the county's code. Null when the text
 * names no county (`内蒙古自治区兴安盟`).
 */
export function countyOfPlace(text: string): string | null {
  const plain = withoutControls(text).name.trim();
  if (plain === "") return null;
  const code = /^(\d{6})(?:\d{3}|\d{6})?$/u.exec(plain.replace(/\s/gu, ""));
  if (code) return code[1];
  const name = withoutDivisionCode(plain);
  const parts = name.split(/[\s›>＞/／\\、,，·\-－—|｜]+/u).flatMap((piece) => {
    const named = piece.match(PLACE_PART) ?? [];
    // a last part without a word of its level (兴安盟阿尔山) is a part still
    const rest = piece.slice(named.join("").length);
    return rest === "" ? named : [...named, rest];
  });
  const county = [...parts].reverse().find((p) => !BELOW_COUNTY.test(p) && !ABOVE_COUNTY.test(p));
  return county ?? null;
}
