/**
 * functions.json is generated at build from the JSDoc of src/functions/functions.ts; functions-zh-CN.json is
 * written by hand (Office's generator does not localize). These tests fail when the two drift apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXPECTED_IDS } from "./expectedIds";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";

const ROOT = join(__dirname, "..", "..");
// the origin of every URL in manifest.xml (tests/manifest checks those)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ORIGIN, FUNCTIONS_METADATA_OPTIONS } = require(join(ROOT, "webpack.config.js")) as {
  ORIGIN: string;
  FUNCTIONS_METADATA_OPTIONS: Record<string, unknown>;
};
const SOURCE = join(ROOT, "src", "functions", "functions.ts");

interface Metadata {
  functions: IFunction[];
}

let generated: Metadata;
let associations: { functionName: string; id: string }[];
const zhCN = JSON.parse(
  readFileSync(join(ROOT, "src", "functions", "functions-zh-CN.json"), "utf8"),
) as Metadata;
const help = readFileSync(join(ROOT, "src", "help", "functions.html"), "utf8");

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as Metadata;
  associations = result.associate;
});

/** Everything of a function but the words Excel shows, which a translation changes. */
function shape(f: IFunction) {
  return {
    id: f.id,
    helpUrl: f.helpUrl,
    result: f.result,
    options: f.options,
    parameters: f.parameters.map((p) => ({
      type: p.type,
      dimensionality: p.dimensionality,
      optional: p.optional,
      repeating: p.repeating,
      cellValueType: p.cellValueType,
      customEnumId: p.customEnumId,
    })),
  };
}

const CJK = /[\u4e00-\u9fff]/;
// Office: a name starts with a letter, has at least 3 characters, and uses letters, digits, _ and . only
const VALID_NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;

describe("functions.json generated from the JSDoc", () => {
  test("zero errors and exactly the expected ids", () => {
    expect(generated.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
  });

  test("the build's associate calls and the file's own registrations name the same functions", async () => {
    const { registeredIds } = await import("../../src/functions/functions");
    expect([...registeredIds]).toEqual(EXPECTED_IDS);
    const source = readFileSync(SOURCE, "utf8");
    for (const { functionName, id } of associations) {
      expect(source).toContain(`CustomFunctions.associate("${id}", ${functionName});`);
    }
  });

  test("every function and parameter is described, with a help URL to an anchor of the reference page", () => {
    for (const f of generated.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description?.length).toBeGreaterThan(10);
      for (const p of f.parameters) expect(p.description?.length).toBeGreaterThan(5);
      const url = new URL(f.helpUrl as string);
      expect(url.origin).toBe(ORIGIN);
      expect(url.pathname).toBe("/help/functions.html");
      expect(help).toContain(`id="${url.hash.slice(1)}"`);
    }
  });

  test("what Excel in other languages shows is Chinese first, then English: the zh-CN words / English", () => {
    const zhById = new Map(zhCN.functions.map((f) => [f.id, f]));
    const bilingual = (text: string | undefined, zh: string | undefined) => {
      expect(text?.startsWith(`${zh} / `)).toBe(true);
      expect(text?.slice(`${zh} / `.length)).toMatch(/^[A-Za-z]{2}/);
    };
    for (const f of generated.functions) {
      const zh = zhById.get(f.id)!;
      bilingual(f.description, zh.description);
      f.parameters.forEach((p, i) => bilingual(p.description, zh.parameters[i].description));
    }
  });

  test("docs/functions.md's table lists exactly these functions, their parameters and Chinese names", () => {
    const doc = readFileSync(join(ROOT, "docs", "functions.md"), "utf8");
    const zhName = new Map(zhCN.functions.map((f) => [f.id, f.name]));
    const rows = [...doc.matchAll(/^\| `BALANCE\.(\w+)\(([^)]*)\)`（([^）]+)）/gm)].map((m) => ({
      id: m[1],
      params: m[2],
      zh: m[3],
    }));
    expect(rows.map((r) => r.id)).toEqual(generated.functions.map((f) => f.id));
    for (const f of generated.functions) {
      const row = rows.find((r) => r.id === f.id)!;
      const params = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      expect(`${f.id}(${row.params})`).toBe(`${f.id}(${params})`);
      expect(row.zh).toBe(zhName.get(f.id));
    }
    // the count the page states in words
    expect(doc).toContain(`提供 ${generated.functions.length} 个函数`);
  });

  test("table arguments are ranges, spilled results are matrices", () => {
    const byId = Object.fromEntries(generated.functions.map((f) => [f.id, f]));
    expect(byId.DIFFCOEF.parameters.map((p) => p.dimensionality)).toEqual(["matrix", "matrix"]);
    expect(byId.CHECK.parameters[0].dimensionality).toBe("matrix");
    expect(byId.COUNTY.parameters[0].dimensionality).toBe("matrix");
    expect(byId.DETAIL.result?.dimensionality).toBe("matrix");
    expect(byId.COUNTY.result?.dimensionality).toBe("matrix");
  });
});

describe("functions-zh-CN.json", () => {
  test("holds exactly the generated functions, ids and parameters (types, ranges, optional) unchanged", () => {
    expect(zhCN.functions.map(shape)).toEqual(generated.functions.map(shape));
    // the build sets on functions.json the options the generator cannot write (webpack.config.js)
    expect(Object.keys(zhCN).sort()).toEqual(
      Object.keys({ ...FUNCTIONS_METADATA_OPTIONS, ...generated }).sort(),
    );
    expect(zhCN).toMatchObject(FUNCTIONS_METADATA_OPTIONS);
  });

  test("error values in a range reach the functions, which name the cell (docs/functions.md)", () => {
    // without the option Excel returns a range's error value itself and never calls the function
    expect(FUNCTIONS_METADATA_OPTIONS).toEqual({ allowErrorForDataTypeAny: true });
    expect((zhCN as unknown as Record<string, unknown>).allowErrorForDataTypeAny).toBe(true);
  });

  test("names, descriptions and parameter names in Chinese", () => {
    for (const f of zhCN.functions) {
      expect(f.name).toMatch(CJK);
      expect(f.name).toMatch(VALID_NAME);
      expect(f.description).toMatch(CJK);
      for (const p of f.parameters) {
        expect(p.name).toMatch(CJK);
        expect(p.description).toMatch(CJK);
      }
    }
  });

  test("descriptions tell the units: 人, ㎡, 万元 or 元, 间; per 100 students or per student (docs/standard.md#indicators)", () => {
    const byId = new Map(zhCN.functions.map((f) => [f.id, f]));
    const param = (id: string, name: string) =>
      byId.get(id)!.parameters.find((p) => p.name === name)!.description;
    // a value and a standard are ratios: teachers and rooms per 100 students, areas and equipment per student
    for (const id of ["INDICATOR", "STANDARD"]) {
      for (const word of ["人", "间", "每百名学生", "生均㎡", "生均元"])
        expect(byId.get(id)!.description).toContain(word);
    }
    // an amount is in the resource's own unit, and so is a shortfall
    for (const text of [
      param("INDICATOR", "数量"),
      param("SHORTFALL", "数量"),
      byId.get("SHORTFALL")!.description,
    ]) {
      for (const word of ["人", "㎡", "万元", "元", "间"]) expect(text).toContain(word);
    }
    expect(param("DIFFCOEF", "在校生数")).toContain("人");
  });

  test("names are unique, and parameter names unique within a function", () => {
    const names = zhCN.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of zhCN.functions)
      expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
  });

  test("the reference page documents each function under its Chinese and English names", () => {
    for (const f of zhCN.functions) {
      expect(help).toContain(`BALANCE.${f.name}`);
      expect(help).toContain(`BALANCE.${f.id}(`);
    }
  });
});
