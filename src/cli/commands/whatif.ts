import { RELATIVE_TOLERANCE } from "../../standard/comparison";
import { countOf } from "../../i18n/count";
import { formatCoefficient, formatNumber, type Lang } from "../../i18n/format";
import { describeEdit, evaluateScenario, parseEdits, type ScenarioResult } from "../../engine/scenario";
import type { Problem } from "../../problems/problem";
import type { Profile } from "../../standard/profile";
import { LEVEL_NAMES } from "../../standard/indicators";
import { formatProblems } from "../verdict";
import { INDICATOR_STATUS_KEY, t } from "../../i18n/messages";
import { EXIT, usageError, type CliIO, type Command } from "../io";
import { writeJsonDocument } from "../json";
import { scenarioSheet } from "../../report/scenarioSheet";
import { editCostWords, whatIfCost, whatIfCostWords, type WhatIfCost } from "../../engine/whatifCost";
import { costJson } from "../costJson";
import { writtenSheets } from "./sheetsOut";
import {
  COUNTY_TABLE_OPTIONS,
  countyRecordsOption,
  jsonProblems,
  RECIPE_HELP,
  parseCommandLine,
  readJsonFile,
  inFile,
  EDITS_FILE,
  readCostsOption,
  readProfileOption,
  sheetsOutOptions,
} from "../commandLine";

const HELP = `balance whatif <workbook.xlsx> --edits edits.json [--costs costs.json] [--sheet NAME] [--profile FILE.json]
               [--lang zh|en] [--json] [--county NAME] [--recipe FILE.json] [--out 模拟.xlsx [--force]] [--year YEAR]

模拟：对学校统计表做一组修改（在校生、调整学区、校舍、设备、多媒体教室、教师招聘与交流、撤并、新建、撤销学校），
按标准重新评估，列出达标情况有变化的学校、越过限值的差异系数和所有变化的指标值。原工作簿不会被修改。
What-if: applies a list of edits (enrolment, pupils moved between schools, buildings, equipment, rooms, hiring and
transferring teachers, merging, opening and closing schools) to the school table, evaluates again and lists the
sections whose verdict changed, the coefficients that crossed their limit and every value that changed. The
workbook is not changed.
每项修改按规划的单位成本给出费用（一次性投入、每年支出），成本模型不计价的修改（如在校生变化）注明“不计费用”。
Each edit's cost at the plan's unit costs (one-off, a year), with the edits the cost model does not price (more
pupils enrolling) said to be not priced.

选项 / Options:
  --edits FILE.json    修改清单（格式见 README“模拟与规划”） / the edits file (see README, What-if and plans)
  --costs FILE.json    单位成本（元），与 plan 的成本文件相同，未列出的用默认值
                       unit costs in yuan, the costs file of plan; missing ones keep their defaults
  --sheet NAME         要读取的工作表 / the sheet to read
  --profile FILE.json  自定义评估标准 / a custom standard profile
  --out 模拟.xlsx       另存可打印的模拟方案工作表（与任务窗格写入的相同）/ write the print-ready scenario sheet
  --force              覆盖已有的文件 / overwrite an existing file
  --county NAME        旗县市名称，写入标题；表中有旗县列（如统计导出表）时只模拟该旗县的学校；
                       不给时取旗县列、县级指标表标题或文件名所指的旗县
                       the county, for the titles: in a table with a county column (a statistics export) only
                       its schools are changed and evaluated. By default, the county the workbook names
${RECIPE_HELP}
  --year YEAR          年份或学年，写入标题 / the year or school year, for the title
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  已模拟 / evaluated
  1  表中或修改清单中有错误 / errors in the table or in the edits
  2  命令行有误 / usage error
`;

function scenarioJson(
  result: ScenarioResult,
  problems: Problem[],
  lang: Lang,
  indexes: readonly number[],
  cost: ReturnType<typeof costJson>,
) {
  return {
    resourcesPassBefore: result.baseline.resourcesPass,
    resourcesPass: result.evaluation.resourcesPass,
    /** positions in the edits file of the edits applied */
    applied: result.applied.map((i) => indexes[i]),
    diff: {
      sectionsChanged: result.diff.sectionsChanged,
      cvCrossed: result.diff.cvCrossed,
      cvChanged: result.diff.cvChanged,
      valuesChanged: result.diff.valuesChanged,
    },
    cost,
    sections: result.evaluation.sections.map((s) => ({
      school: s.school,
      level: s.level,
      included: s.included,
      pass: s.pass,
      students: s.students,
      values: s.values,
    })),
    /** what each structural edit moved or dropped (docs/json.md#whatif) */
    effects: result.effects.map(({ words, ...effect }) => ({
      ...effect,
      message: words[lang],
      messages: words,
    })),
    problems: jsonProblems(problems, lang),
  };
}

const VERDICT = {
  zh: { pass: "达标", fail: "不达标", excluded: "不参评", absent: "（无）" },
  en: { pass: "pass", fail: "fail", excluded: "not evaluated", absent: "(none)" },
} as const;

function scenarioText(
  result: ScenarioResult,
  profile: Profile,
  lang: Lang,
  edits: Parameters<typeof describeEdit>[0][],
  indexes: readonly number[],
  /** how many edits the file lists, valid or not */
  count: number,
  cost: WhatIfCost,
): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  // every edit of the file in its place, those that could not be read or applied marked, so that none goes missing
  const applied = result.applied.length;
  lines.push(
    zh
      ? `修改清单 ${count} 项${applied < count ? `，应用 ${applied} 项` : ""}：`
      : `${countOf(count, "edit")}${applied < count ? `, ${applied} applied` : ""}:`,
  );
  const valid = new Map(indexes.map((at, i) => [at, i]));
  for (let at = 0; at < count; at++) {
    const i = valid.get(at);
    const text =
      i === undefined
        ? zh
          ? "（无效，未应用）"
          : "(invalid; not applied)"
        : describeEdit(edits[i], profile, lang) +
          (result.applied.includes(i) ? "" : zh ? "（未应用）" : " (not applied)");
    lines.push(`  ${at + 1}. ${text}`);
    // what a structural edit moved or dropped, as the engine says it, under the edit
    for (const e of result.effects.filter((x) => x.edit === at)) lines.push(`     ${e.words[lang]}`);
    const priced = i === undefined ? undefined : cost.edits.find((c) => c.edit === i);
    if (priced) lines.push(`     ${zh ? "费用：" : "cost: "}${editCostWords(priced, lang)}`);
  }
  lines.push(whatIfCostWords(cost, lang));
  lines.push("");
  const verdict = (pass: boolean) =>
    pass ? (zh ? "达标 ✓" : "passes ✓") : zh ? "未达标 ✗" : "does not pass ✗";
  lines.push(
    zh
      ? `资源配置：模拟前${verdict(result.baseline.resourcesPass)}，模拟后${verdict(result.evaluation.resourcesPass)}`
      : `Resource allocation: before, ${verdict(result.baseline.resourcesPass)}; after, ${verdict(result.evaluation.resourcesPass)}`,
  );
  if (result.diff.sectionsChanged.length > 0) {
    lines.push(zh ? "达标情况变化：" : "Sections whose verdict changed:");
    for (const c of result.diff.sectionsChanged) {
      lines.push(
        `  ${c.school} ${LEVEL_NAMES[c.level][lang]}：${VERDICT[lang][c.before]} → ${VERDICT[lang][c.after]}`,
      );
    }
  } else lines.push(zh ? "各校达标情况无变化。" : "No section's verdict changed.");
  if (result.diff.cvChanged.length > 0) {
    lines.push(zh ? "差异系数变化：" : "Difference coefficients that changed:");
    for (const c of result.diff.cvChanged) {
      const crossed = result.diff.cvCrossed.find((x) => x.level === c.level && x.indicator === c.indicator);
      const mark = crossed
        ? crossed.passesAfter
          ? zh
            ? "（转为达标）"
            : " (now within the limit)"
          : zh
            ? "（超过上限）"
            : " (now over the limit)"
        : "";
      lines.push(
        `  ${LEVEL_NAMES[c.level][lang]} ${profile.indicators[c.indicator].shortName[lang]}：${formatCoefficient(c.before, profile.cvLimit[c.level], RELATIVE_TOLERANCE, lang)} → ${formatCoefficient(c.after, profile.cvLimit[c.level], RELATIVE_TOLERANCE, lang)}${zh ? "，上限 " : ", limit "}${formatNumber(profile.cvLimit[c.level], 2, lang)}${mark}`,
      );
    }
  }
  const values = result.diff.valuesChanged;
  if (values.length > 0) {
    lines.push(zh ? `指标值变化（${values.length} 项）：` : `Values that changed (${values.length}):`);
    for (const v of values) {
      const field =
        v.field === "students" ? (zh ? "在校生" : "students") : profile.indicators[v.field].shortName[lang];
      const d = v.field === "students" ? 0 : 2;
      // a value that crosses its standard or its 85 % floor says so, as the engine judged it
      const status =
        v.statusBefore && v.statusAfter && v.statusBefore !== v.statusAfter
          ? `${zh ? "（" : " ("}${t(lang, INDICATOR_STATUS_KEY[v.statusBefore])} → ${t(lang, INDICATOR_STATUS_KEY[v.statusAfter])}${zh ? "）" : ")"}`
          : "";
      lines.push(
        `  ${v.school} ${LEVEL_NAMES[v.level][lang]} ${field}：${formatNumber(v.before, d, lang)} → ${formatNumber(v.after, d, lang)}${status}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

export const whatifCommand: Command = {
  name: "whatif",
  json: true,
  summary: {
    zh: "模拟：按修改清单重新评估，列出变化（不改动原表）",
    en: "what-if: evaluate the table after a list of edits and show what changes",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, whatifCommand, args, {
      edits: { type: "string" },
      costs: { type: "string" },
      ...COUNTY_TABLE_OPTIONS,
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const title = await sheetsOutOptions(io, values, [file, values.edits, values.costs, values.recipe]);
    if (typeof title === "number") return title;
    if (values.edits === undefined) {
      return usageError(
        io,
        { zh: "缺少 --edits 修改清单", en: "--edits is required" },
        "balance whatif --help",
      );
    }
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const json = values.json === true;
    // the plan's unit costs, from the same costs file (docs/plans.md#costs); project sizes do not apply to an edit
    const priced = await readCostsOption(io, values.costs, lang, json);
    if (typeof priced === "number") return priced;
    const editsJson = await readJsonFile(io, values.edits, EDITS_FILE, "edits");
    if (!editsJson.ok) return editsJson.code;

    const county = await countyRecordsOption(io, file, values, profile, title, { lang, json });
    if (typeof county === "number") return county;
    const { titles } = county;
    const read = parseEdits(editsJson.value, profile);
    // every problem of an edit names the file it is in
    const parsedEdits = { ...read, problems: inFile(read.problems, EDITS_FILE, values.edits) };
    const scenario = evaluateScenario(
      county.records,
      parsedEdits.edits,
      profile,
      undefined,
      parsedEdits.indexes,
    );
    const result = { ...scenario, problems: inFile(scenario.problems, EDITS_FILE, values.edits) };
    const cost = whatIfCost(parsedEdits.edits, result, priced.costs);
    const problems = [...priced.warnings, ...county.problems, ...parsedEdits.problems, ...result.problems];
    // warnings (an equipment amount that looks like 万元, a school closed with its pupils) apply and block nothing
    const editErrors = [...parsedEdits.problems, ...result.problems].some((p) => p.severity === "error");
    let wrote = "";
    if (values.out !== undefined && !editErrors) {
      const sheet = scenarioSheet(parsedEdits.edits, result, cost, profile, lang, {
        title: titles,
        indexes: parsedEdits.indexes,
      });
      const written = await writtenSheets(io, values.out, [sheet], values.force === true, lang);
      if (written === null) return EXIT.inputErrors;
      wrote = written;
    }
    // a sheet of a scenario that is not the one asked for is never written, and never without a word
    const notWritten =
      values.out !== undefined && editErrors
        ? lang === "zh"
          ? `修改清单有错误，未写出 ${values.out}；改正后再运行。\n`
          : `The edits have errors; ${values.out} was not written. Correct them and run again.\n`
        : "";
    if (json) {
      await writeJsonDocument(io, {
        ok: !editErrors,
        ...scenarioJson(
          result,
          problems,
          lang,
          parsedEdits.indexes,
          costJson(cost, priced.costs, parsedEdits.indexes),
        ),
      });
      if (wrote) io.stderr(wrote);
      if (notWritten) io.stderr(notWritten);
    } else {
      if (problems.length > 0) io.stderr(formatProblems(problems, lang).join("\n") + "\n");
      if (notWritten) io.stderr(notWritten);
      io.stdout(
        scenarioText(result, profile, lang, parsedEdits.edits, parsedEdits.indexes, parsedEdits.count, cost) +
          (wrote ? `\n${wrote}` : ""),
      );
    }
    return editErrors ? EXIT.inputErrors : EXIT.ok;
  },
};
