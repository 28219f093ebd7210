/**
 * Native Excel charts in a report workbook. exceljs cannot write charts, so the chart parts (DrawingML) are
 * added to the archive exceljs wrote: a chart part per ChartSpec, a drawing per sheet anchoring them, and the
 * relationships and content types that tie them in. The series refer to the sheet's cells, so the charts
 * follow the formulas when Excel recalculates.
 */
import { FIXED_DATE } from "./write";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { parseAddress, sheetRef } from "../sheet/grid";
import type { ChartSpec, Report } from "../report/model";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** 'Sheet'!$B$3:$B$9 from B3:B9 on a sheet. */
function absoluteRef(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((a) => a.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${sheetRef(sheet)}!${abs}`;
}

function seriesXml(
  sheet: string,
  spec: ChartSpec,
  s: ChartSpec["series"][number],
  i: number,
  line: boolean,
): string {
  const look = line
    ? `<c:marker><c:symbol val="${spec.type === "line" ? "circle" : "none"}"/></c:marker>`
    : `<c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${look}` +
    `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(sheet, spec.categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(sheet, s.values))}</c:f></c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/**
 * The chart part of a spec: clustered columns with any `line` series drawn as lines on the same axes (a limit
 * over the coefficients), or a line chart (a trend over years).
 */
export function chartXml(sheet: string, spec: ChartSpec): string {
  const indexed = spec.series.map((s, i) => ({ s, i, line: spec.type === "line" || s.line === true }));
  const columns = indexed.filter((x) => !x.line);
  const lines = indexed.filter((x) => x.line);
  const axes = `<c:axId val="50010"/><c:axId val="50020"/>`;
  const barChart =
    columns.length === 0
      ? ""
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        columns.map((x) => seriesXml(sheet, spec, x.s, x.i, false)).join("") +
        `<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const lineChart =
    lines.length === 0
      ? ""
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        lines.map((x) => seriesXml(sheet, spec, x.s, x.i, true)).join("") +
        `<c:marker val="1"/>${axes}</c:lineChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    barChart +
    lineChart +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${axisTitle(spec.axes.category)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${axisTitle(spec.axes.value)}` +
    `<c:numFmt formatCode="0.00" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** An axis's title: what its labels are, on paper as on screen. */
function axisTitle(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function anchorXml(spec: ChartSpec, index: number, relId: string): string {
  const from = parseAddress(spec.anchor.from);
  const to = parseAddress(spec.anchor.to);
  const point = (tag: string, p: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row>` +
    `<xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${point("from", from)}${point("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const RELS_HEAD =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

/**
 * Ties drawing part `drawing` to worksheet part `part` (which has none): the sheet's relationship to it, and the
 * sheet's `<drawing r:id>` in its place (after the print set-up, before legacy drawings, tables and extensions).
 */
export function attachDrawing(files: Zippable, part: string, drawing: string, relId: string): void {
  const text = (name: string): string | undefined => {
    const bytes = files[name];
    return bytes instanceof Uint8Array ? strFromU8(bytes) : undefined;
  };
  const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const rels = text(relsPath) ?? `${RELS_HEAD}</Relationships>`;
  const target = `../${drawing.replace(/^xl\//, "")}`;
  files[relsPath] = strToU8(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="${target}"/></Relationships>`,
    ),
  );
  let xml = text(part) ?? "";
  if (!/xmlns:r=/.test(xml)) {
    xml = xml.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  }
  const before =
    /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
      xml,
    );
  if (before) xml = `${xml.slice(0, before.index)}<drawing r:id="${relId}"/>${xml.slice(before.index)}`;
  files[part] = strToU8(xml);
}

/** The worksheet part of each sheet, by name, from the workbook part and its relationships. */
export function sheetParts(text: (name: string) => string | undefined): Map<string, string> {
  const workbook = text("xl/workbook.xml") ?? "";
  const rels = text("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const id = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) {
      const unescaped = name
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
      parts.set(unescaped, part);
    }
  }
  return parts;
}

/** The highest number N of the parts `prefix`N.xml already in the archive (charts, drawings), or 0. */
function lastPartNumber(files: Zippable, prefix: string): number {
  let last = 0;
  for (const name of Object.keys(files)) {
    if (!name.startsWith(prefix)) continue;
    const n = /^(\d+)\.xml$/.exec(name.slice(prefix.length));
    if (n) last = Math.max(last, Number(n[1]));
  }
  return last;
}

/**
 * Adds the report's charts to .xlsx bytes, in Node or in a browser. The archive may hold other sheets' drawings
 * (a workbook read from a file, with pictures): the new parts are numbered after them.
 */
export async function addChartsToXlsx(xlsx: Uint8Array, report: Report): Promise<Uint8Array> {
  const withCharts = report.sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return xlsx;
  // the entries in their order, [Content_Types].xml first as exceljs wrote it, new parts after them
  const files: Zippable = unzipSync(xlsx);
  const text = (name: string): string | undefined => {
    const bytes = files[name];
    return bytes instanceof Uint8Array ? strFromU8(bytes) : undefined;
  };
  const put = (name: string, content: string) => (files[name] = strToU8(content));
  const parts = sheetParts(text);
  let types = text("[Content_Types].xml") ?? "";
  let chartNo = lastPartNumber(files, "xl/charts/chart");
  let drawingNo = lastPartNumber(files, "xl/drawings/drawing");
  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) continue;
    drawingNo++;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    (sheet.charts ?? []).forEach((spec, i) => {
      chartNo++;
      put(`xl/charts/chart${chartNo}.xml`, chartXml(sheet.name, spec));
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ` +
          `ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      );
      drawingRels.push(
        `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${chartNo}.xml"/>`,
      );
      anchors.push(anchorXml(spec, i, `rId${i + 1}`));
    });
    put(
      `xl/drawings/drawing${drawingNo}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join("")}</xdr:wsDr>`,
    );
    put(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `${RELS_HEAD}${drawingRels.join("")}</Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ` +
        `ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    attachDrawing(files, part, `xl/drawings/drawing${drawingNo}.xml`, "rIdBalanceDrawing");
  }
  put("[Content_Types].xml", types);
  return zipSync(files, { level: 6, mtime: FIXED_DATE });
}
