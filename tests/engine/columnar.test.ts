/**
 * The columnar engine against a straightforward reference written here, section by section, from the rules
 * (docs/standard.md#scope, docs/standard.md#teaching-points, docs/standard.md#apportioning,
 * docs/standard.md#indicators, docs/standard.md#pass-rule, docs/standard.md#coefficient), on random counties of
 * every shape: combined schools, facilities given per section, teaching points merged and not, excluded
 * sections, zero students, and profiles that change the pass rule and the exclusions.
 */
import fc from "fast-check";
import {
  evaluate,
  excludedSections,
  failingSections,
  sectionCount,
  sectionPage,
  type Evaluation,
  type Facilities,
  type SchoolRecord,
} from "../../src/engine";
import {
  INDICATOR_IDS,
  LEVELS,
  inIndicatorOrder,
  indicatorRecord,
  type IndicatorId,
  type Level,
} from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";
import { recordsArb } from "../trust/generators";

const TOLERANCE = 1e-9;
const atLeast = (v: number, t: number) => v >= t - Math.abs(t) * TOLERANCE;

interface RefSection {
  recordIndex: number;
  school: string;
  level: Level;
  students: number;
  included: boolean;
  exclusion: string | undefined;
  facilityShare: number | null;
  amounts: Record<IndicatorId, number>;
  values: Record<IndicatorId, number | null>;
  status: Record<IndicatorId, string | null>;
  metCount: number;
  pass: boolean;
}

const plus = (a: Facilities, b: Facilities): Facilities => ({
  teachingArea: a.teachingArea + b.teachingArea,
  sportsArea: a.sportsArea + b.sportsArea,
  equipmentValue: a.equipmentValue + b.equipmentValue,
  multimediaRooms: a.multimediaRooms + b.multimediaRooms,
});

/** The schools to evaluate, by record index, teaching points merged into their parents if the profile says so. */
function referenceSchools(records: SchoolRecord[], profile: Profile): (SchoolRecord | null)[] {
  const schools: (SchoolRecord | null)[] = records.map((r) => structuredClone(r));
  if (profile.teachingPoints !== "mergeIntoParent") return schools;
  const indexOf = new Map<string, number>();
  records.forEach((r, i) => indexOf.set(r.name, i));
  records.forEach((point, i) => {
    if (point.type !== "teachingPoint" || !point.parent) return;
    const p = indexOf.get(point.parent);
    if (p === undefined || p === i || records[p].type === "teachingPoint") return;
    // a parent without a primary section (初中, 完全中学, 职业学校) cannot take the point's pupils in
    if (!["primary", "nineYear", "twelveYear", "special"].includes(records[p].type)) return;
    const parent = schools[p] as SchoolRecord;
    parent.students.primary += point.students.primary;
    for (const id of ["qualifiedTeachers", "keyTeachers", "peArtTeachers"] as const)
      parent.teachers.primary[id] += point.teachers.primary[id];
    if (parent.sectionFacilities?.primary)
      parent.sectionFacilities.primary = plus(parent.sectionFacilities.primary, point.facilities);
    else parent.facilities = plus(parent.facilities, point.facilities);
    schools[i] = null;
  });
  return schools;
}

function shareOf(school: SchoolRecord, level: Level, profile: Profile): number {
  const { primary: a, junior: b, senior: c } = school.students;
  const w = profile.apportioning;
  const part = (weights: number[], mine: number) => {
    const total = weights.reduce((x, y) => x + y, 0);
    return total > 0 ? mine / total : 0;
  };
  if (school.type === "nineYear") {
    const parts = [w.nineYear.primary * a, w.nineYear.junior * b];
    return part(parts, parts[level === "primary" ? 0 : 1]);
  }
  if (school.type === "twelveYear") {
    const parts = [w.twelveYear.primary * a, w.twelveYear.junior * b, w.twelveYear.senior * c];
    return part(parts, parts[level === "primary" ? 0 : 1]);
  }
  if (school.type === "complete")
    return part([w.complete.junior * b, w.complete.senior * c], w.complete.junior * b);
  if (school.type === "special") return part([a, b], level === "primary" ? a : b);
  return 1;
}

function referenceSections(records: SchoolRecord[], profile: Profile): RefSection[] {
  const out: RefSection[] = [];
  referenceSchools(records, profile).forEach((school, recordIndex) => {
    if (!school) return;
    const ofType: Record<string, Level[]> = {
      primary: ["primary"],
      teachingPoint: ["primary"],
      junior: ["junior"],
      complete: ["junior"],
      vocational: ["junior"],
      nineYear: ["primary", "junior"],
      twelveYear: ["primary", "junior"],
      special: ["primary", "junior"],
    };
    let levels = ofType[school.type];
    if (school.type === "special" || school.type === "vocational") {
      const withPupils = levels.filter((l) => school.students[l] > 0);
      levels = withPupils.length > 0 ? withPupils : [levels[0]];
    }
    let whole = school.facilities;
    if (profile.indoorSportsMovesToSportsArea && school.indoorSportsArea) {
      const indoor = school.indoorSportsArea;
      whole = { ...whole, teachingArea: whole.teachingArea - indoor, sportsArea: whole.sportsArea + indoor };
    }
    for (const level of levels) {
      const students = school.students[level];
      let exclusion: string | undefined;
      if (school.type === "special" && profile.exclusions.specialEducation) exclusion = "specialEducation";
      else if (school.type === "vocational" && profile.exclusions.vocational) exclusion = "vocational";
      else if (school.type === "teachingPoint" && students < profile.exclusions.teachingPointMinStudents)
        exclusion = "smallTeachingPoint";
      else if (!(students > 0)) exclusion = "noStudents";
      const given = school.sectionFacilities?.[level];
      const share = given ? null : shareOf(school, level, profile);
      const facility = (id: keyof Facilities) => (given ? given[id] : whole[id] * (share as number));
      const t = school.teachers[level];
      const amounts: Record<IndicatorId, number> = {
        qualifiedTeachers: t.qualifiedTeachers,
        keyTeachers: t.keyTeachers,
        peArtTeachers: t.peArtTeachers,
        teachingArea: facility("teachingArea"),
        sportsArea: facility("sportsArea"),
        equipmentValue: facility("equipmentValue"),
        multimediaRooms: facility("multimediaRooms"),
      };
      const values = {} as Record<IndicatorId, number | null>;
      const status = {} as Record<IndicatorId, string | null>;
      let metCount = 0;
      let below = 0;
      for (const id of INDICATOR_IDS) {
        const def = profile.indicators[id];
        const value = students > 0 ? (amounts[id] * (def.scale === "per100" ? 100 : 1)) / students : null;
        values[id] = value;
        const standard = def.standard[level];
        status[id] =
          value === null
            ? null
            : atLeast(value, standard)
              ? "met"
              : atLeast(value, standard * profile.passRule.floorRatio)
                ? "floor"
                : "unmet";
        if (status[id] === "met") metCount++;
        if (status[id] === null || status[id] === "unmet") below++;
      }
      const included = exclusion === undefined;
      const pass = included && below === 0 && metCount >= profile.passRule.minMet;
      out.push({
        recordIndex,
        school: school.name,
        level,
        students,
        included,
        exclusion,
        facilityShare: share,
        amounts,
        values,
        status,
        metCount,
        pass,
      });
    }
  });
  return out;
}

function referenceCoefficient(values: number[], weights: number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return { mean: null, sd: null, cv: null };
  const mean = values.reduce((a, v, i) => a + weights[i] * v, 0) / total;
  const sd = Math.sqrt(values.reduce((a, v, i) => a + weights[i] * (v - mean) ** 2, 0) / total);
  return { mean, sd, cv: mean === 0 ? null : sd / Math.abs(mean) };
}

function close(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

/** Where two numbers are not within 1e-12 (relative) of each other, or one is null and the other not. */
function apart(actual: number | null, expected: number | null): boolean {
  if (expected === null || actual === null) return actual !== expected;
  return !(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)));
}

function expectSameAsReference(evaluation: Evaluation, records: SchoolRecord[], profile: Profile): void {
  const reference = referenceSections(records, profile);
  expect(evaluation.sections).toHaveLength(reference.length);
  // what differs, gathered and compared once: a county of thousands of sections is checked in one assertion
  const differences: unknown[] = [];
  reference.forEach((r, n) => {
    const s = evaluation.sections[n];
    const exact = [s.recordIndex, s.school, s.level, s.students, s.included, s.exclusion, s.metCount, s.pass];
    const expected = [
      r.recordIndex,
      r.school,
      r.level,
      r.students,
      r.included,
      r.exclusion,
      r.metCount,
      r.pass,
    ];
    if (exact.some((v, i) => v !== expected[i])) differences.push({ n, exact, expected });
    if (apart(s.facilityShare, r.facilityShare))
      differences.push({ n, facilityShare: [s.facilityShare, r.facilityShare] });
    for (const id of INDICATOR_IDS) {
      if (apart(s.amounts[id], r.amounts[id]))
        differences.push({ n, id, amount: [s.amounts[id], r.amounts[id]] });
      if (apart(s.values[id], r.values[id])) differences.push({ n, id, value: [s.values[id], r.values[id]] });
      if (s.status[id] !== r.status[id] || s.met[id] !== (r.status[id] === "met"))
        differences.push({ n, id, status: [s.status[id], s.met[id], r.status[id]] });
    }
    const short = s.shortfalls.map((f) => f.indicator);
    const expectedShort = INDICATOR_IDS.filter((id) => r.status[id] !== null && r.status[id] !== "met");
    if (short.join() !== expectedShort.join()) differences.push({ n, shortfalls: [short, expectedShort] });
  });
  expect(differences).toEqual([]);
  for (const level of LEVELS) {
    const included = reference.filter((r) => r.level === level && r.included);
    const result = evaluation.levels[level];
    expect(result.sections).toBe(included.length);
    expect(result.passingSections).toBe(included.filter((r) => r.pass).length);
    close(
      result.students,
      included.reduce((a, r) => a + r.students, 0),
    );
    let allBalanced = true;
    for (const id of INDICATOR_IDS) {
      const dc = referenceCoefficient(
        included.map((r) => r.values[id] as number),
        included.map((r) => r.students),
      );
      const b = result.balance[id];
      close(b.countyRatio, dc.mean);
      close(b.standardDeviation, dc.sd);
      close(b.cv, dc.cv);
      const limit = profile.cvLimit[level];
      const balanced = included.length === 0 || (dc.cv !== null && dc.cv <= limit + limit * TOLERANCE);
      expect(b.limit).toBe(limit);
      expect(b.pass).toBe(balanced);
      allBalanced &&= balanced;
    }
    expect(result.pass).toBe(allBalanced && included.every((r) => r.pass));
  }
  expect(evaluation.resourcesPass).toBe(LEVELS.every((l) => evaluation.levels[l].pass));
}

/** The national profile and variants: teaching points merged, indoor sports moved, other pass rules and exclusions. */
const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    merge: fc.boolean(),
    indoor: fc.boolean(),
    minMet: fc.constantFrom(5, 6, 7),
    floorRatio: fc.constantFrom(0.8, 0.85, 1),
    special: fc.boolean(),
    vocational: fc.boolean(),
    pointMin: fc.constantFrom(0, 50, 100),
  })
  .map((v) => ({
    ...NATIONAL_2017,
    teachingPoints: v.merge ? "mergeIntoParent" : "ownSchool",
    indoorSportsMovesToSportsArea: v.indoor,
    passRule: { minMet: v.minMet, floorRatio: v.floorRatio },
    exclusions: {
      specialEducation: v.special,
      vocational: v.vocational,
      teachingPointMinStudents: v.pointMin,
    },
  }));

describe("the columnar engine agrees with a per-section reference (docs/standard.md#coefficient)", () => {
  it("on random counties of every shape, to 1e-12", () => {
    fc.assert(
      fc.property(recordsArb(30), profileArb, (records, profile) => {
        expectSameAsReference(evaluate(records, profile), records, profile);
      }),
      { numRuns: 150, seed: 16 },
    );
  });

  it("on counties of thousands of schools, read and judged a block at a time, to 1e-12", () => {
    // counties of every shape put side by side, each keeping its own names (and its teaching points' parents)
    const big = fc.sample(recordsArb(30), { numRuns: 1500, seed: 61 }).flatMap((county, c) =>
      county.map((r) => ({
        ...r,
        name: `${c}-${r.name}`,
        ...(r.parent !== undefined ? { parent: `${c}-${r.parent}` } : {}),
      })),
    );
    const [profile] = fc.sample(profileArb, { numRuns: 1, seed: 62 });
    for (const p of [NATIONAL_2017, profile]) {
      const evaluation = evaluate(big, p);
      // several blocks of each level (evaluate.ts BLOCK_ROWS)
      expect(evaluation.columns.levels.primary.count).toBeGreaterThan(2 * 2048);
      expect(evaluation.columns.levels.junior.count).toBeGreaterThan(2 * 2048);
      expectSameAsReference(evaluation, big, p);
    }
  });

  it("makes the failing and the excluded sections and a page of them as `sections` lists them", () => {
    fc.assert(
      fc.property(recordsArb(30), profileArb, fc.nat(40), fc.nat(10), (records, profile, start, count) => {
        const lazy = evaluate(records, profile);
        const failing = failingSections(lazy);
        const primaryFailing = failingSections(lazy, "primary");
        const page = sectionPage(lazy, start, count);
        const all = evaluate(records, profile).sections;
        expect(sectionCount(lazy)).toBe(all.length);
        expect(failing).toEqual(all.filter((s) => s.included && !s.pass));
        expect(primaryFailing).toEqual(all.filter((s) => s.level === "primary" && s.included && !s.pass));
        expect(page).toEqual(all.slice(start, start + count));
        expect(excludedSections(lazy)).toEqual(all.filter((s) => !s.included));
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it("keeps in its columns the schools, exclusions and verdicts its sections show", () => {
    fc.assert(
      fc.property(recordsArb(30), profileArb, (records, profile) => {
        const evaluation = evaluate(records, profile);
        const seen: Record<Level, number> = { primary: 0, junior: 0 };
        for (const s of evaluation.sections) {
          const columns = evaluation.columns.levels[s.level];
          const row = seen[s.level]++;
          expect(columns.recordIndex[row]).toBe(s.recordIndex);
          expect(columns.pass[row] === 1).toBe(s.pass);
          expect(columns.exclusion[row] === 0).toBe(s.included);
        }
        for (const level of LEVELS) expect(evaluation.columns.levels[level].count).toBe(seen[level]);
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it("names the seven indicators in the order of INDICATOR_IDS, both ways", () => {
    const positions = INDICATOR_IDS.map((_, x) => x);
    expect(Object.entries(indicatorRecord(positions))).toEqual(INDICATOR_IDS.map((id, x) => [id, x]));
    expect(
      inIndicatorOrder(
        Object.fromEntries(INDICATOR_IDS.map((id, x) => [id, x])) as Record<IndicatorId, number>,
      ),
    ).toEqual(positions);
  });

  it("builds `sections` once, on first read, and the same every time", () => {
    const records = fc.sample(recordsArb(20), { numRuns: 1, seed: 3 })[0];
    const evaluation = evaluate(records, NATIONAL_2017);
    expect(evaluation.sections).toBe(evaluation.sections);
    expect(evaluate(records, NATIONAL_2017)).toEqual(evaluation);
  });
});
