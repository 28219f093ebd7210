import { TEMPLATE_COLUMNS } from "../../src/standard/columns";
import { templateHeaderRow } from "../../src/sheet/template";

export type RowSpec = Record<string, string | number | null>;

/** A row of the template (docs/school-table.md#columns column order) from values by column id; other cells blank. */
export function templateRow(spec: RowSpec): (string | number | null)[] {
  const unknown = Object.keys(spec).filter((id) => !TEMPLATE_COLUMNS.some((c) => c.id === id));
  if (unknown.length) throw new Error(`not template columns: ${unknown.join(", ")}`);
  return TEMPLATE_COLUMNS.map((c) => (c.id in spec ? spec[c.id] : null));
}

export const HEADER = templateHeaderRow();

/**
 * A primary school meeting all seven indicators (docs/standard.md#indicators): 500 students; 25 qualified (5.0 ≥ 4.2), 6 key
 * (1.2 ≥ 1.0), 5 PE/art (1.0 ≥ 0.9) teachers; 2,500 m² (5.0 ≥ 4.5); 4,000 m² (8.0 ≥ 7.5); 120 万元 (2,400 元 ≥
 * 2,000); 13 rooms (2.6 ≥ 2.3).
 */
export const PRIMARY_PASS: RowSpec = {
  name: "第一小学",
  type: "小学",
  locale: "城区",
  primaryStudents: 500,
  primaryQualifiedTeachers: 25,
  primaryKeyTeachers: 6,
  primaryPeArtTeachers: 5,
  teachingArea: 2500,
  sportsArea: 4000,
  equipmentValue: 120,
  multimediaRooms: 13,
};

/**
 * A nine-year school, 400 primary + 300 junior: facilities apportioned 400 : 1.1 × 300 (docs/standard.md#apportioning), so the
 * primary share is 400/730 and the junior share 330/730. Both sections meet all seven indicators.
 */
export const NINE_YEAR_PASS: RowSpec = {
  name: "九年一贯制学校",
  type: "九年一贯制学校",
  primaryStudents: 400,
  juniorStudents: 300,
  primaryQualifiedTeachers: 20, // 5.0
  primaryKeyTeachers: 5, // 1.25
  primaryPeArtTeachers: 4, // 1.0
  juniorQualifiedTeachers: 18, // 6.0 ≥ 5.3
  juniorKeyTeachers: 4, // 1.33
  juniorPeArtTeachers: 3, // 1.0
  teachingArea: 4000, // primary 5.48, junior 6.03 ≥ 5.8
  sportsArea: 7000, // primary 9.59, junior 10.55 ≥ 10.2
  equipmentValue: 170, // primary 2,329 元, junior 2,562 元 ≥ 2,500
  multimediaRooms: 18, // primary 2.47, junior 2.71
};
