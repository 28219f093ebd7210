/**
 * The .xlsx reader every host shares — the command line in Node, the web app in the browser: bytes in, the
 * workbook's sheets as grids out, or the one problem that kept it from being read. No Node API here (the file
 * wrapper is src/cli/workbookFile.ts); each part is parsed as it inflates (zip.ts, xml.ts). An old binary .xls
 * (a Compound File, cfb.ts, of BIFF records, biff.ts) reads into the same grids.
 */
import type { Grid } from "../../sheet/grid";
import type { Problem } from "../../problems/problem";
import {
  missingSheetPart,
  readDateStyles,
  readSharedStrings,
  readWorkbookParts,
  workbookPart,
} from "./parts";
import { readBiffWorkbook } from "./biff";
import { CompoundFile, isCompoundFile } from "./cfb";
import { isLockFileName, isNoteName, isSpreadsheetName } from "../spreadsheetFiles";
import {
  EMPTY_FILE,
  ENCRYPTED,
  WorkbookFailure,
  XLSB,
  compoundWithoutWorkbook,
  failureProblem,
  notAWorkbook,
  zipArchive,
} from "./problems";
import { readOdsWorkbook } from "./ods";
import { readOtherFormat } from "./otherFormats";
import { readWorksheet } from "./worksheet";
import { Zip, type InflateWhole } from "./zip";

export { chooseSheet, type SheetChoice } from "./chooseSheet";
export { startsAsTable } from "./otherFormats";
export { archivedSpreadsheets, readFromArchive, readOnlyArchived, type ArchivedFile } from "./archive";
export { readArchived } from "./readArchived";
export type { InflateWhole } from "./zip";

export interface ReadWorkbookOptions {
  /** the host's own inflater for parts small enough to hold whole (Node's zlib: src/cli/workbookFile.ts) */
  inflateWhole?: InflateWhole;
  /** the file's name: a text table (.csv) has no sheet name of its own, and its sheet is named for the file */
  name?: string;
}

/** The sheets of a workbook as grids, in the workbook's order, or the one problem that kept it from being read. */
export type WorkbookResult = { ok: true; grids: Grid[] } | { ok: false; problem: Problem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/** What a zip without a workbook is, when it can be told: an OpenDocument file, a Word or PowerPoint file. */
function kindOfZip(zip: Zip): "ods" | "docx" | "pptx" | null {
  if (zip.has("content.xml") && zip.has("mimetype")) return "ods";
  if (zip.has("word/document.xml")) return "docx";
  if (zip.has("ppt/presentation.xml")) return "pptx";
  return null;
}

/**
 * An OpenDocument spreadsheet (.ods, or its template .ots) by its mimetype part, never an OpenDocument text or
 * presentation, whose content.xml may hold tables too.
 */
async function isOpenDocumentSpreadsheet(zip: Zip): Promise<boolean> {
  const entry = zip.entry("mimetype");
  if (!entry || entry.size > 256 || zip.has("[Content_Types].xml")) return false;
  const decoder = new TextDecoder();
  let text = "";
  await zip.stream(entry, (bytes) => {
    text += decoder.decode(bytes, { stream: true });
  });
  return /^application\/vnd\.oasis\.opendocument\.spreadsheet(?:-template)?$/.test(text.trim());
}

/**
 * The problem of a zip holding no workbook: what it is when that can be told, and a zip that is no Office file at
 * all (no [Content_Types].xml) as the archive it is, naming the spreadsheets to unpack from it.
 */
function zipWithoutWorkbook(zip: Zip) {
  const kind = kindOfZip(zip);
  if (kind !== null || zip.has("[Content_Types].xml")) return notAWorkbook(kind);
  const inside = zip.names.filter(
    (name) =>
      isSpreadsheetName(name) && !isNoteName(name) && !isLockFileName(name) && !name.startsWith("__MACOSX/"),
  );
  return zipArchive(inside);
}

async function readGrids(data: Uint8Array, options: ReadWorkbookOptions): Promise<Grid[]> {
  const zip = new Zip(data, options.inflateWhole);
  const workbook = await workbookPart(zip);
  if (workbook === null && (await isOpenDocumentSpreadsheet(zip))) {
    const grids = await readOdsWorkbook(zip);
    if (grids.length > 0) return grids;
  }
  if (workbook === null) throw new WorkbookFailure(zipWithoutWorkbook(zip));
  // an Excel Binary Workbook: the same package, its parts binary records (xl/workbook.bin), not XML
  if (workbook.toLowerCase().endsWith(".bin")) throw new WorkbookFailure(XLSB());
  const parts = await readWorkbookParts(zip, workbook);
  if (parts.sheets.length === 0) throw new WorkbookFailure(notAWorkbook(null));
  const context = {
    sharedStrings: await readSharedStrings(zip, parts.sharedStrings),
    dateStyles: await readDateStyles(zip, parts.styles),
    date1904: parts.date1904,
    fullCalcOnLoad: parts.fullCalcOnLoad,
  };
  const grids: Grid[] = [];
  for (const sheet of parts.sheets) {
    const entry = sheet.part === null ? undefined : zip.entry(sheet.part);
    if (!entry) throw missingSheetPart(sheet.name, sheet.part);
    const grid = await readWorksheet(zip, entry, sheet.name, context);
    if (sheet.visibility !== "visible") grid.visibility = sheet.visibility;
    grids.push(grid);
  }
  return grids;
}

/**
 * The sheets of a Compound File: an old .xls (or WPS .et) by its `Workbook` stream (BIFF8) or its `Book` stream
 * (BIFF5, Excel 95); a password-protected .xlsx, a Word or PowerPoint file, or anything else said as what it is.
 */
function readCompoundFile(data: Uint8Array, name: string | undefined): Grid[] {
  const cfb = new CompoundFile(data);
  if (cfb.has("EncryptionInfo") || cfb.has("EncryptedPackage")) throw new WorkbookFailure(ENCRYPTED());
  const stream = cfb.stream("Workbook") ?? cfb.stream("Book");
  if (stream === null) {
    if (cfb.has("WordDocument")) throw new WorkbookFailure(notAWorkbook("docx"));
    if (cfb.has("PowerPoint Document")) throw new WorkbookFailure(notAWorkbook("pptx"));
    throw new WorkbookFailure(compoundWithoutWorkbook(name));
  }
  const grids = readBiffWorkbook(stream);
  if (grids.length === 0) throw new WorkbookFailure(notAWorkbook(null));
  return grids;
}

/**
 * Reads the sheets of a workbook held in memory: an .xlsx, an old binary .xls (readCompoundFile), or a table in
 * another format a system exports as "Excel" (a web page's .xls, Excel 2003 XML, .csv: otherFormats.ts). Never
 * throws: a file that cannot be read is a problem.
 */
export async function readWorkbook(
  data: Uint8Array,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookResult> {
  if (data.length === 0) return { ok: false, problem: EMPTY_FILE() };
  const compound = isCompoundFile(data);
  if (!compound && !startsWith(data, ZIP_MAGIC) && !startsWith(data, EMPTY_ZIP_MAGIC))
    return readOtherFormat(data, options.name);
  try {
    return {
      ok: true,
      grids: compound ? readCompoundFile(data, options.name) : await readGrids(data, options),
    };
  } catch (error) {
    // anything thrown while reading that is not the damage a reader found (a part no reader expects): the file is
    // damaged, never a stack trace
    return {
      ok: false,
      problem: failureProblem(error, "xlsx-corrupt", {
        zh: "工作簿已损坏，无法读取",
        en: "the workbook is damaged and cannot be read",
      }),
    };
  }
}
