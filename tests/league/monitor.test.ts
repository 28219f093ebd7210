/**
 * The course of a county over its years (src/engine/monitor.ts), on hand-made counties whose failing sections are
 * known by construction: a school at half the qualified teachers of the standard fails, the others at 1.2 × pass,
 * and no coefficient comes near its limit (five schools, one or two at 0.5 and the rest at 1.2: CV ≤ 0.42 < 0.50).
 */
import { evaluate } from "../../src/engine";
import { leagueSummary, type LeagueCountyInput } from "../../src/engine/league";
import { countiesByYear } from "../../src/engine/monitor";
import { courseLabel } from "../../src/report/leagueCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { primarySchool, whole } from "./records";

/** Five primary schools, the first `short` of them at half the qualified teachers of the standard. */
function county(short: number) {
  const names = ["甲小学", "乙小学", "丙小学", "丁小学", "戊小学"];
  return whole(names.map((n, i) => primarySchool(n, 500, i < short ? { qualifiedTeachers: 0.5 } : {})));
}

function input(name: string, year: number | null, short: number, read = true): LeagueCountyInput {
  const evaluation = read ? evaluate(county(short), NATIONAL_2017) : null;
  return {
    file: `${year ?? "无年份"}/${name}.xlsx`,
    county: name,
    evaluation,
    verdict: null,
    schools: 5,
    targetYear: 2028,
    fileYear: year,
  };
}

function course(inputs: LeagueCountyInput[]) {
  const summary = leagueSummary(inputs, 2026);
  return countiesByYear(inputs, summary.counties);
}

describe("a county's course over its years", () => {
  test("sections still failing and not fewer: off course, though every coefficient stays within its limit", () => {
    const [c] = course([input("突泉县", 2025, 1), input("突泉县", 2026, 1)]);
    expect(c.years.map((y) => y.standing.failingSections)).toEqual([1, 1]);
    expect(c.course).toEqual({
      kind: "trend",
      onCourse: false,
      projectedOverLimit: 0,
      failingSections: 1,
      failingSectionsChange: 0,
      comparedYears: { before: 2025, latest: 2026 },
    });
  });

  test("failing sections falling, coefficients within their limits: on course", () => {
    const [c] = course([input("突泉县", 2025, 2), input("突泉县", 2026, 1)]);
    expect(c.course).toMatchObject({ onCourse: true, failingSections: 1, failingSectionsChange: -1 });
  });

  test("an unread year is listed and left out of the projection; a file without a year is not in the series", () => {
    const inputs = [
      input("突泉县", 2024, 2),
      input("突泉县", 2025, 2, false),
      input("突泉县", 2026, 1),
      input("突泉县", null, 0),
      input("科右中旗", 2026, 0),
    ];
    const [c, ...others] = course(inputs);
    expect(others).toEqual([]);
    expect(c.years.map((y) => [y.year, y.standing.ok])).toEqual([
      [2024, true],
      [2025, false],
      [2026, true],
    ]);
    expect(c.projection?.fromYears).toEqual([2024, 2026]);
    // the evaluated year before 2026 is 2024: 2 → 1
    expect(c.course.failingSectionsChange).toBe(-1);
    expect(c.counted).toBe(2);
  });

  test("one evaluated year, or no target year: no projection and no course", () => {
    const [c] = course([input("突泉县", 2025, 1, false), input("突泉县", 2026, 1)]);
    expect(c.projection).toBeNull();
    expect(c.course).toEqual({
      kind: "trend",
      onCourse: null,
      projectedOverLimit: null,
      failingSections: 1,
      failingSectionsChange: null,
      comparedYears: null,
    });
    const noTarget = [input("某旗", 2025, 1), input("某旗", 2026, 0)].map((i) => ({
      ...i,
      targetYear: null,
    }));
    expect(course(noTarget)[0].projection).toBeNull();
  });

  test("a year missing between two: the sections compared with the year before it, and the course says which", () => {
    // 2024 and 2026 given, 2025 not: one section fails in both
    const [gap] = course([input("突泉县", 2024, 1), input("突泉县", 2026, 1)]);
    expect(gap.course).toMatchObject({ onCourse: false, failingSectionsChange: 0 });
    expect(gap.course.comparedYears).toEqual({ before: 2024, latest: 2026 });
    expect(courseLabel(gap, "zh")).toContain(
      "未达标学校（校区）1 所，较 2024 年（2025 年没有可评估的文件）未减少（±0）",
    );
    expect(courseLabel(gap, "en")).toContain(
      "1 failing section, not fewer than 2024 (no workbook of 2025 evaluated) (±0)",
    );
    // 2025 given but unreadable: the same
    const [unread] = course([
      input("突泉县", 2024, 1),
      input("突泉县", 2025, 1, false),
      input("突泉县", 2026, 1),
    ]);
    expect(courseLabel(unread, "zh")).toBe(courseLabel(gap, "zh"));
    // consecutive years: the year before
    const [next] = course([input("突泉县", 2025, 1), input("突泉县", 2026, 1)]);
    expect(courseLabel(next, "zh")).toContain("较上年未减少（±0）");
  });
});

describe("two years of a county holding the same figures", () => {
  test("are listed by compare's rule, with their files; years that differ are not", () => {
    const [c] = course([input("突泉县", 2024, 2), input("突泉县", 2025, 1), input("突泉县", 2026, 1)]);
    expect(c.unchanged).toEqual([
      { yearBefore: 2025, yearAfter: 2026, fileBefore: "2025/突泉县.xlsx", fileAfter: "2026/突泉县.xlsx" },
    ]);
    const [d] = course([input("突泉县", 2025, 2), input("突泉县", 2026, 1)]);
    expect(d.unchanged).toEqual([]);
  });
  test("an unread year between is passed over: the evaluated years either side are compared", () => {
    const [c] = course([input("突泉县", 2024, 1), input("突泉县", 2025, 1, false), input("突泉县", 2026, 1)]);
    expect(c.unchanged.map((u) => [u.yearBefore, u.yearAfter])).toEqual([[2024, 2026]]);
  });
});
