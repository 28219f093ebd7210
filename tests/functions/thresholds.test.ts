import { NATIONAL_2017 } from "../../src/standard/national2017";
import { parseProfile } from "../../src/standard/load";
import type { Profile } from "../../src/standard/profile";
import { cvLimitFor, indicatorOf, shortfallOf, standardFor } from "../../src/functions/thresholds";
import { resolveIndicator } from "../../src/functions/args";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { COLUMNS, templateHeader } from "../../src/standard/columns";
import { excelError } from "./helpers";
import { detailRow } from "../../src/functions/school";
import { PRIMARY_PASS, templateRow } from "./rows";

const P = NATIONAL_2017;

describe("BALANCE.INDICATOR (docs/standard.md#indicators formulas)", () => {
  test("teachers per 100 students, by Chinese short name or by id", () => {
    expect(indicatorOf(P, "高学历教师", "小学", 21, 500)).toBeCloseTo(4.2, 12);
    expect(indicatorOf(P, "qualifiedTeachers", "primary", 21, 500)).toBeCloseTo(4.2, 12);
    expect(indicatorOf(P, "骨干教师", "初中", 7, 350)).toBeCloseTo(2, 12);
  });

  test("area per student", () => {
    expect(indicatorOf(P, "教学用房", "初中", 2900, 500)).toBeCloseTo(5.8, 12);
    expect(indicatorOf(P, "运动场馆", "junior", 5100, 500)).toBeCloseTo(10.2, 12);
  });

  test("equipment value in 万元 by default (the statistics' unit), or in 元", () => {
    expect(indicatorOf(P, "仪器设备", "小学", 100, 500)).toBeCloseTo(2000, 9);
    expect(indicatorOf(P, "仪器设备", "小学", 1_000_000, 500, "元")).toBeCloseTo(2000, 9);
    expect(indicatorOf(P, "equipmentValue", "小学", 100, 500, "万元")).toBeCloseTo(2000, 9);
  });

  test("万元 as the reader converts them: the value DETAIL gives for the same row, to the last digit", () => {
    // 0.07 × 10,000 is 700.0000000000001 in binary; the reader clears that noise, and so must the function
    for (const wan of [0.07, 12.34, 33.33, 120.57, 4.35]) {
      const detail = detailRow(P, [
        templateRow({ ...PRIMARY_PASS, equipmentValue: wan, primaryStudents: 617 }),
      ]);
      const shown = detail.find((r) => r[1] === "仪器设备")?.[2];
      expect([wan, indicatorOf(P, "仪器设备", "小学", wan, 617)]).toEqual([wan, shown]);
    }
  });

  test("rooms per 100 students; the resource's own unit is accepted", () => {
    expect(indicatorOf(P, "多媒体教室", "小学", 23, 1000, "间")).toBeCloseTo(2.3, 12);
  });

  test("level words: 小学 / 初中 / primary / junior, any case", () => {
    expect(indicatorOf(P, "体艺教师", "Primary", 9, 1000)).toBeCloseTo(0.9, 12);
    expect(indicatorOf(P, "体艺教师", " 初中 ", 9, 1000)).toBeCloseTo(0.9, 12);
  });

  test("students 0 → #DIV/0!", () => {
    const e = excelError(() => indicatorOf(P, "高学历教师", "小学", 21, 0));
    expect(e.kind).toBe("#DIV/0!");
    expect(e.zh).toContain("在校生数为 0");
  });

  test("text, blank or negative amounts and students → #VALUE!", () => {
    for (const [amount, students] of [
      ["二十", 500],
      [21, "五百"],
      [-1, 500],
      [21, -500],
      ["", 500],
      [true, 500],
    ] as const) {
      expect(excelError(() => indicatorOf(P, "高学历教师", "小学", amount, students)).kind).toBe("#VALUE!");
    }
    const e = excelError(() => indicatorOf(P, "高学历教师", "小学", 21, "五百"));
    expect(e.zh).toContain("在校生数应为数字");
    expect(e.en).toContain("students must be a number");
    // a logical value as Excel shows it, as DIFFCOEF and the reader show it
    const b = excelError(() => indicatorOf(P, "高学历教师", "小学", true, 500));
    expect(b.zh).toContain("而不是 TRUE");
    expect(b.en).toContain("not TRUE");
  });

  test("students are a whole number, as the reader counts them: 500.5 → #VALUE!, 499.99999999999 is 500", () => {
    for (const fn of [
      () => indicatorOf(P, "教学用房", "小学", 2250, 500.5),
      () => shortfallOf(P, "教学用房", "小学", 2250, "500.5"),
    ]) {
      const e = excelError(fn);
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("在校生数应为整数（收到 500.5）");
      expect(e.en).toContain("whole number");
    }
    // binary noise of a formula (=B2*0.1*10) is not a fraction: 2250 m² ÷ 500 = 4.5 by hand
    expect(indicatorOf(P, "教学用房", "小学", 2250, 499.99999999999)).toBe(4.5);
  });

  test("teachers and rooms are counted whole, as the reader counts them; areas and equipment are not", () => {
    const whole = INDICATOR_IDS.filter((id) => P.indicators[id].integral);
    // docs/standard.md#indicators: three kinds of teachers (people) and multimedia rooms
    expect(whole).toEqual(["qualifiedTeachers", "keyTeachers", "peArtTeachers", "multimediaRooms"]);
    for (const id of whole) {
      const name = P.indicators[id].shortName.zh;
      for (const fn of [
        () => indicatorOf(P, name, "小学", 12.5, 500),
        () => shortfallOf(P, name, "小学", 12.5, 500),
        () => shortfallOf(P, id, "初中", "１２．５", 500, "floor"),
      ]) {
        const e = excelError(fn);
        expect(e.kind).toBe("#VALUE!");
        expect(e.zh).toContain(`${name}数量应为整数（收到 12.5）`);
        expect(e.en).toContain(
          `the amount of ${P.indicators[id].shortName.en.toLowerCase()} must be a whole number`,
        );
      }
      // binary noise of a formula is not a fraction: 20.99999999999 teachers are 21
      expect(indicatorOf(P, id, "小学", 20.99999999999, 500)).toBe(indicatorOf(P, id, "小学", 21, 500));
    }
    // m² and money may be fractional: 12.5 m² ÷ 500 pupils = 0.025 m² per pupil; 0.5 万元 ÷ 500 = 10 元
    expect(indicatorOf(P, "教学用房", "小学", 12.5, 500)).toBeCloseTo(0.025, 12);
    expect(indicatorOf(P, "运动场馆", "小学", 12.5, 500)).toBeCloseTo(0.025, 12);
    expect(indicatorOf(P, "仪器设备", "小学", 0.5, 500)).toBeCloseTo(10, 9);
    expect(shortfallOf(P, "教学用房", "小学", 2249.5, 500)).toBeCloseTo(0.5, 9);
  });

  test("a profile that counts teachers as fractions (full-time equivalents) is followed", () => {
    const parsed = parseProfile({
      extends: "national-2017",
      id: "province-fte",
      indicators: { qualifiedTeachers: { integral: false } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(indicatorOf(parsed.profile, "高学历教师", "小学", 12.5, 500)).toBeCloseTo(2.5, 12);
    expect(excelError(() => indicatorOf(parsed.profile, "骨干教师", "小学", 2.5, 500)).kind).toBe("#VALUE!");
  });

  test("a figure beyond what can be computed (10¹⁵ in the engine's unit) → #VALUE!, never Infinity", () => {
    for (const fn of [
      () => indicatorOf(P, "教学用房", "小学", 1e308, 500),
      () => indicatorOf(P, "高学历教师", "小学", 21, 1e300),
      // 10¹² 万元 is 10¹⁶ 元
      () => indicatorOf(P, "仪器设备", "小学", 1e12, 500),
      () => shortfallOf(P, "高学历教师", "小学", 1, 1e308),
    ]) {
      const e = excelError(fn);
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("超出可计算的范围");
      expect(e.en).toContain("beyond what can be computed");
    }
    expect(indicatorOf(P, "仪器设备", "小学", 1e10, 500)).toBeCloseTo(2e11, 0);
  });

  test("unknown indicator or level → #VALUE! listing what is accepted", () => {
    const i = excelError(() => indicatorOf(P, "图书", "小学", 1, 1));
    expect(i.kind).toBe("#VALUE!");
    expect(i.zh).toContain("未知的指标“图书”");
    expect(i.zh).toContain("高学历教师");
    expect(i.en).toContain("qualifiedTeachers");
    const l = excelError(() => indicatorOf(P, "高学历教师", "中学", 1, 1));
    expect(l.kind).toBe("#VALUE!");
    expect(l.zh).toContain("未知的学段“中学”");
  });

  test("an indicator named as the school table's header names its resource", () => {
    const cases: [string, string][] = [
      ["高学历教师数", "qualifiedTeachers"],
      ["小学高于规定学历教师数", "qualifiedTeachers"],
      ["高于规定学历教师数", "qualifiedTeachers"],
      ["县级以上骨干教师数", "keyTeachers"],
      ["体育艺术专任教师数", "peArtTeachers"],
      ["教学及辅助用房面积（㎡）", "teachingArea"],
      ["运动场馆面积", "sportsArea"],
      ["仪器设备值", "equipmentValue"],
      ["教学仪器设备值（万元）", "equipmentValue"],
      ["多媒体教室数", "multimediaRooms"],
      ["网络多媒体教室", "multimediaRooms"],
    ];
    for (const [name, id] of cases) {
      expect(indicatorOf(P, name, "小学", 21, 500)).toBe(indicatorOf(P, id, "小学", 21, 500));
    }
    // every header the reader matches to a resource column names that column's indicator
    for (const id of INDICATOR_IDS) {
      const capitalized = id[0].toUpperCase() + id.slice(1);
      const columns = COLUMNS.filter((c) =>
        [id, `primary${capitalized}`, `junior${capitalized}`].includes(c.id),
      );
      expect(columns.length).toBeGreaterThan(0);
      for (const c of columns) {
        for (const name of [templateHeader(c), c.zh, ...(c.aliases ?? [])]) {
          expect([name, resolveIndicator(name, P)]).toEqual([name, id]);
        }
      }
    }
  });

  test("a level as the reader reads a 学段 column: 小学部, 初中段, 初级中学, full-width letters", () => {
    const primary = cvLimitFor(P, "小学");
    const junior = cvLimitFor(P, "初中");
    expect(primary).not.toBe(junior);
    for (const level of ["小学部", "小学阶段", " 小 学 ", "ｐｒｉｍａｒｙ"])
      expect(cvLimitFor(P, level)).toBe(primary);
    for (const level of ["初中段", "初中学段", "初级中学", "Junior"])
      expect(cvLimitFor(P, level)).toBe(junior);
  });

  test("高中 is named as outside compulsory education, not as an unknown word", () => {
    const e = excelError(() => indicatorOf(P, "高学历教师", "高中", 1, 1));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("不是义务教育的学段");
    expect(e.en).toContain("not a level of compulsory education");
  });

  test("numbers written as text, as the reader reads them: 1,234, full-width digits", () => {
    const typed = indicatorOf(P, "高学历教师", "小学", 21, 1234);
    expect(indicatorOf(P, "高学历教师", "小学", "21", "1,234")).toBe(typed);
    expect(indicatorOf(P, "高学历教师", "小学", "２１", "１，２３４")).toBe(typed);
    expect(shortfallOf(P, "高学历教师", "小学", "18", "510")).toBe(
      shortfallOf(P, "高学历教师", "小学", 18, 510),
    );
    const unit = excelError(() => indicatorOf(P, "高学历教师", "小学", "12 人", 500));
    expect(unit.kind).toBe("#VALUE!");
    expect(unit.zh).toContain("“12 人”");
  });

  test("an error value in a single-cell argument is passed on, as Excel's functions do, naming the argument", () => {
    // =IFNA(BALANCE.指标值(…, VLOOKUP(…)), "") keeps working: the lookup's #N/A comes out as #N/A
    const e = excelError(() => indicatorOf(P, "高学历教师", "小学", { code: "#N/A" }, 500));
    expect(e.kind).toBe("#N/A");
    expect(e.zh).toContain("数量是错误值 #N/A");
    expect(e.en).toContain("the amount is the error value #N/A");
    const d = excelError(() => indicatorOf(P, "高学历教师", "小学", 21, { code: "#DIV/0!" }));
    expect([d.kind, d.zh]).toEqual(["#DIV/0!", "在校生数是错误值 #DIV/0!"]);
    // errors a function cannot return (#REF!, #NAME?) are #VALUE!, still named
    const r = excelError(() => standardFor(P, { code: "#REF!" }, "小学"));
    expect([r.kind, r.zh]).toEqual(["#VALUE!", "指标是错误值 #REF!"]);
    expect(excelError(() => cvLimitFor(P, { code: "#NUM!" })).kind).toBe("#NUM!");
    expect(excelError(() => shortfallOf(P, "高学历教师", "小学", 18, 500, { code: "#NULL!" })).kind).toBe(
      "#NULL!",
    );
  });

  test("a unit that does not belong to the indicator → #VALUE!", () => {
    expect(excelError(() => indicatorOf(P, "高学历教师", "小学", 21, 500, "㎡")).kind).toBe("#VALUE!");
    expect(excelError(() => indicatorOf(P, "仪器设备", "小学", 21, 500, "美元")).kind).toBe("#VALUE!");
  });
});

describe("BALANCE.STANDARD and BALANCE.CVLIMIT (docs/standard.md#indicators thresholds)", () => {
  test.each([
    ["高学历教师", 4.2, 5.3],
    ["骨干教师", 1.0, 1.0],
    ["体艺教师", 0.9, 0.9],
    ["教学用房", 4.5, 5.8],
    ["运动场馆", 7.5, 10.2],
    ["仪器设备", 2000, 2500],
    ["多媒体教室", 2.3, 2.4],
  ])("%s: primary %d, junior %d", (name, primary, junior) => {
    expect(standardFor(P, name, "小学")).toBe(primary);
    expect(standardFor(P, name, "初中")).toBe(junior);
  });

  test("CV limits: 0.50 primary, 0.45 junior (not the 2012 composite 0.65 / 0.55)", () => {
    expect(cvLimitFor(P, "小学")).toBe(0.5);
    expect(cvLimitFor(P, "junior")).toBe(0.45);
  });

  test("follow the profile given: its thresholds and its names", () => {
    const parsed = parseProfile({
      extends: "national-2017",
      id: "province-x",
      cvLimit: { primary: 0.4 },
      indicators: { keyTeachers: { shortName: { zh: "骨干", en: "Key" }, standard: { primary: 1.5 } } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const profile: Profile = parsed.profile;
    expect(standardFor(profile, "骨干", "小学")).toBe(1.5);
    expect(standardFor(profile, "keyTeachers", "初中")).toBe(1.0);
    expect(cvLimitFor(profile, "小学")).toBe(0.4);
    expect(excelError(() => standardFor(profile, "骨干教师", "小学")).kind).toBe("#VALUE!");
  });

  test("missing level → #VALUE!", () => {
    expect(excelError(() => cvLimitFor(P, "")).kind).toBe("#VALUE!");
    expect(excelError(() => cvLimitFor(P, null)).zh).toContain("缺少学段");
  });
});

describe("BALANCE.SHORTFALL (docs/standard.md#indicators, whole numbers for people and rooms)", () => {
  test("teachers: 500 students need 21 qualified teachers at 4.2 per 100", () => {
    expect(shortfallOf(P, "高学历教师", "小学", 18, 500)).toBe(3);
  });

  test("people are counted whole: 510 students need 21.42 → 22 teachers", () => {
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510)).toBe(4);
  });

  test('"floor": 85 % of the standard (3.57 per 100 → 18.21 → 19 teachers for 510 students)', () => {
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, "floor")).toBe(1);
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, "standard")).toBe(4);
    // the Chinese words the function's description gives: “标准” and “85%” (full-width ％ too)
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, "85%")).toBe(1);
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, "８５％")).toBe(1);
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, "标准")).toBe(4);
  });

  test("rooms are whole too", () => {
    // 2.4 per 100 × 1010 = 24.24 → 25 rooms
    expect(shortfallOf(P, "多媒体教室", "初中", 20, 1010)).toBe(5);
  });

  test("areas are not rounded", () => {
    expect(shortfallOf(P, "教学用房", "小学", 1000, 333)).toBeCloseTo(4.5 * 333 - 1000, 9);
  });

  test("equipment value in the unit it was given in", () => {
    // 2000 元 × 500 = 100 万元
    expect(shortfallOf(P, "仪器设备", "小学", 80, 500)).toBeCloseTo(20, 9);
    expect(shortfallOf(P, "仪器设备", "小学", 800_000, 500, "standard", "元")).toBeCloseTo(200_000, 6);
  });

  test("0 when met, exactly at the standard included", () => {
    expect(shortfallOf(P, "高学历教师", "小学", 21, 500)).toBe(0);
    expect(shortfallOf(P, "高学历教师", "小学", 30, 500)).toBe(0);
    expect(shortfallOf(P, "运动场馆", "初中", 10.2 * 777, 777)).toBe(0);
  });

  test("bad target, students 0 and bad amounts", () => {
    const t = excelError(() => shortfallOf(P, "高学历教师", "小学", 18, 500, "最低"));
    expect(t.kind).toBe("#VALUE!");
    expect(t.en).toContain('"floor"');
    expect(excelError(() => shortfallOf(P, "高学历教师", "小学", 18, 0)).kind).toBe("#DIV/0!");
    expect(excelError(() => shortfallOf(P, "高学历教师", "小学", "十八", 500)).kind).toBe("#VALUE!");
  });

  test("a target written as a percentage in the formula (85%, 100%) is the number Excel makes of it", () => {
    // =BALANCE.资源缺口("高学历教师", "小学", 18, 510, 85%) passes 0.85, a cell formatted as 100% passes 1
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, 0.85)).toBe(
      shortfallOf(P, "高学历教师", "小学", 18, 510, "floor"),
    );
    expect(shortfallOf(P, "高学历教师", "小学", 18, 510, 1)).toBe(
      shortfallOf(P, "高学历教师", "小学", 18, 510, "standard"),
    );
    // the floor is the profile's: a province's 90 % floor is 90%, and 85% is then no target of it
    const parsed = parseProfile({
      extends: "national-2017",
      id: "province-90",
      passRule: { floorRatio: 0.9 },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(shortfallOf(parsed.profile, "高学历教师", "小学", 18, 510, 0.9)).toBe(
      shortfallOf(parsed.profile, "高学历教师", "小学", 18, 510, "floor"),
    );
    const other = excelError(() => shortfallOf(parsed.profile, "高学历教师", "小学", 18, 510, 0.85));
    expect(other.kind).toBe("#VALUE!");
    expect(other.zh).toContain("未知的目标0.85");
    expect(other.zh).toContain("90%");
  });

  test("a target that is a logical value is named as Excel shows it", () => {
    const e = excelError(() => shortfallOf(P, "高学历教师", "小学", 18, 500, true));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("未知的目标TRUE");
    expect(e.en).toContain("unknown target TRUE");
  });
});
