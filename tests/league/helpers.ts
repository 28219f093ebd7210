/**
 * Counties for the league and comparison tests: generated from a seed (src/sample/random.ts), so that each is a
 * county the project has never seen, and written as the school-table template writes them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SchoolRecord, SchoolType } from "../../src/engine/records";
import { seededRandom } from "../../src/sample/random";
import { FACILITY_INDICATORS, TEACHER_INDICATORS, type Level } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { addCountySheet } from "../../src/xlsx/countyTemplate";
import { addSchoolTable, schoolTableWorkbook } from "../../src/xlsx/template";
import { newWorkbook, workbookBytes } from "../../src/xlsx/write";

const TYPES: SchoolType[] = ["primary", "primary", "primary", "junior", "nineYear", "teachingPoint"];

/** Amount of a resource giving `factor` × the standard for these students (whole numbers for people and rooms). */
function amount(
  id: (typeof TEACHER_INDICATORS)[number] | (typeof FACILITY_INDICATORS)[number],
  level: Level,
  students: number,
  factor: number,
): number {
  const def = NATIONAL_2017.indicators[id];
  const value = def.standard[level] * factor;
  const raw = def.scale === "per100" ? (value * students) / 100 : value * students;
  return def.integral ? Math.round(raw) : Math.round(raw * 100) / 100;
}

/** A county of `schools` schools, amounts between 0.7 and 1.8 times the standard, from a seed. */
export function randomCounty(seed: number, schools: number, prefix: string): SchoolRecord[] {
  const random = seededRandom(seed);
  const factor = () => 0.7 + random() * 1.1;
  const records: SchoolRecord[] = [];
  for (let i = 0; i < schools; i++) {
    const type = TYPES[Math.floor(random() * TYPES.length)];
    const students = {
      primary:
        type === "junior"
          ? 0
          : type === "teachingPoint"
            ? 50 + Math.floor(random() * 60)
            : 200 + Math.floor(random() * 1200),
      junior: type === "junior" || type === "nineYear" ? 150 + Math.floor(random() * 900) : 0,
      senior: 0,
    };
    const teachers = {
      primary: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    };
    for (const level of ["primary", "junior"] as const) {
      for (const id of TEACHER_INDICATORS) teachers[level][id] = amount(id, level, students[level], factor());
    }
    const all = students.primary + students.junior;
    const level: Level = students.junior > 0 ? "junior" : "primary";
    const facilities = { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 };
    for (const id of FACILITY_INDICATORS) facilities[id] = amount(id, level, all, factor());
    const kind =
      type === "junior"
        ? "中学"
        : type === "nineYear"
          ? "学校"
          : type === "teachingPoint"
            ? "教学点"
            : "小学";
    records.push({ name: `${prefix}第${i + 1}${kind}`, type, students, teachers, facilities });
  }
  return records;
}

/** Writes a school-table workbook of these records and returns its path. */
export async function writeCounty(
  dir: string,
  file: string,
  records: SchoolRecord[],
  title?: string,
): Promise<string> {
  const path = join(dir, file);
  writeFileSync(path, await schoolTableWorkbook({ records, title }));
  return path;
}

/** A workbook with the school table and a county sheet whose title row names `county`. */
export async function writeCountyWithSheet(
  dir: string,
  file: string,
  records: SchoolRecord[],
  county: string,
): Promise<string> {
  const workbook = newWorkbook();
  addSchoolTable(workbook, { records });
  const sheet = addCountySheet(workbook);
  sheet.getCell(1, 1).value = `${county} 县级指标（政府保障程度、教育质量、社会认可度、一票否决）`;
  const path = join(dir, file);
  writeFileSync(path, await workbookBytes(workbook));
  return path;
}

/**
 * Three counties the project has never seen, as a league receives them: one named by its file, one by a file with a
 * year and other words around the name, one by its county sheet only (县C.xlsx is 扎赉特旗). Paths in that order.
 */
export async function writeThreeCounties(dir: string): Promise<string[]> {
  return [
    await writeCounty(dir, "科右前旗-均衡评估.xlsx", randomCounty(1601, 14, "前旗")),
    await writeCounty(
      dir,
      "2025_乌兰浩特市_学校统计表.xlsx",
      randomCounty(1602, 18, "乌市"),
      "2025年学校统计表",
    ),
    await writeCountyWithSheet(dir, "县C.xlsx", randomCounty(1603, 10, "扎旗"), "扎赉特旗"),
  ];
}
