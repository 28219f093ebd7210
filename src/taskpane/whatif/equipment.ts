/** Equipment is typed in the pane in 万元, as the statistics record it; an edit holds it in 元. */
export const EQUIPMENT_DISPLAY = 10000;

/** 万元 to 元, to the fen: 120.05 − 120 万元 is 500 元, not 499.9999999999716. */
export function wanToYuan(wan: number): number {
  return Math.round(wan * EQUIPMENT_DISPLAY * 100) / 100;
}
