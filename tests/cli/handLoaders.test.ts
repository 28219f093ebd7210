/**
 * Every file a clerk writes by hand for the command (docs/cli.md#hand-written) — a profile, a recipe, an edits file,
 * a costs file — refuses alike a key written twice, a Chinese quotation mark or comma, a trailing comma and 1e400,
 * in Chinese first, naming the file, the line and the column; each is read with a byte-order mark. An edit of part of
 * a teacher is refused at its field where the profile counts teachers whole, and taken where a profile counts them
 * in parts.
 */
import { writeFileSync } from "node:fs";
import path, { join } from "node:path";
import { run, tempDir } from "./helpers";

const SAMPLE = path.resolve(__dirname, "../../examples/sample-county.xlsx");
const dir = tempDir();
const HIRE =
  '[{ "kind": "hireTeachers", "school": "青山镇中学", "level": "junior", "resource": "keyTeachers", "count": 2 }]';

interface Loader {
  name: string;
  what: { zh: string; en: string };
  /** a file this loader reads, whose first key is `key` */
  good: string;
  key: string;
  argv: (file: string) => string[];
}
const LOADERS: Loader[] = [
  {
    name: "profile",
    what: { zh: "标准文件", en: "profile" },
    good: '{ "extends": "national-2017", "id": "province" }',
    key: "extends",
    argv: (file) => ["evaluate", SAMPLE, "--profile", file, "--json"],
  },
  {
    name: "recipe",
    what: { zh: "配方文件", en: "recipe" },
    good: '{ "extends": "statistics-export", "id": "province" }',
    key: "extends",
    argv: (file) => ["evaluate", SAMPLE, "--recipe", file, "--json"],
  },
  {
    name: "edits",
    what: { zh: "修改清单", en: "edits file" },
    good: `{ "edits": ${HIRE} }`,
    key: "edits",
    argv: (file) => ["whatif", SAMPLE, "--edits", file, "--json"],
  },
  {
    name: "costs",
    what: { zh: "成本文件", en: "costs file" },
    good: '{ "keyTeachers": 150000, "teachingArea": 3000 }',
    key: "keyTeachers",
    argv: (file) => {
      const edits = join(dir, "edits.json");
      writeFileSync(edits, HIRE);
      return ["whatif", SAMPLE, "--edits", edits, "--costs", file, "--json"];
    },
  },
];

/** `text` written as the loader's file, and the command run on it. */
async function given(loader: Loader, name: string, text: string | Buffer) {
  const file = join(dir, `${loader.name}-${name}.json`);
  writeFileSync(file, text);
  return { file, result: await run(...loader.argv(file)) };
}

describe.each(LOADERS)("the $name file", (loader) => {
  const { good, key } = loader;
  // the good file's text with its first key's line broken, so that faults fall on line 2
  const at = good.indexOf(`"${key}"`);
  const cases: [string, string, number, string][] = [
    ["twice", `{\n  ${good.slice(at, -1).trim()}, "${key}": 1 }`, 2, `“${key}”在同一处写了两次`],
    ["quote", `{\n  “${key}”${good.slice(at + key.length + 2)}`, 2, "是中文引号"],
    ["comma", `{\n  ${good.slice(at, -1).trim()}，"x": 1 }`, 2, "是中文逗号"],
    ["trailing", `{\n  ${good.slice(at, -1).trim()}, }`, 2, "最后一项之后多了一个逗号"],
    ["huge", `{\n  "${key}": 1e400 }`, 2, "数字 1e400 太大"],
  ];
  test.each(cases)("%s: refused, Chinese first, at its line and column", async (name, text, line, said) => {
    const { file, result } = await given(loader, name, text);
    expect(result.code).toBe(2);
    const [zh, en] = result.stderr.split("\n");
    expect(zh).toMatch(new RegExp(`^balance: ${loader.what.zh}“${file}”第 ${line} 行第 \\d+ 列`, "u"));
    expect(zh).toContain(said);
    expect(en).toMatch(
      new RegExp(`^balance: the ${loader.what.en} "${file}", line ${line}, column \\d+`, "u"),
    );
  });

  test("read with a byte-order mark, as without one", async () => {
    const plain = await given(loader, "plain", good);
    const marked = await given(
      loader,
      "bom",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]),
    );
    expect(plain.result.stderr).not.toMatch(/第 \d+ 行/u);
    expect([marked.result.code, marked.result.stdout]).toEqual([plain.result.code, plain.result.stdout]);
  });
});

describe("part of a teacher in an edits file", () => {
  const edits = (count: number) =>
    `[{ "kind": "hireTeachers", "school": "青山镇中学", "level": "junior", "resource": "keyTeachers", "count": ${count} }]`;

  test("is refused at the edit's field where the profile counts teachers whole", async () => {
    const file = join(dir, "part.json");
    writeFileSync(file, edits(2.5));
    const result = await run("whatif", SAMPLE, "--edits", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `修改清单“${file}”：第 1 项的人数（edits[0].count）：修改无效（应为整数，这里是 2.5：骨干教师按整人计）`,
    );
    const english = await run("whatif", SAMPLE, "--edits", file, "--lang", "en");
    expect(english.stderr).toContain(
      `edit 1 (edits[0].count): invalid edit (expected a whole number, found 2.5: key teachers are counted in whole teachers)`,
    );
  });

  test("is taken where a profile counts them in parts", async () => {
    const file = join(dir, "part-taken.json");
    writeFileSync(file, edits(2.5));
    const profile = join(dir, "parts.json");
    writeFileSync(
      profile,
      '{ "extends": "national-2017", "indicators": { "keyTeachers": { "integral": false } } }',
    );
    const result = await run("whatif", SAMPLE, "--edits", file, "--profile", profile, "--json");
    expect(result.stderr).not.toContain("edits[0]");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).ok).toBe(true);
  });
});
