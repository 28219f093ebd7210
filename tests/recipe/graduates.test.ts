/**
 * An older statistics export gives graduates in one column, 研究生毕业, where newer ones split 博士研究生 and
 * 硕士研究生. The built-in recipe reads either: qualified teachers are 研究生 + 本科 + 专科 for primary and
 * 研究生 + 本科 for junior (docs/import.md#statistics-export, docs/standard.md#indicators).
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf, type ExportRow } from "./exportFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

describe("an export with one 研究生毕业 column", () => {
  // the doctors and masters of each row counted together in the one graduates' column
  const rows: ExportRow[] = leagueRows().map((r) => {
    const [doctor, master, ...rest] = r.education;
    return { ...r, education: [0, doctor + master, ...rest] as ExportRow["education"] };
  });
  // the column the newer export gives doctors in is another of the older export's (always 0 here)
  const sheet = exportSheet(rows, { rename: { 博士研究生: "博士后", 硕士研究生: "研究生毕业" } });

  it("reads the qualified teachers as the same schools typed into the template", () => {
    const read = readSchoolTable(
      { sheet: sheet.sheet, topLeft: "A1", values: sheet.values, merges: sheet.merges },
      { county: COUNTY_LISTED },
    );
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.problems.map((p) => p.code)).not.toContain("recipe-unmatched");
    const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
    expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
  });
});
