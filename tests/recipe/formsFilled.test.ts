/**
 * 教基 forms as a school fills them in by hand before they are collected (docs/import.md#jiaoji-forms): a figure
 * typed as text (" ３６ "), a dash for none, a content cell left blank beside its row code. Each is read as the
 * clerk meant it, or named; none makes the reader lose a whole column or read a row code as a value.
 */
import type { CellValue } from "../../src/sheet/grid";
import { readFormWorkbooks } from "../../src/sheet/recipe/forms";
import { JIAOJI_FORMS } from "../../src/sheet/recipe/load";
import { readSchoolTable } from "../../src/sheet/read";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { FORMS_COUNTY, formSchools, formWorkbook } from "./formsFixture";

const read = (workbooks: ReturnType<typeof formWorkbook>[], county?: string) =>
  readFormWorkbooks(JIAOJI_FORMS, workbooks, { county, defaultUnit: "万元" }, (grid) =>
    readSchoolTable(grid, { profile: NATIONAL_2017 }),
  );

/** The row of a form sheet whose first cell is the label. */
function formRow(workbook: ReturnType<typeof formWorkbook>, sheet: string, label: string): CellValue[] {
  const grid = workbook.grids.find((g) => g.sheet.startsWith(sheet));
  const row = grid?.values.find((r) => r[0] === label);
  if (!row) throw new Error(`${sheet} ${label}`);
  return row;
}

describe("a teachers' form with figures typed as text and dashes for none", () => {
  const schools = formSchools();
  const index = schools.findIndex((s) => s.type === "小学" && s.primary && s.primary.education[1] > 0);
  const school = schools[index];
  const workbook = formWorkbook(school);
  const [doctor, master, bachelor, college] = school.primary?.education ?? [0, 0, 0, 0];
  formRow(workbook, "教基4155", "博士研究生毕业")[2] = "-";
  formRow(workbook, "教基4155", "本科毕业")[2] =
    ` ${String(bachelor).replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} `;
  formRow(workbook, "教基4155", "专科毕业")[2] = String(college);

  it("reads every qualification row, the dash as none", () => {
    expect(doctor).toBe(0);
    const reading = read([workbook]);
    expect(reading.read.problems.filter((p) => p.code === "form-label-not-found")).toEqual([]);
    expect(reading.read.records[0].teachers.primary.qualifiedTeachers).toBe(master + bachelor + college);
  });
});

describe("a 教基1001 whose 统计三级 is left blank beside its row code", () => {
  const schools = formSchools();
  const workbooks = schools.map(formWorkbook);
  // a school of another county joins the folder, and one school's county is blank
  const other = formWorkbook({ ...schools[1], name: "科右前旗第九小学", county: "科右前旗" });
  const blank = workbooks[0];
  const countyRow = formRow(blank, "教基1001", "统计三级");
  const code = countyRow[1];
  countyRow[2] = null;

  it("is blank, not the row's code", () => {
    expect(typeof code).toBe("string");
    const reading = read([...workbooks, other]);
    expect(reading.counties).not.toContain(code);
    expect(reading.counties).toEqual(expect.arrayContaining([FORMS_COUNTY, "科右前旗"]));
    expect(reading.counties).toHaveLength(2);
  });

  it("is named by its content cell when one county is read", () => {
    const reading = read([...workbooks, other], FORMS_COUNTY);
    const problem = reading.read.problems.find((p) => p.code === "county-blank");
    const row = blank.grids[0].values.indexOf(countyRow) + 1;
    expect(problem?.cell).toBe(`[${blank.file}]${blank.grids[0].sheet}!C${row}`);
    expect(problem?.message.zh).toContain(schools[0].name);
  });
});

describe("areas derived from a form's decimals", () => {
  const schools = formSchools();
  const reading = read(schools.map(formWorkbook));
  const { table } = reading;
  const column = (id: string) => table.columnIds.indexOf(id);
  const tenth = (x: number) => Math.round(x * 10) / 10;

  it("are written as the clerk would write them, without binary noise (4484.7 − 503.8 is 3980.9)", () => {
    const rows = new Map(table.rows.map((row) => [row[column("name")], row]));
    for (const s of schools) {
      const row = rows.get(s.name);
      expect(row?.[column("teachingArea")]).toBe(tenth(s.teaching - s.indoor));
      expect(row?.[column("sportsArea")]).toBe(tenth(s.ground + s.indoor));
    }
  });
});

describe("a workbook whose school cannot be named", () => {
  const schools = formSchools();

  it("says that its 教基1001 sheet is missing, listing the sheets it has", () => {
    const workbook = formWorkbook(schools[0]);
    const without = { ...workbook, grids: workbook.grids.filter((g) => !g.sheet.startsWith("教基1001")) };
    const problems = read([without]).read.problems;
    const missing = problems.find((p) => p.code === "form-sheet-missing");
    expect(missing?.message.zh).toContain(workbook.file);
    expect(missing?.message.zh).toContain("教基1001");
    for (const g of without.grids) expect(missing?.message.zh).toContain(g.sheet);
  });

  it("says which label its 教基1001 lacks", () => {
    const workbook = formWorkbook(schools[0]);
    const row = formRow(workbook, "教基1001", "学校（机构）名称");
    row[0] = "单位全称";
    const problems = read([workbook]).read.problems;
    const notFound = problems.filter((p) => p.code === "form-label-not-found");
    expect(notFound.map((p) => p.message.zh).join()).toMatch(/教基1001[^›]*›学校[(（]机构[)）]名称/u);
    expect(notFound[0].message.zh).toContain(workbook.file);
  });
});

describe("an older teachers' form with one 研究生毕业 row", () => {
  const schools = formSchools();
  const school = schools.find((s) => s.type === "九年一贯制学校" && s.primary && s.junior) ?? schools[0];
  const workbook = formWorkbook(school);
  for (const sheet of ["教基4155", "教基4156"]) {
    const grid = workbook.grids.find((g) => g.sheet.startsWith(sheet));
    if (!grid) continue;
    const doctor = formRow(workbook, sheet, "博士研究生毕业");
    const master = formRow(workbook, sheet, "硕士研究生毕业");
    // the graduates' row counts doctors and masters; the doctors' row is not on the older form
    master[0] = "研究生毕业";
    master[2] = Number(doctor[2]) + Number(master[2]);
    grid.values.splice(grid.values.indexOf(doctor), 1, []);
  }

  it("reads qualified teachers as 研究生 + 本科 (+ 专科), without a label said missing", () => {
    const reading = read([workbook]);
    expect(reading.read.problems.filter((p) => p.code === "form-label-not-found")).toEqual([]);
    const record = reading.read.records[0];
    const [d, m, b, c] = school.primary?.education ?? [0, 0, 0, 0];
    expect(record.teachers.primary.qualifiedTeachers).toBe(d + m + b + c);
    if (school.junior) {
      const [jd, jm, jb] = school.junior.education;
      expect(record.teachers.junior.qualifiedTeachers).toBe(jd + jm + jb);
    }
  });
});

describe("a 教基1001 whose 统计三级 carries the county's division code", () => {
  const schools = formSchools();
  const workbooks = schools.map(formWorkbook);
  formRow(workbooks[0], "教基1001", "统计三级")[2] = `152221${FORMS_COUNTY}`;

  it("is the county by its name", () => {
    const reading = read(workbooks, FORMS_COUNTY);
    expect(reading.counties).toEqual([FORMS_COUNTY]);
    expect(reading.read.records.map((r) => r.name)).toContain(schools[0].name);
  });
});
