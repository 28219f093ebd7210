import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { columnLetters, type CellValue, type Grid } from "../../src/sheet/grid";
import type { Problem } from "../../src/problems/problem";
import { templateHeaderRow } from "../../src/sheet/template";

export type RowValues = Partial<Record<string, CellValue>>;

/** Column letter of a template column in a table that starts at column A. */
export function letter(id: string): string {
  const index = TEMPLATE_COLUMNS.findIndex((c) => c.id === id);
  if (index < 0) throw new Error(`not a template column: ${id}`);
  return columnLetters(index);
}

/** One data row in template order. */
export function templateRow(values: RowValues): CellValue[] {
  return TEMPLATE_COLUMNS.map((c) => (c.id in values ? (values[c.id] as CellValue) : null));
}

/** A sheet named 学校 holding the template header and the rows (header in row 1, data from row 2). */
export function templateGrid(
  rows: RowValues[],
  options: { above?: CellValue[][]; header?: string[] } = {},
): Grid {
  return {
    sheet: "学校",
    topLeft: "A1",
    values: [...(options.above ?? []), options.header ?? templateHeaderRow(), ...rows.map(templateRow)],
  };
}

export const PRIMARY: RowValues = {
  name: "城关第一小学",
  type: "小学",
  locale: "城区",
  primaryStudents: 600,
  primaryClasses: 14,
  primaryQualifiedTeachers: 30,
  primaryKeyTeachers: 8,
  primaryPeArtTeachers: 6,
  teachingArea: 3000,
  sportsArea: 5000,
  equipmentValue: 150,
  multimediaRooms: 15,
};

export const JUNIOR: RowValues = {
  name: "城关中学",
  type: "初中",
  locale: "城区",
  juniorStudents: 800,
  juniorQualifiedTeachers: 50,
  juniorKeyTeachers: 10,
  juniorPeArtTeachers: 8,
  teachingArea: 5200,
  sportsArea: 9000,
  equipmentValue: 260.5,
  multimediaRooms: 20,
};

export const NINE_YEAR: RowValues = {
  name: "白音胡硕学校",
  type: "九年一贯制学校",
  locale: "乡村",
  primaryStudents: 166,
  juniorStudents: 210,
  primaryQualifiedTeachers: 12,
  juniorQualifiedTeachers: 15,
  primaryKeyTeachers: 3,
  juniorKeyTeachers: 3,
  primaryPeArtTeachers: 2,
  juniorPeArtTeachers: 3,
  teachingArea: 2100,
  sportsArea: 4000,
  equipmentValue: 90,
  multimediaRooms: 9,
};

export const TEACHING_POINT: RowValues = {
  name: "哈拉黑教学点",
  type: "教学点",
  locale: "乡村",
  parent: "城关第一小学",
  primaryStudents: 24,
  primaryQualifiedTeachers: 3,
  primaryKeyTeachers: 0,
  primaryPeArtTeachers: 1,
  teachingArea: 180,
  sportsArea: 600,
  equipmentValue: 6,
  multimediaRooms: 1,
};

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

export function findProblem(problems: readonly Problem[], code: string): Problem | undefined {
  return problems.find((p) => p.code === code);
}

export function errors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}
