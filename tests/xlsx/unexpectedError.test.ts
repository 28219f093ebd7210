/**
 * A reader's own fault (an error no reader expects: a bug, not the file's damage) still comes out as a problem a
 * clerk can read: Chinese words in the Chinese message, the program's English only in the English one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");

/** readWorkbook, loaded with `module` made to throw a TypeError of the program's own words. */
function readerWithFault(module: string, name: string): typeof import("../../src/xlsx/reader") {
  let reader: typeof import("../../src/xlsx/reader") | undefined;
  jest.isolateModules(() => {
    jest.doMock(module, () => ({
      ...jest.requireActual(module),
      [name]: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'length')");
      },
    }));
    // the reader loaded again, so that it takes the faulty module
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    reader = require("../../src/xlsx/reader");
  });
  return reader!;
}

afterEach(() => jest.resetModules());

const cases = [
  ["an .xlsx", "../../src/xlsx/reader/worksheet", "readWorksheet", "examples/sample-county.xlsx"],
  ["an old .xls", "../../src/xlsx/reader/biff", "readBiffWorkbook", "tests/fixtures/xls/sample-county.xls"],
  [
    "a .csv",
    "../../src/xlsx/reader/text/delimited",
    "readDelimited",
    "tests/xlsx/fixtures/text/sample-gbk.csv",
  ],
] as const;

describe.each(cases)("a fault of the reader's own on %s", (_, module, name, file) => {
  it("is a problem in both languages, the program's English in the English message only", async () => {
    const { readWorkbook } = readerWithFault(module, name);
    const result = await readWorkbook(new Uint8Array(readFileSync(path.join(ROOT, file))), { name: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message.zh).toMatch(/意外的错误/u);
    expect(result.problem.message.zh).not.toMatch(/[A-Za-z]{2,}/u);
    expect(result.problem.message.en).toContain("Cannot read properties of undefined");
  });
});
