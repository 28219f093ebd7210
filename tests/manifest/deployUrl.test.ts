/**
 * `npm run build -- --env url=https://intranet.example/balance/`: the manifests, the functions' metadata and the
 * help page name the bureau's own server instead of the dev server (https://localhost:3000). Built with the
 * add-in's own webpack configuration, its code entries swapped for an empty one (the URLs are in the files the
 * plugins write, not in the bundles).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "webpack.config.js")) as {
  addin: (env: object, argv: object) => Promise<webpack.Configuration>;
  baseUrl: (env: object) => string;
  ORIGIN: string;
};

const BASE = "https://intranet.example/balance/";
let out: string;
let texts: Map<string, string>;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "balance-deploy-url-"));
  const empty = path.join(out, "empty.js");
  writeFileSync(empty, "export {};\n");
  const built = await config.addin({ url: "https://intranet.example/balance" }, { mode: "production" });
  built.entry = { taskpane: empty };
  built.output = { ...built.output, path: path.join(out, "dist"), clean: true };
  built.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(built, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  expect(stats.toJson({ errors: true }).errors).toEqual([]);
  const list = (dir: string, prefix = ""): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  texts = new Map(
    list(path.join(out, "dist"))
      .filter((f) => /\.(?:xml|json|html)$/.test(f))
      .map((f) => [f, readFileSync(path.join(out, "dist", f), "utf8")]),
  );
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("--env url=…", () => {
  it("puts the bureau's server into both manifests, the metadata and nothing of the dev server", () => {
    for (const file of ["manifest.xml", "manifest-pane.xml", "functions.json", "functions-zh-CN.json"]) {
      const text = texts.get(file) ?? "";
      expect([file, text.includes(BASE)]).toEqual([file, true]);
    }
    for (const [file, text] of texts) expect([file, text.includes(config.ORIGIN)]).toEqual([file, false]);
    const manifest = texts.get("manifest.xml") ?? "";
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(manifest).toContain(`"${BASE}functions-zh-CN.json"`);
    const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    // every URL of the manifest is on the bureau's server, but the XML namespaces
    expect(urls.filter((u) => !u.startsWith(BASE) && !/schemas\.microsoft\.com|w3\.org/.test(u))).toEqual([]);
    const functions = JSON.parse(texts.get("functions.json") ?? "{}") as { functions: { helpUrl: string }[] };
    for (const f of functions.functions)
      expect(f.helpUrl.startsWith(`${BASE}help/functions.html#`)).toBe(true);
  });

  it("takes an https folder URL, with or without its last slash, and refuses anything else", () => {
    expect(config.baseUrl({})).toBe(`${config.ORIGIN}/`);
    expect(config.baseUrl({ url: "https://intranet.example/balance" })).toBe(BASE);
    expect(config.baseUrl({ url: BASE })).toBe(BASE);
    expect(() => config.baseUrl({ url: "http://intranet.example/balance/" })).toThrow(/https/);
    expect(() => config.baseUrl({ url: "intranet/balance" })).toThrow(/不是有效的网址/);
    expect(() => config.baseUrl({ url: "https://intranet.example/balance/?x=1" })).toThrow(/folder/);
  });
});
