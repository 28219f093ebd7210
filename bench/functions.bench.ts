// BALANCE functions: 100,000 CHECK calls on template rows (goal < 500 ms in all) and DIFFCOEF over 1,000,000
// cells (goal < 100 ms). Each beside a baseline measured in the same run: the engine alone on the same data.
import { loadavg } from "node:os";
import { medianMs, report } from "./harness";
import { balanceCheck, balanceDiffcoef } from "../src/functions/functions";
import { buildSections, differenceCoefficient, evaluateSection } from "../src/engine";
import { readSchoolTable } from "../src/sheet/read";
import { templateHeaderRow } from "../src/sheet/template";
import { TEMPLATE_COLUMNS } from "../src/standard/columns";
import { NATIONAL_2017 } from "../src/standard/national2017";

type Row = (string | number | null)[];

/** Median CPU time of this process (user + system): on a machine busy with other work, wall-clock time also
 * counts the time other processes held the cores. */
function medianCpuMs(fn: () => unknown, runs = 5): number {
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

function row(spec: Record<string, string | number>): Row {
  return TEMPLATE_COLUMNS.map((c) => (c.id in spec ? spec[c.id] : null));
}

const primary = {
  name: "第一小学",
  type: "小学",
  locale: "乡村",
  primaryStudents: 500,
  primaryQualifiedTeachers: 25,
  primaryKeyTeachers: 6,
  primaryPeArtTeachers: 5,
  teachingArea: 2500,
  sportsArea: 4000,
  equipmentValue: 120,
  multimediaRooms: 13,
};
const nineYear = {
  name: "九年一贯制学校",
  type: "九年一贯制学校",
  primaryStudents: 400,
  juniorStudents: 300,
  primaryQualifiedTeachers: 20,
  primaryKeyTeachers: 5,
  primaryPeArtTeachers: 4,
  juniorQualifiedTeachers: 18,
  juniorKeyTeachers: 4,
  juniorPeArtTeachers: 3,
  teachingArea: 4000,
  sportsArea: 7000,
  equipmentValue: 170,
  multimediaRooms: 18,
};
// 1,000 distinct rows, as a column of a county table would be: every school different
const ROWS: Row[][] = Array.from({ length: 1000 }, (_, i) => {
  const base = i % 3 === 0 ? nineYear : primary;
  const spec: Record<string, string | number> = {
    ...base,
    name: `学校${i}`,
    teachingArea: base.teachingArea + (i % 97) * 10,
  };
  if (i % 5 === 1) spec[i % 3 === 0 ? "juniorQualifiedTeachers" : "primaryQualifiedTeachers"] = 10;
  if (i % 7 === 2) spec.type = "特殊教育学校";
  return [row(spec)];
});

console.log(`load average ${loadavg()[0].toFixed(1)} (figures are slower on a busy machine)`);
const CALLS = 100_000;
const verdicts = new Map<string, number>();
for (const r of ROWS) {
  const v = balanceCheck(r);
  verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
}
// a county of 1,000 schools recalculated 100 times: unchanged rows are answered from the memo
const check = medianMs(
  () => {
    for (let i = 0; i < CALLS; i++) balanceCheck(ROWS[i % ROWS.length]);
  },
  5,
  1,
);

const checkCpu = medianCpuMs(() => {
  for (let i = 0; i < CALLS; i++) balanceCheck(ROWS[i % ROWS.length]);
});

// every call a row never seen before: the reader and the engine run each time
let fresh = 0;
const DISTINCT = 2_000;
const distinctRows = () =>
  Array.from({ length: DISTINCT }, () => [
    row({ ...primary, name: `新学校${fresh}`, teachingArea: 2000 + fresh++ }),
  ]);
const cold = medianMs(
  () => {
    for (const r of distinctRows()) balanceCheck(r);
  },
  3,
  1,
);

// baseline: the engine alone on records already read (no argument handling, no reader)
const header = templateHeaderRow();
const records = ROWS.map(
  (r) => readSchoolTable({ sheet: "学校", topLeft: "A1", values: [header, r[0]] }).records[0],
);
const engineOnly = medianMs(
  () => {
    for (let i = 0; i < CALLS; i++) {
      const sections = buildSections([records[i % records.length]], NATIONAL_2017).map((s) =>
        evaluateSection(NATIONAL_2017, s),
      );
      if (sections.length === 0) throw new Error("no section");
    }
  },
  5,
  1,
);
report(
  `CHECK × ${CALLS.toLocaleString("en")} on 1,000 template rows (a county recalculated 100 times)`,
  check,
  500,
  `(CPU ${checkCpu.toFixed(2)} ms; verdicts of the 1,000: ${JSON.stringify(Object.fromEntries(verdicts))})`,
);
report(
  `  baseline: the engine alone on the read records, ${CALLS.toLocaleString("en")} times`,
  engineOnly,
  undefined,
  `ratio ${(check / engineOnly).toFixed(2)}×`,
);
report(
  `CHECK on ${DISTINCT.toLocaleString("en")} rows never seen before (reader + engine each call)`,
  cold,
  undefined,
  `= ${((cold / DISTINCT) * 1000).toFixed(0)} µs per call`,
);

// DIFFCOEF: one two-column range of 500,000 (value, students) pairs = 1,000,000 cells, as Excel passes it
const PAIRS = 500_000;
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const range: number[][] = Array.from({ length: PAIRS }, () => [
  1 + random() * 10,
  Math.floor(20 + random() * 2000),
]);
const xs = new Float64Array(PAIRS);
const ws = new Float64Array(PAIRS);
range.forEach(([x, w], i) => ((xs[i] = x), (ws[i] = w)));

let cv = 0;
const diff = medianMs(() => {
  cv = balanceDiffcoef(range);
});
const diffCpu = medianCpuMs(() => balanceDiffcoef(range));
const bare = medianMs(() => differenceCoefficient(xs, ws));
report(
  `DIFFCOEF over ${(PAIRS * 2).toLocaleString("en")} cells`,
  diff,
  100,
  `(CPU ${diffCpu.toFixed(2)} ms; CV ${cv.toFixed(4)})`,
);
report(
  `  baseline: differenceCoefficient on typed arrays`,
  bare,
  undefined,
  `ratio ${(diff / bare).toFixed(1)}×`,
);
