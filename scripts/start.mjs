#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideloads the add-in into desktop Excel (office-addin-debugging starts the
// dev server and Excel with manifest.xml). Elsewhere — Linux, where desktop Excel does not exist — it serves the
// pane over https://localhost:3000 and prints the demo URL and how to sideload manifest.xml into Excel on the web.
//
//   npm start                 desktop Excel where it exists, else serve
//   npm start -- --web        serve only (any platform)
//   npm start -- --dry-run    print what would run, start nothing
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ORIGIN = "https://localhost:3000";
const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7";
const PORT = new URL(ORIGIN).port;

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const webOnly = args.includes("--web");
// BALANCE_START_PLATFORM lets tests follow each branch on any machine
const platform = process.env.BALANCE_START_PLATFORM || process.platform;
const desktop = !webOnly && (platform === "win32" || platform === "darwin");

const node = process.execPath;
const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const quote = (s) => (/[\s"]/.test(s) ? `"${s.replace(/"/g, '\\"')}"` : s);
const devServer = [node, webpackCli, "serve", "--mode", "development"];

const demoUrl = `${ORIGIN}/taskpane.html`;
const instructions = {
  zh: [
    "均衡 Balance 任务窗格已在本机提供服务。",
    "",
    `  演示模式（浏览器直接打开，内存中的示例县，不连接 Excel）：${demoUrl}`,
    `    英文界面：${demoUrl}?lang=en   深色主题：${demoUrl}?theme=dark`,
    "",
    "  在网页版 Excel 中旁加载（sideload）manifest.xml：",
    "    1. 在浏览器中先打开一次上面的地址，信任本机开发证书（office-addin-dev-certs 生成）。",
    "    2. 打开 https://excel.cloud.microsoft 或 OneDrive 中的任意工作簿。",
    "    3. 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项。",
    `    4. 选择 ${path.join(root, "manifest.xml")}，点“上传”。功能区“开始”选项卡出现“均衡”按钮。`,
    "",
    "  按 Ctrl+C 停止。",
  ],
  en: [
    "The Balance task pane is being served on this machine.",
    "",
    `  Demo mode (open in a browser; in-memory sample county, not connected to Excel): ${demoUrl}`,
    `    English UI: ${demoUrl}?lang=en   dark theme: ${demoUrl}?theme=dark`,
    "",
    "  To sideload manifest.xml into Excel on the web:",
    "    1. Open the address above once in the browser and trust the local development certificate",
    "       (made by office-addin-dev-certs).",
    "    2. Open any workbook at https://excel.cloud.microsoft or in OneDrive.",
    "    3. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in.",
    `    4. Choose ${path.join(root, "manifest.xml")} and press Upload; a 均衡 Balance button appears on the Home tab.`,
    "",
    "  Press Ctrl+C to stop.",
  ],
};

function printInstructions() {
  console.log([...instructions.zh, "", ...instructions.en].join("\n"));
}

function run(command, commandArgs) {
  if (dryRun) {
    console.log(`would run: ${[command, ...commandArgs].map(quote).join(" ")}`);
    return;
  }
  const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit" });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (desktop) {
  console.log("在桌面版 Excel 中旁加载均衡加载项… / Sideloading Balance into desktop Excel…");
  console.log(`(停止 / to stop: npm run stop)`);
  // office-addin-debugging builds native code (keytar, against libsecret on Linux), so it is not a dependency of
  // the project: npx fetches it here, the one place it is needed, on the machines that run desktop Excel.
  run(process.platform === "win32" ? "npx.cmd" : "npx", [
    "--yes",
    OFFICE_ADDIN_DEBUGGING,
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    devServer.map(quote).join(" "),
    "--dev-server-port",
    PORT,
  ]);
} else {
  printInstructions();
  run(devServer[0], devServer.slice(1));
}
