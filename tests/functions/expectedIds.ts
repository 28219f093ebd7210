/**
 * The functions of the BALANCE namespace, in the order of src/functions/functions.ts. A new function is added
 * here, to the JSDoc and registrations of functions.ts, and to functions-zh-CN.json; the tests fail until all
 * four agree.
 */
export const EXPECTED_IDS = [
  "DIFFCOEF",
  "CHECK",
  "DETAIL",
  "INDICATOR",
  "STANDARD",
  "CVLIMIT",
  "SHORTFALL",
  "COUNTY",
  "WHATIF",
];
