/**
 * The parts of a workbook around its sheets: the relationships that say where each part is, workbook.xml (the
 * sheets in their order, their names and visibility, the date system), the shared strings and which cell
 * styles show dates. Part names come from the relationships, never from a guess like sheetN.xml, except where a
 * file leaves its relationships out.
 */
import { isBuiltInDateFormat, isDateFormatCode } from "./numberFormats";
import { damaged } from "./problems";
import { parsePart, type Attributes, type XmlHandler } from "./xml";
import { partKey, type Zip } from "./zip";

export interface Relationship {
  /**
   * the last segment of the relationship's type in lower case (officedocument, worksheet, sharedstrings,
   * styles…): the same for the transitional and the Strict namespaces, and for a writer that spells it otherwise
   */
  type: string;
  /** the part it points to, resolved against the source part's folder */
  target: string;
}

export interface SheetEntry {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** the sheet's part, or null when the workbook points nowhere (a damaged file) */
  part: string | null;
}

export interface WorkbookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  /**
   * `<calcPr fullCalcOnLoad="1">`: the file asks to be calculated when opened, as writers that never calculate
   * set it (XlsxWriter, which stores 0 as every formula's result; POI's forced recalculation)
   */
  fullCalcOnLoad: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

async function read(zip: Zip, part: string, handler: XmlHandler): Promise<boolean> {
  const entry = zip.entry(part);
  if (!entry) return false;
  await parsePart(zip, entry, handler);
  return true;
}

/** dir/of/part.xml → dir/of/ */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A relationship's Target resolved against the source folder: ../x, ./x and /x as URIs resolve them. */
export function resolveTarget(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % stays as it is
  }
  const path = decoded.replace(/\\/g, "/");
  const segments = (path.startsWith("/") ? path : folder + path).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out.join("/");
}

/**
 * A relationship's target as a part of the zip: resolved against the source folder, or — where no part is there
 * and one is at the target read from the package's root (xl/worksheets/sheet1.xml written in xl/_rels, a mistake
 * of programs that write the package themselves) — that part.
 */
function targetPart(zip: Zip, folder: string, target: string): string {
  const resolved = resolveTarget(folder, target);
  if (folder === "" || zip.has(resolved)) return resolved;
  const fromRoot = resolveTarget("", target);
  return zip.has(fromRoot) ? fromRoot : resolved;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`) by id; null when missing. */
export async function readRelationships(zip: Zip, part: string): Promise<Map<string, Relationship> | null> {
  const folder = folderOf(part);
  const relsPart = `${folder}_rels/${part.slice(folder.length)}.rels`;
  const relationships = new Map<string, Relationship>();
  const found = await read(zip, relsPart, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.get("TargetMode") === "External") return;
      const type = attributes.get("Type") ?? "";
      relationships.set(attributes.get("Id") ?? "", {
        type: type.slice(type.lastIndexOf("/") + 1).toLowerCase(),
        target: targetPart(zip, folder, attributes.get("Target") ?? ""),
      });
    },
    close() {},
    text() {},
  });
  return found ? relationships : null;
}

/** The content type of a workbook part: an .xlsx's, an .xlsm's, a template's (…sheet.main+xml, …main+xml). */
const WORKBOOK_CONTENT_TYPE =
  /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml/i;

/** The part [Content_Types].xml gives a workbook's content type, or null. */
async function workbookByContentType(zip: Zip): Promise<string | null> {
  let part: string | null = null;
  await read(zip, "[Content_Types].xml", {
    open(name, attributes) {
      if (part !== null || name !== "Override") return;
      const name_ = attributes.get("PartName");
      if (name_ !== undefined && WORKBOOK_CONTENT_TYPE.test(attributes.get("ContentType") ?? ""))
        part = resolveTarget("", name_);
    },
    close() {},
    text() {},
  });
  return part !== null && zip.has(part) ? part : null;
}

/**
 * The workbook part the package points to (xl/workbook.xml in every file Excel writes), or null when there is
 * none. A package without its relationships (a program that writes only the parts it needs) is read by the
 * part its content types name a workbook, or by xl/workbook.xml.
 */
export async function workbookPart(zip: Zip): Promise<string | null> {
  const root = await readRelationships(zip, "");
  for (const rel of root?.values() ?? []) {
    if (rel.type === "officedocument" && zip.has(rel.target)) return rel.target;
  }
  if (zip.has("xl/workbook.xml")) return "xl/workbook.xml";
  return workbookByContentType(zip);
}

/** Relationship types of sheets that hold no cells: chart sheets, dialog sheets and macro sheets. */
const NOT_WORKSHEETS = new Set([
  "chartsheet",
  "dialogsheet",
  "macrosheet",
  "xlmacrosheet",
  "xlintlmacrosheet",
]);

export async function readWorkbookParts(zip: Zip, workbook: string): Promise<WorkbookParts> {
  const rels = await readRelationships(zip, workbook);
  const parts: WorkbookParts = {
    sheets: [],
    date1904: false,
    fullCalcOnLoad: false,
    sharedStrings: null,
    styles: null,
  };
  const declared: { name: string; state: string | undefined; id: string | undefined }[] = [];
  await read(zip, workbook, {
    open(name: string, attributes: Attributes) {
      if (name === "sheet") {
        declared.push({
          name: attributes.get("name") ?? "",
          state: attributes.get("state"),
          id: attributes.byLocalName("id"),
        });
      } else if (name === "workbookPr") {
        parts.date1904 = isTrue(attributes.get("date1904"));
      } else if (name === "calcPr") {
        parts.fullCalcOnLoad = isTrue(attributes.get("fullCalcOnLoad"));
      }
    },
    close() {},
    text() {},
  });
  const folder = folderOf(workbook);
  const relOf = (sheet: (typeof declared)[number]) =>
    sheet.id !== undefined ? rels?.get(sheet.id) : undefined;
  const claimed = new Set(declared.map((sheet) => relOf(sheet)?.target).map((part) => partKey(part ?? "")));
  declared.forEach((sheet, i) => {
    const rel = relOf(sheet);
    if (rel && NOT_WORKSHEETS.has(rel.type)) return;
    let part = rel?.target ?? null;
    // a sheet the relationships do not name (no r:id, or one they lack): the part Excel would have given it,
    // when no other sheet's relationship names that part
    const usual = `${folder}worksheets/sheet${i + 1}.xml`;
    if (!rel && zip.has(usual) && !claimed.has(partKey(usual))) part = usual;
    const visibility = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible";
    parts.sheets.push({ name: sheet.name, visibility, part });
  });
  const byType = (type: string, fallback: string) => {
    for (const rel of rels?.values() ?? []) if (rel.type === type && zip.has(rel.target)) return rel.target;
    return zip.has(folder + fallback) ? folder + fallback : null;
  };
  parts.sharedStrings = byType("sharedstrings", "sharedStrings.xml");
  parts.styles = byType("styles", "styles.xml");
  return parts;
}

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's escapes of characters XML cannot hold: _x000D_ → "\r", _x005F_ → "_". */
export function unescapeText(text: string): string {
  return text.includes("_x")
    ? text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * The shared strings, in order: each item's text, runs of rich text joined; phonetic guides (rPh) left out as
 * Excel leaves them out of the cell's value.
 */
export async function readSharedStrings(zip: Zip, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (part === null) return strings;
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let item = "";
  await read(zip, part, {
    open(name) {
      if (name === "si") {
        inItem = true;
        item = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(unescapeText(item));
        inItem = false;
      }
    },
    text(text) {
      if (inText) item += text;
    },
  });
  return strings;
}

/** For each cell style (the `s` of a cell), whether its number format shows a date or a time. */
export async function readDateStyles(zip: Zip, part: string | null): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  if (part === null) return dateStyles;
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await read(zip, part, {
    open(name, attributes) {
      if (name === "numFmt")
        codes.set(Number(attributes.get("numFmtId")), attributes.get("formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formatIds.push(Number(attributes.get("numFmtId") ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  for (const id of formatIds) {
    const code = codes.get(id);
    dateStyles.push(code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id));
  }
  return dateStyles;
}

/** A sheet whose part is missing from the zip: the file is damaged. */
export function missingSheetPart(sheet: string, part: string | null) {
  return damaged({
    zh: `工作表“${sheet}”的内容（${part ?? "无"}）缺失`,
    en: `the contents of the sheet "${sheet}" (${part ?? "none"}) are missing`,
  });
}
