import { COLUMNS, templateHeader } from "../standard/columns";
import { foldText } from "./vocabulary";

/**
 * A header folded for comparison: full-width forms to half-width (NFKC turns （㎡） into (m2)), spaces and line
 * breaks removed, English lower-cased, and the marks clerks add around a header (*, ※, ：) dropped.
 */
export function foldHeader(text: string): string {
  return foldText(text).replace(/[*※:：_]/gu, "");
}

const BRACKETED = /[([【〔{][^()[\]【】〔〕{}]*[)\]】〕}]/gu;
/** A unit written after the name without brackets: 面积/㎡, 设备值万元, 教室数间. */
const TRAILING_UNIT = /(?:\/|每)?(?:万元|元|m2|平方米|平米|间|个|人|名)$/u;

/** The spellings of a folded header to try, most literal first. */
function headerKeys(folded: string): string[] {
  const keys = [folded];
  const unbracketed = folded.replace(BRACKETED, "");
  keys.push(unbracketed);
  const slash = unbracketed.indexOf("/");
  if (slash > 0) keys.push(unbracketed.slice(0, slash));
  keys.push(unbracketed.replace(TRAILING_UNIT, ""));
  return keys;
}

/** Each folded spelling of a header (name, English name, template header, aliases) → its column's id. */
function columnsByKey(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const column of COLUMNS) {
    for (const spelling of [column.zh, column.en, templateHeader(column), ...(column.aliases ?? [])]) {
      const folded = foldHeader(spelling);
      for (const key of [folded, folded.replace(BRACKETED, "")]) {
        // the catalogue's order decides when two columns share a spelling
        if (key && !index.has(key)) index.set(key, column.id);
      }
    }
  }
  return index;
}

const COLUMN_BY_KEY = columnsByKey();

/** Header text → id of the column of COLUMNS it names, or null (docs/school-table.md#headers: headers are matched tolerantly). */
export function matchHeader(text: string): string | null {
  if (typeof text !== "string") return null;
  const folded = foldHeader(text);
  if (!folded) return null;
  for (const key of headerKeys(folded)) {
    const id = key ? COLUMN_BY_KEY.get(key) : undefined;
    if (id) return id;
  }
  return null;
}

/**
 * The unit an equipment-value header states: 万元 (also 10k yuan), 元 (yuan), "other" for units the reader cannot
 * convert (千元, 亿元), or null when the header says nothing.
 */
export function equipmentUnitOf(header: string): "万元" | "元" | "other" | null {
  const folded = foldHeader(header);
  if (/[千百亿]万?元|thousandyuan|100myuan|millionyuan|billionyuan/u.test(folded)) return "other";
  if (/万元|万|10kyuan|10,000yuan|10000yuan|tenthousandyuan|10k/u.test(folded)) return "万元";
  if (/元|yuan|rmb|cny/u.test(folded)) return "元";
  return null;
}
