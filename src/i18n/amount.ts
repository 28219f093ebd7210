import { ceilWhole } from "../standard/comparison";
import type { IndicatorId } from "../standard/indicators";
import type { Profile } from "../standard/profile";
import { formatNumber, formatYuan, type Lang } from "./format";

/**
 * A shortfall in the resource's natural unit, as a person reads it: 3 人, 617.41 ㎡, 2.36 万元, 2 间. It is rounded up
 * at the places shown (whole people and rooms, hundredths of a ㎡, 元 or hundreds of 元 as `formatYuan` shows them),
 * so that adding what is shown reaches the target; the command line, the pane and the report all show it so.
 */
export function formatAmount(profile: Profile, indicator: IndicatorId, amount: number, lang: Lang): string {
  const def = profile.indicators[indicator];
  if (indicator === "equipmentValue") {
    // formatYuan shows whole 元 below 10,000 元 and 万元 to 2 places (hundreds of 元) from there
    const shown = ceilWhole(amount);
    return formatYuan(shown >= 10000 ? ceilWhole(shown / 100) * 100 : shown, lang);
  }
  // in hundredths of the unit (whole units for people and rooms), rounded up
  const hundredths = def.integral ? 100 * ceilWhole(amount) : ceilWhole(amount * 100);
  // no spurious decimals: 618 ㎡, not 618.00 ㎡; 617.4 ㎡, not 617.40 ㎡
  const places = hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2;
  const shown = hundredths / 100;
  const text = formatNumber(shown, places, lang);
  const unit = def.resourceUnit[lang];
  return `${text} ${lang === "en" && shown === 1 ? unit.replace(/s$/, "") : unit}`;
}
