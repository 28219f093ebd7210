/**
 * An export or a 教基 teachers' form without a column for 艺术 (the combined arts course some years' forms and
 * some provinces' exports do not list): the PE and art teachers are 体育与健康 + 音乐 + 美术, never left unread
 * (docs/import.md#statistics-export).
 */
import type { Grid, MergedRange } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { readFormWorkbooks } from "../../src/sheet/recipe/forms";
import { JIAOJI_FORMS } from "../../src/sheet/recipe/load";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { COUNTY_LISTED, exportSheet, leagueRows, templateRowsOf, type ExportRow } from "./exportFixture";
import { formSchools, formTemplateRows, formWorkbook } from "./formsFixture";
import { WITH_AND_WITHOUT_MERGES, gridOf, rounded, templateRecords, verdictOf } from "./helpers";

/** The grid without its column `col`: the cells right of it move left, merged ranges over it narrow. */
function withoutColumn<G extends { values: unknown[][]; merges?: MergedRange[] | null }>(
  grid: G,
  col: number,
): G {
  const merges = grid.merges
    ?.filter((m) => !(m.left === col && m.right === col))
    .map((m) => ({
      ...m,
      left: m.left > col ? m.left - 1 : m.left,
      right: m.right >= col ? m.right - 1 : m.right,
    }));
  return { ...grid, values: grid.values.map((row) => row.filter((_, c) => c !== col)), merges };
}

describe("an export without a 艺术 column", () => {
  // no school teaches 艺术 where the export has no column for it
  const rows: ExportRow[] = leagueRows().map((r) => ({
    ...r,
    courses: [r.courses[0], r.courses[1], r.courses[2], 0],
  }));
  const sheet = exportSheet(rows);
  const arts = sheet.columns.find((c) => c.path[c.path.length - 1] === "艺术");
  if (!arts) throw new Error("艺术");
  const trimmed = withoutColumn(sheet, arts.index);

  it.each(WITH_AND_WITHOUT_MERGES)(
    "reads PE and art teachers as 体育与健康 + 音乐 + 美术, %s",
    (_what, merges) => {
      const read = readSchoolTable(gridOf(trimmed, merges), { county: COUNTY_LISTED });
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.problems.map((p) => p.code)).not.toContain("recipe-unmatched");
      const typed = templateRecords(templateRowsOf(rows, COUNTY_LISTED));
      expect(rounded(verdictOf(read.records))).toEqual(rounded(verdictOf(typed)));
      const fields = read.recipe?.fields.filter((f) => f.field.endsWith("PeArtTeachers"));
      expect(fields?.map((f) => f.text)).toEqual([
        "按授课课程分›体育与健康 + 音乐 + 美术",
        "按授课课程分›体育与健康 + 音乐 + 美术",
      ]);
    },
  );

  it("still adds 艺术 where the export has the column", () => {
    const read = readSchoolTable(gridOf(sheet), { county: COUNTY_LISTED });
    const fields = read.recipe?.fields.filter((f) => f.field.endsWith("PeArtTeachers"));
    expect(fields?.map((f) => f.text)).toEqual([
      "按授课课程分›体育与健康 + 音乐 + 美术 + 艺术",
      "按授课课程分›体育与健康 + 音乐 + 美术 + 艺术",
    ]);
  });
});

describe("教基 teachers' forms without a 艺术 column", () => {
  const schools = formSchools().map((s) => ({
    ...s,
    ...(s.primary ? { primary: { ...s.primary, arts: [...s.primary.arts.slice(0, 3), 0] } } : {}),
    ...(s.junior ? { junior: { ...s.junior, arts: [...s.junior.arts.slice(0, 3), 0] } } : {}),
  })) as ReturnType<typeof formSchools>;
  const workbooks = schools.map(formWorkbook).map((w) => ({
    ...w,
    grids: w.grids.map((g): Grid => {
      if (!/^教基415[56]/u.test(g.sheet)) return g;
      const values = g.values as unknown[][];
      const col = values.findIndex((row) => row.includes("艺术"));
      return withoutColumn(g as Grid & { values: unknown[][] }, values[col].indexOf("艺术"));
    }),
  }));

  it("reads PE and art teachers as 体育与健康 + 音乐 + 美术", () => {
    const reading = readFormWorkbooks(JIAOJI_FORMS, workbooks, { defaultUnit: "万元" }, (grid) =>
      readSchoolTable(grid, { profile: NATIONAL_2017 }),
    );
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(reading.read.problems.map((p) => p.code)).not.toContain("form-label-not-found");
    const typed = templateRecords(formTemplateRows(schools));
    expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
  });
});
