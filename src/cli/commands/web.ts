/**
 * `balance web`: serves the offline web app (dist/web, built by `npm run build`) on 127.0.0.1 with Node's own
 * http server, prints the address and opens a browser where there is one. Nothing but the app's own files is
 * served, to this computer only.
 */
import { spawn } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { EXIT, parseLang, usageError, type CliIO, type Command } from "../io";
import { parseOptions } from "../options";

const DEFAULT_PORT = 8421;

const HELP = `balance web [--port N] [--no-open] [--dir 文件夹] [--lang zh|en]

在本机（127.0.0.1）提供均衡离线网页版，并在浏览器中打开。网页版在浏览器中读取工作簿，不上传任何数据。
Serves the Balance offline web app on this computer (127.0.0.1) and opens it in a browser. The app reads
workbooks in the browser and sends nothing anywhere.

选项 / Options:
  --port N       端口（默认 ${DEFAULT_PORT}；0 为任一空闲端口）/ port (default ${DEFAULT_PORT}; 0 for any free port)
  --no-open      不打开浏览器 / do not open a browser
  --dir 文件夹    提供该文件夹中的网页版（默认为构建出的 dist/web）/ serve the app from this folder (default: dist/web)
  --lang zh|en   提示语言 / language of messages (default zh)
  -h, --help     显示帮助 / show help

按 Ctrl+C 停止。/ Press Ctrl+C to stop.
退出码 / Exit codes: 0 已停止 stopped; 1 无法提供 cannot serve; 2 命令行有误 usage error
`;

/** Content types of the files the build writes (and a few more a bureau may add). */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
};

/** The built web app: beside the command's bundle (dist/cli → dist/web), or dist/web of the repository. */
function builtApp(): string | null {
  const candidates = [join(__dirname, "..", "web"), join(__dirname, "..", "..", "..", "dist", "web")];
  return candidates.find((dir) => existsSync(join(dir, "index.html"))) ?? null;
}

/** Serves the files of `root` (index.html for a folder) to GET and HEAD; nothing outside it. */
export function serveFolder(root: string): Server {
  const base = resolve(root);
  return createServer((req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return reply(405, "405 method not allowed");
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return reply(400, "400 bad request");
    }
    const wanted = resolve(base, `.${pathname}`);
    if (wanted !== base && !wanted.startsWith(base + sep)) return reply(404, "404 not found");
    void (async () => {
      let file = wanted;
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return reply(404, "404 not found");
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": info.size,
        "X-Content-Type-Options": "nosniff",
        // the page names its scripts by content hash: only the page itself must be fetched afresh
        "Cache-Control": extname(file) === ".html" ? "no-cache" : "max-age=3600",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    })();
  });
}

/** The command that opens a URL in the desktop's browser, or null where there is no desktop. */
export function browserCommand(
  url: string,
  platform: string = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): [string, string[]] | null {
  // explorer hands a URL to the default browser (it exits 1 even then: the exit code is not looked at)
  if (platform === "win32") return ["explorer.exe", [url]];
  if (platform === "darwin") return ["open", [url]];
  return env.DISPLAY || env.WAYLAND_DISPLAY ? ["xdg-open", [url]] : null;
}

/** Tries to open the browser; a missing opener or browser is no failure (the address is printed anyway). */
function openBrowser(url: string): void {
  const command = browserCommand(url);
  if (!command) return;
  try {
    const child = spawn(command[0], command[1], { detached: true, stdio: "ignore", windowsHide: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const failed = (error: Error) => fail(error);
    server.once("error", failed);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", failed);
      ok((server.address() as AddressInfo).port);
    });
  });
}

export const webCommand: Command = {
  name: "web",
  summary: { zh: "在本机提供离线网页版并在浏览器中打开", en: "serve the offline web app here and open it" },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions(
      args,
      {
        port: { type: "string" },
        "no-open": { type: "boolean" },
        dir: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      false,
    );
    if (!parsed.ok) return usageError(io, parsed.message, "balance web --help");
    const values = parsed.values as {
      port?: string;
      "no-open"?: boolean;
      dir?: string;
      lang?: string;
      help?: boolean;
    };
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const lang = parseLang(values.lang);
    if (!lang) return usageError(io, { zh: "--lang 只能是 zh 或 en", en: "--lang must be zh or en" });
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return usageError(io, {
        zh: `--port 须为 0 到 65535 的整数（收到“${values.port}”）`,
        en: `--port must be a whole number from 0 to 65535 (got "${values.port}")`,
      });
    }
    // a folder given that holds no web app: building it again would not put it there
    if (values.dir !== undefined && !existsSync(join(values.dir, "index.html"))) {
      const gone = !existsSync(values.dir);
      io.stderr(
        `balance: --dir 所给的“${values.dir}”${gone ? "不存在" : "中没有网页版（index.html）"}：请给出网页版所在的文件夹，如复制出去的 dist/web\n` +
          `balance: --dir "${values.dir}" ${gone ? "does not exist" : "holds no web app (index.html)"}: give the folder of the web app, e.g. a copied dist/web\n`,
      );
      return EXIT.inputErrors;
    }
    const dir = values.dir ?? builtApp();
    if (!dir || !existsSync(join(dir, "index.html"))) {
      io.stderr(
        lang === "zh"
          ? `balance: 找不到网页版（${dir ? join(dir, "index.html") : "dist/web/index.html"}）：请先运行 npm run build\n`
          : `balance: the web app is not there (${dir ? join(dir, "index.html") : "dist/web/index.html"}): run npm run build first\n`,
      );
      return EXIT.inputErrors;
    }
    const server = serveFolder(dir);
    let bound: number;
    try {
      bound = await listen(server, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      io.stderr(
        lang === "zh"
          ? `balance: 无法使用端口 ${port}（${code}）：请用 --port 指定其他端口\n`
          : `balance: cannot use port ${port} (${code}): choose another with --port\n`,
      );
      return EXIT.inputErrors;
    }
    const url = `http://127.0.0.1:${bound}/`;
    io.stdout(
      `均衡离线网页版 / Balance offline web app: ${url}\n` +
        "只在本机提供，不上传任何数据。按 Ctrl+C 停止。/ Served to this computer only; nothing is uploaded. " +
        "Press Ctrl+C to stop.\n",
    );
    if (!values["no-open"]) openBrowser(url);
    return new Promise<number>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        server.close(() => done(EXIT.ok));
        server.closeAllConnections();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  },
};
