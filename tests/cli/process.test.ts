/**
 * The command as a person runs it: `node bin/balance.js …` in a child process, built as `npm ci` builds it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";

const node = process.execPath;
const bin = join(__dirname, "..", "..", "bin", "balance.js");
const root = join(__dirname, "..", "..");
const balance = (...args: string[]) => spawnSync(node, [bin, ...args], { cwd: root, encoding: "utf8" });

beforeAll(() => {
  execFileSync(node, ["scripts/build-cli.mjs"], { cwd: root, stdio: "pipe" });
});

test("evaluate the sample county: exit 0, the verdict on stdout", () => {
  const r = balance("evaluate", "examples/sample-county.xlsx");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("结论：资源配置未达标");
});

test("--json: exactly one JSON document on stdout", () => {
  const r = balance("evaluate", "examples/sample-county.xlsx", "--json");
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc).toMatchObject({ profile: "national-2017", ok: true, resourcesPass: false });
});

test("a missing workbook: exit 1, a message and no stack trace", () => {
  const r = balance("evaluate", "no-such-file.xlsx");
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("no-such-file.xlsx");
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain("Error");
});

test("usage error: exit 2", () => {
  const r = balance("evaluate", "examples/sample-county.xlsx", "--lang", "fr");
  expect(r.status).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});
