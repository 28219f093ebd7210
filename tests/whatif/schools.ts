import type { SchoolRecord } from "../../src/engine/records";

/** A primary school of `students` pupils meeting every standard at 500 (25 qualified teachers: 5 per 100). */
export function school(name: string, students: number): SchoolRecord {
  return {
    name,
    type: "primary",
    students: { primary: students, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: 25, keyTeachers: 6, peArtTeachers: 5 },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: { teachingArea: 2500, sportsArea: 4000, equipmentValue: 1_200_000, multimediaRooms: 13 },
  };
}
