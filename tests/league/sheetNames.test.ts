/**
 * The names the league workbook gives its county sheets (src/report/cells.ts `uniqueSheetNames`): Excel refuses a
 * workbook whose sheet name is longer than 31 characters, holds : \ / ? * [ ], starts or ends with an apostrophe,
 * is "History" (reserved), or repeats another's; and an XML file cannot hold half of a character outside the
 * basic plane (𠮷, written as two UTF-16 units).
 */
import { uniqueSheetNames } from "../../src/report/cells";

/** UTF-16 units each half of a pair outside the basic plane: a lone one is no character. */
const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test("a name cut at 31 units never keeps half of a character outside the basic plane", () => {
  // 30 characters, then 𠮷 (U+20BB7, two units: 31st and 32nd), then 旗: cut at 31 units, 𠮷 would be halved
  const thirty = "一二三四五六七八九十".repeat(3);
  const [name, again] = uniqueSheetNames([`${thirty}𠮷旗`, `${thirty}𠮷旗`]);
  expect(lone.test(name)).toBe(false);
  expect(name).toBe(thirty);
  // the second, told apart by (2): 28 characters and the mark, 31 units
  expect(again).toBe(`${thirty.slice(0, 28)}(2)`);
  // 29 characters and 𠮷 are 31 units, whole
  const [whole] = uniqueSheetNames([`${thirty.slice(0, 29)}𠮷旗`]);
  expect(whole).toBe(`${thirty.slice(0, 29)}𠮷`);
});

test("a name cut at 31 units does not end with an apostrophe", () => {
  // 30 letters, an apostrophe (the 31st) and more: cut there, the name would end with it
  const [name] = uniqueSheetNames([`${"x".repeat(30)}'s county`]);
  expect(name).toBe("x".repeat(30));
});

test("History, which Excel keeps for itself, in any case, is named otherwise", () => {
  const names = uniqueSheetNames(["History", "history"]);
  for (const name of names) expect(name.toLowerCase()).not.toBe("history");
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
});
