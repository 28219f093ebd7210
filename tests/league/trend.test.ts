/**
 * Year-over-year comparison (src/engine/trend.ts, docs/standard.md#league-plan): schools matched by name through
 * renames and mergers, status changes with regressions first, coefficients crossing their limit, and the linear
 * projection, on counties whose changes are made by hand.
 */
import { evaluate } from "../../src/engine";
import {
  compareYears,
  linearProjection,
  renameMapSchema,
  renameResolver,
  type TrendYear,
} from "../../src/engine/trend";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { primarySchool } from "./records";

const year = (y: number | null, records: SchoolRecord[], label = String(y)): TrendYear => ({
  year: y,
  label,
  evaluation: evaluate(records, NATIONAL_2017),
});

const before = () => [
  primarySchool("甲小学", 500),
  primarySchool("乙小学", 500),
  primarySchool("丙小学", 500),
  primarySchool("丁小学", 500),
];

/** 甲 loses its qualified teachers (below 85 %: the section fails); 乙 builds 5× the sports ground of the others. */
const after = () => [
  primarySchool("甲小学", 500, { qualifiedTeachers: 0.5 }),
  primarySchool("乙小学", 500, { sportsArea: 6 }),
  primarySchool("丙小学", 500),
  primarySchool("丁小学", 500),
];

describe("compareYears", () => {
  const trend = compareYears([year(2025, before()), year(2026, after())], { targetYear: 2028 });

  test("a school falling below a standard is a regression of the section and of the indicator", () => {
    expect(trend.sections[0]).toMatchObject({
      school: "甲小学",
      level: "primary",
      yearBefore: "2025",
      yearAfter: "2026",
      before: "pass",
      after: "fail",
    });
    expect(trend.sections[0].changes).toEqual([
      {
        indicator: "qualifiedTeachers",
        before: 4.2 * 1.2,
        after: 4.2 * 0.5,
        statusBefore: "met",
        statusAfter: "unmet",
        regression: true,
        direction: "worse",
      },
    ]);
    expect(trend.regressions).toContainEqual({
      kind: "section",
      school: "甲小学",
      level: "primary",
      yearBefore: "2025",
      yearAfter: "2026",
      before: "pass",
      after: "fail",
    });
    expect(trend.regressions).toContainEqual(
      expect.objectContaining({
        kind: "indicator",
        school: "甲小学",
        indicator: "qualifiedTeachers",
        statusAfter: "unmet",
      }),
    );
  });

  test("a coefficient crossing its limit is a regression, and `crossed` says up", () => {
    // sports area per student 9, 45, 9, 9 → X̄ = 18, S = √243, CV ≈ 0.866 > 0.50; the year before all were equal
    const sports = trend.coefficients.find((c) => c.level === "primary" && c.indicator === "sportsArea")!;
    expect(sports.values[0]).toBeCloseTo(0, 12);
    expect(sports.values[1]).toBeCloseTo(Math.sqrt(243) / 18, 10);
    expect(sports).toMatchObject({ limit: 0.5, crossed: "up", pass: [true, false] });
    expect(trend.regressions).toContainEqual(
      expect.objectContaining({ kind: "coefficient", level: "primary", indicator: "sportsArea", limit: 0.5 }),
    );
    const others = trend.coefficients.filter((c) => c !== sports);
    expect(others.every((c) => c.crossed === null)).toBe(true);
  });

  test("乙 improving an indicator already met is no status change; nothing else changed", () => {
    expect(trend.sections.map((s) => s.school)).toEqual(["甲小学"]);
    expect(trend.schools).toEqual({ added: [], removed: [], renamed: [], respelled: [], merged: [] });
  });

  test("the projection is a straight line through the years, labelled as one", () => {
    const p = trend.projection!;
    expect(p).toMatchObject({
      kind: "projection",
      method: "linear",
      targetYear: 2028,
      fromYears: [2025, 2026],
    });
    const sports = p.coefficients.find((c) => c.level === "primary" && c.indicator === "sportsArea")!;
    const [a, b] = trend.coefficients.find(
      (c) => c.level === "primary" && c.indicator === "sportsArea",
    )!.values;
    expect(sports.value).toBeCloseTo(a! + (b! - a!) * 3, 10);
    expect(sports.pass).toBe(false);
    // a level without sections has no coefficient to extend
    expect(p.coefficients.find((c) => c.level === "junior")!.value).toBeNull();
  });

  test("no projection without known years, or when the target year is not after the last", () => {
    expect(
      compareYears([year(null, before(), "a"), year(null, after(), "b")], { targetYear: 2028 }).projection,
    ).toBeNull();
    expect(
      compareYears([year(2025, before()), year(2026, after())], { targetYear: 2026 }).projection,
    ).toBeNull();
    expect(compareYears([year(2025, before()), year(2026, after())]).projection).toBeNull();
  });

  test("improvements are listed after regressions and are not regressions", () => {
    const back = compareYears([year(2026, after()), year(2027, before())]);
    const first = back.sections.find((s) => s.school === "甲小学")!;
    expect(first).toMatchObject({ before: "fail", after: "pass" });
    expect(first.changes[0]).toMatchObject({
      statusBefore: "unmet",
      statusAfter: "met",
      regression: false,
      direction: "better",
    });
    expect(back.regressions).toEqual([]);
    expect(
      back.coefficients.find((c) => c.indicator === "sportsArea" && c.level === "primary")!.crossed,
    ).toBe("down");
  });

  test("enrolment per level, year by year", () => {
    const grown = compareYears([
      year(2025, before()),
      year(2026, [...before(), primarySchool("戊小学", 320)]),
    ]);
    expect(grown.enrolment[0]).toEqual({ level: "primary", values: [2000, 2320], change: 320 });
    expect(grown.schools.added).toEqual([{ school: "戊小学", year: "2026" }]);
  });
});

describe("sections that take no part in the evaluation (docs/standard.md#scope)", () => {
  const special = (qualified: number): SchoolRecord => ({
    ...primarySchool("特殊教育学校", 60, { qualifiedTeachers: qualified }),
    type: "special",
  });
  const point = (students: number, qualified: number): SchoolRecord => ({
    ...primarySchool("某教学点", students, { qualifiedTeachers: qualified }),
    type: "teachingPoint",
  });

  test("a special school's indicator that falls is a change, not a regression", () => {
    const trend = compareYears([
      year(2025, [...before(), special(1.2)]),
      year(2026, [...before(), special(0.5)]),
    ]);
    const change = trend.sections.find((s) => s.school === "特殊教育学校")!;
    expect(change).toMatchObject({ before: "excluded", after: "excluded" });
    expect(change.changes).toEqual([
      expect.objectContaining({
        indicator: "qualifiedTeachers",
        statusBefore: "met",
        statusAfter: "unmet",
        regression: false,
        direction: "worse",
      }),
    ]);
    expect(trend.regressions).toEqual([]);
  });

  test("a school left without pupils moves no way: its figures are gone, not worse", () => {
    const trend = compareYears([
      year(2025, [...before(), primarySchool("戊小学", 500)]),
      year(2026, [...before(), primarySchool("戊小学", 0)]),
    ]);
    const change = trend.sections.find((s) => s.school === "戊小学")!;
    expect(change).toMatchObject({ before: "pass", after: "excluded" });
    expect(change.changes).toHaveLength(7);
    for (const c of change.changes)
      expect(c).toMatchObject({ statusBefore: "met", statusAfter: null, regression: false, direction: null });
  });

  test("a teaching point that grows past 50 pupils and fails is listed, not as a regression", () => {
    // 40 pupils: excluded, and its figures met; 60 pupils with half the qualified teachers: judged, and failing
    const trend = compareYears([
      year(2025, [...before(), point(40, 1.2)]),
      year(2026, [...before(), point(60, 0.5)]),
    ]);
    const change = trend.sections.find((s) => s.school === "某教学点")!;
    expect(change).toMatchObject({ before: "excluded", after: "fail" });
    expect(change.changes[0]).toMatchObject({ indicator: "qualifiedTeachers", regression: false });
    expect(trend.regressions).toEqual([]);
  });

  test("a section judged in both years still regresses", () => {
    const trend = compareYears([
      year(2025, [...before(), point(60, 1.2)]),
      year(2026, [...before(), point(60, 0.5)]),
    ]);
    expect(trend.regressions).toContainEqual(
      expect.objectContaining({ kind: "indicator", school: "某教学点", indicator: "qualifiedTeachers" }),
    );
  });
});

describe("a year's table given twice", () => {
  test("two years with the same schools and figures are flagged, in any row order", () => {
    expect(compareYears([year(2025, before()), year(2026, before())]).unchanged).toEqual([
      { yearBefore: "2025", yearAfter: "2026" },
    ]);
    expect(compareYears([year(2025, before()), year(2026, before().reverse())]).unchanged).toEqual([
      { yearBefore: "2025", yearAfter: "2026" },
    ]);
  });

  test("any difference in a school, a figure or the enrolment is a change", () => {
    const oneMore = before();
    oneMore[2].teachers.primary.keyTeachers += 1;
    const grown = before();
    grown[1].students.primary += 1;
    const renamed = before();
    renamed[0].name = "甲镇小学";
    const smaller = before().slice(1);
    const fromMoreSchools = [...before(), primarySchool("戊小学", 10)];
    for (const later of [oneMore, grown, renamed, smaller, after()])
      expect(compareYears([year(2025, before()), year(2026, later)]).unchanged).toEqual([]);
    expect(compareYears([year(2025, fromMoreSchools), year(2026, before())]).unchanged).toEqual([]);
  });

  test("a school name given twice is matched in its order: swapped figures are a change", () => {
    const twins = [primarySchool("甲小学", 500), primarySchool("甲小学", 300)];
    expect(compareYears([year(2025, twins), year(2026, twins)]).unchanged).toHaveLength(1);
    expect(compareYears([year(2025, twins), year(2026, [...twins].reverse())]).unchanged).toEqual([]);
  });

  test("only the pair of years that is the same, of three", () => {
    const trend = compareYears([year(2024, after()), year(2025, before()), year(2026, before())]);
    expect(trend.unchanged).toEqual([{ yearBefore: "2025", yearAfter: "2026" }]);
  });
});

describe("two years with no school in common", () => {
  const elsewhere = () => before().map((s) => ({ ...s, name: `外县${s.name}` }));

  test("are flagged: most likely two counties' tables", () => {
    const trend = compareYears([year(2025, before()), year(2026, elsewhere())]);
    expect(trend.noSchoolInCommon).toEqual([{ yearBefore: "2025", yearAfter: "2026" }]);
    expect(trend.schools.added).toHaveLength(4);
    expect(trend.schools.removed).toHaveLength(4);
  });

  test("one school in common, or names that differ in spaces only, are the same county", () => {
    const oneLeft = [...elsewhere().slice(1), primarySchool("甲小学", 500)];
    const spaced = before().map((s) => ({ ...s, name: ` ${s.name.replace("小学", " 小 学")}` }));
    for (const later of [oneLeft, spaced, after()])
      expect(compareYears([year(2025, before()), year(2026, later)]).noSchoolInCommon).toEqual([]);
  });

  test("the rename map applies: every school renamed and mapped is not flagged", () => {
    const renames = Object.fromEntries(before().map((s) => [s.name, `外县${s.name}`]));
    const years = [year(2025, before()), year(2026, elsewhere())];
    expect(compareYears(years, { renames }).noSchoolInCommon).toEqual([]);
  });

  test("a year without schools is not flagged; of three years, only the pair apart", () => {
    expect(compareYears([year(2025, []), year(2026, before())]).noSchoolInCommon).toEqual([]);
    const trend = compareYears([year(2024, before()), year(2025, after()), year(2026, elsewhere())]);
    expect(trend.noSchoolInCommon).toEqual([{ yearBefore: "2025", yearAfter: "2026" }]);
  });
});

describe("schools matched by name through a rename map", () => {
  const renamedLater = () => [
    ...before().slice(0, 3),
    primarySchool("丁镇中心小学", 500, { keyTeachers: 0.9 }),
  ];

  test("without the map a renamed school reads as one closed and one opened", () => {
    const trend = compareYears([year(2025, before()), year(2026, renamedLater())]);
    expect(trend.schools.added).toEqual([{ school: "丁镇中心小学", year: "2026" }]);
    expect(trend.schools.removed).toEqual([{ school: "丁小学", year: "2026" }]);
    expect(trend.sections).toEqual([]);
  });

  test("with it the school is matched, its changes compared, the rename listed", () => {
    const trend = compareYears([year(2025, before()), year(2026, renamedLater())], {
      renames: { 丁小学: "丁镇中心小学" },
    });
    expect(trend.schools).toMatchObject({
      added: [],
      removed: [],
      renamed: [{ from: "丁小学", to: "丁镇中心小学", year: "2026" }],
      respelled: [],
    });
    expect(trend.sections).toHaveLength(1);
    expect(trend.sections[0]).toMatchObject({ school: "丁镇中心小学", before: "pass", after: "pass" });
    expect(trend.sections[0].changes[0]).toMatchObject({
      indicator: "keyTeachers",
      statusBefore: "met",
      statusAfter: "floor",
      regression: true,
      direction: "worse",
    });
  });

  test("several names mapped to one school are a merger, not compared one to one", () => {
    const trend = compareYears([year(2025, before()), year(2026, [...before().slice(0, 3)])], {
      renames: { 丁小学: "丙小学" },
    });
    expect(trend.schools.merged).toEqual([
      { school: "丙小学", from: ["丁小学", "丙小学"].sort(), year: "2026" },
    ]);
    expect(trend.schools.removed).toEqual([]);
    expect(trend.sections).toEqual([]);
  });

  test("over three years a rename and a merger are each in their year; the schools are compared until they merge", () => {
    // 2024 甲 乙 丙 戊; 2025 乙 becomes 乙镇中心小学, 丙 loses key teachers; 2026 丙 and 戊 merge into 丙戊联合小学
    const y2024 = [...before().slice(0, 3), primarySchool("戊小学", 500)];
    const y2025 = [
      primarySchool("甲小学", 500),
      primarySchool("乙镇中心小学", 500),
      primarySchool("丙小学", 500, { keyTeachers: 0.9 }),
      primarySchool("戊小学", 500),
    ];
    const y2026 = [y2025[0], y2025[1], primarySchool("丙戊联合小学", 1000)];
    const renames = { 乙小学: "乙镇中心小学", 丙小学: "丙戊联合小学", 戊小学: "丙戊联合小学" };
    const trend = compareYears([year(2024, y2024), year(2025, y2025), year(2026, y2026)], { renames });
    expect(trend.schools).toEqual({
      added: [],
      removed: [],
      renamed: [{ from: "乙小学", to: "乙镇中心小学", year: "2025" }],
      respelled: [],
      merged: [{ school: "丙戊联合小学", from: ["丙小学", "戊小学"].sort(), year: "2026" }],
    });
    // 丙 is still itself in 2025: its fall in key teachers is compared, not hidden in a merger a year early
    expect(trend.sections.map((s) => [s.school, s.yearAfter])).toEqual([["丙小学", "2025"]]);
    expect(trend.regressions).toContainEqual(
      expect.objectContaining({ kind: "indicator", school: "丙小学", indicator: "keyTeachers" }),
    );
  });

  test("a name the later year still has is not renamed; a mapped name whose new name is not there is closed", () => {
    const trend = compareYears([year(2025, before()), year(2026, before().slice(0, 3))], {
      renames: { 甲小学: "甲镇中心小学", 丁小学: "丁镇中心小学" },
    });
    expect(trend.schools).toEqual({
      added: [],
      removed: [{ school: "丁小学", year: "2026" }],
      renamed: [],
      respelled: [],
      merged: [],
    });
  });

  test("chains are followed, cycles stop; names match without spaces and full-width forms", () => {
    const resolve = renameResolver({ A: "B", B: "C", X: "Y", Y: "X" });
    expect(resolve("A")).toBe("C");
    expect(resolve("X")).toBe("X");
    const trend = compareYears([
      year(2025, before()),
      year(2026, [...before().slice(0, 3), primarySchool("丁 小学", 500)]),
    ]);
    expect(trend.schools.added).toEqual([]);
  });

  test("the rename map's schema refuses anything but names to names", () => {
    expect(renameMapSchema.safeParse({ 旧名: "新名" }).success).toBe(true);
    expect(renameMapSchema.safeParse({ 旧名: 3 }).success).toBe(false);
    expect(renameMapSchema.safeParse({ 旧名: " " }).success).toBe(false);
    expect(renameMapSchema.safeParse(["旧名", "新名"]).success).toBe(false);
  });
});

test("linearProjection: the least-squares line, evaluated at the year asked", () => {
  // slope Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (0.1 + 0)/2 = 0.05 through (2025, 0.2)
  const points = [
    { year: 2024, value: 0.1 },
    { year: 2025, value: 0.3 },
    { year: 2026, value: 0.2 },
  ];
  expect(linearProjection(points, 2028)).toBeCloseTo(0.35, 12);
  expect(linearProjection(points.slice(0, 1), 2028)).toBeNull();
  expect(linearProjection([points[0], { year: 2024, value: 0.4 }], 2028)).toBeNull();
});
