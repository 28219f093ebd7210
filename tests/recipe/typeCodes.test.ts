/**
 * 办学类型 given with the statistics' school-type code (GB/T 33782-2017), alone or beside the name
 * (docs/import.md#statistics-export): the schools read are those typed into the template.
 */
import { columnLetters, type Grid } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { STATISTICS_EXPORT } from "../../src/sheet/recipe/load";
import { planTable, typeOfWord } from "../../src/sheet/recipe/table";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  columnOf,
  exportSheet,
  leagueRows,
  templateRowsOf,
} from "./exportFixture";
import { rounded, templateRecords, verdictOf, withColumnRewritten } from "./helpers";

const rows = leagueRows();
const base = exportSheet(rows);
const TYPE = columnOf(base, "办学类型");
const types = planTable(STATISTICS_EXPORT, base.columns)!.types;

/** The export with each 办学类型 cell rewritten. */
const coded = (write: Readonly<Record<string, string>>): Grid =>
  withColumnRewritten(base, TYPE, (v) => write[v] ?? v);

describe("办学类型 with its code", () => {
  it.each([
    ["211", "primary"],
    ["211小学", "primary"],
    ["211-小学", "primary"],
    ["218", "teachingPoint"],
    ["218 小学教学点", "teachingPoint"],
    ["九年一贯制学校（312）", "nineYear"],
    ["345十二年一贯制学校", "twelveYear"],
    ["341", "complete"],
    ["311：初级中学", "junior"],
    ["511特殊教育学校", "special"],
    ["342高级中学", null],
    ["111", null],
  ])("reads %s as %s", (text, type) => {
    expect(typeOfWord(text, types)).toBe(type);
  });

  it.each(["211初级中学", "999", "312九年一贯制学校（311）"])("does not guess %s", (text) => {
    expect(typeOfWord(text, types)).toBeUndefined();
  });

  it("reads an export whose types are codes as the same schools typed into the template", () => {
    const grid = coded({
      小学: "211",
      教学点: "218",
      初级中学: "311初级中学",
      九年一贯制学校: "312",
      十二年一贯制学校: "345",
      完全中学: "341完全中学",
      特殊教育学校: "特殊教育学校",
      高级中学: "342",
    });
    for (const county of [COUNTY_LISTED, COUNTY_UNLISTED]) {
      const read = readSchoolTable(grid, { county });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      const typed = templateRecords(templateRowsOf(rows, county));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
    }
  });

  it("names the cell of a code and a name that disagree", () => {
    const read = readSchoolTable(coded({ 初级中学: "211初级中学" }), { county: COUNTY_LISTED });
    const first = base.dataRows.find((r) => base.values[r][TYPE] === "初级中学")!;
    const problem = read.problems.find((p) => p.code === "unknown-school-type");
    expect(problem?.severity).toBe("error");
    expect(problem?.cell).toBe(`${base.sheet}!${columnLetters(TYPE)}${first + 1}`);
  });
});
