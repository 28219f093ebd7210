/** The plan views' tests' schools. */
import type { SchoolRecord } from "../../src/engine/records";
import { withoutResizeObserver } from "../taskpane/paneDom";
import { configure } from "@testing-library/react";

/** A primary school of 1,000 students, its key teachers and multimedia rooms given, the rest passing. */
export function school(name: string, key: number, rooms: number): SchoolRecord {
  return {
    name,
    type: "primary",
    students: { primary: 1000, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: 50, keyTeachers: key, peArtTeachers: 10 },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: { teachingArea: 5000, sportsArea: 8000, equipmentValue: 2_100_000, multimediaRooms: rooms },
  };
}

/** The plan views' tests' setup: no ResizeObserver in jsdom, hidden elements queried, patient waits. */
export function planViewTests(): void {
  withoutResizeObserver();
  configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
  jest.setTimeout(60000);
}
