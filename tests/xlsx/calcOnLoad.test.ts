/**
 * A workbook a program wrote without calculating it: XlsxWriter (pandas' Excel engine) stores 0 as every
 * formula's result and marks the file to be calculated when opened (`fullCalcOnLoad`). Those zeros are no
 * figures: read as such, every school's teaching rooms would be 0 ㎡ and the county would fail without a word.
 * `balance evaluate` says each formula is not calculated, naming its cell, as for a formula with no result; its
 * text says a column of them once, with their range and count.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { run, tableOf, tempDir } from "../cli/helpers";

const dir = tempDir();
const records = sampleCountyRecords();
const area = TEMPLATE_COLUMNS.findIndex((c) => c.id === "teachingArea");

/**
 * The sample county with its teaching rooms given as formulas whose cached result is 0, as XlsxWriter writes;
 * with `firstCalculated`, the first school's formula has its result, as in a workbook calculated before.
 */
async function writeCounty(name: string, fullCalcOnLoad: boolean, firstCalculated = false): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学校");
  tableOf(records).forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      sheet.getCell(r + 1, c + 1).value =
        r > 0 && c === area
          ? { formula: `${value}*1`, result: firstCalculated && r === 1 ? value : 0, date1904: false }
          : value;
    }),
  );
  workbook.calcProperties.fullCalcOnLoad = fullCalcOnLoad;
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

interface Json {
  ok: boolean;
  problems: { code: string; cell: string | null; messages: { zh: string } }[];
}

test("formulas stored with 0 in a workbook to be calculated on opening are said not calculated, cell by cell", async () => {
  const path = await writeCounty("生成的.xlsx", true);
  const r = await run("evaluate", path, "--json");
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as Json;
  expect(json.ok).toBe(false);
  const uncalculated = json.problems.filter((p) => p.code === "formula-not-calculated");
  const areas = tableOf(records)
    .slice(1)
    .map((row) => row[area])
    .filter((value) => value !== null);
  expect(uncalculated).toHaveLength(areas.length);
  expect(uncalculated[0].cell).toBe(`学校!${String.fromCharCode(65 + area)}2`);
  expect(uncalculated[0].messages.zh).toContain(`（${areas[0]}*1）`);
  expect(uncalculated[0].messages.zh).toContain("请在 Excel 或 WPS 中打开并保存后再试");
});

test("the text lists a column of them as one line: its range, the count, what to do once", async () => {
  const path = await writeCounty("生成的文字.xlsx", true);
  const column = String.fromCharCode(65 + area);
  // the rows (1-based) whose teaching rooms the table gives
  const rows = tableOf(records)
    .map((row, r) => (r > 0 && row[area] !== null ? r + 1 : 0))
    .filter((r) => r > 0);
  const at = `学校!${column}${rows[0]}:${column}${rows[rows.length - 1]}`;
  for (const [lang, words] of [
    ["zh", `共 ${rows.length} 个单元格`],
    ["en", `${rows.length} cells`],
  ] as const) {
    const r = await run("evaluate", path, "--lang", lang);
    expect(r.code).toBe(1);
    const lines = r.stderr
      .split("\n")
      .filter((l) => l.includes(lang === "zh" ? "公式尚未计算" : "not calculated"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${at}${lang === "zh" ? "：" : ": "}${words}`);
    expect(lines[0]).toContain(lang === "zh" ? "请在 Excel 或 WPS 中打开并保存后再试" : "in Excel or WPS");
  }
  // the JSON keeps every cell
  const json = JSON.parse((await run("evaluate", path, "--json")).stdout) as Json;
  expect(json.problems.filter((p) => p.code === "formula-not-calculated").map((p) => p.cell)).toEqual(
    rows.map((r) => `学校!${column}${r}`),
  );
});

test("the same formulas in a workbook Excel calculated are their results, zeros and all", async () => {
  // unmarked; or marked, with a formula that has a result of its own (the web app's download of a workbook
  // Excel calculated is marked to be calculated on opening)
  for (const path of [
    await writeCounty("已计算.xlsx", false),
    await writeCounty("已计算后标记.xlsx", true, true),
  ]) {
    const json = JSON.parse((await run("evaluate", path, "--json")).stdout) as Json;
    expect(json.problems.map((p) => p.code)).not.toContain("formula-not-calculated");
  }
});
