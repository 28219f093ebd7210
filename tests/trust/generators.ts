/**
 * fast-check generators shared by the trust tests: school records shaped like real county returns (amounts
 * scattered around the standard so that both passing and failing sections occur often) and raw grids of any
 * cells a host may hand the reader.
 */
import fc from "fast-check";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import {
  FACILITY_INDICATORS,
  LEVELS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type Level,
} from "../../src/standard/indicators";
import { SCHOOL_TYPES, SECTIONS_OF_TYPE, type SchoolRecord, type SchoolType } from "../../src/engine/records";
import type { CellValue, Grid, MergedRange } from "../../src/sheet/grid";

/** How far an amount sits from what the standard asks: exactly at the thresholds often, anywhere else too. */
export const factorArb = fc.oneof(
  { arbitrary: fc.double({ min: 1, max: 2, noNaN: true, noDefaultInfinity: true }), weight: 5 },
  { arbitrary: fc.constantFrom(0, 0.85, 1, 1.2), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 2.5, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

const enrolmentArb = fc.oneof(fc.constantFrom(0, 1, 49, 50), fc.integer({ min: 0, max: 3000 }));

/** One school's shape before its name is known. */
const schoolShapeArb = fc.record({
  type: fc.constantFrom<SchoolType>(...SCHOOL_TYPES),
  students: fc.record({ primary: enrolmentArb, junior: enrolmentArb, senior: enrolmentArb }),
  teacherFactors: fc.array(factorArb, { minLength: 6, maxLength: 6 }),
  facilityFactors: fc.array(factorArb, { minLength: 4, maxLength: 4 }),
  perSection: fc.boolean(),
  indoorSports: fc.option(fc.double({ min: 0, max: 3000, noNaN: true, noDefaultInfinity: true }), {
    nil: undefined,
  }),
  parentPick: fc.integer({ min: -2, max: 40 }),
});

function round(x: number, integral: boolean): number {
  return integral ? Math.round(x) : x;
}

function amountFor(
  profile: Profile,
  id: FacilityIndicatorId | (typeof TEACHER_INDICATORS)[number],
  level: Level,
  students: number,
  factor: number,
): number {
  const def = profile.indicators[id];
  const value = def.standard[level] * factor;
  const amount = def.scale === "per100" ? (value * students) / 100 : value * students;
  return round(amount, def.integral);
}

/** Records of a county of 1 to `maxSchools` schools with unique names. */
export function recordsArb(maxSchools = 12, profile: Profile = NATIONAL_2017): fc.Arbitrary<SchoolRecord[]> {
  return fc.array(schoolShapeArb, { minLength: 1, maxLength: maxSchools }).map((shapes) =>
    shapes.map((shape, index): SchoolRecord => {
      const levels = SECTIONS_OF_TYPE[shape.type];
      const students = {
        primary: levels.includes("primary") ? shape.students.primary : 0,
        junior: levels.includes("junior") ? shape.students.junior : 0,
        senior: shape.type === "twelveYear" || shape.type === "complete" ? shape.students.senior : 0,
      };
      const teachers = {
        primary: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
        junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
      };
      LEVELS.forEach((level, li) =>
        TEACHER_INDICATORS.forEach((id, ti) => {
          teachers[level][id] = amountFor(
            profile,
            id,
            level,
            students[level],
            shape.teacherFactors[li * 3 + ti],
          );
        }),
      );
      const all = students.primary + students.junior + students.senior;
      const facilities = { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 };
      FACILITY_INDICATORS.forEach((id, fi) => {
        facilities[id] = amountFor(profile, id, "junior", all, shape.facilityFactors[fi]);
      });
      const record: SchoolRecord = {
        name: `学校${index + 1}`,
        type: shape.type,
        students,
        teachers,
        facilities,
      };
      if (shape.perSection && levels.length > 1) {
        record.sectionFacilities = {};
        for (const level of levels) {
          const given = { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 };
          FACILITY_INDICATORS.forEach((id, fi) => {
            given[id] = amountFor(profile, id, level, students[level], shape.facilityFactors[fi]);
          });
          record.sectionFacilities[level] = given;
        }
      }
      // the reader refuses an indoor sports area larger than the teaching area it is part of
      // (indoor-sports-exceeds-teaching), so no county it reads has one
      if (shape.indoorSports !== undefined)
        record.indoorSportsArea = Math.min(shape.indoorSports, facilities.teachingArea);
      if (shape.type === "teachingPoint" && shape.parentPick !== -2) {
        record.parent = shape.parentPick === -1 ? "不存在的中心校" : `学校${shape.parentPick + 1}`;
      }
      return record;
    }),
  );
}

/** The national profile and the variants provinces use (teaching points merged, indoor sports moved). */
export const profileArb: fc.Arbitrary<Profile> = fc
  .record({ merge: fc.boolean(), indoor: fc.boolean() })
  .map(({ merge, indoor }) => ({
    ...NATIONAL_2017,
    teachingPoints: merge ? "mergeIntoParent" : "ownSchool",
    indoorSportsMovesToSportsArea: indoor,
  }));

/** Any cell a host could hand over: CJK and full-width text, numbers of every kind, dates, errors. */
export const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "学校名称",
    "学校类型",
    "小学在校生数",
    "初中在校生数",
    "教学仪器设备值（万元）",
    "教学仪器设备值（元）",
    "九年一贯制学校",
    "教学点",
    "小学",
    "合计",
    "１２３",
    "1,234",
    "1，234",
    " 45 ",
    "-3",
    "2.5",
    "\uFEFF学校名称",
    "学校\u200B名称",
    "#N/A",
    "=SUM(A1:A3)",
    // what statistics exports and raw XML values hold: totals mid-table, units, separators, notes
    "城区学校合计",
    "城区小计",
    "总计",
    "注：",
    "人",
    "㎡",
    "（元）",
    "单位：万元",
    "1,500",
    "1,50",
    "1.500,00",
    "1e308",
  ),
  fc.integer({ min: -5, max: 5000 }),
  fc.double(),
  fc.constantFrom(1e15, 1e16, 1e305, 1e308, Number.MAX_VALUE, 5e-324),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#VALUE!" }, { error: "#REF!" }),
  fc.constantFrom<CellValue>({ formula: "SUM(D2:D9)" }, { formula: "" }),
);

/** A merged range somewhere in the first rows and columns (0-based, inclusive). */
const mergeArb: fc.Arbitrary<MergedRange> = fc
  .record({
    top: fc.nat({ max: 6 }),
    left: fc.nat({ max: 20 }),
    height: fc.nat({ max: 3 }),
    width: fc.nat({ max: 6 }),
  })
  .map(({ top, left, height, width }) => ({ top, left, bottom: top + height, right: left + width }));

/**
 * Ragged grids of any cells, sometimes starting with a plausible header row so the reader goes deep; with holes
 * (rows and cells a file never held), a stray cell far away, hidden rows and columns, merged ranges.
 */
export const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    withHeader: fc.boolean(),
    rows: fc.array(fc.array(cellArb, { maxLength: 30 }), { maxLength: 15 }),
    sheet: fc.constantFrom("学校", "Sheet 1", "O'Brien's", "表 1（2024）", "A1", "TRUE", "R1C1"),
    topLeft: fc.constantFrom("A1", "B3", "AA10"),
    hidden: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
    hiddenColumns: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    merges: fc.option(fc.array(mergeArb, { maxLength: 6 }), { nil: undefined }),
    holes: fc.array(fc.nat({ max: 16 }), { maxLength: 3 }),
    stray: fc.option(
      fc.record({
        row: fc.integer({ min: 20, max: 1_048_575 }),
        col: fc.nat({ max: 16_383 }),
        value: cellArb,
      }),
      { nil: undefined },
    ),
  })
  .map(({ withHeader, rows, sheet, topLeft, hidden, hiddenColumns, merges, holes, stray }) => {
    const values: CellValue[][] = withHeader ? [templateLikeHeader(), ...rows] : rows;
    for (const r of holes) if (r < values.length) delete values[r];
    if (stray) {
      const row: CellValue[] = [];
      row[stray.col] = stray.value;
      values[stray.row] = row;
    }
    return {
      sheet,
      topLeft,
      values,
      hiddenRows: hidden,
      hiddenColumns,
      ...(merges ? { merges } : {}),
    };
  });

/** A header row as the template writes it (headers with units), without importing the reader. */
function templateLikeHeader(): CellValue[] {
  return [
    "学校名称",
    "学校类型",
    "城乡类型",
    "所属学校",
    "小学在校生数",
    "初中在校生数",
    "高中在校生数",
    "小学班级数",
    "初中班级数",
    "小学高于规定学历教师数",
    "初中高于规定学历教师数",
    "小学县级以上骨干教师数",
    "初中县级以上骨干教师数",
    "小学体育艺术专任教师数",
    "初中体育艺术专任教师数",
    "教学及辅助用房面积（㎡）",
    "体育运动场馆面积（㎡）",
    "教学仪器设备值（万元）",
    "网络多媒体教室数（间）",
  ];
}
