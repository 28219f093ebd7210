import type { Profile } from "../standard/profile";
import { INDICATOR_IDS } from "../standard/indicators";
import type { Lang } from "../i18n/format";
import type { ReportCell, ReportSheet } from "./model";
import { SheetBuilder, pageMarks, tableTitle, type TitleParts } from "./print";
import { describeEdit, type Edit, type ScenarioResult } from "../engine/scenario";
import { sectionVerdict, type SectionVerdict } from "../engine/scenarioDiff";
import type { WhatIfCost } from "../engine/whatifCost";
import { pushEditRows } from "./editRows";

const VERDICT: Record<SectionVerdict, { zh: string; en: string }> = {
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "不达标", en: "Fail" },
  excluded: { zh: "不参评", en: "Not evaluated" },
  absent: { zh: "—", en: "—" },
};

export function verdictText(v: SectionVerdict, lang: Lang): string {
  return VERDICT[v][lang];
}

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

const SCENARIO = { zh: "模拟方案", en: "What-if scenario" } as const;

/** The name of the scenario's sheet, as `balance whatif --out` and the pane write it. */
export const SCENARIO_SHEET_NAME = { zh: "模拟方案", en: "Scenario" } as const;

/**
 * The scenario as a print-ready sheet (the pane and `balance whatif --out` alike): the edits, each with what the
 * engine said it moved or dropped and its cost at the plan's unit costs (`cost`, the engine's `whatIfCost` of these
 * edits and this result), and their cost in all, then every
 * section's values after them with its verdict before and after, then the difference coefficients that changed
 * with the engine's verdict on each. Values stay unrounded; the formats round them for reading.
 */
export function scenarioSheet(
  edits: readonly Edit[],
  result: ScenarioResult,
  cost: WhatIfCost,
  profile: Profile,
  lang: Lang,
  /** `indexes`: each edit's place in the file it came from, as the engine's effects name it (parseEdits) */
  options: { title?: TitleParts; indexes?: readonly number[] } = {},
): ReportSheet {
  const title = options.title ?? {};
  const last = 3 + INDICATOR_IDS.length + 1;
  // one landscape page wide at 100 % with the widest face that may stand in for 宋体 (118 characters, 750 of the
  // page's 770 pt): fitted, its text is not scaled under 9 pt; a long school's name wraps
  const b = new SheetBuilder([
    19,
    7,
    7,
    ...INDICATOR_IDS.map((id) => (id === "equipmentValue" ? 11 : 10)),
    7,
    7,
  ]);
  const head = (labels: string[]): ReportCell[] =>
    labels.map((value) => ({ value: value || null, style: "header" as const }));
  b.title(
    tableTitle(title, SCENARIO, lang),
    last,
    result.evaluation.resourcesPass
      ? t(lang, "模拟后：资源配置达标", "After the changes: resource allocation passes")
      : t(lang, "模拟后：资源配置未达标", "After the changes: resource allocation does not pass"),
  );
  const heading = (text: string) => b.pushSpan({ value: text, style: "section" }, 0, last, 22);
  heading(t(lang, "一、修改", "1. Edits"));
  // each edit as the screen lists it: what the engine said it moved or dropped, its cost, then the cost in all
  const place = (i: number) => options.indexes?.[i] ?? i;
  pushEditRows(
    b,
    edits.map((e, i) => ({
      text:
        describeEdit(e, profile, lang) +
        (result.applied.includes(i) ? "" : t(lang, "（未应用）", " (not applied)")),
      effects: result.effects.filter((x) => x.edit === place(i)),
      cost: cost.edits.find((c) => c.edit === i) ?? null,
    })),
    cost,
    lang,
    last,
  );
  b.spacer();
  heading(t(lang, "二、模拟后各校（校区）指标值", "2. Every section after the changes"));
  const sectionsTop = b.push(
    head([
      t(lang, "学校", "School"),
      t(lang, "学段", "Level"),
      t(lang, "在校生", "Students"),
      ...INDICATOR_IDS.map(
        (id) => `${profile.indicators[id].shortName[lang]}（${profile.indicators[id].unit[lang]}）`,
      ),
      t(lang, "模拟前", "Before"),
      t(lang, "模拟后", "After"),
    ]),
  );
  const before = new Map(result.baseline.sections.map((s) => [`${s.school}\u0000${s.level}`, s]));
  for (const s of result.evaluation.sections) {
    const was = before.get(`${s.school}\u0000${s.level}`);
    // the section's verdict before and after, as the engine tells it (what the pane's what-if shows too)
    const vb = sectionVerdict(was);
    const va = sectionVerdict(s);
    b.push([
      { value: s.school },
      {
        value: s.level === "primary" ? t(lang, "小学", "Primary") : t(lang, "初中", "Junior"),
        align: "center",
      },
      { value: s.students, format: "#,##0" },
      ...INDICATOR_IDS.map((id) => ({
        value: s.values[id],
        format: id === "equipmentValue" ? "#,##0.00" : "0.00",
      })),
      { value: verdictText(vb, lang), align: "center" as const },
      {
        value: verdictText(va, lang),
        style: va === "pass" ? ("pass" as const) : va === "fail" ? ("fail" as const) : undefined,
        align: "center" as const,
      },
    ]);
  }
  b.border(sectionsTop, 0, b.next - 1, last);
  if (result.diff.cvChanged.length > 0) {
    b.spacer();
    heading(t(lang, "三、变化的差异系数", "3. Coefficients that changed"));
    const top = b.push(
      head([
        t(lang, "学段", "Level"),
        t(lang, "指标", "Indicator"),
        "",
        t(lang, "差异系数（前）", "CV before"),
        t(lang, "差异系数（后）", "CV after"),
        t(lang, "上限", "Limit"),
      ]),
    );
    b.merge(top, 1, top, 2);
    for (const c of result.diff.cvChanged) {
      // the engine's verdict on the coefficient after the changes (its tolerant comparison, docs/standard.md#comparison)
      const { limit, pass } = result.evaluation.levels[c.level].balance[c.indicator];
      const r = b.push([
        {
          value: c.level === "primary" ? t(lang, "小学", "Primary") : t(lang, "初中", "Junior"),
          align: "center",
        },
        { value: profile.indicators[c.indicator].shortName[lang] },
        {},
        { value: c.before, format: "0.0000" },
        { value: c.after, format: "0.0000", style: pass ? "pass" : "fail" },
        { value: limit, format: "0.00" },
      ]);
      b.merge(r, 1, r, 2);
    }
    b.border(top, 0, b.next - 1, 5);
  }
  b.signature(lang, last);
  return b.sheet({
    key: "scenario",
    name: SCENARIO_SHEET_NAME[lang],
    freeze: { rows: 2, columns: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: [sectionsTop, sectionsTop],
      ...pageMarks(title, SCENARIO, lang),
    },
  });
}
