import { countyChecklist } from "../../src/engine/county/checklist";
import { findCounty, readiness } from "../../src/engine/county/readiness";
import { type CountyAnswers } from "../../src/engine/county/results";
import { evaluateCounty, evaluateItem, measureStatus } from "../../src/engine/county/verdict";
import { evaluate } from "../../src/engine/evaluate";
import {
  COUNTY_MEASURES,
  GUARANTEE_ITEMS,
  QUALITY_ITEMS,
  RECOGNITION_ITEM,
  VETOES,
  measureById,
} from "../../src/standard/county";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { calendarDayOf } from "../../src/engine/years";
import { goodPrimary } from "../engine/helpers";
import { passingAnswers, soundPrimary } from "./helpers";

const m = (id: string) => {
  const found = measureById(id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
};

describe("the catalogue (docs/standard.md#parts, docs/standard.md#guarantee, docs/standard.md#quality)", () => {
  it("holds 15 guarantee items, 9 quality items, recognition and 5 vetoes, numbered in order", () => {
    expect(GUARANTEE_ITEMS.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(QUALITY_ITEMS.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(RECOGNITION_ITEM.measures[0].threshold).toBe(0.85);
    expect(VETOES.map((v) => v.key)).toEqual(["V1", "V2", "V3", "V4", "V5"]);
    expect(GUARANTEE_ITEMS.filter((i) => i.derived).map((i) => i.item)).toEqual([3, 4, 5]);
  });

  it("measure ids and sheet codes are unique", () => {
    expect(new Set(COUNTY_MEASURES.map((x) => x.id)).size).toBe(COUNTY_MEASURES.length);
    expect(new Set(COUNTY_MEASURES.map((x) => x.code)).size).toBe(COUNTY_MEASURES.length);
    expect(new Set(COUNTY_MEASURES.map((x) => x.codeEn)).size).toBe(COUNTY_MEASURES.length);
  });
});

/** Each numeric measure at, just below and just above its threshold: exactly at the limit passes. */
const AT_LEAST: [string, string, number, number][] = [
  ["#guarantee-7 special-education funding ≥ 6,000 元", "g7.funding", 6000, 1],
  ["#guarantee-8 teacher / civil-servant pay ≥ 1", "g8.payRatio", 1, 0.001],
  ["#guarantee-9 training completion 100 %", "g9.training", 1, 0.001],
  ["#guarantee-11 rotation ≥ 10 %", "g11.rotation", 0.1, 0.001],
  ["#guarantee-11 key teachers ≥ 20 % of those rotated", "g11.keyShare", 0.2, 0.001],
  ["#guarantee-12 teaching certificates 100 %", "g12.certified", 1, 0.001],
  ["#guarantee-13 nearby enrolment, primary 100 %", "g13.primary", 1, 0.001],
  ["#guarantee-13 nearby enrolment, junior ≥ 95 %", "g13.junior", 0.95, 0.001],
  ["#guarantee-14 senior-high quota ≥ 50 %", "g14.quota", 0.5, 0.001],
  ["#guarantee-15 migrant children ≥ 85 %", "g15.migrant", 0.85, 0.001],
  ["#quality-1 junior retention ≥ 95 %", "q1.retention", 0.95, 0.001],
  ["#quality-2 enrolment of children with disabilities ≥ 95 %", "q2.disabledEnrolment", 0.95, 0.001],
  ["#quality-4 training budget ≥ 5 % in every school", "q4.trainingBudget", 0.05, 0.001],
  ["#quality-9 monitoring level ≥ Ⅲ", "q9.level", 3, 1],
  ["§1 social recognition ≥ 85 %", "r1.recognition", 0.85, 0.001],
];

describe.each(AT_LEAST)("docs/standard.md%s", (_name, id, threshold, step) => {
  it("passes at the threshold, fails just below, passes just above", () => {
    expect(measureStatus(m(id), threshold)).toBe("pass");
    expect(measureStatus(m(id), threshold - step)).toBe("fail");
    if (threshold < 1 || id === "g7.funding" || id === "g8.payRatio" || id === "q9.level") {
      expect(measureStatus(m(id), threshold + step)).toBe("pass");
    }
  });

  it("passes at a threshold computed in floating point (0.1 + 0.2 style noise)", () => {
    expect(measureStatus(m(id), threshold * (1 - 1e-13))).toBe("pass");
  });

  it("is missing when blank", () => {
    expect(measureStatus(m(id), null)).toBe("missing");
  });
});

describe("docs/standard.md#quality-9: difference rate strictly below 0.15", () => {
  it("0.15 itself fails, 0.1499 passes, 0.1501 fails, blank is missing", () => {
    const rate = m("q9.differenceRate");
    expect(measureStatus(rate, 0.15)).toBe("fail");
    expect(measureStatus(rate, 0.1499)).toBe("pass");
    expect(measureStatus(rate, 0.1501)).toBe("fail");
    expect(measureStatus(rate, 0.15 + 1e-17)).toBe("fail");
    expect(measureStatus(rate, null)).toBe("missing");
  });

  it("the item needs both the level and the rate", () => {
    const q9 = QUALITY_ITEMS[8];
    const answers = (level: number | null, rate: number | null): CountyAnswers => ({
      "q9.level": { value: level },
      "q9.differenceRate": { value: rate },
    });
    expect(evaluateItem(q9, answers(3, 0.12), null).status).toBe("pass");
    expect(evaluateItem(q9, answers(2, 0.12), null).status).toBe("fail");
    expect(evaluateItem(q9, answers(4, 0.15), null).status).toBe("fail");
    expect(evaluateItem(q9, answers(3, null), null).status).toBe("missing");
    // a known failure is reported as failing even while another measure is missing
    expect(evaluateItem(q9, answers(2, null), null).status).toBe("fail");
    expect(evaluateItem(q9, answers(3, 0.12), null).value).toEqual({ level: 3, differenceRate: 0.12 });
  });
});

describe("attested items (是/否)", () => {
  it("是 passes, 否 fails, blank is missing, a number is not an answer", () => {
    const g1 = m("g1.attested");
    expect(measureStatus(g1, true)).toBe("pass");
    expect(measureStatus(g1, false)).toBe("fail");
    expect(measureStatus(g1, null)).toBe("missing");
    expect(measureStatus(g1, 1)).toBe("missing");
  });

  it("#guarantee-6 accepts 是/否 or the share funded as 100 students (100 % needed)", () => {
    const g6 = m("g6.funded");
    expect(measureStatus(g6, true)).toBe("pass");
    expect(measureStatus(g6, false)).toBe("fail");
    expect(measureStatus(g6, 1)).toBe("pass");
    expect(measureStatus(g6, 0.999)).toBe("fail");
  });

  it("#guarantee-15 needs the share and the care system; item 8 the ratio and performance pay", () => {
    const g15 = GUARANTEE_ITEMS[14];
    const a = (share: number, care: boolean | null): CountyAnswers => ({
      "g15.migrant": { value: share },
      "g15.leftBehindCare": { value: care },
    });
    expect(evaluateItem(g15, a(0.85, true), null).status).toBe("pass");
    expect(evaluateItem(g15, a(0.85, false), null).status).toBe("fail");
    expect(evaluateItem(g15, a(0.84, true), null).status).toBe("fail");
    expect(evaluateItem(g15, a(0.9, null), null).status).toBe("missing");
    const g8 = GUARANTEE_ITEMS[7];
    expect(
      evaluateItem(g8, { "g8.payRatio": { value: 1.02 }, "g8.performancePay": { value: false } }, null)
        .status,
    ).toBe("fail");
  });
});

describe("docs/standard.md#veto the one-vote vetoes", () => {
  const sound = [soundPrimary("第一小学", 3), soundPrimary("第二小学", 4)];

  it("否 to every veto question and recognition ≥ 85 %: no veto applies", () => {
    const verdict = evaluateCounty({ records: sound, evaluation: null, answers: passingAnswers() });
    expect(verdict.vetoes.map((v) => v.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(verdict.parts.vetoes).toBe("pass");
  });

  it.each(["v1.examAdmission", "v2.schoolChoice", "v3.keySchools", "v4.fraud"])(
    "是 to %s applies the veto and fails the county whatever else passes",
    (id) => {
      const records = [goodPrimary("第一小学"), goodPrimary("第二小学")].map((r, i) => ({
        ...r,
        ...soundPrimary(r.name, 3 + i),
        teachers: r.teachers,
        facilities: r.facilities,
        students: r.students,
      }));
      const evaluation = evaluate(records, NATIONAL_2017);
      const answers = passingAnswers();
      const clean = evaluateCounty({ records, evaluation, answers });
      expect(clean.countyPass).toBe(true);
      answers[id] = { value: true, cell: "县级指标!E40" };
      const verdict = evaluateCounty({ records, evaluation, answers });
      const veto = verdict.vetoes.find((v) => v.key === VETOES.find((d) => d.measure?.id === id)?.key);
      expect(veto).toMatchObject({ status: "fail", applies: true, cell: "县级指标!E40" });
      expect(verdict.parts.vetoes).toBe("fail");
      expect(verdict.countyPass).toBe(false);
    },
  );

  it("recognition below 85 % is a veto; at 85 % it is not; blank recognition leaves the veto missing", () => {
    const answers = passingAnswers();
    answers["r1.recognition"] = { value: 0.849 };
    let verdict = evaluateCounty({ records: sound, evaluation: null, answers });
    expect(verdict.recognition.status).toBe("fail");
    expect(verdict.vetoes[4]).toMatchObject({ key: "V5", status: "fail", applies: true, value: 0.849 });
    answers["r1.recognition"] = { value: 0.85 };
    verdict = evaluateCounty({ records: sound, evaluation: null, answers });
    expect(verdict.vetoes[4]).toMatchObject({ status: "pass", applies: false });
    answers["r1.recognition"] = { value: null };
    verdict = evaluateCounty({ records: sound, evaluation: null, answers });
    expect(verdict.vetoes[4]).toMatchObject({ status: "missing", applies: null });
  });

  it("a blank veto answer is missing, not cleared", () => {
    const answers = passingAnswers();
    delete answers["v4.fraud"];
    const verdict = evaluateCounty({ records: sound, evaluation: null, answers });
    expect(verdict.vetoes[3]).toMatchObject({ status: "missing", applies: null });
    expect(verdict.parts.vetoes).toBe("missing");
  });
});

describe("docs/standard.md#parts the full verdict", () => {
  const records = [goodPrimary("第一小学"), goodPrimary("第二小学")].map((r, i) => ({
    ...soundPrimary(r.name, 3 + i),
    students: r.students,
    teachers: r.teachers,
    facilities: r.facilities,
  }));
  const evaluation = evaluate(records, NATIONAL_2017);

  it("passes only when resources, every item, recognition pass and no veto applies", () => {
    expect(evaluation.resourcesPass).toBe(true);
    const verdict = evaluateCounty({ records, evaluation, answers: passingAnswers() });
    expect(verdict.parts).toEqual({
      resources: "pass",
      guarantee: "pass",
      quality: "pass",
      recognition: "pass",
      vetoes: "pass",
    });
    expect(verdict.countyPass).toBe(true);
  });

  it("without a county sheet every county item is missing and the county does not pass; resources unchanged", () => {
    const verdict = evaluateCounty({ records, evaluation, answers: null });
    expect(verdict.countySheet).toBe(false);
    expect(verdict.resourcesPass).toBe(true);
    const sheetItems = [...verdict.guarantee, ...verdict.quality].filter(
      (i) => !["G3", "G4", "G5"].includes(i.key),
    );
    expect(sheetItems.every((i) => i.status === "missing")).toBe(true);
    expect(verdict.recognition.status).toBe("missing");
    expect(verdict.vetoes.every((v) => v.status === "missing")).toBe(true);
    expect(verdict.countyPass).toBe(false);
  });

  it("one missing answer is enough to withhold the pass; it is listed as missing, not failing", () => {
    const answers = passingAnswers();
    delete answers["q5.attested"];
    const verdict = evaluateCounty({ records, evaluation, answers });
    expect(verdict.parts.quality).toBe("missing");
    expect(verdict.quality[4].status).toBe("missing");
    expect(verdict.countyPass).toBe(false);
  });

  it("failing resources fail the county even when every county item passes", () => {
    const weak = records.map((r) => ({ ...r, facilities: { ...r.facilities, sportsArea: 100 } }));
    const weakEvaluation = evaluate(weak, NATIONAL_2017);
    const verdict = evaluateCounty({ records: weak, evaluation: weakEvaluation, answers: passingAnswers() });
    expect(verdict.parts.resources).toBe("fail");
    expect(verdict.countyPass).toBe(false);
  });

  it("resources not evaluated (input errors) are missing", () => {
    const verdict = evaluateCounty({ records, evaluation: null, answers: passingAnswers() });
    expect(verdict.parts.resources).toBe("missing");
    expect(verdict.countyPass).toBe(false);
  });

  it("a school failing item 5 fails the guarantee part and names the school and cell", () => {
    const crowded = records.map((r, i) =>
      i === 1 ? { ...r, largestClass: { primary: 58, grade1: 44 } } : r,
    );
    const verdict = evaluateCounty({ records: crowded, evaluation, answers: passingAnswers() });
    const g5 = verdict.guarantee[4];
    expect(g5.status).toBe("fail");
    expect(g5.schools).toEqual([
      expect.objectContaining({ school: "第二小学", check: "classSize", value: 58, cell: "学校!X4" }),
    ]);
    expect(g5.value).toEqual({
      checked: 2,
      failing: 1,
      missing: 0,
      largeClasses: 1,
      veryLargeClasses: 0,
      largeClassesUnknown: 0,
    });
    expect(g5.classSize?.startingGrades.status).toBe("pass");
    expect(verdict.countyPass).toBe(false);
  });

  it("the checklist lists every item and veto in order with status, value, requirement and evidence", () => {
    const verdict = evaluateCounty({ records, evaluation, answers: passingAnswers() });
    const list = countyChecklist(verdict);
    expect(list).toHaveLength(15 + 9 + 1 + 5);
    expect(list.map((e) => e.key).slice(0, 3)).toEqual(["G1", "G2", "G3"]);
    expect(list[24]).toMatchObject({ key: "R1", part: "recognition", status: "pass" });
    expect(list[29]).toMatchObject({ key: "V5", part: "vetoes" });
    expect(list[0].evidence).toEqual(["县政府文件"]);
    expect(list[0].cell).toBe("县级指标!E4");
  });
});

describe("docs/standard.md#league-plan readiness for the target year", () => {
  it("finds the seed's counties by name, with or without the suffix", () => {
    expect(findCounty(NATIONAL_2017, "阿尔山市")).toEqual({ name: "阿尔山市", targetYear: 2026 });
    expect(findCounty(NATIONAL_2017, "阿尔山")).toEqual({ name: "阿尔山市", targetYear: 2026 });
    expect(findCounty(NATIONAL_2017, "科右中旗")?.targetYear).toBe(2028);
    expect(findCounty(NATIONAL_2017, "乌兰浩特")?.targetYear).toBe(2028);
    expect(findCounty(NATIONAL_2017, "白狼县")).toBeUndefined();
    // the statistics system writes the banners' full names
    expect(findCounty(NATIONAL_2017, "科尔沁右翼前旗")?.name).toBe("科右前旗");
    expect(findCounty(NATIONAL_2017, "科尔沁右翼中旗 ")?.name).toBe("科右中旗");
    expect(findCounty(NATIONAL_2017, "科尔沁右翼中")?.name).toBe("科右中旗");
    expect(findCounty(NATIONAL_2017, "科尔沁右翼后旗")).toBeUndefined();
    expect(NATIONAL_2017.counties?.map((c) => c.name)).toEqual([
      "阿尔山市",
      "乌兰浩特市",
      "扎赉特旗",
      "科右前旗",
      "突泉县",
      "科右中旗",
    ]);
  });

  it("shows the years remaining and, part by part, what still fails or is missing", () => {
    const records = [soundPrimary("第一小学", 3)];
    const evaluation = evaluate([{ ...goodPrimary("第一小学") }], NATIONAL_2017);
    const answers = passingAnswers();
    answers["g9.training"] = { value: 0.97 };
    delete answers["q3.attested"];
    const verdict = evaluateCounty({ records, evaluation, answers });
    const r = readiness(
      verdict,
      evaluation,
      NATIONAL_2017,
      { name: "乌兰浩特市", targetYear: 2028 },
      { year: 2026, month: 11, day: 28 },
    );
    expect(r.yearsRemaining).toBe(2);
    expect(r.ready).toBe(false);
    const part = (p: string) => r.parts.find((x) => x.part === p);
    expect(part("guarantee")?.failing.map((f) => f.key)).toEqual(["G9"]);
    expect(part("quality")?.missing.map((f) => f.key)).toEqual(["Q3"]);
    expect(part("resources")?.status).toBe("pass");
    expect(r.startingGrades).toMatchObject({ from: "2026-09", inForce: true, status: "pass" });
    const early = readiness(
      verdict,
      evaluation,
      NATIONAL_2017,
      { name: "阿尔山市", targetYear: 2026 },
      { year: 2026, month: 3, day: 1 },
    );
    expect(early.startingGrades.inForce).toBe(false);
    expect(early.yearsRemaining).toBe(0);
  });

  it("takes the starting-grade date from the profile (docs/standard.md#starting-grades)", () => {
    const evaluation = evaluate([goodPrimary("第一小学")], NATIONAL_2017);
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation, answers: null });
    const county = { name: "突泉县", targetYear: 2028 };
    const later = { ...NATIONAL_2017, startingGradesFrom: { year: 2027, month: 3 } };
    const at = (profile: typeof NATIONAL_2017 | null, date: string) =>
      readiness(verdict, evaluation, profile, county, calendarDayOf(new Date(`${date}T12:00`)))
        .startingGrades;
    expect(at(later, "2027-02-28")).toMatchObject({ from: "2027-03", inForce: false });
    expect(at(later, "2027-03-01")).toMatchObject({ from: "2027-03", inForce: true });
    expect(at(NATIONAL_2017, "2026-09-01")).toMatchObject({ from: "2026-09", inForce: true });
    const { startingGradesFrom: _none, ...withoutDate } = NATIONAL_2017;
    expect(at(withoutDate, "2030-01-01")).toMatchObject({ from: null, inForce: false });
    expect(at(null, "2030-01-01")).toMatchObject({ from: null, inForce: false });
  });

  it("lists failing sections and difference coefficients under resources", () => {
    const weak = {
      ...goodPrimary("第二小学"),
      facilities: { ...goodPrimary("x").facilities, sportsArea: 100 },
    };
    const evaluation = evaluate([goodPrimary("第一小学"), weak], NATIONAL_2017);
    const verdict = evaluateCounty({ records: [soundPrimary()], evaluation, answers: null });
    const r = readiness(
      verdict,
      evaluation,
      NATIONAL_2017,
      { name: "突泉县", targetYear: 2028 },
      { year: 2027, month: 1, day: 1 },
    );
    const resources = r.parts[0];
    expect(resources.status).toBe("fail");
    expect(resources.failing.map((f) => f.title.zh)).toContain("第二小学（小学）");
  });
});
