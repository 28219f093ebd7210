// A webpack loader for the web app's packages: their code rewritten, by esbuild, into the syntax of the browsers
// the web app supports (`options.target`, WEB_BROWSERS in webpack.config.js). The project's own TypeScript is
// compiled to ES2020 by ts-loader; packages ship whatever syntax their authors chose, and some of Fluent UI's
// (tabster's class static blocks, `??=`) is newer than the Chromium of many domestic (信创) machines' browsers,
// where the whole app would fail to load at its first line and leave the page at "正在加载…". esbuild only
// rewrites syntax: the browser APIs the app needs are checked by web-start.js before it loads.
"use strict";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a webpack loader is CommonJS
const { transform } = require("esbuild");

module.exports = function lowerSyntax(source, inputMap) {
  const done = this.async();
  const { target } = this.getOptions();
  transform(source, {
    loader: "js",
    target,
    sourcemap: this.sourceMap ? "external" : false,
    sourcefile: this.resourcePath,
    // the package's own format (ES module or CommonJS) kept: webpack links the modules
    legalComments: "inline",
  }).then(
    (result) => done(null, result.code, result.map || inputMap),
    (error) => done(error),
  );
};
