/**
 * One school's sections read on their own, into a reader kept from school to school (`sectionsOfSchool`, what
 * the BALANCE functions read each row with), against the county's reading of the same school alone
 * (`buildSections([school])`, whose figures tests/engine/countyTable.test.ts checks by hand): every shape of school
 * of the trust generators (combined schools, facilities given per section, indoor sports, teaching points,
 * exclusions), under profiles that merge teaching points or not and move indoor sports or not.
 */
import fc from "fast-check";
import { buildSections, schoolSectionReader, sectionsOfSchool, type SchoolRecord } from "../../src/engine";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { profileArb, recordsArb } from "../trust/generators";
import { profileWith, school } from "./helpers";

const MERGING = profileWith((p) => {
  p.teachingPoints = "mergeIntoParent";
  p.indoorSportsMovesToSportsArea = true;
});

describe("sectionsOfSchool", () => {
  test("reads each school as the county reads it alone, whatever was read before", () => {
    fc.assert(
      fc.property(
        recordsArb(20),
        fc.oneof(fc.constant(NATIONAL_2017), fc.constant(MERGING), profileArb),
        (records: SchoolRecord[], profile: Profile) => {
          const reader = schoolSectionReader(profile);
          // in order and then back: a school read after any other gives the same sections
          for (const record of [...records, ...[...records].reverse()])
            expect(sectionsOfSchool(reader, record)).toEqual(buildSections([record], profile));
        },
      ),
      { numRuns: 200, seed: 21 },
    );
  });

  test("sections already given back keep their figures when the reader reads the next school", () => {
    const reader = schoolSectionReader(NATIONAL_2017);
    const first = sectionsOfSchool(
      reader,
      school({ name: "甲", type: "nineYear", students: { primary: 166, junior: 210 } }),
    );
    const before = structuredClone(first);
    sectionsOfSchool(reader, school({ name: "乙", type: "junior", students: { junior: 999 } }));
    expect(first).toEqual(before);
    expect(first.map((s) => [s.school, s.level, s.students])).toEqual([
      ["甲", "primary", 166],
      ["甲", "junior", 210],
    ]);
  });

  test("a teaching point on its own is read as it is, even where the profile merges teaching points", () => {
    const reader = schoolSectionReader(MERGING);
    const point = school({
      name: "某教学点",
      type: "teachingPoint",
      parent: "某小学",
      students: { primary: 30 },
    });
    const sections = sectionsOfSchool(reader, point);
    expect(sections.map((s) => [s.school, s.level, s.students])).toEqual([["某教学点", "primary", 30]]);
  });
});
