/**
 * Column widths across default fonts. A width in an .xlsx counts characters of the workbook's default font (its
 * Normal style, the first font of styles.xml): the widest digit, in whole pixels at 96 dpi (ECMA-376 Part 1,
 * §18.3.1.13 col, width). The same width is as many more pixels as that digit is wider: a report sheet put into a
 * workbook whose default font is 宋体 12 (8 px a digit) rather than the report's 宋体 10 (7 px) would print an
 * eighth wider, and its pages would no longer end where the report sets them. `widthUnderFont` gives the width
 * that draws the same pixels under another default font, as Excel works them out.
 */
import { REPORT_FONT } from "../report/look";

export interface DefaultFont {
  name: string;
  size: number;
}

/**
 * Latin faces by their digits' advance in em (the font's own metrics): Calibri 1038/2048, Arial 1139/2048, Times
 * New Roman 1024/2048. Excel draws them at the size in pixels and rounds the digit to a pixel: Calibri 11 is
 * 7 px (the standard's own example), Arial 10 is 7, Calibri 12 and Times New Roman 12 are 8.
 */
const DIGIT_EM: Record<string, number> = {
  calibri: 1038 / 2048,
  arial: 1139 / 2048,
  "times new roman": 1024 / 2048,
};

/** Pixels at 96 dpi of a size in points. */
const pixels = (points: number) => (points * 96) / 72;

/**
 * The widest digit of a font in whole pixels at 96 dpi, as Excel measures the default font for column widths.
 *
 * The Latin faces of DIGIT_EM by their metrics. Every other face is taken as the 中易 faces on every Chinese
 * Windows are (宋体, 新宋体, 黑体, 仿宋, 楷体, the faces Chinese exports name): digits half the em, drawn from
 * bitmaps at whole pixel sizes, so Excel measures them at the size rounded to a pixel, the digit a half of it
 * rounded up. 宋体 11 is 15 px, a digit 8 px — Chinese Excel's default width of 8.38 is 72 px: 8 digits of 8 px
 * and 5 px of padding, up to a multiple of 8 — while 宋体 10 is 13 px and 7, 宋体 12 is 16 px and 8.
 */
export function maxDigitWidth(font: DefaultFont): number {
  const em = DIGIT_EM[font.name.trim().toLowerCase()];
  if (em !== undefined) return Math.max(1, Math.round(pixels(font.size) * em));
  return Math.max(1, Math.ceil(Math.round(pixels(font.size)) / 2));
}

/**
 * A column's width in pixels, as Excel draws a width in the file: Truncate(((256·width + Truncate(128/mdw)) / 256)
 * · mdw), mdw the default font's widest digit (ECMA-376 Part 1, §18.3.1.13).
 */
export function columnPixels(width: number, mdw: number): number {
  return Math.floor(((256 * width + Math.floor(128 / mdw)) / 256) * mdw);
}

/**
 * The width to write under a default font whose widest digit is `to` pixels, so that the column draws as many
 * pixels as `width` does under one of `from`: the least width in 256ths of a character that does. The width
 * itself where the two digits are alike.
 */
export function widthUnderFont(width: number, from: number, to: number): number {
  if (from === to) return width;
  const target = columnPixels(width, from);
  return Math.ceil((256 * target) / to - Math.floor(128 / to)) / 256;
}

/** The default font exceljs writes into every workbook, whatever the one it read had. */
export const EXCELJS_DEFAULT_FONT: DefaultFont = { name: "Calibri", size: 11 };

/** The widest digit of the report's own font, 宋体 10: 7 px. */
export const REPORT_DIGIT_WIDTH = maxDigitWidth(REPORT_FONT);

/**
 * The default font of a workbook's styles.xml: its first font's name and size; null where the part has none
 * plainly written (a prefixed namespace, no name or size).
 */
export function defaultFontOf(stylesXml: string): DefaultFont | null {
  const font = /<fonts[^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(stylesXml)?.[1];
  if (font === undefined) return null;
  const name = /<name\s+val="([^"]*)"/.exec(font)?.[1];
  const size = Number(/<sz\s+val="([^"]*)"/.exec(font)?.[1]);
  if (!name || !(size > 0)) return null;
  return { name: decodeXml(name), size };
}

/** The first font element of a styles.xml as written, for a workbook to take as its own default. */
export function defaultFontElement(stylesXml: string): string | null {
  return /<fonts[^>]*>\s*(<font>[\s\S]*?<\/font>)/.exec(stylesXml)?.[1] ?? null;
}

const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
