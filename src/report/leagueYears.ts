/**
 * The league workbook's sheet of the counties given in files of several years (`balance batch --out`, src/report/
 * league.ts): per county a row per year — its verdict, sections passing per level, failing sections, coefficients
 * over the limit and each level's highest coefficient against the limit — then a row of the projection to the
 * target year and the course it gives, labelled as a projection. Every figure comes from the engine's league view
 * and its years (src/engine/monitor.ts); nothing is judged here.
 */
import { worstCoefficient, worstProjected, type CountyYears } from "../engine/monitor";
import type { Lang } from "../i18n/format";
import { LEVELS, LEVEL_NAMES, type Level } from "../standard/indicators";
import { cell, headerRow, verdictCell } from "./cells";
import { projectionLabel } from "./comparison";
import { COUNT, CV, RATIO, courseLabel, fileName, noYearsProjectionLabel } from "./leagueCounty";
import type { ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks } from "./print";

export const LEAGUE_YEARS_SHEET = { zh: "逐年情况", en: "Year by year" } as const;

/** County, year, file, verdict, passing per level, failing sections, CVs over, per level highest CV and limit, trend. */
const WIDTHS = [14, 12, 24, 10, 11, 11, 11, 11, 11, 8, 11, 8, 30];

function passing(s: CountyYears["years"][number]["standing"], level: Level): ReportCell {
  const l = s.levels?.[level];
  if (!l) return cell("—");
  return cell(`${l.passingSections} / ${l.sections}`, l.passingSections < l.sections ? "fail" : undefined);
}

/** The sheet of the counties' years; the year of the league's view is its page header's. */
export function leagueYearsSheet(byYear: readonly CountyYears[], year: number, lang: Lang): ReportSheet {
  const zh = lang === "zh";
  const last = WIDTHS.length - 1;
  const b = new SheetBuilder(WIDTHS);
  b.title(
    zh ? "义务教育优质均衡发展 各旗县市逐年情况" : "Balanced compulsory education: the counties year by year",
    last,
  );
  b.push();
  const levelHeads = LEVELS.flatMap((level) =>
    zh
      ? [`${LEVEL_NAMES[level].zh}最大差异系数`, `${LEVEL_NAMES[level].zh}限值`]
      : [`${LEVEL_NAMES[level].en} highest CV`, `${LEVEL_NAMES[level].en} limit`],
  );
  const header = b.push(
    headerRow([
      ...(zh
        ? [
            "旗县市",
            "年份",
            "文件",
            "县域结论",
            "小学达标/纳入",
            "初中达标/纳入",
            "未达标学校（校区）",
            "差异系数超限项",
          ]
        : [
            "County",
            "Year",
            "File",
            "County verdict",
            "Primary passing",
            "Junior passing",
            "Failing sections",
            "CVs over limit",
          ]),
      ...levelHeads,
      zh ? "趋势（预测，不是评估结果）" : "Trend (a projection, not an evaluation)",
    ]),
  );
  for (const c of byYear) {
    const from = b.next;
    for (const { year: y, standing: s } of c.years) {
      const cvCells = LEVELS.flatMap((level) => {
        const l = s.levels?.[level];
        // a level without sections (a county of primary schools only) has nothing to show
        if (!l || l.sections === 0) return [cell("—"), cell("—")];
        const worst = worstCoefficient(l);
        return [
          cell(worst?.cv ?? null, worst && !worst.pass ? "fail" : undefined, CV),
          cell(l.limit, undefined, RATIO),
        ];
      });
      b.push([
        cell(c.county, "bold"),
        { ...cell(y, undefined, COUNT), align: "left" },
        { ...cell(fileName(s.file)), wrap: true },
        s.ok ? verdictCell(s.countyPass, lang) : cell(zh ? "未能评估" : "Not evaluated", "fail"),
        passing(s, "primary"),
        passing(s, "junior"),
        cell(s.failingSections, s.failingSections ? "fail" : undefined, COUNT),
        cell(s.failingCoefficients, s.failingCoefficients ? "fail" : undefined, COUNT),
        ...cvCells,
        cell(""),
      ]);
    }
    const p = c.projection;
    const projected = LEVELS.flatMap((level) => {
      const worst = p ? worstProjected(p, level) : null;
      return [
        cell(worst?.value ?? null, worst?.pass === false ? "fail" : undefined, CV),
        cell(worst?.limit ?? null, undefined, RATIO),
      ];
    });
    b.push([
      cell(c.county, "bold"),
      {
        ...cell(p ? (zh ? `${p.targetYear} 预测` : `${p.targetYear} projected`) : zh ? "预测" : "Projection"),
        style: "note",
        wrap: true,
      },
      {
        ...cell(p ? projectionLabel(p.targetYear, lang) : noYearsProjectionLabel(c, lang), "note"),
        wrap: true,
      },
      cell("—", "note"),
      cell("—", "note"),
      cell("—", "note"),
      cell("—", "note"),
      cell(p ? p.coefficients.filter((x) => x.pass === false).length : null, undefined, COUNT),
      ...projected,
      {
        ...cell(courseLabel(c, lang), c.course.onCourse === false ? "fail" : "note"),
        wrap: true,
      },
    ]);
    b.keep(from, b.next - 1);
  }
  b.border(header, 0, b.next - 1, last);
  b.push();
  b.note(
    zh
      ? "每个旗县市按文件名或所在文件夹名中的年份逐年列出（同一年有几个文件时取汇总所计的那个）；各年的结论、达标学校与差异系数均为该年工作簿的评估结果。预测行：把各年差异系数按最小二乘直线外推到目标年份（与年度对比相同），是预测，不是评估结果。趋势：有差异系数预测超限，或最后一年仍有未达标学校（校区）且其数目较上一评估年份未减少，即为按期达标有困难；与“按期达标风险”的判定规则无关。"
      : "Each county is listed by the years its files' or folders' names give (of several files of one year, the one the summary counts); each year's verdict, passing sections and coefficients are that year's workbook evaluated. The projected row extends each coefficient to the target year on its least-squares straight line, as the comparison does: a projection, not an evaluation. Trend: off course when a coefficient is projected over its limit, or when sections still fail in the last year and are not fewer than in the evaluated year before; it is apart from the at-risk rule.",
    last,
  );
  b.signature(lang, last);
  return b.sheet({
    key: "leagueYears",
    name: LEAGUE_YEARS_SHEET[lang],
    freeze: { rows: header, columns: 2 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [header, header],
      ...pageMarks({ year: String(year) }, LEAGUE_YEARS_SHEET, lang),
    },
  });
}
