/**
 * LibreOffice headless for the slow tests: recalculate a workbook on opening and write every sheet as CSV, or
 * print it to PDF. Each run gets a fresh user profile whose only setting is "always recalculate on load" for
 * .xlsx files (OOXMLRecalcMode 0), so that the values read back are LibreOffice's, never the cached ones.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { ReportSheet } from "../../src/report/model";

export function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}

export function hasPoppler(): boolean {
  return spawnSync("pdfinfo", ["-v"], { stdio: "ignore" }).status === 0;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function soffice(args: string[], files: string[], outdir: string, fontconfig?: string): void {
  const profile = mkdtempSync(join(tmpdir(), "balance-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), PROFILE);
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        ...args,
        "--outdir",
        outdir,
        ...files,
      ],
      {
        stdio: "pipe",
        timeout: 180_000,
        env: fontconfig ? { ...process.env, FONTCONFIG_FILE: fontconfig } : process.env,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (quotes doubled, line breaks inside quotes) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens each workbook in LibreOffice, recalculating every formula, and returns every sheet's values as LibreOffice
 * computed them (raw values, not as formatted), by workbook file and sheet name.
 */
export function recalculatedSheets(
  files: string[],
  sheetNames: string[][],
): Map<string, Map<string, string[][]>> {
  const outdir = mkdtempSync(join(tmpdir(), "balance-lo-csv-"));
  try {
    // UTF-8, comma, double quotes, raw values (not as shown), every sheet (-1)
    soffice(
      ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"],
      files,
      outdir,
    );
    const written = readdirSync(outdir);
    const out = new Map<string, Map<string, string[][]>>();
    files.forEach((file, i) => {
      const stem = basename(file).replace(/\.xlsx$/i, "");
      const sheets = new Map<string, string[][]>();
      for (const name of sheetNames[i]) {
        const csv = written.find((f) => f === `${stem}-${name}.csv`);
        if (!csv) throw new Error(`LibreOffice wrote no ${stem}-${name}.csv (wrote ${written.join(", ")})`);
        sheets.set(name, parseCsv(readFileSync(join(outdir, csv), "utf8")));
      }
      out.set(file, sheets);
    });
    return out;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Prints each workbook to PDF as LibreOffice does (every sheet, its own page set-up); returns the PDF paths.
 * `fontconfig`, a fonts.conf (`simSunDigits`), sets the faces LibreOffice finds for the fonts the files name.
 */
export function printToPdf(files: string[], outdir: string, fontconfig?: string): string[] {
  soffice(["--convert-to", "pdf"], files, outdir, fontconfig);
  return files.map((f) => join(outdir, basename(f).replace(/\.xlsx$/i, ".pdf")));
}

/** The number of pages of a PDF: its page objects. */
export function pdfPageCount(pdf: string): number {
  const text = readFileSync(pdf).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The text of each page of a PDF (pdftotext from poppler-utils, in reading layout). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * Every formula cell of the sheets against the values LibreOffice computed (`recalculatedSheets`), to 1e-9:
 * the cells that differ, named `name sheet!RrCc formula`, and how many formulas there were.
 */
export function formulaMismatches(
  name: string,
  sheets: readonly ReportSheet[],
  computed: Map<string, string[][]>,
): { mismatches: string[]; formulas: number } {
  const mismatches: string[] = [];
  let formulas = 0;
  for (const sheet of sheets) {
    const values = computed.get(sheet.name)!;
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, col) => {
        if (!cell?.formula) return;
        formulas++;
        const got = values[r]?.[col] ?? "";
        const want = cell.value;
        const where = `${name} ${sheet.name}!R${r + 1}C${col + 1} ${cell.formula}`;
        if (typeof want === "number") {
          if (got === "" || !close(Number(got), want)) mismatches.push(`${where}: ${got} ≠ ${want}`);
        } else if ((want ?? "") !== got) mismatches.push(`${where}: "${got}" ≠ "${want ?? ""}"`);
      }),
    );
  }
  return { mismatches, formulas };
}

/** An installed face whose Latin digits are half the em, as 宋体's are (most systems have no 宋体). */
const HALF_EM_FACE = "Noto Sans Mono CJK SC";

/**
 * A fonts.conf in `dir` that gives LibreOffice a face with 宋体's digits (half the em) for 宋体 and SimSun, so that
 * column widths, which count the default font's digits, come out as with 宋体 itself; the system's fonts.conf
 * otherwise. Null where no such face is installed. Without it LibreOffice draws 宋体 in a fallback face whose
 * digits may be a quarter wider (DejaVu Sans), and a sheet whose default font is not 宋体 10 prints unlike Excel.
 */
export function simSunDigits(dir: string): string | null {
  const listed = spawnSync("fc-list", [":", "family"], { encoding: "utf8" });
  if (listed.status !== 0 || !listed.stdout.split(/[\n,]/).some((f) => f.trim() === HALF_EM_FACE))
    return null;
  const alias = (family: string) =>
    `<alias binding="same"><family>${family}</family><prefer><family>${HALF_EM_FACE}</family></prefer></alias>`;
  const file = join(dir, "fonts.conf");
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
      `<cachedir>${join(dir, "fontconfig-cache")}</cachedir>\n` +
      `${alias("宋体")}\n${alias("SimSun")}\n</fontconfig>\n`,
  );
  return file;
}
