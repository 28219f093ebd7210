import { basename } from "node:path";
import type { Lang } from "../../i18n/format";
import { blockedJsonContract, jsonContractOf } from "../../pipeline";
import { countyJson, countySummaryText, evaluateCountyWorkbook, findCountySheet } from "../../countyVerdict";
import { countyNamedOtherwise, titleRowsOf, workbookCounty } from "../../workbookCounty";
import type { Problem } from "../../problems/problem";
import type { Grid } from "../../sheet/grid";
import { holdsAnything } from "../../sheet/read/gridView";
import { isShown } from "../../xlsx/reader/chooseSheet";
import type { Profile } from "../../standard/profile";
import { plannedCounties } from "../../engine/county/readiness";
import { VERDICT_TEXT, formatProblems, verdictLines } from "../verdict";
import {
  EXIT,
  checkOutputPath,
  usageError,
  writeFailure,
  writeFileAtomic,
  writeLines,
  type CliIO,
  type Command,
} from "../io";
import { lazyJsonArray, writeJsonDocument } from "../json";
import {
  RECIPE_HELP,
  COUNTY_TABLE_OPTIONS,
  parseCommandLine,
  readProfileOption,
  readWorkbookTable,
  sayArchive,
  tableOptions,
  withSheetProblems,
} from "../commandLine";
import { titleOptions } from "./titles";
import { archivedPath } from "../workbookFile";

const HELP = `balance evaluate <workbook.xlsx> [--sheet NAME] [--profile FILE.json] [--lang zh|en] [--json]
                 [--county-sheet NAME] [--county NAME] [--year YEAR] [--recipe FILE.json]
                 [--out report.xlsx [--force]]

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
  --county NAME        旗县市名称，写入报告标题；表中有旗县列（如统计导出表）时只评估该旗县的学校；标准中列有
                       该旗县时另显示距目标年份的准备情况；不给时取旗县列、县级指标表标题或文件名所指的旗县
                       the county, for the report's titles: in a table with a county column (a statistics
                       export) only its schools are evaluated; where the profile lists it, its readiness for its
                       target year is shown too. By default, the county the workbook names (docs/county.md)
  --year YEAR          年份或学年（如 2026、2025-2026），写入报告标题 / the year or school year, for the titles
${RECIPE_HELP}
  --out report.xlsx    另存可打印的评估报告（汇总、达标情况、差异系数、学校数据，数值均为 Excel 公式）；
                       不会覆盖输入的工作簿
                       write the print-ready report workbook (summary, compliance, balance, school data, every
                       figure an Excel formula); never the input workbook
  --force              覆盖已有的报告文件 / overwrite an existing report file
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

报告先写入同一文件夹中的临时文件，写完后再换上，中断（Ctrl-C）不会留下不完整的文件；
符号链接、不存在或不可写的文件夹在评估前即被拒绝。
The report is written to a temporary file beside it and moved into place when whole: Ctrl-C leaves no partial
file. A symbolic link, a missing folder or one that cannot be written is refused before evaluating.

退出码 / Exit codes:
  0    已评估（无论是否达标） evaluated, pass or fail
  1    表中有错误，无法得出结论；或报告无法写入 errors in the input blocked the verdict, or the report
       could not be written
  2    命令行有误 usage error (unknown option, missing file argument, bad --lang, invalid profile, an --out
       path that cannot be written)
  130  写入报告时按了 Ctrl-C（SIGTERM 为 143），未留下文件 interrupted while writing the report (143 for
       SIGTERM); no file is left
  141  读取输出的程序提前关闭（如 | head） the reader of the output stopped early (e.g. | head)
`;

async function blocked(
  io: CliIO,
  profile: Profile,
  problems: Problem[],
  lang: Lang,
  json: boolean,
  file: string,
): Promise<number> {
  if (json) {
    // the county fields are there too, all missing, so that the document always has the same shape
    const document = {
      ...blockedJsonContract(profile, problems, lang),
      ...countyJson(evaluateCountyWorkbook(null, null), lang),
    };
    await writeJsonDocument(io, document);
  } else {
    io.stderr(`${file}\n${formatProblems(problems, lang).join("\n")}\n`);
  }
  return EXIT.inputErrors;
}

/**
 * Where no header was found on the sheet chosen by default, the workbook's other visible sheets that hold
 * something, and how to name one: the school table may be on a sheet whose header was not recognised, behind the
 * one read.
 */
function otherSheetsHint(
  grids: readonly Grid[],
  result: { sheet: string; problems: readonly Problem[] },
  lang: Lang,
): string {
  if (!result.problems.some((p) => p.code === "no-header-row")) return "";
  const others = grids
    .filter((g) => g.sheet !== result.sheet && isShown(g) && holdsAnything(g))
    .map((g) => g.sheet);
  if (others.length === 0) return "";
  return lang === "zh"
    ? `工作簿中还有工作表：${others.map((n) => `“${n}”`).join("、")}，未读取；如学校表在其中，请用 --sheet 指定。\n`
    : `The workbook's other sheets, not read: ${others.map((n) => `"${n}"`).join(", ")}; if the school table is on one of them, name it with --sheet.\n`;
}

/**
 * A county the profile does not list: evaluated, without readiness for a target year. The counties the plan does
 * list are named, so that a name mistyped past recognition (科右前期) is seen for what it is.
 */
function noTargetYear(county: string, profile: Profile, lang: Lang): string {
  const listed = plannedCounties(profile).map((c) => c.name);
  return lang === "zh"
    ? `\n标准中没有“${county}”的目标年份，不显示达标准备情况（列有目标年份的：${listed.join("、")}）。\n`
    : `\nThe profile sets no target year for "${county}": no readiness is shown (counties with a target year: ${listed.join(", ")}).\n`;
}

/** The evaluation date for the report, as the user's calendar reads it: 2026-11-28. */
function localDate(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const evaluateCommand: Command = {
  name: "evaluate",
  json: true,
  summary: {
    zh: "评估学校统计表的资源配置（7 项指标、差异系数、结论）",
    en: "evaluate a school table's resource allocation (7 indicators, coefficients, verdict)",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, evaluateCommand, args, {
      ...COUNTY_TABLE_OPTIONS,
      "county-sheet": { type: "string" },
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const json = values.json === true;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const out = values.out;
    const force = values.force === true;
    if (out !== undefined) {
      const check = await checkOutputPath(out, { force, extension: ".xlsx", inputs: [file] });
      if (!check.ok) return usageError(io, check.message, "balance evaluate --help");
    }
    const title = titleOptions(values);
    if (!title.ok) return usageError(io, title.message);
    // a county the profile does not list is evaluated all the same, without a target year, and names the report
    const table = await tableOptions(io, values);
    if (typeof table === "number") return table;

    const chosen = await readWorkbookTable(file, table, profile);
    sayArchive(io, file, chosen.inside, lang, json);
    if (!chosen.ok) return blocked(io, profile, chosen.problems, lang, json, file);

    const { evaluated } = chosen;
    const countySheet = findCountySheet(chosen.grids, values["county-sheet"], chosen.grid.sheet);
    if (!countySheet.ok) return blocked(io, profile, [countySheet.problem], lang, json, file);
    // the county named, else the one the workbook names: its titles and its target year
    const named = archivedPath(file, chosen.inside);
    const about = workbookCounty(
      {
        file: named,
        given: table.county,
        tableCounty: evaluated.read.recipe?.county ?? null,
        countySheet: countySheet.grid,
        tableTitle: titleRowsOf(chosen.grid, evaluated.read.headerRow),
      },
      profile,
    );
    const otherwise = countyNamedOtherwise(about, named);
    // the problems of choosing the sheets: the school table's, the county sheet's (named spelt otherwise)
    const result = withSheetProblems(evaluated, [
      ...chosen.problems,
      ...countySheet.problems,
      ...(otherwise ? [otherwise] : []),
    ]);
    const county = evaluateCountyWorkbook(result, countySheet.grid, {
      county: about.target,
      countyFrom: about.from ?? undefined,
    });
    let wrote = "";
    if (out !== undefined && result.ok && result.evaluation) {
      // the report's builder and writer load only when a report is asked for
      const [{ buildReport }, { reportBytes }, { gridRangeAddress }] = await Promise.all([
        import("../../report/build"),
        import("../../xlsx/report"),
        import("../../xlsx/reportFile"),
      ]);
      const report = buildReport(
        {
          evaluation: result.evaluation,
          read: result.read,
          profile,
          problems: result.problems,
          county: countySheet.grid ? county.verdict : null,
          countyProblems: county.problems,
        },
        {
          lang,
          sourceRange: gridRangeAddress(chosen.grid),
          date: localDate(),
          county: about.name,
          year: values.year ?? null,
        },
      );
      const written = await reportBytes(report).then(
        (bytes) => writeFileAtomic(out, bytes, { force }),
        (error: unknown) => ({ ok: false as const, code: String(error) }),
      );
      if (!written.ok) {
        io.stderr(`balance: ${writeFailure(out, written.code)[lang]}\n`);
        return EXIT.inputErrors;
      }
      wrote = lang === "zh" ? `已写出评估报告：${out}\n` : `Wrote the report: ${out}\n`;
    }
    if (json) {
      const document = { ...jsonContractOf(result, lang, lazyJsonArray), ...countyJson(county, lang) };
      await writeJsonDocument(io, document);
      // stdout holds the JSON document only
      if (wrote) io.stderr(wrote);
      return result.ok ? EXIT.ok : EXIT.inputErrors;
    }
    if (!result.ok || !result.evaluation) {
      const where =
        lang === "zh" ? `${file}（工作表“${result.sheet}”）` : `${file} (sheet "${result.sheet}")`;
      const blockedText = VERDICT_TEXT[lang].blocked;
      const others = table.sheet === undefined ? otherSheetsHint(chosen.grids, result, lang) : "";
      io.stderr(`${where}\n${formatProblems(result.problems, lang).join("\n")}\n${others}\n${blockedText}\n`);
      return EXIT.inputErrors;
    }
    const heading = { file: basename(file), sheet: result.sheet, schools: result.read.records.length };
    await writeLines(io, verdictLines(result.evaluation, profile, heading, result.problems, lang));
    const untargeted =
      about.from === "given" && about.target === undefined
        ? noTargetYear(table.county ?? "", profile, lang)
        : "";
    io.stdout(`\n${countySummaryText(county, lang)}${untargeted}${wrote ? `\n${wrote}` : ""}`);
    return EXIT.ok;
  },
};
