// Writes the .xlsx files of the trust catalogue (tests/trust/fixtures/catalogue.ts) into
// tests/trust/fixtures/xlsx/, plus the files no one should have to open but some will: a damaged workbook, a
// text file named .xlsx, a password-protected (encrypted) workbook, an empty file, a zip that is not a workbook.
// Dates and zip times are fixed, so the same catalogue always gives the same bytes.
//
//   node scripts/make-trust-fixtures.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { bundledModules } from "./bundledModules.mjs";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "tests/trust/fixtures/xlsx");

const { CATALOGUE, newWorkbook, workbookBytes } = await bundledModules("make-trust-fixtures", [
  `export { CATALOGUE } from "./tests/trust/fixtures/catalogue";`,
  `export { newWorkbook, workbookBytes } from "./src/xlsx/write";`,
]);
const require = createRequire(import.meta.url);
const { zipSync, strToU8 } = require("fflate");

mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (file.endsWith(".xlsx")) rmSync(join(out, file));

/** A fixture cell as exceljs writes it: formulas keep the result Excel cached, errors stay errors. */
function excelValue(cell) {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell;
  if (typeof cell === "object" && "formula" in cell) {
    return cell.result === undefined
      ? { formula: cell.formula }
      : { formula: cell.formula, result: cell.result };
  }
  if (typeof cell === "object" && "error" in cell) return { error: cell.error };
  return cell;
}

const written = [];
for (const c of CATALOGUE) {
  if (c.gridOnly) continue;
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(c.sheet);
  c.rows.forEach((row, r) => {
    row.forEach((cell, col) => {
      const value = excelValue(cell);
      if (value !== null) sheet.getCell(r + 1, col + 1).value = value;
    });
  });
  for (const range of c.merges ?? []) sheet.mergeCells(range);
  for (const r of c.hiddenRows ?? []) sheet.getRow(r + 1).hidden = true;
  for (const col of c.hiddenColumns ?? []) sheet.getColumn(col + 1).hidden = true;
  const bytes = await workbookBytes(workbook);
  writeFileSync(join(out, `${c.id}.xlsx`), bytes);
  written.push(c.id);
}

// A workbook whose sheet is protected against editing (not encrypted): it opens and reads as any other.
{
  const base = CATALOGUE.find((c) => c.id === "base");
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(base.sheet);
  base.rows.forEach((row, r) =>
    row.forEach((cell, col) => {
      if (cell !== null) sheet.getCell(r + 1, col + 1).value = excelValue(cell);
    }),
  );
  // no password: exceljs salts a password hash at random, and the fixtures must be byte-stable
  await sheet.protect("", { selectLockedCells: true });
  writeFileSync(join(out, "bad-sheet-protected.xlsx"), await workbookBytes(workbook));
}

// A damaged workbook: a real one cut in half, as an interrupted download or a full USB stick leaves it.
{
  const whole = await workbookBytes(
    (() => {
      const workbook = newWorkbook();
      const sheet = workbook.addWorksheet("学校");
      CATALOGUE.find((c) => c.id === "base").rows.forEach((row) => sheet.addRow(row.map(excelValue)));
      return workbook;
    })(),
  );
  writeFileSync(join(out, "bad-corrupt-zip.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
}

// A text file named .xlsx: a CSV export renamed by hand.
writeFileSync(
  join(out, "bad-text-named-xlsx.xlsx"),
  "学校名称,学校类型,小学在校生数\n第一小学,小学,1000\n",
  "utf8",
);

// An empty file.
writeFileSync(join(out, "bad-empty-file.xlsx"), Buffer.alloc(0));

// A zip archive that is not a workbook.
{
  const zip = zipSync(
    { "readme.txt": strToU8("不是工作簿 / not a workbook") },
    { mtime: new Date(Date.UTC(2025, 0, 1)) },
  );
  writeFileSync(join(out, "bad-zip-not-workbook.xlsx"), zip);
}

// A password-protected workbook. Excel encrypts by wrapping the package in a Compound File Binary (OLE2) container
// with the streams EncryptionInfo and EncryptedPackage; this is such a container, minimal but well formed
// (MS-CFB: 512-byte header, one FAT sector, one directory sector), with empty streams.
{
  const SECTOR = 512;
  const FREESECT = 0xffffffff;
  const ENDOFCHAIN = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const NOSTREAM = 0xffffffff;
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // byte order: little-endian
  header.writeUInt16LE(9, 30); // sector shift: 2^9 = 512
  header.writeUInt16LE(6, 32); // mini sector shift: 2^6 = 64
  header.writeUInt32LE(0, 40); // directory sectors (0 for version 3)
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector: none
  header.writeUInt32LE(0, 64); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector: none
  header.writeUInt32LE(0, 72); // DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(ENDOFCHAIN, 4); // sector 1: the directory, one sector long

  const directory = Buffer.alloc(SECTOR);
  const entry = (index, name, type, child, right) => {
    const at = index * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory.writeUInt8(type, at + 66); // 5 root, 2 stream
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(NOSTREAM, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72); // right sibling
    directory.writeUInt32LE(child, at + 76); // child
    directory.writeUInt32LE(ENDOFCHAIN, at + 116); // starting sector: none (empty stream)
    directory.writeUInt32LE(0, at + 120); // size
  };
  entry(0, "Root Entry", 5, 1, NOSTREAM);
  entry(1, "EncryptionInfo", 2, NOSTREAM, 2);
  entry(2, "EncryptedPackage", 2, NOSTREAM, NOSTREAM);
  for (let i = 3; i < 4; i++) {
    directory.writeUInt32LE(NOSTREAM, i * 128 + 68);
    directory.writeUInt32LE(NOSTREAM, i * 128 + 72);
    directory.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  writeFileSync(join(out, "bad-encrypted.xlsx"), Buffer.concat([header, fat, directory]));
}

console.log(`wrote ${written.length} catalogue workbooks and 6 special files to ${out}`);
