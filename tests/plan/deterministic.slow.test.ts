/**
 * Plans are deterministic (issue 15): the same county planned twice through the command, once with every core
 * kept busy, gives the same plan JSON byte for byte. In the slow tier: it runs the command twice and loads the
 * machine on purpose. tests/plan/deterministic.test.ts checks that the engine never reads the clock.
 */
import { spawn, type ChildProcess } from "node:child_process";
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
