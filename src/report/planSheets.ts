/**
 * The plan (补充方案) and the rotation (交流轮岗) as print-ready sheets, written alike by the pane and by
 * `balance plan --out`: teachers, a cost every year, apart from buildings, equipment and rooms, a cost once, each
 * totalled in 万元; every cost a formula of the amount and the unit cost, so that a bureau can put its own price
 * in the sheet and see the totals move.
 */
import type { Profile } from "../standard/profile";
import { FACILITY_INDICATORS, LEVEL_NAMES, type IndicatorId } from "../standard/indicators";
import { countOf } from "../i18n/count";
import { formatNumber, formatWan, type Lang } from "../i18n/format";
import { planProofLine } from "./budgetText";
import type { ReportCell, ReportSheet } from "./model";
import type { LeastCostPlan, PlanAddition } from "../engine/plan/leastCost";
import type { RotationPlan } from "../engine/plan/rotation";
import { isRecurring, leastProject, type ProjectSizes, type UnitCosts } from "../engine/plan/costs";
import { SheetBuilder, figureFormat, pageMarks, tableTitle, type TitleParts } from "./print";
import { plannedEditRows, pushEditRows, type PlannedEdits } from "./editRows";
import { t as message } from "../i18n/messages";
import { withEditsCost, withEditsCostWords } from "../engine/whatifCost";

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
const head = (labels: string[]): ReportCell[] =>
  labels.map((value) => ({ value: value || null, style: "header" as const }));

const PLAN = { zh: "资源配置补充方案（最低成本）", en: "Least-cost plan" } as const;
const BUDGET_PLAN = { zh: "资源配置补充方案（预算内）", en: "Plan within the budget" } as const;

/** The names of the plan's sheets, as `balance plan --out` and the pane write them. */
export const PLAN_SHEET_NAMES = {
  plan: { zh: "补充方案", en: "Plan" },
  budget: { zh: "预算内方案", en: "Within budget" },
  rotation: { zh: "交流轮岗", en: "Rotation" },
} as const;
const ROTATION = { zh: "教师交流轮岗方案", en: "Teacher rotation plan" } as const;

/** Equipment is shown in 万元, every other resource in its own unit (people, m², rooms). */
function shownAmount(resource: IndicatorId, amount: number): number {
  return resource === "equipmentValue" ? amount / 10000 : amount;
}

function shownUnit(profile: Profile, resource: IndicatorId, lang: Lang): string {
  return resource === "equipmentValue"
    ? t(lang, "万元", "10k yuan")
    : profile.indicators[resource].resourceUnit[lang];
}

/** Excel format of an amount as shown: whole people and rooms, whole m² unless the plan is exact, 万元 to 2 decimals. */
export function amountFormat(profile: Profile, resource: IndicatorId, amount = 0): string {
  if (resource === "equipmentValue") return "#,##0.00";
  return profile.indicators[resource].integral ? "0" : figureFormat(amount, 2);
}

/** The unit cost in 万元 per unit as shown (per teacher and year, per m², per 万元 of equipment, per room). */
function unitCostWan(costs: UnitCosts, resource: IndicatorId): number {
  return resource === "equipmentValue" ? costs[resource] : costs[resource] / 10000;
}

export interface PlanSheetOptions {
  title?: TitleParts;
  /** the project sizes the plan's facility additions were made of, for its notes */
  projects?: ProjectSizes | null;
  /**
   * the what-if edits the table was changed by before planning (`balance plan --edits`, the pane's 规划 after 模拟):
   * listed first with what each moved and cost, and the plan's totals with theirs added
   */
  edits?: PlannedEdits;
}

/** The parts of a sheet numbered as a person numbers them: 一、二、… or 1. 2. … */
const NUMERALS = ["一", "二", "三", "四", "五", "六"];
const numbered = (n: number, zh: string, en: string, lang: Lang) =>
  lang === "zh" ? `${NUMERALS[n - 1]}、${zh}` : `${n}. ${en}`;

/**
 * The least-cost plan as a sheet: after the what-if's edits it was made after (if any), each with its cost, the teachers to add (万元 a year), the buildings, equipment and rooms to add
 * (万元 once), the two totals, the costs by school, then what the simple top-up would cost and how close the plan
 * is proven to the least cost.
 */
export function planSheet(
  plan: LeastCostPlan,
  costs: UnitCosts,
  profile: Profile,
  lang: Lang,
  options: PlanSheetOptions = {},
): ReportSheet {
  const title = options.title ?? {};
  // a plan within a budget short of the full plan (docs/plans.md#budget) is a sheet of its own beside it
  const within = plan.method === "budget";
  const name = within ? BUDGET_PLAN : PLAN;
  const last = 6;
  const b = new SheetBuilder([22, 8, 18, 9, 6, 12, 12]);
  b.title(
    tableTitle(title, name, lang),
    last,
    plan.passesAfter
      ? t(
          lang,
          "按此方案补充后资源配置达标（已按标准重新评估）",
          "After these additions resource allocation passes (evaluated again)",
        )
      : t(
          lang,
          "按此方案补充后资源配置仍未达标",
          "After these additions resource allocation still does not pass",
        ),
  );
  const teachers = plan.additions.filter((a) => isRecurring(a.resource));
  const facilities = plan.additions.filter((a) => !isRecurring(a.resource));
  // each part from its heading to its end on one page where it fits, else its heading with its first rows
  let part = 0;
  let parts = 0;
  const heading = (zh: string, en: string) =>
    (part = b.pushSpan({ value: numbered(++parts, zh, en, lang), style: "section" }, 0, last, 22));
  const endPart = () => b.keep(part, b.next - 1);
  const edits = options.edits;
  if (edits) {
    // what the plan was made after, first: no one takes it for the table's plan nor forgets what the edits cost
    heading(
      "模拟修改（本方案按修改后的学校表求出，原表未改动）",
      "What-if edits (planned for the table after them; the table itself is unchanged)",
    );
    pushEditRows(b, plannedEditRows(edits), edits.cost, lang, last);
    if (edits.notApplied) b.note(message(lang, "planEditsNotApplied", { n: edits.notApplied }), last);
    b.keep(part, part + 2);
    b.spacer();
  }

  const table = (
    additions: PlanAddition[],
    header: string[],
    where: (a: PlanAddition) => string,
    totalLabel: string,
  ): number | null => {
    const top = b.push(head(header));
    const first = b.next;
    for (const a of additions) {
      const r = b.next;
      b.push([
        { value: a.school },
        { value: where(a), align: "center" },
        { value: profile.indicators[a.resource].shortName[lang] },
        {
          value: shownAmount(a.resource, a.amount),
          format: amountFormat(profile, a.resource, a.amount),
          align: "right",
        },
        { value: shownUnit(profile, a.resource, lang), align: "center" },
        { value: unitCostWan(costs, a.resource), format: "#,##0.00##", align: "right" },
        // a formula, so that a bureau can change a unit cost in the sheet and see the totals move
        { formula: `=D${r}*F${r}`, value: a.cost / 10000, format: "#,##0.00", align: "right" },
      ]);
    }
    if (additions.length === 0) b.pushSpan({ value: t(lang, "（无）", "(none)"), style: "note" }, 0, last);
    const total = b.next;
    const sum =
      additions.length > 0
        ? {
            formula: `=SUM(G${first}:G${total - 1})`,
            value: additions.reduce((s, a) => s + a.cost, 0) / 10000,
          }
        : { value: 0 };
    const row: ReportCell[] = [{ value: totalLabel, style: "bold" }];
    row[last] = { ...sum, format: "#,##0.00", style: "bold", align: "right" };
    b.push(row);
    b.merge(total, 0, total, last - 1);
    b.border(top, 0, total, last);
    b.repeatHeader(top, top, total);
    return additions.length > 0 ? total : null;
  };

  heading("新增教师（经常性支出，按年计）", "Teachers to add (a cost every year)");
  const teacherTotal = table(
    teachers,
    t(
      lang,
      "学校|学段|教师类别|人数|单位|单位成本（万元/人·年）|成本（万元/年）",
      "School|Level|Kind|Teachers|Unit|Unit cost (10k yuan/year)|Cost (10k yuan/year)",
    ).split("|"),
    (a) => (a.level ? LEVEL_NAMES[a.level][lang] : ""),
    t(lang, "合计（万元/年）", "Total (10k yuan a year)"),
  );
  endPart();
  b.spacer();
  heading(
    "校舍、场馆、设备和多媒体教室（一次性投入）",
    "Buildings, grounds, equipment and rooms (a cost once)",
  );
  const facilityTotal = table(
    facilities,
    t(
      lang,
      "学校|范围|项目|数量|单位|单位成本（万元）|投资（万元）",
      "School|Scope|Item|Amount|Unit|Unit cost (10k yuan)|Cost (10k yuan)",
    ).split("|"),
    () => t(lang, "全校", "school"),
    t(lang, "合计（万元）", "Total (10k yuan)"),
  );
  endPart();
  b.spacer();
  heading("成本合计", "Totals");
  const totals = b.next;
  for (const [label, cell, value, unit] of [
    [
      t(lang, "经常性支出：新增教师（每年）", "Recurring: teachers (every year)"),
      teacherTotal,
      plan.recurringCost,
      t(lang, "万元/年", "10k yuan/year"),
    ],
    [
      t(lang, "一次性投入：校舍、场馆、设备和多媒体教室", "One-off: buildings, grounds, equipment and rooms"),
      facilityTotal,
      plan.oneOffCost,
      t(lang, "万元", "10k yuan"),
    ],
  ] as const) {
    const r = b.next;
    const row: ReportCell[] = [{ value: label, style: "bold" }];
    row[5] = cell
      ? { formula: `=G${cell}`, value: value / 10000, format: "#,##0.00", style: "bold", align: "right" }
      : { value: 0, format: "#,##0.00", style: "bold", align: "right" };
    row[6] = { value: unit };
    b.push(row);
    b.merge(r, 0, r, 4);
  }
  // the plan and the edits' own cost together, as the engine adds them (docs/plans.md#plan-edits)
  if (edits)
    b.pushSpan(
      {
        value: withEditsCostWords(withEditsCost(plan, edits.cost), edits.cost, lang),
        style: "bold",
        wrap: true,
      },
      0,
      last,
    );
  b.border(totals, 0, b.next - 1, last);
  endPart();
  if (plan.costBySchool.length > 0) {
    b.spacer();
    heading("按学校汇总", "By school");
    const top = b.push(
      head(
        t(
          lang,
          "学校||新增教师（人）||经常性支出（万元/年）||一次性投入（万元）",
          "School||Teachers||Recurring (10k yuan/year)||One-off (10k yuan)",
        ).split("|"),
      ),
    );
    b.merge(top, 0, top, 1);
    b.merge(top, 2, top, 3);
    b.merge(top, 4, top, 5);
    for (const { school } of plan.costBySchool) {
      const mine = plan.additions.filter((a) => a.school === school);
      const r = b.push([
        { value: school },
        {},
        {
          value: mine.filter((a) => isRecurring(a.resource)).reduce((n, a) => n + a.amount, 0),
          format: "0",
          align: "right",
        },
        {},
        {
          value: mine.filter((a) => isRecurring(a.resource)).reduce((s, a) => s + a.cost, 0) / 10000,
          format: "#,##0.00",
          align: "right",
        },
        {},
        {
          value: mine.filter((a) => !isRecurring(a.resource)).reduce((s, a) => s + a.cost, 0) / 10000,
          format: "#,##0.00",
          align: "right",
        },
      ]);
      b.merge(r, 0, r, 1);
      b.merge(r, 2, r, 3);
      b.merge(r, 4, r, 5);
    }
    b.border(top, 0, b.next - 1, last);
    b.repeatHeader(top, top, b.next - 1);
    endPart();
  }
  b.spacer();
  for (const note of planNotes(plan, profile, lang, options.projects ?? null)) b.note(note, last);
  b.signature(lang, last);
  return b.sheet({
    key: within ? "budget" : "plan",
    name: PLAN_SHEET_NAMES[within ? "budget" : "plan"][lang],
    freeze: { rows: 2, columns: 0 },
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, ...pageMarks(title, name, lang) },
  });
}

/** How the plan's figures were reached: the project sizes, the simple top-up, the proven gap. */
/** A plan made for the table after what-if edits says so first, with the edits (`balance plan --edits`). */
function editsNotes(edits: readonly string[], lang: Lang): string[] {
  if (edits.length === 0) return [];
  const list = edits.map((e, i) => `${i + 1}. ${e}`).join(lang === "zh" ? "；" : "; ");
  return [
    t(
      lang,
      `本方案按修改后的学校表求出（模拟，原表未改动）：${list}。`,
      `This plan is for the school table after these what-if edits (the table itself is unchanged): ${list}.`,
    ),
  ];
}

function planNotes(
  plan: LeastCostPlan,
  profile: Profile,
  lang: Lang,
  projects: ProjectSizes | null,
): string[] {
  const notes: string[] = [];
  if (projects) {
    const sizes = FACILITY_INDICATORS.map((id) => {
      const unit = shownUnit(profile, id, lang);
      const min = formatNumber(
        shownAmount(id, leastProject(projects, id)),
        id === "equipmentValue" ? 1 : 0,
        lang,
      );
      const step = formatNumber(shownAmount(id, projects.step[id]), id === "equipmentValue" ? 1 : 0, lang);
      return t(
        lang,
        `${profile.indicators[id].shortName.zh}至少 ${min} ${unit}（按 ${step} ${unit} 取整）`,
        `${profile.indicators[id].shortName.en} at least ${min} ${unit} (in steps of ${step})`,
      );
    });
    notes.push(
      t(
        lang,
        `设施按项目规模补充：${sizes.join("，")}；已达到要求的不补充。`,
        `Facilities are added as projects: ${sizes.join("; ")}; none where nothing is needed.`,
      ),
    );
  }
  notes.push(
    t(
      lang,
      `逐校补足到标准的简单方案：经常性支出 ${formatWan(plan.baselineRecurringCost, lang)}/年，一次性投入 ${formatWan(plan.baselineOneOffCost, lang)}。方案求两项之和最低（教师按一年计）。`,
      `Simple per-school top-up to the standard: ${formatWan(plan.baselineRecurringCost, lang)} a year and ${formatWan(plan.baselineOneOffCost, lang)} once. The plan minimises one year of the teachers' pay plus the one-off costs.`,
    ),
  );
  if (plan.method === "budget") {
    const failing = plan.evaluation.sections.filter((s) => s.included && !s.pass).length;
    notes.push(
      t(
        lang,
        `预算内方案：在预算内使最多的未达标学校（校区）达标，其次两项之和最低；差异系数不在目标之内。补充后仍有 ${failing} 个学校（校区）未达标。`,
        `Within the budget: the most failing sections brought to pass, then the least cost; coefficients are not pursued. ${countOf(failing, "section still fails", "sections still fail")} after it.`,
      ),
    );
  }
  const proof = planProofLine(plan, lang);
  if (proof) notes.push(proof);
  else if (plan.method === "coefficients" && !plan.cv.converged)
    notes.push(
      t(
        lang,
        `差异系数约束经 ${plan.cv.iterations} 次迭代未全部满足`,
        `Coefficient limits: not all met after ${plan.cv.iterations} iterations`,
      ),
    );
  return notes;
}

/** The rotation (交流轮岗) as a sheet: one row per move. */
export function rotationSheet(
  rotation: RotationPlan,
  profile: Profile,
  lang: Lang,
  options: { title?: TitleParts; edits?: readonly string[] } = {},
): ReportSheet {
  const title = options.title ?? {};
  const last = 4;
  const b = new SheetBuilder([24, 24, 8, 16, 8]);
  b.title(
    tableTitle(title, ROTATION, lang),
    last,
    rotation.moves.length === 0
      ? t(
          lang,
          `达标学校（校区）${rotation.passingBefore} 个；交流轮岗不能使更多学校（校区）达标`,
          `Passing sections: ${rotation.passingBefore}; no rotation brings more to pass`,
        )
      : t(
          lang,
          `达标学校（校区）由 ${rotation.passingBefore} 个增至 ${rotation.passingAfter} 个；交流教师 ${rotation.teachersMoved} 人；派出学校均保持达标`,
          `Passing sections: ${rotation.passingBefore} → ${rotation.passingAfter}; ${countOf(rotation.teachersMoved, "teacher moves", "teachers move")}; every sending school still passes`,
        ),
  );
  const top = b.push(
    head([
      t(lang, "派出学校", "From"),
      t(lang, "接收学校", "To"),
      t(lang, "学段", "Level"),
      t(lang, "教师类别", "Kind"),
      t(lang, "人数", "Teachers"),
    ]),
  );
  for (const m of rotation.moves) {
    b.push([
      { value: m.from },
      { value: m.to },
      { value: LEVEL_NAMES[m.level][lang], align: "center" },
      { value: profile.indicators[m.resource].shortName[lang] },
      { value: m.count, format: "0", align: "right" },
    ]);
  }
  if (rotation.moves.length === 0)
    b.pushSpan({ value: t(lang, "（无可行的轮岗）", "(no useful move)"), style: "note" }, 0, last);
  b.border(top, 0, b.next - 1, last);
  const notes = editsNotes(options.edits ?? [], lang);
  if (notes.length > 0) b.spacer();
  for (const note of notes) b.note(note, last);
  b.signature(lang, last);
  return b.sheet({
    key: "rotation",
    name: PLAN_SHEET_NAMES.rotation[lang],
    freeze: { rows: top, columns: 0 },
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      titleRows: [top, top],
      ...pageMarks(title, ROTATION, lang),
    },
  });
}
