import fc from "fast-check";
import { differenceCoefficient } from "../../src/engine";
import { diffCoef } from "../../src/functions/diffcoef";
import { excelError } from "./helpers";

// docs/standard.md#coefficient worked example (生均图书册数, five primary schools)
const STUDENTS = [45, 37, 89, 76, 55];
const BOOKS = [279, 137, 935, 160, 402];
const PER_STUDENT = BOOKS.map((b, i) => b / STUDENTS[i]);
const column = (xs: unknown[]) => xs.map((x) => [x]);

describe("BALANCE.DIFFCOEF (docs/standard.md#coefficient)", () => {
  test("the published worked example gives 0.5153 from two ranges", () => {
    expect(diffCoef(column(PER_STUDENT), column(STUDENTS)).toFixed(4)).toBe("0.5153");
  });

  test("one two-column range of (value, students) pairs gives the same", () => {
    const pairs = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
    expect(diffCoef(pairs)).toBe(diffCoef(column(PER_STUDENT), column(STUDENTS)));
  });

  test("weighted by enrolment: not the unweighted 0.489 nor the sample 0.546", () => {
    const cv = diffCoef(column(PER_STUDENT), column(STUDENTS));
    expect(cv).not.toBeCloseTo(0.489, 3);
    expect(cv).not.toBeCloseTo(0.546, 3);
  });

  test("ranges of any equal shape: a row of values against a row of students", () => {
    expect(diffCoef([PER_STUDENT], [STUDENTS]).toFixed(4)).toBe("0.5153");
  });

  test("a row of values against a column of students, or the other way round: two lists of the same schools", () => {
    // by hand: values 10 and 20, students 100 and 300 → X̄ = 7000/400 = 17.5, S² = (100 × 7.5² + 300 × 2.5²)/400
    // = 18.75, CV = √18.75 / 17.5 = 0.247436
    expect(diffCoef([[10, 20]], [[100], [300]])).toBeCloseTo(0.247436, 6);
    expect(diffCoef([[10], [20]], [[100, 300]])).toBeCloseTo(0.247436, 6);
    expect(diffCoef([PER_STUDENT], column(STUDENTS)).toFixed(4)).toBe("0.5153");
    // a cell of either list is named within its own range
    const e = excelError(() => diffCoef([[10, "十"]], [[100], [300]]));
    expect(e.zh).toContain("所选区域第 1 行第 2 列");
    const s = excelError(() => diffCoef([[10, 20]], [[100], ["三百"]]));
    expect(s.zh).toContain("在校生数应为数字：所选区域第 2 行第 1 列");
  });

  test("students left empty (=BALANCE.DIFFCOEF(D2:E6, ), Excel passes one blank cell): the two-column range", () => {
    const pairs = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
    expect(diffCoef(pairs, [[null]]).toFixed(4)).toBe("0.5153");
    expect(diffCoef(pairs, [[""]]).toFixed(4)).toBe("0.5153");
    // one value and one blank students cell: the students are missing, not a shape mismatch
    expect(excelError(() => diffCoef(column(PER_STUDENT), [[null]])).zh).toContain("缺少在校生数");
  });

  test("blank pairs are skipped", () => {
    const values = [[PER_STUDENT[0]], [""], [PER_STUDENT[1]], [null], ...column(PER_STUDENT.slice(2))];
    const students = [[STUDENTS[0]], [""], [STUDENTS[1]], [null], ...column(STUDENTS.slice(2))];
    expect(diffCoef(values, students)).toBe(diffCoef(column(PER_STUDENT), column(STUDENTS)));
  });

  test("numbers written as text are read as the reader reads them: 1,234, full-width digits, spaces", () => {
    const books = BOOKS.map((b, i) => [
      i === 2 ? "935" : b,
      i === 0 ? "４５" : i === 4 ? " 55 " : STUDENTS[i],
    ]);
    const thousands = [
      ["1,234", "１，０００"],
      [2000, 3000],
    ];
    expect(diffCoef(books).toFixed(4)).toBe(diffCoef(BOOKS.map((b, i) => [b, STUDENTS[i]])).toFixed(4));
    expect(diffCoef(thousands)).toBe(
      diffCoef([
        [1234, 1000],
        [2000, 3000],
      ]),
    );
  });

  test("a whole column (D:D, B:B): its header is skipped and so are the million blank rows under the table", () => {
    const rows = 1_048_576;
    const values: unknown[][] = Array.from({ length: rows }, () => [null]);
    const students: unknown[][] = Array.from({ length: rows }, () => [""]);
    values[0] = ["生均图书（册）"];
    students[0] = ["在校生数"];
    PER_STUDENT.forEach((x, i) => {
      values[i + 1] = [x];
      students[i + 1] = [STUDENTS[i]];
    });
    expect(diffCoef(values, students).toFixed(4)).toBe("0.5153");
  });

  test("whole columns of a county's sheet: a title row, two header rows and a unit row above the data are skipped", () => {
    const rows = 10_000;
    const values: unknown[][] = Array.from({ length: rows }, () => [null]);
    const students: unknown[][] = Array.from({ length: rows }, () => [""]);
    values[0] = ["表1 白狼县小学生均图书"]; // a title over the table, its students' cell blank (merged)
    values[1] = ["小学"]; // a group header above the column headers
    values[2] = ["生均图书"];
    students[2] = ["在校生数"];
    values[3] = ["册"]; // the unit row
    students[3] = ["人"];
    PER_STUDENT.forEach((x, i) => {
      values[i + 4] = [x];
      students[i + 4] = [STUDENTS[i]];
    });
    expect(diffCoef(values, students)).toBe(diffCoef(column(PER_STUDENT), column(STUDENTS)));
    // a row of labels in a transposed (row) range: its first cells
    expect(diffCoef([["生均图书", "册", ...PER_STUDENT]], [["在校生数", "人", ...STUDENTS]])).toBe(
      diffCoef([PER_STUDENT], [STUDENTS]),
    );
  });

  test("a label under the first figures is still an error, however the header was written", () => {
    const pairs: unknown[][] = [
      ["生均图书", null],
      ["册", "人"],
      ...PER_STUDENT.map((x, i) => [x, STUDENTS[i]]),
    ];
    pairs.push(["合计", ""]);
    const e = excelError(() => diffCoef(pairs));
    expect(e.kind).toBe("#VALUE!");
    expect(e.zh).toContain("第 8 行第 2 列的在校生数为空");
  });

  test("§3: a school with 0 students takes no part, whatever its value cell holds (blank, —, #DIV/0!, text)", () => {
    const pairs: unknown[][] = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
    const expected = diffCoef(pairs);
    for (const value of [null, "", "—", { code: "#DIV/0!" }, "无", 0, 12]) {
      for (const zero of [0, "0", "０"]) {
        const withNone = [...pairs.slice(0, 2), [value, zero], ...pairs.slice(2)];
        expect(diffCoef(withNone)).toBe(expected);
      }
    }
    // a value with students left blank is still an error: the school's enrolment is missing
    expect(excelError(() => diffCoef([...pairs, [{ code: "#DIV/0!" }, null]])).kind).toBe("#VALUE!");
  });

  test("#DIV/0! over blank students (=C9/B9 filled down past the table) names both causes, Chinese first", () => {
    const pairs: unknown[][] = [...PER_STUDENT.map((x, i) => [x, STUDENTS[i]]), [{ code: "#DIV/0!" }, null]];
    const e = excelError(() => diffCoef(pairs));
    expect(e.zh).toBe(
      "所选区域第 6 行第 2 列的在校生数为空，而数值为 #DIV/0!：这所学校缺在校生数；若这一行已在表格之下（公式向下填充过了头），请只选到最后一所学校",
    );
    expect(e.en).toContain("a formula filled down too far");
  });

  test("nothing but headers and blanks: #DIV/0! saying the ranges hold no school's figures", () => {
    const e = excelError(() =>
      diffCoef([
        ["生均图书", "在校生数"],
        [null, ""],
        ["—", "/"],
      ]),
    );
    expect(e.kind).toBe("#DIV/0!");
    expect(e.zh).toContain("没有学校的数据");
    expect(e.en).toContain("no school's figures");
  });

  test("only the first pair can be a header: two labels further down are an error naming the row", () => {
    const pairs: unknown[][] = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
    pairs.splice(2, 0, ["合计", "合计"]);
    const e = excelError(() => diffCoef(pairs));
    expect(e.kind).toBe("#VALUE!");
    // counted within the range selected, as the message says
    expect(e.zh).toContain("所选区域第 3 行第 1 列为“合计”");
  });

  test("a pair of none marks (— or /) is blank, as in the reader", () => {
    const pairs: unknown[][] = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
    pairs.push(["—", "/"]);
    expect(diffCoef(pairs).toFixed(4)).toBe("0.5153");
  });

  test("§3 edge case: one section only gives 0", () => {
    expect(diffCoef([[6.2, 45]])).toBe(0);
  });

  test("§3 edge case: sections with 0 students take no part", () => {
    const pairs = [...PER_STUDENT.map((x, i) => [x, STUDENTS[i]]), [100, 0]];
    expect(diffCoef(pairs)).toBe(diffCoef(column(PER_STUDENT), column(STUDENTS)));
  });

  test("agrees with the engine's differenceCoefficient on any data", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.integer({ min: 1, max: 5000 })),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (pairs) => {
          const engine = differenceCoefficient(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          expect(diffCoef(pairs)).toBe(engine.cv);
        },
      ),
    );
  });

  test("values passed through ROUND change the coefficient, as docs/functions.md warns: 0.5151, 0.5387", () => {
    const rounded = (digits: number) => PER_STUDENT.map((x) => Math.round(x * 10 ** digits) / 10 ** digits);
    expect(diffCoef(column(rounded(2)), column(STUDENTS)).toFixed(4)).toBe("0.5151");
    expect(diffCoef(column(rounded(0)), column(STUDENTS)).toFixed(4)).toBe("0.5387");
  });

  describe("the total row (docs/functions.md#total-row)", () => {
    // by hand, as docs/standard.md#coefficient writes it, without the engine
    const handCv = (xs: number[], ps: number[]) => {
      const p = ps.reduce((a, b) => a + b, 0);
      const mean = xs.reduce((a, x, i) => a + ps[i] * x, 0) / p;
      return Math.sqrt(xs.reduce((a, x, i) => a + ps[i] * (x - mean) ** 2, 0) / p) / mean;
    };
    // the published table's 合计 row: 302 students, 1913 ÷ 302 = 6.3344 books each, as printed
    const TOTAL_STUDENTS = STUDENTS.reduce((a, b) => a + b, 0);
    const PRINTED_TOTAL = 6.3344;

    test("taken in as a school it would shrink the coefficient by about 30 %", () => {
      expect(TOTAL_STUDENTS).toBe(302);
      expect(handCv(PER_STUDENT, STUDENTS).toFixed(4)).toBe("0.5153");
      const withTotal = handCv([...PER_STUDENT, PRINTED_TOTAL], [...STUDENTS, TOTAL_STUDENTS]);
      expect(withTotal.toFixed(4)).toBe("0.3643");
      // a point at the mean with the weight of all the rest halves the variance: 1/√2 of the coefficient
      expect(withTotal / handCv(PER_STUDENT, STUDENTS)).toBeCloseTo(Math.SQRT1_2, 4);
    });

    test("the last row of the published table, total included: #VALUE! naming its row", () => {
      const e = excelError(() =>
        diffCoef(column([...PER_STUDENT, PRINTED_TOTAL]), column([...STUDENTS, TOTAL_STUDENTS])),
      );
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("所选区域第 6 行第 1 列像是合计行");
      expect(e.zh).toContain("在校生数 302 等于其余 5 所学校之和");
      expect(e.en).toContain("row 6, column 1 of the range looks like the total row");
    });

    test("whole columns with a header, the total at the top or computed by a formula (=C7/B7)", () => {
      const rows = 2000;
      const values: unknown[][] = Array.from({ length: rows }, () => [null]);
      const students: unknown[][] = Array.from({ length: rows }, () => [null]);
      values[0] = ["生均图书"];
      students[0] = ["在校生数"];
      values[1] = [1913 / 302];
      students[1] = ["302"];
      PER_STUDENT.forEach((x, i) => {
        values[i + 2] = [x];
        students[i + 2] = [STUDENTS[i]];
      });
      expect(excelError(() => diffCoef(values, students)).zh).toContain("所选区域第 2 行第 1 列像是合计行");
      // as a two-column range with a school of no pupils after it: the total is still the last school
      const pairs: unknown[][] = [
        ...PER_STUDENT.map((x, i) => [x, STUDENTS[i]]),
        ["6.33", "３０２"],
        ["—", 0],
      ];
      expect(excelError(() => diffCoef(pairs)).zh).toContain("所选区域第 6 行第 1 列像是合计行");
    });

    test("a school is not taken for a total: other value, other enrolment, equal schools, two schools", () => {
      const pairs = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
      // half the pupils, but not at the mean of the rest
      const big = [...pairs, [8, 302]];
      expect(diffCoef(big)).toBeCloseTo(
        handCv(
          big.map((p) => p[0]),
          big.map((p) => p[1]),
        ),
        12,
      );
      // at the mean of the rest, but not half the pupils
      expect(diffCoef([...pairs, [6.3344, 300]])).toBeGreaterThan(0);
      // every school at one value: CV 0 whatever the last row is
      expect(
        diffCoef([
          [5, 100],
          [5, 200],
          [5, 300],
        ]),
      ).toBe(0);
      // one school and its twin
      expect(
        diffCoef([
          [5, 100],
          [5, 100],
        ]),
      ).toBe(0);
    });
  });

  describe("bad input", () => {
    test("no students → #VALUE! explaining that the standard weights by enrolment", () => {
      const e = excelError(() => diffCoef(column(PER_STUDENT)));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("按在校生数加权");
      expect(e.en).toContain("weighted by enrolment");
    });

    test("text → #VALUE! naming the cell", () => {
      const values = column(PER_STUDENT);
      values[2] = ["十"];
      const e = excelError(() => diffCoef(values, column(STUDENTS)));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("第 3 行第 1 列");
      expect(e.zh).toContain("十");
      expect(e.en).toContain("row 3, column 1");
    });

    test("text among the students → #VALUE!", () => {
      const e = excelError(() => diffCoef([[6.2, "45人"]]));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("在校生数");
    });

    test("an error value in a range is named by its code", () => {
      const pairs: unknown[][] = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
      pairs[3][0] = { code: "#DIV/0!" };
      const e = excelError(() => diffCoef(pairs));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("第 4 行第 1 列为“#DIV/0!”");
      expect(e.en).toContain('row 4, column 1 of the range is "#DIV/0!"');
    });

    test("a boolean is not a number → #VALUE!", () => {
      expect(excelError(() => diffCoef([[true, 45]])).kind).toBe("#VALUE!");
    });

    test("negative value or students → #VALUE!", () => {
      const v = excelError(() => diffCoef([[-1, 45]]));
      expect(v.kind).toBe("#VALUE!");
      expect(v.zh).toContain("负数");
      expect(v.en).toContain("negative");
      expect(excelError(() => diffCoef([[1, -45]])).kind).toBe("#VALUE!");
    });

    test("half-blank pair → #VALUE!", () => {
      const e = excelError(() =>
        diffCoef([
          [6.2, 45],
          ["", 37],
        ]),
      );
      expect(e.kind).toBe("#VALUE!");
      expect(e.en).toContain("row 2, column 1");
      expect(
        excelError(() =>
          diffCoef([
            [6.2, 45],
            [3.7, null],
          ]),
        ).kind,
      ).toBe("#VALUE!");
    });

    test("students not whole → #VALUE! naming the cell and asking whether the ranges are swapped", () => {
      // the values given as the students and the other way round: weighted by books per student
      const e = excelError(() => diffCoef(column(STUDENTS), column(PER_STUDENT)));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("在校生数应为整数：所选区域第 1 行第 1 列为 6.2");
      expect(e.zh).toContain("选反");
      expect(e.en).toContain("wrong way round");
      // a two-column range: the right-hand column, named as such
      const pairs = STUDENTS.map((p, i) => [p, PER_STUDENT[i]]);
      expect(excelError(() => diffCoef(pairs)).zh).toContain("第 1 行第 2 列为 6.2");
      // text and binary noise are read as the reader reads them
      expect(excelError(() => diffCoef([[6.2, "45.5"]])).zh).toContain("为 45.5");
      const noisy = PER_STUDENT.map((x, i) => [x, STUDENTS[i] + (i === 0 ? 1e-11 : 0)]);
      expect(diffCoef(noisy).toFixed(4)).toBe("0.5153");
    });

    test("a figure beyond what can be computed (10¹⁵) → #VALUE! naming the cell, never a coefficient of NaN", () => {
      // 1e300 squared overflows: the coefficient would be NaN, which Excel shows as a bare #NUM!
      for (const [values, students, at] of [
        [[6.2, 1e300, 3.7], STUDENTS.slice(0, 3), "第 2 行第 1 列"],
        [[6.2, 3.7], [45, "2,000,000,000,000,000"], "第 2 行第 1 列"],
      ] as const) {
        const e = excelError(() => diffCoef(column([...values]), column([...students])));
        expect(e.kind).toBe("#VALUE!");
        expect(e.zh).toContain(at);
        expect(e.zh).toContain("超出可计算的范围");
        expect(e.en).toContain("beyond what can be computed");
      }
    });

    test("ranges of different shapes → #VALUE!", () => {
      const e = excelError(() => diffCoef(column(PER_STUDENT), column(STUDENTS.slice(1))));
      expect(e.kind).toBe("#VALUE!");
      expect(e.zh).toContain("大小不一致");
      expect(e.en).toContain("shape");
      // a row against a column is one list against another, but of 5 and 4 schools
      expect(excelError(() => diffCoef([PER_STUDENT], column(STUDENTS.slice(1)))).zh).toContain("大小不一致");
      // a two-column range against a column of students
      const twoColumns = PER_STUDENT.map((x, i) => [x, STUDENTS[i]]);
      expect(excelError(() => diffCoef(twoColumns, column(STUDENTS))).kind).toBe("#VALUE!");
    });

    test("total enrolment 0 → #DIV/0!", () => {
      const e = excelError(() =>
        diffCoef([
          [6.2, 0],
          [3.7, 0],
        ]),
      );
      expect(e.kind).toBe("#DIV/0!");
      expect(e.zh).toContain("在校生数合计为 0");
    });

    test("nothing but blanks → #DIV/0! (no enrolment at all)", () => {
      expect(excelError(() => diffCoef([["", ""]])).kind).toBe("#DIV/0!");
    });

    test("mean 0 → #DIV/0!", () => {
      const e = excelError(() =>
        diffCoef([
          [0, 45],
          [0, 37],
        ]),
      );
      expect(e.kind).toBe("#DIV/0!");
      expect(e.en).toContain("mean is 0");
    });
  });
});
