import { basename } from "node:path";
import type { Lang } from "../../i18n/format";
import {
  leagueSummary,
  planTotals,
  type CountyStanding,
  type LeagueCountyInput,
  type LeagueSummary,
} from "../../engine/league";
import { countiesByYear, type CountyYears } from "../../engine/monitor";
import { planLeastCost } from "../../engine/plan/leastCost";
import { calendarDayOf, yearOfDay } from "../../engine/years";
import { buildLeagueReport } from "../../report/league";
import { unchangedYearsLabel } from "../../report/leagueCounty";
import { leagueCountyInput } from "../../countyWorkbook";
import {
  evaluateSourceCounties,
  inputAsOut,
  workbookIs,
  listCountySources,
  unreadSubfolders,
  type CountyFileResult,
} from "../countySource";
import { calendarDate, leagueText, yearsText } from "../leagueText";
import { progressBar } from "../progress";
import { checkOutPath, writeOut } from "../workbookOut";
import { isLockFileName } from "../../xlsx/spreadsheetFiles";
import { isBalanceOutput } from "../../report/outputs";
import type { Grid } from "../../sheet/grid";
import { earlierNames, samePath } from "../outputFile";
import { formatProblems } from "../verdict";
import { EXIT, usageError, type CliIO, type Command } from "../io";
import {
  jsonProblems,
  parseCommandLine,
  readCostsOption,
  readProfileOption,
  tableRecipeFile,
} from "../commandLine";

const HELP = `balance batch <工作簿或文件夹 files or folders…> [--json] [--out 汇总.xlsx [--force]] [--profile FILE.json]
              [--year YYYY] [--plan [--costs costs.json]] [--recipe FILE.json] [--sheet NAME] [--lang zh|en]

盟市汇总：逐一评估各旗县市的工作簿（文件夹：其中全部表格文件，按文件名排序，跳过 Excel、WPS 的临时文件和
本工具写出的报告、方案等工作簿；旧版 .xls 照常读取，.csv 等其他格式也列出，并提示另存为 .xlsx；.zip 压缩包中的表格文件
逐个读取，按“压缩包名/文件名”列出，.rar、.7z 和压缩包中的压缩包列出并提示先解压；子文件夹不读，只列出），列出各旗县市的
学校数、各学段达标学校与差异系数、资源配置和县域结论、目标年份与剩余年数，全盟最薄弱的指标，以及可能无法按期
达标的旗县市。读不出的文件列出其问题，其余照常评估。
The league's view: evaluates each county's workbook (a folder: every spreadsheet in it, by name, without Excel's
and WPS's lock files and the reports, plans and others Balance wrote; an old .xls is read too; one in another format, such as .csv, is listed
with a request to save it as .xlsx; a .zip's spreadsheets are read one by one, each named archive/file, and a .rar,
a .7z or an archive in the archive is listed with a request to unpack it; subfolders are named, not read), and lists per county its schools, passing
sections and difference coefficients per level, resources and county verdicts, target year and years left; then
the league's weakest indicators and the counties at risk of missing their target year. A file that cannot be read
is reported with its problems while the others go on.

旗县市名称 / County name: 统计导出表的旗县列；县级指标表标题中的名称；否则取文件名（去掉“-均衡评估”、年份等字样）。
  a statistics export's county column; the name in the county sheet's title rows; else the file's name without
  words such as 均衡评估 or a year. 含多个旗县的统计导出表逐旗县评估。
  a statistics export holding several counties is evaluated county by county.
逐年情况 / Year by year: 同一旗县市有几个年份的文件（文件名或所在文件夹名中的年份，如 2025/阿尔山市.xlsx）时，
  汇总仍按最晚一年计，其后逐年列出各年的县域结论、达标学校（校区）与差异系数，并把差异系数按直线趋势
  外推到目标年份（预测，不是评估结果）。
  where a county is given in files of several years (a year in the file's or its folder's name), the view still
  counts the latest year; then each year's verdict, passing sections and coefficients, and each coefficient's
  straight-line projection to the target year (a projection, not an evaluation).
按期达标风险 / At risk: 目标年份已到仍未达标；或剩余不超过 1 年且仍有差异系数超限或 5 所以上学校（校区）未达标。
  the target year has come and the county does not pass; or 1 year or less is left with a coefficient over its
  limit or 5 or more failing sections.

选项 / Options:
  --out 汇总.xlsx       另存汇总工作簿（汇总表、各旗县市一表、差异系数图表）
                       write the league workbook (summary, one sheet per county, coefficient charts)
  --force              覆盖已有的文件 / overwrite an existing file
  --year YYYY          按哪一年计算剩余年数（默认：今年，按公历年计，与 evaluate --county 相同）
                       the year to count years left from (default: this calendar year, as evaluate --county)
  --plan               另求各旗县市的最低成本方案（教师每年的费用与一次性投入分列）
                       also plan each county's least-cost additions (teachers per year and one-off costs apart)
  --costs FILE.json    方案的单位成本 / unit costs of the plan
  --recipe FILE.json   列名不同的统计导出表的配方，用于每个工作簿；内置配方自动识别
                       a recipe for exports with other column names, for every workbook (the built-in is found
                       by itself)
  --sheet NAME         各工作簿中学校表所在的工作表（默认：第一张可识别表头的工作表）
                       the sheet of the school table in every workbook (default: the first with its header)
  --profile FILE.json  自定义评估标准（可含 counties 目标年份）/ a custom standard profile (may set counties)
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  全部文件已评估 / every file evaluated
  1  有文件读不出或表中有错误 / a file could not be read or its table has errors
  2  命令行有误 / usage error
`;

function today(): Date {
  return new Date();
}

/** A county's years (`countiesByYear`): each year's standing as the county's own line gives it, and the projection. */
function yearsJson(y: CountyYears) {
  return {
    targetYear: y.targetYear,
    series: y.years.map(({ year, standing: s }) => ({
      year,
      file: s.file,
      ok: s.ok,
      schools: s.schools,
      countyPass: s.countyPass,
      failingItems: s.failingItems,
      missingItems: s.missingItems,
      resourcesPass: s.resourcesPass,
      failingSections: s.failingSections,
      failingCoefficients: s.failingCoefficients,
      levels: s.levels,
    })),
    projection: y.projection,
    course: y.course,
    unchanged: y.unchanged,
  };
}

function countyJson(
  s: CountyStanding,
  result: CountyFileResult,
  lang: Lang,
  withPlan: boolean,
  years: CountyYears | undefined,
) {
  return {
    file: s.file,
    county: s.county,
    countyFrom: result.countyFrom,
    ok: s.ok,
    schools: s.schools,
    levels: s.levels,
    resourcesPass: s.resourcesPass,
    countyPass: s.countyPass,
    failingItems: s.failingItems,
    missingItems: s.missingItems,
    failingSections: s.failingSections,
    failingCoefficients: s.failingCoefficients,
    targetYear: s.targetYear,
    yearsLeft: s.yearsLeft,
    atRisk: s.atRisk,
    risk: s.risk,
    counted: s.counted,
    ...(withPlan ? { plan: s.plan } : {}),
    countySheet: result.verdict?.sheet ?? null,
    problems: jsonProblems(result.problems, lang),
    // only a county given in files of several years, on the line of the file the league counts
    ...(years ? { years: yearsJson(years) } : {}),
  };
}

/** The warnings over a league's files (`warnings` of `balance batch --json`): two years of a county alike. */
function unchangedWarnings(byYear: readonly CountyYears[], lang: Lang) {
  return byYear.flatMap((y) =>
    y.unchanged.map((u) => ({
      severity: "warning" as const,
      code: "unchangedYears",
      county: y.county,
      yearBefore: u.yearBefore,
      yearAfter: u.yearAfter,
      files: [u.fileBefore, u.fileAfter],
      message: unchangedYearsLabel(y.county, u, lang),
      messages: { zh: unchangedYearsLabel(y.county, u, "zh"), en: unchangedYearsLabel(y.county, u, "en") },
    })),
  );
}

/** The JSON document of `balance batch --json` (issue 16): field names fixed, fields may be added. */
export function leagueJson(
  summary: LeagueSummary,
  results: readonly CountyFileResult[],
  skipped: readonly CountyFileResult[],
  unreadSubfolders: readonly string[],
  lang: Lang,
  withPlan: boolean,
  byYear: readonly CountyYears[] = [],
) {
  return {
    year: summary.year,
    ok: results.every((r) => r.ok),
    counties: summary.counties.map((s, i) =>
      countyJson(
        s,
        results[i],
        lang,
        withPlan,
        byYear.find((y) => y.counted === i),
      ),
    ),
    indicators: summary.indicators,
    atRisk: summary.atRisk.map((s) => ({
      county: s.county,
      file: s.file,
      targetYear: s.targetYear,
      yearsLeft: s.yearsLeft,
      risk: s.risk,
    })),
    repeated: summary.repeated,
    // what the text and the workbook warn of over the league's files, each with a code: two years' files of a county
    // holding the same figures (the rule `balance compare` warns by); only where some county is given in several
    // years, as `years`, so that a league of one year per county has the document it had
    ...(byYear.length === 0 ? {} : { warnings: unchangedWarnings(byYear, lang) }),
    // the counted files' plans added up, each county once: with --plan only, as each county's plan
    ...(withPlan ? { planTotal: summary.planTotal } : {}),
    skipped: skipped.map((r) => r.source.file),
    unreadSubfolders,
  };
}

/** The subfolders a folder's reading passed over, with how to have them read. */
function subfoldersText(subfolders: readonly string[]): Record<Lang, string> {
  return {
    zh: `子文件夹中的工作簿未读取：${subfolders.join("、")}（只读所给文件夹本身的文件；要评估其中的工作簿，请把这些子文件夹也写在命令行上）`,
    en: `workbooks in subfolders were not read: ${subfolders.join(", ")} (only the files of the folders given are read; to evaluate those, name the subfolders on the command line too)`,
  };
}

function parseYear(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export const batchCommand: Command = {
  name: "batch",
  json: true,
  summary: {
    zh: "盟市汇总：多个旗县市逐一评估，列出薄弱指标和按期达标风险",
    en: "the league's view: many counties at once, the weakest indicators, who is at risk",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(
      io,
      batchCommand,
      args,
      {
        json: { type: "boolean" },
        out: { type: "string" },
        force: { type: "boolean" },
        profile: { type: "string" },
        year: { type: "string" },
        plan: { type: "boolean" },
        costs: { type: "string" },
        recipe: { type: "string" },
        sheet: { type: "string" },
      },
      { zh: "缺少工作簿或文件夹", en: "no workbook or folder given" },
      "many",
    );
    if (typeof line === "number") return line;
    const { values, files, lang } = line;
    const json = values.json === true;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const recipe = await tableRecipeFile(io, values.recipe);
    if (typeof recipe === "number") return recipe;
    const year = parseYear(values.year);
    if (year === null) {
      return usageError(io, {
        zh: `--year 应为四位年份（收到“${values.year}”）`,
        en: `--year must be a four-digit year (got "${values.year}")`,
      });
    }
    const priced = await readCostsOption(io, values.costs, lang, json);
    if (typeof priced === "number") return priced;
    const { costs, projects } = priced;
    // a unit cost that looks like 万元 is used as given, and said before the counties
    if (priced.warnings.length > 0) io.stderr(formatProblems(priced.warnings, lang).join("\n") + "\n");
    const out = values.out;
    const force = values.force === true;
    const ours = (grids: readonly Grid[]) => isBalanceOutput(grids.map((g) => g.sheet));
    // the league workbook of an earlier run, which a shell's *.xlsx names again, is no input: it is skipped when
    // read, and --force writes over it
    const read: string[] = [];
    for (const f of files) {
      if (out === undefined || !(await samePath(f, out)) || !(await workbookIs(f, ours))) read.push(f);
    }
    const outError = await checkOutPath(io, out, read, force);
    if (outError !== null) return outError;
    // a county's workbook in a folder read is never overwritten by the league's, --force or not
    if (out !== undefined && (await inputAsOut(out, files, ours))) {
      return usageError(io, {
        zh: `“${out}”是所汇总文件夹中的旗县市工作簿，不会用汇总工作簿覆盖它（加 --force 也不会）；请换一个文件名`,
        en: `"${out}" is a county's workbook in a folder being read: the league workbook is never written over it, even with --force; choose another name`,
      });
    }
    // a shell's *.xlsx names the lock file of a workbook open in Excel (~$阿尔山市2025.xlsx) too: it is no county
    const lockFiles = files.filter(isLockFileName);
    const named = files.filter((f) => !isLockFileName(f));
    const listed = await listCountySources(named, out === undefined ? [] : [out]);
    // a file named twice (twice on the line, or named and in a folder named) is read once: a second reading would
    // count the county twice, or warn that one of its two files is not counted
    const earlier = await earlierNames(listed.map((s) => s.file));
    const twice = listed.flatMap((s, i) => (earlier[i] === null ? [] : [[earlier[i], s.file] as const]));
    // every workbook read through the recipe given and from the sheet named, as evaluate reads one
    const sources = listed
      .filter((_, i) => earlier[i] === null)
      .map((s) => ({ ...s, recipe, sheet: values.sheet }));
    // the folders' subfolders are not read: say which hold workbooks, so that no county is left out unsaid
    const subfolders = await unreadSubfolders(files);
    if (sources.length === 0) {
      const inside = subfolders.length === 0 ? null : subfoldersText(subfolders);
      return usageError(io, {
        zh: `在 ${files.join("、")} 中没有找到表格文件（.xlsx、.xls、.csv 等）${inside ? `；${inside.zh}` : ""}`,
        en: `no spreadsheet (.xlsx, .xls, .csv …) found in ${files.join(", ")}${inside ? `; ${inside.en}` : ""}`,
      });
    }

    const progress = progressBar(io, sources.length, !json && sources.length > 1);
    const results: CountyFileResult[] = [];
    const skipped: CountyFileResult[] = [];
    const inputs: LeagueCountyInput[] = [];
    for (const source of sources) {
      progress.step(basename(source.file));
      for (const result of await evaluateSourceCounties(source, profile)) {
        if (result.skipped) {
          skipped.push(result);
          continue;
        }
        // a county's warnings too (a hidden sheet passed over, a total skipped): its verdict may rest on them
        if (result.problems.length > 0 && !json) {
          // a county of a multi-county export is named with its file, as its line in the summary names it (the
          // plan's 科右前旗 for the table's 科尔沁右翼前旗)
          const of = result.source.county === undefined ? undefined : result.county;
          const county = lang === "zh" ? `（${of}）` : ` (${of})`;
          // a county sent zipped is named through its archive (白狼县.zip/白狼县2025.xlsx)
          const file = result.source.file;
          const where = of === undefined ? file : `${file}${county}`;
          progress.message(() =>
            io.stderr(`${where}\n${formatProblems(result.problems, lang).join("\n")}\n\n`),
          );
        }
        const evaluation = result.table?.evaluation ?? null;
        const plan =
          values.plan && result.table?.ok && evaluation
            ? planTotals(await planLeastCost(result.table.read.records, profile, costs, { projects }))
            : null;
        results.push(result);
        inputs.push(leagueCountyInput(result, plan));
      }
    }
    progress.done();
    const summary = leagueSummary(inputs, year ?? yearOfDay(calendarDayOf(today())));
    // a county given in files of several years: its course over them, after the latest year's view
    const byYear = countiesByYear(inputs, summary.counties);

    let wrote = "";
    if (out !== undefined) {
      const report = buildLeagueReport(
        {
          summary,
          byYear,
          details: results.map((r) => ({ evaluation: r.table?.evaluation ?? null, problems: r.problems })),
          profile,
        },
        { lang, date: calendarDate(today()) },
      );
      const what = { zh: "汇总工作簿", en: "league workbook" };
      const written = await writeOut(io, out, report, { force, lang, what });
      if (!written.ok) return written.code;
      wrote = written.wrote;
    }
    const failed = results.some((r) => !r.ok);
    if (json) {
      io.stdout(
        JSON.stringify(
          {
            ...leagueJson(summary, results, skipped, subfolders, lang, values.plan === true, byYear),
            lockFiles,
            givenTwice: twice.map(([, later]) => later),
          },
          null,
          2,
        ) + "\n",
      );
      if (wrote) io.stderr(wrote);
    } else {
      const skippedText =
        skipped.length === 0
          ? ""
          : lang === "zh"
            ? `\n已跳过本工具写出的工作簿：${skipped.map((r) => r.source.file).join("、")}\n`
            : `\nSkipped workbooks written by Balance: ${skipped.map((r) => r.source.file).join(", ")}\n`;
      const lockLine =
        lockFiles.length === 0
          ? ""
          : lang === "zh"
            ? `\n已跳过 Excel、WPS 打开工作簿时留下的临时文件：${lockFiles.join("、")}\n`
            : `\nSkipped the lock files Excel and WPS keep beside an open workbook: ${lockFiles.join(", ")}\n`;
      const twiceLine =
        twice.length === 0
          ? ""
          : lang === "zh"
            ? `\n同一个文件给了不止一次，只读一次：${twice.map(([first, again]) => (again === first ? `“${again}”` : `“${again}”即“${first}”`)).join("、")}\n`
            : `\nFiles given more than once are read once: ${twice.map(([first, again]) => (again === first ? `"${again}"` : `"${again}" is "${first}"`)).join(", ")}\n`;
      const subfoldersLine = subfolders.length === 0 ? "" : `\n⚠ ${subfoldersText(subfolders)[lang]}\n`;
      io.stdout(
        leagueText(summary, profile, lang, byYear) +
          yearsText(byYear, profile, lang) +
          skippedText +
          lockLine +
          twiceLine +
          subfoldersLine +
          (wrote ? `\n${wrote}` : ""),
      );
    }
    return failed ? EXIT.inputErrors : EXIT.ok;
  },
};
