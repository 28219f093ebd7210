/**
 * In Node the reader inflates the parts it can hold whole with zlib (src/xlsx/read.ts), the rest as every host
 * does: the grids and problems must be the same either way, a part larger than it declared must still be held
 * to the workbook's budget, and damaged bytes must still be one "damaged workbook" problem.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook, type InflateWhole } from "../../src/xlsx/reader";
import { inflateWithZlib, readWorkbookFile } from "../../src/cli/workbookFile";
import { rawWorkbook, sheetData } from "./rawWorkbook";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "tests", "trust", "fixtures", "xlsx");

/** A sheet of numbers that do not repeat: it stays large once compressed. */
function numbersWorkbook(rows: number): Uint8Array {
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells = [1, 2, 3, 4, 5].map(
      (c) => `<c r="${"ABCDE"[c - 1]}${r}"><v>${(r * 7919 + c * 104729) % 1000003}.${r % 97}</v></c>`,
    );
    lines.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  return rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(lines) }] });
}

/** Offsets of each central-directory entry's declared inflated size, by part name. */
function declaredSizeOffsets(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const offsets = new Map<string, number>();
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    offsets.set(strFromU8(zip.subarray(at + 46, at + 46 + nameLength)), at + 24);
  }
  return offsets;
}

describe("parts inflated whole by zlib", () => {
  const files = [
    path.join(ROOT, "examples", "sample-county.xlsx"),
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(FIXTURES, f)),
  ];

  test.each(files.map((f) => [path.basename(f), f]))(
    "%s: the same grids, or the same problem, as the reader every host shares",
    async (_name, file) => {
      // given the file's name, as the command line gives it (a text table's sheet is named for it)
      const portable = await readWorkbook(readFileSync(file), { name: file });
      expect(await readWorkbookFile(file)).toEqual(portable);
    },
  );

  test("a sheet large enough for the platform's streams reads the same through zlib", async () => {
    const bytes = numbersWorkbook(4000);
    const calls: number[] = [];
    const counted: InflateWhole = (raw, limit) => {
      calls.push(raw.length);
      return inflateWithZlib(raw, limit);
    };
    const whole = await readWorkbook(bytes, { inflateWhole: counted });
    expect(Math.max(...calls)).toBeGreaterThan(32 * 1024);
    expect(whole).toEqual(await readWorkbook(bytes));
    if (!whole.ok) throw new Error("not read");
    expect(whole.grids[0].values).toHaveLength(4000);
  });

  test("zlib gives nothing past the limit; the part is then streamed, within the workbook's budget", async () => {
    const { deflateSync } = await import("fflate");
    expect(inflateWithZlib(deflateSync(new Uint8Array(5000)), 4999)).toBeNull();
    expect(inflateWithZlib(deflateSync(new Uint8Array(5000)), 5000)).toHaveLength(5000);

    const bytes = numbersWorkbook(300);
    const refusing: InflateWhole = () => null;
    expect(await readWorkbook(bytes, { inflateWhole: refusing })).toEqual(await readWorkbook(bytes));

    // a sheet that declares 100 bytes and inflates to 17 MB: more than zlib may give, so streamed and counted
    // against the budget as any part is (the budget's own test is the zip bomb of hugeSheets.slow.test.ts)
    const rows = `<row/>${" ".repeat(1 << 20)}`.repeat(17);
    const spaced = strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const lying = zipSync({ ...unzipSync(numbersWorkbook(1)), "xl/worksheets/sheet1.xml": spaced });
    const at = declaredSizeOffsets(lying).get("xl/worksheets/sheet1.xml");
    if (at === undefined) throw new Error("no directory entry");
    new DataView(lying.buffer, lying.byteOffset).setUint32(at, 100, true);
    const results: (number | null)[] = [];
    const result = await readWorkbook(lying, {
      inflateWhole: (raw, limit) => {
        const inflated = inflateWithZlib(raw, limit);
        results.push(inflated === null ? null : inflated.length);
        return inflated;
      },
    });
    expect(results).toContain(null);
    expect(result).toEqual(await readWorkbook(lying));
    expect(result).toMatchObject({ ok: true, grids: [{ sheet: "学校", values: [] }] });
  });

  test("a part that declares more than can be held whole is not handed to zlib", async () => {
    const bytes = numbersWorkbook(50);
    const at = declaredSizeOffsets(bytes).get("xl/worksheets/sheet1.xml");
    if (at === undefined) throw new Error("no directory entry");
    const declaring = Uint8Array.from(bytes);
    new DataView(declaring.buffer).setUint32(at, 17 * 1024 * 1024, true);
    const parts: number[] = [];
    const result = await readWorkbook(declaring, {
      inflateWhole: (raw, limit) => {
        parts.push(raw.length);
        return inflateWithZlib(raw, limit);
      },
    });
    expect(result).toEqual(await readWorkbook(bytes));
    const sheetCompressed = zipSync({ x: unzipSync(bytes)["xl/worksheets/sheet1.xml"] }).length;
    expect(parts.every((n) => n < sheetCompressed - 100)).toBe(true);
  });

  test("a damaged or cut-short part is a damaged workbook through zlib too", async () => {
    const bytes = numbersWorkbook(4000);
    const scribbled = Uint8Array.from(bytes);
    const middle = scribbled.length >> 1;
    for (let i = middle; i < middle + 64; i++) scribbled[i] ^= 0x5a;
    const zlibRead = (data: Uint8Array) => readWorkbook(data, { inflateWhole: inflateWithZlib });
    expect(await zlibRead(scribbled)).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });

    const files = unzipSync(bytes);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
    files["xl/worksheets/sheet1.xml"] = strToU8(xml.slice(0, Math.floor(xml.length * 0.7)));
    expect(await zlibRead(zipSync(files))).toMatchObject({ ok: false, problem: { code: "xlsx-corrupt" } });
  });
});
