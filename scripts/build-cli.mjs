// Bundles the `balance` command into dist/cli/balance.js (run by `npm ci` through `prepare`).
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const result = await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli/balance.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  // exceljs stays a runtime dependency: it is large and ships its own files (and loads only to write)
  external: ["exceljs", "highs"],
  // fflate's Node build loads worker_threads at start for its asynchronous API, which Balance does not use
  alias: { fflate: "fflate/browser" },
  logLevel: "warning",
  write: false,
});
// Each file is written beside its place and renamed into it, so that a `balance` started meanwhile (tests run
// in parallel) reads the old bundle or the new one, never half of one.
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
