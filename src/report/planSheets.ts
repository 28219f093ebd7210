import type { Profile } from "../standard/profile";
import { LEVEL_NAMES, type IndicatorId } from "../standard/indicators";
import { formatPercent, formatYuan, type Lang } from "../i18n/format";
import type { ReportCell, ReportSheet } from "./model";
import type { LeastCostPlan } from "../engine/plan/leastCost";
import type { RotationPlan } from "../engine/plan/rotation";
import type { UnitCosts } from "../engine/plan/costs";

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
const head = (labels: string[]): ReportCell[] => labels.map((value) => ({ value, style: "header" as const }));

/** Excel format of an amount of a resource: whole people and rooms, m² to 2 decimals, 元 grouped. */
export function amountFormat(profile: Profile, resource: IndicatorId): string {
  if (resource === "equipmentValue") return "#,##0";
  return profile.indicators[resource].integral ? "0" : "#,##0.00";
}

/** The least-cost plan as a sheet: additions with cost, then totals per resource and per school. */
export function planSheet(plan: LeastCostPlan, costs: UnitCosts, profile: Profile, lang: Lang): ReportSheet {
  const rows: ReportCell[][] = [];
  rows.push([{ value: t(lang, "最低成本补充方案", "Least-cost plan"), style: "title" }]);
  rows.push([
    {
      value: plan.passesAfter
        ? t(
            lang,
            "按此方案补充后资源配置达标（已重新评估）",
            "After these additions resource allocation passes (evaluated again)",
          )
        : t(lang, "按此方案补充后仍未达标", "After these additions resource allocation still does not pass"),
      style: plan.passesAfter ? "pass" : "fail",
    },
  ]);
  rows.push([]);
  const first = rows.length + 1;
  rows.push(
    head([
      t(lang, "学校", "School"),
      t(lang, "学段", "Level"),
      t(lang, "资源", "Resource"),
      t(lang, "补充数量", "Amount"),
      t(lang, "单位", "Unit"),
      t(lang, "单位成本（元）", "Unit cost (yuan)"),
      t(lang, "成本（元）", "Cost (yuan)"),
    ]),
  );
  for (const a of plan.additions) {
    const r = rows.length + 1;
    rows.push([
      { value: a.school },
      { value: a.level ? LEVEL_NAMES[a.level][lang] : t(lang, "全校", "Whole school") },
      { value: profile.indicators[a.resource].shortName[lang] },
      { value: a.amount, format: amountFormat(profile, a.resource) },
      { value: profile.indicators[a.resource].resourceUnit[lang] },
      { value: costs[a.resource], format: "#,##0.00" },
      // the cost stays a formula, so that a bureau can change a unit cost in the sheet and see the total move
      { formula: `=D${r}*F${r}`, value: a.cost, format: "#,##0" },
    ]);
  }
  const last = rows.length;
  rows.push([
    { value: t(lang, "合计", "Total"), style: "bold" },
    {},
    {},
    {},
    {},
    {},
    plan.additions.length > 0
      ? { formula: `=SUM(G${first + 1}:G${last})`, value: plan.totalCost, format: "#,##0", style: "bold" }
      : { value: 0, format: "#,##0", style: "bold" },
  ]);
  rows.push([]);
  rows.push(
    head([t(lang, "资源", "Resource"), t(lang, "补充数量", "Amount"), t(lang, "成本（元）", "Cost (yuan)")]),
  );
  for (const r of plan.costByResource) {
    if (r.amount === 0) continue;
    rows.push([
      { value: profile.indicators[r.resource].shortName[lang] },
      { value: r.amount, format: amountFormat(profile, r.resource) },
      { value: r.cost, format: "#,##0" },
    ]);
  }
  rows.push([]);
  rows.push(head([t(lang, "学校", "School"), t(lang, "成本（元）", "Cost (yuan)")]));
  for (const s of plan.costBySchool) rows.push([{ value: s.school }, { value: s.cost, format: "#,##0" }]);
  rows.push([]);
  rows.push([
    {
      value: t(
        lang,
        `逐校补足到标准的简单方案成本：${formatYuan(plan.baselineCost, lang)}。教师按每人每年计，其余按一次性投入计。`,
        `Simple per-school top-up to the standard: ${formatYuan(plan.baselineCost, lang)}. Teachers are costed per person per year, the rest once.`,
      ),
      style: "note",
    },
  ]);
  if (plan.method === "coefficients") {
    rows.push([
      {
        value: t(
          lang,
          `差异系数约束经 ${plan.cv.iterations} 次迭代${plan.cv.converged ? "全部满足" : "未全部满足"}；与已证明的下界相差 ${formatPercent(plan.cv.gap, 3, lang)}`,
          `Coefficient limits: ${plan.cv.iterations} iterations, ${plan.cv.converged ? "all met" : "not all met"}; within ${formatPercent(plan.cv.gap, 3, lang)} of the proven lower bound`,
        ),
        style: "note",
      },
    ]);
  }
  return {
    key: "plan",
    name: t(lang, "补充方案", "Plan"),
    rows,
    columnWidths: [24, 8, 14, 12, 6, 14, 14],
    freeze: { rows: first, columns: 1 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    merges: ["A1:G1", "A2:G2"],
  };
}

/** The rotation (交流轮岗) as a sheet: one row per move. */
export function rotationSheet(rotation: RotationPlan, profile: Profile, lang: Lang): ReportSheet {
  const rows: ReportCell[][] = [];
  rows.push([{ value: t(lang, "教师交流轮岗方案", "Teacher rotation plan"), style: "title" }]);
  rows.push([
    {
      value: t(
        lang,
        `达标学校（校区）由 ${rotation.passingBefore} 个增至 ${rotation.passingAfter} 个；交流教师 ${rotation.teachersMoved} 人；派出学校均保持达标`,
        `Passing sections: ${rotation.passingBefore} → ${rotation.passingAfter}; ${rotation.teachersMoved} teachers move; every sending school still passes`,
      ),
      style: "note",
    },
  ]);
  rows.push([]);
  rows.push(
    head([
      t(lang, "派出学校", "From"),
      t(lang, "接收学校", "To"),
      t(lang, "学段", "Level"),
      t(lang, "教师类别", "Kind"),
      t(lang, "人数", "Teachers"),
    ]),
  );
  for (const m of rotation.moves) {
    rows.push([
      { value: m.from },
      { value: m.to },
      { value: LEVEL_NAMES[m.level][lang] },
      { value: profile.indicators[m.resource].shortName[lang] },
      { value: m.count, format: "0" },
    ]);
  }
  if (rotation.moves.length === 0)
    rows.push([{ value: t(lang, "（无可行的轮岗）", "(no useful move)"), style: "note" }]);
  return {
    key: "rotation",
    name: t(lang, "交流轮岗", "Rotation"),
    rows,
    columnWidths: [24, 24, 8, 14, 8],
    freeze: { rows: 4, columns: 0 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true },
    merges: ["A1:E1", "A2:E2"],
  };
}
