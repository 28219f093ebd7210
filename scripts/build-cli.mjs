// Bundles the `balance` command into dist/cli/balance.js (run by `npm ci` through `prepare`).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli/balance.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  // exceljs stays a runtime dependency: it is large and ships its own files
  external: ["exceljs", "highs"],
  logLevel: "warning",
});
