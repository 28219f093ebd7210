/**
 * The command as a process (issue 13 items 3 and 4): Ctrl-C or SIGTERM while writing leaves neither a partial
 * file nor a temporary one and ends with 130 or 143; a read-only disk is refused before any work; a reader that
 * closes the pipe early ends the command quietly with 141.
 *
 * The write is stopped at a known point by BALANCE_TEST_HOLD_WRITE=1 (the command says on stderr that it holds,
 * with its temporary file half-written, and waits): no test here times anything.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { goodPrimary } from "../engine/helpers";
import { tableOf, tempDir, writeWorkbook } from "./helpers";

const node = process.execPath;
const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "balance.js");

beforeAll(() => {
  execFileSync(node, ["scripts/build-cli.mjs"], { cwd: root, stdio: "pipe" });
});

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `balance …` until it holds in the middle of writing, checks the half-written temporary file is there,
 * sends the signal, and gives back how the process ended.
 */
async function interruptWhileWriting(
  args: string[],
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; temp: string }> {
  const child = spawn(node, [bin, ...args], {
    cwd: root,
    env: { ...process.env, BALANCE_TEST_HOLD_WRITE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const held = new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
      const temp = /balance: test hold (.+)\n/.exec(stderr)?.[1];
      if (temp) resolve(temp);
    });
    child.on("exit", () => reject(new Error(`ended before holding: ${stderr}`)));
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, sig) => resolve({ code, signal: sig })),
  );
  const temp = await held;
  // the situation is real: a partial temporary file, beside the target
  expect(statSync(temp).size).toBeGreaterThan(0);
  child.kill(signal);
  const end = await ended;
  return { ...end, stderr, temp };
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  test(`${signal} while template writes: exit ${code}, no file, no temporary file`, async () => {
    const out = join(dir, "空白统计表.xlsx");
    const r = await interruptWhileWriting(["template", out], signal);
    expect(r).toMatchObject({ code, signal: null });
    expect(r.temp.startsWith(join(dir, ".空白统计表.xlsx."))).toBe(true);
    expect(existsSync(r.temp)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test(`${signal} while evaluate --out --force replaces a report: the old one is kept whole`, async () => {
    const input = await writeWorkbook(dir, "县.xlsx", {
      学校: tableOf([goodPrimary("甲小学"), goodPrimary("乙小学")]),
    });
    const out = join(dir, "报告.xlsx");
    writeFileSync(out, "上一次的报告");
    const r = await interruptWhileWriting(["evaluate", input, "--out", out, "--force"], signal);
    expect(r).toMatchObject({ code, signal: null });
    expect(readFileSync(out, "utf8")).toBe("上一次的报告");
    expect(readdirSync(dir).sort()).toEqual(["县.xlsx", "报告.xlsx"].sort());
  });
}

test("a read-only disk is refused before any work, even for root (a read-only bind mount)", () => {
  // a mount needs a namespace of its own; where the system allows none, the injected check covers the message
  if (spawnSync("unshare", ["-rm", "true"]).status !== 0) return;
  const folder = join(dir, "只读");
  mkdirSync(folder);
  const out = join(folder, "报告.xlsx");
  const r = spawnSync(
    "unshare",
    [
      "-rm",
      "sh",
      "-c",
      'mount --bind -o ro "$1" "$1" && exec "$2" "$3" template "$4"',
      "sh",
      folder,
      node,
      bin,
      out,
    ],
    { cwd: root, encoding: "utf8" },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`无法在文件夹“${folder}”中写入“${out}”（只读的磁盘）`);
  expect(r.stderr).toContain(`"${out}" cannot be written in the folder "${folder}" (a read-only disk)`);
  expect(readdirSync(folder)).toEqual([]);
});

test("a reader that closes the pipe early: exit 141, no stack trace", async () => {
  const schools = Array.from({ length: 1500 }, (_, i) => goodPrimary(`第${i}小学`));
  const input = await writeWorkbook(dir, "大县.xlsx", { 学校: tableOf(schools) });
  const child = spawn(node, [bin, "evaluate", input, "--json"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  // read the first part of the document, then close the pipe, as `| head` does
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  expect(code).toBe(141);
  expect(stderr).toBe("");
});
