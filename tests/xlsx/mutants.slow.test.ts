/**
 * Damaged workbooks through the whole path `balance evaluate`, `balance batch` and the web app take (readWorkbook,
 * then evaluateEveryCounty; a .zip through archivedSpreadsheets and evaluateArchivedCounties): the committed
 * workbooks mutated INSIDE their zip — cell and row references out of range, cell types and values no writer
 * gives, shared strings missing or pointed past, tags dropped, doubled or left open, entities and DTDs, merged
 * ranges over the header, formulas without results, workbook.xml's sheets and the relationships made to point
 * nowhere, date formats on figures, texts of 32,767 characters — and old .xls files with their BIFF records cut,
 * doubled, retyped and their shared strings split over CONTINUE records. Each mutant is read and evaluated, or
 * refused with a documented problem in Chinese first; never an exception, never the reader's "unexpected error".
 * Deterministic: a fixed list of seeds drives a small PRNG (no fast-check, no clock).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { inflateWithZlib } from "../../src/cli/workbookFile";
import { evaluateArchivedCounties, evaluateEveryCounty } from "../../src/countyWorkbook";
import type { Problem } from "../../src/problems/problem";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { archivedSpreadsheets, readWorkbook } from "../../src/xlsx/reader";
import { CompoundFile } from "../../src/xlsx/reader/cfb";
import { compoundFile } from "./xlsBytes";
import { below, pick, prng, type Rng } from "../seededRandom";

const ROOT = path.resolve(__dirname, "../..");
const load = (file: string) => new Uint8Array(readFileSync(path.join(ROOT, file)));
const XLSX = [
  "examples/sample-county.xlsx",
  "tests/fixtures/xls/export.xlsx",
  "tests/fixtures/xls/features.xlsx",
].map(load);
const XLS = [
  "tests/fixtures/xls/export.xls",
  "tests/fixtures/xls/sample-county.xls",
  "tests/fixtures/xls/features.xls",
  "tests/fixtures/xls/forms/2152240001-突泉县第一小学.xls",
].map(load);

/** How many mutants: of each seed one workbook, or one archive of two. */
const MUTANTS = 300;

/** One match of `re` in `text`, chosen by r, replaced by what `f` makes of it. */
function atMatch(r: Rng, text: string, re: RegExp, f: (m: string) => string): string {
  const found = [...text.matchAll(re)];
  if (found.length === 0) return text;
  const m = found[below(r, found.length)];
  const at = m.index ?? 0;
  return text.slice(0, at) + f(m[0]) + text.slice(at + m[0].length);
}

type Parts = Record<string, Uint8Array>;
const read = (parts: Parts, name: string) => (parts[name] ? strFromU8(parts[name]) : "");
const write = (parts: Parts, name: string, text: string) => (parts[name] = strToU8(text));
const sheetsOf = (parts: Parts) => Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/u.test(n));
const xmlOf = (parts: Parts) => Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
function onSheet(r: Rng, parts: Parts, f: (text: string) => string): void {
  const sheets = sheetsOf(parts);
  if (sheets.length === 0) return;
  const name = pick(r, sheets);
  write(parts, name, f(read(parts, name)));
}
function onPart(r: Rng, parts: Parts, f: (text: string) => string): void {
  const name = pick(r, xmlOf(parts));
  write(parts, name, f(read(parts, name)));
}

const REFERENCES = [
  "XFE1048577",
  "A0",
  "A1048577",
  "XFD1048576",
  "AAAA1",
  "1A",
  "",
  "a1",
  "A-1",
  "A99999999999",
];
const VALUES = [
  "1e309",
  "NaN",
  "-0",
  "Infinity",
  "0x10",
  "1,000",
  "",
  " 5 ",
  "1e-400",
  "abc",
  "-1",
  "9".repeat(400),
];
const TYPES = ["s", "e", "b", "str", "inlineStr", "n", "d", "x", ""];
const ENTITIES = ["&bogus;", "&#0;", "&#xFFFFFFFF;", "&#55296;", "&#x1;", "&amp", "&#;", "&#x110000;"];
const LAUGHS =
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
const TARGETS = [
  "../../../etc/passwd",
  "/xl/worksheets/missing.xml",
  "http://example.invalid/x.xml",
  "",
  "/",
  "sharedStrings.xml",
  "styles.xml",
  "workbook.xml",
  "WORKSHEETS/SHEET1.XML",
];

/** The mutations made inside a workbook's zip, each to one part. */
const INSIDE: ((r: Rng, parts: Parts) => void)[] = [
  (r, p) => onSheet(r, p, (s) => atMatch(r, s, /<c r="[^"]*"/gu, () => `<c r="${pick(r, REFERENCES)}"`)),
  (r, p) =>
    onSheet(r, p, (s) =>
      atMatch(r, s, /<row r="[^"]*"/gu, () => `<row r="${pick(r, ["0", "-1", "1048577", "x", "1", ""])}"`),
    ),
  (r, p) =>
    onSheet(r, p, (s) =>
      atMatch(
        r,
        s,
        /<c r="[^"]*"( t="[^"]*")?/gu,
        (m) => `${m.replace(/ t="[^"]*"/u, "")} t="${pick(r, TYPES)}"`,
      ),
    ),
  (r, p) =>
    onSheet(r, p, (s) => s.replace(/<v>[^<]*<\/v>/gu, (m) => (r() < 0.3 ? `<v>${pick(r, VALUES)}</v>` : m))),
  (r, p) => onSheet(r, p, (s) => s.replace(/<v>[^<]*<\/v>/gu, (m) => (r() < 0.3 ? "<f>SUM(A1:A2)</f>" : m))),
  (r, p) =>
    onSheet(r, p, (s) =>
      atMatch(r, s, /<v>[^<]*<\/v>/gu, () =>
        pick(r, ['<f t="shared" si="0" ref="A1:XFD1048576">A1+1</f>', '<f t="shared" si="99999"/>', "<f/>"]),
      ),
    ),
  (r, p) =>
    onSheet(r, p, (s) =>
      atMatch(
        r,
        s,
        /<c r="[^"]*"[^>]*>.*?<\/c>/gu,
        (m) =>
          m.replace(/ t="[^"]*"/u, "").replace(/>.*<\/c>$/u, "") +
          pick(r, [
            ' t="inlineStr"><is><t>文本</t></is></c>',
            ' t="inlineStr"><is></is></c>',
            ' t="inlineStr"><v>3</v></c>',
          ]),
      ),
    ),
  (r, p) => onPart(r, p, (s) => atMatch(r, s, /<[^>]+>/gu, () => "")),
  (r, p) =>
    onSheet(r, p, (s) => atMatch(r, s, /<(c|row)\b[^>]*>.*?<\/\1>/gu, (m) => m.repeat(1 + below(r, 4)))),
  (r, p) =>
    onPart(r, p, (s) => {
      const at = below(r, s.length + 1);
      return (
        s.slice(0, at) +
        pick(r, ["<", ">", "</c>", "</row>", "\u0000", '"', "<![CDATA[", "<!--", "&"]) +
        s.slice(at)
      );
    }),
  (r, p) => onPart(r, p, (s) => s.slice(0, below(r, s.length))),
  (r, p) => onSheet(r, p, (s) => atMatch(r, s, /<\/(row|c|sheetData|v)>/gu, () => "")),
  (r, p) => onPart(r, p, (s) => atMatch(r, s, />[^<]+</gu, (m) => `>${pick(r, ENTITIES)}${m.slice(1)}`)),
  (r, p) =>
    onPart(
      r,
      p,
      (s) =>
        `<?xml version="1.0"?>${LAUGHS}${s.replace(/^<\?xml[^>]*\?>\s*/u, "").replace(/>([^<]+)</u, ">&d;<")}`,
    ),
  (r, p) =>
    onSheet(r, p, (s) =>
      s.replace(
        /<dimension ref="[^"]*"\/>/u,
        `<dimension ref="${pick(r, ["A1:XFD1048576", "A0:B0", "", "ZZZZ9"])}"/>`,
      ),
    ),
  (r, p) =>
    onSheet(r, p, (s) => {
      const ref = pick(r, ["A1:Z5", "A1:XFD1048576", "B2:A1", "A1", "XFE1:XFE2", "A1:A1048576"]);
      return s.includes("<mergeCells")
        ? s.replace("</mergeCells>", `<mergeCell ref="${ref}"/></mergeCells>`)
        : s.replace(
            "</sheetData>",
            `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`,
          );
    }),
  (r, p) =>
    onSheet(r, p, (s) =>
      atMatch(r, s, /<c r="[^"]*"[^>]*t="s"[^>]*><v>\d+<\/v>/gu, (m) =>
        m.replace(/<v>\d+<\/v>/u, `<v>${pick(r, ["999999", "-1", "1.5", "", "x", "4294967296"])}</v>`),
      ),
    ),
  (_r, p) => delete p["xl/sharedStrings.xml"],
  (r, p) =>
    write(
      p,
      "xl/sharedStrings.xml",
      atMatch(r, read(p, "xl/sharedStrings.xml"), /<si>.*?<\/si>/gu, () =>
        pick(r, ["<si/>", "", "<si>", "<si><t/></si>"]),
      ),
    ),
  (r, p) => {
    const s = read(p, "xl/workbook.xml");
    const sheet = /<sheet [^>]*\/>/gu;
    write(
      p,
      "xl/workbook.xml",
      pick(r, [
        () => s.replace(sheet, ""),
        () => atMatch(r, s, sheet, (m) => m + m),
        () =>
          atMatch(r, s, sheet, (m) =>
            m.replace(/name="[^"]*"/u, `name="${pick(r, ["", "x".repeat(300), "&#0;"])}"`),
          ),
        () => atMatch(r, s, sheet, (m) => m.replace(/r:id="[^"]*"/u, pick(r, ['r:id="rId999"', ""]))),
        () => s.replace("<sheets>", '<sheets><sheet name="Extra" sheetId="99" r:id="rId7"/>'),
      ])(),
    );
  },
  (r, p) => {
    const rels = "xl/_rels/workbook.xml.rels";
    write(
      p,
      rels,
      atMatch(r, read(p, rels), /Target="[^"]*"/gu, () => `Target="${pick(r, TARGETS)}"`),
    );
  },
  (r, p) => {
    if (r() < 0.5) delete p["[Content_Types].xml"];
    else delete p["_rels/.rels"];
  },
  (r, p) => {
    const styles = read(p, "xl/styles.xml");
    write(
      p,
      "xl/styles.xml",
      r() < 0.5
        ? styles.replace(/numFmtId="\d+"/gu, 'numFmtId="14"')
        : styles.replace(
            /formatCode="[^"]*"/gu,
            `formatCode="${pick(r, ["yyyy-mm-dd", "[$-F800]dddd", "d", "e", ""])}"`,
          ),
    );
  },
  (r, p) =>
    onSheet(r, p, (s) =>
      s.replace(/ s="\d+"/gu, (m) => (r() < 0.3 ? ` s="${pick(r, ["999999", "-1", "x"])}"` : m)),
    ),
  (r, p) => {
    const name = pick(r, [...sheetsOf(p), "xl/workbook.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels"]);
    delete p[name];
  },
  (r, p) =>
    onSheet(r, p, (s) =>
      s.replace(
        "</sheetData>",
        `<row r="${pick(r, [3, 1048576])}"><c r="${pick(r, ["XFD", "AAA"])}3"><v>1</v></c></row></sheetData>`,
      ),
    ),
  (r, p) => {
    const share = pick(r, [0.2, 1]);
    const mark = pick(r, ["学", "(", " ", "。", "-", "（", "›"]);
    write(
      p,
      "xl/sharedStrings.xml",
      read(p, "xl/sharedStrings.xml").replace(/<t([^>]*)>([^<]*)<\/t>/gu, (m, a: string, t: string) =>
        r() < share ? `<t${a}>${t}${mark.repeat(32767 - t.length)}</t>` : m,
      ),
    );
  },
];

function withRecordLength(stream: Uint8Array, at: number, length: number): void {
  stream[at + 2] = length & 0xff;
  stream[at + 3] = (length >> 8) & 0xff;
}

/** The Workbook stream of an .xls with one BIFF record cut, doubled, retyped or changed, or the shared strings split. */
function mutateBiff(r: Rng, xls: Uint8Array): Uint8Array {
  const file = new CompoundFile(xls);
  const name = file.has("Workbook") ? "Workbook" : "Book";
  const stream = file.stream(name) as Uint8Array;
  const starts: number[] = [];
  for (let at = 0; at + 4 <= stream.length; at += 4 + (stream[at + 2] | (stream[at + 3] << 8)))
    starts.push(at);
  const typeAt = (at: number) => stream[at] | (stream[at + 1] << 8);
  const end = (at: number) => Math.min(stream.length, at + 4 + (stream[at + 2] | (stream[at + 3] << 8)));
  const TYPES = [
    0x00fc, 0x003c, 0x00fd, 0x0203, 0x027e, 0x00bd, 0x0006, 0x0085, 0x0809, 0x0200, 0x00e0, 0x041e,
  ];
  const some = (type: number) => {
    const of = starts.filter((at) => typeAt(at) === type);
    return of.length > 0 ? pick(r, of) : pick(r, starts);
  };
  const cat = (...pieces: Uint8Array[]) => new Uint8Array(Buffer.concat(pieces));
  let out = stream.slice();
  switch (below(r, 8)) {
    case 0: {
      const at = some(0x00fc);
      new DataView(out.buffer).setUint32(
        at + 4 + below(r, 2) * 4,
        pick(r, [0xffffffff, 0x7fffffff, 0, 1]),
        true,
      );
      break;
    }
    case 1:
      new DataView(out.buffer).setUint32(some(0x00fd) + 10, pick(r, [0xffffffff, 99999]), true);
      break;
    case 2: {
      // the shared strings split at any byte into a CONTINUE record, with or without a flag byte
      const at = some(0x00fc);
      const cut = at + 12 + below(r, Math.max(1, end(at) - at - 12));
      const rest = stream.subarray(cut, end(at));
      const flag = r() < 0.5 ? [pick(r, [0, 1, 0xff])] : [];
      const head = stream.slice(at, cut);
      withRecordLength(head, 0, cut - at - 4);
      const next = cat(new Uint8Array([0x3c, 0, 0, 0, ...flag]), rest);
      withRecordLength(next, 0, next.length - 4);
      out = cat(stream.subarray(0, at), head, next, stream.subarray(end(at)));
      break;
    }
    case 3:
      withRecordLength(out, some(pick(r, TYPES)), pick(r, [0, 1, 3, 0xffff, 8224]));
      break;
    case 4: {
      const at = some(pick(r, TYPES));
      out = cat(stream.subarray(0, at), stream.subarray(end(at)));
      break;
    }
    case 5: {
      const at = some(pick(r, TYPES));
      const to = pick(r, starts);
      const piece = stream.subarray(at, end(at));
      out = cat(
        stream.subarray(0, to),
        ...new Array<Uint8Array>(1 + below(r, 20)).fill(piece),
        stream.subarray(to),
      );
      break;
    }
    case 6:
      out = stream.slice(0, below(r, stream.length));
      break;
    default: {
      const at = some(pick(r, TYPES));
      out[at] = pick(r, TYPES) & 0xff;
      out[at + 1] = pick(r, TYPES) >> 8;
    }
  }
  return compoundFile({ [name]: out }).bytes;
}

/** The zip's own bytes damaged: cut off, bits flipped, a range doubled. */
function mutateBytes(r: Rng, bytes: Uint8Array): Uint8Array {
  const kind = below(r, 3);
  if (kind === 0) return bytes.slice(0, below(r, bytes.length));
  const out = bytes.slice();
  if (kind === 1) {
    for (let i = 0; i < 1 + below(r, 8); i++) out[below(r, out.length)] ^= 1 << below(r, 8);
    return out;
  }
  const at = below(r, out.length);
  const piece = out.subarray(at, at + below(r, 500));
  return new Uint8Array(Buffer.concat([out.subarray(0, at), piece, piece, out.subarray(at)]));
}

function mutateXlsx(r: Rng, xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  for (let i = 1 + below(r, 3); i > 0; i--) pick(r, INSIDE)(r, parts);
  const zipped = zipSync(parts, { level: r() < 0.2 ? 0 : 6 });
  return r() < 0.08 ? mutateBytes(r, zipped) : zipped;
}

interface Mutant {
  name: string;
  bytes: Uint8Array;
  archive: boolean;
}

function mutant(seed: number): Mutant {
  const r = prng(Math.imul(seed, 2654435761));
  const kind = pick(r, ["xlsx", "xlsx", "xlsx", "xlsx", "xls", "zip"]);
  if (kind === "xlsx") return { name: "白狼县.xlsx", bytes: mutateXlsx(r, pick(r, XLSX)), archive: false };
  if (kind === "xls") {
    const xls = pick(r, XLS);
    return {
      name: "白狼县.xls",
      bytes: r() < 0.7 ? mutateBiff(r, xls) : mutateBytes(r, xls),
      archive: false,
    };
  }
  const zip = zipSync({
    "盟/白狼县.xlsx": mutateXlsx(r, pick(r, XLSX)),
    "盟/学校.xls": mutateBiff(r, pick(r, XLS)),
  });
  return { name: "盟.zip", bytes: r() < 0.3 ? mutateBytes(r, zip) : zip, archive: true };
}

/** The codes a workbook that cannot be read is refused with (docs/import.md, docs/cli.md#archives). */
const REFUSALS = new Set([
  "xlsx-corrupt",
  "xlsx-too-large",
  "xlsx-encrypted",
  "xls-encrypted",
  "xls-unsupported",
  "not-xlsx",
  "no-sheet",
  "xlsb-unsupported",
  "archive-nested",
  "archive-too-large",
]);
/** what readWorkbook says of an exception it caught that no reader threw on purpose: a fault, not a refusal */
const UNEXPECTED = /意外的错误|unexpected error/u;
const CHINESE_FIRST = /^[^A-Za-z]*[\u4e00-\u9fff]/u;

/** Why a problem of a mutant's result is no clear, documented word to a clerk, or null when it is. */
function unclear(problem: Problem, refusal: boolean): string | null {
  const { zh, en } = problem.message;
  if (UNEXPECTED.test(zh) || UNEXPECTED.test(en)) return `an exception escaped: ${en}`;
  if (!CHINESE_FIRST.test(zh) || en.trim() === "") return `not Chinese first: ${zh.slice(0, 80)}`;
  if (refusal && !REFUSALS.has(problem.code)) return `refused with the undocumented code ${problem.code}`;
  return null;
}

async function outcome(m: Mutant, useZlib: boolean): Promise<string[]> {
  const inflateWhole = useZlib ? inflateWithZlib : undefined;
  const readOne = (bytes: Uint8Array, name: string) => readWorkbook(bytes, { name, inflateWhole });
  const source = { file: m.name, listed: true };
  const archived = m.archive ? await archivedSpreadsheets(m.bytes, inflateWhole) : null;
  const results = archived
    ? await evaluateArchivedCounties(source, archived, NATIONAL_2017, readOne)
    : await readOne(m.bytes, m.name).then((w) =>
        w.ok ? evaluateEveryCounty(source, w.grids, NATIONAL_2017) : [{ ok: false, unread: w.problem }],
      );
  const faults: string[] = [];
  for (const result of results) {
    if ("unread" in result) {
      const why = unclear(result.unread, true);
      if (why) faults.push(why);
      continue;
    }
    // a county a workbook could not give (read whole, or unpacked from an archive) is its one problem
    const refusal = result.table === null;
    for (const problem of result.problems) {
      const why = unclear(problem, refusal);
      if (why) faults.push(why);
    }
  }
  return faults;
}

describe("damaged workbooks, mutated inside and out, through the evaluation's whole path", () => {
  it(`${MUTANTS} seeded mutants each end in a result or a documented refusal, Chinese first`, async () => {
    const faults: string[] = [];
    for (let seed = 1; seed <= MUTANTS; seed++) {
      const m = mutant(seed);
      try {
        for (const why of await outcome(m, seed % 2 === 0)) faults.push(`seed ${seed}: ${why}`);
      } catch (error) {
        faults.push(`seed ${seed}: threw ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(faults).toEqual([]);
  });
});
