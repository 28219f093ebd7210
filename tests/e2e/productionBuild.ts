import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The repository: two levels up from this file, or the working directory when bundled elsewhere (bench). */
export const ROOT = existsSync(path.resolve(__dirname, "../../package.json"))
  ? path.resolve(__dirname, "../..")
  : process.cwd();

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/**
 * The production build of the add-in (dir) and of the web app (dir/web): dist/ when both are newer than every
 * source they are built from (after `npm run build`), otherwise a fresh `webpack --mode production` into a
 * temporary directory. A test that needs one of the two builds only that one (`only`).
 */
export function productionBuild(only?: "addin" | "web"): { dir: string; built: boolean } {
  const dist = path.join(ROOT, "dist");
  const pages = [
    ...(only === "web" ? [] : [path.join(dist, "taskpane.html")]),
    ...(only === "addin" ? [] : [path.join(dist, "web", "index.html")]),
  ];
  const sources = ["src", "webpack.config.js", "package.json", "manifest.xml", "manifest-pane.xml", "assets"]
    .map((p) => path.join(ROOT, p))
    .filter(existsSync);
  const newest = Math.max(...sources.map(newestMtime));
  if (pages.every((page) => existsSync(page) && statSync(page).mtimeMs > newest)) {
    return { dir: dist, built: false };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "balance-pane-"));
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [webpack, "--mode", "production", "--env", `outputPath=${dir}`];
  if (only) args.push("--config-name", only);
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`webpack failed:\n${run.stdout}\n${run.stderr}`);
  return { dir, built: true };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Serves a directory on a free localhost port. */
export async function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM = "/usr/bin/chromium";

/** Flags for Debian's Chromium on a machine with no network beyond localhost. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";
const OFFICE_HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/**
 * The file of @microsoft/office-js that stands for a URL of Office's CDN (office.js and the files it loads
 * next), or null. The machine has no network: a test answers the CDN's requests with Microsoft's own files.
 */
export function officeFileFor(url: string): string | null {
  if (!url.startsWith(OFFICE_HOSTED)) return null;
  const file = path.join(OFFICE_DIST, decodeURIComponent(url.slice(OFFICE_HOSTED.length).split("?")[0]));
  return file.startsWith(OFFICE_DIST) && existsSync(file) && !statSync(file).isDirectory() ? file : null;
}
