/**
 * An export whose header has four levels: a 其中 row between 专任教师 and 按学历分 / 按授课课程分
 * (专任教师›其中›按学历分›本科), the other columns' labels merged down over the extra row, as some provinces'
 * exports print it. Every level is read: the 专任教师 above the qualifications is what the recipe's paths need, so a
 * header read as its last three levels lost the teachers and took the fourth row and the unit row for schools.
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, leagueRows, exportSheet, templateRowsOf, type ExportSheet } from "./exportFixture";
import { gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The export with a 其中 row inserted under its first header row, over the teachers' two groups. */
function withQizhongLevel(sheet: ExportSheet): ExportSheet {
  const unitRow = sheet.dataRows[0] - 1;
  const top = unitRow - 3;
  const inserted = top + 1;
  const teachers = sheet.columns.filter((c) => c.path[0] === "专任教师" && c.path.length === 3);
  const left = Math.min(...teachers.map((c) => c.index));
  const right = Math.max(...teachers.map((c) => c.index));
  const width = sheet.values[top].length;
  const extra: (string | number | null)[] = new Array<null>(width).fill(null);
  extra[left] = "其中";
  const merges = sheet.merges.map((m) => {
    if (m.top > top) {
      // 专任教师›合计, merged down from the second level, now starts on the inserted row
      const down = m.top === top + 1 && m.bottom === top + 2 && (m.right < left || m.left > right);
      return { ...m, top: down ? inserted : m.top + 1, bottom: m.bottom + 1 };
    }
    if (m.top === top && m.left >= 0 && m.bottom >= top) {
      const teachersGroup = m.left < left && m.right >= right;
      return teachersGroup ? m : { ...m, bottom: m.bottom + 1 };
    }
    return m;
  });
  merges.push({ top: inserted, left, bottom: inserted, right });
  const values = [...sheet.values.slice(0, inserted), extra, ...sheet.values.slice(inserted)];
  return { ...sheet, values, merges, dataRows: sheet.dataRows.map((r) => r + 1) };
}

describe("a header of four levels (专任教师›其中›按学历分›本科)", () => {
  const rows = leagueRows();
  const sheet = withQizhongLevel(exportSheet(rows));
  const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));

  it("reads every level and the schools' figures as a clerk typed them", () => {
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.recipe?.id).toBe("statistics-export");
    const first = sheet.dataRows[0] - 5;
    expect(read.header?.rows).toEqual([first, first + 1, first + 2, first + 3]);
    expect(read.records.map((r) => r.name)).toEqual(typed.map((r) => r.name));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("takes the row under the fourth level as the unit row, not as a school", () => {
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    expect(read.header?.unitRow).toBe(sheet.dataRows[0] - 1);
    expect(read.problems.filter((p) => p.code === "county-blank")).toEqual([]);
  });
});
