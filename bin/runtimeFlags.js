"use strict";
// The V8 flags `balance` runs with, set by bin/balance.js before anything is loaded (it says why each helps). The
// benches that time the command's steps in a process of their own set the same ones, so that they count what the
// command pays.
module.exports = ["--semi-space-growth-factor=1", "--interrupt-budget=1081344"];
