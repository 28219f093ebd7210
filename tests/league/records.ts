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
