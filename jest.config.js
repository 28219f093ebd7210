/** The fast tier (`npm test`); see jest.tiers.js. */
const { SLOW, common } = require("./jest.tiers.js");

/** @type {import('jest').Config} */
module.exports = {
  ...common,
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", ...SLOW],
  // jest's default is one worker fewer than the cores, a single worker on a 2-core machine; the fast tier's files
  // are independent and mostly computation, so one worker per core halves its time there
  maxWorkers: "100%",
};
