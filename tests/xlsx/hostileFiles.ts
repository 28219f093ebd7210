/**
 * Hostile files at their smallest, as the property tests of hostile.test.ts shrank them (or as they were built
 * to reach what those tests found): each once got past the reader's contract. hostileCases.test.ts reads them
 * through readWorkbook; hostileHosts.test.ts through the command line and the web app.
 */
import { unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { rawWorkbook, sheetData } from "./rawWorkbook";
import { BIFF, compoundFile, record, u16, workbookStream } from "./xlsBytes";

const utf8 = (text: string) => new TextEncoder().encode(text);
const xls = (stream: Uint8Array) => compoundFile({ Workbook: stream }).bytes;

/** A MULRK at row 3 from column 65,534 (a 16-bit column): its cells run on to column 65,536. */
export function xlsPastLastColumn(): Uint8Array {
  return xls(
    workbookStream(
      [],
      [
        {
          name: "学校",
          records: [
            BIFF.mulrk(2, 65534, [
              [0, 6],
              [0, 10],
            ]),
          ],
        },
      ],
    ),
  );
}

/** Two sheets, 甲 and 乙, whose BOUNDSHEETs both point to 甲's substream. */
export function xlsSheetsSharingASubstream(): Uint8Array {
  const stream = workbookStream(
    [],
    [
      { name: "甲", records: [BIFF.number(0, 0, 0, 1)] },
      { name: "乙", records: [BIFF.number(0, 0, 0, 2)] },
    ],
  );
  // BOUNDSHEETs follow the BOF (20 bytes); the first: header, offset, state, type, "甲" (count, flag, UTF-16)
  const first = 20;
  const second = first + 4 + 4 + 1 + 1 + 4;
  if (stream[first] !== 0x85 || stream[second] !== 0x85) throw new Error("BOUNDSHEETs not where expected");
  stream.set(stream.subarray(first + 4, first + 8), second + 4);
  return xls(stream);
}

/** An Excel 2003 XML spreadsheet of one worksheet, 表, holding these rows. */
export function spreadsheet2003(table: string): Uint8Array {
  return utf8(
    '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' +
      'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表"><Table>' +
      table +
      "</Table></Worksheet></Workbook>",
  );
}

export const numberCell = (n: number, attributes = "") =>
  `<Cell${attributes}><Data ss:Type="Number">${n}</Data></Cell>`;

/** A hidden row spanning a billion rows. */
export const spreadsheet2003BillionHiddenRows = () =>
  spreadsheet2003(`<Row ss:Hidden="1" ss:Span="1000000000">${numberCell(1)}</Row>`);

/** A web page's table whose first row holds sixteen cells spanning a billion rows and columns each. */
export function pageOfHugeSpans(): Uint8Array {
  const spanning = '<td rowspan="1000000000" colspan="1000000000">x</td>'.repeat(16);
  return utf8(`<table><tr>${spanning}<td>y</td></tr><tr><td>z</td></tr></table>`);
}

export const DAMAGED_PART = "xl/worksheets/sheet1.xml";

/** The sample county's .xlsx with its first sheet's compressed data scribbled over (bytes 2 to 40 of it). */
export function xlsxOfDamagedDeflate(): Uint8Array {
  const sample = new Uint8Array(readFileSync(path.resolve(__dirname, "../../examples/sample-county.xlsx")));
  const parts = unzipSync(sample);
  if (parts[DAMAGED_PART] === undefined) throw new Error(`no ${DAMAGED_PART} in the sample`);
  // the sheet's part first in the zip: its data begins after the first local header
  const zip = zipSync({ [DAMAGED_PART]: parts[DAMAGED_PART], ...parts }, { level: 6 });
  const nameLength = zip[26] | (zip[27] << 8);
  if (new TextDecoder().decode(zip.subarray(30, 30 + nameLength)) !== DAMAGED_PART)
    throw new Error("not first");
  const data = 30 + nameLength + (zip[28] | (zip[29] << 8));
  zip.fill(0xff, data + 2, data + 40);
  return zip;
}

/** A text table whose second line is one quoted field of 10 MB. */
export function csvOfOneHugeField(): Uint8Array {
  return utf8(`学校,学生数\n"${"甲".repeat((10 * 1024 * 1024) / 3)}",1\n`);
}

/** Rows of one number each, and merged ranges, each the whole first column, listed again and again. */
export const OVERLAP = { rows: 2000, merges: 1000 };

/** An .xls of OVERLAP's rows and merges (MERGEDCELLS records of 1,000 ranges each). */
export function xlsOfOverlappingMerges(): Uint8Array {
  const cells = Array.from({ length: OVERLAP.rows }, (_, r) => BIFF.number(r, 0, 0, r + 1));
  const range = [...u16(0), ...u16(65535), ...u16(0), ...u16(0)];
  const merged = Array.from({ length: OVERLAP.merges / 1000 }, () =>
    record(0x00e5, [...u16(1000), ...new Array<number[]>(1000).fill(range).flat()]),
  );
  return xls(workbookStream([], [{ name: "学校", records: [...cells, ...merged] }]));
}

/** An .xlsx of OVERLAP's rows and merges. */
export function xlsxOfOverlappingMerges(): Uint8Array {
  const rows = Array.from(
    { length: OVERLAP.rows },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r + 1}</v></c></row>`,
  );
  const merges = '<mergeCell ref="A1:A1048576"/>'.repeat(OVERLAP.merges);
  return rawWorkbook({
    sheets: [
      { name: "学校", xml: `${sheetData(rows)}<mergeCells count="${OVERLAP.merges}">${merges}</mergeCells>` },
    ],
  });
}
