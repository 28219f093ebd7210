/** The report as data (issue 4 item 4): what each sheet holds, in the UI language, from the evaluation only. */
import { buildReport, BALANCE_LAYOUT, COMPLIANCE_LAYOUT, formatAmount } from "../../src/report/build";
import type { Report, ReportSheet } from "../../src/report/model";
import { evaluateCountyWorkbook } from "../../src/countyVerdict";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { gridOf, randomCounty, reportOf } from "../excel/county";
import { evaluateTable } from "../../src/pipeline";

const sheet = (report: Report, key: string): ReportSheet => report.sheets.find((s) => s.key === key)!;
const texts = (s: ReportSheet) => s.rows.flat().map((c) => c?.value);

describe("sheets named in the UI language", () => {
  test("Chinese by default: 达标情况, 差异系数, 汇总", () => {
    const { report } = reportOf(gridOf(sampleCountyRecords()));
    expect(report.sheets.map((s) => [s.key, s.name])).toEqual([
      ["compliance", "达标情况"],
      ["balance", "差异系数"],
      ["summary", "汇总"],
    ]);
  });

  test("English on request, and the balance formulas compare against the English words", () => {
    const { report } = reportOf(gridOf(sampleCountyRecords()), "en");
    expect(report.sheets.map((s) => s.name)).toEqual(["Compliance", "Balance", "Summary"]);
    const f = sheet(report, "balance").rows[2][2].formula!;
    expect(f).toContain("Compliance!$B$4");
    expect(f).toContain('="Primary"');
    expect(f).toContain('="Yes"');
  });
});

describe("达标情况: one row per section in input order (docs/standard.md#indicators, docs/standard.md#scope)", () => {
  const { report, evaluation, result } = reportOf(gridOf(sampleCountyRecords()));
  const compliance = sheet(report, "compliance");
  const L = COMPLIANCE_LAYOUT;
  const data = compliance.rows.slice(L.headerRows);

  test("sections in the engine's order, combined schools as two sections", () => {
    expect(data.map((r) => r[L.school].value)).toEqual(evaluation.sections.map((s) => s.school));
    expect(data.map((r) => r[L.level].value)).toEqual(
      evaluation.sections.map((s) => (s.level === "primary" ? "小学" : "初中")),
    );
    const nineYear = result.read.records.find((r) => r.type === "nineYear")!;
    const rows = data.filter((r) => r[L.school].value === nineYear.name);
    expect(rows.map((r) => [r[L.level].value, r[L.type].value])).toEqual([
      ["小学", "九年一贯制学校"],
      ["初中", "九年一贯制学校"],
    ]);
  });

  test("values, standards and statuses of the 7 indicators as numbers with formats; failing cells styled", () => {
    evaluation.sections.forEach((s, i) => {
      INDICATOR_IDS.forEach((id, k) => {
        const [value, standard, status] = data[i].slice(L.indicator(k), L.indicator(k) + 3);
        expect(value.value).toBe(s.values[id]);
        expect(value.format).toBe("0.00");
        expect(standard.value).toBe(NATIONAL_2017.indicators[id].standard[s.level]);
        const expected =
          s.status[id] === "met"
            ? "达标"
            : s.status[id] === "floor"
              ? "≥85%"
              : s.status[id] === "unmet"
                ? "未达标"
                : null;
        expect(status.value).toBe(expected);
        if (s.included && s.status[id] === "unmet")
          expect([value.style, status.style]).toEqual(["fail", "fail"]);
        if (s.status[id] === "met") expect(value.style).toBeUndefined();
      });
      expect(data[i][L.students]).toMatchObject({ value: s.students, format: "0" });
      const pass = data[i][L.pass];
      if (!s.included) expect(pass.value).toMatch(/^不纳入/);
      else expect(pass).toMatchObject({ value: s.pass ? "达标" : "不达标", style: s.pass ? "pass" : "fail" });
    });
    expect(evaluation.sections.some((s) => s.included && !s.pass)).toBe(true);
  });

  test("excluded sections say why (special education, teaching points under 50)", () => {
    const reasons = data.filter((r) => r[L.included].value === "否").map((r) => r[L.pass].value);
    expect(reasons).toEqual(expect.arrayContaining(["不纳入：特殊教育学校", "不纳入：不足50人教学点"]));
  });

  test("print-ready: A4 landscape, 3 header rows repeated and frozen with the school column", () => {
    expect(compliance.print).toEqual({ orientation: "landscape", paper: "A4", fitToWidth: true });
    expect(compliance.headerRows).toBe(3);
    expect(compliance.freeze).toEqual({ rows: 3, columns: 1 });
  });
});

describe("差异系数: native formulas over 达标情况 (docs/standard.md#coefficient)", () => {
  const { report, evaluation } = reportOf(gridOf(sampleCountyRecords()));
  const balance = sheet(report, "balance");

  test("every X̄, S, CV and pass cell is a formula carrying the engine's value", () => {
    for (const level of ["primary", "junior"] as const) {
      for (const id of INDICATOR_IDS) {
        const row = balance.rows[BALANCE_LAYOUT.rowOf(level, id) - 1];
        const b = evaluation.levels[level].balance[id];
        const C = BALANCE_LAYOUT.columns;
        expect(row[C.countyRatio]).toMatchObject({ value: b.countyRatio });
        expect(row[C.countyRatio].formula).toMatch(/^=IF\(C\d+=0,"",SUMPRODUCT\(/);
        expect(row[C.standardDeviation].formula).toMatch(/SQRT\(SUMPRODUCT/);
        expect(row[C.cv]).toMatchObject({ value: b.cv, format: "0.0000" });
        expect(row[C.limit].value).toBe(level === "primary" ? 0.5 : 0.45);
        expect(row[C.pass].formula).toMatch(/^=IF\(/);
        expect(row[C.pass]).toMatchObject({
          value: b.pass ? "达标" : "不达标",
          style: b.pass ? "pass" : "fail",
        });
      }
    }
  });

  test("a chart per level: each indicator's CV against its limit", () => {
    expect(balance.charts).toHaveLength(2);
    expect(balance.charts![1]).toMatchObject({
      type: "columnClustered",
      categories: "B10:B16",
      series: [
        { name: "差异系数", values: "F10:F16" },
        { name: "限值", values: "G10:G16" },
      ],
    });
    expect(balance.charts![0].title).toContain("小学");
  });
});

describe("汇总", () => {
  test("verdict, counts, failing sections with shortfalls in natural units, profile, date and source", () => {
    const { report, evaluation } = reportOf(gridOf(sampleCountyRecords()));
    const summary = sheet(report, "summary");
    const values = texts(summary);
    expect(values).toEqual(
      expect.arrayContaining(["资源配置结论", evaluation.resourcesPass ? "达标" : "不达标"]),
    );
    expect(values).toEqual(expect.arrayContaining([NATIONAL_2017.name.zh, "2026-11-28", "学校!A1:AA40"]));
    expect(values).toContain(evaluation.levels.primary.sections);
    const failing = evaluation.sections.filter((s) => s.included && !s.pass);
    const first = failing[0];
    const f = first.shortfalls[0];
    const row = summary.rows.find(
      (r) =>
        r[0]?.value === first.school && r[2]?.value === NATIONAL_2017.indicators[f.indicator].shortName.zh,
    )!;
    expect(row[5].value).toBe(formatAmount(NATIONAL_2017, f.indicator, f.toStandard, "zh"));
  });

  test("amounts read as people count them: whole teachers, m² with 2 decimals, 元 or 万元", () => {
    expect(formatAmount(NATIONAL_2017, "keyTeachers", 3, "zh")).toBe("3 人");
    expect(formatAmount(NATIONAL_2017, "teachingArea", 1234.5, "zh")).toBe("1,234.50 ㎡");
    expect(formatAmount(NATIONAL_2017, "equipmentValue", 23500, "zh")).toBe("2.35 万元");
    expect(formatAmount(NATIONAL_2017, "multimediaRooms", 2, "en")).toMatch(/^2 /);
  });
});

describe("全部指标", () => {
  test("added when the county verdict was evaluated: every item with its status", () => {
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
    const all = sheet(report, "allItems");
    expect(all.name).toBe("全部指标");
    // resources + 15 guarantee + 9 quality + recognition + vetoes
    expect(all.rows.length - 2).toBeGreaterThanOrEqual(1 + 15 + 9 + 1);
    // without a county sheet the attested items are missing, never passing; the county does not pass
    expect(all.rows[0][5].value).toBe("不达标");
    expect(texts(all)).toContain("缺数据");
    expect(texts(sheet(report, "summary"))).toContain("县域综合结论");
  });

  test("absent without the county verdict", () => {
    const { report } = reportOf(gridOf(randomCounty(5, 1)));
    expect(report.sheets.find((s) => s.key === "allItems")).toBeUndefined();
  });
});
