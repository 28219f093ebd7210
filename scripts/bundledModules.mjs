// The project's TypeScript for a script Node runs (the fixture and sample writers): export lines such as
// `export { x } from "./src/…"`, paths from the project's root, bundled by esbuild into dist/scripts/<name>.cjs and
// loaded. The bundle lives under the project so that its external packages resolve from node_modules.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");

/** The module the `exports` lines make, bundled as `name`; `external` packages are loaded from node_modules. */
export async function bundledModules(name, exports, external = ["exceljs", "fflate"]) {
  const outfile = join(ROOT, "dist", "scripts", `${name}.cjs`);
  await build({
    stdin: { contents: exports.join("\n"), resolveDir: ROOT, loader: "ts" },
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external,
    logLevel: "warning",
  });
  return createRequire(import.meta.url)(outfile);
}
