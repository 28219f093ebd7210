/** The slow tier (`npm run test:slow`); see jest.tiers.js. */
const { SLOW, common } = require("./jest.tiers.js");

/** @type {import('jest').Config} */
module.exports = {
  ...common,
  // exactly the files the fast tier leaves out
  testRegex: SLOW,
  testTimeout: 300000,
};
