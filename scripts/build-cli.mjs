// Bundles the `balance` command into dist/cli/ (run by `npm ci` through `prepare`): balance.mjs, the entry that
// bin/balance.js loads, and the chunks it loads as a command needs them. An ES module build, so that each
// subcommand's code (and what only it needs: zod's schemas, the solver, the report writer) is a file of its own
// that `balance evaluate` never reads nor compiles; a single file would be compiled whole at every start.
import { build } from "esbuild";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const outdir = "dist/cli";
const result = await build({
  entryPoints: { balance: "src/cli/main.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // exceljs stays a runtime dependency: it is large and ships its own files (and loads only to write)
  external: ["exceljs", "highs"],
  // fflate's Node build loads worker_threads at start for its asynchronous API, which Balance does not use
  alias: { fflate: "fflate/browser" },
  // what a CommonJS module has and an ES module lacks: `require` for the external packages, `__dirname`
  banner: {
    js: [
      'import { createRequire as __balanceRequire } from "node:module";',
      'import { fileURLToPath as __balancePath } from "node:url";',
      "const require = __balanceRequire(import.meta.url);",
      'const __dirname = __balancePath(new URL(".", import.meta.url));',
    ].join(" "),
  },
  logLevel: "warning",
  write: false,
});
// Each file is written beside its place and renamed into it, so that a `balance` started meanwhile (tests run
// in parallel) reads the old file or the new one, never half of one. Chunks are named by their content: a
// build of the same sources writes the same names.
const written = new Set();
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
  written.add(file.path);
}
// chunks of earlier builds, and the single-file bundle older versions wrote, would only pile up
const chunks = join(process.cwd(), outdir, "chunks");
for (const name of readdirSync(chunks)) {
  const path = join(chunks, name);
  if (!written.has(path) && !name.endsWith(".partial")) rmSync(path, { force: true });
}
for (const name of ["balance.js", "balance.js.map"]) rmSync(join(outdir, name), { force: true });
