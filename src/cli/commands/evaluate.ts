import { basename } from "node:path";
import type { Lang } from "../../i18n/format";
import { blockedJsonContract, evaluateTable, toJsonContract } from "../../pipeline";
import { countyJson, countySummaryText, evaluateCountyWorkbook, findCountySheet } from "../../countyVerdict";
import { readSchoolTable } from "../../sheet/read";
import type { Problem } from "../../sheet/problems";
import type { Profile } from "../../standard/profile";
import { chooseSheet, readWorkbookFile } from "../../xlsx/read";
import { buildReport } from "../../report/build";
import { checkReportPath, gridRangeAddress, writeReportFile } from "../../xlsx/reportFile";
import { VERDICT_TEXT, formatProblems, formatVerdict } from "../verdict";
import { EXIT, usageError, type CliIO, type Command } from "../io";
import { parseCommandLine, readProfileOption, readRecipeOption, tableRecipeOption } from "../commandLine";
import { findCounty } from "../../engine/county";

const HELP = `balance evaluate <workbook.xlsx> [--sheet NAME] [--profile FILE.json] [--lang zh|en] [--json]
                 [--county-sheet NAME] [--county NAME] [--recipe FILE.json] [--out report.xlsx [--force]]

读取学校统计表，按义务教育优质均衡发展标准评估资源配置：各学段 7 项指标的县域值和差异系数、
未达标学校及其差距（人、㎡、元、间），以及结论。
Reads the school table and evaluates resource allocation against the standard: county ratio and difference
coefficient of the 7 indicators per level, the sections that do not pass with their shortfalls (teachers, m²,
yuan, rooms), and the verdict.

选项 / Options:
  --sheet NAME         要读取的工作表（默认：第一个有表头的工作表）
                       the sheet to read (default: the first sheet with a recognisable header)
  --profile FILE.json  自定义评估标准（可用 "extends": "national-2017"）
                       a custom standard profile (may use "extends": "national-2017")
  --county-sheet NAME  县级指标表（默认：名为“县级指标”或表头可识别的工作表；没有则各县级指标按缺数据处理）
                       the county sheet (default: a sheet named 县级指标 or with its header; without one the
                       guarantee, quality, recognition and veto items are all missing)
  --county NAME        旗县市名称：表中有旗县列（如统计导出表）时只评估该旗县的学校；标准中列有该旗县时
                       另显示距目标年份的准备情况
                       a county: in a table with a county column (a statistics export) only its schools are
                       evaluated; where the profile lists it, its readiness for its target year is shown too
  --recipe FILE.json   配方文件：列名不同的统计导出表如何读（docs/import.md）；默认自动识别内置配方
                       a recipe file for an export with other column names; the built-in is recognised by default
  --out report.xlsx    另存评估报告（达标情况、差异系数（Excel 公式）、汇总、图表）；不会覆盖输入的工作簿
                       write the report workbook (compliance, balance with native formulas, summary, charts);
                       never the input workbook
  --force              覆盖已有的报告文件 / overwrite an existing report file
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  已评估（无论是否达标） evaluated, pass or fail
  1  表中有错误，无法得出结论 errors in the input blocked the verdict
  2  命令行有误 usage error (unknown option, missing file argument, bad --lang, invalid profile)
`;

function blocked(
  io: CliIO,
  profile: Profile,
  problems: Problem[],
  lang: Lang,
  json: boolean,
  file: string,
): number {
  if (json) {
    // the county fields are there too, all missing, so that the document always has the same shape
    const document = {
      ...blockedJsonContract(profile, problems, lang),
      ...countyJson(evaluateCountyWorkbook(null, null), lang),
    };
    io.stdout(JSON.stringify(document, null, 2) + "\n");
  } else {
    io.stderr(`${file}\n${formatProblems(problems, lang).join("\n")}\n`);
  }
  return EXIT.inputErrors;
}

/** A county the profile does not list: evaluated, without readiness for a target year. */
function noTargetYear(county: string, lang: Lang): string {
  return lang === "zh"
    ? `\n标准中没有“${county}”的目标年份，不显示达标准备情况。\n`
    : `\nThe profile sets no target year for "${county}": no readiness is shown.\n`;
}

/** The evaluation date for the report, as the user's calendar reads it: 2026-11-28. */
function localDate(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: {
    zh: "评估学校统计表的资源配置（7 项指标、差异系数、结论）",
    en: "evaluate a school table's resource allocation (7 indicators, coefficients, verdict)",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, evaluateCommand, args, {
      sheet: { type: "string" },
      "county-sheet": { type: "string" },
      county: { type: "string" },
      recipe: { type: "string" },
      profile: { type: "string" },
      json: { type: "boolean" },
      out: { type: "string" },
      force: { type: "boolean" },
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const json = values.json === true;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const out = values.out;
    if (out !== undefined) {
      const check = await checkReportPath(out, { input: file, force: values.force === true });
      if (!check.ok) return usageError(io, check.message);
    }
    const recipeFile = await readRecipeOption(io, values.recipe);
    if (typeof recipeFile === "number") return recipeFile;
    const recipe = tableRecipeOption(io, recipeFile);
    if (typeof recipe === "number") return recipe;
    // a county the profile does not list is evaluated all the same, without a target year
    const target = values.county === undefined ? undefined : findCounty(profile, values.county);

    const workbook = await readWorkbookFile(file);
    if (!workbook.ok) return blocked(io, profile, [workbook.problem], lang, json, file);
    const chosen = chooseSheet(
      workbook.grids,
      values.sheet,
      (grid) => readSchoolTable(grid, { profile, recipe }).headerRow !== null,
    );
    if (!chosen.ok) return blocked(io, profile, [chosen.problem], lang, json, file);

    const result = evaluateTable(chosen.grid, profile, { county: values.county, recipe });
    const countySheet = findCountySheet(workbook.grids, values["county-sheet"], chosen.grid.sheet);
    if (!countySheet.ok) return blocked(io, profile, [countySheet.problem], lang, json, file);
    const county = evaluateCountyWorkbook(result, countySheet.grid, { county: target });
    let wrote = "";
    if (out !== undefined && result.ok && result.evaluation) {
      const report = buildReport(
        {
          evaluation: result.evaluation,
          read: result.read,
          profile,
          problems: result.problems,
          county: countySheet.grid ? county.verdict : null,
        },
        { lang, sourceRange: gridRangeAddress(chosen.grid), date: localDate() },
      );
      const written = await writeReportFile(out, report, { force: values.force === true });
      if (!written.ok) {
        io.stderr(
          lang === "zh"
            ? `balance: 无法写入报告“${out}”（${written.code}）\n`
            : `balance: cannot write the report "${out}" (${written.code})\n`,
        );
        return EXIT.inputErrors;
      }
      wrote = lang === "zh" ? `已写出评估报告：${out}\n` : `Wrote the report: ${out}\n`;
    }
    if (json) {
      const document = { ...toJsonContract(result, lang), ...countyJson(county, lang) };
      io.stdout(JSON.stringify(document, null, 2) + "\n");
      // stdout holds the JSON document only
      if (wrote) io.stderr(wrote);
      return result.ok ? EXIT.ok : EXIT.inputErrors;
    }
    if (!result.ok || !result.evaluation) {
      const where =
        lang === "zh" ? `${file}（工作表“${result.sheet}”）` : `${file} (sheet "${result.sheet}")`;
      const blockedText = VERDICT_TEXT[lang].blocked;
      io.stderr(`${where}\n${formatProblems(result.problems, lang).join("\n")}\n\n${blockedText}\n`);
      return EXIT.inputErrors;
    }
    io.stdout(
      formatVerdict(
        result.evaluation,
        profile,
        { file: basename(file), sheet: result.sheet, schools: result.read.records.length },
        result.problems,
        lang,
      ) +
        "\n" +
        countySummaryText(county, lang) +
        (values.county !== undefined && target === undefined ? noTargetYear(values.county, lang) : "") +
        (wrote ? `\n${wrote}` : ""),
    );
    return EXIT.ok;
  },
};
