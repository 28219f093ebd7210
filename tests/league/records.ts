/** Small hand-made counties whose results are known by construction. */
import type { SchoolRecord } from "../../src/engine/records";
import { INDICATOR_IDS, type IndicatorId } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";

/**
 * A primary school of `students` whose every indicator is `factor` × its standard (1.2 by default), or the
 * factor given for that indicator.
 */
export function primarySchool(
  name: string,
  students: number,
  factors: Partial<Record<IndicatorId, number>> = {},
): SchoolRecord {
  const value = (id: IndicatorId) => NATIONAL_2017.indicators[id].standard.primary * (factors[id] ?? 1.2);
  const per100 = (id: IndicatorId) => (value(id) * students) / 100;
  const record: SchoolRecord = {
    name,
    type: "primary",
    students: { primary: students, junior: 0, senior: 0 },
    teachers: {
      primary: {
        qualifiedTeachers: per100("qualifiedTeachers"),
        keyTeachers: per100("keyTeachers"),
        peArtTeachers: per100("peArtTeachers"),
      },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: {
      teachingArea: value("teachingArea") * students,
      sportsArea: value("sportsArea") * students,
      equipmentValue: value("equipmentValue") * students,
      multimediaRooms: per100("multimediaRooms"),
    },
  };
  return record;
}

export const ALL_MET = Object.fromEntries(INDICATOR_IDS.map((id) => [id, 1.2])) as Record<
  IndicatorId,
  number
>;

/** Teachers and rooms in whole numbers, as a county reports them. */
export function whole(records: SchoolRecord[]): SchoolRecord[] {
  for (const r of records) {
    for (const level of ["primary", "junior"] as const) {
      const t = r.teachers[level];
      t.qualifiedTeachers = Math.round(t.qualifiedTeachers);
      t.keyTeachers = Math.round(t.keyTeachers);
      t.peArtTeachers = Math.round(t.peArtTeachers);
    }
    r.facilities.multimediaRooms = Math.round(r.facilities.multimediaRooms);
  }
  return records;
}

/**
 * Two years of one county with a known regression (docs/standard.md#league-plan): in 2026 甲 has half the qualified
 * teachers of the standard (it falls below it, and no longer passes); 乙's sports ground grows to 6 × the standard,
 * taking the primary sports coefficient over its limit (per student 9, 45, 9, 9, 9: X̄ = 16.2, S = 14.4, CV 0.8889);
 * 丁小学 is renamed 丁镇中心小学; 戊 closes; 己 opens.
 */
export function twoYearsWithRegression(): { 2025: SchoolRecord[]; 2026: SchoolRecord[] } {
  return {
    2025: whole([
      primarySchool("甲小学", 500),
      primarySchool("乙小学", 500),
      primarySchool("丙小学", 500),
      primarySchool("丁小学", 500),
      primarySchool("戊小学", 500),
    ]),
    2026: whole([
      primarySchool("甲小学", 500, { qualifiedTeachers: 0.5 }),
      primarySchool("乙小学", 500, { sportsArea: 6 }),
      primarySchool("丙小学", 500),
      primarySchool("丁镇中心小学", 500),
      primarySchool("己小学", 500),
    ]),
  };
}
