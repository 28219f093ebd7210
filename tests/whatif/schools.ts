import type { SchoolRecord } from "../../src/engine/records";
import type { Edit } from "../../src/engine/scenario";

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

/** The new school of docs/plans.md#edits: 600 pupils, 43 teachers, its buildings, ground, equipment and rooms. */
export const NEW_SCHOOL: Edit = {
  kind: "openSchool",
  record: {
    name: "新区第一小学",
    type: "primary",
    students: { primary: 600, junior: 0, senior: 0 },
    teachers: { primary: { qualifiedTeachers: 30, keyTeachers: 7, peArtTeachers: 6 }, junior: undefined },
    facilities: { teachingArea: 3000, sportsArea: 5000, equipmentValue: 1_500_000, multimediaRooms: 15 },
  },
};
