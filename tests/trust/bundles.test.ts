/**
 * No network, no generated code (issue 7 item 4), proven on the production bundles: webpack builds the add-in with
 * the project's own config into a temporary folder, and the scan fails on any network call site aimed outside
 * the add-in's own origin, on any absolute URL that is not known to be inert, and on eval / the Function
 * constructor. taskpane.html must carry the Content-Security-Policy that enforces the same in the browser. Every
 * package that ends up in the bundles must be a runtime dependency listed in THIRD_PARTY_NOTICES.md (item 5).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import webpack from "webpack";
import { codegenFindings, networkFindings, parseCsp, urlFindings, type Finding } from "./bundleScan";
import { lockPackages, noticeRows, noticesText } from "./supplyChain";

const ROOT = path.resolve(__dirname, "../..");

interface BuildConfig {
  ORIGIN: string;
  CONTENT_SECURITY_POLICY?: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "webpack.config.js")) as {
  addin: (env: object, argv: object) => Promise<webpack.Configuration>;
} & BuildConfig;
/** The add-in's own origin (manifest.xml and the dev server); relative URLs are the same origin too. */
const OWN_ORIGINS = [config.ORIGIN];
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

let out: string;
let files: { name: string; text: string }[] = [];
const bundledPackages = new Set<string>();

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}

function packagesOf(modules: StatsModule[] | undefined, into: Set<string>): void {
  for (const m of modules ?? []) {
    // the resource only: identifiers also name the loaders (ts-loader) that are not shipped
    const resource = (m.name ?? "").split("!").pop() ?? "";
    for (const match of resource.matchAll(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/\s]+)/g))
      into.add(match[1]);
    packagesOf(m.modules, into);
  }
}

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "balance-trust-build-"));
  const production = await config.addin({}, { mode: "production" });
  production.context = ROOT;
  production.output = { ...production.output, path: out, clean: true };
  // the shipped code, minified as in `npm run build`; source maps only repeat it
  production.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(production, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  const json = stats.toJson({ all: false, errors: true, modules: true, nestedModules: true });
  expect(json.errors ?? []).toEqual([]);
  packagesOf(json.modules as StatsModule[], bundledPackages);
  files = listFiles(out)
    .filter((f) => /\.(?:js|html)$/.test(f))
    .map((name) => ({ name, text: readFileSync(path.join(out, name), "utf8") }));
}, 600_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const show = (findings: Finding[]) => findings.map((f) => `${f.file} [${f.kind}] …${f.excerpt}…`);

describe("the production bundles", () => {
  it("were built: the pane, the functions and the page", () => {
    const names = files.map((f) => f.name);
    for (const name of ["taskpane.js", "functions.js", "taskpane.html"]) expect(names).toContain(name);
    expect(bundledPackages.size).toBeGreaterThan(0);
  });

  it("make no network request outside the add-in's own origin", () => {
    const js = files.filter((f) => f.name.endsWith(".js"));
    expect(show(js.flatMap((f) => networkFindings(f.name, f.text, OWN_ORIGINS)))).toEqual([]);
  });

  it("hold no absolute URL except inert ones (XML namespaces, schema ids, documentation links)", () => {
    const js = files.filter((f) => f.name.endsWith(".js"));
    expect(show(js.flatMap((f) => urlFindings(f.name, f.text, OWN_ORIGINS)))).toEqual([]);
  });

  it("hold no eval, no Function constructor, no string timers", () => {
    const js = files.filter((f) => f.name.endsWith(".js"));
    expect(show(js.flatMap((f) => codegenFindings(f.name, f.text)))).toEqual([]);
  });

  it("taskpane.html loads scripts only from its own origin and office.js from Microsoft's CDN", () => {
    const page = files.find((f) => f.name === "taskpane.html")?.text ?? "";
    const sources = [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(1);
    for (const src of sources) {
      if (/^[a-z][\w+.-]*:/i.test(src)) expect(src).toBe(`${OFFICE_CDN}/lib/1/hosted/office.js`);
    }
    // no inline script: the policy does not allow one
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/);
    // the page's ES5 first script comes before everything; office.js never holds up the page (async)
    expect(sources[0]).toBe("pane-start.js");
    const office = /<script[^>]*\ssrc=["']?https:\/\/appsforoffice[^>]*>/.exec(page)?.[0] ?? "";
    expect(office).toMatch(/\sasync(?:[\s>=]|$)/);
  });

  it("taskpane.html carries the Content-Security-Policy", () => {
    const page = files.find((f) => f.name === "taskpane.html")?.text ?? "";
    const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(page);
    expect(meta).not.toBeNull();
    const csp = parseCsp((meta as RegExpExecArray)[1]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.sort()).toEqual(["'self'", "'wasm-unsafe-eval'", OFFICE_CDN].sort());
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    // generated code stays forbidden: WebAssembly is named, eval is not
    for (const sources of csp.values()) expect(sources).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("ship only runtime dependencies, each listed in THIRD_PARTY_NOTICES.md", () => {
    const shipped = new Set(
      lockPackages()
        .filter((p) => p.shipped)
        .map((p) => p.name),
    );
    expect([...bundledPackages].filter((name) => !shipped.has(name))).toEqual([]);
    const notices = noticesText();
    expect(notices).not.toBeNull();
    const listed = new Set(noticeRows(notices as string).map((r) => r.name));
    expect([...bundledPackages].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });
});

describe("the custom functions at run time", () => {
  it("load and answer with every network API a trap: none is touched", () => {
    const touched: string[] = [];
    const trap = (name: string) =>
      function (this: unknown) {
        touched.push(name);
        throw new Error(`${name} is not allowed`);
      };
    const associated: [string, (...args: unknown[]) => unknown][] = [];
    const context: Record<string, unknown> = {
      console,
      fetch: trap("fetch"),
      XMLHttpRequest: trap("XMLHttpRequest"),
      WebSocket: trap("WebSocket"),
      EventSource: trap("EventSource"),
      importScripts: trap("importScripts"),
      navigator: { sendBeacon: trap("sendBeacon"), language: "zh-CN", userAgent: "trust" },
      location: { href: `${config.ORIGIN}/taskpane.html`, toString: () => `${config.ORIGIN}/taskpane.html` },
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.push([id, fn]),
        Error: class extends Error {},
      },
    };
    context.self = context;
    context.window = context;
    context.globalThis = context;
    const page = files.find((f) => f.name === "taskpane.html")?.text ?? "";
    const scripts = [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
      .map((m) => m[1])
      // the pane's own entry and the page's first script need a document; the functions and every shared chunk
      // are loaded
      .filter((src) => !/^https?:/.test(src) && src !== "taskpane.js" && src !== "pane-start.js");
    for (const src of scripts) {
      const file = files.find((f) => f.name === src);
      if (file) runInNewContext(file.text, context, { filename: src });
    }
    expect(associated.length).toBeGreaterThan(5);
    const header = [
      ["学校名称", "学校类型", "小学在校生数", "小学高于规定学历教师数", "小学县级以上骨干教师数"],
    ];
    const row = [["第一小学", "小学", 1000, 50, 12]];
    const argumentSets: unknown[][] = [
      [],
      [row],
      [row, header],
      [
        [[6.2], [3.7]],
        [[45], [37]],
      ],
      ["高学历教师", "小学"],
      ["qualifiedTeachers", "junior", 50, 1000],
      [row, header, "teachingArea", 500, "小学"],
    ];
    let answered = 0;
    for (const [, fn] of associated) {
      for (const args of argumentSets) {
        try {
          const answer = fn(...args);
          answered++;
          if (answer && typeof (answer as Promise<unknown>).catch === "function") {
            (answer as Promise<unknown>).catch(() => undefined);
          }
        } catch {
          // an Excel error for unsuitable arguments is an answer too
        }
      }
    }
    expect(touched).toEqual([]);
    // the functions ran for real, not only into argument errors
    expect(answered).toBeGreaterThanOrEqual(3);
  });
});

describe("the scan itself", () => {
  it("finds what it must find", () => {
    const bad = [
      `fetch("https://collect.example.com/api",{method:"POST",body:e})`,
      `const x=new XMLHttpRequest;x.open("POST","http://203.0.113.7/upload")`,
      `new WebSocket("wss://stream.example.net/s")`,
      `navigator.sendBeacon("https://t.example.org/b",data)`,
      `new EventSource('https://push.example.com/e')`,
      `importScripts(\`https://cdn.example.com/w.js\`)`,
    ];
    for (const snippet of bad)
      expect(networkFindings("x.js", snippet, OWN_ORIGINS).length).toBeGreaterThan(0);
    for (const snippet of [
      `a=eval("1+1")`,
      `new Function("return 1")`,
      `return Function("x")`,
      `const F=Function;`,
      `setTimeout("go()",9)`,
    ]) {
      expect(codegenFindings("x.js", snippet).length).toBeGreaterThan(0);
    }
    expect(urlFindings("x.js", `const u="https://telemetry.example.com/v1"`, OWN_ORIGINS)).toHaveLength(1);
  });

  it("lets the harmless through", () => {
    const fine = [
      `fetch(new URL("highs.wasm",document.baseURI))`,
      `fetch("./functions.json")`,
      `fetch("https://localhost:3000/functions.json")`,
      `e.createElementNS("http://www.w3.org/2000/svg","svg")`,
    ];
    for (const snippet of fine) expect(networkFindings("x.js", snippet, OWN_ORIGINS)).toEqual([]);
    expect(
      codegenFindings("x.js", `r.evaluate(e);o.evaluateNode(t);isFunction(e);typeof e=="function"`),
    ).toEqual([]);
    expect(urlFindings("x.js", `"http://www.w3.org/1999/xhtml"`, OWN_ORIGINS)).toEqual([]);
  });
});
