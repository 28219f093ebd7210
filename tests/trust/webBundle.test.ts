/**
 * The offline web app's production bundle (dist/web), scanned as the add-in's are (tests/trust/bundles.test.ts):
 * no network call site, no absolute URL but inert ones, no generated code, and an index.html that loads only
 * its own files by relative URLs, under a Content-Security-Policy without a CDN.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { productionBuild } from "../e2e/productionBuild";
import { codegenFindings, networkFindings, parseCsp, urlFindings, type Finding } from "./bundleScan";

let built: string | null = null;
let files: { name: string; text: string }[] = [];

beforeAll(() => {
  const build = productionBuild("web");
  if (build.built) built = build.dir;
  const dir = path.join(build.dir, "web");
  files = readdirSync(dir)
    .filter((f) => /\.(?:js|html)$/.test(f))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}, 900_000);

afterAll(() => {
  if (built) rmSync(built, { recursive: true, force: true });
});

const show = (findings: Finding[]) => findings.map((f) => `${f.file} [${f.kind}] …${f.excerpt}…`);
const scripts = () => files.filter((f) => f.name.endsWith(".js"));
const page = () => files.find((f) => f.name === "index.html")?.text ?? "";

describe("the web app's production bundle", () => {
  it("holds the page, the app, the .xlsx chunk and the solver's chunk", () => {
    const names = files.map((f) => f.name);
    expect(names).toContain("index.html");
    expect(names.some((n) => /^app\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^xlsx\.[0-9a-f]{8}\.js$/.test(n))).toBe(true);
    // the solver's WebAssembly is inside its chunk: nothing to fetch, no .wasm type for a server to know
    const solver = files.find((f) => /^highs\.[0-9a-f]{8}\.js$/.test(f.name));
    expect(solver?.text).toContain("data:application/wasm;base64,");
  });

  it("makes no network request: every call site has no absolute URL", () => {
    expect(show(scripts().flatMap((f) => networkFindings(f.name, f.text, [])))).toEqual([]);
  });

  it("holds no absolute URL except inert ones (XML namespaces, licence links)", () => {
    expect(show(scripts().flatMap((f) => urlFindings(f.name, f.text, [])))).toEqual([]);
  });

  it("holds no eval, no Function constructor, no string timers", () => {
    expect(show(scripts().flatMap((f) => codegenFindings(f.name, f.text)))).toEqual([]);
  });

  it("index.html loads only its own files, by relative URLs, as classic scripts", () => {
    const sources = [...page().matchAll(/<(?:script|link)[^>]*\s(?:src|href)=["']?([^"'\s>]+)/g)].map(
      (m) => m[1],
    );
    expect(sources.length).toBeGreaterThan(1);
    for (const src of sources) expect(src).toMatch(/^(?![a-z][\w+.-]*:|\/)/i);
    // a module script would not load from file://
    expect(page()).not.toMatch(/type=["']?module/);
    expect(page()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/);
  });

  it("holds no syntax newer than ES2020, which the oldest browsers it supports parse; its first script is ES5", () => {
    // webpack.config.js WEB_BROWSERS: a class static block or `??=` in one package would stop the whole app at its
    // first line in Chrome 84 (tests/e2e/oldBrowsers.e2e.test.ts shows the rest of what those browsers lack)
    const unparsed = scripts().flatMap((f) => {
      try {
        parse(f.text, { ecmaVersion: f.name === "web-start.js" ? 5 : 2020, sourceType: "script" });
        return [];
      } catch (error) {
        const at = (error as { pos: number }).pos;
        return [`${f.name}: ${(error as Error).message} …${f.text.slice(at - 40, at + 40)}…`];
      }
    });
    expect(unparsed).toEqual([]);
    expect(scripts().map((f) => f.name)).toContain("web-start.js");
    // web-start.js runs first, before the app's deferred bundle
    expect(page().indexOf("web-start.js")).toBeLessThan(page().search(/<script[^>]*\sdefer/));
  });

  it("index.html carries a Content-Security-Policy of its own origin, no CDN, no eval", () => {
    const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(page());
    expect(meta).not.toBeNull();
    const csp = parseCsp((meta as RegExpExecArray)[1]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.sort()).toEqual(["'self'", "'wasm-unsafe-eval'"].sort());
    expect(csp.get("connect-src")?.sort()).toEqual(["'self'", "data:"].sort());
    expect(csp.get("object-src")).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      for (const s of sources) expect(s).not.toMatch(/^https?:/);
    }
  });
});
