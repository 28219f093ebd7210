/**
 * `--json` is written piece by piece (issue 13 item 3): the bytes are JSON.stringify's, whatever the document,
 * and stdout is given bounded chunks, the next only once stdout has room.
 */
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { countyJson, evaluateCountyWorkbook, findCountySheet } from "../../src/countyVerdict";
import { jsonPieces, lazyJsonArray, writeJsonDocument } from "../../src/cli/json";
import type { CliIO } from "../../src/cli/io";
import { evaluateTable, toJsonContract } from "../../src/pipeline";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { chooseSheet } from "../../src/xlsx/reader";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { goodPrimary } from "../engine/helpers";
import { run, tableOf, tempDir, writeWorkbook } from "./helpers";

const SAMPLE = "examples/sample-county.xlsx";
const text = (value: unknown, small?: number) => [...jsonPieces(value, small)].join("");

describe("jsonPieces writes what JSON.stringify(value, null, 2) writes", () => {
  const cases: [string, unknown][] = [
    ["empty object and array", { a: {}, b: [], c: [[]], d: [{}] }],
    ["primitives", [1, -0, 1e21, 1.5e-7, 'a\nb\t"c"\u2028', true, false, null, NaN, Infinity, -Infinity]],
    [
      "left out in objects, null in arrays",
      { u: undefined, f: () => 1, s: Symbol("s"), a: [undefined, () => 1] },
    ],
    [
      "toJSON, dates, boxed values",
      { d: new Date(0), t: { toJSON: (k: string) => `key ${k}` }, n: Object(1) },
    ],
    [
      "toJSON on items of a big array",
      Array.from({ length: 40 }, (_, i) => ({ toJSON: (k: string) => [k, i] })),
    ],
    ["a Map, a Set and a typed array", { m: new Map([[1, 2]]), s: new Set([1]), t: new Uint8Array([1, 2]) }],
    ["deep nesting", { a: [{ b: [{ c: [[[1, { d: [] }]]] }] }] }],
    ["keys that need escaping", { "\u0000": 1, '"': 2, 中文: 3, "": 4 }],
    ["a top-level string", "just text"],
  ];
  for (const small of [0, 1, 3, 512]) {
    test.each(cases)(`%s (parts of ${small} values written whole)`, (_name, value) => {
      expect(text(value, small)).toBe(JSON.stringify(value, null, 2));
    });
  }

  test("nothing for undefined and functions, as JSON.stringify returns undefined", () => {
    expect(text(undefined)).toBe("");
    expect(text(() => 1)).toBe("");
  });

  test("a cycle throws a TypeError, as JSON.stringify does", () => {
    const cyclic: Record<string, unknown> = { list: Array.from({ length: 10 }, (_, i) => i) };
    cyclic.self = cyclic;
    expect(() => text(cyclic, 2)).toThrow(TypeError);
  });

  test("any value: the same text, whatever size of part is written whole", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withSparseArray: true,
          withDate: true,
        }),
        fc.integer({ min: 0, max: 20 }),
        (value, small) => {
          let expected: string | undefined;
          try {
            expected = JSON.stringify(value, null, 2);
          } catch (error) {
            expect(() => text(value, small)).toThrow((error as Error).constructor as new () => Error);
            return;
          }
          expect(text(value, small)).toBe(expected ?? "");
        },
      ),
      { numRuns: 400 },
    );
  });

  test("a lazy array is written as the array of its items", () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ school: `学校${i}`, values: [i, i / 3] }));
    function* made() {
      yield* items;
    }
    expect(text({ head: 1, sections: lazyJsonArray(made()), tail: [] })).toBe(
      JSON.stringify({ head: 1, sections: items, tail: [] }, null, 2),
    );
  });
});

describe("balance … --json prints the bytes JSON.stringify would", () => {
  test("evaluate: the document of the sample county, byte for byte", async () => {
    const r = await run("evaluate", SAMPLE, "--json");
    expect(r.code).toBe(0);
    // the document as built in memory and printed by JSON.stringify, as the command printed it before
    const workbook = await readWorkbookFile(SAMPLE);
    if (!workbook.ok) throw new Error(workbook.problem.message.en);
    const chosen = chooseSheet(workbook.grids, undefined, () => true);
    if (!chosen.ok) throw new Error(chosen.problem.message.en);
    const result = evaluateTable(chosen.grid, NATIONAL_2017);
    const countySheet = findCountySheet(workbook.grids, undefined, chosen.grid.sheet);
    if (!countySheet.ok) throw new Error(countySheet.problem.message.en);
    const county = evaluateCountyWorkbook(result, countySheet.grid, {});
    const document = { ...toJsonContract(result, "zh"), ...countyJson(county, "zh") };
    expect(r.stdout).toBe(JSON.stringify(document, null, 2) + "\n");
    expect(JSON.parse(r.stdout).sections.length).toBeGreaterThan(30);
  });

  test("evaluate, plan, what-if and a blocked table: pretty JSON exactly as JSON.stringify lays it out", async () => {
    const dir = tempDir();
    const edits = `${dir}/edits.json`;
    writeFileSync(
      edits,
      JSON.stringify([
        { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 700 },
      ]),
    );
    const blocked = await writeWorkbook(dir, "blocked.xlsx", {
      学校: [...tableOf([goodPrimary("甲小学")]), [null, "小学", null]],
    });
    for (const argv of [
      ["evaluate", SAMPLE, "--json", "--lang", "en"],
      ["whatif", SAMPLE, "--edits", edits, "--json"],
      ["plan", SAMPLE, "--json"],
      ["evaluate", blocked, "--json"],
      ["plan", blocked, "--json"],
    ]) {
      const r = await run(...argv);
      expect({ argv, stderr: r.stderr }).toEqual({ argv, stderr: "" });
      expect(r.stdout).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2) + "\n");
    }
  });
});

describe("writeJsonDocument gives stdout bounded chunks and waits for room", () => {
  test("no chunk is written before stdout has room for it", async () => {
    const chunks: string[] = [];
    let release: (() => void) | null = null;
    const io: CliIO = {
      stdout: (t) => chunks.push(t),
      stderr: () => undefined,
      stdoutRoom: () => new Promise<void>((resolve) => (release = resolve)),
    };
    const document = { sections: Array.from({ length: 10000 }, (_, i) => ({ school: `学校${i}`, n: i })) };
    const writing = writeJsonDocument(io, document);
    for (let round = 1; release !== null; round++) {
      // stdout is full: however long the writer is given, it writes nothing more
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(chunks.length).toBe(round);
      const go: () => void = release;
      release = null;
      go();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 * 65536);
    expect(chunks.join("")).toBe(JSON.stringify(document, null, 2) + "\n");
  });
});
