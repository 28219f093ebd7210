import { readFormWorkbooks } from "../../src/sheet/recipe/forms";
import { JIAOJI_FORMS } from "../../src/sheet/recipe/load";
import { readSchoolTable } from "../../src/sheet/read";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { formSchools, formTemplateRows, formWorkbook } from "./formsFixture";
import { rounded, templateRecords, verdictOf } from "./helpers";

const read = (workbooks: ReturnType<typeof formWorkbook>[], county?: string) =>
  readFormWorkbooks(JIAOJI_FORMS, workbooks, { county, defaultUnit: "万元" }, (grid) =>
    readSchoolTable(grid, { profile: NATIONAL_2017 }),
  );

describe("the per-school 教基 form workbooks (docs/import.md#jiaoji-forms)", () => {
  const schools = formSchools();
  const workbooks = schools.map(formWorkbook);

  it("reads a folder of them as the same schools typed into the template", () => {
    const reading = read(workbooks);
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(formTemplateRows(schools));
    expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
    expect(rounded(reading.read.records.map((r) => r.classes))).toEqual(rounded(typed.map((r) => r.classes)));
  });

  it("finds a figure by its labels wherever the form puts it", () => {
    // the junior teachers' form has an extra row: 本科 stands a row lower than in the primary one
    const nine = workbooks[5];
    const primary = nine.grids.find((g) => g.sheet.startsWith("教基4155")) as { values: unknown[][] };
    const junior = nine.grids.find((g) => g.sheet.startsWith("教基4156")) as { values: unknown[][] };
    const rowOf = (values: unknown[][], label: string) => values.findIndex((r) => r[0] === label);
    expect(rowOf(junior.values, "本科毕业")).toBe(rowOf(primary.values, "本科毕业") + 1);
    const reading = read([nine]);
    const record = reading.read.records[0];
    const school = schools[5];
    expect(record.teachers.primary.qualifiedTeachers).toBe(
      school.primary?.education.slice(0, 4).reduce((a, b) => a + b, 0),
    );
    expect(record.teachers.junior.qualifiedTeachers).toBe(
      school.junior?.education.slice(0, 3).reduce((a, b) => a + b, 0),
    );
  });

  it("reads the forms without merged ranges, as a host that does not give them", () => {
    const plain = workbooks.map((w) => ({ ...w, grids: w.grids.map((g) => ({ ...g, merges: undefined })) }));
    const reading = read(plain);
    expect(reading.read.problems.filter((p) => p.severity === "error")).toEqual([]);
    const typed = templateRecords(formTemplateRows(schools));
    expect(rounded(verdictOf(reading.read.records))).toEqual(rounded(verdictOf(typed)));
  });

  it("names a workbook's cells in its problems", () => {
    const broken = formWorkbook(schools[0]);
    const conditions = broken.grids.find((g) => g.sheet.startsWith("教基5176"));
    const row = conditions?.values.find((r) => r[0] === "网络多媒体教室");
    if (row) row[3] = "十二";
    const reading = read([broken]);
    const problem = reading.read.problems.find((p) => p.code === "not-a-number");
    expect(problem?.cell).toBe(`[${broken.file}]教基5176_小学!D11`);
  });
});
