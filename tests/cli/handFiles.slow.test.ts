/**
 * The files a person writes by hand for the CLI (docs/cli.md#hand-written) — an edits file (`whatif --edits`), a
 * costs file (`whatif --costs`, as `plan` reads it), a profile (`--profile`) and a rename map (`compare --rename`) —
 * taken from the docs' own examples and mutated as Notepad, WPS and a Chinese input method damage them: re-encoded
 * (BOM, UTF-16 with and without a mark, GBK), CRLF, ASCII punctuation retyped full-width, trailing commas,
 * comments, keys doubled, numbers quoted, full-width, huge, negative or NaN, nesting deepened, the text cut short,
 * characters dropped or doubled. Each mutant goes through the real command and is either read — then exactly as
 * its plain UTF-8 JSON is read — or refused, bilingual, Chinese first, naming the file and the place; never an
 * exception. A full-width character put where JSON's punctuation belongs is named at its own line and column, and
 * a key written twice is never read. Deterministic: a fixed list of seeds drives a small PRNG (no clock).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path, { join } from "node:path";
import { cleanTemplate } from "../trust/hostileBooks";
import { run, tempDir, type Run } from "./helpers";
import { below, pick, prng, type Rng } from "../seededRandom";
import { parseHandJson } from "../../src/problems/handJson";

const ROOT = path.resolve(__dirname, "../..");
const docJson = (file: string) =>
  [...readFileSync(join(ROOT, file), "utf8").matchAll(/```json\n([\s\S]*?)```/gu)].map((m) => m[1]);

/** How many mutants, spread over the four kinds of file. */
const MUTANTS = 1200;

const dir = tempDir();
let county: string;
const EDITS = join(dir, "small-edits.json");

interface Kind {
  name: string;
  seeds: string[];
  argv: (file: string) => string[];
}
const planDocs = docJson("docs/plans.md");
const KINDS: Kind[] = [
  {
    name: "edits",
    // the docs' examples name the sample county's schools
    seeds: planDocs.filter((t) => t.trimStart().startsWith("[")),
    argv: (file) => ["whatif", join(ROOT, "examples/sample-county.xlsx"), "--edits", file, "--json"],
  },
  {
    name: "costs",
    seeds: planDocs.filter(
      (t) => /"teachingArea": \d/u.test(t) && t.trimStart().startsWith('{ "teachingArea'),
    ),
    argv: (file) => ["whatif", county, "--edits", EDITS, "--costs", file, "--json"],
  },
  {
    name: "profile",
    seeds: docJson("docs/cli.md").filter((t) => t.includes('"extends": "national-2017"')),
    argv: (file) => ["evaluate", county, "--profile", file, "--json"],
  },
  {
    name: "rename",
    seeds: ['{ "城关中学": "城关第一中学",\n  "城关小学": "城关第一小学" }'],
    argv: (file) => ["compare", county, county, "--years", "2025,2026", "--rename", file, "--json"],
  },
];

/** Where the structural characters are: each index outside a string (quotes themselves included). */
function structural(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (inString) {
      if (c === "\\") k++;
      else if (c === '"') {
        inString = false;
        out.push(k);
      }
    } else {
      if (c === '"') inString = true;
      if (!/\s/u.test(c)) out.push(k);
    }
  }
  return out;
}

const WIDE: Record<string, string[]> = {
  ",": ["，", "、"],
  ":": ["："],
  '"': ["“", "”"],
  "{": ["｛"],
  "}": ["｝"],
  "[": ["［", "【"],
  "]": ["］"],
};

interface Mutant {
  name: string;
  text: string;
  /** how the text is written to the file */
  encoding: "utf8" | "bom" | "utf16le" | "utf16le-bare" | "utf16be" | "gbk";
  /** what must come of it: refused at this index of the text, or refused at all */
  refusedAt?: number;
  refused?: boolean;
}

const NUMBER = /-?\d+(\.\d+)?/gu;
/** One match of `re` outside strings, chosen by r. */
function numberAt(r: Rng, text: string): { at: number; number: string } | null {
  const inside = new Set(structural(text));
  const found = [...text.matchAll(NUMBER)].filter((m) => inside.has(m.index ?? -1));
  if (found.length === 0) return null;
  const m = pick(r, found);
  return { at: m.index ?? 0, number: m[0] };
}
const splice = (text: string, at: number, length: number, piece: string) =>
  text.slice(0, at) + piece + text.slice(at + length);

const MUTATIONS: ((r: Rng, text: string) => Omit<Mutant, "encoding"> & { encoding?: Mutant["encoding"] })[] =
  [
    // punctuation retyped by a Chinese input method: named at its own line and column
    (r, t) => {
      const places = structural(t).filter((k) => WIDE[t[k]] !== undefined);
      const at = pick(r, places);
      return { name: "full-width punctuation", text: splice(t, at, 1, pick(r, WIDE[t[at]])), refusedAt: at };
    },
    (r, t) => {
      const n = numberAt(r, t);
      if (n === null) return { name: "unchanged", text: t };
      const wide = n.number.replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
      return { name: "full-width digits", text: splice(t, n.at, n.number.length, wide), refused: true };
    },
    (r, t) => {
      const n = numberAt(r, t);
      if (n === null) return { name: "unchanged", text: t };
      return {
        name: "number in quotes",
        text: splice(t, n.at, n.number.length, `"${n.number}"`),
        refused: true,
      };
    },
    (r, t) => {
      const n = numberAt(r, t);
      if (n === null) return { name: "unchanged", text: t };
      const value = pick(r, [
        "1e400",
        "-1e400",
        "NaN",
        "Infinity",
        '"NaN"',
        "-" + n.number,
        "012",
        "+5",
        ".5",
        "1.",
      ]);
      return { name: `number ${value}`, text: splice(t, n.at, n.number.length, value) };
    },
    (r, t) => {
      // a key written again in the same object, with another value
      const keys = [...t.matchAll(/"([^"]+)":\s*(-?\d+|"[^"]*")/gu)];
      const m = pick(r, keys);
      const at = (m.index ?? 0) + m[0].length;
      return {
        name: "key twice",
        text: splice(t, at, 0, `, "${m[1]}": ${m[2].startsWith('"') ? '"另一个"' : "7"}`),
        refused: true,
      };
    },
    (r, t) => {
      // the key again in another spelling (a space, a full-width space, a zero-width space) with another value
      const keys = [...t.matchAll(/"([^"]+)":\s*(-?\d+|"[^"]*")/gu)];
      const m = pick(r, keys);
      const at = (m.index ?? 0) + m[0].length;
      const key = pick(r, [` ${m[1]}`, `${m[1]}\u200b`, `${m[1]}\u3000`]);
      const value = m[2].startsWith('"') ? '"另一个"' : "7";
      return { name: "key respelt", text: splice(t, at, 0, `, "${key}": ${value}`), refused: true };
    },
    (r, t) => {
      const closers = structural(t).filter((k) => t[k] === "}" || t[k] === "]");
      const at = pick(r, closers);
      return { name: "trailing comma", text: splice(t, at, 0, ","), refusedAt: at };
    },
    (r, t) => {
      const at = pick(
        r,
        structural(t).filter((k) => t[k] === "," || t[k] === "{"),
      );
      const comment = pick(r, [" // 备注\n", " /* 注释 */ "]);
      return { name: "comment", text: splice(t, at + 1, 0, comment), refusedAt: at + 2 };
    },
    (r, t) => {
      const depth = pick(r, [70, 5000, 100000]);
      return { name: `nested ${depth}`, text: "[".repeat(depth) + t + "]".repeat(depth), refused: true };
    },
    (r, t) => ({ name: "cut short", text: t.slice(0, below(r, t.length)) }),
    (r, t) => {
      const at = below(r, t.length);
      return r() < 0.5
        ? { name: "character dropped", text: splice(t, at, 1, "") }
        : { name: "character doubled", text: splice(t, at, 0, t[at] ?? "") };
    },
    (r, t) => ({ name: "CRLF", text: t.replace(/\n/gu, "\r\n") }),
    (r, t) => ({
      name: "encoded",
      text: t,
      encoding: pick(r, ["bom", "utf16le", "utf16le-bare", "utf16be", "gbk"] as const),
    }),
    (r, t) => {
      // between two tokens: after a comma, a colon or an opening bracket
      const at =
        pick(
          r,
          structural(t).filter((k) => ",:{[".includes(t[k])),
        ) + 1;
      const c = pick(r, ["\u3000", "\u00a0", "\u200b", "'", "\u0000"]);
      return { name: `U+${c.charCodeAt(0).toString(16)} inserted`, text: splice(t, at, 0, c), refusedAt: at };
    },
  ];

function bytesOf(text: string, encoding: Mutant["encoding"]): Uint8Array {
  switch (encoding) {
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16le-bare":
      return Buffer.from(text, "utf16le");
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "gbk":
      return gbk(text);
    default:
      return Buffer.from(text);
  }
}

/** GBK bytes of a text, from TextDecoder's own table: each character's two bytes found by decoding them. */
const GBK = new Map<string, number[]>();
function gbk(text: string): Uint8Array {
  if (GBK.size === 0) {
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (c.length === 1 && !GBK.has(c)) GBK.set(c, [lead, trail]);
      }
  }
  const out: number[] = [];
  for (const c of text) out.push(...(c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (GBK.get(c) ?? [0x3f])));
  return new Uint8Array(out);
}

function lineColumn(text: string, at: number): string {
  const before = text.slice(0, at).split("\n");
  return `第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列`;
}

function mutant(seed: number): { kind: Kind; mutant: Mutant } {
  const r = prng(Math.imul(seed, 2654435761));
  const kind = KINDS[seed % KINDS.length];
  const made = pick(r, MUTATIONS)(r, pick(r, kind.seeds));
  const encoding = made.encoding ?? (r() < 0.2 ? pick(r, ["bom", "utf16le", "gbk"] as const) : "utf8");
  // a GBK file cannot hold what GBK has no bytes for; the text's own characters all have them
  return { kind, mutant: { ...made, encoding } };
}

const CJK = /[\u4e00-\u9fff]/u;
const STACK = /^\s+at .+[(:]\d+|TypeError|ReferenceError|RangeError|SyntaxError|undefined|\[object /mu;

/** A refusal said as the docs promise: Chinese first, then English, both naming the file. */
function expectSaid(r: Run, file: string, what: string): void {
  expect(`${r.stderr}${r.stdout}`).not.toMatch(STACK);
  if (r.code === 2) {
    // Chinese first, then English: on two lines, or (an invalid profile) both on the first
    const [zh, en] = r.stderr.split("\n");
    expect({ what, zh }).toEqual({ what, zh: expect.stringMatching(CJK) });
    expect({ what, zh }).toEqual({ what, zh: expect.stringContaining(file) });
    expect({ what, named: `${zh}\n${en}`.split(file).length - 1 }).toEqual({ what, named: 2 });
    return;
  }
  const doc = JSON.parse(r.stdout) as {
    problems: { severity: string; messages: { zh: string; en: string } }[];
  };
  for (const p of doc.problems.filter((p) => p.severity === "error")) {
    expect({ what, zh: p.messages.zh }).toEqual({ what, zh: expect.stringContaining(file) });
    expect(p.messages.en).toContain(file);
  }
}

beforeAll(async () => {
  county = join(dir, "白狼县.xlsx");
  writeFileSync(county, await cleanTemplate());
  writeFileSync(
    EDITS,
    JSON.stringify([{ kind: "addStudents", school: "城关中学", level: "junior", value: 10 }]),
  );
  for (const kind of KINDS) expect(kind.seeds.length).toBeGreaterThan(0);
});

test(`${MUTANTS} mutants of hand-written files are read as their plain JSON, or refused saying where`, async () => {
  const classes = new Map<string, number>();
  for (let seed = 1; seed <= MUTANTS; seed++) {
    const { kind, mutant: m } = mutant(seed);
    const what = `seed ${seed}: ${kind.name}, ${m.name}, ${m.encoding}`;
    classes.set(m.name.replace(/ .*/u, ""), (classes.get(m.name.replace(/ .*/u, "")) ?? 0) + 1);
    // the reader against JSON.parse: the same value, or a refusal JSON.parse would not make only where documented
    const mine = parseHandJson(m.text);
    let theirs: { ok: boolean; value?: unknown };
    try {
      theirs = { ok: true, value: JSON.parse(m.text) as unknown };
    } catch {
      theirs = { ok: false };
    }
    if (mine.ok) expect({ what, value: mine.value }).toEqual({ what, value: theirs.value });
    else if (theirs.ok)
      expect({ what, why: mine.message.en }).toEqual({
        what,
        why: expect.stringMatching(/written twice|too large|nested deeper/u),
      });
    const file = join(dir, `${kind.name}.json`);
    writeFileSync(file, bytesOf(m.text, m.encoding));
    const r = await run(...kind.argv(file));
    expect({ what, code: r.code }).toEqual({ what, code: expect.any(Number) });
    expect([0, 1, 2]).toContain(r.code);
    expectSaid(r, file, what);
    if (m.refusedAt !== undefined) {
      expect({ what, code: r.code }).toEqual({ what, code: 2 });
      expect({ what, stderr: r.stderr }).toEqual({
        what,
        stderr: expect.stringContaining(lineColumn(m.text, m.refusedAt)),
      });
    }
    if (m.refused) expect({ what, code: r.code }).not.toEqual({ what, code: 0 });
    if (r.code === 0) {
      // read: then as the same text in plain UTF-8 JSON is read, which JSON.parse must take
      let plain: string;
      try {
        plain = JSON.stringify(JSON.parse(m.text));
      } catch {
        throw new Error(`${what}: read though it is not JSON`);
      }
      writeFileSync(file, plain);
      const again = await run(...kind.argv(file));
      expect({ what, stdout: r.stdout }).toEqual({ what, stdout: again.stdout });
    }
  }
  expect(classes.size).toBeGreaterThan(10);
}, 120_000);

describe("files no editor meant", () => {
  test.each([
    ["an empty file", "", "文件是空的"],
    ["a file of spaces and line ends", " \r\n\t\r\n", "文件是空的"],
    ["an .xlsx workbook", "PK\u0003\u0004", "Excel 工作簿"],
    ["an .xls workbook", "\u00d0\u00cf\u0011\u00e0", "Excel 工作簿"],
  ])("%s given as an edits file is refused, saying what it is", async (_, content, said) => {
    const file = join(dir, "odd.json");
    writeFileSync(file, Buffer.from(content, "latin1"));
    const r = await run(...KINDS[0].argv(file));
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toContain(said);
    expectSaid(r, file, _);
  });

  test("a folder and a missing file are refused, naming them", async () => {
    const folder = join(dir, "一个文件夹.json");
    mkdirSync(folder, { recursive: true });
    for (const [file, said] of [
      [folder, "文件夹"],
      [join(dir, "没有.json"), "文件不存在"],
    ]) {
      const r = await run(...KINDS[1].argv(file));
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toContain(said);
      expectSaid(r, file, file);
    }
  });

  test("a rename map of one 50 MB name is read, not a stack overflow", async () => {
    const file = join(dir, "one-name.json");
    writeFileSync(file, `{ "城关中学": "${"新".repeat(50_000_000 / 3)}" }`);
    const r = await run(...KINDS[3].argv(file));
    expect(r.stderr).not.toMatch(STACK);
    expect([0, 1]).toContain(r.code);
  });

  test("a 50 MB edits file is read through, in linear time: its one fault found at its line", async () => {
    // 50 MB of line ends, then an edit whose comma a Chinese input method typed
    const lines = 25_000_000;
    const file = join(dir, "big.json");
    const before = '[{"kind":"closeSchool"';
    writeFileSync(file, `${"\r\n".repeat(lines)}${before}，"school":"城关中学"}]`);
    const r = await run(...KINDS[0].argv(file));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`第 ${lines + 1} 行第 ${before.length + 1} 列`);
  });
});
