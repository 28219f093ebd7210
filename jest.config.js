/** The fast tier (`npm test`); see jest.tiers.js. */
const { SLOW, common } = require("./jest.tiers.js");

/** @type {import('jest').Config} */
module.exports = {
  ...common,
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", ...SLOW],
};
