/**
 * Values read as they are, or refused (issue 13 item 5), from the file to the table: a date stored with t="d"
 * or a number in a date format in a count column is an error naming the cell, not 2024 pupils; a numeric cell
 * holding "1,500" is 1500, never 1; a formula never calculated in a count column is an error naming the cell,
 * not a blank. The reader gives the values; the school table decides (docs/school-table.md#types).
 */
import { evaluateTable } from "../../src/pipeline";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { columnLetters, type Grid } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { readWorkbook } from "../../src/xlsx/reader";
import { escapeXml, rawWorkbook, sheetData } from "./rawWorkbook";

const STUDENTS = TEMPLATE_COLUMNS.findIndex((c) => c.id === "primaryStudents");
const letters = columnLetters(STUDENTS);
/** xf 1: built-in date format 14 */
const STYLES = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';

/** The sample county's table as raw XML, with the cell of the first school's primary students replaced. */
function tableWith(studentsCell: (ref: string) => string): Uint8Array {
  const rows = [templateHeaderRow(), ...recordsToRows(sampleCountyRecords())];
  const xml = rows.map((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnLetters(c)}${r + 1}`;
      if (r === 1 && c === STUDENTS) return studentsCell(ref);
      if (value === null || value === "") return "";
      return typeof value === "number"
        ? `<c r="${ref}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(String(value))}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  return rawWorkbook({ sheets: [{ name: "学校", xml: sheetData(xml) }], styles: STYLES });
}

async function evaluated(bytes: Uint8Array) {
  const result = await readWorkbook(bytes);
  if (!result.ok) throw new Error(result.problem.message.en);
  const grid: Grid = result.grids[0];
  return evaluateTable(grid);
}

const cell = `学校!${letters}2`;

describe("values in a count column, from the file to the table", () => {
  test("the file's plain number is read (the control case)", async () => {
    const result = await evaluated(tableWith((ref) => `<c r="${ref}"><v>1452</v></c>`));
    expect(result.ok).toBe(true);
    expect(result.read.records[0].students.primary).toBe(1452);
  });

  test('an ISO date stored with t="d" is an error naming the cell, not 2024 pupils', async () => {
    const result = await evaluated(tableWith((ref) => `<c r="${ref}" t="d"><v>2024-09-01</v></c>`));
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toContain(cell);
  });

  test("a number formatted as a date is an error naming the cell, not 45536 pupils", async () => {
    const result = await evaluated(tableWith((ref) => `<c r="${ref}" s="1"><v>45536</v></c>`));
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toContain(cell);
  });

  test("<v>1,500</v> is 1500 pupils, never 1", async () => {
    const result = await evaluated(tableWith((ref) => `<c r="${ref}"><v>1,500</v></c>`));
    expect(result.ok).toBe(true);
    expect(result.read.records[0].students.primary).toBe(1500);
  });

  test("a formula never calculated is an error naming the cell, not a blank", async () => {
    const result = await evaluated(tableWith((ref) => `<c r="${ref}"><f>SUM(X2:Y2)</f></c>`));
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toContain(cell);
  });
});
