/**
 * The engine's speed (issue 2): 200,000 sections (about the whole country) in under 1 s, and a 300-school county
 * in under 5 ms, on a 2-core machine. The baseline, measured in the same run over the same data, is the bare
 * arithmetic of the difference coefficient (docs/standard.md#coefficient) for 2 levels × 7 indicators over precomputed values —
 * the least any evaluation must do; the ratio says what the rest of the engine costs on top of it.
 */
import { differenceCoefficient, evaluate, type SchoolRecord, type SchoolType } from "../src/engine";
import { INDICATOR_IDS, LEVELS } from "../src/standard/indicators";
import { NATIONAL_2017 } from "../src/standard/national2017";
import { medianMs, report } from "./harness";
import { seededRandom } from "../src/sample/random";

const generator = seededRandom;

const TYPES: SchoolType[] = [
  "primary",
  "primary",
  "primary",
  "junior",
  "junior",
  "nineYear",
  "complete",
  "teachingPoint",
];
const SECTIONS_PER_TYPE: Partial<Record<SchoolType, number>> = { nineYear: 2 };

/** Schools of realistic sizes and resources until `sections` sections (or `schools` schools) are reached. */
function county(limit: { sections?: number; schools?: number }, seed: number): SchoolRecord[] {
  const sections = limit.sections ?? Infinity;
  const schools = limit.schools ?? Infinity;
  const random = generator(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const records: SchoolRecord[] = [];
  let count = 0;
  while (count < sections && records.length < schools) {
    const type = TYPES[between(0, TYPES.length - 1)];
    const per = SECTIONS_PER_TYPE[type] ?? 1;
    if (count + per > sections) continue;
    count += per;
    const primary =
      type === "primary" || type === "nineYear"
        ? between(80, 2000)
        : type === "teachingPoint"
          ? between(10, 90)
          : 0;
    const junior = type === "junior" || type === "nineYear" || type === "complete" ? between(100, 1800) : 0;
    const senior = type === "complete" ? between(300, 1500) : 0;
    const all = primary + junior + senior;
    const teachers = (n: number) => ({
      qualifiedTeachers: Math.round((n * between(35, 80)) / 1000),
      keyTeachers: Math.round((n * between(6, 25)) / 1000),
      peArtTeachers: Math.round((n * between(6, 16)) / 1000),
    });
    records.push({
      name: `学校${records.length + 1}`,
      type,
      students: { primary, junior, senior },
      teachers: { primary: teachers(primary), junior: teachers(junior) },
      facilities: {
        teachingArea: Math.round(all * (3.5 + random() * 5)),
        sportsArea: Math.round(all * (5 + random() * 30)),
        equipmentValue: Math.round(all * (1500 + random() * 2500)),
        multimediaRooms: Math.round((all * (1.5 + random() * 2.5)) / 100),
      },
    });
  }
  return records;
}

/** The baseline: the coefficient alone, over values and enrolments laid out in advance. */
function baselineInputs(records: SchoolRecord[]) {
  const evaluation = evaluate(records, NATIONAL_2017);
  return LEVELS.flatMap((level) => {
    const included = evaluation.sections.filter((s) => s.level === level && s.included);
    const weights = Float64Array.from(included, (s) => s.students);
    return INDICATOR_IDS.map((id) => ({
      values: Float64Array.from(included, (s) => s.values[id] as number),
      weights,
    }));
  });
}

/** Median CPU time of this process (user + system) in ms: on a machine shared with other work, wall time also
 * counts the time other processes held the cores. */
function medianCpuMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function measure(name: string, records: SchoolRecord[], goalMs: number, runs: number): void {
  const inputs = baselineInputs(records);
  let sink = 0;
  const run = () => {
    sink += evaluate(records, NATIONAL_2017).sections.length;
  };
  const engine = medianMs(run, runs);
  const cpu = medianCpuMs(run, runs);
  const baseline = medianMs(() => {
    for (const { values, weights } of inputs) sink += differenceCoefficient(values, weights).cv ?? 0;
  }, runs);
  report(
    name,
    engine,
    goalMs,
    `(CPU ${cpu.toFixed(2)} ms; baseline, coefficients only: ${baseline.toFixed(2)} ms; ratio ${(engine / baseline).toFixed(1)}×)`,
  );
  if (Number.isNaN(sink)) console.log("");
}

const nation = county({ sections: 200_000 }, 2017);
const small = county({ schools: 300 }, 6);
console.log(
  `sections: ${evaluate(nation, NATIONAL_2017).sections.length} in ${nation.length} schools; county: ${small.length} schools`,
);
measure("engine, 200,000 sections", nation, 1000, 7);
measure("engine, 300-school county", small, 5, 51);
