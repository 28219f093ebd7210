import { formatNumber, formatYuan, type Lang } from "../../i18n/format";
import { planLeastCost, type LeastCostPlan } from "../../engine/plan/leastCost";
import { planRotation, type RotationPlan } from "../../engine/plan/rotation";
import { DEFAULT_UNIT_COSTS, parseCosts, type UnitCosts } from "../../engine/plan/costs";
import type { Problem } from "../../sheet/problems";
import type { Profile } from "../../standard/profile";
import { INDICATOR_IDS, LEVEL_NAMES } from "../../standard/indicators";
import { formatProblems } from "../verdict";
import { EXIT, type CliIO, type Command } from "../io";
import { writeJsonDocument } from "../json";
import {
  inputProblems,
  jsonProblems,
  parseCommandLine,
  readCountyRecords,
  readJsonFile,
  readProfileOption,
} from "../commandLine";

const HELP = `balance plan <workbook.xlsx> [--costs costs.json] [--rotation] [--sheet NAME] [--profile FILE.json]
             [--lang zh|en] [--json]

规划：求使全部参评学校达标、各项差异系数不超过限值的最低成本补充方案（各校各学段的教师，
各校的校舍、运动场馆、设备和多媒体教室），并按标准验证；加 --rotation 另求教师交流轮岗方案。
Plan: the least-cost additions (teachers per school section; teaching area, sports area, equipment and
multimedia rooms per school) that make every included section pass and every difference coefficient fall
within its limit, verified by the evaluation; --rotation adds the teacher rotation plan (交流轮岗).

选项 / Options:
  --costs FILE.json    单位成本（元），未列出的用默认值（见 README“模拟与规划”）
                       unit costs in yuan; missing ones keep their defaults (see README, What-if and plans)
  --rotation           另求交流轮岗方案 / also plan the teacher rotation
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

/** The plan JSON contract (issue 5): field names are fixed; fields may be added. */
export function planJson(
  plan: LeastCostPlan,
  rotation: RotationPlan | null,
  costs: UnitCosts,
  problems: readonly Problem[],
  lang: Lang,
) {
  return {
    ok: true,
    additions: plan.additions.map((a) => ({
      school: a.school,
      level: a.level,
      resource: a.resource,
      amount: a.amount,
      cost: a.cost,
    })),
    totalCost: plan.totalCost,
    passesAfter: plan.passesAfter,
    costBySchool: plan.costBySchool,
    costByResource: plan.costByResource,
    unitCosts: costs,
    baselineCost: plan.baselineCost,
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
  if (resource === "equipmentValue") return formatYuan(amount, lang);
  const integral = profile.indicators[resource].integral;
  return `${formatNumber(amount, integral ? 0 : 2, lang)} ${profile.indicators[resource].resourceUnit[lang]}`;
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
  for (const a of plan.additions) {
    const where = a.level
      ? `${a.school} ${LEVEL_NAMES[a.level][lang]}`
      : `${a.school}${zh ? "（全校）" : " (whole school)"}`;
    lines.push(
      `  ${where} ${profile.indicators[a.resource].shortName[lang]} +${amountText(profile, a.resource, a.amount, lang)}${zh ? "，" : ", "}${formatYuan(a.cost, lang)}`,
    );
  }
  lines.push("");
  lines.push(zh ? "按资源：" : "By resource:");
  for (const r of plan.costByResource) {
    if (r.amount === 0) continue;
    lines.push(
      `  ${profile.indicators[r.resource].shortName[lang]}：+${amountText(profile, r.resource, r.amount, lang)}${zh ? "，" : ", "}${formatYuan(r.cost, lang)}`,
    );
  }
  lines.push(zh ? `合计：${formatYuan(plan.totalCost, lang)}` : `Total: ${formatYuan(plan.totalCost, lang)}`);
  lines.push(
    zh
      ? `（逐校补足到标准的简单方案需 ${formatYuan(plan.baselineCost, lang)}）`
      : `(topping each failing school up to the standard on its own: ${formatYuan(plan.baselineCost, lang)})`,
  );
  if (plan.method === "coefficients") {
    const gap = plan.cv.gap === null ? "—" : `${formatNumber(plan.cv.gap * 100, 4, lang)}%`;
    lines.push(
      zh
        ? `差异系数约束：迭代 ${plan.cv.iterations} 次，${plan.cv.converged ? "全部在限值内" : "未全部收敛"}；与下界的差距 ${gap}`
        : `Coefficient limits: ${plan.cv.iterations} iterations, ${plan.cv.converged ? "all within their limits" : "not all converged"}; gap to the lower bound ${gap}`,
    );
  }
  lines.push(
    plan.passesAfter
      ? zh
        ? "按此方案补充后，资源配置达标 ✓（已按标准重新评估）"
        : "After these additions resource allocation passes ✓ (evaluated again)"
      : zh
        ? "按此方案补充后仍未达标 ✗"
        : "After these additions resource allocation still does not pass ✗",
  );
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

export const planCommand: Command = {
  name: "plan",
  summary: {
    zh: "规划：最低成本达标方案，可加交流轮岗方案",
    en: "plan: the least-cost additions to pass, optionally the teacher rotation",
  },
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const line = parseCommandLine(io, planCommand, args, {
      costs: { type: "string" },
      rotation: { type: "boolean" },
      sheet: { type: "string" },
      profile: { type: "string" },
      json: { type: "boolean" },
    });
    if (typeof line === "number") return line;
    const { values, file, lang } = line;
    const profile = await readProfileOption(io, values.profile);
    if (typeof profile === "number") return profile;
    let costs: UnitCosts = { ...DEFAULT_UNIT_COSTS };
    const problems: Problem[] = [];
    const json = values.json === true;
    if (values.costs !== undefined) {
      const costsFile = await readJsonFile(io, values.costs, { zh: "成本文件", en: "costs file" });
      if (!costsFile.ok) return costsFile.code;
      const parsedCosts = parseCosts(costsFile.value);
      if (parsedCosts.problems.length > 0) return inputProblems(io, parsedCosts.problems, lang, json);
      costs = parsedCosts.costs;
    }
    const county = await readCountyRecords(file, values.sheet, profile);
    if (!county.ok) return inputProblems(io, county.problems, lang, json, file);
    problems.push(...county.problems);
    const plan = await planLeastCost(county.records, profile, costs);
    const rotation = values.rotation ? await planRotation(county.records, profile) : null;
    if (json) {
      await writeJsonDocument(io, planJson(plan, rotation, costs, problems, lang));
    } else {
      if (problems.length > 0) io.stderr(formatProblems(problems, lang).join("\n") + "\n");
      io.stdout(planText(plan, rotation, profile, lang));
    }
    return EXIT.ok;
  },
};
