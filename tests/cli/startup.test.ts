/**
 * What `balance evaluate` loads at start (bench/xlsx.bench.ts times it): the modules its entry imports, not
 * counting what is imported only when needed (`import()`). zod's schemas, the HiGHS solver, exceljs, fflate and
 * the report writer took most of the command's start when they were loaded eagerly; each is loaded only by the
 * option or command that needs it. The module graph is read from the same bundler that builds the command.
 */
import path from "node:path";
import { build, type Metafile } from "esbuild";

const ROOT = path.resolve(__dirname, "../..");

/** The modules an entry loads at start: its static imports, transitively. */
async function eagerModules(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    outdir: "out",
    format: "esm",
    splitting: true,
    platform: "node",
    target: "node20",
    external: ["exceljs", "highs"],
    alias: { fflate: "fflate/browser" },
    metafile: true,
    logLevel: "silent",
  });
  const inputs: Metafile["inputs"] = result.metafile.inputs;
  const seen = new Set([entry]);
  const queue = [entry];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const i of inputs[next]?.imports ?? []) {
      if (i.kind === "dynamic-import" || seen.has(i.path)) continue;
      seen.add(i.path);
      queue.push(i.path);
    }
  }
  return [...seen];
}

const LAZY = [
  /node_modules\/zod\//,
  /^exceljs$/,
  /^highs$/,
  /node_modules\/fflate\//,
  /^src\/report\//,
  /plan\//,
];

describe("what the command loads at start", () => {
  test("the entry loads no subcommand: each is imported when it runs", async () => {
    const eager = await eagerModules("src/cli/main.ts");
    expect(eager.filter((m) => m.startsWith("src/cli/commands/"))).toEqual([]);
  });

  test("balance evaluate loads no schema, solver, writer or portable inflater", async () => {
    const eager = await eagerModules("src/cli/commands/evaluate.ts");
    // it does load what it uses: the reader, the engine, the county verdict
    expect(eager).toEqual(
      expect.arrayContaining(["src/xlsx/read.ts", "src/engine/evaluate.ts", "src/countyVerdict.ts"]),
    );
    expect(eager.filter((m) => LAZY.some((pattern) => pattern.test(m)))).toEqual([]);
  });
});
