/**
 * 办学类型 written with its code (GB/T 33782-2017, the statistics' school-type codes): an export may give the code
 * alone, or before or after the name (`211`, `211小学`, `218-小学教学点`, `九年一贯制学校（312）`). The code names the
 * type; a name beside it must be the code's own name (beside a code not listed here, the name is read). Only the codes of the rows an export of compulsory
 * education holds are known: those of the schools it reads, and those it leaves out as outside its scope.
 */
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
