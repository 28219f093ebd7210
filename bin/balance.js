#!/usr/bin/env node
"use strict";
// The `balance` command. Built by `npm run build:cli` (run on `npm ci`/`npm install` through `prepare`).
const path = require("path");
const fs = require("fs");
// One run reads one workbook (or one folder of them) and exits: a young generation that V8 grows to 16 MiB
// semi-spaces for a long-lived server only holds garbage here. Keeping it at its starting size costs no time on
// a county of 3,000 schools and saves about 25 MiB of peak memory (bench/xlsx.bench.ts). V8 reads this factor
// whenever the young generation would grow, so setting it now, before anything is loaded, is enough.
//
// V8 compiles a function with its optimizing compiler once it has run a while (its "interrupt budget"), on
// background threads. A run that reads a 3,000-school county and exits made it compile about a hundred functions,
// about 300 ms of CPU, more than all the reading itself, and exited before most of them paid back. A budget 16
// times V8's own leaves only the functions that run long optimized: the 3,000-school county takes about a third
// less CPU, the sample county and a batch of 100 counties the same, a county of 30,000 schools a few per cent
// more (bench/xlsx.bench.ts). V8 reads the budget as functions run, so it too is set before anything is loaded.
try {
  for (const flag of require("./runtimeFlags")) require("v8").setFlagsFromString(flag);
} catch {
  // a runtime that refuses flags runs as it is
}
const built = path.join(__dirname, "..", "dist", "cli", "balance.mjs");
if (!fs.existsSync(built)) {
  process.stderr.write(
    "balance: 命令尚未构建，请先运行 npm run build:cli / the command is not built yet: run npm run build:cli\n",
  );
  process.exit(2);
}
// A reader that stops early (`balance evaluate … --json | head`) closes the pipe: stop quietly with 141, as a
// shell reports a command ended by SIGPIPE, instead of a stack trace.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(141);
  process.stderr.write(`balance: 无法写出结果 / cannot write the output (${error && error.code})\n`);
  process.exit(74);
});
// Exit only once stdout and stderr are written out: a pipe takes a long document in many writes.
function exit(code) {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
// an ES module (scripts/build-cli.mjs says why), loaded by its file URL: a Windows path is no module specifier
import(require("url").pathToFileURL(built).href)
  .then((cli) => cli.main(process.argv.slice(2)))
  .then(exit, (error) => {
    process.stderr.write(
      `balance: 内部错误 / internal error: ${error && error.stack ? error.stack : error}\n`,
    );
    exit(70);
  });
