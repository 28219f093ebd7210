/**
 * The two test tiers. The fast tier (`npm test`, jest.config.js): unit, property and component tests — what a
 * newcomer runs to see that the project works. The slow tier (`npm run test:slow`, jest.slow.config.js): what
 * drives a browser, LibreOffice or a production build, and the large .xlsx catalogues — files named
 * *.slow.test.ts(x) or *.e2e.test.ts(x), and the files listed here. .ci/run runs both.
 */
const SLOW = [
  "\\.slow\\.test\\.tsx?$",
  "\\.e2e\\.test\\.tsx?$",
  "/tests/trust/catalogue-xlsx\\.test\\.ts$",
  "/tests/trust/bundles\\.test\\.ts$",
  "/tests/trust/webBundle\\.test\\.ts$",
];

/** @type {import('jest').Config} */
const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: {
    // tsconfig.json sets isolatedModules: ts-jest then transpiles each file alone, without a type check (the
    // type check is `npm run typecheck`)
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  // fast-check draws from one fixed seed unless BALANCE_FC_SEED names another (tests/setup/propertySeed.ts)
  setupFiles: ["<rootDir>/tests/setup/propertySeed.ts"],
};

module.exports = { SLOW, common };
