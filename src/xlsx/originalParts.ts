/**
 * What of a clerk's workbook the downloaded copy cannot hold. 下载工作簿 loads the original file with exceljs and
 * writes it again; exceljs keeps values, formulas, styles, merges, validations, conditional formats, tables,
 * notes and pictures, and silently drops what it does not model (measured on exceljs 4.4, tests/xlsx/
 * originalParts.test.ts): charts and shapes in drawings, chart sheets, pivot tables, slicers and timelines,
 * sparklines and other extensions of a sheet, form controls and ActiveX, embedded objects, threaded comments,
 * macros, external links, custom XML. `partsNotCarried` names them from the original archive, sheet by sheet,
 * so the clerk is told; `carryDrawings` puts back the drawings it can put back whole — charts and shapes of a
 * sheet whose drawing holds nothing else — so that fewer are lost; `keepDefinedNames` puts back the print areas,
 * print titles and names exceljs writes wrong.
 */
import { strFromU8, strToU8, type Zippable } from "fflate";
import { attachDrawing, sheetParts } from "./charts";
import type { NotCarried, NotCarriedKind } from "../i18n/notCarried";

export type { NotCarried, NotCarriedKind } from "../i18n/notCarried";

type Files = Record<string, Uint8Array | unknown>;

interface Rel {
  id: string;
  /** the relationship type's last word: drawing, chart, pivotTable, vbaProject… */
  type: string;
  /** the part it points to, from the archive's root; the target as written when external */
  target: string;
  external: boolean;
}

const textOf =
  (files: Files) =>
  (name: string): string | undefined => {
    const bytes = files[name];
    return bytes instanceof Uint8Array ? strFromU8(bytes) : undefined;
  };

/** `target` written in part `from` as a path from the archive's root. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") path.pop();
    else if (step !== ".") path.push(step);
  }
  return path.join("/");
}

/** The path of part `to` as written in part `from`'s relationships. */
function relative(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let same = 0;
  while (same < a.length && same < b.length - 1 && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => ".."), ...b.slice(same)].join("/");
}

/** A relationship's target as a part name: %-escapes undone, a malformed one taken as written. */
function unescapeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

const relsPath = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

const attr = (element: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1]?.replace(/&amp;/g, "&");

function relsOf(text: (name: string) => string | undefined, part: string): Rel[] {
  const xml = text(relsPath(part)) ?? "";
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const target = attr(m[0], "Target") ?? "";
    const external = attr(m[0], "TargetMode") === "External";
    return {
      id: attr(m[0], "Id") ?? "",
      type: (attr(m[0], "Type") ?? "").replace(/^.*\//, ""),
      target: external ? target : resolve(part, unescapeTarget(target)),
      external,
    };
  });
}

/** Elements named `name` in any namespace prefix. */
const count = (xml: string, name: string) =>
  (xml.match(new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, "g")) ?? []).length;

const CHART_URIS = [
  "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "http://schemas.microsoft.com/office/drawing/2014/chartex",
];

/** The anchors of a drawing part: each a picture, chart, shape, slicer or a form control's shadow. */
function anchorsOf(drawing: string): string[] {
  return [
    ...drawing.matchAll(/<(?:\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/(?:\w+:)?\1>/g),
  ].map((m) => m[0]);
}

type AnchorKind = "chart" | "shape" | "picture" | "elsewhere";

/**
 * What an anchor holds, as the notice counts it: a chart (standard or Excel 2016's), a picture (exceljs keeps
 * those), a shape, text box, group or SmartArt, or something counted elsewhere — a slicer or timeline (from its
 * own part) or the drawing Excel keeps beside a form control (a14:compatExt, counted from the sheet's controls).
 */
function anchorKind(anchor: string): AnchorKind {
  if (CHART_URIS.some((uri) => anchor.includes(`uri="${uri}"`))) return "chart";
  if (/compatExt|\/slicer"|\/timeslicer"/.test(anchor)) return "elsewhere";
  if (/<(?:\w+:)?(sp|grpSp|cxnSp|graphicFrame)\b/.test(anchor)) return "shape";
  if (/<(?:\w+:)?pic\b/.test(anchor)) return "picture";
  return "shape";
}

/** The things of one worksheet part exceljs does not carry. */
function sheetLosses(text: (name: string) => string | undefined, part: string, sheet: string): NotCarried[] {
  const found = new Map<NotCarriedKind, number>();
  const add = (kind: NotCarriedKind, n: number) => n > 0 && found.set(kind, (found.get(kind) ?? 0) + n);
  const xml = text(part) ?? "";
  for (const rel of relsOf(text, part)) {
    if (rel.external) continue;
    const target = text(rel.target) ?? "";
    if (rel.type === "drawing")
      for (const anchor of anchorsOf(target)) {
        const kind = anchorKind(anchor);
        if (kind === "chart" || kind === "shape") add(kind, 1);
      }
    else if (rel.type === "pivotTable") add("pivotTable", 1);
    else if (rel.type === "slicer") add("slicer", Math.max(1, count(target, "slicer")));
    else if (rel.type === "timeline") add("timeline", Math.max(1, count(target, "timeline")));
    else if (rel.type === "ctrlProp") add("formControl", 1);
    else if (rel.type === "control") add("activeX", 1);
    else if (rel.type === "threadedComment")
      add("threadedComment", (target.match(/<(?:\w+:)?threadedComment\b(?![^>]*\bparentId=)/g) ?? []).length);
  }
  add("sparklines", count(xml, "sparklineGroup"));
  add("extValidation", count(xml, "x14:dataValidation"));
  // Excel writes an object twice, for new and old readers (mc:Choice, mc:Fallback): counted once by its shape
  const objects = [...xml.matchAll(/<(?:\w+:)?oleObject\b[^>]*>/g)].map(
    (m) => attr(m[0], "shapeId") ?? m.index,
  );
  add("embeddedObject", new Set(objects).size);
  return [...found].map(([kind, n]) => ({ kind, sheet, count: n }));
}

/**
 * What the download of a workbook written again by exceljs lacks of the original archive `files` (its parts by
 * name), sheet by sheet in the workbook's order, then the workbook's own; nothing for an archive that is no
 * .xlsx. A pure function of the parts: what exceljs drops is known, not measured again on each download.
 */
export function partsNotCarried(files: Files): NotCarried[] {
  const text = textOf(files);
  if (text("xl/workbook.xml") === undefined) return [];
  const found: NotCarried[] = [];
  for (const [sheet, part] of sheetParts(text)) {
    if (part.startsWith("xl/chartsheets/")) found.push({ kind: "chartSheet", sheet, count: 1 });
    else if (!part.startsWith("xl/worksheets/")) found.push({ kind: "otherSheet", sheet, count: 1 });
    else found.push(...sheetLosses(text, part, sheet));
  }
  const names = Object.keys(files);
  const parts = (pattern: RegExp) => names.filter((n) => pattern.test(n)).length;
  const book: [NotCarriedKind, number][] = [
    ["macros", parts(/(^|\/)vbaProject\.bin$/i) > 0 ? 1 : 0],
    ["externalLink", parts(/^xl\/externalLinks\/[^/]+\.xml$/)],
    ["customXml", parts(/^customXml\/item\d*\.xml$/)],
  ];
  for (const [kind, n] of book) if (n > 0) found.push({ kind, sheet: null, count: n });
  return found;
}

/** Relationship types a carried drawing may lead to: charts, their looks and the pictures in them. */
const CARRIED_TYPES = new Set([
  "chart",
  "chartStyle",
  "chartColorStyle",
  "chartUserShapes",
  "image",
  "themeOverride",
]);

/**
 * The parts drawing `drawing` leads to, itself first, when it can be carried whole: charts and shapes only (a
 * picture makes exceljs write a drawing of its own; a form control's shadow, a slicer or an Excel 2016 chart are
 * not carried), and every part it leads to of a carried type and present. Null when it cannot.
 */
function carriableParts(files: Files, drawing: string): string[] | null {
  const text = textOf(files);
  const xml = text(drawing);
  if (xml === undefined || /AlternateContent/.test(xml)) return null;
  const kinds = anchorsOf(xml).map(anchorKind);
  if (!kinds.includes("chart") || kinds.some((k) => k !== "chart" && k !== "shape")) return null;
  const parts = [drawing];
  for (let i = 0; i < parts.length; i++)
    for (const rel of relsOf(text, parts[i])) {
      if (rel.external || rel.type === "hyperlink") continue;
      if (!CARRIED_TYPES.has(rel.type) || !(files[rel.target] instanceof Uint8Array)) return null;
      if (!parts.includes(rel.target)) parts.push(rel.target);
    }
  return parts.every((p) => contentType(text("[Content_Types].xml") ?? "", p)) ? parts : null;
}

/** The `<Override>` naming part `part`'s content type, else the `<Default>` for its extension, if any. */
function contentType(types: string, part: string): { element: string; override: boolean } | null {
  const override = [...types.matchAll(/<Override\b[^>]*>/g)].find(
    (m) => attr(m[0], "PartName") === `/${part}`,
  );
  if (override) return { element: override[0], override: true };
  const ext = (/\.([^./]+)$/.exec(part)?.[1] ?? "").toLowerCase();
  const fallback = [...types.matchAll(/<Default\b[^>]*>/g)].find(
    (m) => attr(m[0], "Extension")?.toLowerCase() === ext,
  );
  return fallback ? { element: fallback[0], override: false } : null;
}

/** `dir/stemN.ext` renamed to the first number after those of its kind already in `files`. */
function freeName(files: Zippable, part: string): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  if (!m) return part;
  const [, stem, , ext] = m;
  let last = 0;
  for (const name of Object.keys(files)) {
    if (!name.startsWith(stem) || !name.endsWith(ext)) continue;
    const n = /^\d+$/.exec(name.slice(stem.length, name.length - ext.length));
    if (n) last = Math.max(last, Number(n[0]));
  }
  return `${stem}${last + 1}${ext}`;
}

/**
 * Puts back into `out` (the archive exceljs wrote, parts by name) the drawings of the original `files` that
 * exceljs dropped and that can be carried whole: for each worksheet to which exceljs wrote no drawing, its
 * drawing with the charts, chart styles and colours and pictures it leads to, numbered after the parts `out`
 * holds, each part's relationships and content type with it, and the sheet's `<drawing>`. The series refer to
 * the sheet's cells by the sheet's name, which the download keeps. Returns the sheets whose drawing was carried.
 */
export function carryDrawings(files: Files, out: Zippable): Set<string> {
  const text = textOf(files);
  const outText = textOf(out);
  const carried = new Set<string>();
  if (text("xl/workbook.xml") === undefined) return carried;
  const outParts = sheetParts(outText);
  let types = outText("[Content_Types].xml") ?? "";
  const originalTypes = text("[Content_Types].xml") ?? "";
  for (const [sheet, part] of sheetParts(text)) {
    const outPart = outParts.get(sheet);
    if (!part.startsWith("xl/worksheets/") || !outPart || /<(?:\w+:)?drawing\b/.test(outText(outPart) ?? ""))
      continue;
    const drawings = relsOf(text, part).filter((r) => r.type === "drawing" && !r.external);
    if (drawings.length !== 1) continue;
    const parts = carriableParts(files, drawings[0].target);
    if (!parts) continue;
    const renamed = new Map<string, string>();
    for (const p of parts) {
      const name = freeName(out, p);
      renamed.set(p, name);
      out[name] = files[p] as Uint8Array; // held until written: a free name stays free for the next part
    }
    for (const p of parts) {
      const name = renamed.get(p)!;
      const rels = text(relsPath(p));
      if (rels !== undefined)
        out[relsPath(name)] = strToU8(
          rels.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (element) => {
            if (attr(element, "TargetMode") === "External") return element;
            const target = attr(element, "Target") ?? "";
            const to = renamed.get(resolve(p, unescapeTarget(target)));
            return to ? element.replace(/\bTarget="[^"]*"/, `Target="${relative(name, to)}"`) : element;
          }),
        );
      const type = contentType(originalTypes, p)!;
      if (type.override)
        types = types.replace(
          "</Types>",
          `${type.element.replace(/PartName="[^"]*"/, `PartName="/${name}"`)}</Types>`,
        );
      else if (!contentType(types, name)) types = types.replace("</Types>", `${type.element}</Types>`);
    }
    attachDrawing(out, outPart, renamed.get(parts[0])!, "rIdBalanceKept");
    carried.add(sheet);
  }
  out["[Content_Types].xml"] = strToU8(types);
  return carried;
}

const unescapeXml = (s: string) =>
  s.replace(/&(quot|apos|lt|gt|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    const named: Record<string, string> = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };
    if (e in named) return named[e];
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** The names of a workbook part's sheets in their order, chart sheets too: the order localSheetId counts. */
function sheetOrder(workbook: string): string[] {
  const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbook)?.[1] ?? "";
  return [...sheets.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) =>
    unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
  );
}

/** The defined names of a workbook part, each element as written, its namespace prefix dropped. */
function definedNames(workbook: string): string[] {
  return [
    ...workbook.matchAll(/<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g),
  ].map((m) => m[0].replace(/^<\w+:/, "<").replace(/<\/\w+:definedName>$/, "</definedName>"));
}

/** A defined name's sheet by localSheetId in `order`; undefined for a name of the whole workbook. */
function nameSheet(element: string, order: string[]): string | null | undefined {
  const id = /\blocalSheetId="(\d+)"/.exec(element.slice(0, element.indexOf(">") + 1))?.[1];
  return id === undefined ? undefined : (order[Number(id)] ?? null);
}

/**
 * Puts the original's defined names back in place of those exceljs wrote into `out`. exceljs writes a print
 * area of whole columns as `$ANaN:$CNaN` (Excel asks to repair the file), keeps the first of several print
 * areas only, makes a print area's rows relative (`$A1:$C4`) and a sheet's own names the whole workbook's. Each
 * original name is written as it was, its localSheetId following its sheet's place in `out`; a name of a sheet
 * `out` lacks (a chart sheet) is left out with its sheet. The names exceljs wrote for sheets the original did not
 * have (the print titles of the report) stay.
 */
export function keepDefinedNames(files: Files, out: Zippable): void {
  const original = textOf(files)("xl/workbook.xml");
  const written = textOf(out)("xl/workbook.xml");
  if (original === undefined || written === undefined) return;
  const originalOrder = sheetOrder(original);
  const outOrder = sheetOrder(written);
  const kept: string[] = [];
  for (const element of definedNames(original)) {
    const sheet = nameSheet(element, originalOrder);
    if (sheet === undefined) kept.push(element);
    else if (sheet !== null && outOrder.includes(sheet))
      kept.push(element.replace(/\blocalSheetId="\d+"/, `localSheetId="${outOrder.indexOf(sheet)}"`));
  }
  for (const element of definedNames(written)) {
    const sheet = nameSheet(element, outOrder);
    if (sheet && !originalOrder.includes(sheet)) kept.push(element);
  }
  const without = written.replace(/<definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/, "");
  const block = kept.length > 0 ? `<definedNames>${kept.join("")}</definedNames>` : "";
  out["xl/workbook.xml"] = strToU8(without.replace("</sheets>", `</sheets>${block}`));
}
