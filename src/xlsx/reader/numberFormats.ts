/**
 * Which number formats show a number as a date or a time, and the date a serial number stands for: a cell
 * formatted as a date reads as the Date Excel shows, never as the serial number behind it (2024-09-01 is not
 * 45536 pupils).
 */

/**
 * Built-in formats that are dates or times: 14–22 in every locale, 45–47 (minutes and seconds), and the East
 * Asian locales' 27–36 and 50–58 (年月日, 时分秒), which a Chinese Excel or WPS may use without writing them out.
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a format code shows a date or a time: a y, m, d, h or s outside quoted text ("年"), brackets ([Red],
 * [$-804], [h]), escapes (\d) and the padding and fill marks (_x, *x).
 */
export function isDateFormatCode(code: string): boolean {
  if (code === "General" || code === "@") return false;
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (inQuote) {
      if (ch === '"') inQuote = false;
      continue;
    }
    if (inBracket) {
      if (ch === "]") inBracket = false;
      continue;
    }
    switch (ch) {
      case '"':
        inQuote = true;
        break;
      case "[":
        inBracket = true;
        break;
      case "\\":
      case "_":
      case "*":
        i++;
        break;
      default:
        if ("yYmMdDhHsS".includes(ch)) return true;
    }
  }
  return false;
}

/** Excel's last day, 9999-12-31, as a serial number (1900 system). */
const LAST_SERIAL = 2958465;

/**
 * The moment a serial number stands for, as exceljs and Excel's own conversion give it (UTC, to the
 * millisecond), or null for a number no date can show (negative, past 9999, not finite).
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= LAST_SERIAL + 1) return null;
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

const ISO_DATE =
  /^\s*(\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;
const ISO_TIME = /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*$/;

/**
 * The Date of a `t="d"` cell's ISO 8601 text (2024-09-01, 2024-09-01T08:30:00, a time alone as on
 * 1899-12-30), read as UTC as Excel's dates are; null when the text is not such a date.
 */
export function isoDate(text: string): Date | null {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = date;
    // Date.UTC rolls 2024-02-31 over into March: such a text is not a date
    const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
    if (Number(y) < 1000 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return null;
    const ms = fraction ? Math.round(Number(fraction) * 1000) : 0;
    let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    if (zone && zone !== "Z") {
      const sign = zone[0] === "-" ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return new Date(time);
  }
  const clock = ISO_TIME.exec(text);
  if (clock) {
    const [, h, mi, s = "0", fraction = ""] = clock;
    const ms = fraction ? Math.round(Number(fraction) * 1000) : 0;
    return new Date(Date.UTC(1899, 11, 30, Number(h), Number(mi), Number(s), ms));
  }
  return null;
}
