/**
 * Small .xlsx files built from raw XML in the tests, so that a test says exactly which bytes the reader meets:
 * what Excel, WPS, LibreOffice or a careless program may write, not what one writer happens to produce.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

export interface RawSheet {
  name: string;
  /** the worksheet's children (sheetData, cols, mergeCells…), or a whole part when it starts with "<?xml" or "<" + prefix */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** the part's name in the zip (default xl/worksheets/sheetN.xml) */
  part?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** shared strings as plain texts, or the whole sst part's children */
  sharedStrings?: string[] | { xml: string };
  /** the styles part's children (numFmts, cellXfs…) */
  styles?: string;
  date1904?: boolean;
  /** the attributes of workbook.xml's `<calcPr>` (fullCalcOnLoad="1"), when it has one */
  calcPr?: string;
  /** Strict OOXML: its namespaces and relationship types */
  strict?: boolean;
  /** parts left out of the zip, by name */
  omit?: string[];
}

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The bytes of the workbook. */
export function rawWorkbook(book: RawWorkbook): Uint8Array {
  const ns = book.strict ? STRICT : TRANSITIONAL;
  const files: Record<string, string> = {};
  const parts = book.sheets.map((s, i) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`);
  files["[Content_Types].xml"] =
    HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>';
  files["_rels/.rels"] =
    HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheetRels = parts.map(
    (p, i) =>
      `<Relationship Id="rIdS${i + 1}" Type="${ns.rel}/worksheet" Target="${p.replace(/^xl\//, "")}"/>`,
  );
  files["xl/_rels/workbook.xml.rels"] =
    HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheetRels.join("") +
    `<Relationship Id="rIdSST" Type="${ns.rel}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rIdST" Type="${ns.rel}/styles" Target="styles.xml"/></Relationships>`;
  const sheets = book.sheets.map(
    (s, i) =>
      `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rIdS${i + 1}"/>`,
  );
  files["xl/workbook.xml"] =
    HEAD +
    `<workbook xmlns="${ns.main}" xmlns:r="${ns.r}">` +
    (book.date1904 ? '<workbookPr date1904="1"/>' : "") +
    `<sheets>${sheets.join("")}</sheets>` +
    (book.calcPr !== undefined ? `<calcPr ${book.calcPr}/>` : "") +
    "</workbook>";
  book.sheets.forEach((s, i) => {
    files[parts[i]] = s.xml.startsWith("<?xml")
      ? s.xml
      : `${HEAD}<worksheet xmlns="${ns.main}" xmlns:r="${ns.r}">${s.xml}</worksheet>`;
  });
  const sst = book.sharedStrings ?? [];
  files["xl/sharedStrings.xml"] =
    HEAD +
    `<sst xmlns="${ns.main}">` +
    (Array.isArray(sst)
      ? sst.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("")
      : sst.xml) +
    "</sst>";
  files["xl/styles.xml"] = `${HEAD}<styleSheet xmlns="${ns.main}">${book.styles ?? ""}</styleSheet>`;
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) {
    if (!(book.omit ?? []).includes(name)) zippable[name] = strToU8(text);
  }
  return zipSync(zippable, { level: 6, mtime: new Date(Date.UTC(2025, 0, 1)) });
}

/** A zip of the given files (for archives that are not workbooks). */
export function zipOf(files: Record<string, string>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) zippable[name] = strToU8(text);
  return zipSync(zippable, { mtime: new Date(Date.UTC(2025, 0, 1)) });
}

/** One sheet's sheetData from rows of cell XML. */
export function sheetData(rows: string[]): string {
  return `<sheetData>${rows.join("")}</sheetData>`;
}
