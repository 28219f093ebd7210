/**
 * The functions as the build ships them: webpack with the project's config (functions entry only, to a temporary
 * directory) must emit functions.json, functions.js, taskpane.html and the files the manifest points at, and the
 * bundle — with the associate calls the metadata plugin appends — must load in a page without Office (the pane's
 * demo mode) and register each function exactly once inside Excel.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import webpack from "webpack";
import { EXPECTED_IDS } from "./expectedIds";

const ROOT = join(__dirname, "..", "..");

let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "balance-functions-build-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addin } = require(join(ROOT, "webpack.config.js")) as {
    addin: (env: object, argv: object) => Promise<webpack.Configuration>;
  };
  const config = await addin({}, { mode: "production" });
  config.context = ROOT;
  config.entry = { functions: (config.entry as Record<string, string>).functions };
  config.output = { ...config.output, path: out };
  config.devtool = false;
  config.optimization = { ...config.optimization, minimize: false };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
  );
  expect(stats.toJson({ errors: true }).errors).toEqual([]);
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test("emits functions.json with the expected ids, functions.js, taskpane.html and the copied files", () => {
  const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as {
    functions: { id: string }[];
    allowErrorForDataTypeAny?: boolean;
  };
  expect(metadata.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
  // a range holding an error value reaches the functions, which name the cell, rather than Excel answering for them
  expect(metadata.allowErrorForDataTypeAny).toBe(true);
  for (const file of [
    "functions.js",
    "taskpane.html",
    "functions-zh-CN.json",
    "help/functions.html",
    "assets/icon-80.png",
  ]) {
    expect(existsSync(join(out, file))).toBe(true);
  }
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
  expect(html).toMatch(
    /<script defer="defer" src="functions\.js"><\/script>|<script defer src=functions\.js>/,
  );
});

/** Runs the scripts of taskpane.html, in order, in a fresh global context. */
function loadPage(globals: Record<string, unknown>): Record<string, unknown> {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)"?[^>]*>/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith("https://"));
  expect(scripts).toContain("functions.js");
  const context: Record<string, unknown> = { ...globals, console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  for (const src of scripts)
    runInNewContext(readFileSync(join(out, src), "utf8"), context, { filename: src });
  return context;
}

test("loads without Office: no registry, no exception", () => {
  expect(() => loadPage({})).not.toThrow();
});

test("inside Excel each function is associated exactly once, and answers", () => {
  const associated: [string, (...args: unknown[]) => unknown][] = [];
  loadPage({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.push([id, fn]),
      Error: class extends Error {},
    },
  });
  expect(associated.map(([id]) => id)).toEqual(EXPECTED_IDS);
  const fn = Object.fromEntries(associated);
  expect(
    (
      fn.DIFFCOEF(
        [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]],
        [[45], [37], [89], [76], [55]],
      ) as number
    ).toFixed(4),
  ).toBe("0.5153");
  expect(fn.STANDARD("高学历教师", "初中")).toBe(5.3);
});
