/**
 * Units as statistical tables state them: in a row of their own under the header (人, ㎡, 元, （万元）, 单位：间) or
 * in brackets after a header (教学仪器设备值（元）). The reader takes a money column's unit from them
 * (docs/school-table.md#headers, docs/standard.md#equipment-unit); other units only confirm what a column holds.
 */
import type { ColumnKind } from "../../standard/columns";
import { foldText } from "../vocabulary";
import type { GridView } from "./gridView";

/** A unit the reader knows, in its usual spelling. */
export type UnitWord =
  "人" | "㎡" | "元" | "万元" | "千元" | "百万元" | "亿元" | "间" | "个" | "班" | "所" | "台" | "套" | "册";

/** Folded spellings (foldText: NFKC, so ㎡ is m2) → unit. */
const UNIT_SPELLINGS: Record<string, UnitWord> = {
  人: "人",
  名: "人",
  people: "人",
  persons: "人",
  m2: "㎡",
  "m^2": "㎡",
  平方米: "㎡",
  平米: "㎡",
  米2: "㎡",
  sqm: "㎡",
  元: "元",
  yuan: "元",
  rmb: "元",
  万元: "万元",
  "10kyuan": "万元",
  "10,000yuan": "万元",
  "10000yuan": "万元",
  千元: "千元",
  百万元: "百万元",
  亿元: "亿元",
  间: "间",
  rooms: "间",
  室: "间",
  个: "个",
  班: "班",
  所: "所",
  台: "台",
  套: "套",
  册: "册",
};

/** The units a column of each kind may be in; a unit row saying otherwise is probably shifted by a column. */
const UNITS_OF_KIND: Partial<Record<ColumnKind, readonly UnitWord[]>> = {
  count: ["人", "个", "班", "所"],
  rooms: ["间", "个"],
  area: ["㎡"],
  money: ["元", "万元", "千元", "百万元", "亿元"],
};

const BRACKETS = /^[(（[【〔{<《]+|[)）\]】〕}>》]+$/gu;
const UNIT_LABEL = /^(?:计量)?单位[:：]?/u;

/** The unit a text states on its own ("人", "（元）", "单位：万元", "㎡"), or null. */
export function unitOfText(text: string): UnitWord | null {
  let t = foldText(text).replace(BRACKETS, "");
  t = t.replace(UNIT_LABEL, "").replace(BRACKETS, "");
  return Object.prototype.hasOwnProperty.call(UNIT_SPELLINGS, t) ? UNIT_SPELLINGS[t] : null;
}

/** The unit a header states in brackets at its end (教学仪器设备值（元）, Sports area (m2)), or null. */
export function unitOfHeader(header: string): UnitWord | null {
  const m = /[(（[【〔]([^()（）[\]【】〔〕]*)[)）\]】〕]\s*$/u.exec(header);
  return m ? unitOfText(m[1]) : null;
}

/** Words a unit row may hold beside its units: its own label, or the legend's column marks. */
const UNIT_ROW_LABELS: ReadonlySet<string> = new Set([
  "单位",
  "计量单位",
  "unit",
  "units",
  "甲",
  "乙",
  "丙",
  "栏次",
  "(甲)",
  "(乙)",
]);

/** How every unit and unit-row label begins (after brackets): most cells are told apart from units by it alone. */
const UNIT_START =
  /^[\s(（[【〔{<《]*(?:[人名个所间室班台套册元万千百亿平米㎡甲乙丙栏单计]|m|people|persons|rooms|sqm|yuan|rmb|10|unit)/iu;

/** Whether a cell's text may stand in a unit row: a unit, or the row's label. */
export function unitRowCell(text: string): "unit" | "label" | null {
  if (text.length > 16 || !UNIT_START.test(text)) return null;
  if (unitOfText(text) !== null) return "unit";
  const folded = foldText(text).replace(/[:：]$/u, "");
  return UNIT_ROW_LABELS.has(folded) ? "label" : null;
}

/** Whether a column of the kind may be in the unit. */
export function unitFitsKind(unit: UnitWord, kind: ColumnKind): boolean {
  const units = UNITS_OF_KIND[kind];
  return units === undefined || units.includes(unit);
}

/** A money unit as the reader converts it: 元 and 万元; "other" for units it does not convert. */
export function moneyUnit(unit: UnitWord): "万元" | "元" | "other" | null {
  if (unit === "元" || unit === "万元") return unit;
  return UNITS_OF_KIND.money?.includes(unit) ? "other" : null;
}

/** A statement of units in a title line (金额单位：元, 单位：人、平方米、万元): the list after 单位：. */
const UNIT_STATEMENT = /单位[:：]\s*([^\s:：、,，/;；]+(?:\s*[、,，/]\s*[^\s:：、,，/;；]+)*)/gu;

/**
 * The money unit stated in the lines above a table's header (`金额单位：元`, `单位：人、平方米、万元`), for the money
 * columns whose header and unit row state none (docs/standard.md#equipment-unit); null when none is stated, or
 * when the lines state both 元 and 万元.
 */
export function statedMoneyUnit(view: GridView, headerTop: number): "万元" | "元" | null {
  const stated = new Set<"万元" | "元">();
  for (let r = view.nextPresentRow(0); r < headerTop; r = view.nextPresentRow(r + 1)) {
    view.forEachFilled(r, (c) => {
      for (const m of view.text(r, c).normalize("NFKC").matchAll(UNIT_STATEMENT)) {
        for (const word of m[1].split(/\s*[、,，/]\s*/u)) {
          const unit = unitOfText(word);
          const money = unit === null ? null : moneyUnit(unit);
          if (money === "元" || money === "万元") stated.add(money);
        }
      }
    });
  }
  return stated.size === 1 ? [...stated][0] : null;
}
