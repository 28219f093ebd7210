// A webpack loader for zod's core in the add-in's bundles, and for the browser builds of exceljs and jszip in the
// web app's. zod 4 probes `new Function("")` to decide whether it may compile fast parsers at run time, and keeps
// a `Function` constructor call to do so. The pages' Content-Security-Policy forbids generated code (no
// 'unsafe-eval'), so neither is of any use there, and shipping them would make the bundles fail the trust scan
// (tests/trust/bundles.test.ts). This loader replaces the probe with `false` (zod then always uses its ordinary
// parsers, as it does under `jitless`) and the compiler with a throw that cannot be reached. exceljs's browser
// build carries polyfills that find the global object with `Function("return this")()` (globalThis instead) and
// set regeneratorRuntime through the Function constructor in a fallback (globalThis exists in every browser the
// app runs in); it and jszip accept a string of code in setImmediate (never given one). The loader fails the
// build if the code changes shape, so an upgrade is noticed.
"use strict";

const EDITS = [
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    pattern:
      /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/,
    replacement: "return false; // Balance: no generated code in the add-in",
  },
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    pattern:
      /compile\(\)\s*\{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replacement: 'compile() {\n        throw new Error("Balance: zod code generation is disabled");\n    }',
  },
  {
    file: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    pattern: /Function\("return this"\)\(\)/g,
    count: 6,
    replacement: "globalThis",
  },
  {
    file: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    pattern: /Function\("r","regeneratorRuntime = r"\)\(n\)/g,
    count: 1,
    replacement: "void 0",
  },
  {
    file: /[\\/](?:exceljs[\\/]dist[\\/]exceljs|jszip[\\/]dist[\\/]jszip)\.min\.js$/,
    pattern: /e=new Function\(""\+e\)/g,
    count: 1,
    replacement: 'e=function(){throw new TypeError("setImmediate needs a function")}',
  },
];

module.exports = function noCodegenLoader(source) {
  const path = this.resourcePath;
  let out = source;
  for (const edit of EDITS) {
    if (!edit.file.test(path)) continue;
    const found = out.match(edit.pattern)?.length ?? 0;
    if (found === 0 || (edit.count !== undefined && found !== edit.count)) {
      throw new Error(
        `webpack-no-codegen-loader: ${path} no longer has the expected code; review the loader`,
      );
    }
    out = out.replace(edit.pattern, edit.replacement);
  }
  return out;
};
