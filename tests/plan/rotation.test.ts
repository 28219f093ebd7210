import { planRotation } from "../../src/engine/plan/rotation";
import { evaluate } from "../../src/engine/evaluate";
import { evaluateScenario, type Edit } from "../../src/engine/scenario";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { TEACHER_INDICATORS } from "../../src/standard/indicators";
import { generateCounty } from "./county";

const P = NATIONAL_2017;

function primary(name: string, students: number, q: number, k: number, pe: number): SchoolRecord {
  return {
    name,
    type: "primary",
    students: { primary: students, junior: 0, senior: 0 },
    teachers: {
      primary: { qualifiedTeachers: q, keyTeachers: k, peArtTeachers: pe },
      junior: { qualifiedTeachers: 0, keyTeachers: 0, peArtTeachers: 0 },
    },
    facilities: {
      teachingArea: 5 * students,
      sportsArea: 8 * students,
      equipmentValue: 2100 * students,
      multimediaRooms: Math.ceil(0.024 * students),
    },
  };
}

const key = (s: { school: string; level: string }) => `${s.school}/${s.level}`;

describe("rotation plan (交流轮岗)", () => {
  test("docs/standard.md#indicators: never makes a sending section fail, and every section that passed still passes", async () => {
    for (const seed of [1, 2, 3, 6]) {
      const records = generateCounty(40, seed);
      const before = evaluate(records, P);
      const plan = await planRotation(records, P);
      expect(plan.optimal).toBe(true);
      const after = evaluateScenario(records, plan.edits, P).evaluation;
      const passAfter = new Map(after.sections.map((s) => [key(s), s.pass]));
      for (const s of before.sections) if (s.pass) expect(passAfter.get(key(s))).toBe(true);
      const senders = new Set(plan.moves.map((m) => `${m.from}/${m.level}`));
      for (const s of senders) expect(passAfter.get(s)).toBe(true);
      // every receiver now passes: no teacher is moved for nothing
      for (const m of plan.moves) expect(passAfter.get(`${m.to}/${m.level}`)).toBe(true);
      expect(plan.passingAfter).toBe(plan.passingBefore + plan.nowPassing.length);
      expect(plan.teachersMoved).toBe(plan.moves.reduce((n, m) => n + m.count, 0));
    }
  });

  test("moves the fewest teachers among plans that make the most sections pass (brute force)", async () => {
    // 甲 and 乙 have spare key teachers; 丙 and 丁 are short of them (丁 by more than the spare)
    const records = [
      primary("甲", 500, 25, 8, 6), // key 1.6 per 100: can give 3 and still meet 1.0
      primary("乙", 300, 15, 4, 4), // can give 1
      primary("丙", 400, 20, 2, 5), // needs 2 more key teachers to meet 1.0 (band would need 3.4 → 4)
      primary("丁", 600, 30, 1, 6), // needs 5 more
    ];
    const plan = await planRotation(records, P);
    // brute force: key teachers given by 甲 (0..3) and 乙 (0..1), split between 丙 and 丁
    let bestPass = -1;
    let bestMoved = Infinity;
    for (let a1 = 0; a1 <= 3; a1++) {
      for (let a2 = 0; a2 <= 3 - a1; a2++) {
        for (let b1 = 0; b1 <= 1; b1++) {
          for (let b2 = 0; b2 <= 1 - b1; b2++) {
            const edits: Edit[] = [];
            const move = (from: string, to: string, count: number) => {
              if (count > 0)
                edits.push({
                  kind: "transferTeachers",
                  from,
                  to,
                  fromLevel: "primary",
                  toLevel: "primary",
                  resource: "keyTeachers",
                  count,
                });
            };
            move("甲", "丙", a1);
            move("甲", "丁", a2);
            move("乙", "丙", b1);
            move("乙", "丁", b2);
            const e = evaluateScenario(records, edits, P).evaluation;
            const was = new Map(evaluate(records, P).sections.map((s) => [s.school, s.pass]));
            if (e.sections.some((s) => was.get(s.school) && !s.pass)) continue;
            const passing = e.sections.filter((s) => s.pass).length;
            const moved = a1 + a2 + b1 + b2;
            if (passing > bestPass || (passing === bestPass && moved < bestMoved)) {
              bestPass = passing;
              bestMoved = moved;
            }
          }
        }
      }
    }
    expect(plan.passingAfter).toBe(bestPass);
    expect(plan.teachersMoved).toBe(bestMoved);
    expect(plan.nowPassing).toEqual([{ school: "丙", level: "primary" }]);
    expect(plan.moves.every((m) => m.resource === "keyTeachers" && m.to === "丙")).toBe(true);
  });

  test("teachers move only within a level, and only the three kinds of the standard", async () => {
    const plan = await planRotation(generateCounty(60, 12), P);
    for (const m of plan.moves) {
      expect(TEACHER_INDICATORS).toContain(m.resource);
      expect(m.count).toBeGreaterThan(0);
      expect(Number.isInteger(m.count)).toBe(true);
    }
    for (const e of plan.edits) if (e.kind === "transferTeachers") expect(e.fromLevel).toBe(e.toLevel);
  });
});
