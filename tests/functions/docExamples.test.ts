/**
 * Every example of docs/functions.md and of the reference page (src/help/functions.html) whose arguments are
 * literals or the published worked example: the figure the page prints is recomputed here by hand from
 * docs/standard.md (its table of standards, its limits, the weighted coefficient's formula), not by the engine,
 * and the function, called as Excel calls it, must give that figure to the digits printed. An example this file
 * cannot recompute fails the test, so a new example is checked when it is written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  balanceCheck,
  balanceCounty,
  balanceCvlimit,
  balanceDetail,
  balanceDiffcoef,
  balanceIndicator,
  balanceShortfall,
  balanceStandard,
  balanceWhatif,
} from "../../src/functions/functions";
import { HEADER, NINE_YEAR_PASS, PRIMARY_PASS, templateRow } from "./rows";

const ROOT = join(__dirname, "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const zhCN = JSON.parse(read("src/functions/functions-zh-CN.json")) as {
  functions: { id: string; name: string }[];
};
const ID_OF = new Map(zhCN.functions.flatMap((f) => [[f.name, f.id] as const, [f.id, f.id] as const]));

/** `=BALANCE.NAME(args) → result` as both pages write an example. */
interface Example {
  page: string;
  id: string;
  args: string;
  result: string;
}

function examplesOf(page: string, text: string): Example[] {
  const found: Example[] = [];
  for (const m of text.matchAll(/=BALANCE\.([^\s(`]+)\(([^)]*)\)`?\s*→\s*`?([^\s`（(；;<]+)/g)) {
    found.push({ page, id: ID_OF.get(m[1]) ?? `unknown ${m[1]}`, args: m[2], result: m[3] });
  }
  return found;
}

const EXAMPLES = [
  ...examplesOf("docs/functions.md", read("docs/functions.md")),
  ...examplesOf("src/help/functions.html", read("src/help/functions.html")),
];

/** docs/standard.md's table of standards: indicator id and Chinese short name → [primary, junior]. */
const STANDARDS = new Map<string, [number, number]>();
for (const m of read("docs/standard.md").matchAll(
  /^\| `(\w+)`\s*\|[^|]*\|[^|]*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|/gm,
)) {
  STANDARDS.set(m[1], [Number(m[2]), Number(m[3])]);
}
const SHORT_NAMES: Record<string, string> = { 高学历教师: "qualifiedTeachers", 教学用房: "teachingArea" };
const standardOf = (indicator: string, level: string) => {
  const pair = STANDARDS.get(SHORT_NAMES[indicator] ?? indicator);
  if (!pair) throw new Error(`no standard for ${indicator} in docs/standard.md`);
  return level === "初中" ? pair[1] : pair[0];
};
const PER_HUNDRED = new Set(["qualifiedTeachers", "keyTeachers", "peArtTeachers", "multimediaRooms"]);

/** docs/standard.md#coefficient, written out: X̄ = ΣPX/ΣP, S = √(ΣP(X−X̄)²/ΣP), CV = S/X̄. */
function handCv(xs: number[], ps: number[]): number {
  const p = ps.reduce((a, b) => a + b, 0);
  const mean = xs.reduce((a, x, i) => a + ps[i] * x, 0) / p;
  return Math.sqrt(xs.reduce((a, x, i) => a + ps[i] * (x - mean) ** 2, 0) / p) / mean;
}

// the published worked example as a sheet: students in B2:B6, books in C2:C6, books per student in D2:D6
const STUDENTS = [45, 37, 89, 76, 55];
const PER_STUDENT = [279, 137, 935, 160, 402].map((b, i) => b / STUDENTS[i]);

/** The ranges of an example's DIFFCOEF, as Excel hands them over (2-D arrays, a whole column with its header). */
function rangesOf(args: string): unknown[][][] {
  const column = (xs: unknown[]) => xs.map((x) => [x]);
  const whole = (header: string, xs: number[]) => {
    const cells: unknown[][] = Array.from({ length: 1_048_576 }, () => [null]);
    cells[0] = [header];
    xs.forEach((x, i) => (cells[i + 1] = [x]));
    return cells;
  };
  const ranges: Record<string, unknown[][]> = {
    "D2:D6": column(PER_STUDENT),
    "B2:B6": column(STUDENTS),
    "D2:E6": PER_STUDENT.map((x, i) => [x, STUDENTS[i]]),
    "D:D": whole("生均图书（册）", PER_STUDENT),
    "B:B": whole("在校生数", STUDENTS),
  };
  return args.split(",").map((a) => {
    const range = ranges[a.trim()];
    if (!range) throw new Error(`no data for the range ${a}`);
    return range;
  });
}

/** A literal argument as Excel passes it: a quoted string, or a number. */
function literals(args: string): (string | number)[] {
  return args.split(",").map((a) => {
    const t = a.trim();
    if (/^".*"$/.test(t)) return t.slice(1, -1);
    if (/^-?[\d.]+$/.test(t)) return Number(t);
    throw new Error(`not a literal: ${t}`);
  });
}

/** The figure an example should print, recomputed by hand; and what the function gives. */
function recompute(example: Example): { byHand: number; byFunction: number } | null {
  switch (example.id) {
    case "DIFFCOEF": {
      const [values, students] = rangesOf(example.args);
      return { byHand: handCv(PER_STUDENT, STUDENTS), byFunction: balanceDiffcoef(values, students) };
    }
    case "INDICATOR": {
      const [indicator, level, amount, students, unit] = literals(example.args);
      const id = SHORT_NAMES[indicator] ?? indicator;
      // equipment in 万元 unless 元 is written; the indicator in 元 per student
      const amountInStandardUnit = id === "equipmentValue" && unit !== "元" ? +amount * 10_000 : +amount;
      const byHand = (amountInStandardUnit * (PER_HUNDRED.has(id as string) ? 100 : 1)) / +students;
      return { byHand, byFunction: balanceIndicator(indicator, level, amount, students, unit) };
    }
    case "STANDARD": {
      const [indicator, level] = literals(example.args) as string[];
      return { byHand: standardOf(indicator, level), byFunction: balanceStandard(indicator, level) };
    }
    case "CVLIMIT": {
      const [level] = literals(example.args) as string[];
      // docs/standard.md §3: primary ≤ 0.50, junior ≤ 0.45
      return { byHand: level === "初中" ? 0.45 : 0.5, byFunction: balanceCvlimit(level) };
    }
    case "SHORTFALL": {
      const [indicator, level, amount, students, target] = literals(example.args);
      const share = target === "85%" || target === "floor" ? 0.85 : 1;
      const per = PER_HUNDRED.has(SHORT_NAMES[indicator] ?? indicator) ? 100 : 1;
      // people and rooms come whole: the least whole number reaching the standard, less what is there
      const needed = Math.ceil(
        (share * standardOf(String(indicator), String(level)) * +students) / per - 1e-9,
      );
      return {
        byHand: Math.max(0, needed - +amount),
        byFunction: balanceShortfall(indicator, level, amount, students, target),
      };
    }
    default:
      return null;
  }
}

/** Rounded to the decimals the page prints. */
const asPrinted = (x: number, printed: string) => x.toFixed(printed.split(".")[1]?.length ?? 0);

describe("the examples of docs/functions.md and help/functions.html, recomputed by hand", () => {
  test("both pages have examples, under names the metadata knows", () => {
    expect(EXAMPLES.length).toBeGreaterThan(15);
    for (const e of EXAMPLES) expect(e.id).not.toMatch(/^unknown/);
  });

  // CHECK, DETAIL, COUNTY and WHATIF take a sheet's rows the pages do not print: the tests of school.test.ts
  // and county.test.ts hold their own rows
  const SHEET_EXAMPLES = new Set(["CHECK", "DETAIL", "COUNTY", "WHATIF"]);

  test.each(EXAMPLES.filter((e) => !SHEET_EXAMPLES.has(e.id)).map((e) => [e.page, e.id, e.args, e] as const))(
    "%s: %s(%s)",
    (_page, _id, _args, example) => {
      const figures = recompute(example);
      expect(figures).not.toBeNull();
      expect(asPrinted(figures!.byHand, example.result)).toBe(example.result);
      expect(asPrinted(figures!.byFunction, example.result)).toBe(example.result);
      expect(figures!.byFunction).toBeCloseTo(figures!.byHand, 9);
    },
  );
});

describe("what docs/functions.md says of the tables DETAIL and COUNTY spill, checked on rows worked out by hand", () => {
  const doc = read("docs/functions.md");
  // rows.ts: PRIMARY_PASS has 25 qualified teachers per 500 pupils (5.0); a second school, 60 per 1,000 (6.0)
  const one = [templateRow(PRIMARY_PASS)];
  const second = templateRow({
    ...PRIMARY_PASS,
    name: "第二小学",
    primaryStudents: 1000,
    primaryQualifiedTeachers: 60,
  });
  const size = (table: unknown[][]) => `${table.length} 行 × ${table[0].length} 列`;

  test("DETAIL: 8 rows × 5 columns, 15 × 5 for a school of two levels; INDEX(…, 2, 3) is 高学历教师's value", () => {
    expect(doc).toContain("`=BALANCE.指标明细(A5:AA5)` → 8 行 × 5 列");
    expect(doc).toContain("一贯制学校两个学段，15 行 × 5 列");
    expect(size(balanceDetail(one))).toBe("8 行 × 5 列");
    expect(size(balanceDetail([templateRow(NINE_YEAR_PASS)]))).toBe("15 行 × 5 列");
    expect(doc).toContain("`=INDEX(BALANCE.指标明细(A5:AA5), 2, 3)` 是第一项指标（高学历教师）的数值");
    const detail = balanceDetail(one);
    expect(detail[1][1]).toBe("高学历教师");
    expect(detail[1][2]).toBeCloseTo((25 * 100) / 500, 12);
  });

  test("COUNTY: 15 rows × 7 columns; INDEX(…, 2, 3) is the primary 高学历教师 coefficient", () => {
    expect(doc).toContain("`=BALANCE.县域均衡(学校!A1:AA120)` → 15 行 × 7 列");
    const table = balanceCounty([[...HEADER], one[0], second]);
    expect(size(table)).toBe("15 行 × 7 列");
    expect(doc).toContain("`=INDEX(BALANCE.县域均衡(学校!A1:AA120), 2, 3)` 是小学高学历教师的差异系数");
    expect(table[1].slice(0, 2)).toEqual(["小学", "高学历教师"]);
    // by hand: 5.0 and 6.0 weighted 500 and 1,000 → X̄ = 8,500/1,500, CV = 0.0832
    expect(table[1][2]).toBeCloseTo(handCv([5, 6], [500, 1000]), 12);
    expect((table[1][2] as number).toFixed(4)).toBe("0.0832");
  });

  test("WHATIF with its headers left empty (Excel passes one blank cell): 600 ㎡ more, 达标", () => {
    // 1,900 ㎡ per 500 pupils = 3.8 < 0.85 × 4.5 = 3.825: 不达标; 2,500 ㎡ = 5.0 ≥ 4.5: 达标
    const short = [templateRow({ ...PRIMARY_PASS, teachingArea: 1900 })];
    expect(doc).toContain('`=BALANCE.WHATIF(A5:AA5, , "教学用房", 600)` → 达标');
    expect(balanceCheck(short)).toBe("不达标");
    expect(balanceWhatif(short, [[null]], "教学用房", 600)).toBe("达标");
    // the 85 % line is 3.825 × 500 = 1,912.5 ㎡: 12 more stay under it, 13 more reach it (six met, one within 85 %)
    expect(balanceWhatif(short, [[null]], "教学用房", 12)).toBe("不达标");
    expect(balanceWhatif(short, [[null]], "教学用房", 13)).toBe("达标");
  });
});
