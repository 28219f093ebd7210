/**
 * What the web app prints, as Chromium prints it to PDF at the page size the app asks for (@page): the PDF's
 * page size, its text as `pdftotext` reads it, and its first pages as PNG for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

export interface Printed {
  /** each page's width × height in points, as the PDF's MediaBox gives it */
  sizes: [number, number][];
  /** the text of every page, all white space taken out: Chinese wraps anywhere */
  text: string;
  /** the PNG files of the pages */
  pngs: string[];
}

/** Prints the page to `pdfFile` at the size the app's CSS asks for, and the pages as `pngPrefix`-N.png. */
export async function printPdf(page: Page, pdfFile: string, pngPrefix: string): Promise<Printed> {
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(pdfFile, pdf);
  const sizes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number],
  );
  execFileSync("pdftoppm", ["-r", "60", "-png", pdfFile, pngPrefix]);
  const dir = path.dirname(pngPrefix);
  const pngs = readdirSync(dir)
    .filter((f) => f.startsWith(`${path.basename(pngPrefix)}-`) && f.endsWith(".png"))
    .map((f) => path.join(dir, f));
  const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"]).toString().replace(/\s+/g, "");
  return { sizes, text, pngs };
}

/** A4 upright, in points. */
export const A4_PORTRAIT: [number, number] = [595, 842];

/** The line every printed view is signed and dated on (messages printCheckedBy, printDate). */
export const SIGNATURE = ["核对人（签字）：＿＿＿＿", "日期：＿＿＿＿"];

/**
 * What every printed view is: A4 upright pages (the size its @page asks for), its title, the line to sign and
 * date, and none of the words of `controls` (its buttons, boxes and tabs): paper has nothing to click.
 */
export function expectSignablePage(printed: Printed, title: string, controls: readonly string[]): void {
  expect(new Set(printed.sizes.map(String))).toEqual(new Set([String(A4_PORTRAIT)]));
  expect(printed.text).toContain(title);
  for (const line of SIGNATURE) expect(printed.text).toContain(line);
  expect(controls.filter((c) => printed.text.includes(c.replace(/\s+/g, "")))).toEqual([]);
}
