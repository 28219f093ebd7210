/**
 * `balance web`: the built command, run as a person runs it, serves a folder on 127.0.0.1 with the right content
 * types, nothing outside the folder, prints its address, and stops on a signal. Opening a browser is tried only
 * where there is a desktop, and never fails the command.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserCommand } from "../../src/cli/commands/web";
import { run } from "./helpers";

const root = join(__dirname, "..", "..");
const bin = join(root, "bin", "balance.js");
const site = mkdtempSync(join(tmpdir(), "balance-web-cli-"));
const children: ChildProcess[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, stdio: "pipe" });
  writeFileSync(join(site, "index.html"), "<!doctype html><title>均衡</title>");
  writeFileSync(join(site, "app.js"), "console.log(1);");
  writeFileSync(join(site, "solver.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d]));
  mkdirSync(join(site, "assets"));
  writeFileSync(join(site, "assets", "index.html"), "assets");
  writeFileSync(join(tmpdir(), "balance-web-secret.txt"), "outside the folder");
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(site, { recursive: true, force: true });
  rmSync(join(tmpdir(), "balance-web-secret.txt"), { force: true });
});

/** Starts `balance web …`; resolves with the child and the address it printed. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, "web", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`balance web exited (${code}): ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", (code) => resolve(code)),
  );

describe("balance web", () => {
  it("serves the folder on 127.0.0.1 with the right types, nothing outside it, and stops on a signal", async () => {
    const { child, url } = await start(["--port", "0", "--no-open", "--dir", site]);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("均衡");
    expect((await fetch(`${url}app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${url}solver.wasm`)).headers.get("content-type")).toBe("application/wasm");
    expect(await (await fetch(`${url}assets/`)).text()).toBe("assets");
    expect((await fetch(`${url}missing.js`)).status).toBe(404);
    // neither ../ nor its encoded form leaves the folder
    expect((await fetch(`${url}%2e%2e/balance-web-secret.txt`)).status).toBe(404);
    expect((await fetch(`${url}..%2fbalance-web-secret.txt`)).status).toBe(404);
    expect((await fetch(url, { method: "POST", body: "x" })).status).toBe(405);
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
  });

  it("runs where no browser can be opened (no desktop), and says where it is", async () => {
    const { child, url } = await start(["--port", "0", "--dir", site], { DISPLAY: "", WAYLAND_DISPLAY: "" });
    expect((await fetch(url)).status).toBe(200);
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
  });

  it("says so when the port is taken, the folder has no app, or the port is no port", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const busy = await run("web", "--port", port, "--no-open", "--dir", site);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`端口 ${port}`);
    } finally {
      taken.close();
    }
    const empty = mkdtempSync(join(tmpdir(), "balance-web-empty-"));
    const missing = await run("web", "--no-open", "--dir", empty);
    expect(missing.code).toBe(1);
    // the folder given is what is wrong: building the app again would not put it there
    expect(missing.stderr).toContain(`--dir 所给的“${empty}”中没有网页版（index.html）`);
    expect(missing.stderr).not.toContain("npm run build");
    rmSync(empty, { recursive: true, force: true });
    for (const bad of ["abc", "-1", "70000", "1.5"]) {
      const r = await run("web", "--port", bad, "--dir", site);
      expect([bad, r.code]).toEqual([bad, 2]);
    }
    expect((await run("web", "--help")).stdout).toContain("--port");
  });

  it("opens the desktop's browser with the system's own opener, and none without a desktop", () => {
    const url = "http://127.0.0.1:8421/";
    expect(browserCommand(url, "win32", {})).toEqual(["explorer.exe", [url]]);
    expect(browserCommand(url, "darwin", {})).toEqual(["open", [url]]);
    expect(browserCommand(url, "linux", { DISPLAY: ":0" })).toEqual(["xdg-open", [url]]);
    expect(browserCommand(url, "linux", { WAYLAND_DISPLAY: "wayland-0" })).toEqual(["xdg-open", [url]]);
    expect(browserCommand(url, "linux", {})).toBeNull();
  });
});
