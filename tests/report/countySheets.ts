/**
 * County sheets and a county for the report's tests: one filled in as a clerk does (failing items, evidence,
 * notes, two cells that cannot be read), and a county whose schools and county sheet pass everything.
 */
import { evaluateCountyWorkbook, type CountyEvaluation } from "../../src/countyVerdict";
import { emptyTeachers, type SchoolRecord, type SchoolType } from "../../src/engine";
import { evaluateTable } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import type { Lang } from "../../src/i18n/format";
import type { Report } from "../../src/report/model";
import { countyTemplateRows } from "../../src/sheet/countySheet";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { gridOf } from "../excel/county";

/** The report of a county's schools and its county sheet (null: none), through the one data path, as evaluate writes it. */
export function countyReport(
  records: readonly SchoolRecord[],
  sheet: Grid | null,
  county = "白狼县",
  lang: Lang = "zh",
): { report: Report; county: CountyEvaluation } {
  const result = evaluateTable(gridOf(records));
  const evaluated = evaluateCountyWorkbook(result, sheet);
  const report = buildReport(
    {
      evaluation: result.evaluation!,
      read: result.read,
      profile: result.profile,
      problems: result.problems,
      county: evaluated.verdict,
      countyProblems: evaluated.problems,
    },
    { lang, sourceRange: "学校!A1:AA40", date: "2026-11-28", county, year: "2026" },
  );
  return { report, county: evaluated };
}

function countySheet(answers: Record<string, CellValue>): CellValue[][] {
  const rows: CellValue[][] = countyTemplateRows("zh").map((r) => [...r]);
  for (const row of rows) {
    const code = row[0] as string;
    if (code in answers) row[4] = answers[code];
  }
  return rows;
}

/** The county sheet as a clerk fills it in: every item answered, some failing, evidence, notes, two bad cells. */
export function filledCountySheet(): Grid {
  const answers: Record<string, CellValue> = {
    保障1: "是",
    保障2: "否（标准未出台）",
    保障6: "80%",
    保障7: "0.55万元",
    "保障8-1": 0.97,
    "保障8-2": "是",
    保障9: "96.5%",
    保障10: "有",
    "保障11-1": "全部",
    "保障11-2": "18%",
    保障12: 0.992,
    "保障13-1": "100%",
    "保障13-2": "93%",
    保障14: 45,
    "保障15-1": "82%",
    "保障15-2": "无",
    质量1: "94.2%",
    质量2: "93%",
    质量3: "是",
    质量4: "4.5%",
    质量5: "否",
    质量6: "是",
    质量7: "是",
    质量8: "否",
    "质量9-1": "Ⅱ级",
    "质量9-2": 0.18,
    认可度: "83.6%",
    否决1: "无",
    否决2: "是",
    否决3: "否",
    否决4: "否",
  };
  const rows = countySheet(answers);
  const row = (code: string) => rows.find((r) => r[0] === code)!;
  row("保障1")[5] = "《白狼县中小学布局规划（2021—2030）》县政府常务会议纪要";
  row("保障6")[6] = "2025年数据，4所村小按100人核定";
  row("保障9")[5] = "教师培训学时台账";
  return { sheet: "县级指标", topLeft: "A1", values: rows };
}

/** A county sheet every item of which passes, written as clerks write: 100%, 1, 0.9, 是, 有, Ⅲ, 12%. */
export function passingCountySheet(): Grid {
  const values = countySheet({
    保障1: "是",
    保障2: "是",
    保障6: "100%",
    保障7: 6500,
    "保障8-1": "102%",
    "保障8-2": "是",
    保障9: 1,
    保障10: "有",
    "保障11-1": "12.5%",
    "保障11-2": 0.25,
    保障12: "100%",
    "保障13-1": 100,
    "保障13-2": "96.3%",
    保障14: "55%",
    "保障15-1": 0.9,
    "保障15-2": "是",
    质量1: 0.97,
    质量2: "96%",
    质量3: "是",
    质量4: "5.2%",
    质量5: "是",
    质量6: "是",
    质量7: "是",
    质量8: "是",
    "质量9-1": "Ⅲ",
    "质量9-2": "12%",
    认可度: "91.2%",
    否决1: "否",
    否决2: "否",
    否决3: "否",
    否决4: "否",
  });
  return { sheet: "县级指标", topLeft: "A1", values };
}

/** Six schools with every indicator, room, size and class within the standard, and alike (small coefficients). */
export function passingCounty(): SchoolRecord[] {
  const schools: [string, SchoolType, number, number, number, number][] = [
    ["阿尔山市第一小学", "primary", 1200, 0, 27, 0],
    ["阿尔山市第二小学", "primary", 900, 0, 20, 0],
    ["白狼镇中心小学", "primary", 400, 0, 12, 0],
    ["五岔沟镇中心学校", "nineYear", 360, 240, 12, 6],
    ["阿尔山市第一中学", "junior", 0, 1100, 0, 24],
    ["明水河镇中学", "junior", 0, 300, 0, 8],
  ];
  return schools.map(([name, type, primary, junior, primaryClasses, juniorClasses]) => {
    const all = primary + junior;
    const rooms = Math.ceil((primaryClasses + juniorClasses) / 12);
    const teachers = (students: number, qualified: number) =>
      students === 0
        ? emptyTeachers()
        : {
            qualifiedTeachers: Math.ceil(students * qualified),
            keyTeachers: Math.ceil(students * 0.015),
            peArtTeachers: Math.ceil(students * 0.012),
          };
    return {
      name,
      type,
      locale: "urban",
      students: { primary, junior, senior: 0 },
      classes: { primary: primaryClasses || undefined, junior: juniorClasses || undefined },
      teachers: { primary: teachers(primary, 0.06), junior: teachers(junior, 0.07) },
      facilities: {
        teachingArea: all * 6.5,
        sportsArea: all * 11,
        equipmentValue: all * 3000,
        multimediaRooms: Math.ceil(all * 0.03),
      },
      rooms: { music: rooms, art: rooms, smallestMusic: 100, smallestArt: 95 },
      largestClass: {
        primary: primary ? 43 : undefined,
        junior: junior ? 48 : undefined,
        grade1: primary ? 42 : undefined,
        grade7: junior ? 46 : undefined,
      },
    };
  });
}
