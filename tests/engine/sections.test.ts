import {
  apportioningShares,
  buildSections,
  evaluate,
  indicatorValue,
  type SchoolRecord,
} from "../../src/engine";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { goodPrimary, profileWith, school } from "./helpers";
import { LEVEL_BIT, levelSetOfType } from "../../src/engine/sections";
import { SECTIONS_OF_TYPE, type SchoolType } from "../../src/engine/records";

const P = NATIONAL_2017;

describe("apportioning shared facilities — docs/standard.md#apportioning", () => {
  test("worked example: 166 primary + 210 junior share 23,226 → 9,711.6 / 13,514.4", () => {
    const record = school({
      type: "nineYear",
      students: { primary: 166, junior: 210 },
      facilities: { teachingArea: 23226 },
    });
    const [primary, junior] = buildSections([record], P);
    expect(primary.level).toBe("primary");
    expect(junior.level).toBe("junior");
    // 23,226 / (166 + 1.1 × 210) = 58.50 per weighted student; the published shares are rounded to 0.1
    expect(primary.facilityShare! * 23226).toBeCloseTo(166 * 58.5, -1);
    expect(primary.amounts.teachingArea).toBeCloseTo(9711.6, 1);
    expect(junior.amounts.teachingArea).toBeCloseTo(13514.4, 1);
    expect(primary.amounts.teachingArea + junior.amounts.teachingArea).toBeCloseTo(23226, 9);
  });

  test("九年一贯制: primary A/(A+1.1B), junior 1.1B/(A+1.1B)", () => {
    const shares = apportioningShares(
      school({ type: "nineYear", students: { primary: 300, junior: 200 } }),
      P,
    );
    expect(shares.primary).toBeCloseTo(300 / 520, 12);
    expect(shares.junior).toBeCloseTo(220 / 520, 12);
  });

  test("十二年一贯制: primary A/(A+1.1B+1.32C), junior 1.1B/(A+1.1B+1.32C); the senior part is out of scope", () => {
    const record = school({
      type: "twelveYear",
      students: { primary: 400, junior: 300, senior: 250 },
      facilities: { sportsArea: 10000, equipmentValue: 5e6, multimediaRooms: 30, teachingArea: 8000 },
    });
    const total = 400 + 1.1 * 300 + 1.32 * 250;
    const shares = apportioningShares(record, P);
    expect(shares.primary).toBeCloseTo(400 / total, 12);
    expect(shares.junior).toBeCloseTo(330 / total, 12);
    const sections = buildSections([record], P);
    expect(sections.map((s) => s.level)).toEqual(["primary", "junior"]);
    expect(sections[0].amounts.sportsArea).toBeCloseTo((10000 * 400) / total, 9);
    expect(sections[1].amounts.multimediaRooms).toBeCloseTo((30 * 330) / total, 9);
  });

  test("完全中学: only its junior section, share B/(B+1.2C)", () => {
    const record = school({
      type: "complete",
      students: { junior: 600, senior: 500 },
      facilities: { teachingArea: 12000 },
      teachers: { junior: { qualifiedTeachers: 40 } },
    });
    const sections = buildSections([record], P);
    expect(sections).toHaveLength(1);
    expect(sections[0].level).toBe("junior");
    expect(sections[0].facilityShare).toBeCloseTo(600 / 1200, 12);
    expect(sections[0].amounts.teachingArea).toBeCloseTo(6000, 9);
    // teachers per section as the statistics report them: not apportioned
    expect(sections[0].amounts.qualifiedTeachers).toBe(40);
  });

  test("weights come from the profile", () => {
    const profile = profileWith((p) => {
      p.apportioning.nineYear.junior = 1;
    });
    const shares = apportioningShares(
      school({ type: "nineYear", students: { primary: 100, junior: 100 } }),
      profile,
    );
    expect(shares.primary).toBeCloseTo(0.5, 12);
  });

  test("single-level schools keep all their facilities (share 1)", () => {
    const [s] = buildSections([goodPrimary("甲小学", 200)], P);
    expect(s.facilityShare).toBe(1);
    expect(s.amounts.teachingArea).toBe(1000);
  });

  test("teachers are taken per section, as reported", () => {
    const record = school({
      type: "nineYear",
      students: { primary: 100, junior: 100 },
      teachers: {
        primary: { qualifiedTeachers: 7, keyTeachers: 2 },
        junior: { qualifiedTeachers: 9, peArtTeachers: 3 },
      },
    });
    const [p, j] = buildSections([record], P);
    expect(p.amounts).toMatchObject({ qualifiedTeachers: 7, keyTeachers: 2, peArtTeachers: 0 });
    expect(j.amounts).toMatchObject({ qualifiedTeachers: 9, keyTeachers: 0, peArtTeachers: 3 });
  });

  test("facilities given per section are used as given, not apportioned", () => {
    const record = school({
      type: "nineYear",
      students: { primary: 166, junior: 210 },
      facilities: { teachingArea: 23226, sportsArea: 5000, equipmentValue: 1e6, multimediaRooms: 10 },
      sectionFacilities: {
        primary: { teachingArea: 1000, sportsArea: 2000, equipmentValue: 300000, multimediaRooms: 4 },
        junior: { teachingArea: 1500, sportsArea: 2500, equipmentValue: 600000, multimediaRooms: 6 },
      },
    });
    const [p, j] = buildSections([record], P);
    expect(p.facilityShare).toBeNull();
    expect(p.amounts).toMatchObject({
      teachingArea: 1000,
      sportsArea: 2000,
      equipmentValue: 300000,
      multimediaRooms: 4,
    });
    expect(j.amounts).toMatchObject({
      teachingArea: 1500,
      sportsArea: 2500,
      equipmentValue: 600000,
      multimediaRooms: 6,
    });
  });
});

describe("which sections count — docs/standard.md#scope", () => {
  const exclusionOf = (record: SchoolRecord, profile = P) =>
    buildSections([record], profile).map((s) => [s.level, s.included, s.exclusion]);

  test("special-education schools are excluded", () => {
    const record = school({ type: "special", students: { primary: 60, junior: 30 } });
    expect(exclusionOf(record)).toEqual([
      ["primary", false, "specialEducation"],
      ["junior", false, "specialEducation"],
    ]);
  });

  test("vocational schools are excluded", () => {
    expect(exclusionOf(school({ type: "vocational", students: { junior: 300 } }))).toEqual([
      ["junior", false, "vocational"],
    ]);
  });

  test("teaching points under 50 students are excluded; at 50 and above they count as primary schools", () => {
    expect(exclusionOf(school({ type: "teachingPoint", students: { primary: 49 } }))).toEqual([
      ["primary", false, "smallTeachingPoint"],
    ]);
    expect(exclusionOf(school({ type: "teachingPoint", students: { primary: 50 } }))).toEqual([
      ["primary", true, undefined],
    ]);
    expect(exclusionOf(school({ type: "teachingPoint", students: { primary: 120 } }))).toEqual([
      ["primary", true, undefined],
    ]);
  });

  test("the teaching-point minimum comes from the profile", () => {
    const profile = profileWith((p) => {
      p.exclusions.teachingPointMinStudents = 30;
    });
    expect(exclusionOf(school({ type: "teachingPoint", students: { primary: 40 } }), profile)).toEqual([
      ["primary", true, undefined],
    ]);
  });

  test("exclusions can be switched off by a profile", () => {
    const profile = profileWith((p) => {
      p.exclusions.specialEducation = false;
    });
    expect(exclusionOf(school({ type: "special", students: { primary: 60 } }), profile)).toEqual([
      ["primary", true, undefined],
    ]);
  });

  test("a section with 0 students is not part of its level", () => {
    const record = school({
      type: "nineYear",
      students: { primary: 300, junior: 0 },
      facilities: { teachingArea: 900 },
    });
    const [p, j] = buildSections([record], P);
    expect(j.included).toBe(false);
    expect(j.exclusion).toBe("noStudents");
    // the whole school's facilities go to the section that has pupils
    expect(p.amounts.teachingArea).toBe(900);
    const evaluation = evaluate([record], P);
    expect(evaluation.levels.junior.sections).toBe(0);
    expect(evaluation.levels.primary.sections).toBe(1);
  });

  test("teaching points ≥ 50 stay schools of their own by default (profile teachingPoints = ownSchool)", () => {
    const records = [
      goodPrimary("中心小学", 300),
      school({ name: "一号教学点", type: "teachingPoint", parent: "中心小学", students: { primary: 60 } }),
    ];
    const sections = buildSections(records, P);
    expect(sections.map((s) => s.school)).toEqual(["中心小学", "一号教学点"]);
  });

  test("profile option mergeIntoParent: every teaching point (small or not) is merged into its parent", () => {
    const profile = profileWith((p) => {
      p.teachingPoints = "mergeIntoParent";
    });
    const parent = goodPrimary("中心小学", 300);
    const records = [
      parent,
      school({
        name: "一号教学点",
        type: "teachingPoint",
        parent: "中心小学",
        students: { primary: 60 },
        teachers: { primary: { qualifiedTeachers: 3, keyTeachers: 1, peArtTeachers: 1 } },
        facilities: { teachingArea: 200, sportsArea: 300, equipmentValue: 50000, multimediaRooms: 1 },
      }),
      school({
        name: "二号教学点",
        type: "teachingPoint",
        parent: "中心小学",
        students: { primary: 20 },
        teachers: { primary: { qualifiedTeachers: 1 } },
        facilities: { teachingArea: 80, sportsArea: 100, equipmentValue: 10000, multimediaRooms: 1 },
      }),
      school({
        name: "三号教学点",
        type: "teachingPoint",
        parent: "不在表中的学校",
        students: { primary: 70 },
      }),
    ];
    const sections = buildSections(records, profile);
    expect(sections.map((s) => s.school)).toEqual(["中心小学", "三号教学点"]);
    const merged = sections[0];
    expect(merged.students).toBe(380);
    expect(merged.amounts.qualifiedTeachers).toBe(15 + 3 + 1);
    expect(merged.amounts.teachingArea).toBe(1500 + 200 + 80);
    expect(merged.amounts.equipmentValue).toBe(630000 + 50000 + 10000);
    expect(merged.amounts.multimediaRooms).toBe(9 + 1 + 1);
    // results still point at the parent's row
    expect(merged.recordIndex).toBe(0);
    // the input is not modified
    expect(parent.students.primary).toBe(300);
  });
});

describe("mergeIntoParent never drops a pupil (docs/standard.md#teaching-points, issue 13 item 7)", () => {
  const profile = profileWith((p) => {
    p.teachingPoints = "mergeIntoParent";
  });
  const point = (name: string, parent: string, primary: number) =>
    school({ name, type: "teachingPoint", parent, students: { primary } });
  const pupilsIn = (records: SchoolRecord[]) =>
    buildSections(records, profile).reduce((sum, s) => sum + s.students, 0);

  test("a parent spelt otherwise (zero-width space, full-width bracket) is the same school — docs/school-table.md#names", () => {
    const records = [
      goodPrimary("中心小学(东校区)", 300),
      point("一号教学点", "中心\u200b小学（东校区）", 60),
    ];
    const sections = buildSections(records, profile);
    expect(sections.map((s) => [s.school, s.students])).toEqual([["中心小学(东校区)", 360]]);
  });

  test.each<[string, SchoolRecord[]]>([
    [
      "a parent without a primary section (初中)",
      [school({ name: "一中", type: "junior", students: { junior: 400 } }), point("一号教学点", "一中", 30)],
    ],
    [
      "a parent that is a 完全中学",
      [
        school({ name: "完中", type: "complete", students: { junior: 400, senior: 300 } }),
        point("一号教学点", "完中", 30),
      ],
    ],
    ["the point as its own parent", [goodPrimary("中心小学", 300), point("一号教学点", "一号教学点", 30)]],
    [
      "two points each other's parent",
      [
        goodPrimary("中心小学", 300),
        point("一号教学点", "二号教学点", 30),
        point("二号教学点", "一号教学点", 20),
      ],
    ],
  ])("%s: the point stays a school of its own, its pupils in a section", (_, records) => {
    const pupils = records.reduce((sum, r) => sum + r.students.primary + r.students.junior, 0);
    expect(pupilsIn(records)).toBe(pupils);
    const points = records.filter((r) => r.type === "teachingPoint").map((r) => r.name);
    const schools = buildSections(records, profile).map((s) => s.school);
    for (const name of points) expect(schools).toContain(name);
  });

  test("a point whose parent has primary pupils joins it, and the pupils are counted once", () => {
    const records = [goodPrimary("中心小学", 300), point("一号教学点", "中心小学", 30)];
    expect(buildSections(records, profile).map((s) => [s.school, s.students])).toEqual([["中心小学", 330]]);
  });
});

describe("indoor sports rooms — docs/standard.md#indoor-sports profile option", () => {
  const record = school({
    students: { primary: 100 },
    facilities: { teachingArea: 600, sportsArea: 700 },
    indoorSportsArea: 100,
  });

  test("off by default: teaching area includes indoor sports rooms", () => {
    const [s] = buildSections([record], P);
    expect(s.amounts.teachingArea).toBe(600);
    expect(s.amounts.sportsArea).toBe(700);
  });

  test("on: teaching area = 教学及辅助用房 − 室内体育用房, and the indoor rooms are added to the sports area", () => {
    const profile = profileWith((p) => {
      p.indoorSportsMovesToSportsArea = true;
    });
    const [s] = buildSections([record], profile);
    expect(s.amounts.teachingArea).toBe(500);
    expect(s.amounts.sportsArea).toBe(800);
  });
});

describe("indicator values — docs/standard.md#indicators", () => {
  test("teachers and rooms per 100 students; areas and equipment per student", () => {
    expect(indicatorValue(P, "qualifiedTeachers", 21, 500)).toBeCloseTo(4.2, 12);
    expect(indicatorValue(P, "multimediaRooms", 12, 500)).toBeCloseTo(2.4, 12);
    expect(indicatorValue(P, "teachingArea", 2250, 500)).toBeCloseTo(4.5, 12);
    expect(indicatorValue(P, "equipmentValue", 1e6, 500)).toBe(2000);
    expect(indicatorValue(P, "teachingArea", 100, 0)).toBeNull();
  });
});

describe("mergeIntoParent with facilities given per section — docs/standard.md#apportioning", () => {
  test("a teaching point's facilities join the parent's primary section facilities", () => {
    const profile = profileWith((p) => {
      p.teachingPoints = "mergeIntoParent";
    });
    const parent = school({
      name: "中心学校",
      type: "nineYear",
      students: { primary: 200, junior: 100 },
      facilities: { teachingArea: 3000, sportsArea: 6000, equipmentValue: 8e5, multimediaRooms: 9 },
      sectionFacilities: {
        primary: { teachingArea: 1000, sportsArea: 2000, equipmentValue: 4e5, multimediaRooms: 5 },
        junior: { teachingArea: 2000, sportsArea: 4000, equipmentValue: 4e5, multimediaRooms: 4 },
      },
    });
    const point = school({
      name: "教学点",
      type: "teachingPoint",
      parent: "中心学校",
      students: { primary: 30 },
      facilities: { teachingArea: 150, sportsArea: 600, equipmentValue: 5e4, multimediaRooms: 1 },
    });
    const [p, j] = buildSections([parent, point], profile);
    expect(p.students).toBe(230);
    expect(p.amounts).toMatchObject({
      teachingArea: 1150,
      sportsArea: 2600,
      equipmentValue: 4.5e5,
      multimediaRooms: 6,
    });
    expect(j.amounts).toMatchObject({
      teachingArea: 2000,
      sportsArea: 4000,
      equipmentValue: 4e5,
      multimediaRooms: 4,
    });
  });
});

describe("levelSetOfType (docs/standard.md#scope)", () => {
  it("names, as bits, exactly the levels SECTIONS_OF_TYPE lists for every type", () => {
    for (const type of Object.keys(SECTIONS_OF_TYPE) as SchoolType[]) {
      const bits = levelSetOfType(type);
      const levels = (["primary", "junior"] as const).filter((level) => (bits & LEVEL_BIT[level]) !== 0);
      expect([type, levels]).toEqual([type, [...SECTIONS_OF_TYPE[type]]]);
    }
  });
});
