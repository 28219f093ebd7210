import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows, templateRowsOf } from "./exportFixture";
import { readExportSheet, rounded, templateRecords, verdictOf } from "./helpers";

describe("the statistics export read through the built-in recipe (docs/import.md#statistics-export)", () => {
  const rows = leagueRows();
  const sheet = exportSheet(rows);

  it.each([COUNTY_LISTED, COUNTY_UNLISTED])(
    "evaluates %s as the same schools typed into the template",
    (county) => {
      const reading = readExportSheet(sheet, { county });
      const errors = reading.read.problems.filter((p) => p.severity === "error");
      expect(errors).toEqual([]);
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
    },
  );

  it("asks which county when the table holds several", () => {
    const reading = readExportSheet(sheet);
    const problem = reading.read.problems.find((p) => p.code === "several-counties");
    expect(problem?.severity).toBe("error");
    expect(problem?.message.zh).toContain(COUNTY_LISTED);
    expect(problem?.message.zh).toContain(COUNTY_UNLISTED);
    expect(reading.counties).toEqual([COUNTY_LISTED, COUNTY_UNLISTED]);
    expect(reading.read.records).toEqual([]);
  });
});
