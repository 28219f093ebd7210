// A webpack loader for zod's core in the add-in's bundles. zod 4 probes `new Function("")` to decide whether it
// may compile fast parsers at run time, and keeps a `Function` constructor call to do so. The task pane's
// Content-Security-Policy forbids generated code (no 'unsafe-eval'), so neither is of any use there, and shipping
// them would make the bundles fail the trust scan (tests/trust/bundles.test.ts). This loader replaces the probe
// with `false` (zod then always uses its ordinary parsers, as it does under `jitless`) and the compiler with a
// throw that cannot be reached. It fails the build if zod's code changes shape, so an upgrade is noticed.
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
];

module.exports = function noCodegenLoader(source) {
  const path = this.resourcePath;
  let out = source;
  for (const edit of EDITS) {
    if (!edit.file.test(path)) continue;
    if (!edit.pattern.test(out)) {
      throw new Error(
        `webpack-no-codegen-loader: zod's ${path} no longer has the expected code; review the loader`,
      );
    }
    out = out.replace(edit.pattern, edit.replacement);
  }
  return out;
};
