import {
  additionalAmount,
  buildSections,
  evaluate,
  evaluateSection,
  indicatorStatus,
  sectionPasses,
  type IndicatorStatus,
  type SchoolRecord,
} from "../../src/engine";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { goodJunior, goodPrimary, profileWith, school } from "./helpers";

const P = NATIONAL_2017;
const only = (record: SchoolRecord) => evaluate([record], P).sections[0];

/** goodPrimary with one facility replaced (100 pupils, so per-student value = amount / 100). */
const primaryWith = (facilities: Partial<SchoolRecord["facilities"]>, name = "甲小学"): SchoolRecord => {
  const r = goodPrimary(name);
  return { ...r, facilities: { ...r.facilities, ...facilities } };
};

describe("school pass rule (校校达标) — docs/standard.md#pass-rule", () => {
  test("all seven met → passes", () => {
    const s = only(goodPrimary("甲小学"));
    expect(s.metCount).toBe(7);
    expect(Object.values(s.met).every(Boolean)).toBe(true);
    expect(s.pass).toBe(true);
    expect(s.shortfalls).toEqual([]);
  });

  test("6 met and the seventh exactly at 85 % of its standard → passes (comparison exact, no rounding)", () => {
    // 0.85 × 4.5 m² = 3.825 m² per pupil
    const s = only(primaryWith({ teachingArea: 382.5 }));
    expect(s.values.teachingArea).toBe(3.825);
    expect(s.status.teachingArea).toBe("floor");
    expect(s.met.teachingArea).toBe(false);
    expect(s.metCount).toBe(6);
    expect(s.pass).toBe(true);
  });

  test("6 met and the seventh just below 85 % → fails", () => {
    const s = only(primaryWith({ teachingArea: 382.4 }));
    expect(s.status.teachingArea).toBe("unmet");
    expect(s.pass).toBe(false);
  });

  test("a value exactly at its standard is met", () => {
    // junior equipment 2,500 元 per pupil; qualified teachers 5.3 per 100 pupils
    const r = goodJunior("乙中学", 1000);
    r.facilities.equipmentValue = 2500 * 1000;
    r.teachers.junior.qualifiedTeachers = 53;
    const s = only(r);
    expect(s.status.equipmentValue).toBe("met");
    expect(s.status.qualifiedTeachers).toBe("met");
    expect(s.pass).toBe(true);
  });

  test("two below their standard, even both above 85 % → fails", () => {
    const s = only(primaryWith({ teachingArea: 400, sportsArea: 700 }));
    expect(s.status.teachingArea).toBe("floor");
    expect(s.status.sportsArea).toBe("floor");
    expect(s.metCount).toBe(5);
    expect(s.pass).toBe(false);
  });

  test("sectionPasses follows the profile's minMet and floor", () => {
    const six: IndicatorStatus[] = ["met", "met", "met", "met", "met", "met", "floor"];
    const five: IndicatorStatus[] = ["met", "met", "met", "met", "met", "floor", "floor"];
    const unmet: IndicatorStatus[] = ["met", "met", "met", "met", "met", "met", "unmet"];
    expect(sectionPasses(P, six)).toBe(true);
    expect(sectionPasses(P, five)).toBe(false);
    expect(sectionPasses(P, unmet)).toBe(false);
    const lenient = profileWith((p) => {
      p.passRule.minMet = 5;
    });
    expect(sectionPasses(lenient, five)).toBe(true);
    expect(sectionPasses(lenient, unmet)).toBe(false);
  });

  test("indicatorStatus: met / floor / unmet around the standard and 85 % of it", () => {
    expect(indicatorStatus(P, "sportsArea", "junior", 10.2)).toBe("met");
    expect(indicatorStatus(P, "sportsArea", "junior", 10.2 * 0.85)).toBe("floor");
    expect(indicatorStatus(P, "sportsArea", "junior", 8.669)).toBe("unmet");
    expect(indicatorStatus(P, "keyTeachers", "primary", 0.85)).toBe("floor");
    expect(indicatorStatus(P, "keyTeachers", "primary", 0.8499)).toBe("unmet");
  });

  test("thresholds differ per level (docs/standard.md#indicators)", () => {
    for (const id of INDICATOR_IDS) {
      const { primary, junior } = P.indicators[id].standard;
      expect(indicatorStatus(P, id, "primary", primary)).toBe("met");
      expect(indicatorStatus(P, id, "junior", junior)).toBe("met");
    }
    expect(indicatorStatus(P, "teachingArea", "junior", 4.5)).toBe("unmet");
  });

  test("excluded sections never pass and take no part in the level", () => {
    const special = school({
      name: "特教学校",
      type: "special",
      students: { primary: 80 },
      teachers: { primary: { qualifiedTeachers: 50, keyTeachers: 10, peArtTeachers: 10 } },
      facilities: { teachingArea: 5000, sportsArea: 9000, equipmentValue: 1e7, multimediaRooms: 30 },
    });
    const evaluation = evaluate([goodPrimary("甲小学"), special], P);
    expect(evaluation.sections[1].included).toBe(false);
    expect(evaluation.sections[1].pass).toBe(false);
    expect(evaluation.levels.primary.sections).toBe(1);
    expect(evaluation.levels.primary.balance.teachingArea.cv).toBe(0);
    expect(evaluation.resourcesPass).toBe(true);
  });
});

/** Two primary sections of 100 pupils with teaching areas a and b m² (other indicators equal). */
function twoSchools(a: number, b: number, level: "primary" | "junior" = "primary") {
  const make = level === "primary" ? goodPrimary : goodJunior;
  const x = make("甲校");
  const y = make("乙校");
  x.facilities.sportsArea = a;
  y.facilities.sportsArea = b;
  return evaluate([x, y], P).levels[level];
}

describe("per-indicator balance (项项达标) — docs/standard.md#indicators, docs/standard.md#coefficient", () => {
  test("primary CV exactly 0.50 passes, just over fails", () => {
    // values 9 and 27 m² per pupil, equal enrolment: X̄ = 18, S = 9, CV = 0.5
    const at = twoSchools(900, 2700);
    expect(at.balance.sportsArea.cv).toBeCloseTo(0.5, 12);
    expect(at.balance.sportsArea.limit).toBe(0.5);
    expect(at.balance.sportsArea.pass).toBe(true);
    const over = twoSchools(900, 2701);
    expect(over.balance.sportsArea.cv).toBeGreaterThan(0.5);
    expect(over.balance.sportsArea.pass).toBe(false);
    expect(over.passingSections).toBe(2);
    expect(over.pass).toBe(false);
  });

  test("junior CV exactly 0.45 passes, just over fails", () => {
    // 11 and 29 m² per pupil: X̄ = 20, S = 9, CV = 0.45
    const at = twoSchools(1100, 2900, "junior");
    expect(at.balance.sportsArea.cv).toBeCloseTo(0.45, 12);
    expect(at.balance.sportsArea.pass).toBe(true);
    expect(at.pass).toBe(true);
    const over = twoSchools(1100, 2901, "junior");
    expect(over.balance.sportsArea.pass).toBe(false);
  });

  test("county ratio is the county total over county pupils (docs/standard.md#coefficient)", () => {
    const a = goodPrimary("甲校", 100);
    const b = goodPrimary("乙校", 300);
    a.facilities.teachingArea = 1000;
    b.facilities.teachingArea = 1500;
    const level = evaluate([a, b], P).levels.primary;
    expect(level.balance.teachingArea.countyRatio).toBeCloseTo(2500 / 400, 12);
    expect(level.students).toBe(400);
  });

  test("one section only → CV 0, passes", () => {
    const level = evaluate([goodPrimary("甲校")], P).levels.primary;
    for (const id of INDICATOR_IDS) expect(level.balance[id].cv).toBe(0);
    expect(level.pass).toBe(true);
  });

  test("X̄ = 0 → CV undefined (null), reported as not passing", () => {
    const a = goodPrimary("甲校");
    const b = goodPrimary("乙校");
    a.facilities.multimediaRooms = 0;
    b.facilities.multimediaRooms = 0;
    const level = evaluate([a, b], P).levels.primary;
    expect(level.balance.multimediaRooms.countyRatio).toBe(0);
    expect(level.balance.multimediaRooms.cv).toBeNull();
    expect(level.balance.multimediaRooms.pass).toBe(false);
  });

  test("a level with no included section has 0 sections and passes", () => {
    const evaluation = evaluate([goodPrimary("甲校")], P);
    const junior = evaluation.levels.junior;
    expect(junior.sections).toBe(0);
    expect(junior.students).toBe(0);
    expect(junior.pass).toBe(true);
    for (const id of INDICATOR_IDS) {
      expect(junior.balance[id].cv).toBeNull();
      expect(junior.balance[id].pass).toBe(true);
    }
    expect(evaluation.resourcesPass).toBe(true);
  });

  test("no composite average: one indicator over its limit fails the level although the others are 0", () => {
    const level = twoSchools(900, 3000);
    const others = INDICATOR_IDS.filter((id) => id !== "sportsArea");
    for (const id of others) expect(level.balance[id].cv).toBeCloseTo(0, 12);
    expect(level.pass).toBe(false);
  });

  test("CV limits come from the profile", () => {
    const strict = profileWith((p) => {
      p.cvLimit.primary = 0.3;
    });
    const a = goodPrimary("甲校");
    const b = goodPrimary("乙校");
    a.facilities.sportsArea = 900;
    b.facilities.sportsArea = 1800; // CV = 1/3
    expect(evaluate([a, b], P).levels.primary.balance.sportsArea.pass).toBe(true);
    expect(evaluate([a, b], strict).levels.primary.balance.sportsArea.pass).toBe(false);
  });
});

describe("county resource verdict — docs/standard.md#parts", () => {
  test("passes when every included section passes and every CV is within its limit", () => {
    const e = evaluate([goodPrimary("甲校"), goodPrimary("乙校", 200), goodJunior("丙校")], P);
    expect(e.profile).toBe("national-2017");
    expect(e.levels.primary.pass && e.levels.junior.pass).toBe(true);
    expect(e.resourcesPass).toBe(true);
  });

  test("one failing section fails its level and the county", () => {
    const bad = goodJunior("丙校");
    bad.teachers.junior.keyTeachers = 0;
    const e = evaluate([goodPrimary("甲校"), bad], P);
    expect(e.levels.primary.pass).toBe(true);
    expect(e.levels.junior.passingSections).toBe(0);
    expect(e.levels.junior.pass).toBe(false);
    expect(e.resourcesPass).toBe(false);
  });

  test("a combined school gives one section per level, each named by the school", () => {
    const r = school({
      name: "白狼镇九年一贯制学校",
      type: "nineYear",
      students: { primary: 200, junior: 100 },
    });
    const e = evaluate([r], P);
    expect(e.sections.map((s) => [s.school, s.level, s.recordIndex])).toEqual([
      ["白狼镇九年一贯制学校", "primary", 0],
      ["白狼镇九年一贯制学校", "junior", 0],
    ]);
  });
});

describe("shortfalls in natural units — docs/standard.md#indicators, docs/standard.md#scope", () => {
  // 150 pupils: 5 qualified teachers (3.33 per 100, below the floor 3.57), 600 m² teaching area (4.0, above the
  // floor 3.825), 240,000 元 of equipment (1,600, below the floor 1,700)
  const r = goodPrimary("甲小学", 150);
  r.teachers.primary.qualifiedTeachers = 5;
  r.facilities.teachingArea = 600;
  r.facilities.equipmentValue = 240000;
  const s = only(r);
  const of = (id: string) => s.shortfalls.find((x) => x.indicator === id);

  test("one entry per indicator below its standard", () => {
    expect(s.shortfalls.map((x) => x.indicator).sort()).toEqual([
      "equipmentValue",
      "qualifiedTeachers",
      "teachingArea",
    ]);
    expect(s.pass).toBe(false);
  });

  test("teachers in whole people: 4.2 × 1.5 = 6.3 → 2 more; 85 % = 5.355 → 1 more", () => {
    expect(of("qualifiedTeachers")).toMatchObject({ toStandard: 2, toFloor: 1, schoolToStandard: null });
  });

  test("area in m²: 675 − 600 = 75 m² to the standard, none to the floor", () => {
    expect(of("teachingArea")?.toStandard).toBeCloseTo(75, 9);
    expect(of("teachingArea")?.toFloor).toBe(0);
  });

  test("equipment in 元: 60,000 元 to the standard, 15,000 元 to the floor", () => {
    expect(of("equipmentValue")?.toStandard).toBeCloseTo(60000, 6);
    expect(of("equipmentValue")?.toFloor).toBeCloseTo(15000, 6);
  });

  test("adding the shortfall reaches the standard; whole units one less do not", () => {
    const fixed = {
      ...r,
      teachers: { ...r.teachers, primary: { ...r.teachers.primary, qualifiedTeachers: 7 } },
    };
    expect(only(fixed).status.qualifiedTeachers).toBe("met");
    const almost = {
      ...r,
      teachers: { ...r.teachers, primary: { ...r.teachers.primary, qualifiedTeachers: 6 } },
    };
    expect(only(almost).status.qualifiedTeachers).toBe("floor");
  });

  test("rooms in whole rooms; additionalAmount is 0 when already there", () => {
    expect(additionalAmount(P, "multimediaRooms", 2.3, 3, 150)).toBe(1); // 3.45 rooms needed
    expect(additionalAmount(P, "multimediaRooms", 2.3, 4, 150)).toBe(0);
    expect(additionalAmount(P, "multimediaRooms", 2.4, 5, 250)).toBe(1); // exactly 6 needed, no float noise
  });

  test("apportioned facilities: the whole-school addition that lifts the section's share to the standard", () => {
    // 九年一贯制 166 + 210 with 6 rooms: the primary share 166/397 has 2.51 rooms, 3.818 needed
    const nine = school({
      name: "九年一贯制学校",
      type: "nineYear",
      students: { primary: 166, junior: 210 },
      teachers: {
        primary: { qualifiedTeachers: 10, keyTeachers: 3, peArtTeachers: 3 },
        junior: { qualifiedTeachers: 15, keyTeachers: 3, peArtTeachers: 3 },
      },
      facilities: { teachingArea: 5000, sportsArea: 9000, equipmentValue: 1e6, multimediaRooms: 6 },
    });
    const primary = evaluate([nine], P).sections[0];
    const short = primary.shortfalls.find((x) => x.indicator === "multimediaRooms")!;
    expect(primary.facilityShare).toBeCloseTo(166 / 397, 12);
    expect(short.toStandard).toBe(2);
    expect(short.schoolToStandard).toBe(4);
    const withRooms = (n: number) => {
      const copy = structuredClone(nine);
      copy.facilities.multimediaRooms = n;
      return evaluate([copy], P).sections[0].status.multimediaRooms;
    };
    expect(withRooms(6 + 4)).toBe("met");
    expect(withRooms(6 + 3)).not.toBe("met");
    // the floor: 0.85 × 2.3 × 1.66 = 3.2453 rooms for the section
    expect(short.schoolToFloor).toBe(2);
    expect(withRooms(6 + 2)).not.toBe("unmet");
    expect(withRooms(6 + 1)).toBe("unmet");
  });

  test("apportioned area: the whole-school addition is the section's need divided by its share", () => {
    const complete = school({
      type: "complete",
      students: { junior: 600, senior: 500 },
      facilities: { teachingArea: 6000 },
    });
    const [section] = buildSections([complete], P);
    const short = evaluateSection(P, section).shortfalls.find((x) => x.indicator === "teachingArea")!;
    // share 0.5: the section has 3,000 m², needs 5.8 × 600 = 3,480 m²
    expect(short.toStandard).toBeCloseTo(480, 9);
    expect(short.schoolToStandard).toBeCloseTo(960, 9);
  });
});
