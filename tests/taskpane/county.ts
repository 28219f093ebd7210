import type { CellValue } from "../../src/sheet/grid";
import { TEMPLATE_COLUMNS, templateHeader } from "../../src/standard/columns";

type Row = Record<string, CellValue>;

const base = (name: string, type: string): Row => ({ name, type, locale: "镇区" });

/** A primary school meeting every standard comfortably at `students` pupils. */
export function goodPrimary(name: string, students: number): Row {
  return {
    ...base(name, "小学"),
    primaryStudents: students,
    primaryClasses: Math.ceil(students / 40),
    primaryQualifiedTeachers: Math.ceil(students * 0.06),
    primaryKeyTeachers: Math.ceil(students * 0.015),
    primaryPeArtTeachers: Math.ceil(students * 0.012),
    teachingArea: students * 6,
    sportsArea: students * 9,
    // 万元
    equipmentValue: (students * 2600) / 10000,
    multimediaRooms: Math.ceil(students * 0.03),
  };
}

/** A small county: three sound primary schools and one short of several standards. */
export function smallCounty(): Row[] {
  return [
    goodPrimary("白狼县第一小学", 600),
    goodPrimary("白狼县第二小学", 480),
    goodPrimary("白狼县第三小学", 520),
    {
      ...goodPrimary("白狼县林场小学", 300),
      primaryQualifiedTeachers: 8,
      teachingArea: 900,
      sportsArea: 1200,
    },
  ];
}

/** The rows as a sheet with the template's headers; `rename` replaces a column's header text. */
export function tableOf(rows: Row[], rename: Record<string, string> = {}): CellValue[][] {
  const header = TEMPLATE_COLUMNS.map((c) => rename[c.id] ?? templateHeader(c));
  return [header, ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c.id] ?? null))];
}
