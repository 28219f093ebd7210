/**
 * The county's columns (`countyTable`): what each section has of each resource, read once from the school
 * records. Expected figures are worked by hand from the rules: docs/standard.md#combined-schools,
 * docs/standard.md#apportioning, docs/standard.md#indoor-sports, docs/standard.md#teaching-points,
 * docs/standard.md#scope.
 */
import {
  buildSections,
  countyTable,
  evaluate,
  evaluateColumns,
  failingSections,
  type CountyTable,
  type SchoolRecord,
} from "../../src/engine";
import { INDICATOR_IDS, type IndicatorId, type Level } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { generateCounty } from "../plan/county";
import { profileWith, school } from "./helpers";

const FACILITIES = {
  teachingArea: 3970,
  sportsArea: 7940,
  equipmentValue: 794000,
  multimediaRooms: 397,
};

/** The row of `name`'s section of `level`, read back from the columns as plain numbers. */
function rowOf(table: CountyTable, name: string, level: Level) {
  const columns = table.levels[level];
  for (let row = 0; row < columns.count; row++) {
    const school = columns.schools[columns.recordIndex[row]] as SchoolRecord;
    if (school.name !== name) continue;
    const amounts = {} as Record<IndicatorId, number>;
    INDICATOR_IDS.forEach((id, x) => (amounts[id] = columns.amounts[x][row]));
    const share = columns.facilityShare[row];
    return {
      recordIndex: columns.recordIndex[row],
      students: columns.students[row],
      exclusion: columns.exclusion[row],
      facilityShare: Number.isNaN(share) ? null : share,
      amounts,
    };
  }
  return undefined;
}

describe("countyTable — combined schools, apportioned (docs/standard.md#apportioning)", () => {
  // the standard's worked example: 166 primary and 210 junior pupils, 166 + 1.1 × 210 = 397 weighted pupils
  const nineYear = school({
    name: "九年一贯",
    type: "nineYear",
    students: { primary: 166, junior: 210 },
    teachers: { primary: { qualifiedTeachers: 9 }, junior: { qualifiedTeachers: 14, keyTeachers: 3 } },
    facilities: FACILITIES,
  });
  // 100 + 1.1 × 100 + 1.32 × 100 = 342 weighted pupils; the senior section takes 132/342 and is not a section
  const twelveYear = school({
    name: "十二年一贯",
    type: "twelveYear",
    students: { primary: 100, junior: 100, senior: 100 },
    facilities: { teachingArea: 3420, sportsArea: 6840, equipmentValue: 342000, multimediaRooms: 342 },
  });
  // junior 1 : senior 1.2 → 200 ÷ (200 + 1.2 × 100) = 200/320 = 0.625
  const complete = school({
    name: "完全中学",
    type: "complete",
    students: { junior: 200, senior: 100 },
    facilities: { teachingArea: 3200, sportsArea: 6400, equipmentValue: 320000, multimediaRooms: 32 },
  });
  const table = countyTable([nineYear, twelveYear, complete], NATIONAL_2017);

  test("a nine-year school's sections share its facilities 166 : 231", () => {
    const primary = rowOf(table, "九年一贯", "primary");
    const junior = rowOf(table, "九年一贯", "junior");
    expect(primary?.facilityShare).toBeCloseTo(166 / 397, 12);
    expect(junior?.facilityShare).toBeCloseTo(231 / 397, 12);
    // 3970 m² × 166/397 = 1660 m²; × 231/397 = 2310 m²; and so on for each facility
    expect(primary?.amounts.teachingArea).toBeCloseTo(1660, 9);
    expect(junior?.amounts.teachingArea).toBeCloseTo(2310, 9);
    expect(primary?.amounts.sportsArea).toBeCloseTo(3320, 9);
    expect(junior?.amounts.equipmentValue).toBeCloseTo(462000, 6);
    expect(primary?.amounts.multimediaRooms).toBeCloseTo(166, 9);
  });

  test("teachers are taken per section as reported, not apportioned", () => {
    expect(rowOf(table, "九年一贯", "primary")?.amounts).toMatchObject({
      qualifiedTeachers: 9,
      keyTeachers: 0,
    });
    expect(rowOf(table, "九年一贯", "junior")?.amounts).toMatchObject({
      qualifiedTeachers: 14,
      keyTeachers: 3,
    });
    expect(rowOf(table, "九年一贯", "primary")?.students).toBe(166);
    expect(rowOf(table, "九年一贯", "junior")?.students).toBe(210);
  });

  test("a twelve-year school's senior pupils take their share and no section", () => {
    // 3420 × 100/342 = 1000 m² primary, 3420 × 110/342 = 1100 m² junior
    expect(rowOf(table, "十二年一贯", "primary")?.amounts.teachingArea).toBeCloseTo(1000, 9);
    expect(rowOf(table, "十二年一贯", "junior")?.amounts.teachingArea).toBeCloseTo(1100, 9);
    expect(rowOf(table, "十二年一贯", "junior")?.amounts.multimediaRooms).toBeCloseTo(110, 9);
  });

  test("a complete secondary school has a junior section only, of 5/8 of the facilities", () => {
    expect(rowOf(table, "完全中学", "primary")).toBeUndefined();
    const junior = rowOf(table, "完全中学", "junior");
    expect(junior?.facilityShare).toBeCloseTo(0.625, 12);
    expect(junior?.amounts.teachingArea).toBeCloseTo(2000, 9);
    expect(junior?.amounts.multimediaRooms).toBeCloseTo(20, 9);
  });

  test("sections are listed by record, a school's primary section before its junior one", () => {
    expect(table.levels.primary.count).toBe(2);
    expect(table.levels.junior.count).toBe(3);
    // n-th section: its level's index (primary 0, junior 1) + 2 × its row in that level
    expect(Array.from(table.order)).toEqual([0, 1, 2, 3, 5]);
  });
});

describe("countyTable — facilities given per section (docs/standard.md#apportioning)", () => {
  const given = school({
    name: "分学段填报",
    type: "nineYear",
    students: { primary: 166, junior: 210 },
    facilities: FACILITIES,
    sectionFacilities: {
      primary: { teachingArea: 1200, sportsArea: 2500, equipmentValue: 300000, multimediaRooms: 7 },
      junior: { teachingArea: 2770, sportsArea: 5440, equipmentValue: 494000, multimediaRooms: 11 },
    },
  });

  test("are taken as given, with no share", () => {
    const table = countyTable([given], NATIONAL_2017);
    expect(rowOf(table, "分学段填报", "primary")).toMatchObject({
      facilityShare: null,
      amounts: { teachingArea: 1200, sportsArea: 2500, equipmentValue: 300000, multimediaRooms: 7 },
    });
    expect(rowOf(table, "分学段填报", "junior")).toMatchObject({
      facilityShare: null,
      amounts: { teachingArea: 2770, sportsArea: 5440, equipmentValue: 494000, multimediaRooms: 11 },
    });
  });
});

describe("countyTable — indoor sports rooms (docs/standard.md#indoor-sports)", () => {
  const records = [
    school({
      name: "有室内体育用房",
      students: { primary: 500 },
      facilities: { teachingArea: 5000, sportsArea: 8000 },
      indoorSportsArea: 600,
    }),
    school({
      name: "一贯制有室内体育用房",
      type: "nineYear",
      students: { primary: 166, junior: 210 },
      facilities: { teachingArea: 4367, sportsArea: 7543 },
      indoorSportsArea: 397,
    }),
    school({
      name: "未填",
      students: { primary: 500 },
      facilities: { teachingArea: 5000, sportsArea: 8000 },
    }),
  ];
  const moving = profileWith((p) => (p.indoorSportsMovesToSportsArea = true));

  test("off (the default): the figures stay as the table gives them", () => {
    const table = countyTable(records, NATIONAL_2017);
    expect(rowOf(table, "有室内体育用房", "primary")?.amounts).toMatchObject({
      teachingArea: 5000,
      sportsArea: 8000,
    });
  });

  test("on: moved from the teaching area to the sports area, before apportioning", () => {
    const table = countyTable(records, moving);
    expect(rowOf(table, "有室内体育用房", "primary")?.amounts).toMatchObject({
      teachingArea: 4400,
      sportsArea: 8600,
    });
    // (4367 − 397) × 166/397 = 3970 × 166/397 = 1660; (7543 + 397) × 231/397 = 7940 × 231/397 = 4620
    const primary = rowOf(table, "一贯制有室内体育用房", "primary");
    const junior = rowOf(table, "一贯制有室内体育用房", "junior");
    expect(primary?.amounts.teachingArea).toBeCloseTo(1660, 9);
    expect(junior?.amounts.sportsArea).toBeCloseTo(4620, 9);
    // a school that leaves the cell blank is unchanged
    expect(rowOf(table, "未填", "primary")?.amounts).toMatchObject({ teachingArea: 5000, sportsArea: 8000 });
  });
});

describe("countyTable — teaching points (docs/standard.md#teaching-points)", () => {
  const records = [
    school({
      name: "中心校",
      students: { primary: 300 },
      teachers: { primary: { qualifiedTeachers: 15, keyTeachers: 4, peArtTeachers: 3 } },
      facilities: { teachingArea: 1500, sportsArea: 2400, equipmentValue: 600000, multimediaRooms: 9 },
    }),
    school({
      name: "甲教学点",
      type: "teachingPoint",
      parent: "中心校",
      students: { primary: 40 },
      teachers: { primary: { qualifiedTeachers: 3, keyTeachers: 0, peArtTeachers: 1 } },
      facilities: { teachingArea: 200, sportsArea: 600, equipmentValue: 50000, multimediaRooms: 1 },
    }),
    school({
      name: "乙教学点",
      type: "teachingPoint",
      parent: "不在表中的学校",
      students: { primary: 60 },
    }),
  ];

  test("own schools (the default): a point under 50 pupils is excluded, one of 50 or more counts", () => {
    const table = countyTable(records, NATIONAL_2017);
    expect(table.levels.primary.count).toBe(3);
    // exclusion codes: 0 included, else 1 + the reason's index (specialEducation, vocational, smallTeachingPoint, noStudents)
    expect(rowOf(table, "甲教学点", "primary")?.exclusion).toBe(3);
    expect(rowOf(table, "乙教学点", "primary")?.exclusion).toBe(0);
    expect(rowOf(table, "中心校", "primary")?.students).toBe(300);
  });

  test("merged: the point's pupils, teachers and facilities join its parent's primary section", () => {
    const table = countyTable(
      records,
      profileWith((p) => (p.teachingPoints = "mergeIntoParent")),
    );
    expect(table.levels.primary.count).toBe(2);
    expect(rowOf(table, "甲教学点", "primary")).toBeUndefined();
    expect(rowOf(table, "中心校", "primary")).toMatchObject({
      recordIndex: 0,
      students: 340,
      exclusion: 0,
      facilityShare: 1,
      amounts: {
        qualifiedTeachers: 18,
        keyTeachers: 4,
        peArtTeachers: 4,
        teachingArea: 1700,
        sportsArea: 3000,
        equipmentValue: 650000,
        multimediaRooms: 10,
      },
    });
    // a point whose parent is not in the table stays a school of its own, at its own record index
    expect(rowOf(table, "乙教学点", "primary")).toMatchObject({ recordIndex: 2, students: 60, exclusion: 0 });
  });
});

describe("countyTable — excluded sections (docs/standard.md#scope)", () => {
  const records = [
    school({ name: "特教", type: "special", students: { primary: 30, junior: 20 } }),
    school({ name: "职校", type: "vocational", students: { junior: 400 } }),
    school({ name: "49人教学点", type: "teachingPoint", students: { primary: 49 } }),
    school({ name: "50人教学点", type: "teachingPoint", students: { primary: 50 } }),
    school({ name: "空初中部", type: "nineYear", students: { primary: 120, junior: 0 } }),
  ];

  test("each with its reason, still listed", () => {
    const table = countyTable(records, NATIONAL_2017);
    expect(rowOf(table, "特教", "primary")?.exclusion).toBe(1);
    expect(rowOf(table, "特教", "junior")?.exclusion).toBe(1);
    expect(rowOf(table, "职校", "junior")?.exclusion).toBe(2);
    expect(rowOf(table, "49人教学点", "primary")?.exclusion).toBe(3);
    expect(rowOf(table, "50人教学点", "primary")?.exclusion).toBe(0);
    expect(rowOf(table, "空初中部", "primary")?.exclusion).toBe(0);
    expect(rowOf(table, "空初中部", "junior")?.exclusion).toBe(4);
    const sections = buildSections(records, NATIONAL_2017);
    expect(sections.map((s) => [s.school, s.level, s.exclusion ?? null])).toEqual([
      ["特教", "primary", "specialEducation"],
      ["特教", "junior", "specialEducation"],
      ["职校", "junior", "vocational"],
      ["49人教学点", "primary", "smallTeachingPoint"],
      ["50人教学点", "primary", null],
      ["空初中部", "primary", null],
      ["空初中部", "junior", "noStudents"],
    ]);
  });

  test("where the profile counts special-education and vocational schools, they are included", () => {
    const counting: Profile = profileWith((p) => {
      p.exclusions.specialEducation = false;
      p.exclusions.vocational = false;
    });
    const table = countyTable(records, counting);
    expect(rowOf(table, "特教", "primary")?.exclusion).toBe(0);
    expect(rowOf(table, "职校", "junior")?.exclusion).toBe(0);
  });
});

describe("evaluateColumns — the columns judged", () => {
  test("judging columns built in advance gives what evaluate gives from the records", () => {
    const records = [
      school({
        name: "甲",
        type: "nineYear",
        students: { primary: 166, junior: 210 },
        teachers: { primary: { qualifiedTeachers: 9 }, junior: { qualifiedTeachers: 14 } },
        facilities: FACILITIES,
      }),
      school({ name: "乙", students: { primary: 420 }, facilities: { teachingArea: 2100 } }),
    ];
    const table = countyTable(records, NATIONAL_2017);
    const fromColumns = evaluateColumns(table);
    const fromRecords = evaluate(records, NATIONAL_2017);
    expect(fromColumns.levels).toEqual(fromRecords.levels);
    expect(fromColumns.sections).toEqual(fromRecords.sections);
    // 甲's primary section: 1660 m² for 166 pupils, 10 m² each
    expect(fromColumns.sections[0].values.teachingArea).toBeCloseTo(10, 12);
  });

  test("each section asked for later agrees with what the judging found of it", () => {
    const records = generateCounty(300, 5);
    const table = countyTable(records, NATIONAL_2017);
    const evaluation = evaluateColumns(table);
    const { levels, order } = evaluation.columns;
    let passing = 0;
    evaluation.sections.forEach((section, n) => {
      const columns = levels[section.level];
      const row = order[n] >> 1;
      expect(section.pass).toBe(columns.pass[row] === 1);
      expect(section.students).toBe(table.levels[section.level].students[row]);
      if (section.pass) passing++;
    });
    expect(passing).toBe(
      levels.primary.pass.reduce((a, b) => a + b, 0) + levels.junior.pass.reduce((a, b) => a + b, 0),
    );
    expect(passing).toBe(
      evaluation.levels.primary.passingSections + evaluation.levels.junior.passingSections,
    );
  });

  test("a county read and judged in blocks gives, bit for bit, what its whole columns give", () => {
    // past several blocks of each level, so that blocks end inside combined schools and teaching points
    const records = generateCounty(9000, 11);
    const whole = evaluateColumns(countyTable(records, NATIONAL_2017));
    const inBlocks = evaluate(records, NATIONAL_2017);
    expect(whole.columns.levels.primary.count).toBeGreaterThan(3 * 2048);
    expect(whole.columns.levels.junior.count).toBeGreaterThan(2048);
    expect(inBlocks.levels).toEqual(whole.levels);
    expect(inBlocks.columns.order).toEqual(whole.columns.order);
    for (const level of ["primary", "junior"] as const) {
      // the columns read in blocks have room for a section of the level in every school: compare their rows
      const blocks = inBlocks.columns.levels[level];
      const { count, pass, exclusion, recordIndex } = whole.columns.levels[level];
      expect(blocks.count).toBe(count);
      expect(blocks.pass.subarray(0, count)).toEqual(pass);
      expect(blocks.exclusion.subarray(0, count)).toEqual(exclusion);
      expect(blocks.recordIndex.subarray(0, count)).toEqual(recordIndex);
    }
    expect(failingSections(inBlocks)).toEqual(failingSections(whole));
  });

  test.each([
    ["primary schools first", ["primary", "teachingPoint"], ["junior", "complete"]],
    ["junior schools first", ["junior", "complete"], ["primary", "teachingPoint"]],
  ])(
    "blocks of schools with no section of one level are read and judged as the whole columns (%s)",
    (_, first, then) => {
      const generated = generateCounty(18000, 23);
      const ofTypes = (types: string[]) => generated.filter((s) => types.includes(s.type));
      const leading = ofTypes(first);
      const following = ofTypes(then);
      // more than two blocks of schools (evaluate.ts BLOCK_ROWS) with sections of one level only
      expect(leading.length).toBeGreaterThan(2 * 2048);
      expect(following.length).toBeGreaterThan(0);
      const records = [...leading, ...following];
      const whole = evaluateColumns(countyTable(records, NATIONAL_2017));
      const inBlocks = evaluate(records, NATIONAL_2017);
      expect(inBlocks.levels).toEqual(whole.levels);
      expect(inBlocks.columns.order).toEqual(whole.columns.order);
      // every school has one section, of the level of its type
      const primaryTypes = ["primary", "teachingPoint"];
      const primaries = records.filter((s) => primaryTypes.includes(s.type)).length;
      expect(inBlocks.columns.levels.primary.count).toBe(primaries);
      expect(inBlocks.columns.levels.junior.count).toBe(records.length - primaries);
      expect(inBlocks.sections.map((s) => s.recordIndex)).toEqual(records.map((_, i) => i));
      expect(failingSections(inBlocks)).toEqual(failingSections(whole));
    },
  );
});
