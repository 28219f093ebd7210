/**
 * The engine's speed at a province's and a country's scale (issue 16 item 4).
 *
 * The engine works in two steps, timed apart and together:
 * - building the county's columns from the school records (`countyTable`): one pass over the records reading
 *   each section's figures (teaching points merged, combined schools apportioned, exclusions) into one typed array
 *   per figure and per level;
 * - judging over those columns (`evaluateColumns`), up to the county's verdict, the work every caller needs: each
 *   section's 7 values and their statuses, the pass rule, the 2 × 7 weighted difference coefficients, the level
 *   verdicts and `resourcesPass`.
 * `evaluate(records, profile)` does the two in turn a block of 2,048 schools at a time (columns.ts `readSections`),
 * judging each block while it is in cache; `evaluateColumns` judges whole columns in blocks of as many sections. Per-section
 * result objects are not part of either: the engine
 * makes them only when asked (`evaluation.sections`, `failingSections`, `sectionPage`); what they cost is printed
 * on lines of their own.
 *
 * The baseline, measured in the same run, is a bare typed-array loop computing the same 14 weighted coefficients
 * (docs/standard.md#coefficient, in two passes over stored values, where the engine gathers them in one) over
 * values and enrolments laid out in advance: the least arithmetic any evaluation must do. The bench checks that
 * it computes the engine's coefficients (to 1e-12 relative).
 *
 * Goals: 200,000 sections ≤ 3× the bare loop and under 0.3 s; 20,000 sections (a province) under 30 ms; time
 * linear in sections from 1,000 to 200,000 (no size costs more than 1.5× per section than a smaller one). The
 * ratio goal is judged on the engine over its columns, its input laid out in advance as the bare loop's is; the
 * ratio from the records (columns read and judged block by block in the call) is printed with a verdict of its own, as are the other goals
 * for both. Warm figures are medians after warm-up, per call of a batch, over rounds in which every size takes its
 * turn and the engine alternates with the bare loop (`warmInTurns`); first-call figures are medians over several
 * fresh Node processes (`FIRST_CALL_PROCESSES`), as a command line run pays them. Times are CPU time.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import {
  countyTable,
  evaluate,
  evaluateColumns,
  failingSections,
  sectionPage,
  type CountyTable,
  type Evaluation,
  type SchoolRecord,
  type SchoolType,
} from "../src/engine";
import { INDICATOR_IDS, LEVELS } from "../src/standard/indicators";
import { NATIONAL_2017 } from "../src/standard/national2017";
import { seededRandom } from "../src/sample/random";

const TYPES: SchoolType[] = [
  "primary",
  "primary",
  "primary",
  "primary",
  "junior",
  "junior",
  "nineYear",
  "twelveYear",
  "complete",
  "teachingPoint",
  "teachingPoint",
  "special",
];
const SECTIONS_PER_TYPE: Partial<Record<SchoolType, number>> = { nineYear: 2, twelveYear: 2, special: 2 };

/** Schools of realistic sizes and resources, every shape of the table, until `sections` sections are reached. */
function county(sections: number, seed: number): SchoolRecord[] {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const records: SchoolRecord[] = [];
  let count = 0;
  while (count < sections) {
    const type = TYPES[between(0, TYPES.length - 1)];
    const per = SECTIONS_PER_TYPE[type] ?? 1;
    if (count + per > sections) continue;
    count += per;
    const hasPrimary = ["primary", "nineYear", "twelveYear", "special"].includes(type);
    const hasJunior = ["junior", "nineYear", "twelveYear", "complete", "special"].includes(type);
    const primary = type === "teachingPoint" ? between(10, 90) : hasPrimary ? between(80, 2000) : 0;
    const junior = hasJunior ? between(100, 1800) : 0;
    const senior = type === "complete" || type === "twelveYear" ? between(300, 1500) : 0;
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

interface Column {
  values: Float64Array;
  weights: Float64Array;
}

/** The baseline's input: each level's included values per indicator and their enrolments, laid out in advance. */
function laidOut(evaluation: Evaluation): Column[] {
  return LEVELS.flatMap((level) => {
    const included = evaluation.sections.filter((s) => s.level === level && s.included);
    const weights = Float64Array.from(included, (s) => s.students);
    return INDICATOR_IDS.map((id) => ({
      values: Float64Array.from(included, (s) => s.values[id] as number),
      weights,
    }));
  });
}

/** The baseline: the 14 weighted coefficients, S / X̄ around the weighted mean, in two passes. */
function bareCoefficients(columns: Column[]): number[] {
  return columns.map(({ values, weights }) => {
    let total = 0;
    let weighted = 0;
    for (let i = 0; i < values.length; i++) {
      total += weights[i];
      weighted += weights[i] * values[i];
    }
    const mean = weighted / total;
    let squares = 0;
    for (let i = 0; i < values.length; i++) {
      const d = values[i] - mean;
      squares += weights[i] * d * d;
    }
    return Math.sqrt(squares / total) / Math.abs(mean);
  });
}

/** For scale: reading every record's type, enrolments and figures once, and nothing else. */
function readEveryFigure(records: SchoolRecord[]): number {
  let sum = 0;
  for (const r of records) {
    const { primary, junior } = r.teachers;
    const f = r.facilities;
    sum += r.type.length + r.students.primary + r.students.junior + r.students.senior;
    sum += primary.qualifiedTeachers + primary.keyTeachers + primary.peArtTeachers;
    sum += junior.qualifiedTeachers + junior.keyTeachers + junior.peArtTeachers;
    sum += f.teachingArea + f.sportsArea + f.equipmentValue + f.multimediaRooms;
  }
  return sum;
}

/** What every caller reads of the verdict (so that nothing the engine returns lazily is left out unseen). */
function verdict(evaluation: Evaluation): number {
  let sum = evaluation.resourcesPass ? 1 : 0;
  for (const level of LEVELS) {
    const l = evaluation.levels[level];
    sum += l.passingSections + l.sections + (l.pass ? 1 : 0);
    for (const id of INDICATOR_IDS) sum += l.balance[id].cv ?? 0;
  }
  return sum;
}

/** The engine's coefficients agree with the baseline's, so that the ratio compares the same work. */
function sameCoefficients(evaluation: Evaluation, bare: number[]): boolean {
  const engineCvs = LEVELS.flatMap((level) =>
    INDICATOR_IDS.map((id) => evaluation.levels[level].balance[id].cv ?? NaN),
  );
  return engineCvs.every((cv, i) => Math.abs(cv - bare[i]) <= 1e-12 * Math.abs(cv));
}

/** A full garbage collection, and a pause for the collector's helper threads to finish sweeping, so that their
 * work is not counted in the next measurement. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/** How many calls of `fn` make a batch long enough (≥ 3 calls, ~30 ms) to be timed well, after warm-up. */
function batchOf(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const one = onceMs(fn).ms;
  return Math.max(3, Math.min(10_000, Math.ceil(30 / Math.max(one, 0.001))));
}

/** CPU time of one call of `fn`, as the mean over a batch of calls after a full garbage collection. */
function batchMs(fn: () => unknown, batch: number): number {
  collectGarbage();
  const start = process.cpuUsage();
  for (let j = 0; j < batch; j++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / batch;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median time of one call of `fn`, warm, over `runs` batches. Times are the process's CPU time (user + system),
 * since the machine is shared and wall time would count other processes' turns on the cores; garbage
 * collection the calls cause, on helper threads too, counts.
 */
function medianMs(fn: () => unknown, runs: number): number {
  const batch = batchOf(fn);
  return median(Array.from({ length: runs }, () => batchMs(fn, batch)));
}

/** A call timed in batches (`batchMs`), its batch fixed once after warm-up (`batchOf`). */
function batched(fn: () => unknown): () => number {
  const batch = batchOf(fn);
  return () => batchMs(fn, batch);
}

/** The medians of the engine's and the baseline's batches, and the median of the ratios of the pairs. */
function timedPairs(pairs: [number, number][]): Timed {
  return {
    engineMs: median(pairs.map((p) => p[0])),
    baselineMs: median(pairs.map((p) => p[1])),
    ratio: median(pairs.map((p) => p[0] / p[1])),
  };
}

/** CPU time of one call of `fn`, in ms. */
function onceMs<T>(fn: () => T): { result: T; ms: number; wallMs: number } {
  const start = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000, wallMs };
}

/** One of the engine's ways to the verdict, timed against the bare loop. */
interface Timed {
  engineMs: number;
  baselineMs: number;
  /** engine / baseline; for warm figures the median of the ratios measured in turns */
  ratio: number;
  /** the engine's wall-clock time (first calls) */
  engineWallMs?: number;
  /** the least and the most of the engine's first calls, where a figure is the median over several processes */
  engineRange?: [number, number];
}

interface Figure {
  sections: number;
  /** `evaluateColumns`: judging over the columns, built in advance */
  overColumns: Timed;
  /** `evaluate(records)`: the records read into columns and judged, block by block */
  fromRecords: Timed;
  /** `countyTable`: building the columns alone */
  buildingMs: number;
}

const withVerdict = (evaluation: Evaluation) => {
  verdict(evaluation);
  return evaluation;
};

/** The bare loop's first call, after the engine's in the same process, and its check against the engine's. */
function bareFirstCall(evaluation: Evaluation): number {
  const columns = laidOut(evaluation);
  collectGarbage();
  const baseline = onceMs(() => bareCoefficients(columns));
  if (!sameCoefficients(evaluation, baseline.result))
    throw new Error("the baseline computes other coefficients");
  return baseline.ms;
}

const firstTimed = (engine: { ms: number; wallMs: number }, baselineMs: number): Timed => ({
  engineMs: engine.ms,
  baselineMs,
  ratio: engine.ms / baselineMs,
  engineWallMs: engine.wallMs,
});

/**
 * One first call in this process (run as a child of the bench, one size and one way per process): "columns"
 * builds the columns (timed: the builder's first call) and then judges them (timed: the judging's first call);
 * "records" times `evaluate(records)` whole.
 */
function firstCall(way: string, sections: number): Partial<Figure> {
  const records = county(sections, sections);
  collectGarbage();
  if (way === "records") {
    const whole = onceMs(() => withVerdict(evaluate(records, NATIONAL_2017)));
    return { sections, fromRecords: firstTimed(whole, bareFirstCall(whole.result)) };
  }
  const building = onceMs(() => countyTable(records, NATIONAL_2017));
  collectGarbage();
  const judging = onceMs(() => withVerdict(evaluateColumns(building.result)));
  return {
    sections,
    buildingMs: building.ms,
    overColumns: firstTimed(judging, bareFirstCall(judging.result)),
  };
}

function firstCallInChild(way: string, sections: number): Partial<Figure> {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", process.argv[1], "--first-call", way, String(sections)],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop() as string) as Partial<Figure>;
}

/**
 * Fresh processes per size and way: one process's first call swings twofold with what else the machine is doing
 * at that moment, so each first-call figure is the median over this many.
 */
const FIRST_CALL_PROCESSES = 5;

/** Rounds of warm batches, every size in turn (`warmInTurns`). */
const WARM_ROUNDS = 15;

/** The median of the processes' first calls, figure by figure, and the range of the engine's times. */
function medianTimed(timed: Timed[]): Timed {
  const of = (pick: (t: Timed) => number) => median(timed.map(pick));
  const engine = timed.map((t) => t.engineMs);
  return {
    engineMs: of((t) => t.engineMs),
    baselineMs: of((t) => t.baselineMs),
    ratio: of((t) => t.ratio),
    engineWallMs: of((t) => t.engineWallMs ?? NaN),
    engineRange: [Math.min(...engine), Math.max(...engine)],
  };
}

/** The first calls of `sections` sections, each way in fresh processes, taken in turns (`FIRST_CALL_PROCESSES`). */
function firstCalls(sections: number): Figure {
  const runs = Array.from({ length: FIRST_CALL_PROCESSES }, () => ({
    columns: firstCallInChild("columns", sections),
    records: firstCallInChild("records", sections),
  }));
  return {
    sections,
    buildingMs: median(runs.map((r) => r.columns.buildingMs as number)),
    overColumns: medianTimed(runs.map((r) => r.columns.overColumns as Timed)),
    fromRecords: medianTimed(runs.map((r) => r.records.fromRecords as Timed)),
  };
}

/** The baseline's input, and a check that it gives the engine's coefficients (the evaluation made for it is dropped). */
function baselineInputs(table: CountyTable): Column[] {
  const evaluation = evaluateColumns(table);
  const columns = laidOut(evaluation);
  if (!sameCoefficients(evaluation, bareCoefficients(columns)))
    throw new Error("the baseline computes other coefficients");
  return columns;
}

/** One size's warm calls: the engine both ways, each paired with the bare loop, and the columns built alone. */
interface WarmSize {
  sections: number;
  records: SchoolRecord[];
  overColumns: () => number;
  fromRecords: () => number;
  bare: () => number;
  building: () => number;
}

function warmSize(sections: number): WarmSize {
  const records = county(sections, sections);
  const table = countyTable(records, NATIONAL_2017);
  const columns = baselineInputs(table);
  // the calls' results are summed where V8 cannot see they are never read
  let sink = 0;
  return {
    sections: table.order.length,
    records,
    overColumns: batched(() => (sink += verdict(evaluateColumns(table)))),
    fromRecords: batched(() => (sink += verdict(evaluate(records, NATIONAL_2017)))),
    bare: batched(() => (sink += bareCoefficients(columns)[0])),
    building: batched(() => (sink += countyTable(records, NATIONAL_2017).order.length)),
  };
}

/**
 * Every size warm, in rounds: in each round every size takes its turn, and within a size the engine and the bare
 * loop take turns, batch by batch. A shared machine's load changes from second to second; timed in turns, the
 * engine and the baseline meet the same load, and so do the sizes that the linearity goal compares.
 */
function warmInTurns(sizes: WarmSize[], rounds: number): Figure[] {
  const pairs = sizes.map(() => ({
    overColumns: [] as [number, number][],
    fromRecords: [] as [number, number][],
  }));
  const building = sizes.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    sizes.forEach((size, i) => {
      pairs[i].overColumns.push([size.overColumns(), size.bare()]);
      pairs[i].fromRecords.push([size.fromRecords(), size.bare()]);
      building[i].push(size.building());
    });
  }
  return sizes.map((size, i) => ({
    sections: size.sections,
    overColumns: timedPairs(pairs[i].overColumns),
    fromRecords: timedPairs(pairs[i].fromRecords),
    buildingMs: median(building[i]),
  }));
}

/** The verdict and what a caller then asks for of the sections, beside the verdict alone. */
function asked(records: SchoolRecord[], verdictMs: number, runs: number): void {
  const primary = evaluate(records, NATIONAL_2017).levels.primary;
  const cases: [string, (e: Evaluation) => number][] = [
    ["a page of 50 sections as objects (sectionPage)", (e) => sectionPage(e, 1000, 50).length],
    [
      `the failing sections as objects (failingSections: ${(primary.sections - primary.passingSections).toLocaleString("en")} primary and the junior ones)`,
      (e) => failingSections(e).length,
    ],
    ["every section as an object (evaluation.sections)", (e) => e.sections.length],
  ];
  for (const [name, fn] of cases) {
    let sink = 0;
    const t = medianMs(() => (sink += fn(evaluate(records, NATIONAL_2017))), runs);
    console.log(
      `    with ${name}: ${ms(t)} (${(t / verdictMs).toFixed(1)}× the verdict alone)${sink < 0 ? "!" : ""}`,
    );
  }
}

/** The range of the engine's first calls over the processes, where a figure is a median of several. */
const rangeOf = (t: Timed) => {
  const range = t.engineRange;
  return range ? `processes ${ms(range[0])} to ${ms(range[1])}` : "one process";
};
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const verdictWord = (met: boolean) => (met ? "met" : "NOT met");
const OVER_COLUMNS = "the engine over its columns (evaluateColumns)";
const FROM_RECORDS = "from the records (evaluate: read and judged block by block)";

/** The worst step of `msOf` per section, against the least per section of the smaller sizes, and where. */
function worstStep(figures: Figure[], msOf: (f: Figure) => number): { worst: number; at: number } {
  let least = Infinity;
  let worst = 0;
  let at = 0;
  for (const f of figures) {
    const perSection = msOf(f) / f.sections;
    if (least < Infinity && perSection / least > worst) {
      worst = perSection / least;
      at = f.sections;
    }
    least = Math.min(least, perSection);
  }
  return { worst, at };
}

/** Linear: no size costs more per section than 1.5× the least any smaller size cost. */
function linearity(figures: Figure[], timed: (f: Figure) => Timed, way: string): void {
  const { worst, at } = worstStep(figures, (f) => timed(f).engineMs);
  const bare = worstStep(figures, (f) => timed(f).baselineMs);
  console.log(
    `  time linear in sections, 1,000 to 200,000, ${way}: the worst step costs ${worst.toFixed(2)}× per section ` +
      `the least of the smaller sizes (at ${at.toLocaleString("en")}; goal ≤ 1.5×) — ${verdictWord(worst <= 1.5)} ` +
      `(the bare loop it was timed against: ${bare.worst.toFixed(2)}× at ${bare.at.toLocaleString("en")})`,
  );
}

function main(): void {
  const sizes = [1_000, 5_000, 20_000, 50_000, 100_000, 200_000].map(warmSize);
  console.log(
    `load average ${loadavg()[0].toFixed(1)} (on a busy machine the bare loop suffers less than the engine)`,
  );
  console.log(
    `warm (median after warm-up over ${WARM_ROUNDS} rounds, every size in turn), the engine to the county's ` +
      "verdict against the bare coefficient loop:",
  );
  const figures = warmInTurns(sizes, WARM_ROUNDS);
  figures.forEach((f, i) => {
    const { records } = sizes[i];
    const n = f.sections;
    const line = (t: Timed) =>
      `${ms(t.engineMs)} (bare loop ${ms(t.baselineMs)}), ratio ${t.ratio.toFixed(2)}×, ` +
      `${((t.engineMs * 1e6) / n).toFixed(0)} ns per section`;
    console.log(`  ${n.toLocaleString("en")} sections (${records.length.toLocaleString("en")} schools):`);
    console.log(`    ${OVER_COLUMNS}: ${line(f.overColumns)}`);
    console.log(`    ${FROM_RECORDS}: ${line(f.fromRecords)}`);
    console.log(
      `    building the columns alone (countyTable): ${ms(f.buildingMs)}, ` +
        `${(f.buildingMs / f.overColumns.baselineMs).toFixed(1)}× the bare loop`,
    );
    if (n === 20_000 || n === 200_000) {
      const touching = medianMs(() => readEveryFigure(records), 5);
      const times = (x: number) => `${ms(x)}, ${(x / f.overColumns.baselineMs).toFixed(1)}× the bare loop`;
      console.log(`    for scale, merely reading every record's figures once: ${times(touching)}`);
      asked(records, f.fromRecords.engineMs, 5);
    }
  });
  const first = [1_000, 20_000, 200_000].map(firstCalls);
  console.log(
    `first call (medians over ${FIRST_CALL_PROCESSES} fresh Node processes each way, taken in turns; CPU time, ` +
      "which counts V8's compiling on its background threads):",
  );
  for (const f of first) {
    const line = (t: Timed) =>
      `${ms(t.engineMs)} (wall ${ms(t.engineWallMs ?? NaN)}; ${rangeOf(t)}), bare loop ${ms(t.baselineMs)}, ` +
      `ratio ${t.ratio.toFixed(1)}×`;
    console.log(`  ${f.sections.toLocaleString("en")} sections:`);
    console.log(`    building the columns (countyTable): ${ms(f.buildingMs)}`);
    console.log(`    then judging them, ${OVER_COLUMNS}: ${line(f.overColumns)}`);
    console.log(`    ${FROM_RECORDS}, in a process of its own: ${line(f.fromRecords)}`);
  }
  console.log("ratio to the bare loop at 1k / 20k / 200k sections, over the columns | from the records:");
  for (const n of [1_000, 20_000, 200_000]) {
    const f = figures.find((x) => x.sections === n) as Figure;
    const c = first.find((x) => x.sections === n) as Figure;
    console.log(
      `  ${n.toLocaleString("en")}: warm ${f.overColumns.ratio.toFixed(2)}× | ${f.fromRecords.ratio.toFixed(2)}×, ` +
        `first call ${c.overColumns.ratio.toFixed(1)}× | ${c.fromRecords.ratio.toFixed(1)}×`,
    );
  }

  const nation = figures.find((f) => f.sections === 200_000) as Figure;
  const province = figures.find((f) => f.sections === 20_000) as Figure;
  const [, provinceFirst, nationFirst] = first;
  const ways = [
    [OVER_COLUMNS, (f: Figure) => f.overColumns],
    [FROM_RECORDS, (f: Figure) => f.fromRecords],
  ] as const;
  /** A time goal, warm and on the first call. */
  const under = (goal: string, limitMs: number, warmMs: number, firstMs: number) =>
    console.log(
      `  ${goal}: warm ${ms(warmMs)} — ${verdictWord(warmMs < limitMs)}; ` +
        `first call ${ms(firstMs)} — ${verdictWord(firstMs < limitMs)}`,
    );
  console.log("goals:");
  for (const [way, timed] of ways) {
    const ratio = timed(nation).ratio;
    console.log(
      `  200,000 sections ≤ 3× the bare loop (warm), ${way}: ${ratio.toFixed(2)}× — ${verdictWord(ratio <= 3)}`,
    );
  }
  for (const [way, timed] of ways)
    under(`200,000 sections under 300 ms, ${way}`, 300, timed(nation).engineMs, timed(nationFirst).engineMs);
  for (const [way, timed] of ways)
    under(`20,000 sections under 30 ms, ${way}`, 30, timed(province).engineMs, timed(provinceFirst).engineMs);
  for (const [way, timed] of ways) linearity(figures, timed, way);
}

const at = process.argv.indexOf("--first-call");
if (at >= 0) console.log(JSON.stringify(firstCall(process.argv[at + 1], Number(process.argv[at + 2]))));
else main();
