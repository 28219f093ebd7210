// Builds the add-in: the task pane and the BALANCE custom functions in one shared runtime (taskpane.html loads
// both bundles), functions.json generated from the functions' JSDoc, and the files the manifest points at.
/* eslint-env node */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

/** The origin every URL of manifest.xml uses; the dev server serves dist/ there. */
const ORIGIN = "https://localhost:3000";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Office's script, from Microsoft's CDN: the one external script the add-in loads. */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * What the pane may load and where it may connect: its own origin only, plus office.js from Microsoft's CDN.
 * 'wasm-unsafe-eval' lets the HiGHS solver (WebAssembly) be instantiated; no other generated code may run.
 * Styles are inserted at run time by Fluent UI (Griffel), hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${new URL(OFFICE_JS).origin} 'wasm-unsafe-eval'`,
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function taskpaneHtml() {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>均衡 Balance</title>
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <script type="text/javascript" src="${OFFICE_JS}"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

async function httpsOptions() {
  // only `npm start` needs the certificates; builds and tests never ask for them
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // installing the CA needs sudo, which Linux containers often lack: serve with the certificate that was
    // generated anyway; the browser then asks once to trust it
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.key", "localhost.crt"].map((f) => path.join(dir, f));
    if (!files.every((f) => require("fs").existsSync(f))) throw error;
    console.warn(`The development CA could not be installed (${error.message.trim()}); serving with ${dir} anyway.`);
    const [ca, key, cert] = files.map((f) => require("fs").readFileSync(f));
    return { ca, key, cert };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/cli is written by build:cli before webpack runs: keep it
      clean: { keep: /^cli[\\/]/ },
      // Office's webviews have globalThis: without this webpack's runtime falls back to `new Function("return this")`
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // the HiGHS solver's ES module names Node's built-ins for its Node path only; the browser never loads them
      fallback: { module: false, fs: false, path: false, url: false, crypto: false },
    },
    module: {
      rules: [
        {
          // zod's run-time code generation is useless under the pane's CSP: keep it out of the bundles
          test: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](?:util|doc)\.js$/,
          use: path.resolve(__dirname, "scripts/webpack-no-codegen-loader.cjs"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules for webpack, whatever tsconfig says for Node and jest: without them nothing of Fluent UI
            // is tree-shaken and the pane's bundle grows by megabytes
            options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
          },
        },
      ],
    },
    optimization: {
      // one webpack runtime for both entries: the pane and the functions share one instance of each module
      // (engine, active profile) instead of two copies with separate state
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      // "node:fs" → "fs", so that the fallbacks above apply (webpack reads no node: scheme)
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: taskpaneHtml(),
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/*.html", to: "help/[name][ext]" },
          { from: "src/functions/functions-zh-CN.json", to: "functions-zh-CN.json" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
      port: Number(new URL(ORIGIN).port),
    },
  };
};

module.exports.ORIGIN = ORIGIN;
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
