import type { SchoolRecord, SchoolType, SectionTeachers } from "../../src/engine";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";

/** Deep copy of the national profile with some fields changed. */
export function profileWith(patch: (p: Profile) => void): Profile {
  const copy = structuredClone(NATIONAL_2017);
  patch(copy);
  return copy;
}

type Partialish = {
  name?: string;
  type?: SchoolType;
  parent?: string;
  students?: Partial<SchoolRecord["students"]>;
  teachers?: { primary?: Partial<SectionTeachers>; junior?: Partial<SectionTeachers> };
  facilities?: Partial<SchoolRecord["facilities"]>;
  sectionFacilities?: SchoolRecord["sectionFacilities"];
  indoorSportsArea?: number;
};

/**
 * A single-level primary school of `students` pupils whose seven values sit exactly `factor` times the
 * national standard (docs/standard.md#indicators), unless overridden.
 */
export function school(fields: Partialish = {}): SchoolRecord {
  const students = { primary: 0, junior: 0, senior: 0, ...fields.students };
  const zero = { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 };
  return {
    name: fields.name ?? "学校",
    type: fields.type ?? "primary",
    parent: fields.parent,
    students,
    teachers: {
      primary: { ...zero, ...fields.teachers?.primary },
      junior: { ...zero, ...fields.teachers?.junior },
    },
    facilities: {
      teachingArea: 0,
      sportsArea: 0,
      equipmentValue: 0,
      multimediaRooms: 0,
      ...fields.facilities,
    },
    sectionFacilities: fields.sectionFacilities,
    indoorSportsArea: fields.indoorSportsArea,
  };
}

/**
 * A primary school of 100 pupils meeting every national primary standard with a little to spare:
 * 5 qualified, 2 key, 1 PE/art teacher, 500 m² teaching, 800 m² sports, 210,000 元, 3 rooms.
 */
export function goodPrimary(name: string, students = 100): SchoolRecord {
  const k = students / 100;
  return school({
    name,
    type: "primary",
    students: { primary: students },
    teachers: { primary: { qualifiedTeachers: 5 * k, keyTeachers: 2 * k, peArtTeachers: 1 * k } },
    facilities: {
      teachingArea: 500 * k,
      sportsArea: 800 * k,
      equipmentValue: 210000 * k,
      multimediaRooms: 3 * k,
    },
  });
}

/** A junior school of 100 pupils meeting every national junior standard. */
export function goodJunior(name: string, students = 100): SchoolRecord {
  const k = students / 100;
  return school({
    name,
    type: "junior",
    students: { junior: students },
    teachers: { junior: { qualifiedTeachers: 6 * k, keyTeachers: 2 * k, peArtTeachers: 1 * k } },
    facilities: {
      teachingArea: 600 * k,
      sportsArea: 1100 * k,
      equipmentValue: 260000 * k,
      multimediaRooms: 3 * k,
    },
  });
}
