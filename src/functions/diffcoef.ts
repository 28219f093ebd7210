import { differenceCoefficient } from "../engine";
import { FunctionError, valueError } from "./errors";
import { isBlank, position, type ArgumentCell, type ArgumentMatrix } from "./args";

const NO_STUDENTS = valueError(
  "缺少在校生数：差异系数按在校生数加权（教督〔2017〕6号），请给出与数值同样大小的在校生数区域，或一个两列区域（数值，在校生数）",
  "students are missing: the difference coefficient is weighted by enrolment (2017 standard); give a students range " +
    "of the same shape as the values, or one two-column range of (value, students) pairs",
);

function entry(value: ArgumentCell, row: number, col: number, what: { zh: string; en: string }): number {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (value < 0) {
      const at = position(row, col);
      throw valueError(
        `${what.zh}不能为负数：${at.zh}为 ${value}`,
        `${what.en} cannot be negative: ${at.en} is ${value}`,
      );
    }
    return value;
  }
  const at = position(row, col);
  const text = typeof value === "string" ? value : typeof value === "boolean" ? String(value) : "错误值";
  throw valueError(
    `${what.zh}应为数字：${at.zh}为“${text}”`,
    `${what.en} must be numbers: ${at.en} is "${typeof value === "object" ? "an error value" : String(value)}"`,
  );
}

const VALUE = { zh: "数值", en: "values" };
const STUDENTS = { zh: "在校生数", en: "students" };

/**
 * Reads (value, students) pairs out of the arguments of BALANCE.DIFFCOEF: either two ranges of equal shape, or
 * one two-column range. A pair with both cells blank is skipped; a pair with one blank cell is an error (a
 * school with students and no value, or the other way round, would silently change the coefficient).
 */
export function readPairs(
  values: ArgumentMatrix,
  students: ArgumentMatrix | null | undefined,
): { values: Float64Array; students: Float64Array; count: number } {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  let pairs: "twoRanges" | "twoColumns";
  if (students === null || students === undefined || students.length === 0) {
    if (cols !== 2) throw NO_STUDENTS;
    pairs = "twoColumns";
  } else {
    const sCols = students[0]?.length ?? 0;
    if (students.length !== rows || sCols !== cols) {
      throw valueError(
        `数值区域（${rows} 行 × ${cols} 列）与在校生数区域（${students.length} 行 × ${sCols} 列）大小不一致`,
        `the values (${rows} rows × ${cols} columns) and the students (${students.length} rows × ${sCols} columns) differ in shape`,
      );
    }
    pairs = "twoRanges";
  }
  const n = pairs === "twoColumns" ? rows : rows * cols;
  const xs = new Float64Array(n);
  const ws = new Float64Array(n);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const vRow = values[r];
    if (pairs === "twoColumns") {
      count = take(vRow[0], vRow[1], r, 0, r, 1, xs, ws, count);
    } else {
      const sRow = (students as ArgumentMatrix)[r];
      for (let c = 0; c < cols; c++) count = take(vRow[c], sRow[c], r, c, r, c, xs, ws, count);
    }
  }
  return { values: xs, students: ws, count };
}

function take(
  v: ArgumentCell,
  s: ArgumentCell,
  vr: number,
  vc: number,
  sr: number,
  sc: number,
  xs: Float64Array,
  ws: Float64Array,
  count: number,
): number {
  // numbers first: the common case in a large range costs one typeof each
  if (typeof v === "number" && typeof s === "number" && v >= 0 && s >= 0 && Number.isFinite(v + s)) {
    xs[count] = v;
    ws[count] = s;
    return count + 1;
  }
  const vBlank = isBlank(v);
  const sBlank = isBlank(s);
  if (vBlank && sBlank) return count;
  if (vBlank) {
    const at = position(vr, vc);
    throw valueError(
      `${at.zh}的数值为空，而在校生数不为空`,
      `the value at ${at.en} is blank while its students are not`,
    );
  }
  if (sBlank) {
    const at = position(sr, sc);
    throw valueError(
      `${at.zh}的在校生数为空，而数值不为空`,
      `the students at ${at.en} are blank while the value is not`,
    );
  }
  xs[count] = entry(v, vr, vc, VALUE);
  ws[count] = entry(s, sr, sc, STUDENTS);
  return count + 1;
}

/**
 * BALANCE.DIFFCOEF: the enrolment-weighted difference coefficient of docs/standard.md#coefficient, through the engine's
 * differenceCoefficient. Total enrolment 0 or a weighted mean of 0 leave the coefficient undefined: #DIV/0!.
 */
export function diffCoef(values: ArgumentMatrix, students?: ArgumentMatrix | null): number {
  const pairs = readPairs(values, students);
  const dc = differenceCoefficient(
    pairs.values.subarray(0, pairs.count),
    pairs.students.subarray(0, pairs.count),
  );
  if (dc.totalWeight === 0) {
    throw new FunctionError("#DIV/0!", {
      zh: "在校生数合计为 0：差异系数按在校生数加权，无法计算",
      en: "total enrolment is 0: the coefficient is weighted by enrolment and cannot be computed",
    });
  }
  if (dc.cv === null) {
    throw new FunctionError("#DIV/0!", {
      zh: "加权平均值为 0：差异系数 = 标准差 ÷ 平均值，无法计算",
      en: "the weighted mean is 0: the coefficient is the standard deviation divided by the mean and cannot be computed",
    });
  }
  return dc.cv;
}
