import { differenceCoefficient, totalEntry } from "../engine";
import { countOf } from "../i18n/count";
import { FunctionError, valueError } from "./errors";
import { computable, isBlank, position, tooLarge, type ArgumentCell, type ArgumentMatrix } from "./args";
import { readNumber, shownValue, type NumberReading } from "../sheet/cells";
import { wholeCount } from "../sheet/read/figures";
import { LARGEST_FIGURE } from "../standard/figures";
import { toCellValue } from "./problems";

const NO_STUDENTS = valueError(
  "缺少在校生数：差异系数按在校生数加权（教督〔2017〕6号），请给出与数值同样大小的在校生数区域，或一个两列区域（数值，在校生数）",
  "students are missing: the difference coefficient is weighted by enrolment (2017 standard); give a students range " +
    "of the same shape as the values, or one two-column range of (value, students) pairs",
);

/**
 * A cell of a pair as the reader reads a number (src/sheet/cells.ts): a number, a number written as text ("1,234",
 * full-width digits), a blank or a "none" mark (—), or not a number. Excel's error values are named by their code.
 */
function reading(value: ArgumentCell): NumberReading {
  return readNumber(toCellValue(value));
}

function entry(cell: NumberReading, row: number, col: number, what: { zh: string; en: string }): number {
  const at = position(row, col);
  if (cell.kind === "number") {
    if (cell.value < 0) {
      throw valueError(
        `${what.zh}不能为负数：${at.zh}为 ${cell.value}`,
        `${what.en} cannot be negative: ${at.en} is ${cell.value}`,
      );
    }
    if (!computable(cell.value))
      throw tooLarge({ zh: `${what.zh}：${at.zh}`, en: `${what.en}: ${at.en}` }, cell.value);
    return cell.value;
  }
  const text = cell.kind === "notNumber" ? shownValue(cell.cell) : "";
  throw valueError(
    `${what.zh}应为数字：${at.zh}为“${text}”`,
    `${what.en} must be numbers: ${at.en} is "${text}"`,
  );
}

/**
 * Students are counted whole, as the reader counts them (`fractional-count`): 62.5 in a students cell is a value
 * per student, most likely from ranges given the wrong way round, and would weight the coefficient by it.
 */
function pupils(students: number, row: number, col: number): number {
  const whole = wholeCount(students);
  if (whole !== null) return whole;
  const at = position(row, col);
  throw valueError(
    `在校生数应为整数：${at.zh}为 ${students}。是否把数值区域和在校生数区域选反了？在校生数是第二个区域（一个两列区域时是右边一列）`,
    `students are whole numbers: ${at.en} is ${students}. Are the values and the students the wrong way round? ` +
      "The students are the second range (the right-hand column of a two-column range)",
  );
}

const VALUE = { zh: "数值", en: "values" };
const STUDENTS = { zh: "在校生数", en: "students" };

/**
 * Reads (value, students) pairs out of the arguments of BALANCE.DIFFCOEF: either two ranges of equal shape, or
 * one two-column range. Cells are read as the reader reads a number ("1,234" and full-width digits are numbers,
 * "—" is blank). A pair with both cells blank is skipped; a pair whose students are 0 is handed to the engine with
 * its weight of 0, whatever its value holds (a per-student value divided by 0 students is #DIV/0! or blank), and
 * the engine leaves it out (docs/standard.md#coefficient). Any other pair with one blank cell is an error: a school
 * with students and no value, or the other way round, would silently change the coefficient. The pairs above the
 * first one holding a number that hold only labels and blanks are the ranges' title, header and unit rows (whole
 * columns D:D, B:B), and skipped; a label below them is an error.
 */
export function readPairs(
  values: ArgumentMatrix,
  students: ArgumentMatrix | null | undefined,
): {
  values: Float64Array;
  students: Float64Array;
  count: number;
  /** where in the ranges the first and the last pair of students above 0 are (row, column of the values) */
  at: (pair: number) => { row: number; col: number } | null;
} {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  let pairs: "twoRanges" | "twoColumns" | "twoLists";
  if (omitted(students) && !(rows === 1 && cols === 1)) {
    if (cols !== 2) throw NO_STUDENTS;
    pairs = "twoColumns";
  } else if (students === null || students === undefined || students.length === 0) {
    throw NO_STUDENTS;
  } else {
    const sCols = students[0]?.length ?? 0;
    if (students.length === rows && sCols === cols) pairs = "twoRanges";
    else if (
      rows * cols === students.length * sCols &&
      (rows === 1 || cols === 1) &&
      (students.length === 1 || sCols === 1)
    ) {
      // a row of values against a column of students (or the other way round): each is a list of the same schools
      pairs = "twoLists";
    } else {
      throw valueError(
        `数值区域（${rows} 行 × ${cols} 列）与在校生数区域（${students.length} 行 × ${sCols} 列）大小不一致`,
        `the values (${countOf(rows, "row")} × ${countOf(cols, "column")}) and the students (${countOf(students.length, "row")} × ${countOf(sCols, "column")}) differ in shape`,
      );
    }
  }
  const reader = new PairReader(pairs === "twoColumns" ? rows : rows * cols);
  if (pairs === "twoLists") {
    const s = students as ArgumentMatrix;
    const across = s.length === 1;
    for (let i = 0; i < rows * cols; i++) {
      const [vr, vc] = rows === 1 ? [0, i] : [i, 0];
      const [sr, sc] = across ? [0, i] : [i, 0];
      reader.take(values[vr][vc], s[sr][sc], vr, vc, sr, sc);
    }
    return { values: reader.xs, students: reader.ws, count: reader.count, at: (i) => reader.at(i) };
  }
  for (let r = 0; r < rows; r++) {
    const vRow = values[r];
    if (pairs === "twoColumns") {
      reader.take(vRow[0], vRow[1], r, 0, r, 1);
    } else {
      const sRow = (students as ArgumentMatrix)[r];
      for (let c = 0; c < cols; c++) reader.take(vRow[c], sRow[c], r, c, r, c);
    }
  }
  return { values: reader.xs, students: reader.ws, count: reader.count, at: (i) => reader.at(i) };
}

/**
 * Students left out: no argument, or an empty one (`=BALANCE.DIFFCOEF(D2:E6, )`, or a reference to one empty cell),
 * which Excel passes as a single blank cell.
 */
function omitted(students: ArgumentMatrix | null | undefined): boolean {
  if (students === null || students === undefined || students.length === 0) return true;
  return students.length === 1 && students[0].length === 1 && isBlank(students[0][0]);
}

/** The pairs read so far, and whether a pair holding a number has been met (the header is then over). */
class PairReader {
  readonly xs: Float64Array;
  readonly ws: Float64Array;
  count = 0;
  private inHeader = true;

  constructor(size: number) {
    this.xs = new Float64Array(size);
    this.ws = new Float64Array(size);
  }

  /** the index and position of the first and the last pair of students above 0 */
  private readonly ends: { pair: number; row: number; col: number }[] = [];

  private add(x: number, w: number, row: number, col: number): void {
    if (w > 0) this.ends[this.ends.length < 2 ? this.ends.length : 1] = { pair: this.count, row, col };
    this.xs[this.count] = x;
    this.ws[this.count] = w;
    this.count++;
    this.inHeader = false;
  }

  take(v: ArgumentCell, s: ArgumentCell, vr: number, vc: number, sr: number, sc: number): void {
    // numbers first: the common case in a large range costs one typeof each
    if (
      typeof v === "number" &&
      typeof s === "number" &&
      v >= 0 &&
      s >= 0 &&
      v <= LARGEST_FIGURE &&
      s <= LARGEST_FIGURE &&
      Number.isInteger(s)
    ) {
      this.add(v, s, vr, vc);
      return;
    }
    // blank pairs next: the rest of a whole column (D:D) costs two comparisons a row
    if ((v === null || v === "") && (s === null || s === "")) return;
    const vCell = reading(v);
    const sCell = reading(s);
    if (vCell.kind === "blank" && sCell.kind === "blank") return;
    // no students: the engine leaves the pair out by its weight of 0, so its value is never read
    if (sCell.kind === "number" && sCell.value === 0) {
      this.add(Number.NaN, 0, vr, vc);
      return;
    }
    // a title, header or unit row above the data: labels and blanks, no number yet
    if (this.inHeader && isLabelOrBlank(vCell) && isLabelOrBlank(sCell)) return;
    if (vCell.kind === "blank") {
      const at = position(vr, vc);
      throw valueError(
        `${at.zh}的数值为空，而在校生数不为空`,
        `the value at ${at.en} is blank while its students are not`,
      );
    }
    if (sCell.kind === "blank") {
      const at = position(sr, sc);
      // an error value over blank students is most often a per-student formula (=C9/B9) filled down past the
      // table; it may as well be a school whose students were forgotten, so it is not skipped but explained
      if (vCell.kind === "notNumber" && vCell.cell.kind === "error") {
        const code = vCell.cell.text;
        throw valueError(
          `${at.zh}的在校生数为空，而数值为 ${code}：这所学校缺在校生数；若这一行已在表格之下（公式向下填充过了头），请只选到最后一所学校`,
          `the students at ${at.en} are blank and the value is ${code}: the school's students are missing; if the row ` +
            "is below the table (a formula filled down too far), select down to the last school only",
        );
      }
      throw valueError(
        `${at.zh}的在校生数为空，而数值不为空`,
        `the students at ${at.en} are blank while the value is not`,
      );
    }
    this.add(entry(vCell, vr, vc, VALUE), pupils(entry(sCell, sr, sc, STUDENTS), sr, sc), vr, vc);
  }

  at(pair: number): { row: number; col: number } | null {
    return this.ends.find((e) => e.pair === pair) ?? null;
  }
}

/** Text that is not a number (a header's label), or a blank: what a title, header or unit row holds. */
function isLabelOrBlank(cell: NumberReading): boolean {
  return cell.kind === "blank" || (cell.kind === "notNumber" && cell.cell.kind === "text");
}

/**
 * BALANCE.DIFFCOEF: the enrolment-weighted difference coefficient of docs/standard.md#coefficient, through the engine's
 * differenceCoefficient. Total enrolment 0 or a weighted mean of 0 leave the coefficient undefined: #DIV/0!.
 */
export function diffCoef(values: ArgumentMatrix, students?: ArgumentMatrix | null): number {
  const pairs = readPairs(values, students);
  if (pairs.count === 0) {
    throw new FunctionError("#DIV/0!", {
      zh: "所选区域中没有学校的数据（只有空格或表头）：差异系数无法计算",
      en: "the ranges hold no school's figures (only blanks or headers): there is no coefficient to compute",
    });
  }
  const xs = pairs.values.subarray(0, pairs.count);
  const ws = pairs.students.subarray(0, pairs.count);
  const total = totalEntry(xs, ws);
  if (total !== null) throw totalRow(xs, ws, total, pairs.at(total));
  const dc = differenceCoefficient(xs, ws);
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

/**
 * #VALUE! for a pair that plainly is the total row (the engine's totalEntry): a total taken in as a school makes
 * the coefficient about 1/√2 of what it is, so the function says so instead of returning that figure.
 */
function totalRow(
  xs: Float64Array,
  ws: Float64Array,
  total: number,
  at: { row: number; col: number } | null,
): FunctionError {
  const where = at ? position(at.row, at.col) : { zh: "所选区域中", en: "in the range" };
  const schools = ws.reduce((n, w, i) => (w > 0 && i !== total ? n + 1 : n), 0);
  return valueError(
    `${where.zh}像是合计行：在校生数 ${ws[total]} 等于其余 ${schools} 所学校之和，数值 ${xs[total]} 等于它们按在校生数加权的平均值。` +
      "合计行不要选入（选入会使差异系数变小约三成）；请只选各学校的行",
    `${where.en} looks like the total row: its students (${ws[total]}) are the sum of the other ${countOf(schools, "school's", "schools'")} ` +
      `and its value (${xs[total]}) their enrolment-weighted mean. Leave the total row out (it makes the ` +
      "coefficient about 30 % smaller); select the schools' rows only",
  );
}
