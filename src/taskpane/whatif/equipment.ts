import type { EditProblem } from "../../engine/scenario";
import { formatNumber, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";

/** Equipment is typed in the pane in 万元, as the statistics record it; an edit holds it in 元. */
export const EQUIPMENT_DISPLAY = 10000;

/** 万元 to 元, to the fen: 120.05 − 120 万元 is 500 元, not 499.9999999999716. */
export function wanToYuan(wan: number): number {
  return Math.round(wan * EQUIPMENT_DISPLAY * 100) / 100;
}

/**
 * What the engine said of one of the pane's edits, in the pane's words: its doubt about a new school's equipment
 * per pupil said in 万元, the unit the pane takes; null for what never applies to the pane's edits (an addition of
 * a few 元 meant as 万元: the pane takes 万元 and converts). Any other message as the engine gave it.
 */
export function paneEditMessage(p: EditProblem, lang: Lang, message: string): string | null {
  const doubt = p.code === "edit-equipment-unit" ? p.equipment : undefined;
  if (!doubt) return message;
  if (doubt.doubt === "small") return null;
  // as the pane's number fields show a figure: a whole number without decimals
  const shown = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 2, lang);
  return t(lang, doubt.doubt === "low" ? "whatifEquipmentLow" : "whatifEquipmentHigh", {
    wan: shown(doubt.value / EQUIPMENT_DISPLAY),
    per: shown(doubt.perStudent),
    below: shown(doubt.below),
    above: shown(doubt.above),
  });
}
