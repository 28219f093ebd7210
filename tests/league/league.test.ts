/**
 * The league's view (src/engine/league.ts, docs/standard.md#league-plan): the year, the at-risk rule, each
 * county's standing and the ranking of the weakest indicators, on counties whose results are known by
 * construction.
 */
import { evaluate, evaluateCounty } from "../../src/engine";
import {
  AT_RISK,
  countedFiles,
  countyStanding,
  leagueSummary,
  rankIndicators,
  riskOf,
  type LeagueCountyInput,
  countedFirst,
} from "../../src/engine/league";
import { readiness } from "../../src/engine/county/readiness";
import { calendarDayOf, yearOfDay } from "../../src/engine/years";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { primarySchool } from "./records";

const sound = () => [
  primarySchool("甲小学", 500),
  primarySchool("乙小学", 500),
  primarySchool("丙小学", 500),
];

describe("one rule of years for batch and evaluate --county (src/engine/years.ts, docs/standard.md#league-plan)", () => {
  const day = (text: string) => {
    const [year, month, d] = text.split("-").map(Number);
    return { year, month, day: d };
  };
  // the target year is the year of acceptance, a calendar year: a day counts in its own calendar year
  test.each([
    ["2025-08-31", 2025],
    ["2025-09-01", 2025],
    ["2025-12-31", 2025],
    ["2026-01-01", 2026],
    ["2026-08-31", 2026],
    ["2026-09-01", 2026],
  ])("%s counts in %i", (text, year) => {
    expect(yearOfDay(day(text))).toBe(year);
  });

  const records = [...sound(), primarySchool("丁小学", 500, { qualifiedTeachers: 0.5 })];
  const evaluation = evaluate(records, NATIONAL_2017);
  const verdict = evaluateCounty({ records, evaluation, answers: null });
  const standingOn = (text: string) =>
    countyStanding(
      { file: "a.xlsx", county: "阿尔山市", evaluation, verdict, schools: 4, targetYear: 2026 },
      yearOfDay(day(text)),
    );
  const readinessOn = (text: string) =>
    readiness(verdict, evaluation, NATIONAL_2017, { name: "阿尔山市", targetYear: 2026 }, day(text));

  test.each([
    ["2025-08-31", 1],
    ["2025-09-01", 1],
    ["2025-12-31", 1],
    ["2026-01-01", 0],
    ["2026-08-31", 0],
    ["2026-09-01", 0],
  ])("on %s the league's years left and evaluate's readiness both say %i", (text, left) => {
    expect(standingOn(text).yearsLeft).toBe(left);
    expect(readinessOn(text).yearsRemaining).toBe(left);
    expect(readinessOn(text).year).toBe(yearOfDay(day(text)));
  });

  test("the target year comes on 1 January: a county that does not pass is due from then on", () => {
    expect(standingOn("2025-12-31").risk).not.toBe("due");
    expect(standingOn("2026-01-01")).toMatchObject({ atRisk: true, risk: "due" });
  });

  test("the starting-grade rule is in force from 1 September 2026, not a day before", () => {
    expect(readinessOn("2026-08-31").startingGrades.inForce).toBe(false);
    expect(readinessOn("2026-09-01").startingGrades.inForce).toBe(true);
  });

  test("the host's day is the one its calendar shows, not UTC's: 1 January 07:00 in Beijing is 2026", () => {
    // built and read in the machine's own time zone, whichever it is
    expect(calendarDayOf(new Date(2026, 0, 1, 0, 30))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(calendarDayOf(new Date(2025, 11, 31, 23, 59))).toEqual({ year: 2025, month: 12, day: 31 });
  });
});

describe("riskOf: who may miss the target year", () => {
  const base = { countyPass: false, failingCoefficients: 0, failingSections: 0 };
  test("the target year has come and the county does not pass: due", () => {
    expect(riskOf({ ...base, yearsLeft: 0 })).toEqual({ atRisk: true, risk: "due" });
    expect(riskOf({ ...base, yearsLeft: -2 })).toEqual({ atRisk: true, risk: "due" });
  });
  test("a county that passes is never at risk, even in its target year", () => {
    expect(riskOf({ ...base, countyPass: true, yearsLeft: 0 })).toEqual({ atRisk: false, risk: null });
  });
  test("one year left with a coefficient over its limit: tight", () => {
    expect(riskOf({ ...base, yearsLeft: 1, failingCoefficients: 1 })).toEqual({
      atRisk: true,
      risk: "tight",
    });
  });
  test("one year left: tight from the threshold of failing sections on, not below it", () => {
    const at = AT_RISK.failingSections;
    expect(riskOf({ ...base, yearsLeft: 1, failingSections: at })).toEqual({ atRisk: true, risk: "tight" });
    expect(riskOf({ ...base, yearsLeft: 1, failingSections: at - 1 })).toEqual({ atRisk: false, risk: null });
  });
  test("two years left: not at risk whatever fails", () => {
    expect(riskOf({ ...base, yearsLeft: 2, failingCoefficients: 5, failingSections: 30 })).toEqual({
      atRisk: false,
      risk: null,
    });
  });
  test("no target year, or an unread county with years left: not judged", () => {
    expect(riskOf({ ...base, yearsLeft: null })).toEqual({ atRisk: null, risk: null });
    expect(
      riskOf({ countyPass: null, yearsLeft: 1, failingCoefficients: null, failingSections: null }),
    ).toEqual({ atRisk: null, risk: null });
  });
});

describe("countyStanding", () => {
  test("counts the failing sections and coefficients, the checklist's failing and missing items, years left", () => {
    // 丁小学 has no qualified teachers (below 85 %: the section fails); 戊小学's sports area is 6× the others'
    const records = [
      ...sound(),
      primarySchool("丁小学", 500, { qualifiedTeachers: 0.5 }),
      primarySchool("戊小学", 500, { sportsArea: 6 }),
    ];
    const evaluation = evaluate(records, NATIONAL_2017);
    const verdict = evaluateCounty({ records, evaluation, answers: null });
    const s = countyStanding(
      { file: "a.xlsx", county: "科右中旗", evaluation, verdict, schools: 5, targetYear: 2028 },
      2027,
    );
    expect(s.ok).toBe(true);
    expect(s.failingSections).toBe(1);
    // sports area per student 9, 9, 9, 9, 45 → X̄ = 16.2, S = 14.4, CV = 0.889 > 0.5
    expect(s.levels!.primary.cv.sportsArea).toBeCloseTo(14.4 / 16.2, 10);
    expect(s.levels!.primary.cvPass.sportsArea).toBe(false);
    expect(s.failingCoefficients).toBe(1);
    expect(s.levels!.primary.passingSections).toBe(4);
    expect(s.levels!.primary.sections).toBe(5);
    expect(s.resourcesPass).toBe(false);
    expect(s.countyPass).toBe(false);
    // 15 guarantee + 9 quality items, recognition and 5 vetoes: without a county sheet or room and class columns
    // only guarantee item 4 (school size, every school ≤ 2,000) is known, and it passes
    expect(s.failingItems).toBe(0);
    expect(s.missingItems).toBe(29);
    expect(s.yearsLeft).toBe(1);
    expect(s).toMatchObject({ atRisk: true, risk: "tight" });
  });

  test("an unread county: nothing known but its target year", () => {
    const s = countyStanding(
      { file: "b.xlsx", county: "阿尔山市", evaluation: null, verdict: null, schools: 0, targetYear: 2026 },
      2026,
    );
    expect(s).toMatchObject({ ok: false, levels: null, resourcesPass: null, countyPass: null, yearsLeft: 0 });
    expect(s).toMatchObject({ atRisk: true, risk: "due" });
  });
});

describe("rankIndicators: the weakest indicators first", () => {
  test("counties and sections are counted per level and indicator", () => {
    // county 1: one section in the 85 % band of multimedia rooms (still passes)
    const one = evaluate([...sound(), primarySchool("丁小学", 500, { multimediaRooms: 0.9 })], NATIONAL_2017);
    // county 2: two sections below 85 % of multimedia rooms, one in the band of key teachers
    const two = evaluate(
      [
        ...sound(),
        primarySchool("丁小学", 500, { multimediaRooms: 0.5 }),
        primarySchool("戊小学", 500, { multimediaRooms: 0.6, keyTeachers: 0.9 }),
      ],
      NATIONAL_2017,
    );
    const ranking = rankIndicators([one, null, two]);
    expect(ranking).toHaveLength(14);
    expect(ranking[0]).toEqual({
      level: "primary",
      indicator: "multimediaRooms",
      countiesFailing: 2,
      sectionsFailing: 3,
      countiesCoefficientFailing: 0,
      sectionsBelowFloor: 2,
    });
    expect(ranking[1]).toEqual({
      level: "primary",
      indicator: "keyTeachers",
      countiesFailing: 1,
      sectionsFailing: 1,
      countiesCoefficientFailing: 0,
      sectionsBelowFloor: 0,
    });
    // the rest fail nowhere, in the catalogue's order
    expect(ranking.slice(2).every((r) => r.countiesFailing === 0 && r.sectionsFailing === 0)).toBe(true);
    expect(ranking[2]).toMatchObject({ level: "primary", indicator: "qualifiedTeachers" });
    expect(ranking[13]).toMatchObject({ level: "junior", indicator: "multimediaRooms" });
  });

  test("leagueSummary keeps the counties' order and lists those at risk", () => {
    const evaluation = evaluate(sound(), NATIONAL_2017);
    const summary = leagueSummary(
      [
        { file: "x.xlsx", county: "甲", evaluation, verdict: null, schools: 3, targetYear: null },
        { file: "y.xlsx", county: "乙", evaluation: null, verdict: null, schools: 0, targetYear: 2025 },
      ],
      2026,
    );
    expect(summary.year).toBe(2026);
    expect(summary.counties.map((c) => c.county)).toEqual(["甲", "乙"]);
    expect(summary.atRisk.map((c) => c.county)).toEqual(["乙"]);
  });
});

describe("a county given in several files is counted once", () => {
  // multimedia rooms below 85 % at one school: a county failing that indicator, at risk in its target year
  const short = () =>
    evaluate([...sound(), primarySchool("丁小学", 500, { multimediaRooms: 0.5 })], NATIONAL_2017);
  const input = (file: string, county: string, fileYear: number | null = null): LeagueCountyInput => ({
    file,
    county,
    evaluation: short(),
    verdict: null,
    schools: 4,
    targetYear: 2026,
    fileYear,
  });
  const multimedia = (summary: ReturnType<typeof leagueSummary>) =>
    summary.indicators.find((r) => r.level === "primary" && r.indicator === "multimediaRooms")!;

  test("the same county twice: one line each, the league's counts take it once, from the last file", () => {
    const summary = leagueSummary([input("阿尔山市.xlsx", "阿尔山市"), input("副本.xlsx", "阿尔山市")], 2026);
    expect(summary.counties.map((c) => [c.file, c.counted])).toEqual([
      ["阿尔山市.xlsx", false],
      ["副本.xlsx", true],
    ]);
    expect(multimedia(summary)).toMatchObject({ countiesFailing: 1, sectionsFailing: 1 });
    expect(summary.atRisk.map((c) => c.file)).toEqual(["副本.xlsx"]);
    expect(summary.repeated).toEqual([
      {
        county: "阿尔山市",
        files: ["阿尔山市.xlsx", "副本.xlsx"],
        counted: "副本.xlsx",
        years: [null, null],
        sameYear: ["阿尔山市.xlsx"],
      },
    ]);
  });

  test("of several years, the latest in the files' names, in whatever order they are given", () => {
    const files = [
      input("2026/阿尔山市.xlsx", "阿尔山市", 2026),
      input("2025/阿尔山市.xlsx", "阿尔山市", 2025),
    ];
    expect(countedFiles(files)).toEqual([true, false]);
    expect(countedFiles([...files].reverse())).toEqual([false, true]);
    // a file without a year counts as older than any with one
    expect(countedFiles([input("a.xlsx", "甲", 2025), input("b.xlsx", "甲")])).toEqual([true, false]);
  });

  test("of one year, a copy sent again to replace the first (修改, 更正) is counted, in whatever order given", () => {
    const first = input("科右前旗.xlsx", "科右前旗", 2026);
    const revised = { ...input("科右前旗(修改).xlsx", "科右前旗", 2026), revised: true };
    expect(countedFiles([revised, first])).toEqual([true, false]);
    expect(countedFiles([first, revised])).toEqual([false, true]);
    // a later year still wins over a corrected copy of an earlier one
    expect(countedFiles([input("2027/科右前旗.xlsx", "科右前旗", 2027), revised])).toEqual([true, false]);
    // two corrected copies: the last given, as two plain files
    expect(countedFiles([revised, { ...revised, file: "科右前旗(修改2).xlsx" }])).toEqual([false, true]);
  });

  test("a file not counted is not judged for risk: the county's risk is its counted file's, listed once", () => {
    // docs/standard.md#league-plan: 2024's figures are not judged against 2026, nor a copy the league set aside
    const latest = {
      ...input("2026/阿尔山市.xlsx", "阿尔山市", 2026),
      evaluation: evaluate(sound(), NATIONAL_2017),
    };
    const copy = input("2026/阿尔山市(副本).xlsx", "阿尔山市", 2026);
    const summary = leagueSummary([input("2024/阿尔山市.xlsx", "阿尔山市", 2024), copy, latest], 2026);
    expect(summary.counties.map((c) => [c.file, c.counted, c.atRisk, c.risk])).toEqual([
      ["2024/阿尔山市.xlsx", false, null, null],
      ["2026/阿尔山市(副本).xlsx", false, null, null],
      // without a county verdict the county does not pass: due in its target year
      ["2026/阿尔山市.xlsx", true, true, "due"],
    ]);
    expect(summary.atRisk.map((c) => c.file)).toEqual(["2026/阿尔山市.xlsx"]);
    // the copy alone is counted, and judged
    expect(leagueSummary([copy], 2026).counties[0]).toMatchObject({ atRisk: true, risk: "due" });
  });

  test("the plans add up over the counted files only: each county once, never an earlier year's plan", () => {
    const plan = (total: number, recurring: number, passesAfter = true) => ({
      total,
      recurring,
      oneOff: total - recurring,
      passesAfter,
    });
    const summary = leagueSummary(
      [
        { ...input("2025/阿尔山市.xlsx", "阿尔山市", 2025), plan: plan(900, 500) },
        { ...input("2026/阿尔山市.xlsx", "阿尔山市", 2026), plan: plan(300, 100) },
        { ...input("科右前旗.xlsx", "科右前旗", 2026), plan: plan(1000, 0, false) },
        { ...input("突泉县.xlsx", "突泉县", 2026), plan: null },
      ],
      2026,
    );
    expect(summary.planTotal).toEqual({
      counties: 2,
      total: 1300,
      recurring: 100,
      oneOff: 1200,
      stillFailing: 1,
    });
    // without a plan, no sum: not a sum of nothing
    expect(leagueSummary([input("a.xlsx", "甲")], 2026).planTotal).toBeNull();
  });

  test("a file that could not be evaluated is not counted over one that was, whatever their order and years", () => {
    // a damaged 科右中旗2025.xlsx beside the league's export that holds 科右中旗's schools
    const unread = { ...input("科右中旗2025.xlsx", "科右中旗", 2025), evaluation: null, schools: 0 };
    const read = input("兴安盟导出（2025）.xlsx", "科右中旗", 2025);
    expect(countedFiles([read, unread])).toEqual([true, false]);
    expect(countedFiles([unread, read])).toEqual([false, true]);
    expect(countedFiles([{ ...unread, fileYear: 2026 }, read])).toEqual([false, true]);
    const summary = leagueSummary([read, unread], 2026);
    expect(multimedia(summary)).toMatchObject({ countiesFailing: 1, sectionsFailing: 1 });
    expect(summary.repeated).toEqual([
      {
        county: "科右中旗",
        files: ["兴安盟导出（2025）.xlsx", "科右中旗2025.xlsx"],
        counted: "兴安盟导出（2025）.xlsx",
        years: [2025, 2025],
        sameYear: ["科右中旗2025.xlsx"],
      },
    ]);
  });

  test("names are one county whatever their spaces and full-width forms; other counties are counted each", () => {
    const inputs = [input("a.xlsx", "阿尔山市"), input("b.xlsx", "阿尔山 市"), input("c.xlsx", "科右前旗")];
    expect(countedFiles(inputs)).toEqual([false, true, true]);
    const summary = leagueSummary(inputs, 2026);
    expect(multimedia(summary).countiesFailing).toBe(2);
    expect(summary.atRisk.map((c) => c.county)).toEqual(["阿尔山 市", "科右前旗"]);
    expect(summary.repeated.map((r) => r.county)).toEqual(["阿尔山市"]);
    expect(leagueSummary([input("a.xlsx", "甲"), input("b.xlsx", "乙")], 2026).repeated).toEqual([]);
  });
});

describe("the order the league's lines are shown in (countedFirst)", () => {
  test("each county's counted line first, in the order given; the others grouped by county after them", () => {
    const line = (county: string, counted: boolean) => ({ county, counted });
    const order = countedFirst([
      line("突泉县", false), // 2024
      line("阿尔山市", false), // 2024
      line("乌兰浩特市", true),
      line("突 泉 县", true), // 2025, spelt with spaces
      line("阿尔山市", false), // a copy of 2025
      line("阿尔山市", true), // 2025
      line("科右中旗", false), // a county with no counted line sorts last
    ]);
    expect(order.counted).toEqual([2, 3, 5]);
    expect(order.others).toEqual([0, 1, 4, 6]);
  });
});
