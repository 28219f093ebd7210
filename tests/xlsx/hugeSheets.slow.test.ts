/**
 * Workbooks whose used range is the whole sheet (issue 13 item 3): a formula filled down to row 1,048,576, a
 * stray cell at XFD1048576 under a lying <dimension>, a zip bomb. Each is read in a child process whose heap is
 * capped, so that reading them in bounded memory is what the test proves: a reader that built the used range,
 * or held a part whole, would die of V8's out-of-memory instead of printing its result. No timing is asserted.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { Zip, ZipDeflate, strToU8, zipSync } from "fflate";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "balance-huge-"));
const LAST_ROW = 1048576;
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts around one sheet. */
function packageParts(): Record<string, Uint8Array> {
  return {
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ),
    "_rels/.rels": strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="学校" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  };
}

/**
 * Writes a workbook whose sheet part is streamed from `pieces` (never held whole, as some of these parts run to
 * hundreds of megabytes) and returns its path.
 */
function writeStreamedWorkbook(name: string, pieces: () => Iterable<string>): string {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [part, bytes] of Object.entries(packageParts())) {
    const file = new ZipDeflate(part, { level: 6 });
    zip.add(file);
    file.push(bytes, true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  let batch = "";
  for (const piece of pieces()) {
    batch += piece;
    if (batch.length > 1 << 20) {
      sheet.push(strToU8(batch));
      batch = "";
    }
  }
  sheet.push(strToU8(batch), true);
  zip.end();
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

interface ChildResult {
  ok: boolean;
  rows?: number;
  rowsWithCells?: number;
  first?: unknown;
  last?: unknown;
  code?: string;
  heapMiB: number;
}

let reader: string;

beforeAll(async () => {
  // the reader alone, bundled, for a child process that prints what it read
  reader = path.join(dir, "read.cjs");
  await build({
    stdin: {
      contents: `
        import { readFileSync } from "node:fs";
        import { readWorkbook } from "./src/xlsx/reader";
        readWorkbook(readFileSync(process.argv[2])).then((result) => {
          const heapMiB = process.memoryUsage().heapUsed / 1048576;
          if (!result.ok) {
            console.log(JSON.stringify({ ok: false, code: result.problem.code, heapMiB }));
            return;
          }
          const values = result.grids[0].values;
          let rowsWithCells = 0;
          for (const r in values) rowsWithCells++;
          console.log(JSON.stringify({ ok: true, rows: values.length, rowsWithCells, first: values[0], last: values[values.length - 1], heapMiB }));
        });`,
      resolveDir: ROOT,
      loader: "ts",
    },
    outfile: reader,
    bundle: true,
    platform: "node",
    format: "cjs",
    logLevel: "warning",
  });
}, 60_000);

/** Reads a workbook in a child whose old generation is capped at `heapMiB`. */
function readInChild(file: string, heapMiB: number): ChildResult {
  const out = execFileSync(process.execPath, [`--max-old-space-size=${heapMiB}`, reader, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as ChildResult;
}

describe("huge used ranges read in bounded memory", () => {
  test("a shared formula never calculated, filled down to row 1,048,576: every cell read, in 256 MiB", () => {
    const file = writeStreamedWorkbook("formula-column.xlsx", function* () {
      yield `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1:B${LAST_ROW}"/><sheetData>`;
      yield `<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1"><f t="shared" ref="B1:B${LAST_ROW}" si="0">A1*2</f></c></row>`;
      for (let r = 2; r <= LAST_ROW; r++) yield `<row r="${r}"><c r="B${r}"><f t="shared" si="0"/></c></row>`;
      yield "</sheetData></worksheet>";
    });
    const result = readInChild(file, 256);
    expect(result).toMatchObject({ ok: true, rows: LAST_ROW, rowsWithCells: LAST_ROW });
    expect(result.first).toEqual(["学校名称", { formula: "A1*2" }]);
    expect(result.last).toEqual([null, { formula: `A${LAST_ROW}*2` }]);
  }, 300_000);

  test("a formula filled down whose cached results are empty text: only the table's rows, in 64 MiB", () => {
    const file = writeStreamedWorkbook("blank-formula-column.xlsx", function* () {
      yield `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1:C${LAST_ROW}"/><sheetData>`;
      yield '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1"><v>3</v></c></row>';
      for (let r = 2; r <= LAST_ROW; r++) {
        yield `<row r="${r}" spans="1:3"><c r="C${r}" t="str"><f>IF(B${r}="","",B${r}*2)</f><v></v></c></row>`;
      }
      yield "</sheetData></worksheet>";
    });
    expect(readInChild(file, 64)).toMatchObject({
      ok: true,
      rows: 1,
      rowsWithCells: 1,
      first: ["学校名称", 3],
    });
  }, 300_000);

  test("a stray cell at XFD1048576 under a <dimension> that claims the whole sheet: two rows, in 48 MiB", () => {
    const files = packageParts();
    files["xl/worksheets/sheet1.xml"] = strToU8(
      `${HEAD}<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD${LAST_ROW}"/><sheetData>` +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c></row>' +
        `<row r="${LAST_ROW}"><c r="XFD${LAST_ROW}"><v>1</v></c></row></sheetData></worksheet>`,
    );
    const file = path.join(dir, "stray-cell.xlsx");
    writeFileSync(file, zipSync(files));
    const result = readInChild(file, 48);
    expect(result).toMatchObject({ ok: true, rows: LAST_ROW, rowsWithCells: 2, first: ["学校名称"] });
    expect((result.last as unknown[]).length).toBe(16384);
  }, 120_000);

  test("a zip bomb (a few hundred kilobytes unpacking to a quarter of a gigabyte) is refused, in 128 MiB", () => {
    const file = writeStreamedWorkbook("bomb.xlsx", function* () {
      yield `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1">`;
      const cells = '<c r="A1"><v>1</v></c>'.repeat(1 << 14);
      for (let i = 0; i < (256 << 20) / cells.length; i++) yield cells;
      yield "</row></sheetData></worksheet>";
    });
    const result = readInChild(file, 128);
    expect(result).toMatchObject({ ok: false, code: "xlsx-too-large" });
  }, 300_000);
});
