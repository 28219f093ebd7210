// `npm run bench`: bundles each bench/*.bench.ts with esbuild and runs it in its own Node process.
// Each bench prints its own figures (medians, and ratios against a baseline measured in the same run).
import { build } from "esbuild";
import { readdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";

const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "balance-bench-"));
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts") || f.endsWith(".bench.tsx"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const outfile = join(dir, file.replace(/\.tsx?$/, ".cjs"));
  await build({
    entryPoints: [join("bench", file)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs", "highs", "playwright-core", "jsdom"],
    logLevel: "warning",
  });
  console.log(`\n## ${file}`);
  // the bundle lives in a temporary directory: its external packages resolve from the project's node_modules
  const env = { ...process.env, NODE_PATH: join(process.cwd(), "node_modules") };
  const run = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit", env });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
