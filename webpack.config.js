// Builds two things from one source:
// - the add-in, into dist/: the task pane and the BALANCE custom functions in one shared runtime (taskpane.html loads
//   both bundles), functions.json generated from the functions' JSDoc, and the files the manifests point at;
// - the offline web app, into dist/web/: the same task pane on a workbook opened from disk, with no Office and no
//   request outside its own folder (index.html and every asset beside it, relative URLs).
//
//   npm run build                                               manifests for https://localhost:3000/ (npm start)
//   npm run build -- --env url=https://intranet.example/balance/  manifests and help URLs for a bureau's own server
/* eslint-env node */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

/** The origin every URL of the manifests uses in the repository; the dev server serves dist/ there. */
const ORIGIN = "https://localhost:3000";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/**
 * Top-level options of the functions' metadata that Office's generator cannot write from JSDoc, set on the
 * generated functions.json at build and written in functions-zh-CN.json (tests/functions/metadata.test.ts):
 * `allowErrorForDataTypeAny` lets a range holding an error value (#N/A, #DIV/0! …) reach the function, which
 * names the cell and the error; without it Excel returns the error itself and never calls the function.
 */
const FUNCTIONS_METADATA_OPTIONS = { allowErrorForDataTypeAny: true };

/** Office's script, from Microsoft's CDN: the one external script the add-in loads. */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The two manifests: the full add-in (shared runtime, custom functions) and the task pane alone. */
const MANIFESTS = ["manifest.xml", "manifest-pane.xml"];

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

/**
 * The web app's policy: its own files only, no CDN. The HiGHS solver is built into the app as a data: URL (so that
 * it loads from file:// and from servers that do not know the .wasm type), hence data: for connect-src; the
 * downloaded workbook is a blob: URL.
 */
const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * The browsers the offline web app runs in: Chrome and Edge 84, Firefox 80, Safari 14.1 and later, the kernels of
 * the browsers on many domestic (信创) machines; and ES2020, so that no syntax newer than that is left for an older
 * parser. The packages' code is rewritten to this syntax (scripts/webpack-browsers-loader.cjs), as the project's own
 * is by ts-loader; src/web/web-start.js tells a browser older than these what to use instead. Chrome 84 because
 * Fluent UI's focus handling needs WeakRef. (The add-in's pane runs in Office's own evergreen WebView2.)
 */
const WEB_BROWSERS = ["es2020", "chrome84", "edge84", "firefox80", "safari14.1"];

/**
 * The base URL the add-in is served from: `--env url=…`, else the dev server's. Office loads add-ins over https
 * only, so anything else stops the build with a message saying so.
 */
function baseUrl(env = {}) {
  const raw = env.url;
  if (raw === undefined || raw === true || raw === "") return `${ORIGIN}/`;
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`--env url=${raw}：不是有效的网址 / not a valid URL`);
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `--env url=${raw}：Office 只从 https 地址加载加载项 / Office loads add-ins from https URLs only`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`--env url=${raw}：只能是一个文件夹地址 / must be a plain folder URL`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites the dev server's URLs (https://localhost:3000/…) in the manifests, the functions' metadata and the help
 * page to the bureau's base URL, after every other plugin has added its files.
 */
class RebaseUrlsPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const from = `${ORIGIN}/`;
    if (this.base === from) return;
    compiler.hooks.thisCompilation.tap("RebaseUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RebaseUrlsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(?:xml|json|html)$/.test(name)) continue;
            const text = assets[name].source().toString();
            if (!text.includes(from)) continue;
            compilation.updateAsset(name, new webpack.sources.RawSource(text.split(from).join(this.base)));
          }
        },
      );
    });
  }
}

/** Sets FUNCTIONS_METADATA_OPTIONS on the functions.json the metadata plugin generated. */
class FunctionsMetadataOptionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataOptionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataOptionsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          if (!assets["functions.json"]) return;
          const metadata = JSON.parse(assets["functions.json"].source().toString());
          const json = JSON.stringify({ ...FUNCTIONS_METADATA_OPTIONS, ...metadata }, null, 4);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(json));
        },
      );
    });
  }
}

function taskpaneHtml() {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>均衡 Balance</title>
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <script type="text/javascript" src="pane-start.js"></script>
    <script type="text/javascript" src="${OFFICE_JS}" async></script>
  </head>
  <body style="margin: 0">
    <div id="root">
      <p style="font: 14px system-ui, sans-serif; padding: 12px; color: #605e5c">正在连接 Excel… Connecting to Excel…</p>
    </div>
  </body>
</html>
`;
}

function webHtml() {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>均衡 Balance — 离线网页版</title>
    <meta http-equiv="Content-Security-Policy" content="${WEB_CONTENT_SECURITY_POLICY}" />
    <link rel="icon" href="assets/icon-32.png" />
    <script src="web-start.js"></script>
  </head>
  <body>
    <div id="root"><p data-loading style="font: 14px system-ui, sans-serif; padding: 12px; color: #605e5c">正在加载… Loading…</p></div>
    <noscript>请允许运行脚本。/ Please enable JavaScript.</noscript>
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
    console.warn(
      `The development CA could not be installed (${error.message.trim()}); serving with ${dir} anyway.`,
    );
    const [ca, key, cert] = files.map((f) => require("fs").readFileSync(f));
    return { ca, key, cert };
  }
}

/** Where the build goes: dist/, or `--env outputPath=…` (tests build into a temporary folder). */
function outputDir(env = {}) {
  return env.outputPath ? path.resolve(String(env.outputPath)) : path.resolve(__dirname, "dist");
}

/** What both builds share: TypeScript, the no-codegen loader, Node's built-ins left out. */
function common(production) {
  return {
    mode: production ? "production" : "development",
    context: __dirname,
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // the HiGHS solver's ES module names Node's built-ins for its Node path only, and the .xlsx reader's file
      // functions (readWorkbookFile) are for the command line: the browser never loads them
      fallback: {
        module: false,
        fs: false,
        "fs/promises": false,
        path: false,
        url: false,
        crypto: false,
      },
    },
    module: {
      rules: [
        {
          // zod's, exceljs's and jszip's run-time code generation is useless under the pages' CSP: keep it out
          test: /[\\/]node_modules[\\/](?:zod[\\/]v4[\\/]core[\\/](?:util|doc)\.js|(?:exceljs[\\/]dist[\\/]exceljs|jszip[\\/]dist[\\/]jszip)\.min\.js)$/,
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
    performance: { hints: false },
  };
}

/** "node:fs" → "fs", so that the fallbacks above apply (webpack reads no node: scheme). */
const nodeScheme = () =>
  new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
    resource.request = resource.request.replace(/^node:/, "");
  });

async function addinConfig(env = {}, argv = {}) {
  const production = argv.mode !== "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const base = common(production);
  return {
    ...base,
    name: "addin",
    resolve: {
      ...base.resolve,
      alias: {
        // HiGHS loaded on first use, in a chunk of its own (src/web/highsLoader.ts): the pane's first screen
        // does not wait for the solver's script, which only a plan needs; its WebAssembly is a file beside it
        highs$: path.resolve(__dirname, "src/web/highsLoader.ts"),
        "highs/build/highs.mjs$": path.resolve(__dirname, "node_modules/highs/build/highs.mjs"),
      },
    },
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: outputDir(env),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/cli is written by build:cli before webpack runs, dist/web by the web app's build: keep them
      clean: { keep: /^(?:cli|web)[\\/]/ },
      // Office's webviews have globalThis: without this webpack's runtime falls back to `new Function("return this")`
      environment: { globalThis: true },
    },
    optimization: {
      // one webpack runtime for both entries: the pane and the functions share one instance of each module
      // (engine, active profile) instead of two copies with separate state
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    plugins: [
      nodeScheme(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionsMetadataOptionsPlugin(),
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
          // an ES5 script run before anything else: watches office.js load, and in Internet Explorer or old Edge
          // says why the pane cannot run
          { from: "src/taskpane/pane-start.js", to: "pane-start.js" },
          // the ribbon's function file of the pane-only manifest (no shared runtime): office.js and nothing more
          { from: "src/taskpane/commands.html", to: "commands.html" },
          { from: "src/taskpane/commands.js", to: "commands.js" },
          ...MANIFESTS.map((m) => ({ from: m, to: m })),
        ],
      }),
      new RebaseUrlsPlugin(baseUrl(env)),
    ],
    devServer: {
      static: { directory: outputDir(env) },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "https",
      port: Number(new URL(ORIGIN).port),
    },
  };
}

function webConfig(env = {}, argv = {}) {
  const production = argv.mode !== "development";
  const base = common(production);
  return {
    ...base,
    name: "web",
    // no eval-based source maps: the page's CSP forbids eval, in development too
    devtool: "source-map",
    entry: { app: "./src/web/index.tsx" },
    output: {
      path: path.join(outputDir(env), "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      // every URL relative to index.html: the folder works on any server, under any path, and from file://
      publicPath: "",
      clean: true,
      environment: { globalThis: true },
    },
    resolve: {
      ...base.resolve,
      alias: {
        // the browser build of exceljs (its own Buffer and stream shims), not its Node entry
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
        // HiGHS loaded on first use, with its WebAssembly inside the app (src/web/highsLoader.ts)
        highs$: path.resolve(__dirname, "src/web/highsLoader.ts"),
        "highs/build/highs.mjs$": path.resolve(__dirname, "node_modules/highs/build/highs.mjs"),
      },
    },
    module: {
      ...base.module,
      rules: [
        // the packages' code in the syntax of WEB_BROWSERS; listed first so that it runs last, after the
        // no-codegen loader has matched the code as its package wrote it
        {
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/]/,
          use: {
            loader: path.resolve(__dirname, "scripts/webpack-browsers-loader.cjs"),
            options: { target: WEB_BROWSERS },
          },
        },
        ...base.module.rules,
        // the solver's WebAssembly as a data: URL in the solver's own chunk: fetched by no one, loaded on first use
        { test: /\.wasm$/, type: "asset/inline" },
      ],
    },
    plugins: [
      nodeScheme(),
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent: webHtml(),
        // classic deferred scripts: a module script would not load from file://
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-32.png", to: "assets/icon-32.png" },
          { from: "src/web/web-start.js", to: "web-start.js" },
        ],
      }),
    ],
  };
}

module.exports = async (env = {}, argv = {}) => [await addinConfig(env, argv), webConfig(env, argv)];

module.exports.addin = addinConfig;
module.exports.web = webConfig;
module.exports.baseUrl = baseUrl;
module.exports.RebaseUrlsPlugin = RebaseUrlsPlugin;
module.exports.ORIGIN = ORIGIN;
module.exports.FUNCTIONS_METADATA_OPTIONS = FUNCTIONS_METADATA_OPTIONS;
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.WEB_CONTENT_SECURITY_POLICY = WEB_CONTENT_SECURITY_POLICY;
module.exports.WEB_BROWSERS = WEB_BROWSERS;
