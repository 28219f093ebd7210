/**
 * A clerk's statistics workbook holding the parts Excel writes and exceljs does not model — a chart, a pivot
 * table, macros, sparklines, an external link, threaded comments, custom XML, a slicer, a form control, a
 * shape — each added by hand to a plain workbook exceljs wrote, tied in as Excel ties it: the part, its
 * relationships, its content type, and the element of the sheet or workbook that refers to it.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { SaxesParser } from "saxes";
import { countyRows } from "../trust/hostileBooks";

export type PartKind =
  | "chart"
  | "pivot"
  | "vba"
  | "sparklines"
  | "externalLink"
  | "threadedComments"
  | "customXml"
  | "slicer"
  | "formControl"
  | "shape"
  | "picture"
  | "embeddedObject"
  | "extValidation";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL_TYPE = {
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  chartStyle: "http://schemas.microsoft.com/office/2011/relationships/chartStyle",
  chartColors: "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle",
  pivotTable: `${R}/pivotTable`,
  pivotCache: `${R}/pivotCacheDefinition`,
  pivotRecords: `${R}/pivotCacheRecords`,
  vba: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  externalLink: `${R}/externalLink`,
  externalPath: `${R}/externalLinkPath`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  customXml: `${R}/customXml`,
  slicer: "http://schemas.microsoft.com/office/2007/relationships/slicer",
  slicerCache: "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
  ctrlProp: `${R}/ctrlProp`,
  oleObject: `${R}/oleObject`,
  image: `${R}/image`,
};

/** A one-pixel PNG. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

/** The plain workbook: 统计 (a small table of figures) and 学校 (a small county's school table). */
export async function plainBook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const stats = book.addWorksheet("统计");
  [
    ["学校", "学生数", "教师数"],
    ["城关小学", 600, 30],
    ["乌兰小学", 300, 12],
    ["一中", 900, 60],
  ].forEach((row) => stats.addRow(row));
  const schools = book.addWorksheet("学校");
  countyRows().forEach((row) => schools.addRow(row));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A bar chart of 统计!B2:B4 over A2:A4, as Excel writes one, with its style and colour parts. */
export function chartPart(title: string): string {
  return (
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r>` +
    `</a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>统计!$B$1</c:f></c:strRef></c:tx>` +
    `<c:cat><c:strRef><c:f>统计!$A$2:$A$4</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>统计!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="150"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:crossAx val="1002"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:crossAx val="1001"/></c:valAx></c:plotArea>` +
    `<c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

const anchor = (inner: string, row: number) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row>` +
  `<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff>` +
  `<xdr:row>${row + 14}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

const chartFrame = (id: number, rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="图表 ${id}"/>` +
  `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/>` +
  `</a:graphicData></a:graphic></xdr:graphicFrame>`;

const shapeXml = (id: number) =>
  `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="文本框 ${id}"/><xdr:cNvSpPr txBox="1"/>` +
  `</xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>` +
  `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>注</a:t>` +
  `</a:r></a:p></xdr:txBody></xdr:sp>`;

const pictureXml = (id: number, rid: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="图片 ${id}"/><xdr:cNvPicPr/></xdr:nvPicPr>` +
  `<xdr:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
  `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>` +
  `</a:prstGeom></xdr:spPr></xdr:pic>`;

/** The archive as text parts, with helpers to tie a new part in. */
class Archive {
  readonly files: Zippable;
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
  }
  text(name: string): string | undefined {
    const b = this.files[name];
    return b instanceof Uint8Array ? strFromU8(b) : undefined;
  }
  put(name: string, content: string | Uint8Array): void {
    this.files[name] = typeof content === "string" ? strToU8(content) : content;
  }
  /** a content type for the part (Override) or for its extension (Default) */
  type(part: string, contentType: string): void {
    let types = this.text("[Content_Types].xml")!;
    if (part.startsWith(".")) {
      const ext = part.slice(1);
      if (types.includes(`Extension="${ext}"`)) return;
      types = types.replace("</Types>", `<Default Extension="${ext}" ContentType="${contentType}"/></Types>`);
    } else
      types = types.replace(
        "</Types>",
        `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`,
      );
    this.put("[Content_Types].xml", types);
  }
  /** a relationship from `from` (a part name) to `target` (relative to `from`'s folder), its id returned */
  rel(from: string, type: string, target: string, external = false): string {
    const path = from.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = this.text(path) ?? `${HEAD}<Relationships xmlns="${PKG}"></Relationships>`;
    const id = `rIdT${(rels.match(/<Relationship\b/g) ?? []).length + 1}`;
    const mode = external ? ` TargetMode="External"` : "";
    this.put(
      path,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${type}" Target="${target}"${mode}/></Relationships>`,
      ),
    );
    return id;
  }
  /** an element put into a part before the first of `before` (a pattern of element names) or its end tag */
  insert(part: string, xml: string, before: RegExp): void {
    const text = this.text(part)!;
    const at = before.exec(text);
    if (!at) throw new Error(`no place in ${part}`);
    this.put(part, text.slice(0, at.index) + xml + text.slice(at.index));
  }
  bytes(): Uint8Array {
    return zipSync(this.files);
  }
}

const SHEET1 = "xl/worksheets/sheet1.xml";
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/** The drawing of sheet 统计 holding `inner` anchors, its part made on first use. */
function drawingOf(a: Archive): string {
  const part = "xl/drawings/drawing1.xml";
  if (!a.text(part)) {
    a.put(
      part,
      `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"></xdr:wsDr>`,
    );
    a.type(part, "application/vnd.openxmlformats-officedocument.drawing+xml");
    const id = a.rel(SHEET1, REL_TYPE.drawing, "../drawings/drawing1.xml");
    a.insert(SHEET1, `<drawing r:id="${id}"/>`, AFTER_DRAWING);
  }
  return part;
}

let anchors = 0;
function addAnchor(a: Archive, inner: (rel: (type: string, target: string) => string) => string): void {
  const part = drawingOf(a);
  const xml = inner((type, target) => a.rel(part, type, target));
  a.insert(part, anchor(xml, 1 + 16 * anchors++), /<\/xdr:wsDr>/);
}

const ADD: Record<PartKind, (a: Archive, n: number) => void> = {
  chart(a, n) {
    const chart = `xl/charts/chart${n}.xml`;
    a.put(chart, chartPart(`学生数 ${n}`));
    a.type(chart, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    a.put(
      `xl/charts/style${n}.xml`,
      `${HEAD}<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>`,
    );
    a.type(`xl/charts/style${n}.xml`, "application/vnd.ms-office.chartstyle+xml");
    a.rel(chart, REL_TYPE.chartStyle, `style${n}.xml`);
    a.put(
      `xl/charts/colors${n}.xml`,
      `${HEAD}<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>`,
    );
    a.type(`xl/charts/colors${n}.xml`, "application/vnd.ms-office.chartcolorstyle+xml");
    a.rel(chart, REL_TYPE.chartColors, `colors${n}.xml`);
    addAnchor(a, (rel) => chartFrame(n + 1, rel(REL_TYPE.chart, `../charts/chart${n}.xml`)));
  },
  shape(a, n) {
    addAnchor(a, () => shapeXml(100 + n));
  },
  picture(a, n) {
    a.put(`xl/media/image${n}.png`, PNG);
    a.type(".png", "image/png");
    addAnchor(a, (rel) => pictureXml(200 + n, rel(REL_TYPE.image, `../media/image${n}.png`)));
  },
  pivot(a, n) {
    const cache = `xl/pivotCache/pivotCacheDefinition${n}.xml`;
    a.put(
      cache,
      `${HEAD}<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="${R}" r:id="rId1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ` +
        `ref="A1:C4" sheet="统计"/></cacheSource><cacheFields count="1"><cacheField name="学校" numFmtId="0">` +
        `<sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    a.type(cache, "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml");
    const records = `xl/pivotCache/pivotCacheRecords${n}.xml`;
    a.put(
      records,
      `${HEAD}<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>`,
    );
    a.type(records, "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml");
    a.rel(cache, REL_TYPE.pivotRecords, `pivotCacheRecords${n}.xml`);
    const cacheId = a.rel("xl/workbook.xml", REL_TYPE.pivotCache, `pivotCache/pivotCacheDefinition${n}.xml`);
    a.insert(
      "xl/workbook.xml",
      `<pivotCaches><pivotCache cacheId="${n}" r:id="${cacheId}"/></pivotCaches>`,
      /<(extLst)\b|<\/workbook>/,
    );
    const table = `xl/pivotTables/pivotTable${n}.xml`;
    a.put(
      table,
      `${HEAD}<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `name="数据透视表${n}" cacheId="${n}" dataCaption="值"><location ref="E1:F3" firstHeaderRow="1" ` +
        `firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields>` +
        `</pivotTableDefinition>`,
    );
    a.type(table, "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml");
    a.rel(table, REL_TYPE.pivotCache, `../pivotCache/pivotCacheDefinition${n}.xml`);
    a.rel("xl/worksheets/sheet2.xml", REL_TYPE.pivotTable, `../pivotTables/pivotTable${n}.xml`);
  },
  vba(a) {
    a.put("xl/vbaProject.bin", strToU8("not really a VBA project"));
    a.type(".bin", "application/vnd.ms-office.vbaProject");
    a.rel("xl/workbook.xml", REL_TYPE.vba, "vbaProject.bin");
  },
  sparklines(a) {
    a.insert(
      SHEET1,
      `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" ` +
        `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups ` +
        `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup>` +
        `<x14:sparklines><x14:sparkline><xm:f>统计!B2:C2</xm:f><xm:sqref>D2</xm:sqref></x14:sparkline>` +
        `</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`,
      /<\/worksheet>/,
    );
  },
  externalLink(a, n) {
    const part = `xl/externalLinks/externalLink${n}.xml`;
    a.put(
      part,
      `${HEAD}<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}">` +
        `<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
    );
    a.type(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml");
    a.rel(part, REL_TYPE.externalPath, "file:///C:/去年.xlsx", true);
    const id = a.rel("xl/workbook.xml", REL_TYPE.externalLink, `externalLinks/externalLink${n}.xml`);
    a.insert(
      "xl/workbook.xml",
      `<externalReferences><externalReference r:id="${id}"/></externalReferences>`,
      /<(definedNames|calcPr)\b/,
    );
  },
  threadedComments(a) {
    const part = "xl/threadedComments/threadedComment1.xml";
    a.put(
      part,
      `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
        `<threadedComment ref="B2" dT="2024-09-01T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" ` +
        `id="{00000000-0000-0000-0000-000000000002}"><text>请核对</text></threadedComment></ThreadedComments>`,
    );
    a.type(part, "application/vnd.ms-excel.threadedcomments+xml");
    a.rel(SHEET1, REL_TYPE.threadedComment, "../threadedComments/threadedComment1.xml");
    a.put(
      "xl/persons/person.xml",
      `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">` +
        `<person displayName="王老师" id="{00000000-0000-0000-0000-000000000001}" providerId="None"/></personList>`,
    );
    a.type("xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
    a.rel("xl/workbook.xml", REL_TYPE.person, "persons/person.xml");
  },
  customXml(a) {
    a.put("customXml/item1.xml", `<统计 xmlns="urn:balance:test"/>`);
    a.rel("xl/workbook.xml", REL_TYPE.customXml, "../customXml/item1.xml");
  },
  slicer(a) {
    const part = "xl/slicers/slicer1.xml";
    a.put(
      part,
      `${HEAD}<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
        `<slicer name="学校" cache="切片器_学校" caption="学校" rowHeight="241300"/></slicers>`,
    );
    a.type(part, "application/vnd.ms-excel.slicer+xml");
    a.rel(SHEET1, REL_TYPE.slicer, "../slicers/slicer1.xml");
    const cache = "xl/slicerCaches/slicerCache1.xml";
    a.put(
      cache,
      `${HEAD}<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ` +
        `name="切片器_学校" sourceName="学校"/>`,
    );
    a.type(cache, "application/vnd.ms-excel.slicerCache+xml");
    a.rel("xl/workbook.xml", REL_TYPE.slicerCache, "slicerCaches/slicerCache1.xml");
  },
  extValidation(a) {
    // a drop-down list of another sheet's cells, as Excel 2010 writes it (in the sheet's extensions)
    a.insert(
      SHEET1,
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" ` +
        `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations ` +
        `count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation ` +
        `type="list" allowBlank="1"><x14:formula1><xm:f>学校!$A$2:$A$7</xm:f></x14:formula1>` +
        `<xm:sqref>A2:A4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
      /<\/worksheet>/,
    );
  },
  embeddedObject(a) {
    // as Excel writes an embedded document: twice, for new readers and for old (mc:Choice, mc:Fallback)
    a.put("xl/embeddings/oleObject1.bin", strToU8("not really an OLE object"));
    a.type(".bin", "application/vnd.openxmlformats-officedocument.oleObject");
    const id = a.rel(SHEET1, REL_TYPE.oleObject, "../embeddings/oleObject1.bin");
    const object = (inner: string) =>
      `<oleObject progId="Word.Document.12" shapeId="1025" r:id="${id}"${inner}`;
    a.insert(
      SHEET1,
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
        `<mc:Choice Requires="x14"><oleObjects>${object('><objectPr defaultSize="0"/></oleObject>')}` +
        `</oleObjects></mc:Choice><mc:Fallback><oleObjects>${object("/>")}</oleObjects></mc:Fallback>` +
        `</mc:AlternateContent>`,
      /<(webPublishItems|tableParts|extLst)\b|<\/worksheet>/,
    );
  },
  formControl(a) {
    const part = "xl/ctrlProps/ctrlProp1.xml";
    a.put(
      part,
      `${HEAD}<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ` +
        `objectType="CheckBox" checked="Checked"/>`,
    );
    a.type(part, "application/vnd.ms-excel.controlproperties+xml");
    const id = a.rel(SHEET1, REL_TYPE.ctrlProp, "../ctrlProps/ctrlProp1.xml");
    a.insert(
      SHEET1,
      `<controls><control shapeId="1025" r:id="${id}" name="复选框 1"/></controls>`,
      /<(webPublishItems|tableParts|extLst)\b|<\/worksheet>/,
    );
  },
};

/** The plain workbook with `kinds` added (a kind twice gives two of it), as the bytes of an .xlsx. */
export async function bookWith(kinds: PartKind[]): Promise<Uint8Array> {
  const a = new Archive(await plainBook());
  anchors = 0;
  const seen = new Map<PartKind, number>();
  for (const kind of kinds) {
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    ADD[kind](a, n);
  }
  if (!/xmlns:r=/.test(a.text(SHEET1)!))
    a.put(SHEET1, a.text(SHEET1)!.replace("<worksheet", `<worksheet xmlns:r="${R}"`));
  return a.bytes();
}

/**
 * What is wrong with an .xlsx package: an XML part that is not well-formed, a relationship whose target is
 * missing, a part no content type covers, a content type for a part that is missing, a relationship id used
 * twice in one part. Empty when all is well.
 */
export function packageProblems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const problems: string[] = [];
  const types = strFromU8(files["[Content_Types].xml"]);
  const defaults = [...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const overrides = [...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1]);
  for (const part of overrides)
    if (!(part.slice(1) in files)) problems.push(`${part}: a content type, no part`);
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    if (/\.(xml|rels|vml)$/.test(name)) {
      const parser = new SaxesParser();
      try {
        parser.write(strFromU8(data)).close();
      } catch (e) {
        problems.push(`${name}: ${(e as Error).message}`);
      }
    }
    const ext = name.replace(/^.*\./, "").toLowerCase();
    if (name !== "[Content_Types].xml" && !overrides.includes(`/${name}`) && !defaults.includes(ext))
      problems.push(`${name}: no content type`);
    if (!name.endsWith(".rels")) continue;
    const from = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const ids = new Set<string>();
    for (const m of strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /Id="([^"]+)"/.exec(m[0])![1];
      if (ids.has(id)) problems.push(`${name}: ${id} twice`);
      ids.add(id);
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1];
      const path = target.startsWith("/")
        ? target.slice(1)
        : [...from.split("/").slice(0, -1), ...target.split("/")]
            .reduce<string[]>((p, s) => (s === ".." ? p.slice(0, -1) : [...p, s]), [])
            .join("/");
      if (!(path in files)) problems.push(`${name}: ${id} → ${path} missing`);
    }
  }
  return problems;
}
