/**
 * A recipe and a profile given as text (the web app's recipe file, an API's caller) are read as the command reads a
 * hand-written file (docs/cli.md#hand-written): a key written twice, a Chinese quotation mark or comma, a trailing
 * comma and 1e400 refused at their line and column, Chinese first, as a fault of the file (`(json)`); a byte-order
 * mark read as none.
 */
import { parseRecipeText } from "../../src/sheet/recipe/load";
import { parseProfileText } from "../../src/standard/load";

const LOADERS = [
  { name: "recipe", base: '"extends": "statistics-export"', parse: parseRecipeText },
  { name: "profile", base: '"extends": "national-2017"', parse: parseProfileText },
];

describe.each(LOADERS)("a $name's text", ({ base, parse }) => {
  const errors = (text: string) => {
    const result = parse(text);
    return result.ok ? [] : result.errors;
  };

  test.each([
    [
      "a key written twice",
      `{\n  ${base},\n  ${base}\n}`,
      {
        zh: "第 3 行第 3 列（extends）：“extends”在同一处写了两次（第 2 行第 3 列已有）；请只留一个",
        en: 'line 3, column 3 (extends): "extends" is written twice in the same object (also at line 2, column 3); keep one',
      },
    ],
    [
      "a Chinese quotation mark",
      `{\n  ${base.replace('"extends"', "“extends”")}\n}`,
      {
        zh: '第 2 行第 3 列：“ 是中文引号（中文输入法所打），JSON 不认；请改为英文（半角）的“"”',
        en: 'line 2, column 3: "“" is a Chinese quotation mark (typed by a Chinese input method), which JSON does not read; retype it as the ASCII """',
      },
    ],
    [
      "a Chinese comma",
      `{\n  ${base}，\n  "id": "x"\n}`,
      {
        zh: `第 2 行第 ${base.length + 3} 列（extends）：“，”是中文逗号（中文输入法所打），JSON 不认；请改为英文（半角）的“,”`,
        en: `line 2, column ${base.length + 3} (extends): "，" is a Chinese comma (typed by a Chinese input method), which JSON does not read; retype it as the ASCII ","`,
      },
    ],
    [
      "a trailing comma",
      `{\n  ${base},\n}`,
      {
        zh: `第 2 行第 ${base.length + 3} 列（extends）：最后一项之后多了一个逗号；请删去这个逗号`,
        en: `line 2, column ${base.length + 3} (extends): a comma after the last item; delete this comma`,
      },
    ],
    [
      "1e400",
      `{\n  ${base},\n  "id": 1e400\n}`,
      {
        zh: "第 3 行第 9 列（id）：数字 1e400 太大，超出可以计算的范围",
        en: "line 3, column 9 (id): the number 1e400 is too large to compute with",
      },
    ],
  ])("refuses %s at its line and column", (_what, text, message) => {
    expect(errors(text)).toEqual([{ field: "(json)", message }]);
  });

  test("reads a byte-order mark as none", () => {
    const text = `{ ${base}, "id": "province" }`;
    expect(parse(`\uFEFF${text}`)).toEqual(parse(text));
    expect(parse(text).ok).toBe(true);
  });
});
