/**
 * The sample county's workbook as other writers package it — Excel's "Strict Open XML Spreadsheet", programs that
 * write the zip themselves (parts named from the package's root, a sheet without its r:id, no package
 * relationships, "./" before every name), WPS's .et — each made in code from examples/sample-county.xlsx and read
 * against the sample itself: the same grids, or a problem that says what the file is and what to do.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { readWorkbook, type WorkbookResult } from "../../src/xlsx/reader";
import { compoundFile } from "./xlsBytes";

const SAMPLE = readFileSync(path.join(__dirname, "..", "..", "examples", "sample-county.xlsx"));

/** The sample's parts as text, by name. */
function sampleParts(): Record<string, string> {
  const files = unzipSync(new Uint8Array(SAMPLE));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function zipParts(parts: Record<string, string>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(parts)) zippable[name] = strToU8(text);
  return zipSync(zippable, { level: 6, mtime: new Date(Date.UTC(2025, 0, 1)) });
}

/** The sample with its parts rewritten by `change`. */
function rewritten(change: (parts: Record<string, string>) => Record<string, string>): Uint8Array {
  return zipParts(change(sampleParts()));
}

async function expectSameAsSample(bytes: Uint8Array): Promise<void> {
  const original = await readWorkbook(new Uint8Array(SAMPLE));
  expect(original.ok).toBe(true);
  const read: WorkbookResult = await readWorkbook(bytes);
  expect(read).toEqual(original);
}

const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

describe("the sample as other writers package it reads as the sample", () => {
  test("Strict Open XML: every namespace and relationship type Strict's, dates compatible", async () => {
    const strict: [string, string][] = [
      [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
      ],
      [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
      ],
      ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
    ];
    const bytes = rewritten((parts) => {
      const out: Record<string, string> = {};
      for (const [name, text] of Object.entries(parts)) {
        out[name] = strict.reduce((t, [from, to]) => t.split(from).join(to), text);
      }
      out["xl/workbook.xml"] = out["xl/workbook.xml"]
        .replace("<workbook ", '<workbook conformance="strict" ')
        .replace("<workbookPr ", '<workbookPr dateCompatibility="0" ');
      expect(out[WORKBOOK_RELS]).toContain(
        "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
      );
      return out;
    });
    await expectSameAsSample(bytes);
  });

  test('Strict\'s dates: ISO 8601 text (t="d") where the transitional file has a serial in a date style', async () => {
    const dated = (parts: Record<string, string>, cells: string) => ({
      ...parts,
      "xl/styles.xml": parts["xl/styles.xml"].replace(
        /<cellXfs count="(\d+)">(.*?)<\/cellXfs>/s,
        (_, n: string, xfs: string) =>
          `<cellXfs count="${Number(n) + 1}">${xfs}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
      ),
      "xl/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"].replace(
        /(<row r="1"[^>]*>.*?)<\/row>/s,
        `$1${cells}</row>`,
      ),
    });
    const style = (parts: Record<string, string>) =>
      (parts["xl/styles.xml"].match(/<cellXfs count="(\d+)"/) ?? [])[1];
    const serials = rewritten((parts) =>
      dated(
        parts,
        `<c r="AB1" s="${style(parts)}"><v>45536</v></c><c r="AC1" s="${style(parts)}"><v>45536.5</v></c>`,
      ),
    );
    const iso = rewritten((parts) =>
      dated(
        parts,
        `<c r="AB1" s="${style(parts)}" t="d"><v>2024-09-01T00:00:00</v></c>` +
          `<c r="AC1" s="${style(parts)}" t="d"><v>2024-09-01T12:00:00</v></c>`,
      ),
    );
    const transitional = await readWorkbook(serials);
    const strict = await readWorkbook(iso);
    if (!transitional.ok) throw new Error(transitional.problem.message.en);
    expect(transitional.grids[0].values[0].slice(27)).toHaveLength(2);
    expect(strict).toEqual(transitional);
  });

  test("relationships' targets written from the package's root (xl/worksheets/… in xl/_rels)", async () => {
    const bytes = rewritten((parts) => ({
      ...parts,
      [WORKBOOK_RELS]: parts[WORKBOOK_RELS].replace(/Target="(?!\/)/g, 'Target="xl/'),
    }));
    await expectSameAsSample(bytes);
  });

  test("a sheet without its r:id, and one whose r:id the relationships lack", async () => {
    for (const replacement of ["", ' r:id="rId99"']) {
      const bytes = rewritten((parts) => ({
        ...parts,
        "xl/workbook.xml": parts["xl/workbook.xml"].replace(/ r:id="rId\d+"/, replacement),
      }));
      await expectSameAsSample(bytes);
    }
  });

  test("relationship types spelt in another case", async () => {
    const bytes = rewritten((parts) => ({
      ...parts,
      [WORKBOOK_RELS]: parts[WORKBOOK_RELS].replace(
        /relationships\/worksheet/g,
        "relationships/Worksheet",
      ).replace(/relationships\/sharedStrings/g, "relationships/SharedStrings"),
      "_rels/.rels": parts["_rels/.rels"].replace(
        "relationships/officeDocument",
        "relationships/OfficeDocument",
      ),
    }));
    await expectSameAsSample(bytes);
  });

  test("no package relationships, the workbook elsewhere: found by its content type", async () => {
    const bytes = rewritten((parts) => {
      const { "_rels/.rels": _root, "xl/workbook.xml": workbook, [WORKBOOK_RELS]: rels, ...rest } = parts;
      return {
        ...rest,
        "xl/book.xml": workbook,
        "xl/_rels/book.xml.rels": rels,
        "[Content_Types].xml": rest["[Content_Types].xml"].replace('"/xl/workbook.xml"', '"/xl/book.xml"'),
      };
    });
    await expectSameAsSample(bytes);
  });

  test('every part named with "./" before it, as a zip of a folder\'s contents may name them', async () => {
    const bytes = rewritten((parts) =>
      Object.fromEntries(Object.entries(parts).map(([name, text]) => [`./${name}`, text])),
    );
    await expectSameAsSample(bytes);
  });
});

describe("a Compound File without a workbook in it", () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  const unknown = () => compoundFile({ WpsContent: enc("x".repeat(5000)), Other: enc("y") }).bytes;

  test("named .et: WPS's own format, to save as .xlsx in WPS, Chinese first", async () => {
    const result = await readWorkbook(unknown(), { name: "白狼县2025.et" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.severity).toBe("error");
    expect(result.problem.message.zh).toMatch(/^该文件是 WPS 表格文件（\.et）.*另存为.*\.xlsx/);
    expect(result.problem.message.en).toMatch(
      /^the file is a WPS Spreadsheets file \(\.et\).*save it as .*\.xlsx/,
    );
  });

  test("named otherwise: a compound document without workbook data, to save as .xlsx", async () => {
    const result = await readWorkbook(unknown(), { name: "白狼县2025.xls" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message.zh).toMatch(
      /^该文件是 Office 复合文档.*没有 Excel 工作簿的数据.*另存为 \.xlsx/,
    );
    expect(result.problem.message.en).toMatch(
      /compound document.*holds no Excel workbook data.*save it as \.xlsx/,
    );
  });

  test("the sample saved as .xls (LibreOffice) and named .et reads as the sample", async () => {
    const xls = readFileSync(path.join(__dirname, "..", "fixtures", "xls", "sample-county.xls"));
    const original = await readWorkbook(new Uint8Array(SAMPLE));
    const et = await readWorkbook(new Uint8Array(xls), { name: "白狼县2025.et" });
    if (!original.ok || !et.ok) throw new Error("the sample or its .xls was not read");
    expect(et.grids.map((g) => [g.sheet, g.values])).toEqual(original.grids.map((g) => [g.sheet, g.values]));
  });
});
