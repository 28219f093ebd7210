/**
 * Hostile bytes through every reader: the committed files of each format readWorkbook reads (.xlsx, old binary
 * .xls, a web page's table, Excel 2003 XML, CSV, UTF-16 text), mutated — bytes flipped and overwritten, cut off
 * anywhere, ranges duplicated or deleted, huge values spliced into length, count, sector and index fields, sector
 * chains and directory trees made to loop, spans and indexes of a billion — must each be read or be a problem a
 * clerk can read (hostileHelpers.ts expectContract), and never cost more than the file's size allows. Seeded and
 * of fixed size (tests/setup/propertySeed.ts); hostile.test.ts runs them in the fast tier, hostile.slow.test.ts
 * ten times as many in the slow one.
 */
import fc from "fast-check";
import { unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbook } from "../../src/xlsx/reader";
import { CompoundFile } from "../../src/xlsx/reader/cfb";
import {
  HUGE_U32,
  concat,
  expectContract,
  mutateText,
  mutate,
  mutation,
  textMutation,
  writeLE,
} from "./hostileHelpers";
import { spreadsheet2003 } from "./hostileFiles";
import { compoundFile } from "./xlsBytes";

const ROOT = path.resolve(__dirname, "../..");
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(ROOT, file)));
const TEXT = "tests/xlsx/fixtures/text";

async function expectRead(bytes: Uint8Array, name?: string): Promise<void> {
  // readWorkbook never rejects: an await that throws fails the property with the thrown error
  const result = await readWorkbook(bytes, { name });
  expectContract(result, bytes.length);
}

const XLS = ["tests/fixtures/xls/export.xls", "tests/fixtures/xls/sample-county.xls"].map(bytesOf);
const XLSX = [bytesOf("examples/sample-county.xlsx"), bytesOf(`${TEXT}/export.xlsx`)];

/** The Workbook stream of an .xls: what the BIFF mutations start from. */
function workbookStreamOf(xls: Uint8Array): Uint8Array {
  return new CompoundFile(xls).stream("Workbook")!;
}
const BIFF_STREAMS = XLS.map(workbookStreamOf);

/** Where each record of a BIFF stream begins. */
function recordStarts(stream: Uint8Array): number[] {
  const starts: number[] = [];
  for (let at = 0; at + 4 <= stream.length;) {
    starts.push(at);
    at += 4 + (stream[at + 2] | (stream[at + 3] << 8));
  }
  return starts;
}

const RECORD_TYPES = [
  0x0809, 0x000a, 0x0085, 0x00fc, 0x003c, 0x00bd, 0x00e5, 0x007d, 0x0208, 0x00fd, 0x0006, 0x0207,
];

type RecordMutation =
  | { kind: "length"; record: number; value: number }
  | { kind: "field"; record: number; offset: number; value: number; size: 2 | 4 }
  | { kind: "type"; record: number; type: number }
  | { kind: "copy"; record: number; times: number; to: number }
  | { kind: "drop"; record: number };

const index = fc.nat({ max: 1 << 20 });
const recordMutation: fc.Arbitrary<RecordMutation> = fc.oneof(
  fc.record({
    kind: fc.constant("length" as const),
    record: index,
    value: fc.constantFrom(0, 1, 3, 0xffff, 8224),
  }),
  fc.record({
    kind: fc.constant("field" as const),
    record: index,
    offset: fc.integer({ min: 0, max: 24 }),
    value: fc.constantFrom(...HUGE_U32, 0, 1, 2),
    size: fc.constantFrom(2 as const, 4 as const),
  }),
  fc.record({ kind: fc.constant("type" as const), record: index, type: fc.constantFrom(...RECORD_TYPES) }),
  fc.record({
    kind: fc.constant("copy" as const),
    record: index,
    times: fc.integer({ min: 1, max: 300 }),
    to: index,
  }),
  fc.record({ kind: fc.constant("drop" as const), record: index }),
);

/** A BIFF stream with one record changed: its length, a field of its body, its type, copied or dropped. */
function mutateRecords(stream: Uint8Array, m: RecordMutation): Uint8Array {
  const starts = recordStarts(stream);
  if (starts.length === 0) return stream;
  const at = starts[m.record % starts.length];
  const end = Math.min(stream.length, at + 4 + (stream[at + 2] | (stream[at + 3] << 8)));
  switch (m.kind) {
    case "length": {
      const out = stream.slice();
      writeLE(out, at + 2, m.value, 2);
      return out;
    }
    case "field": {
      const out = stream.slice();
      const p = at + 4 + m.offset;
      if (p + m.size <= out.length) writeLE(out, p, m.value, m.size);
      return out;
    }
    case "type": {
      const out = stream.slice();
      writeLE(out, at, m.type, 2);
      return out;
    }
    case "copy": {
      const piece = stream.subarray(at, end);
      const to = starts[m.to % starts.length];
      return concat(
        stream.subarray(0, to),
        ...new Array<Uint8Array>(m.times).fill(piece),
        stream.subarray(to),
      );
    }
    case "drop":
      return concat(stream.subarray(0, at), stream.subarray(end));
  }
}

/** Where the FAT's first sector and the directory's first sector lie in a version 3 file (512-byte sectors). */
function layout(xls: Uint8Array) {
  const view = new DataView(xls.buffer, xls.byteOffset, xls.byteLength);
  const sector = (id: number) => (id + 1) * 512;
  return { fat: sector(view.getUint32(0x4c, true)), directory: sector(view.getUint32(0x30, true)) };
}

type CfbMutation =
  | { kind: "selfLoop"; entry: number }
  | { kind: "pointBack"; entry: number; to: number }
  | { kind: "header"; field: number; value: number }
  | { kind: "directory"; entry: number; field: number; value: number };

const HEADER_FIELDS = [0x2c, 0x30, 0x38, 0x3c, 0x40, 0x44, 0x48, 0x4c, 0x50];
const DIRECTORY_FIELDS = [64, 68, 72, 76, 116, 120, 124];
const cfbMutation: fc.Arbitrary<CfbMutation> = fc.oneof(
  fc.record({ kind: fc.constant("selfLoop" as const), entry: fc.nat({ max: 127 }) }),
  fc.record({
    kind: fc.constant("pointBack" as const),
    entry: fc.nat({ max: 127 }),
    to: fc.nat({ max: 127 }),
  }),
  fc.record({
    kind: fc.constant("header" as const),
    field: fc.constantFrom(...HEADER_FIELDS),
    value: fc.oneof(fc.constantFrom(...HUGE_U32), fc.nat({ max: 64 })),
  }),
  fc.record({
    kind: fc.constant("directory" as const),
    entry: fc.nat({ max: 3 }),
    field: fc.constantFrom(...DIRECTORY_FIELDS),
    value: fc.oneof(fc.constantFrom(...HUGE_U32), fc.nat({ max: 4 })),
  }),
);

/** A Compound File with its FAT made to loop, its header's counts and starts or its directory entries changed. */
function mutateCompound(xls: Uint8Array, m: CfbMutation): Uint8Array {
  const out = xls.slice();
  const { fat, directory } = layout(xls);
  const put = (at: number, value: number) => {
    if (at + 4 <= out.length) writeLE(out, at, value, 4);
  };
  switch (m.kind) {
    case "selfLoop":
      put(fat + 4 * m.entry, m.entry);
      break;
    case "pointBack":
      put(fat + 4 * m.entry, m.to);
      break;
    case "header":
      put(m.field, m.value);
      break;
    case "directory":
      put(directory + 128 * m.entry + m.field, m.value);
      break;
  }
  return out;
}

const HTML_PIECES = [
  '<td rowspan="1000000000" colspan="1000000000">x</td>',
  '<td rowspan="65534">1</td>',
  '<td colspan="1000">1</td>',
  '<col span="1000000000" style="display:none">',
  '<tr style="display:none">',
  "<table>",
  "</table>",
  "<tr>",
  "<td>",
  "<!--",
  "<script>",
  '<td x:num="1e400">',
  "&#x110000;&#0;&#55296;",
  "<td style=\"mso-number-format:'\\@'\">",
];
const XML_PIECES = [
  '<Row ss:Index="2147483648">',
  '<Row ss:Hidden="1" ss:Span="1000000000">',
  '<Column ss:Hidden="1" ss:Span="1000000000"/>',
  '<Cell ss:Index="2147483648"><Data ss:Type="Number">1</Data></Cell>',
  '<Cell ss:Index="16384"><Data ss:Type="Number">1</Data></Cell>',
  '<Cell ss:MergeDown="1000000000" ss:MergeAcross="1000000000">',
  '<Cell ss:MergeDown="1048575"><Data ss:Type="String">x</Data></Cell>',
  '<Row ss:Index="1048576"><Cell><Data ss:Type="Number">1</Data></Cell></Row>',
  '<Worksheet ss:Name="x"><Table>',
  "</Worksheet>",
  "<![CDATA[",
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
];
const CSV_PIECES = ['"', '""', "\r", "\n", ",", "\t", ";", "sep=;\n", '="0012"', "\u0000", "\ufffd", "1e400"];

/** A count as a hostile file gives one: small, at Excel's limits, or far past them. */
const hostileCount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1000, 16383, 16384, 65534, 1048575, 1048576, 1e9, 2 ** 31, 2 ** 32),
  },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const attribute = (name: string, value: number | undefined) =>
  value === undefined ? "" : ` ${name}="${value}"`;

/** A web page's table built of rows of cells with spans small and huge, some rows and columns hidden. */
const htmlTable = fc
  .record({
    columns: fc.array(fc.record({ span: maybe(hostileCount), hidden: fc.boolean() }), { maxLength: 3 }),
    rows: fc.array(
      fc.record({
        hidden: fc.boolean(),
        cells: fc.array(
          fc.record({
            rowspan: maybe(hostileCount),
            colspan: maybe(hostileCount),
            text: fc.constantFrom("1", "x", ""),
          }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 10 },
    ),
  })
  .map(
    ({ columns, rows }) =>
      "<table>" +
      columns
        .map((c) => `<col${attribute("span", c.span)}${c.hidden ? ' style="display:none"' : ""}>`)
        .join("") +
      rows
        .map(
          (r) =>
            `<tr${r.hidden ? ' style="display:none"' : ""}>` +
            r.cells
              .map(
                (c) =>
                  `<td${attribute("rowspan", c.rowspan)}${attribute("colspan", c.colspan)}>${c.text}</td>`,
              )
              .join("") +
            "</tr>",
        )
        .join("") +
      "</table>",
  );

/** An Excel 2003 XML worksheet of rows and cells placed by ss:Index, spanned, merged and hidden, small and huge. */
const xml2003Table = fc
  .record({
    columns: fc.array(
      fc.record({ index: maybe(hostileCount), span: maybe(hostileCount), hidden: fc.boolean() }),
      {
        maxLength: 3,
      },
    ),
    rows: fc.array(
      fc.record({
        index: maybe(hostileCount),
        span: maybe(hostileCount),
        hidden: fc.boolean(),
        cells: fc.array(
          fc.record({
            index: maybe(hostileCount),
            across: maybe(hostileCount),
            down: maybe(hostileCount),
            value: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ columns, rows }) =>
    spreadsheet2003(
      columns
        .map(
          (c) =>
            `<Column${attribute("ss:Index", c.index)}${attribute("ss:Span", c.span)}${c.hidden ? ' ss:Hidden="1"' : ""}/>`,
        )
        .join("") +
        rows
          .map(
            (r) =>
              `<Row${attribute("ss:Index", r.index)}${attribute("ss:Span", r.span)}${r.hidden ? ' ss:Hidden="1"' : ""}>` +
              r.cells
                .map(
                  (c) =>
                    `<Cell${attribute("ss:Index", c.index)}${attribute("ss:MergeAcross", c.across)}${attribute("ss:MergeDown", c.down)}>` +
                    (c.value ? '<Data ss:Type="Number">1</Data>' : "") +
                    "</Cell>",
                )
                .join("") +
              "</Row>",
          )
          .join(""),
    ),
  );

/**
 * The properties, each drawing `runs` times its share of cases: 1 in the fast tier (hostile.test.ts), more in the
 * slow tier (hostile.slow.test.ts).
 */
export function describeHostileFiles(runs: number): void {
  const RUNS = runs;
  describe("hostile old binary .xls files are read or are a problem", () => {
    it("bytes of a real .xls flipped, overwritten, cut off, repeated or deleted", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          async (i, ms) => expectRead(ms.reduce(mutate, XLS[i])),
        ),
        { numRuns: 150 * RUNS },
      );
    });

    it("sector chains that loop or point back, huge counts in the header, directory trees that loop", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          fc.array(cfbMutation, { minLength: 1, maxLength: 3 }),
          async (i, ms) => expectRead(ms.reduce(mutateCompound, XLS[i])),
        ),
        { numRuns: 150 * RUNS },
      );
    });

    it("records of the workbook stream given huge lengths, counts and fields, repeated, retyped or dropped", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          fc.array(recordMutation, { minLength: 1, maxLength: 4 }),
          async (i, ms) =>
            expectRead(compoundFile({ Workbook: ms.reduce(mutateRecords, BIFF_STREAMS[i]) }).bytes),
        ),
        { numRuns: 200 * RUNS },
      );
    });
  });

  describe("hostile .xlsx files are read or are a problem", () => {
    it("bytes of a real .xlsx flipped, overwritten, cut off, repeated or deleted", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          async (i, ms) => expectRead(ms.reduce(mutate, XLSX[i])),
        ),
        { numRuns: 100 * RUNS },
      );
    });

    const PARTS_PIECES = [
      '<c r="XFD1048576"><v>1</v></c>',
      '<c r="A1048577"><v>1</v></c>',
      '<row r="4294967296">',
      '<row r="1048576" hidden="1"><c><v>1</v></c></row>',
      '<c t="s"><v>4294967295</v></c>',
      '<mergeCell ref="A1:XFD1048576"/>',
      '<col min="1" max="1000000000" hidden="1"/>',
      '<sheet name="x" sheetId="9" r:id="rId1"/>',
      "<![CDATA[",
      "<!--",
      "&#xFFFFFFFF;",
      '<f t="shared" si="0" ref="A1:XFD1048576">A1</f>',
    ];

    it("the XML parts of a real .xlsx given huge references, rows, merges and columns, cut or repeated", async () => {
      const parts = XLSX.map((x) => unzipSync(x));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(0, 1),
          fc.nat(),
          fc.array(textMutation(PARTS_PIECES), { minLength: 1, maxLength: 4 }),
          async (i, which, ms) => {
            const files = parts[i];
            const names = Object.keys(files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
            const name = names[which % names.length];
            const text = new TextDecoder().decode(files[name]);
            const changed = { ...files, [name]: new TextEncoder().encode(ms.reduce(mutateText, text)) };
            await expectRead(zipSync(changed));
          },
        ),
        { numRuns: 70 * RUNS },
      );
    });
  });

  describe("hostile text tables are read or are a problem", () => {
    const cases: [string, string[]][] = [
      [`${TEXT}/sample-web.xls`, HTML_PIECES],
      [`${TEXT}/export.html`, HTML_PIECES],
      [`${TEXT}/sample-2003.xml`, XML_PIECES],
      [`${TEXT}/export-2003.xml`, XML_PIECES],
      [`${TEXT}/sample-utf8.csv`, CSV_PIECES],
      [`${TEXT}/export-utf8.csv`, CSV_PIECES],
    ];
    it.each(cases)("%s with hostile pieces put in, ranges cut or repeated", async (file, pieces) => {
      const text = new TextDecoder().decode(bytesOf(file));
      const name = path.basename(file);
      await fc.assert(
        fc.asyncProperty(fc.array(textMutation(pieces), { minLength: 1, maxLength: 5 }), async (ms) =>
          expectRead(new TextEncoder().encode(ms.reduce(mutateText, text)), name),
        ),
        { numRuns: 30 * RUNS },
      );
    });

    it.each([
      `${TEXT}/sample-gbk.csv`,
      `${TEXT}/sample-utf16.txt`,
      `${TEXT}/sample-web.xls`,
      `${TEXT}/sample-2003.xml`,
    ])("the bytes of %s flipped, overwritten, cut off, repeated or deleted", async (file) => {
      const bytes = bytesOf(file);
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) =>
          expectRead(ms.reduce(mutate, bytes), path.basename(file)),
        ),
        { numRuns: 30 * RUNS },
      );
    });
  });

  describe("hostile tables built of hostile spans, indexes and counts are read or are a problem", () => {
    it("a web page's table of cells spanning rows and columns, few and many", async () => {
      await fc.assert(
        fc.asyncProperty(htmlTable, async (page) => expectRead(new TextEncoder().encode(page), "表.xls")),
        { numRuns: 150 * RUNS },
      );
    });

    it("an Excel 2003 XML worksheet of rows and cells placed, spanned, merged and hidden, few and many", async () => {
      await fc.assert(
        fc.asyncProperty(xml2003Table, async (xml) => expectRead(xml)),
        { numRuns: 150 * RUNS },
      );
    });
  });
}
