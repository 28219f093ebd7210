import * as React from "react";
import {
  Badge,
  Button,
  Field,
  Select,
  SpinButton,
  Text,
  makeStyles,
  tokens,
  type SpinButtonChangeEvent,
  type SpinButtonOnChangeData,
} from "@fluentui/react-components";
import type { ViewProps } from "../viewProps";
import { evaluate } from "../../engine/evaluate";
import { SECTIONS_OF_TYPE, type SchoolRecord } from "../../engine/records";
import { describeEdit, evaluateScenario, sectionVerdict, type Edit } from "../../engine/scenario";
import {
  FACILITY_INDICATORS,
  INDICATOR_IDS,
  TEACHER_INDICATORS,
  type FacilityIndicatorId,
  type Level,
  type TeacherIndicatorId,
} from "../../standard/indicators";
import { formatNumber, type Lang } from "../../i18n/format";
import { scenarioSheet, verdictText } from "../../report/scenarioSheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "350px", padding: "4px" },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: "8px", rowGap: "4px" },
  row: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  edits: { margin: 0, paddingLeft: "18px" },
  small: { color: tokens.colorNeutralForeground3 },
  deltas: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
});

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);
const LEVEL_NAME: Record<Level, { zh: string; en: string }> = {
  primary: { zh: "小学", en: "Primary" },
  junior: { zh: "初中", en: "Junior" },
};

/** Equipment is edited in 万元, as the statistics record it; the edit itself is in 元. */
const EQUIPMENT_DISPLAY = 10000;
const STEP: Record<FacilityIndicatorId, number> = {
  teachingArea: 100,
  sportsArea: 100,
  equipmentValue: 1,
  multimediaRooms: 1,
};

type Field =
  | { kind: "students"; level: Level }
  | { kind: "teachers"; level: Level; resource: TeacherIndicatorId }
  | { kind: "facility"; resource: FacilityIndicatorId };

function fieldValue(record: SchoolRecord, f: Field): number {
  if (f.kind === "students") return record.students[f.level];
  if (f.kind === "teachers") return record.teachers[f.level][f.resource];
  const v = record.facilities[f.resource];
  return f.resource === "equipmentValue" ? v / EQUIPMENT_DISPLAY : v;
}

function editFor(school: string, f: Field, delta: number): Edit {
  if (f.kind === "students") return { kind: "addStudents", school, level: f.level, value: delta };
  if (f.kind === "teachers")
    return { kind: "hireTeachers", school, level: f.level, resource: f.resource, count: delta };
  const amount = f.resource === "equipmentValue" ? delta * EQUIPMENT_DISPLAY : delta;
  return { kind: "addFacility", school, resource: f.resource, amount };
}

/** Consecutive changes to the same number become one edit, so the list reads like decisions, not keystrokes. */
function withChange(edits: readonly Edit[], edit: Edit): Edit[] {
  const last = edits[edits.length - 1];
  const same =
    last &&
    last.kind === edit.kind &&
    "school" in last &&
    "school" in edit &&
    last.school === edit.school &&
    (!("level" in last) || !("level" in edit) || last.level === edit.level) &&
    (!("resource" in last) || !("resource" in edit) || last.resource === edit.resource);
  if (!same) return [...edits, edit];
  let merged: Edit | null = null;
  if (last.kind === "addStudents" && edit.kind === "addStudents")
    merged = { ...last, value: last.value + edit.value };
  if (last.kind === "hireTeachers" && edit.kind === "hireTeachers")
    merged = { ...last, count: last.count + edit.count };
  if (last.kind === "addFacility" && edit.kind === "addFacility")
    merged = { ...last, amount: last.amount + edit.amount };
  if (!merged) return [...edits, edit];
  const zero =
    (merged.kind === "addStudents" && merged.value === 0) ||
    (merged.kind === "hireTeachers" && merged.count === 0) ||
    (merged.kind === "addFacility" && Math.abs(merged.amount) < 1e-9);
  return zero ? edits.slice(0, -1) : [...edits.slice(0, -1), merged];
}

/** 模拟 What-if: change a school's numbers and see its verdict, the county's and the coefficients at once. */
export function WhatIfView(props: ViewProps): React.JSX.Element {
  const { records, profile, lang } = props;
  const styles = useStyles();
  const [edits, setEdits] = React.useState<Edit[]>([]);
  const [school, setSchool] = React.useState<string>(records[0]?.name ?? "");
  const [saving, setSaving] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);

  // another table (or profile) starts a new scenario
  React.useEffect(() => {
    setEdits([]);
    setSchool((current) => (records.some((r) => r.name === current) ? current : (records[0]?.name ?? "")));
  }, [records, profile]);

  const baseline = React.useMemo(() => evaluate(records, profile), [records, profile]);
  const result = React.useMemo(
    () => evaluateScenario(records, edits, profile, baseline),
    [records, edits, profile, baseline],
  );
  const current = result.records.find((r) => r.name === school);

  if (records.length === 0) {
    return (
      <div className={styles.root}>
        <Text>{t(lang, "请先读取学校表。", "Read the school table first.")}</Text>
      </div>
    );
  }

  const change = (f: Field) => (_e: SpinButtonChangeEvent, data: SpinButtonOnChangeData) => {
    if (!current) return;
    const parsed = data.value ?? (data.displayValue !== undefined ? Number(data.displayValue) : NaN);
    if (parsed === null || !Number.isFinite(parsed)) return;
    const whole = f.kind !== "facility" || f.resource === "multimediaRooms";
    const next = Math.max(0, whole ? Math.round(parsed) : parsed);
    const delta = next - fieldValue(current, f);
    if (Math.abs(delta) < 1e-12) return;
    setEdits((list) => withChange(list, editFor(school, f, delta)));
  };

  const spin = (label: string, f: Field, step: number) => {
    const value = current ? fieldValue(current, f) : 0;
    return (
      <Field label={label} key={label}>
        <SpinButton
          value={value}
          displayValue={formatNumber(value, Number.isInteger(value) ? 0 : 2, lang)}
          min={0}
          step={step}
          onChange={change(f)}
          aria-label={label}
        />
      </Field>
    );
  };

  const levels = current ? SECTIONS_OF_TYPE[current.type] : [];
  const sectionsAfter = result.evaluation.sections.filter((s) => s.school === school);
  const sectionsBefore = new Map(
    baseline.sections.filter((s) => s.school === school).map((s) => [s.level, s]),
  );
  const deltas = result.diff.valuesChanged.filter((v) => v.school === school && v.field !== "students");

  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      await props.onWriteSheets([scenarioSheet(edits, result, profile, lang)]);
      setMessage(t(lang, "已写入“模拟方案”工作表。", "The scenario sheet was written."));
    } catch (e) {
      setMessage(t(lang, "写入失败：", "Could not write: ") + String((e as Error).message ?? e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <Field label={t(lang, "学校", "School")}>
        <Select
          value={school}
          onChange={(_e, d) => setSchool(d.value)}
          aria-label={t(lang, "学校", "School")}
        >
          {result.records.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.row} aria-live="polite">
        {sectionsAfter.map((s) => {
          const before = sectionVerdict(sectionsBefore.get(s.level));
          const after = sectionVerdict(s);
          return (
            <Badge
              key={s.level}
              appearance="filled"
              color={after === "pass" ? "success" : after === "fail" ? "danger" : "informative"}
            >
              {LEVEL_NAME[s.level][lang]}：{verdictText(after, lang)}
              {before !== after ? `（${t(lang, "原", "was")} ${verdictText(before, lang)}）` : ""}
            </Badge>
          );
        })}
        <Badge appearance="outline" color={result.evaluation.resourcesPass ? "success" : "danger"}>
          {result.evaluation.resourcesPass
            ? t(lang, "全县资源配置达标", "County passes")
            : t(lang, "全县资源配置未达标", "County does not pass")}
        </Badge>
      </div>

      {levels.map((level) => (
        <div key={level}>
          <Text weight="semibold">{LEVEL_NAME[level][lang]}</Text>
          <div className={styles.grid}>
            {spin(
              t(lang, `${LEVEL_NAME[level].zh}在校生`, `${LEVEL_NAME[level].en} students`),
              { kind: "students", level },
              10,
            )}
            {TEACHER_INDICATORS.map((id) =>
              spin(
                `${LEVEL_NAME[level][lang]} ${profile.indicators[id].shortName[lang]}`,
                { kind: "teachers", level, resource: id },
                1,
              ),
            )}
          </div>
        </div>
      ))}
      {current && (
        <div>
          <Text weight="semibold">{t(lang, "全校设施", "Whole-school facilities")}</Text>
          <div className={styles.grid}>
            {FACILITY_INDICATORS.map((id) =>
              spin(
                `${profile.indicators[id].shortName[lang]}（${id === "equipmentValue" ? t(lang, "万元", "10k yuan") : profile.indicators[id].resourceUnit[lang]}）`,
                { kind: "facility", resource: id },
                STEP[id],
              ),
            )}
          </div>
        </div>
      )}

      {deltas.length > 0 && (
        <div>
          <Text weight="semibold">{t(lang, "指标变化", "Changes")}</Text>
          <ul className={styles.deltas}>
            {deltas.map((d) => (
              <li key={`${d.level}-${d.field}`}>
                {LEVEL_NAME[d.level][lang]}{" "}
                {profile.indicators[d.field as (typeof INDICATOR_IDS)[number]].shortName[lang]}：
                {formatNumber(d.before, 2, lang)} → {formatNumber(d.after, 2, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.diff.cvChanged.length > 0 && (
        <div>
          <Text weight="semibold">{t(lang, "差异系数", "Difference coefficients")}</Text>
          <ul className={styles.deltas}>
            {result.diff.cvChanged.map((c) => {
              const crossed = result.diff.cvCrossed.find(
                (x) => x.level === c.level && x.indicator === c.indicator,
              );
              return (
                <li key={`${c.level}-${c.indicator}`}>
                  {LEVEL_NAME[c.level][lang]} {profile.indicators[c.indicator].shortName[lang]}：
                  {formatNumber(c.before, 4, lang)} → {formatNumber(c.after, 4, lang)}
                  {crossed
                    ? crossed.passesAfter
                      ? t(lang, "（转为达标）", " (now within the limit)")
                      : t(lang, "（超过上限）", " (now over the limit)")
                    : ""}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <div>
        <div className={styles.row}>
          <Text weight="semibold">
            {t(lang, "修改清单", "Edits")}（{edits.length}）
          </Text>
          <Button size="small" disabled={edits.length === 0} onClick={() => setEdits((l) => l.slice(0, -1))}>
            {t(lang, "撤销", "Undo")}
          </Button>
          <Button size="small" disabled={edits.length === 0} onClick={() => setEdits([])}>
            {t(lang, "全部清除", "Clear all")}
          </Button>
        </div>
        {edits.length === 0 ? (
          <Text className={styles.small}>{t(lang, "尚无修改。", "No edits yet.")}</Text>
        ) : (
          <ol className={styles.edits} aria-label={t(lang, "修改清单", "Edits")}>
            {edits.map((e, i) => (
              <li key={i}>{describeEdit(e, profile, lang)}</li>
            ))}
          </ol>
        )}
        {result.problems.map((p, i) => (
          <Text key={i} className={styles.small} block>
            {p.message[lang]}
          </Text>
        ))}
      </div>

      <Button appearance="primary" disabled={saving} onClick={save}>
        {t(lang, "将模拟方案保存为工作表", "Save the scenario as a sheet")}
      </Button>
      {message && <Text>{message}</Text>}
    </div>
  );
}
