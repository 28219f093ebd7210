/**
 * The readable verdict of a large generated county (issue 16 item 5): its text is made line by line from the
 * engine's failing sections and the county items' findings, without every section as an object. What the text
 * says is checked here against the records and the engine's results read another way: every failing section
 * named once, in order, with one line per shortfall; counts written as Intl.NumberFormat writes them; the
 * oversized schools of docs/standard.md#guarantee-4 found from the records themselves.
 */
import { countySummaryText, evaluateCountyWorkbook } from "../../src/countyVerdict";
import { verdictLines } from "../../src/cli/verdict";
import { evaluate, failingSections } from "../../src/engine/evaluate";
import type { Evaluation } from "../../src/engine/evaluate";
import type { SchoolRecord } from "../../src/engine/records";
import { INDICATOR_IDS, LEVELS, LEVEL_NAMES, type Level } from "../../src/standard/indicators";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { generateCounty } from "../plan/county";

const SCHOOLS = 1500;
// every 25th school near the size limit of docs/standard.md#guarantee-4: some at or under it, some over
const records: SchoolRecord[] = generateCounty(SCHOOLS, 16).map((r, i) =>
  r.type === "primary" && i % 25 === 0 ? { ...r, students: { ...r.students, primary: 1990 + (i % 40) } } : r,
);
const evaluation: Evaluation = evaluate(records, NATIONAL_2017);
const heading = { file: "大县.xlsx", sheet: "学校", schools: SCHOOLS };
const linesIn = (lang: "zh" | "en") => [...verdictLines(evaluation, NATIONAL_2017, heading, [], lang)];
const decimals = (min: number, max: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max });
const grouped = (n: number) => decimals(0, 0).format(n);

/** The lines of a level's list of failing sections: from its heading to the blank line after it. */
function failingList(lines: string[], level: Level, lang: "zh" | "en"): string[] {
  const levelLine = lines.findIndex((l) =>
    l.startsWith(`${LEVEL_NAMES[level][lang]}${lang === "zh" ? "：" : ":"}`),
  );
  const end = lines.indexOf("", levelLine);
  const start = lines.indexOf(
    lang === "zh" ? "  未达标的学校（校区）：" : "  Sections that do not pass:",
    levelLine,
  );
  expect(start).toBeGreaterThan(levelLine);
  expect(start).toBeLessThan(end);
  return lines.slice(start + 1, end);
}

describe(`the text of a generated county of ${SCHOOLS} schools`, () => {
  it("has many failing sections in both levels (the case the text must carry)", () => {
    for (const level of LEVELS) expect(failingSections(evaluation, level).length).toBeGreaterThan(100);
  });

  it.each(["zh", "en"] as const)(
    "%s: every failing section once, in order, each with its shortfall lines",
    (lang) => {
      const lines = linesIn(lang);
      for (const level of LEVELS) {
        const list = failingList(lines, level, lang);
        const sectionLines = list.filter((l) => /^ {4}\S/.test(l));
        const failing = failingSections(evaluation, level);
        expect(sectionLines.map((l) => l.trim().split(/[（ ]/)[0])).toEqual(failing.map((s) => s.school));
        // one line per shortfall, in the order of the indicators, each under its section
        let at = 0;
        for (const section of failing) {
          expect(list[at]).toContain(grouped(section.students));
          const shortfalls = list.slice(at + 1, at + 1 + section.shortfalls.length);
          expect(shortfalls.every((l) => l.startsWith("      "))).toBe(true);
          section.shortfalls.forEach((s, i) => {
            const def = NATIONAL_2017.indicators[s.indicator];
            expect(shortfalls[i].trim().startsWith(lang === "zh" ? def.name.zh : def.name.en)).toBe(true);
            const mark = section.status[s.indicator] === "unmet" ? "✗" : "△";
            expect(shortfalls[i]).toContain(`${mark}${lang === "zh" ? "：" : ": "}`);
          });
          at += 1 + section.shortfalls.length;
        }
        expect(at).toBe(list.length);
      }
    },
  );

  it("counts sections, passing sections and students as Intl.NumberFormat groups them", () => {
    const lines = linesIn("zh");
    for (const level of LEVELS) {
      const l = evaluation.levels[level];
      expect(lines).toContain(
        `${LEVEL_NAMES[level].zh}：参评 ${grouped(l.sections)} 个学校（校区），达标 ${grouped(l.passingSections)} 个；` +
          `在校生 ${grouped(l.students)} 人  ${l.pass ? "✓" : "✗"}`,
      );
    }
    expect(lines[0]).toBe(
      `大县.xlsx（工作表“学校”）：${grouped(SCHOOLS)} 所学校；评估标准：${NATIONAL_2017.name.zh}`,
    );
  });

  it("the standard and its 85 % floor of each indicator read the same on every line", () => {
    for (const level of LEVELS) {
      const list = failingList(linesIn("zh"), level, "zh");
      for (const id of INDICATOR_IDS) {
        const def = NATIONAL_2017.indicators[id];
        const own = list.filter((l) => l.startsWith(`      ${def.name.zh} `));
        expect(own.length).toBeGreaterThan(0);
        const standard = def.standard[level];
        // 2 decimals, or 3 where 2 would move the floor (85 % of 4.5 is 3.825)
        const words = `标准 ${decimals(2, 2).format(standard)}（85% 为 ${decimals(2, 3).format(standard * 0.85)}）`;
        expect(own.filter((l) => !l.includes(words))).toEqual([]);
      }
    }
  });

  it("the county summary lists the oversized schools found from the records, ten by name", () => {
    const read = { records, columns: [] };
    const county = evaluateCountyWorkbook({ ok: true, evaluation, read, profile: NATIONAL_2017 }, null);
    const text = countySummaryText(county, "zh");
    // docs/standard.md#guarantee-4, from the records: ≤ 2,000, combined schools ≤ 2,500
    const oversized = records.filter((r) => {
      const students = r.students.primary + r.students.junior;
      if (r.type === "teachingPoint") return false;
      return students > (r.type === "nineYear" ? 2500 : 2000);
    });
    expect(oversized.length).toBeGreaterThan(10);
    const named = text.split("\n").filter((l) => /^ {10}学校\d+：义务教育阶段在校生/.test(l));
    expect(named.map((l) => l.trim().split("：")[0])).toEqual(oversized.slice(0, 10).map((r) => r.name));
    expect(text).toContain(`……另有 ${oversized.length - 10} 处`);
    expect(text).toContain(
      `第4项 学校规模：核查 ${records.filter((r) => r.type !== "teachingPoint").length} 所`,
    );
  });

  it("readiness names every failing section of both levels, in the engine's order", () => {
    const read = { records, columns: [] };
    const county = evaluateCountyWorkbook({ ok: true, evaluation, read, profile: NATIONAL_2017 }, null, {
      county: { name: "阿尔山市", targetYear: 2028 },
      today: { year: 2026, month: 12, day: 6 },
    });
    const failing = failingSections(evaluation);
    const resources = county.readiness?.parts.find((p) => p.part === "resources");
    expect(resources?.failing.slice(0, failing.length).map((f) => f.key)).toEqual(
      failing.map((s) => `${s.school}/${s.level}`),
    );
    expect(resources?.failing[0].title.zh).toBe(
      `${failing[0].school}（${LEVEL_NAMES[failing[0].level].zh}）`,
    );
  });
});
