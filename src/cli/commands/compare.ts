import { basename } from "node:path";
import { findCounty } from "../../engine/county/readiness";
import {
  compareYears,
  renameMapSchema,
  renameConflicts,
  renamesWithoutControls,
  type RenameControls,
  type RenameMap,
  type Trend,
  type TrendYear,
} from "../../engine/trend";
import { buildComparisonReport } from "../../report/comparison";
import type { Problem } from "../../problems/problem";
import { controlsRemovedWords } from "../../engine/names";
import { evaluateCountySources, type CountySource } from "../countySource";
import { calendarDate, trendText, type NoProjection } from "../leagueText";
import { formatProblems } from "../verdict";
import { yearOfFile } from "../../sheet/countyName";
import {
  comparedCountyWarnings,
  countyOfComparedYear,
  otherCountyWarnings,
  type ComparedYearCounty,
} from "../../workbookCounty";
import { checkOutPath, writeOut } from "../workbookOut";
import { earlierNames } from "../outputFile";
import { typedYear } from "./titles";
import { withoutSpreadsheetExtension } from "../../xlsx/spreadsheetFiles";
import { EXIT, usageError, type Bilingual, type CliIO, type Command } from "../io";
import {
  inputProblems,
  jsonProblems,
  parseCommandLine,
  readJsonFile,
  readProfileOption,
  sayArchive,
  tableRecipeFile,
} from "../commandLine";
import { writeJsonDocument } from "../json";
import { schemaIssueText, WITH_INPUT } from "../../problems/schemaIssue";
import type { Lang } from "../../i18n/format";

const HELP = `balance compare <较早 earlier.xlsx> <较晚 later.xlsx> [更多 more…] [--years 2025,2026] [--rename renames.json]
                [--county NAME] [--recipe FILE.json] [--sheet NAME] [--profile FILE.json]
                [--out 对比.xlsx [--force]] [--lang zh|en] [--json]
balance compare <工作簿 workbook.xlsx> --sheets 2025,2026 [同上选项 the same options]

年度对比（动态监测）：同一旗县市两年或多年的工作簿，按年份从早到晚给出。按校名对应学校（空格、不可见字符、
全角半角不计，写法不同的另行列出），列出新增、撤销、更名与合并的学校；各学校（校区）状态有变化的指标
（退步在前：达标 → ≥85% 或未达标、≥85% → 未达标、学校达标 → 不达标；不参评的学校只列变化，不算退步）；
各学段每项差异系数的变化及是否越过限值；在校生变化；给出两年以上且知道年份时，按线性趋势把差异系数外推到
目标年份——这是预测，不是评估结果。
Year over year (dynamic monitoring): two or more years of one county, oldest first. Schools are matched by name
(spaces, invisible characters and full-width forms aside; names spelt otherwise are listed); opened, closed,
renamed and merged schools are listed; per section the indicators whose status changed
(regressions first: met → floor or unmet, floor → unmet, pass → fail; a school left out of the evaluation has
changes but no regressions); per level each coefficient's change and whether it crossed its limit; enrolment;
and, with known years, each coefficient extended to the target year on its straight-line trend — a projection,
not an evaluation.

选项 / Options:
  --sheets 2025,2026   各年的学校表是同一工作簿中的几张工作表时，按年份从早到晚列出工作表名
                       the years as sheets of one workbook: their names, oldest first
  --sheet NAME         各工作簿中学校表所在的工作表（默认：第一张可识别表头的工作表）
                       the sheet of the school table in every workbook (default: the first with its header)
  --years 2025,2026    各文件（或工作表）的年份（默认：文件名、所在文件夹名或工作表名中的年份，否则按给出的顺序）
                       the year of each file or sheet (default: a year in the file's, its folder's or the sheet's
                       name, else the order given)
  --rename FILE.json   更名对照 { "旧名": "新名" }；几个旧名对应同一新名即为合并
                       a rename map { "old": "new" }; several old names for one new name are a merger
  --county NAME        旗县市名称（默认从县级指标表或文件名识别），用于目标年份；标准中没有的旗县市照常对比，
                       不作预测；含几个旗县市的统计导出表只对比该旗县市的学校
                       the county, for its target year (default: from the county sheet or the file name); one
                       the profile does not list is compared all the same, without a projection; of a statistics
                       export holding several counties, that county's schools
  --recipe FILE.json   列名不同的统计导出表的配方，用于每一年的表；内置配方自动识别
                       a recipe for exports with other column names, for every year's table (the built-in is
                       found by itself)
  --out 对比.xlsx       另存对比工作簿（汇总、差异系数趋势图、学校变化）
                       write the comparison workbook (summary, coefficient trends with charts, school changes)
  --force              覆盖已有的文件 / overwrite an existing file
  --profile FILE.json  自定义评估标准 / a custom standard profile
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  已对比 / compared
  1  有文件读不出、表中有错误或更名文件无效 / a file could not be read, a table has errors, or the rename map is invalid
  2  命令行有误 / usage error
`;

/**
 * The year of each file or sheet: --years, else every one's name or its folder's (`yearOfFile`), else unknown (the
 * order given).
 */
function yearsOf(
  files: readonly string[],
  option: string | undefined,
): (number | null)[] | { error: string } {
  if (option !== undefined) {
    const years = option
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(typedYear);
    if (years.length !== files.length || years.some((y) => !/^\d{4}$/.test(y))) return { error: option };
    return years.map(Number);
  }
  const fromNames = files.map(yearOfFile);
  return fromNames.every((y) => y !== null) ? fromNames : files.map(() => null);
}

/**
 * A year's label when the years are not known: the file's name without .xlsx or .xlsm, or the path as given where another of
 * the files has the same name (2025/盟导出.xlsx and 2026/盟导出.xlsx).
 */
function labelOf(file: string, files: readonly string[]): string {
  const name = (f: string) => withoutSpreadsheetExtension(basename(f));
  return files.some((f) => f !== file && name(f) === name(file)) ? file : name(file);
}

/**
 * Each year's problems, errors and warnings, as `balance compare --json` lists them: each names its file, and its
 * sheet where the years are sheets of one workbook (--sheets).
 */
/**
 * Why years known but not rising cannot be compared: two files of one year (which to take is not ours to guess), or
 * the order to type them in, oldest first.
 */
function yearsOutOfOrder(items: readonly string[], years: readonly number[], sheets: boolean): Bilingual {
  const what = sheets ? { zh: "工作表", en: "sheets" } : { zh: "工作簿", en: "workbooks" };
  const same = years.findIndex((y, i) => years.indexOf(y) !== i);
  if (same >= 0) {
    const first = items[years.indexOf(years[same])];
    return {
      zh: `“${first}”和“${items[same]}”是同一年份（${years[same]}）的${what.zh}：每个年份只给一个（年份不对时用 --years 给出各自的年份）`,
      en: `"${first}" and "${items[same]}" are ${what.en} of one year (${years[same]}): give one per year (or each its year with --years)`,
    };
  }
  const order = items
    .map((item, i) => ({ item, year: years[i] }))
    .sort((a, b) => a.year - b.year)
    .map(({ item }) => (/\s/u.test(item) ? `"${item}"` : item));
  const typed = sheets ? `--sheets ${order.join(",")}` : order.join(" ");
  return {
    zh: `${what.zh}应按年份从早到晚给出（现为 ${years.join("、")}）：请写 ${typed}`,
    en: `give the ${what.en} oldest first (the years are ${years.join(", ")}): ${typed}`,
  };
}

type FileProblems = { file: string; sheet?: string; problems: readonly Problem[] }[];

function jsonFileProblems(files: FileProblems, lang: Lang) {
  return files.flatMap(({ file, sheet, problems }) =>
    jsonProblems(problems, lang).map((p) => (sheet === undefined ? { file, ...p } : { file, sheet, ...p })),
  );
}

/** A sheet of a workbook, as a heading names it. */
function sheetOf(file: string, sheet: string, lang: Lang): string {
  return lang === "zh" ? `${file}（工作表“${sheet}”）` : `${file} (sheet "${sheet}")`;
}

/** The sheets --sheets names, in the order given. */
function sheetList(option: string): string[] {
  return option
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The warning that a name of the rename map held controls, removed (`renamesWithoutControls`): the file and the
 * entry named, the old name's or the new name given under it.
 */
function renameControlsProblem(file: string, r: RenameControls): Problem {
  const words = controlsRemovedWords(r.removed, r.name);
  return {
    severity: "warning",
    code: "name-controls-removed",
    cell: null,
    message:
      r.which === "old"
        ? { zh: `更名文件“${file}”中的旧名${words.zh}`, en: `rename map "${file}": an old name ${words.en}` }
        : {
            zh: `更名文件“${file}”中“${r.old}”的新名${words.zh}`,
            en: `rename map "${file}": the new name of "${r.old}" ${words.en}`,
          },
  };
}

/** The JSON document of `balance compare --json` (issue 16): field names fixed, fields may be added. */
export function trendJson(
  trend: Trend,
  county: string,
  targetYear: number | null,
  problems: ReturnType<typeof jsonFileProblems> = [],
) {
  return { county: county || null, targetYear, ...trend, problems };
}

export const compareCommand: Command = {
  name: "compare",
  json: true,
  summary: {
    zh: "年度对比：同一旗县市多年数据的变化、退步与趋势预测",
    en: "year over year: one county's changes, regressions and projected trend",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(
      io,
      compareCommand,
      args,
      {
        json: { type: "boolean" },
        out: { type: "string" },
        force: { type: "boolean" },
        profile: { type: "string" },
        years: { type: "string" },
        rename: { type: "string" },
        county: { type: "string" },
        recipe: { type: "string" },
        sheet: { type: "string" },
        sheets: { type: "string" },
      },
      { zh: "缺少要对比的工作簿", en: "the workbooks to compare are missing" },
      "many",
    );
    if (typeof line === "number") return line;
    const { values, files, lang } = line;
    const json = values.json === true;
    const hint = "balance compare --help";
    const sheets = values.sheets === undefined ? undefined : sheetList(values.sheets);
    if (sheets !== undefined) {
      if (values.sheet !== undefined)
        return usageError(
          io,
          { zh: "--sheet 与 --sheets 不能同时使用", en: "give --sheet or --sheets, not both" },
          hint,
        );
      if (files.length !== 1 || sheets.length < 2)
        return usageError(
          io,
          {
            zh: "--sheets 对比一个工作簿中的几张工作表：只给一个工作簿，列出至少两张工作表（如 --sheets 2025,2026）",
            en: "--sheets compares sheets of one workbook: give one workbook and two or more sheets (--sheets 2025,2026)",
          },
          hint,
        );
    } else if (files.length < 2) {
      return usageError(
        io,
        {
          zh: "至少需要两个年份的工作簿（或一个工作簿加 --sheets 列出各年的工作表）",
          en: "at least two years' workbooks are needed (or one workbook with its years' sheets in --sheets)",
        },
        hint,
      );
    }
    // what each year is: a workbook, or a sheet of the one workbook
    const items = sheets ?? files;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const recipe = await tableRecipeFile(io, values.recipe);
    if (typeof recipe === "number") return recipe;
    const years = yearsOf(items, values.years);
    if ("error" in years) {
      return usageError(io, {
        zh: `--years 应为 ${items.length} 个四位年份，以逗号分隔（收到“${years.error}”）`,
        en: `--years must be ${items.length} four-digit years separated by commas (got "${years.error}")`,
      });
    }
    if (years.every((y) => y !== null) && years.some((y, i) => i > 0 && y! <= years[i - 1]!)) {
      return usageError(io, yearsOutOfOrder(items, years as number[], sheets !== undefined));
    }
    // a county the profile does not list is compared all the same, without a target year (as evaluate does)
    const profileCounty = values.county === undefined ? undefined : findCounty(profile, values.county);
    // every file's problems, its warnings too (rows left out, a total skipped): the comparison may rest on them;
    // the rename map's first
    const problems: FileProblems = [];
    let renames: RenameMap = {};
    if (values.rename !== undefined) {
      const file = await readJsonFile(io, values.rename, { zh: "更名文件", en: "rename map" });
      if (!file.ok) return file.code;
      const parsed = renameMapSchema.safeParse(file.value, WITH_INPUT);
      if (!parsed.success) {
        // the file named, and the old name whose new name is wrong: what a clerk opens and looks for
        const file = values.rename;
        const problems: Problem[] = parsed.error.issues.map((issue) => {
          const field = issue.path.map(String).join(".");
          const text = schemaIssueText(issue);
          return {
            severity: "error",
            code: "rename-invalid",
            cell: null,
            message:
              field === ""
                ? {
                    zh: `更名文件“${file}”：应为 { "旧名": "新名", … } 形式，每个旧名对应一个新校名`,
                    en: `rename map "${file}": expected { "old name": "new name", … } (${text.en})`,
                  }
                : {
                    zh: `更名文件“${file}”中的“${field}”：新校名应为带引号的文字，如 { "${field}": "新校名" }`,
                    en: `rename map "${file}", "${field}": the new name must be text in quotes, { "${field}": "new name" } (${text.en})`,
                  },
          };
        });
        return inputProblems(io, problems, lang, json);
      }
      // two spellings of one old name given two new names: one would be dropped unseen
      const conflicts = renameConflicts(file.value as Record<string, unknown>);
      if (conflicts.length > 0) {
        const problems: Problem[] = conflicts.map(({ old: [a, b], now: [x, y] }) => ({
          severity: "error",
          code: "rename-invalid",
          cell: null,
          message: {
            zh: `更名文件“${values.rename}”中的“${a}”和“${b}”是同一个旧名（空格、全角半角不计），却改为不同的新名“${x}”和“${y}”；请只留一项`,
            en: `rename map "${values.rename}": "${a}" and "${b}" are one old name (spaces and full-width forms aside) given two new names, "${x}" and "${y}"; keep one entry`,
          },
        }));
        return inputProblems(io, problems, lang, json);
      }
      const typed = renamesWithoutControls(parsed.data);
      renames = typed.renames;
      if (typed.removed.length > 0) {
        const warnings = typed.removed.map((r) => renameControlsProblem(values.rename!, r));
        problems.push({ file: values.rename, problems: warnings });
        if (!json) io.stderr(`${values.rename}\n${formatProblems(warnings, lang).join("\n")}\n\n`);
      }
    }
    const out = values.out;
    const force = values.force === true;
    const outError = await checkOutPath(io, out, files, force);
    if (outError !== null) return outError;

    // one workbook given twice compares nothing: a slip of the file chooser or of the shell's history, said first
    const earlier = sheets === undefined ? await earlierNames(files) : [];
    const again = earlier.findIndex((name) => name !== null);
    const twice = again < 0 ? null : [earlier[again] as string, files[again]];
    if (twice !== null) {
      const warning: Problem = {
        severity: "warning",
        code: "same-file-twice",
        cell: null,
        message: {
          zh: `同一个工作簿给了两次：“${twice[0]}”和“${twice[1]}”，对比不出任何变化；请给出各年份各自的工作簿，从早到晚`,
          en: `one workbook is given twice, "${twice[0]}" and "${twice[1]}": nothing can change; give each year's own workbook, oldest first`,
        },
      };
      problems.push({ file: twice[1], problems: [warning] });
      if (!json) io.stderr(`${formatProblems([warning], lang).join("\n")}\n\n`);
    }
    const trendYears: TrendYear[] = [];
    let detected = "";
    /** each year read: its file (and sheet), its label and the county its workbook names */
    const compared: (ComparedYearCounty & { sheet?: string })[] = [];
    // a year per workbook, or per sheet of the one workbook --sheets names; a workbook naming another county than
    // the one given is warned of
    const given = values.county !== undefined;
    const sources: CountySource[] = sheets
      ? sheets.map((sheet) => ({ file: files[0], sheet, county: values.county, given, recipe }))
      : files.map((file) => ({ file, sheet: values.sheet, county: values.county, given, recipe }));
    const results = await evaluateCountySources(sources, profile);
    for (const [i, result] of results.entries()) {
      const { file, sheet } = sources[i];
      // a workbook read from a zip archive given goes by its path through it (白狼县.zip/白狼县2025.xlsx)
      const read = result.source.file;
      if (read !== file && (i === 0 || results[i - 1].source.file !== read))
        sayArchive(io, file, read.slice(file.length + 1), lang, json);
      if (result.problems.length > 0) {
        problems.push({ file, sheet: sheets ? sheet : undefined, problems: result.problems });
        if (!json) {
          const where = sheets ? sheetOf(file, sheets[i], lang) : file;
          io.stderr(`${where}\n${formatProblems(result.problems, lang).join("\n")}\n\n`);
        }
      }
      if (!result.ok || !result.table?.evaluation) continue;
      const year = years[i];
      const label = year === null ? labelOf(items[i], items) : String(year);
      // a file's name that is only its year (2026.xlsx) names no county: nothing rather than "2026"
      const county = countyOfComparedYear({ name: result.county, from: result.countyFrom }, read);
      if (county !== null) detected = result.county;
      compared.push({ file, sheet: sheets ? sheet : undefined, label, county });
      trendYears.push({
        year,
        label,
        evaluation: result.table.evaluation,
      });
    }
    // files of two counties, where none is given for all: compared all the same, with a warning (the one rule of
    // every host, workbookCounty.ts `otherCountyWarnings`)
    const otherCounty = values.county === undefined ? otherCountyWarnings(compared) : [];
    for (const [i, warning] of otherCounty.entries()) {
      if (warning === null) continue;
      const { file, sheet } = compared[i];
      problems.push({ file, sheet, problems: [warning] });
      if (!json) io.stderr(`${formatProblems([warning], lang).join("\n")}\n\n`);
    }
    if (trendYears.length < items.length) {
      if (json) await writeJsonDocument(io, { ok: false, problems: jsonFileProblems(problems, lang) });
      return EXIT.inputErrors;
    }

    const county = profileCounty?.name ?? values.county ?? detected;
    const targetYear = (profileCounty ?? findCounty(profile, county))?.targetYear ?? null;
    const trend = compareYears(trendYears, { renames, targetYear });
    const lastYear = years[years.length - 1];
    const noProjection: NoProjection | undefined =
      targetYear === null
        ? { why: "noTargetYear" }
        : years.some((y) => y === null)
          ? { why: "yearsUnknown" }
          : lastYear !== null && targetYear <= lastYear
            ? { why: "targetYearReached", targetYear, lastYear }
            : undefined;
    let wrote = "";
    if (out !== undefined) {
      // the warnings that the files are of another county than the others or than the one given, on paper too
      const warnings = comparedCountyWarnings(problems.flatMap((f) => f.problems));
      const date = calendarDate(new Date());
      const report = buildComparisonReport(trend, profile, { lang, county, date, warnings });
      const what = { zh: "对比工作簿", en: "comparison workbook" };
      const written = await writeOut(io, out, report, { force, lang, what });
      if (!written.ok) return written.code;
      wrote = written.wrote;
    }
    if (json) {
      const document = trendJson(trend, county, targetYear, jsonFileProblems(problems, lang));
      io.stdout(JSON.stringify(document, null, 2) + "\n");
      if (wrote) io.stderr(wrote);
    } else {
      io.stdout(trendText(trend, profile, county, lang, noProjection) + (wrote ? `\n${wrote}` : ""));
    }
    return EXIT.ok;
  },
};
