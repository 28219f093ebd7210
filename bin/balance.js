#!/usr/bin/env node
"use strict";
// The `balance` command. Built by `npm run build:cli` (run on `npm ci`/`npm install` through `prepare`).
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "dist", "cli", "balance.js");
if (!fs.existsSync(built)) {
  process.stderr.write("balance: 命令尚未构建，请先运行 npm run build:cli / the command is not built yet: run npm run build:cli\n");
  process.exit(2);
}
require(built).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`balance: 内部错误 / internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exit(70);
  },
);
