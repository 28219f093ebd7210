/**
 * Plans are deterministic (issue 15): every budget of the planner is counted (rounds, HiGHS nodes and simplex
 * iterations), none is a time, so the same input gives the same plan JSON, byte for byte, however busy the
 * machine is. This file reads the source; tests/plan/deterministic.slow.test.ts plans a county twice through the
 * command, once with every core kept busy.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

test("the engine never reads the clock: no budget of the planner (or any rule) can depend on the time", () => {
  const files = readdirSync("src/engine", { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".ts"),
  );
  expect(files.length).toBeGreaterThan(10);
  const clock = /\bDate\.now\(|\bperformance\.now\(|\bnew Date\(|\bprocess\.hrtime|time_limit/;
  const reading = files.filter((f) => clock.test(readFileSync(join("src/engine", f), "utf8")));
  expect(reading).toEqual([]);
});
