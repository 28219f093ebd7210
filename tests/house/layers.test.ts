/**
 * The layers of src/ are enforced by ESLint (eslint.layers.mjs, docs/architecture.md#layers): the fixtures under
 * fixtures/layers/src are linted as if they lay at the same place under src/, and each deliberate crossing is
 * reported by the boundary rules; the real src/ has none. So is the rule that a rule is applied once, in the
 * engine (docs/architecture.md#rules): outside src/engine and src/standard no module compares with a limit of the
 * standard or a rule's figure, works out a floor or a value per 100 students, or keeps a tolerance of its own.
 *
 * ESLint loads its configuration with a dynamic import, which jest's module system does not run, so the linting
 * happens in a child Node process.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures", "layers");
const BOUNDARY_RULES = ["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"];

interface Linted {
  file: string;
  rules: string[];
  messages: string[];
}

/** Lints each text at its path (relative to the repository) and the files matched by `globs`, in a child process. */
function lint(
  texts: { file: string; text: string }[],
  globs: string[],
): { texts: Linted[]; files: Linted[] } {
  const script = `
    import { ESLint } from "eslint";
    const input = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const rules = ${JSON.stringify(BOUNDARY_RULES)};
    const shape = (results) => results.map((r) => {
      const boundary = r.messages.filter((m) => rules.includes(m.ruleId));
      return { file: r.filePath, rules: boundary.map((m) => m.ruleId), messages: boundary.map((m) => m.message) };
    });
    const texts = [];
    for (const { file, text } of input.texts) texts.push(...shape(await eslint.lintText(text, { filePath: file })));
    const files = input.globs.length > 0 ? shape(await eslint.lintFiles(input.globs)) : [];
    process.stdout.write(JSON.stringify({ texts, files }));
  `;
  const out = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify({ texts, globs })],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out);
}

/** Every fixture, with the path under src/ it is linted at. */
function fixtures(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        found.push({
          file: path.join(ROOT, path.relative(FIXTURES, full)),
          text: readFileSync(full, "utf8"),
        });
    }
  };
  walk(FIXTURES);
  return found;
}

describe("the layers, enforced by ESLint", () => {
  let result: { texts: Linted[]; files: Linted[] };
  beforeAll(() => {
    result = lint(fixtures(), ["src/**/*.ts", "src/**/*.tsx"]);
  });
  const at = (file: string): Linted => {
    const found = result.texts.find((t) => t.file === path.join(ROOT, file));
    if (!found) throw new Error(`${file} was not linted`);
    return found;
  };

  test("the engine importing the sheet layer is reported", () => {
    const linted = at("src/engine/importsSheet.ts");
    expect(linted.rules).toEqual(["no-restricted-imports"]);
    expect(linted.messages[0]).toContain("../sheet/grid");
    expect(linted.messages[0]).toContain("engine must not import a layer above it");
  });

  test("a dynamic import across the layers is reported", () => {
    const linted = at("src/engine/importsSheetLater.ts");
    expect(linted.rules).toEqual(["no-restricted-syntax"]);
    expect(linted.messages[0]).toContain("engine must not import a layer above it");
  });

  test("React, Node's files and Office.js outside a host are reported", () => {
    expect(at("src/report/importsReact.ts").rules).toEqual(["no-restricted-imports"]);
    expect(at("src/report/importsReact.ts").messages[0]).toContain("'react'");
    expect(at("src/standard/importsNodeFs.ts").rules).toEqual(["no-restricted-imports"]);
    expect(at("src/standard/importsNodeFs.ts").messages[0]).toContain("'node:fs'");
    expect(at("src/sheet/usesExcel.ts").rules).toEqual(["no-restricted-syntax"]);
  });

  test("a host importing a host it does not contain is reported", () => {
    expect(at("src/taskpane/importsWeb.ts").rules).toEqual(["no-restricted-imports"]);
    expect(at("src/taskpane/importsWeb.ts").messages[0]).toContain("taskpane must not import");
  });

  test("imports down the layers pass", () => {
    expect(at("src/excel/importsSheet.ts").rules).toEqual([]);
    expect(at("src/sheet/grid.ts").rules).toEqual([]);
    expect(at("src/web/workbook.ts").rules).toEqual([]);
  });

  test("a host working out a rule again is reported, line by line", () => {
    const linted = at("src/report/recomputesRules.ts");
    const text = readFileSync(path.join(FIXTURES, "src/report/recomputesRules.ts"), "utf8");
    // each function of the fixture holds one rule worked out again: one report for each
    const functions = text.match(/^export function /gm)?.length ?? 0;
    expect(functions).toBe(10);
    expect(linted.rules).toEqual(new Array(functions).fill("no-restricted-syntax"));
    const said = linted.messages.map((m) => m.split(":")[0]);
    expect(said).toEqual([
      "a comparison with a limit of the standard",
      "a difference coefficient judged",
      "a comparison with a rule's figure",
      "a share of the standard as a factor",
      "a threshold worked out from a rule's figure",
      "a comparison with a rule's figure",
      "a value per 100 students",
      "a value per 100 students in a formula",
      "a tolerance of its own",
      "a tolerance of its own",
    ]);
    for (const m of linted.messages) expect(m).toContain("docs/architecture.md#rules");
  });

  test("a host judging the plausible with the standard's figures is reported, line by line", () => {
    // docs/school-table.md#plausible: the engine's engine/plausibility.ts and engine/equipmentUnit.ts judge
    const linted = at("src/functions/judgesPlausibility.ts");
    const text = readFileSync(path.join(FIXTURES, "src/functions/judgesPlausibility.ts"), "utf8");
    const functions = text.match(/^export function /gm)?.length ?? 0;
    expect(functions).toBe(5);
    expect(linted.rules).toEqual(new Array(functions).fill("no-restricted-syntax"));
    for (const m of linted.messages) {
      expect(m.split(":")[0]).toBe("a comparison with a figure of the plausible");
      expect(m).toContain("docs/architecture.md#rules");
    }
  });

  test("formatting figures is no rule, and the engine applies the rules itself", () => {
    expect(at("src/report/formatsFigures.ts").messages).toEqual([]);
    expect(at("src/engine/appliesRules.ts").messages).toEqual([]);
  });

  test("the real src/ crosses no layer", () => {
    // a lint that saw few files has lost its way
    expect(result.files.length).toBeGreaterThan(150);
    expect(result.files.filter((f) => f.rules.length > 0)).toEqual([]);
  });
});
