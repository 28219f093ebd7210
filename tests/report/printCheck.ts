/**
 * What a printed sheet must be, read back from the .xlsx (exceljs) and from LibreOffice's PDF (poppler): A4,
 * text of 9 pt or more once any fit-to-width scaling is applied, borders on the table, page numbers in the
 * footer, header rows repeated on each page of a table longer than a page.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MARGINS } from "../../src/report/look";

/** A4 in points, and the printable width of a page with the sheet's margins (inches). */
const A4 = { short: 595.28, long: 841.89 };

/** The width Excel gives a column of `w` characters, in points (7-pixel digits, 5 pixels of padding, 96 dpi). */
export function columnPoints(w: number): number {
  return (Math.trunc(w * 7 + 5) * 3) / 4;
}

export interface PageSetupCheck {
  sheet: string;
  /** the scale the sheet prints at: 1 without fitting, else what fitting its columns to one page wide needs */
  scale: number;
  /** the smallest font size of any cell, before scaling */
  smallestFont: number;
  /** the size of the page header and footer (&9), before scaling */
  marksFont: number;
  /** the size the page header and footer print at: marksFont × scale, as Excel and LibreOffice scale them */
  printedMarks: number;
  /** the smallest size a cell's text prints at: smallestFont × scale */
  printedFont: number;
  bordered: number;
  titleRows: string | undefined;
  footer: string | undefined;
}

/**
 * Reads a sheet's page set-up back and works out the size its smallest text prints at, with each column as wide
 * as `columnWidth` says a width of characters prints (Excel's with 宋体, else another face's).
 */
export function pageSetupOf(
  ws: ExcelJS.Worksheet,
  columnWidth: (characters: number) => number = columnPoints,
): PageSetupCheck {
  const setup = ws.pageSetup;
  const margins = setup.margins ?? { left: 0.7, right: 0.7 };
  const paperWidth = setup.orientation === "landscape" ? A4.long : A4.short;
  const printable = paperWidth - (margins.left + margins.right) * 72;
  let widest = 0;
  let smallestFont = Infinity;
  let bordered = 0;
  const widths: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths[c] = columnWidth(ws.getColumn(c).width ?? 8.43);
  // the print width of a page: the widest group of columns between breaks, or all of them
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined && cell.value !== "") {
        smallestFont = Math.min(smallestFont, cell.font?.size ?? 10);
      }
      if (cell.border?.top?.style === "thin") bordered++;
    }),
  );
  const total = widths.reduce((s, w) => s + (w ?? 0), 0);
  widest = total;
  const scale = setup.fitToPage ? Math.min(1, printable / widest) : (setup.scale ?? 100) / 100;
  const marks = [ws.headerFooter?.oddHeader, ws.headerFooter?.oddFooter].flatMap((code) =>
    [...(code ?? "").replace(/"[^"]*"/g, "").matchAll(/&(\d+)/g)].map((m) => Number(m[1])),
  );
  const marksFont = Math.min(Infinity, ...marks);
  return {
    sheet: ws.name,
    scale,
    smallestFont,
    marksFont,
    printedMarks: marksFont * scale,
    printedFont: smallestFont * scale,
    bordered,
    titleRows: setup.printTitlesRow,
    footer: ws.headerFooter?.oddFooter,
  };
}

/** Page sizes of a PDF in points (pdfinfo), one [width, height] per page. */
export function pdfPageSizes(pdf: string): [number, number][] {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

export function isA4([w, h]: [number, number]): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1;
  return (near(w, A4.short) && near(h, A4.long)) || (near(w, A4.long) && near(h, A4.short));
}

export interface PdfWord {
  page: number;
  text: string;
  height: number;
  /** how far below the page's top edge its box starts, as a share of the page's height */
  top: number;
}

/** Every word of a PDF with the height of its box (pdftotext -bbox). */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let page = 0;
  let pageHeight = 1;
  for (const m of html.matchAll(
    /<page [^>]*height="([\d.]+)"|<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0].startsWith("<page")) {
      page++;
      pageHeight = Number(m[1]);
    } else
      words.push({
        page,
        text: m[4],
        height: Number(m[3]) - Number(m[2]),
        top: Number(m[2]) / pageHeight,
      });
  }
  return words;
}

/**
 * The smallest text of a PDF relative to its 9-point page footer: every word's box against that of the footer's
 * page numbers, which the sheets set at 9 pt (&9). 1 or more: no text prints under 9 pt.
 */
export function smallestTextAgainstFooter(words: PdfWord[], footer: RegExp): number {
  const reference = words.filter((w) => footer.test(w.text)).map((w) => w.height);
  if (reference.length === 0) throw new Error("no page number in the PDF to measure against");
  const nine = Math.min(...reference);
  return Math.min(...words.filter((w) => w.text.trim() !== "").map((w) => w.height)) / nine;
}

/** A word holding a Chinese character: drawn in the face the page numbers' 第 is drawn in. */
const HAN = /\p{Script=Han}/u;

/** The smallest text of a printed page: the word, and the size in points it prints at. */
export interface PageSmallest {
  page: number;
  text: string;
  size: number;
}

/**
 * The size in points each page's smallest text prints at, measured in the PDF: each word's box against that of
 * the page numbers' 第 (in the footer, the page's last tenth) on a page printed at 100 %, which is `markSize` (the
 * sheets set &9): the tallest such 第 of the PDF, as a sheet is scaled down to its page, never up. A face's box per point is its own, so only words holding a
 * Chinese character are measured, each drawn in the face 第 is; the page numbers are measured with the rest.
 */
export function smallestPrinted(words: PdfWord[], markSize: number, mark = /^第$/): PageSmallest[] {
  // the page numbers', in the footer: a table's cell may hold a 第 of its own (第 12 行)
  const marks = words.filter((w) => mark.test(w.text) && w.top > 0.9).map((w) => w.height);
  if (marks.length === 0) throw new Error("no page number in the PDF to measure against");
  const perPoint = Math.max(...marks) / markSize;
  const least = new Map<number, PdfWord>();
  for (const w of words)
    if (HAN.test(w.text) && w.height < (least.get(w.page)?.height ?? Infinity)) least.set(w.page, w);
  return [...least.values()].map((w) => ({ page: w.page, text: w.text, size: w.height / perPoint }));
}

/** A printed page's width of ink between its header and footer, against the page's printable width (points). */
export interface PageInk {
  page: number;
  /** from the leftmost to the rightmost dark pixel between the top and bottom margins: the table's borders */
  ink: number;
  /** the paper's width less the left and right margins */
  printable: number;
}

/** Dots per inch the pages are drawn at to find their ink: a thin border is a dark pixel at 144. */
const INK_DPI = 144;

/**
 * How wide each page's printed table is (pdftoppm, grey, 144 dpi): the span of its dark pixels between the top
 * and bottom margins, where the page header and footer are not.
 */
export function pageInk(pdf: string): PageInk[] {
  const dir = mkdtempSync(join(tmpdir(), "balance-ink-"));
  try {
    execFileSync("pdftoppm", ["-r", String(INK_DPI), "-gray", pdf, join(dir, "p")]);
    const files = readdirSync(dir).sort((a, b) => pageOf(a) - pageOf(b));
    return files.map((file) => {
      const { width, height, pixels } = readPgm(readFileSync(join(dir, file)));
      const margin = (inches: number) => Math.round(inches * INK_DPI);
      let left = width;
      let right = -1;
      for (let y = margin(MARGINS.top); y < height - margin(MARGINS.bottom); y++)
        for (let x = 0; x < width; x++)
          if (pixels[y * width + x] < 160) {
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
      const points = (px: number) => (px * 72) / INK_DPI;
      return {
        page: pageOf(file),
        ink: right < left ? 0 : points(right - left + 1),
        printable: points(width) - (MARGINS.left + MARGINS.right) * 72,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageOf = (file: string) => Number(/(\d+)\.pgm$/.exec(file)![1]);

/** A binary greymap (P5, 8 bits): its size and pixels. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!head) throw new Error("not a P5 greymap");
  return {
    width: Number(head[1]),
    height: Number(head[2]),
    pixels: bytes.subarray(head[0].length),
  };
}

/** The rows (1-based) that start a page of the named sheet, as its `<rowBreaks>` in the written workbook set them. */
export function pageStartsIn(bytes: Uint8Array, name: string): number[] {
  const zip = unzipSync(bytes);
  const text = (part: string) => strFromU8(zip[part]);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    text("xl/_rels/workbook.xml.rels"),
  )!;
  const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
  const breaks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(text(part))?.[1] ?? "";
  // a break's id is the last row of the page before it
  return [...breaks.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
}
