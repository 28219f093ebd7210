/**
 * A cell of the export several fields read — 本科 counts towards both the primary and the junior qualified teachers
 * — is one problem to fix, naming every use, not one per field: a clerk counting "4 个错误" should find 4 cells.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { columnLetters } from "../../src/sheet/grid";
import { COUNTY_LISTED, columnOf, exportSheet, leagueRows } from "./exportFixture";
import { gridOf } from "./helpers";

const rows = leagueRows();
const at = rows.findIndex((r) => r.county === COUNTY_LISTED && r.type === "小学" && r.counted === "是");
const bachelor = "专任教师›按学历分›本科";

function readWith(value: string | number) {
  const sheet = exportSheet(rows);
  const r = sheet.dataRows[at];
  const c = columnOf(sheet, bachelor);
  sheet.values[r][c] = value;
  const cell = `${sheet.sheet}!${columnLetters(c)}${r + 1}`;
  return { cell, problems: readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED }).problems };
}

describe("a source cell read for several fields is reported once (docs/import.md#problems)", () => {
  it.each([
    ["a number typed with its unit", "12 人", "not-a-number", "应为数字，而填的是“12 人”"],
    ["a negative number", -3, "negative-number", "为负数（-3）"],
    ["a fraction of a person", 2.5, "fractional-count", "为 2.5，人数和间数应为整数"],
  ])("%s: one error at the cell, naming both uses", (_what, value, code, said) => {
    const { cell, problems } = readWith(value);
    const atCell = problems.filter((p) => p.cell === cell);
    expect(atCell.map((p) => [p.severity, p.code])).toEqual([["error", code]]);
    const { zh, en } = atCell[0].message;
    expect(zh).toContain(`${cell}“${bachelor}”${said}`);
    expect(zh).toMatch(/（用于 小学高于规定学历教师数 = [^；]+；初中高于规定学历教师数 = [^）]+）。$/u);
    expect(en).toMatch(/\(used in [^;]+; [^)]+\)\.$/u);
  });

  it("a cell one field reads keeps its one use", () => {
    const sheet = exportSheet(rows);
    const r = sheet.dataRows[at];
    const c = columnOf(sheet, "专任教师›按学历分›专科");
    sheet.values[r][c] = "4 人";
    const cell = `${sheet.sheet}!${columnLetters(c)}${r + 1}`;
    const atCell = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED }).problems.filter(
      (p) => p.cell === cell,
    );
    expect(atCell.map((p) => p.message.zh)).toEqual([
      `${cell}“专任教师›按学历分›专科”应为数字，而填的是“4 人”（用于 小学高于规定学历教师数 = 按学历分›博士研究生 + 硕士研究生 + 本科 + 专科）。`,
    ]);
  });
});
