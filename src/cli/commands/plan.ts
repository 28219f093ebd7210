import { countOf } from "../../i18n/count";
import { formatNumber, formatWan, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import {
  budgetWords,
  planProofLine,
  remainingCoefficientsLine,
  remainingSectionsLine,
} from "../../report/budgetText";
import { failingSections } from "../../engine/evaluate";
import { planEdits, planLeastCost, type LeastCostPlan } from "../../engine/plan/leastCost";
import { planRotation, type RotationPlan } from "../../engine/plan/rotation";
import { planWithinBudget, type BudgetPlan } from "../../engine/plan/budget";
import { isRecurring, projectSizesUsed, type ProjectSizes, type UnitCosts } from "../../engine/plan/costs";
import { planSheet, rotationSheet } from "../../report/planSheets";
import { plannedEditRows, type PlannedEdits } from "../../report/editRows";
import { writtenSheets } from "./sheetsOut";
import { EDITS_OUT_FAILED, checkEditsOut, writeEditsOut } from "./editsOut";
import type { Problem } from "../../problems/problem";
import type { Profile } from "../../standard/profile";
import { INDICATOR_IDS, LEVEL_NAMES } from "../../standard/indicators";
import { formatProblems } from "../verdict";
import { EXIT, usageError, type Bilingual, type CliIO, type Command } from "../io";
import { writeJsonDocument } from "../json";
import {
  COUNTY_TABLE_OPTIONS,
  countyRecordsOption,
  jsonProblems,
  RECIPE_HELP,
  parseCommandLine,
  readCostsOption,
  readJsonFile,
  inFile,
  EDITS_FILE,
  readProfileOption,
  sheetsOutOptions,
} from "../commandLine";
import { editedCounty, parseEdits } from "../../engine/scenario";
import {
  editCostWords,
  whatIfCost,
  whatIfCostWords,
  withEditsCost,
  withEditsCostWords,
} from "../../engine/whatifCost";
import { costJson } from "../costJson";
import type { SchoolRecord } from "../../engine/records";

const HELP = `balance plan <workbook.xlsx> [--costs costs.json] [--budget 万元] [--rotation] [--edits edits.json]
             [--edits-out 修改.json] [--rotation-out 轮岗.json]
             [--sheet NAME] [--profile FILE.json] [--county NAME] [--recipe FILE.json] [--out 方案.xlsx [--force]]
             [--year YEAR] [--lang zh|en] [--json]

规划：求使全部参评学校达标、各项差异系数不超过限值的最低成本补充方案（各校各学段的教师，
各校的校舍、运动场馆、设备和多媒体教室），并按标准验证；加 --rotation 另求教师交流轮岗方案。
Plan: the least-cost additions (teachers per school section; teaching area, sports area, equipment and
multimedia rooms per school) that make every included section pass and every difference coefficient fall
within its limit, verified by the evaluation; --rotation adds the teacher rotation plan (交流轮岗).

教师为每年的经常性支出，校舍、场馆、设备和多媒体教室为一次性投入，分别合计（万元）；设施按项目规模补充
（默认：教学及辅助用房至少 50 ㎡、运动场馆至少 200 ㎡（均按 10 ㎡ 取整），设备至少 1 万元（按 0.1 万元取整），
多媒体教室按间），不会只补几平方米。
Teachers are a cost every year, buildings, grounds, equipment and rooms a cost once, each totalled in 万元;
facilities are added as projects (by default at least 50 m² of teaching rooms and 200 m² of sports ground in
10 m² steps, at least 10,000 yuan of equipment in 1,000 yuan steps, whole rooms), never a few square metres.

选项 / Options:
  --costs FILE.json    单位成本（元）及项目规模（"minimum"、"step"），未列出的用默认值
                       unit costs in yuan and project sizes ("minimum", "step"); missing ones keep their defaults
  --budget 万元         预算（万元，教师按一年计）；不足以达标时另求预算内使最多未达标学校（校区）
                       达标、其次成本最低的方案，并列出仍未达标的学校（校区）和差异系数
                       a budget in 万元 (teachers for one year): when it does not buy a pass, also the plan
                       within it that brings the most failing sections to pass, then costs least, and what fails
  --rotation           另求交流轮岗方案 / also plan the teacher rotation
  --edits FILE.json    先按修改清单（与 balance whatif 相同）修改学校表，再为修改后的县规划，如“一年级多招 200 人后
                       怎样达标”；清单有错误时不规划 / plan for the table after a what-if's edits (as balance
                       whatif reads them), e.g. 200 more first-graders; edits with errors plan nothing
  --edits-out 修改清单.json
                       把方案写成修改清单（在 --edits 的修改之后），可用 balance whatif --edits 核对达标
                       the plan as an edits file (after --edits' own), for balance whatif --edits to check it passes;
                       与 --budget 同用时写出预算内方案（即所显示的预算方案）/ with --budget, the plan within the budget
  --rotation-out 轮岗.json
                       把交流轮岗方案（不新增教师，另一种选择）写成修改清单，含 --rotation
                       the teacher rotation (instead of hiring) as an edits file of its own; implies --rotation
  --out 方案.xlsx       另存可打印的方案工作表（与任务窗格写入的相同）/ write the print-ready plan sheets
  --force              覆盖已有的文件 / overwrite an existing file
  --county NAME        旗县市名称，写入标题；表中有旗县列（如统计导出表）时只规划该旗县的学校；
                       不给时取旗县列、县级指标表标题或文件名所指的旗县
                       the county, for the titles: in a table with a county column (a statistics export) only
                       its schools are planned. By default, the county the workbook names (docs/county.md)
${RECIPE_HELP}
  --year YEAR          年份或学年，写入标题 / the year or school year, for the titles
  --sheet NAME         要读取的工作表 / the sheet to read
  --profile FILE.json  自定义评估标准 / a custom standard profile
  --lang zh|en         输出语言，默认中文 / output language, Chinese by default
  --json               输出一个 JSON 文档 / print one JSON document
  -h, --help           显示帮助 / show help

退出码 / Exit codes:
  0  已规划 / planned
  1  表中或成本文件中有错误 / errors in the table or the costs file
  2  命令行有误 / usage error
`;

/** A plan's additions, costs and verdict, as the plan JSON gives them for the plan and for a budget's plan. */
function planCore(plan: LeastCostPlan) {
  return {
    additions: plan.additions.map((a) => ({
      school: a.school,
      level: a.level,
      resource: a.resource,
      amount: a.amount,
      cost: a.cost,
    })),
    totalCost: plan.totalCost,
    /** teachers, 元 a year */
    recurringCost: plan.recurringCost,
    /** buildings, grounds, equipment and rooms, 元 once */
    oneOffCost: plan.oneOffCost,
    passesAfter: plan.passesAfter,
  };
}

/** The plan JSON contract (issue 5): field names are fixed; fields may be added. */
export function planJson(
  plan: LeastCostPlan,
  rotation: RotationPlan | null,
  costs: UnitCosts,
  problems: readonly Problem[],
  lang: Lang,
  projects: ProjectSizes | null = null,
) {
  return {
    ok: true,
    ...planCore(plan),
    costBySchool: plan.costBySchool,
    costByResource: plan.costByResource,
    unitCosts: costs,
    // the sizes used: each minimum a whole number of steps
    projectSizes: projects && projectSizesUsed(projects),
    baselineCost: plan.baselineCost,
    baselineRecurringCost: plan.baselineRecurringCost,
    baselineOneOffCost: plan.baselineOneOffCost,
    method: plan.method,
    cv: plan.cv,
    bands: plan.bands,
    ...(rotation
      ? {
          rotation: {
            moves: rotation.moves,
            teachersMoved: rotation.teachersMoved,
            passingBefore: rotation.passingBefore,
            passingAfter: rotation.passingAfter,
            nowPassing: rotation.nowPassing,
            optimal: rotation.optimal,
          },
        }
      : {}),
    problems: jsonProblems(problems, lang),
  };
}

function amountText(
  profile: Profile,
  resource: (typeof INDICATOR_IDS)[number],
  amount: number,
  lang: Lang,
): string {
  if (resource === "equipmentValue") return formatWan(amount, lang);
  const integral = profile.indicators[resource].integral || Number.isInteger(amount);
  return `${formatNumber(amount, integral ? 0 : 2, lang)} ${profile.indicators[resource].resourceUnit[lang]}`;
}

/** A plan's additions, teachers (a cost every year) and then facilities (a cost once), a line each. */
export function additionLines(plan: LeastCostPlan, profile: Profile, lang: Lang): string[] {
  const zh = lang === "zh";
  const lines: string[] = [];
  const addition = (a: LeastCostPlan["additions"][number]) => {
    const where = a.level
      ? `${a.school} ${LEVEL_NAMES[a.level][lang]}`
      : `${a.school}${zh ? "（全校）" : " (whole school)"}`;
    const cost = `${formatWan(a.cost, lang)}${isRecurring(a.resource) ? (zh ? "/年" : " a year") : ""}`;
    return `  ${where} ${profile.indicators[a.resource].shortName[lang]} +${amountText(profile, a.resource, a.amount, lang)}${zh ? "，" : ", "}${cost}`;
  };
  const teachers = plan.additions.filter((a) => isRecurring(a.resource));
  const facilities = plan.additions.filter((a) => !isRecurring(a.resource));
  if (teachers.length > 0) {
    lines.push(zh ? "新增教师（经常性支出）：" : "Teachers (a cost every year):");
    for (const a of teachers) lines.push(addition(a));
  }
  if (facilities.length > 0) {
    lines.push(
      zh
        ? "校舍、场馆、设备和多媒体教室（一次性投入）："
        : "Buildings, grounds, equipment and rooms (a cost once):",
    );
    for (const a of facilities) lines.push(addition(a));
  }
  return lines;
}

export function planText(
  plan: LeastCostPlan,
  rotation: RotationPlan | null,
  profile: Profile,
  lang: Lang,
): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(zh ? "最低成本补充方案" : "Least-cost plan");
  if (plan.additions.length === 0) lines.push(zh ? "  无需补充。" : "  Nothing to add.");
  lines.push(...additionLines(plan, profile, lang));
  lines.push("");
  lines.push(
    zh
      ? `经常性支出合计：${formatWan(plan.recurringCost, lang)}/年；一次性投入合计：${formatWan(plan.oneOffCost, lang)}`
      : `Recurring: ${formatWan(plan.recurringCost, lang)} a year; one-off: ${formatWan(plan.oneOffCost, lang)}`,
  );
  lines.push(
    zh
      ? `（逐校补足到标准的简单方案：经常性 ${formatWan(plan.baselineRecurringCost, lang)}/年，一次性 ${formatWan(plan.baselineOneOffCost, lang)}）`
      : `(topping each failing school up to the standard on its own: ${formatWan(plan.baselineRecurringCost, lang)} a year, ${formatWan(plan.baselineOneOffCost, lang)} once)`,
  );
  if (plan.method === "coefficients" && !plan.cv.converged)
    lines.push(
      zh
        ? `差异系数约束：迭代 ${plan.cv.iterations} 次，未全部收敛`
        : `Coefficient limits: ${plan.cv.iterations} iterations, not all converged`,
    );
  lines.push(
    plan.passesAfter
      ? zh
        ? "按此方案补充后，资源配置达标 ✓（已按标准重新评估）"
        : "After these additions resource allocation passes ✓ (evaluated again)"
      : zh
        ? "按此方案补充后仍未达标 ✗"
        : "After these additions resource allocation still does not pass ✗",
  );
  const proof = planProofLine(plan, lang);
  if (proof) lines.push(proof);
  if (!plan.passesAfter) {
    // what still fails, as the plan within a budget says it
    const sections = failingSections(plan.evaluation).map((s) => ({ school: s.school, level: s.level }));
    for (const line of [
      remainingSectionsLine(sections, lang),
      remainingCoefficientsLine(plan.cv.remaining, profile, lang),
    ])
      if (line) lines.push(`  ${line}`);
  }
  if (rotation) {
    lines.push("");
    lines.push(zh ? "交流轮岗方案（不新增教师）" : "Teacher rotation (no hiring)");
    if (rotation.moves.length === 0) lines.push(zh ? "  无可行的轮岗。" : "  No useful move.");
    for (const m of rotation.moves) {
      lines.push(
        `  ${m.from} → ${m.to}（${LEVEL_NAMES[m.level][lang]}）${profile.indicators[m.resource].shortName[lang]} ${formatNumber(m.count, 0, lang)} ${zh ? "人" : ""}`.trimEnd(),
      );
    }
    lines.push(
      zh
        ? `达标学校（校区）：${formatNumber(rotation.passingBefore, 0, lang)} → ${formatNumber(rotation.passingAfter, 0, lang)}；交流教师 ${formatNumber(rotation.teachersMoved, 0, lang)} 人`
        : `Passing sections: ${formatNumber(rotation.passingBefore, 0, lang)} → ${formatNumber(rotation.passingAfter, 0, lang)}; teachers moved: ${formatNumber(rotation.teachersMoved, 0, lang)}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** 万元 in 元. */
const WAN = 10000;

/**
 * `--budget` in 万元 as 元: a number not below 0, thousands separated by commas or not (`1,500`), in full-width
 * digits as a Chinese input method types them (`３００`), its unit written after it or not (`300万`, `300万元`); a
 * message naming what was given otherwise.
 */
export function parseBudget(text: string): number | Bilingual {
  const plain = text
    .normalize("NFKC")
    .trim()
    .replace(/\s*万元?$/u, "")
    .replace(/[,，]/g, "");
  const value = /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : NaN;
  if (Number.isFinite(value)) return value * WAN;
  return {
    zh: `--budget 应为以万元计的非负数（如 --budget 300 表示 300 万元），而不是“${text}”`,
    en: `--budget takes a sum in 万元 (10,000 yuan) not below 0 (--budget 300 is 3,000,000 yuan), not "${text}"`,
  };
}

/** What a budget buys, as `balance plan --budget` prints it after the least-cost plan (docs/plans.md#budget). */
export function budgetText(result: BudgetPlan, profile: Profile, lang: Lang): string {
  const words = budgetWords(result, profile, lang);
  const lines = ["", ...words.verdict];
  const within = words.within;
  if (within) {
    lines.push("", within.title);
    if (within.none) lines.push(`  ${within.none}`);
    lines.push(...additionLines(result.plan, profile, lang), within.passing);
    if (within.remaining) lines.push(within.remaining);
    if (within.coefficients) lines.push(within.coefficients);
    lines.push(t(lang, "planBudgetStillFails"));
  }
  return lines.join("\n") + "\n";
}

/** The `budget` member of the plan JSON (docs/plans.md#budget): what the budget buys, in 元. */
export function budgetJson(result: BudgetPlan) {
  const { plan, full } = result;
  return {
    budget: result.budget,
    fits: result.fits,
    provenShort: result.provenShort,
    fullCost: full.totalCost,
    fullLowerBound: full.cv.lowerBound,
    ...planCore(plan),
    included: result.included,
    passingBefore: result.passingBefore,
    passingAfter: result.passingAfter,
    remainingSections: result.remainingSections,
    remainingCoefficients: plan.cv.remaining,
  };
}

/**
 * The county's records after a what-if's edits (docs/plans.md#plan-edits), as `balance whatif` reads and applies
 * them: the edits applied in words, their positions in the file, and the problems, `errors` where any edit could
 * not be read or applied.
 */
function editedRecords(
  records: readonly SchoolRecord[],
  file: { path: string; json: unknown },
  profile: Profile,
  costs: Readonly<UnitCosts>,
  lang: Lang,
) {
  const parsed = parseEdits(file.json, profile);
  const scenario = editedCounty(records, parsed.edits, profile, lang, parsed.indexes);
  // every problem of an edit names the file it is in
  const problems = inFile([...parsed.problems, ...scenario.problems], EDITS_FILE, file.path);
  return {
    records: scenario.records,
    problems,
    errors: problems.some((p) => p.severity === "error"),
    count: parsed.count,
    applied: scenario.applied.map((i) => parsed.indexes[i]),
    described: scenario.described,
    /** what each structural edit moved or dropped, by its place in the file as `applied` (docs/plans.md#effects) */
    effects: scenario.effects,
    indexes: parsed.indexes,
    /** the edits' own cost at the plan's unit costs (docs/plans.md#whatif-cost), in the order applied */
    cost: whatIfCost(parsed.edits, scenario, costs),
  };
}

/**
 * The lines before a plan made for the table after edits: the edits, each with what it moved (a structural edit)
 * and its cost, so that no one takes it for the table's plan nor forgets what the edits themselves cost.
 */
function editsPreamble(edits: PlannedEdits, lang: Lang): string {
  const { described, cost } = edits;
  const zh = lang === "zh";
  const lines = [
    zh
      ? `按修改清单修改后的学校表规划（模拟，原表未改动；修改 ${described.length} 项）：`
      : `Planned for the school table after the edits (a what-if; the table is unchanged; ${countOf(described.length, "edit")}):`,
    ...plannedEditRows(edits).flatMap((row, i) => [
      `  ${i + 1}. ${row.text}`,
      ...row.effects.map((e) => `     ${e.words[lang]}`),
      `     ${zh ? "费用：" : "cost: "}${editCostWords(cost.edits[i], lang)}`,
    ]),
    `  ${whatIfCostWords(cost, lang)}`,
    "",
  ];
  return lines.join("\n") + "\n";
}

export const planCommand: Command = {
  name: "plan",
  json: true,
  summary: {
    zh: "规划：最低成本达标方案，可加交流轮岗方案",
    en: "plan: the least-cost additions to pass, optionally the teacher rotation",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, planCommand, args, {
      costs: { type: "string" },
      budget: { type: "string" },
      rotation: { type: "boolean" },
      edits: { type: "string" },
      "edits-out": { type: "string" },
      "rotation-out": { type: "string" },
      ...COUNTY_TABLE_OPTIONS,
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const budget = values.budget === undefined ? null : parseBudget(values.budget);
    if (budget !== null && typeof budget !== "number") return usageError(io, budget, "balance plan --help");
    const title = await sheetsOutOptions(io, values, [file, values.costs, values.recipe, values.edits]);
    if (typeof title === "number") return title;
    const editsOut = values["edits-out"];
    const inputs = [file, values.costs, values.recipe, values.edits, values.profile, values.out];
    const refused = await checkEditsOut(io, editsOut, values.force === true, inputs);
    if (refused !== null) return refused;
    // docs/plans.md#rotation-out: the rotation, an alternative to hiring, in a file of its own
    const rotationOut = values["rotation-out"];
    const rotationInputs = [...inputs, editsOut];
    const refusedRotation = await checkEditsOut(
      io,
      rotationOut,
      values.force === true,
      rotationInputs,
      "--rotation-out",
    );
    if (refusedRotation !== null) return refusedRotation;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    const problems: Problem[] = [];
    const json = values.json === true;
    const priced = await readCostsOption(io, values.costs, lang, json);
    if (typeof priced === "number") return priced;
    const { costs, projects } = priced;
    problems.push(...priced.warnings);
    const editsJson =
      values.edits === undefined ? null : await readJsonFile(io, values.edits, EDITS_FILE, "edits");
    if (editsJson && !editsJson.ok) return editsJson.code;
    const county = await countyRecordsOption(io, file, values, profile, title, { lang, json });
    if (typeof county === "number") return county;
    const { titles } = county;
    problems.push(...county.problems);
    // docs/plans.md#plan-edits: the county after a what-if's edits, applied as `balance whatif` applies them
    const scenario =
      editsJson &&
      editedRecords(
        county.records,
        { path: values.edits ?? "", json: editsJson.value },
        profile,
        costs,
        lang,
      );
    if (scenario) {
      problems.push(...scenario.problems);
      if (scenario.errors) {
        const notPlanned =
          lang === "zh"
            ? "修改清单有错误，未规划；改正后再运行。\n"
            : "The edits have errors; nothing was planned. Correct them and run again.\n";
        if (json) await writeJsonDocument(io, { ok: false, problems: jsonProblems(problems, lang) });
        else io.stderr(formatProblems(problems, lang).join("\n") + "\n");
        io.stderr(notPlanned);
        return EXIT.inputErrors;
      }
    }
    const records = scenario ? scenario.records : county.records;
    const plan = await planLeastCost(records, profile, costs, { projects });
    const within =
      budget === null
        ? null
        : await planWithinBudget(records, profile, budget, costs, { projects, full: plan });
    const rotation =
      values.rotation || rotationOut !== undefined ? await planRotation(records, profile) : null;
    let wrote = "";
    if (values.out !== undefined) {
      // the edits, what each moved and cost, and the plan's totals with theirs, as the text says them
      const edits = scenario ?? undefined;
      const sheets = [planSheet(plan, costs, profile, lang, { title: titles, projects, edits })];
      // a budget short of the full plan: its plan too, on a sheet of its own
      if (within && !within.fits)
        sheets.push(planSheet(within.plan, costs, profile, lang, { title: titles, projects, edits }));
      if (rotation)
        sheets.push(rotationSheet(rotation, profile, lang, { title: titles, edits: edits?.described }));
      const written = await writtenSheets(io, values.out, sheets, values.force === true, lang);
      if (written === null) return EXIT.inputErrors;
      wrote = written;
    }
    // docs/plans.md#edits-out: the plan shown as an edits file balance whatif runs, after the what-if's own edits;
    // with a budget, the plan within it (the full plan when it fits)
    const typed = editsJson?.ok ? editsJson.value : undefined;
    const force = values.force === true;
    if (editsOut !== undefined) {
      const shown = within ? within.plan : plan;
      const what = within
        ? within.fits
          ? { zh: "预算内方案，即最低成本方案", en: "the plan within the budget, the least-cost plan" }
          : { zh: "预算内方案", en: "the plan within the budget" }
        : { zh: "最低成本方案", en: "the least-cost plan" };
      const line = await writeEditsOut(io, editsOut, planEdits(shown.additions), typed, {
        force,
        lang,
        what,
      });
      if (line === null) return EDITS_OUT_FAILED;
      wrote += line;
    }
    if (rotationOut !== undefined && rotation) {
      const what = { zh: "交流轮岗方案", en: "the teacher rotation" };
      const line = await writeEditsOut(io, rotationOut, rotation.edits, typed, { force, lang, what });
      if (line === null) return EDITS_OUT_FAILED;
      wrote += line;
    }
    if (json) {
      await writeJsonDocument(io, {
        ...planJson(plan, rotation, costs, problems, lang, projects),
        ...(within ? { budget: budgetJson(within) } : {}),
        ...(scenario
          ? {
              edits: {
                count: scenario.count,
                applied: scenario.applied,
                cost: costJson(scenario.cost, costs, scenario.indexes),
                withPlan: withEditsCost(plan, scenario.cost),
              },
            }
          : {}),
      });
      if (wrote) io.stderr(wrote);
    } else {
      if (problems.length > 0) io.stderr(formatProblems(problems, lang).join("\n") + "\n");
      io.stdout(
        (scenario ? editsPreamble(scenario, lang) : "") +
          planText(plan, rotation, profile, lang) +
          (scenario
            ? `${withEditsCostWords(withEditsCost(plan, scenario.cost), scenario.cost, lang)}\n`
            : "") +
          (within ? budgetText(within, profile, lang) : "") +
          (wrote ? `\n${wrote}` : ""),
      );
    }
    return EXIT.ok;
  },
};
