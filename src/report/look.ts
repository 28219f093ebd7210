/**
 * How the sheets look on screen and on paper, for every writer: one font declared for Chinese text and digits
 * alike, the size of each kind of cell (none under 9 pt), thin black borders, A4 margins. The Office.js writer
 * and the .xlsx writer both read these, so the pane's workbook and `--out` files print alike.
 */
import type { CellStyle } from "./model";

/**
 * 宋体 (SimSun) carries Chinese characters and digits in one face and is on every Chinese Windows, in WPS and
 * in Excel; declaring it (with the GB2312 character set) keeps Excel, WPS and LibreOffice from mixing a Latin
 * font for digits with a fallback for Chinese.
 */
export const REPORT_FONT = { name: "宋体", size: 10, charset: 134, family: 3 } as const;

/** Thin borders in black: grey lines fade on a photocopy of a copy. */
export const BORDER_COLOR = "#000000";

/** Page margins in inches (Excel's unit in the file); the header and footer sit inside the top and bottom ones. */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 } as const;

export interface Look {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
}

/** How each style looks; every size is 9 pt or more, so that a table printed at 100 % stays legible. */
export const STYLE_LOOK: Record<CellStyle, Look> = {
  title: { bold: true, size: 16, align: "center" },
  subtitle: { size: 10, align: "center" },
  header: { bold: true, fill: "#D9E1F2", wrap: true, align: "center" },
  section: { bold: true, size: 11 },
  pass: { fill: "#C6EFCE", fontColor: "#006100" },
  fail: { fill: "#FFC7CE", fontColor: "#9C0006" },
  warn: { fill: "#FFEB9C", fontColor: "#9C5700" },
  note: { fontColor: "#404040", size: 9, wrap: true },
  bold: { bold: true },
  signature: { size: 11 },
  // a standard's 85 % floor in the narrow status column beside it: ≥3.825 and ≥1,700 take the column's whole width
  // at 10 pt in 宋体 (≥ is a full-width character), which LibreOffice and WPS, adding no padding, show as ###
  floor: { size: 9 },
};

/**
 * The size of the page header and footer (the county and year, the table's name, 第 1 页 共 3 页): scaled with the
 * sheet where it is fitted to the page's width, as Excel and LibreOffice scale them, so counted with its text.
 */
export const PAGE_MARK_SIZE = 9;

/** The least font size any cell of a sheet prints at (before scaling). */
export const SMALLEST_FONT_SIZE = Math.min(
  REPORT_FONT.size,
  ...Object.values(STYLE_LOOK).map((l) => l.size ?? REPORT_FONT.size),
);

/**
 * A column's width in points as Excel draws a width of `characters` in the report's font, 宋体 10: whole pixels at
 * 96 dpi, 7 a digit and 5 of padding, ¾ pt a pixel. The add-in sets its sheets' columns to it (Office.js widths are
 * in points), so that they print as the report workbook's do; the paper model counts with it (paperWidth.ts).
 */
export function columnWidthPoints(characters: number): number {
  return (Math.trunc(characters * 7 + 5) * 3) / 4;
}

/** The size a style prints at. */
export function fontSizeOf(style: CellStyle | undefined): number {
  return (style && STYLE_LOOK[style].size) || REPORT_FONT.size;
}
