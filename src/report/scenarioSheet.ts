import type { Profile } from "../standard/profile";
import { INDICATOR_IDS } from "../standard/indicators";
import type { Lang } from "../i18n/format";
import type { ReportCell, ReportSheet } from "./model";
import { describeEdit, type Edit, type ScenarioResult, type SectionVerdict } from "../engine/scenario";

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

/**
 * The scenario as a sheet: the edits, then every section's compliance after them (with the verdict before),
 * then the difference coefficients that changed. Values stay unrounded; the formats round them for reading.
 */
export function scenarioSheet(
  edits: readonly Edit[],
  result: ScenarioResult,
  profile: Profile,
  lang: Lang,
): ReportSheet {
  const rows: ReportCell[][] = [];
  const head = (labels: string[]): ReportCell[] =>
    labels.map((value) => ({ value, style: "header" as const }));
  rows.push([{ value: t(lang, "模拟方案", "What-if scenario"), style: "title" }]);
  rows.push([
    {
      value: result.evaluation.resourcesPass
        ? t(lang, "模拟后：资源配置达标", "After the changes: resource allocation passes")
        : t(lang, "模拟后：资源配置未达标", "After the changes: resource allocation does not pass"),
      style: result.evaluation.resourcesPass ? "pass" : "fail",
    },
  ]);
  rows.push([]);
  rows.push(head([t(lang, "序号", "No."), t(lang, "修改", "Edit")]));
  edits.forEach((e, i) =>
    rows.push([{ value: i + 1, format: "0" }, { value: describeEdit(e, profile, lang) }]),
  );
  if (edits.length === 0) rows.push([{ value: t(lang, "（无修改）", "(no edits)"), style: "note" }]);
  rows.push([]);
  rows.push(
    head([
      t(lang, "学校", "School"),
      t(lang, "学段", "Level"),
      t(lang, "在校生", "Students"),
      ...INDICATOR_IDS.map((id) => profile.indicators[id].shortName[lang]),
      t(lang, "模拟前", "Before"),
      t(lang, "模拟后", "After"),
    ]),
  );
  const before = new Map(result.baseline.sections.map((s) => [`${s.school}\u0000${s.level}`, s]));
  for (const s of result.evaluation.sections) {
    const b = before.get(`${s.school}\u0000${s.level}`);
    const vb: SectionVerdict = !b ? "absent" : !b.included ? "excluded" : b.pass ? "pass" : "fail";
    const va: SectionVerdict = !s.included ? "excluded" : s.pass ? "pass" : "fail";
    rows.push([
      { value: s.school },
      { value: s.level === "primary" ? t(lang, "小学", "Primary") : t(lang, "初中", "Junior") },
      { value: s.students, format: "0" },
      ...INDICATOR_IDS.map((id) => ({ value: s.values[id], format: "0.00" })),
      { value: verdictText(vb, lang) },
      {
        value: verdictText(va, lang),
        style: va === "pass" ? ("pass" as const) : va === "fail" ? ("fail" as const) : undefined,
      },
    ]);
  }
  if (result.diff.cvChanged.length > 0) {
    rows.push([]);
    rows.push(
      head([
        t(lang, "学段", "Level"),
        t(lang, "指标", "Indicator"),
        t(lang, "差异系数（前）", "CV before"),
        t(lang, "差异系数（后）", "CV after"),
        t(lang, "上限", "Limit"),
      ]),
    );
    for (const c of result.diff.cvChanged) {
      // the engine's verdict on the coefficient after the changes (its tolerant comparison, docs/standard.md#comparison)
      const { limit, pass } = result.evaluation.levels[c.level].balance[c.indicator];
      rows.push([
        { value: c.level === "primary" ? t(lang, "小学", "Primary") : t(lang, "初中", "Junior") },
        { value: profile.indicators[c.indicator].shortName[lang] },
        { value: c.before, format: "0.0000" },
        { value: c.after, format: "0.0000", style: pass ? "pass" : "fail" },
        { value: limit, format: "0.00" },
      ]);
    }
  }
  return {
    key: "scenario",
    name: t(lang, "模拟方案", "Scenario"),
    rows,
    columnWidths: [22, 8, 10, ...INDICATOR_IDS.map(() => 11), 10, 10],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}
