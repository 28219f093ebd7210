/**
 * Plans are deterministic (issue 15): every budget of the planner is counted (rounds, HiGHS nodes and simplex
 * iterations), none is a time, so the same input gives the same plan JSON, byte for byte, however busy the
 * machine is.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { run, tableOf, tempDir, writeWorkbook } from "../cli/helpers";
import { generateCounty } from "./county";

/** Processes that keep every core busy until stopped. */
function busy(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ["-e", "for (;;) Math.sqrt(Math.random());"], { stdio: "ignore" }),
  );
}

test("the same county planned twice, once with the machine busy, gives byte-identical plan JSON", async () => {
  // a county whose coefficients bind, small enough to be refined with HiGHS
  const path = await writeWorkbook(tempDir(), "county.xlsx", {
    学校: tableOf(generateCounty(30, 31, { low: 0.2, high: 4.5 })),
  });
  const quiet = await run("plan", path, "--json", "--rotation");
  expect(quiet.code).toBe(0);
  const doc = JSON.parse(quiet.stdout);
  expect(doc.method).toBe("coefficients");
  expect(doc.cv.iterations).toBeGreaterThan(1);
  const load = busy(3);
  try {
    const loaded = await run("plan", path, "--json", "--rotation");
    expect(loaded.stdout).toBe(quiet.stdout);
  } finally {
    for (const p of load) p.kill("SIGKILL");
  }
});

test("the engine never reads the clock: no budget of the planner (or any rule) can depend on the time", () => {
  const files = readdirSync("src/engine", { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".ts"),
  );
  expect(files.length).toBeGreaterThan(10);
  const clock = /\bDate\.now\(|\bperformance\.now\(|\bnew Date\(|\bprocess\.hrtime|time_limit/;
  const reading = files.filter((f) => clock.test(readFileSync(join("src/engine", f), "utf8")));
  expect(reading).toEqual([]);
});
