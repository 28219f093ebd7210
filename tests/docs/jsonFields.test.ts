/**
 * docs/json.md names the fields of `--json` and, where it shows a value, its kind: every field it names exists in
 * the real documents of `evaluate`, `batch` and `compare`, and a field shown with a number, a string, true or
 * false, null, a list or an object holds, somewhere in the real document, a value of one of the kinds shown (a
 * list of numbers where the doc shows `[2025, 2026]`). The documents are the commands' own output on the sample
 * county, never values kept here.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SchoolRecord } from "../../src/engine/records";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { ROOT } from "./markdown";

type Kind = "number" | "string" | "boolean" | "null" | "object" | "number[]" | "string[]" | "object[]" | "[]";

/** The kinds of one value as JSON.parse gives it. */
function kindOf(value: unknown): Kind {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const first = kindOf(value[0]);
    return first === "number" || first === "string" || first === "object" ? `${first}[]` : "[]";
  }
  if (typeof value === "object") return "object";
  return typeof value as "number" | "string" | "boolean";
}

/** Every field of a document, each with the kinds of the values it holds anywhere. */
function fieldsOf(doc: unknown, out = new Map<string, Set<Kind>>()): Map<string, Set<Kind>> {
  if (Array.isArray(doc)) doc.forEach((d) => fieldsOf(d, out));
  else if (doc !== null && typeof doc === "object") {
    for (const [key, value] of Object.entries(doc)) {
      const kinds = out.get(key) ?? new Set<Kind>();
      kinds.add(kindOf(value));
      out.set(key, kinds);
      fieldsOf(value, out);
    }
  }
  return out;
}

/** The kind of the value a doc shows at `text` (after `"field": `), or null for what it does not spell out. */
function shownKind(text: string): Kind | null {
  const t = text.trimStart();
  if (t.startsWith('"')) return "string";
  if (/^-?\d/.test(t)) return "number";
  if (/^(true|false)\b/.test(t)) return "boolean";
  if (/^null\b/.test(t)) return "null";
  if (t.startsWith("{")) return "object";
  if (t.startsWith("[")) {
    const inner = t.slice(1).trimStart();
    if (/^-?\d/.test(inner)) return "number[]";
    if (inner.startsWith('"') && !inner.startsWith('"…"')) return "string[]";
    if (inner.startsWith("{")) return "object[]";
    return null;
  }
  return null;
}

/** The fields a JSON block of the doc names, each with the kinds it shows (alternatives `"a" | null` included). */
function documented(block: string): Map<string, Set<Kind>> {
  const text = block.replace(/\/\/.*$/gm, "");
  const out = new Map<string, Set<Kind>>();
  for (const m of text.matchAll(/"([^"]+)"(\??)\s*([:,}\]])/g)) {
    const [whole, name, optional, after] = m;
    // `"sheet"?` is a field only some documents have (compare --sheets)
    if (name === "…" || name.includes(" ") || optional) continue;
    const before = text.slice(0, m.index).trimEnd().slice(-1);
    const isKey = after === ":" || ((before === "{" || before === ",") && (after === "," || after === "}"));
    if (!isKey) continue;
    const kinds = out.get(name) ?? new Set<Kind>();
    out.set(name, kinds);
    if (after !== ":") continue;
    let rest = text.slice((m.index ?? 0) + whole.length);
    for (;;) {
      const kind = shownKind(rest);
      if (kind) kinds.add(kind);
      // a plain value may be followed by alternatives: "error" | "warning", 524, true | false | null
      const plain = /^\s*("[^"]*"|-?[\d.]+|true|false|null)\s*\|/.exec(rest);
      if (!plain) break;
      rest = rest.slice(plain[0].length);
    }
  }
  return out;
}

/** The JSON blocks of docs/json.md, in order: evaluate, batch, compare. */
function blocks(): string[] {
  const page = readFileSync(path.join(ROOT, "docs/json.md"), "utf8");
  return [...page.matchAll(/```jsonc?\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The fields of the table of county fields in docs/json.md (`guarantee`, `readiness`, the items' `{ item, … }`). */
function countyTableFields(): string[] {
  const page = readFileSync(path.join(ROOT, "docs/json.md"), "utf8");
  const table = page.split('<a id="county"></a>')[1] ?? "";
  const names = new Set<string>();
  for (const row of table.split("\n").filter((l) => l.startsWith("| `"))) {
    for (const m of row.split("|")[1].matchAll(/`([a-zA-Z]+)`/g)) names.add(m[1]);
    for (const braces of row.matchAll(/\{([^}]*)\}/g)) {
      for (const m of braces[1].matchAll(/(?:^|[{,\s])([a-zA-Z]+)(?=[:,}\s]|$)/g)) names.add(m[1]);
    }
  }
  return [...names].sort();
}

/** What the doc says that the real document does not hold. */
function disagreements(doc: Map<string, Set<Kind>>, real: Map<string, Set<Kind>>): string[] {
  const out: string[] = [];
  for (const [name, kinds] of doc) {
    const held = real.get(name);
    if (!held) out.push(`${name}: not in the document`);
    else if (kinds.size > 0 && ![...held].some((k) => kinds.has(k) || k === "[]")) {
      out.push(`${name}: shown as ${[...kinds].join(" | ")}, holds ${[...held].join(" | ")}`);
    }
  }
  return out;
}

async function jsonOf(...argv: string[]): Promise<unknown> {
  const r = await run(...argv);
  expect({ argv, code: r.code }).toEqual({ argv, code: 0 });
  return JSON.parse(r.stdout);
}

const SAMPLE = path.join(ROOT, "examples/sample-county.xlsx");

/** Two years of a county of the plan (科右前旗), the later with a school closed, one opened, one renamed, two merged. */
async function twoYears(): Promise<{ files: string[]; renames: string }> {
  const dir = tempDir();
  const before = sampleCountyRecords();
  const names = before.map((r) => r.name);
  const later: SchoolRecord[] = before
    .filter((r) => r.name !== names[1] && r.name !== names[3])
    .map((r) => (r.name === names[2] ? { ...r, name: `${names[2]}（新校名）` } : r))
    .map((r, i) => (i === 0 ? { ...r, name: "新区合并学校", students: { ...r.students } } : r));
  later.push({ ...before[5], name: "新开学校" });
  // a school's sports ground cut to a quarter (a section's status changes) and another's equipment written in 万元 (a warning)
  later[6] = {
    ...later[6],
    facilities: { ...later[6].facilities, sportsArea: later[6].facilities.sportsArea / 4 },
  };
  later[7] = { ...later[7], facilities: { ...later[7].facilities, equipmentValue: 1 } };
  const renames = path.join(dir, "renames.json");
  writeFileSync(
    renames,
    JSON.stringify({
      [names[2]]: `${names[2]}（新校名）`,
      [names[0]]: "新区合并学校",
      [names[1]]: "新区合并学校",
    }),
  );
  const files: string[] = [];
  for (const [year, records] of [
    ["2025", before],
    ["2026", later],
  ] as const) {
    mkdirSync(path.join(dir, year));
    files.push(await writeWorkbook(path.join(dir, year), "科右前旗.xlsx", { 学校: tableOf(records) }));
  }
  return { files, renames };
}

/** The example of `balance plan --json` in docs/plans.md. */
function planBlock(): string {
  const page = readFileSync(path.join(ROOT, "docs/plans.md"), "utf8");
  const block = [...page.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes('"additions"'));
  if (!block) throw new Error("docs/plans.md shows no plan document");
  return block;
}

describe("docs/json.md and the real documents", () => {
  it("reads the fields and kinds a block shows (the test's own parsing)", () => {
    const doc = documented('{ "a": 1, "b": "x" | null, "c": [2025], "d": { "e", "f" }, "g": true | false }');
    expect(Object.fromEntries([...doc].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      a: ["number"],
      b: ["null", "string"],
      c: ["number[]"],
      d: ["object"],
      e: [],
      f: [],
      g: ["boolean"],
    });
    expect(disagreements(doc, fieldsOf({ a: 1, b: null, c: ["2025"], d: { e: 1 }, g: false }))).toEqual([
      "c: shown as number[], holds string[]",
      "f: not in the document",
    ]);
  });

  it("evaluate --json holds every field the doc names, of the kind it shows", async () => {
    const real = fieldsOf(await jsonOf("evaluate", SAMPLE, "--county", "阿尔山市", "--json"));
    // a table with an error: the problems' fields
    const table = tableOf(sampleCountyRecords());
    table[2][0] = null;
    const broken = await writeWorkbook(tempDir(), "broken.xlsx", { 学校: table });
    fieldsOf(JSON.parse((await run("evaluate", broken, "--json")).stdout), real);
    // a statistics export without the columns of guarantee items 3 and 5: the fields of `supply`
    fieldsOf(
      await jsonOf("evaluate", "tests/fixtures/xls/export.xlsx", "--county", "科右前旗", "--json"),
      real,
    );
    // the recipe's fields are those of a statistics export, checked in tests/recipe; the sample has none
    const recipe = new Set(["id", "recognised", "counties", "fields", "field", "derivation"]);
    const doc = new Map([...documented(blocks()[0])].filter(([name]) => !recipe.has(name)));
    doc.get("recipe")?.add("null");
    expect(disagreements(doc, real)).toEqual([]);
    expect(countyTableFields().filter((name) => !real.has(name))).toEqual([]);
  });

  it("batch --json holds every field the doc names, of the kind it shows", async () => {
    const { files } = await twoYears();
    // a third year given the second's file again: its warning and the years' `unchanged` have fields to check
    const again = path.join(path.dirname(path.dirname(files[1])), "2027");
    mkdirSync(again);
    copyFileSync(files[1], path.join(again, "科右前旗.xlsx"));
    const real = fieldsOf(
      await jsonOf(
        "batch",
        ...files,
        path.join(again, "科右前旗.xlsx"),
        SAMPLE,
        "--plan",
        "--year",
        "2026",
        "--json",
      ),
    );
    expect(disagreements(documented(blocks()[1]), real)).toEqual([]);
  });

  it("plan --rotation --json holds every field docs/plans.md shows, of the kind it shows", async () => {
    const real = fieldsOf(await jsonOf("plan", SAMPLE, "--rotation", "--json"));
    expect(disagreements(documented(planBlock()), real)).toEqual([]);
  });

  it("compare --json holds every field the doc names, of the kind it shows", async () => {
    const { files, renames } = await twoYears();
    const real = fieldsOf(await jsonOf("compare", ...files, "--rename", renames, "--json"));
    expect(disagreements(documented(blocks()[2]), real)).toEqual([]);
  });
});
