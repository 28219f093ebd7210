/** The report as data (issue 4 item 4, issue 15): what each sheet holds, in the UI language, from the evaluation only. */
import { buildReport, BALANCE_LAYOUT, COMPLIANCE_COLUMNS, formatAmount } from "../../src/report/build";
import type { Report, ReportSheet } from "../../src/report/model";
import { MARGINS, SMALLEST_FONT_SIZE, STYLE_LOOK, REPORT_FONT, fontSizeOf } from "../../src/report/look";
import { tableTitle, yearText } from "../../src/report/print";
import { evaluateCountyWorkbook } from "../../src/countyVerdict";
import { evaluate } from "../../src/engine";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { readSchoolTable } from "../../src/sheet/read";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { gridOf, randomCounty, reportOf } from "../excel/county";
import { evaluateTable } from "../../src/pipeline";
import { goodJunior, goodPrimary, profileWith, school } from "../engine/helpers";

const sheet = (report: Report, key: string): ReportSheet => report.sheets.find((s) => s.key === key)!;

/**
 * The width of each page of a sheet by Excel's measure (7-pixel digits, 5 pixels of padding) against the A4
 * width inside the margins: a page group (between column breaks, the title columns repeated) must fit at 100 %;
 * a sheet fitted to one page wide may shrink only so far that its smallest text stays at 9 pt.
 */
function expectFitsPage(s: ReportSheet): void {
  const points = (w: number) => (Math.trunc(w * 7 + 5) * 3) / 4;
  const print = s.print!;
  const printable =
    (print.orientation === "landscape" ? 841.89 : 595.28) - (MARGINS.left + MARGINS.right) * 72;
  const widths = (s.columnWidths ?? []).map(points);
  const breaks = [0, ...(print.columnBreaks ?? []), widths.length];
  const titles = print.titleColumns ? widths.slice(print.titleColumns[0], print.titleColumns[1] + 1) : [];
  const smallest = Math.min(
    ...s.rows
      .flat()
      .filter((c) => c?.value !== undefined && c?.value !== null)
      .map((c) => fontSizeOf(c!.style)),
  );
  for (let g = 0; g + 1 < breaks.length; g++) {
    const group = widths.slice(breaks[g], breaks[g + 1]);
    const width = (g > 0 ? titles.reduce((a, b) => a + b, 0) : 0) + group.reduce((a, b) => a + b, 0);
    const scale = print.fitToWidth ? Math.min(1, printable / width) : width <= printable ? 1 : 0;
    expect([s.name, g, smallest * scale >= 9]).toEqual([s.name, g, true]);
  }
}
const texts = (s: ReportSheet) => s.rows.flat().map((c) => c?.value);
const C = COMPLIANCE_COLUMNS;

describe("sheets named in the UI language, 汇总 first", () => {
  test("Chinese by default: 汇总, 达标情况, 差异系数, 学校数据", () => {
    const { report } = reportOf(gridOf(sampleCountyRecords()));
    expect(report.sheets.map((s) => [s.key, s.name])).toEqual([
      ["summary", "汇总"],
      ["compliance", "达标情况"],
      ["balance", "差异系数"],
      ["schoolData", "学校数据"],
    ]);
  });

  test("English on request, and the formulas compare against the English words", () => {
    const { report } = reportOf(gridOf(sampleCountyRecords()), "en");
    expect(report.sheets.map((s) => s.name)).toEqual(["Summary", "Compliance", "Balance", "School data"]);
    const f = sheet(report, "balance").rows[BALANCE_LAYOUT.rowOf("primary", "keyTeachers") - 1][7].formula!;
    expect(f).toContain('"Pass"');
    const compliance = sheet(report, "compliance");
    const row = compliance.rows.find((r) => r[C.pass]?.formula)!;
    expect(row[C.value(0) + 1].formula).toContain('"Met"');
    expect(row[C.students].formula).toContain("'School data'!");
  });
});

describe("titles name the county and the year, or leave blanks to fill in", () => {
  test("白狼县 2026 年…; a school year; blanks without them", () => {
    const table = { zh: "学校资源配置达标情况", en: "Compliance" };
    expect(tableTitle({ county: "白狼县", year: "2026" }, table, "zh")).toBe(
      "白狼县 2026 年义务教育优质均衡发展 学校资源配置达标情况",
    );
    expect(tableTitle({}, table, "zh")).toBe(
      "＿＿＿＿县 ＿＿＿＿ 年义务教育优质均衡发展 学校资源配置达标情况",
    );
    expect(yearText("2025-2026", "zh")).toBe("2025—2026 学年");
    const { result } = reportOf(gridOf(sampleCountyRecords()));
    const report = buildReport(
      { evaluation: result.evaluation!, read: result.read, profile: result.profile, problems: [] },
      { lang: "zh", sourceRange: "学校!A1:AA40", date: "2026-11-28", county: "白狼县", year: "2026" },
    );
    for (const s of report.sheets) {
      expect(String(s.rows[0].find((c) => c?.style === "title")!.value)).toMatch(
        /^白狼县 2026 年义务教育优质均衡发展 /,
      );
      expect(s.print!.header!.left).toBe("白狼县 2026 年");
    }
  });
});

describe("every sheet prints: A4, header rows repeated, page numbers, borders, ≥ 9 pt, signature lines", () => {
  const { report } = reportOf(gridOf(sampleCountyRecords()));

  test("page set-up of each sheet", () => {
    const setups = Object.fromEntries(report.sheets.map((s) => [s.key, s.print]));
    // 汇总's columns are wider than a portrait page with the widest face: scaled, its 9-point page numbers would
    // print under 9 pt; its columns fit a landscape page at 100 %
    expect(setups.summary).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    // 达标情况: two column groups (teachers; facilities and the verdict), number and name on every page
    expect(setups.compliance).toMatchObject({
      orientation: "landscape",
      titleRows: [3, 4],
      titleColumns: [0, 1],
      columnBreaks: [C.share],
      overThenDown: true,
    });
    expect(setups.compliance!.fitToWidth).toBeUndefined();
    // 差异系数's 9-point notes would print under 9 pt on a portrait page with the widest face: landscape, at 100 %
    expect(setups.balance).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      // the charts' page, and the second chart's: a landscape page holds one
      rowBreaks: [expect.any(Number), expect.any(Number)],
    });
    // 学校数据 fitted to one page would print its 10-point text at 8.2 pt with the widest face: two pages across at
    // 100 %, the school's name on each
    expect(setups.schoolData).toMatchObject({
      orientation: "landscape",
      titleRows: [3, 3],
      titleColumns: [0, 0],
      columnBreaks: [expect.any(Number)],
      overThenDown: true,
    });
    expect(setups.schoolData!.fitToWidth).toBeUndefined();
    for (const s of report.sheets) {
      expect(s.print!.footer!.center).toBe("第 &P 页 共 &N 页");
      expect(s.print!.header!.right).toBeTruthy();
      expect(s.borders!.length).toBeGreaterThan(0);
    }
  });

  test("each page's columns fit A4 at Excel's widths; what is fitted to the width still prints at 9 pt or more", () => {
    for (const records of [sampleCountyRecords(), randomCounty(60, 5)]) {
      const { report } = reportOf(gridOf(records));
      for (const s of report.sheets) expectFitsPage(s);
    }
  });

  test("no text under 9 pt, one font declared", () => {
    expect(SMALLEST_FONT_SIZE).toBeGreaterThanOrEqual(9);
    expect(Object.values(STYLE_LOOK).every((l) => (l.size ?? REPORT_FONT.size) >= 9)).toBe(true);
    expect(REPORT_FONT).toMatchObject({ name: "宋体", charset: 134 });
  });

  test("填报单位（盖章）, 填表人, 审核人, 联系电话, 填报日期 under each table", () => {
    for (const s of report.sheets.filter((s) => s.key !== "schoolData")) {
      const lines = s.rows
        .flat()
        .filter((c) => c?.style === "signature")
        .map((c) => String(c!.value));
      expect(lines.join("")).toMatch(/填报单位（盖章）.*填表人.*审核人.*联系电话.*填报日期/);
    }
  });
});

describe("达标情况: a block per level, every figure a formula over 学校数据 (docs/standard.md#indicators, docs/standard.md#scope)", () => {
  const { report, evaluation, result } = reportOf(gridOf(sampleCountyRecords()));
  const compliance = sheet(report, "compliance");
  const data = compliance.rows.filter((r) => r[C.pass]?.formula);
  const included = ["primary", "junior"].flatMap((l) =>
    evaluation.sections.filter((s) => s.included && s.level === l),
  );

  test("the included sections, primary then junior, each in the engine's order", () => {
    expect(data.map((r) => r[C.school].value)).toEqual(included.map((s) => s.school));
    const nineYear = result.read.records.find((r) => r.type === "nineYear")!;
    expect(data.filter((r) => r[C.school].value === nineYear.name)).toHaveLength(2);
  });

  test("values, statuses, counts and the pass as formulas carrying the engine's values", () => {
    included.forEach((s, i) => {
      const row = data[i];
      expect(row[C.students]).toMatchObject({
        value: s.students,
        formula: expect.stringMatching(/^=学校数据!/),
      });
      INDICATOR_IDS.forEach((id, k) => {
        const [value, status] = [row[C.value(k)], row[C.value(k) + 1]];
        expect(value).toMatchObject({ value: s.values[id], formula: expect.stringMatching(/^=/) });
        expect(status.formula).toMatch(/^=IF\(.*>=.*-ABS\(.*\)\*1E-9,"达标",IF\(/);
        const word = { met: "达标", floor: "≥85%", unmet: "未达标" }[s.status[id]!];
        expect(status.value).toBe(word);
        if (s.status[id] === "unmet") expect([value.style, status.style]).toEqual(["fail", "fail"]);
      });
      expect(row[C.met].value).toBe(s.metCount);
      expect(row[C.pass]).toMatchObject({
        value: s.pass ? "达标" : "不达标",
        style: s.pass ? "pass" : "fail",
      });
      expect(row[C.pass].formula).toMatch(/^=IF\(AND\(T\d+>=6,U\d+=0\),"达标","不达标"\)$/);
    });
    expect(included.some((s) => !s.pass)).toBe(true);
  });

  test("a combined school's share of its facilities is a visible formula (docs/standard.md#apportioning)", () => {
    const nineYear = included.find((s) => result.read.records[s.recordIndex].type === "nineYear")!;
    const row = data[included.indexOf(nineYear)];
    expect(row[C.share]).toMatchObject({ value: nineYear.facilityShare, format: "0.0000" });
    expect(row[C.share].formula).toMatch(/^=IF\(1\*学校数据!E\d+\+1\.1\*学校数据!F\d+>0,/);
    expect(row[C.value(3)].formula).toContain(`$K${compliance.rows.indexOf(row) + 1}`);
  });

  test("excluded sections are listed apart, saying why", () => {
    const reasons = texts(compliance).filter((v) => typeof v === "string" && /不纳入计算$/.test(v));
    expect(reasons).toEqual(
      expect.arrayContaining(["小学：特殊教育学校，不纳入计算", "小学：不足50人的教学点，不纳入计算"]),
    );
    expect(reasons).toHaveLength(evaluation.sections.filter((s) => !s.included).length);
  });
});

describe("学校数据: the table the report was computed from", () => {
  test("reads back into the same records", () => {
    for (const records of [sampleCountyRecords(), randomCounty(30, 9)]) {
      const { report, result } = reportOf(gridOf(records));
      const data = sheet(report, "schoolData");
      const grid = {
        sheet: "学校数据",
        topLeft: "A1",
        values: data.rows.map((r) => Array.from(r, (c) => c?.value ?? null)),
      };
      const back = readSchoolTable(grid as never);
      expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
      const strip = (r: (typeof back.records)[number]) => ({
        ...r,
        source: undefined,
        rooms: undefined,
        largestClass: undefined,
        classes: undefined,
      });
      expect(back.records.map(strip)).toEqual(result.read.records.map(strip));
    }
  });

  test("per-section facilities, indoor sports rooms and merged teaching points have their columns and formulas", () => {
    const profile = profileWith((p) => {
      p.teachingPoints = "mergeIntoParent";
      p.indoorSportsMovesToSportsArea = true;
    });
    const records = [
      school({
        name: "九年一贯制甲",
        type: "nineYear",
        students: { primary: 400, junior: 300 },
        facilities: { teachingArea: 4000, sportsArea: 7000, equipmentValue: 1_500_000, multimediaRooms: 16 },
        indoorSportsArea: 300,
      }),
      school({
        name: "乙校",
        type: "nineYear",
        students: { primary: 200, junior: 100 },
        sectionFacilities: {
          primary: { teachingArea: 900, sportsArea: 1500, equipmentValue: 400_000, multimediaRooms: 5 },
          junior: { teachingArea: 600, sportsArea: 1000, equipmentValue: 300_000, multimediaRooms: 3 },
        },
      }),
      school({
        name: "教学点丙",
        type: "teachingPoint",
        parent: "九年一贯制甲",
        students: { primary: 30 },
        facilities: { teachingArea: 120 },
      }),
    ];
    const evaluation = evaluate(records, profile);
    const report = buildReport(
      { evaluation, read: { records }, profile, problems: [] },
      { lang: "zh", sourceRange: "学校!A1:Q4", date: "2026-11-28" },
    );
    // a header wraps at its own line breaks
    const headers = sheet(report, "schoolData").rows[2].map((c) => String(c?.value).replace(/\n/g, ""));
    expect(headers).toEqual(
      expect.arrayContaining(["小学教学及辅助用房面积（㎡）", "室内体育用房面积（㎡）"]),
    );
    const rows = sheet(report, "compliance").rows.filter((r) => r[C.pass]?.formula);
    const first = rows.find((r) => r[C.school].value === "九年一贯制甲")!;
    // the teaching point's pupils and rooms join its parent's; indoor sports rooms move to the sports area
    expect(first[C.students].formula).toMatch(/^=\(学校数据!E4\+学校数据!E6\)$/);
    expect(first[C.value(3)].formula).toMatch(
      /^=\(\(学校数据!N4\+学校数据!N6\)-学校数据!\w+4\)\*\$K\d+\/\$D\d+$/,
    );
    const given = rows.find((r) => r[C.school].value === "乙校")!;
    expect(given[C.share].value).toBe("按学段填报");
    expect(given[C.value(3)].formula).toMatch(/^=学校数据!\w+5\/\$D\d+$/);
  });
});

describe("差异系数: native formulas over the blocks of 达标情况 (docs/standard.md#coefficient)", () => {
  const { report, evaluation } = reportOf(gridOf(sampleCountyRecords()));
  const balance = sheet(report, "balance");

  test("every P, X̄, S, CV and verdict is a formula carrying the engine's value; the tolerance is the engine's", () => {
    for (const level of ["primary", "junior"] as const) {
      for (const id of INDICATOR_IDS) {
        const row = balance.rows[BALANCE_LAYOUT.rowOf(level, id) - 1];
        const b = evaluation.levels[level].balance[id];
        const L = BALANCE_LAYOUT.columns;
        expect(row[L.students]).toMatchObject({
          value: evaluation.levels[level].students,
          formula: expect.stringMatching(/^=SUM\(达标情况!\$D\$\d+:\$D\$\d+\)$/),
        });
        expect(row[L.countyRatio]).toMatchObject({ value: b.countyRatio });
        expect(row[L.countyRatio].formula).toMatch(/^=IF\(C\d+=0,"",SUMPRODUCT\(达标情况!/);
        expect(row[L.standardDeviation].formula).toMatch(/SQRT\(SUMPRODUCT/);
        expect(row[L.cv]).toMatchObject({ value: b.cv, format: "0.0000" });
        expect(row[L.limit].value).toBe(level === "primary" ? 0.5 : 0.45);
        expect(row[L.pass].formula).toContain("+ABS(G");
        expect(row[L.pass].formula).toContain(")*1E-9,");
        expect(row[L.pass]).toMatchObject({
          value: b.pass ? "达标" : "不达标",
          style: b.pass ? "pass" : "fail",
        });
      }
    }
  });

  test("a chart per level, on its own page, over a table of its figures", () => {
    expect(balance.charts).toHaveLength(2);
    const [primary, junior] = balance.charts!;
    expect(primary.title).toContain("小学");
    expect(junior.series.map((s) => s.name)).toEqual(["差异系数", "限值"]);
    const top = Number(/\d+/.exec(primary.categories)![0]);
    expect(top).toBeGreaterThan(balance.print!.rowBreaks![0]);
  });
});

describe("汇总", () => {
  test("the verdict, each level's counts, every failing item named with its value and standard or limit", () => {
    const { report, evaluation } = reportOf(gridOf(sampleCountyRecords()));
    const summary = sheet(report, "summary");
    const values = texts(summary);
    expect(values).toEqual(
      expect.arrayContaining(["资源配置结论", evaluation.resourcesPass ? "达标" : "不达标"]),
    );
    expect(values).toEqual(expect.arrayContaining([NATIONAL_2017.name.zh, "2026-11-28"]));
    // 小学 生均体育运动场馆面积 差异系数 0.562，限值 0.50: the name in words, the figures as formulas
    const cvRow = summary.rows.find((r) => r[1]?.value === "小学 生均体育运动场馆面积 差异系数")!;
    expect(cvRow[5]).toMatchObject({
      value: evaluation.levels.primary.balance.sportsArea.cv,
      format: "0.000",
    });
    expect(cvRow[5].formula).toBe(`=差异系数!F${BALANCE_LAYOUT.rowOf("primary", "sportsArea")}`);
    expect(cvRow[6]).toMatchObject({ value: 0.5, format: '"限值 "0.00' });
    const failing = evaluation.sections.filter((s) => s.included && !s.pass);
    const first = failing[0];
    const id = INDICATOR_IDS.find((i) => first.status[i] !== "met")!;
    const itemRow = summary.rows.find(
      (r) =>
        String(r[1]?.value).startsWith(`${first.school}（`) &&
        String(r[1]?.value).includes(NATIONAL_2017.indicators[id].name.zh),
    )!;
    expect(itemRow[5]).toMatchObject({
      value: first.values[id],
      formula: expect.stringMatching(/^=达标情况!/),
    });
    expect(itemRow[6].format).toMatch(/^"标准 "/);
    // level verdicts and the resource verdict are formulas
    expect(
      summary.rows.flat().filter((c) => c?.formula?.startsWith("=COUNTIF(")).length,
    ).toBeGreaterThanOrEqual(4);
    const shortfall = summary.rows.find(
      (r) =>
        r[0]?.value === first.school &&
        r[3]?.value === NATIONAL_2017.indicators[first.shortfalls[0].indicator].shortName.zh,
    )!;
    expect(shortfall[5].value).toBe(
      formatAmount(NATIONAL_2017, first.shortfalls[0].indicator, first.shortfalls[0].toStandard, "zh"),
    );
  });

  test("amounts read as people count them: no spurious decimals, thousands grouped, 元 or 万元", () => {
    expect(formatAmount(NATIONAL_2017, "keyTeachers", 3, "zh")).toBe("3 人");
    expect(formatAmount(NATIONAL_2017, "teachingArea", 618, "zh")).toBe("618 ㎡");
    expect(formatAmount(NATIONAL_2017, "teachingArea", 1234.5, "zh")).toBe("1,234.5 ㎡");
    expect(formatAmount(NATIONAL_2017, "sportsArea", 12197.25, "zh")).toBe("12,197.25 ㎡");
    expect(formatAmount(NATIONAL_2017, "equipmentValue", 23500, "zh")).toBe("2.35 万元");
    expect(formatAmount(NATIONAL_2017, "multimediaRooms", 2, "en")).toMatch(/^2 /);
  });

  test("a need is rounded up at the places shown, so that adding what is shown reaches the target", () => {
    // 617.3749 ㎡ shown to the hundredth below would fall 0.0049 ㎡ short
    expect(formatAmount(NATIONAL_2017, "teachingArea", 617.3749, "zh")).toBe("617.38 ㎡");
    expect(formatAmount(NATIONAL_2017, "teachingArea", 4.5, "zh")).toBe("4.5 ㎡");
    // floating-point noise above a whole number is not a hundredth more
    expect(formatAmount(NATIONAL_2017, "sportsArea", 618.0000000000001, "zh")).toBe("618 ㎡");
    // 万元 are shown to hundreds of 元: 23,401 元 is 2.3401 万元, shown 2.35
    expect(formatAmount(NATIONAL_2017, "equipmentValue", 23401, "zh")).toBe("2.35 万元");
    expect(formatAmount(NATIONAL_2017, "equipmentValue", 9999.2, "zh")).toBe("1.00 万元");
    expect(formatAmount(NATIONAL_2017, "equipmentValue", 512.3, "zh")).toBe("513 元");
    expect(formatAmount(NATIONAL_2017, "keyTeachers", 1, "en")).toBe("1 teacher");
    expect(formatAmount(NATIONAL_2017, "keyTeachers", 2, "en")).toBe("2 teachers");
  });
});

describe("a figure a hair off its threshold is printed on its side of it (docs/standard.md#comparison)", () => {
  // a primary school a hundredth of a m² short of two standards (4.49999 and 7.49999 m² a pupil), and two
  // junior schools whose sports areas, 11 and 29.000001 m² a pupil, give a CV of 0.4500000137… over its limit
  const short = goodPrimary("甲小学", 1000);
  short.facilities.teachingArea = 4499.99;
  short.facilities.sportsArea = 7499.99;
  const wide = goodJunior("乙中学", 1000);
  wide.facilities.sportsArea = 29000.001;
  const { report } = reportOf(gridOf([short, goodJunior("甲中学", 1000), wide]));

  test("差异系数 and 汇总: the coefficient to the places that show it over 0.45, not 0.4500", () => {
    const balance = sheet(report, "balance");
    const r = BALANCE_LAYOUT.rowOf("junior", "sportsArea");
    expect(balance.rows[r - 1][5].format).toBe("0.00000000");
    // the chart's table of coefficients as well
    const chartRow = balance.rows.find((row, i) => i >= r && row[1]?.value === "运动场馆")!;
    expect(chartRow[4].format).toBe("0.00000000");
    const cvRow = sheet(report, "summary").rows.find(
      (row) => row[1]?.value === "初中 生均体育运动场馆面积 差异系数",
    )!;
    expect(cvRow[5].format).toBe("0.00000000");
  });

  test("达标情况 and 汇总: a value under its standard to the places that show it under 4.50", () => {
    const row = sheet(report, "compliance").rows.find((r) => r[C.school]?.value === "甲小学")!;
    expect(row[C.value(3)].format).toBe("0.00000");
    expect(row[C.value(4)].format).toBe("0.00000");
    // a value clear of its thresholds keeps two places
    expect(row[C.value(0)].format).toBe("0.00");
    const item = sheet(report, "summary").rows.find((r) =>
      String(r[1]?.value).startsWith("甲小学（小学） 生均教学"),
    )!;
    expect(item[5].format).toBe("0.00000");
  });

  test("达标情况: each standard and its 85 % line printed as they are, 3.825 not 3.82", () => {
    const rows = sheet(report, "compliance").rows;
    const primary = rows.find((r) => r[C.school]?.value === "小学标准值（≥85%）")!;
    // 4.2 → 3.57; 0.9 → 0.765; 4.5 → 3.825; 7.5 → 6.375; 2,000 → 1,700; 2.3 → 1.955
    expect([0, 2, 3, 4, 5, 6].map((k) => primary[C.value(k) + 1].format)).toEqual([
      '"≥"0.00',
      '"≥"0.000',
      '"≥"0.000',
      '"≥"0.000',
      '"≥"#,##0',
      '"≥"0.000',
    ]);
    expect(primary[C.value(3)].format).toBe("0.00");
    const junior = rows.find((r) => r[C.school]?.value === "初中标准值（≥85%）")!;
    // 5.3 → 4.505
    expect(junior[C.value(0) + 1].format).toBe('"≥"0.000');
  });
});

describe("全部指标", () => {
  test("added when the county verdict was evaluated: every item with its status; the county verdict a formula", () => {
    const result = evaluateTable(gridOf(randomCounty(20, 3)));
    const county = evaluateCountyWorkbook(result, null).verdict;
    const report = buildReport(
      {
        evaluation: result.evaluation!,
        read: result.read,
        profile: result.profile,
        problems: result.problems,
        county,
      },
      { lang: "zh", sourceRange: "学校!A1:AA22", date: "2026-11-28" },
    );
    expect(report.sheets.map((s) => s.name)).toEqual([
      "汇总",
      "达标情况",
      "差异系数",
      "全部指标",
      "学校数据",
    ]);
    const all = sheet(report, "allItems");
    // resources + 15 guarantee + 9 quality + recognition + vetoes
    expect(all.rows.filter((r) => r[5]?.value).length - 1).toBeGreaterThanOrEqual(1 + 15 + 9 + 1);
    expect(texts(all)).toContain("缺数据");
    const resources = all.rows[3];
    expect(resources[5].formula).toMatch(/^=汇总!H\d+$/);
    const verdict = sheet(report, "summary").rows.find((r) =>
      String(r[0]?.value).startsWith("县域综合结论"),
    )!;
    expect(verdict[7]).toMatchObject({
      value: "不达标",
      formula: expect.stringContaining("COUNTIF(全部指标!$F$4:"),
    });
  });

  test("absent without the county verdict", () => {
    const { report } = reportOf(gridOf(randomCounty(5, 1)));
    expect(report.sheets.find((s) => s.key === "allItems")).toBeUndefined();
  });
});
